//! Video links: a YouTube or Vimeo link alone in its paragraph (bare, as
//! `<…>`, or `[title](…)`) becomes a video block. The page asks nothing of
//! the video host until the reader presses play: the block is a link to
//! the video (what readers without JavaScript follow), and the theme's
//! `video.js` turns it into a button that swaps in the host's privacy-mode
//! player (`youtube-nocookie.com`, Vimeo with `dnt=1`), the only frames the
//! site's Content-Security-Policy allows (`super::crate::csp`).
//!
//! A link to a video host that names a video (`watch?v=`, `youtu.be/`,
//! `/shorts/`, `/live/`, `/embed/`, `vimeo.com/<number>`) with an id or
//! start time that cannot be right is an error at the link.

use crate::diag::{Diagnostic, Span};
use crate::escape;
use crate::site::BodySource;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// An event of the body, or a video block (HTML) that replaces a paragraph.
pub enum Piece<'a> {
    Event(Event<'a>, Range<usize>),
    Video(String),
}

/// A paragraph longer than this many events is not a lone link.
const MAX_PARAGRAPH: usize = 64;

/// The body's events with every lone video link made a video block.
/// Linear: each paragraph is looked at once, at most [`MAX_PARAGRAPH`]
/// events deep.
pub fn blocks<'a>(
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    body: &str,
    source: &BodySource,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Piece<'a>> {
    let mut events: Vec<(Event<'a>, Range<usize>)> = events.collect();
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if matches!(events[i].0, Event::Start(Tag::Paragraph)) {
            if let Some((end, lone)) = lone_link(&events[i..]) {
                let at = address_range(body, &events[i].1, &lone.url);
                match parse(&lone.url) {
                    Ok(Some(video)) => {
                        out.push(Piece::Video(html(&video, lone.title.as_deref())));
                        i += end + 1;
                        continue;
                    }
                    Ok(None) => {}
                    Err((what, help)) => diags.push(
                        Diagnostic::error(
                            Span::new(
                                source.span.file,
                                source.span.range.start + at.start
                                    ..source.span.range.start + at.end,
                            ),
                            crate::msg!(
                                "video-link-invalid",
                                link = crate::diag::shorten(&lone.url),
                                problem = what
                            ),
                        )
                        .with_help(help),
                    ),
                }
            }
        }
        // Moved out, not cloned: each event is looked at behind `i` no more.
        let (event, range) = std::mem::replace(&mut events[i], (Event::SoftBreak, 0..0));
        out.push(Piece::Event(event, range));
        i += 1;
    }
    out
}

/// A paragraph that is nothing but one address.
struct Lone {
    url: String,
    /// The link's text, when it is not the address itself.
    title: Option<String>,
}

/// If `events` (starting at a paragraph) is a paragraph holding only a
/// link or a bare address: the index of its end and the address.
fn lone_link(events: &[(Event, Range<usize>)]) -> Option<(usize, Lone)> {
    let end = events
        .iter()
        .take(MAX_PARAGRAPH)
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Paragraph)))?;
    let inner = &events[1..end];
    let lone = match inner.first().map(|(e, _)| e) {
        Some(Event::Start(Tag::Link { dest_url, .. })) => {
            let close = inner
                .iter()
                .position(|(e, _)| matches!(e, Event::End(TagEnd::Link)))?;
            if inner[close + 1..].iter().any(|(e, _)| !is_blank(e)) {
                return None;
            }
            let mut text = String::new();
            for (e, _) in &inner[1..close] {
                match e {
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    Event::SoftBreak | Event::HardBreak => text.push(' '),
                    Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
                    | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {}
                    // An image or HTML inside: not a plain link.
                    _ => return None,
                }
            }
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let url = dest_url.to_string();
            let title = (!text.is_empty() && text != url).then_some(text);
            Lone { url, title }
        }
        Some(_) => {
            // A bare address: text only (pulldown-cmark may cut it in
            // pieces, at `_` or a `\_` an editor wrote).
            let mut text = String::new();
            for (e, _) in inner {
                match e {
                    Event::Text(t) => text.push_str(t),
                    _ => return None,
                }
            }
            let url = text.trim();
            if url.contains(char::is_whitespace) {
                return None;
            }
            Lone {
                url: url.to_string(),
                title: None,
            }
        }
        None => return None,
    };
    Some((end, lone))
}

fn is_blank(e: &Event) -> bool {
    match e {
        Event::Text(t) => t.trim().is_empty(),
        Event::SoftBreak | Event::HardBreak => true,
        _ => false,
    }
}

/// Where the address is in the body: inside the paragraph at `para`, or the
/// whole paragraph when it is written otherwise (escapes).
fn address_range(body: &str, para: &Range<usize>, url: &str) -> Range<usize> {
    match body.get(para.clone()).and_then(|s| s.find(url)) {
        Some(at) => para.start + at..para.start + at + url.len(),
        None => para.clone(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Host {
    YouTube,
    Vimeo,
}

impl Host {
    fn name(self) -> &'static str {
        match self {
            Host::YouTube => "YouTube",
            Host::Vimeo => "Vimeo",
        }
    }
}

/// A video, as its block needs it.
#[derive(Debug, PartialEq, Eq)]
pub struct Video {
    pub host: Host,
    pub id: String,
    /// Start at this second.
    pub start: Option<u32>,
    /// An unlisted Vimeo video's key (`vimeo.com/<id>/<key>`).
    pub key: Option<String>,
    /// A YouTube Short: shown upright.
    pub tall: bool,
}

impl Video {
    /// The page of the video on its host (the link without JavaScript).
    fn watch_url(&self) -> String {
        let t = self.start.map(|s| format!("t={s}s"));
        match self.host {
            Host::YouTube if self.tall => format!("https://www.youtube.com/shorts/{}", self.id),
            Host::YouTube => match t {
                Some(t) => format!("https://www.youtube.com/watch?v={}&{t}", self.id),
                None => format!("https://www.youtube.com/watch?v={}", self.id),
            },
            Host::Vimeo => {
                let key = self.key.as_ref().map_or(String::new(), |k| format!("/{k}"));
                let t = t.map_or(String::new(), |t| format!("#{t}"));
                format!("https://vimeo.com/{}{key}{t}", self.id)
            }
        }
    }

    /// The privacy-mode player the button loads.
    fn embed_url(&self) -> String {
        match self.host {
            Host::YouTube => {
                let start = self.start.map_or(String::new(), |s| format!("&start={s}"));
                format!(
                    "https://www.youtube-nocookie.com/embed/{}?autoplay=1{start}",
                    self.id
                )
            }
            Host::Vimeo => {
                let key = self
                    .key
                    .as_ref()
                    .map_or(String::new(), |k| format!("&h={k}"));
                let t = self.start.map_or(String::new(), |s| format!("#t={s}s"));
                format!(
                    "https://player.vimeo.com/video/{}?dnt=1&autoplay=1{key}{t}",
                    self.id
                )
            }
        }
    }
}

/// The block: a link to the video (a button once `video.js` runs).
fn html(v: &Video, title: Option<&str>) -> String {
    let e = escape::html;
    let host = v.host.name();
    let title = title.map_or_else(|| format!("Video {host}"), str::to_string);
    format!(
        "<figure class=\"video{tall}\" data-embed=\"{embed}\">\
         <a class=\"video-link\" href=\"{watch}\" rel=\"noopener\">\
         <span class=\"video-title\">{title}</span> \
         <span class=\"video-host\">{host}</span></a></figure>\n",
        tall = if v.tall { " video-tall" } else { "" },
        embed = e(&v.embed_url()),
        watch = e(&v.watch_url()),
        title = e(&title),
    )
}

/// What is wrong with a video link, and the fix.
type Problem = (crate::diag::Message, crate::diag::Message);

fn copy_again() -> crate::diag::Message {
    crate::msg!("video-copy-again")
}

/// The video a link shows: `Ok(None)` when it is not a video link (another
/// site, a channel or a playlist), `Err` when it names a video wrongly.
pub fn parse(url: &str) -> Result<Option<Video>, Problem> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return Ok(None);
    };
    let split = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..split].to_ascii_lowercase();
    let rest = &rest[split..];
    let (rest, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let param = |name: &str| {
        query
            .split('&')
            .filter_map(|p| p.split_once('=').or(Some((p, ""))))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    };
    match host.as_str() {
        "youtube.com"
        | "www.youtube.com"
        | "m.youtube.com"
        | "youtube-nocookie.com"
        | "www.youtube-nocookie.com" => {
            let (id, tall) = match segments.as_slice() {
                ["watch"] => match param("v") {
                    Some(v) => (v, false),
                    None => return Err((crate::msg!("video-no-id", form = "?v=…"), copy_again())),
                },
                ["shorts", id] => (*id, true),
                ["live" | "embed", id] => (*id, false),
                _ => return Ok(None),
            };
            youtube(id, tall, param("t").or(param("start")))
        }
        "youtu.be" => match segments.as_slice() {
            [id] => youtube(id, false, param("t").or(param("start"))),
            _ => Err((
                crate::msg!("video-no-id", form = "youtu.be/…"),
                copy_again(),
            )),
        },
        "vimeo.com" | "www.vimeo.com" | "player.vimeo.com" => {
            let (id, key) = match segments.as_slice() {
                ["video", id] if host == "player.vimeo.com" => (*id, param("h")),
                [id] => (*id, None),
                [id, key] if id.starts_with(|c: char| c.is_ascii_digit()) => (*id, Some(*key)),
                ["channels", _, id] => (*id, None),
                // A profile, a showcase, a group: not one video.
                _ => return Ok(None),
            };
            if !id.starts_with(|c: char| c.is_ascii_digit()) {
                return Ok(None);
            }
            if !id.bytes().all(|b| b.is_ascii_digit()) || id.len() > 12 {
                return Err((
                    crate::msg!("video-vimeo-id", id = crate::diag::shorten(id)),
                    copy_again(),
                ));
            }
            if let Some(k) = key {
                if k.is_empty() || k.len() > 20 || !k.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return Err((
                        crate::msg!("video-vimeo-key", key = crate::diag::shorten(k)),
                        copy_again(),
                    ));
                }
            }
            let start = match fragment.strip_prefix("t=") {
                Some(t) => Some(start_time(t)?),
                None => None,
            };
            Ok(Some(Video {
                host: Host::Vimeo,
                id: id.to_string(),
                start,
                key: key.map(str::to_string),
                tall: false,
            }))
        }
        _ => Ok(None),
    }
}

fn youtube(id: &str, tall: bool, t: Option<&str>) -> Result<Option<Video>, Problem> {
    // YouTube's ids are 11 characters of its URL-safe base64 alphabet.
    if id.len() != 11
        || !id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err((
            crate::msg!("video-youtube-id", id = crate::diag::shorten(id)),
            copy_again(),
        ));
    }
    let start = match t {
        Some(t) => Some(start_time(t)?),
        None => None,
    };
    Ok(Some(Video {
        host: Host::YouTube,
        id: id.to_string(),
        start: start.filter(|&s| s > 0),
        key: None,
        tall,
    }))
}

/// A start time: `90`, `90s`, `1m30s`, `1h2m3s` → seconds.
fn start_time(t: &str) -> Result<u32, Problem> {
    let bad = || {
        (
            crate::msg!("video-start-time", time = crate::diag::shorten(t)),
            crate::msg!("video-start-time-help"),
        )
    };
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<u32>().map_err(|_| bad());
    }
    let mut total: u32 = 0;
    let mut number = String::new();
    let mut last_unit = 0u32;
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return Err(bad()),
        };
        // Units in order, each once, each after a number.
        if number.is_empty() || (last_unit != 0 && unit >= last_unit) {
            return Err(bad());
        }
        let n: u32 = number.parse().map_err(|_| bad())?;
        total = n
            .checked_mul(unit)
            .and_then(|x| total.checked_add(x))
            .ok_or_else(bad)?;
        number.clear();
        last_unit = unit;
    }
    if !number.is_empty() || t.is_empty() {
        return Err(bad());
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yt(id: &str, start: Option<u32>, tall: bool) -> Option<Video> {
        Some(Video {
            host: Host::YouTube,
            id: id.into(),
            start,
            key: None,
            tall,
        })
    }

    #[test]
    fn youtube_links_in_every_shape_an_officer_pastes() {
        let id = "dQw4w9WgXcQ";
        for (url, start, tall) in [
            ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None, false),
            (
                "http://youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
                None,
                false,
            ),
            (
                "https://m.youtube.com/watch?list=x&v=dQw4w9WgXcQ&t=90s",
                Some(90),
                false,
            ),
            ("https://youtu.be/dQw4w9WgXcQ", None, false),
            (
                "https://youtu.be/dQw4w9WgXcQ?si=AbC&t=1m30s",
                Some(90),
                false,
            ),
            ("https://youtu.be/dQw4w9WgXcQ?t=0", None, false),
            (
                "https://www.youtube.com/shorts/dQw4w9WgXcQ?feature=share",
                None,
                true,
            ),
            (
                "https://www.youtube.com/live/dQw4w9WgXcQ?t=1h2m3s",
                Some(3723),
                false,
            ),
            (
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=5",
                Some(5),
                false,
            ),
            ("HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ", None, false),
        ] {
            assert_eq!(parse(url), Ok(yt(id, start, tall)), "{url}");
        }
    }

    #[test]
    fn vimeo_links() {
        let v = |id: &str, key: Option<&str>, start| {
            Ok(Some(Video {
                host: Host::Vimeo,
                id: id.into(),
                start,
                key: key.map(Into::into),
                tall: false,
            }))
        };
        assert_eq!(
            parse("https://vimeo.com/76979871"),
            v("76979871", None, None)
        );
        assert_eq!(
            parse("https://vimeo.com/76979871#t=1m5s"),
            v("76979871", None, Some(65))
        );
        assert_eq!(
            parse("https://vimeo.com/76979871/a1b2c3"),
            v("76979871", Some("a1b2c3"), None)
        );
        assert_eq!(
            parse("https://player.vimeo.com/video/76979871?h=a1b2c3"),
            v("76979871", Some("a1b2c3"), None)
        );
        assert_eq!(
            parse("https://vimeo.com/channels/staffpicks/76979871"),
            v("76979871", None, None)
        );
    }

    #[test]
    fn other_links_are_not_videos() {
        for url in [
            "https://www.youtube.com/@perpusnas",
            "https://www.youtube.com/playlist?list=PL123",
            "https://www.youtube.com/",
            "https://vimeo.com/perpusnas",
            "https://vimeo.com/showcase/123",
            "https://example.org/watch?v=dQw4w9WgXcQ",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            "youtu.be/dQw4w9WgXcQ",
            "javascript:alert(1)",
        ] {
            assert_eq!(parse(url), Ok(None), "{url}");
        }
    }

    #[test]
    fn wrong_ids_and_start_times_are_problems() {
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXc",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQQ",
            "https://www.youtube.com/watch?v=dQw4w9W%22cQ",
            "https://www.youtube.com/watch?feature=share",
            "https://youtu.be/",
            "https://youtu.be/dQw4w9WgXcQ/x",
            "https://www.youtube.com/shorts/<script>",
            "https://youtu.be/dQw4w9WgXcQ?t=1x",
            "https://youtu.be/dQw4w9WgXcQ?t=30s1m",
            "https://youtu.be/dQw4w9WgXcQ?t=99999999999",
            "https://vimeo.com/7697987a",
            "https://vimeo.com/76979871/a\"b",
            "https://vimeo.com/76979871#t=abc",
        ] {
            assert!(parse(url).is_err(), "{url}");
        }
    }

    #[test]
    fn the_block_links_to_the_host_and_embeds_the_privacy_mode_player() {
        let v = parse("https://youtu.be/dQw4w9WgXcQ?t=90").unwrap().unwrap();
        let h = html(&v, Some("Pelatihan <literasi> & \"digital\""));
        assert!(h.contains("data-embed=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=90\""), "{h}");
        assert!(
            h.contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=90s\""),
            "{h}"
        );
        assert!(
            h.contains("Pelatihan &lt;literasi&gt; &amp; &quot;digital&quot;"),
            "{h}"
        );
        let v = parse("https://vimeo.com/76979871/abc#t=5")
            .unwrap()
            .unwrap();
        let h = html(&v, None);
        assert!(
            h.contains(
                "https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1&amp;h=abc#t=5s"
            ),
            "{h}"
        );
        assert!(h.contains(">Video Vimeo<"), "{h}");
    }
}
