//! Publishing a build: the new files into what is served, in one step
//! under the lock, so a request sees the old site or the new, never a mix.

use super::make::Made;
use super::Engine;
use bytes::Bytes;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The files of a build of the kinds a partial build makes again whole
/// (the last good build's, kept to find what a partial build drops).
#[derive(Default)]
pub(super) struct Remade {
    /// Output paths of the feeds, sitemap files and robots.txt.
    pub feeds: BTreeSet<String>,
    /// Output paths of the search index files (their names change with
    /// their content, so stale ones must go).
    pub search: BTreeSet<String>,
    /// URL path of each asset → its source path relative to the root.
    pub assets: BTreeMap<String, String>,
}

impl Engine {
    /// Puts the files of `made` in the served map: replacing it on a full
    /// build (keeping the old search index when it is deferred), else over
    /// it, dropping what the last good build served and this one no longer
    /// makes ([`stale`]). Returns how many files changed.
    pub(super) fn publish(&self, full: bool, made: &mut Made) -> usize {
        let new_files = std::mem::take(&mut made.files);
        let search = made.search.as_ref();
        let mut changed = 0;
        let mut served = self.served.write().unwrap_or_else(|e| e.into_inner());
        if full {
            let mut map: HashMap<String, Bytes> = HashMap::with_capacity(new_files.len());
            for (k, v) in new_files {
                if served.files.get(&k) != Some(&v) {
                    changed += 1;
                }
                map.insert(k, v);
            }
            if search.is_none() {
                // Deferred: the old index (consistent in itself) stays
                // until `finish_search` replaces it.
                for k in self.good.iter().flat_map(|g| &g.remade.search) {
                    if let Some(v) = served.files.get(k) {
                        map.insert(k.clone(), v.clone());
                    }
                }
            }
            changed += served
                .files
                .keys()
                .filter(|k| !map.contains_key(*k))
                .count();
            served.files = map;
        } else {
            if let Some(g) = &self.good {
                for gone in stale(&g.remade, &made.feeds, search, &made.assets) {
                    served.files.remove(gone);
                    changed += 1;
                }
            }
            for (k, v) in new_files {
                if served.files.get(&k) != Some(&v) {
                    changed += 1;
                    served.files.insert(k, v);
                }
            }
        }
        served.version += 1;
        served.errors = None;
        changed
    }
}

/// What a partial build removes from what is served. It renders only some
/// pages (one that goes away makes it a full build), but makes some kinds
/// of file again whole; those the last good build made and this one does
/// not must go: feeds and sitemap files (`sitemap-N.xml` go when the
/// sitemap fits one file again), search index files (their names follow
/// their content; kept while the index is deferred, `search` is `None`)
/// and assets that went away.
fn stale<'a>(
    before: &'a Remade,
    feeds: &BTreeSet<String>,
    search: Option<&BTreeSet<String>>,
    assets: &BTreeMap<String, String>,
) -> Vec<&'a String> {
    let feeds = before.feeds.iter().filter(|k| !feeds.contains(*k));
    let search = before
        .search
        .iter()
        .filter(move |k| search.is_some_and(|s| !s.contains(*k)));
    let assets = before.assets.keys().filter(|k| !assets.contains_key(*k));
    feeds.chain(search).chain(assets).collect()
}

#[cfg(test)]
mod tests {
    use super::{stale, Remade};
    use std::collections::{BTreeMap, BTreeSet};

    fn set(v: &[&str]) -> BTreeSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn files_the_last_build_made_and_this_one_does_not_go() {
        let before = Remade {
            feeds: set(&[
                "atom.xml",
                "robots.txt",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap.xml",
            ]),
            search: set(&["search/index-aaa.json", "search/meta.json"]),
            assets: [("images/a.png", "static/images/a.png")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        // The sitemap index became one sitemap; the index changed name;
        // the asset went away.
        let feeds = set(&["atom.xml", "robots.txt", "sitemap.xml"]);
        let search = set(&["search/index-bbb.json", "search/meta.json"]);
        let gone = stale(&before, &feeds, Some(&search), &BTreeMap::new());
        assert_eq!(
            gone,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "search/index-aaa.json",
                "images/a.png"
            ]
        );
        // The same files again: nothing goes. A deferred index stays.
        let gone = stale(&before, &before.feeds, None, &before.assets);
        assert!(gone.is_empty(), "{gone:?}");
    }
}
