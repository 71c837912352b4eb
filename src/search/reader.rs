//! Reads the index back exactly as `client.js` does, step for step, and
//! records every file the client would fetch. Used by the tests (so the
//! format is checked end to end in Rust) and by `benches/search.rs` (so the
//! bytes and requests of a query are measured, not guessed). When the client
//! changes its plan, change this file with it. How one query word is
//! looked up is in `words`.

mod words;

pub use words::within_one_edit;

use super::text;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Results shown first (a phone screen); each "more" adds [`MORE`].
pub const PAGE: usize = 5;
pub const MORE: usize = 10;
/// Score of a word by the field it is found in (none, body, place, title),
/// in units of [`FIELD`]; recency adds 0 to 39 (undated documents 20), so a
/// better field always wins. Integers, so JavaScript sums them identically.
pub const WEIGHT: [u32; 4] = [0, 1, 3, 5];
pub const FIELD: u32 = 100;
/// The last word is matched as a prefix when it has at least this many bytes.
pub const MIN_PREFIX: usize = 3;
/// Typo tolerance applies to words of at least this many bytes.
pub const MIN_TYPO: usize = 4;
/// Candidate roots of an unknown query word looked up, at most.
pub const MAX_ROOTS: usize = 3;

/// Facet selections, as in the URL: `provinsi`, `jenis`, `tingkat`, `tahun`.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub provinsi: Vec<String>,
    pub jenis: Vec<String>,
    pub tingkat: Vec<String>,
    pub tahun: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub id: u32,
    pub url: String,
    pub title: String,
    pub excerpt: String,
    pub date: String,
    pub score: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Every matching document (after filters).
    pub total: usize,
    /// The first page of results.
    pub hits: Vec<Hit>,
    /// Counts per facet value (`facet → value → count`), each facet counted
    /// with the other facets' selections applied (values of one facet OR).
    pub counts: BTreeMap<&'static str, BTreeMap<String, usize>>,
    /// Words replaced by a place name one edit away: `(typed, used)`.
    pub corrected: Vec<(String, String)>,
    /// Every word of the query was a stop word: nothing is listed.
    pub common: bool,
    /// Files fetched for this query, in order, entry first.
    pub fetched: Vec<String>,
    pub bytes: usize,
}

/// A loaded entry plus the files it names (all in memory).
pub struct Reader<'a> {
    files: HashMap<&'a str, &'a [u8]>,
    entry: Value,
    entry_len: usize,
    n: usize,
    dir: String,
    bounds: Vec<(String, String)>,
    recs: String,
    rs: usize,
    kind: Vec<u8>,
    prov: Vec<u16>,
    level: Vec<u8>,
    year: Vec<u16>,
    extra: HashMap<u32, Vec<u16>>,
    /// Each id's place in the province-ordered record layout.
    pos: Vec<u32>,
    min_year: u16,
    max_year: u16,
}

impl<'a> Reader<'a> {
    /// `entry`: the entry file; `files`: every other search file by URL.
    pub fn new(entry: &'a [u8], files: &'a [(String, Vec<u8>)]) -> Self {
        let e: Value = serde_json::from_slice(entry).expect("entry is JSON");
        let n = e["n"].as_u64().unwrap_or(0) as usize;
        let words: Vec<String> = e["terms"]
            .as_str()
            .unwrap_or("")
            .split(' ')
            .map(String::from)
            .collect();
        let bounds = words
            .chunks(2)
            .map(|c| (c[0].clone(), c.get(1).cloned().unwrap_or_default()))
            .collect();
        let recs = e["recs"].as_str().unwrap_or("").to_string();
        let (mut kind, mut prov, mut level, mut year) =
            (vec![0u8; n], vec![0u16; n], vec![0u8; n], vec![0u16; n]);
        let g: Vec<i64> = e["groups"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_i64)
            .collect();
        let (mut d, mut v, mut p) = (0usize, 0i64, 0i64);
        for r in g.chunks(4) {
            v += r[1];
            p += r[2];
            for _ in 0..r[3] {
                prov[d] = p as u16;
                kind[d] = r[0] as u8;
                match r[0] {
                    0..=2 => year[d] = v as u16,
                    3 => level[d] = v as u8,
                    _ => {}
                }
                d += 1;
            }
        }
        let mut extra: HashMap<u32, Vec<u16>> = HashMap::new();
        for (key, runs) in e["multi"].as_object().into_iter().flatten() {
            let provs: Vec<u16> = key.split(',').filter_map(|x| x.parse().ok()).collect();
            let runs: Vec<u64> = runs
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
                .collect();
            let mut i = 0u64;
            for r in runs.chunks(2) {
                i += r[0];
                for _ in 0..r[1] {
                    extra.insert(i as u32, provs.clone());
                    i += 1;
                }
            }
        }
        let years: Vec<u16> = year.iter().copied().filter(|&y| y > 0).collect();
        let firsts: Vec<Option<u32>> = (0..n)
            .map(|d| (kind[d] < 3).then_some(u32::from(prov[d])))
            .collect();
        let mut pos = vec![0u32; n];
        for (i, d) in super::index::province_order(&firsts)
            .into_iter()
            .enumerate()
        {
            pos[d] = i as u32;
        }
        Reader {
            files: files
                .iter()
                .map(|(u, b)| (u.as_str(), b.as_slice()))
                .collect(),
            dir: e["dir"].as_str().unwrap_or("").to_string(),
            rs: e["rs"].as_u64().unwrap_or(1) as usize,
            entry_len: entry.len(),
            min_year: years.iter().copied().min().unwrap_or(0),
            max_year: years.iter().copied().max().unwrap_or(0),
            n,
            bounds,
            recs,
            kind,
            prov,
            level,
            year,
            extra,
            pos,
            entry: e,
        }
    }

    fn fetch(&self, url: &str, out: &mut Outcome) -> &'a [u8] {
        let b = self
            .files
            .get(url)
            .copied()
            .unwrap_or_else(|| panic!("missing search file {url}"));
        if !out.fetched.iter().any(|u| u == url) {
            out.fetched.push(url.to_string());
            out.bytes += b.len();
        }
        b
    }

    /// Index of the term chunk holding `word`.
    pub fn chunk_for(&self, word: &str) -> usize {
        self.bounds
            .iter()
            .rposition(|(b, _)| b.as_str() <= word)
            .unwrap_or(0)
    }

    fn provinces_of(&self, d: usize) -> Vec<u16> {
        let mut v = vec![self.prov[d]];
        if let Some(x) = self.extra.get(&(d as u32)) {
            v.extend(x);
        }
        v
    }

    /// The value of each facet for document `d`, as in the URL.
    fn values(&self, d: usize) -> [Vec<String>; 4] {
        let prov = self.entry["prov"].as_array().cloned().unwrap_or_default();
        let s = |v: &Value| v.as_str().unwrap_or("").to_string();
        let provs = self
            .provinces_of(d)
            .into_iter()
            .filter_map(|p| prov.get(p as usize).map(|x| s(&x[0])))
            .collect();
        let kind = vec![s(&self.entry["kinds"][self.kind[d] as usize])];
        let level = if self.level[d] > 0 {
            vec![s(&self.entry["levels"][self.level[d] as usize - 1])]
        } else {
            vec![]
        };
        let year = if self.year[d] > 0 {
            vec![self.year[d].to_string()]
        } else {
            vec![]
        };
        [provs, kind, level, year]
    }

    /// Runs a query as the client does; `q` as typed (a trailing space ends
    /// the last word, so it is not matched as a prefix).
    pub fn search(&self, q: &str, f: &Filters) -> Outcome {
        self.search_first(q, f, PAGE)
    }

    /// As [`Reader::search`], with the first `page` results.
    pub fn search_first(&self, q: &str, f: &Filters, page: usize) -> Outcome {
        let mut out = Outcome::default();
        out.fetched.push(super::ENTRY_URL.to_string());
        out.bytes += self.entry_len;
        let words = text::tokens(q);
        let typing = !q.ends_with(char::is_whitespace);
        let mut fields: Vec<Vec<u8>> = Vec::new();
        let mut failed = false;
        for (i, w) in words.iter().enumerate() {
            let prefix = typing && i + 1 == words.len() && w.len() >= MIN_PREFIX;
            let (mut lists, stop) = self.lookup(w, prefix, &mut out);
            if stop {
                continue;
            }
            if lists.is_empty() {
                lists = self.stemmed(w, &mut out);
            }
            if lists.is_empty() && w.len() >= MIN_TYPO {
                if let Some(c) = self.correction(w, &mut out) {
                    lists = self.lookup(&c, false, &mut out).0;
                    out.corrected.push((w.clone(), c));
                }
            }
            if lists.is_empty() {
                failed = true;
                break;
            }
            let mut field = vec![0u8; self.n];
            for l in lists {
                for (d, code) in l {
                    let x = &mut field[d as usize];
                    *x = (*x).max(code);
                }
            }
            fields.push(field);
        }
        // Only stop words: too common to search, never "everything".
        out.common = !words.is_empty() && fields.is_empty() && !failed;
        if failed || out.common {
            return out;
        }
        let sel = [&f.provinsi, &f.jenis, &f.tingkat, &f.tahun];
        let names = ["provinsi", "jenis", "tingkat", "tahun"];
        let mut counts: [BTreeMap<String, usize>; 4] = Default::default();
        let mut hits: Vec<(u32, u32)> = Vec::new();
        for d in 0..self.n {
            if fields.iter().any(|fl| fl[d] == 0) {
                continue;
            }
            let vals = self.values(d);
            let ok: Vec<bool> = (0..4)
                .map(|k| sel[k].is_empty() || vals[k].iter().any(|v| sel[k].contains(v)))
                .collect();
            for k in 0..4 {
                if (0..4).all(|j| j == k || ok[j]) {
                    for v in &vals[k] {
                        *counts[k].entry(v.clone()).or_default() += 1;
                    }
                }
            }
            if ok.iter().all(|&x| x) {
                let mut score: u32 = fields.iter().map(|fl| WEIGHT[fl[d] as usize] * FIELD).sum();
                score += self.recency(d);
                hits.push((score, d as u32));
            }
        }
        for (k, c) in counts.into_iter().enumerate() {
            out.counts.insert(names[k], c);
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let hits = by_locality(hits, self.rs);
        out.total = hits.len();
        let kinds = self.entry["kinds"].clone();
        let first: Vec<u32> = hits.iter().take(page).map(|h| h.1).collect();
        let layout = self.layout(&first);
        for &(score, id) in hits.iter().take(page) {
            let (name, at) = layout(id);
            let url = format!("{}{}-{}.json", self.dir, self.recs, name);
            let rows: Value =
                serde_json::from_slice(self.fetch(&url, &mut out)).expect("records are JSON");
            let r = &rows[at];
            let s = |v: &Value| v.as_str().unwrap_or("").to_string();
            let slug = s(&r[0]);
            let slug = match slug.strip_prefix('~') {
                Some(rest) => format!("{}{rest}", super::index::title_slug(&s(&r[1]))),
                None => slug,
            };
            out.hits.push(Hit {
                id,
                url: format!("/{}/{}/", s(&kinds[self.kind[id as usize] as usize]), slug),
                title: s(&r[1]),
                excerpt: s(&r[2]),
                date: s(&r[3]),
                score,
            });
        }
        out
    }

    /// The record layout that holds these ids in fewer chunks (id order on a
    /// tie): for an id, the chunk's name and the row in it.
    fn layout(&self, ids: &[u32]) -> impl Fn(u32) -> (String, usize) + '_ {
        let rs = self.rs;
        let count =
            |f: &dyn Fn(u32) -> usize| ids.iter().map(|&d| f(d)).collect::<BTreeSet<_>>().len();
        let by_prov = count(&|d| self.pos[d as usize] as usize / rs) < count(&|d| d as usize / rs);
        move |d: u32| {
            let at = if by_prov {
                self.pos[d as usize] as usize
            } else {
                d as usize
            };
            let prefix = if by_prov { "p" } else { "" };
            (format!("{prefix}{}", at / rs), at % rs)
        }
    }

    fn recency(&self, d: usize) -> u32 {
        let y = self.year[d];
        if y == 0 {
            20
        } else {
            40 * u32::from(y - self.min_year + 1) / u32::from(self.max_year - self.min_year + 2)
        }
    }
}

/// Orders hits sorted by (score desc, id) so that, among hits of equal
/// score, those whose record chunk is already needed come first, then those
/// in the chunk holding most of them (then chunk, id). Equal scores are
/// equally good answers; this way the first page needs few record chunks.
/// `client.js` `rank` does the same.
pub fn by_locality(hits: Vec<(u32, u32)>, rs: usize) -> Vec<(u32, u32)> {
    let chunk = |h: &(u32, u32)| h.1 as usize / rs;
    let mut used = BTreeSet::new();
    let mut out = Vec::with_capacity(hits.len());
    for tier in hits.chunk_by(|a, b| a.0 == b.0) {
        let mut n: BTreeMap<usize, usize> = BTreeMap::new();
        for h in tier {
            *n.entry(chunk(h)).or_default() += 1;
        }
        let key = |h: &(u32, u32)| {
            let c = chunk(h);
            let k = if used.contains(&c) { usize::MAX } else { n[&c] };
            (std::cmp::Reverse(k), c, h.1)
        };
        let mut tier = tier.to_vec();
        tier.sort_by_key(key);
        used.extend(tier.iter().map(chunk));
        out.extend(tier);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_scores_gather_in_few_record_chunks() {
        // rs = 10: ids 3 and 25 tie at 500; 12, 14, 15 and 27 tie at 300.
        let hits = vec![
            (500, 3),
            (500, 25),
            (300, 12),
            (300, 14),
            (300, 15),
            (300, 27),
            (200, 1),
        ];
        let got: Vec<u32> = by_locality(hits, 10).into_iter().map(|h| h.1).collect();
        // Chunk 2 (id 27) is already needed for id 25; chunk 1 holds three.
        assert_eq!(got, [3, 25, 27, 12, 14, 15, 1]);
        let alone = by_locality(vec![(9, 40), (9, 2), (9, 5)], 10);
        assert_eq!(alone, [(9, 2), (9, 5), (9, 40)], "the fuller chunk first");
    }
}
