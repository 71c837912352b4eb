//! Lookup tables built once per run: reference text → index, with the
//! nearest known value for "did you mean".

use crate::diag::suggest::{self, fold};
use crate::model::RegencyKind;
use std::collections::HashMap;

/// Exact-key lookup (slugs, ids) with suggestions.
pub struct Lookup<I> {
    by_key: HashMap<String, I>,
    keys: Vec<String>,
}

impl<I: Copy> Lookup<I> {
    pub fn new(entries: impl IntoIterator<Item = (String, I)>) -> Self {
        let mut by_key = HashMap::new();
        let mut keys = Vec::new();
        for (k, i) in entries {
            // The first entry for a key wins: callers list primary keys first.
            if let std::collections::hash_map::Entry::Vacant(e) = by_key.entry(k.clone()) {
                e.insert(i);
                keys.push(k);
            }
        }
        Lookup { by_key, keys }
    }
    pub fn get(&self, key: &str) -> Option<I> {
        self.by_key.get(key.trim()).copied()
    }
    /// "did you mean `x`?", only computed on the error path.
    pub fn suggest(&self, typed: &str) -> Option<crate::diag::Message> {
        suggest::closest(typed, self.keys.iter().map(String::as_str))
            .map(|c| crate::msg!("did-you-mean", suggestion = c))
    }
}

/// What a regency reference resolved to.
pub enum RegencyMatch<I> {
    Found(I),
    /// A bare name that fits several (`Semarang`): their official names.
    Ambiguous(Vec<I>),
    NotFound,
}

/// Regencies by code, official name and bare name, all folded (case,
/// accents, spaces: `Tanjungpinang` finds `Kota Tanjung Pinang`).
pub struct RegencyIndex<I> {
    by_code: HashMap<String, I>,
    by_name: HashMap<String, I>,
    by_bare: HashMap<String, Vec<I>>,
}

impl<I: Copy + PartialEq> RegencyIndex<I> {
    pub fn new<'a>(
        entries: impl IntoIterator<Item = (I, &'a str, &'a str, RegencyKind, &'a str)>,
    ) -> Self {
        let mut idx = RegencyIndex {
            by_code: HashMap::new(),
            by_name: HashMap::new(),
            by_bare: HashMap::new(),
        };
        for (id, code, name, kind, official) in entries {
            idx.by_code.insert(code.to_string(), id);
            let forms: &[&str] = match kind {
                RegencyKind::Kabupaten => &["kabupaten", "kab", "kabupatenadministrasi"],
                RegencyKind::Kota => &["kota", "kotaadministrasi"],
            };
            for prefix in forms {
                idx.by_name.insert(format!("{prefix}{}", fold(name)), id);
            }
            idx.by_name.insert(fold(official), id);
            idx.by_bare.entry(fold(name)).or_default().push(id);
        }
        idx
    }

    /// Resolves `text` (code, official name or bare name).
    pub fn find(&self, text: &str) -> RegencyMatch<I> {
        let t = text.trim();
        if let Some(&i) = self.by_code.get(t) {
            return RegencyMatch::Found(i);
        }
        let f = fold(t);
        if let Some(&i) = self.by_name.get(&f) {
            return RegencyMatch::Found(i);
        }
        match self.by_bare.get(&f).map(Vec::as_slice) {
            Some([one]) => RegencyMatch::Found(*one),
            Some(many) if !many.is_empty() => RegencyMatch::Ambiguous(many.to_vec()),
            _ => RegencyMatch::NotFound,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> RegencyIndex<u32> {
        RegencyIndex::new([
            (
                0,
                "33.19",
                "Kudus",
                RegencyKind::Kabupaten,
                "Kabupaten Kudus",
            ),
            (
                1,
                "33.22",
                "Semarang",
                RegencyKind::Kabupaten,
                "Kabupaten Semarang",
            ),
            (2, "33.74", "Semarang", RegencyKind::Kota, "Kota Semarang"),
            (
                3,
                "21.72",
                "Tanjung Pinang",
                RegencyKind::Kota,
                "Kota Tanjung Pinang",
            ),
            (
                4,
                "31.71",
                "Jakarta Selatan",
                RegencyKind::Kota,
                "Kota Administrasi Jakarta Selatan",
            ),
        ])
    }

    #[test]
    fn finds_by_code_official_short_and_bare_names() {
        let i = index();
        for (text, want) in [
            ("33.19", 0),
            ("Kabupaten Kudus", 0),
            ("Kab. Kudus", 0),
            ("KUDUS", 0),
            ("Kota Semarang", 2),
            ("Tanjungpinang", 3),
            ("Kota Jakarta Selatan", 4),
            ("Kota Administrasi Jakarta Selatan", 4),
        ] {
            assert!(
                matches!(i.find(text), RegencyMatch::Found(x) if x == want),
                "{text}"
            );
        }
    }

    #[test]
    fn bare_name_of_two_is_ambiguous() {
        assert!(matches!(index().find("Semarang"), RegencyMatch::Ambiguous(v) if v == vec![1, 2]));
        assert!(matches!(index().find("Atlantis"), RegencyMatch::NotFound));
    }

    #[test]
    fn lookup_suggests() {
        let l = Lookup::new([
            ("jawa-tengah".to_string(), 0u32),
            ("jawa-timur".to_string(), 1),
        ]);
        assert_eq!(l.get("jawa-tengah"), Some(0));
        assert_eq!(
            l.suggest("jawa-tenga").map(|m| m.en()).as_deref(),
            Some("did you mean `jawa-tengah`?")
        );
    }
}
