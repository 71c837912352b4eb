//! Pictures made at build time as static SVG (no chart library in the
//! browser): the province map of `/` and `/provinsi/`, and the reported
//! KPI distribution and activity counts of a province page. Each comes with
//! a table of the same numbers for screen readers (see docs/charts.md).
//!
//! The SVG is markup warta writes itself: every text in it goes through
//! [`crate::escape::html`], it has no `style` attribute or element (the
//! colours are classes in the theme's style.css), and its numbers are
//! written the site's way ([`super::i18n::I18n::number`]).

mod bars;
mod geo;
pub mod map;
mod topojson;

use super::urls;
use super::view::{Cx, Link};
use crate::site::{ProvinceId, Report};
use serde::Serialize;

/// The map and its text alternative, for `partials/map.html`.
#[derive(Serialize)]
pub struct ProvinceMap {
    /// Inline SVG made by [`map::svg`] (escaped there).
    pub svg: String,
    /// The classes, lightest first, each with its range (`1–4`).
    pub legend: Vec<LegendItem>,
    /// Every province of the site, by code: the table.
    pub rows: Vec<MapRow>,
}

#[derive(Serialize)]
pub struct LegendItem {
    pub class: &'static str,
    pub label: String,
}

#[derive(Serialize)]
pub struct MapRow {
    pub name: String,
    pub url: String,
    pub libraries: String,
    pub class: &'static str,
}

/// The province map of the site: shading by number of partner libraries.
pub fn province_map(cx: &Cx) -> ProvinceMap {
    let site = cx.site;
    let counts: Vec<u64> = site
        .provinces
        .iter()
        .map(|p| p.libraries.len() as u64)
        .collect();
    let bins = map::bins(&counts);
    let unit = cx.i18n.get("map_unit");
    let rows: Vec<MapRow> = site
        .provinces
        .iter()
        .enumerate()
        .map(|(i, p)| MapRow {
            name: cx.province_name(ProvinceId(i as u32)),
            url: urls::province(&p.slug),
            libraries: cx.i18n.number(counts[i]),
            class: bins.css(bins.class(counts[i])),
        })
        .collect();
    let labels: Vec<String> = rows
        .iter()
        .map(|r| format!("{}: {} {unit}", r.name, r.libraries))
        .collect();
    let entries: Vec<map::Entry> = site
        .provinces
        .iter()
        .zip(&rows)
        .zip(&labels)
        .map(|((p, r), label)| map::Entry {
            code: &p.code,
            url: &r.url,
            class: r.class,
            label,
        })
        .collect();
    let svg = map::svg(map::shapes(), &entries, "peta-t", &cx.i18n.get("map_title"));
    let legend = bins
        .labels(|n| cx.i18n.number(n))
        .into_iter()
        .enumerate()
        .map(|(c, label)| LegendItem {
            class: bins.css(c),
            label,
        })
        .collect();
    ProvinceMap { svg, legend, rows }
}

/// A bar chart and its table, for `partials/chart.html`.
#[derive(Serialize)]
pub struct Chart {
    /// Unique on the page; the SVG's `<title>`/`<desc>` ids derive from it.
    pub id: &'static str,
    pub title: String,
    pub svg: String,
    /// Table head: the series column (`Kategori`), then one per period.
    /// Series are rows so the table stays narrow on a phone.
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// The reports the numbers come from, oldest first.
    pub sources: Vec<Source>,
    /// Some of the numbers are illustrative (not from a public source).
    pub illustrative: bool,
}

#[derive(Serialize)]
pub struct Row {
    pub label: String,
    pub cells: Vec<String>,
}

#[derive(Serialize)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    /// The event where it was reported.
    pub event: Option<Link>,
}

/// The charts of a province page; `None` where no report has the figures.
#[derive(Serialize, Default)]
pub struct ProvinceCharts {
    pub kpi: Option<Chart>,
    pub activity: Option<Chart>,
}

/// Report figures drawn for a province: (chart id, title key, key of the
/// table's first column, series as (figure key, CSS class, label key)).
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    [(&'static str, &'static str, &'static str); 3],
);

const KPI: Spec = (
    "grafik-kpi",
    "chart_kpi_title",
    "category",
    [
        ("kpi_tinggi", "bar-tinggi", "kpi_tinggi"),
        ("kpi_sedang", "bar-sedang", "kpi_sedang"),
        ("kpi_rendah", "bar-rendah", "kpi_rendah"),
    ],
);

const ACTIVITY: Spec = (
    "grafik-kegiatan",
    "chart_activity_title",
    "chart_activity_kind",
    [
        (
            "community_engagement",
            "bar-ce",
            "figure_community_engagement",
        ),
        ("advocacy", "bar-adv", "figure_advocacy"),
        (
            "service_improvement",
            "bar-si",
            "figure_service_improvement",
        ),
    ],
);

/// The KPI distribution and activity counts of province `id`, from its
/// reports, exactly as reported: one group per report that has at least
/// one of the chart's figures, oldest period first.
pub fn province(cx: &Cx, id: ProvinceId) -> ProvinceCharts {
    let mut reports: Vec<&Report> = cx
        .site
        .province(id)
        .reports
        .iter()
        .map(|r| &cx.site.reports[r.0 as usize])
        .collect();
    reports.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    ProvinceCharts {
        kpi: chart(cx, &reports, &KPI),
        activity: chart(cx, &reports, &ACTIVITY),
    }
}

fn figure(r: &Report, key: &str) -> Option<u64> {
    r.figures.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

fn chart(cx: &Cx, reports: &[&Report], spec: &Spec) -> Option<Chart> {
    let (id, title_key, first_column, keys) = spec;
    let used: Vec<&Report> = reports
        .iter()
        .copied()
        .filter(|r| keys.iter().any(|(k, _, _)| figure(r, k).is_some()))
        .collect();
    if used.is_empty() {
        return None;
    }
    let series: Vec<bars::Series> = keys
        .iter()
        .map(|(_, class, label)| bars::Series {
            class,
            label: cx.i18n.get(label),
        })
        .collect();
    let groups: Vec<bars::Group> = used
        .iter()
        .map(|r| bars::Group {
            label: r.period.clone(),
            values: keys.iter().map(|(k, _, _)| figure(r, k)).collect(),
        })
        .collect();
    let number = |n: u64| cx.i18n.number(n);
    let title = cx.i18n.get(title_key);
    let svg = bars::grouped(
        id,
        &title,
        &cx.i18n.get("chart_desc"),
        &series,
        &groups,
        number,
    );
    let mut columns = vec![cx.i18n.get(first_column)];
    columns.extend(groups.iter().map(|g| g.label.clone()));
    let rows = series
        .iter()
        .enumerate()
        .map(|(i, s)| Row {
            label: s.label.clone(),
            cells: groups
                .iter()
                .map(|g| g.values[i].map_or_else(|| "—".to_string(), number))
                .collect(),
        })
        .collect();
    let sources = used
        .iter()
        .map(|r| Source {
            title: r.source_title.clone().unwrap_or_else(|| r.title.clone()),
            url: r.source_url.clone(),
            event: r.event.map(|e| super::view::event_link(cx, e)),
        })
        .collect();
    Some(Chart {
        id,
        title,
        svg,
        columns,
        rows,
        sources,
        illustrative: used.iter().any(|r| r.illustrative),
    })
}
