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
    let before = text[start..at].trim_start();
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
        let key = t.key_before(at).unwrap_or_default();
        return (
            at + 1,
            format!("`{key}:` must be followed by a space"),
            if ch == ':' && t.text[at + 1..].starts_with('\t') {
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
    if let Some(glued) = t.glued_key_near(at) {
        let (key, value) = glued;
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
            return (
                open,
                format!("{what} is never closed"),
                format!(
                    "close it with `{close}` on the same line (e.g. `tags: [a, b]`); if the \
                     value is text that starts with `{c}`, put it in quotes"
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
        _ => "YAML keeps this sign for itself",
    };
    (format!("text starting with `{c}` must be in quotes"), why)
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
                t.text[start..open].trim_start(),
                super::write::quoted(&shorten(inner))
            )
        }
        (Some(_), Some(open)) => {
            let raw = without_comment(t.text[open..end].trim_end());
            format!(
                "put the whole value in single quotes: `{}'{}'`",
                t.text[start..open].trim_start(),
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
    let what = label(line);
    let Some(prev) = t.prev_content(i) else {
        return (
            start + ind,
            format!("{what} is indented, but nothing above it holds it"),
            "start it at the left margin".into(),
        );
    };
    let above = t.line(prev);
    let is_item = line.trim_start().starts_with("- ") || line.trim() == "-";
    let (other, col) = match t.prev_item(i).filter(|_| is_item) {
        // An item is compared with the `- ` of the item above it.
        Some(p) => ("the `- ` above it".to_string(), indent(t.line(p))),
        None => (format!("{} above it", label(above)), key_column(above)),
    };
    if ind == col {
        let message = if above.trim_start().starts_with("- ") && !is_item {
            format!("{what} is lined up with the list items (`- `) above it, but is not one")
        } else {
            format!("{what} is not lined up with the lines it belongs with")
        };
        return (
            start + ind,
            message,
            "start it with `- ` to add an item to the list above, or line it up with the \
             field that holds the list; every field of a record starts at the same column"
                .into(),
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

fn without_comment(s: &str) -> &str {
    s.find(" #").map_or(s, |i| s[..i].trim_end())
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where the fields of a line start: after its indentation and any `- `.
fn key_column(line: &str) -> usize {
    let mut col = indent(line);
    let mut rest = &line[col..];
    while let Some(r) = rest.strip_prefix("- ") {
        let spaces = r.len() - r.trim_start_matches(' ').len();
        col += 2 + spaces;
        rest = &r[spaces..];
    }
    col
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

/// The text split into lines, for looking around the place of an error.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }
    /// Index of the line holding byte `at`.
    fn index(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }
    /// Start and end (before `\r\n`) of line `i`.
    fn bounds(&self, i: usize) -> (usize, usize) {
        let start = self.starts[i.min(self.starts.len() - 1)];
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&n| n - 1);
        let end = if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        (start, end.max(start))
    }
    fn line(&self, i: usize) -> &'t str {
        let (s, e) = self.bounds(i);
        &self.text[s..e]
    }
    fn rest_of_line(&self, at: usize) -> &'t str {
        let (_, e) = self.bounds(self.index(at));
        without_comment(&self.text[at..e.max(at)])
    }
    /// The nearest line above `i` with something other than a comment.
    fn prev_content(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| {
            let l = self.line(j).trim();
            !l.is_empty() && !l.starts_with('#') && l != "---"
        })
    }
    /// The nearest line above `i` that starts with `- `.
    fn prev_item(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .find(|&j| self.line(j).trim_start().starts_with("- "))
    }
    /// Whether a line above `i` starts a list item at `indent`.
    fn has_item_at(&self, i: usize, at_indent: usize) -> bool {
        (0..i).any(|j| {
            let l = self.line(j);
            indent(l) == at_indent && l.trim_start().starts_with('-')
        })
    }
    /// A tab in the indentation of the line at `at`, or of a line below
    /// or just above it (the parser notices a tab at the value before it).
    fn tab_in_indent_near(&self, at: usize) -> Option<usize> {
        let i = self.index(at);
        let lo = i.saturating_sub(1);
        let hi = (i + 3).min(self.starts.len());
        let order = (i..hi).chain(lo..i);
        for j in order {
            let (s, _) = self.bounds(j);
            let line = self.line(j);
            let lead = line.len() - line.trim_start_matches([' ', '\t', '-']).len();
            if let Some(k) = line[..lead].find('\t') {
                return Some(s + k);
            }
        }
        None
    }
    /// The quote at `at`, or the last one before it on its line.
    fn quote_at_or_before(&self, at: usize) -> Option<usize> {
        if self.text[at..].starts_with(['"', '\'']) {
            return Some(at);
        }
        let (s, _) = self.bounds(self.index(at));
        self.text[s..at].rfind(['"', '\'']).map(|i| s + i)
    }
    /// The first backslash from `at` on its line not starting a valid
    /// escape.
    fn bad_escape_from(&self, at: usize) -> Option<usize> {
        let (_, e) = self.bounds(self.index(at));
        let line = &self.text[at..e.max(at)];
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\\' {
                let next = chars.next().map(|(_, n)| n);
                let ok = next.is_some_and(|n| "0abt\tnvfre \"/\\N_LPxuU".contains(n));
                if !ok {
                    return Some(at + i);
                }
            }
        }
        None
    }
    /// The field name just before the colon at `at`.
    fn key_before(&self, at: usize) -> Option<String> {
        let (s, _) = self.bounds(self.index(at));
        let k = self.text[s..at].trim().trim_start_matches("- ").trim();
        (!k.is_empty()).then(|| shorten(k))
    }
    /// Whether `at` is where the value of a `name: value` line starts.
    fn is_value_start(&self, at: usize) -> bool {
        self.value_start_before(at) == Some(at)
    }
    /// Where the value of the `name: value` line holding `at` starts, when
    /// that is at or before `at`.
    fn value_start_before(&self, at: usize) -> Option<usize> {
        let (s, _) = self.bounds(self.index(at));
        let line = &self.text[s..at.max(s)];
        let lead = key_column(line).min(line.len());
        let i = line[lead..].find(": ")?;
        let v = s + lead + i + 2;
        let v = v + (self.text[v..].len() - self.text[v..].trim_start_matches(' ').len());
        (v <= at).then_some(v)
    }
    /// A `name:value` line (no space after the colon) at or just above
    /// the line of `at`: YAML reads it as text, and the error shows later.
    /// Returns the name and where the value starts.
    fn glued_key_near(&self, at: usize) -> Option<(String, usize)> {
        let i = self.index(at);
        let mut j = Some(i);
        for _ in 0..3 {
            let k = j?;
            let (s, _) = self.bounds(k);
            let line = self.line(k);
            let col = key_column(line);
            let rest = &line[col.min(line.len())..];
            let name_len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(rest.len());
            let after = &rest[name_len..];
            if name_len > 0
                && rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && after.starts_with(':')
                && after[1..].starts_with(|c: char| !c.is_whitespace() && c != '/' && c != ':')
            {
                return Some((rest[..name_len].to_string(), s + col + name_len + 1));
            }
            j = self.prev_content(k);
        }
        None
    }
    /// The outermost `[` or `{` that starts a value before `at` and is not
    /// closed before it.
    fn unclosed_bracket_before(&self, at: usize) -> Option<(usize, char)> {
        self.open_brackets_before(at).first().copied()
    }
    /// The `[` and `{` that start values before `at` and are not closed
    /// before it, outermost first.
    fn open_brackets_before(&self, at: usize) -> Vec<(usize, char)> {
        let mut open: Vec<(usize, char)> = Vec::new();
        let mut quote: Option<char> = None;
        let mut prev = '\n';
        let mut comment = false;
        for (i, c) in self.text[..at].char_indices() {
            if comment {
                comment = c != '\n';
            } else if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
            } else {
                match c {
                    '"' | '\'' if " [{,:".contains(prev) || prev == '\n' => quote = Some(c),
                    '#' if prev == ' ' || prev == '\n' => comment = true,
                    '[' | '{' if " [{,-\n".contains(prev) || !open.is_empty() => open.push((i, c)),
                    ']' | '}' => {
                        open.pop();
                    }
                    _ => {}
                }
            }
            prev = c;
        }
        open
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
            let sign = if sign == "`` ` ``" { "```" } else { sign };
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
