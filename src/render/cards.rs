//! The words on the social card of a page that shows no picture of its
//! own (a post, story or event without a photo, the home page, the lists,
//! provinces, awards, search, stand-alone pages), so every shared link has
//! a preview. The image pipeline draws them (`images::CardMaker`); a card
//! is named by its words, so the pages of one list share one file.

use super::dates;
use super::job::Job;
use super::seo::Meta;
use super::view::{event_place, Cx};
use crate::images::CardSpec;

/// The card of the page `job` makes (`meta` is the page's own), or `None`
/// for pages that never get one: library pages have their own card, and
/// redirects, posters and the 404 page are not for sharing.
pub fn spec(cx: &Cx, job: &Job, meta: &Meta) -> Option<CardSpec> {
    let site = cx.site;
    let label = Some(site.config.title.clone());
    let section = |key: &str, detail: String| Some(format!("{} · {detail}", cx.i18n.get(key)));
    let (title, subtitle, label) = match *job {
        Job::Home => (
            site.config.title.clone(),
            site.config.description.clone(),
            Some(host(&site.config.base_url).to_string()),
        ),
        Job::Post(id) => {
            let p = &site.posts[id.0 as usize];
            (
                p.title.clone(),
                section("news_title", cx.date(p.date)),
                label,
            )
        }
        Job::Story(id) => {
            let s = &site.stories[id.0 as usize];
            (
                s.title.clone(),
                section("stories_title", cx.date(s.date)),
                label,
            )
        }
        Job::Event(id) => {
            let e = site.event(id);
            let mut when = dates::range(e.start, e.end, &cx.i18n);
            let place = event_place(cx, id);
            if !place.is_empty() {
                when = format!("{when} · {place}");
            }
            (e.title.clone(), section("events_title", when), label)
        }
        Job::List(_, n) => (list_title(cx, n, &meta.title), None, label),
        Job::Province(_) | Job::Provinces | Job::Awards | Job::Search | Job::Page(_) => {
            (meta.title.clone(), None, label)
        }
        Job::Library(_) | Job::Poster(_) | Job::LibraryAlias(..) | Job::NotFound => return None,
    };
    Some(CardSpec {
        title,
        subtitle,
        label,
    })
}

/// A list's title without "— halaman n": every page of a list shares the
/// first page's card.
fn list_title(cx: &Cx, n: usize, title: &str) -> String {
    let suffix = format!(" — {} {n}", cx.i18n.get("page"));
    match title.strip_suffix(&suffix) {
        Some(t) if n > 1 => t.to_string(),
        _ => title.to_string(),
    }
}

/// `tpbis.example.org` of `https://tpbis.example.org/path`.
fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{i18n::I18n, pages, Bodies};
    use std::collections::BTreeMap;

    /// Every page of a synthetic site, built without images: its job and
    /// the card it would get.
    fn plan_all(
        check: impl Fn(&Cx, &Job, &Meta, Option<CardSpec>),
    ) -> BTreeMap<&'static str, usize> {
        let dir = tempfile::tempdir().unwrap();
        let opts = crate::synth::SynthOptions {
            libraries: 200,
            posts: 80,
            stories: 12,
            seed: 3,
        };
        crate::synth::write(dir.path(), &opts).unwrap();
        let mut checked = crate::pipeline::check(dir.path(), Default::default());
        let site = &checked.site;
        let theme = crate::load::theme::load_theme(dir.path(), "default", "id", &mut checked.files)
            .unwrap();
        let bodies = Bodies {
            posts: vec![String::new(); site.posts.len()],
            stories: vec![String::new(); site.stories.len()],
            events: vec![String::new(); site.events.len()],
            pages: vec![String::new(); site.pages.len()],
        };
        let cx = Cx {
            site,
            i18n: I18n {
                strings: &theme.strings,
                language: "id",
            },
            bodies: crate::render::bodies::Html::Kept(&bodies),
            qr: &Default::default(),
        };
        let mut kinds = BTreeMap::new();
        for job in pages::jobs(site) {
            let page = pages::build(&cx, &job);
            check(&cx, &job, &page.meta, spec(&cx, &job, &page.meta));
            *kinds.entry(kind(&job)).or_insert(0) += 1;
        }
        kinds
    }

    fn kind(job: &Job) -> &'static str {
        match job {
            Job::Home => "home",
            Job::Post(_) => "post",
            Job::Story(_) => "story",
            Job::Event(_) => "event",
            Job::Provinces => "provinces",
            Job::Province(_) => "province",
            Job::Library(_) => "library",
            Job::Poster(_) => "poster",
            Job::LibraryAlias(..) => "alias",
            Job::Awards => "awards",
            Job::Search => "search",
            Job::Page(_) => "page",
            Job::NotFound => "404",
            Job::List(_, 1) => "list",
            Job::List(..) => "list page 2+",
        }
    }

    #[test]
    fn every_page_kind_gets_the_card_it_should() {
        let kinds = plan_all(|cx, job, meta, card| {
            let site = cx.site;
            let title = &site.config.title;
            match (job, card) {
                (Job::Library(_) | Job::Poster(_) | Job::LibraryAlias(..) | Job::NotFound, c) => {
                    assert_eq!(c, None, "{job:?}")
                }
                (Job::Home, Some(c)) => {
                    assert_eq!(&c.title, title);
                    assert_eq!(c.subtitle, site.config.description);
                    assert_eq!(c.label.as_deref(), Some(host(&site.config.base_url)));
                }
                (Job::Post(id), Some(c)) => {
                    let p = &site.posts[id.0 as usize];
                    assert_eq!(c.title, p.title);
                    assert_eq!(c.subtitle.unwrap(), format!("Berita · {}", cx.date(p.date)));
                    assert_eq!(c.label.as_ref(), Some(title));
                }
                (Job::Story(_), Some(c)) => {
                    assert!(c.subtitle.unwrap().starts_with("Kisah · "))
                }
                (Job::Event(id), Some(c)) => {
                    let e = site.event(*id);
                    let sub = c.subtitle.unwrap();
                    assert!(sub.starts_with("Kegiatan PLM · "), "{sub}");
                    assert!(sub.contains(&e.start.year().to_string()), "{sub}");
                }
                (Job::List(list, n), Some(c)) => {
                    // Page n shares page 1's card: its title, not "— halaman n".
                    assert!(!c.title.contains("halaman"), "{}", c.title);
                    if *n == 1 {
                        assert_eq!(c.title, meta.title);
                    } else {
                        let first = pages::build(cx, &Job::List(*list, 1));
                        assert_eq!(Some(c), spec(cx, &Job::List(*list, 1), &first.meta));
                    }
                }
                (_, Some(c)) => {
                    assert_eq!(c.title, meta.title, "{job:?}");
                    assert_eq!(c.label.as_ref(), Some(title));
                }
                (job, None) => panic!("{job:?} has no card"),
            }
        });
        for k in [
            "home",
            "post",
            "story",
            "event",
            "provinces",
            "province",
            "library",
            "awards",
            "search",
            "page",
            "404",
            "list",
            "list page 2+",
        ] {
            assert!(kinds.contains_key(k), "no {k} page in {kinds:?}");
        }
    }

    #[test]
    fn hosts() {
        assert_eq!(host("https://tpbis.example.org"), "tpbis.example.org");
        assert_eq!(host("https://a.b/c/"), "a.b");
        assert_eq!(host("a.b"), "a.b");
    }
}
