//! The words on the social card of a page that shows no picture of its
//! own (a post, story or event without a photo, the home page, the lists,
//! provinces, awards, search, stand-alone pages), so every shared link has
//! a preview. The image pipeline draws them (`images::CardMaker`); a card
//! is named by its words, so the pages of one list share one file.

use super::dates;
use super::job::{Job, List};
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
            let mut when = dates::range(e.start, e.end, cx.lang());
            let place = event_place(cx, id);
            if !place.is_empty() {
                when = format!("{when} · {place}");
            }
            (e.title.clone(), section("events_title", when), label)
        }
        Job::List(list, n) => (list_title(cx, list, n, &meta.title), None, label),
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
fn list_title(cx: &Cx, _list: List, n: usize, title: &str) -> String {
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
