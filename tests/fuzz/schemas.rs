//! The contract's record kinds as field tables: each field's name, how to
//! make its value, and whether it is required (src/model/records.rs).

/// How to make one field's value.
#[derive(Clone, Copy)]
pub enum F {
    Title,
    Text,
    Long,
    Slug,
    Province,
    Provinces,
    Library,
    Libraries,
    Event,
    Tags,
    Date,
    Year,
    Count,
    Bool,
    Url,
    Email,
    Phone,
    /// One of these words (all valid; near misses make the wrong ones).
    Vocab(&'static [&'static str]),
    /// Earlier ids of a library.
    Aliases,
    Regency,
    Location,
    Kpi,
    Figures,
    Participants,
    Source,
    Menu,
    Social,
    Image,
    Strings,
    Weight,
    Code,
}

pub type Schema = &'static [(&'static str, F, bool)];

pub const POST: Schema = &[
    ("title", F::Title, true),
    ("date", F::Date, true),
    ("author", F::Text, false),
    ("provinces", F::Provinces, false),
    ("libraries", F::Libraries, false),
    ("event", F::Event, false),
    ("tags", F::Tags, false),
    ("image", F::Image, false),
    ("image_alt", F::Text, false),
    ("summary", F::Long, false),
    ("draft", F::Bool, false),
    ("illustrative", F::Bool, false),
];
pub const STORY: Schema = &[
    ("title", F::Title, true),
    ("date", F::Date, true),
    ("person", F::Text, true),
    ("library", F::Library, true),
    ("themes", F::Tags, false),
    ("tags", F::Tags, false),
    ("quote", F::Long, false),
    ("image", F::Image, false),
    ("image_alt", F::Text, false),
    ("summary", F::Long, false),
    ("draft", F::Bool, false),
    ("illustrative", F::Bool, false),
];
pub const EVENT: Schema = &[
    ("title", F::Title, true),
    (
        "level",
        F::Vocab(&["provinsi", "regional", "nasional"]),
        true,
    ),
    ("provinces", F::Provinces, false),
    // Not required by the contract, but an event needs a place.
    ("city", F::Text, true),
    ("venue", F::Text, false),
    ("online", F::Bool, false),
    ("start", F::Date, true),
    ("end", F::Date, false),
    ("theme", F::Text, false),
    ("participants", F::Participants, false),
    ("facilitators", F::Strings, false),
    ("tags", F::Tags, false),
    ("image", F::Image, false),
    ("image_alt", F::Text, false),
    ("summary", F::Long, false),
    ("draft", F::Bool, false),
    ("illustrative", F::Bool, false),
];
pub const PAGE: Schema = &[
    ("title", F::Title, true),
    ("summary", F::Long, false),
    ("draft", F::Bool, false),
    ("weight", F::Weight, false),
];
pub const LIBRARY: Schema = &[
    ("id", F::Slug, true),
    ("name", F::Title, true),
    (
        "level",
        F::Vocab(&["provinsi", "kabupaten", "kota", "desa", "kelurahan"]),
        true,
    ),
    ("province", F::Province, true),
    ("regency", F::Regency, true),
    ("district", F::Text, false),
    ("village", F::Text, false),
    ("joined", F::Year, false),
    ("address", F::Long, false),
    ("phone", F::Phone, false),
    ("email", F::Email, false),
    ("website", F::Url, false),
    ("social", F::Social, false),
    ("location", F::Location, false),
    ("photo", F::Image, false),
    ("photo_alt", F::Text, false),
    ("summary", F::Long, false),
    ("kpi", F::Kpi, false),
    ("aliases", F::Aliases, false),
    ("illustrative", F::Bool, false),
];
pub const AWARD: Schema = &[
    ("year", F::Year, true),
    ("province", F::Province, true),
    (
        "category",
        F::Vocab(&["terbaik", "teraktif", "inovatif"]),
        true,
    ),
    ("rank", F::Count, true),
    ("library", F::Library, true),
    ("event", F::Event, false),
    ("note", F::Text, false),
    ("illustrative", F::Bool, false),
];
pub const REPORT: Schema = &[
    ("id", F::Slug, true),
    ("title", F::Title, true),
    ("province", F::Province, false),
    ("period", F::Text, true),
    ("date", F::Date, true),
    ("event", F::Event, false),
    ("source", F::Source, false),
    ("figures", F::Figures, true),
    ("note", F::Text, false),
    ("illustrative", F::Bool, false),
];
pub const PROVINCE: Schema = &[
    ("code", F::Code, true),
    ("slug", F::Slug, true),
    ("name", F::Title, true),
    ("short_name", F::Text, false),
    ("name_en", F::Text, false),
];
pub const REGENCY: Schema = &[
    ("code", F::Code, true),
    ("province", F::Code, true),
    ("name", F::Title, true),
    ("kind", F::Vocab(&["kabupaten", "kota"]), true),
    ("official_name", F::Text, false),
];
pub const SITE: Schema = &[
    ("title", F::Title, true),
    ("base_url", F::Url, true),
    ("description", F::Long, false),
    ("language", F::Vocab(&["id", "en"]), false),
    ("theme", F::Vocab(&["default"]), false),
    ("menu", F::Menu, false),
    ("per_page", F::Weight, false),
    ("allow_html", F::Bool, false),
    ("strict", F::Bool, false),
    ("author", F::Text, false),
];
