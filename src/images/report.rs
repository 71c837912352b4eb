//! What is wrong with a source, in plain words: one diagnostic per source,
//! naming every page that uses it, with a `help:` saying what to do.

use super::source::Problem;
use super::ImageUse;
use crate::diag::Diagnostic;

fn pages_text(uses: &[ImageUse]) -> String {
    let mut pages: Vec<&str> = uses.iter().map(|u| u.page.as_str()).collect();
    pages.sort_unstable();
    pages.dedup();
    match pages.len() {
        0 => String::new(),
        1..=3 => format!(" (used by {})", pages.join(", ")),
        n => format!(" (used by {} and {} more)", pages[..3].join(", "), n - 3),
    }
}

pub(super) fn problem_text(source: &str, uses: &[ImageUse], p: &Problem) -> String {
    let at = format!("image `{source}`{}", pages_text(uses));
    match p {
        Problem::Missing => format!("{at} is missing"),
        Problem::Unreadable(e) => format!("{at} cannot be read: {e}"),
        Problem::NotAnImage => format!("{at} is not an image: it is not a JPEG, PNG or WebP file"),
        Problem::Unsupported(f) => format!("{at} is in a format warta cannot resize ({f})"),
        Problem::TooLarge { width, height } if *width > 0 => format!(
            "{at} is {width}×{height} pixels ({:.0} megapixels), too large to process safely",
            f64::from(*width) * f64::from(*height) / 1e6
        ),
        Problem::TooLarge { .. } => format!("{at} is too large to process safely"),
        Problem::Damaged(e) => format!("{at} is damaged or incomplete: {e}"),
        Problem::Changed => format!("{at} changed while the site was being built"),
    }
}

pub(super) fn problem_diag(source: &str, uses: &[ImageUse], p: &Problem) -> Diagnostic {
    let message = problem_text(source, uses, p);
    let help = match p {
        Problem::Missing => format!("put the file back at `{source}`, or change the reference to it"),
        Problem::Unreadable(_) => "check the file's permissions, then build again".into(),
        Problem::NotAnImage | Problem::Unsupported(_) => {
            "save the picture as JPEG (photos) or PNG (drawings, logos) and point to that file".into()
        }
        Problem::TooLarge { .. } => {
            "scale it down to at most 8000 pixels on the long side (a phone photo is about 4000×3000) and save it again".into()
        }
        Problem::Damaged(_) => "open the picture and save it again, or copy it again from the camera or phone".into(),
        Problem::Changed => "build again once the file is saved".into(),
    };
    let mut spans = uses.iter().filter_map(|u| u.span.clone());
    let d = match spans.next() {
        Some(s) => Diagnostic::error(s, message),
        None => Diagnostic::global(message),
    };
    spans
        .fold(d, |d, s| d.with_related(s, "also used here"))
        .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_list_pages() {
        let u = |p: &str| ImageUse {
            page: p.into(),
            span: None,
        };
        let uses = vec![u("/b/"), u("/a/"), u("/a/"), u("/c/"), u("/d/")];
        let t = problem_text("static/x.jpg", &uses, &Problem::Missing);
        assert_eq!(
            t,
            "image `static/x.jpg` (used by /a/, /b/, /c/ and 1 more) is missing"
        );
        let d = problem_diag(
            "static/x.jpg",
            &uses[..1],
            &Problem::TooLarge {
                width: 20000,
                height: 20000,
            },
        );
        assert!(
            d.message.contains("20000×20000 pixels (400 megapixels)"),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("8000"));
    }
}
