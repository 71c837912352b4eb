//! The charts' text alternatives as a screen reader gets them: the example
//! site is built with the `warta` binary, served on 127.0.0.1, and headless
//! Chromium (driven over the DevTools protocol) is asked for its
//! accessibility tree. The chart's table must be there with its cells, the
//! map's provinces must be named links, and a phone-wide window must not
//! scroll sideways.
//!
//! Skipped only when no Chromium can be found and `CI` is unset; in CI a
//! missing browser is a failure.

use crate::devtools;
use crate::static_server;

use devtools::Browser;
use serde_json::{json, Value};

/// Opens `url` at `width` CSS pixels (a phone below 600); its
/// accessibility tree once it loaded.
fn open(b: &mut Browser, url: &str, width: u32) -> Vec<Value> {
    b.viewport(width, 900, width < 600);
    b.open(url);
    ax_tree(b)
}

/// The page's accessibility tree, ignored nodes included (their
/// children may not be).
fn ax_tree(b: &mut Browser) -> Vec<Value> {
    let r = b.call_ok("Accessibility.getFullAXTree", json!({}));
    r["nodes"].as_array().expect("nodes").clone()
}

fn role(n: &Value) -> &str {
    n["role"]["value"].as_str().unwrap_or("")
}

fn name(n: &Value) -> &str {
    n["name"]["value"].as_str().unwrap_or("")
}

fn exposed(n: &Value) -> bool {
    n["ignored"] != json!(true)
}

/// The exposed nodes of `tree`.
fn nodes(tree: &[Value]) -> impl Iterator<Item = &Value> {
    tree.iter().filter(|n| exposed(n))
}

/// The first exposed node of `role` whose name passes `named`.
fn find<'a>(tree: &'a [Value], r: &str, named: impl Fn(&str) -> bool, what: &str) -> &'a Value {
    nodes(tree)
        .find(|n| role(n) == r && named(name(n)))
        .unwrap_or_else(|| panic!("{what}"))
}

/// The exposed descendants of `node`, through ignored ones.
fn descendants<'a>(tree: &'a [Value], node: &Value) -> Vec<&'a Value> {
    let mut out = Vec::new();
    let mut stack: Vec<Value> = node["childIds"].as_array().cloned().unwrap_or_default();
    while let Some(id) = stack.pop() {
        if let Some(n) = tree.iter().find(|n| n["nodeId"] == id) {
            stack.extend(n["childIds"].as_array().cloned().unwrap_or_default());
            if exposed(n) {
                out.push(n);
            }
        }
    }
    out
}

#[test]
fn chart_tables_and_map_links_reach_assistive_technology() {
    let Some(exe) = devtools::chromium_or_skip() else {
        return;
    };
    let out = static_server::build_example();
    let port = static_server::serve(out.path());
    let mut b = Browser::start(&exe, 375, 900);
    b.call_ok("Accessibility.enable", json!({}));

    // East Java: the KPI chart is an image with a name, and its table has
    // the reported numbers as cells under their row headers.
    let url = format!("http://127.0.0.1:{port}/provinsi/jawa-timur/");
    let tree = open(&mut b, &url, 375);
    let kpi = |n: &str| n.contains("Sebaran kategori KPI");
    let image = find(&tree, "image", kpi, "the KPI chart is an image with a name");
    assert!(
        name(image).contains("persis seperti yang dilaporkan"),
        "{}",
        name(image)
    );
    let table = find(&tree, "table", kpi, "the KPI table, named by its caption");
    let inside = descendants(&tree, table);
    let texts: Vec<(&str, &str)> = inside.iter().map(|n| (role(n), name(n))).collect();
    for (r, n) in [
        ("rowheader", "Tinggi"),
        ("rowheader", "Sedang"),
        ("rowheader", "Rendah"),
        ("columnheader", "Januari–September 2024"),
        ("cell", "24"),
        ("cell", "114"),
        ("cell", "134"),
    ] {
        assert!(texts.contains(&(r, n)), "{r} {n:?} in the table: {texts:?}");
    }
    let wide = b
        .eval("document.documentElement.scrollWidth")
        .expect("the page's width");
    assert!(
        wide.as_u64().unwrap() <= 375,
        "no sideways scrolling at 375: {wide}"
    );

    // The province list: each province of the map is a link named by its
    // title, and the table behind "Tabel: …" lists the same numbers.
    let url = format!("http://127.0.0.1:{port}/provinsi/");
    let tree = open(&mut b, &url, 1280);
    let east_java = |n: &str| n.starts_with("Jawa Timur: ");
    let link = find(
        &tree,
        "link",
        east_java,
        "East Java is a named link on the map",
    );
    assert!(
        name(link).ends_with(" perpustakaan mitra"),
        "{}",
        name(link)
    );
    let count = name(link)
        .trim_start_matches("Jawa Timur: ")
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    assert!(
        nodes(&tree).any(|n| role(n) == "DisclosureTriangle" && name(n).contains("Tabel")),
        "the table's summary is a control"
    );
    b.eval("document.querySelector('details.map-table').open = true")
        .expect("the map's table");
    let tree = ax_tree(&mut b);
    let table = find(&tree, "table", |_| true, "the map's table, once opened");
    let inside = descendants(&tree, table);
    let rows = inside.iter().filter(|n| role(n) == "row").count();
    assert_eq!(rows, 39, "a head row and 38 provinces");
    assert!(
        inside.iter().any(|n| role(n) == "cell" && name(n) == count),
        "{count} is a cell"
    );
    assert!(inside
        .iter()
        .any(|n| role(n) == "link" && name(n) == "Jawa Timur"));
}
