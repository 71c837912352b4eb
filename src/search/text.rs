//! Text analysis, the one place that decides what a "word" is: folding,
//! tokenising, stop words and stemming. The browser repeats the folding and
//! splitting (`fold`, `words` in `client.js`) and the stemmer's candidates
//! (`cands`, for query words the site never contained); a surface form the
//! site contains is looked up in the term dictionary, which carries its stem.
//!
//! Stop words: `stopwords-id.txt`, stopwords-iso (`stopwords-iso@1.1.0`,
//! key `id`, MIT) less the content words readers search for (its header).
//! Stemming: [`super::stem`], with the site's own words as the dictionary
//! that settles ambiguous cuts, and the site's place names, proper nouns
//! never stemmed (`Kediri` is not `diri`).

use super::stem;
use foldhash::{HashMap, HashMapExt, HashSet};
use rayon::prelude::*;
use std::sync::OnceLock;

const STOPWORDS: &str = include_str!("stopwords-id.txt");
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
    for_each_word(text, &mut String::new(), |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each word of `text` as [`tokens`] gives it, folded into
/// `buf` (reused: no allocation per word).
pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    buf.clear();
    for c in text.chars() {
        if !fold_char(c, buf) {
            end_word(buf, &mut f);
        }
    }
    end_word(buf, &mut f);
}

fn end_word(buf: &mut String, f: &mut impl FnMut(&str)) {
    if buf.len() >= MIN_WORD {
        // Folded words are ASCII: any cut is a character boundary.
        buf.truncate(MAX_WORD);
        f(buf);
    }
    buf.clear();
}

/// Folds a whole string to its words joined by single spaces.
pub fn fold(text: &str) -> String {
    tokens(text).join(" ")
}

/// The stop words (folded): a hash set, as every distinct word of a site
/// is tested against it.
pub fn stopwords() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    // Entries of two words (`seolah-olah`) can never equal one query word.
    SET.get_or_init(|| {
        STOPWORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(fold)
            .filter(|w| !w.is_empty() && !w.contains(' '))
            .collect()
    })
}

pub fn is_stopword(word: &str) -> bool {
    stopwords().contains(word)
}

/// Stems a site's words. Its dictionary is the site itself: every word it
/// contains, plus the root of every word whose prefix leaves one clear root
/// (`membaca` → `baca` though `baca` never occurs alone), so `bacaan` picks
/// `baca` over keeping its `-an`, and `menanam` picks `tanam` or `nanam`
/// by which one the site has.
pub struct Analyzer {
    places: HashSet<String>,
    words: HashSet<String>,
    /// Root → how many words lead to it.
    roots: HashMap<String, usize>,
    /// Each word's root after the first pass, where it is not the word.
    first: HashMap<String, String>,
    /// Each word's candidates, computed once.
    cands: HashMap<String, Vec<stem::Cand>>,
}

fn count<'a>(roots: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for r in roots {
        *m.entry(r.clone()).or_insert(0) += 1;
    }
    m
}

/// A word's stem and the other roots it might have had (the index makes
/// them lead to the stem, so a reader who types one finds the word).
pub struct Analysis {
    pub stem: String,
    pub others: Vec<String>,
}

impl Analyzer {
    /// `words`: the site's distinct folded non-stop words. `places`: folded
    /// words of province, regency, district and village names, which are
    /// proper nouns and never stemmed.
    pub fn new(words: &[&str], places: impl IntoIterator<Item = String>) -> Self {
        // Pass 1: a root counts when another word has it as its one best
        // root. Pass 2: when another word was stemmed to it.
        let all: Vec<Vec<stem::Cand>> = words.par_iter().map(|w| stem::candidates(w)).collect();
        let best: Vec<Option<String>> = words
            .iter()
            .zip(&all)
            .map(|(w, c)| {
                let one = c[0].pen == 0 && c.get(1).is_none_or(|d| d.pen > 0);
                (one && c[0].root != *w).then(|| c[0].root.clone())
            })
            .collect();
        let mut an = Analyzer {
            places: places.into_iter().collect(),
            words: words.iter().map(|w| w.to_string()).collect(),
            roots: HashMap::new(),
            first: HashMap::new(),
            cands: words.iter().map(|w| w.to_string()).zip(all).collect(),
        };
        an.roots = count(best.iter().flatten());
        let first: Vec<Option<String>> = words
            .par_iter()
            .zip(&best)
            .map(|(w, own)| {
                let s = an.pick(w, own.as_deref());
                (s != *w).then_some(s)
            })
            .collect();
        an.roots = count(first.iter().flatten());
        an.first = words
            .iter()
            .zip(first)
            .filter_map(|(w, s)| s.map(|s| (w.to_string(), s)))
            .collect();
        an
    }

    /// The first candidate root of `w` that the site has: one of its words,
    /// or a root of another word (`own` is `w`'s own contribution).
    fn pick(&self, w: &str, own: Option<&str>) -> String {
        if let Some(p) = self.places.get(stem::inflection(w).0) {
            return p.clone();
        }
        let fresh;
        let cands = match self.cands.get(w) {
            Some(c) => c,
            None => {
                fresh = stem::candidates(w);
                &fresh
            }
        };
        let known = |r: &str| {
            let n = self.roots.get(r).copied().unwrap_or(0);
            self.words.contains(r) || n > usize::from(own == Some(r))
        };
        cands
            .iter()
            .find(|c| known(&c.root))
            .unwrap_or(&cands[0])
            .root
            .clone()
    }

    /// Whether `word` is one of the site's place words (never stemmed).
    pub fn is_place(&self, word: &str) -> bool {
        self.places.contains(word)
    }

    /// The stem of a folded, non-stop word and its other candidate roots.
    pub fn analyse(&self, word: &str) -> Analysis {
        let stem = self.pick(word, self.own(word).as_deref());
        let others = if self.places.contains(&stem) {
            Vec::new()
        } else {
            // Roots of one vowel are too poor to lead anywhere.
            let fresh;
            let cands = match self.cands.get(word) {
                Some(c) => c,
                None => {
                    fresh = stem::candidates(word);
                    &fresh
                }
            };
            cands
                .iter()
                .filter(|c| c.root != stem && c.pen < 8)
                .map(|c| c.root.clone())
                .collect()
        };
        Analysis { stem, others }
    }

    /// What `word` added to the root counts of the second pass.
    fn own(&self, word: &str) -> Option<String> {
        self.first.get(word).cloned()
    }

    pub fn stem(&self, word: &str) -> String {
        self.analyse(word).stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(words: &[&str]) -> Analyzer {
        Analyzer::new(words, Vec::new())
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
        let mut seen = Vec::new();
        for_each_word("Satu, dua; TIGA", &mut String::from("junk"), |w| {
            seen.push(w.to_string())
        });
        assert_eq!(seen, ["satu", "dua", "tiga"]);
    }

    #[test]
    fn stop_words_are_function_words_only() {
        for w in ["yang", "di", "dan", "adalah", "dengan"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in [
            "perpustakaan",
            "baca",
            "baru",
            "besar",
            "baik",
            "depan",
            "kurang",
            "bekerja",
            "dimulai",
            "umum",
            "tengah",
            "dini",
        ] {
            assert!(!is_stopword(w), "{w} carries meaning");
        }
        assert!(stopwords().len() > 500);
        assert!(stopwords()
            .iter()
            .all(|w| !w.contains(' ') && !w.contains('#')));
    }

    #[test]
    fn the_site_settles_ambiguous_cuts() {
        // `membaca` leaves one clear root, so `bacaan` keeps no -an.
        let an = site(&["membaca", "bacaan"]);
        assert_eq!(an.stem("bacaan"), "baca");
        assert_eq!(an.stem("membaca"), "baca");
        // A root the site contains wins.
        assert_eq!(site(&["menanam"]).stem("menanam"), "tanam");
        assert_eq!(site(&["menanti", "nanti"]).stem("menanti"), "nanti");
        assert_eq!(site(&["memasak", "masak"]).stem("memasak"), "masak");
        let a = site(&["memasak"]).analyse("memasak");
        assert_eq!(
            (a.stem.as_str(), a.others),
            ("pasak", vec!["masak".to_string()])
        );
        // A root-like word without a prefix keeps its ending.
        assert_eq!(site(&["kawasan"]).stem("kawasan"), "kawasan");
        assert_eq!(site(&["mandiri"]).stem("mandiri"), "mandiri");
    }

    #[test]
    fn place_names_are_not_stemmed() {
        let an = Analyzer::new(&["kediri", "diri"], ["kediri".to_string()]);
        assert_eq!(an.stem("kediri"), "kediri");
        assert_eq!(an.stem("kedirinya"), "kediri");
        assert!(an.is_place("kediri"));
        assert_eq!(an.stem("diri"), "diri");
        assert_eq!(an.stem("2024"), "2024");
    }
}
