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
    let value: Value =
        serde_yaml::from_str(text).map_err(|e| syntax_error(&e, text, file, base))?;
    Ok(Document {
        value,
        spans: SpanIndex::build(text, base),
    })
}

fn syntax_error(e: &serde_yaml::Error, text: &str, file: FileId, base: usize) -> Diagnostic {
    let full = e.to_string();
    // serde_yaml appends "at line X column Y" (printed anyway) and may name
    // an earlier place that explains the error ("while scanning a quoted
    // scalar at line 2 column 8"): point there, where the author must look.
    let mut at = e.location().map(|l| (l.line(), l.column()));
    let mut msg = full
        .split(" at line ")
        .next()
        .unwrap_or(&full)
        .trim_end_matches(',')
        .to_string();
    let mut help =
        "check the indentation (spaces, not tabs, the same for every field of a record), \
         put a space after every `key:`, and put a value that holds `: ` or starts with \
         `#`, `*`, `&`, `@` or `[` in quotes"
            .to_string();
    if let Some((_, place)) = full.split_once("while scanning a quoted scalar at line ") {
        at = parse_line_col(place).or(at);
        msg = "a quoted text is not closed".into();
        help = "add the closing quote at the end of the value, or remove the opening one".into();
    } else if let Some(key) = msg.strip_prefix("duplicate entry with key ") {
        let key = key.trim_matches('"').to_string();
        if let Some(line) = e
            .location()
            .and_then(|l| second_key_line(text, l.line(), &key))
        {
            at = Some((line, 1 + leading_spaces(text, line)));
        }
        msg = format!("duplicate field `{key}`: it is written twice");
        help = format!("keep one `{key}:` line and delete the other");
    }
    let offset = at
        .map(|(l, c)| base + offset_of(text, l, c.saturating_sub(1)))
        .unwrap_or(base);
    Diagnostic::error(
        Span::new(file, offset..offset),
        format!("this is not valid YAML: {msg}"),
    )
    .with_help(help)
}

fn parse_line_col(s: &str) -> Option<(usize, usize)> {
    let (line, rest) = s.split_once(" column ")?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

/// The line (1-based) of the second `key:` at one indentation, from the
/// mapping that starts at `from`: where a duplicate key was written.
fn second_key_line(text: &str, from: usize, key: &str) -> Option<usize> {
    let mut seen = None;
    for (i, line) in text.lines().enumerate().skip(from.saturating_sub(1)) {
        let t = line.trim_start().trim_start_matches("- ");
        let k = t
            .split_once(':')
            .map(|(k, _)| k.trim().trim_matches(|c| c == '"' || c == '\''));
        if k == Some(key) {
            let indent = leading_spaces(text, i + 1);
            match seen {
                None => seen = Some(indent),
                Some(first) if first == indent => return Some(i + 1),
                Some(_) => {}
            }
        }
    }
    None
}

fn leading_spaces(text: &str, line: usize) -> usize {
    text.lines()
        .nth(line.saturating_sub(1))
        .map_or(0, |l| l.len() - l.trim_start_matches([' ', '-']).len())
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

/// Replaces Rust type names in serde's messages with plain words.
fn plain_types(msg: &str) -> String {
    let mut out = msg.to_string();
    for (rust, plain) in [
        ("expected u8", "expected a whole number"),
        ("expected u16", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
    ] {
        out = out.replace(rust, plain);
    }
    match out.find("expected struct ") {
        Some(i) => format!("{}expected a record of fields", &out[..i]),
        None => out,
    }
}

/// Turns serde's wording into an author's: what is wrong and what to write.
fn explain(serde_msg: &str, path: &str) -> (String, Option<String>) {
    let field = path
        .rsplit('/')
        .find(|s| !s.chars().all(|c| c.is_ascii_digit()));
    let field = field.unwrap_or(path);
    if let Some(rest) = serde_msg.strip_prefix("missing field ") {
        return (
            format!("missing required field {rest}"),
            Some(format!(
                "add a line `{}: …` to this record",
                rest.trim_matches('`')
            )),
        );
    }
    if serde_msg.starts_with("invalid type") {
        let help = if serde_msg.contains("expected a string") {
            format!("put the value in quotes, e.g. `{field}: \"…\"`")
        } else if serde_msg.contains("expected a sequence") {
            format!("write a list, e.g. `{field}: [a, b]` or one `- item` per line")
        } else if serde_msg.contains("expected a boolean") {
            format!("write `{field}: true` or `{field}: false`")
        } else if serde_msg.contains("expected u")
            || serde_msg.contains("expected i")
            || serde_msg.contains("expected f")
        {
            format!("write a plain number without quotes, e.g. `{field}: 12`")
        } else if serde_msg.contains("expected a map") || serde_msg.contains("expected struct") {
            format!("`{field}` holds named fields, one `name: value` per indented line")
        } else {
            format!("check the value of `{field}`")
        };
        return (
            format!("wrong type for `{field}`: {}", plain_types(serde_msg)),
            Some(help),
        );
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

/// A string as a YAML scalar for writers: plain when it reads back as the
/// same string in a `key: value` position (and in YAML 1.1 readers too),
/// double-quoted otherwise (`"0812…"`, `"2024"`, `"yes"`, `"a: b"`).
pub fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// The double-quoted form of `s`. JSON string escapes are valid YAML.
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.escape_default()))
}

/// Words that YAML 1.1 readers take for booleans or null; quoted always.
const KEYWORDS: &[&str] = &[
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
];

fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s
        || s.chars().any(|c| c.is_control())
        || KEYWORDS.contains(&s.to_lowercase().as_str())
    {
        return false;
    }
    // Number-like text (`0812…`, `2024`, `1_000`, `2024-01-02`, `12:30`)
    // reads as a number or date in some YAML readers: always quoted.
    if s.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
        && s.chars()
            .all(|c| c.is_ascii_digit() || "+-._:eExXoObB ".contains(c))
    {
        return false;
    }
    // Fast path: a letter, then letters, digits and harmless punctuation.
    if first.is_alphabetic()
        && s.chars()
            .all(|c| c.is_alphanumeric() || " .,()/'-_&+@!?%*".contains(c))
    {
        return true;
    }
    // Otherwise ask the parser whether the plain form reads back unchanged.
    let doc = format!("k: {s}\n");
    match serde_yaml::from_str::<Value>(&doc) {
        Ok(Value::Mapping(m)) => {
            m.len() == 1 && matches!(m.get("k"), Some(Value::String(v)) if v == s)
        }
        _ => false,
    }
}

/// `s` as a folded block (`>-`) whose lines start at `indent` spaces and
/// stay within `width` columns where words allow, or `None` when folding
/// would not read back as the same string (line breaks, runs of spaces,
/// control characters, leading or trailing spaces).
pub fn folded(s: &str, indent: usize, width: usize) -> Option<String> {
    if s.is_empty()
        || s.trim() != s
        || s.contains("  ")
        || s.chars().any(|c| c.is_control() || c == '\u{feff}')
    {
        return None;
    }
    let pad = " ".repeat(indent);
    let room = width.saturating_sub(indent).max(20);
    let mut out = String::from(">-");
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push('\n');
            out.push_str(&pad);
            out.push_str(&line);
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push('\n');
    out.push_str(&pad);
    out.push_str(&line);
    Some(out)
}

/// Reads a mapping file of `text: text` lines (e.g. a column mapping).
/// Values that are empty (`~`, nothing) come back as `None`; any other
/// non-text value is an error naming the key.
pub fn string_map(text: &str) -> Result<Vec<(String, Option<String>)>, String> {
    let value: Value = serde_yaml::from_str(text).map_err(|e| {
        let msg = e.to_string();
        msg.split(" at line ").next().unwrap_or(&msg).to_string()
            + &e.location()
                .map(|l| format!(" (line {})", l.line()))
                .unwrap_or_default()
    })?;
    if value.is_null() {
        return Ok(Vec::new());
    }
    let Some(map) = value.as_mapping() else {
        return Err(format!(
            "expected lines of `column header: field`, found {}",
            kind_name(&value)
        ));
    };
    let mut out = Vec::new();
    for (k, v) in map {
        let key = match k {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            other => {
                return Err(format!(
                    "a column header must be text, found {}",
                    kind_name(other)
                ))
            }
        };
        let val = match v {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            other => {
                return Err(format!(
                    "`{key}`: expected a field name, found {}",
                    kind_name(other)
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
        assert!(
            err.message.starts_with("this is not valid YAML"),
            "{}",
            err.message
        );
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

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for s in [
            "Kabupaten Kudus",
            "0812345678",
            "2024",
            "yes",
            "No",
            "a: b",
            "x #y",
            "- z",
            "[x",
            "*a",
            "&a b",
            "!t",
            "@home",
            "%d",
            "'q'",
            "\"dq\"",
            " lead",
            "trail ",
            "",
            "~",
            "null",
            "Jl. Merdeka No. 1, RT 02/RW 03",
            "(0322) 000000",
            "+62 812",
            "perpus@example.id",
            "https://example.org/a?b=c#d",
            "1.5",
            "0x1F",
            ".inf",
            "2023-S2",
            "tab\there",
            "line\nbreak",
            "Désa Ñ 😀",
            "a:b",
            "? q",
            "|",
            ">",
            "{a}",
            "k: v, w",
        ] {
            let doc = format!("k: {}\n", scalar(s));
            let back: Value = serde_yaml::from_str(&doc).unwrap_or_else(|e| panic!("{s:?}: {e}"));
            assert_eq!(
                back.get("k").and_then(Value::as_str),
                Some(s),
                "{s:?} written as {doc:?}"
            );
        }
        assert_eq!(scalar("Kabupaten Kudus"), "Kabupaten Kudus");
        assert_eq!(scalar("0812"), "\"0812\"");
        assert_eq!(scalar("0812345678"), "\"0812345678\"");
        assert_eq!(scalar("2024-01-02"), "\"2024-01-02\"");
        assert_eq!(scalar("(0322) 000000"), "(0322) 000000");
        assert_eq!(scalar("2023-S2"), "2023-S2");
    }

    #[test]
    fn folded_blocks_read_back_as_the_same_text() {
        let s = "Perpustakaan desa di Labruk Kidul, Lumajang: berbagi kiat # agar perpustakaan tetap aktif pada Temu Mitra TPBIS Jawa Timur 2024.";
        let f = folded(s, 4, 60).unwrap();
        assert!(
            f.lines()
                .skip(1)
                .all(|l| l.starts_with("    ") && l.len() <= 60),
            "{f}"
        );
        let back: Value = serde_yaml::from_str(&format!("k: {f}\n")).unwrap();
        assert_eq!(back.get("k").and_then(Value::as_str), Some(s));
        assert!(folded("two  spaces", 4, 60).is_none());
        assert!(folded("line\nbreak", 4, 60).is_none());
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
        assert!(string_map("- a\n").unwrap_err().contains("column header"));
        assert!(string_map("a: [b]\n").unwrap_err().contains("`a`"));
    }
}
