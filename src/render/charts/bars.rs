//! Grouped horizontal bar charts as SVG: one group per reported period,
//! one bar per series, each bar under its own text label with the number
//! ("Tinggi: 24"), so nothing is told by colour alone. Horizontal bars with
//! labels above them fit a phone's width whatever the label length.

use crate::escape::html as esc;
use std::fmt::Write;

/// One kind of bar: its CSS class (the colour) and its label.
pub struct Series {
    pub class: &'static str,
    pub label: String,
}

/// One period: its label and a value per series (`None`: not reported,
/// drawn as "—" with no bar, never as zero).
pub struct Group {
    pub label: String,
    pub values: Vec<Option<u64>>,
}

/// View box width; text is sized in the same units (style.css).
pub const WIDTH: u32 = 320;
const GROUP_LINE: u32 = 20;
const LABEL_LINE: u32 = 15;
const BAR: u32 = 12;
const GAP: u32 = 8;

/// The chart: `role="img"`, named by its `<title>` and described by its
/// `<desc>` (ids `{id}-t`, `{id}-d`); every text escaped. Bars share one
/// scale, from zero to the largest value of the chart.
pub fn grouped(
    id: &str,
    title: &str,
    desc: &str,
    series: &[Series],
    groups: &[Group],
    number: impl Fn(u64) -> String,
) -> String {
    let max = groups
        .iter()
        .flat_map(|g| g.values.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0);
    let mut body = String::new();
    let mut y = 0;
    for g in groups {
        y += GROUP_LINE;
        let _ = write!(
            body,
            "<text class=\"chart-group\" x=\"0\" y=\"{}\">{}</text>",
            y - 6,
            esc(&g.label)
        );
        for (s, v) in series.iter().zip(&g.values) {
            y += LABEL_LINE;
            let value = v.map_or_else(|| "—".to_string(), &number);
            let _ = write!(
                body,
                "<text x=\"0\" y=\"{}\">{}: {}</text>",
                y - 3,
                esc(&s.label),
                esc(&value)
            );
            if let Some(v) = *v {
                if v > 0 && max > 0 {
                    // At least one unit, so a small value is still seen.
                    let w = ((v as f64 / max as f64) * WIDTH as f64).round().max(1.0);
                    let _ = write!(
                        body,
                        "<rect class=\"{}\" x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{BAR}\"/>",
                        s.class
                    );
                }
            }
            y += BAR + GAP;
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {y}\" \
         role=\"img\" aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title>\
         <desc id=\"{id}-d\">{}</desc>{body}</svg>",
        esc(title),
        esc(desc)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> Vec<Series> {
        vec![
            Series {
                class: "bar-a",
                label: "A<&>".into(),
            },
            Series {
                class: "bar-b",
                label: "B".into(),
            },
        ]
    }

    #[test]
    fn bars_share_one_scale_and_missing_values_are_not_zero() {
        let groups = vec![
            Group {
                label: "2023".into(),
                values: vec![Some(50), None],
            },
            Group {
                label: "2024 \"Q3\"".into(),
                values: vec![Some(100), Some(0)],
            },
        ];
        let s = grouped("k", "T", "D", &series(), &groups, |n| format!("{n}"));
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(s.contains("role=\"img\" aria-labelledby=\"k-t k-d\""));
        assert!(s.contains("<title id=\"k-t\">T</title><desc id=\"k-d\">D</desc>"));
        assert!(s.contains(">A&lt;&amp;&gt;: 50</text>"));
        assert!(s.contains(">B: —</text>"), "not reported is a dash");
        assert!(s.contains(">B: 0</text>"));
        assert!(s.contains("2024 &quot;Q3&quot;"));
        let widths: Vec<&str> = s
            .split("width=\"")
            .skip(1)
            .map(|x| x.split('"').next().unwrap())
            .collect();
        // 50 of 100 is half the width; zero and "not reported" draw no bar.
        assert_eq!(widths, ["160", "320"]);
        assert_eq!(s.matches("<rect").count(), 2);
    }

    #[test]
    fn a_tiny_value_still_shows() {
        let groups = vec![Group {
            label: "p".into(),
            values: vec![Some(1), Some(100_000)],
        }];
        let s = grouped("k", "T", "D", &series(), &groups, |n| n.to_string());
        assert!(s.contains("width=\"1\""), "{s}");
    }
}
