//! The searchable documents of a site, taken from the resolved [`Site`]
//! (never from rendered HTML): news posts, stories, events, libraries and
//! provinces, in the fixed order that gives them their ids.

use super::index::{BODY, PLACE, TITLE};
use super::text;
use crate::model::{Date, LibraryLevel};
use crate::site::{Event, Library, Post, Province, ProvinceId, Site, Story, TagId};
use foldhash::{HashMap, HashMapExt};
use pulldown_cmark::{Event as Md, Parser, Tag, TagEnd};
use rayon::prelude::*;

/// Kinds of document, in the order of the `jenis` facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Berita,
    Kisah,
    Plm,
    Perpustakaan,
    Provinsi,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Berita,
        Kind::Kisah,
        Kind::Plm,
        Kind::Perpustakaan,
        Kind::Provinsi,
    ];

    /// The facet value in URLs (`jenis=berita`) and the first URL segment.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Berita => "berita",
            Kind::Kisah => "kisah",
            Kind::Plm => "plm",
            Kind::Perpustakaan => "perpustakaan",
            Kind::Provinsi => "provinsi",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One searchable page.
#[derive(Debug, Clone)]
pub struct Doc {
    pub kind: Kind,
    /// The last URL segment: the page is `/<kind>/<slug>/`.
    pub slug: String,
    pub title: String,
    /// Province indices into `site.provinces`; the first one is where the
    /// document is filed. Empty for national events.
    pub provinces: Vec<u32>,
    pub level: Option<LibraryLevel>,
    pub date: Option<Date>,
    pub excerpt: String,
    /// Text by field, for ranking: title, names of places and libraries,
    /// everything else. Emptied by [`Doc::indexed`], which keeps `words`.
    pub title_text: String,
    pub place_text: String,
    pub body_text: String,
    pub words: Words,
}

/// A document's distinct folded words, each with the best field holding
/// it, in one string: every word is followed by its field code (a byte
/// below `\x04`, never part of a folded word). Far smaller than the text
/// it comes from, and one allocation.
#[derive(Debug, Clone, Default)]
pub struct Words(Box<str>);

impl Words {
    /// The words of `texts`, each `(text, field code)`.
    pub fn of(texts: &[(&str, u8)]) -> Words {
        let mut best: HashMap<String, u8> = HashMap::new();
        let mut buf = String::new();
        for &(text, field) in texts {
            text::for_each_word(text, &mut buf, |w| match best.get_mut(w) {
                Some(f) => *f = (*f).max(field),
                None => {
                    best.insert(w.to_string(), field);
                }
            });
        }
        let mut out = String::with_capacity(best.keys().map(|w| w.len() + 1).sum());
        for (w, f) in best {
            out.push_str(&w);
            out.push(char::from(f));
        }
        Words(out.into_boxed_str())
    }

    /// Each word with its field code.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u8)> {
        let mut rest = &*self.0;
        std::iter::from_fn(move || {
            let end = rest.bytes().position(|b| b < 4)?;
            let item = (&rest[..end], rest.as_bytes()[end]);
            rest = &rest[end + 1..];
            Some(item)
        })
    }
}

impl Doc {
    /// Keeps the words of the texts and drops the texts: the index needs
    /// only the words, and the site's texts are not held twice.
    pub fn indexed(mut self) -> Doc {
        self.words = Words::of(&[
            (&self.title_text, TITLE),
            (&self.place_text, PLACE),
            (&self.body_text, BODY),
        ]);
        self.title_text = String::new();
        self.place_text = String::new();
        self.body_text = String::new();
        self
    }
    pub fn url(&self) -> String {
        format!("/{}/{}/", self.kind.as_str(), self.slug)
    }
    pub fn year(&self) -> Option<u16> {
        self.date.map(|d| d.year() as u16)
    }
    /// Filing value within its kind: the year for dated kinds, the level
    /// (1-based) for libraries, 0 otherwise.
    pub fn group_value(&self) -> u32 {
        match (self.date, self.level) {
            (Some(d), _) => d.year() as u32,
            (None, Some(l)) => level_index(l) as u32 + 1,
            _ => 0,
        }
    }
}

pub fn level_index(l: LibraryLevel) -> usize {
    LibraryLevel::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

/// Plain text of a Markdown body: text and code, blocks separated by a space.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for ev in Parser::new(markdown) {
        match ev {
            Md::Text(t) | Md::Code(t) => out.push_str(&t),
            Md::SoftBreak
            | Md::HardBreak
            | Md::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push(' '),
            Md::Start(Tag::Item) => out.push(' '),
            _ => {}
        }
    }
    out
}

/// At most `max` characters of `text` (whitespace squeezed), cut at a word
/// boundary with `…` when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        let n = out.chars().count() + w.chars().count() + usize::from(!out.is_empty());
        if n > max {
            if out.is_empty() {
                out = w.chars().take(max).collect();
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Characters of text kept for the snippet under each result (the budget
/// of a first query leaves no room for more: docs/search.md, Budget); the
/// client marks the matched words in it.
pub const EXCERPT: usize = 120;

fn summary_or_body(summary: &Option<String>, body_plain: &str) -> String {
    match summary {
        Some(s) if !s.trim().is_empty() => excerpt(s, EXCERPT),
        _ => excerpt(body_plain, EXCERPT),
    }
}

fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut s = String::new();
    for p in parts {
        if !p.is_empty() {
            if !s.is_empty() {
                s.push_str(" \n ");
            }
            s.push_str(p);
        }
    }
    s
}

/// Every searchable document, sorted into id order: dated documents
/// (news, stories, events) newest year first, then by province (national
/// last), kind, newest first; then libraries by level, province and name;
/// then the province pages. Results of equal score share a year (and the
/// field holding the words), so the first page of a query with a year, kind
/// or level facet lies in one block of neighbouring ids, that is in one or
/// two record chunks; a province facet takes one block per year it reaches.
/// The entry describes the facets as runs of this order (index.rs).
pub fn collect(site: &Site) -> Vec<Doc> {
    // Each document's text is made, read for its words and dropped on
    // rayon's threads: the texts of the site are never all in memory.
    let mut docs = Vec::new();
    docs.par_extend(site.posts.par_iter().map(|p| post_doc(site, p).indexed()));
    docs.par_extend(
        site.stories
            .par_iter()
            .map(|s| story_doc(site, s).indexed()),
    );
    docs.par_extend(site.events.par_iter().map(|e| event_doc(site, e).indexed()));
    docs.par_extend(
        site.libraries
            .par_iter()
            .map(|l| library_doc(site, l).indexed()),
    );
    let english = site.config.language == "en";
    docs.extend(
        site.provinces
            .iter()
            .enumerate()
            .map(|(i, p)| province_doc(site, i, p, english).indexed()),
    );
    sort_into_id_order(&mut docs);
    docs
}

fn province_name(site: &Site, p: ProvinceId) -> String {
    site.province(p).display_name().to_string()
}

fn tag_names<'a>(site: &'a Site, tags: &[TagId]) -> Vec<&'a str> {
    tags.iter().map(|t| site.tag(*t).name.as_str()).collect()
}

fn post_doc(site: &Site, p: &Post) -> Doc {
    let body = plain_text(&p.body);
    let tags = tag_names(site, &p.tags);
    let places: Vec<String> = p
        .provinces
        .iter()
        .map(|&x| province_name(site, x))
        .chain(p.libraries.iter().map(|&l| site.library(l).name.clone()))
        .collect();
    let event = p.event.map(|e| site.event(e).title.as_str()).unwrap_or("");
    Doc {
        kind: Kind::Berita,
        slug: p.slug.clone(),
        title: p.title.clone(),
        provinces: p.provinces.iter().map(|x| x.0).collect(),
        level: None,
        date: Some(p.date),
        excerpt: summary_or_body(&p.summary, &body),
        title_text: p.title.clone(),
        place_text: join(places.iter().map(String::as_str)),
        body_text: join([
            p.summary.as_deref().unwrap_or(""),
            &body,
            &tags.join(" "),
            event,
        ]),
        words: Words::default(),
    }
}

fn story_doc(site: &Site, s: &Story) -> Doc {
    let body = plain_text(&s.body);
    let tags = tag_names(site, &s.tags);
    let lib = site.library(s.library);
    Doc {
        kind: Kind::Kisah,
        slug: s.slug.clone(),
        title: s.title.clone(),
        provinces: vec![s.province.0],
        level: None,
        date: Some(s.date),
        excerpt: summary_or_body(&s.summary, &body),
        title_text: s.title.clone(),
        place_text: join([lib.name.as_str(), &province_name(site, s.province)]),
        body_text: join([
            s.person.as_str(),
            &s.themes.join(" "),
            &tags.join(" "),
            s.quote.as_deref().unwrap_or(""),
            s.summary.as_deref().unwrap_or(""),
            &body,
        ]),
        words: Words::default(),
    }
}

fn event_doc(site: &Site, e: &Event) -> Doc {
    let body = plain_text(&e.body);
    let tags = tag_names(site, &e.tags);
    let places: Vec<String> = e
        .provinces
        .iter()
        .map(|&x| province_name(site, x))
        .collect();
    Doc {
        kind: Kind::Plm,
        slug: e.slug.clone(),
        title: e.title.clone(),
        provinces: e.provinces.iter().map(|x| x.0).collect(),
        level: None,
        date: Some(e.start),
        excerpt: summary_or_body(&e.summary, &body),
        title_text: e.title.clone(),
        place_text: join(places.iter().map(String::as_str).chain([
            e.city.as_deref().unwrap_or(""),
            e.venue.as_deref().unwrap_or(""),
        ])),
        body_text: join([
            e.theme.as_deref().unwrap_or(""),
            e.summary.as_deref().unwrap_or(""),
            &body,
            &e.facilitators.join(" "),
            &tags.join(" "),
        ]),
        words: Words::default(),
    }
}

fn library_doc(site: &Site, l: &Library) -> Doc {
    let reg = site.regency(l.regency);
    let province = province_name(site, l.province);
    let where_ = format!("{}, {}", reg.official_name, province);
    let ex = match (&l.summary, &l.address) {
        (Some(s), _) if !s.trim().is_empty() => excerpt(s, EXCERPT),
        (_, Some(a)) if !a.trim().is_empty() => excerpt(&format!("{a}, {where_}"), EXCERPT),
        _ => excerpt(&where_, EXCERPT),
    };
    Doc {
        kind: Kind::Perpustakaan,
        slug: l.id.clone(),
        title: l.name.clone(),
        provinces: vec![l.province.0],
        level: Some(l.level),
        date: None,
        excerpt: ex,
        title_text: join(
            std::iter::once(l.name.as_str()).chain(l.aliases.iter().map(String::as_str)),
        ),
        place_text: join([
            reg.official_name.as_str(),
            &province,
            l.district.as_deref().unwrap_or(""),
            l.village.as_deref().unwrap_or(""),
        ]),
        body_text: join([
            l.summary.as_deref().unwrap_or(""),
            l.address.as_deref().unwrap_or(""),
        ]),
        words: Words::default(),
    }
}

/// A province page: `i` is its index in `site.provinces`.
fn province_doc(site: &Site, i: usize, p: &Province, english: bool) -> Doc {
    let regencies: Vec<&str> = p
        .regencies
        .iter()
        .map(|&r| site.regency(r).official_name.as_str())
        .collect();
    let ex = if english {
        format!(
            "{} partner libraries · {} news posts · {} stories",
            p.libraries.len(),
            p.posts.len(),
            p.stories.len()
        )
    } else {
        format!(
            "{} perpustakaan mitra · {} berita · {} kisah",
            p.libraries.len(),
            p.posts.len(),
            p.stories.len()
        )
    };
    Doc {
        kind: Kind::Provinsi,
        slug: p.slug.clone(),
        title: p.display_name().to_string(),
        provinces: vec![i as u32],
        level: None,
        date: None,
        excerpt: ex,
        title_text: join([
            p.name.as_str(),
            p.short_name.as_deref().unwrap_or(""),
            p.name_en.as_deref().unwrap_or(""),
        ]),
        place_text: String::new(),
        body_text: regencies.join(" \n "),
        words: Words::default(),
    }
}

/// The id order described at [`collect`].
fn sort_into_id_order(docs: &mut [Doc]) {
    let none = u32::MAX;
    let year = |d: &Doc| std::cmp::Reverse(d.date.map(|x| x.year()));
    docs.sort_by(|a, b| {
        let pa = a.provinces.first().copied().unwrap_or(none);
        let pb = b.provinces.first().copied().unwrap_or(none);
        let undated_kind = |d: &Doc| d.date.is_none().then_some(d.kind);
        a.date
            .is_none()
            .cmp(&b.date.is_none())
            .then(year(a).cmp(&year(b)))
            .then(undated_kind(a).cmp(&undated_kind(b)))
            .then(a.level.map(level_index).cmp(&b.level.map(level_index)))
            .then(pa.cmp(&pb))
            .then(a.kind.cmp(&b.kind))
            .then(b.date.cmp(&a.date))
            .then(a.title.cmp(&b.title))
            .then(a.slug.cmp(&b.slug))
    });
}

/// Folded words of the site's place names (provinces, regencies, districts,
/// villages): proper nouns, never stemmed, and the vocabulary of typo
/// tolerance.
pub fn place_words(site: &Site) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| out.extend(super::text::tokens(s));
    for p in &site.provinces {
        add(&p.name);
        if let Some(s) = &p.short_name {
            add(s);
        }
    }
    for r in &site.regencies {
        add(&r.name);
    }
    for l in &site.libraries {
        if let Some(d) = &l.district {
            add(d);
        }
        if let Some(v) = &l.village {
            add(v);
        }
    }
    out.retain(|w| !super::text::is_stopword(w) && !GENERIC_PLACE_WORDS.contains(&w.as_str()));
    out.sort();
    out.dedup();
    out
}

/// Words of place names that are ordinary words, stemmed as usual.
const GENERIC_PLACE_WORDS: &[&str] = &[
    "kepulauan",
    "daerah",
    "istimewa",
    "khusus",
    "ibukota",
    "administrasi",
    "kabupaten",
    "kota",
    "desa",
    "kelurahan",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_markup() {
        let t =
            plain_text("# Judul\n\nIni **tebal** dan [tautan](https://x.id).\n\n- satu\n- dua\n");
        assert_eq!(
            t.split_whitespace().collect::<Vec<_>>(),
            ["Judul", "Ini", "tebal", "dan", "tautan.", "satu", "dua"]
        );
    }

    #[test]
    fn excerpt_cuts_at_a_word() {
        assert_eq!(excerpt("satu dua tiga", 20), "satu dua tiga");
        assert_eq!(excerpt("satu dua tiga empat", 10), "satu dua…");
        assert_eq!(excerpt("  a   b ", 10), "a b");
    }
}
