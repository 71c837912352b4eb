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
    Diagnostic::error(at, crate::msg!("yaml-too-deep", depth = MAX_DEPTH))
        .with_help(crate::msg!("yaml-too-deep-help"))
}

/// A value of `bytes` bytes, or of an unknown length past the limit.
pub(super) fn value_too_long(at: Span, bytes: Option<usize>) -> Diagnostic {
    let message = match bytes {
        Some(b) => crate::msg!(
            "yaml-value-too-long",
            size = size(b),
            limit = size(MAX_VALUE_BYTES)
        ),
        None => crate::msg!("yaml-value-longer-than", limit = size(MAX_VALUE_BYTES)),
    };
    Diagnostic::error(at, message).with_help(crate::msg!("yaml-value-too-long-help"))
}

pub(super) fn too_many_values(at: Span) -> Diagnostic {
    Diagnostic::error(
        at,
        crate::msg!("yaml-too-many-values", limit = thousands(MAX_VALUES)),
    )
    .with_help(crate::msg!("yaml-too-many-values-help"))
}

/// The alias `*name` at `at` would make the document bigger than allowed
/// after `copies` copies of it.
pub(super) fn copied_too_often(at: Span, name: &str, copies: usize, after: Size) -> Diagnostic {
    let what = if after.values > MAX_VALUES {
        crate::msg!("yaml-more-values-than", limit = thousands(MAX_VALUES))
    } else {
        crate::msg!("yaml-more-text-than", limit = size(MAX_COPIED_TEXT))
    };
    Diagnostic::error(
        at,
        crate::msg!(
            "yaml-copied-too-often",
            name = name,
            copies = thousands(copies + 1),
            what = what
        ),
    )
    .with_help(crate::msg!("yaml-copied-too-often-help", name = name))
}

pub(super) fn inline_too_long(at: Span, bracket: char) -> Diagnostic {
    let (id_list, close) = (bracket == '[', if bracket == '[' { "]" } else { "}" });
    let message = if id_list {
        crate::msg!("yaml-inline-list-too-long", limit = size(MAX_INLINE_CHARS))
    } else {
        crate::msg!("yaml-inline-map-too-long", limit = size(MAX_INLINE_CHARS))
    };
    Diagnostic::error(at, message)
        .with_help(crate::msg!("yaml-inline-too-long-help", close = close))
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
