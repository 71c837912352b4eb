//! Fitting text into a width, measured with the real font (DejaVu, compiled
//! in): the social cards draw it, the library badge writes it into SVG with
//! `textLength`. One place, so both cut and wrap the same way.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

/// Advance width of `text` at `size` px, kerning included.
pub fn width(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    let f = font.as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = f.glyph_id(c);
        if let Some(p) = prev {
            w += f.kern(p, id);
        }
        w += f.h_advance(id);
        prev = Some(id);
    }
    w
}

/// `text`, cut at a character boundary with an ellipsis until it fits.
pub fn fit(font: &FontRef<'_>, size: f32, text: &str, max_width: f32) -> String {
    if width(font, size, text) <= max_width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s = format!("{}…", chars.iter().collect::<String>().trim_end());
        if width(font, size, &s) <= max_width {
            return s;
        }
    }
    "…".into()
}

/// Greedy word wrap into at most `max_lines` lines (`usize::MAX`: no
/// limit). The last allowed line keeps the rest of the text; any line that
/// is still too wide (a long word, or that rest) is cut with an ellipsis.
pub fn wrap(
    font: &FontRef<'_>,
    size: f32,
    text: &str,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if cur.is_empty() || width(font, size, &candidate) <= max_width {
            cur = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            cur = std::iter::once(candidate.as_str())
                .chain(words.by_ref())
                .collect::<Vec<_>>()
                .join(" ");
            break;
        }
        lines.push(std::mem::take(&mut cur));
        cur = word.to_string();
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
        .into_iter()
        .map(|l| fit(font, size, &l, max_width))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> FontRef<'static> {
        FontRef::try_from_slice(dejavu::sans::bold()).unwrap()
    }

    #[test]
    fn wraps_within_the_width_and_the_line_limit() {
        let f = font();
        let text = "Perpustakaan Desa Sumber Ilmu Labruk Kidul Kecamatan Sumbersuko";
        let free = wrap(&f, 20.0, text, 200.0, usize::MAX);
        assert!(free.len() > 2, "{free:?}");
        assert!(free.iter().all(|l| width(&f, 20.0, l) <= 200.0));
        assert_eq!(free.join(" "), text, "nothing is lost without a limit");
        let two = wrap(&f, 20.0, text, 200.0, 2);
        assert_eq!(two.len(), 2);
        assert!(two[1].ends_with('…'), "{two:?}");
        assert!(two.iter().all(|l| width(&f, 20.0, l) <= 200.0));
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let f = font();
        assert_eq!(fit(&f, 20.0, "Kudus", 500.0), "Kudus");
        let cut = fit(&f, 20.0, &"x".repeat(100), 100.0);
        assert!(cut.ends_with('…') && width(&f, 20.0, &cut) <= 100.0);
        assert_eq!(fit(&f, 20.0, "abc", 1.0), "…");
    }
}
