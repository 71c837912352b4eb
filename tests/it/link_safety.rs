//! Unsafe addresses in content (`javascript:`, `vbscript:`, `data:`… in any
//! disguise) are errors at their place in the Markdown file, through the
//! real binary; and no page or Atom feed warta writes holds a live unsafe
//! address (feeds have no CSP to fall back on).

use crate::html;
use crate::support;

use support::{Output, TestSite};

/// `warta build --out <site>/public`.
fn build(site: &TestSite) -> Output {
    site.run(&["build", "--out", site.path("public").to_str().unwrap()])
}

const POST: &str = "content/berita/tautan.md";

/// Line numbers matter: the body starts on line 6.
const UNSAFE_POST: &str = "\
---
title: Tautan
date: 2022-08-05
---

[a](javascript:alert(1))
[b](JaVaScRiPt:alert(1))
[c](vbscript:msgbox(1))
[d](data:text/html;base64,PHNjcmlwdD4=)
[e](<java\tscript:alert(1)>)
[f](&#106;avascript:alert(1))
[g](%6Aavascript:alert(1))
<javascript:alert(1)>
![h](javascript:alert(1))
[i][ref] [j](https://perpusnas.go.id/) [k](mailto:a@b.id) [l](tel:+6221) [m](#atas)

[ref]: javascript:alert(1)
";

#[test]
fn unsafe_links_are_errors_at_the_link() {
    let site = TestSite::minimal();
    site.write(POST, UNSAFE_POST);
    let out = build(&site);
    let expect = [
        ("6:5", "link `javascript:alert(1)`", "`javascript:`"),
        ("7:5", "link `JaVaScRiPt:alert(1)`", "`javascript:`"),
        ("8:5", "link `vbscript:msgbox(1)`", "`vbscript:`"),
        ("9:5", "link `data:text/html", "`data:`"),
        ("10:6", "link `java\\u{9}script:alert(1)`", "`javascript:`"),
        ("11:5", "link `javascript:alert(1)`", "`javascript:`"),
        ("12:5", "link `%6Aavascript:alert(1)`", "`%6aavascript:`"),
        ("13:2", "link `javascript:alert(1)`", "`javascript:`"),
        ("14:6", "image `javascript:alert(1)`", "`javascript:`"),
        // The reference link on line 15 is reported once, at its definition.
        ("17:8", "link `javascript:alert(1)`", "`javascript:`"),
    ];
    for (at, what, scheme) in expect {
        out.assert_error(
            &format!("{POST}:{at}"),
            &[
                "unsafe",
                what,
                scheme,
                "help: write a web address (`https://…`), `mailto:…`, `tel:…`",
            ],
        );
    }
    assert_eq!(out.error_count(), expect.len(), "{out}");
    assert!(
        !site.path("public").exists(),
        "a failed build writes nothing"
    );
}

#[test]
fn raw_html_is_checked_when_allowed() {
    let site = TestSite::minimal();
    site.edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\nallow_html: true\n",
    )
    .write(
        POST,
        "---\ntitle: Tautan\ndate: 2022-08-05\n---\n\n\
             <div>\n\
             <a href=\"javascript:alert(1)\">a</a>\n\
             <img src=\"foto.png\" onerror=\"alert(1)\" alt=\"\">\n\
             </div>\n\n\
             Teks <a href=\"&#106;avascript&colon;alert(1)\">b</a> dan <script>alert(1)</script>\n",
    );
    let out = build(&site);
    out.assert_error(
        &format!("{POST}:7:10"),
        &[
            "unsafe address in HTML `href=\"javascript:alert(1)\"`",
            "`javascript:`",
        ],
    );
    out.assert_error(
        &format!("{POST}:8:21"),
        &["`onerror` is not allowed", "run a script"],
    );
    out.assert_error(
        &format!("{POST}:11:15"),
        &["`href=\"&#106;avascript&colon;"],
    );
    out.assert_error(&format!("{POST}:11:57"), &["`<script>` is not allowed"]);
    assert_eq!(out.error_count(), 4, "{out}");
}

#[test]
fn heading_attributes_cannot_add_handlers() {
    let site = TestSite::minimal();
    site.write(
        POST,
        "---\ntitle: Tautan\ndate: 2022-08-05\n---\n\n## Jadwal {#jadwal onmouseover=alert(1)}\n",
    );
    let out = build(&site);
    out.assert_only_error(
        &format!("{POST}:6:20"),
        &["heading attribute `onmouseover` is not allowed", "{#jadwal"],
    );
}

/// What a browser would follow or run: every URL attribute of every tag,
/// with the scheme read as a browser reads it.
fn live_problems(html_text: &str, file: &str) -> Vec<String> {
    const URL_ATTRS: &[&str] = &[
        "href",
        "src",
        "action",
        "formaction",
        "data",
        "poster",
        "cite",
        "xlink:href",
    ];
    let mut bad = Vec::new();
    for tag in html::tags(html_text) {
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                bad.push(format!("{file}:{}: <{} {name}>", tag.line, tag.name));
            }
            let urls: Vec<&str> = if name == "srcset" {
                value
                    .split(',')
                    .filter_map(|i| i.split_whitespace().next())
                    .collect()
            } else if URL_ATTRS.contains(&name.as_str()) {
                vec![value.as_str()]
            } else {
                vec![]
            };
            for u in urls {
                let read: String = u
                    .trim_matches(|c: char| c <= ' ')
                    .chars()
                    .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                    .collect::<String>()
                    .to_ascii_lowercase();
                let scheme = read.split_once(':').map(|(s, _)| s).filter(|s| {
                    s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                });
                if let Some(s) = scheme {
                    if !["http", "https", "mailto", "tel"].contains(&s) {
                        bad.push(format!("{file}:{}: <{} {name}={u:?}>", tag.line, tag.name));
                    }
                }
            }
        }
        // JSON-LD is data, not a script.
        let data = tag.attr("type") == Some("application/ld+json");
        if tag.name == "script" && !data && !tag.text.trim().is_empty() {
            bad.push(format!("{file}:{}: inline <script>", tag.line));
        }
    }
    bad
}

#[test]
fn no_page_or_feed_holds_a_live_unsafe_address() {
    let site = TestSite::minimal();
    // Safe content that looks like the unsafe kind, with raw HTML allowed.
    site.edit(
        "data/site.yaml",
        "language: id\n",
        "language: id\nallow_html: true\n",
    )
    .write(
        POST,
        "---\ntitle: Tautan\ndate: 2022-08-05\nprovinces: [jawa-tengah]\n---\n\n\
             Teks `javascript:alert(1)` dan javascript:alert(1) sebagai teks.\n\n\
             [a](https://x.org/?u=javascript:alert(1)) [b](/cari/?q=data:x) [c](#atas)\n\
             [d](mailto:tpbis@perpusnas.go.id) [e](tel:+62-21-123) [f](../kisah/)\n\n\
             <a href=\"https://perpusnas.go.id/\" title=\"javascript:\">g</a>\n\n\
             ```\n[h](javascript:alert(1))\n```\n",
    );
    let out = build(&site);
    out.assert_ok();
    let mut checked = 0;
    let mut problems = Vec::new();
    for e in walkdir::WalkDir::new(site.path("public")) {
        let e = e.unwrap();
        let path = e.path();
        let rel = path
            .strip_prefix(site.path("public"))
            .unwrap()
            .display()
            .to_string();
        match path.extension().and_then(|x| x.to_str()) {
            Some("html") => {
                problems.extend(live_problems(&std::fs::read_to_string(path).unwrap(), &rel));
                checked += 1;
            }
            Some("xml") => {
                let text = std::fs::read_to_string(path).unwrap();
                let doc = roxmltree::Document::parse(&text).unwrap();
                // Atom's `type="html"` content is HTML, escaped once in XML.
                for node in doc.descendants().filter(|n| n.has_tag_name("content")) {
                    problems.extend(live_problems(node.text().unwrap_or(""), &rel));
                    checked += 1;
                }
            }
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let feed = site.read("public/atom.xml");
    assert!(
        feed.contains("href=&quot;https://x.org/?u=javascript:alert(1)&quot;"),
        "the safe links are in the feed:\n{feed}"
    );
    assert!(
        checked > 20,
        "only {checked} pages and feed entries checked"
    );
    // The checker finds what it should.
    assert_eq!(
        live_problems(
            "<a href=\"JaVa&#x09;Script:x\">a</a><img src=' data:x' onerror=y>",
            "t"
        )
        .len(),
        3
    );
}
