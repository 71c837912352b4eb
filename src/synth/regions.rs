//! The real regions the generator places libraries in: the provinces and
//! regencies of the example site, embedded in the binary.

use super::{PROVINCES_YAML, REGENCIES_YAML};
use crate::model::records::{ProvinceRecord, RegencyRecord};
use std::collections::HashMap;

/// A real region, as the generator uses it.
pub(super) struct Region {
    pub(super) code: String,
    pub(super) slug: String,
    pub(super) name: String,
}

pub(super) struct RegencyInfo {
    pub(super) code: String,
    /// Index into the provinces.
    pub(super) province: usize,
    pub(super) name: String,
    pub(super) kota: bool,
    pub(super) official: String,
}

/// The provinces and their regencies, each sorted by code.
pub(super) fn regions() -> (Vec<Region>, Vec<RegencyInfo>) {
    let provinces: Vec<ProvinceRecord> =
        crate::yaml::from_str(PROVINCES_YAML).expect("embedded provinces.yaml is valid");
    let regencies: Vec<RegencyRecord> =
        crate::yaml::from_str(REGENCIES_YAML).expect("embedded regencies.yaml is valid");
    let mut provinces: Vec<Region> = provinces
        .into_iter()
        .map(|p| Region {
            code: p.code,
            slug: p.slug,
            name: p.short_name.unwrap_or(p.name),
        })
        .collect();
    provinces.sort_by(|a, b| a.code.cmp(&b.code));
    let by_code: HashMap<&str, usize> = provinces
        .iter()
        .enumerate()
        .map(|(i, p)| (p.code.as_str(), i))
        .collect();
    let mut out: Vec<RegencyInfo> = regencies
        .into_iter()
        .filter_map(|r| {
            let province = *by_code.get(r.province.as_str())?;
            let kota = r.kind == "kota";
            let official = r.official_name.unwrap_or_else(|| {
                format!("{} {}", if kota { "Kota" } else { "Kabupaten" }, r.name)
            });
            Some(RegencyInfo {
                code: r.code,
                province,
                name: r.name,
                kota,
                official,
            })
        })
        .collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    (provinces, out)
}
