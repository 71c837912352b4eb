//! Turning parsed YAML into typed records, reporting every problem.

use crate::diag::{shorten, suggest, Diagnostic, FileId, Message, Span};
use crate::model::records::Fields;
use crate::msg;
use crate::yaml::{Document, Origin, Value};
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// The most problems reported for one file. Past them warta stops
/// checking its records: the first ones usually share one cause (an
/// indentation, a misspelt field in every record), at most 200 are printed
/// anyway (`diag::emit`), and a file of 100,000 broken records must not
/// cost 100,000 messages and suggestions.
pub const MAX_FILE_PROBLEMS: usize = 1_000;

/// A record with the place it was written.
#[derive(Debug, Clone)]
pub struct Record<T> {
    pub data: T,
    pub origin: Origin,
}

/// Loads a file holding a list of records (`- id: …` items).
pub fn list<T: DeserializeOwned + Fields>(
    doc: Document,
    file: FileId,
    what: Message,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record<T>> {
    list_keyed(doc, file, what, diags).0
}

/// Like [`list`], and also returns the `id` of every record that failed to
/// load, so references to it can stay quiet instead of cascading.
pub fn list_keyed<T: DeserializeOwned + Fields>(
    doc: Document,
    file: FileId,
    what: Message,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Record<T>>, Vec<String>) {
    let spans = Arc::new(doc.spans);
    if doc.value.is_null() {
        diags.push(
            Diagnostic::error(
                Span::file_start(file),
                msg!("file-empty-list", what = what.clone()),
            )
            .with_help(msg!("file-empty-list-help", what = what)),
        );
        return (Vec::new(), Vec::new());
    }
    let Some(items) = doc.value.items() else {
        diags.push(
            Diagnostic::error(
                Origin::new(file, spans, String::new()).record(),
                msg!(
                    "expected-list-of",
                    what = what,
                    found = doc.value.kind_name()
                ),
            )
            .with_help(msg!("expected-list-of-help")),
        );
        return (Vec::new(), Vec::new());
    };
    let mut failed = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    let stop_at = diags.len() + MAX_FILE_PROBLEMS;
    for (i, item) in items.iter().enumerate() {
        let origin = Origin::new(file, spans.clone(), i.to_string());
        if diags.len() >= stop_at {
            // The rest is not checked, and not loaded: quietly, as records
            // that failed.
            diags.push(stopped(file, origin.record()));
            let ids = items[i..].iter().filter_map(|r| r.get("id")?.as_str());
            failed.extend(ids.map(str::to_string));
            break;
        }
        match one(item, origin, stop_at, diags) {
            Some(r) => out.push(r),
            None => failed.extend(item.get("id").and_then(Value::as_str).map(str::to_string)),
        }
    }
    (out, failed)
}

/// Said at the top of the file, where it is read first.
fn stopped(file: FileId, at: Span) -> Diagnostic {
    Diagnostic::error(
        Span::file_start(file),
        msg!("too-many-problems", limit = MAX_FILE_PROBLEMS),
    )
    .with_related(at, msg!("checking-stopped-here"))
    .with_help(msg!("too-many-problems-help"))
}

/// Loads a file (or front matter) holding one record.
pub fn single<T: DeserializeOwned + Fields>(
    doc: Document,
    file: FileId,
    what: Message,
    diags: &mut Vec<Diagnostic>,
) -> Option<Record<T>> {
    let origin = Origin::new(file, Arc::new(doc.spans), String::new());
    if doc.value.is_null() {
        diags.push(
            Diagnostic::error(origin.record(), msg!("record-empty", what = what.clone()))
                .with_help(msg!("record-empty-help", what = what)),
        );
        return None;
    }
    let stop_at = diags.len() + MAX_FILE_PROBLEMS;
    let record = one(&doc.value, origin.clone(), stop_at, diags);
    if diags.len() >= stop_at {
        diags.truncate(stop_at);
        diags.push(stopped(file, origin.record()));
    }
    record
}

/// Loads one record; reports its problems until `diags` holds `stop_at`.
fn one<T: DeserializeOwned + Fields>(
    value: &Value,
    origin: Origin,
    stop_at: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<Record<T>> {
    let before = diags.len();
    if value.keys().is_none() {
        let help = match value.as_str().and_then(glued_key) {
            Some((key, rest)) => {
                let key = shorten(key);
                msg!("glued-key-help", key = key, value = shorten(rest))
            }
            None => msg!("expected-record-help", field = T::FIELDS[0]),
        };
        diags.push(
            Diagnostic::error(
                origin.record(),
                msg!("expected-record-found", found = value.describe()),
            )
            .with_help(help),
        );
        return None;
    }
    // Problems found while parsing (a field written twice…) refuse the
    // record; its unknown fields are still worth reporting.
    let problems = origin.problems();
    let refused = !problems.is_empty();
    let room = stop_at.saturating_sub(diags.len());
    diags.extend(problems.into_iter().take(room));
    check_fields(value, "", T::FIELDS, &origin, stop_at, diags);
    for (field, nested) in T::NESTED {
        if let Some(v) = value.get(field) {
            match v.items() {
                Some(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let at = format!("{field}/{i}");
                        check_fields(item, &at, nested, &origin, stop_at, diags);
                    }
                }
                None => check_fields(v, field, nested, &origin, stop_at, diags),
            }
        }
    }
    if refused {
        return None;
    }
    match crate::yaml::deserialize::<T>(value, &origin) {
        Ok(data) if diags.len() == before => Some(Record { data, origin }),
        Ok(_) => None,
        Err(d) => {
            // An unknown field often explains the missing one ("tittle");
            // don't pile a second error on the same typo.
            let missing = (d.message.id == "missing-field")
                .then(|| d.message.text_arg("field"))
                .flatten();
            let typo_explains = missing.is_some_and(|f| {
                diags[before..].iter().any(|u| {
                    u.help.as_ref().is_some_and(|h| {
                        h.id == "did-you-mean" && h.text_arg("suggestion") == Some(f)
                    })
                })
            });
            if !typo_explains {
                diags.push(d);
            }
            None
        }
    }
}

/// Reports keys that are not fields of the record, with the likely meant one.
fn check_fields(
    value: &Value,
    path: &str,
    allowed: &[&str],
    origin: &Origin,
    stop_at: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(keys) = value.keys() else {
        return; // a wrong type is reported by deserialization
    };
    for key in keys {
        if diags.len() >= stop_at {
            return;
        }
        if allowed.contains(&key.as_str()) {
            continue;
        }
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}/{key}")
        };
        let help = match suggest::closest(&key, allowed.iter().copied()) {
            Some(c) => msg!("did-you-mean", suggestion = c),
            None => msg!(
                "fields-allowed-here",
                fields = allowed
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        diags.push(
            Diagnostic::error(
                origin.key(&at),
                msg!("unknown-field", field = shorten(&key)),
            )
            .with_help(help),
        );
    }
}

/// `title:Halo` read as one text: a field name glued to its value (no
/// space after the colon). Returns the name and the value.
fn glued_key(s: &str) -> Option<(&str, &str)> {
    let (key, rest) = s.split_once(':')?;
    let is_name = key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (is_name && !rest.is_empty() && !rest.starts_with([' ', '/'])).then_some((key, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::{LibraryRecord, PostFrontMatter};

    fn parse(text: &str) -> Document {
        crate::yaml::parse(text, FileId(0), 0).unwrap()
    }

    #[test]
    fn unknown_field_suggests_the_right_one_once() {
        let text = "tittle: Hello\ndate: 2022-08-02\n";
        let mut diags = Vec::new();
        let r = single::<PostFrontMatter>(
            parse(text),
            FileId(0),
            crate::msg!("what-front-matter"),
            &mut diags,
        );
        assert!(r.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].message.en(), "unknown field `tittle`");
        assert_eq!(
            diags[0].help.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(&text[diags[0].span.clone().unwrap().range], "tittle");
    }

    #[test]
    fn nested_unknown_fields_are_found() {
        let text = "- id: a\n  name: A\n  level: desa\n  province: aceh\n  regency: Kabupaten Simeulue\n  kpi:\n    - period: '2024'\n      categori: tinggi\n";
        let mut diags = Vec::new();
        let r = list::<LibraryRecord>(
            parse(text),
            FileId(0),
            crate::msg!("what-libraries"),
            &mut diags,
        );
        assert!(r.is_empty());
        assert!(
            diags
                .iter()
                .any(|d| d.message.en() == "unknown field `categori`"),
            "{diags:?}"
        );
    }

    #[test]
    fn every_bad_record_is_reported_and_good_ones_kept() {
        let text = "- id: a\n  name: A\n  level: desa\n  province: aceh\n  regency: X\n- id: b\n  level: desa\n  province: aceh\n  regency: X\n- id: c\n  name: C\n  level: desa\n  province: aceh\n  regency: X\n  joined: kemarin\n";
        let mut diags = Vec::new();
        let r = list::<LibraryRecord>(
            parse(text),
            FileId(0),
            crate::msg!("what-libraries"),
            &mut diags,
        );
        assert_eq!(r.len(), 1);
        assert_eq!(diags.len(), 2, "{diags:?}");
    }

    #[test]
    fn a_flood_of_broken_records_is_cut_short() {
        let text = "- x\n".repeat(5_000) + "- id: ok\n  nama: y\n";
        let mut diags = Vec::new();
        let (r, failed) = list_keyed::<LibraryRecord>(
            parse(&text),
            FileId(0),
            crate::msg!("what-libraries"),
            &mut diags,
        );
        assert!(r.is_empty());
        assert_eq!(diags.len(), MAX_FILE_PROBLEMS + 1);
        assert!(diags[MAX_FILE_PROBLEMS]
            .message
            .en()
            .contains("stopped checking"));
        assert_eq!(diags[MAX_FILE_PROBLEMS].span.clone().unwrap().range, 0..0);
        // The record past the cut still keeps references to it quiet.
        assert_eq!(failed, vec!["ok".to_string()]);
        let one_record = (0..3_000).map(|i| format!("f{i}: x\n")).collect::<String>();
        let mut diags = Vec::new();
        single::<PostFrontMatter>(
            parse(&one_record),
            FileId(0),
            crate::msg!("what-front-matter"),
            &mut diags,
        );
        assert_eq!(diags.len(), MAX_FILE_PROBLEMS + 1);
    }

    #[test]
    fn empty_and_wrong_shape() {
        let mut diags = Vec::new();
        list::<LibraryRecord>(
            parse("# nothing\n"),
            FileId(0),
            crate::msg!("what-libraries"),
            &mut diags,
        );
        assert!(diags[0].message.en().contains("empty"));
        let mut diags = Vec::new();
        list::<LibraryRecord>(
            parse("id: a\n"),
            FileId(0),
            crate::msg!("what-libraries"),
            &mut diags,
        );
        assert!(diags[0].message.en().contains("expected a list"));
    }
}
