//! What is wrong with a source, in plain words: one diagnostic per source,
//! naming every page that uses it, with a `help:` saying what to do.

use super::source::Problem;
use super::ImageUse;
use crate::diag::{Diagnostic, Message};
use crate::msg;

/// "image `x` (used by /a/, /b/ and 2 more)".
fn image_words(source: &str, uses: &[ImageUse]) -> Message {
    let mut pages: Vec<&str> = uses.iter().map(|u| u.page.as_str()).collect();
    pages.sort_unstable();
    pages.dedup();
    match pages.len() {
        0 => msg!("image-named", image = source),
        1..=3 => msg!("image-used-by", image = source, pages = pages.join(", ")),
        n => msg!(
            "image-used-by-more",
            image = source,
            pages = pages[..3].join(", "),
            more = n - 3
        ),
    }
}

/// What is wrong with the image, as a message.
pub(super) fn problem_message(source: &str, uses: &[ImageUse], p: &Problem) -> Message {
    let at = image_words(source, uses);
    match p {
        Problem::Missing => msg!("image-missing", image = at),
        Problem::Unreadable(e) => msg!("image-unreadable", image = at, error = e),
        Problem::NotAnImage => msg!("image-not-an-image", image = at),
        Problem::Unsupported(f) => msg!("image-unsupported", image = at, format = f.to_string()),
        Problem::TooLarge { width, height } if *width > 0 => msg!(
            "image-too-large-pixels",
            image = at,
            width = *width,
            height = *height,
            megapixels = format!("{:.0}", f64::from(*width) * f64::from(*height) / 1e6)
        ),
        Problem::TooLarge { .. } => msg!("image-too-large", image = at),
        Problem::Damaged(e) => msg!("image-damaged", image = at, error = e),
        Problem::Changed => msg!("image-changed", image = at),
    }
}

/// The same in English: for template functions, whose errors Tera carries
/// as text.
pub(super) fn problem_text(source: &str, uses: &[ImageUse], p: &Problem) -> String {
    problem_message(source, uses, p).en()
}

pub(super) fn problem_diag(source: &str, uses: &[ImageUse], p: &Problem) -> Diagnostic {
    let message = problem_message(source, uses, p);
    let help = match p {
        Problem::Missing => msg!("image-missing-help", path = source),
        Problem::Unreadable(_) => msg!("image-unreadable-help"),
        Problem::NotAnImage | Problem::Unsupported(_) => msg!("image-format-help"),
        Problem::TooLarge { .. } => msg!("image-too-large-help"),
        Problem::Damaged(_) => msg!("image-damaged-help"),
        Problem::Changed => msg!("image-changed-help"),
    };
    let mut spans = uses.iter().filter_map(|u| u.span.clone());
    let d = match spans.next() {
        Some(s) => Diagnostic::error(s, message),
        None => Diagnostic::global(message),
    };
    spans
        .fold(d, |d, s| d.with_related(s, msg!("also-used-here")))
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
        let text = d.message.en();
        assert!(
            text.contains("20000×20000 pixels (400 megapixels)"),
            "{text}"
        );
        assert!(d.help.unwrap().en().contains("8000"));
    }
}
