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
use crate::diag::{shorten, Diagnostic, FileId, Message, Span};
use crate::msg;

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
    Diagnostic::error(at, msg!("yaml-second-document")).with_help(msg!("yaml-second-document-help"))
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

type Plain = (usize, Message, Message);

fn plain(info: &str, t: &Lines, at: usize) -> Plain {
    let ch = t.text[at..].chars().next().unwrap_or(' ');
    if info.contains("tab") {
        if let Some(tab) = t.tab_in_indent_near(at) {
            return (tab, msg!("yaml-tab"), msg!("yaml-tab-help"));
        }
    }
    if info.starts_with("':' must be followed") {
        let (s, _) = t.bounds(t.index(at));
        let colon = t.text[s..at].rfind(':').map_or(at, |i| s + i);
        let key = t.key_before(colon).unwrap_or_default();
        let tab = t.text[colon + 1..].starts_with('\t');
        return (
            colon + 1,
            msg!("yaml-space-after-colon", key = key),
            if tab {
                msg!("yaml-space-after-colon-not-tab")
            } else {
                msg!("yaml-space-after-colon-help")
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
            msg!("yaml-quote-not-closed", quote = q.to_string()),
            msg!("yaml-quote-not-closed-help", quote = q.to_string()),
        );
    }
    if info.contains("escape") || info.contains("hexadecimal") {
        let slash = t.bad_escape_from(at).unwrap_or(at);
        let seq: String = t.text[slash..].chars().take(2).collect();
        return (
            slash,
            msg!("yaml-bad-escape", sequence = shorten(&seq)),
            msg!("yaml-bad-escape-help"),
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
            msg!(
                "yaml-invisible-character",
                character = shorten(&ch.to_string())
            ),
            msg!("yaml-invisible-character-help"),
        );
    }
    if let Some((key, value)) = t.glued_key_near(at) {
        let key = shorten(&key);
        return (
            value,
            msg!("yaml-glued-value", key = &key),
            msg!(
                "yaml-glued-value-help",
                key = &key,
                value = shorten(t.rest_of_line(value))
            ),
        );
    }
    if info.starts_with("mapping values are not allowed") {
        return match t.value_start_before(at) {
            Some(value) => (
                at,
                msg!("yaml-colon-in-value"),
                msg!("yaml-quote-whole-value", line = quoted_line(t.text, value)),
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
                msg!("yaml-stray-item"),
                msg!("yaml-stray-item-help"),
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
                msg!(
                    "yaml-flow-indent",
                    open = c.to_string(),
                    close = close.to_string(),
                    line = t.index(open) + 1,
                    holder = label(holder, false)
                ),
                msg!(
                    "yaml-flow-indent-help",
                    place = to_place(key_column(holder) + 1)
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
            return if c == '[' {
                (
                    open,
                    msg!("yaml-list-not-closed"),
                    msg!("yaml-list-not-closed-help"),
                )
            } else {
                (
                    open,
                    msg!("yaml-map-not-closed"),
                    msg!("yaml-map-not-closed-help"),
                )
            };
        }
    }
    if info.contains("document") || info.contains("directive") {
        return (at, msg!("yaml-data-ended"), msg!("yaml-data-ended-help"));
    }
    (
        at,
        msg!("yaml-unreadable-line", reader = info),
        msg!("yaml-unreadable-line-help"),
    )
}

/// The message and the reason for text starting with `c`.
fn quote_words(c: char) -> (Message, Message) {
    let why = match c {
        '*' => msg!("yaml-why-star"),
        '&' => msg!("yaml-why-ampersand"),
        '!' => msg!("yaml-why-bang"),
        '|' | '>' => msg!("yaml-why-block"),
        '-' => msg!("yaml-why-dash"),
        '[' => msg!("yaml-why-bracket"),
        '{' => msg!("yaml-why-brace"),
        '?' => msg!("yaml-why-question"),
        _ => msg!("yaml-why-other"),
    };
    let sign = if c == '`' {
        "`` ` ``".to_string()
    } else {
        format!("`{c}`")
    };
    (msg!("yaml-must-quote", sign = sign), why)
}

fn quote_it(t: &Lines, at: usize, c: char) -> Plain {
    let (message, why) = quote_words(c);
    let line = quoted_line(t.text, at);
    let help = if c == '|' || c == '>' {
        msg!(
            "yaml-must-quote-block-help",
            line = line,
            why = why,
            sign = c.to_string()
        )
    } else {
        msg!("yaml-must-quote-help", line = line, why = why)
    };
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
            msg!(
                "yaml-apostrophe-help",
                line = format!(
                    "{}{}",
                    shorten(t.text[start..open].trim_start()),
                    super::write::quoted(&shorten(inner))
                )
            )
        }
        (Some(_), Some(open)) => {
            let raw = without_comment(t.text[open..end].trim_end());
            msg!(
                "yaml-single-quotes-help",
                line = format!(
                    "{}'{}'",
                    shorten(t.text[start..open].trim_start()),
                    shorten(raw).replace('\'', "''")
                )
            )
        }
        _ => msg!("yaml-quotes-help"),
    };
    (at, msg!("yaml-after-quote"), help)
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
        msg!("yaml-this-item")
    } else {
        label(line, true)
    };
    let Some(prev) = t.prev_content(i) else {
        return (
            start + ind,
            msg!("yaml-indented-nothing-above", what = what),
            msg!("yaml-start-at-margin"),
        );
    };
    let above = t.line(prev);
    let above_is_item = above.trim_start().starts_with("- ");
    if !is_item && above_is_item && ind == indent(above) {
        return (
            start + ind,
            msg!("yaml-lined-up-with-items", what = what),
            msg!("yaml-lined-up-with-items-help"),
        );
    }
    let (other, col) = match t.prev_item(i).filter(|_| is_item) {
        // An item is compared with the `- ` of the item above it.
        Some(p) => (msg!("yaml-item-above"), indent(t.line(p))),
        None => (
            msg!("yaml-above", what = label(above, false)),
            key_column(above),
        ),
    };
    if ind == col {
        return (
            start + ind,
            msg!("yaml-not-lined-up", what = what),
            msg!("yaml-not-lined-up-help"),
        );
    }
    let or_new = !is_item && ind < col && t.has_item_at(i, ind);
    let help = msg!(
        "yaml-line-up-help",
        what = what.clone(),
        other = other.clone(),
        place = to_place(col),
        new_record = if or_new { "yes" } else { "no" }
    );
    (
        start + ind,
        msg!(
            "yaml-misaligned",
            what = what,
            indent = ind,
            other = other,
            other_indent = col
        ),
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
            msg!("yaml-key-too-long", length = k.chars().count()),
            msg!("yaml-key-too-long-help"),
        );
    }
    if let Some(prev) = t.prev_content(i) {
        let above = t.line(prev).trim_end();
        if above.ends_with(['|', '>', '-', '+']) && above.contains(": ") {
            let key = label(above, false);
            return (
                first,
                msg!("yaml-block-not-indented", key = key.clone()),
                msg!(
                    "yaml-block-not-indented-help",
                    key = key,
                    spaces = key_column(above) + 2
                ),
            );
        }
    }
    (first, msg!("yaml-no-colon"), msg!("yaml-no-colon-help"))
}

/// How a line is named in a message: `` `name:` ``, "the `- `", "the line"
/// ("this line" with `this`).
fn label(line: &str, this: bool) -> Message {
    let t = line[key_column(line).min(line.len())..].trim_end();
    let key = t
        .split_once(": ")
        .map(|(k, _)| k)
        .or_else(|| t.strip_suffix(':'))
        .map(str::trim)
        .filter(|k| !k.is_empty() && (!k.contains(' ') || k.starts_with(['"', '\''])));
    match key {
        Some(k) => msg!("yaml-label-key", key = shorten(k)),
        None if line.trim_start().starts_with('-') => msg!("yaml-label-item"),
        None if this => msg!("yaml-this-line"),
        None => msg!("yaml-label-line"),
    }
}

/// "indent it by 2 spaces", "start it at the left margin".
fn to_place(n: usize) -> Message {
    msg!("yaml-to-place", spaces = n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> (usize, usize, String, String) {
        let d = super::super::parse(text, FileId(0), 0).expect_err(text);
        let at = d.span.unwrap().range.start;
        let line = text[..at].matches('\n').count() + 1;
        let col = text[..at].rfind('\n').map_or(at, |n| at - n - 1) + 1;
        (
            line,
            col,
            d.message.en(),
            d.help.map(|h| h.en()).unwrap_or_default(),
        )
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
