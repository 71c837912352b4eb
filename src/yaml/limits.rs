//! How much one YAML document may hold, checked while it is read, before
//! memory grows. Every limit is far above any real file of the programme
//! (the measured figures are in each comment) and far below what would
//! make a build slow: anyone who can commit, the editor at `/admin/`
//! included, must not be able to stop the site from building.

use crate::diag::{Diagnostic, Span};

/// Lists and records inside each other. Real files nest at most 4 levels
/// (a list of libraries → a library → `kpi:` → one period); deeper is a
/// run of `[` or `- ` gone wrong, and every step that walks a value
/// (checking, copying, freeing) recurses once per level.
pub const MAX_DEPTH: usize = 32;

/// One value (one text) in bytes: 64 KB, about 9,000 words. The longest
/// real value is a `summary` of a few hundred characters; long text
/// belongs in the body of a Markdown page, which is not YAML.
pub const MAX_VALUE_BYTES: usize = 64 * 1024;

/// Values in one file, counting every key, text, list and record, and
/// counting copies made with `*name` as if written out. The densest real
/// data (`regencies.yaml`) has one value per 8 bytes, so a 2 MB file of it
/// would hold ~270,000; a libraries file has one per ~16 bytes.
pub const MAX_VALUES: usize = 300_000;

/// Text in one file with the copies made with `*name` written out: what
/// the largest file warta reads (2 MB) can hold without copies.
pub const MAX_COPIED_TEXT: usize = 2 * 1024 * 1024;

/// One list or record written inline, `[…]` or `{…}`: about 80 KB
/// (`bounded::MAX_LOOKAHEAD` characters, spaces and comments not
/// counted). Real ones fit on a line (`tags: [plm, literasi]`); the parser
/// holds the whole of one in memory before it hands over its first item,
/// ~170 bytes per character, so a longer one is cut off while being read.
pub const MAX_INLINE_CHARS: usize = super::bounded::MAX_LOOKAHEAD;

/// What a document holds so far, copies written out.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Size {
    pub values: usize,
    pub text: usize,
}

impl Size {
    pub fn plus(self, other: Size) -> Size {
        Size {
            values: self.values.saturating_add(other.values),
            text: self.text.saturating_add(other.text),
        }
    }
    pub fn minus(self, earlier: Size) -> Size {
        Size {
            values: self.values - earlier.values,
            text: self.text - earlier.text,
        }
    }
    pub fn fits(self) -> bool {
        self.values <= MAX_VALUES && self.text <= MAX_COPIED_TEXT
    }
}

pub(super) fn too_deep(at: Span) -> Diagnostic {
    Diagnostic::error(
        at,
        format!(
            "nested deeper than {MAX_DEPTH} levels: warta reads at most {MAX_DEPTH} lists and \
             records inside each other"
        ),
    )
    .with_help(
        "warta's files need 4 levels at most; look for a `[` or `{` that is never closed, \
         or lines that start with more and more `- `",
    )
}

/// A value of `bytes` bytes, or of an unknown length past the limit.
pub(super) fn value_too_long(at: Span, bytes: Option<usize>) -> Diagnostic {
    let long = match bytes {
        Some(b) => format!("{} long", size(b)),
        None => format!("longer than {}", size(MAX_VALUE_BYTES)),
    };
    Diagnostic::error(
        at,
        format!(
            "this value is {long}; one value may be at most {}",
            size(MAX_VALUE_BYTES)
        ),
    )
    .with_help(
        "shorten it; long text belongs in the body of a Markdown page (below the second \
         `---`), not in a field. If the value was meant to be short, look for a quote \
         that is never closed",
    )
}

pub(super) fn too_many_values(at: Span) -> Diagnostic {
    Diagnostic::error(
        at,
        format!(
            "this file holds more than {} values (fields, texts, list items); warta reads \
             at most that many from one file",
            thousands(MAX_VALUES)
        ),
    )
    .with_help("split it into several files (for libraries: one file per province)")
}

/// The alias `*name` at `at` would make the document bigger than allowed
/// after `copies` copies of it.
pub(super) fn copied_too_often(at: Span, name: &str, copies: usize, after: Size) -> Diagnostic {
    let what = if after.values > MAX_VALUES {
        format!("more than {} values", thousands(MAX_VALUES))
    } else {
        format!("more than {} of text", size(MAX_COPIED_TEXT))
    };
    Diagnostic::error(
        at,
        format!(
            "this file uses the anchor `*{name}` too often: written out, its {} copies \
             would make {what}, the most one file may hold",
            thousands(copies + 1)
        ),
    )
    .with_help(format!(
        "write the values out instead of copying them with `*{name}`, or copy less \
         (`&{name}` marks the value that each `*{name}` repeats)"
    ))
}

pub(super) fn inline_too_long(at: Span, bracket: char) -> Diagnostic {
    let (what, close) = if bracket == '[' {
        ("the list opened with `[` here", ']')
    } else {
        ("the record opened with `{` here", '}')
    };
    Diagnostic::error(
        at,
        format!(
            "{what} is never closed, or is longer than {}",
            size(MAX_INLINE_CHARS)
        ),
    )
    .with_help(format!(
        "close it with `{close}`; a long list reads better as one `- item` per line"
    ))
}

/// `1.5 MB`, `64 KB`.
pub(super) fn size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// `300,000`.
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_plainly() {
        assert_eq!(thousands(300_000), "300,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(size(MAX_VALUE_BYTES), "64 KB");
        assert_eq!(size(MAX_COPIED_TEXT), "2.0 MB");
    }
}
