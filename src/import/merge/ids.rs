//! New libraries: the record a row makes, and its stable id.

use super::row::Incoming;
use super::update::{apply, level_of};
use crate::diag::suggest::fold;
use crate::import::names::Regions;
use crate::model::records::LibraryRecord;
use crate::model::slugify;
use std::collections::{HashMap, HashSet};

/// An id for a new library: from its name and village (`perpustakaan-desa-`
/// shortened to `perpusdes-` as the programme writes it), made unique with
/// the regency's name, then a number.
pub fn new_id(
    name: &str,
    village: Option<&str>,
    regency: &str,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let mut base = slugify(name);
    if let Some(v) = village {
        let fv = fold(v);
        if !fv.is_empty() && !fold(name).contains(&fv) {
            base = format!("{base}-{}", slugify(v));
        }
    }
    if let Some(rest) = base.strip_prefix("perpustakaan-desa-") {
        base = format!("perpusdes-{rest}");
    }
    let base = if base.is_empty() {
        "perpustakaan".to_string()
    } else {
        base
    };
    if !taken(&base) {
        return base;
    }
    let reg = slugify(regency);
    let with_place = if reg.is_empty() || base.ends_with(&reg) {
        base.clone()
    } else {
        format!("{base}-{reg}")
    };
    if !taken(&with_place) {
        return with_place;
    }
    (2..)
        .map(|k| format!("{with_place}-{k}"))
        .find(|c| !taken(c))
        .unwrap_or(with_place)
}

/// A new library from a row; `None` (with the reason) when the row lacks
/// what a library needs.
pub(super) fn new_record(
    inc: &Incoming,
    regions: &Regions,
    by_id: &HashMap<String, usize>,
    reserved: &HashSet<String>,
    err: &mut dyn FnMut(String, Option<String>),
) -> Option<LibraryRecord> {
    let mut missing = Vec::new();
    if inc.name.is_none() {
        missing.push("the library's name (`Nama Perpustakaan`)");
    }
    if inc.regency.is_none() {
        missing.push("its regency or city (`Kabupaten/Kota`)");
    }
    let level = level_of(inc, regions);
    if level.is_none() {
        missing.push("its level (`Jenis`: Desa, Kelurahan, Kabupaten, Kota or Provinsi)");
    }
    if !missing.is_empty() {
        err(
            format!("a new library needs {}", missing.join(", ")),
            Some(
                "fill in those cells, or give the `ID` of a library already in data/ to update it"
                    .into(),
            ),
        );
        return None;
    }
    let (name, regency, level) = (inc.name.clone()?, inc.regency?, level?);
    let reg = &regions.regencies[regency];
    let province = &regions.provinces[reg.province];
    let id = match &inc.id {
        Some(id) => id.clone(),
        None => new_id(&name, inc.village.as_deref(), &reg.name, &|c| {
            by_id.contains_key(c) || reserved.contains(c)
        }),
    };
    let mut rec = LibraryRecord::new(
        id,
        name,
        level.as_str().to_string(),
        province.slug.clone(),
        reg.official.clone(),
    );
    apply(&mut rec, inc, regions, Some(regency), err)?;
    Some(rec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_name_and_village_made_unique() {
        let taken: HashSet<&str> = ["perpusdes-maju", "perpusdes-maju-kudus", "taman-baca"]
            .into_iter()
            .collect();
        let t = |c: &str| taken.contains(c);
        assert_eq!(
            new_id(
                "Perpustakaan Desa Sumber Ilmu",
                Some("Labruk Kidul"),
                "Lumajang",
                &t
            ),
            "perpusdes-sumber-ilmu-labruk-kidul"
        );
        assert_eq!(
            new_id(
                "Perpustakaan Desa Tigarun",
                Some("Tigarun"),
                "Hulu Sungai Utara",
                &t
            ),
            "perpusdes-tigarun"
        );
        assert_eq!(new_id("Taman Baca", None, "Kudus", &t), "taman-baca-kudus");
        assert_eq!(
            new_id("Perpustakaan Desa Maju", None, "Kudus", &t),
            "perpusdes-maju-kudus-2"
        );
        assert_eq!(
            new_id(
                "Perpustakaan Désa “Cahaya”",
                Some("Loram Wetan"),
                "Kudus",
                &t
            ),
            "perpusdes-cahaya-loram-wetan"
        );
        assert_eq!(new_id("!!!", None, "Kudus", &t), "perpustakaan");
    }
}
