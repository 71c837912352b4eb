//! Template mistakes, through the real binary: every kind is reported as
//! `templates/<file>:line:col:` (the site's own override, or
//! `themes/<name>/templates/…`) at the line of the mistake, in plain words
//! with help; in rich mode with the snippet.

use crate::support;

use std::process::Command;
use support::{Output, TestSite};

const POST_TPL: &str = "templates/post.html";

/// A site overriding `post.html`; line numbers matter to the tests.
const POST_HTML: &str = "\
{% extends \"base.html\" %}
{% block main %}
<h1>{{ post.title }}</h1>
{% if post.author %}<p>{{ post.author }}</p>{% endif %}
{{ post.body | safe }}
{% endblock main %}
";

/// The site with `templates/post.html` = [`POST_HTML`] with `from`
/// replaced by `to`.
fn site_with(from: &str, to: &str) -> TestSite {
    assert!(POST_HTML.contains(from), "{from}");
    let site = TestSite::minimal();
    site.write(POST_TPL, POST_HTML.replacen(from, to, 1));
    site
}

fn build(site: &TestSite) -> Output {
    site.run(&["build", "--out", site.path("public").to_str().unwrap()])
}

#[test]
fn the_override_builds_as_written() {
    let site = site_with("", "");
    build(&site).assert_ok();
    assert!(site
        .read("public/berita/plm-jawa-tengah-2022-semarang/index.html")
        .contains("<h1>PLM Jawa Tengah 2022 di Semarang</h1>"));
}

#[test]
fn syntax_error() {
    let site = site_with("{{ post.title }}", "{{ post.title }");
    let out = build(&site);
    let d = out.assert_only_error(
        "templates/post.html:3:19",
        &[
            "template syntax error",
            "`}}`",
            "delete templates/post.html",
        ],
    );
    assert!(!d.contains("error: error"), "{d}");
}

#[test]
fn unclosed_if_is_reported_at_the_if() {
    let site = site_with("{% endif %}", "");
    let out = build(&site);
    let d = out.assert_only_error(
        "templates/post.html:4:1",
        &[
            "`{% if post.author %}` is not closed",
            "add `{% endif %}`",
            "before `{% endblock %}` on line 6",
        ],
    );
    assert!(d.contains("templates/post.html:6:4: note:"), "{d}");
    assert!(!d.contains("Unknown tag"), "{d}");
}

#[test]
fn unclosed_for_at_the_end_of_the_file() {
    let site = site_with("{% endblock main %}\n", "");
    site.write(
        POST_TPL,
        "{% extends \"base.html\" %}\n{% block main %}\n{% for t in post.tags %}{{ t.name }}\n",
    );
    let out = build(&site);
    out.assert_error(
        "templates/post.html:3:1",
        &["`{% for t in post.tags %}` is not closed", "`{% endfor %}`"],
    );
    out.assert_error(
        "templates/post.html:2:1",
        &["`{% block main %}` is not closed", "`{% endblock %}`"],
    );
}

#[test]
fn unknown_tag() {
    let site = site_with("{% if post.author %}", "{% iff post.author %}");
    build(&site).assert_error(
        "templates/post.html:4:4",
        &["unknown tag `{% iff %}`", "did you mean `{% if %}`?"],
    );
}

#[test]
fn unknown_filter_and_function_all_reported() {
    let site = site_with(
        "{{ post.title }}",
        "{{ post.title | uppr }} {{ tanggal(x=1) }}",
    );
    let out = build(&site);
    out.assert_error(
        "templates/post.html:3:21",
        &["unknown filter `uppr`", "did you mean `upper`?"],
    );
    out.assert_error(
        "templates/post.html:3:32",
        &["unknown function `tanggal`", "`range`, `throw`, `resize`"],
    );
    assert_eq!(out.error_count(), 2, "{out}");
}

#[test]
fn include_of_a_missing_template() {
    let site = site_with(
        "{{ post.body | safe }}",
        "{% include \"partials/post_crad.html\" %}",
    );
    build(&site).assert_only_error(
        "templates/post.html:5:12",
        &[
            "`{% include %}` names `partials/post_crad.html`, which is not a template",
            "did you mean `partials/post_card.html`?",
        ],
    );
}

#[test]
fn extends_a_missing_template() {
    let site = site_with("\"base.html\"", "\"bse.html\"");
    build(&site).assert_only_error(
        "templates/post.html:1:12",
        &[
            "`{% extends %}` names `bse.html`",
            "did you mean `base.html`?",
        ],
    );
}

#[test]
fn block_the_parent_does_not_have() {
    let site = site_with("{% block main %}", "{% block mian %}");
    let site = {
        site.edit(POST_TPL, "{% endblock main %}", "{% endblock mian %}");
        site
    };
    build(&site).assert_only_error(
        "templates/post.html:2:10",
        &[
            "block `mian` is not in the template this one extends",
            "did you mean `{% block main %}`?",
        ],
    );
}

#[test]
fn undefined_field_and_variable() {
    let site = site_with("{{ post.title }}", "{{ post.titel }} {{ pots }}");
    let out = build(&site);
    // Tera stops a page at its first error: the field comes first.
    out.assert_only_error(
        "templates/post.html:3:13",
        &["`post.titel` is not defined", "did you mean `post.title`?"],
    );
    let site = site_with("{{ post.title }}", "{{ pots.title }}");
    build(&site).assert_only_error(
        "templates/post.html:3:8",
        &["`pots` is not defined", "did you mean `post`?"],
    );
}

#[test]
fn filter_error_at_render_time() {
    let site = site_with("{{ post.title }}", "{{ post.title | truncate(lenght=5) }}");
    build(&site).assert_only_error(
        "templates/post.html:3:21",
        &[
            "`truncate` needs the argument `length`",
            "truncate(length=…)",
        ],
    );
    let site = site_with("{{ post.title }}", "{{ post.title | round }}");
    build(&site).assert_only_error(
        "templates/post.html:3:8",
        &[
            "`post.title` is text here, where a number is wanted",
            "`| round` a number",
        ],
    );
    let site = site_with("{{ post.title }}", "{{ throw(message=\"Judul kosong\") }}");
    build(&site).assert_only_error(
        "templates/post.html:3:8",
        &[
            "template error in `throw(message=\"Judul kosong\")`: Judul kosong",
            "`throw(…)`",
        ],
    );
    let site = site_with("{{ post.title }}", "{{ post.title + 1 }}");
    build(&site).assert_only_error(
        "templates/post.html:3:8",
        &[
            "template error at `post.title + 1`",
            "numbers",
            "delete templates/post.html",
        ],
    );
}

#[test]
fn error_in_an_included_template_names_both() {
    let site = site_with(
        "{{ post.body | safe }}",
        "{% include \"partials/penulis.html\" %}",
    );
    site.write(
        "templates/partials/penulis.html",
        "<p>\n{{ post.penulis }}</p>\n",
    );
    let d = build(&site).assert_only_error(
        "templates/partials/penulis.html:2:9",
        &["`post.penulis` is not defined"],
    );
    assert!(d.contains("templates/post.html:5:"), "{d}");
    assert!(d.contains("included from here"), "{d}");
}

#[test]
fn every_broken_template_is_reported() {
    let site = site_with("{{ post.title }}", "{{ post.title }");
    site.write(
        "templates/story.html",
        "{% extends \"base.html\" %}\n{% block main %}{% for %}{% endblock %}\n",
    );
    let out = build(&site);
    out.assert_error("templates/post.html:3:19", &["template syntax error"]);
    out.assert_error("templates/story.html:2:", &["template syntax error"]);
    assert_eq!(out.error_count(), 2, "{out}");
}

#[test]
fn theme_templates_are_named_by_their_path() {
    let site = TestSite::minimal();
    let theme = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    for e in walkdir::WalkDir::new(&theme) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(&theme)
                .unwrap()
                .to_str()
                .unwrap()
                .replace('\\', "/");
            site.write(
                &format!("themes/default/{rel}"),
                std::fs::read(e.path()).unwrap(),
            );
        }
    }
    site.edit(
        "themes/default/templates/post.html",
        "{{ post.title }}",
        "{{ post.title | lowr }}",
    );
    let d = build(&site).assert_only_error(
        "themes/default/templates/post.html:",
        &["unknown filter `lowr`", "did you mean `lower`?"],
    );
    assert!(!d.contains("delete"), "no override to delete: {d}");
}

#[test]
fn rich_messages_show_the_template_line() {
    let site = site_with("{{ post.title }}", "{{ post.titel }}");
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("--root")
        .arg(site.root())
        .args(["--messages", "rich", "--lang", "en", "build", "--out"])
        .arg(site.path("public"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = strip_ansi(&String::from_utf8_lossy(&out.stderr));
    for want in [
        "error[variable-not-defined]: `post.titel` is not defined",
        "templates/post.html:3:13",
        "3 │ <h1>{{ post.titel }}</h1>",
        "help: did you mean `post.title`?",
    ] {
        assert!(text.contains(want), "no {want:?} in\n{text}");
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
