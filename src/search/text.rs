//! Text analysis, the one place that decides what a "word" is: folding,
//! tokenising, stop words and stemming. The browser never repeats this work:
//! it only folds and splits (the same two rules as [`fold_char`] and
//! [`tokens`], written again in `client.js`) and looks the folded word up in
//! the term dictionary, which carries the stem of every surface form.
//!
//! Stop words: `stopwords-id.txt`, from stopwords-iso (`stopwords-iso@1.1.0`,
//! key `id`, MIT licence), as copied in `shared/data/SOURCES.md`.
//! Stemming: Snowball's Indonesian algorithm (`snowball_stemmers_rs`, MIT),
//! overridden by `exceptions-id.txt` and by the site's own place names, which
//! are proper nouns and are never stemmed (`Kediri` is not `diri`).

use snowball_stemmers_rs::{Algorithm, Stemmer};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

const STOPWORDS: &str = include_str!("stopwords-id.txt");
const EXCEPTIONS: &str = include_str!("exceptions-id.txt");
const NFD_LATIN: &str = include_str!("nfd-latin.txt");

/// Words shorter than this (in folded bytes) are not indexed.
pub const MIN_WORD: usize = 2;
/// Words longer than this are cut (a URL or a hash in a body is not a word).
pub const MAX_WORD: usize = 32;

/// Folds one character the way `client.js` does: lower case, accents off,
/// a few letters without a decomposition spelled out; `None` for anything
/// that is not a letter or digit (a separator). May give two letters (`ß`).
pub fn fold_char(c: char, out: &mut String) -> bool {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return true;
    }
    if c.is_ascii() {
        return false;
    }
    if let Some(s) = special(c) {
        out.push_str(s);
        return true;
    }
    // Latin letters with diacritics: deunicode gives the base letter, as
    // NFD + dropping combining marks does in the browser. Anything else is a
    // separator on both sides.
    if nfd_latin().contains(&c) {
        if let Some(s) = deunicode::deunicode_char(c) {
            let mut it = s.chars();
            if let (Some(b), None) = (it.next(), it.next()) {
                if b.is_ascii_alphanumeric() {
                    out.push(b.to_ascii_lowercase());
                    return true;
                }
            }
        }
    }
    false
}

fn nfd_latin() -> &'static HashSet<char> {
    static SET: OnceLock<HashSet<char>> = OnceLock::new();
    SET.get_or_init(|| {
        NFD_LATIN
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::chars)
            .collect()
    })
}

/// Letters NFD leaves alone; `client.js` has the same table.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' | 'ǣ' | 'Ǣ' | 'ǽ' | 'Ǽ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' | 'ǿ' | 'Ǿ' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ł' | 'Ł' => "l",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        'þ' | 'Þ' => "th",
        _ => return None,
    })
}

/// The folded words of `text`, in order, stop words included, words shorter
/// than [`MIN_WORD`] dropped, longer than [`MAX_WORD`] cut.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if !fold_char(c, &mut cur) {
            push_word(&mut out, &mut cur);
        }
    }
    push_word(&mut out, &mut cur);
    out
}

fn push_word(out: &mut Vec<String>, cur: &mut String) {
    if cur.len() >= MIN_WORD {
        let mut w = std::mem::take(cur);
        w.truncate(MAX_WORD);
        out.push(w);
    } else {
        cur.clear();
    }
}

/// Folds a whole string to its words joined by single spaces.
pub fn fold(text: &str) -> String {
    tokens(text).join(" ")
}

/// The stop words (folded), sorted.
pub fn stopwords() -> &'static BTreeSet<String> {
    static SET: OnceLock<BTreeSet<String>> = OnceLock::new();
    // Entries of two words (`seolah-olah`) can never equal one query word.
    SET.get_or_init(|| {
        STOPWORDS
            .lines()
            .map(fold)
            .filter(|w| !w.is_empty() && !w.contains(' '))
            .collect()
    })
}

pub fn is_stopword(word: &str) -> bool {
    stopwords().contains(word)
}

/// `surface → stem` overrides where Snowball conflates badly or misses a
/// sound change (`menulis` → `tulis`, `berita` stays `berita`).
pub fn exceptions() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for line in EXCEPTIONS.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let mut parts = line.split_whitespace();
            if let (Some(surface), Some(stem)) = (parts.next(), parts.next()) {
                m.insert(surface.to_string(), stem.to_string());
            }
        }
        m
    })
}

/// Stems words: Snowball, the exceptions list and the site's place names
/// (kept whole). Caches every answer (a site has few distinct words).
pub struct Analyzer {
    stemmer: Stemmer,
    places: HashSet<String>,
    cache: HashMap<String, String>,
}

impl Analyzer {
    /// `places`: folded words of province, regency, district and village
    /// names; these are proper nouns and are not stemmed.
    pub fn new(places: impl IntoIterator<Item = String>) -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::Indonesian),
            places: places.into_iter().collect(),
            cache: HashMap::new(),
        }
    }

    /// Whether `word` is one of the site's place words (never stemmed).
    pub fn is_place(&self, word: &str) -> bool {
        self.places.contains(word)
    }

    /// The stem of a folded, non-stop word.
    pub fn stem(&mut self, word: &str) -> String {
        if let Some(s) = self.cache.get(word) {
            return s.clone();
        }
        let s = self.stem_uncached(word);
        self.cache.insert(word.to_string(), s.clone());
        s
    }

    /// The stem of a folded word, without caching it (for the many
    /// candidate forms of [`derived_forms`]).
    pub fn stem_fresh(&self, word: &str) -> String {
        match self.cache.get(word) {
            Some(s) => s.clone(),
            None => self.stem_uncached(word),
        }
    }

    fn stem_uncached(&self, word: &str) -> String {
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return word.to_string();
        }
        let known = |w: &str| -> Option<String> {
            if let Some(s) = exceptions().get(w) {
                return Some(s.clone());
            }
            self.places.contains(w).then(|| w.to_string())
        };
        if let Some(s) = known(word) {
            return s;
        }
        // The clitics Snowball takes off first: a particle, then a possessive.
        let mut base = word;
        for p in ["lah", "kah", "tah", "pun"] {
            if let Some(b) = base.strip_suffix(p) {
                base = b;
                break;
            }
        }
        for p in ["nya", "ku", "mu"] {
            if let Some(b) = base.strip_suffix(p) {
                base = b;
                break;
            }
        }
        if base != word && base.len() >= 3 {
            if let Some(s) = known(base) {
                return s;
            }
        }
        let s = self.stemmer.stem(word).into_owned();
        if s.len() < MIN_WORD {
            word.to_string()
        } else {
            s
        }
    }
}

/// Candidate derived forms of a stem: the common affix pairs of meN-, di-,
/// ber-, ter-, peN-, per-, ke- (with the nasal sound changes) and -kan,
/// -an, -i, -nya.
/// The index keeps those that stem back to `stem`, so a reader who types
/// `membaca` finds pages that only say `baca`.
pub fn derived_forms(stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    if stem.len() < 3 || !stem.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    let first = stem.as_bytes()[0];
    let tail = &stem[1..];
    let mut add = |prefix: &str, base: &str, suffixes: &[&str]| {
        for s in suffixes {
            out.push(format!("{prefix}{base}{s}"));
        }
    };
    add("", stem, &["kan", "an", "i", "nya"]);
    add("di", stem, &["", "kan", "i"]);
    add("ber", stem, &["", "kan", "an"]);
    add("ter", stem, &[""]);
    add("per", stem, &["an"]);
    add("ke", stem, &["an"]);
    for (me, pe) in [
        ("me", "pe"),
        ("mem", "pem"),
        ("men", "pen"),
        ("meng", "peng"),
        ("meny", "peny"),
    ] {
        add(me, stem, &["", "kan", "i"]);
        add(pe, stem, &["", "an"]);
    }
    // meN- and peN- replace a first p, t, k or s.
    let nasal = match first {
        b'p' => Some("m"),
        b't' => Some("n"),
        b'k' => Some("ng"),
        b's' => Some("ny"),
        _ => None,
    };
    if let Some(n) = nasal {
        add(&format!("me{n}"), tail, &["", "kan", "i"]);
        add(&format!("pe{n}"), tail, &["", "an"]);
    }
    out.retain(|w| w.len() <= MAX_WORD && w != stem);
    out
}

/// The analysed words of a text: `(surface, stem)` for every word that is not
/// a stop word.
pub fn analyse(an: &mut Analyzer, text: &str, out: &mut BTreeMap<String, String>) -> Vec<String> {
    let mut stems = Vec::new();
    for w in tokens(text) {
        if is_stopword(&w) {
            continue;
        }
        let s = an.stem(&w);
        out.entry(w).or_insert_with(|| s.clone());
        stems.push(s);
    }
    stems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> String {
        Analyzer::new(Vec::new()).stem(w)
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(
            tokens("Perpustakaan DESA Loram-Wetan"),
            ["perpustakaan", "desa", "loram", "wetan"]
        );
        assert_eq!(
            tokens("Café «Pojok» Baca, 2024!"),
            ["cafe", "pojok", "baca", "2024"]
        );
        assert_eq!(tokens("Ærø Straße Łódź"), ["aero", "strasse", "lodz"]);
        assert_eq!(fold("  Jawa   Tengah "), "jawa tengah");
    }

    #[test]
    fn drops_single_letters_and_cuts_long_words() {
        assert_eq!(tokens("a b cd"), ["cd"]);
        let long = "x".repeat(50);
        assert_eq!(tokens(&long)[0].len(), MAX_WORD);
    }

    #[test]
    fn stop_words_come_from_the_list() {
        assert!(is_stopword("yang"));
        assert!(is_stopword("di"));
        assert!(is_stopword("dan"));
        assert!(!is_stopword("perpustakaan"));
        assert!(!is_stopword("baca"));
        assert!(stopwords().len() > 700);
        assert!(stopwords().iter().all(|w| !w.contains(' ')));
    }

    #[test]
    fn derived_words_share_their_root() {
        for w in [
            "membaca",
            "bacaan",
            "baca",
            "pembaca",
            "dibaca",
            "membacakan",
        ] {
            assert_eq!(stem(w), "baca", "{w}");
        }
        assert_eq!(stem("perpustakaannya"), stem("perpustakaan"));
        assert_eq!(stem("pelatihan"), stem("melatih"));
        assert_eq!(stem("kegiatan"), "giat");
    }

    #[test]
    fn exceptions_fix_bad_conflations() {
        assert_eq!(stem("berita"), "berita");
        assert_eq!(stem("beritanya"), "berita");
        assert_eq!(stem("pemberitaan"), "berita");
        assert_eq!(stem("menulis"), "tulis");
        assert_eq!(stem("penulis"), "tulis");
        assert_eq!(stem("ditulis"), "tulis");
        assert_eq!(stem("sekolah"), "sekolah");
        assert_eq!(stem("sekolahnya"), "sekolah");
        assert_eq!(stem("keterampilan"), stem("terampil"));
        assert_eq!(stem("bertemu"), stem("pertemuan"));
        assert_ne!(stem("perangkat"), stem("angkat"));
        assert_ne!(stem("maluku"), stem("malu"));
    }

    #[test]
    fn place_names_are_not_stemmed() {
        let mut an = Analyzer::new(["kediri".to_string(), "sungai".to_string()]);
        assert_eq!(an.stem("kediri"), "kediri");
        assert_eq!(an.stem("kedirinya"), "kediri");
        assert_eq!(an.stem("sungai"), "sungai");
        assert_eq!(an.stem("diri"), "diri");
        assert_eq!(an.stem("2024"), "2024");
    }

    #[test]
    fn analyse_skips_stop_words_and_maps_surfaces() {
        let mut an = Analyzer::new(Vec::new());
        let mut map = BTreeMap::new();
        let stems = analyse(&mut an, "Warga yang membaca di perpustakaan", &mut map);
        assert_eq!(stems, ["warga", "baca", "pustaka"]);
        assert_eq!(map["membaca"], "baca");
        assert!(!map.contains_key("yang"));
    }
}
