//! Reading one cell: trimmed text with placeholders such as `-` as empty,
//! years, counts and coordinates written the many ways sheets hold them.

use crate::import::sheet::Cell;

/// Cell texts that mean "nothing here".
const PLACEHOLDERS: &[&str] = &[
    "-",
    "--",
    "–",
    "—",
    "n/a",
    "na",
    "tidak ada",
    "belum ada",
    "tidak ada data",
    "null",
    "nihil",
];

/// Trims a cell; runs of whitespace become one space (line breaks kept when
/// `multiline`); placeholders such as `-` count as empty.
pub(super) fn clean(s: &str, multiline: bool) -> Option<String> {
    let t = if multiline {
        let lines: Vec<String> = s
            .replace("\r\n", "\n")
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        lines.join("\n").trim().to_string()
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    (!t.is_empty() && !PLACEHOLDERS.contains(&t.to_lowercase().as_str())).then_some(t)
}

/// A year from a number, a date or a text such as `2019` or `Juli 2019`.
pub(super) fn year(c: &Cell) -> Option<u16> {
    let y = match c {
        Cell::Number(x) if x.fract() == 0.0 => *x as i64,
        Cell::Date { year, .. } => *year as i64,
        other => {
            let t = other.text();
            let years: Vec<&str> = t
                .split(|ch: char| !ch.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .collect();
            match years.as_slice() {
                [one] => one.parse().ok()?,
                _ => return None,
            }
        }
    };
    (1900..=2100).contains(&y).then_some(y as u16)
}

pub(super) fn count(c: &Cell) -> Option<u32> {
    match c {
        Cell::Number(x) if x.fract() == 0.0 && *x >= 0.0 && *x <= u32::MAX as f64 => {
            Some(*x as u32)
        }
        other => other.text().trim().parse().ok(),
    }
}

/// A decimal degree; a decimal comma (`-6,8`) is read too.
pub(super) fn coordinate(c: &Cell) -> Option<f64> {
    match c {
        Cell::Number(x) => Some(*x),
        other => number(&other.text()),
    }
}

fn number(t: &str) -> Option<f64> {
    let t = t.trim().replace('\u{2212}', "-");
    let t = if t.contains('.') {
        t
    } else {
        t.replace(',', ".")
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// "lat, lon" in one cell: `-6.8, 110.8`, `-6,8; 110,8`, `-6.8 110.8`.
pub(super) fn coordinates(t: &str) -> Option<(f64, f64)> {
    let t = t.trim();
    let parts: Vec<&str> = if t.contains(';') {
        t.split(';').collect()
    } else if t.matches(',').count() == 1 {
        t.split(',').collect()
    } else {
        t.split_whitespace().collect()
    };
    match parts.as_slice() {
        [a, b] => Some((number(a)?, number(b)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned_and_read() {
        assert_eq!(
            clean("  Jl.  Merdeka\n No. 1 ", false).as_deref(),
            Some("Jl. Merdeka No. 1")
        );
        assert_eq!(clean(" a \r\n b ", true).as_deref(), Some("a\nb"));
        assert_eq!(clean("-", false), None);
        assert_eq!(clean("Tidak Ada", false), None);
        assert_eq!(year(&Cell::Number(2019.0)), Some(2019));
        assert_eq!(year(&Cell::Text("Juli 2019".into())), Some(2019));
        assert_eq!(
            year(&Cell::Date {
                year: 2020,
                month: 1,
                day: 2
            }),
            Some(2020)
        );
        assert_eq!(year(&Cell::Text("dua ribu".into())), None);
        assert_eq!(coordinates("-6.8, 110.8"), Some((-6.8, 110.8)));
        assert_eq!(coordinates("-6,8; 110,8"), Some((-6.8, 110.8)));
        assert_eq!(coordinates("-6.8 110.8"), Some((-6.8, 110.8)));
        assert_eq!(coordinate(&Cell::Text("−7,12".into())), Some(-7.12));
        assert_eq!(count(&Cell::Text("12".into())), Some(12));
        assert_eq!(count(&Cell::Number(-1.0)), None);
    }
}
