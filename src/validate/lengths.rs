//! Length limits on every text field of every record, in one pass.
//!
//! Each record is walked through its `Serialize` form, so a field added to
//! a record is covered without a line here; the limit comes from the
//! field's name ([`limits::for_field`]) and the error points at the value
//! through the record's [`Origin`].

use super::walk::{texts, Text};
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{Content, Loaded, Record};
use crate::model::limits;
use crate::yaml::Origin;
use rayon::prelude::*;
use serde::Serialize;

/// Fields holding a map whose keys are names the officer chooses (the
/// keys of `participants` and `figures` come from fixed lists, checked
/// with their own message).
const NAMED_KEYS: &[&str] = &["social"];

pub fn check(site: &Loaded, diags: &mut Diagnostics) {
    if let Some(c) = &site.config {
        record(&c.data, &c.origin, diags);
    }
    records(&site.provinces, diags);
    records(&site.regencies, diags);
    records(&site.libraries, diags);
    records(&site.awards, diags);
    records(&site.reports, diags);
    contents(&site.posts, diags);
    contents(&site.stories, diags);
    contents(&site.events, diags);
    contents(&site.pages, diags);
}

fn records<T: Serialize>(items: &[Record<T>], diags: &mut Diagnostics) {
    for r in items {
        record(&r.data, &r.origin, diags);
    }
}

/// On rayon's threads (a site has tens of thousands of posts), the
/// problems taken in file order.
fn contents<T: Serialize + Sync>(items: &[Content<T>], diags: &mut Diagnostics) {
    let found: Vec<Vec<Diagnostic>> = items
        .par_iter()
        .map(|c| {
            let mut d = Diagnostics::new();
            record(&c.front, &c.origin, &mut d);
            d.into_vec()
        })
        .collect();
    for d in found {
        diags.extend(d);
    }
}

/// Checks every text of one record against the limit of its field.
pub fn record<T: Serialize>(data: &T, origin: &Origin, diags: &mut Diagnostics) {
    texts(data, &mut |t: Text<'_>| {
        let limit = if t.is_key {
            if !NAMED_KEYS.contains(&t.field) {
                return;
            }
            limits::KEY
        } else {
            limits::for_field(t.field)
        };
        // Looked up only for a problem: most texts have none.
        let at = || {
            if t.is_key {
                origin.key(t.path)
            } else {
                origin.value(t.path)
            }
        };
        if let Some(max) = list_overflow(&t) {
            diags.push(
                Diagnostic::error(
                    at(),
                    crate::msg!("list-too-long", field = t.field, max = max),
                )
                .with_help(crate::msg!(
                    "list-too-long-help",
                    field = t.field,
                    max = max
                )),
            );
        }
        if let Some((message, help)) = limits::check(t.field, t.value, limit) {
            diags.push(Diagnostic::error(at(), message).with_help(help));
        } else if !t.is_key && limits::is_required_name(t.field) && t.value.trim().is_empty() {
            diags.push(
                Diagnostic::error(at(), crate::msg!("name-empty", field = t.field)).with_help(
                    crate::msg!(
                        "name-empty-help",
                        what = crate::diag::Message::new(limit.what),
                        field = t.field
                    ),
                ),
            );
        }
    });
}

/// The item limit of the list `t` is in, when `t` is its first item over
/// it (so an overlong list is one error, at the first item too many).
fn list_overflow(t: &Text<'_>) -> Option<usize> {
    let (_, last) = t.path.rsplit_once('/').unwrap_or(("", t.path));
    let index: usize = last.parse().ok()?;
    let max = limits::list_items(t.field);
    (index == max).then_some(max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use crate::model::records::LibraryRecord;
    use std::sync::Arc;

    fn lib(text: &str) -> Vec<Diagnostic> {
        let doc = crate::yaml::parse(text, FileId(0), 0).unwrap();
        let origin = Origin::new(FileId(0), Arc::new(doc.spans), String::new());
        let data: LibraryRecord = crate::yaml::deserialize(&doc.value, &origin).unwrap();
        let mut diags = Diagnostics::new();
        record(&data, &origin, &mut diags);
        diags.into_vec()
    }

    #[test]
    fn a_blank_name_is_refused_but_blank_optional_text_is_absent() {
        let d = lib("id: a\nname: \"  \"\nlevel: desa\nprovince: p\nregency: r\naddress: \"\"\n");
        let msgs: Vec<String> = d.iter().map(|d| d.message.en()).collect();
        assert_eq!(msgs, ["`name` is empty"]);
        assert!(d[0].help.as_ref().unwrap().en().starts_with("write a name"));
    }

    #[test]
    fn an_overlong_list_is_one_error_at_its_first_item_too_many() {
        let aliases: Vec<String> = (0..25).map(|i| format!("a{i}")).collect();
        let text = format!(
            "id: a\nname: A\nlevel: desa\nprovince: p\nregency: r\naliases: [{}]\n",
            aliases.join(", ")
        );
        let d = lib(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].message.en(), "`aliases` has more than 20 items");
        let at = d[0].span.as_ref().unwrap().range.start;
        assert!(text[at..].starts_with("a20"), "{}", &text[at..]);
    }

    #[test]
    fn every_text_field_nested_or_listed_is_measured() {
        let long = "x".repeat(400);
        let text = format!(
            "id: a\nname: A\nlevel: desa\nprovince: p\nregency: r\nsummary: ok\n\
             aliases: [b, {long}]\nsocial:\n  {long}: https://x.id\n\
             kpi:\n  - period: {long}\n    category: tinggi\n"
        );
        let d = lib(&text);
        let at = |d: &Diagnostic| {
            let r = d.span.as_ref().unwrap().range.clone();
            text[..r.start].lines().count()
        };
        let mut found: Vec<(String, usize)> = d.iter().map(|d| (d.message.en(), at(d))).collect();
        found.sort();
        assert_eq!(
            found,
            [
                (
                    "`aliases` is 400 characters long; an id or file name can be at most 80"
                        .to_string(),
                    7
                ),
                (
                    "`period` is 400 characters long; a name can be at most 150".to_string(),
                    11
                ),
                (
                    "`social` is 400 characters long; a network name can be at most 50".to_string(),
                    9
                ),
            ]
        );
        assert!(lib("id: a\nname: A\nlevel: desa\nprovince: p\nregency: r\n").is_empty());
    }
}
