//! Resolve: loaded records → the [`Site`] model. Converts values (dates,
//! levels), turns every reference into an index (reporting unknown ones with
//! the nearest known value), and computes reverse links once.

mod content;
mod ctx;
mod link;
pub mod patch;
mod records;
mod regions;

use super::index::{Lookup, RegencyIndex};
use super::*;
use crate::diag::Diagnostics;
use crate::load::Loaded;
use crate::model::{hex_color, Date};
use ctx::Ctx;
use link::link;

/// Choices that change what is published.
#[derive(Debug, Clone, Copy)]
pub struct ResolveOptions {
    /// Publish `draft: true` content (the dev server does).
    pub include_drafts: bool,
    /// "Today": the build's reference date, for warnings about future
    /// dates and for which events are upcoming ([`Site::today`]). By
    /// default [`Date::build_date`] (`SOURCE_DATE_EPOCH` when set); fixed
    /// in tests.
    pub today: Date,
}

impl Default for ResolveOptions {
    fn default() -> Self {
        ResolveOptions {
            include_drafts: false,
            today: Date::build_date(),
        }
    }
}

/// Builds the site model of everything that resolved; every problem goes in
/// `diags` (callers publish nothing if it has errors).
pub fn resolve(loaded: &Loaded, opts: ResolveOptions, diags: &mut Diagnostics) -> Site {
    let mut cx = Ctx::new(loaded, opts, diags);
    if !opts.include_drafts {
        for c in loaded.events.iter().filter(|c| c.front.draft) {
            cx.mark_draft(format!("event:{}", c.slug));
        }
    }
    let (provinces, regencies) = regions::provinces_and_regencies(&mut cx);
    let refs = Refs::new(&provinces, &regencies);
    let libraries = regions::libraries(&mut cx, &refs, &regencies, &provinces);
    let refs = refs.with_libraries(&libraries);

    let (mut events, event_tags) = content::events(&mut cx, &refs);
    let refs = refs.with_events(&events);
    let (mut posts, post_tags) = content::posts(&mut cx, &refs, &libraries, &events);
    let (mut stories, story_tags) = content::stories(&mut cx, &refs, &libraries);
    let pages = content::pages(loaded, opts);
    let tags = content::tags(
        &mut posts,
        post_tags,
        &mut stories,
        story_tags,
        &mut events,
        event_tags,
    );
    let awards = records::awards(&mut cx, &refs, &libraries);
    let reports = records::reports(&mut cx, &refs);
    let icon = loaded.config.as_ref().and_then(|c| {
        let path = c.data.icon.as_ref().filter(|p| !p.trim().is_empty())?;
        let at = c.origin.value("icon");
        cx.image(path, &None, "static", &c.origin, "icon")
            .map(|i| (i, at))
    });

    let mut site = Site {
        config: config(loaded),
        today: opts.today,
        provinces,
        regencies,
        libraries,
        posts,
        stories,
        events,
        pages,
        award_years: Vec::new(),
        awards,
        reports,
        tags,
        assets: assets(loaded),
    };
    if let Some((i, at)) = icon {
        site.config.app.icon = Some(i);
        site.config.app.icon_at = Some(at);
    }
    link(&mut site);
    site
}

/// An optional text field; an empty one (`summary: ""`, as `warta new`
/// writes) counts as absent.
pub(super) fn text(s: &Option<String>) -> Option<String> {
    s.as_ref().filter(|t| !t.trim().is_empty()).cloned()
}

/// Reference tables, grown as each record family resolves.
pub(super) struct Refs {
    province_by_slug: Lookup<ProvinceId>,
    province_by_code: Lookup<ProvinceId>,
    regency: RegencyIndex<RegencyId>,
    library_by_id: Lookup<LibraryId>,
    event_by_slug: Lookup<EventId>,
}

impl Refs {
    fn new(provinces: &[Province], regencies: &[Regency]) -> Refs {
        let ids = |f: fn(&Province) -> &String| {
            Lookup::new(
                provinces
                    .iter()
                    .enumerate()
                    .map(move |(i, p)| (f(p).clone(), ProvinceId(i as u32))),
            )
        };
        Refs {
            province_by_slug: ids(|p| &p.slug),
            province_by_code: ids(|p| &p.code),
            regency: RegencyIndex::new(regencies.iter().enumerate().map(|(i, r)| {
                (
                    RegencyId(i as u32),
                    r.code.as_str(),
                    r.name.as_str(),
                    r.kind,
                    r.official_name.as_str(),
                )
            })),
            library_by_id: Lookup::new([]),
            event_by_slug: Lookup::new([]),
        }
    }

    /// Old ids (aliases) resolve too, so a rename never breaks a reference;
    /// a current id always wins over an alias (a clash is reported by
    /// validate).
    fn with_libraries(mut self, libraries: &[Library]) -> Refs {
        let ids = libraries
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), LibraryId(i as u32)));
        let aliases = libraries.iter().enumerate().flat_map(|(i, l)| {
            l.aliases
                .iter()
                .map(move |a| (a.clone(), LibraryId(i as u32)))
        });
        self.library_by_id = Lookup::new(ids.chain(aliases));
        self
    }

    fn with_events(mut self, events: &[Event]) -> Refs {
        self.event_by_slug = Lookup::new(
            events
                .iter()
                .enumerate()
                .map(|(i, e)| (e.slug.clone(), EventId(i as u32))),
        );
        self
    }
}

fn config(loaded: &Loaded) -> SiteConfig {
    let c = loaded.config.as_ref().map(|r| &r.data);
    SiteConfig {
        title: c.map_or("warta".into(), |c| c.title.clone()),
        description: c.and_then(|c| c.description.clone()),
        base_url: c.map_or("http://127.0.0.1".into(), |c| {
            c.base_url.trim_end_matches('/').to_string()
        }),
        language: c
            .and_then(|c| c.language.clone())
            .unwrap_or_else(|| "id".into()),
        theme: c
            .and_then(|c| c.theme.clone())
            .unwrap_or_else(|| "default".into()),
        menu: c.map_or(Vec::new(), |c| {
            c.menu
                .iter()
                .map(|m| MenuItem {
                    name: m.name.clone(),
                    url: m.url.clone(),
                })
                .collect()
        }),
        per_page: c.and_then(|c| c.per_page).unwrap_or(10).max(1) as usize,
        allow_html: c.is_some_and(|c| c.allow_html),
        strict: c.is_some_and(|c| c.strict),
        author: c.and_then(|c| c.author.clone()),
        cms: c.map(|c| c.cms.clone()).unwrap_or_default(),
        extra: c.map(|c| c.extra.clone()).unwrap_or_default(),
        app: crate::site::App {
            short_name: c.and_then(|c| c.short_name.clone()),
            theme_color: c.and_then(|c| c.theme_color.as_deref().and_then(hex_color)),
            background_color: c.and_then(|c| c.background_color.as_deref().and_then(hex_color)),
            icon: None,
            icon_at: None,
        },
    }
}

fn assets(loaded: &Loaded) -> Vec<(String, String)> {
    loaded
        .assets
        .iter()
        .map(|a| {
            let url = a
                .strip_prefix("static")
                .or_else(|| a.strip_prefix("content"))
                .unwrap_or(a);
            (a.clone(), url.to_string())
        })
        .collect()
}
