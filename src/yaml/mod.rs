//! The only module that knows the YAML libraries.
//!
//! `serde_yaml` parses and deserializes; it reports syntax errors with a
//! position but forgets where each value stood. `saphyr-parser` events give
//! those positions, kept in a [`SpanIndex`] so that later stages can point at
//! the exact key or value a diagnostic is about. Swapping the YAML backend
//! means changing this module only.

mod spans;

pub use spans::SpanIndex;

use crate::diag::{Diagnostic, FileId, Span};
use serde::de::DeserializeOwned;

/// A YAML value, opaque outside this module except through the helpers here.
pub type Value = serde_yaml::Value;

/// A parsed YAML document with the positions of its nodes.
#[derive(Debug)]
pub struct Document {
    pub value: Value,
    pub spans: SpanIndex,
}

/// Parses `text`, which starts at byte `base` of file `file` (front matter
/// sits after the opening `---`).
pub fn parse(text: &str, file: FileId, base: usize) -> Result<Document, Diagnostic> {
    let value: Value = serde_yaml::from_str(text).map_err(|e| syntax_error(&e, text, file, base))?;
    Ok(Document {
        value,
        spans: SpanIndex::build(text, base),
    })
}

fn syntax_error(e: &serde_yaml::Error, text: &str, file: FileId, base: usize) -> Diagnostic {
    let at = e
        .location()
        .map(|l| base + offset_of(text, l.line(), l.column().saturating_sub(1)))
        .unwrap_or(base);
    // serde_yaml appends "at line X column Y"; the position is printed anyway.
    let msg = e.to_string();
    let msg = msg
        .split(" at line ")
        .next()
        .unwrap_or(&msg)
        .trim_end_matches(',')
        .to_string();
    Diagnostic::error(Span::new(file, at..at), format!("this is not valid YAML: {msg}")).with_help(
        "check the indentation (spaces, not tabs, the same for every field of a record), \
         put a space after every `key:`, and put a value that holds `: ` or starts with \
         `#`, `*`, `&`, `@` or `[` in quotes",
    )
}

/// Byte offset of 1-based `line` and 0-based character `col` in `text`.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .take_while(|(_, c)| *c != '\n')
            .nth(col)
            .map(|(i, _)| i)
            .unwrap_or_else(|| rest.find('\n').unwrap_or(rest.len()))
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
    fn join(&self, path: &str) -> String {
        match (self.prefix.is_empty(), path.is_empty()) {
            (true, _) => path.to_string(),
            (false, true) => self.prefix.clone(),
            (false, false) => format!("{}/{}", self.prefix, path),
        }
    }
}

/// Deserializes a record; a type error points at the offending value.
pub fn deserialize<T: DeserializeOwned>(value: &Value, origin: &Origin) -> Result<T, Diagnostic> {
    serde_path_to_error::deserialize::<_, T>(value.clone()).map_err(|e| {
        let path = path_string(e.path());
        let inner = e.into_inner().to_string();
        let inner = inner
            .split(" at line ")
            .next()
            .unwrap_or(&inner)
            .to_string();
        let (message, help) = explain(&inner, &path);
        let span = if path.is_empty() || message.starts_with("missing field") {
            origin.record()
        } else {
            origin.value(&path)
        };
        Diagnostic::error(span, message).with_help_opt(help)
    })
}

/// Turns serde's wording into an author's: what is wrong and what to write.
fn explain(serde_msg: &str, path: &str) -> (String, Option<String>) {
    let field = path.rsplit('/').find(|s| !s.chars().all(|c| c.is_ascii_digit()));
    let field = field.unwrap_or(path);
    if let Some(rest) = serde_msg.strip_prefix("missing field ") {
        return (
            format!("missing required field {rest}"),
            Some(format!("add a line `{}: …` to this record", rest.trim_matches('`'))),
        );
    }
    if serde_msg.starts_with("invalid type") {
        let help = if serde_msg.contains("expected a string") {
            format!("put the value in quotes, e.g. `{field}: \"…\"`")
        } else if serde_msg.contains("expected a sequence") {
            format!("write a list, e.g. `{field}: [a, b]` or one `- item` per line")
        } else if serde_msg.contains("expected a boolean") {
            format!("write `{field}: true` or `{field}: false`")
        } else if serde_msg.contains("expected u") || serde_msg.contains("expected i") || serde_msg.contains("expected f") {
            format!("write a plain number without quotes, e.g. `{field}: 12`")
        } else if serde_msg.contains("expected a map") || serde_msg.contains("expected struct") {
            format!("`{field}` holds named fields, one `name: value` per indented line")
        } else {
            format!("check the value of `{field}`")
        };
        return (format!("wrong type for `{field}`: {serde_msg}"), Some(help));
    }
    if serde_msg.starts_with("invalid value") || serde_msg.contains("out of range") {
        return (format!("invalid value for `{field}`: {serde_msg}"), None);
    }
    (format!("`{field}`: {serde_msg}"), None)
}

fn path_string(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = Vec::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push(index.to_string()),
            Segment::Map { key } => out.push(key.clone()),
            Segment::Enum { variant } => out.push(variant.clone()),
            Segment::Unknown => {}
        }
    }
    out.join("/")
}

/// The string keys of a mapping value, in document order; `None` if the
/// value is not a mapping.
pub fn keys(value: &Value) -> Option<Vec<String>> {
    value.as_mapping().map(|m| {
        m.keys()
            .map(|k| match k {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
            })
            .collect()
    })
}

/// The items of a sequence value.
pub fn items(value: &Value) -> Option<&[Value]> {
    value.as_sequence().map(Vec::as_slice)
}

/// A field of a mapping value.
pub fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.as_mapping().and_then(|m| m.get(key))
}

/// Whether the document is empty (nothing but comments or whitespace).
pub fn is_null(value: &Value) -> bool {
    value.is_null()
}

/// A short name for the kind of a value, for messages.
pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a record of fields",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Serializes a value for writers of YAML (import, `warta new`).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[derive(serde::Deserialize, Debug)]
    struct Rec {
        #[allow(dead_code)]
        name: String,
        #[allow(dead_code)]
        joined: u16,
    }

    #[test]
    fn syntax_error_points_at_the_line() {
        let text = "- id: a\n  name: [unclosed\n- id: b\n";
        let err = parse(text, FileId(0), 0).unwrap_err();
        assert!(err.message.starts_with("this is not valid YAML"), "{}", err.message);
        let line = text[..err.span.unwrap().range.start].matches('\n').count() + 1;
        assert!(line >= 2, "line {line}");
    }

    #[test]
    fn type_error_points_at_the_value() {
        let text = "- name: A\n  joined: 2019\n- name: B\n  joined: dua ribu\n";
        let doc = parse(text, FileId(0), 0).unwrap();
        let spans = Arc::new(doc.spans);
        let item = &items(&doc.value).unwrap()[1];
        let origin = Origin::new(FileId(0), spans, "1".into());
        let err = deserialize::<Rec>(item, &origin).unwrap_err();
        let r = err.span.unwrap().range;
        assert_eq!(&text[r], "dua ribu");
        assert!(err.message.contains("joined"), "{}", err.message);
        assert!(err.help.unwrap().contains("number"));
    }

    #[test]
    fn missing_field_points_at_the_record() {
        let text = "- name: A\n";
        let doc = parse(text, FileId(0), 0).unwrap();
        let origin = Origin::new(FileId(0), Arc::new(doc.spans), "0".into());
        let err = deserialize::<Rec>(&items(&doc.value).unwrap()[0], &origin).unwrap_err();
        assert_eq!(err.message, "missing required field `joined`");
        assert_eq!(err.span.unwrap().range.start, 2);
    }

    #[test]
    fn base_offset_shifts_spans() {
        let doc = parse("title: x\n", FileId(0), 4).unwrap();
        assert_eq!(doc.spans.value_near("title"), 11..12);
    }
}
