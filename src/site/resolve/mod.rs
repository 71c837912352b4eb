//! Resolve: loaded records → the [`Site`] model. Converts values (dates,
//! levels), turns every reference into an index (reporting unknown ones with
//! the nearest known value), and computes reverse links once.

mod content;
pub mod patch;
mod records;
mod regions;

use super::index::{Lookup, RegencyIndex};
use super::*;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Loaded;
use crate::model::{hex_color, Date};
use crate::yaml::Origin;
use std::collections::HashSet;

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

pub(super) struct Ctx<'a> {
    loaded: &'a Loaded,
    diags: &'a mut Diagnostics,
    opts: ResolveOptions,
    /// Records that exist but failed to resolve (already reported), as
    /// `what:key`: references to them stay quiet instead of cascading.
    broken: HashSet<String>,
    /// Unpublished records (`event:slug`), to explain a reference to one.
    drafts: HashSet<String>,
    /// Set while resolving an unpublished draft: its problems are warnings
    /// until it is published.
    in_draft: bool,
}

impl<'a> Ctx<'a> {
    /// A context with nothing broken and no drafts marked yet.
    pub(super) fn new(
        loaded: &'a Loaded,
        opts: ResolveOptions,
        diags: &'a mut Diagnostics,
    ) -> Self {
        Ctx {
            loaded,
            diags,
            opts,
            broken: loaded.unloaded.iter().cloned().collect(),
            drafts: HashSet::new(),
            in_draft: false,
        }
    }
}

/// How a kind of reference is named in a message.
fn ref_what(what: &str) -> crate::diag::Message {
    match what {
        "province" => crate::msg!("ref-province"),
        "province code" => crate::msg!("thing-province-code"),
        "library" => crate::msg!("ref-library"),
        "event" => crate::msg!("ref-event"),
        "regency" => crate::msg!("ref-regency"),
        other => crate::msg!("expected-other", what = other),
    }
}

impl Ctx<'_> {
    pub(super) fn error(&mut self, mut d: Diagnostic) {
        if self.in_draft && d.is_error() {
            d.severity = crate::diag::Severity::Warning;
            d.message = crate::msg!("in-draft", message = d.message);
        }
        self.diags.push(d);
    }

    /// Resolves the next record as a draft (`true`) or as published.
    pub(super) fn draft(&mut self, draft: bool) {
        self.in_draft = draft && !self.opts.include_drafts;
    }

    pub(super) fn date(&mut self, text: &str, origin: &Origin, field: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.error(
                    Diagnostic::error(
                        origin.value(field),
                        crate::msg!("invalid-date", field = field, problem = msg),
                    )
                    .with_help(crate::msg!("invalid-date-help", field = field)),
                );
                None
            }
        }
    }

    /// Resolves `key` with `lookup`, or reports it: as empty, as a draft, or
    /// as unknown with the nearest known key.
    pub(super) fn reference<I: Copy>(
        &mut self,
        lookup: &Lookup<I>,
        key: &str,
        origin: &Origin,
        field: &str,
        what: &str,
    ) -> Option<I> {
        if let Some(i) = lookup.get(key) {
            return Some(i);
        }
        if self.broken.contains(&format!("{what}:{}", key.trim()))
            || self.loaded.partial.contains(what)
        {
            return None;
        }
        let key_of = format!("{what}:{}", key.trim());
        let d = if key.trim().is_empty() {
            Diagnostic::error(
                origin.value(field),
                crate::msg!("reference-empty", field = field),
            )
            .with_help(crate::msg!("reference-empty-help", what = ref_what(what)))
        } else if self.drafts.contains(&key_of) {
            Diagnostic::error(
                origin.value(field),
                crate::msg!(
                    "reference-draft",
                    what = ref_what(what),
                    key = crate::diag::shorten(key)
                ),
            )
            .with_help(crate::msg!("reference-draft-help"))
        } else {
            Diagnostic::error(
                origin.value(field),
                crate::msg!(
                    "unknown-reference",
                    what = ref_what(what),
                    key = crate::diag::shorten(key)
                ),
            )
            .with_help_opt(lookup.suggest(key))
        };
        self.error(d);
        None
    }

    pub(super) fn image(
        &mut self,
        path: &str,
        alt: &Option<String>,
        base_dir: &str,
        origin: &Origin,
        field: &str,
    ) -> Option<Image> {
        let p = path.trim();
        let (source, url) = if let Some(rest) = p.strip_prefix('/') {
            (format!("static/{rest}"), format!("/{rest}"))
        } else if base_dir.is_empty() || base_dir == "static" {
            (format!("static/{p}"), format!("/{p}"))
        } else {
            // content/berita/x → /berita/x/; content → /
            let url_dir = base_dir
                .strip_prefix("content")
                .unwrap_or(base_dir)
                .trim_start_matches('/');
            let url = if url_dir.is_empty() {
                format!("/{p}")
            } else {
                format!("/{url_dir}/{p}")
            };
            (format!("{base_dir}/{p}"), url)
        };
        let escapes =
            p.split('/').any(|s| s == ".." || s == ".") || p.contains('\\') || p.contains("://");
        if escapes || !self.loaded.assets.contains(&source) {
            let dir = source.rsplit_once('/').map_or("", |(d, _)| d);
            let nearby: Vec<&str> = self
                .loaded
                .assets
                .iter()
                .filter(|a| a.rsplit_once('/').is_some_and(|(d, _)| d == dir))
                .map(|a| a.rsplit('/').next().unwrap_or(a))
                .collect();
            let name = p.rsplit('/').next().unwrap_or(p);
            let help = match crate::diag::suggest::closest(name, nearby.iter().copied()) {
                Some(c) if !escapes => crate::msg!("did-you-mean", suggestion = c),
                _ if escapes => crate::msg!("image-outside-site-help"),
                _ => crate::msg!("image-not-found-help", path = crate::diag::shorten(&source)),
            };
            self.error(
                Diagnostic::error(
                    origin.value(field),
                    crate::msg!("image-file-not-found", image = crate::diag::shorten(path)),
                )
                .with_help(help),
            );
            return None;
        }
        Some(Image {
            source,
            url,
            alt: alt.clone().filter(|a| !a.trim().is_empty()),
        })
    }

    /// Starts a dated record (post, story): draft mode, its `date`, and the
    /// future-date warning.
    pub(super) fn dated(&mut self, draft: bool, date: &str, origin: &Origin) -> Option<Date> {
        self.draft(draft);
        let d = self.date(date, origin, "date");
        self.future(d, draft, origin);
        d
    }

    /// `updated` of a dated record: a date, not before `date` (a last
    /// change cannot come before the first publication).
    pub(super) fn updated(
        &mut self,
        text: Option<&str>,
        date: Option<Date>,
        origin: &Origin,
    ) -> Option<Date> {
        let u = self.date(text?, origin, "updated")?;
        if date.is_some_and(|d| u < d) {
            self.error(
                Diagnostic::error(
                    origin.value("updated"),
                    crate::msg!(
                        "updated-before-date",
                        updated = u.to_string(),
                        date = date.unwrap_or(u).to_string()
                    ),
                )
                .with_help(crate::msg!("updated-before-date-help")),
            );
            return None;
        }
        Some(u)
    }

    pub(super) fn future(&mut self, date: Option<Date>, draft: bool, origin: &Origin) {
        if let Some(d) = date {
            if d > self.opts.today && !draft {
                self.error(
                    Diagnostic::warning(
                        origin.value("date"),
                        crate::msg!("future-date", date = d.to_string()),
                    )
                    .with_help(crate::msg!("future-date-help")),
                );
            }
        }
    }
}

/// Builds the site model of everything that resolved; every problem goes in
/// `diags` (callers publish nothing if it has errors).
pub fn resolve(loaded: &Loaded, opts: ResolveOptions, diags: &mut Diagnostics) -> Site {
    let mut cx = Ctx::new(loaded, opts, diags);
    if !opts.include_drafts {
        cx.drafts = loaded
            .events
            .iter()
            .filter(|c| c.front.draft)
            .map(|c| format!("event:{}", c.slug))
            .collect();
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

fn dedup_sorted<T: Ord>(v: &mut Vec<T>) {
    v.sort();
    v.dedup();
}

/// Reverse links, computed once from the forward references.
fn link(site: &mut Site) {
    for (i, r) in site.regencies.iter().enumerate() {
        site.provinces[r.province.index()]
            .regencies
            .push(RegencyId(i as u32));
    }
    for (i, l) in site.libraries.iter().enumerate() {
        let id = LibraryId(i as u32);
        site.regencies[l.regency.index()].libraries.push(id);
    }
    for p in site.provinces.iter_mut() {
        let mut groups = Vec::new();
        for &r in &p.regencies {
            let reg = &site.regencies[r.index()];
            if !reg.libraries.is_empty() {
                let mut libs = reg.libraries.clone();
                libs.sort_by(|a, b| {
                    site.libraries[a.index()]
                        .name
                        .cmp(&site.libraries[b.index()].name)
                });
                groups.push((r, libs));
            }
        }
        let mut all: Vec<LibraryId> = groups.iter().flat_map(|(_, l)| l.iter().copied()).collect();
        all.sort_by_key(|l| {
            let lib = &site.libraries[l.index()];
            (lib.level != LibraryLevel::Provinsi, lib.name.clone())
        });
        p.libraries = all;
        p.libraries_by_regency = groups;
    }
    for (i, post) in site.posts.iter().enumerate() {
        let id = PostId(i as u32);
        for &p in &post.provinces {
            site.provinces[p.index()].posts.push(id);
        }
        for &l in &post.libraries {
            site.libraries[l.index()].posts.push(id);
        }
        if let Some(e) = post.event {
            site.events[e.index()].posts.push(id);
            for &l in &post.libraries {
                site.events[e.index()].libraries.push(l);
                site.libraries[l.index()].events.push(e);
            }
        }
    }
    for (i, s) in site.stories.iter().enumerate() {
        let id = StoryId(i as u32);
        site.provinces[s.province.index()].stories.push(id);
        site.libraries[s.library.index()].stories.push(id);
    }
    for (i, e) in site.events.iter().enumerate() {
        for &p in &e.provinces {
            site.provinces[p.index()].events.push(EventId(i as u32));
        }
    }
    for (i, a) in site.awards.iter().enumerate() {
        let id = AwardId(i as u32);
        site.provinces[a.province.index()].awards.push(id);
        site.libraries[a.library.index()].awards.push(id);
        if let Some(e) = a.event {
            site.events[e.index()].awards.push(id);
        }
    }
    for (i, r) in site.reports.iter().enumerate() {
        let id = ReportId(i as u32);
        if let Some(p) = r.province {
            site.provinces[p.index()].reports.push(id);
        }
        if let Some(e) = r.event {
            site.events[e.index()].reports.push(id);
        }
    }
    for e in &mut site.events {
        dedup_sorted(&mut e.libraries);
    }
    for l in &mut site.libraries {
        dedup_sorted(&mut l.events);
    }
    let mut years: Vec<u16> = site.awards.iter().map(|a| a.year).collect();
    years.sort_by(|a, b| b.cmp(a));
    years.dedup();
    site.award_years = years;
}
