//! An event as an iCalendar file (RFC 5545), so a reader can put it in the
//! calendar of their phone: `/plm/<slug>/kalender.ics`, linked from the
//! event's page. Events have dates, not times, so each is an all-day event
//! (`DTSTART;VALUE=DATE`, `DTEND` the day after the last, exclusive).
//! Same event, same bytes: `DTSTAMP` comes from the event's own date, never
//! the clock, and `UID` from its slug and the site's host.

use super::urls;
use super::view::{event_place, Cx};
use crate::model::Date;
use crate::site::EventId;

/// The calendar file of event `id`.
pub fn event(cx: &Cx, id: EventId) -> String {
    let e = cx.site.event(id);
    let url = cx.absolute(&urls::event(&e.slug));
    let host = host(&cx.site.config.base_url);
    let last = e.end.unwrap_or(e.start);
    let mut description = e.summary.clone().unwrap_or_default();
    if !description.is_empty() {
        description.push_str("\n\n");
    }
    description.push_str(&url);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//warta//warta//ID".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}@{}", e.slug, host),
        format!("DTSTAMP:{}T000000Z", compact(e.start)),
        format!("DTSTART;VALUE=DATE:{}", compact(e.start)),
        format!("DTEND;VALUE=DATE:{}", compact(next_day(last))),
        format!("SUMMARY:{}", text(&e.title)),
        format!("DESCRIPTION:{}", text(&description)),
    ];
    let place = event_place(cx, id);
    if !place.is_empty() {
        lines.push(format!("LOCATION:{}", text(&place)));
    }
    lines.push(format!("URL:{url}"));
    lines.push("STATUS:CONFIRMED".into());
    lines.push("TRANSP:TRANSPARENT".into());
    lines.extend(["END:VEVENT".to_string(), "END:VCALENDAR".into()]);
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

/// The URL of event `slug`'s calendar file.
pub fn url(slug: &str) -> String {
    format!("{}kalender.ics", urls::event(slug))
}

/// `YYYYMMDD`.
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn next_day(d: Date) -> Date {
    let (y, m, day) = (d.year(), d.month(), d.day());
    Date::from_ymd(y, m, day + 1)
        .or_else(|| Date::from_ymd(y, m + 1, 1))
        .or_else(|| Date::from_ymd(y + 1, 1, 1))
        .unwrap_or(d)
}

fn host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

/// A TEXT value (RFC 5545 3.3.11): `\`, `;`, `,` escaped, line breaks as
/// `\n`, other control characters dropped. `<` and `>` become `‹` `›`:
/// some calendars (Google Calendar) read HTML in a description, and TEXT
/// has no way to escape it.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let s = s.replace("\r\n", "\n");
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '<' => out.push('‹'),
            '>' => out.push('›'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `line` folded at 75 octets (RFC 5545 3.1: a continuation starts
/// with one space, never splitting a UTF-8 character), ending in CRLF.
fn fold(line: &str, out: &mut String) {
    let mut room = 75;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > room {
            out.push_str("\r\n ");
            used = 1;
            room = 75;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(100)), &mut out);
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        for l in &lines[1..] {
            assert!(l.starts_with(' '));
        }
        let unfolded: String = lines.join("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}", "é".repeat(100)));
        let mut short = String::new();
        fold("VERSION:2.0", &mut short);
        assert_eq!(short, "VERSION:2.0\r\n");
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(
            text("Aula; lantai 2, gedung A\\B\r\nbaris\u{7}"),
            "Aula\\; lantai 2\\, gedung A\\\\B\\nbaris"
        );
        assert_eq!(text("<script>x</script>"), "‹script›x‹/script›");
    }

    #[test]
    fn the_end_is_the_day_after_the_last() {
        let d = |y, m, d| Date::from_ymd(y, m, d).unwrap();
        assert_eq!(next_day(d(2024, 3, 12)), d(2024, 3, 13));
        assert_eq!(next_day(d(2024, 2, 29)), d(2024, 3, 1));
        assert_eq!(next_day(d(2023, 12, 31)), d(2024, 1, 1));
        assert_eq!(compact(d(2024, 3, 1)), "20240301");
    }
}
