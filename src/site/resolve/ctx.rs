//! The resolving context: the loaded files, the diagnostics, and the
//! conversions every record family shares (dates, references, images),
//! each reporting its problem at the field it came from.

use super::ResolveOptions;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Loaded;
use crate::model::Date;
use crate::site::index::Lookup;
use crate::site::Image;
use crate::yaml::Origin;
use std::collections::HashSet;
use std::sync::Arc;

pub(super) struct Ctx<'a> {
    pub(super) loaded: &'a Loaded,
    diags: &'a mut Diagnostics,
    pub(super) opts: ResolveOptions,
    /// Records that exist but failed to resolve (already reported), as
    /// `what:key`: references to them stay quiet instead of cascading.
    /// Shared (`Arc`) with the contexts [`Ctx::fork`] makes.
    broken: Arc<HashSet<String>>,
    /// Unpublished records (`event:slug`), to explain a reference to one.
    drafts: Arc<HashSet<String>>,
    /// Set while resolving an unpublished draft: its problems are warnings
    /// until it is published.
    in_draft: bool,
}

impl<'a> Ctx<'a> {
    /// A context with nothing broken and no drafts marked yet.
    pub(super) fn new(
        loaded: &'a Loaded,
        opts: ResolveOptions,
        diags: &'a mut Diagnostics,
    ) -> Self {
        Ctx {
            loaded,
            diags,
            opts,
            broken: Arc::new(loaded.unloaded.iter().cloned().collect()),
            drafts: Arc::default(),
            in_draft: false,
        }
    }

    /// A context for resolving records on another thread: the same loaded
    /// files, options, broken and draft records, its problems in `diags`
    /// (the caller appends them in record order).
    pub(super) fn fork<'b>(&'b self, diags: &'b mut Diagnostics) -> Ctx<'b> {
        Ctx {
            loaded: self.loaded,
            diags,
            opts: self.opts,
            broken: Arc::clone(&self.broken),
            drafts: Arc::clone(&self.drafts),
            in_draft: false,
        }
    }

    /// Appends the problems a forked context collected.
    pub(super) fn append(&mut self, diags: Diagnostics) {
        self.diags.extend(diags.into_vec());
    }

    /// `what:key` exists but did not resolve (its problem is reported).
    pub(super) fn mark_broken(&mut self, key: String) {
        Arc::make_mut(&mut self.broken).insert(key);
    }

    /// `what:key` is an unpublished draft.
    pub(super) fn mark_draft(&mut self, key: String) {
        Arc::make_mut(&mut self.drafts).insert(key);
    }
}

/// How a kind of reference is named in a message.
fn ref_what(what: &str) -> crate::diag::Message {
    match what {
        "province" => crate::msg!("ref-province"),
        "province code" => crate::msg!("thing-province-code"),
        "library" => crate::msg!("ref-library"),
        "event" => crate::msg!("ref-event"),
        "regency" => crate::msg!("ref-regency"),
        other => crate::msg!("expected-other", what = other),
    }
}

impl Ctx<'_> {
    pub(super) fn error(&mut self, mut d: Diagnostic) {
        if self.in_draft && d.is_error() {
            d.severity = crate::diag::Severity::Warning;
            d.message = crate::msg!("in-draft", message = d.message);
        }
        self.diags.push(d);
    }

    /// Resolves the next record as a draft (`true`) or as published.
    pub(super) fn draft(&mut self, draft: bool) {
        self.in_draft = draft && !self.opts.include_drafts;
    }

    pub(super) fn date(&mut self, text: &str, origin: &Origin, field: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(d) => Some(d),
            Err(msg) => {
                self.error(
                    Diagnostic::error(
                        origin.value(field),
                        crate::msg!("invalid-date", field = field, problem = msg),
                    )
                    .with_help(crate::msg!("invalid-date-help", field = field)),
                );
                None
            }
        }
    }

    /// Resolves `key` with `lookup`, or reports it: as empty, as a draft, or
    /// as unknown with the nearest known key.
    pub(super) fn reference<I: Copy>(
        &mut self,
        lookup: &Lookup<I>,
        key: &str,
        origin: &Origin,
        field: &str,
        what: &str,
    ) -> Option<I> {
        if let Some(i) = lookup.get(key) {
            return Some(i);
        }
        if self.broken.contains(&format!("{what}:{}", key.trim()))
            || self.loaded.partial.contains(what)
        {
            return None;
        }
        let key_of = format!("{what}:{}", key.trim());
        let d = if key.trim().is_empty() {
            Diagnostic::error(
                origin.value(field),
                crate::msg!("reference-empty", field = field),
            )
            .with_help(crate::msg!("reference-empty-help", what = ref_what(what)))
        } else if self.drafts.contains(&key_of) {
            Diagnostic::error(
                origin.value(field),
                crate::msg!(
                    "reference-draft",
                    what = ref_what(what),
                    key = crate::diag::shorten(key)
                ),
            )
            .with_help(crate::msg!("reference-draft-help"))
        } else {
            Diagnostic::error(
                origin.value(field),
                crate::msg!(
                    "unknown-reference",
                    what = ref_what(what),
                    key = crate::diag::shorten(key)
                ),
            )
            .with_help_opt(lookup.suggest(key))
        };
        self.error(d);
        None
    }

    pub(super) fn image(
        &mut self,
        path: &str,
        alt: &Option<String>,
        base_dir: &str,
        origin: &Origin,
        field: &str,
    ) -> Option<Image> {
        let p = path.trim();
        let (source, url) = if let Some(rest) = p.strip_prefix('/') {
            (format!("static/{rest}"), format!("/{rest}"))
        } else if base_dir.is_empty() || base_dir == "static" {
            (format!("static/{p}"), format!("/{p}"))
        } else {
            // content/berita/x → /berita/x/; content → /
            let url_dir = base_dir
                .strip_prefix("content")
                .unwrap_or(base_dir)
                .trim_start_matches('/');
            let url = if url_dir.is_empty() {
                format!("/{p}")
            } else {
                format!("/{url_dir}/{p}")
            };
            (format!("{base_dir}/{p}"), url)
        };
        let escapes =
            p.split('/').any(|s| s == ".." || s == ".") || p.contains('\\') || p.contains("://");
        if escapes || !self.loaded.assets.contains(&source) {
            let dir = source.rsplit_once('/').map_or("", |(d, _)| d);
            let nearby: Vec<&str> = self
                .loaded
                .assets
                .iter()
                .filter(|a| a.rsplit_once('/').is_some_and(|(d, _)| d == dir))
                .map(|a| a.rsplit('/').next().unwrap_or(a))
                .collect();
            let name = p.rsplit('/').next().unwrap_or(p);
            let help = match crate::diag::suggest::closest(name, nearby.iter().copied()) {
                Some(c) if !escapes => crate::msg!("did-you-mean", suggestion = c),
                _ if escapes => crate::msg!("image-outside-site-help"),
                _ => crate::msg!("image-not-found-help", path = crate::diag::shorten(&source)),
            };
            self.error(
                Diagnostic::error(
                    origin.value(field),
                    crate::msg!("image-file-not-found", image = crate::diag::shorten(path)),
                )
                .with_help(help),
            );
            return None;
        }
        Some(Image {
            source,
            url,
            alt: alt.clone().filter(|a| !a.trim().is_empty()),
        })
    }

    /// Starts a dated record (post, story): draft mode, its `date`, and the
    /// future-date warning.
    pub(super) fn dated(&mut self, draft: bool, date: &str, origin: &Origin) -> Option<Date> {
        self.draft(draft);
        let d = self.date(date, origin, "date");
        self.future(d, draft, origin);
        d
    }

    /// `updated` of a dated record: a date, not before `date` (a last
    /// change cannot come before the first publication).
    pub(super) fn updated(
        &mut self,
        text: Option<&str>,
        date: Option<Date>,
        origin: &Origin,
    ) -> Option<Date> {
        let u = self.date(text?, origin, "updated")?;
        if date.is_some_and(|d| u < d) {
            self.error(
                Diagnostic::error(
                    origin.value("updated"),
                    crate::msg!(
                        "updated-before-date",
                        updated = u.to_string(),
                        date = date.unwrap_or(u).to_string()
                    ),
                )
                .with_help(crate::msg!("updated-before-date-help")),
            );
            return None;
        }
        Some(u)
    }

    pub(super) fn future(&mut self, date: Option<Date>, draft: bool, origin: &Origin) {
        if let Some(d) = date {
            if d > self.opts.today && !draft {
                self.error(
                    Diagnostic::warning(
                        origin.value("date"),
                        crate::msg!("future-date", date = d.to_string()),
                    )
                    .with_help(crate::msg!("future-date-help")),
                );
            }
        }
    }
}
