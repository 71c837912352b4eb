//! Looking up a query word as the client does: the term chunk it falls
//! in, its lists (exact, as a prefix, through an alias, or a stop word),
//! the stemmer's candidate roots, and a correction one edit away.

use super::{Outcome, Reader, MAX_ROOTS, MIN_TYPO};
use crate::search::chunk::{decode_chunk, ChunkData, Target};
use crate::search::stem;
use std::collections::BTreeSet;

/// At most one edit (insert, delete, substitute, swap two neighbours) apart.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut i = 0;
    while i < la.min(lb) && a[i] == b[i] {
        i += 1;
    }
    if la == lb {
        a[i + 1..] == b[i + 1..]
            || (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..])
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

impl Reader<'_> {
    fn chunk(&self, i: usize, out: &mut Outcome) -> ChunkData {
        let url = format!("{}{}.bin", self.dir, self.bounds[i].1);
        decode_chunk(self.fetch(&url, out))
    }

    /// The lists a query word matches: `(lists, is_stop_word)`.
    pub(super) fn lookup(
        &self,
        word: &str,
        prefix: bool,
        out: &mut Outcome,
    ) -> (Vec<Vec<(u32, u8)>>, bool) {
        let start = self.chunk_for(word);
        let mut ids = vec![start];
        if prefix && start + 1 < self.bounds.len() && self.bounds[start + 1].0.starts_with(word) {
            ids.push(start + 1);
        }
        let mut lists = Vec::new();
        for (n, &i) in ids.iter().enumerate() {
            let c = self.chunk(i, out);
            let mut used = BTreeSet::new();
            for t in &c.terms {
                let exact = t.surface == word;
                match &t.list {
                    Target::Stop if exact && n == 0 => return (Vec::new(), true),
                    Target::Alias(stem) if exact && n == 0 => return self.lookup(stem, false, out),
                    Target::List(l)
                        if (exact || (prefix && t.surface.starts_with(word)))
                            && used.insert(*l) =>
                    {
                        lists.push(c.lists[*l].clone());
                    }
                    _ => {}
                }
            }
        }
        (lists, false)
    }

    /// A word the site never contains: the lists of the first of its
    /// stemmer's candidate roots (at most [`MAX_ROOTS`]) that the index has.
    pub(super) fn stemmed(&self, w: &str, out: &mut Outcome) -> Vec<Vec<(u32, u8)>> {
        let cands = stem::candidates(w);
        for c in cands.iter().filter(|c| c.root != w).take(MAX_ROOTS) {
            let (lists, stop) = self.lookup(&c.root, false, out);
            if !stop && !lists.is_empty() {
                return lists;
            }
        }
        Vec::new()
    }

    /// The site's word one edit from `w` (same first letter) found in the
    /// term chunk `w` was looked up in, the one in most documents; never a
    /// place name for a word the stemmer sees as derived (an ordinary word).
    pub(super) fn correction(&self, w: &str, out: &mut Outcome) -> Option<String> {
        let c = self.chunk(self.chunk_for(w), out);
        let near: Vec<(usize, &str)> = c
            .terms
            .iter()
            .filter_map(|t| match t.list {
                Target::List(l)
                    if t.surface.as_bytes()[0] == w.as_bytes()[0]
                        && t.surface.len() >= MIN_TYPO - 1
                        && within_one_edit(w, &t.surface) =>
                {
                    Some((c.lists[l].len(), t.surface.as_str()))
                }
                _ => None,
            })
            .collect();
        if near.is_empty() {
            return None;
        }
        let places = self.places(out);
        let ordinary = stem::candidates(w)[0].prefixed;
        near.into_iter()
            .filter(|(_, s)| !(ordinary && places.iter().any(|p| p == s)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
            .map(|(_, s)| s.to_string())
    }

    fn places(&self, out: &mut Outcome) -> Vec<String> {
        let url = format!(
            "{}{}.txt",
            self.dir,
            self.entry["places"].as_str().unwrap_or("")
        );
        String::from_utf8_lossy(self.fetch(&url, out))
            .lines()
            .map(String::from)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    #[test]
    fn one_edit() {
        assert!(within_one_edit("kudus", "kudus"));
        assert!(within_one_edit("kudos", "kudus"));
        assert!(within_one_edit("kuduss", "kudus"));
        assert!(within_one_edit("kdus", "kudus"));
        assert!(within_one_edit("ukdus", "kudus"));
        assert!(!within_one_edit("kds", "kudus"));
        assert!(!within_one_edit("kodos", "kudus"));
    }
}
