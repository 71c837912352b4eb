//! warta's own Indonesian stemmer, written for the search (no crate: the
//! browser runs the same rules, `cands` in `client.js`, and both must give
//! the same candidates; `stem-vectors.tsv` is checked on both sides).
//!
//! After the published algorithms: Nazief & Adriani (inflection, then
//! derivation suffix, then up to three prefixes, checking a dictionary),
//! Arifin & Setiono and Asian et al.'s confix stripping (the prefix rules
//! with nasal assimilation, forbidden prefix–suffix pairs, restoring a
//! suffix when the root is poor). Our own parts: no fixed root dictionary.
//! [`candidates`] gives every plausible root, best first (a rule-of-thumb
//! penalty: a root needs two vowels, a kept suffix or an uncut prefix costs);
//! the caller picks the first one its dictionary holds, the site's own words
//! (`text::Analyzer`), or else the first. `stem-id.txt` lists roots never to
//! cut and a few surface → stem pairs.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::sync::OnceLock;

const STEM_DATA: &str = include_str!("stem-id.txt");

/// Roots never cut, and `surface → stem` overrides (`stem-id.txt`).
pub struct Lists {
    pub keep: HashSet<String>,
    pub map: HashMap<String, String>,
    /// Kept roots that end like a suffix (`sekolah`, `tanya`): a word that
    /// ends in one keeps that ending.
    ending: Vec<String>,
}

/// The lists of `stem-id.txt`, also sent to the browser (see
/// [`lists_json`]).
pub fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut keep = HashSet::new();
        let mut map = HashMap::new();
        for line in STEM_DATA.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mut parts = line.split_whitespace();
            match (parts.next(), parts.next()) {
                (Some(root), None) => {
                    keep.insert(root.to_string());
                }
                (Some(surface), Some(stem)) => {
                    map.insert(surface.to_string(), stem.to_string());
                }
                _ => {}
            }
        }
        let mut ending: Vec<String> = keep
            .iter()
            .filter(|k| SUFFIXES.iter().any(|s| k.ends_with(s)))
            .cloned()
            .collect();
        ending.sort();
        Lists { keep, map, ending }
    })
}

/// `[[kept roots…], {surface: stem…}]`, sorted, for `client.js`.
pub fn lists_json() -> String {
    let l = lists();
    let mut keep: Vec<&String> = l.keep.iter().collect();
    keep.sort();
    let map: std::collections::BTreeMap<&String, &String> = l.map.iter().collect();
    serde_json::to_string(&(keep, map)).expect("lists serialise")
}

const SUFFIXES: [&str; 11] = [
    "lah", "kah", "tah", "pun", "nya", "ku", "mu", "kan", "an", "i", "isme",
];

/// One candidate root: lower `pen` is better; `prefixed` if a prefix was
/// taken off (strong evidence of a derived word).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cand {
    pub root: String,
    pub pen: u8,
    pub prefixed: bool,
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

pub fn vowels(s: &str) -> usize {
    s.bytes().filter(|&b| is_vowel(b)).count()
}

/// What may stand before a kept root in [`guarded`]: nothing or a prefix.
const BEFORE: [&str; 19] = [
    "", "di", "ke", "se", "be", "ber", "te", "ter", "pe", "per", "me", "mem", "men", "meng",
    "meny", "pem", "pen", "peng", "peny",
];

/// Whether `x` is a kept root that ends in `suf`, or a prefix and one (so
/// `suf` stays: `bertanya`, but not `ceritanya`).
fn guarded(x: &str, suf: &str) -> bool {
    lists().ending.iter().any(|k| {
        k.ends_with(suf)
            && x.strip_suffix(k.as_str())
                .is_some_and(|rest| BEFORE.contains(&rest))
    })
}

/// Every plausible root of a folded word, best first, never empty. Words
/// shorter than 4 letters, with digits or other letters than `a`–`z`, or on
/// the keep list are their own root.
pub fn candidates(w: &str) -> Vec<Cand> {
    let l = lists();
    let one = |s: &str| vec![cand(s, 0, false)];
    if let Some(s) = l.map.get(w) {
        return one(s);
    }
    if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) || l.keep.contains(w) {
        return one(w);
    }
    // Inflection off; the whole word stays a (poorer) alternative.
    let (b, weak) = inflection(w);
    if let Some(s) = l.map.get(b) {
        return one(s);
    }
    if l.keep.contains(b) {
        return one(b);
    }
    let mut out = Vec::new();
    derive(b, 0, &mut out);
    if b != w {
        let mut whole = Vec::new();
        derive(w, 2, &mut whole);
        // -ku and -mu are rare in news: where only the whole word shows a
        // prefix, it more likely ends so (`pelaku`, `bertemu`).
        if weak && !out.iter().any(|c| c.prefixed) && whole.iter().any(|c| c.prefixed) {
            for c in &mut out {
                c.pen += 3;
            }
        }
        out.extend(whole);
    }
    out.sort_by_key(|c| c.pen);
    let mut seen = HashSet::new();
    out.retain(|c| seen.insert(c.root.clone()));
    out
}

/// `w` without its particle (-lah -kah -tah -pun), then its possessive
/// (-nya -ku -mu), each only where two vowels remain; `true` if -ku or -mu
/// went.
pub fn inflection(w: &str) -> (&str, bool) {
    let mut b = w;
    let mut weak = false;
    for set in [&SUFFIXES[..4], &SUFFIXES[4..7]] {
        for s in set {
            if let Some(x) = b.strip_suffix(s) {
                if vowels(x) >= 2 && !guarded(b, s) {
                    b = x;
                    weak = s.len() == 2;
                }
                break;
            }
        }
    }
    (b, weak)
}

/// Derivation suffix options of `b`, each stripped of prefixes.
fn derive<'a>(b: &'a str, pen: u8, out: &mut Vec<Cand>) {
    let mut opts: Vec<(&'a str, &'static str, u8)> = Vec::new();
    let cut = |suf: &'static str, extra: u8, opts: &mut Vec<(&'a str, &'static str, u8)>| {
        if let Some(x) = b.strip_suffix(suf) {
            if vowels(x) >= 2 && !guarded(b, suf) {
                opts.push((x, suf, pen + extra));
            }
        }
    };
    for suf in ["isasi", "isme"] {
        cut(suf, 0, &mut opts);
    }
    if b.ends_with("kan") {
        cut("kan", 0, &mut opts);
        cut("an", 1, &mut opts);
    } else if b.ends_with("an") {
        cut("an", 0, &mut opts);
    } else if let Some(x) = b.strip_suffix('i') {
        // Not after s (`literasi`), nor g unless ng (`teknologi`); after a
        // (`pakai`, `mewarnai`) keeping the i is likelier.
        let last = x.as_bytes()[x.len() - 1];
        if last != b's' && (last != b'g' || x.ends_with("ng")) {
            cut("i", if last == b'a' { 3 } else { 0 }, &mut opts);
        }
    }
    let keep = if opts.is_empty() { pen } else { pen + 2 };
    opts.push((b, "", keep));
    for (x, suf, p) in opts {
        let start = out.len();
        strip(x, suf, 0, "", p, out);
        // -kan without a prefix is rare (an imperative): -an, or no
        // suffix, is likelier (`masakan`, `dimakan`).
        if suf == "kan" {
            for c in &mut out[start..] {
                if !c.prefixed {
                    c.pen += 3;
                }
            }
        }
    }
}

fn cand(root: &str, pen: u8, prefixed: bool) -> Cand {
    Cand {
        root: root.to_string(),
        pen: pen + if vowels(root) < 2 { 8 } else { 0 },
        prefixed,
    }
}

/// Prefix and suffix that never go together (Nazief & Adriani).
fn forbidden(prefix: &str, suf: &str) -> bool {
    matches!(
        (prefix, suf),
        ("di", "an")
            | ("ke", "i")
            | ("ke", "kan")
            | ("me", "an")
            | ("se", "i")
            | ("se", "kan")
            | ("be", "i")
            | ("te", "an")
            | ("pe", "kan")
    )
}

/// Takes prefixes off `x` (up to three), pushing every root reached.
fn strip(x: &str, suf: &str, depth: u8, prev: &str, pen: u8, out: &mut Vec<Cand>) {
    // A listed root is as sure as a prefix taken off.
    let l = lists();
    if let Some(s) = l.map.get(x) {
        out.push(cand(s, pen, true));
        return;
    }
    if l.keep.contains(x) {
        out.push(cand(x, pen, true));
        return;
    }
    // Remainders under three letters mean the prefix is part of the root.
    let rule = if depth < 3 {
        prefix(x, depth, prev)
    } else {
        None
    };
    let rule = rule.map(|(f, r)| {
        (
            f,
            r.into_iter().filter(|r| r.len() >= 3).collect::<Vec<_>>(),
        )
    });
    let Some((family, rests)) = rule.filter(|r| !r.1.is_empty()) else {
        out.push(cand(x, pen, depth > 0));
        return;
    };
    if depth == 0 && forbidden(family, suf) {
        return;
    }
    let start = out.len();
    for r in &rests {
        strip(r, suf, depth + 1, family, pen, out);
    }
    // A root of one vowel is poor (`bersih` is not ber-sih): the word
    // before this prefix stays an alternative.
    if !out[start..].iter().any(|c| vowels(&c.root) >= 2) {
        out.push(cand(x, pen + if depth > 0 { 1 } else { 4 }, depth > 0));
    }
}

/// The prefix at the start of `x` and what may remain after it, likeliest
/// first: `(family, remainders)`. Families: di, me, ke, se, be, te, pe; di,
/// me and ke only first, se only first or after ke/pe, none twice running.
fn prefix(x: &str, depth: u8, prev: &str) -> Option<(&'static str, Vec<String>)> {
    let b = x.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let v = |i: usize| is_vowel(at(i));
    let cons = |i: usize| at(i).is_ascii_lowercase() && !v(i);
    let from = |i: usize| x[i..].to_string();
    let with = |p: &str, i: usize| format!("{p}{}", &x[i..]);
    let one = |fam: &'static str, i: usize| Some((fam, vec![from(i)]));
    // meN- and peN-: `n` is where the nasal starts (2).
    let nasal = |fam: &'static str| -> Option<(&'static str, Vec<String>)> {
        let rest = &x[2..];
        if let Some(r) = rest.strip_prefix("ng") {
            let c = at(4);
            if b"ghqk".contains(&c) {
                return one(fam, 4);
            }
            if v(4) {
                let mut list = vec![r.to_string(), format!("k{r}")];
                if let Some(e) = r.strip_prefix('e') {
                    list.push(e.to_string()); // menge-: a one-syllable root
                }
                return Some((fam, list));
            }
            return None;
        }
        if rest.starts_with("ny") && v(4) {
            return Some((fam, vec![with("s", 4), with("ny", 4)]));
        }
        if let Some(r) = rest.strip_prefix('m') {
            let c = at(3);
            if b"bfvp".contains(&c) {
                return one(fam, 3);
            }
            if v(3) || c == b'r' {
                return Some((fam, vec![format!("p{r}"), format!("m{r}")]));
            }
            return None;
        }
        if let Some(r) = rest.strip_prefix('n') {
            let c = at(3);
            if b"cdjzst".contains(&c) {
                return one(fam, 3);
            }
            if v(3) {
                return Some((fam, vec![format!("t{r}"), format!("n{r}")]));
            }
        }
        None
    };
    if depth == 0 {
        if x.starts_with("di") {
            return one("di", 2);
        }
        if x.starts_with("me") {
            if let Some(r) = nasal("me") {
                return Some(r);
            }
            if b"lrwy".contains(&at(2)) && v(3) {
                return one("me", 2);
            }
            return None;
        }
    }
    // ke- also inside ber- (`berkegiatan`, `berkelanjutan`).
    if x.starts_with("ke") && (depth == 0 || prev == "be") {
        return one("ke", 2);
    }
    if x.starts_with("se") && (depth == 0 || prev == "ke" || prev == "pe") {
        return one("se", 2);
    }
    if prev != "be" && x.starts_with("be") {
        if x.starts_with("belajar") {
            return one("be", 3);
        }
        if cons(2) && at(2) != b'r' && at(2) != b'l' && x[3..].starts_with("er") {
            return one("be", 2);
        }
        if at(2) == b'r' {
            return Some((
                "be",
                if v(3) {
                    vec![from(3), from(2)]
                } else {
                    vec![from(3)]
                },
            ));
        }
    }
    if prev != "te" && x.starts_with("te") {
        if cons(2) && at(2) != b'r' && x[3..].starts_with("er") {
            return one("te", 2);
        }
        if at(2) == b'r' {
            return Some((
                "te",
                if v(3) {
                    vec![from(3), from(2)]
                } else {
                    vec![from(3)]
                },
            ));
        }
    }
    if prev != "pe" && x.starts_with("pe") {
        if let Some(r) = nasal("pe") {
            return Some(r);
        }
        if at(2) == b'r' {
            return Some((
                "pe",
                if v(3) {
                    vec![from(3), from(2)]
                } else {
                    vec![from(3)]
                },
            ));
        }
        if x.starts_with("pelajar") {
            return one("pe", 3);
        }
        if (b"lwymn".contains(&at(2)) && v(3)) || cons(2) && !b"rwylmn".contains(&at(2)) {
            return one("pe", 2);
        }
    }
    None
}

/// The stem of a folded word: the first candidate `known` accepts, else
/// the best candidate.
pub fn stem_with(w: &str, known: impl Fn(&str) -> bool) -> String {
    let c = candidates(w);
    c.iter()
        .find(|c| known(&c.root))
        .unwrap_or(&c[0])
        .root
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `STEM_WORDS="a b" cargo test --lib show_candidates -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn show_candidates() {
        for w in std::env::var("STEM_WORDS")
            .unwrap_or_default()
            .split_whitespace()
        {
            println!("{w}: {:?}", candidates(w));
        }
    }

    fn roots(w: &str) -> Vec<String> {
        candidates(w).into_iter().map(|c| c.root).collect()
    }

    fn stem(w: &str) -> String {
        stem_with(w, |_| false)
    }

    #[test]
    fn nasal_assimilation_both_ways() {
        assert_eq!(roots("meningkatkan")[0], "tingkat");
        assert_eq!(roots("menanam"), ["tanam", "nanam"]);
        assert_eq!(stem_with("menanti", |r| r == "nanti"), "nanti");
        assert_eq!(roots("mengembangkan")[..2], ["embang", "kembang"]);
        assert_eq!(stem_with("mengembangkan", |r| r == "kembang"), "kembang");
        assert_eq!(roots("memanfaatkan")[..2], ["panfaat", "manfaat"]);
        assert_eq!(stem_with("memasak", |r| r == "masak"), "masak");
        assert_eq!(stem("menyanyikan"), "sanyi");
        assert_eq!(stem_with("menyanyikan", |r| r == "nyanyi"), "nyanyi");
        assert_eq!(stem("membangun"), "bangun");
        assert_eq!(stem("mencintai"), "cintai");
        assert_eq!(stem_with("mencintai", |r| r == "cinta"), "cinta");
        assert_eq!(stem("menulis"), "tulis");
        assert_eq!(stem("pengunjung"), "unjung");
        assert_eq!(roots("pengunjung")[1], "kunjung");
        assert_eq!(stem("pembaca"), "baca");
        assert_eq!(stem("pemustaka"), "pustaka");
    }

    #[test]
    fn ber_ter_per_and_confixes() {
        for (w, s) in [
            ("bersekolah", "sekolah"),
            ("beternak", "ternak"),
            ("bekerja", "kerja"),
            ("belajar", "ajar"),
            ("pelajar", "ajar"),
            ("pembelajaran", "ajar"),
            ("bertahan", "tahan"),
            ("bersih", "bersih"),
            ("tergerak", "gerak"),
            ("teterbang", "terbang"),
            ("perpustakaan", "pustaka"),
            ("perpustakaannya", "pustaka"),
            ("kegiatan", "giat"),
            ("keberuntunganmu", "untung"),
            ("memberdayakan", "daya"),
            ("pemberian", "beri"),
            ("berikan", "beri"),
            ("dimakan", "makan"),
            ("menahan", "tahan"),
            ("pelanggan", "langgan"),
            ("pelaku", "laku"),
            ("bertanya", "tanya"),
            ("kebijakan", "bijak"),
            ("idealisme", "ideal"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn particles_possessives_and_kept_roots() {
        for (w, s) in [
            ("bukunya", "buku"),
            ("buku", "buku"),
            ("bukumukah", "buku"),
            ("hancurlah", "hancur"),
            ("siapapun", "siapa"),
            ("tanya", "tanya"),
            ("ilmu", "ilmu"),
            ("sekolah", "sekolah"),
            ("sekolahnya", "sekolah"),
            ("berita", "berita"),
            ("pemberitaan", "berita"),
            ("literasi", "literasi"),
            ("teknologi", "teknologi"),
            ("2024", "2024"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
        assert_eq!(stem_with("mandiri", |r| r == "mandiri"), "mandiri");
        assert_eq!(stem_with("pakai", |r| r == "pakai"), "pakai");
        assert_eq!(stem_with("mewarnai", |r| r == "warna"), "warna");
    }
}
