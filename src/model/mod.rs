//! The programme's vocabulary: raw records as written ([`records`]) and the
//! small value types every later stage shares (dates, levels, categories).

pub mod limits;
pub mod records;

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// A calendar date, written `YYYY-MM-DD` by authors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

impl Date {
    /// Parses `YYYY-MM-DD`; the error says what is wrong in an author's words.
    pub fn parse(s: &str) -> Result<Date, crate::diag::Message> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let shape_ok = parts.len() == 3
            && parts[0].len() == 4
            && parts[1].len() == 2
            && parts[2].len() == 2
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
        if !shape_ok {
            return Err(crate::msg!("date-shape", date = crate::diag::shorten(s)));
        }
        let (y, m, d) = (
            parts[0].parse::<i32>().unwrap_or(0),
            parts[1].parse::<u32>().unwrap_or(0),
            parts[2].parse::<u32>().unwrap_or(0),
        );
        if !(1..=12).contains(&m) {
            return Err(crate::msg!("date-month", date = s, month = m));
        }
        NaiveDate::from_ymd_opt(y, m, d)
            .map(Date)
            .ok_or_else(|| crate::msg!("date-day", date = s, day = d))
    }
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }
    /// Today on this machine's clock, in Western Indonesian Time (UTC+7),
    /// the programme's home zone.
    pub fn today() -> Date {
        let now = chrono::Utc::now() + chrono::Duration::hours(7);
        Date(now.date_naive())
    }
    /// The date a build takes as today: `SOURCE_DATE_EPOCH` (seconds since
    /// 1970, the reproducible-builds convention) read in Western Indonesian
    /// Time when it is set to a number, else [`Date::today`]. The same
    /// input and the same `SOURCE_DATE_EPOCH` give the same site.
    pub fn build_date() -> Date {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| Date::from_epoch(&s))
            .unwrap_or_else(Date::today)
    }
    /// The date (UTC+7) of `secs` seconds since 1970 (`SOURCE_DATE_EPOCH`).
    pub fn from_epoch(secs: &str) -> Option<Date> {
        let secs: i64 = secs.trim().parse().ok()?;
        let t = chrono::DateTime::from_timestamp(secs.checked_add(7 * 3600)?, 0)?;
        Some(Date(t.date_naive()))
    }
    pub fn year(self) -> i32 {
        self.0.year()
    }
    pub fn month(self) -> u32 {
        self.0.month()
    }
    pub fn day(self) -> u32 {
        self.0.day()
    }
    /// ISO 8601 weekday, Monday = 1.
    pub fn weekday(self) -> u32 {
        self.0.weekday().number_from_monday()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// Declares a closed set of values as authors write them.
macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order used for display.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The written forms, for "expected one of" help.
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            pub fn parse(s: &str) -> Option<$name> {
                match s.trim() {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// The administrative level a library serves.
    LibraryLevel {
        Provinsi = "provinsi",
        Kabupaten = "kabupaten",
        Kota = "kota",
        Desa = "desa",
        Kelurahan = "kelurahan",
    }
);

vocabulary!(
    /// A library's KPI category for a period: green, yellow or red.
    KpiCategory {
        Tinggi = "tinggi",
        Sedang = "sedang",
        Rendah = "rendah",
    }
);

vocabulary!(
    /// The reach of a Peer Learning Meeting or other event.
    EventLevel {
        Provinsi = "provinsi",
        Regional = "regional",
        Nasional = "nasional",
    }
);

vocabulary!(
    /// Kabupaten (regency) or kota (city).
    RegencyKind {
        Kabupaten = "kabupaten",
        Kota = "kota",
    }
);

vocabulary!(
    /// Where the browser editor signs in and commits: `cms.backend` of
    /// `data/site.yaml`. The name is also Decap's.
    CmsBackend {
        GitHub = "github",
        GitLab = "gitlab",
        Gitea = "gitea",
        GitGateway = "git-gateway",
    }
);

impl CmsBackend {
    /// The backend the site chose; an unknown name (refused by `check`)
    /// counts as the default, GitHub.
    pub fn of(cms: &records::CmsRecord) -> CmsBackend {
        cms.backend
            .as_deref()
            .and_then(CmsBackend::parse)
            .unwrap_or(CmsBackend::GitHub)
    }
}

/// A `cms:` setting as the editor uses it: trimmed, without a trailing
/// `/`, and `None` when nothing is left.
pub fn cms_setting(v: &Option<String>) -> Option<&str> {
    v.as_deref()
        .map(|s| s.trim().trim_end_matches('/'))
        .filter(|s| !s.is_empty())
}

/// Whether `s` is a URL slug: lowercase ASCII letters and digits in
/// hyphen-separated words (`jawa-tengah`, `perpusdes-loram-wetan`).
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The slug an author most likely meant: accents folded, lowercase, words
/// joined by hyphens (`Perpustakaan Désa "Maju"` → `perpustakaan-desa-maju`).
pub fn slugify(s: &str) -> String {
    let folded = deunicode::deunicode(s).to_lowercase();
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// `slug` cut to at most `max` characters at a hyphen, so no word is cut
/// in half (a single word longer than `max` is cut where it must be).
pub fn cap_slug(slug: &str, max: usize) -> &str {
    if slug.len() <= max {
        return slug;
    }
    // A slug is ASCII: bytes are characters.
    let cut = &slug[..max];
    let cut = if slug.as_bytes()[max] == b'-' {
        cut
    } else {
        cut.rsplit_once('-').map_or(cut, |(head, _)| head)
    };
    cut.trim_end_matches('-')
}

/// The file name `warta new` makes from a title: its slug, cut at a word
/// boundary to [`limits::TITLE_SLUG_CHARS`].
pub fn slug_from_title(title: &str) -> String {
    cap_slug(&slugify(title), limits::TITLE_SLUG_CHARS).to_string()
}

/// `#rgb` or `#rrggbb` as lower-case `#rrggbb` (validate reports others; resolve
/// keeps this form).
pub fn hex_color(s: &str) -> Option<String> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(hex.chars().fold(String::from("#"), |mut s, c| {
            s.push(c.to_ascii_lowercase());
            s.push(c.to_ascii_lowercase());
            s
        })),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_are_normalised_or_refused() {
        assert_eq!(hex_color("#0B5563").as_deref(), Some("#0b5563"));
        assert_eq!(hex_color(" #AbC ").as_deref(), Some("#aabbcc"));
        for bad in ["0b5563", "#0b556", "#ggg", "#", "#0b55630", ""] {
            assert_eq!(hex_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_parse_and_explain() {
        assert_eq!(Date::parse("2022-08-02").unwrap().to_string(), "2022-08-02");
        assert!(Date::parse("2022-02-30")
            .unwrap_err()
            .en()
            .contains("no day 30"));
        assert!(Date::parse("2022-13-01")
            .unwrap_err()
            .en()
            .contains("month 13"));
        assert!(Date::parse("2/8/2022")
            .unwrap_err()
            .en()
            .contains("YYYY-MM-DD"));
        assert!(Date::parse("2024-02-29").is_ok());
        assert_eq!(Date::parse("2022-08-02").unwrap().weekday(), 2);
    }

    #[test]
    fn source_date_epoch_is_read_in_western_indonesian_time() {
        // 2026-03-01 16:59:59 UTC is 23:59:59 in Jakarta; a second later
        // it is the next day there.
        assert_eq!(
            Date::from_epoch("1772384399").unwrap().to_string(),
            "2026-03-01"
        );
        assert_eq!(
            Date::from_epoch("1772384400").unwrap().to_string(),
            "2026-03-02"
        );
        assert_eq!(Date::from_epoch(" 0 ").unwrap().to_string(), "1970-01-01");
        assert!(Date::from_epoch("kemarin").is_none());
        assert!(Date::from_epoch("").is_none());
    }

    #[test]
    fn vocabularies_round_trip() {
        for l in LibraryLevel::ALL {
            assert_eq!(LibraryLevel::parse(l.as_str()), Some(*l));
        }
        assert_eq!(KpiCategory::parse("hijau"), None);
        assert_eq!(EventLevel::NAMES, ["provinsi", "regional", "nasional"]);
    }

    #[test]
    fn the_cms_backend_is_the_one_named_or_github() {
        let cms = |backend: Option<&str>| records::CmsRecord {
            backend: backend.map(str::to_string),
            ..Default::default()
        };
        assert_eq!(CmsBackend::of(&cms(None)), CmsBackend::GitHub);
        assert_eq!(CmsBackend::of(&cms(Some("gitea"))), CmsBackend::Gitea);
        // As `check` reads it: spaces around the name do not change it.
        assert_eq!(CmsBackend::of(&cms(Some(" gitlab "))), CmsBackend::GitLab);
        assert_eq!(CmsBackend::of(&cms(Some("bitbucket"))), CmsBackend::GitHub);
        assert_eq!(
            CmsBackend::NAMES,
            ["github", "gitlab", "gitea", "git-gateway"]
        );
        assert_eq!(
            cms_setting(&Some(" https://git.example.id/ ".into())),
            Some("https://git.example.id")
        );
        assert_eq!(cms_setting(&Some(" / ".into())), None);
        assert_eq!(cms_setting(&None), None);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("jawa-tengah"));
        assert!(is_slug("plm-2022"));
        for bad in ["", "Jawa", "a--b", "-a", "a-", "../etc", "a/b", "a_b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(
            slugify("Perpustakaan Désa \"Maju\" 2"),
            "perpustakaan-desa-maju-2"
        );
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn long_titles_make_readable_slugs() {
        assert_eq!(cap_slug("plm-jawa-tengah", 80), "plm-jawa-tengah");
        assert_eq!(cap_slug("plm-jawa-tengah", 9), "plm-jawa");
        assert_eq!(cap_slug("plm-jawa-tengah", 8), "plm-jawa");
        assert_eq!(cap_slug("plm-jawa-tengah", 7), "plm");
        assert_eq!(cap_slug("perpustakaan", 5), "perpu");
        let title = "Perpustakaan Desa ".repeat(30);
        let slug = slug_from_title(&title);
        assert!(slug.len() <= limits::TITLE_SLUG_CHARS, "{slug}");
        assert!(is_slug(&slug) && slug.ends_with("desa"), "{slug}");
        assert_eq!(
            slug_from_title("PLM Jawa Tengah 2022"),
            "plm-jawa-tengah-2022"
        );
    }
}
