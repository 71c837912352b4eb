//! Builds the index files from the documents. The format is described in
//! docs/search.md; [`super::reader`] reads it back the way `client.js` does.

pub use super::chunk::{encode_postings, put_varint};
use super::chunk::{Chunk, Target};
use super::docs::{self, Kind};
use super::text::{self, Analysis, Analyzer};
use crate::model::LibraryLevel;
use crate::site::Site;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A term chunk is closed once it holds about this many bytes, where the
/// next word starts with other [`SHORT_BOUNDARY`] letters than the last one
/// (up to [`TERM_CHUNK_MAX`]): then a prefix the reader types (3+ letters)
/// never runs into the next chunk, which would cost one more request.
pub const TERM_CHUNK: usize = 5 * 1024;
pub const TERM_CHUNK_MAX: usize = 8 * 1024;
pub const SHORT_BOUNDARY: usize = 3;
/// Result records per record chunk.
pub const RECORDS_PER_CHUNK: usize = 64;
/// The content-hashed files live in `{DIR}i/` (`/cari/_i/`, cached for a
/// year): no other file of `/cari/` starts with `_` (no slug can), so no
/// host rule for that folder reaches the entry file or the search page.
pub const DIR: &str = "/cari/_";
/// The entry file: the only file whose URL stays and whose content changes.
pub const ENTRY_URL: &str = "/cari/index.json";

/// Field codes in postings: which field of the document holds the word
/// (the best one when several do).
pub const BODY: u8 = 1;
pub const PLACE: u8 = 2;
pub const TITLE: u8 = 3;

/// The built index: the entry (JSON) and the chunk files, `(URL, bytes)`.
pub struct Built {
    pub entry: Vec<u8>,
    pub files: Vec<(String, Vec<u8>)>,
}

/// A content hash for a search file name: 10 hex digits (40 bits) of
/// [`crate::hash::hex`].
pub fn content_hash(bytes: &[u8]) -> String {
    crate::hash::hex(bytes, HASH_DIGITS)
}

/// [`content_hash`] of files one after the other.
fn content_hash_of<'a>(files: impl IntoIterator<Item = &'a [u8]>) -> String {
    crate::hash::hex_of_parts(files, HASH_DIGITS)
}

const HASH_DIGITS: usize = 10;

pub fn chunk_url(hash: &str, ext: &str) -> String {
    format!("{DIR}i/{hash}.{ext}")
}

/// The slug as stored in a record: `~` stands for the title's words joined
/// by hyphens (folded as the client folds), which most slugs start with.
pub fn short_slug(slug: &str, title: &str) -> String {
    let t = title_slug(title);
    match slug.strip_prefix(t.as_str()) {
        Some(rest) if !t.is_empty() => format!("~{rest}"),
        _ => slug.to_string(),
    }
}

/// `client.js` `slugOf`: folded words of any length, joined by `-`.
pub fn title_slug(title: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    for c in title.chars().chain(std::iter::once(' ')) {
        if !text::fold_char(c, &mut word) && !word.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&word);
            word.clear();
        }
    }
    out
}

/// The shortest prefix of `first` that sorts after `prev_last`.
fn boundary(prev_last: &str, first: &str) -> String {
    for n in 1..=first.len() {
        if first.is_char_boundary(n) && &first[..n] > prev_last {
            return first[..n].to_string();
        }
    }
    first.to_string()
}

/// The client's words, from the theme's strings (`search_*` keys of
/// `i18n/<language>.yaml`); a missing key shows as itself, as in pages.
fn strings(ui: &BTreeMap<String, String>) -> Value {
    let w = |k: &str| ui.get(k).cloned().unwrap_or_else(|| k.to_string());
    let mut t = serde_json::Map::new();
    for key in [
        "results", "one", "none", "common", "more", "loading", "error", "typo", "filters", "clear",
        "national",
    ] {
        t.insert(key.into(), w(&format!("search_{key}")).into());
    }
    for facet in ["jenis", "provinsi", "tingkat", "tahun"] {
        t.insert(facet.into(), w(&format!("search_facet_{facet}")).into());
    }
    let kinds: Vec<String> = Kind::ALL
        .iter()
        .map(|k| w(&format!("search_kind_{}", k.as_str())))
        .collect();
    let levels: Vec<String> = LibraryLevel::ALL
        .iter()
        .map(|l| w(&format!("search_level_{}", l.as_str())))
        .collect();
    t.insert("kinds".into(), kinds.into());
    t.insert("levels".into(), levels.into());
    Value::Object(t)
}

/// Builds every search file except the client script. The work is spread
/// over rayon's threads; every step's result is collected in a fixed order
/// (sorted words, stems, documents), so the bytes never depend on them.
pub fn build(site: &Site, ui: &BTreeMap<String, String>) -> Built {
    let docs = docs::collect(site);
    let places = docs::place_words(site);
    // Each document's words were taken as it was collected (docs::Words).
    let words = site_words(&docs);
    let an = Analyzer::new(&words, places.iter().cloned());
    let analyses: Vec<Analysis> = words.par_iter().map(|w| an.analyse(w)).collect();
    let stems = number_stems(&words, &analyses);
    let encoded = postings(&docs, &stems);
    let chunks = term_chunks(&dictionary(&analyses, &stems), &encoded);

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let terms = term_files(&chunks, &mut files);
    let recs = record_files(&docs, &mut files);
    let place_hash = place_file(&places, &stems.of_word, &mut files);
    let entry = entry(site, ui, &docs, &terms, &recs, &place_hash);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    Built { entry, files }
}

/// The site's distinct words, sorted, without stop words (the stop test
/// once a distinct word).
fn site_words(docs: &[docs::Doc]) -> Vec<&str> {
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
struct Stems<'a> {
    sorted: Vec<&'a str>,
    id: HashMap<&'a str, u32>,
    of_word: HashMap<&'a str, u32>,
}

fn number_stems<'a>(words: &[&'a str], analyses: &'a [Analysis]) -> Stems<'a> {
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
fn postings(docs: &[docs::Doc], stems: &Stems) -> Vec<Vec<u8>> {
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
enum Word {
    Stem(u32),
    Stop,
    Alias(String),
}

/// The words of the term chunks: every word the site contains, every stem,
/// every stop word, and aliases: the other likely roots of a word (`masak`
/// when `memasak` was cut to `pasak`), leading to its stem, so a reader who
/// types a root the site never has alone still finds its forms.
fn dictionary(analyses: &[Analysis], stems: &Stems) -> BTreeMap<String, Word> {
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
fn term_chunks(dict: &BTreeMap<String, Word>, encoded: &[Vec<u8>]) -> Vec<Chunk> {
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
fn term_files(chunks: &[Chunk], files: &mut Vec<(String, Vec<u8>)>) -> Vec<String> {
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

/// Result records, twice: in id order (year first: `<recs>-<k>.json`)
/// and in province order (`<recs>-p<k>.json`, see [`province_order`]);
/// the client takes whichever holds a page of results in fewer files.
/// Ids shift whenever a document is added, so the record chunks are named
/// by one hash of them all, which is returned.
fn record_files(docs: &[docs::Doc], files: &mut Vec<(String, Vec<u8>)>) -> String {
    // Each document's row once, on all cores; both layouts share them.
    let rows: Vec<Value> = docs
        .par_iter()
        .map(|d| {
            json!([
                short_slug(&d.slug, &d.title),
                d.title,
                d.excerpt,
                d.date.map(|x| x.to_string()).unwrap_or_default()
            ])
        })
        .collect();
    let by_id: Vec<usize> = (0..docs.len()).collect();
    let firsts: Vec<Option<u32>> = docs
        .iter()
        .map(|d| d.date.and(d.provinces.first().copied().or(Some(u32::MAX))))
        .collect();
    let by_prov = province_order(&firsts);
    let groups: Vec<(String, &[usize])> = [("", &by_id), ("p", &by_prov)]
        .into_iter()
        .flat_map(|(layout, order)| {
            order
                .chunks(RECORDS_PER_CHUNK)
                .enumerate()
                .map(move |(k, group)| (format!("{layout}{k}"), group))
        })
        .collect();
    let rec_chunks: Vec<(String, Vec<u8>)> = groups
        .into_par_iter()
        .map(|(name, group)| {
            let chunk: Vec<&Value> = group.iter().map(|&i| &rows[i]).collect();
            (name, inert_json(&chunk))
        })
        .collect();
    let recs = content_hash_of(rec_chunks.iter().map(|c| c.1.as_slice()));
    for (name, bytes) in rec_chunks {
        files.push((format!("{DIR}i/{recs}-{name}.json"), bytes));
    }
    recs
}

/// Place words that are in the dictionary, for one-typo matching: one file,
/// whose hash is returned.
fn place_file(
    places: &[String],
    of_word: &HashMap<&str, u32>,
    files: &mut Vec<(String, Vec<u8>)>,
) -> String {
    let mut place_list: Vec<&str> = places
        .iter()
        .map(String::as_str)
        .filter(|w| of_word.contains_key(*w))
        .collect();
    place_list.dedup();
    let place_bytes = place_list.join("\n").into_bytes();
    let place_hash = content_hash(&place_bytes);
    files.push((chunk_url(&place_hash, "txt"), place_bytes));
    place_hash
}

/// Facets. Ids run in blocks of one kind, value (the year of a dated
/// document, the level of a library, else 0) and first province (the
/// national slot after the last province): `[kind, value − previous
/// value, province − previous province, count]` a run, one flat list.
fn facet_groups(docs: &[docs::Doc], np: usize) -> Vec<i64> {
    let mut groups: Vec<i64> = Vec::new();
    let mut prev: Option<(u32, u32, u32)> = None;
    let (mut pv, mut pp) = (0i64, 0i64);
    for d in docs {
        let p = d.provinces.first().map_or(np as u32, |&p| p);
        let key = (d.kind.index() as u32, d.group_value(), p);
        if prev != Some(key) {
            let (v, p) = (i64::from(key.1), i64::from(key.2));
            groups.extend([i64::from(key.0), v - pv, p - pp, 0]);
            (pv, pp) = (v, p);
            prev = Some(key);
        }
        *groups.last_mut().expect("a run") += 1;
    }
    groups
}

/// Documents filed under their first province that belong to more: for
/// each set of further provinces, runs of ids as `[gap, length, …]`.
fn multi_province(docs: &[docs::Doc]) -> BTreeMap<String, Vec<u32>> {
    let mut multi: BTreeMap<String, (Vec<u32>, i64)> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        if d.provinces.len() < 2 {
            continue;
        }
        let key = d.provinces[1..]
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let (runs, end) = multi.entry(key).or_insert((Vec::new(), 0));
        let i = i as i64;
        if !runs.is_empty() && i == *end {
            *runs.last_mut().expect("a run") += 1;
        } else {
            runs.extend([(i - *end) as u32, 1]);
        }
        *end = i + 1;
    }
    multi.into_iter().map(|(k, v)| (k, v.0)).collect()
}

/// The entry file: where every other file is, the facets and the client's
/// words.
fn entry(
    site: &Site,
    ui: &BTreeMap<String, String>,
    docs: &[docs::Doc],
    terms: &[String],
    recs: &str,
    place_hash: &str,
) -> Vec<u8> {
    let provinces: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| json!([p.slug, p.display_name()]))
        .collect();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    let levels: Vec<&str> = LibraryLevel::ALL.iter().map(|l| l.as_str()).collect();
    let entry = json!({
        "v": 1,
        "n": docs.len(),
        "dir": format!("{DIR}i/"),
        "terms": terms.join(" "),
        "recs": recs,
        "rs": RECORDS_PER_CHUNK,
        "places": place_hash,
        "kinds": kinds,
        "levels": levels,
        "prov": provinces,
        "groups": facet_groups(docs, site.provinces.len()),
        "multi": multi_province(docs),
        "t": strings(ui),
    });
    inert_json(&entry)
}

/// The second record layout: ids sorted by the province of dated documents
/// (`Some(p)`, national last), stably, so each province's news, stories and
/// events lie together, newest year first; undated documents (`None`: they
/// come last in id order) stay where they are. The client computes the same
/// order from the entry (`client.js` `pos`, `reader.rs`).
pub fn province_order(firsts: &[Option<u32>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..firsts.len()).collect();
    order.sort_by_key(|&i| (firsts[i].is_none(), firsts[i], i));
    order
}

/// JSON with `<`, `>` and `&` written as `\u003c`-style escapes: the same
/// data, but nothing in it looks like markup if a file is ever served or
/// sniffed as HTML.
fn inert_json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let text = serde_json::to_string(value).expect("search data serialises");
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_shortest_separators() {
        assert_eq!(boundary("baca", "bacaan"), "bacaa");
        assert_eq!(boundary("abdi", "baca"), "b");
        assert_eq!(boundary("pustaka", "pustakawan"), "pustakaw");
    }

    #[test]
    fn province_order_groups_dated_documents_by_province() {
        let firsts = [
            Some(1),
            Some(0),
            Some(1),
            Some(u32::MAX),
            Some(0),
            None,
            None,
        ];
        assert_eq!(province_order(&firsts), [1, 4, 0, 2, 3, 5, 6]);
    }

    #[test]
    fn hashes_name_by_content() {
        assert_eq!(content_hash(b"warta"), crate::hash::hex(b"warta", 10));
        assert_ne!(content_hash(b"warta"), content_hash(b"warta "));
    }
}
