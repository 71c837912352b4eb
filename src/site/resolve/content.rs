//! Markdown content: events, news posts, stories, pages, and their tags.
//!
//! Every file is checked, drafts included; only published ones (or all,
//! with `include_drafts`) enter the model.

use super::{Ctx, Refs, ResolveOptions};
use crate::diag::{suggest::did_you_mean, Diagnostic, Diagnostics, Span};
use crate::load::{Content, Loaded};
use crate::model::records::{
    EventFrontMatter, PostFrontMatter, StoryFrontMatter, PARTICIPANT_KEYS,
};
use crate::model::{is_slug, limits, EventLevel};
use crate::site::*;
use std::collections::{BTreeMap, HashMap};

/// Front matter that can be a draft and sorts by a date.
pub(super) trait Dated {
    fn draft(&self) -> bool;
    /// The raw date text; `YYYY-MM-DD` sorts correctly as text.
    fn sort_date(&self) -> &str;
}

macro_rules! dated {
    ($t:ty, $field:ident) => {
        impl Dated for $t {
            fn draft(&self) -> bool {
                self.draft
            }
            fn sort_date(&self) -> &str {
                &self.$field
            }
        }
    };
}
dated!(PostFrontMatter, date);
dated!(StoryFrontMatter, date);
dated!(EventFrontMatter, start);

/// All content of a kind, newest first, then by slug.
fn newest_first<F: Dated>(items: &[Content<F>]) -> Vec<&Content<F>> {
    let mut v: Vec<&Content<F>> = items.iter().collect();
    v.sort_by(|a, b| {
        b.front
            .sort_date()
            .cmp(a.front.sort_date())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    v
}

fn published<F: Dated>(c: &Content<F>, opts: ResolveOptions) -> bool {
    opts.include_drafts || !c.front.draft()
}

fn body_source<F>(c: &Content<F>) -> BodySource {
    BodySource {
        span: Span::new(c.origin.file, c.body_offset..c.body_offset),
        path: c.dir.clone(),
    }
}

/// Events with their tag names (tags are assigned once all content is in).
pub(super) fn events(cx: &mut Ctx, refs: &Refs) -> (Vec<Event>, Vec<Vec<String>>) {
    let mut out = (Vec::new(), Vec::new());
    for c in newest_first(&cx.loaded.events) {
        let (f, o) = (&c.front, &c.origin);
        cx.draft(f.draft);
        let level = EventLevel::parse(&f.level);
        if level.is_none() {
            cx.error(
                Diagnostic::error(
                    o.value("level"),
                    crate::msg!(
                        "unknown-event-level",
                        level = crate::diag::shorten(&f.level)
                    ),
                )
                .with_help_opt(did_you_mean(&f.level, EventLevel::NAMES.iter().copied())),
            );
        }
        let provinces = province_list(cx, refs, &f.provinces, o);
        let start = cx.date(&f.start, o, "start");
        let end = f.end.as_ref().and_then(|e| cx.date(e, o, "end"));
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                cx.error(
                    Diagnostic::error(
                        o.value("end"),
                        crate::msg!(
                            "event-ends-before-start",
                            end = e.to_string(),
                            start = s.to_string()
                        ),
                    )
                    .with_help(crate::msg!("event-ends-before-start-help")),
                );
            }
        }
        let image = f
            .image
            .as_ref()
            .and_then(|p| cx.image(p, &f.image_alt, &c.dir, o, "image"));
        cx.draft(false);
        let (Some(level), Some(start)) = (level, start) else {
            cx.mark_broken(format!("event:{}", c.slug));
            continue;
        };
        if !published(c, cx.opts) {
            continue;
        }
        out.0.push(Event {
            slug: c.slug.clone(),
            title: f.title.clone(),
            level,
            provinces,
            city: super::text(&f.city),
            venue: super::text(&f.venue),
            online: f.online,
            start,
            end,
            theme: super::text(&f.theme),
            participants: PARTICIPANT_KEYS
                .iter()
                .filter_map(|k| f.participants.get(*k).map(|v| (k.to_string(), *v)))
                .collect(),
            facilitators: f.facilitators.clone(),
            tags: Vec::new(),
            image,
            summary: super::text(&f.summary),
            illustrative: f.illustrative,
            draft: f.draft,
            body: c.body.clone(),
            source: body_source(c),
            posts: Vec::new(),
            awards: Vec::new(),
            reports: Vec::new(),
            libraries: Vec::new(),
        });
        out.1.push(f.tags.clone());
    }
    out
}

fn province_list(
    cx: &mut Ctx,
    refs: &Refs,
    slugs: &[String],
    o: &crate::yaml::Origin,
) -> Vec<ProvinceId> {
    slugs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            cx.reference(
                &refs.province_by_slug,
                p,
                o,
                &format!("provinces/{i}"),
                "province",
            )
        })
        .collect()
}

pub(super) fn posts(
    cx: &mut Ctx,
    refs: &Refs,
    libraries: &[Library],
    events: &[Event],
) -> (Vec<Post>, Vec<Vec<String>>) {
    // On all cores (a large site has 100,000 posts), each post with its own
    // problems, appended in order: the same diagnostics as one by one.
    use rayon::prelude::*;
    let shared: &Ctx = cx;
    let resolved: Vec<_> = newest_first(&shared.loaded.posts)
        .into_par_iter()
        .map(|c| {
            let mut diags = Diagnostics::new();
            let done = post(&mut shared.fork(&mut diags), refs, libraries, events, c);
            (done, diags)
        })
        .collect();
    let mut out = (Vec::new(), Vec::new());
    for (done, diags) in resolved {
        cx.append(diags);
        if let Some((post, tags)) = done {
            out.0.push(post);
            out.1.push(tags);
        }
    }
    out
}

/// One news post and its tag names, when it is published and valid.
pub(super) fn post(
    cx: &mut Ctx,
    refs: &Refs,
    libraries: &[Library],
    events: &[Event],
    c: &Content<PostFrontMatter>,
) -> Option<(Post, Vec<String>)> {
    let (f, o) = (&c.front, &c.origin);
    let date = cx.dated(f.draft, &f.date, o);
    let updated = cx.updated(f.updated.as_deref(), date, o);
    let mut provinces = province_list(cx, refs, &f.provinces, o);
    let libs: Vec<LibraryId> = f
        .libraries
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            cx.reference(
                &refs.library_by_id,
                l,
                o,
                &format!("libraries/{i}"),
                "library",
            )
        })
        .collect();
    let event = f
        .event
        .as_ref()
        .and_then(|e| cx.reference(&refs.event_by_slug, e, o, "event", "event"));
    let image = f
        .image
        .as_ref()
        .and_then(|p| cx.image(p, &f.image_alt, &c.dir, o, "image"));
    // A post is about its named provinces and those of its libraries and event.
    provinces.extend(libs.iter().map(|l| libraries[l.index()].province));
    if let Some(e) = event {
        provinces.extend(events[e.index()].provinces.iter().copied());
    }
    provinces.sort();
    provinces.dedup();
    cx.draft(false);
    let (Some(date), true) = (date, published(c, cx.opts)) else {
        return None;
    };
    let post = Post {
        slug: c.slug.clone(),
        title: f.title.clone(),
        date,
        updated,
        author: super::text(&f.author),
        provinces,
        libraries: libs,
        event,
        tags: Vec::new(),
        image,
        summary: super::text(&f.summary),
        illustrative: f.illustrative,
        draft: f.draft,
        body: c.body.clone(),
        source: body_source(c),
    };
    Some((post, f.tags.clone()))
}

pub(super) fn stories(
    cx: &mut Ctx,
    refs: &Refs,
    libraries: &[Library],
) -> (Vec<Story>, Vec<Vec<String>>) {
    let mut out = (Vec::new(), Vec::new());
    for c in newest_first(&cx.loaded.stories) {
        if let Some((story, tags)) = story(cx, refs, libraries, c) {
            out.0.push(story);
            out.1.push(tags);
        }
    }
    out
}

/// One story and its tag names (themes first), when it is published and
/// valid.
pub(super) fn story(
    cx: &mut Ctx,
    refs: &Refs,
    libraries: &[Library],
    c: &Content<StoryFrontMatter>,
) -> Option<(Story, Vec<String>)> {
    let (f, o) = (&c.front, &c.origin);
    let date = cx.dated(f.draft, &f.date, o);
    let updated = cx.updated(f.updated.as_deref(), date, o);
    let library = cx.reference(&refs.library_by_id, &f.library, o, "library", "library");
    let image = f
        .image
        .as_ref()
        .and_then(|p| cx.image(p, &f.image_alt, &c.dir, o, "image"));
    cx.draft(false);
    let (Some(date), Some(library), true) = (date, library, published(c, cx.opts)) else {
        return None;
    };
    let story = Story {
        slug: c.slug.clone(),
        title: f.title.clone(),
        date,
        updated,
        person: f.person.clone(),
        library,
        province: libraries[library.index()].province,
        themes: f.themes.clone(),
        tags: Vec::new(),
        quote: super::text(&f.quote),
        image,
        summary: super::text(&f.summary),
        illustrative: f.illustrative,
        draft: f.draft,
        body: c.body.clone(),
        source: body_source(c),
    };
    // Themes are tags too: readers browse them the same way.
    Some((story, f.themes.iter().chain(&f.tags).cloned().collect()))
}

pub(super) fn pages(loaded: &Loaded, opts: ResolveOptions) -> Vec<Page> {
    let mut v: Vec<Page> = loaded
        .pages
        .iter()
        .filter(|c| opts.include_drafts || !c.front.draft)
        .map(|c| Page {
            slug: c.slug.clone(),
            title: c.front.title.clone(),
            summary: super::text(&c.front.summary),
            weight: c.front.weight.unwrap_or(0),
            draft: c.front.draft,
            body: c.body.clone(),
            source: body_source(c),
        })
        .collect();
    v.sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.title.cmp(&b.title)));
    v
}

/// The slug of a tag as written, or `None` for one `validate` refuses
/// (not a slug, or too long to be a page): it makes no tag page, so the
/// mistake is reported once, where it was written.
pub(super) fn tag_slug(name: &str) -> Option<&str> {
    (is_slug(name) && name.len() <= limits::TAG.chars).then_some(name)
}

/// Builds the tag list (sorted by slug) and attaches tags both ways. Tags
/// are slugs as written, so two spellings never make two pages that look
/// alike.
pub(super) fn tags(
    posts: &mut [Post],
    post_tags: Vec<Vec<String>>,
    stories: &mut [Story],
    story_tags: Vec<Vec<String>>,
    events: &mut [Event],
    event_tags: Vec<Vec<String>>,
) -> Vec<Tag> {
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for name in post_tags
        .iter()
        .chain(&story_tags)
        .chain(&event_tags)
        .flatten()
    {
        if let Some(slug) = tag_slug(name) {
            labels
                .entry(slug.to_string())
                .or_insert_with(|| name.to_string());
        }
    }
    let id_of: HashMap<&str, TagId> = labels
        .keys()
        .enumerate()
        .map(|(i, s)| (s.as_str(), TagId(i as u32)))
        .collect();
    let ids = |names: &[String]| -> Vec<TagId> {
        let mut v: Vec<TagId> = names
            .iter()
            .filter_map(|n| tag_slug(n).and_then(|s| id_of.get(s)).copied())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let mut tags: Vec<Tag> = labels
        .iter()
        .map(|(slug, name)| Tag {
            slug: slug.clone(),
            name: name.clone(),
            posts: Vec::new(),
            stories: Vec::new(),
            events: Vec::new(),
        })
        .collect();
    for (i, (p, names)) in posts.iter_mut().zip(&post_tags).enumerate() {
        p.tags = ids(names);
        p.tags
            .iter()
            .for_each(|t| tags[t.index()].posts.push(PostId(i as u32)));
    }
    for (i, (s, names)) in stories.iter_mut().zip(&story_tags).enumerate() {
        s.tags = ids(names);
        s.tags
            .iter()
            .for_each(|t| tags[t.index()].stories.push(StoryId(i as u32)));
    }
    for (i, (e, names)) in events.iter_mut().zip(&event_tags).enumerate() {
        e.tags = ids(names);
        e.tags
            .iter()
            .for_each(|t| tags[t.index()].events.push(EventId(i as u32)));
    }
    tags
}
