//! Publishing a build: the new files into what is served, in one step
//! under the lock, so a request sees the old site or the new, never a mix.

use super::Engine;
use bytes::Bytes;
use std::collections::{BTreeMap, BTreeSet, HashMap};

impl Engine {
    /// Puts `new_files` in the served map: replacing it on a full build
    /// (keeping the old search index when `search` is deferred), else
    /// over it, dropping stale search files and assets that went away.
    /// Returns how many files changed.
    pub(super) fn publish(
        &self,
        full: bool,
        new_files: Vec<(String, Bytes)>,
        search: Option<&BTreeSet<String>>,
        assets: &BTreeMap<String, String>,
    ) -> usize {
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
                for k in self.good.iter().flat_map(|g| &g.search) {
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
                let stale = g
                    .search
                    .iter()
                    .filter(|k| search.is_some_and(|s| !s.contains(*k)));
                for gone in stale {
                    served.files.remove(gone);
                    changed += 1;
                }
                for gone in g.assets.keys().filter(|k| !assets.contains_key(*k)) {
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
