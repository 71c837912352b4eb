//! New libraries: the record a row makes, and its stable id.

use super::matching::without_kecamatan;
use super::row::Incoming;
use super::update::{apply, level_of};
use super::Planner;
use crate::diag::suggest::fold;
use crate::diag::Message;
use crate::import::columns::Field;
use crate::model::records::LibraryRecord;
use crate::model::slugify;
use crate::msg;
use std::collections::{HashMap, HashSet};

/// An id for a new library: from its name and village (`perpustakaan-desa-`
/// shortened to `perpusdes-` as the programme writes it), made unique with
/// the district's name (villages of one name lie in several districts),
/// else the regency's, then a number. The same rows in the same order give
/// the same ids.
pub fn new_id(
    name: &str,
    village: Option<&str>,
    district: Option<&str>,
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
    let with = |place: &str| {
        let p = slugify(place);
        (!p.is_empty() && !base.ends_with(&p)).then(|| format!("{base}-{p}"))
    };
    let places = [
        district.map(without_kecamatan).and_then(with),
        with(regency),
    ];
    let mut with_place = base.clone();
    for c in places.into_iter().flatten() {
        if !taken(&c) {
            return c;
        }
        with_place = c;
    }
    (2..)
        .map(|k| format!("{with_place}-{k}"))
        .find(|c| !taken(c))
        .unwrap_or(with_place)
}

impl Planner<'_> {
    /// A new library from a row; `None` (with the reason) when the row lacks
    /// what a library needs.
    pub(super) fn new_record(
        &self,
        inc: &Incoming,
        by_id: &HashMap<String, usize>,
        reserved: &HashSet<String>,
        err: &mut dyn FnMut(Message, Option<Message>),
    ) -> Option<LibraryRecord> {
        let regions = self.regions;
        let mut missing = Vec::new();
        if inc.name.is_none() {
            missing.push(msg!(
                "import-needs-name",
                header = self.header(&Field::Name)
            ));
        }
        if inc.regency.is_none() {
            missing.push(msg!(
                "import-needs-regency",
                header = self.header(&Field::Regency)
            ));
        }
        let level = level_of(inc, regions);
        if level.is_none() {
            missing.push(msg!(
                "import-needs-level",
                header = self.header(&Field::Level)
            ));
        }
        // "a, b, c": each comma joins the first part to a list of the rest.
        if let Some(what) = missing
            .into_iter()
            .rev()
            .reduce(|rest, first| msg!("import-list-comma", first = first, rest = rest))
        {
            err(
                msg!("import-new-needs", what = what),
                Some(msg!("import-new-needs-help", id = self.header(&Field::Id))),
            );
            return None;
        }
        let (name, regency, level) = (inc.name.clone()?, inc.regency?, level?);
        let reg = &regions.regencies[regency];
        let province = &regions.provinces[reg.province];
        let id = match &inc.id {
            Some(id) => id.clone(),
            None => new_id(
                &name,
                inc.village.as_deref(),
                inc.district.as_deref(),
                &reg.name,
                &|c| by_id.contains_key(c) || reserved.contains(c),
            ),
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
                None,
                "Lumajang",
                &t
            ),
            "perpusdes-sumber-ilmu-labruk-kidul"
        );
        assert_eq!(
            new_id(
                "Perpustakaan Desa Tigarun",
                Some("Tigarun"),
                None,
                "Hulu Sungai Utara",
                &t
            ),
            "perpusdes-tigarun"
        );
        assert_eq!(
            new_id("Taman Baca", None, None, "Kudus", &t),
            "taman-baca-kudus"
        );
        assert_eq!(
            new_id("Perpustakaan Desa Maju", None, None, "Kudus", &t),
            "perpusdes-maju-kudus-2"
        );
        assert_eq!(
            new_id(
                "Perpustakaan Désa “Cahaya”",
                Some("Loram Wetan"),
                None,
                "Kudus",
                &t
            ),
            "perpusdes-cahaya-loram-wetan"
        );
        assert_eq!(new_id("!!!", None, None, "Kudus", &t), "perpustakaan");
        // A village name found in several districts: the district tells
        // them apart, then the regency, then a number.
        let taken: HashSet<&str> = [
            "perpusdes-sukamaju",
            "perpusdes-sukamaju-cibeber",
            "perpusdes-sukamaju-cianjur",
        ]
        .into_iter()
        .collect();
        let t = |c: &str| taken.contains(c);
        let id = |district: Option<&str>| {
            new_id(
                "Perpustakaan Desa Sukamaju",
                Some("Sukamaju"),
                district,
                "Cianjur",
                &t,
            )
        };
        assert_eq!(id(Some("Kec. Cugenang")), "perpusdes-sukamaju-cugenang");
        assert_eq!(id(Some("Cibeber")), "perpusdes-sukamaju-cianjur-2");
        assert_eq!(id(None), "perpusdes-sukamaju-cianjur-2");
    }
}
