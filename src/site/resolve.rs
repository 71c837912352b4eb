//! Resolve: loaded records → the [`Site`] model. Converts values (dates,
//! levels), turns every reference into an index (reporting unknown ones with
//! the nearest known value), and computes reverse links once.

use super::index::{Lookup, RegencyIndex, RegencyMatch};
use super::*;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::{Content, Loaded, Record};
use crate::model::records::{FIGURE_KEYS, PARTICIPANT_KEYS};
use crate::model::{slugify, Date};
use crate::yaml::Origin;
use std::collections::{BTreeMap, HashSet};

/// Choices that change what is published.
#[derive(Debug, Clone, Copy)]
pub struct ResolveOptions {
    /// Publish `draft: true` content (the dev server does).
    pub include_drafts: bool,
    /// "Today", for warnings about future dates; fixed in tests.
    pub today: Date,
}

impl Default for ResolveOptions {
    fn default() -> Self {
        ResolveOptions {
            include_drafts: false,
            today: Date::today(),
        }
    }
}

struct Ctx<'a> {
    loaded: &'a Loaded,
    diags: &'a mut Diagnostics,
    opts: ResolveOptions,
    /// Records that exist but failed to resolve (already reported):
    /// references to them stay quiet instead of cascading.
    broken: HashSet<String>,
}

impl Ctx<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn date(&mut self, text: &str, origin: &Origin, field: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.error(
                    Diagnostic::error(origin.value(field), format!("invalid `{field}`: {msg}"))
                        .with_help(format!("write the date as `{field}: 2022-08-02` (year-month-day)")),
                );
                None
            }
        }
    }

    /// Resolves `key` with `lookup`, or reports it. `drafts` names unpublished
    /// targets so the message can say why a real one is missing.
    fn reference<I: Copy>(
        &mut self,
        lookup: &Lookup<I>,
        key: &str,
        origin: &Origin,
        field: &str,
        what: &str,
        drafts: &HashSet<String>,
    ) -> Option<I> {
        if let Some(i) = lookup.get(key) {
            return Some(i);
        }
        if self.broken.contains(&format!("{what}:{}", key.trim())) {
            return None;
        }
        let d = if key.trim().is_empty() {
            Diagnostic::error(origin.value(field), format!("`{field}` is empty"))
                .with_help(format!("write the {what} this refers to, or remove the line"))
        } else if drafts.contains(key.trim()) {
            Diagnostic::error(origin.value(field), format!("{what} `{key}` is a draft, so it is not published"))
                .with_help("publish it (remove `draft: true`) or remove this reference")
        } else {
            Diagnostic::error(origin.value(field), format!("unknown {what} `{key}`")).with_help_opt(lookup.suggest(key))
        };
        self.error(d);
        None
    }

    fn image(&mut self, path: &str, alt: &Option<String>, base_dir: &str, origin: &Origin, field: &str) -> Option<Image> {
        let p = path.trim();
        let (source, url) = if let Some(rest) = p.strip_prefix('/') {
            (format!("static/{rest}"), format!("/{rest}"))
        } else if base_dir.is_empty() || base_dir == "static" {
            (format!("static/{p}"), format!("/{p}"))
        } else {
            let url_dir = base_dir.strip_prefix("content/").unwrap_or(base_dir);
            (format!("{base_dir}/{p}"), format!("/{url_dir}/{p}"))
        };
        let escapes = p.split('/').any(|s| s == ".." || s == ".") || p.contains('\\') || p.contains("://");
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
                Some(c) if !escapes => format!("did you mean `{c}`?"),
                _ if escapes => "name a file inside the site: beside the page, or under `static/` with a path starting with `/`".to_string(),
                _ => format!("put the image file at `{source}`, or fix the name"),
            };
            self.error(Diagnostic::error(origin.value(field), format!("image `{path}` not found")).with_help(help));
            return None;
        }
        Some(Image {
            source,
            url,
            alt: alt.clone().filter(|a| !a.trim().is_empty()),
        })
    }

    fn future(&mut self, date: Option<Date>, draft: bool, origin: &Origin) {
        if let Some(d) = date {
            if d > self.opts.today && !draft {
                self.error(
                    Diagnostic::warning(origin.value("date"), format!("this is dated {d}, in the future, but is not a draft"))
                        .with_help("it will be published now; add `draft: true` to hold it back, or fix the date"),
                );
            }
        }
    }
}

/// Builds the site model of everything that resolved; every problem goes in
/// `diags` (callers publish nothing if it has errors).
pub fn resolve(loaded: &Loaded, opts: ResolveOptions, diags: &mut Diagnostics) -> Site {
    let mut cx = Ctx {
        loaded,
        diags,
        opts,
        broken: HashSet::new(),
    };
    let config = config(loaded);

    // Provinces and regencies: the fixed frame everything hangs on.
    let mut prov_recs: Vec<&Record<_>> = loaded.provinces.iter().collect();
    prov_recs.sort_by(|a, b| a.data.code.cmp(&b.data.code));
    let mut provinces: Vec<Province> = prov_recs
        .iter()
        .map(|r| Province {
            code: r.data.code.clone(),
            slug: r.data.slug.clone(),
            name: r.data.name.clone(),
            short_name: r.data.short_name.clone(),
            name_en: r.data.name_en.clone(),
            regencies: Vec::new(),
            libraries_by_regency: Vec::new(),
            libraries: Vec::new(),
            posts: Vec::new(),
            stories: Vec::new(),
            events: Vec::new(),
            awards: Vec::new(),
            reports: Vec::new(),
        })
        .collect();
    let prov_by_slug = Lookup::new(provinces.iter().enumerate().map(|(i, p)| (p.slug.clone(), ProvinceId(i as u32))));
    let prov_by_code = Lookup::new(provinces.iter().enumerate().map(|(i, p)| (p.code.clone(), ProvinceId(i as u32))));
    let no_drafts = HashSet::new();

    let mut reg_recs: Vec<&Record<_>> = loaded.regencies.iter().collect();
    reg_recs.sort_by(|a, b| a.data.code.cmp(&b.data.code));
    let mut regencies = Vec::new();
    for r in reg_recs {
        let (d, o) = (&r.data, &r.origin);
        let province = cx.reference(&prov_by_code, &d.province, o, "province", "province code", &no_drafts);
        let kind = RegencyKind::parse(&d.kind);
        if kind.is_none() {
            cx.error(
                Diagnostic::error(o.value("kind"), format!("unknown regency kind `{}`", d.kind))
                    .with_help("write `kind: kabupaten` or `kind: kota`"),
            );
        }
        let (Some(province), Some(kind)) = (province, kind) else { continue };
        let official_name = d.official_name.clone().unwrap_or_else(|| {
            let prefix = if kind == RegencyKind::Kabupaten { "Kabupaten" } else { "Kota" };
            format!("{prefix} {}", d.name)
        });
        regencies.push(Regency {
            code: d.code.clone(),
            province,
            name: d.name.clone(),
            kind,
            official_name,
            libraries: Vec::new(),
        });
    }
    let reg_index = RegencyIndex::new(
        regencies
            .iter()
            .enumerate()
            .map(|(i, r)| (RegencyId(i as u32), r.code.as_str(), r.name.as_str(), r.kind, r.official_name.as_str())),
    );
    for (i, r) in regencies.iter().enumerate() {
        provinces[r.province.index()].regencies.push(RegencyId(i as u32));
    }

    let libraries = libraries(&mut cx, &prov_by_slug, &reg_index, &regencies, &provinces);
    // Old ids (aliases) also resolve, so a rename never breaks a reference.
    let lib_by_id = Lookup::new(
        libraries
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                std::iter::once(l.id.clone())
                    .chain(l.aliases.iter().cloned())
                    .map(move |k| (k, LibraryId(i as u32)))
            }),
    );

    // Content: drop drafts unless asked, but remember them for messages.
    let draft_events: HashSet<String> = drafts(&loaded.events, |f| f.draft, opts);
    let mut tags = TagTable::default();
    let mut events = events(&mut cx, &prov_by_slug, opts);
    let event_by_slug = Lookup::new(events.iter().enumerate().map(|(i, e)| (e.slug.clone(), EventId(i as u32))));
    let mut posts = posts(&mut cx, &prov_by_slug, &lib_by_id, &event_by_slug, &draft_events, &libraries, &events, opts);
    let mut stories = stories(&mut cx, &lib_by_id, &libraries, opts);
    let pages = pages(loaded, opts);

    // Tags, assigned in the (sorted) order of posts, stories, events.
    let event_tag_lists: Vec<Vec<String>> = sorted_content(&loaded.events, opts)
        .iter()
        .map(|c| c.front.tags.clone())
        .collect();
    for (i, p) in posts.iter_mut().enumerate() {
        let names = std::mem::take(&mut p.tags_raw);
        p.post.tags = names.iter().filter_map(|n| tags.add(n, |t| t.posts.push(PostId(i as u32)))).collect();
    }
    for (i, s) in stories.iter_mut().enumerate() {
        let names = std::mem::take(&mut s.tags_raw);
        s.story.tags = names.iter().filter_map(|n| tags.add(n, |t| t.stories.push(StoryId(i as u32)))).collect();
    }
    for (i, (e, names)) in events.iter_mut().zip(event_tag_lists).enumerate() {
        e.tags = names.iter().filter_map(|n| tags.add(n, |t| t.events.push(EventId(i as u32)))).collect();
    }
    let posts: Vec<Post> = posts.into_iter().map(|p| p.post).collect();
    let stories: Vec<Story> = stories.into_iter().map(|s| s.story).collect();
    let (tags, tag_remap) = tags.finish();
    let remap = |v: &mut Vec<TagId>| {
        for t in v.iter_mut() {
            *t = tag_remap[t.index()];
        }
    };
    let mut posts = posts;
    let mut stories = stories;
    posts.iter_mut().for_each(|p| remap(&mut p.tags));
    stories.iter_mut().for_each(|s| remap(&mut s.tags));
    events.iter_mut().for_each(|e| remap(&mut e.tags));

    let awards = awards(&mut cx, &prov_by_slug, &lib_by_id, &event_by_slug, &draft_events, &libraries);
    let reports = reports(&mut cx, &prov_by_slug, &event_by_slug, &draft_events);

    let mut site = Site {
        config,
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
    link(&mut site);
    site
}

fn config(loaded: &Loaded) -> SiteConfig {
    let c = loaded.config.as_ref().map(|r| &r.data);
    SiteConfig {
        title: c.map_or("warta".into(), |c| c.title.clone()),
        description: c.and_then(|c| c.description.clone()),
        base_url: c.map_or("http://127.0.0.1".into(), |c| c.base_url.trim_end_matches('/').to_string()),
        language: c.and_then(|c| c.language.clone()).unwrap_or_else(|| "id".into()),
        theme: c.and_then(|c| c.theme.clone()).unwrap_or_else(|| "default".into()),
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
    }
}

fn libraries(
    cx: &mut Ctx,
    prov_by_slug: &Lookup<ProvinceId>,
    reg_index: &RegencyIndex<RegencyId>,
    regencies: &[Regency],
    provinces: &[Province],
) -> Vec<Library> {
    let mut recs: Vec<&Record<_>> = cx.loaded.libraries.iter().collect();
    recs.sort_by(|a, b| a.data.id.cmp(&b.data.id));
    let no_drafts = HashSet::new();
    let mut out = Vec::with_capacity(recs.len());
    let mut seen = HashSet::new();
    for r in recs {
        let (d, o) = (&r.data, &r.origin);
        if !seen.insert(d.id.as_str()) {
            continue; // duplicate id: reported by validate
        }
        let province = cx.reference(prov_by_slug, &d.province, o, "province", "province", &no_drafts);
        let level = LibraryLevel::parse(&d.level);
        if level.is_none() {
            cx.error(
                Diagnostic::error(o.value("level"), format!("unknown library level `{}`", d.level))
                    .with_help_opt(crate::diag::suggest::did_you_mean(&d.level, LibraryLevel::NAMES.iter().copied())),
            );
        }
        let regency = province.and_then(|p| regency(cx, reg_index, regencies, provinces, &d.regency, p, o));
        let mut kpi = Vec::new();
        for (i, k) in d.kpi.iter().enumerate() {
            match KpiCategory::parse(&k.category) {
                Some(category) => kpi.push(Kpi {
                    period: k.period.clone(),
                    category,
                    community_engagement: k.community_engagement,
                    advocacy: k.advocacy,
                    service_improvement: k.service_improvement,
                }),
                None => cx.error(
                    Diagnostic::error(o.value(&format!("kpi/{i}/category")), format!("unknown KPI category `{}`", k.category))
                        .with_help(format!(
                            "{} (tinggi = green, sedang = yellow, rendah = red)",
                            crate::diag::suggest::did_you_mean(&k.category, KpiCategory::NAMES.iter().copied()).unwrap_or_default()
                        )),
                ),
            }
        }
        let photo = d.photo.as_ref().and_then(|p| cx.image(p, &d.photo_alt, "static", o, "photo"));
        let (Some(province), Some(regency), Some(level)) = (province, regency, level) else {
            for id in std::iter::once(&d.id).chain(&d.aliases) {
                cx.broken.insert(format!("library:{id}"));
            }
            continue;
        };
        out.push(Library {
            id: d.id.clone(),
            name: d.name.clone(),
            level,
            province,
            regency,
            district: d.district.clone(),
            village: d.village.clone(),
            joined: d.joined,
            address: d.address.clone(),
            phone: d.phone.clone(),
            email: d.email.clone(),
            website: d.website.clone(),
            social: d.social.clone(),
            location: d.location.map(|l| (l.lat, l.lon)),
            photo,
            summary: d.summary.clone(),
            kpi,
            aliases: d.aliases.clone(),
            illustrative: d.illustrative,
            posts: Vec::new(),
            stories: Vec::new(),
            awards: Vec::new(),
            events: Vec::new(),
        });
    }
    out
}

fn regency(
    cx: &mut Ctx,
    index: &RegencyIndex<RegencyId>,
    regencies: &[Regency],
    provinces: &[Province],
    text: &str,
    province: ProvinceId,
    o: &Origin,
) -> Option<RegencyId> {
    let at = o.value("regency");
    let pname = provinces[province.index()].display_name().to_string();
    match index.find(text) {
        RegencyMatch::Found(id) if regencies[id.index()].province == province => Some(id),
        RegencyMatch::Found(id) => {
            let r = &regencies[id.index()];
            let elsewhere = provinces[r.province.index()].slug.clone();
            cx.error(
                Diagnostic::error(at, format!("{} is in province `{elsewhere}`, not in {pname}", r.official_name))
                    .with_help(format!("fix `province: {elsewhere}`, or name a regency of {pname}")),
            );
            None
        }
        RegencyMatch::Ambiguous(ids) => {
            let names: Vec<String> = ids
                .iter()
                .map(|i| format!("`{}` ({})", regencies[i.index()].official_name, regencies[i.index()].code))
                .collect();
            cx.error(
                Diagnostic::error(at, format!("`{text}` could be {}", names.join(" or ")))
                    .with_help("write the official name with `Kabupaten` or `Kota`, or the code"),
            );
            None
        }
        RegencyMatch::NotFound => {
            let own = &provinces[province.index()].regencies;
            let help = crate::diag::suggest::closest(text, own.iter().map(|i| regencies[i.index()].official_name.as_str()))
                .map(|c| format!("did you mean `{c}`?"))
                .unwrap_or_else(|| format!("write the official name of a regency or city in {pname}, e.g. `{}`", own.first().map_or("Kabupaten …", |i| regencies[i.index()].official_name.as_str())));
            cx.error(Diagnostic::error(at, format!("unknown regency `{text}` in {pname}")).with_help(help));
            None
        }
    }
}

/// Published content sorted for the model: newest first, then by slug.
fn sorted_content<F>(items: &[Content<F>], opts: ResolveOptions) -> Vec<&Content<F>>
where
    F: HasDraft,
{
    let mut v: Vec<&Content<F>> = items.iter().filter(|c| opts.include_drafts || !c.front.draft()).collect();
    v.sort_by(|a, b| b.front.sort_date().cmp(a.front.sort_date()).then_with(|| a.slug.cmp(&b.slug)));
    v
}

fn drafts<F>(items: &[Content<F>], draft: impl Fn(&F) -> bool, opts: ResolveOptions) -> HashSet<String> {
    if opts.include_drafts {
        return HashSet::new();
    }
    items.iter().filter(|c| draft(&c.front)).map(|c| c.slug.clone()).collect()
}

/// Front matter that can be a draft and sorts by a date string.
pub trait HasDraft {
    fn draft(&self) -> bool;
    /// The raw date text; `YYYY-MM-DD` sorts correctly as text.
    fn sort_date(&self) -> &str;
}
impl HasDraft for crate::model::records::PostFrontMatter {
    fn draft(&self) -> bool {
        self.draft
    }
    fn sort_date(&self) -> &str {
        &self.date
    }
}
impl HasDraft for crate::model::records::StoryFrontMatter {
    fn draft(&self) -> bool {
        self.draft
    }
    fn sort_date(&self) -> &str {
        &self.date
    }
}
impl HasDraft for crate::model::records::EventFrontMatter {
    fn draft(&self) -> bool {
        self.draft
    }
    fn sort_date(&self) -> &str {
        &self.start
    }
}

fn body_source<F>(c: &Content<F>) -> BodySource {
    BodySource {
        span: crate::diag::Span::new(c.origin.file, c.body_offset..c.body_offset),
        path: c.dir.clone(),
    }
}

fn events(cx: &mut Ctx, prov_by_slug: &Lookup<ProvinceId>, opts: ResolveOptions) -> Vec<Event> {
    let no_drafts = HashSet::new();
    let mut out = Vec::new();
    for c in sorted_content(&cx.loaded.events, opts) {
        let (f, o) = (&c.front, &c.origin);
        let level = EventLevel::parse(&f.level);
        if level.is_none() {
            cx.error(
                Diagnostic::error(o.value("level"), format!("unknown event level `{}`", f.level))
                    .with_help_opt(crate::diag::suggest::did_you_mean(&f.level, EventLevel::NAMES.iter().copied())),
            );
        }
        let provinces: Vec<ProvinceId> = f
            .provinces
            .iter()
            .enumerate()
            .filter_map(|(i, p)| cx.reference(prov_by_slug, p, o, &format!("provinces/{i}"), "province", &no_drafts))
            .collect();
        let start = cx.date(&f.start, o, "start");
        let end = f.end.as_ref().and_then(|e| cx.date(e, o, "end"));
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                cx.error(
                    Diagnostic::error(o.value("end"), format!("the event ends ({e}) before it starts ({s})"))
                        .with_help("swap `start` and `end`, or fix one of them"),
                );
            }
        }
        let image = f.image.as_ref().and_then(|p| cx.image(p, &f.image_alt, &c.dir, o, "image"));
        let participants = PARTICIPANT_KEYS
            .iter()
            .filter_map(|k| f.participants.get(*k).map(|v| (k.to_string(), *v)))
            .collect();
        let (Some(level), Some(start)) = (level, start) else {
            // Keep indices aligned with sorted_content: push a placeholder
            // only if resolution failed; the build fails anyway.
            out.push(placeholder_event(c));
            continue;
        };
        out.push(Event {
            slug: c.slug.clone(),
            title: f.title.clone(),
            level,
            provinces,
            city: f.city.clone(),
            venue: f.venue.clone(),
            online: f.online,
            start,
            end,
            theme: f.theme.clone(),
            participants,
            facilitators: f.facilitators.clone(),
            tags: Vec::new(),
            image,
            summary: f.summary.clone(),
            illustrative: f.illustrative,
            draft: f.draft,
            body: c.body.clone(),
            source: body_source(c),
            posts: Vec::new(),
            awards: Vec::new(),
            reports: Vec::new(),
            libraries: Vec::new(),
        });
    }
    out
}

/// Stands in for an event whose fields did not resolve, so references to it
/// still resolve and report nothing twice. Never published: the run has
/// errors.
fn placeholder_event(c: &Content<crate::model::records::EventFrontMatter>) -> Event {
    Event {
        slug: c.slug.clone(),
        title: c.front.title.clone(),
        level: EventLevel::Provinsi,
        provinces: Vec::new(),
        city: None,
        venue: None,
        online: false,
        start: Date::from_ymd(1970, 1, 1).expect("valid date"),
        end: None,
        theme: None,
        participants: Vec::new(),
        facilitators: Vec::new(),
        tags: Vec::new(),
        image: None,
        summary: None,
        illustrative: false,
        draft: c.front.draft,
        body: String::new(),
        source: body_source(c),
        posts: Vec::new(),
        awards: Vec::new(),
        reports: Vec::new(),
        libraries: Vec::new(),
    }
}

struct PostDraft {
    post: Post,
    tags_raw: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
fn posts(
    cx: &mut Ctx,
    prov_by_slug: &Lookup<ProvinceId>,
    lib_by_id: &Lookup<LibraryId>,
    event_by_slug: &Lookup<EventId>,
    draft_events: &HashSet<String>,
    libraries: &[Library],
    events: &[Event],
    opts: ResolveOptions,
) -> Vec<PostDraft> {
    let no_drafts = HashSet::new();
    let mut out = Vec::new();
    // Every post is checked, drafts included; only published ones are kept.
    for c in sorted_content(&cx.loaded.posts, ResolveOptions { include_drafts: true, ..opts }) {
        let (f, o) = (&c.front, &c.origin);
        let date = cx.date(&f.date, o, "date");
        cx.future(date, f.draft, o);
        let mut provinces: Vec<ProvinceId> = f
            .provinces
            .iter()
            .enumerate()
            .filter_map(|(i, p)| cx.reference(prov_by_slug, p, o, &format!("provinces/{i}"), "province", &no_drafts))
            .collect();
        let libs: Vec<LibraryId> = f
            .libraries
            .iter()
            .enumerate()
            .filter_map(|(i, l)| cx.reference(lib_by_id, l, o, &format!("libraries/{i}"), "library", &no_drafts))
            .collect();
        let event = f.event.as_ref().and_then(|e| cx.reference(event_by_slug, e, o, "event", "event", draft_events));
        let image = f.image.as_ref().and_then(|p| cx.image(p, &f.image_alt, &c.dir, o, "image"));
        provinces.extend(libs.iter().map(|l| libraries[l.index()].province));
        if let Some(e) = event {
            provinces.extend(events[e.index()].provinces.iter().copied());
        }
        dedup_sorted(&mut provinces);
        let (Some(date), true) = (date, opts.include_drafts || !f.draft) else { continue };
        out.push(PostDraft {
            post: Post {
                slug: c.slug.clone(),
                title: f.title.clone(),
                date,
                author: f.author.clone(),
                provinces,
                libraries: libs,
                event,
                tags: Vec::new(),
                image,
                summary: f.summary.clone(),
                illustrative: f.illustrative,
                draft: f.draft,
                body: c.body.clone(),
                source: body_source(c),
            },
            tags_raw: f.tags.clone(),
        });
    }
    out
}

struct StoryDraft {
    story: Story,
    tags_raw: Vec<String>,
}

fn stories(cx: &mut Ctx, lib_by_id: &Lookup<LibraryId>, libraries: &[Library], opts: ResolveOptions) -> Vec<StoryDraft> {
    let no_drafts = HashSet::new();
    let mut out = Vec::new();
    for c in sorted_content(&cx.loaded.stories, ResolveOptions { include_drafts: true, ..opts }) {
        let (f, o) = (&c.front, &c.origin);
        let date = cx.date(&f.date, o, "date");
        cx.future(date, f.draft, o);
        let library = cx.reference(lib_by_id, &f.library, o, "library", "library", &no_drafts);
        let image = f.image.as_ref().and_then(|p| cx.image(p, &f.image_alt, &c.dir, o, "image"));
        let (Some(date), Some(library), true) = (date, library, opts.include_drafts || !f.draft) else { continue };
        out.push(StoryDraft {
            story: Story {
                slug: c.slug.clone(),
                title: f.title.clone(),
                date,
                person: f.person.clone(),
                library,
                province: libraries[library.index()].province,
                themes: f.themes.clone(),
                tags: Vec::new(),
                quote: f.quote.clone(),
                image,
                summary: f.summary.clone(),
                illustrative: f.illustrative,
                draft: f.draft,
                body: c.body.clone(),
                source: body_source(c),
            },
            // Themes are tags too: readers browse them the same way.
            tags_raw: f.themes.iter().chain(&f.tags).cloned().collect(),
        });
    }
    out
}

fn pages(loaded: &Loaded, opts: ResolveOptions) -> Vec<Page> {
    let mut v: Vec<Page> = loaded
        .pages
        .iter()
        .filter(|c| opts.include_drafts || !c.front.draft)
        .map(|c| Page {
            slug: c.slug.clone(),
            title: c.front.title.clone(),
            summary: c.front.summary.clone(),
            weight: c.front.weight.unwrap_or(0),
            draft: c.front.draft,
            body: c.body.clone(),
            source: body_source(c),
        })
        .collect();
    v.sort_by(|a, b| a.weight.cmp(&b.weight).then_with(|| a.title.cmp(&b.title)));
    v
}

fn awards(
    cx: &mut Ctx,
    prov_by_slug: &Lookup<ProvinceId>,
    lib_by_id: &Lookup<LibraryId>,
    event_by_slug: &Lookup<EventId>,
    draft_events: &HashSet<String>,
    libraries: &[Library],
) -> Vec<Award> {
    let no_drafts = HashSet::new();
    let mut out = Vec::new();
    for r in &cx.loaded.awards {
        let (d, o) = (&r.data, &r.origin);
        let province = cx.reference(prov_by_slug, &d.province, o, "province", "province", &no_drafts);
        let library = cx.reference(lib_by_id, &d.library, o, "library", "library", &no_drafts);
        let event = d.event.as_ref().and_then(|e| cx.reference(event_by_slug, e, o, "event", "event", draft_events));
        let (Some(province), Some(library)) = (province, library) else { continue };
        if libraries[library.index()].province != province {
            cx.error(
                Diagnostic::error(o.value("library"), format!("library `{}` is not in province `{}`", d.library, d.province))
                    .with_help("a provincial award goes to a library of that province: check `library` and `province`"),
            );
            continue;
        }
        out.push(Award {
            year: d.year,
            province,
            category: d.category.clone(),
            rank: d.rank,
            library,
            event,
            note: d.note.clone(),
            illustrative: d.illustrative,
        });
    }
    out.sort_by(|a, b| {
        b.year
            .cmp(&a.year)
            .then(a.province.cmp(&b.province))
            .then_with(|| a.category.cmp(&b.category))
            .then(a.rank.cmp(&b.rank))
    });
    out
}

fn reports(
    cx: &mut Ctx,
    prov_by_slug: &Lookup<ProvinceId>,
    event_by_slug: &Lookup<EventId>,
    draft_events: &HashSet<String>,
) -> Vec<Report> {
    let no_drafts = HashSet::new();
    let mut out = Vec::new();
    for r in &cx.loaded.reports {
        let (d, o) = (&r.data, &r.origin);
        let province = d.province.as_ref().map(|p| cx.reference(prov_by_slug, p, o, "province", "province", &no_drafts));
        let event = d.event.as_ref().and_then(|e| cx.reference(event_by_slug, e, o, "event", "event", draft_events));
        let date = cx.date(&d.date, o, "date");
        let (Some(date), Some(province)) = (date, province.map_or(Some(None), |p| p.map(Some))) else { continue };
        out.push(Report {
            id: d.id.clone(),
            title: d.title.clone(),
            province,
            period: d.period.clone(),
            date,
            event,
            source_title: d.source.as_ref().map(|s| s.title.clone()),
            source_url: d.source.as_ref().and_then(|s| s.url.clone()),
            figures: FIGURE_KEYS.iter().filter_map(|k| d.figures.get(*k).map(|v| (k.to_string(), *v))).collect(),
            note: d.note.clone(),
            illustrative: d.illustrative,
        });
    }
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    out
}

/// Tags collected while resolving, then sorted by slug.
#[derive(Default)]
struct TagTable {
    tags: Vec<Tag>,
    by_slug: BTreeMap<String, usize>,
}

impl TagTable {
    fn add(&mut self, name: &str, attach: impl FnOnce(&mut Tag)) -> Option<TagId> {
        let slug = slugify(name);
        if slug.is_empty() {
            return None;
        }
        let i = *self.by_slug.entry(slug.clone()).or_insert_with(|| {
            self.tags.push(Tag {
                slug,
                name: name.trim().to_string(),
                posts: Vec::new(),
                stories: Vec::new(),
                events: Vec::new(),
            });
            self.tags.len() - 1
        });
        attach(&mut self.tags[i]);
        Some(TagId(i as u32))
    }
    /// Sorted tags and the map from insertion index to final id.
    fn finish(self) -> (Vec<Tag>, Vec<TagId>) {
        let mut remap = vec![TagId(0); self.tags.len()];
        for (new, (_, &old)) in self.by_slug.iter().enumerate() {
            remap[old] = TagId(new as u32);
        }
        let mut slots: Vec<Option<Tag>> = self.tags.into_iter().map(Some).collect();
        let tags = self.by_slug.values().map(|&old| slots[old].take().expect("each tag once")).collect();
        (tags, remap)
    }
}

fn assets(loaded: &Loaded) -> Vec<(String, String)> {
    loaded
        .assets
        .iter()
        .map(|a| {
            let url = a.strip_prefix("static").or_else(|| a.strip_prefix("content")).unwrap_or(a);
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
                libs.sort_by(|a, b| site.libraries[a.index()].name.cmp(&site.libraries[b.index()].name));
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
