//! The embeddable badge (`lencana.svg`): a library's name, its latest KPI
//! category and awards, and the partner line, as a small standalone SVG.
//!
//! Text is measured with DejaVu Sans (the fonts the social cards use) and
//! cut with an ellipsis to fit; every `<text>` also carries its measured
//! `textLength`, so whatever font the reader's browser picks is squeezed
//! to the same width and never overflows the frame. Only presentation
//! attributes, no `style` (the site's CSP forbids inline styles).

use crate::escape::html as esc;
use crate::images::text::{fit, width as text_width, wrap};
use crate::model::KpiCategory;
use ab_glyph::FontRef;

/// Outer width, in CSS pixels.
pub const WIDTH: u32 = 300;
const PAD: f32 = 12.0;
/// The coloured strip on the left (the KPI colour, or the brand colour).
const STRIP: f32 = 6.0;
const X0: f32 = STRIP + PAD;
const CONTENT: f32 = WIDTH as f32 - X0 - PAD;
const NAME_SIZE: f32 = 15.0;
const NAME_LINE: f32 = 19.0;
const NAME_LINES: usize = 2;
const SMALL: f32 = 11.0;
const TEXT: f32 = 12.0;
const PILL_H: f32 = 20.0;
const PILL_PAD: f32 = 7.0;
const GAP: f32 = 6.0;

const BRAND: &str = "#0b5563";
const INK: &str = "#1d2327";
const LINE: &str = "#d5dddf";

/// The KPI line: `text` is already worded ("KPI 2024: Tinggi").
#[derive(Debug, Clone)]
pub struct KpiLine {
    pub text: String,
    pub category: KpiCategory,
    /// The marker shown beside it when the figures are illustrative.
    pub illustrative: Option<String>,
}

/// The awards line ("Terbaik 2023 · +1 lainnya").
#[derive(Debug, Clone)]
pub struct AwardLine {
    pub text: String,
    pub illustrative: Option<String>,
}

/// What a badge says, all plain text.
#[derive(Debug, Clone)]
pub struct BadgeInput {
    pub name: String,
    pub partner: String,
    pub kpi: Option<KpiLine>,
    pub award: Option<AwardLine>,
    /// The SVG's `<title>` and the `alt` of the snippet's `<img>`.
    pub title: String,
}

/// A rendered badge and its size in CSS pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// (fill, text colour) of a KPI category: green, yellow, red. The category
/// is always written out too, so colour is never the only signal.
fn kpi_colours(c: KpiCategory) -> (&'static str, &'static str) {
    match c {
        KpiCategory::Tinggi => ("#1a7f37", "#fff"),
        KpiCategory::Sedang => ("#f2c037", INK),
        KpiCategory::Rendah => ("#c62828", "#fff"),
    }
}

struct Fonts<'a> {
    bold: FontRef<'a>,
    regular: FontRef<'a>,
}

fn fonts() -> Fonts<'static> {
    // The fonts are compiled in: they always parse.
    Fonts {
        bold: FontRef::try_from_slice(dejavu::sans::bold()).expect("DejaVu Sans Bold"),
        regular: FontRef::try_from_slice(dejavu::sans::regular()).expect("DejaVu Sans"),
    }
}

/// How a `<text>` is set.
struct Style<'a> {
    size: f32,
    bold: bool,
    fill: &'a str,
}

/// One `<text>` at (x, y), its measured width `w` pinned with `textLength`.
fn text(out: &mut String, (x, y): (f32, f32), st: Style, s: &str, w: f32) {
    out.push_str(&format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{}\"{} fill=\"{}\" \
         textLength=\"{w:.1}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
        st.size,
        if st.bold { " font-weight=\"700\"" } else { "" },
        st.fill,
        esc(s)
    ));
}

/// The yellow "Ilustrasi" marker at (x, top); returns its width.
fn marker(out: &mut String, f: &Fonts, x: f32, top: f32, label: &str) -> f32 {
    let w = text_width(&f.bold, SMALL, label);
    let outer = w + 2.0 * 5.0;
    out.push_str(&format!(
        "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{outer:.1}\" height=\"16\" rx=\"3\" \
         fill=\"#fff3cd\" stroke=\"#d9b44a\"/>",
        top + 2.0
    ));
    let st = Style {
        size: SMALL,
        bold: true,
        fill: "#5c4400",
    };
    text(out, (x + 5.0, top + 14.0), st, label, w);
    outer
}

/// Width the marker for `label` takes, with the gap before it.
fn marker_room(f: &Fonts, label: Option<&str>) -> f32 {
    label.map_or(0.0, |l| text_width(&f.bold, SMALL, l) + 10.0 + GAP)
}

/// Draws the badge.
pub fn render(input: &BadgeInput) -> Badge {
    let f = fonts();
    let mut body = String::with_capacity(1024);
    let mut y = PAD;

    // The partner line, small and in the brand colour.
    y += SMALL;
    let partner = fit(&f.bold, SMALL, &input.partner, CONTENT);
    let w = text_width(&f.bold, SMALL, &partner);
    let st = Style {
        size: SMALL,
        bold: true,
        fill: BRAND,
    };
    text(&mut body, (X0, y), st, &partner, w);

    // The name, on up to two lines.
    for (i, line) in wrap(&f.bold, NAME_SIZE, &input.name, CONTENT, NAME_LINES)
        .iter()
        .enumerate()
    {
        y += if i == 0 { NAME_LINE + 2.0 } else { NAME_LINE };
        let w = text_width(&f.bold, NAME_SIZE, line);
        let st = Style {
            size: NAME_SIZE,
            bold: true,
            fill: INK,
        };
        text(&mut body, (X0, y), st, line, w);
    }
    y += 5.0; // the descenders of the last name line

    if let Some(k) = &input.kpi {
        let top = y + GAP;
        let (fill, ink) = kpi_colours(k.category);
        let room = CONTENT - 2.0 * PILL_PAD - marker_room(&f, k.illustrative.as_deref());
        let label = fit(&f.bold, TEXT, &k.text, room);
        let w = text_width(&f.bold, TEXT, &label);
        let pill = w + 2.0 * PILL_PAD;
        body.push_str(&format!(
            "<rect x=\"{X0:.1}\" y=\"{top:.1}\" width=\"{pill:.1}\" height=\"{PILL_H}\" rx=\"3\" fill=\"{fill}\"/>"
        ));
        let st = Style {
            size: TEXT,
            bold: true,
            fill: ink,
        };
        text(&mut body, (X0 + PILL_PAD, top + 14.5), st, &label, w);
        if let Some(m) = &k.illustrative {
            marker(&mut body, &f, X0 + pill + GAP, top, m);
        }
        y = top + PILL_H;
    }

    if let Some(a) = &input.award {
        let top = y + 4.0;
        let room = CONTENT - marker_room(&f, a.illustrative.as_deref());
        let label = fit(&f.regular, TEXT, &a.text, room);
        let w = text_width(&f.regular, TEXT, &label);
        let st = Style {
            size: TEXT,
            bold: false,
            fill: INK,
        };
        text(&mut body, (X0, top + 14.5), st, &label, w);
        if let Some(m) = &a.illustrative {
            marker(&mut body, &f, X0 + w + GAP, top, m);
        }
        y = top + PILL_H;
    }

    let height = (y + PAD).ceil() as u32;
    let h = height as f32;
    let strip = input
        .kpi
        .as_ref()
        .map_or(BRAND, |k| kpi_colours(k.category).0);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
         viewBox=\"0 0 {WIDTH} {height}\" role=\"img\">\
         <title>{title}</title>\
         <rect x=\".5\" y=\".5\" width=\"{rw}\" height=\"{rh}\" rx=\"4\" fill=\"#fff\" stroke=\"{LINE}\"/>\
         <path fill=\"{strip}\" d=\"M{STRIP} 1H5a4 4 0 0 0-4 4v{sv}a4 4 0 0 0 4 4h{s1}z\"/>\
         <g font-family=\"DejaVu Sans,Verdana,Geneva,sans-serif\">{body}</g></svg>\n",
        title = esc(&input.title),
        rw = WIDTH - 1,
        rh = h - 1.0,
        sv = h - 10.0,
        s1 = STRIP - 5.0,
    );
    Badge {
        svg,
        width: WIDTH,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> BadgeInput {
        BadgeInput {
            name: name.into(),
            partner: "Mitra TPBIS".into(),
            kpi: None,
            award: None,
            title: name.into(),
        }
    }

    #[test]
    fn long_names_wrap_to_two_lines_and_are_cut() {
        let f = fonts();
        let name = "Dinas Perpustakaan dan Kearsipan Kabupaten Kepulauan Seribu Utara yang Sangat Panjang Sekali";
        let lines = wrap(&f.bold, NAME_SIZE, name, CONTENT, NAME_LINES);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(text_width(&f.bold, NAME_SIZE, l) <= CONTENT);
        }
        let one = wrap(
            &f.bold,
            NAME_SIZE,
            "Perpustakaan Desa Loram",
            CONTENT,
            NAME_LINES,
        );
        assert_eq!(one, vec!["Perpustakaan Desa Loram".to_string()]);
        let word = wrap(&f.bold, NAME_SIZE, &"x".repeat(200), CONTENT, NAME_LINES);
        assert_eq!(word.len(), 1);
        assert!(word[0].ends_with('…'));
    }

    #[test]
    fn every_text_fits_inside_the_frame() {
        let mut i = input(&"Perpustakaan ".repeat(20));
        i.kpi = Some(KpiLine {
            text: format!("KPI {}: Tinggi", "2024-S1 ".repeat(20)),
            category: KpiCategory::Tinggi,
            illustrative: Some("Ilustrasi".into()),
        });
        i.award = Some(AwardLine {
            text: "Terbaik 2023, peringkat 2 · +5 lainnya ".repeat(5),
            illustrative: Some("Ilustrasi".into()),
        });
        let b = render(&i);
        let doc = roxmltree::Document::parse(&b.svg).unwrap();
        for t in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let x: f32 = t.attribute("x").unwrap().parse().unwrap();
            let len: f32 = t.attribute("textLength").unwrap().parse().unwrap();
            assert!(
                x + len <= (WIDTH as f32) - PAD + 0.05,
                "{:?} overflows",
                t.text()
            );
        }
        for r in doc.descendants().filter(|n| n.has_tag_name("rect")) {
            let x: f32 = r.attribute("x").unwrap().parse().unwrap();
            let w: f32 = r.attribute("width").unwrap().parse().unwrap();
            assert!(x + w <= WIDTH as f32);
        }
        // The illustrative markers are never cut away.
        assert_eq!(b.svg.matches(">Ilustrasi</text>").count(), 2);
    }

    #[test]
    fn kpi_category_is_coloured_and_written() {
        for (c, word, fill) in [
            (KpiCategory::Tinggi, "Tinggi", "#1a7f37"),
            (KpiCategory::Sedang, "Sedang", "#f2c037"),
            (KpiCategory::Rendah, "Rendah", "#c62828"),
        ] {
            let mut i = input("Perpustakaan Uji");
            i.kpi = Some(KpiLine {
                text: format!("KPI 2024: {word}"),
                category: c,
                illustrative: None,
            });
            let b = render(&i);
            assert!(b.svg.contains(&format!(">KPI 2024: {word}</text>")));
            assert!(b.svg.contains(&format!("fill=\"{fill}\"")));
            assert!(!b.svg.contains("Ilustrasi"));
        }
    }

    #[test]
    fn height_grows_with_lines_and_output_is_stable() {
        let plain = render(&input("Perpustakaan Uji"));
        let mut i = input("Perpustakaan Uji");
        i.award = Some(AwardLine {
            text: "Terbaik 2023".into(),
            illustrative: None,
        });
        let with_award = render(&i);
        assert!(with_award.height > plain.height);
        assert_eq!(with_award, render(&i));
        assert!(plain.svg.contains(&format!("height=\"{}\"", plain.height)));
        assert!(plain.svg.len() < 2048);
    }
}
