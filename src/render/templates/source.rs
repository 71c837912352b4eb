//! Reading template sources and Tera's report text, for
//! [`super::errors`]: positions (Tera's line and column to bytes), the
//! words around a position, the `{% … %}` tags (to find the one left
//! open) and the reports of Tera's post-parse checks.

use crate::load::theme::Theme;
use std::ops::Range;

/// `post.` in `post.titel`: the path before a field, for messages.
pub(super) fn owner_before(source: &str, at: usize) -> &str {
    let before = &source[..at.min(source.len())];
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |i| i + 1);
    &before[start..]
}

/// `post.title` from its start: the dotted path at `at`.
pub(super) fn value_at(source: &str, at: usize) -> &str {
    let rest = source.get(at..).unwrap_or("");
    let len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    &rest[..len]
}

/// The identifier (or quoted string) at `at`.
pub(super) fn word_at(source: &str, at: usize) -> &str {
    let rest = source.get(at..).unwrap_or("");
    &rest[..token_len(source, at)]
}

pub(super) fn token_len(source: &str, at: usize) -> usize {
    let rest = source.get(at..).unwrap_or("");
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(rest.len(), |e| e + 2),
        _ => rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len()),
    }
}

/// The range of `"name"` or `'name'` in a template, else its start.
pub(super) fn quoted(source: &str, name: &str) -> Range<usize> {
    for q in ['"', '\''] {
        if let Some(i) = source.find(&format!("{q}{name}{q}")) {
            return i..i + name.len() + 2;
        }
    }
    0..0
}

/// Byte offset of Tera's `line` (1-based) and `col` (1-based, characters).
pub(super) fn offset(source: &str, line: usize, col: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        source
            .match_indices('\n')
            .nth(line - 2)
            .map_or(source.len(), |(i, _)| i + 1)
    };
    source[start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(source.len(), |(i, _)| start + i)
}

pub(super) fn line_of(source: &str, at: usize) -> usize {
    source[..at.min(source.len())].matches('\n').count() + 1
}

/// One report in the text of Tera's post-parse checks.
#[derive(Debug, PartialEq)]
pub(super) struct Report {
    pub(super) message: String,
    pub(super) name: String,
    pub(super) line: usize,
    pub(super) col: usize,
}

/// Reads `error: <message>` followed by ` --> <name>:<line>:<col>`.
pub(super) fn read_reports(text: &str) -> Vec<Report> {
    let mut out = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let place = lines
            .peek()
            .and_then(|l| l.trim_start().strip_prefix("--> "));
        if let Some((name, line, col)) = place.and_then(location) {
            out.push(Report {
                message: message.to_string(),
                name,
                line,
                col,
            });
        }
    }
    out
}

/// The `note: called from <name>:<line>:<col>` lines of a render report.
pub(super) fn read_notes(text: &str) -> Vec<Report> {
    text.lines()
        .filter_map(|l| l.strip_prefix("note: called from "))
        .filter_map(location)
        .map(|(name, line, col)| Report {
            message: String::new(),
            name,
            line,
            col,
        })
        .collect()
}

fn location(s: &str) -> Option<(String, usize, usize)> {
    let mut parts = s.trim().rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_string(), line, col))
}

/// The block names of every template of the theme but `except`.
pub(super) fn block_names(theme: &Theme, except: &str) -> Vec<String> {
    let mut names: Vec<String> = theme
        .templates
        .iter()
        .filter(|t| t.name != except)
        .flat_map(|t| tags(&t.source, t.source.len()))
        .filter_map(|(_, text)| {
            let (name, rest) = tag_words(&text);
            (name == "block").then(|| rest.trim().to_string())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A tag that opens a part (`if`, `for`, `block`…), still open.
#[derive(Debug)]
pub(super) struct OpenTag {
    pub(super) name: String,
    /// The whole `{% … %}`.
    pub(super) range: Range<usize>,
    pub(super) text: String,
}

/// The tags still open at `upto` (innermost last).
pub(super) fn open_tags(source: &str, upto: usize) -> Vec<OpenTag> {
    let mut open: Vec<OpenTag> = Vec::new();
    for (range, text) in tags(source, upto) {
        let (name, rest) = tag_words(&text);
        let opens = match name {
            "if" | "for" | "block" | "filter" | "component" => true,
            "set" | "set_global" => !rest.contains('='),
            _ => false,
        };
        if opens {
            open.push(OpenTag {
                name: name.to_string(),
                range,
                text,
            });
        } else if name.starts_with("end") && open.last().is_some_and(|o| closer(&o.name) == name) {
            open.pop();
        }
    }
    open
}

/// Every complete `{% … %}` ending by `upto`, skipping comments, `{{ … }}`
/// and `{% raw %}` parts: (range, text).
fn tags(source: &str, upto: usize) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(found) = source[i..].find('{') {
        let start = i + found;
        let rest = &source[start..];
        let close = if rest.starts_with("{#") {
            "#}"
        } else if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            i = start + 1;
            continue;
        };
        let Some(len) = rest[2..].find(close).map(|e| e + 4) else {
            break;
        };
        let end = start + len;
        if end > upto {
            break;
        }
        i = end;
        if close != "%}" {
            continue;
        }
        let text = source[start..end].to_string();
        if tag_words(&text).0 == "raw" {
            // Skip to the end of `{% endraw %}`.
            match source[end..].find("endraw") {
                Some(e) => {
                    let after = end + e;
                    i = source[after..]
                        .find("%}")
                        .map_or(source.len(), |c| after + c + 2);
                }
                None => break,
            }
            continue;
        }
        out.push((start..end, text));
    }
    out
}

/// The tag name and the rest of a `{%- name rest -%}`.
fn tag_words(tag: &str) -> (&str, &str) {
    let inner = tag
        .trim_start_matches("{%")
        .trim_end_matches("%}")
        .trim_matches('-')
        .trim();
    inner.split_once(char::is_whitespace).unwrap_or((inner, ""))
}

pub(super) fn closer(name: &str) -> &'static str {
    match name {
        "if" => "endif",
        "for" => "endfor",
        "block" => "endblock",
        "filter" => "endfilter",
        "component" => "endcomponent",
        "set" | "set_global" => "endset",
        _ => "end",
    }
}

pub(super) fn opener_of(end: &str) -> &str {
    match end {
        "elif" | "else" => "if",
        "endset" => "set",
        e => e.strip_prefix("end").unwrap_or(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::ErrorKind;

    #[test]
    fn reports_of_post_parse_checks_are_read_back() {
        // The text Tera 2 makes for its post-parse checks: if it changes,
        // this fails and the errors would fall back to global messages.
        let mut tera = tera::Tera::default();
        let err = tera
            .add_raw_templates([
                ("a.html", "x\n{{ 1 | upcase }} {{ lowr() }}"),
                ("b.html", "{% include \"nope.html\" %}"),
            ])
            .unwrap_err();
        let ErrorKind::Msg(text) = err.kind() else {
            panic!("{err:?}")
        };
        let got: Vec<(String, String, usize, usize)> = read_reports(text)
            .into_iter()
            .map(|r| (r.message, r.name, r.line, r.col))
            .collect();
        assert_eq!(
            got,
            [
                ("Unknown filter `upcase`".into(), "a.html".into(), 2, 8),
                ("Unknown function `lowr`".into(), "a.html".into(), 2, 21),
                (
                    "Unknown template `nope.html`".into(),
                    "b.html".into(),
                    1,
                    12
                ),
            ]
        );
    }

    #[test]
    fn open_tags_skip_comments_raw_and_inline_set() {
        let src = "{% block a %}{# {% if %} #}{% raw %}{% for %}{% endraw %}\
                   {% set x = 1 %}{% set y %}{% endset %}{%- if z -%}{{ '%}' }}";
        let open = open_tags(src, src.len());
        let names: Vec<&str> = open.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["block", "if"]);
        assert_eq!(&src[open[1].range.clone()], "{%- if z -%}");
    }

    #[test]
    fn offsets_count_characters() {
        let src = "é\nab→cd";
        assert_eq!(&src[offset(src, 2, 4)..], "cd");
        assert_eq!(offset(src, 1, 1), 0);
        assert_eq!(offset(src, 9, 9), src.len());
    }

    #[test]
    fn paths_before_and_at() {
        assert_eq!(owner_before("{{ post.image.titel }}", 14), "post.image.");
        assert_eq!(value_at("{{ post.title | x }}", 3), "post.title");
    }
}
