//! Markdown bodies as the page builders see them: kept between builds
//! (`warta serve`'s [`super::incremental::BodyCache`]) or rendered when
//! their page is rendered (`warta build` and `check`: nothing is kept, so
//! memory does not grow with the number of pages).

use super::markdown;
use crate::diag::Diagnostic;
use crate::site::Site;
use std::borrow::Cow;
use std::sync::Mutex;

/// Markdown bodies rendered to HTML, by index of their record.
#[derive(Default)]
pub struct Bodies {
    pub posts: Vec<String>,
    pub stories: Vec<String>,
    pub events: Vec<String>,
    pub pages: Vec<String>,
}

/// The kinds of record with a Markdown body, in the order their problems
/// are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Post,
    Story,
    Event,
    Page,
}

/// Where a page builder gets a body from.
#[derive(Clone, Copy)]
pub enum Html<'a> {
    Kept(&'a Bodies),
    Fresh(&'a Fresh<'a>),
}

impl Html<'_> {
    /// The body of record `i` of `kind`, for its own page: rendered now
    /// when not kept, and its problems recorded (each body has exactly one
    /// page, so each problem is reported once).
    pub fn for_page(&self, kind: Kind, i: u32) -> String {
        match self {
            Html::Kept(b) => b.get(kind)[i as usize].clone(),
            Html::Fresh(f) => {
                let (html, diags) = f.render(kind, i);
                if !diags.is_empty() {
                    f.diags
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(((kind, i), diags));
                }
                html
            }
        }
    }

    /// The body again, for another file (a feed): its page reports its
    /// problems.
    pub fn again(&self, kind: Kind, i: u32) -> Cow<'_, str> {
        match self {
            Html::Kept(b) => Cow::Borrowed(b.get(kind)[i as usize].as_str()),
            Html::Fresh(f) => Cow::Owned(f.render(kind, i).0),
        }
    }
}

impl Bodies {
    fn get(&self, kind: Kind) -> &[String] {
        match kind {
            Kind::Post => &self.posts,
            Kind::Story => &self.stories,
            Kind::Event => &self.events,
            Kind::Page => &self.pages,
        }
    }
}

/// Renders bodies when asked, with the image plan (Markdown images become
/// `<picture>`), and collects their problems.
pub struct Fresh<'a> {
    site: &'a Site,
    targets: markdown::LinkTargets,
    images: Option<&'a crate::images::Plan>,
    diags: Mutex<Vec<Found>>,
}

/// The problems of one body: `(kind, record index)` and what was found.
type Found = ((Kind, u32), Vec<Diagnostic>);

impl<'a> Fresh<'a> {
    pub fn new(site: &'a Site, images: Option<&'a crate::images::Plan>) -> Self {
        Fresh {
            site,
            targets: markdown::LinkTargets::new(site),
            images,
            diags: Mutex::default(),
        }
    }

    fn render(&self, kind: Kind, i: u32) -> (String, Vec<Diagnostic>) {
        let s = self.site;
        let i = i as usize;
        // `eager`: the page has no lead image, so its first body image is
        // the one above the fold.
        let (body, source, eager) = match kind {
            Kind::Post => (
                &s.posts[i].body,
                &s.posts[i].source,
                s.posts[i].image.is_none(),
            ),
            Kind::Story => {
                let r = &s.stories[i];
                (&r.body, &r.source, r.image.is_none())
            }
            Kind::Event => {
                let r = &s.events[i];
                (&r.body, &r.source, r.image.is_none())
            }
            Kind::Page => (&s.pages[i].body, &s.pages[i].source, true),
        };
        markdown::render_with(
            body,
            source,
            s.config.allow_html,
            &self.targets,
            self.images,
            eager,
        )
    }

    /// The problems of the bodies rendered for their pages: by kind, then
    /// record (the same order whatever the threads did).
    pub fn take_diagnostics(&self) -> Vec<Diagnostic> {
        let mut v = std::mem::take(&mut *self.diags.lock().unwrap_or_else(|e| e.into_inner()));
        v.sort_by_key(|(k, _)| *k);
        v.dedup_by_key(|(k, _)| *k);
        v.into_iter().flat_map(|(_, d)| d).collect()
    }
}
