//! Fitting text into a width, measured with the real font (DejaVu, compiled
//! in): the social cards draw it, the library badge writes it into SVG with
//! `textLength`. One place, so both cut and wrap the same way.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

/// How wide a character the font lacks is taken to be, in ems: what a
/// browser's emoji font gives (the badge's SVG is drawn by the browser).
const MISSING_EM: f32 = 1.25;

/// Advance width of `text` at `size` px, kerning included.
pub fn width(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    advances(font, size, text).last().copied().unwrap_or(0.0)
}

/// The width of each prefix of `text`: entry `i` is the width of its first
/// `i + 1` characters (kerning included), in one pass.
fn advances(font: &FontRef<'_>, size: f32, text: &str) -> Vec<f32> {
    let f = font.as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut prev = None;
    text.chars()
        .map(|c| {
            let id = f.glyph_id(c);
            if id.0 == 0 && !c.is_whitespace() {
                w += size * MISSING_EM;
                prev = None;
                return w;
            }
            if let Some(p) = prev {
                w += f.kern(p, id);
            }
            w += f.h_advance(id);
            prev = Some(id);
            w
        })
        .collect()
}

/// Whether the cards can draw `c` as written: the font has it, and it is
/// not from a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko
/// …), whose letters need shaping and reordering that the cards do not do.
pub fn drawable(font: &FontRef<'_>, c: char) -> bool {
    c.is_whitespace() || (font.glyph_id(c).0 != 0 && !is_rtl(c))
}

fn is_rtl(c: char) -> bool {
    matches!(u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// `text` without the words the cards cannot draw (see [`drawable`]): an
/// emoji or an Arabic name is left out rather than shown as empty boxes or
/// letters in the wrong order.
pub fn drawable_words(font: &FontRef<'_>, text: &str) -> String {
    text.split_whitespace()
        .filter(|w| w.chars().all(|c| drawable(font, c)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text`, cut at a character boundary with an ellipsis until it fits. In
/// time linear in the text: the prefix widths are measured once.
pub fn fit(font: &FontRef<'_>, size: f32, text: &str, max_width: f32) -> String {
    let widths = advances(font, size, text);
    if widths.last().copied().unwrap_or(0.0) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let ellipsis = width(font, size, "…");
    // The longest prefix that leaves room for the ellipsis (trailing spaces
    // dropped); kerning against "…" is checked on the one candidate.
    // `trimmed[k]`: the length of the first `k` characters without their
    // trailing spaces.
    let mut trimmed = vec![0; chars.len() + 1];
    for k in 1..=chars.len() {
        trimmed[k] = if chars[k - 1].is_whitespace() {
            trimmed[k - 1]
        } else {
            k
        };
    }
    for k in (0..chars.len()).rev() {
        let end = trimmed[k];
        let w = if end == 0 { 0.0 } else { widths[end - 1] };
        if w + ellipsis <= max_width {
            let s = format!("{}…", chars[..end].iter().collect::<String>());
            if width(font, size, &s) <= max_width {
                return s;
            }
        }
    }
    "…".into()
}

/// Greedy word wrap into at most `max_lines` lines (`usize::MAX`: no
/// limit). The last allowed line keeps the rest of the text; any line that
/// is still too wide (a long word, or that rest) is cut with an ellipsis.
/// Linear in the text: each word is measured once and a line's width is
/// kept as it grows.
pub fn wrap(
    font: &FontRef<'_>,
    size: f32,
    text: &str,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let f = font.as_scaled(PxScale::from(size));
    let space = f.glyph_id(' ');
    let joint = |a: Option<char>, b: Option<char>| {
        let kern = |x: Option<char>, y| match x {
            Some(x) if f.glyph_id(x).0 != 0 => f.kern(f.glyph_id(x), y),
            _ => 0.0,
        };
        let after = match b {
            Some(b) if f.glyph_id(b).0 != 0 => f.kern(space, f.glyph_id(b)),
            _ => 0.0,
        };
        kern(a, space) + f.h_advance(space) + after
    };
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        let word_w = width(font, size, word);
        if cur.is_empty() {
            cur.push_str(word);
            cur_w = word_w;
            continue;
        }
        let with = cur_w + joint(cur.chars().last(), word.chars().next()) + word_w;
        if with <= max_width {
            cur.push(' ');
            cur.push_str(word);
            cur_w = with;
            continue;
        }
        if lines.len() + 1 == max_lines {
            for w in std::iter::once(word).chain(words.by_ref()) {
                cur.push(' ');
                cur.push_str(w);
            }
            break;
        }
        lines.push(std::mem::take(&mut cur));
        cur.push_str(word);
        cur_w = word_w;
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
        // The cut is the longest that fits: one more letter would not.
        let text = "Perpustakaan Desa Sumber Ilmu";
        let cut = fit(&f, 20.0, text, 150.0);
        let kept = cut.trim_end_matches('…').trim_end().chars().count();
        let longer: String = text.chars().take(kept + 1).collect();
        assert!(
            width(&f, 20.0, &format!("{}…", longer.trim_end())) > 150.0,
            "{cut}"
        );
    }

    /// Widths measured incrementally agree with measuring the whole line.
    #[test]
    fn wrapped_lines_fit_exactly_as_measured_whole() {
        let f = font();
        let text = "Taman Bacaan Masyarakat Wisma Ilmu Tanjung AV. Kelurahan Tanjungrejo";
        for max in [90.0, 140.0, 260.0] {
            let lines = wrap(&f, 17.0, text, max, usize::MAX);
            for (i, l) in lines.iter().enumerate() {
                assert!(width(&f, 17.0, l) <= max + 0.01, "{l}");
                // The next word would not have fitted.
                if let Some(next) = lines.get(i + 1) {
                    let first = next.split(' ').next().unwrap();
                    assert!(
                        width(&f, 17.0, &format!("{l} {first}")) > max - 0.01,
                        "{l} | {first}"
                    );
                }
            }
        }
    }

    /// Long names (a pasted paragraph, a run of spaces) are cut and
    /// wrapped; measuring every shorter prefix again, as before, would not
    /// finish on these.
    #[test]
    fn long_texts_are_cut_and_wrapped() {
        let f = font();
        let long = "Perpustakaan ".repeat(20_000);
        let lines = wrap(&f, 15.0, &long, 260.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        let one = fit(&f, 15.0, &"x".repeat(200_000), 260.0);
        assert!(one.ends_with('…') && width(&f, 15.0, &one) <= 260.0);
        let spaces = format!("a{}", " ".repeat(200_000));
        assert_eq!(fit(&f, 15.0, &spaces, 260.0), "a…");
    }

    #[test]
    fn emoji_and_arabic_words_are_left_out_of_cards() {
        let f = FontRef::try_from_slice(dejavu::sans_condensed::bold()).unwrap();
        assert!(!drawable(&f, '📚'));
        assert!(!drawable(&f, 'م'));
        assert!(drawable(&f, 'é') && drawable(&f, ' '));
        assert_eq!(
            drawable_words(&f, "Perpustakaan 📚 Al-Ikhlas مكتبة الإخلاص Kudus"),
            "Perpustakaan Al-Ikhlas Kudus"
        );
        // A badge, drawn by the browser, measures an emoji as a wide letter
        // rather than as nothing.
        assert!(width(&f, 15.0, "📚") >= 15.0);
    }
}
