//! The province map: the 38 provinces shaded by their number of partner
//! libraries, every province a link to its page.
//!
//! The geometry does not depend on the site's data, so it is decoded,
//! projected and simplified once per process ([`shapes`]); a render only
//! chooses the classes and links. The SVG is inline (not a cached `.svg`
//! file) because only inline SVG can link; docs/charts.md has the sizes.

use super::geo::{self, Projection};
use super::topojson;
use crate::escape::html as esc;
use std::fmt::Write;
use std::sync::OnceLock;

/// The boundaries (CC BY 4.0, see assets/README.md), in the binary.
const TOPOJSON: &str = include_str!("../../../assets/provinces-38.topo.json");
/// The object of [`TOPOJSON`] holding the provinces.
const OBJECT: &str = "provinces";
/// View box width. With the tolerance and the smallest island below, the
/// map stays legible at phone width and small in bytes (docs/charts.md).
pub const WIDTH: f64 = 800.0;
const TOLERANCE: f64 = 0.7;
const MIN_ISLAND: f64 = 3.0;

/// One province's outline as SVG path data.
#[derive(Debug)]
pub struct Shape {
    /// Kemendagri province code (the feature id).
    pub code: String,
    pub d: String,
}

#[derive(Debug)]
pub struct Shapes {
    pub width: u32,
    pub height: u32,
    /// Sorted by code.
    pub shapes: Vec<Shape>,
}

/// The projected, simplified provinces, made on first use.
pub fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        // The asset is part of the binary and a unit test decodes it, so a
        // failure here is a bug in warta, not a problem in a site.
        let t = topojson::parse(TOPOJSON).expect("the embedded province map is valid TopoJSON");
        build(&t, OBJECT, WIDTH, TOLERANCE, MIN_ISLAND)
    })
}

/// Projects and simplifies the geometries of `object` in `t`.
pub fn build(t: &topojson::Topology, object: &str, width: f64, tol: f64, min: f64) -> Shapes {
    let p = Projection::fit(geo::bbox(t), width);
    let arcs = geo::simplify_arcs(t, &p, tol);
    let mut shapes: Vec<Shape> = t
        .objects
        .get(object)
        .map(|gs| gs.as_slice())
        .unwrap_or_default()
        .iter()
        .filter_map(|g| {
            Some(Shape {
                code: g.id.clone()?,
                d: geo::path_data(&geo::rings(g, &arcs, min)),
            })
        })
        .collect();
    shapes.sort_by(|a, b| a.code.cmp(&b.code));
    Shapes {
        width: p.width.round() as u32,
        height: p.height.ceil() as u32,
        shapes,
    }
}

/// Classes of the shading: class 0 is "no partner library"; classes
/// `1..=lower.len()` start at `lower[i - 1]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bins {
    pub lower: Vec<u64>,
    pub max: u64,
}

/// Up to four classes above zero, cut near the quartiles of the distinct
/// counts at "round" numbers, so a few big provinces do not wash all others
/// into one colour, the legend reads easily and no class is empty. Fewer
/// classes when there are fewer distinct counts.
pub fn bins(counts: &[u64]) -> Bins {
    let max = counts.iter().copied().max().unwrap_or(0);
    let mut distinct: Vec<u64> = counts.iter().copied().filter(|&n| n > 0).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let k = distinct.len().min(4);
    let mut lower: Vec<u64> = Vec::new();
    if k > 0 {
        lower.push(1);
    }
    for i in 1..k {
        let at = i * distinct.len() / k;
        // Above the count before the cut, at most the count at it: each
        // class keeps at least one count.
        lower.push(roundest_between(distinct[at - 1], distinct[at]));
    }
    Bins { lower, max }
}

/// The smallest multiple of the largest of 1, 2, 5, 10, 20, 50… that has
/// one in `lo + 1 ..= hi` (`lo < hi`): 4 in (2, 4], 5 in (4, 7], 20 in
/// (12, 40].
fn roundest_between(lo: u64, hi: u64) -> u64 {
    let mut steps = Vec::new();
    let mut p = 1u64;
    'grow: loop {
        for m in [1, 2, 5] {
            match p.checked_mul(m) {
                Some(step) if step <= hi => steps.push(step),
                _ => break 'grow,
            }
        }
        p = match p.checked_mul(10) {
            Some(v) => v,
            None => break,
        };
    }
    steps
        .iter()
        .rev()
        .find_map(|&step| {
            let m = (lo / step + 1).checked_mul(step)?;
            (m <= hi).then_some(m)
        })
        .unwrap_or(hi)
}

impl Bins {
    /// The class of `n`: 0 for none, else 1 + the last bound it reaches.
    pub fn class(&self, n: u64) -> usize {
        self.lower.iter().take_while(|&&l| l <= n).count()
    }

    /// Each class's range as text, class 0 first: `0`, `1–4`, `5–9`,
    /// `10–932` (the last ends at the largest count).
    pub fn labels(&self, number: impl Fn(u64) -> String) -> Vec<String> {
        let mut out = vec![number(0)];
        for (i, &lo) in self.lower.iter().enumerate() {
            let hi = self.lower.get(i + 1).map_or(self.max, |n| n - 1);
            out.push(if hi == lo {
                number(lo)
            } else {
                format!("{}–{}", number(lo), number(hi))
            });
        }
        out
    }

    /// The CSS class that colours class `c` (`m0`…`m4`). Fewer classes
    /// spread over the palette so the darkest always means "most".
    pub fn css(&self, c: usize) -> &'static str {
        const SPREAD: [&[&str]; 5] = [
            &[],
            &["m3"],
            &["m2", "m4"],
            &["m1", "m3", "m4"],
            &["m1", "m2", "m3", "m4"],
        ];
        if c == 0 {
            return "m0";
        }
        SPREAD[self.lower.len().min(4)][c - 1]
    }
}

/// A province as the map draws it.
pub struct Entry<'a> {
    pub code: &'a str,
    pub url: &'a str,
    pub class: &'static str,
    /// The link's accessible name (`Jawa Timur: 4 perpustakaan mitra`).
    pub label: &'a str,
}

/// The map SVG: provinces of `entries` are links with a `<title>`; shapes
/// the site has no province for are drawn plain. `title` names the map
/// (`aria-labelledby`); every text is escaped.
pub fn svg(shapes: &Shapes, entries: &[Entry], id: &str, title: &str) -> String {
    let mut s = String::with_capacity(16 * 1024);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {} {}\" \
         role=\"group\" aria-labelledby=\"{id}\"><title id=\"{id}\">{}</title>\
         <g stroke=\"#fff\" stroke-width=\"0.8\" stroke-linejoin=\"round\">",
        shapes.width,
        shapes.height,
        esc(title)
    );
    for shape in &shapes.shapes {
        match entries.iter().find(|e| e.code == shape.code) {
            Some(e) => {
                let _ = write!(
                    s,
                    "<a href=\"{}\"><title>{}</title><path class=\"{}\" d=\"{}\"/></a>",
                    esc(e.url),
                    esc(e.label),
                    e.class,
                    shape.d
                );
            }
            None => {
                let _ = write!(s, "<path class=\"mx\" d=\"{}\"/>", shape.d);
            }
        }
    }
    s.push_str("</g></svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: u64) -> String {
        v.to_string()
    }

    #[test]
    fn bins_follow_the_data() {
        let b = bins(&[0, 0, 3, 12, 932, 40, 7]);
        assert_eq!(b.lower, vec![1, 5, 10, 20]);
        assert_eq!(b.labels(n), ["0", "1–4", "5–9", "10–19", "20–932"]);
        assert_eq!(
            [0, 1, 4, 5, 12, 19, 20, 932].map(|v| b.class(v)),
            [0, 1, 1, 2, 3, 3, 4, 4]
        );
        assert_eq!(b.css(0), "m0");
        assert_eq!(b.css(4), "m4");

        // Two distinct counts: two classes, the larger the darkest colour.
        let b = bins(&[0, 2, 2, 9]);
        assert_eq!(b.lower, vec![1, 5]);
        assert_eq!(b.labels(n), ["0", "1–4", "5–9"]);
        assert_eq!((b.css(b.class(2)), b.css(b.class(9))), ("m2", "m4"));

        // One count: one class, its label a single number.
        let b = bins(&[0, 1, 1]);
        assert_eq!(b.labels(n), ["0", "1"]);
        assert_eq!(b.css(b.class(1)), "m3");

        // The smallest count is above 1: class 1 still holds it.
        let b = bins(&[3, 4, 7, 10]);
        assert_eq!(b.labels(n), ["0", "1–3", "4", "5–9", "10"]);
        assert!([3, 4, 7, 10].iter().all(|&v| b.class(v) > 0));
        let classes: Vec<usize> = [3, 4, 7, 10].map(|v| b.class(v)).to_vec();
        assert_eq!(classes, [1, 2, 3, 4]);

        // No libraries anywhere: only "0".
        let b = bins(&[0, 0]);
        assert_eq!((b.lower.len(), b.class(0)), (0, 0));
        assert_eq!(b.labels(n), ["0"]);
        assert_eq!(bins(&[]).labels(n), ["0"]);
    }

    #[test]
    fn round_cuts() {
        assert_eq!(roundest_between(2, 4), 4);
        assert_eq!(roundest_between(4, 7), 5);
        assert_eq!(roundest_between(7, 12), 10);
        assert_eq!(roundest_between(12, 40), 20);
        assert_eq!(roundest_between(0, 1), 1);
        assert_eq!(roundest_between(101, 103), 102);
        assert_eq!(roundest_between(120, 932), 500);
        assert_eq!(roundest_between(u64::MAX - 1, u64::MAX), u64::MAX);
    }

    #[test]
    fn the_embedded_map_has_38_provinces() {
        let s = shapes();
        assert_eq!(s.shapes.len(), 38);
        assert_eq!(s.width, WIDTH as u32);
        assert!(s.height > 250 && s.height < 350, "{}", s.height);
        assert_eq!(s.shapes[0].code, "11");
        assert_eq!(s.shapes[37].code, "96");
        assert!(s
            .shapes
            .iter()
            .all(|p| p.d.starts_with('M') && p.d.ends_with('z')));
        // Jakarta is tiny but stays on the map.
        let jakarta = s.shapes.iter().find(|p| p.code == "31").unwrap();
        assert!(!jakarta.d.is_empty());
    }

    #[test]
    fn svg_links_known_provinces_and_escapes() {
        let shapes = Shapes {
            width: 10,
            height: 10,
            shapes: vec![
                Shape {
                    code: "11".into(),
                    d: "M0 0l1 0 0 1z".into(),
                },
                Shape {
                    code: "12".into(),
                    d: "M5 5l1 0 0 1z".into(),
                },
            ],
        };
        let e = [Entry {
            code: "11",
            url: "/provinsi/a/",
            class: "m1",
            label: "A<&\": 1",
        }];
        let s = svg(&shapes, &e, "peta", "Peta <x>");
        assert!(s.contains("<title id=\"peta\">Peta &lt;x&gt;</title>"));
        assert!(s.contains(
            "<a href=\"/provinsi/a/\"><title>A&lt;&amp;&quot;: 1</title><path class=\"m1\""
        ));
        assert!(s.contains("<path class=\"mx\" d=\"M5 5l1 0 0 1z\"/>"));
        assert!(!s.contains("style"));
    }
}
