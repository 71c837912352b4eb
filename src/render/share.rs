//! Share links of posts, stories, events and library profiles: plain links
//! to WhatsApp, Facebook, X, Telegram and e-mail carrying the page's
//! address and title. No share script and no request to those sites until
//! the reader follows one; `salin.js` adds "Salin tautan" and, where the
//! browser has it, the Web Share button.

use super::view::Cx;
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

/// Percent-encodes everything but RFC 3986's unreserved characters, so a
/// title is one query value in any of the links (`&`, `#`, `+` and spaces
/// included; spaces as `%20`, which `mailto:` needs).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn titles_are_one_query_value() {
        assert_eq!(encode("a b&c=d#e+f"), "a%20b%26c%3Dd%23e%2Bf");
        assert_eq!(
            encode("Ruang baca \"Sehati\" <1>"),
            "Ruang%20baca%20%22Sehati%22%20%3C1%3E"
        );
        assert_eq!(
            encode("Pustaka Cahaya—Ṡ"),
            "Pustaka%20Cahaya%E2%80%94%E1%B9%A0"
        );
        assert_eq!(encode("https://x.id/a/?b"), "https%3A%2F%2Fx.id%2Fa%2F%3Fb");
    }
}
