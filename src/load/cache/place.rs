//! Where the records of changed files go in the cached [`Loaded`]: patched
//! in place when only some Markdown files changed, else the lists rebuilt
//! in walk order from the records held and the fresh ones.

use super::LoadCache;
use crate::load::{add_parsed, missing_files, Kind, Loaded, Parsed, Section};
use std::collections::HashMap;
use std::path::PathBuf;

impl LoadCache {
    /// Puts the records of changed Markdown files where they belong: in
    /// place of the old one, or (a file that stopped or started loading)
    /// removed from or inserted into its list. Hands `fresh` back when it
    /// cannot (an event that failed changes more than its list).
    pub(super) fn patch_in_place(
        &mut self,
        fresh: Vec<(PathBuf, Parsed)>,
    ) -> Result<(), Vec<(PathBuf, Parsed)>> {
        let fits = fresh.iter().all(|(p, parsed)| {
            let Some(e) = self.entries.get(p) else {
                return false;
            };
            let Kind::Markdown(section) = e.kind else {
                return false;
            };
            match (e.count, parsed.count()) {
                (1, 1) => self.records.contains_key(p),
                (0, 1) | (1, 0) => section != Section::Plm,
                _ => false,
            }
        });
        if !fits {
            return Err(fresh);
        }
        for (p, parsed) in fresh {
            let kind = self.entries[&p].kind;
            let Ok(at) = self.order.binary_search_by(|(q, _, _)| q.as_path().cmp(&p)) else {
                unreachable!("every entry is in the order");
            };
            let new_count = parsed.count();
            let old_count = self.order[at].2;
            let l = &mut self.loaded;
            if old_count == 1 && new_count == 1 {
                let i = self.records[&p];
                match parsed {
                    Parsed::Post(c) => l.posts[i] = c,
                    Parsed::Story(c) => l.stories[i] = c,
                    Parsed::Event(c) => l.events[i] = c,
                    Parsed::Page(c) => l.pages[i] = c,
                    _ => unreachable!("only Markdown files have a record index"),
                }
                continue;
            }
            // Its index: the records of its kind before it.
            let i = self.order[..at]
                .iter()
                .filter(|(_, k, _)| *k == kind)
                .map(|(_, _, n)| n)
                .sum::<usize>();
            match parsed {
                Parsed::Post(c) => l.posts.insert(i, c),
                Parsed::Story(c) => l.stories.insert(i, c),
                Parsed::Page(c) => l.pages.insert(i, c),
                Parsed::Nothing => match kind {
                    Kind::Markdown(Section::Berita) => drop(l.posts.remove(i)),
                    Kind::Markdown(Section::Kisah) => drop(l.stories.remove(i)),
                    Kind::Markdown(Section::Page) => drop(l.pages.remove(i)),
                    _ => unreachable!("checked above"),
                },
                _ => unreachable!("checked above"),
            }
            self.order[at].2 = new_count;
            if let Some(e) = self.entries.get_mut(&p) {
                e.count = new_count;
            }
            // The records after it moved by one.
            for (q, k, n) in &self.order[at + 1..] {
                if *k == kind && *n == 1 {
                    if let Some(j) = self.records.get_mut(q) {
                        *j = if new_count == 1 { *j + 1 } else { *j - 1 };
                    }
                }
            }
            if new_count == 1 {
                self.records.insert(p, i);
            } else {
                self.records.remove(&p);
            }
        }
        Ok(())
    }

    /// Rebuilds [`Loaded`] in walk order from the records it holds and the
    /// `fresh` ones (moved, not copied).
    pub(super) fn assemble(&mut self, fresh: Vec<(PathBuf, Parsed)>) {
        let mut fresh: HashMap<PathBuf, Parsed> = fresh.into_iter().collect();
        let mut old = std::mem::take(&mut self.loaded);
        let assets = std::mem::take(&mut old.assets);
        let mut held: HashMap<PathBuf, Parsed> = HashMap::new();
        let mut lists = Lists::new(old);
        for (path, kind, count) in std::mem::take(&mut self.order) {
            let parsed = lists.take(kind, count);
            if !fresh.contains_key(&path) && self.entries.contains_key(&path) {
                held.insert(path, parsed);
            }
        }
        let mut loaded = Loaded {
            root: self.root.clone(),
            assets,
            ..Loaded::default()
        };
        self.records.clear();
        for (path, e) in self.entries.iter_mut() {
            let parsed = fresh
                .remove(path)
                .or_else(|| held.remove(path))
                .unwrap_or(Parsed::Nothing);
            e.count = parsed.count();
            if let (1, Some(i)) = (e.count, markdown_len(&loaded, e.kind)) {
                self.records.insert(path.clone(), i);
            }
            self.order.push((path.clone(), e.kind, e.count));
            add_parsed(&mut loaded, path, e.kind, parsed, e.failed.clone());
        }
        let kinds: Vec<Kind> = self.entries.values().map(|e| e.kind).collect();
        self.missing = missing_files(&mut loaded, |k| kinds.contains(&k));
        self.loaded = loaded;
    }
}

/// The length of the list a Markdown file of `kind` goes into: the index
/// its record will have.
fn markdown_len(l: &Loaded, kind: Kind) -> Option<usize> {
    match kind {
        Kind::Markdown(Section::Berita) => Some(l.posts.len()),
        Kind::Markdown(Section::Kisah) => Some(l.stories.len()),
        Kind::Markdown(Section::Plm) => Some(l.events.len()),
        Kind::Markdown(Section::Page) => Some(l.pages.len()),
        _ => None,
    }
}

impl Parsed {
    /// How many records it holds.
    fn count(&self) -> usize {
        match self {
            Parsed::Nothing => 0,
            Parsed::Provinces(v) => v.len(),
            Parsed::Regencies(v) => v.len(),
            Parsed::Libraries(v) => v.len(),
            Parsed::Awards(v) => v.len(),
            Parsed::Reports(v) => v.len(),
            _ => 1,
        }
    }
}

/// The lists of an old [`Loaded`], taken apart file by file in walk order.
struct Lists {
    config: Option<crate::load::Record<crate::model::records::SiteConfigRecord>>,
    provinces: std::vec::IntoIter<crate::load::Record<crate::model::records::ProvinceRecord>>,
    regencies: std::vec::IntoIter<crate::load::Record<crate::model::records::RegencyRecord>>,
    libraries: std::vec::IntoIter<crate::load::Record<crate::model::records::LibraryRecord>>,
    awards: std::vec::IntoIter<crate::load::Record<crate::model::records::AwardRecord>>,
    reports: std::vec::IntoIter<crate::load::Record<crate::model::records::ReportRecord>>,
    posts: std::vec::IntoIter<crate::load::Content<crate::model::records::PostFrontMatter>>,
    stories: std::vec::IntoIter<crate::load::Content<crate::model::records::StoryFrontMatter>>,
    events: std::vec::IntoIter<crate::load::Content<crate::model::records::EventFrontMatter>>,
    pages: std::vec::IntoIter<crate::load::Content<crate::model::records::PageFrontMatter>>,
}

impl Lists {
    fn new(l: Loaded) -> Lists {
        Lists {
            config: l.config,
            provinces: l.provinces.into_iter(),
            regencies: l.regencies.into_iter(),
            libraries: l.libraries.into_iter(),
            awards: l.awards.into_iter(),
            reports: l.reports.into_iter(),
            posts: l.posts.into_iter(),
            stories: l.stories.into_iter(),
            events: l.events.into_iter(),
            pages: l.pages.into_iter(),
        }
    }

    /// The next `count` records of a file of `kind`.
    fn take(&mut self, kind: Kind, count: usize) -> Parsed {
        fn n<T>(it: &mut std::vec::IntoIter<T>, count: usize) -> Vec<T> {
            it.by_ref().take(count).collect()
        }
        if count == 0 {
            return Parsed::Nothing;
        }
        let one = |o: Option<Parsed>| o.unwrap_or(Parsed::Nothing);
        match kind {
            Kind::Config => one(self.config.take().map(Parsed::Config)),
            Kind::Provinces => Parsed::Provinces(n(&mut self.provinces, count)),
            Kind::Regencies => Parsed::Regencies(n(&mut self.regencies, count)),
            Kind::Libraries => Parsed::Libraries(n(&mut self.libraries, count)),
            Kind::Awards => Parsed::Awards(n(&mut self.awards, count)),
            Kind::Reports => Parsed::Reports(n(&mut self.reports, count)),
            Kind::Markdown(Section::Berita) => one(self.posts.next().map(Parsed::Post)),
            Kind::Markdown(Section::Kisah) => one(self.stories.next().map(Parsed::Story)),
            Kind::Markdown(Section::Plm) => one(self.events.next().map(Parsed::Event)),
            Kind::Markdown(Section::Page) => one(self.pages.next().map(Parsed::Page)),
        }
    }
}
