//! Which images a site uses: front matter `image`, library `photo` (and
//! its social card), and images in Markdown bodies, resolved like front
//! matter.

use super::{library_key, CardSpec, ImageUse, Pipeline, Plan};
use crate::diag::{Diagnostic, Span};
use crate::site::Site;
use rayon::prelude::*;

impl Pipeline {
    /// Plans every image `site` uses: front matter `image` of posts,
    /// stories and events, each library's `photo` and social card, and the
    /// images of Markdown bodies (relative to the page, or `/…` under
    /// `static/`). Reads headers only; problems go to [`Plan::diagnostics`].
    pub fn plan(&self, site: &Site) -> Plan {
        let mut plan = self.empty_plan(&site.assets);
        let mut wanted: Vec<(String, String, ImageUse)> = Vec::new();
        let front = |img: &Option<crate::site::Image>, page: String, span: Span| {
            img.as_ref().map(|i| {
                (
                    i.source.clone(),
                    i.url.clone(),
                    ImageUse {
                        page,
                        span: Some(Span::file_start(span.file)),
                    },
                )
            })
        };
        let mut bodies: Vec<(String, &crate::site::BodySource, &str)> = Vec::new();
        for p in &site.posts {
            let page = format!("/berita/{}/", p.slug);
            wanted.extend(front(&p.image, page.clone(), p.source.span.clone()));
            bodies.push((page, &p.source, &p.body));
        }
        for s in &site.stories {
            let page = format!("/kisah/{}/", s.slug);
            wanted.extend(front(&s.image, page.clone(), s.source.span.clone()));
            bodies.push((page, &s.source, &s.body));
        }
        for e in &site.events {
            let page = format!("/plm/{}/", e.slug);
            wanted.extend(front(&e.image, page.clone(), e.source.span.clone()));
            bodies.push((page, &e.source, &e.body));
        }
        for p in &site.pages {
            bodies.push((format!("/{}/", p.slug), &p.source, &p.body));
        }
        for l in &site.libraries {
            if let Some(i) = &l.photo {
                wanted.push((
                    i.source.clone(),
                    i.url.clone(),
                    ImageUse {
                        page: format!("/perpustakaan/{}/", l.id),
                        span: None,
                    },
                ));
            }
        }
        // Every body is read on rayon's threads; the results are taken in
        // order.
        let images: Vec<Vec<BodyImage>> = bodies
            .par_iter()
            .map(|(_, src, body)| body_images(body, src).collect())
            .collect();
        for ((page, _, _), found_in_body) in bodies.iter().zip(images) {
            for (dest, span, found) in found_in_body {
                match found {
                    Some((source, url)) if plan.asset_sources.contains(&source) => {
                        wanted.push((
                            source,
                            url,
                            ImageUse {
                                page: page.clone(),
                                span: Some(span),
                            },
                        ));
                    }
                    Some((source, _)) => {
                        plan.diagnostics.push(not_found(&dest, &source, span, page))
                    }
                    None => {}
                }
            }
        }
        plan.add_all(wanted);
        plan.diagnostics.extend(check_icon(&plan, site));
        for l in &site.libraries {
            let regency = site.regency(l.regency);
            let province = site.province(l.province);
            let spec = CardSpec {
                title: l.name.clone(),
                subtitle: Some(format!(
                    "{}, {}",
                    regency.official_name,
                    province.display_name()
                )),
                label: Some(site.config.title.clone()),
            };
            let photo = l.photo.as_ref().map(|i| i.source.as_str());
            plan.add_card(&library_key(&l.id), spec, photo);
        }
        plan
    }
}

/// The images a Markdown body names, in order: as written, where, and
/// `(source, URL)` when it is a file of the site at all.
type BodyImage = (String, Span, Option<(String, String)>);

fn body_images<'a>(
    body: &'a str,
    src: &'a crate::site::BodySource,
) -> impl Iterator<Item = BodyImage> + 'a {
    let (file, start) = (src.span.file, src.span.range.start);
    markdown_images(body)
        .into_iter()
        .map(move |(dest, offset)| {
            let span = Span::new(file, start + offset..start + offset);
            let found = resolve_reference(&dest, &src.path);
            (dest, span, found)
        })
}

/// Smallest side of the site's own icon: the largest size made from it.
pub const ICON_MIN: u32 = 512;

/// The site's own icon (`icon:` in site.yaml) must be an image that is
/// square and at least [`ICON_MIN`] pixels, so every size made from it is
/// sharp and nothing is cut off.
fn check_icon(plan: &Plan, site: &Site) -> Option<Diagnostic> {
    let app = &site.config.app;
    let (icon, at) = (app.icon.as_ref()?, app.icon_at.clone()?);
    let problem = match plan.probe(&icon.source) {
        Err(p) => super::report::problem_message(&icon.source, &[], &p),
        Ok(p) => {
            let (w, h) = p.size();
            if w == h && w >= ICON_MIN {
                return None;
            }
            let icon = icon.source.as_str();
            if w == h {
                crate::msg!("icon-too-small", icon = icon, width = w, height = h)
            } else {
                crate::msg!("icon-not-square", icon = icon, width = w, height = h)
            }
        }
    };
    Some(Diagnostic::error(at, problem).with_help(crate::msg!("icon-help", min = ICON_MIN)))
}

fn not_found(dest: &str, source: &str, span: Span, page: &str) -> Diagnostic {
    Diagnostic::error(
        span,
        crate::msg!(
            "image-not-found",
            image = crate::diag::shorten(dest),
            page = page
        ),
    )
    .with_help(crate::msg!(
        "image-not-found-help",
        path = crate::diag::shorten(source)
    ))
}

/// The images a Markdown body names that the site lacks, as the plan
/// reports them: for bodies that are checked but not published
/// (`pipeline`), so their problems show in the same run.
pub fn missing_body_images(
    body: &str,
    src: &crate::site::BodySource,
    page: &str,
    exists: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    body_images(body, src)
        .filter_map(|(dest, span, found)| {
            let (source, _) = found?;
            (!exists(&source)).then(|| not_found(&dest, &source, span, page))
        })
        .collect()
}

/// Image destinations in a Markdown body with their byte offsets, in order.
pub fn markdown_images(body: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    // Every Markdown image starts with `![`: most bodies need no parse.
    if !body.contains("![") {
        return Vec::new();
    }
    Parser::new_ext(body, Options::all())
        .into_offset_iter()
        .filter_map(|(ev, range)| match ev {
            Event::Start(Tag::Image { dest_url, .. }) => Some((dest_url.to_string(), range.start)),
            _ => None,
        })
        .collect()
}

/// Where an image reference in a page resolves, by the rule front matter
/// `image` follows: `/a.jpg` is `static/a.jpg`, anything else is beside the
/// page (`base_dir`, e.g. `content/berita/x`). `(source path, site URL)`, or
/// `None` for external, `data:` or escaping (`..`) references.
pub fn resolve_reference(dest: &str, base_dir: &str) -> Option<(String, String)> {
    let p = dest.trim();
    let p = p.split(['?', '#']).next().unwrap_or(p);
    // The file a browser asks for: escapes decoded (`%20`, `%C3%A9`), the
    // reference kept as written when it does not decode (`100%.jpg`).
    let p = crate::percent::decode(p).unwrap_or_else(|_| p.to_string());
    if p.is_empty()
        || p.starts_with("//")
        || p.contains("://")
        || p.contains('\\')
        // Any scheme (`data:`, `mailto:`, `javascript:`…): not a file of
        // the site; render reports the unsafe ones.
        || p.split('/').next().is_some_and(|first| first.contains(':'))
        || p.split('/').any(|s| s == ".." || s == ".")
    {
        return None;
    }
    Some(if let Some(rest) = p.strip_prefix('/') {
        (format!("static/{rest}"), format!("/{rest}"))
    } else if base_dir.is_empty() || base_dir == "static" {
        (format!("static/{p}"), format!("/{p}"))
    } else {
        let url_dir = base_dir.strip_prefix("content/").unwrap_or(base_dir);
        (format!("{base_dir}/{p}"), format!("/{url_dir}/{p}"))
    })
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_like_front_matter() {
        assert_eq!(
            resolve_reference("foto.jpg", "content/berita/x"),
            Some((
                "content/berita/x/foto.jpg".into(),
                "/berita/x/foto.jpg".into()
            ))
        );
        assert_eq!(
            resolve_reference("/images/a b.jpg", "content/berita/x"),
            Some(("static/images/a b.jpg".into(), "/images/a b.jpg".into()))
        );
        assert_eq!(
            resolve_reference("/images/a%20b.jpg?v=1", "content"),
            Some(("static/images/a b.jpg".into(), "/images/a b.jpg".into()))
        );
        assert_eq!(
            resolve_reference("caf%C3%A9.jpg", "content/berita/x"),
            Some((
                "content/berita/x/café.jpg".into(),
                "/berita/x/café.jpg".into()
            ))
        );
        assert_eq!(
            resolve_reference("100%.jpg", "static"),
            Some(("static/100%.jpg".into(), "/100%.jpg".into()))
        );
        for bad in [
            "%2e%2e/a.jpg",
            "https://x.id/a.jpg",
            "//cdn/a.jpg",
            "../a.jpg",
            "data:image/png;base64,AA",
            "",
        ] {
            assert_eq!(resolve_reference(bad, "content/berita/x"), None, "{bad}");
        }
    }

    #[test]
    fn markdown_images_are_found_with_offsets() {
        let body = "Teks.\n\n![Rapat](rapat.jpg)\n\n[tautan](x.md) ![b](/images/b.png \"t\")\n";
        let found = markdown_images(body);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "rapat.jpg");
        assert_eq!(&body[found[0].1..found[0].1 + 2], "![");
        assert_eq!(found[1].0, "/images/b.png");
    }
}
