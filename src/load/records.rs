//! Turning parsed YAML into typed records, reporting every problem.

use crate::diag::{suggest, Diagnostic, FileId, Span};
use crate::model::records::Fields;
use crate::yaml::{self, Document, Origin};
use serde::de::DeserializeOwned;
use std::sync::Arc;

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
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Record<T>> {
    list_keyed(doc, file, what, diags).0
}

/// Like [`list`], and also returns the `id` of every record that failed to
/// load, so references to it can stay quiet instead of cascading.
pub fn list_keyed<T: DeserializeOwned + Fields>(
    doc: Document,
    file: FileId,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Record<T>>, Vec<String>) {
    let spans = Arc::new(doc.spans);
    if yaml::is_null(&doc.value) {
        diags.push(
            Diagnostic::error(
                Span::file_start(file),
                format!("this file is empty; it should hold a list of {what}"),
            )
            .with_help(format!(
                "write each of the {what} as an item starting with `- `, or delete the file"
            )),
        );
        return (Vec::new(), Vec::new());
    }
    let Some(items) = yaml::items(&doc.value) else {
        diags.push(
            Diagnostic::error(
                Origin::new(file, spans, String::new()).record(),
                format!(
                    "expected a list of {what}, found {}",
                    yaml::kind_name(&doc.value)
                ),
            )
            .with_help("start each record with `- ` (a dash and a space) at the left margin"),
        );
        return (Vec::new(), Vec::new());
    };
    let mut failed = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let origin = Origin::new(file, spans.clone(), i.to_string());
        match one(item, origin, diags) {
            Some(r) => out.push(r),
            None => failed.extend(
                yaml::get(item, "id")
                    .and_then(yaml::Value::as_str)
                    .map(str::to_string),
            ),
        }
    }
    (out, failed)
}

/// Loads a file (or front matter) holding one record.
pub fn single<T: DeserializeOwned + Fields>(
    doc: Document,
    file: FileId,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Record<T>> {
    let origin = Origin::new(file, Arc::new(doc.spans), String::new());
    if yaml::is_null(&doc.value) {
        diags.push(
            Diagnostic::error(origin.record(), format!("{what} is empty"))
                .with_help(format!("fill in the fields of {what}, e.g. `title: …`")),
        );
        return None;
    }
    one(&doc.value, origin, diags)
}

fn one<T: DeserializeOwned + Fields>(
    value: &yaml::Value,
    origin: Origin,
    diags: &mut Vec<Diagnostic>,
) -> Option<Record<T>> {
    let before = diags.len();
    if yaml::keys(value).is_none() {
        let shown = match value {
            yaml::Value::String(s) => format!(" `{s}`"),
            _ => String::new(),
        };
        diags.push(
            Diagnostic::error(origin.record(), format!("expected a record of fields, found {}{shown}", yaml::kind_name(value)))
                .with_help(format!(
                    "write the record as indented `name: value` lines, e.g. `{}: …`, one field per line",
                    T::FIELDS[0]
                )),
        );
        return None;
    }
    check_fields(value, "", T::FIELDS, &origin, diags);
    for (field, nested) in T::NESTED {
        if let Some(v) = yaml::get(value, field) {
            match yaml::items(v) {
                Some(items) => {
                    for (i, item) in items.iter().enumerate() {
                        check_fields(item, &format!("{field}/{i}"), nested, &origin, diags);
                    }
                }
                None => check_fields(v, field, nested, &origin, diags),
            }
        }
    }
    match yaml::deserialize::<T>(value, &origin) {
        Ok(data) if diags.len() == before => Some(Record { data, origin }),
        Ok(_) => None,
        Err(d) => {
            // An unknown field often explains the missing one ("tittle");
            // don't pile a second error on the same typo.
            let typo_help = d
                .message
                .strip_prefix("missing required field ")
                .map(|f| format!("did you mean {f}?"));
            let typo_explains = typo_help.is_some_and(|h| {
                diags[before..]
                    .iter()
                    .any(|u| u.help.as_deref() == Some(h.as_str()))
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
    value: &yaml::Value,
    path: &str,
    allowed: &[&str],
    origin: &Origin,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(keys) = yaml::keys(value) else {
        return; // a wrong type is reported by deserialization
    };
    for key in keys {
        if allowed.contains(&key.as_str()) {
            continue;
        }
        let at = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}/{key}")
        };
        let help = match suggest::closest(&key, allowed.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!(
                "the fields allowed here are: {}",
                allowed
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        diags.push(
            Diagnostic::error(origin.key(&at), format!("unknown field `{key}`")).with_help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::{LibraryRecord, PostFrontMatter};

    fn parse(text: &str) -> Document {
        yaml::parse(text, FileId(0), 0).unwrap()
    }

    #[test]
    fn unknown_field_suggests_the_right_one_once() {
        let text = "tittle: Hello\ndate: 2022-08-02\n";
        let mut diags = Vec::new();
        let r = single::<PostFrontMatter>(parse(text), FileId(0), "front matter", &mut diags);
        assert!(r.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].message, "unknown field `tittle`");
        assert_eq!(diags[0].help.as_deref(), Some("did you mean `title`?"));
        assert_eq!(&text[diags[0].span.clone().unwrap().range], "tittle");
    }

    #[test]
    fn nested_unknown_fields_are_found() {
        let text = "- id: a\n  name: A\n  level: desa\n  province: aceh\n  regency: Kabupaten Simeulue\n  kpi:\n    - period: '2024'\n      categori: tinggi\n";
        let mut diags = Vec::new();
        let r = list::<LibraryRecord>(parse(text), FileId(0), "libraries", &mut diags);
        assert!(r.is_empty());
        assert!(
            diags
                .iter()
                .any(|d| d.message == "unknown field `categori`"),
            "{diags:?}"
        );
    }

    #[test]
    fn every_bad_record_is_reported_and_good_ones_kept() {
        let text = "- id: a\n  name: A\n  level: desa\n  province: aceh\n  regency: X\n- id: b\n  level: desa\n  province: aceh\n  regency: X\n- id: c\n  name: C\n  level: desa\n  province: aceh\n  regency: X\n  joined: kemarin\n";
        let mut diags = Vec::new();
        let r = list::<LibraryRecord>(parse(text), FileId(0), "libraries", &mut diags);
        assert_eq!(r.len(), 1);
        assert_eq!(diags.len(), 2, "{diags:?}");
    }

    #[test]
    fn empty_and_wrong_shape() {
        let mut diags = Vec::new();
        list::<LibraryRecord>(parse("# nothing\n"), FileId(0), "libraries", &mut diags);
        assert!(diags[0].message.contains("empty"));
        let mut diags = Vec::new();
        list::<LibraryRecord>(parse("id: a\n"), FileId(0), "libraries", &mut diags);
        assert!(diags[0].message.contains("expected a list"));
    }
}
