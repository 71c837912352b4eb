//! Dates as readers write them: `2 Agustus 2022`, `2 August 2022`; the
//! month names are the theme's strings.

use super::i18n::I18n;
use crate::model::Date;

/// The month's name from the theme's strings (`month_1` … `month_12`,
/// in `i18n/<language>.yaml`; a site may change them in its own).
fn month_name(month: u32, i18n: &I18n) -> String {
    i18n.get(&format!("month_{}", month.clamp(1, 12)))
}

/// `2 Agustus 2022` (Indonesian) or `2 August 2022` (English).
pub fn long(date: Date, i18n: &I18n) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), i18n),
        date.year()
    )
}

/// A date range: `2–3 Agustus 2022`, `30 Juli – 2 Agustus 2022`.
pub fn range(start: Date, end: Option<Date>, i18n: &I18n) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return long(start, i18n);
    };
    if start.year() != end.year() {
        format!("{} – {}", long(start, i18n), long(end, i18n))
    } else if start.month() != end.month() {
        format!(
            "{} {} – {}",
            start.day(),
            month_name(start.month(), i18n),
            long(end, i18n)
        )
    } else {
        format!("{}–{}", start.day(), long(end, i18n))
    }
}

/// RFC 3339 timestamp at midnight Western Indonesian Time, for feeds.
pub fn rfc3339(date: Date) -> String {
    format!("{date}T00:00:00+07:00")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The default theme's strings of `language`.
    fn theme(language: &str) -> BTreeMap<String, String> {
        let text = match language {
            "en" => include_str!("../../themes/default/i18n/en.yaml"),
            _ => include_str!("../../themes/default/i18n/id.yaml"),
        };
        crate::yaml::from_str(text).unwrap()
    }

    #[test]
    fn formats_in_both_languages_with_the_themes_months() {
        let (id, en) = (theme("id"), theme("en"));
        let id = I18n {
            strings: &id,
            language: "id",
        };
        let en = I18n {
            strings: &en,
            language: "en",
        };
        let d = Date::from_ymd(2022, 8, 2).unwrap();
        assert_eq!(long(d, &id), "2 Agustus 2022");
        assert_eq!(long(d, &en), "2 August 2022");
        let e = Date::from_ymd(2022, 8, 3).unwrap();
        assert_eq!(range(d, Some(e), &id), "2–3 Agustus 2022");
        let f = Date::from_ymd(2022, 9, 1).unwrap();
        assert_eq!(range(d, Some(f), &en), "2 August – 1 September 2022");
        assert_eq!(range(d, None, &id), "2 Agustus 2022");
        for m in 1..=12 {
            let key = format!("month_{m}");
            assert!(
                id.strings.contains_key(&key) && en.strings.contains_key(&key),
                "{key}"
            );
        }
    }

    #[test]
    fn a_changed_month_name_is_used() {
        let mut s = theme("id");
        s.insert("month_8".into(), "Agst.".into());
        let i = I18n {
            strings: &s,
            language: "id",
        };
        assert_eq!(
            long(Date::from_ymd(2022, 8, 2).unwrap(), &i),
            "2 Agst. 2022"
        );
    }
}
