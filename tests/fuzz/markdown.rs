//! Markdown bodies: every block and inline construct pulldown-cmark knows
//! with the options warta turns on (tables, footnotes, strikethrough,
//! heading attributes, smart punctuation), links of every scheme, `@/`
//! content links right and wrong, images, raw HTML, deep nesting.
//! `FUZZX` marks script payloads: it must never reach a page as markup.

use super::records::Refs;
use super::rng::Rng;
use super::text::{self, Knobs};

const WORDS: &[&str] = &[
    "Perpustakaan",
    "desa",
    "belajar",
    "bersama",
    "—",
    "\"kutip\"",
    "'satu'",
    "...",
    "--",
    "a_b_c",
    "2*3*4",
    "x<y",
    "a&b",
    "{{ config.title }}",
    "{% include \"base.html\" %}",
    "{# komentar #}",
    "\\*",
    "\\",
    "|",
    "<",
    ">",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&#x110000;",
    "&nbsp;",
    "&tidakada;",
    "[",
    "]",
    "(",
    ")",
    "!",
    "^",
    "~",
    "`",
    "*",
    "_",
    "#",
    "@/",
    "FUZZX",
];

/// Link destinations of every scheme but script ones.
const SCHEMES: &[&str] = &[
    "https://uji.example.id/a?b=1&c=2#d",
    "http://x.id",
    "HTTPS://X.ID",
    "//evil.example/x",
    "mailto:perpus@desa.id",
    "tel:+62291",
    "data:image/png;base64,AAAA",
    "file:///etc/passwd",
    "ftp://x.id",
    "#bagian",
    "#",
    "",
    "foto.png",
    "../../data/site.yaml",
    "/berita/",
    "?q=1",
    "<https://x.id/a b>",
    "https://x.id/\"onmouseover=\"FUZZX()",
    "https://x.id/%22%3E%3Cscript%3EFUZZX()",
    "\u{202E}https://x.id",
    "https://例え.jp",
];

/// Destinations that run script when followed (only with `script_markup`).
const SCRIPT: &[&str] = &[
    "javascript:FUZZX()",
    "JaVaScRiPt:FUZZX()",
    " javascript:FUZZX()",
    "java&#x73;cript:FUZZX()",
    "javascript&#58;FUZZX()",
    "javascript&colon;FUZZX()",
    "java\\tscript:FUZZX()",
    "vbscript:FUZZX()",
    "data:text/html,<script>FUZZX()</script>",
    "\u{1}javascript:FUZZX()",
    "javascript\n:FUZZX()",
];

fn scheme(rng: &mut Rng, knobs: Knobs) -> &'static str {
    if knobs.script_markup && rng.one_in(3) {
        rng.pick_str(SCRIPT)
    } else {
        rng.pick_str(SCHEMES)
    }
}

/// What a body is made from: the base's names, the knobs, and whether
/// to keep clear of deliberate mistakes (broken links, missing images).
pub struct G<'a> {
    pub refs: &'a Refs,
    pub knobs: Knobs,
    pub clean: bool,
}

/// A whole body: a few blocks, some nested.
pub fn body(rng: &mut Rng, refs: &Refs, knobs: Knobs, clean: bool) -> String {
    let g = &G { refs, knobs, clean };
    let mut out = String::new();
    for _ in 0..rng.range(1, 8) {
        block(rng, g, 0, &mut out);
        out.push_str(if rng.one_in(5) { "\n" } else { "\n\n" });
    }
    if !clean && rng.one_in(4) {
        let mut frags = WORDS.to_vec();
        frags.extend([
            "\n- ",
            "\n> ",
            "\n```\n",
            "\n|a|b|\n|-|-|\n",
            "[^1]",
            "\n[^1]: x\n",
            "<div>",
            "](",
            "![",
        ]);
        text::mutate(rng, &mut out, knobs, &frags, 3);
    }
    out
}

fn block(rng: &mut Rng, g: &G, depth: usize, out: &mut String) {
    match rng.below(14) {
        0 => {
            let level = rng.range(1, 7);
            out.push_str(&"#".repeat(level));
            out.push(' ');
            inline(rng, g, out);
            if g.knobs.script_markup && rng.one_in(6) {
                out.push_str(rng.pick_str(&[
                    " {onclick=FUZZX()}",
                    " {#a onmouseover=FUZZX()}",
                    " {style=x onfocus=FUZZX() tabindex=1}",
                ]));
            } else if rng.one_in(3) {
                out.push_str(rng.pick_str(&[
                    " {#id-saya}",
                    " {#}",
                    " {.kelas #a}",
                    " {#tentang}",
                    " {#a b=c}",
                    " {data-x=1}",
                    " {#a .b c=\"d\"}",
                ]));
            }
        }
        1 => {
            inline(rng, g, out);
            out.push_str(rng.pick_str(&["\n===", "\n---", "\n="]));
        }
        2 | 3 if depth < 6 => {
            // Lists, nested by indentation.
            let ordered = rng.one_in(3);
            for i in 0..rng.range(1, 4) {
                out.push_str(&"  ".repeat(depth));
                out.push_str(&if ordered {
                    format!("{}. ", [1, i + 1, 999_999_999][rng.below(3)])
                } else {
                    rng.pick(&["- ", "* ", "+ ", "- [ ] ", "- [x] "])
                        .to_string()
                });
                inline(rng, g, out);
                out.push('\n');
                if rng.one_in(3) {
                    block(rng, g, depth + 1, out);
                    out.push('\n');
                }
            }
        }
        4 if depth < 6 => {
            let mut inner = String::new();
            block(rng, g, depth + 1, &mut inner);
            for line in inner.lines() {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
        }
        5 => {
            let fence = rng.pick(&["```", "~~~", "````"]);
            out.push_str(&format!(
                "{fence}{}\n",
                rng.pick(&["", "rust", "html", "<script>", "{{x}}", " a b "])
            ));
            inline(rng, g, out);
            if !rng.one_in(4) {
                out.push_str(&format!("\n{fence}"));
            }
        }
        6 => table(rng, g, out),
        7 => {
            out.push_str(rng.pick_str(&[
                "[^1]: ",
                "[^catatan]: ",
                "[^1]: lihat [^1] ",
                "[^]: ",
                "[^a b]: ",
            ]));
            inline(rng, g, out);
        }
        8 => out.push_str(rng.pick_str(&[
            "<div class=\"x\">\n\n*md*\n\n</div>",
            "<script>FUZZX()</script>",
            "<!-- tidak ditutup",
            "<![CDATA[ x ]]>",
            "<?php FUZZX(); ?>",
            "<style>body{}</style>",
            "<iframe src=\"javascript:FUZZX()\"></iframe>",
            "<img src=x onerror=FUZZX()>",
            "<svg onload=FUZZX()>",
            "<details open ontoggle=FUZZX()>",
            "<table><tr><td>",
            "<a href=\"javascript:FUZZX()\">x</a>",
            "</div></article></main>",
            "<textarea>",
            "<base href=\"//evil\">",
        ])),
        9 => {
            out.push_str(&format!("[ref]: {}", scheme(rng, g.knobs)));
            if rng.one_in(2) {
                out.push_str(" \"judul\"");
            }
        }
        10 => out.push_str(rng.pick_str(&[
            "---",
            "***",
            "    kode terindentasi",
            "\t\tkode",
            "|",
            "$$x$$",
            "\\",
        ])),
        11 if g.knobs.deep_nesting => {
            let n = *rng.pick(&[41usize, 500, 5_000, 50_000]);
            let unit = rng.pick(&[
                "> ", "- ", "1. ", "  - ", "[", "*", "![", "[^a]", "<div>", "**a ", "_",
            ]);
            out.push_str(&unit.repeat(n));
            out.push('x');
        }
        12 if g.knobs.huge_values => {
            let unit = rng.pick(&[
                "kata ", "*a ", "[a](b) ", "`", "<", "&amp;", "|a", "\n", "# x\n", "[^1]",
            ]);
            out.push_str(&unit.repeat(*rng.pick(&[20_000usize, 200_000])));
        }
        _ => {
            for _ in 0..rng.range(1, 3) {
                inline(rng, g, out);
                out.push_str(rng.pick_str(&[" ", "\n", "  \n", "\\\n"]));
            }
        }
    }
}

fn table(rng: &mut Rng, g: &G, out: &mut String) {
    let cols = rng.range(1, 5);
    let row = |rng: &mut Rng, out: &mut String, n: usize| {
        for _ in 0..n {
            out.push_str("| ");
            inline(rng, g, out);
            out.push(' ');
        }
        out.push_str("|\n");
    };
    row(rng, out, cols);
    for _ in 0..cols {
        out.push_str(rng.pick_str(&["|---", "|:--", "|:-:", "|--:", "|-"]));
    }
    out.push_str("|\n");
    for _ in 0..rng.range(0, 4) {
        let n = if rng.one_in(4) {
            rng.range(0, cols + 3)
        } else {
            cols
        };
        row(rng, out, n);
    }
}

fn inline(rng: &mut Rng, g: &G, out: &mut String) {
    for _ in 0..rng.range(1, 5) {
        match rng.below(12) {
            0..=3 => out.push_str(rng.pick_str(WORDS)),
            4 => out.push_str(&text::odd(rng, g.knobs)),
            5 => {
                let e = rng.pick(&["*", "**", "_", "__", "~~", "`", "***"]);
                out.push_str(&format!("{e}penting{e}"));
            }
            6 | 7 => {
                let dest = link_dest(rng, g);
                let title = rng.pick(&[
                    "",
                    " \"judul\"",
                    " 'judul'",
                    " (judul)",
                    " \"<script>FUZZX()</script>\"",
                    " \"a\"b\"",
                ]);
                out.push_str(&format!(
                    "[{}]({dest}{title})",
                    rng.pick(&[
                        "tautan",
                        "",
                        "[x]",
                        "`kode`",
                        "**tebal**",
                        "![g](/images/perpustakaan.png)"
                    ])
                ));
            }
            8 => {
                let dest = image_dest(rng, g);
                out.push_str(&format!(
                    "![{}]({dest}{})",
                    rng.pick(&[
                        "foto",
                        "",
                        "alt *tebal* [x](y)",
                        "\"><script>FUZZX()</script>",
                        "a\nb"
                    ]),
                    rng.pick(&["", " \"judul\"", " \"\u{202E}\""])
                ));
            }
            9 if g.knobs.script_markup && rng.one_in(3) => {
                out.push_str(&format!("<{}>", rng.pick_str(SCRIPT)))
            }
            9 => out.push_str(&format!(
                "<{}>",
                rng.pick_str(&[
                    "https://x.id",
                    "mailto:a@b.id",
                    "perpus@desa.id",
                    "@/tentang.md",
                    "span onclick=FUZZX()",
                    "a href=\"javascript:FUZZX()\"",
                    "img src=x onerror=FUZZX()",
                    "/a",
                    "script"
                ])
            )),
            10 => out.push_str(rng.pick_str(&[
                "[tautan][ref]",
                "[ref]",
                "[ref][]",
                "[^1]",
                "[^catatan]",
                "[^tidak-ada]",
                "[x][tidak-ada]",
            ])),
            _ => out.push_str(&text::odd(rng, g.knobs)),
        }
        out.push(' ');
    }
}

fn link_dest(rng: &mut Rng, g: &G) -> String {
    match rng.below(10) {
        0..=4 => {
            let page = if g.refs.pages.is_empty() {
                "tentang.md".to_string()
            } else {
                rng.pick(&g.refs.pages).clone()
            };
            match rng.below(8) {
                0 => format!("@/{page}#bagian"),
                1 if !g.clean => format!("@/{}", page.to_uppercase()),
                2 => format!("<@/{page}>"),
                3 if !g.clean => format!("@/{}", page.trim_end_matches(".md")),
                _ => format!("@/{page}"),
            }
        }
        5 if !g.clean => rng
            .pick_str(&[
                "@/",
                "@/../../etc/passwd",
                "@/berita/",
                "@/tidak-ada.md",
                "@/data/site.yaml",
                "@/berita/x.md?x=1",
                "@//tentang.md",
                "@/./tentang.md",
                "@/berita/../tentang.md",
                "@/tentang.md#",
                "@/\u{200B}tentang.md",
            ])
            .to_string(),
        _ => scheme(rng, g.knobs).to_string(),
    }
}

fn image_dest(rng: &mut Rng, g: &G) -> String {
    if !g.refs.images.is_empty() && (g.clean || rng.percent(60)) {
        return rng.pick(&g.refs.images).clone();
    }
    if g.knobs.script_markup && rng.one_in(4) {
        return rng.pick_str(SCRIPT).to_string();
    }
    rng.pick_str(&[
        "foto.png",
        "hilang.png",
        "https://x.id/a.png",
        "../../data/site.yaml",
        "/images/perpustakaan.png",
        "static/images/perpustakaan.png",
        "@/tentang.md",
        "data:image/png;base64,AAAA",
        "",
        "../foto.png",
        "foto.PNG",
        "a b.png",
        "<foto.png>",
        "/etc/passwd",
        "....//....//x.png",
    ])
    .to_string()
}
