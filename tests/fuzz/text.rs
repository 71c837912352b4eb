//! Text-level mutations shared by every input kind: odd Unicode, line
//! edits, repetition, line endings, invalid UTF-8.

use super::rng::Rng;

/// Which input classes are generated. Some classes still fail on main and
/// are being fixed elsewhere: they run only with `WARTA_FUZZ_KNOWN=1` (see
/// `KNOWN_FAILING` in tests/fuzz.rs and docs/fuzzing.md).
#[derive(Clone, Copy, Debug)]
pub struct Knobs {
    /// Exponential YAML aliases (billion laughs).
    pub alias_bombs: bool,
    /// Nesting deeper than 40 levels (YAML, Markdown, templates).
    pub deep_nesting: bool,
    /// Values of 64 KB up to the 2 MB file limit.
    pub huge_values: bool,
    /// Zero-width, bidi and other invisible characters.
    pub invisible: bool,
    /// C0 and C1 control characters (not tab, CR, LF) in text.
    pub control_chars: bool,
    /// Script that Markdown must not let through: `javascript:`,
    /// `vbscript:` and `data:text/html` links and images (also written with
    /// entities), `{onclick=…}` heading attributes.
    pub script_markup: bool,
}

impl Knobs {
    /// These knobs plus the ones named in `list` (comma-separated).
    pub fn with(mut self, list: &str) -> Knobs {
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "alias_bombs" => self.alias_bombs = true,
                "deep_nesting" => self.deep_nesting = true,
                "huge_values" => self.huge_values = true,
                "invisible" => self.invisible = true,
                "control_chars" => self.control_chars = true,
                "script_markup" => self.script_markup = true,
                other => panic!("WARTA_FUZZ_KNOWN: no input class `{other}`"),
            }
        }
        self
    }

    pub const ALL: Knobs = Knobs {
        alias_bombs: true,
        deep_nesting: true,
        huge_values: true,
        invisible: true,
        control_chars: true,
        script_markup: true,
    };
}

/// Characters an author cannot see: zero-width, joiners, bidi controls,
/// soft hyphen, BOM.
pub const INVISIBLE: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{202A}', '\u{202B}',
    '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}',
    '\u{200F}', '\u{061C}', '\u{180E}', '\u{034F}',
];

/// Visible but awkward text: combining marks, case-changing letters,
/// fullwidth and homoglyphs, emoji sequences, astral and private-use
/// characters, line separators, control characters, right-to-left scripts.
pub const ODD: &[&str] = &[
    "\u{00A0}",
    "é",
    "e\u{0301}",
    "a\u{0301}\u{0301}\u{0301}\u{0301}",
    "ß",
    "İ",
    "ı",
    "ﬁ",
    "Ａ",
    "＠",
    "／",
    "а",
    "ǅ",
    "\u{0345}",
    "👩\u{200D}👩\u{200D}👧",
    "🇮🇩",
    "𝕏",
    "😀",
    "\u{FFFD}",
    "\u{E000}",
    "\u{10FFFF}",
    "\u{2028}",
    "\u{2029}",
    "\t",
    "\r",
    "عربي",
    "中文",
    "ཀ྄",
    "Ω",
    "ـــ",
    "\u{3000}",
    "\\",
    "\"",
    "'",
    "`",
];

/// Control characters: not allowed in XML 1.0 (feeds, sitemaps).
pub const CONTROL: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{8}",
    "\u{B}",
    "\u{C}",
    "\u{1B}[31m",
    "\u{7F}",
    "\u{85}",
    "\u{9F}",
    "\u{FFFE}",
];

/// A random odd string: mostly visible oddities, invisible characters and
/// control characters when on.
pub fn odd(rng: &mut Rng, knobs: Knobs) -> String {
    if knobs.control_chars && rng.one_in(8) {
        rng.pick(CONTROL).to_string()
    } else if knobs.invisible && rng.one_in(3) {
        rng.pick(INVISIBLE).to_string()
    } else {
        rng.pick(ODD).to_string()
    }
}

/// The byte index of a char boundary at or before `i`.
pub fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn random_point(rng: &mut Rng, s: &str) -> usize {
    boundary(s, rng.below(s.len() + 1))
}

/// Byte ranges of the lines of `s`, each with its line end.
fn lines(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in s.split_inclusive('\n') {
        out.push(start..start + l.len());
        start += l.len();
    }
    out
}

/// The most bytes a repetition may add: near the 2 MB file limit for huge
/// values, small otherwise.
pub fn repeat_budget(rng: &mut Rng, knobs: Knobs) -> usize {
    if knobs.huge_values && rng.one_in(3) {
        *rng.pick(&[70_000, 300_000, 1_000_000, 1_900_000, 2_200_000])
    } else {
        rng.range(1, 4_000)
    }
}

/// Applies one to `max` random text mutations to `s`; `dict` holds
/// fragments meaningful for the kind of file (YAML, Markdown, Tera).
pub fn mutate(rng: &mut Rng, s: &mut String, knobs: Knobs, dict: &[&str], max: usize) {
    for _ in 0..rng.range(1, max.max(1)) {
        mutate_once(rng, s, knobs, dict);
    }
}

fn mutate_once(rng: &mut Rng, s: &mut String, knobs: Knobs, dict: &[&str]) {
    let ls = lines(s);
    match rng.below(13) {
        0 | 1 => {
            let at = random_point(rng, s);
            s.insert_str(at, &odd(rng, knobs));
        }
        2..=4 if !dict.is_empty() => {
            let frag = *rng.pick(dict);
            // At a line start half the time: that is where structure begins.
            let at = match ls.is_empty() || rng.one_in(2) {
                true => random_point(rng, s),
                false => ls[rng.below(ls.len())].start,
            };
            s.insert_str(at, frag);
        }
        5 => {
            let a = random_point(rng, s);
            let b = boundary(s, a + rng.range(1, 40));
            s.replace_range(a..b, "");
        }
        6 if !ls.is_empty() => {
            let l = ls[rng.below(ls.len())].clone();
            let line = s[l.clone()].to_string();
            s.insert_str(l.start, &line);
        }
        7 if !ls.is_empty() => {
            let l = ls[rng.below(ls.len())].clone();
            s.replace_range(l, "");
        }
        8 if ls.len() > 1 => {
            let (i, j) = (rng.below(ls.len()), rng.below(ls.len()));
            let (a, b) = (ls[i.min(j)].clone(), ls[i.max(j)].clone());
            if a != b {
                let (ta, tb) = (s[a.clone()].to_string(), s[b.clone()].to_string());
                s.replace_range(b, &ta);
                s.replace_range(a, &tb);
            }
        }
        9 if !ls.is_empty() => {
            let l = ls[rng.below(ls.len())].clone();
            let indent = *rng.pick(&["\t", " ", "  ", "   ", "\t  ", "        ", " \t"]);
            s.insert_str(l.start, indent);
        }
        10 => {
            let ending = *rng.pick(&["\r\n", "\r", "\n\n", "\u{2028}", "\u{0085}"]);
            *s = if rng.one_in(2) {
                s.replace('\n', ending)
            } else {
                s.replacen('\n', ending, rng.range(1, 3))
            };
        }
        11 => {
            let a = random_point(rng, s);
            let b = boundary(s, a + rng.range(1, 30));
            let unit = s[a..b].to_string();
            if !unit.is_empty() {
                let n = (repeat_budget(rng, knobs) / unit.len()).max(2);
                s.insert_str(b, &unit.repeat(n));
            }
        }
        _ => {
            let at = random_point(rng, s);
            s.truncate(at);
        }
    }
}

/// Rarely, bytes that are not UTF-8 (a stray continuation byte, a cut
/// multi-byte character, an overlong form).
pub fn maybe_break_utf8(rng: &mut Rng, bytes: &mut Vec<u8>) {
    if rng.one_in(40) {
        let at = rng.below(bytes.len() + 1);
        const BAD: [&[u8]; 5] = [&[0xff], &[0xc3], &[0x80], &[0xe2, 0x80], &[0xc0, 0xaf]];
        let bad = *rng.pick(&BAD);
        bytes.splice(at..at, bad.iter().copied());
    }
}
