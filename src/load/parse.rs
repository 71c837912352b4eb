//! One text file read and parsed: YAML data into records, Markdown into
//! front matter and body, every problem a diagnostic at its place.

use super::{
    frontmatter, invisible, read, records, slash_path, Body, Content, Kind, Parsed, Section,
};
use crate::diag::{Diagnostic, FileId, SourceFile, Span};
use crate::model::records::*;
use crate::yaml::{self, Origin};
use std::path::Path;

/// Reads and parses one file. Also returns the ids of list records that
/// failed to load.
pub(super) fn load_file(
    root: &Path,
    rel: &Path,
    kind: Kind,
    id: FileId,
) -> (SourceFile, Parsed, Vec<Diagnostic>, Vec<String>) {
    let (file, err) = read::read_text(&root.join(rel), rel, id);
    let mut diags = Vec::new();
    let mut failed = Vec::new();
    if let Some(d) = err {
        diags.push(d);
        return (file, Parsed::Nothing, diags, failed);
    }
    // Needs the text as written: done here, once per file, for every field.
    let body = matches!(kind, Kind::Markdown(_))
        .then(|| frontmatter::split(&file.text).map_or(0, |s| s.body.start));
    diags.extend(invisible::in_file(&file.text, id, body));
    let parsed = match kind {
        Kind::Markdown(section) => markdown(&file, rel, section, id, &mut diags),
        _ => match yaml::parse(&file.text, id, 0) {
            Err(d) => {
                diags.push(d);
                Parsed::Nothing
            }
            Ok(doc) => match kind {
                Kind::Config => {
                    records::single(doc, id, crate::msg!("what-site-settings"), &mut diags)
                        .map_or(Parsed::Nothing, Parsed::Config)
                }
                Kind::Provinces => Parsed::Provinces(records::list(
                    doc,
                    id,
                    crate::msg!("what-provinces"),
                    &mut diags,
                )),
                Kind::Regencies => Parsed::Regencies(records::list(
                    doc,
                    id,
                    crate::msg!("what-regencies"),
                    &mut diags,
                )),
                Kind::Libraries => {
                    let (records, ids) =
                        records::list_keyed(doc, id, crate::msg!("what-libraries"), &mut diags);
                    failed = ids;
                    Parsed::Libraries(records)
                }
                Kind::Awards => Parsed::Awards(records::list(
                    doc,
                    id,
                    crate::msg!("what-awards"),
                    &mut diags,
                )),
                Kind::Reports => Parsed::Reports(records::list(
                    doc,
                    id,
                    crate::msg!("what-reports"),
                    &mut diags,
                )),
                Kind::Markdown(_) => unreachable!("handled above"),
            },
        },
    };
    (file, parsed, diags, failed)
}

/// The slug and folder of a Markdown file: a page bundle takes its folder's
/// name, any other file its own name.
pub(super) fn slug_and_dir(rel: &str) -> (String, String) {
    if let Some(dir) = rel.strip_suffix("/index.md") {
        (
            dir.rsplit('/').next().unwrap_or("").to_string(),
            dir.to_string(),
        )
    } else {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        (name.trim_end_matches(".md").to_string(), dir.to_string())
    }
}

fn markdown(
    file: &SourceFile,
    rel: &Path,
    section: Section,
    id: FileId,
    diags: &mut Vec<Diagnostic>,
) -> Parsed {
    let text = &file.text;
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err(frontmatter::SplitError::Missing) => {
            let msg = if text.trim().is_empty() {
                crate::msg!("markdown-empty")
            } else {
                crate::msg!("front-matter-missing")
            };
            diags.push(
                Diagnostic::error(Span::new(id, 0..0), msg)
                    .with_help(crate::msg!("front-matter-missing-help")),
            );
            return Parsed::Nothing;
        }
        Err(frontmatter::SplitError::Unclosed) => {
            diags.push(
                Diagnostic::error(Span::new(id, 0..3), crate::msg!("front-matter-not-closed"))
                    .with_help(crate::msg!("front-matter-not-closed-help")),
            );
            return Parsed::Nothing;
        }
    };
    let doc = match yaml::parse(&text[split.front.clone()], id, split.front.start) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            return Parsed::Nothing;
        }
    };
    let rel_str = slash_path(rel);
    let is_bundle = rel_str.ends_with("/index.md");
    let (slug, dir) = slug_and_dir(&rel_str);
    let mk = |origin: Origin| (origin, slug.clone(), dir.clone());
    macro_rules! content {
        ($ty:ty, $variant:ident) => {
            match records::single::<$ty>(doc, id, crate::msg!("what-front-matter"), diags) {
                Some(r) => {
                    let (origin, slug, dir) = mk(r.origin);
                    Parsed::$variant(Content {
                        front: r.data,
                        origin,
                        section,
                        slug,
                        slug_span: Span::file_start(id),
                        dir,
                        is_bundle,
                        body: Body::new(file.text.clone(), split.body.start),
                        body_offset: split.body.start,
                    })
                }
                None => Parsed::Nothing,
            }
        };
    }
    match section {
        Section::Berita => content!(PostFrontMatter, Post),
        Section::Kisah => content!(StoryFrontMatter, Story),
        Section::Plm => content!(EventFrontMatter, Event),
        Section::Page => content!(PageFrontMatter, Page),
    }
}
