//! The individual rules, one function per record family.

use crate::diag::{shorten, suggest, Diagnostic, Diagnostics, Message, Span};
use crate::load::{invisible, Content, Loaded};
use crate::model::limits::{self, ID, PAGE_NAME, TITLE_SLUG_CHARS};
use crate::model::records::{FIGURE_KEYS, PARTICIPANT_KEYS};
use crate::model::{cap_slug, is_slug, slugify};
use crate::msg;
use crate::yaml::Origin;
use std::collections::HashMap;

/// Remembers the first place each key was seen, to report duplicates with
/// both places.
struct Seen {
    what: Message,
    first: HashMap<String, Span>,
}

impl Seen {
    fn new(what: Message) -> Self {
        Seen {
            what,
            first: HashMap::new(),
        }
    }
    fn check(&mut self, key: &str, at: Span, diags: &mut Diagnostics) {
        if let Some(first) = self.first.get(key) {
            diags.push(
                Diagnostic::error(
                    at,
                    msg!("duplicate", what = self.what.clone(), key = shorten(key)),
                )
                .with_related(first.clone(), msg!("first-defined-here"))
                .with_help(msg!("duplicate-help", what = self.what.clone())),
            );
        } else {
            self.first.insert(key.to_string(), at);
        }
    }
}

/// The slug an author most likely meant, short enough to be an id.
fn suggested_slug(value: &str) -> String {
    cap_slug(&slugify(value), ID.chars).to_string()
}

/// The file name of a page an author most likely meant: as `warta new`
/// would make it from the same words.
fn page_name(name: &str) -> String {
    cap_slug(&slugify(name), TITLE_SLUG_CHARS).to_string()
}

/// Whether `value` is a slug but for invisible characters, which are
/// reported on their own, where they stand.
fn slug_but_invisible(value: &str) -> bool {
    let visible: String = value.chars().filter(|c| !invisible::hidden(*c)).collect();
    visible.len() != value.len() && is_slug(&visible)
}

fn slug(value: &str, at: Span, what: Message, diags: &mut Diagnostics) {
    if !is_slug(value) && !slug_but_invisible(value) {
        let fixed = suggested_slug(value);
        let help = if fixed.is_empty() {
            msg!("slug-help")
        } else {
            msg!("slug-fixed-help", slug = fixed)
        };
        diags.push(
            Diagnostic::error(at, msg!("not-a-slug", what = what, value = shorten(value)))
                .with_help(help),
        );
    }
}

/// Tags and themes are slugs as written: made into slugs silently, two
/// spellings that look alike would make two tag pages.
fn tags(names: &[String], origin: &Origin, field: &str, diags: &mut Diagnostics) {
    let what = if field == "themes" { "theme" } else { "tag" };
    for (i, name) in names.iter().enumerate() {
        if is_slug(name) || slug_but_invisible(name) {
            continue;
        }
        let fixed = cap_slug(&slugify(name), limits::TAG.chars).to_string();
        let help = if fixed.is_empty() {
            msg!("tag-slug-help", what = what)
        } else {
            msg!("tag-slug-fixed-help", what = what, slug = fixed)
        };
        diags.push(
            Diagnostic::error(
                origin.value(&format!("{field}/{i}")),
                msg!("tag-not-a-slug", what = what, value = shorten(name)),
            )
            .with_help(help),
        );
    }
}

/// Links from data must be web addresses: a `javascript:` URL in a profile
/// would run script on the page.
fn web_url(value: &str, at: Span, field: &str, diags: &mut Diagnostics) {
    let v = value.trim();
    let ok = (v.starts_with("https://") || v.starts_with("http://"))
        && v.len() > 8
        && !v.contains(char::is_whitespace);
    if !ok {
        diags.push(
            Diagnostic::error(
                at,
                msg!("not-a-web-address", field = field, value = shorten(value)),
            )
            .with_help(msg!("not-a-web-address-help", field = field)),
        );
    }
}

fn alt_text(
    image: &Option<String>,
    alt: &Option<String>,
    origin: &Origin,
    field: &str,
    diags: &mut Diagnostics,
) {
    if image.is_some() && alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
        diags.push(
            Diagnostic::warning(origin.key(field), msg!("image-no-alt", field = field))
                .with_help(msg!("image-no-alt-help", field = field)),
        );
    }
}

fn keys_in(
    keys: impl Iterator<Item = String>,
    allowed: &[&str],
    origin: &Origin,
    field: &str,
    diags: &mut Diagnostics,
) {
    for k in keys {
        if !allowed.contains(&k.as_str()) {
            diags.push(
                Diagnostic::error(
                    origin.key(&format!("{field}/{k}")),
                    msg!("unknown-key", field = field, key = shorten(&k)),
                )
                .with_help_opt(
                    suggest::did_you_mean(&k, allowed.iter().copied())
                        .or_else(|| Some(msg!("allowed-keys", keys = allowed.join(", ")))),
                ),
            );
        }
    }
}

pub fn config(site: &Loaded, diags: &mut Diagnostics) {
    let Some(c) = &site.config else { return };
    let (d, o) = (&c.data, &c.origin);
    web_url(&d.base_url, o.value("base_url"), "base_url", diags);
    if let Some(lang) = &d.language {
        if !["id", "en"].contains(&lang.as_str()) {
            diags.push(
                Diagnostic::error(
                    o.value("language"),
                    msg!("language-not-supported", language = shorten(lang)),
                )
                .with_help(msg!("language-not-supported-help")),
            );
        }
    }
    if d.per_page == Some(0) {
        diags.push(
            Diagnostic::error(o.value("per_page"), msg!("per-page-zero"))
                .with_help(msg!("per-page-zero-help")),
        );
    }
    for (i, m) in d.menu.iter().enumerate() {
        let at = o.value(&format!("menu/{i}/url"));
        if !m.url.starts_with('/') {
            web_url(&m.url, at, "url", diags);
        }
    }
    for (key, value) in [
        ("theme_color", &d.theme_color),
        ("background_color", &d.background_color),
    ] {
        let Some(v) = value else { continue };
        if crate::model::hex_color(v).is_none() {
            diags.push(
                Diagnostic::error(
                    o.value(key),
                    crate::msg!("colour-invalid", field = key, value = shorten(v)),
                )
                .with_help(crate::msg!("colour-invalid-help", field = key)),
            );
        }
    }
    if d.short_name.as_deref().is_some_and(|s| s.trim().is_empty()) {
        diags.push(
            Diagnostic::error(o.value("short_name"), crate::msg!("short-name-empty"))
                .with_help(crate::msg!("short-name-empty-help")),
        );
    }
    // The editor's scripts: a CDN address or a folder of the site.
    if let Some(cdn) = &d.cms.cdn {
        if !cdn.starts_with('/') || cdn.starts_with("//") {
            web_url(cdn, o.value("cms/cdn"), "cdn", diags);
        }
    }
    for (value, field) in [(&d.cms.base_url, "base_url"), (&d.cms.api_root, "api_root")] {
        if let Some(url) = value {
            web_url(url, o.value(&format!("cms/{field}")), field, diags);
        }
    }
    super::cms::check(&d.cms, o, diags);
}

pub fn regions(site: &Loaded, diags: &mut Diagnostics) {
    let mut codes = Seen::new(msg!("thing-province-code"));
    let mut slugs = Seen::new(msg!("thing-province-slug"));
    for p in &site.provinces {
        let (d, o) = (&p.data, &p.origin);
        if !(d.code.len() == 2 && d.code.bytes().all(|b| b.is_ascii_digit())) {
            diags.push(
                Diagnostic::error(
                    o.value("code"),
                    msg!("province-code-shape", code = shorten(&d.code)),
                )
                .with_help(msg!("province-code-shape-help")),
            );
        }
        codes.check(&d.code, o.value("code"), diags);
        slug(&d.slug, o.value("slug"), msg!("thing-province-slug"), diags);
        slugs.check(&d.slug, o.value("slug"), diags);
    }
    let mut regency_codes = Seen::new(msg!("thing-regency-code"));
    for r in &site.regencies {
        let (d, o) = (&r.data, &r.origin);
        let shape = d.code.len() == 5
            && d.code.as_bytes()[2] == b'.'
            && d.code
                .bytes()
                .enumerate()
                .all(|(i, b)| i == 2 || b.is_ascii_digit());
        if !shape {
            diags.push(
                Diagnostic::error(
                    o.value("code"),
                    msg!("regency-code-shape", code = shorten(&d.code)),
                )
                .with_help(msg!("regency-code-shape-help")),
            );
        } else if !d.code.starts_with(&d.province) {
            diags.push(
                Diagnostic::error(
                    o.value("province"),
                    msg!(
                        "regency-code-province",
                        regency = shorten(&d.name),
                        code = &d.code,
                        province = shorten(&d.province)
                    ),
                )
                .with_help(msg!("regency-code-province-help", code = &d.code[..2])),
            );
        }
        regency_codes.check(&d.code, o.value("code"), diags);
    }
}

pub fn libraries(site: &Loaded, diags: &mut Diagnostics) {
    // Ids and aliases share one namespace: both are URLs.
    let mut ids = Seen::new(msg!("thing-library-id"));
    for l in &site.libraries {
        let (d, o) = (&l.data, &l.origin);
        slug(&d.id, o.value("id"), msg!("thing-library-id"), diags);
        ids.check(&d.id, o.value("id"), diags);
        for (i, a) in d.aliases.iter().enumerate() {
            let at = o.value(&format!("aliases/{i}"));
            slug(a, at.clone(), msg!("thing-alias"), diags);
            ids.check(a, at, diags);
        }
        if let Some(w) = &d.website {
            web_url(w, o.value("website"), "website", diags);
        }
        for (network, url) in &d.social {
            web_url(url, o.value(&format!("social/{network}")), network, diags);
        }
        if let Some(e) = &d.email {
            let ok = e.split_once('@').is_some_and(|(u, h)| {
                !u.is_empty() && h.contains('.') && !e.contains(char::is_whitespace)
            });
            if !ok {
                diags.push(
                    Diagnostic::error(o.value("email"), msg!("not-an-email", value = shorten(e)))
                        .with_help(msg!("not-an-email-help")),
                );
            }
        }
        if let Some(loc) = &d.location {
            // Indonesia spans roughly 6°N–11°S and 95°E–141°E.
            let inside = (-11.5..=6.5).contains(&loc.lat) && (94.5..=141.5).contains(&loc.lon);
            if !inside {
                let swapped = (-11.5..=6.5).contains(&loc.lon) && (94.5..=141.5).contains(&loc.lat);
                diags.push(
                    Diagnostic::error(
                        o.value("location"),
                        msg!(
                            "location-outside",
                            lat = loc.lat.to_string(),
                            lon = loc.lon.to_string()
                        ),
                    )
                    .with_help(if swapped {
                        msg!("location-swapped-help")
                    } else {
                        msg!("location-outside-help")
                    }),
                );
            }
        }
        alt_text(&d.photo, &d.photo_alt, o, "photo", diags);
        if !d.kpi.is_empty() && !d.illustrative {
            diags.push(
                Diagnostic::warning(o.key("kpi"), msg!("kpi-not-public"))
                    .with_help(msg!("kpi-not-public-help")),
            );
        }
    }
}

pub fn awards_and_reports(site: &Loaded, diags: &mut Diagnostics) {
    let mut places = Seen::new(msg!("thing-award-place"));
    for a in &site.awards {
        let (d, o) = (&a.data, &a.origin);
        slug(
            &d.category,
            o.value("category"),
            msg!("thing-award-category"),
            diags,
        );
        if d.rank == 0 {
            diags.push(
                Diagnostic::error(o.value("rank"), msg!("rank-zero"))
                    .with_help(msg!("rank-zero-help")),
            );
        }
        let key = format!("{} {} {} rank {}", d.year, d.province, d.category, d.rank);
        places.check(&key, o.value("rank"), diags);
    }
    let mut ids = Seen::new(msg!("thing-report-id"));
    for r in &site.reports {
        let (d, o) = (&r.data, &r.origin);
        slug(&d.id, o.value("id"), msg!("thing-report-id"), diags);
        ids.check(&d.id, o.value("id"), diags);
        keys_in(d.figures.keys().cloned(), FIGURE_KEYS, o, "figures", diags);
        if let Some(url) = d.source.as_ref().and_then(|s| s.url.as_ref()) {
            web_url(url, o.value("source/url"), "url", diags);
        }
    }
}

pub fn content(site: &Loaded, diags: &mut Diagnostics) {
    fn common<F>(
        items: &[Content<F>],
        what: Message,
        diags: &mut Diagnostics,
        each: impl Fn(&Content<F>, &mut Diagnostics),
    ) {
        let mut slugs = Seen::new(what);
        for c in items {
            let at = c.origin.record();
            let name = if c.is_bundle { "folder" } else { "file" };
            let ext = if c.is_bundle { "" } else { ".md" };
            if !is_slug(&c.slug) {
                diags.push(
                    Diagnostic::error(
                        at.clone(),
                        msg!("page-name-not-slug", kind = name, name = shorten(&c.slug)),
                    )
                    .with_help(msg!(
                        "page-rename-help",
                        kind = name,
                        name = format!("{}{ext}", page_name(&c.slug))
                    )),
                );
            } else if c.slug.len() > PAGE_NAME.chars {
                // The name is a URL and a folder of the output: a long one
                // is unreadable, and past 255 bytes no disk can hold it.
                diags.push(
                    Diagnostic::error(
                        at.clone(),
                        msg!(
                            "page-name-too-long",
                            kind = name,
                            length = c.slug.len(),
                            limit = PAGE_NAME.chars
                        ),
                    )
                    .with_help(msg!(
                        "page-rename-hint-help",
                        kind = name,
                        name = format!("{}{ext}", page_name(&c.slug)),
                        hint = Message::new(PAGE_NAME.hint)
                    )),
                );
            }
            slugs.check(&c.slug, at, diags);
            each(c, diags);
        }
    }
    common(&site.posts, msg!("thing-news-slug"), diags, |c, d| {
        alt_text(&c.front.image, &c.front.image_alt, &c.origin, "image", d);
        tags(&c.front.tags, &c.origin, "tags", d);
    });
    common(&site.stories, msg!("thing-story-slug"), diags, |c, d| {
        alt_text(&c.front.image, &c.front.image_alt, &c.origin, "image", d);
        tags(&c.front.themes, &c.origin, "themes", d);
        tags(&c.front.tags, &c.origin, "tags", d);
    });
    common(&site.events, msg!("thing-event-slug"), diags, |c, d| {
        alt_text(&c.front.image, &c.front.image_alt, &c.origin, "image", d);
        tags(&c.front.tags, &c.origin, "tags", d);
        keys_in(
            c.front.participants.keys().cloned(),
            PARTICIPANT_KEYS,
            &c.origin,
            "participants",
            d,
        );
        if c.front.venue.is_none() && c.front.city.is_none() && !c.front.online {
            d.push(
                Diagnostic::error(c.origin.record(), msg!("event-needs-place"))
                    .with_help(msg!("event-needs-place-help")),
            );
        }
    });
    common(&site.pages, msg!("thing-page-slug"), diags, |_, _| {});
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::FileId;
    use crate::load::records::list;

    fn site_with_libraries(files: &[&str]) -> Loaded {
        let mut loaded = Loaded::default();
        for (i, text) in files.iter().enumerate() {
            let doc = crate::yaml::parse(text, FileId(i as u32), 0).unwrap();
            let mut diags = Vec::new();
            loaded.libraries.extend(list(
                doc,
                FileId(i as u32),
                crate::msg!("what-libraries"),
                &mut diags,
            ));
            assert!(diags.is_empty(), "{diags:?}");
        }
        loaded
    }

    fn messages(loaded: &Loaded) -> Vec<Diagnostic> {
        let mut diags = Diagnostics::new();
        libraries(loaded, &mut diags);
        diags.into_vec()
    }

    const BASE: &str =
        "  name: A\n  level: desa\n  province: jawa-tengah\n  regency: Kabupaten Kudus\n";

    #[test]
    fn duplicate_ids_across_files_name_both_places() {
        let a = format!("- id: loram-wetan\n{BASE}");
        let b = format!("- id: other\n{BASE}- id: loram-wetan\n{BASE}");
        let d = messages(&site_with_libraries(&[&a, &b]));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].message.en(), "duplicate library id `loram-wetan`");
        assert_eq!(d[0].span.as_ref().unwrap().file, FileId(1));
        assert_eq!(d[0].related[0].0.file, FileId(0));
    }

    #[test]
    fn alias_colliding_with_an_id_is_a_duplicate() {
        let a = format!("- id: a\n{BASE}- id: b\n{BASE}  aliases: [a]\n");
        let d = messages(&site_with_libraries(&[&a]));
        assert!(
            d.iter()
                .any(|d| d.message.en() == "duplicate library id `a`"),
            "{d:?}"
        );
    }

    #[test]
    fn unsafe_and_malformed_values() {
        let a = format!(
            "- id: Perpus Desa\n{BASE}  website: javascript:alert(1)\n  email: nobody\n  location: {{lat: 110.8, lon: -6.8}}\n"
        );
        let d = messages(&site_with_libraries(&[&a]));
        let find = |s: &str| {
            d.iter()
                .find(|d| d.message.en().contains(s))
                .unwrap_or_else(|| panic!("{s}: {d:?}"))
        };
        assert_eq!(
            find("not a valid slug")
                .help
                .as_ref()
                .map(|h| h.en())
                .as_deref(),
            Some("use lowercase letters, digits and hyphens only: `perpus-desa`")
        );
        assert!(find("`website` must be a web address")
            .message
            .en()
            .contains("javascript:alert(1)"));
        find("is not an e-mail address");
        assert!(find("outside Indonesia")
            .help
            .as_ref()
            .unwrap()
            .en()
            .contains("swapped"));
    }

    #[test]
    fn kpi_without_illustrative_is_a_warning() {
        let a = format!("- id: a\n{BASE}  kpi:\n    - period: '2024'\n      category: tinggi\n");
        let d = messages(&site_with_libraries(&[&a]));
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        let b = format!("- id: a\n{BASE}  illustrative: true\n  kpi:\n    - period: '2024'\n      category: tinggi\n");
        assert!(messages(&site_with_libraries(&[&b])).is_empty());
    }
}
