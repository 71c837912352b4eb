//! UI strings and the words for the programme's vocabularies, in the site's
//! language, plus numbers written the local way.

use crate::model::{EventLevel, KpiCategory, LibraryLevel};
use std::collections::BTreeMap;

/// The theme's strings for one language.
pub struct I18n<'a> {
    pub strings: &'a BTreeMap<String, String>,
    pub language: &'a str,
}

impl I18n<'_> {
    /// The text for `key`; the key itself if the theme lacks it (visible in
    /// the page, so a missing string is noticed without breaking the build).
    pub fn get(&self, key: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
    pub fn library_level(&self, l: LibraryLevel) -> String {
        self.get(&format!("level_{}", l.as_str()))
    }
    pub fn event_level(&self, l: EventLevel) -> String {
        self.get(&format!("event_level_{}", l.as_str()))
    }
    pub fn kpi(&self, k: KpiCategory) -> String {
        self.get(&format!("kpi_{}", k.as_str()))
    }
    /// Label of a report figure or participant key (`partners`, `desa`, …).
    pub fn figure(&self, key: &str) -> String {
        self.get(&format!("figure_{key}"))
    }
    pub fn award_category(&self, c: &str) -> String {
        self.strings
            .get(&format!("award_{c}"))
            .cloned()
            .unwrap_or_else(|| c.to_string())
    }
    /// `12.345` in Indonesian, `12,345` in English.
    pub fn number(&self, n: u64) -> String {
        let sep = if self.language == "en" { ',' } else { '.' };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_local_separator() {
        let m = BTreeMap::new();
        let id = I18n {
            strings: &m,
            language: "id",
        };
        assert_eq!(id.number(1234567), "1.234.567");
        assert_eq!(id.number(999), "999");
        let en = I18n {
            strings: &m,
            language: "en",
        };
        assert_eq!(en.number(12345), "12,345");
        assert_eq!(en.get("missing"), "missing");
    }
}
