//! Invisible characters in the site's text files.
//!
//! A zero-width space or a direction override pasted from a web page or a
//! document cannot be seen, yet it makes text that looks the same differ
//! (a second tag page, a reference that is not found) or shows text in an
//! order other than the one written. Every text file is scanned once, as
//! it is read, so every field of every record (front matter and data, keys
//! and values) and every Markdown body is covered, each character at its
//! exact line and column. Which characters count is [`diag::is_invisible`]:
//! the one definition, which lets through what emoji and scripts need.

use crate::diag::{is_invisible, Diagnostic, FileId, Span};

/// Every invisible character in `text` (the file `file`), as errors. A run
/// of them is one error. `body` is where a Markdown file's body starts
/// (`None` for a YAML file): before it, YAML escapes (`"\u200b"`) are
/// found too; after it, HTML character references (`&#8203;`).
pub fn in_file(text: &str, file: FileId, body: Option<usize>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, Vec<char>)> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Most text is printable ASCII, where nothing can hide: skip it.
        let plain = bytes[i..]
            .iter()
            .position(|&b| !((0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t')))
            .unwrap_or(bytes.len() - i);
        if plain > 0 {
            if let Some((start, end, chars)) = run.take() {
                out.push(literal(file, start..end, &chars));
            }
            i += plain;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        let len = c.len_utf8();
        if hidden(c) {
            let r = run.get_or_insert((i, i, Vec::new()));
            r.1 = i + len;
            r.2.push(c);
        } else if let Some((start, end, chars)) = run.take() {
            out.push(literal(file, start..end, &chars));
        }
        i += len;
    }
    if let Some((start, end, chars)) = run {
        out.push(literal(file, start..end, &chars));
    }
    let yaml_end = body.unwrap_or(text.len());
    for (at, len, c) in yaml_escapes(&text[..yaml_end]) {
        out.push(written(file, at..at + len, &text[at..at + len], c));
    }
    for (at, len, c) in char_references(&text[yaml_end..]) {
        let at = at + yaml_end;
        out.push(written(file, at..at + len, &text[at..at + len], c));
    }
    out
}

/// Invisible, and not one of the line breaks and tabs every text has.
pub fn hidden(c: char) -> bool {
    is_invisible(c) && !matches!(c, '\n' | '\r' | '\t')
}

/// `U+200B (zero-width space)`: how a message names a character.
pub fn describe(c: char) -> String {
    format!("U+{:04X} ({})", c as u32, name(c))
}

/// What the character does, for help.
fn effect(c: char) -> crate::diag::Message {
    match c {
        '\u{200e}'
        | '\u{200f}'
        | '\u{061c}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => crate::msg!("invisible-reorders"),
        c if crate::diag::is_noncharacter(c) => crate::msg!("invisible-noncharacter"),
        _ => crate::msg!("invisible-differs"),
    }
}

fn literal(file: FileId, range: std::ops::Range<usize>, chars: &[char]) -> Diagnostic {
    let mut names: Vec<String> = Vec::new();
    for &c in chars {
        let d = describe(c);
        if !names.contains(&d) {
            names.push(d);
        }
    }
    let message = crate::msg!(
        "invisible-hidden",
        count = chars.len(),
        names = names.join(", ")
    );
    Diagnostic::error(Span::new(file, range), message).with_help(crate::msg!(
        "invisible-hidden-help",
        count = chars.len(),
        names = names.join(", "),
        effect = effect(chars[0])
    ))
}

fn written(file: FileId, range: std::ops::Range<usize>, source: &str, c: char) -> Diagnostic {
    Diagnostic::error(
        Span::new(file, range),
        crate::msg!("invisible-written", source = source, name = describe(c)),
    )
    .with_help(crate::msg!(
        "invisible-written-help",
        source = source,
        effect = effect(c)
    ))
}

/// `(offset, length, character)` of every YAML escape (`\xAD`, `\u200B`,
/// `\U0000200B`) that writes an invisible character. An escaped backslash
/// (`\\u200b`) is a backslash and text, and is skipped.
fn yaml_escapes(text: &str) -> Vec<(usize, usize, char)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let digits = match b.get(i + 1) {
            Some(b'x') => 2,
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => {
                i += 2; // `\\` and other escapes
                continue;
            }
        };
        let hex = text.get(i + 2..i + 2 + digits);
        let c = hex
            .filter(|h| h.bytes().all(|d| d.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match c {
            Some(c) if hidden(c) => {
                out.push((i, 2 + digits, c));
                i += 2 + digits;
            }
            _ => i += 2,
        }
    }
    out
}

/// Named character references for invisible characters that Markdown
/// turns into the character itself.
const NAMED: &[(&str, char)] = &[
    ("shy", '\u{ad}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("ZeroWidthSpace", '\u{200b}'),
    ("NoBreak", '\u{2060}'),
    ("InvisibleTimes", '\u{2062}'),
    ("InvisibleComma", '\u{2063}'),
    ("ApplyFunction", '\u{2061}'),
];

/// `(offset, length, character)` of every HTML character reference
/// (`&#8203;`, `&#x200B;`, `&shy;`) in a Markdown body that writes an
/// invisible character.
fn char_references(text: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('&') {
        let rest = &text[i + 1..];
        let Some(end) = rest.get(..rest.len().min(34)).and_then(|r| r.find(';')) else {
            continue;
        };
        let name = &rest[..end];
        let c = if let Some(num) = name.strip_prefix('#') {
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            n.and_then(char::from_u32)
        } else {
            NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
        };
        if let Some(c) = c.filter(|c| hidden(*c)) {
            out.push((i, end + 2, c));
        }
    }
    out
}

/// The name of a character [`is_invisible`] holds.
fn name(c: char) -> &'static str {
    match c {
        c if crate::diag::is_noncharacter(c) => "noncharacter",
        '\0' => "null character",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{b}' => "vertical tab",
        '\u{c}' => "form feed",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{ad}' => "soft hyphen",
        '\u{034f}' => "combining grapheme joiner",
        '\u{061c}' => "Arabic letter mark",
        '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' => "Hangul filler",
        '\u{17b4}' | '\u{17b5}' => "Khmer inherent vowel",
        '\u{180e}' => "Mongolian vowel separator",
        '\u{200b}' => "zero-width space",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2060}' => "word joiner",
        '\u{2061}' => "function application",
        '\u{2062}' => "invisible times",
        '\u{2063}' => "invisible separator",
        '\u{2064}' => "invisible plus",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{feff}' => "zero-width no-break space",
        '\u{fff9}'..='\u{fffb}' => "interlinear annotation mark",
        '\u{1d173}'..='\u{1d17a}' => "musical formatting mark",
        '\u{e0001}' => "language tag",
        c if c.is_control() => "control character",
        _ => "formatting character",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, body: Option<usize>) -> Vec<(usize, String)> {
        in_file(text, FileId(0), body)
            .into_iter()
            .map(|d| (d.span.unwrap().range.start, d.message.en()))
            .collect()
    }

    #[test]
    fn every_invisible_character_is_found_where_it_stands() {
        let text =
            "title: A\u{200b}B\ntags: [x\u{202e}\u{202e}y]\nemoji: 👩\u{200d}💻\u{fe0f}\n\tok\r\n";
        let f = found(text, None);
        assert_eq!(
            f,
            [
                (
                    8,
                    "an invisible character is hidden here: U+200B (zero-width space)".into()
                ),
                (
                    text.find('\u{202e}').unwrap(),
                    "2 invisible characters are hidden here: U+202E (right-to-left override)"
                        .into()
                ),
            ]
        );
    }

    #[test]
    fn noncharacters_are_refused_written_or_escaped() {
        let text = "---\ntitle: \"A\\uFFFE\"\n---\nA\u{ffff}B \u{fdd0} \u{10fffe} &#xFFFF; ok\n";
        let body = text.find("A\u{ffff}").unwrap();
        let msgs: Vec<String> = found(text, Some(body))
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(
            msgs,
            [
                "an invisible character is hidden here: U+FFFF (noncharacter)",
                "an invisible character is hidden here: U+FDD0 (noncharacter)",
                "an invisible character is hidden here: U+10FFFE (noncharacter)",
                "`\\uFFFE` writes an invisible character: U+FFFE (noncharacter)",
                "`&#xFFFF;` writes an invisible character: U+FFFF (noncharacter)",
            ]
        );
        // Neighbours of the noncharacters are ordinary text.
        assert!(found("\u{fffd} \u{fdcf} \u{fdf0} \u{1fffd}", None).is_empty());
    }

    #[test]
    fn escapes_in_yaml_and_references_in_markdown() {
        let text = "---\ntitle: \"A\\u200bB \\\\u200b \\x41 \\U0000202E\"\n---\nTeks&#8203; &amp; &shy; &#x41; \\u200b\n";
        let body = text.find("Teks").unwrap();
        let f = found(text, Some(body));
        let msgs: Vec<&str> = f.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "`\\u200b` writes an invisible character: U+200B (zero-width space)",
                "`\\U0000202E` writes an invisible character: U+202E (right-to-left override)",
                "`&#8203;` writes an invisible character: U+200B (zero-width space)",
                "`&shy;` writes an invisible character: U+00AD (soft hyphen)",
            ]
        );
        assert_eq!(f[0].0, text.find("\\u200b").unwrap());
    }

    #[test]
    fn help_names_the_character_and_what_it_does() {
        let d = &in_file("a\u{202e}b", FileId(0), None)[0];
        let help = d.help.as_ref().map(|h| h.en()).unwrap();
        assert!(
            help.starts_with("remove the invisible character U+202E (right-to-left override): it changes the order"),
            "{help}"
        );
        assert_eq!(describe('\u{0}'), "U+0000 (null character)");
    }
}
