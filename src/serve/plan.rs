//! What a rebuild renders: from the files changed and the site before and
//! after ([`affected`]), or from the records a patch replaced
//! ([`touched_pages`]).
//!
//! Page kinds this module does not know (added to `render::pages::Job`
//! later) are rendered again on every partial rebuild, so a new kind of
//! page is never left stale: see [`always`].

use crate::render::incremental::{self, Job};
use crate::site::patch::{Links, Touched};
use crate::site::{EventId, LibraryId, PageId, PostId, ProvinceId, Site, StoryId, TagId};
use std::collections::BTreeSet;

/// What a rebuild renders.
#[derive(Debug)]
pub enum Plan {
    /// Every page, and why.
    Full(String),
    /// These pages (the feeds and sitemap are always made again).
    Some(BTreeSet<JobKey>),
}

/// Which content record a path belongs to: section folder and slug.
fn content_record(path: &str) -> Option<(&str, &str)> {
    let rest = path.strip_prefix("content/")?;
    let parts: Vec<&str> = rest.split('/').collect();
    match parts.as_slice() {
        [file] => Some(("", file.strip_suffix(".md")?)),
        [folder, file] if matches!(*folder, "berita" | "kisah" | "plm") => {
            Some((folder, file.strip_suffix(".md")?))
        }
        [folder, slug, ..] if matches!(*folder, "berita" | "kisah" | "plm") => Some((folder, slug)),
        [slug, _, ..] => Some(("", slug)),
        _ => None,
    }
}

/// Decides what to render after `changed` paths turned `old` into `new`.
pub fn affected(old: &Site, new: &Site, changed: &BTreeSet<String>) -> Plan {
    let full = |why: &str| Plan::Full(why.to_string());
    if format!("{:?}", old.config) != format!("{:?}", new.config) {
        return full("the site settings changed");
    }
    let same = |a: Vec<&str>, b: Vec<&str>| a == b;
    // One news post added, the others in the same order: the pages after
    // it in the news listing move, nothing else does.
    let inserted = {
        let o: Vec<&str> = old.posts.iter().map(|p| p.slug.as_str()).collect();
        let n: Vec<&str> = new.posts.iter().map(|p| p.slug.as_str()).collect();
        let k = o
            .iter()
            .zip(&n)
            .position(|(a, b)| a != b)
            .unwrap_or(o.len());
        if o == n {
            None
        } else if n.len() == o.len() + 1 && n[..k] == o[..k] && n[k + 1..] == o[k..] {
            Some(k)
        } else {
            return full("news posts were removed or reordered");
        }
    };
    if !same(
        old.stories.iter().map(|p| p.slug.as_str()).collect(),
        new.stories.iter().map(|p| p.slug.as_str()).collect(),
    ) {
        return full("stories were added, removed or reordered");
    }
    if !same(
        old.events.iter().map(|p| p.slug.as_str()).collect(),
        new.events.iter().map(|p| p.slug.as_str()).collect(),
    ) || !same(
        old.pages.iter().map(|p| p.slug.as_str()).collect(),
        new.pages.iter().map(|p| p.slug.as_str()).collect(),
    ) {
        return full("events or pages were added, removed or reordered");
    }
    if old.tags.len() != new.tags.len()
        || old
            .tags
            .iter()
            .zip(&new.tags)
            .any(|(a, b)| a.slug != b.slug || a.name != b.name)
    {
        return full("the set of tags changed");
    }
    if old.libraries.len() != new.libraries.len()
        || old.provinces.len() != new.provinces.len()
        || old.regencies.len() != new.regencies.len()
        || old.award_years != new.award_years
        || old.awards.len() != new.awards.len()
        || old.reports.len() != new.reports.len()
    {
        return full("the data changed");
    }

    let mut jobs: BTreeSet<JobKey> = BTreeSet::new();
    for path in changed {
        if path == "static" || path.starts_with("static/") {
            continue; // assets only
        }
        if path == "content" || path.starts_with("content/") {
            if !path.ends_with(".md") {
                // An asset (served as it is) or a folder: a page added or
                // removed shows in the shape compared above.
                continue;
            }
        } else {
            return full("data or settings changed");
        }
        let Some((section, slug)) = content_record(path) else {
            continue;
        };
        match section {
            "berita" => {
                let Some(i) = new.posts.iter().position(|p| p.slug == slug) else {
                    continue; // not published (a draft), as before
                };
                match inserted {
                    Some(k) if i == k => {} // below
                    Some(k) if i > k => post_pages(old, i - 1, new, i, &mut jobs),
                    _ => post_pages(old, i, new, i, &mut jobs),
                }
            }
            "kisah" => {
                let Some(i) = new.stories.iter().position(|p| p.slug == slug) else {
                    continue;
                };
                story_pages(old, new, i, &mut jobs);
            }
            "plm" => {
                if new.events.iter().any(|e| e.slug == slug) {
                    return full("an event changed");
                }
            }
            _ => {
                if let Some(i) = new.pages.iter().position(|p| p.slug == slug) {
                    jobs.insert(JobKey::Page(i as u32));
                }
            }
        }
    }
    if let Some(k) = inserted {
        let p = &new.posts[k];
        let links = Links {
            provinces: p.provinces.clone(),
            libraries: p.libraries.clone(),
            event: p.event,
            tags: p.tags.clone(),
        };
        post_links(new, k, &Links::default(), &links, &mut jobs);
        let pages = new.posts.len().div_ceil(new.config.per_page.max(1)).max(1);
        for n in incremental::news_page_of(new, k)..=pages {
            jobs.insert(JobKey::News(n));
        }
    }
    Plan::Some(jobs)
}

/// A sortable, deduplicated stand-in for [`Job`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum JobKey {
    Home,
    News(usize),
    Post(u32),
    Stories,
    Story(u32),
    Provinces,
    Province(u32),
    Library(u32),
    Event(u32),
    Tag(u32),
    Search,
    Page(u32),
}

impl JobKey {
    pub fn job(self) -> Job {
        match self {
            JobKey::Home => Job::Home,
            JobKey::News(n) => Job::News(n),
            JobKey::Post(i) => Job::Post(PostId(i)),
            JobKey::Stories => Job::Stories,
            JobKey::Story(i) => Job::Story(StoryId(i)),
            JobKey::Provinces => Job::Provinces,
            JobKey::Province(i) => Job::Province(ProvinceId(i)),
            JobKey::Library(i) => Job::Library(LibraryId(i)),
            JobKey::Event(i) => Job::Event(EventId(i)),
            JobKey::Tag(i) => Job::Tag(TagId(i)),
            JobKey::Search => Job::Search,
            JobKey::Page(i) => Job::Page(PageId(i)),
        }
    }
}

/// The pages that show news post `i` (`oi` in the old site): the post,
/// its listing page, the home page (latest posts), its provinces,
/// libraries, event and tags before and after, the search page (years) and,
/// when its provinces changed, the lists that count posts per province.
fn post_pages(old: &Site, oi: usize, new: &Site, i: usize, jobs: &mut BTreeSet<JobKey>) {
    let links = |p: &crate::site::Post| Links {
        provinces: p.provinces.clone(),
        libraries: p.libraries.clone(),
        event: p.event,
        tags: p.tags.clone(),
    };
    post_links(new, i, &links(&old.posts[oi]), &links(&new.posts[i]), jobs);
}

fn post_links(site: &Site, i: usize, o: &Links, n: &Links, jobs: &mut BTreeSet<JobKey>) {
    jobs.insert(JobKey::Post(i as u32));
    jobs.insert(JobKey::News(incremental::news_page_of(site, i)));
    jobs.insert(JobKey::Home);
    jobs.insert(JobKey::Search);
    if o.provinces != n.provinces {
        jobs.insert(JobKey::Provinces);
    }
    for p in o.provinces.iter().chain(&n.provinces) {
        jobs.insert(JobKey::Province(p.0));
    }
    for l in o.libraries.iter().chain(&n.libraries) {
        jobs.insert(JobKey::Library(l.0));
    }
    for e in o.event.iter().chain(&n.event) {
        jobs.insert(JobKey::Event(e.0));
    }
    for t in o.tags.iter().chain(&n.tags) {
        jobs.insert(JobKey::Tag(t.0));
    }
}

/// The pages that show story `i`: the story, the story list, the home page,
/// its library and province (before and after), its tags.
fn story_pages(old: &Site, new: &Site, i: usize, jobs: &mut BTreeSet<JobKey>) {
    let links = |s: &crate::site::Story| Links {
        provinces: vec![s.province],
        libraries: vec![s.library],
        event: None,
        tags: s.tags.clone(),
    };
    story_links(i, &links(&old.stories[i]), &links(&new.stories[i]), jobs);
}

fn story_links(i: usize, o: &Links, n: &Links, jobs: &mut BTreeSet<JobKey>) {
    jobs.insert(JobKey::Story(i as u32));
    jobs.insert(JobKey::Stories);
    jobs.insert(JobKey::Home);
    for p in o.provinces.iter().chain(&n.provinces) {
        jobs.insert(JobKey::Province(p.0));
    }
    for l in o.libraries.iter().chain(&n.libraries) {
        jobs.insert(JobKey::Library(l.0));
    }
    for t in o.tags.iter().chain(&n.tags) {
        jobs.insert(JobKey::Tag(t.0));
    }
}

/// The pages that show the records a patch replaced. `same_card`: the
/// records whose card (what lists show of them) did not change: with the
/// same links, the lists that show them are as they were, and only their
/// own page, the home page and their news listing page are made again.
pub fn touched_pages(
    site: &Site,
    touched: &[Touched],
    same_card: &[(bool, usize)],
    jobs: &mut BTreeSet<JobKey>,
) {
    for t in touched {
        match t {
            Touched::Post { id, before, after } => {
                if before == after && same_card.contains(&(false, id.index())) {
                    jobs.insert(JobKey::Post(id.0));
                    jobs.insert(JobKey::News(incremental::news_page_of(site, id.index())));
                    jobs.insert(JobKey::Home);
                } else {
                    post_links(site, id.index(), before, after, jobs)
                }
            }
            Touched::Story { id, before, after } => {
                if before == after && same_card.contains(&(true, id.index())) {
                    jobs.insert(JobKey::Story(id.0));
                    jobs.insert(JobKey::Home);
                } else {
                    story_links(id.index(), before, after, jobs)
                }
            }
        }
    }
}

/// Turns keys into jobs, adding every page of a kind this module does not
/// know (see the module comment).
pub fn jobs_of(site: &Site, keys: &BTreeSet<JobKey>) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::with_capacity(keys.len() + 8);
    for k in keys {
        jobs.push(k.job());
        // A library's poster shows what its page shows, or less.
        if let JobKey::Library(l) = k {
            jobs.push(Job::Poster(LibraryId(*l)));
        }
    }
    jobs.extend(incremental::jobs(site).into_iter().filter(always));
    jobs
}

/// Whether a page is rendered on every partial rebuild: pages of kinds
/// that [`affected`] and [`touched_pages`] do not reason about. A kind
/// listed here as known must be handled there.
pub fn always(job: &Job) -> bool {
    !matches!(
        job,
        Job::Home
            | Job::News(_)
            | Job::Post(_)
            | Job::Stories
            | Job::Story(_)
            | Job::Events
            | Job::Event(_)
            | Job::Provinces
            | Job::Province(_)
            | Job::Library(_)
            | Job::Poster(_)
            | Job::LibraryAlias(..)
            | Job::Awards
            | Job::AwardYear(_)
            | Job::Tag(_)
            | Job::Search
            | Job::Page(_)
            | Job::NotFound
    )
}

#[cfg(test)]
mod tests {
    use super::content_record;

    #[test]
    fn paths_to_records() {
        assert_eq!(content_record("content/berita/a.md"), Some(("berita", "a")));
        assert_eq!(
            content_record("content/berita/a/index.md"),
            Some(("berita", "a"))
        );
        assert_eq!(
            content_record("content/kisah/b/foto.jpg"),
            Some(("kisah", "b"))
        );
        assert_eq!(content_record("content/tentang.md"), Some(("", "tentang")));
        assert_eq!(
            content_record("content/kontak/index.md"),
            Some(("", "kontak"))
        );
        assert_eq!(content_record("data/site.yaml"), None);
    }
}
