//! What a rebuild renders: from the files changed and the site before and
//! after ([`affected`]), or from the records a patch replaced
//! ([`touched_pages`]).
//!
//! A paginated list ([`List`]) that a record joins or leaves is made again
//! from the record's page to its last; when its number of pages changes,
//! every page (their pagers link the last), or, when pages would go away,
//! everything ([`Plan::Full`]: a partial build keeps the set of pages).
//!
//! Page kinds this module does not know (added to `render::job::Job`
//! later) are rendered again on every partial rebuild, so a new kind of
//! page is never left stale: see [`always`].

use crate::render::incremental::{Job, List, Section};
use crate::site::patch::{Links, Touched};
use crate::site::{PageId, PostId, ProvinceId, Site, StoryId, TagId};
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

    let lists = Lists {
        site: new,
        old: Some(old),
        may_grow: inserted.is_some(),
    };
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
                let before = match inserted {
                    Some(k) if i == k => continue, // below
                    Some(k) if i > k => &old.posts[i - 1],
                    _ => &old.posts[i],
                };
                let post = Record::Post(PostId(i as u32));
                let done = record_links(
                    &lists,
                    post,
                    &post_refs(before),
                    &post_refs(&new.posts[i]),
                    &mut jobs,
                );
                if let Err(why) = done {
                    return Plan::Full(why);
                }
            }
            "kisah" => {
                let Some(i) = new.stories.iter().position(|p| p.slug == slug) else {
                    continue;
                };
                let story = Record::Story(StoryId(i as u32));
                let done = record_links(
                    &lists,
                    story,
                    &story_refs(&old.stories[i]),
                    &story_refs(&new.stories[i]),
                    &mut jobs,
                );
                if let Err(why) = done {
                    return Plan::Full(why);
                }
            }
            "plm" => {
                if new.events.iter().any(|e| e.slug == slug) {
                    return full("an event changed");
                }
            }
            _ => {
                if let Some(i) = new.pages.iter().position(|p| p.slug == slug) {
                    jobs.insert(Job::Page(PageId(i as u32)));
                }
            }
        }
    }
    if let Some(k) = inserted {
        // Every list the new post joins, the news listing among them.
        let done = record_links(
            &lists,
            Record::Post(PostId(k as u32)),
            &Links::default(),
            &post_refs(&new.posts[k]),
            &mut jobs,
        )
        .and_then(|()| lists.list(List::News, k, Change::Joined, &mut jobs));
        if let Err(why) = done {
            return Plan::Full(why);
        }
    }
    Plan::Some(jobs)
}

/// A page to render (pages are sortable, so a set of them has no
/// duplicates and a fixed order).
pub type JobKey = Job;

/// How a record's edit reaches a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// It stays in the list; what the list shows of it may have changed.
    Card,
    /// It joined the list.
    Joined,
    /// It left the list.
    Left,
}

impl Change {
    fn of(before: bool, after: bool) -> Change {
        match (before, after) {
            (false, true) => Change::Joined,
            (true, false) => Change::Left,
            _ => Change::Card,
        }
    }
}

/// The site being rendered, and what the lists were before the change.
struct Lists<'a> {
    site: &'a Site,
    /// The site before, when there is one (else the lists before are
    /// worked out from the change).
    old: Option<&'a Site>,
    /// Pages may be added: the engine adds them to the sitemap (only
    /// after a news post was added).
    may_grow: bool,
}

impl Lists<'_> {
    /// The pages of `list` to render after the record at `position` (in
    /// the new list; where it would be when it left) changed as `change`
    /// says. An error when pages go away or, unless allowed, come.
    fn list(
        &self,
        list: List,
        position: usize,
        change: Change,
        jobs: &mut BTreeSet<JobKey>,
    ) -> Result<(), String> {
        let site = self.site;
        let pages = list.pages(site);
        if change == Change::Card {
            if pages > 0 {
                jobs.insert(Job::List(list, list.page_of(site, position).min(pages)));
            }
            return Ok(());
        }
        let before = match self.old {
            Some(old) => list.pages(old),
            None => {
                let len = list.len(site);
                let len = if change == Change::Joined {
                    len.saturating_sub(1)
                } else {
                    len + 1
                };
                list.pages_of_len(site, len)
            }
        };
        let first = if pages == before {
            list.page_of(site, position)
        } else if pages > before && self.may_grow {
            1
        } else {
            return Err("a list got more or fewer pages".into());
        };
        jobs.extend((first..=pages).map(|n| Job::List(list, n)));
        Ok(())
    }
}

fn post_refs(p: &crate::site::Post) -> Links {
    Links {
        provinces: p.provinces.clone(),
        libraries: p.libraries.clone(),
        event: p.event,
        tags: p.tags.clone(),
    }
}

fn story_refs(s: &crate::site::Story) -> Links {
    Links {
        provinces: vec![s.province],
        libraries: vec![s.library],
        event: None,
        tags: s.tags.clone(),
    }
}

/// A record whose edit is planned page by page: a news post or a story.
#[derive(Debug, Clone, Copy)]
enum Record {
    Post(PostId),
    Story(StoryId),
}

impl Record {
    fn index(self) -> usize {
        match self {
            Record::Post(id) => id.index(),
            Record::Story(id) => id.index(),
        }
    }

    /// Its own page.
    fn page(self) -> Job {
        match self {
            Record::Post(id) => Job::Post(id),
            Record::Story(id) => Job::Story(id),
        }
    }

    /// The list of every record of its kind.
    fn listing(self) -> List {
        match self {
            Record::Post(_) => List::News,
            Record::Story(_) => List::Stories,
        }
    }

    /// Its list on a province page, and its place in it.
    fn in_province(self, site: &Site, p: ProvinceId) -> (List, usize) {
        let province = site.province(p);
        match self {
            Record::Post(id) => (
                List::Province(p, Section::News),
                province.posts.partition_point(|x| *x < id),
            ),
            Record::Story(id) => (
                List::Province(p, Section::Stories),
                province.stories.partition_point(|x| *x < id),
            ),
        }
    }

    /// Its place in a tag's list (news first, then stories).
    fn in_tag(self, site: &Site, t: TagId) -> usize {
        let tag = site.tag(t);
        match self {
            Record::Post(id) => tag.posts.partition_point(|x| *x < id),
            Record::Story(id) => tag.posts.len() + tag.stories.partition_point(|x| *x < id),
        }
    }
}

/// The pages that show `record`, whose links were `o` and are `n`: its
/// page, its page of its listing, the home page (latest news and stories),
/// its provinces, libraries, event and tags before and after; for a news
/// post also the search page (years) and, when its provinces changed, the
/// list that counts posts per province.
fn record_links(
    lists: &Lists,
    record: Record,
    o: &Links,
    n: &Links,
    jobs: &mut BTreeSet<JobKey>,
) -> Result<(), String> {
    let site = lists.site;
    jobs.insert(record.page());
    lists.list(record.listing(), record.index(), Change::Card, jobs)?;
    jobs.insert(Job::Home);
    if let Record::Post(_) = record {
        jobs.insert(Job::Search);
        if o.provinces != n.provinces {
            jobs.insert(Job::Provinces);
        }
    }
    for &p in o.provinces.iter().chain(&n.provinces) {
        jobs.insert(Job::Province(p));
        let (list, at) = record.in_province(site, p);
        let change = Change::of(o.provinces.contains(&p), n.provinces.contains(&p));
        lists.list(list, at, change, jobs)?;
    }
    for &l in o.libraries.iter().chain(&n.libraries) {
        jobs.insert(Job::Library(l));
    }
    for &e in o.event.iter().chain(&n.event) {
        jobs.insert(Job::Event(e));
    }
    for &t in o.tags.iter().chain(&n.tags) {
        let change = Change::of(o.tags.contains(&t), n.tags.contains(&t));
        lists.list(List::Tag(t), record.in_tag(site, t), change, jobs)?;
    }
    if let Record::Post(id) = record {
        // "Berita terkait" on the posts that share a library, event or
        // province with this one.
        for &l in o.libraries.iter().chain(&n.libraries) {
            related_near(&site.library(l).posts, id, jobs);
        }
        for &e in o.event.iter().chain(&n.event) {
            related_near(&site.event(e).posts, id, jobs);
        }
        for &p in o.provinces.iter().chain(&n.provinces) {
            related_near(&site.province(p).posts, id, jobs);
        }
    }
    Ok(())
}

/// The posts of `list` (an event's, library's or province's) near where
/// post `id` is or was: those that may show it under "Berita terkait"
/// (`render::related`), one further each side for a post joining or
/// leaving the list.
fn related_near(list: &[PostId], id: PostId, jobs: &mut BTreeSet<JobKey>) {
    let at = list.partition_point(|x| *x < id);
    let reach = crate::render::incremental::RELATED_REACH + 1;
    let end = (at + reach + 1).min(list.len());
    for &j in &list[at.saturating_sub(reach)..end] {
        jobs.insert(Job::Post(j));
    }
}

/// The pages that show the records a patch replaced, added to `jobs`
/// (pages owed by an earlier build). `same_card`: the records whose card
/// (what lists show of them) did not change: with the same links, the
/// lists that show them are as they were, and only their own page, the
/// home page and their news listing page are made again. Everything when
/// a list gains or loses a page.
pub fn touched_pages(
    site: &Site,
    touched: &[Touched],
    same_card: &[(bool, usize)],
    mut jobs: BTreeSet<JobKey>,
) -> Plan {
    let lists = Lists {
        site,
        old: None,
        may_grow: false,
    };
    for t in touched {
        let (record, before, after) = match t {
            Touched::Post { id, before, after } => (Record::Post(*id), before, after),
            Touched::Story { id, before, after } => (Record::Story(*id), before, after),
        };
        let is_story = matches!(record, Record::Story(_));
        let done = if before == after && same_card.contains(&(is_story, record.index())) {
            jobs.insert(record.page());
            jobs.insert(Job::Home);
            match record {
                Record::Post(id) => lists.list(List::News, id.index(), Change::Card, &mut jobs),
                Record::Story(_) => Ok(()),
            }
        } else {
            record_links(&lists, record, before, after, &mut jobs)
        };
        if let Err(why) = done {
            return Plan::Full(why);
        }
    }
    Plan::Some(jobs)
}

/// Turns keys into jobs, adding every page of a kind this module does not
/// know (see the module comment).
pub fn jobs_of(site: &Site, keys: &BTreeSet<JobKey>) -> Vec<Job> {
    let mut jobs: Vec<Job> = Vec::with_capacity(keys.len() + 8);
    for &k in keys {
        jobs.push(k);
        // A library's poster shows what its page shows, or less.
        if let Job::Library(l) = k {
            jobs.push(Job::Poster(l));
        }
    }
    jobs.extend(
        crate::render::incremental::jobs(site)
            .into_iter()
            .filter(always),
    );
    jobs
}

/// Whether a page is rendered on every partial rebuild: pages of kinds
/// that [`affected`] and [`touched_pages`] do not reason about. A kind
/// listed here as known must be handled there.
pub fn always(job: &Job) -> bool {
    !matches!(
        job,
        Job::Home
            | Job::Post(_)
            | Job::Story(_)
            | Job::Event(_)
            | Job::Provinces
            | Job::Province(_)
            | Job::Library(_)
            | Job::Poster(_)
            | Job::LibraryAlias(..)
            | Job::Awards
            | Job::Search
            | Job::Page(_)
            | Job::NotFound
            | Job::List(..)
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
