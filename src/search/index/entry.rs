//! The entry file (`/cari/index.json`): where every other file is, the
//! facets of the documents and the client's words.

use super::{inert_json, DIR, RECORDS_PER_CHUNK};
use crate::model::LibraryLevel;
use crate::search::docs::{self, Kind};
use crate::site::Site;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The client's words, from the theme's strings (`search_*` keys of
/// `i18n/<language>.yaml`); a missing key shows as itself, as in pages.
fn strings(ui: &BTreeMap<String, String>) -> Value {
    let w = |k: &str| ui.get(k).cloned().unwrap_or_else(|| k.to_string());
    let mut t = serde_json::Map::new();
    for key in [
        "results", "one", "none", "common", "more", "loading", "error", "typo", "filters", "clear",
        "national",
    ] {
        t.insert(key.into(), w(&format!("search_{key}")).into());
    }
    for facet in ["jenis", "provinsi", "tingkat", "tahun"] {
        t.insert(facet.into(), w(&format!("search_facet_{facet}")).into());
    }
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .map(|k| w(&format!("search_kind_{}", k.as_str())))
        .collect();
    let levels: Vec<String> = LibraryLevel::ALL
        .iter()
        .map(|l| w(&format!("search_level_{}", l.as_str())))
        .collect();
    t.insert("kinds".into(), kinds.into());
    t.insert("levels".into(), levels.into());
    Value::Object(t)
}

/// Facets. Ids run in blocks of one kind, value (the year of a dated
/// document, the level of a library, else 0) and first province (the
/// national slot after the last province): `[kind, value − previous
/// value, province − previous province, count]` a run, one flat list.
fn facet_groups(docs: &[docs::Doc], np: usize) -> Vec<i64> {
    let mut groups: Vec<i64> = Vec::new();
    let mut prev: Option<(u32, u32, u32)> = None;
    let (mut pv, mut pp) = (0i64, 0i64);
    for d in docs {
        let p = d.provinces.first().map_or(np as u32, |&p| p);
        let key = (d.kind.index() as u32, d.group_value(), p);
        if prev != Some(key) {
            let (v, p) = (i64::from(key.1), i64::from(key.2));
            groups.extend([i64::from(key.0), v - pv, p - pp, 0]);
            (pv, pp) = (v, p);
            prev = Some(key);
        }
        *groups.last_mut().expect("a run") += 1;
    }
    groups
}

/// Documents filed under their first province that belong to more: for
/// each set of further provinces, runs of ids as `[gap, length, …]`.
fn multi_province(docs: &[docs::Doc]) -> BTreeMap<String, Vec<u32>> {
    let mut multi: BTreeMap<String, (Vec<u32>, i64)> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if d.provinces.len() < 2 {
            continue;
        }
        let key = d.provinces[1..]
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let (runs, end) = multi.entry(key).or_insert((Vec::new(), 0));
        let i = i as i64;
        if !runs.is_empty() && i == *end {
            *runs.last_mut().expect("a run") += 1;
        } else {
            runs.extend([(i - *end) as u32, 1]);
        }
        *end = i + 1;
    }
    multi.into_iter().map(|(k, v)| (k, v.0)).collect()
}

/// The entry file: where every other file is, the facets and the client's
/// words.
pub(super) fn entry(
    site: &Site,
    ui: &BTreeMap<String, String>,
    docs: &[docs::Doc],
    terms: &[String],
    recs: &str,
    place_hash: &str,
) -> Vec<u8> {
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| json!([p.slug, p.display_name()]))
        .collect();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let levels: Vec<&str> = LibraryLevel::ALL.iter().map(|l| l.as_str()).collect();
    let entry = json!({
        "v": 1,
        "n": docs.len(),
        "dir": format!("{DIR}i/"),
        "terms": terms.join(" "),
        "recs": recs,
        "rs": RECORDS_PER_CHUNK,
        "places": place_hash,
        "kinds": kinds,
        "levels": levels,
        "prov": provinces,
        "groups": facet_groups(docs, site.provinces.len()),
        "multi": multi_province(docs),
        "t": strings(ui),
    });
    inert_json(&entry)
}
