//! A small TopoJSON reader: just what the province map needs (one
//! `GeometryCollection` of `Polygon`/`MultiPolygon`, quantized or not).
//!
//! Written here rather than taken from the `topojson` crate: that crate
//! converts to `geojson` types (two more dependencies) and throws away the
//! shared arcs, which the map simplifies once so neighbouring provinces keep
//! one common border. The format is small: arcs are lists of positions,
//! delta-encoded and quantized when the topology has a `transform`; a
//! polygon ring is a list of arc indices, `!i` (that is `-i - 1`) meaning
//! arc `i` reversed. See <https://github.com/topojson/topojson-specification>.

use serde::Deserialize;
use std::collections::BTreeMap;

/// A decoded topology: arcs as absolute `[x, y]` (longitude, latitude)
/// positions, and each object's polygon geometries as arc references.
#[derive(Debug)]
pub struct Topology {
    pub arcs: Vec<Vec<[f64; 2]>>,
    pub objects: BTreeMap<String, Vec<Geometry>>,
}

/// One feature: its `id`, its `name` property, and its polygons, each a
/// list of rings, each ring a list of arc references.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub id: Option<String>,
    pub name: Option<String>,
    pub polygons: Vec<Vec<Vec<i64>>>,
}

#[derive(Deserialize)]
struct Raw {
    #[serde(rename = "type")]
    kind: String,
    arcs: Vec<Vec<Vec<f64>>>,
    transform: Option<Transform>,
    objects: BTreeMap<String, RawGeometry>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawGeometry {
    /// `null` for a feature without geometry.
    #[serde(rename = "type")]
    kind: Option<String>,
    id: Option<serde_json::Value>,
    properties: Option<BTreeMap<String, serde_json::Value>>,
    #[serde(default)]
    arcs: serde_json::Value,
    /// Only in a `GeometryCollection`.
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

/// Parses and decodes a TopoJSON text. Errors name what is wrong.
pub fn parse(json: &str) -> Result<Topology, String> {
    let raw: Raw = serde_json::from_str(json).map_err(|e| format!("not TopoJSON: {e}"))?;
    if raw.kind != "Topology" {
        return Err(format!("type is {:?}, expected \"Topology\"", raw.kind));
    }
    let arcs = raw
        .arcs
        .iter()
        .enumerate()
        .map(|(i, a)| decode_arc(a, raw.transform.as_ref()).map_err(|e| format!("arc {i}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut objects = BTreeMap::new();
    for (name, obj) in raw.objects {
        let geoms = match obj.kind.as_deref() {
            Some("GeometryCollection") => obj.geometries,
            _ => vec![obj],
        };
        let mut out = Vec::with_capacity(geoms.len());
        for (i, g) in geoms.iter().enumerate() {
            let decoded = geometry(g, arcs.len()).map_err(|e| format!("{name}/{i}: {e}"))?;
            out.extend(decoded);
        }
        objects.insert(name, out);
    }
    Ok(Topology { arcs, objects })
}

/// Quantized arcs are delta-encoded: each position adds to the previous
/// one, then the transform maps the integers back to coordinates.
fn decode_arc(arc: &[Vec<f64>], t: Option<&Transform>) -> Result<Vec<[f64; 2]>, String> {
    let (mut x, mut y) = (0.0, 0.0);
    arc.iter()
        .map(|p| {
            let (&px, &py) = match p.as_slice() {
                [a, b, ..] => (a, b),
                _ => return Err("a position with fewer than 2 numbers".to_string()),
            };
            Ok(match t {
                Some(t) => {
                    x += px;
                    y += py;
                    [
                        x * t.scale[0] + t.translate[0],
                        y * t.scale[1] + t.translate[1],
                    ]
                }
                None => [px, py],
            })
        })
        .collect()
}

fn geometry(g: &RawGeometry, n_arcs: usize) -> Result<Option<Geometry>, String> {
    let rings = |v: &serde_json::Value| -> Result<Vec<Vec<i64>>, String> {
        serde_json::from_value::<Vec<Vec<i64>>>(v.clone())
            .map_err(|e| format!("arcs of a polygon: {e}"))
    };
    let polygons = match g.kind.as_deref() {
        Some("Polygon") => vec![rings(&g.arcs)?],
        Some("MultiPolygon") => match &g.arcs {
            serde_json::Value::Array(ps) => ps.iter().map(rings).collect::<Result<_, _>>()?,
            _ => return Err("MultiPolygon without an arcs list".into()),
        },
        // A feature without geometry draws nothing.
        None => return Ok(None),
        Some(other) => return Err(format!("geometry type {other:?} is not supported")),
    };
    for r in polygons.iter().flatten().flatten() {
        let i = if *r < 0 { !*r } else { *r };
        if i as usize >= n_arcs {
            return Err(format!("arc reference {r} is out of range ({n_arcs} arcs)"));
        }
    }
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    Ok(Some(Geometry {
        id: g.id.as_ref().and_then(text),
        name: g
            .properties
            .as_ref()
            .and_then(|p| p.get("name"))
            .and_then(text),
        polygons,
    }))
}

/// The positions of the ring made of arc references `refs` (`!i` is arc
/// `i` reversed), in order; where one arc ends and the next begins the
/// point appears once, as does any point repeated in a row.
pub fn ring<T: Copy + PartialEq>(arcs: &[Vec<T>], refs: &[i64]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for &r in refs {
        let arc = &arcs[if r < 0 { !r } else { r } as usize];
        let mut push = |q: &T| {
            if out.last() != Some(q) {
                out.push(*q);
            }
        };
        if r < 0 {
            arc.iter().rev().for_each(&mut push);
        } else {
            arc.iter().for_each(&mut push);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side sharing the middle edge (arc 0),
    /// quantized with scale 0.5 and translated by (10, -2).
    const TINY: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [0.5, 0.5], "translate": [10, -2]},
      "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]]
      ],
      "objects": {"boxes": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "11", "properties": {"name": "Kiri"}, "arcs": [[0, 1]]},
        {"type": "MultiPolygon", "id": 12, "arcs": [[[2, -1]]]},
        {"type": null}
      ]}}
    }"#;

    #[test]
    fn decodes_delta_quantized_arcs_and_reversed_references() {
        let t = parse(TINY).expect("valid");
        assert_eq!(t.arcs[0], vec![[11.0, -2.0], [11.0, -1.0]]);
        assert_eq!(
            t.arcs[1],
            vec![[11.0, -1.0], [10.0, -1.0], [10.0, -2.0], [11.0, -2.0]]
        );
        let g = &t.objects["boxes"];
        assert_eq!(g.len(), 2, "the null geometry draws nothing");
        assert_eq!(g[0].id.as_deref(), Some("11"));
        assert_eq!(g[0].name.as_deref(), Some("Kiri"));
        assert_eq!(g[1].id.as_deref(), Some("12"), "numeric ids become text");
        assert_eq!(g[1].polygons, vec![vec![vec![2, -1]]]);
        // The left square: up the shared edge, then round the left side.
        let left = ring(&t.arcs, &g[0].polygons[0][0]);
        assert_eq!(left.first(), left.last(), "closed");
        assert_eq!(left.len(), 5);
        // The right square walks the shared edge downwards (arc 0 reversed).
        let right = ring(&t.arcs, &g[1].polygons[0][0]);
        assert_eq!(
            right,
            vec![
                [11.0, -2.0],
                [12.0, -2.0],
                [12.0, -1.0],
                [11.0, -1.0],
                [11.0, -2.0]
            ]
        );
    }

    #[test]
    fn unquantized_positions_are_absolute() {
        let t = parse(
            r#"{"type":"Topology","arcs":[[[1.5,2],[3,4],[1.5,2]]],
            "objects":{"p":{"type":"Polygon","arcs":[[0]]}}}"#,
        )
        .unwrap();
        assert_eq!(t.arcs[0], vec![[1.5, 2.0], [3.0, 4.0], [1.5, 2.0]]);
        assert_eq!(t.objects["p"].len(), 1);
    }

    #[test]
    fn bad_input_is_named() {
        assert!(parse("{}").unwrap_err().contains("not TopoJSON"));
        let e = parse(r#"{"type":"Feature","arcs":[],"objects":{}}"#).unwrap_err();
        assert!(e.contains("expected \"Topology\""), "{e}");
        let e = parse(
            r#"{"type":"Topology","arcs":[[[0,0]]],
            "objects":{"o":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[3]]}]}}}"#,
        )
        .unwrap_err();
        assert!(e.contains("o/0") && e.contains("out of range"), "{e}");
        let e = parse(r#"{"type":"Topology","arcs":[[[0]]],"objects":{}}"#).unwrap_err();
        assert!(e.contains("arc 0"), "{e}");
        let e = parse(
            r#"{"type":"Topology","arcs":[],"objects":{"o":{"type":"LineString","arcs":[0]}}}"#,
        )
        .unwrap_err();
        assert!(e.contains("not supported"), "{e}");
    }
}
