//! Template overrides (`templates/*.html` in the site): the theme's own
//! templates with Tera 2 tags removed, duplicated or swapped, and fragments
//! inserted: unclosed blocks, includes and extends (self, cycles, missing),
//! filters with odd arguments, components (warta's Tera has no macros),
//! recursion, arithmetic overflow, warta's `resize` with odd sizes.

use super::rng::Rng;
use super::text::{self, Knobs};

const FRAGMENTS: &[&str] = &[
    "{% if", "{% if true %}", "{% endif %}", "{% for x in [1, 2] %}", "{% endfor %}", "{% else %}",
    "{% block main %}", "{% endblock main %}", "{% endblock %}", "{% block baru %}x{% endblock baru %}",
    "{{", "}}", "{%", "%}", "{#", "#}", "{% raw %}", "{% endraw %}", "{{- x -}}", "{%- if true -%}",
    "{% include \"partials/notice.html\" %}", "{% include \"tidak-ada.html\" %}", "{% include \"base.html\" %}",
    "{% extends \"base.html\" %}", "{% extends \"tidak-ada.html\" %}", "{% extends \"post.html\" %}",
    "{{ t.tidak_ada }}", "{{ site.title | upper | lower | title | capitalize }}", "{{ t }}",
    "{{ site.title | truncate(length=0) }}", "{{ site.title | truncate(length=-1) }}",
    "{{ 1.5 | round(precision=300) }}", "{{ [1, 2] | nth(n=-1) }}", "{{ [1, 2] | nth(n=18446744073709551615) }}",
    "{{ site.title | indent(width=100000) }}", "{{ site.title | replace(from=\"\", to=\"xx\") }}",
    "{{ site.title | split(pat=\"\") | join(sep=site.title) }}", "{{ site.title | safe }}", "{{ site | safe }}",
    "{{ 9223372036854775807 + 1 }}", "{{ -9223372036854775808 - 1 }}", "{{ 170141183460469231731687303715884105727 + 1 }}",
    "{{ 1 / 0 }}", "{{ 1 % 0 }}", "{{ 1.0 / 0.0 }}", "{{ -170141183460469231731687303715884105728 / -1 }}",
    "{{ 2 ** 200 }}", "{{ \"a\" * 100000 }}", "{{ [1] * 1000000 }}", "{{ \"x\"[0:1000000:-1] }}",
    "{{ [1, 2, 3][::0] }}", "{{ range(end=100000) | length }}", "{{ range(end=1000000) }}",
    "{{ range(start=-170141183460469231731687303715884105728, end=170141183460469231731687303715884105727) }}",
    "{% for i in range(end=300) %}{% for j in range(end=300) %}{{ i }}{% endfor %}{% endfor %}",
    "{% set x = site %}{{ x.title }}", "{% set_global g = 1 %}", "{% break %}", "{% continue %}",
    "{% filter upper %}x{% endfilter %}", "{{ __tera_context }}", "{{ throw(message=\"x\") }}",
    "{% component c(n) %}{{ <c n={n + 1}/> }}{% endcomponent c %}{{ <c n={0}/> }}",
    "{% component k() %}{{ body }}{% endcomponent k %}{% <k> %}<b>{% </k> %}", "{{ <tidak_ada/> }}",
    "{{ resize(src=\"static/images/perpustakaan.png\", width=4294967295, height=4294967295) }}",
    "{{ resize(src=\"static/images/perpustakaan.png\", width=0) }}", "{{ resize(src=\"../../etc/passwd\", width=10) }}",
    "{{ resize(src=\"static/images/perpustakaan.png\", width=20, fit=\"x\", format=\"gif\") }}",
    "{{ resize(src=\"\", width=1) | safe }}", "{{ resize(src=\"static/images/perpustakaan.png\", width=-1) }}",
    "{{ site.title ~ site.title }}", "{{ not not not true }}", "{{ x if y else z }}", "{% macro m() %}{% endmacro %}",
    "{{ [[[[1]]]] }}", "{{ {\"a\": {\"b\": 1}}.a.b }}", "{% if site.title is containing(pat=\"x\") %}{% endif %}",
];

/// An override of one of the theme's templates, or a new template.
pub fn override_of(rng: &mut Rng, theme: &[(String, String)], knobs: Knobs) -> (String, String) {
    let (name, source) = if theme.is_empty() || rng.one_in(10) {
        (
            format!("{}.html", rng.pick(&["baru", "partials/baru", "macros"])),
            String::new(),
        )
    } else {
        rng.pick(theme).clone()
    };
    let mut t = source;
    for _ in 0..rng.range(1, 4) {
        match rng.below(7) {
            0 => remove_tag(rng, &mut t),
            1 => duplicate_tag(rng, &mut t),
            2..=4 => {
                let at = tag_boundary(rng, &t);
                let frag = rng.pick(FRAGMENTS).replace("SELF", &name);
                t.insert_str(at, &frag);
            }
            5 => {
                let at = tag_boundary(rng, &t);
                let frag = match rng.below(3) {
                    0 => format!("{{% include \"{name}\" %}}"),
                    1 => format!("{{% extends \"{name}\" %}}"),
                    _ => deep(rng, knobs),
                };
                t.insert_str(at, &frag);
            }
            _ => text::mutate(rng, &mut t, knobs, FRAGMENTS, 2),
        }
    }
    (name, t)
}

/// Byte offsets where a tag starts or ends: where fragments do the most.
fn tag_boundary(rng: &mut Rng, t: &str) -> usize {
    let mut points: Vec<usize> = t.match_indices("{%").map(|(i, _)| i).collect();
    points.extend(t.match_indices("%}").map(|(i, _)| i + 2));
    points.extend(t.match_indices("}}").map(|(i, _)| i + 2));
    if points.is_empty() || rng.one_in(5) {
        text::boundary(t, rng.below(t.len() + 1))
    } else {
        *rng.pick(&points)
    }
}

/// The range of a random `{% … %}` tag.
fn some_tag(rng: &mut Rng, t: &str) -> Option<std::ops::Range<usize>> {
    let starts: Vec<usize> = t.match_indices("{%").map(|(i, _)| i).collect();
    let start = *rng.pick(if starts.is_empty() {
        return None;
    } else {
        &starts
    });
    let end = t[start..].find("%}").map(|i| start + i + 2)?;
    Some(start..end)
}

fn remove_tag(rng: &mut Rng, t: &mut String) {
    if let Some(r) = some_tag(rng, t) {
        t.replace_range(r, "");
    }
}

fn duplicate_tag(rng: &mut Rng, t: &mut String) {
    if let Some(r) = some_tag(rng, t) {
        let tag = t[r.clone()].to_string();
        let at = tag_boundary(rng, t);
        t.insert_str(at, &tag);
    }
}

/// Nesting: within Tera's parser limit by default, far past it when on.
fn deep(rng: &mut Rng, knobs: Knobs) -> String {
    let n = if knobs.deep_nesting {
        *rng.pick(&[41usize, 1_000, 20_000])
    } else {
        rng.range(1, 30)
    };
    match rng.below(4) {
        0 => format!("{}x{}", "{% if true %}".repeat(n), "{% endif %}".repeat(n)),
        1 => format!("{{{{ {}1{} }}}}", "(".repeat(n), ")".repeat(n)),
        2 => format!("{{{{ {}1 }}}}", "-".repeat(n)),
        _ => format!(
            "{}{}",
            "{% for x in [1] %}".repeat(n),
            "{% endfor %}".repeat(n)
        ),
    }
}
