//! Heading ids and levels: every heading gets a unique id, and a body
//! that uses `#` is demoted one level so the page title stays the only `h1`.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Gives every heading an id (its text as a slug, made unique) unless it has
/// one, and demotes all headings one level when the body uses `#`, so the
/// page title stays the only `h1`.
pub(super) fn add_heading_ids(events: &mut [Event]) {
    let demote = events.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    });
    let mut used = HashSet::new();
    let mut last: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i] {
                let base = id.as_ref().map(|s| s.to_string()).unwrap_or_else(|| {
                    let s = crate::model::slugify(&text);
                    if s.is_empty() {
                        "bagian".into()
                    } else {
                        s
                    }
                });
                // `base-2`, `base-3`…: counting on from the last number
                // given to this base keeps thousands of equal headings
                // linear.
                let mut unique = base.clone();
                if !used.insert(unique.clone()) {
                    let n = last.entry(base.clone()).or_insert(1);
                    loop {
                        *n += 1;
                        unique = format!("{base}-{n}");
                        if used.insert(unique.clone()) {
                            break;
                        }
                    }
                }
                *id = Some(CowStr::from(unique));
                if demote {
                    *level = deeper(*level);
                }
            }
            if demote {
                if let Some(Event::End(TagEnd::Heading(level))) = events.get_mut(j) {
                    *level = deeper(*level);
                }
            }
            i = j;
        }
        i += 1;
    }
}

fn deeper(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}
