//! From a decoded topology to SVG path data: project (equirectangular,
//! longitudes shrunk by the cosine of the middle latitude, which is close
//! to true shape this near the equator), simplify each shared arc once
//! (Douglas–Peucker, so neighbours keep one border), round to whole view
//! box units and write compact relative paths.

use super::topojson::{self, Geometry, Topology};

/// A projection fitted to a bounding box: `width` wide, y growing south.
#[derive(Debug, Clone, Copy)]
pub struct Projection {
    lon0: f64,
    lat1: f64,
    cos: f64,
    k: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// Fits `[min_lon, min_lat, max_lon, max_lat]` into `width` units.
    pub fn fit(bbox: [f64; 4], width: f64) -> Projection {
        let [lon0, lat0, lon1, lat1] = bbox;
        let cos = ((lat0 + lat1) / 2.0).to_radians().cos();
        let k = width / ((lon1 - lon0) * cos);
        Projection {
            lon0,
            lat1,
            cos,
            k,
            width,
            height: (lat1 - lat0) * k,
        }
    }

    pub fn project(&self, [lon, lat]: [f64; 2]) -> [f64; 2] {
        [
            (lon - self.lon0) * self.cos * self.k,
            (self.lat1 - lat) * self.k,
        ]
    }
}

/// The bounding box of every arc: `[min_x, min_y, max_x, max_y]`.
pub fn bbox(t: &Topology) -> [f64; 4] {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in t.arcs.iter().flatten() {
        b = [
            b[0].min(p[0]),
            b[1].min(p[1]),
            b[2].max(p[0]),
            b[3].max(p[1]),
        ];
    }
    b
}

type Pt = [i32; 2];

/// Every arc projected, simplified with `tolerance` (view box units) and
/// rounded; consecutive duplicates removed. End points always stay, so
/// arcs still meet.
pub fn simplify_arcs(t: &Topology, p: &Projection, tolerance: f64) -> Vec<Vec<Pt>> {
    t.arcs
        .iter()
        .map(|arc| {
            let pts: Vec<[f64; 2]> = arc.iter().map(|&q| p.project(q)).collect();
            let mut keep = vec![false; pts.len()];
            if let Some(first) = keep.first_mut() {
                *first = true;
            }
            if let Some(last) = keep.last_mut() {
                *last = true;
            }
            if pts.len() > 2 {
                let n = pts.len() - 1;
                if pts[0] == pts[n] {
                    // A closed arc (a whole island): split at the point
                    // farthest from its start, then simplify both halves.
                    let far = (1..n)
                        .max_by(|&a, &b| dist2(pts[a], pts[0]).total_cmp(&dist2(pts[b], pts[0])))
                        .unwrap_or(1);
                    keep[far] = true;
                    douglas_peucker(&pts, 0, far, tolerance * tolerance, &mut keep);
                    douglas_peucker(&pts, far, n, tolerance * tolerance, &mut keep);
                } else {
                    douglas_peucker(&pts, 0, n, tolerance * tolerance, &mut keep);
                }
            }
            let mut out: Vec<Pt> = Vec::new();
            for (q, k) in pts.iter().zip(&keep) {
                let r = [q[0].round() as i32, q[1].round() as i32];
                if *k && out.last() != Some(&r) {
                    out.push(r);
                }
            }
            out
        })
        .collect()
}

fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

/// Squared distance from `p` to the segment `a`–`b`.
fn seg_dist2(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return dist2(p, a);
    }
    let t = (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0);
    dist2(p, [a[0] + t * dx, a[1] + t * dy])
}

/// Marks in `keep` the points between `i` and `j` that must stay for the
/// line to be within `tol2` (squared) of the original. Iterative, so a long
/// coastline cannot overflow the stack.
fn douglas_peucker(pts: &[[f64; 2]], i: usize, j: usize, tol2: f64, keep: &mut [bool]) {
    let mut stack = vec![(i, j)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut far, mut best) = (a, 0.0);
        for k in a + 1..b {
            let d = seg_dist2(pts[k], pts[a], pts[b]);
            if d > best {
                (far, best) = (k, d);
            }
        }
        if best > tol2 {
            keep[far] = true;
            stack.push((a, far));
            stack.push((far, b));
        }
    }
}

/// Twice the signed area of a closed ring.
fn area2(ring: &[Pt]) -> i64 {
    ring.windows(2)
        .map(|w| w[0][0] as i64 * w[1][1] as i64 - w[1][0] as i64 * w[0][1] as i64)
        .sum()
}

/// The rings of `g` from simplified arcs, with rings smaller than
/// `min_area` (square units) left out, except that a geometry always keeps
/// its largest ring so no province vanishes.
pub fn rings(g: &Geometry, arcs: &[Vec<Pt>], min_area: f64) -> Vec<Vec<Pt>> {
    let mut all: Vec<(Vec<Pt>, i64)> = Vec::new();
    for refs in g.polygons.iter().flatten() {
        let pts = topojson::ring(arcs, refs);
        let a = area2(&pts).abs();
        all.push((pts, a));
    }
    let largest = all
        .iter()
        .enumerate()
        .max_by_key(|(_, (_, a))| *a)
        .map(|(i, _)| i);
    all.into_iter()
        .enumerate()
        .filter(|(i, (pts, a))| {
            Some(*i) == largest || (pts.len() >= 4 && *a as f64 >= 2.0 * min_area)
        })
        .map(|(_, (pts, _))| pts)
        .collect()
}

/// SVG path data: `M` to each ring's start, relative `l` after it, `z`.
/// Numbers are separated only where needed (a minus sign separates).
pub fn path_data(rings: &[Vec<Pt>]) -> String {
    let mut d = String::new();
    for ring in rings {
        // The closing point repeats the first: `z` draws that edge.
        let open = match ring.split_last() {
            Some((last, rest)) if Some(last) == ring.first() => rest,
            _ => &ring[..],
        };
        let Some((first, rest)) = open.split_first() else {
            continue;
        };
        d.push('M');
        push_pair(&mut d, first[0], first[1], true);
        let mut prev = *first;
        if !rest.is_empty() {
            d.push('l');
            for (i, q) in rest.iter().enumerate() {
                push_pair(&mut d, q[0] - prev[0], q[1] - prev[1], i == 0);
                prev = *q;
            }
        }
        d.push('z');
    }
    d
}

fn push_pair(d: &mut String, x: i32, y: i32, after_command: bool) {
    use std::fmt::Write;
    if !after_command && x >= 0 {
        d.push(' ');
    }
    let _ = write!(d, "{x}");
    if y >= 0 {
        d.push(' ');
    }
    let _ = write!(d, "{y}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_fits_the_width_and_puts_north_up() {
        let p = Projection::fit([95.0, -11.0, 141.0, 6.0], 1000.0);
        assert_eq!(p.project([95.0, 6.0]), [0.0, 0.0]);
        let se = p.project([141.0, -11.0]);
        assert!((se[0] - 1000.0).abs() < 1e-9);
        assert!((se[1] - p.height).abs() < 1e-9);
        // Near the equator a degree of longitude is a little shorter than
        // one of latitude: cos(−2.5°) ≈ 0.999.
        let ratio = p.height / p.width;
        let expected = 17.0 / (46.0 * (-2.5f64).to_radians().cos());
        assert!((ratio - expected).abs() < 1e-9, "{ratio} vs {expected}");
    }

    #[test]
    fn simplification_keeps_ends_and_drops_near_straight_points() {
        let t = topojson::parse(
            r#"{"type":"Topology","arcs":[
              [[0,0],[5,0.1],[10,0],[10,10]],
              [[0,0],[4,4],[8,0],[4,-4],[0,0]]
            ],"objects":{}}"#,
        )
        .unwrap();
        // Identity-like projection: 10 degrees → 10 units, at the equator.
        let p = Projection::fit([0.0, -4.0, 10.0, 10.0], 10.0);
        let arcs = simplify_arcs(&t, &p, 0.5);
        let a: Vec<Pt> = arcs[0].clone();
        assert_eq!(a.first(), Some(&[0, 10]));
        assert_eq!(a.last(), Some(&[10, 0]));
        assert_eq!(a.len(), 3, "the bump of 0.1 is gone: {a:?}");
        // A closed arc keeps enough points to stay a shape.
        assert_eq!(arcs[1].first(), arcs[1].last());
        assert!(arcs[1].len() >= 4, "{:?}", arcs[1]);
    }

    #[test]
    fn path_data_is_compact_and_relative() {
        let ring = vec![[10, 20], [15, 20], [15, 12], [10, 20]];
        assert_eq!(path_data(&[ring]), "M10 20l5 0 0-8z");
        let two = vec![
            vec![[0, 0], [1, 0], [0, 1], [0, 0]],
            vec![[5, 5], [4, 5], [5, 4], [5, 5]],
        ];
        assert_eq!(path_data(&two), "M0 0l1 0-1 1zM5 5l-1 0 1-1z");
    }

    #[test]
    fn tiny_islands_go_but_a_province_never_vanishes() {
        let g = Geometry {
            id: None,
            name: None,
            polygons: vec![vec![vec![0]], vec![vec![1]]],
        };
        let arcs = vec![
            vec![[0, 0], [1, 0], [0, 1], [0, 0]],
            vec![[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        ];
        let r = rings(&g, &arcs, 4.0);
        assert_eq!(r.len(), 1, "the half-unit island is dropped");
        assert_eq!(r[0].len(), 5);
        let only_tiny = Geometry {
            id: None,
            name: None,
            polygons: vec![vec![vec![0]]],
        };
        assert_eq!(rings(&only_tiny, &arcs, 4.0).len(), 1);
    }
}
