//! Builds the index files from the documents. The format is described in
//! docs/search.md; [`super::reader`] reads it back the way `client.js` does.
//! Here the record files and the whole build; the term chunks are made in
//! `terms`, the entry file in `entry`.

mod entry;
mod terms;

pub use super::chunk::{encode_postings, put_varint};
use super::docs;
use super::text::{self, Analysis, Analyzer};
use crate::site::Site;
use entry::entry;
use foldhash::HashMap;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use terms::{dictionary, number_stems, postings, site_words, term_chunks, term_files};

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
