//! YAML as authors write it, and as they get it wrong: a small document
//! tree written out in randomly chosen styles (block and flow, plain and
//! quoted, anchors, tags), and "chaos" values of the wrong type or shape.

use super::rng::Rng;
use super::text::{self, Knobs};

pub enum Y {
    /// Written exactly as given, after `key: ` (may be invalid on purpose).
    Raw(String),
    /// A string, written in a randomly chosen style that keeps its value.
    Str(String),
    Seq(Vec<Y>),
    Map(Vec<(String, Y)>),
    Anchor(String, Box<Y>),
    Alias(String),
    Tag(&'static str, Box<Y>),
}

pub fn s(v: impl Into<String>) -> Y {
    Y::Str(v.into())
}

pub fn raw(v: impl Into<String>) -> Y {
    Y::Raw(v.into())
}

/// A whole document: a mapping (front matter, site.yaml) or a list.
pub fn document(rng: &mut Rng, y: &Y) -> String {
    let mut out = String::new();
    let indent = if rng.one_in(8) { 1 } else { 0 };
    match y {
        Y::Map(_) | Y::Seq(_) if !rng.one_in(15) => block(rng, y, indent, &mut out),
        _ => {
            inline(rng, y, &mut out);
            out.push('\n');
        }
    }
    out
}

/// Lines of a block collection, each starting at `indent` spaces.
fn block(rng: &mut Rng, y: &Y, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match y {
        Y::Map(entries) => {
            for (k, v) in entries {
                out.push_str(&pad);
                key(rng, k, out);
                out.push(':');
                after_key(rng, v, indent, out);
            }
            if entries.is_empty() {
                out.push_str(&pad);
                out.push_str("{}\n");
            }
        }
        Y::Seq(items) => {
            for v in items {
                out.push_str(&pad);
                out.push('-');
                match v {
                    // `- key: value` with the other keys under the first.
                    Y::Map(entries) if !entries.is_empty() && !rng.one_in(10) => {
                        out.push(' ');
                        let mut first = String::new();
                        block(rng, v, indent + 2, &mut first);
                        out.push_str(&first[indent + 2..]);
                    }
                    _ => after_key(rng, v, indent, out),
                }
            }
            if items.is_empty() {
                out.push_str(&pad);
                out.push_str("[]\n");
            }
        }
        other => {
            out.push_str(&pad);
            inline(rng, other, out);
            out.push('\n');
        }
    }
}

/// What follows `key:` or `-`: a space and a scalar or flow collection, or
/// a newline and a block collection indented further.
fn after_key(rng: &mut Rng, v: &Y, indent: usize, out: &mut String) {
    match v {
        Y::Map(e) if !e.is_empty() && !rng.one_in(4) => {
            out.push('\n');
            block(rng, v, indent + 2, out);
        }
        Y::Seq(i) if !i.is_empty() && !rng.one_in(4) => {
            out.push('\n');
            // Lists under a key may sit at the key's own indentation.
            let more = if rng.one_in(3) { 0 } else { 2 };
            block(rng, v, indent + more, out);
        }
        Y::Anchor(name, inner) if matches!(**inner, Y::Map(_) | Y::Seq(_)) => {
            out.push_str(&format!(" &{name}\n"));
            block(rng, inner, indent + 2, out);
        }
        Y::Str(t) if t.contains('\n') && !rng.one_in(3) => {
            let header = *rng.pick(&["|", "|-", "|+", ">", ">-", "|2"]);
            out.push_str(&format!(" {header}\n"));
            let pad = " ".repeat(indent + 2);
            for line in t.split('\n') {
                out.push_str(&pad);
                out.push_str(line);
                out.push('\n');
            }
        }
        _ => {
            out.push(' ');
            inline(rng, v, out);
            out.push('\n');
        }
    }
}

fn inline(rng: &mut Rng, v: &Y, out: &mut String) {
    match v {
        Y::Raw(t) => out.push_str(t),
        Y::Str(t) => scalar(rng, t, out),
        Y::Seq(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if rng.one_in(6) { "," } else { ", " });
                }
                inline(rng, v, out);
            }
            out.push(']');
        }
        Y::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                key(rng, k, out);
                out.push_str(": ");
                inline(rng, v, out);
            }
            out.push('}');
        }
        Y::Anchor(name, inner) => {
            out.push_str(&format!("&{name} "));
            inline(rng, inner, out);
        }
        Y::Alias(name) => out.push_str(&format!("*{name}")),
        Y::Tag(tag, inner) => {
            out.push_str(tag);
            out.push(' ');
            inline(rng, inner, out);
        }
    }
}

fn key(rng: &mut Rng, k: &str, out: &mut String) {
    if plain_ok(k) && !rng.one_in(12) {
        out.push_str(k);
    } else {
        quoted(k, out);
    }
}

/// Whether `t` reads back as the same string when written plain.
fn plain_ok(t: &str) -> bool {
    let first = t.chars().next();
    !t.is_empty()
        && t.trim() == t
        && !matches!(
            first,
            Some(
                '-' | '?'
                    | ':'
                    | ','
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '#'
                    | '&'
                    | '*'
                    | '!'
                    | '|'
                    | '>'
                    | '\''
                    | '"'
                    | '%'
                    | '@'
                    | '`'
            )
        )
        && !t.contains(": ")
        && !t.contains(" #")
        && !t.ends_with(':')
        && !t
            .chars()
            .any(|c| c.is_control() || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}' | '\u{85}'))
        && !matches!(
            t,
            "true" | "false" | "yes" | "no" | "null" | "~" | "on" | "off"
        )
        && t.parse::<f64>().is_err()
}

fn scalar(rng: &mut Rng, t: &str, out: &mut String) {
    match rng.below(6) {
        0..=2 if plain_ok(t) => out.push_str(t),
        3 if !t.chars().any(|c| c.is_control() || c == '\u{FEFF}') => {
            out.push('\'');
            out.push_str(&t.replace('\'', "''"));
            out.push('\'');
        }
        _ => quoted(t, out),
    }
}

fn quoted(t: &str, out: &mut String) {
    out.push('"');
    for c in t.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || matches!(c, '\u{FEFF}' | '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Scalars of the wrong type, shape or syntax.
const WRONG: &[&str] = &[
    "~",
    "null",
    "yes",
    "No",
    "on",
    "TRUE",
    "0x1F",
    "0o777",
    "1e400",
    "-1e400",
    ".nan",
    "-.inf",
    "99999999999999999999999999999",
    "-1",
    "0",
    "-0",
    "1_000",
    "+12",
    "3.0",
    "65536",
    "4294967296",
    "2022-08-04T25:61:00Z",
    "2022-08-04 10:00:00 +07:00",
    "''",
    "\"\"",
    "!!binary aGVsbG8=",
    "!!timestamp 2001-12-14",
    "!!int abc",
    "!!float x",
    "!!null x",
    "!!str",
    "!nonstandard x",
    "*undefined",
    "&",
    "&a",
    "|",
    ">-",
    "[",
    "{",
    "]",
    "}",
    "\"unterminated",
    "'x",
    "- a",
    "? x",
    "%YAML 1.2",
    "---",
    "...",
    "@x",
    "`x`",
    "x: y",
    "[a, [b, {c: d}]]",
    "{a: 1, a: 2}",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!!map {}",
    "!!seq []",
    "#",
    "x #y",
    "\"\\uD800\"",
    "\"\\U0010FFFF\\x00\\e\\0\"",
    "'\\u202e'",
    "[*undefined]",
    "<<: *undefined",
    "? [a]: b",
];

/// Dates valid and not: impossible days, other formats, years out of range.
pub const DATES: &[&str] = &[
    "2022-08-04",
    "2022-02-29",
    "2024-02-29",
    "2022-02-30",
    "2022-13-01",
    "2022-00-10",
    "2022-8-4",
    "04-08-2022",
    "2022/08/04",
    "2022-08-04T10:00:00Z",
    "0000-01-01",
    "9999-12-31",
    "10000-01-01",
    "-2022-08-04",
    "2022-08",
    "2022",
    "20220804",
    "2022-08-04 ",
    " 2022-08-04",
    "2022-08-04x",
    "２０２２-０８-０４",
    "2022\u{2010}08\u{2010}04",
    "1969-12-31",
    "2038-01-19",
    "262143-12-31",
    "2099-01-01",
    "1900-02-29",
    "2000-02-29",
    "2022-W31",
    "today",
];

/// Any value of the wrong type, shape or syntax; never deeper than the
/// knobs allow.
pub fn chaos(rng: &mut Rng, knobs: Knobs, depth: usize) -> Y {
    match rng.below(12) {
        0..=3 => raw(*rng.pick(WRONG)),
        4 => s(odd_text(rng, knobs)),
        5 => {
            let d = *rng.pick(DATES);
            if rng.one_in(2) {
                raw(d)
            } else {
                s(d)
            }
        }
        6 if depth < 3 => Y::Seq(
            (0..rng.size(6))
                .map(|_| chaos(rng, knobs, depth + 1))
                .collect(),
        ),
        7 if depth < 3 => Y::Map(
            (0..rng.size(5))
                .map(|_| (odd_key(rng, knobs), chaos(rng, knobs, depth + 1)))
                .collect(),
        ),
        8 if knobs.deep_nesting => raw(deep(rng)),
        9 if knobs.huge_values => s(huge(rng)),
        10 => Y::Tag(
            rng.pick_str(&[
                "!!str",
                "!!binary",
                "!custom",
                "!!int",
                "!<tag:yaml.org,2002:str>",
            ]),
            Box::new(s("aGVsbG8=")),
        ),
        _ => s(String::new()),
    }
}

/// Text with awkward characters among ordinary words.
pub fn odd_text(rng: &mut Rng, knobs: Knobs) -> String {
    let mut t = String::new();
    for _ in 0..rng.range(1, 6) {
        if rng.one_in(2) {
            t.push_str(rng.pick_str(&[
                "Perpustakaan",
                "desa",
                "Kudus",
                "jawa-tengah",
                "<b>",
                "&amp;",
                "{{ x }}",
                "{% raw %}",
                " ",
                "\n",
                "@/berita/x.md",
                "https://x.id/?a=1&b=<2>",
            ]));
        } else {
            t.push_str(&text::odd(rng, knobs));
        }
    }
    t
}

fn odd_key(rng: &mut Rng, knobs: Knobs) -> String {
    match rng.below(4) {
        0 => odd_text(rng, knobs),
        1 => rng
            .pick(&[
                "title",
                "<<",
                "?",
                "",
                " ",
                "a b",
                "tItle",
                "ｔｉｔｌｅ",
                "title\u{200B}",
            ])
            .to_string(),
        _ => format!("k{}", rng.below(5)),
    }
}

/// Nesting far past any sensible depth, written without recursion.
pub fn deep(rng: &mut Rng) -> String {
    let n = *rng.pick(&[41, 129, 1_000, 20_000, 200_000]);
    match rng.below(3) {
        0 => format!("{}x{}", "[".repeat(n), "]".repeat(n)),
        1 => format!("{}x{}", "{a: ".repeat(n), "}".repeat(n)),
        _ => "[".repeat(n),
    }
}

/// A value of 64 KB to past the 2 MB file limit.
pub fn huge(rng: &mut Rng) -> String {
    let n = *rng.pick(&[70_000, 500_000, 1_900_000, 2_200_000]);
    let unit = rng.pick(&["a", "ab ", "kata ", "é", "-", "\\", "😀"]);
    unit.repeat(n / unit.len())
}

/// `count` anchors each holding `fanout` aliases of the previous one: the
/// last expands to fanout^count values (billion laughs). Returns the
/// definitions (as mapping entries) and the name of the last anchor.
pub fn alias_bomb(rng: &mut Rng) -> (Vec<(String, Y)>, String) {
    let count = rng.range(4, 12);
    let fanout = rng.range(6, 12);
    let mut defs = vec![(
        "x-a0".to_string(),
        raw("&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"),
    )];
    for i in 1..count {
        let items = vec![format!("*a{}", i - 1); fanout].join(", ");
        defs.push((format!("x-a{i}"), raw(format!("&a{i} [{items}]"))));
    }
    (defs, format!("a{}", count - 1))
}
