//! The text around a YAML error, line by line: what `syntax` looks at to
//! tell one mistake from another.

use crate::diag::shorten;

/// The text split into lines, for looking around the place of an error.
pub(super) struct Lines<'t> {
    pub text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }
    /// Index of the line holding byte `at`.
    pub fn index(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }
    /// Start and end (before `\r\n`) of line `i`.
    pub fn bounds(&self, i: usize) -> (usize, usize) {
        let start = self.starts[i.min(self.starts.len() - 1)];
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&n| n - 1);
        let end = if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        (start, end.max(start))
    }
    pub fn line(&self, i: usize) -> &'t str {
        let (s, e) = self.bounds(i);
        &self.text[s..e]
    }
    pub fn rest_of_line(&self, at: usize) -> &'t str {
        let (_, e) = self.bounds(self.index(at));
        without_comment(&self.text[at..e.max(at)])
    }
    /// The nearest line above `i` with something other than a comment.
    pub fn prev_content(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| {
            let l = self.line(j).trim();
            !l.is_empty() && !l.starts_with('#') && l != "---"
        })
    }
    /// The nearest line above `i` that starts with `- `.
    pub fn prev_item(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .find(|&j| self.line(j).trim_start().starts_with("- "))
    }
    /// Whether a line above `i` starts a list item at `indent`.
    pub fn has_item_at(&self, i: usize, at_indent: usize) -> bool {
        (0..i).any(|j| {
            let l = self.line(j);
            indent(l) == at_indent && l.trim_start().starts_with('-')
        })
    }
    /// A tab in the indentation of the line at `at`, or of a line below
    /// or just above it (the parser notices a tab at the value before it).
    pub fn tab_in_indent_near(&self, at: usize) -> Option<usize> {
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
    pub fn quote_at_or_before(&self, at: usize) -> Option<usize> {
        if self.text[at..].starts_with(['"', '\'']) {
            return Some(at);
        }
        let (s, _) = self.bounds(self.index(at));
        self.text[s..at].rfind(['"', '\'']).map(|i| s + i)
    }
    /// The first backslash from `at` on its line not starting a valid
    /// escape.
    pub fn bad_escape_from(&self, at: usize) -> Option<usize> {
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
    pub fn key_before(&self, at: usize) -> Option<String> {
        let (s, _) = self.bounds(self.index(at));
        let k = self.text[s..at].trim().trim_start_matches("- ").trim();
        (!k.is_empty()).then(|| shorten(k))
    }
    /// Whether `at` is where the value of a `name: value` line starts.
    pub fn is_value_start(&self, at: usize) -> bool {
        self.value_start_before(at) == Some(at)
    }
    /// Where the value of the `name: value` line holding `at` starts, when
    /// that is at or before `at`.
    pub fn value_start_before(&self, at: usize) -> Option<usize> {
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
    pub fn glued_key_near(&self, at: usize) -> Option<(String, usize)> {
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
    pub fn unclosed_bracket_before(&self, at: usize) -> Option<(usize, char)> {
        self.open_brackets_before(at).first().copied()
    }
    /// The `[` and `{` that start values before `at` and are not closed
    /// before it, outermost first.
    pub fn open_brackets_before(&self, at: usize) -> Vec<(usize, char)> {
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

pub(super) fn without_comment(s: &str) -> &str {
    s.find(" #").map_or(s, |i| s[..i].trim_end())
}

pub(super) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where the fields of a line start: after its indentation and any `- `.
pub(super) fn key_column(line: &str) -> usize {
    let mut col = indent(line);
    let mut rest = &line[col..];
    while let Some(r) = rest.strip_prefix("- ") {
        let spaces = r.len() - r.trim_start_matches(' ').len();
        col += 2 + spaces;
        rest = &r[spaces..];
    }
    col
}
