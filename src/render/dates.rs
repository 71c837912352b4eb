//! Dates as readers write them: `2 Agustus 2022`, `2 August 2022`.

use crate::model::Date;

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: u32, language: &str) -> &'static str {
    let names = if language == "en" {
        &MONTHS_EN
    } else {
        &MONTHS_ID
    };
    names[(month as usize).saturating_sub(1).min(11)]
}

/// `2 Agustus 2022` (Indonesian) or `2 August 2022` (English).
pub fn long(date: Date, language: &str) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), language),
        date.year()
    )
}

/// A date range: `2–3 Agustus 2022`, `30 Juli – 2 Agustus 2022`.
pub fn range(start: Date, end: Option<Date>, language: &str) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return long(start, language);
    };
    if start.year() != end.year() {
        format!("{} – {}", long(start, language), long(end, language))
    } else if start.month() != end.month() {
        format!(
            "{} {} – {}",
            start.day(),
            month_name(start.month(), language),
            long(end, language)
        )
    } else {
        format!("{}–{}", start.day(), long(end, language))
    }
}

/// RFC 3339 timestamp at midnight Western Indonesian Time, for feeds.
pub fn rfc3339(date: Date) -> String {
    format!("{date}T00:00:00+07:00")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_both_languages() {
        let d = Date::from_ymd(2022, 8, 2).unwrap();
        assert_eq!(long(d, "id"), "2 Agustus 2022");
        assert_eq!(long(d, "en"), "2 August 2022");
        let e = Date::from_ymd(2022, 8, 3).unwrap();
        assert_eq!(range(d, Some(e), "id"), "2–3 Agustus 2022");
        let f = Date::from_ymd(2022, 9, 1).unwrap();
        assert_eq!(range(d, Some(f), "en"), "2 August – 1 September 2022");
        assert_eq!(range(d, None, "id"), "2 Agustus 2022");
    }
}
