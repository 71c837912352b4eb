//! YAML syntax errors in an officer's words.
//!
//! The parser says what it expected ("mapping values are not allowed in
//! this context") and where it noticed, often a line after the mistake.
//! Here each of its messages is matched to the mistakes that cause it
//! (a tab, a quote never closed, a missing space after `name:`, a line
//! indented wrongly, text starting with `@`, `*`, `&`, `` ` ``, `%`, `|`,
//! `>`, `[`…), the text around is looked at to tell them apart, and the
//! caret goes where the author must change something.

use super::limits;
use super::lines::{indent, key_column, without_comment, Lines};
use crate::diag::{shorten, Diagnostic, FileId, Span};

/// The diagnostic for the parser's message `info` noticed at byte `at` of
/// `text`, which starts at byte `base` of `file`.
pub(super) fn explain(info: &str, text: &str, at: usize, file: FileId, base: usize) -> Diagnostic {
    let lines = Lines::new(text);
    let at = at.min(text.len());
    if info.contains("recursion limit") {
        // Inline lists nested past what the parser takes: point at the one
        // past warta's own limit.
        let open = lines.open_brackets_before(at);
        let at = open.get(limits::MAX_DEPTH).map_or(at, |&(i, _)| i);
        return limits::too_deep(Span::new(file, base + at..base + at));
    }
    let (at, message, help) = plain(info, &lines, at);
    Diagnostic::error(Span::new(file, base + at..base + at), message).with_help(help)
}

/// "text starting with `c` must be in quotes", at byte `at`.
pub(super) fn must_quote(at: usize, c: char, file: FileId, base: usize) -> Diagnostic {
    let (message, _) = quote_words(c);
    Diagnostic::error(
        Span::new(file, base + at..base + at + c.len_utf8()),
        message,
    )
}

pub(super) fn second_document(at: Span) -> Diagnostic {
    Diagnostic::error(
        at,
        "a second document starts here: a line `---` or `...` ended the data above it",
    )
    .with_help(
        "delete that line; a data file holds one list or one record, and in a Markdown file \
         the front matter ends at its second `---`",
    )
}

/// The line holding byte `at`, written with the value from `at` on in
/// quotes: `` `instagram: "@perpus"` ``.
pub(super) fn quoted_line(text: &str, at: usize) -> String {
    let lines = Lines::new(text);
    let (start, end) = lines.bounds(lines.index(at));
    let before = shorten(text[start..at].trim_start());
    let value = without_comment(text[at..end].trim_end());
    format!("`{before}{}`", super::write::quoted(&shorten(value)))
}

type Plain = (usize, String, String);

fn plain(info: &str, t: &Lines, at: usize) -> Plain {
    let ch = t.text[at..].chars().next().unwrap_or(' ');
    if info.contains("tab") {
        if let Some(tab) = t.tab_in_indent_near(at) {
            return (
                tab,
                "this line is indented with a tab".into(),
                "indent with spaces only: YAML does not accept tabs (set your editor to put \
                 spaces when you press Tab)"
                    .into(),
            );
        }
    }
    if info.starts_with("':' must be followed") {
        let (s, _) = t.bounds(t.index(at));
        let colon = t.text[s..at].rfind(':').map_or(at, |i| s + i);
        let key = t.key_before(colon).unwrap_or_default();
        let tab = t.text[colon + 1..].starts_with('\t');
        return (
            colon + 1,
            format!("`{key}:` must be followed by a space"),
            if tab {
                "put a space after the colon, not a tab".into()
            } else {
                "put a space after the colon".into()
            },
        );
    }
    if info.contains("quoted scalar")
        && ["indentation", "end of stream", "document indicator"]
            .iter()
            .any(|w| info.contains(w))
    {
        let quote = t.quote_at_or_before(at).unwrap_or(at);
        let q = t.text[quote..].chars().next().unwrap_or('"');
        return (
            quote,
            format!("the quote `{q}` here is never closed"),
            format!(
                "add a closing `{q}` at the end of the value (quotes come in pairs); if the text \
                 goes on over several lines, indent those lines more than the field name"
            ),
        );
    }
    if info.contains("escape") || info.contains("hexadecimal") {
        let slash = t.bad_escape_from(at).unwrap_or(at);
        let seq: String = t.text[slash..].chars().take(2).collect();
        return (
            slash,
            format!("`{}` cannot be written inside double quotes", shorten(&seq)),
            "inside double quotes a backslash starts a special character (`\\n`, `\\\"`): \
             write a backslash as `\\\\`, or put the value in single quotes instead"
                .into(),
        );
    }
    if info.starts_with("invalid trailing content after") {
        return after_quote(t, at);
    }
    // Text starting with a character YAML reads as syntax.
    if let Some(rest) = info.strip_prefix("unexpected character: `") {
        let c = rest.chars().next().unwrap_or(ch);
        return quote_it(t, at, c);
    }
    if info.contains("unknown anchor") {
        return quote_it(t, at, '*');
    }
    if info.contains("anchor or alias") || info.contains("anchor") {
        return quote_it(t, at, if ch == '*' { '*' } else { '&' });
    }
    if info.contains("tag") && !info.contains("TAG directive") {
        return quote_it(t, at, '!');
    }
    if info.contains("block scalar") && !info.contains("indented") {
        return quote_it(t, at, if ch == '>' { '>' } else { '|' });
    }
    if info.starts_with("plain scalar cannot start with '-'") || info.starts_with("mapping keys") {
        return quote_it(t, at, ch);
    }
    if info.starts_with("block sequence entries") && t.is_value_start(at) {
        return quote_it(t, at, '-');
    }
    if info.contains("unprintable") || info.contains("byte order mark") {
        return (
            at,
            format!(
                "this line holds an invisible character `{}`",
                shorten(&ch.to_string())
            ),
            "delete it (it often comes along when text is pasted from a word processor or a \
             web page)"
                .into(),
        );
    }
    if let Some((key, value)) = t.glued_key_near(at) {
        let key = shorten(&key);
        return (
            value,
            format!("a space is missing after `{key}:`"),
            format!(
                "write `{key}: {}`: YAML needs a space between the colon and the value",
                shorten(t.rest_of_line(value))
            ),
        );
    }
    if info.starts_with("mapping values are not allowed") {
        return match t.value_start_before(at) {
            Some(value) => (
                at,
                "this value holds `: `, which YAML reads as the start of another field".into(),
                format!(
                    "put the whole value in quotes: {}",
                    quoted_line(t.text, value)
                ),
            ),
            None => misaligned(t, at),
        };
    }
    if info.contains("expected key") {
        if let Some(value) = t.value_start_before(at) {
            let c = t.text[value..].chars().next().unwrap_or(' ');
            if "[{".contains(c) {
                return quote_it(t, value, c);
            }
        }
        let (s, _) = t.bounds(t.index(at));
        let line = t.line(t.index(at));
        if line.trim_start().starts_with("- ") {
            return (
                s + indent(line),
                "this list item (`- `) is not under a field that holds a list".into(),
                "write the field alone on its line (`tags:`), then each item below it, \
                 indented (`  - plm`); the fields of a record have no `- `"
                    .into(),
            );
        }
        return misaligned(t, at);
    }
    if info.contains("flow construct") {
        if let Some((open, c)) = t.unclosed_bracket_before(at) {
            let holder = t.line(t.index(open));
            let close = if c == '[' { ']' } else { '}' };
            return (
                at,
                format!(
                    "the lines of the `{c}…{close}` opened on line {} must be indented more than {}",
                    t.index(open) + 1,
                    label(holder)
                ),
                format!(
                    "{}; or write one `- item` per line instead",
                    to_place(key_column(holder) + 1)
                ),
            );
        }
    }
    if info.contains("'-' indicator")
        || info.contains("indent")
        || info.starts_with("block sequence")
    {
        return misaligned(t, at);
    }
    if info.starts_with("simple key expect") || info.contains("expected ':'") {
        return no_colon(t, at);
    }
    if [
        "flow",
        "bracket",
        "':' indicator",
        "node content",
        "end of plain scalar",
    ]
    .iter()
    .any(|w| info.contains(w))
    {
        if let Some((open, c)) = t.unclosed_bracket_before(at) {
            let (what, close) = if c == '[' {
                ("the list opened with `[` here", ']')
            } else {
                ("the `{` here", '}')
            };
            let example = if c == '[' {
                " (e.g. `tags: [a, b]`)"
            } else {
                ""
            };
            return (
                open,
                format!("{what} is never closed"),
                format!(
                    "close it with `{close}` on the same line{example}; if the value is text \
                     that starts with `{c}`, put it in quotes"
                ),
            );
        }
    }
    if info.contains("document") || info.contains("directive") {
        return (
            at,
            "the data ends before this line: a line `---` or `...` ended it".into(),
            "delete the `---` or `...` line above, or put the value that starts with `%` in \
             quotes"
                .into(),
        );
    }
    (
        at,
        format!("warta cannot read this line (the YAML reader says: {info})"),
        "check the indentation (spaces, the same for every field of a record), put a space \
         after every `name:`, and put a value holding `: ` or starting with a sign in quotes"
            .into(),
    )
}

/// The message and the reason for text starting with `c`.
fn quote_words(c: char) -> (String, &'static str) {
    let why = match c {
        '*' => "YAML reads `*name` as a copy of the value marked `&name`",
        '&' => "YAML reads `&name` as a name for the value and leaves it out",
        '!' => "YAML reads `!name` as a type tag",
        '|' | '>' => "YAML reads `|` and `>` as the start of a block of text on the lines below",
        '-' => "YAML reads `- ` as a list item",
        '[' => "YAML reads `[` as the start of a list",
        '{' => "YAML reads `{` as the start of a record",
        '?' => "YAML reads `? ` as a special key",
        _ => "YAML keeps this sign for its own use",
    };
    let sign = if c == '`' {
        "`` ` ``".to_string()
    } else {
        format!("`{c}`")
    };
    (format!("text starting with {sign} must be in quotes"), why)
}

fn quote_it(t: &Lines, at: usize, c: char) -> Plain {
    let (message, why) = quote_words(c);
    let mut help = format!("put it in quotes: {} ({why})", quoted_line(t.text, at));
    if c == '|' || c == '>' {
        help.push_str(&format!(
            "; for text on several lines, write `{c}` alone and the text on the next lines, \
             indented"
        ));
    }
    (at, message, help)
}

/// Text after a closing quote: `'Jum'at berkah'`, `"Kata" lainnya`.
fn after_quote(t: &Lines, at: usize) -> Plain {
    let before = t.text[..at].trim_end();
    let q = before.chars().last().filter(|c| *c == '\'' || *c == '"');
    let (start, end) = t.bounds(t.index(at));
    let opening = q.and_then(|q| t.text[start..at].find(q).map(|i| start + i));
    let help = match (q, opening) {
        (Some('\''), Some(open)) => {
            let raw = without_comment(t.text[open..end].trim_end());
            let inner = raw[1..].strip_suffix('\'').unwrap_or(&raw[1..]);
            format!(
                "an apostrophe inside '…' is written twice (`''`); or put the whole value in \
                 double quotes: `{}{}`",
                shorten(t.text[start..open].trim_start()),
                super::write::quoted(&shorten(inner))
            )
        }
        (Some(_), Some(open)) => {
            let raw = without_comment(t.text[open..end].trim_end());
            format!(
                "put the whole value in single quotes: `{}'{}'`",
                shorten(t.text[start..open].trim_start()),
                shorten(raw).replace('\'', "''")
            )
        }
        _ => "put the whole value in quotes".into(),
    };
    (at, "the value goes on after its closing quote".into(), help)
}

/// A line indented differently from the lines it belongs with.
fn misaligned(t: &Lines, at: usize) -> Plain {
    let i = t.index(at);
    // The parser notices at the start of the next line when the bad line
    // is the last of a block; the line at the caret is the one to fix
    // unless only spaces precede the caret on an empty line.
    let i = if t.line(i).trim().is_empty() {
        t.prev_content(i).unwrap_or(i)
    } else {
        i
    };
    let (start, _) = t.bounds(i);
    let line = t.line(i);
    let ind = indent(line);
    let is_item = line.trim_start().starts_with("- ") || line.trim() == "-";
    let what = if is_item {
        "this `- `".to_string()
    } else {
        label(line).replacen("the line", "this line", 1)
    };
    let Some(prev) = t.prev_content(i) else {
        return (
            start + ind,
            format!("{what} is indented, but nothing above it holds it"),
            "start it at the left margin".into(),
        );
    };
    let above = t.line(prev);
    let above_is_item = above.trim_start().starts_with("- ");
    if !is_item && above_is_item && ind == indent(above) {
        return (
            start + ind,
            format!("{what} is lined up with the list items (`- `) above it, but is not one"),
            "start it with `- ` to add an item to the list, or line it up with the field \
             that holds the list to add a field to the record"
                .into(),
        );
    }
    let (other, col) = match t.prev_item(i).filter(|_| is_item) {
        // An item is compared with the `- ` of the item above it.
        Some(p) => ("the `- ` above it".to_string(), indent(t.line(p))),
        None => (format!("{} above it", label(above)), key_column(above)),
    };
    if ind == col {
        return (
            start + ind,
            format!("{what} is not lined up with the lines it belongs with"),
            "every field of a record starts at the same column, and every `- ` of a list".into(),
        );
    }
    let mut help = format!("line {what} up with {other}: {}", to_place(col));
    if !is_item && ind < col && t.has_item_at(i, ind) {
        help.push_str(", or start a new record with `- `");
    }
    (
        start + ind,
        format!("{what} {}, {other} {}", placed(ind), placed(col)),
        help,
    )
}

/// A line with no `:` after its field name, or text below `name: |` that
/// is not indented.
fn no_colon(t: &Lines, at: usize) -> Plain {
    let i = t.index(at);
    let (start, _) = t.bounds(i);
    let i = if t.text[start..at].trim().is_empty() {
        t.prev_content(i).unwrap_or(i)
    } else {
        i
    };
    let (start, _) = t.bounds(i);
    let line = t.line(i);
    let first = start + indent(line);
    // A `name:` longer than YAML allows a key on one line to be.
    let content = &line[key_column(line).min(line.len())..];
    let key = content
        .split_once(": ")
        .map(|(k, _)| k)
        .or_else(|| content.trim_end().strip_suffix(':'));
    if let Some(k) = key.filter(|k| k.chars().count() > 1024) {
        return (
            first,
            format!(
                "this field name is {} characters long; YAML reads at most 1024",
                k.chars().count()
            ),
            "a field name is a short word such as `name`; if this is a value, write it after \
             one (`note: …`)"
                .into(),
        );
    }
    if let Some(prev) = t.prev_content(i) {
        let above = t.line(prev).trim_end();
        if above.ends_with(['|', '>', '-', '+']) && above.contains(": ") {
            let key = label(above);
            return (
                first,
                format!("the text below {key} is not indented"),
                format!(
                    "indent every line of the text by {} spaces, 2 more than {key}",
                    key_column(above) + 2
                ),
            );
        }
    }
    (
        first,
        "this line has no `:` after a field name".into(),
        "write a field as `name: value` (a colon and a space after the name); if the line \
         belongs to the text of the field above, put that whole text in quotes"
            .into(),
    )
}

/// How a line is named in a message: `` `name:` ``, "the `- `", "the line".
fn label(line: &str) -> String {
    let t = line[key_column(line).min(line.len())..].trim_end();
    let key = t
        .split_once(": ")
        .map(|(k, _)| k)
        .or_else(|| t.strip_suffix(':'))
        .map(str::trim)
        .filter(|k| !k.is_empty() && (!k.contains(' ') || k.starts_with(['"', '\''])));
    match key {
        Some(k) => format!("`{}:`", shorten(k)),
        None if line.trim_start().starts_with('-') => "the `- `".into(),
        None => "the line".into(),
    }
}

/// "is indented by 2 spaces", "starts at the left margin".
fn placed(n: usize) -> String {
    match n {
        0 => "starts at the left margin".into(),
        1 => "is indented by 1 space".into(),
        n => format!("is indented by {n} spaces"),
    }
}

/// "indent it by 2 spaces", "start it at the left margin".
fn to_place(n: usize) -> String {
    match n {
        0 => "start it at the left margin".into(),
        1 => "indent it by 1 space".into(),
        n => format!("indent it by {n} spaces"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> (usize, usize, String, String) {
        let d = super::super::parse(text, FileId(0), 0).expect_err(text);
        let at = d.span.unwrap().range.start;
        let line = text[..at].matches('\n').count() + 1;
        let col = text[..at].rfind('\n').map_or(at, |n| at - n - 1) + 1;
        (line, col, d.message, d.help.unwrap_or_default())
    }

    #[test]
    fn tab_indentation_points_at_the_tab() {
        let (l, c, m, h) = said("- id: a\n\tname: b\n");
        assert_eq!((l, c), (2, 1));
        assert!(m.contains("tab"), "{m}");
        assert!(h.contains("spaces"), "{h}");
    }

    #[test]
    fn unclosed_quote_points_at_the_quote() {
        let (l, c, m, _) = said("title: \"Halo\ndate: 2024-01-01\n");
        assert_eq!((l, c), (1, 8));
        assert!(m.contains("never closed"), "{m}");
    }

    #[test]
    fn missing_space_after_the_colon() {
        let (l, c, m, h) = said("- id: a\n  name:Perpus\n  level: desa\n");
        assert_eq!((l, c), (2, 8));
        assert!(m.contains("space is missing after `name:`"), "{m}");
        assert!(h.contains("`name: Perpus`"), "{h}");
        let (l, _, m, _) = said("title:Halo\ndate: x\n");
        assert_eq!(l, 1);
        assert!(m.contains("`title:`"), "{m}");
    }

    #[test]
    fn colon_inside_a_value() {
        let (l, c, m, h) = said("title: PLM: Jawa Tengah\n");
        assert_eq!((l, c), (1, 11));
        assert!(m.contains("holds `: `"), "{m}");
        assert!(h.contains("`title: \"PLM: Jawa Tengah\"`"), "{h}");
    }

    #[test]
    fn indentation_names_both_columns() {
        let (l, c, m, h) = said("- id: a\n   name: b\n");
        assert_eq!((l, c), (2, 4));
        assert!(m.contains("`name:` is indented by 3 spaces"), "{m}");
        assert!(m.contains("`id:` above it"), "{m}");
        assert!(h.contains("by 2 spaces"), "{h}");
        let (l, c, m, _) = said("- id: a\n name: b\n");
        assert_eq!((l, c), (2, 2));
        assert!(m.contains("by 1 space"), "{m}");
        let (l, _, _, h) = said("- id: a\n  name: b\nid: c\n");
        assert_eq!(l, 3);
        assert!(h.contains("new record with `- `"), "{h}");
    }

    #[test]
    fn lists_out_of_place() {
        let (l, c, m, _) = said("title: a\n- b\n");
        assert_eq!((l, c), (2, 1));
        assert!(m.contains("not under a field that holds a list"), "{m}");
        let (_, _, m, _) = said("a:\n  - x\n  y: 2\n");
        assert!(m.contains("`y:` is lined up with the list items"), "{m}");
        let (l, c, m, _) = said("- id: a\n  name: b\n - id: c\n");
        assert_eq!((l, c), (3, 2));
        assert_eq!(
            m,
            "this `- ` is indented by 1 space, the `- ` above it starts at the left margin"
        );
    }

    #[test]
    fn a_tab_after_the_colon() {
        let (l, c, m, h) = said("title:\tHalo\n");
        assert_eq!((l, c), (1, 7));
        assert_eq!(m, "`title:` must be followed by a space");
        assert!(h.contains("not a tab"), "{h}");
    }

    #[test]
    fn signs_at_the_start_of_a_value() {
        for (text, sign) in [
            ("instagram: @perpus\n", "`@`"),
            ("title: `kode`\n", "`` ` ``"),
            ("diskon: %50\n", "`%`"),
            ("note: *penting* hari ini\n", "`*`"),
            ("name: & co\n", "`&`"),
            ("title: | Judul\n", "`|`"),
            ("title: > Judul\n", "`>`"),
            ("title: - Judul\n", "`-`"),
            ("title: [Update] Judul\n", "`[`"),
            ("title: {a} b\n", "`{`"),
        ] {
            let (l, c, m, h) = said(text);
            assert_eq!((l, c), (1, text.find(": ").unwrap() + 3), "{text}");
            assert!(m.contains(sign), "{text}: {m}");
            assert!(m.contains("must be in quotes"), "{text}: {m}");
            assert!(h.contains(": \""), "{text}: {h}");
        }
    }

    #[test]
    fn text_after_a_closing_quote() {
        let (_, c, m, h) = said("title: 'Jum'at berkah'\n");
        assert_eq!(c, 13);
        assert!(m.contains("after its closing quote"), "{m}");
        assert!(h.contains("`title: \"Jum'at berkah\"`"), "{h}");
    }

    #[test]
    fn unclosed_list_points_at_the_bracket() {
        let (l, c, m, _) = said("tags: [a, b\ndate: x\n");
        assert_eq!((l, c), (1, 7));
        assert!(m.contains("never closed"), "{m}");
    }

    #[test]
    fn line_without_a_colon() {
        let (l, c, m, _) = said("- id: a\n  name Perpus\n  level: x\n");
        assert_eq!((l, c), (2, 3));
        assert!(m.contains("no `:`"), "{m}");
        let (l, _, m, h) = said("summary: |\nTeks tidak menjorok\n");
        assert_eq!(l, 2);
        assert!(m.contains("not indented"), "{m}");
        assert!(h.contains("2 spaces"), "{h}");
    }

    #[test]
    fn backslash_in_double_quotes() {
        let (_, c, m, _) = said("path: \"C:\\data\"\n");
        assert_eq!(c, 10);
        assert!(m.contains("`\\d`"), "{m}");
    }

    #[test]
    fn no_parser_jargon_is_left() {
        for text in [
            "- id: a\n\tname: b\n",
            "title: a\n- b\n",
            "a:\n  - x\n  y: 2\n",
            "title: >-\n  x\n y\n",
            "- id: a\n  name: b\n - id: c\n",
            "a: 1\n---\nb: 2\n",
            "title: {a: b\n",
        ] {
            let (_, _, m, h) = said(text);
            for jargon in [
                "mapping",
                "scalar",
                "context",
                "indicator",
                "YAML reader says",
            ] {
                assert!(!m.contains(jargon), "{text:?}: {m}");
                assert!(!h.contains(jargon), "{text:?}: {h}");
            }
        }
    }
}
