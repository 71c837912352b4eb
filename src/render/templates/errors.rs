//! Tera's errors as diagnostics: at the template file as the officer sees
//! it (`templates/post.html`, `themes/<name>/templates/…`), at the place of
//! the mistake, in plain words with help.
//!
//! Tera 2 gives syntax and render errors as values with a span, but the
//! checks it runs after parsing (unknown filter, function, test, include,
//! block) only as one text of reports; those are read back from that text
//! (`error: …` / `--> name:line:col`, see [`super::source`]). An
//! unclosed `{% if %}` shows up in Tera as "Unknown tag" at the
//! `{% endblock %}` that follows it, or as the end of input: the tags are
//! scanned to name the tag that is not closed, where it is.

use super::source::*;
use crate::diag::{shorten, suggest, Diagnostic, Message, Span};
use crate::load::theme::{Theme, ThemeTemplate};
use crate::msg;
use std::ops::Range;
use tera::{ErrorKind, ReportError};

/// Tera 2.4's own filters, tests and functions, for "did you mean".
#[rustfmt::skip]
const FILTERS: &[&str] = &[
    "safe", "default", "upper", "lower", "wordcount", "escape", "escape_html", "escape_xml",
    "newlines_to_br", "pluralize", "trim", "trim_start", "trim_end", "replace", "capitalize",
    "title", "truncate", "indent", "str", "int", "float", "length", "reverse", "split", "abs",
    "round", "first", "last", "nth", "join", "sort", "unique", "get", "values", "keys", "pairs",
    "group_by",
];
#[rustfmt::skip]
const TESTS: &[&str] = &[
    "string", "number", "map", "bool", "array", "integer", "float", "none", "iterable", "defined",
    "undefined", "odd", "even", "divisible_by", "starting_with", "ending_with", "containing",
];
/// Tera's functions and warta's (`resize`, see templates.rs).
const FUNCTIONS: &[&str] = &["range", "throw", "resize"];
/// Tag names, for "unknown tag".
#[rustfmt::skip]
const TAGS: &[&str] = &[
    "if", "elif", "else", "endif", "for", "endfor", "block", "endblock", "extends", "include",
    "set", "set_global", "endset", "filter", "endfilter", "raw", "endraw", "component",
    "endcomponent", "break", "continue",
];

/// The diagnostics of a failed compile (all templates added at once).
/// A syntax error stops Tera at the first broken template, so on one every
/// template is parsed on its own to report them all.
pub fn compile(err: &tera::Error, theme: &Theme) -> Vec<Diagnostic> {
    if let ErrorKind::SyntaxError(_) = err.kind() {
        let all: Vec<Diagnostic> = theme
            .templates
            .iter()
            .flat_map(
                |t| match tera::Tera::default().add_raw_template(&t.name, &t.source) {
                    Err(e) => match e.kind() {
                        ErrorKind::SyntaxError(r) => syntax(r, t),
                        _ => Vec::new(),
                    },
                    Ok(()) => Vec::new(),
                },
            )
            .collect();
        if !all.is_empty() {
            return all;
        }
    }
    if let ErrorKind::Msg(text) = err.kind() {
        let reports = read_reports(text);
        if !reports.is_empty() {
            return reports.iter().map(|r| checked(r, theme)).collect();
        }
    }
    vec![render(err, theme)]
}

/// The diagnostic of one Tera error (a render error, or one compile error).
pub fn render(err: &tera::Error, theme: &Theme) -> Diagnostic {
    let find = |name: &str| theme.templates.iter().find(|t| t.name == name);
    match err.kind() {
        ErrorKind::SyntaxError(r) => match find(r.filename()) {
            Some(t) => syntax(r, t).swap_remove(0),
            None => Diagnostic::global(msg!(
                "template-syntax-error-in",
                template = r.filename(),
                error = plain(r.message())
            )),
        },
        ErrorKind::RenderingError(r) => match find(r.filename()) {
            Some(t) => rendering(r, &err.to_string(), t, theme),
            None => Diagnostic::global(msg!(
                "template-error-in",
                template = r.filename(),
                error = plain(r.message())
            )),
        },
        ErrorKind::MissingParent { current, parent } => {
            let message = msg!("extends-not-a-template", name = shorten(parent));
            let help = template_help(parent, theme);
            match find(current) {
                Some(t) => Diagnostic::error(at(t, quoted(&t.source, parent)), message),
                None => {
                    Diagnostic::global(msg!("in-template", template = current, message = message))
                }
            }
            .with_help(help)
        }
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain: chain,
        }
        | ErrorKind::CircularInclude {
            tpl,
            include_chain: chain,
        } => {
            let how = if matches!(err.kind(), ErrorKind::CircularExtend { .. }) {
                "extend"
            } else {
                "include"
            };
            let message = msg!("templates-circle", how = how, chain = chain.join(" → "));
            match find(tpl) {
                Some(t) => Diagnostic::error(Span::file_start(t.file), message),
                None => Diagnostic::global(message),
            }
            .with_help(msg!("templates-circle-help", how = how))
        }
        ErrorKind::TemplateNotFound(name) => Diagnostic::global(msg!(
            "theme-has-no-template",
            theme = &theme.name,
            template = name
        ))
        .with_help(msg!(
            "theme-has-no-template-help",
            theme = &theme.name,
            template = name
        )),
        ErrorKind::Msg(text) if !read_reports(text).is_empty() => {
            checked(&read_reports(text)[0], theme)
        }
        other => {
            let mut text = plain(&other.to_string());
            let mut src = std::error::Error::source(err);
            while let Some(s) = src {
                text.push_str(&format!(": {s}"));
                src = s.source();
            }
            Diagnostic::global(msg!("template-error", error = text))
        }
    }
}

/// A syntax error: one diagnostic, or one per tag left open at the end.
fn syntax(r: &ReportError, t: &ThemeTemplate) -> Vec<Diagnostic> {
    let range = r.span().range.clone();
    match r.message() {
        "Unknown tag" => vec![unknown_tag(t, range)],
        "Unexpected end of input" => {
            let open = open_tags(&t.source, t.source.len());
            if open.is_empty() {
                return vec![
                    Diagnostic::error(at(t, range), msg!("template-ends-inside-tag"))
                        .with_help(msg!("template-ends-inside-tag-help")),
                ];
            }
            open.iter().map(|tag| not_closed(t, tag, None)).collect()
        }
        m => vec![Diagnostic::error(
            at(t, range),
            msg!("template-syntax-error", error = plain(m)),
        )
        .with_help(fix_help(t, msg!("template-syntax-error-help")))],
    }
}

/// Tera's "Unknown tag": a misspelt tag, or an end tag where another block
/// is still open (an unclosed `{% if %}` before `{% endblock %}`).
fn unknown_tag(t: &ThemeTemplate, range: Range<usize>) -> Diagnostic {
    let word = word_at(&t.source, range.start);
    let tag_start = t.source[..range.start].rfind("{%").unwrap_or(range.start);
    let open = open_tags(&t.source, tag_start);
    let word_range = range.start..range.start + word.len();
    let is_end = word.starts_with("end") || word == "else" || word == "elif";
    if !is_end || !TAGS.contains(&word) {
        let help = suggest::closest(word, TAGS.iter().copied())
            .map(|c| msg!("did-you-mean", suggestion = format!("{{% {c} %}}")))
            .unwrap_or_else(|| msg!("template-tags-help"));
        return Diagnostic::error(at(t, word_range), msg!("unknown-tag", tag = shorten(word)))
            .with_help(help);
    }
    match open.last() {
        Some(tag) if word == "elif" || word == "else" => Diagnostic::error(
            at(t, word_range),
            msg!("tag-misplaced", tag = word, open = shorten(&tag.text)),
        )
        .with_related(at(t, tag.range.clone()), msg!("opened-here"))
        .with_help(msg!(
            "tag-misplaced-help",
            tag = word,
            open = &tag.name,
            close = closer(&tag.name)
        )),
        Some(tag) => not_closed(t, tag, Some((word, word_range))),
        None => Diagnostic::error(at(t, word_range), msg!("tag-closes-nothing", tag = word))
            .with_help(msg!("tag-closes-nothing-help", open = opener_of(word))),
    }
}

/// "`{% if x %}` is not closed", at the tag that is not, pointing also at
/// the end tag Tera met instead, if any.
fn not_closed(t: &ThemeTemplate, tag: &OpenTag, met: Option<(&str, Range<usize>)>) -> Diagnostic {
    let end = closer(&tag.name);
    let d = Diagnostic::error(
        at(t, tag.range.clone()),
        msg!("tag-not-closed", tag = shorten(&tag.text)),
    );
    match met {
        Some((word, range)) => {
            let line = line_of(&t.source, range.start);
            d.with_related(at(t, range), msg!("tag-comes-first", tag = word))
                .with_help(msg!(
                    "tag-not-closed-before-help",
                    end = end,
                    tag = &tag.name,
                    other = word,
                    line = line
                ))
        }
        None => d.with_help(msg!("tag-not-closed-help", end = end, tag = &tag.name)),
    }
}

fn rendering(r: &ReportError, report: &str, t: &ThemeTemplate, theme: &Theme) -> Diagnostic {
    let range = r.span().range.clone();
    let msg = r.message();
    let mut d = if let Some(rest) = msg.strip_prefix("Variable `") {
        let (name, rest) = rest.split_once('`').unwrap_or((rest, ""));
        if rest.starts_with(" exists") {
            Diagnostic::error(
                at(t, range),
                msg!("variable-no-value", name = shorten(name)),
            )
            .with_help(msg!("variable-no-value-help", name = name))
        } else {
            let available = list_after(rest, "Available variables: ");
            let help = suggest::closest(name, available.iter().copied())
                .map(|c| msg!("did-you-mean", suggestion = c))
                .unwrap_or_else(|| {
                    msg!(
                        "template-variables-help",
                        names = available
                            .iter()
                            .map(|a| format!("`{a}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            Diagnostic::error(
                at(t, range),
                msg!("variable-not-defined", name = shorten(name)),
            )
            .with_help(help)
        }
    } else if let Some(rest) = msg.strip_prefix("Field `") {
        let (field, rest) = rest.split_once('`').unwrap_or((rest, ""));
        let owner = owner_before(&t.source, range.start);
        let available = list_after(rest, "Available fields: ");
        let help = match suggest::closest(field, available.iter().copied()) {
            Some(c) => msg!("did-you-mean", suggestion = format!("{owner}{c}")),
            None if !available.is_empty() => msg!(
                "template-fields-help",
                owner = owner.trim_end_matches('.'),
                fields = available.join(", "),
                field = format!("{owner}{field}")
            ),
            None => msg!("test-field-first-help", field = format!("{owner}{field}")),
        };
        Diagnostic::error(
            at(t, range),
            msg!(
                "variable-not-defined",
                name = shorten(&format!("{owner}{field}"))
            ),
        )
        .with_help(help)
    } else if let Some(rest) = msg.strip_prefix("Missing keyword argument `") {
        let arg = rest.trim_end_matches('`');
        let callee = word_at(&t.source, range.start);
        Diagnostic::error(
            at(t, range),
            msg!("missing-argument", function = callee, argument = arg),
        )
        .with_help(msg!(
            "missing-argument-help",
            function = callee,
            argument = arg
        ))
    } else {
        // Tera's own words (a `throw` message is the template's), no final period.
        let msg = msg.trim().trim_end_matches('.');
        let written = t.source.get(range.clone()).unwrap_or("").trim();
        let callee = word_at(written, 0);
        let kinds = msg
            .strip_prefix("Invalid type for the value, expected `")
            .and_then(|r| r.split_once("` but got `"))
            .map(|(want, got)| (kind_of(want), kind_of(got.trim_end_matches('`'))));
        let (message, help) = if let Some((want, got)) = kinds {
            // Tera points at the start of the value: show all of `post.title`.
            let value = value_at(&t.source, range.start);
            (
                msg!(
                    "filter-wrong-kind",
                    value = shorten(value),
                    got = got,
                    want = want
                ),
                msg!("filter-wrong-kind-help"),
            )
        } else if written.is_empty() {
            (
                msg!("template-error", error = msg),
                msg!("check-values-help"),
            )
        } else if !callee.is_empty() && written[callee.len()..].starts_with('(') {
            (
                msg!(
                    "template-error-in-call",
                    call = shorten(written),
                    error = msg
                ),
                msg!("check-call-help", function = callee),
            )
        } else {
            (
                msg!("template-error-at", at = shorten(written), error = msg),
                msg!("check-values-filters-help"),
            )
        };
        Diagnostic::error(at(t, range), message).with_help(fix_help(t, help))
    };
    // Where an included template was included from.
    for note in read_notes(report) {
        if let Some(from) = theme.templates.iter().find(|x| x.name == note.name) {
            let place = offset(&from.source, note.line, note.col);
            let word = token_len(&from.source, place);
            d = d.with_related(at(from, place..place + word), msg!("included-from-here"));
        }
    }
    d
}

/// A report from Tera's checks after parsing (unknown filter and the like).
fn checked(r: &Report, theme: &Theme) -> Diagnostic {
    let Some(t) = theme.templates.iter().find(|t| t.name == r.name) else {
        return Diagnostic::global(msg!(
            "template-error-in",
            template = &r.name,
            error = plain(&r.message)
        ));
    };
    let start = offset(&t.source, r.line, r.col);
    let range = start..start + token_len(&t.source, start);
    // The name in "Unknown filter `name`", "Block `name` is not…".
    let quoted_name = |prefix: &str| -> Option<String> {
        let rest = r.message.strip_prefix(prefix)?;
        Some(rest.split('`').next().unwrap_or(rest).to_string())
    };
    let unknown = |kind: &str, name: &str, known: &[&str]| {
        Diagnostic::error(
            at(t, range.clone()),
            msg!("unknown-template-name", kind = kind, name = shorten(name)),
        )
        .with_help(
            suggest::did_you_mean(name, known.iter().copied()).unwrap_or_else(|| {
                msg!("template-names-help", kind = kind, names = known.join(", "))
            }),
        )
    };
    if let Some(name) = quoted_name("Unknown filter `") {
        unknown("filter", &name, FILTERS)
    } else if let Some(name) = quoted_name("Unknown function `") {
        unknown("function", &name, FUNCTIONS)
    } else if let Some(name) = quoted_name("Unknown test `") {
        unknown("test", &name, TESTS)
    } else if let Some(name) = quoted_name("Unknown template `") {
        Diagnostic::error(
            at(t, range),
            msg!("include-not-a-template", name = shorten(&name)),
        )
        .with_help(template_help(&name, theme))
    } else if let Some(name) = quoted_name("Block `") {
        let blocks = block_names(theme, &t.name);
        Diagnostic::error(at(t, range), msg!("block-not-in-parent", block = &name)).with_help(
            suggest::closest(&name, blocks.iter().map(String::as_str))
                .map(|c| msg!("did-you-mean", suggestion = format!("{{% block {c} %}}")))
                .unwrap_or_else(|| msg!("block-not-in-parent-help")),
        )
    } else {
        Diagnostic::error(
            at(t, range),
            msg!("template-error", error = plain(&r.message)),
        )
        .with_help(fix_help(t, msg!("fix-template-here")))
    }
}

/// Help for a template name that does not exist.
fn template_help(name: &str, theme: &Theme) -> Message {
    suggest::closest(name, theme.templates.iter().map(|t| t.name.as_str()))
        .map(|c| msg!("did-you-mean", suggestion = c))
        .unwrap_or_else(|| msg!("template-name-help", template = name, theme = &theme.name))
}

/// The generic help, plus how to go back to the theme's template when the
/// broken one is the site's own override.
fn fix_help(t: &ThemeTemplate, what: Message) -> Message {
    if t.path.starts_with("templates/") {
        msg!("or-delete-override", help = what, template = &t.path)
    } else {
        what
    }
}

fn at(t: &ThemeTemplate, range: Range<usize>) -> Span {
    let end = range.end.min(t.source.len());
    Span::new(t.file, range.start.min(end)..end)
}

/// Tera's message in warta's style: first letter small, no final period.
fn plain(m: &str) -> String {
    let m = m.trim().trim_end_matches('.');
    let mut c = m.chars();
    match (c.next(), c.clone().next()) {
        (Some(f), Some(s)) if f.is_uppercase() && !s.is_uppercase() => {
            f.to_lowercase().chain(c).collect()
        }
        _ => m.to_string(),
    }
}

/// The comma-separated names after `label` in a Tera message.
fn list_after<'a>(text: &'a str, label: &str) -> Vec<&'a str> {
    text.split_once(label)
        .map(|(_, l)| {
            l.split(", ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// A Tera type name in plain words.
fn kind_of(tera_type: &str) -> Message {
    match tera_type {
        "f64" | "f32" | "number" => msg!("expected-number"),
        "i64" | "u64" | "i32" | "u32" | "usize" | "isize" | "i128" | "u128" => {
            msg!("expected-whole-number")
        }
        "string" | "str" | "&str" | "String" => msg!("tera-kind-text"),
        "bool" => msg!("tera-kind-boolean"),
        "array" | "Vec" => msg!("expected-list"),
        "map" => msg!("tera-kind-map"),
        "none" => msg!("tera-kind-none"),
        other => msg!("expected-other", what = format!("`{other}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_known_names_are_tera_s() {
        let mut tera = tera::Tera::default();
        tera.register_function("resize", |_: tera::Kwargs, _: &tera::State| {
            Ok::<_, tera::Error>(tera::Value::none())
        });
        let mut src = String::new();
        for f in FILTERS {
            src.push_str(&format!("{{{{ 1 | {f} }}}}"));
        }
        for t in TESTS {
            src.push_str(&format!("{{{{ 1 is {t} }}}}"));
        }
        for f in FUNCTIONS {
            src.push_str(&format!("{{{{ {f}() }}}}"));
        }
        tera.add_raw_template("all.html", &src).unwrap();
    }

    #[test]
    fn plain_words() {
        assert_eq!(
            plain("Found `}` but expected }}."),
            "found `}` but expected }}"
        );
        assert_eq!(plain("URL is bad."), "URL is bad");
    }
}
