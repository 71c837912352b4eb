//! Writing YAML: values for files that warta writes (import, `warta new`).

use super::Value;

/// Serializes a value for writers of YAML (import, `warta new`).
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

/// A string as a YAML scalar for writers: plain when it reads back as the
/// same string in a `key: value` position (and in YAML 1.1 readers too),
/// double-quoted otherwise (`"0812…"`, `"2024"`, `"yes"`, `"a: b"`).
pub fn scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_string()
    } else {
        quoted(s)
    }
}

/// The double-quoted form of `s`. JSON string escapes are valid YAML.
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{}\"", s.escape_default()))
}

/// Words that YAML 1.1 readers take for booleans or null; quoted always.
const KEYWORDS: &[&str] = &[
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
];

fn plain_is_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s
        || s.chars().any(|c| c.is_control())
        || KEYWORDS.contains(&s.to_lowercase().as_str())
    {
        return false;
    }
    // Number-like text (`0812…`, `2024`, `1_000`, `2024-01-02`, `12:30`)
    // reads as a number or date in some YAML readers: always quoted.
    if s.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
        && s.chars()
            .all(|c| c.is_ascii_digit() || "+-._:eExXoObB ".contains(c))
    {
        return false;
    }
    // Fast path: a letter, then letters, digits and harmless punctuation.
    if first.is_alphabetic()
        && s.chars()
            .all(|c| c.is_alphanumeric() || " .,()/'-_&+@!?%*".contains(c))
    {
        return true;
    }
    // Otherwise ask warta's own reader whether the plain form reads back
    // unchanged, with nothing to complain about.
    let doc = format!("k: {s}\n");
    match super::parse(&doc, crate::diag::FileId(0), 0) {
        Ok(d) => {
            d.spans.problems_in("").is_empty()
                && matches!(&d.value, Value::Map(m) if m.len() == 1)
                && d.value.get("k").and_then(Value::as_str) == Some(s)
        }
        Err(_) => false,
    }
}

/// `s` as a folded block (`>-`) whose lines start at `indent` spaces and
/// stay within `width` columns where words allow, or `None` when folding
/// would not read back as the same string (line breaks, runs of spaces,
/// control characters, leading or trailing spaces).
pub fn folded(s: &str, indent: usize, width: usize) -> Option<String> {
    if s.is_empty()
        || s.trim() != s
        || s.contains("  ")
        || s.chars().any(|c| c.is_control() || c == '\u{feff}')
    {
        return None;
    }
    let pad = " ".repeat(indent);
    let room = width.saturating_sub(indent).max(20);
    let mut out = String::from(">-");
    let mut line = String::new();
    for word in s.split(' ') {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push('\n');
            out.push_str(&pad);
            out.push_str(&line);
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push('\n');
    out.push_str(&pad);
    out.push_str(&line);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for s in [
            "Kabupaten Kudus",
            "0812345678",
            "2024",
            "yes",
            "No",
            "a: b",
            "x #y",
            "- z",
            "[x",
            "*a",
            "&a b",
            "!t",
            "@home",
            "%d",
            "'q'",
            "\"dq\"",
            " lead",
            "trail ",
            "",
            "~",
            "null",
            "Jl. Merdeka No. 1, RT 02/RW 03",
            "(0322) 000000",
            "+62 812",
            "perpus@example.id",
            "https://example.org/a?b=c#d",
            "1.5",
            "0x1F",
            ".inf",
            "2023-S2",
            "tab\there",
            "line\nbreak",
            "Désa Ñ 😀",
            "a:b",
            "? q",
            "|",
            ">",
            "{a}",
            "k: v, w",
        ] {
            let doc = format!("k: {}\n", scalar(s));
            // Read back by warta and by serde_yaml (libyaml, another reader).
            let back = super::super::parse(&doc, FileId(0), 0)
                .unwrap_or_else(|e| panic!("{s:?}: {}", e.message.en()))
                .value;
            let theirs: serde_yaml::Value = serde_yaml::from_str(&doc).unwrap();
            assert_eq!(theirs.get("k").and_then(serde_yaml::Value::as_str), Some(s));
            assert_eq!(
                back.get("k").and_then(Value::as_str),
                Some(s),
                "{s:?} written as {doc:?}"
            );
        }
        assert_eq!(scalar("Kabupaten Kudus"), "Kabupaten Kudus");
        assert_eq!(scalar("0812"), "\"0812\"");
        assert_eq!(scalar("0812345678"), "\"0812345678\"");
        assert_eq!(scalar("2024-01-02"), "\"2024-01-02\"");
        assert_eq!(scalar("(0322) 000000"), "(0322) 000000");
        assert_eq!(scalar("2023-S2"), "2023-S2");
    }

    #[test]
    fn folded_blocks_read_back_as_the_same_text() {
        let s = "Perpustakaan desa di Labruk Kidul, Lumajang: berbagi kiat # agar perpustakaan tetap aktif pada Temu Mitra TPBIS Jawa Timur 2024.";
        let f = folded(s, 4, 60).unwrap();
        assert!(
            f.lines()
                .skip(1)
                .all(|l| l.starts_with("    ") && l.len() <= 60),
            "{f}"
        );
        let back = super::super::parse(&format!("k: {f}\n"), FileId(0), 0)
            .unwrap()
            .value;
        assert_eq!(back.get("k").and_then(Value::as_str), Some(s));
        assert!(folded("two  spaces", 4, 60).is_none());
        assert!(folded("line\nbreak", 4, 60).is_none());
    }
}
