//! Cells a spreadsheet program would run as a formula. A CSV cell starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list, plus
//! the fullwidth `＝＋－＠` that East Asian input methods type) is a formula
//! to Excel and LibreOffice: `+62 812 …` becomes a sum, `=HYPERLINK(…)` a
//! link. Export writes such a value after a `'`, the mark spreadsheet users
//! know as "this is text"; import removes the mark again, so an export
//! imports back unchanged. A value that itself starts with `'` before such
//! a character gets one more `'`, which keeps the round trip exact.

use std::borrow::Cow;

/// First characters that make a cell a formula.
const TRIGGERS: &[char] = &[
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Whether `s`, after any leading `'`, starts like a formula.
fn needs_mark(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(TRIGGERS)
}

/// A text value as a CSV cell: marked with a leading `'` when a
/// spreadsheet would run it.
pub fn mark(s: &str) -> Cow<'_, str> {
    if needs_mark(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A text value as a workbook cell. Workbooks store text as text, never as
/// a formula, so only a value that would read as marked gets a mark.
pub fn mark_in_workbook(s: &str) -> Cow<'_, str> {
    if s.starts_with('\'') {
        mark(s)
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell as read from a sheet, the mark of [`mark`] removed.
pub fn unmark(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_mark(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_marked_and_unmarked() {
        for (value, csv) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+62 812-3456-7890", "'+62 812-3456-7890"),
            ("-6.8", "'-6.8"),
            ("@perpusdes", "'@perpusdes"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("\u{FF1D}1+1", "'\u{FF1D}1+1"),
            ("'=1", "''=1"),
            ("''+1", "'''+1"),
            ("'quoted'", "'quoted'"),
            ("Jl. Merdeka - 1", "Jl. Merdeka - 1"),
            ("'", "'"),
            ("", ""),
        ] {
            assert_eq!(mark(value), csv, "{value:?}");
            assert_eq!(unmark(&mark(value)), value, "{value:?}");
            assert_eq!(unmark(&mark_in_workbook(value)), value, "{value:?}");
        }
        assert_eq!(mark_in_workbook("=1"), "=1");
        assert_eq!(mark_in_workbook("'=1"), "''=1");
        // A mark typed by hand is removed too.
        assert_eq!(unmark("'+62 812"), "+62 812");
        assert_eq!(unmark("'0812"), "'0812");
    }
}
