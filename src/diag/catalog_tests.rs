//! The catalogues against each other and against the code: every id the
//! code uses is in both `.ftl` files, every entry is used, and both
//! languages take the same arguments, so a code or an argument can never
//! exist in one language only.

use super::catalog::CATALOGUES;
use super::{Catalog, Lang, Message};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Message id → the names of the variables its text uses.
fn entries(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "`{}` is written twice",
                    m.id.name
                );
            }
            Entry::Term(t) => panic!("term `-{}`: the catalogue uses messages only", t.id.name),
            Entry::Junk { content } => panic!("cannot read: {content}"),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every `.rs` file under `src/`, as text.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().display().to_string(), text)
        })
        .collect()
}

/// The string literal right after each `prefix` in `text`.
fn literals_after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.match_indices(prefix)
        .filter_map(|(i, _)| {
            let rest = text[i + prefix.len()..].trim_start();
            let rest = rest.strip_prefix('"')?;
            rest.split('"').next()
        })
        .collect()
}

/// Every `"…"` of `text` that looks like a message id. Each quote is
/// tried as an opening one, so a `'"'` elsewhere cannot shift the pairs.
fn id_like_literals(text: &str) -> BTreeSet<&str> {
    text.match_indices('"')
        .filter_map(|(i, _)| text[i + 1..].split('"').next())
        .filter(|s| {
            s.len() > 1
                && s.starts_with(|c: char| c.is_ascii_lowercase())
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .collect()
}

#[test]
fn both_languages_have_the_same_ids_and_arguments() {
    let id = entries(CATALOGUES[0].1);
    let en = entries(CATALOGUES[1].1);
    assert!(id.len() > 300, "{} messages", id.len());
    let only_id: Vec<_> = id.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !id.contains_key(*k)).collect();
    assert!(only_id.is_empty(), "only in id.ftl: {only_id:?}");
    assert!(only_en.is_empty(), "only in en.ftl: {only_en:?}");
    for (key, vars) in &id {
        assert_eq!(vars, &en[key], "`{key}` takes other arguments in en.ftl");
    }
}

#[test]
fn every_id_in_the_code_is_in_the_catalogue_and_every_entry_is_used() {
    let known = entries(CATALOGUES[0].1);
    let mut used = BTreeSet::new();
    let mut missing = Vec::new();
    for (path, text) in sources() {
        // Ids are written as literals where a message is made: `msg!`,
        // `Message::new`, a limit's words, a pipeline stage.
        for prefix in ["msg!(", "Message::new(", "what: ", "hint: ", "stage("] {
            for lit in literals_after(&text, prefix) {
                let is_id = id_like_literals(&format!("\"{lit}\"")).contains(lit);
                if is_id && !known.contains_key(lit) {
                    missing.push(format!("{path}: `{lit}`"));
                }
            }
        }
        used.extend(id_like_literals(&text).into_iter().map(str::to_string));
    }
    assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    let unused: Vec<_> = known.keys().filter(|k| !used.contains(*k)).collect();
    assert!(unused.is_empty(), "never used in the code: {unused:?}");
}

#[test]
fn every_message_renders_in_both_languages_without_errors() {
    // `Catalog::text` asserts (in debug builds) that nothing is missing.
    let vars = entries(CATALOGUES[0].1);
    for lang in [Lang::Id, Lang::En] {
        let cat = Catalog::new(lang);
        for (key, names) in &vars {
            let id: &'static str = Box::leak(key.clone().into_boxed_str());
            // Every variable as a count (0, 1, 2: each plural form) and as text.
            for n in [Some(0), Some(1), Some(2), None] {
                let mut m = Message::new(id);
                for name in names {
                    let name: &'static str = Box::leak(name.clone().into_boxed_str());
                    m = match n {
                        Some(n) => m.arg(name, n),
                        None => m.arg(name, "x"),
                    };
                }
                let text = cat.text(&m);
                assert!(!text.trim().is_empty(), "`{key}` is empty in {lang:?}");
            }
        }
    }
}
