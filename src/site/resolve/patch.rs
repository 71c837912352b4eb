//! Patching a resolved [`Site`] after edits of news posts and stories, for
//! `warta serve`: the edited records are resolved again with the same code
//! as [`super::resolve`] (so they get the same diagnostics), and put in
//! place with their reverse links, when the edit keeps the site's shape:
//! the record stays published, keeps its place in the date order, and its
//! tags neither appear, vanish nor change their label. Otherwise the caller
//! resolves the whole site again.
//!
//! The result equals a full resolve of the same loaded files (checked by
//! the serve engine's verify mode and `tests/it/serve.rs`).

use super::{content, Ctx, Refs, ResolveOptions};
use crate::diag::{Diagnostics, FileId};
use crate::load::Loaded;
use crate::model::{Date, EventLevel};
use crate::site::*;
use std::cmp::Ordering;

/// An edited record, by its index in [`Loaded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Post(usize),
    Story(usize),
}

/// The edited records, resolved and checked, ready for [`apply`].
pub struct Patch {
    changes: Vec<Change>,
}

enum Change {
    Post(usize, Post),
    Story(usize, Story),
}

/// What a record refers to, before and after an edit: the pages that list
/// it are those of both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    pub provinces: Vec<ProvinceId>,
    pub libraries: Vec<LibraryId>,
    pub event: Option<EventId>,
    pub tags: Vec<TagId>,
}

/// A record [`apply`] replaced.
#[derive(Debug, Clone)]
pub enum Touched {
    Post {
        id: PostId,
        before: Links,
        after: Links,
    },
    Story {
        id: StoryId,
        before: Links,
        after: Links,
    },
}

/// Resolves the edited records against `site` (the site of the files
/// before the edits; every other record must be unchanged since). Their
/// problems go in `diags`. `Err` says why the site's shape changes and
/// a full resolve is needed.
pub fn plan(
    site: &Site,
    loaded: &Loaded,
    opts: ResolveOptions,
    edits: &[Edit],
    diags: &mut Diagnostics,
) -> Result<Patch, String> {
    let mut cx = Ctx::new(loaded, opts, diags);
    // As `resolve` marks them: events that did not resolve (only drafts
    // can be, in a site without errors), and draft events.
    for c in &loaded.events {
        if EventLevel::parse(&c.front.level).is_none() || Date::parse(&c.front.start).is_err() {
            cx.mark_broken(format!("event:{}", c.slug));
        }
        if !opts.include_drafts && c.front.draft {
            cx.mark_draft(format!("event:{}", c.slug));
        }
    }
    let refs = Refs::new(&site.provinces, &site.regencies)
        .with_libraries(&site.libraries)
        .with_events(&site.events);
    let mut changes = Vec::new();
    let mut why = None;
    for edit in edits {
        // Every edit is resolved, so all its problems are reported.
        let change = match *edit {
            Edit::Post(li) => {
                let c = &loaded.posts[li];
                let made = content::post(&mut cx, &refs, &site.libraries, &site.events, c);
                let at = site
                    .posts
                    .iter()
                    .position(|p| p.source.span.file == c.origin.file);
                match (at, made) {
                    (None, None) => continue, // an unpublished draft stays one
                    (None, Some(_)) => Err("a news post was published".to_string()),
                    (Some(_), None) => Err("a news post was unpublished".to_string()),
                    (Some(i), Some((mut post, names))) => {
                        let key = |p: &Post| (loaded_date(loaded, p), p.slug.clone());
                        in_place(
                            &site.posts,
                            i,
                            (c.front.date.clone(), post.slug.clone()),
                            key,
                        )
                        .and_then(|()| {
                            post.tags = tag_ids(site, &names, &site.posts[i].tags, |t| {
                                t.posts.iter().all(|p| p.index() >= i)
                            })?;
                            Ok(Change::Post(i, post))
                        })
                    }
                }
            }
            Edit::Story(li) => {
                let c = &loaded.stories[li];
                let made = content::story(&mut cx, &refs, &site.libraries, c);
                let at = site
                    .stories
                    .iter()
                    .position(|p| p.source.span.file == c.origin.file);
                match (at, made) {
                    (None, None) => continue,
                    (None, Some(_)) => Err("a story was published".to_string()),
                    (Some(_), None) => Err("a story was unpublished".to_string()),
                    (Some(i), Some((mut story, names))) => {
                        let key = |s: &Story| (loaded_story_date(loaded, s), s.slug.clone());
                        in_place(
                            &site.stories,
                            i,
                            (c.front.date.clone(), story.slug.clone()),
                            key,
                        )
                        .and_then(|()| {
                            story.tags = tag_ids(site, &names, &site.stories[i].tags, |t| {
                                t.posts.is_empty() && t.stories.iter().all(|s| s.index() >= i)
                            })?;
                            Ok(Change::Story(i, story))
                        })
                    }
                }
            }
        };
        match change {
            Ok(c) => changes.push(c),
            Err(w) => why = why.or(Some(w)),
        }
    }
    match why {
        Some(w) => Err(w),
        None => Ok(Patch { changes }),
    }
}

/// The raw `date` a published post was loaded with (the sort key).
fn loaded_date(loaded: &Loaded, p: &Post) -> String {
    raw_date(&loaded.posts, p.source.span.file, |f| &f.date)
}

fn loaded_story_date(loaded: &Loaded, s: &Story) -> String {
    raw_date(&loaded.stories, s.source.span.file, |f| &f.date)
}

fn raw_date<F>(
    items: &[crate::load::Content<F>],
    file: FileId,
    date: impl Fn(&F) -> &String,
) -> String {
    items
        .iter()
        .find(|c| c.origin.file == file)
        .map(|c| date(&c.front).clone())
        .unwrap_or_default()
}

/// Whether a record with sort key `key` (raw date, slug) still belongs at
/// `i`, between its neighbours (newest first, then by slug).
fn in_place<T>(
    list: &[T],
    i: usize,
    new: (String, String),
    key: impl Fn(&T) -> (String, String),
) -> Result<(), String> {
    let order =
        |a: &(String, String), b: &(String, String)| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1));
    let before_ok = i == 0 || order(&key(&list[i - 1]), &new) == Ordering::Less;
    let after_ok = i + 1 >= list.len() || order(&new, &key(&list[i + 1])) == Ordering::Less;
    if before_ok && after_ok {
        Ok(())
    } else {
        Err("the date order changed".to_string())
    }
}

/// The tag ids of tag `names`, when they need no new tag, leave none
/// without records and change no label. `first(tag)`: whether the edited
/// record comes before every other record of the tag in the order labels
/// are taken from (its spelling would then be the label).
fn tag_ids(
    site: &Site,
    names: &[String],
    old: &[TagId],
    first: impl Fn(&Tag) -> bool,
) -> Result<Vec<TagId>, String> {
    let mut ids: Vec<TagId> = Vec::new();
    for name in names {
        let Some(slug) = content::tag_slug(name) else {
            continue;
        };
        let Ok(i) = site.tags.binary_search_by(|t| t.slug.as_str().cmp(slug)) else {
            return Err(format!("a new tag `{}`", crate::diag::shorten(name)));
        };
        let id = TagId(i as u32);
        if ids.contains(&id) {
            continue; // the first spelling in the record is the one that counts
        }
        let tag = &site.tags[i];
        if first(tag) && tag.name != *name {
            return Err(format!("the label of tag `{}` changed", tag.name));
        }
        ids.push(id);
    }
    for t in old {
        let tag = &site.tags[t.index()];
        if !ids.contains(t) && first(tag) {
            return Err(format!("tag `{}` was removed", tag.name));
        }
    }
    ids.sort();
    Ok(ids)
}

impl Patch {
    /// The records it replaces: `(is a story, index in the site)`.
    pub fn targets(&self) -> Vec<(bool, usize)> {
        self.changes
            .iter()
            .map(|c| match c {
                Change::Post(i, _) => (false, *i),
                Change::Story(i, _) => (true, *i),
            })
            .collect()
    }
}

/// Puts the planned records in `site` with their reverse links.
pub fn apply(site: &mut Site, patch: Patch) -> Vec<Touched> {
    let mut out = Vec::new();
    for change in patch.changes {
        match change {
            Change::Post(i, post) => {
                let id = PostId(i as u32);
                let old = std::mem::replace(&mut site.posts[i], post);
                let new = &site.posts[i];
                let before = Links {
                    provinces: old.provinces.clone(),
                    libraries: old.libraries.clone(),
                    event: old.event,
                    tags: old.tags.clone(),
                };
                let after = Links {
                    provinces: new.provinces.clone(),
                    libraries: new.libraries.clone(),
                    event: new.event,
                    tags: new.tags.clone(),
                };
                for p in &before.provinces {
                    remove(&mut site.provinces[p.index()].posts, id);
                }
                for l in &before.libraries {
                    remove(&mut site.libraries[l.index()].posts, id);
                }
                if let Some(e) = before.event {
                    remove(&mut site.events[e.index()].posts, id);
                }
                for t in &before.tags {
                    remove(&mut site.tags[t.index()].posts, id);
                }
                for p in &after.provinces {
                    insert(&mut site.provinces[p.index()].posts, id);
                }
                for l in &after.libraries {
                    insert(&mut site.libraries[l.index()].posts, id);
                }
                if let Some(e) = after.event {
                    insert(&mut site.events[e.index()].posts, id);
                }
                for t in &after.tags {
                    insert(&mut site.tags[t.index()].posts, id);
                }
                // As `link` derives them: an event's libraries are those of
                // its posts, a library's events those of its posts.
                for e in before.event.iter().chain(&after.event) {
                    let mut libs: Vec<LibraryId> = site.events[e.index()]
                        .posts
                        .iter()
                        .flat_map(|p| site.posts[p.index()].libraries.iter().copied())
                        .collect();
                    super::link::dedup_sorted(&mut libs);
                    site.events[e.index()].libraries = libs;
                }
                for l in before.libraries.iter().chain(&after.libraries) {
                    let mut events: Vec<EventId> = site.libraries[l.index()]
                        .posts
                        .iter()
                        .filter_map(|p| site.posts[p.index()].event)
                        .collect();
                    super::link::dedup_sorted(&mut events);
                    site.libraries[l.index()].events = events;
                }
                out.push(Touched::Post { id, before, after });
            }
            Change::Story(i, story) => {
                let id = StoryId(i as u32);
                let old = std::mem::replace(&mut site.stories[i], story);
                let new = &site.stories[i];
                let before = Links {
                    provinces: vec![old.province],
                    libraries: vec![old.library],
                    event: None,
                    tags: old.tags.clone(),
                };
                let after = Links {
                    provinces: vec![new.province],
                    libraries: vec![new.library],
                    event: None,
                    tags: new.tags.clone(),
                };
                remove(&mut site.provinces[old.province.index()].stories, id);
                remove(&mut site.libraries[old.library.index()].stories, id);
                for t in &before.tags {
                    remove(&mut site.tags[t.index()].stories, id);
                }
                insert(&mut site.provinces[after.provinces[0].index()].stories, id);
                insert(&mut site.libraries[after.libraries[0].index()].stories, id);
                for t in &after.tags {
                    insert(&mut site.tags[t.index()].stories, id);
                }
                out.push(Touched::Story { id, before, after });
            }
        }
    }
    out
}

fn remove<T: Ord>(v: &mut Vec<T>, x: T) {
    if let Ok(i) = v.binary_search(&x) {
        v.remove(i);
    }
}

fn insert<T: Ord>(v: &mut Vec<T>, x: T) {
    if let Err(i) = v.binary_search(&x) {
        v.insert(i, x);
    }
}
