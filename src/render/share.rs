//! Share links of posts, stories, events and library profiles: plain links
//! to WhatsApp, Facebook, X, Telegram and e-mail carrying the page's
//! address and title. No share script and no request to those sites until
//! the reader follows one; `salin.js` adds "Salin tautan" and, where the
//! browser has it, the Web Share button.

use super::view::Cx;
use crate::percent::encode;
use serde::Serialize;

#[derive(Serialize)]
pub struct Share {
    /// The page's absolute address (what "Salin tautan" copies).
    pub url: String,
    pub title: String,
    pub links: Vec<ShareLink>,
}

#[derive(Serialize)]
pub struct ShareLink {
    /// What the link says ("WhatsApp").
    pub name: String,
    /// A class name for the theme (`wa`, `fb`, `x`, `tg`, `mail`).
    pub key: &'static str,
    pub href: String,
}

/// The share links of the page at `path` titled `title`.
pub fn links(cx: &Cx, title: &str, path: &str) -> Share {
    let url = cx.absolute(path);
    let (u, t) = (encode(&url), encode(title));
    let link = |name: &str, key, href: String| ShareLink {
        name: name.to_string(),
        key,
        href,
    };
    let links = vec![
        link(
            "WhatsApp",
            "wa",
            format!("https://wa.me/?text={}", encode(&format!("{title} {url}"))),
        ),
        link(
            "Facebook",
            "fb",
            format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        ),
        link(
            "X",
            "x",
            format!("https://x.com/intent/post?text={t}&url={u}"),
        ),
        link(
            "Telegram",
            "tg",
            format!("https://t.me/share/url?url={u}&text={t}"),
        ),
        link(
            &cx.i18n.get("share_email"),
            "mail",
            format!("mailto:?subject={t}&body={u}"),
        ),
    ];
    Share {
        url,
        title: title.to_string(),
        links,
    }
}
