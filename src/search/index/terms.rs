//! The term side of the index: the site's words and stems, their posting
//! lists, and the dictionary cut into term chunks (`<hash>.bin`).

use super::{chunk_url, content_hash, encode_postings, SHORT_BOUNDARY, TERM_CHUNK, TERM_CHUNK_MAX};
use crate::search::chunk::{Chunk, Target};
use crate::search::docs;
use crate::search::text::{self, Analysis};
use foldhash::{HashMap, HashSet, HashSetExt};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The shortest prefix of `first` that sorts after `prev_last`.
fn boundary(prev_last: &str, first: &str) -> String {
    for n in 1..=first.len() {
        if first.is_char_boundary(n) && &first[..n] > prev_last {
            return first[..n].to_string();
        }
    }
    first.to_string()
}

/// The site's distinct words, sorted, without stop words (the stop test
/// once a distinct word).
pub(super) fn site_words(docs: &[docs::Doc]) -> Vec<&str> {
    let distinct: HashSet<&str> = docs
        .par_iter()
        .fold(HashSet::new, |mut set, d| {
            set.extend(d.words.iter().map(|(w, _)| w));
            set
        })
        .reduce(HashSet::new, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            a.extend(b);
            a
        });
    let mut words: Vec<&str> = distinct
        .into_iter()
        .filter(|w| !text::is_stopword(w))
        .collect();
    words.par_sort_unstable();
    words
}

/// The site's stems, numbered in sorted order, and the stem of each word.
pub(super) struct Stems<'a> {
    sorted: Vec<&'a str>,
    id: HashMap<&'a str, u32>,
    pub(super) of_word: HashMap<&'a str, u32>,
}

pub(super) fn number_stems<'a>(words: &[&'a str], analyses: &'a [Analysis]) -> Stems<'a> {
    let mut sorted: Vec<&str> = analyses.iter().map(|a| a.stem.as_str()).collect();
    sorted.par_sort_unstable();
    sorted.dedup();
    let id: HashMap<&str, u32> = sorted
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();
    let of_word: HashMap<&str, u32> = words
        .iter()
        .zip(analyses)
        .map(|(w, a)| (*w, id[a.stem.as_str()]))
        .collect();
    Stems {
        sorted,
        id,
        of_word,
    }
}

/// Postings: stem → (doc, best field), docs ascending; each list encoded.
pub(super) fn postings(docs: &[docs::Doc], stems: &Stems) -> Vec<Vec<u8>> {
    let per_doc: Vec<Vec<(u32, u8)>> = docs
        .par_iter()
        .map(|d| doc_stems(&d.words, &stems.of_word))
        .collect();
    let mut postings: Vec<Vec<(u32, u8)>> = vec![Vec::new(); stems.sorted.len()];
    // Each list is dropped once moved, the lists once encoded: the
    // postings are in memory once.
    for (d, list) in per_doc.into_iter().enumerate() {
        for (s, f) in list {
            postings[s as usize].push((d as u32, f));
        }
    }
    postings
        .into_par_iter()
        .map(|p| {
            let mut b = Vec::new();
            encode_postings(&p, &mut b);
            b
        })
        .collect()
}

/// A document's distinct stems, each with the best field holding it.
fn doc_stems(words: &docs::Words, of_word: &HashMap<&str, u32>) -> Vec<(u32, u8)> {
    let mut v: Vec<(u32, u8)> = words
        .iter()
        .filter_map(|(w, f)| of_word.get(w).map(|&s| (s, f)))
        .collect();
    v.sort_unstable();
    v.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
    v
}

/// What a word of the term chunks leads to.
pub(super) enum Word {
    Stem(u32),
    Stop,
    Alias(String),
}

/// The words of the term chunks: every word the site contains, every stem,
/// every stop word, and aliases: the other likely roots of a word (`masak`
/// when `memasak` was cut to `pasak`), leading to its stem, so a reader who
/// types a root the site never has alone still finds its forms.
pub(super) fn dictionary(analyses: &[Analysis], stems: &Stems) -> BTreeMap<String, Word> {
    let mut dict: BTreeMap<String, Word> = BTreeMap::new();
    let mut alias: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for a in analyses {
        for o in &a.others {
            *alias.entry(o).or_default().entry(&a.stem).or_default() += 1;
        }
    }
    for (o, targets) in alias {
        // The stem most words lead to (the first of them on a tie).
        let best = targets
            .iter()
            .max_by(|x, y| x.1.cmp(y.1).then(y.0.cmp(x.0)));
        if let Some((stem, _)) = best {
            dict.insert(o.to_string(), Word::Alias(stem.to_string()));
        }
    }
    for s in &stems.sorted {
        dict.insert(s.to_string(), Word::Stem(stems.id[s]));
    }
    for (w, &s) in &stems.of_word {
        dict.insert(w.to_string(), Word::Stem(s));
    }
    for s in text::stopwords() {
        dict.insert(s.clone(), Word::Stop);
    }
    dict
}

/// The dictionary cut into term chunks (see [`TERM_CHUNK`]), each holding
/// the posting lists its words lead to.
pub(super) fn term_chunks(dict: &BTreeMap<String, Word>, encoded: &[Vec<u8>]) -> Vec<Chunk> {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut cur = Chunk::default();
    let keys: Vec<&String> = dict.keys().collect();
    for (i, (w, kind)) in dict.iter().enumerate() {
        let list = match kind {
            Word::Stop => Target::Stop,
            Word::Alias(stem) => {
                cur.size += stem.len() + 1;
                Target::Alias(stem.clone())
            }
            Word::Stem(sid) => {
                let idx = match cur.list_of.get(sid) {
                    Some(&i) => i,
                    None => {
                        let bytes = encoded[*sid as usize].clone();
                        cur.size += bytes.len();
                        cur.lists.push(bytes);
                        cur.list_of.insert(*sid, cur.lists.len() - 1);
                        cur.lists.len() - 1
                    }
                };
                Target::List(idx)
            }
        };
        cur.size += w.len() + 3;
        cur.surfaces.push((w.clone(), list));
        let short = keys
            .get(i + 1)
            .is_none_or(|next| boundary(w, next).len() <= SHORT_BOUNDARY);
        if cur.size >= TERM_CHUNK_MAX || (cur.size >= TERM_CHUNK && short) {
            chunks.push(std::mem::take(&mut cur));
        }
    }
    if !cur.surfaces.is_empty() || chunks.is_empty() {
        chunks.push(cur);
    }
    chunks
}

/// Encodes the term chunks into `files`; returns the entry's `terms`: each
/// chunk's first-word boundary (none for the first) and hash.
pub(super) fn term_files(chunks: &[Chunk], files: &mut Vec<(String, Vec<u8>)>) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut prev_last = String::new();
    for (i, c) in chunks.iter().enumerate() {
        let bytes = c.encode();
        let hash = content_hash(&bytes);
        let first = c.surfaces.first().map(|s| s.0.as_str()).unwrap_or("");
        let b = if i == 0 {
            String::new()
        } else {
            boundary(&prev_last, first)
        };
        terms.push(b);
        terms.push(hash.clone());
        prev_last = c.surfaces.last().map(|s| s.0.clone()).unwrap_or_default();
        files.push((chunk_url(&hash, "bin"), bytes));
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::boundary;

    #[test]
    fn boundaries_are_shortest_separators() {
        assert_eq!(boundary("baca", "bacaan"), "bacaa");
        assert_eq!(boundary("abdi", "baca"), "b");
        assert_eq!(boundary("pustaka", "pustakawan"), "pustakaw");
    }
}
