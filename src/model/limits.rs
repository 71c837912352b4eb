//! How long each kind of text may be.
//!
//! Every text an officer writes ends up somewhere with a size: a file or
//! folder name (255 bytes per part on every common file system), a URL, a
//! card on a listing, a search result. A limit per kind of field catches a
//! paste gone wrong (a whole article in `title`) at `warta check`, with the
//! limit in plain words, instead of an unreadable page or an operating
//! system error at `warta build`. The numbers leave ample room for every
//! real record of the programme (see each constant).

use crate::diag::Message;

/// The most characters one kind of text may have, and how to fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub chars: usize,
    /// What such a text is: the id of a message ("a title").
    pub what: &'static str,
    /// How to make it fit: the id of a message.
    pub hint: &'static str,
}

/// Ids, slugs and file names: each is one part of a URL and of an output
/// file name (255 bytes at most on disk), and a URL of a few words is one
/// a reader can read out and type. The longest id of the example site has
/// 39 characters.
pub const ID: Limit = Limit {
    chars: 80,
    what: "limit-id",
    hint: "limit-id-hint",
};

/// File and folder names of pages (their URLs). `warta new` makes names
/// of at most [`TITLE_SLUG_CHARS`]; names made by hand or by other tools
/// from long headlines run to about 100. Far below the 255 bytes a disk
/// allows for a name.
pub const PAGE_NAME: Limit = Limit {
    chars: 120,
    what: "limit-page-name",
    hint: "limit-page-name-hint",
};

/// Tags and themes: a word or two, shown as a chip and made a page.
pub const TAG: Limit = Limit {
    chars: 50,
    what: "limit-tag",
    hint: "limit-tag-hint",
};

/// Keys of a `social:` list: the name of a network.
pub const KEY: Limit = Limit {
    chars: 50,
    what: "limit-key",
    hint: "limit-key-hint",
};

/// Names of libraries, places and people, references, periods and other
/// one-line values. Official library names run to about 100 characters.
pub const NAME: Limit = Limit {
    chars: 150,
    what: "limit-name",
    hint: "limit-name-hint",
};

/// Titles of pages, posts, events and reports: a headline, also the
/// `<title>` of the page and the text of every link to it.
pub const TITLE: Limit = Limit {
    chars: 200,
    what: "limit-title",
    hint: "limit-title-hint",
};

/// Alt text, read out by screen readers: a sentence or two (WCAG
/// advice); longer descriptions belong in the text.
pub const ALT: Limit = Limit {
    chars: 300,
    what: "limit-alt",
    hint: "limit-alt-hint",
};

/// Postal addresses.
pub const ADDRESS: Limit = Limit {
    chars: 300,
    what: "limit-address",
    hint: "limit-address-hint",
};

/// Summaries, descriptions and quotes: shown on cards, in search results
/// and as the page description. The longest in the example site has 202.
pub const SUMMARY: Limit = Limit {
    chars: 500,
    what: "limit-summary",
    hint: "limit-summary-hint",
};

/// Notes on awards and reports.
pub const NOTE: Limit = Limit {
    chars: 1000,
    what: "limit-note",
    hint: "limit-note-hint",
};

/// Web addresses and image paths: sitemaps refuse URLs of 2,048
/// characters or more.
pub const URL: Limit = Limit {
    chars: 2000,
    what: "limit-url",
    hint: "limit-url-hint",
};

/// E-mail addresses: 254 characters is the most mail servers accept.
pub const EMAIL: Limit = Limit {
    chars: 254,
    what: "limit-email",
    hint: "limit-email-hint",
};

/// Telephone numbers, with room for a second number or an extension.
pub const PHONE: Limit = Limit {
    chars: 50,
    what: "limit-phone",
    hint: "limit-phone-hint",
};

/// Slugs that `warta new` makes from titles are cut at a word boundary at
/// this length: long enough for the key words of a headline
/// (`plm-kalimantan-selatan-2022-hulu-sungai-utara` has 45), short enough
/// to read in a URL.
pub const TITLE_SLUG_CHARS: usize = 60;

// Names become output folders and files (`<name>/index.html`): far below
// the 255 bytes a disk allows per name, and a slug from a title is an id.
const _: () = assert!(PAGE_NAME.chars + ".html".len() < 255 && ID.chars < PAGE_NAME.chars);
const _: () = assert!(TITLE_SLUG_CHARS <= ID.chars && TAG.chars <= ID.chars);

/// The limit of a text field of a record, by its name (the same name means
/// the same kind of text in every record): names, references, places,
/// periods and other one-line values have [`NAME`].
pub fn for_field(field: &str) -> Limit {
    special(field).unwrap_or(NAME)
}

fn special(field: &str) -> Option<Limit> {
    Some(match field {
        "id" | "slug" | "aliases" | "category" => ID,
        "tags" | "themes" => TAG,
        "title" => TITLE,
        "image_alt" | "photo_alt" => ALT,
        "address" => ADDRESS,
        "summary" | "description" | "quote" => SUMMARY,
        // A theme's settings: announcements and the like.
        "note" | "extra" => NOTE,
        "url" | "base_url" | "api_root" | "website" | "social" | "image" | "photo" | "cdn"
        | "icon" => URL,
        "email" => EMAIL,
        "phone" => PHONE,
        _ => return None,
    })
}

/// How many texts a list field may hold: a post names a few tags, an
/// event a few provinces; tens of thousands would each make a page.
pub fn list_items(field: &str) -> usize {
    match field {
        "tags" | "themes" => 30,
        "aliases" => 20,
        _ => 500,
    }
}

/// Required text that names a thing (a page's heading, a library's
/// name): blank would publish an empty heading or link. Optional text
/// left blank (`summary: ""`, as `warta new` writes it) counts as absent.
pub fn is_required_name(field: &str) -> bool {
    matches!(field, "title" | "name" | "official_name")
}

/// The message and help for a text of `chars` characters in `field` over
/// `limit`, or `None` when it fits.
pub fn check(field: &str, value: &str, limit: Limit) -> Option<(Message, Message)> {
    let chars = value.chars().count();
    (chars > limit.chars).then(|| {
        (
            crate::msg!(
                "text-too-long",
                field = field,
                length = chars,
                what = Message::new(limit.what),
                limit = limit.chars
            ),
            crate::msg!(
                "text-too-long-help",
                over = chars - limit.chars,
                hint = Message::new(limit.hint)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::records::*;

    /// One-line text fields that have [`NAME`].
    const NAMES: &[&str] = &[
        "name",
        // `#rrggbb`, checked as colours by validate; a name's limit is ample.
        "theme_color",
        "background_color",
        "short_name",
        "name_en",
        "official_name",
        "code",
        "province",
        "regency",
        "kind",
        "level",
        "district",
        "village",
        "period",
        "date",
        "updated",
        "start",
        "end",
        "library",
        "libraries",
        "provinces",
        "event",
        "author",
        "person",
        "city",
        "venue",
        "theme",
        "facilitators",
        "language",
        "branch",
        "backend",
        "repo",
        "auth_endpoint",
        "app_id",
    ];
    /// Fields that hold no text of their own.
    const NOT_TEXT: &[&str] = &[
        "joined",
        "per_page",
        "allow_html",
        "strict",
        "menu",
        "cms",
        "location",
        "lat",
        "lon",
        "kpi",
        "community_engagement",
        "advocacy",
        "service_improvement",
        "year",
        "rank",
        "figures",
        "source",
        "participants",
        "online",
        "draft",
        "weight",
        "illustrative",
    ];

    #[test]
    fn every_field_of_every_record_has_a_chosen_limit() {
        let all = [
            SiteConfigRecord::FIELDS,
            MenuItemRecord::FIELDS,
            CmsRecord::FIELDS,
            ProvinceRecord::FIELDS,
            RegencyRecord::FIELDS,
            LibraryRecord::FIELDS,
            LocationRecord::FIELDS,
            KpiRecord::FIELDS,
            AwardRecord::FIELDS,
            ReportRecord::FIELDS,
            SourceRecord::FIELDS,
            PostFrontMatter::FIELDS,
            StoryFrontMatter::FIELDS,
            EventFrontMatter::FIELDS,
            PageFrontMatter::FIELDS,
        ];
        // A new field needs a choice: a limit of its own, or one of these.
        for f in all.iter().flat_map(|f| f.iter()) {
            assert!(
                special(f).is_some() || NAMES.contains(f) || NOT_TEXT.contains(f),
                "choose a limit for `{f}`"
            );
        }
        assert_eq!(for_field("regency"), NAME);
        assert_eq!(for_field("tags"), TAG);
    }

    #[test]
    fn messages_say_the_limit_and_by_how_much() {
        assert_eq!(check("title", "Judul", TITLE), None);
        let (m, h) = check("tags", &"a".repeat(53), TAG).unwrap();
        let (m, h) = (m.en(), h.en());
        assert_eq!(
            m,
            "`tags` is 53 characters long; a tag or theme can be at most 50"
        );
        assert!(h.starts_with("shorten it by 3 characters: a tag is"), "{h}");
        // Characters, not bytes.
        assert_eq!(check("tags", &"é".repeat(50), TAG), None);
    }
}
