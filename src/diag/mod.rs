//! Diagnostics: one value type for every problem warta reports.
//!
//! A [`Diagnostic`] is made where a problem is found (loader, validator,
//! resolver) and printed in one place ([`emit`]). It points into a
//! [`SourceMap`] file by byte span, so line and column are computed only when
//! printing.

mod catalog;
#[cfg(test)]
mod catalog_tests;
mod emit;
mod message;
pub mod suggest;

pub use catalog::{Catalog, Lang, CATALOGUES};
pub use emit::{emit, render_plain, severity_word, Style};
pub use message::{Arg, Message};

use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in the [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A place in a source file: file and byte range.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub file: FileId,
    pub range: Range<usize>,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span { file, range }
    }
    /// The start of a file, for problems with the file as a whole.
    pub fn file_start(file: FileId) -> Self {
        Span { file, range: 0..0 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem: where, what is wrong, how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Where it applies; `None` for problems with no file (e.g. a missing folder).
    pub span: Option<Span>,
    /// What is wrong; its id is the diagnostic's code.
    pub message: Message,
    /// Other places that matter (e.g. the first definition of a duplicate).
    pub related: Vec<(Span, Message)>,
    /// What would fix it (boxed: most diagnostics are made and dropped in
    /// `Result`s, which stay small).
    pub help: Option<Box<Message>>,
}

impl Diagnostic {
    pub fn error(span: Span, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span: Some(span),
            message,
            related: Vec::new(),
            help: None,
        }
    }
    pub fn warning(span: Span, message: Message) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }
    /// A problem that concerns no particular file.
    pub fn global(message: Message) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span: None,
            message,
            related: Vec::new(),
            help: None,
        }
    }
    pub fn with_help(mut self, help: Message) -> Self {
        self.help = Some(Box::new(help));
        self
    }
    /// Adds help only when there is some (e.g. an optional suggestion).
    pub fn with_help_opt(mut self, help: Option<Message>) -> Self {
        if help.is_some() {
            self.help = help.map(Box::new);
        }
        self
    }
    pub fn with_related(mut self, span: Span, label: Message) -> Self {
        self.related.push((span, label));
        self
    }
    /// The diagnostic's code: the id of its message (`unknown-field`), the
    /// same in every language.
    /// A problem in a draft keeps the code of the problem.
    pub fn code(&self) -> &'static str {
        let mut m = &self.message;
        while m.id == "in-draft" {
            match m.args.first() {
                Some((_, Arg::Message(inner))) => m = inner,
                _ => break,
            }
        }
        m.id
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The most characters of a value quoted in a message: a message names the
/// value so the officer can find it, it does not repeat it.
pub const QUOTE_CHARS: usize = 60;

/// `s` as it may be quoted in a message: at most [`QUOTE_CHARS`]
/// characters (cut with `…`), line breaks, tabs and other invisible or
/// direction-changing characters shown as `\u{..}` so that nothing in a
/// message hides or reorders text.
pub fn shorten(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == QUOTE_CHARS {
            out.push('…');
            break;
        }
        if is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters a reader cannot see or that change the order text is shown
/// in: control characters, zero-width spaces, bidi controls, the BOM, soft
/// hyphen and other format characters. Not the joiners (U+200C/U+200D),
/// variation selectors and tag characters that emoji and scripts need.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || is_noncharacter(c)
        || matches!(c,
            '\u{00ad}' | '\u{034f}' | '\u{061c}' | '\u{115f}' | '\u{1160}' | '\u{17b4}'
            | '\u{17b5}' | '\u{180e}' | '\u{200b}' | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}'
            | '\u{3164}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}'
            | '\u{1d173}'..='\u{1d17a}' | '\u{e0001}')
}

/// Code points Unicode never assigns (U+FDD0..U+FDEF and the last two of
/// every plane): XML forbids U+FFFE and U+FFFF, so a feed holding one
/// would not parse, and none of them shows as anything.
pub fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{fdd0}'..='\u{fdef}') || (c as u32) & 0xfffe == 0xfffe
}

/// All problems of a run, collected so every one is reported.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
    /// Turns every warning into an error (`strict: true` in site.yaml).
    pub fn escalate_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }
    /// Orders by file, then position, so output is the same on every run
    /// whatever order parallel loading finished in.
    pub fn sort(&mut self, files: &SourceMap) {
        self.items.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                d.span
                    .as_ref()
                    .map(|s| (files.path(s.file).to_path_buf(), s.range.start))
            };
            key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
        });
    }
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// One loaded source file: its path relative to the site root and its text
/// (BOM stripped, line endings kept as written).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Shared with the Markdown bodies taken from it ([`crate::load::Body`]).
    pub text: std::sync::Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text: text.into(),
            line_starts,
        }
    }
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text[start..offset].chars().count();
        (line + 1, col + 1)
    }
    /// Byte offset of a 1-based line and 0-based character column.
    pub fn offset_of(&self, line: usize, col: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let within = rest
            .char_indices()
            .take_while(|(_, c)| *c != '\n')
            .nth(col)
            .map(|(i, _)| i)
            .unwrap_or_else(|| rest.find('\n').unwrap_or(rest.len()));
        start + within
    }
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }
}

/// Every file a run read, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId((self.files.len() - 1) as u32)
    }
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
    pub fn path(&self, id: FileId) -> &Path {
        &self.files[id.0 as usize].path
    }
    pub fn len(&self) -> usize {
        self.files.len()
    }
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
    /// `path:line:col` of a span, as printed in plain diagnostics.
    pub fn location(&self, span: &Span) -> String {
        let f = self.get(span.file);
        let (l, c) = f.line_col(span.range.start);
        format!("{}:{}:{}", f.path.display(), l, c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = SourceFile::new("a.yaml".into(), "é: 1\nnama: Ñ x\n".into());
        assert_eq!(f.line_col(0), (1, 1));
        let off = f.text.find('x').unwrap();
        assert_eq!(f.line_col(off), (2, 9));
        assert_eq!(f.offset_of(2, 8), off);
    }

    #[test]
    fn shorten_cuts_long_values_and_shows_invisible_characters() {
        assert_eq!(shorten("jawa-tengah"), "jawa-tengah");
        let long = "a".repeat(500);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), QUOTE_CHARS + 1);
        assert!(short.ends_with('…'));
        assert_eq!(
            shorten("a\u{200b}b\u{202e}c\n"),
            "a\\u{200b}b\\u{202e}c\\u{a}"
        );
        assert!(!is_invisible('é') && !is_invisible(' ') && is_invisible('\u{2066}'));
    }

    #[test]
    fn offset_past_end_of_line_clamps_to_line_end() {
        let f = SourceFile::new("a".into(), "ab\ncd".into());
        assert_eq!(f.offset_of(1, 10), 2);
        assert_eq!(f.offset_of(9, 0), 5);
    }
}
