//! Typed records from [`Value`]s, with type errors in an author's words.

use super::{Origin, Value};
use crate::diag::{shorten, Diagnostic, Message};
use crate::msg;
use serde::de::DeserializeOwned;

/// Deserializes a record; a type error points at the offending value. A
/// record with a problem found while parsing (a field written twice…) is
/// refused with the first one.
pub fn deserialize<T: DeserializeOwned>(value: &Value, origin: &Origin) -> Result<T, Diagnostic> {
    if let Some(first) = origin.problems().into_iter().next() {
        return Err(first);
    }
    typed(value).map_err(|(path, msg)| {
        let (message, help) = explain(&msg, &path, value.at(&path));
        let span = if path.is_empty() || message.id == "missing-field" {
            origin.record()
        } else {
            origin.value(&path)
        };
        Diagnostic::error(span, message).with_help_opt(help)
    })
}

/// Deserializes `value`; on failure the path of the value at fault and
/// the deserializer's message.
pub(super) fn typed<T: DeserializeOwned>(value: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize::<_, T>(value.to_backend()).map_err(|e| {
        let path = path_string(e.path());
        let inner = e.into_inner().to_string();
        let inner = inner
            .split(" at line ")
            .next()
            .unwrap_or(&inner)
            .to_string();
        (path, inner)
    })
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

/// What the deserializer expected, in plain words.
fn plain_expected(expected: &str) -> Message {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => {
            msg!("expected-whole-number")
        }
        "f32" | "f64" => msg!("expected-number"),
        "a string" | "a borrowed string" | "a char" => msg!("expected-text"),
        "a sequence" => msg!("expected-list"),
        "a boolean" => msg!("expected-boolean"),
        "a map" => msg!("expected-record"),
        e if e.starts_with("struct ") => msg!("expected-record"),
        e => msg!("expected-other", what = shorten(e)),
    }
}

/// The value found, in plain words.
fn found_words(found: Option<&Value>) -> Message {
    match found {
        Some(v) => v.describe(),
        None => msg!("found-something-else"),
    }
}

/// Turns the deserializer's wording into an author's: what is wrong (the
/// value found shortened, never repeated whole) and what to write.
fn explain(msg: &str, path: &str, found: Option<&Value>) -> (Message, Option<Message>) {
    let field = path
        .rsplit('/')
        .find(|s| !s.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or(path);
    let field = shorten(field);
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let name = shorten(rest.trim_matches('`'));
        return (
            msg!("missing-field", field = &name),
            Some(msg!("missing-field-help", field = name)),
        );
    }
    let found = found_words(found);
    let expected = msg.rsplit_once(", expected ").map_or("", |(_, e)| e);
    if msg.starts_with("invalid type") {
        let help = match expected {
            "a string" => msg!("type-help-quotes", field = &field),
            "a sequence" => msg!("type-help-list", field = &field),
            "a boolean" => msg!("type-help-boolean", field = &field),
            "a map" => msg!("type-help-record", field = &field),
            e if e.starts_with("struct ") => msg!("type-help-record", field = &field),
            e if matches!(
                plain_expected(e).id,
                "expected-number" | "expected-whole-number"
            ) =>
            {
                msg!("type-help-number", field = &field)
            }
            _ => msg!("type-help-check", field = &field),
        };
        return (
            msg!(
                "wrong-type",
                field = field,
                expected = plain_expected(expected),
                found = found
            ),
            Some(help),
        );
    }
    if msg.starts_with("invalid value") || msg.starts_with("unknown variant") {
        return (
            msg!(
                "invalid-value",
                field = field,
                expected = plain_expected(expected),
                found = found
            ),
            None,
        );
    }
    if msg.starts_with("invalid length") {
        return (
            msg!(
                "wrong-length",
                field = field,
                expected = plain_expected(expected)
            ),
            None,
        );
    }
    // Any other message: never more than a line of it.
    (
        msg!("field-problem", field = field, problem = shorten(msg)),
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Origin};
    use super::*;
    use crate::diag::FileId;
    use std::sync::Arc;

    #[derive(serde::Deserialize, Debug)]
    struct Rec {
        #[allow(dead_code)]
        name: String,
        #[allow(dead_code)]
        joined: u16,
    }

    fn origin(text: &str, prefix: &str) -> (Value, Origin) {
        let doc = parse(text, FileId(0), 0).unwrap();
        let origin = Origin::new(FileId(0), Arc::new(doc.spans), prefix.into());
        (doc.value, origin)
    }

    #[test]
    fn type_error_points_at_the_value() {
        let text = "- name: A\n  joined: 2019\n- name: B\n  joined: dua ribu\n";
        let (value, origin) = origin(text, "1");
        let err = deserialize::<Rec>(&value.items().unwrap()[1], &origin).unwrap_err();
        let r = err.span.unwrap().range;
        assert_eq!(&text[r], "dua ribu");
        assert_eq!(
            err.message.en(),
            "wrong type for `joined`: expected a whole number, found the text `dua ribu`"
        );
        assert!(err.help.unwrap().en().contains("number"));
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let long = "x".repeat(5000);
        let text = format!("- name: A\n  joined: {long}\n");
        let (value, origin) = origin(&text, "0");
        let err = deserialize::<Rec>(&value.items().unwrap()[0], &origin).unwrap_err();
        let text = err.message.en();
        assert!(text.len() < 200, "{text}");
        assert!(text.contains('…'), "{text}");
    }

    #[test]
    fn missing_field_points_at_the_record() {
        let text = "- name: A\n";
        let (value, origin) = origin(text, "0");
        let err = deserialize::<Rec>(&value.items().unwrap()[0], &origin).unwrap_err();
        assert_eq!(err.message.en(), "missing required field `joined`");
        assert_eq!(err.span.unwrap().range.start, 2);
    }

    #[test]
    fn a_field_written_twice_refuses_the_record() {
        let text = "- name: A\n  joined: 2019\n  name: B\n";
        let (value, origin) = origin(text, "0");
        let err = deserialize::<Rec>(&value.items().unwrap()[0], &origin).unwrap_err();
        assert_eq!(
            err.message.en(),
            "field `name` is written twice in this record; keep one"
        );
        assert_eq!(&text[err.span.unwrap().range], "name");
        assert_eq!(err.related[0].0.range.start, 2);
    }
}
