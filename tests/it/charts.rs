//! The map and the charts (docs/charts.md) in built sites: every SVG parses
//! as XML, the map has the 38 provinces linked and shaded by their number
//! of partner libraries, the tables hold the reported figures, a province
//! without a report has no chart, and text from data is escaped.

use crate::support;

use roxmltree::{Document, Node};
use std::collections::BTreeMap;
use std::path::Path;
use support::TestSite;
use warta::site::ResolveOptions;

/// Builds the site at `root` into a temp folder.
fn build(root: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("out dir");
    let o = support::run_in(
        root,
        &["build", "--out", out.path().to_str().expect("utf-8 path")],
    );
    o.assert_ok();
    out
}

fn page(out: &Path, url: &str) -> String {
    let rel = format!("{}index.html", url.trim_start_matches('/'));
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|_| panic!("{url} was built"))
}

/// Every `<svg>…</svg>` of a page (warta's SVG never nests).
fn svgs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(a) = rest.find("<svg") {
        let b = rest[a..].find("</svg>").expect("a closed svg") + a + "</svg>".len();
        out.push(rest[a..b].to_string());
        rest = &rest[b..];
    }
    out
}

/// The first element `<tag class="class"…>…</tag>` of `html`, as text.
fn element(html: &str, tag: &str, class: &str) -> Option<String> {
    let a = html.find(&format!("<{tag} class=\"{class}\""))?;
    let end = format!("</{tag}>");
    let b = html[a..].find(&end)? + a + end.len();
    Some(html[a..b].to_string())
}

fn parse(xml: &str) -> Document<'_> {
    Document::parse(xml).unwrap_or_else(|e| panic!("not XML ({e}):\n{xml}"))
}

fn text(n: Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

/// The SVG rules for every picture: no CSS in it (CSP), a name for
/// assistive technology that resolves inside the SVG.
fn assert_clean_svg(svg: &str) {
    let doc = parse(svg);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert!(
        doc.descendants().all(|n| n.attribute("style").is_none()),
        "no style attributes: {svg}"
    );
    assert!(doc.descendants().all(|n| n.tag_name().name() != "style"));
    assert!(root.attribute("viewBox").is_some());
    let role = root.attribute("role").expect("a role");
    assert!(role == "img" || role == "group", "{role}");
    let ids = root.attribute("aria-labelledby").expect("aria-labelledby");
    for id in ids.split_whitespace() {
        let named = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("#{id} is in the SVG"));
        assert!(["title", "desc"].contains(&named.tag_name().name()));
        assert!(!text(named).trim().is_empty());
    }
}

/// The map's linked provinces: href → (class, title).
fn map_links(svg: &str) -> BTreeMap<String, (String, String)> {
    let doc = parse(svg);
    doc.descendants()
        .filter(|n| n.tag_name().name() == "a")
        .map(|a| {
            let path = a
                .children()
                .find(|c| c.tag_name().name() == "path")
                .expect("a path in the link");
            let title = a
                .children()
                .find(|c| c.tag_name().name() == "title")
                .expect("a title in the link");
            (
                a.attribute("href").expect("href").to_string(),
                (path.attribute("class").unwrap().to_string(), text(title)),
            )
        })
        .collect()
}

/// Numbers written the Indonesian way.
fn id_number(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Legend ranges (`0`, `1–4`, `10–932`) by class, from the page's legend.
fn legend(html: &str) -> BTreeMap<String, (u64, u64)> {
    let ul = element(html, "ul", "legend").expect("a legend");
    let doc = parse(&ul);
    doc.descendants()
        .filter(|n| n.tag_name().name() == "li")
        .map(|li| {
            let span = li.first_element_child().expect("swatch");
            let class = span.attribute("class").unwrap().replace("swatch ", "");
            let label = text(li);
            let num = |s: &str| s.trim().replace('.', "").parse::<u64>().unwrap();
            let range = match label.split_once('–') {
                Some((a, b)) => (num(a), num(b)),
                None => (num(&label), num(&label)),
            };
            (class, range)
        })
        .collect()
}

#[test]
fn the_example_site_map_links_and_shades_all_38_provinces() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = build(root);
    let site = warta::pipeline::check(root, ResolveOptions::default()).site;
    assert_eq!(site.provinces.len(), 38);
    for url in ["/", "/provinsi/"] {
        let html = page(out.path(), url);
        let all = svgs(&html);
        assert_eq!(all.len(), 1, "one map on {url}");
        assert_clean_svg(&all[0]);
        let links = map_links(&all[0]);
        assert_eq!(links.len(), 38, "38 linked provinces on {url}");
        let ranges = legend(&html);
        for p in &site.provinces {
            let href = format!("/provinsi/{}/", p.slug);
            let (class, title) = links.get(&href).unwrap_or_else(|| panic!("{href}"));
            let n = p.libraries.len() as u64;
            let (lo, hi) = ranges[class];
            assert!(
                lo <= n && n <= hi,
                "{href}: {n} libraries, class {class} is {lo}–{hi}"
            );
            assert_eq!(class == "m0", n == 0);
            assert!(title.starts_with(p.display_name()), "{title}");
            assert!(title.contains(&format!(": {} ", id_number(n))), "{title}");
        }
        // The text alternative: a table, province → number, the same numbers.
        let table = element(&html, "details", "map-table").expect("the map's table");
        let doc = parse(&table);
        let rows: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == "tr")
            .skip(1)
            .map(|tr| {
                let cells: Vec<Node> = tr.children().filter(|c| c.is_element()).collect();
                let href = cells[0].first_element_child().unwrap().attribute("href");
                (href.unwrap().to_string(), text(cells[1]))
            })
            .collect();
        assert_eq!(rows.len(), 38);
        for (p, (href, n)) in site.provinces.iter().zip(&rows) {
            assert_eq!(href, &format!("/provinsi/{}/", p.slug));
            assert_eq!(n, &id_number(p.libraries.len() as u64));
        }
        // The credit the licence asks for, beside the map.
        assert!(html.contains("oleh denyherianto, CC BY 4.0, diubah</a>"));
    }
    // The map is inline on both pages: bytes count (docs/charts.md).
    let map = &svgs(&page(out.path(), "/"))[0];
    assert!(map.len() < 25_000, "the map is {} bytes", map.len());
}

#[test]
fn the_example_province_pages_chart_reports_as_reported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = build(root);
    let site = warta::pipeline::check(root, ResolveOptions::default()).site;
    let report = site
        .reports
        .iter()
        .find(|r| r.id == "jawa-timur-2024-januari-september")
        .expect("the East Java report");
    let fig = |k: &str| {
        let v = report.figures.iter().find(|(key, _)| key == k).unwrap().1;
        id_number(v)
    };
    let html = page(out.path(), "/provinsi/jawa-timur/");
    let charts = svgs(&html);
    assert_eq!(charts.len(), 2, "KPI and activities");
    for svg in &charts {
        assert_clean_svg(svg);
        assert_eq!(parse(svg).root_element().attribute("role"), Some("img"));
    }
    let kpi = text(parse(&charts[0]).root_element());
    for (label, key) in [
        ("Tinggi", "kpi_tinggi"),
        ("Sedang", "kpi_sedang"),
        ("Rendah", "kpi_rendah"),
    ] {
        assert!(kpi.contains(&format!("{label}: {}", fig(key))), "{kpi}");
    }
    let tables: Vec<String> = html
        .match_indices("<table class=\"chart-table\">")
        .map(|(i, _)| {
            let end = html[i..].find("</table>").unwrap() + i + "</table>".len();
            html[i..end].to_string()
        })
        .collect();
    assert_eq!(tables.len(), 2);
    let cells = |t: &str| -> Vec<Vec<String>> {
        parse(t)
            .descendants()
            .filter(|n| n.tag_name().name() == "tr")
            .map(|tr| tr.children().filter(|c| c.is_element()).map(text).collect())
            .collect()
    };
    assert_eq!(
        cells(&tables[0]),
        [
            vec!["Kategori".to_string(), report.period.clone()],
            vec!["Tinggi".into(), fig("kpi_tinggi")],
            vec!["Sedang".into(), fig("kpi_sedang")],
            vec!["Rendah".into(), fig("kpi_rendah")],
        ]
    );
    let activity = cells(&tables[1]);
    assert_eq!(activity[1][1], fig("community_engagement"));
    assert_eq!(activity[1][1], "8.781", "Indonesian thousands separator");
    assert_eq!(activity[2][1], fig("advocacy"));
    assert_eq!(activity[3][1], fig("service_improvement"));
    assert!(html.contains("Paparan pada Temu Mitra TPBIS Provinsi Jawa Timur"));

    // No report, no chart, no empty box.
    let aceh = page(out.path(), "/provinsi/aceh/");
    assert!(svgs(&aceh).is_empty());
    assert!(!aceh.contains("chart-box") && !aceh.contains("id=\"charts\""));
}

const REPORTS: &str = "\
- id: jateng-awal
  title: Laporan <b>awal</b> & \"dua\"
  province: jawa-tengah
  period: Jan–Jun 2023 <i>&</i>
  date: 2023-07-01
  figures:
    kpi_tinggi: 5
    kpi_rendah: 1200
- id: jateng-akhir
  title: Laporan akhir
  province: jawa-tengah
  period: \"2024\"
  date: 2024-07-01
  illustrative: true
  figures:
    kpi_tinggi: 7
    kpi_sedang: 0
    kpi_rendah: 3
";

#[test]
fn a_small_site_escapes_data_and_draws_only_what_was_reported() {
    let site = TestSite::minimal();
    site.edit(
        "data/provinces.yaml",
        "name: Jawa Tengah",
        "name: Jawa <Tengah> & \"Kudus\"",
    )
    .write("data/reports/jawa-tengah.yaml", REPORTS);
    let out = build(site.root());

    // The map: all 38 shapes, only the site's three provinces linked.
    let home = page(out.path(), "/");
    let map = &svgs(&home)[0];
    assert_clean_svg(map);
    let doc = parse(map);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.tag_name().name() == "path")
            .count(),
        38
    );
    let links = map_links(map);
    assert_eq!(
        links.keys().collect::<Vec<_>>(),
        [
            "/provinsi/aceh/",
            "/provinsi/jawa-tengah/",
            "/provinsi/jawa-timur/"
        ]
    );
    let (class, title) = &links["/provinsi/jawa-tengah/"];
    assert_eq!(title, "Jawa <Tengah> & \"Kudus\": 2 perpustakaan mitra");
    assert_eq!(links["/provinsi/aceh/"].0, "m0");
    assert_ne!(class, &links["/provinsi/jawa-timur/"].0, "2 and 1 differ");
    assert!(!home.contains("<Tengah>"), "escaped in the HTML too");

    // Two reports, oldest first; a figure not reported is "—", not 0.
    let html = page(out.path(), "/provinsi/jawa-tengah/");
    let charts = svgs(&html);
    assert_eq!(charts.len(), 1, "KPI only: no activity was reported");
    assert_clean_svg(&charts[0]);
    let doc = parse(&charts[0]);
    let lines: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "text")
        .map(text)
        .collect();
    assert_eq!(
        lines,
        [
            "Jan–Jun 2023 <i>&</i>",
            "Tinggi: 5",
            "Sedang: —",
            "Rendah: 1.200",
            "2024",
            "Tinggi: 7",
            "Sedang: 0",
            "Rendah: 3"
        ]
    );
    // Bars: one scale; nothing drawn for 0 or "not reported".
    let widths: Vec<f64> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "rect")
        .map(|r| r.attribute("width").unwrap().parse().unwrap())
        .collect();
    assert_eq!(widths.len(), 4);
    assert_eq!(widths[1], 320.0, "1.200 is the longest bar");
    assert!(widths[0] < widths[2] && widths[3] < widths[2]);
    assert!(
        html.contains("Laporan &lt;b&gt;awal&lt;&#x2F;b&gt;")
            || html.contains("Laporan &lt;b&gt;awal&lt;/b&gt;")
    );

    // One of the two reports is illustrative: the chart says so.
    let chart_box = element(&html, "section", "chart-box").expect("the chart's box");
    assert!(chart_box.contains("class=\"notice\""), "{chart_box}");

    // Jawa Timur and Aceh have no report: no chart.
    for url in ["/provinsi/jawa-timur/", "/provinsi/aceh/"] {
        assert!(svgs(&page(out.path(), url)).is_empty(), "{url}");
    }
}
