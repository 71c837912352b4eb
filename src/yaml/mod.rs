//! The only module that knows the YAML libraries.
//!
//! `saphyr-parser` reads a document as a stream of events; `build` turns
//! them into warta's own [`Value`] in one pass that also records the
//! position of every node ([`SpanIndex`]), enforces the [`limits`] before
//! anything is kept (depth, length of a value, number of values, copies
//! made with `*name`), and notices what YAML allows but an author never
//! means (a field written twice, `&` or `!` in front of a value). `syntax`
//! puts the parser's errors in plain words. `serde_yaml` deserializes
//! values into records (`de`) and serializes what warta writes (`write`).
//! Swapping the YAML backend means changing this module only.

mod bounded;
mod build;
mod de;
pub mod limits;
mod lines;
mod spans;
mod syntax;
mod value;
mod write;

pub use de::deserialize;
pub use spans::SpanIndex;
pub use value::Value;
pub use write::{folded, quoted, scalar, to_string};

use crate::diag::{shorten, Diagnostic, FileId, Message, Span};
use crate::msg;
use serde::de::DeserializeOwned;

/// A parsed YAML document with the positions of its nodes.
#[derive(Debug)]
pub struct Document {
    pub value: Value,
    pub spans: SpanIndex,
}

/// Parses `text`, which starts at byte `base` of file `file` (front matter
/// sits after the opening `---`). An error that stops reading (bad syntax,
/// a limit passed) is returned; problems inside a record are kept in the
/// spans for whoever loads that record ([`Origin::problems`]).
pub fn parse(text: &str, file: FileId, base: usize) -> Result<Document, Diagnostic> {
    build::document(text, file, base)
}

/// Reads YAML that ships with warta (embedded data): any problem is a
/// message with its line (in English: only a developer sees it).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let doc = parse(text, FileId(0), 0).map_err(|d| with_line(text, &d).en())?;
    if let Some(d) = doc.spans.problems_in("").first() {
        return Err(with_line(text, d).en());
    }
    de::typed(&doc.value).map_err(|(path, msg)| format!("{path}: {msg}"))
}

/// A diagnostic's message with the line it points at.
fn with_line(text: &str, d: &Diagnostic) -> Message {
    let at = d.span.as_ref().map_or(0, |s| s.range.start.min(text.len()));
    let line = text[..at].matches('\n').count() + 1;
    msg!("at-line", message = d.message.clone(), line = line)
}

/// Where a record sits in its file: resolves field paths to spans.
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: FileId,
    spans: std::sync::Arc<SpanIndex>,
    /// Path of the record within the document ("" for the root, "3" for the
    /// fourth item of a list).
    prefix: String,
}

impl Origin {
    pub fn new(file: FileId, spans: std::sync::Arc<SpanIndex>, prefix: String) -> Self {
        Origin {
            file,
            spans,
            prefix,
        }
    }
    /// The span of the value at `path` (e.g. `province`, `kpi/0/category`)
    /// inside this record; the nearest enclosing node if it is absent.
    pub fn value(&self, path: &str) -> Span {
        Span::new(self.file, self.spans.value_near(&self.join(path)))
    }
    /// The span of the key at `path`, for "unknown field" and duplicates.
    pub fn key(&self, path: &str) -> Span {
        let full = self.join(path);
        let range = self
            .spans
            .key(&full)
            .unwrap_or_else(|| self.spans.value_near(&full));
        Span::new(self.file, range)
    }
    /// The span of the whole record.
    pub fn record(&self) -> Span {
        Span::new(self.file, self.spans.first_line(&self.prefix))
    }
    /// Whether the record has a node at `path`.
    pub fn has(&self, path: &str) -> bool {
        self.spans.contains(&self.join(path))
    }
    /// The problems found while parsing inside this record (a field
    /// written twice, text starting with `&` or `!`): the record is refused.
    pub fn problems(&self) -> Vec<Diagnostic> {
        self.spans.problems_in(&self.prefix)
    }
    fn join(&self, path: &str) -> String {
        match (self.prefix.is_empty(), path.is_empty()) {
            (true, _) => path.to_string(),
            (false, true) => self.prefix.clone(),
            (false, false) => format!("{}/{}", self.prefix, path),
        }
    }
}

/// Reads a mapping file of `text: text` lines (e.g. a column mapping).
/// Values that are empty (`~`, nothing) come back as `None`; any other
/// non-text value is an error naming the key.
pub fn string_map(text: &str) -> Result<Vec<(String, Option<String>)>, Message> {
    let doc = parse(text, FileId(0), 0).map_err(|d| with_line(text, &d))?;
    if let Some(d) = doc.spans.problems_in("").first() {
        return Err(with_line(text, d));
    }
    let value = doc.value;
    if value.is_null() {
        return Ok(Vec::new());
    }
    let Value::Map(map) = &value else {
        return Err(msg!("mapping-expected-lines", found = value.kind_name()));
    };
    let mut out = Vec::new();
    for (k, v) in map {
        let key = match k {
            Value::String(_) | Value::Int(_) | Value::Float(_) => k.key_text(),
            other => return Err(msg!("mapping-header-not-text", found = other.kind_name())),
        };
        let val = match v {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => {
                return Err(msg!(
                    "mapping-expected-field-name",
                    header = shorten(&key),
                    found = other.kind_name()
                ))
            }
        };
        out.push((key, val));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_points_at_the_line() {
        let text = "- id: a\n  name: [unclosed\n- id: b\n";
        let err = parse(text, FileId(0), 0).unwrap_err();
        let line = text[..err.span.unwrap().range.start].matches('\n').count() + 1;
        assert_eq!(line, 2);
        assert!(
            err.message.en().contains("never closed"),
            "{:?}",
            err.message
        );
    }

    #[test]
    fn base_offset_shifts_spans() {
        let doc = parse("title: x\n", FileId(0), 4).unwrap();
        assert_eq!(doc.spans.value_near("title"), 11..12);
    }

    #[test]
    fn embedded_data_reads_through_the_same_parser() {
        let v: Vec<std::collections::BTreeMap<String, String>> = from_str("- a: b\n").unwrap();
        assert_eq!(v[0]["a"], "b");
        assert!(from_str::<Vec<String>>("- a\n- a: [\n")
            .unwrap_err()
            .contains("line 2"));
    }

    #[test]
    fn string_maps() {
        let m = string_map("Nama Perpus: name\nKolom X:\n\"2024\": kpi_period\n").unwrap();
        assert_eq!(
            m,
            vec![
                ("Nama Perpus".to_string(), Some("name".to_string())),
                ("Kolom X".to_string(), None),
                ("2024".to_string(), Some("kpi_period".to_string())),
            ]
        );
        assert!(string_map("- a\n")
            .unwrap_err()
            .en()
            .contains("column header"));
        assert!(string_map("a: [b]\n").unwrap_err().en().contains("`a`"));
    }
}
