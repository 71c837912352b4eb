//! Rules on text as written, through the binary: length limits on every
//! kind of field, tags that must be slugs, invisible characters anywhere
//! (front matter, data, Markdown bodies), and `warta new` with titles that
//! used to break it.

use crate::support;

use support::*;

/// `n` characters of plain text.
fn chars(n: usize) -> String {
    "abcdefghij".repeat(n / 10 + 1)[..n].to_string()
}

/// A slug of exactly `n` characters.
fn slug(n: usize) -> String {
    let mut s = "perpustakaan-desa-".repeat(n / 18 + 1);
    s.truncate(n);
    s.replace_range(n - 1.., "x");
    s
}

/// Asserts every `(at, words)` error is there, and no other error.
#[track_caller]
fn assert_errors(out: &Output, expected: &[(&str, &[&str])]) {
    for (at, words) in expected {
        out.assert_error(at, words);
    }
    assert_eq!(out.error_count(), expected.len(), "{out}");
}

// ---- length limits -------------------------------------------------------

#[test]
fn every_text_field_of_a_library_has_a_limit() {
    let site = TestSite::minimal();
    let f = "data/libraries/aceh.yaml";
    site.write(
        f,
        format!(
            "- id: perpus-panjang\n\
             \x20 name: {name}\n\
             \x20 level: desa\n\
             \x20 province: aceh\n\
             \x20 regency: Kabupaten Aceh Selatan\n\
             \x20 address: {address}\n\
             \x20 phone: \"{phone}\"\n\
             \x20 email: {email}@contoh.id\n\
             \x20 website: https://contoh.id/{url}\n\
             \x20 social:\n\
             \x20   {network}: https://contoh.id\n\
             \x20 photo_alt: {alt}\n\
             \x20 summary: {summary}\n\
             \x20 aliases: [{alias}]\n\
             \x20 illustrative: true\n\
             \x20 kpi:\n\
             \x20   - period: {period}\n\
             \x20     category: tinggi\n",
            name = chars(151),
            address = chars(301),
            phone = "0".repeat(51),
            email = chars(245),
            url = chars(1990),
            network = chars(51),
            alt = chars(301),
            summary = chars(501),
            alias = slug(81),
            period = chars(151),
        ),
    );
    let out = site.check(&[]);
    assert_errors(
        &out,
        &[
            (
                &format!("{f}:2:9"),
                &[
                    "`name` is 151 characters long",
                    "a name can be at most 150",
                    "shorten it by 1 character",
                ],
            ),
            (
                &format!("{f}:6:12"),
                &[
                    "`address` is 301 characters long",
                    "an address can be at most 300",
                ],
            ),
            (
                &format!("{f}:7:10"),
                &[
                    "`phone` is 51 characters long",
                    "a phone number can be at most 50",
                ],
            ),
            (
                &format!("{f}:8:10"),
                &[
                    "`email` is 255 characters long",
                    "an e-mail address can be at most 254",
                ],
            ),
            (
                &format!("{f}:9:12"),
                &[
                    "`website` is 2008 characters long",
                    "an address can be at most 2000",
                ],
            ),
            (
                &format!("{f}:11:5"),
                &[
                    "`social` is 51 characters long",
                    "a network name can be at most 50",
                ],
            ),
            (
                &format!("{f}:12:14"),
                &[
                    "`photo_alt` is 301 characters long",
                    "an alt text can be at most 300",
                    "a sentence or two",
                ],
            ),
            (
                &format!("{f}:13:12"),
                &[
                    "`summary` is 501 characters long",
                    "a summary can be at most 500",
                ],
            ),
            (
                &format!("{f}:14:13"),
                &[
                    "`aliases` is 81 characters long",
                    "an id or file name can be at most 80",
                ],
            ),
            (
                &format!("{f}:17:15"),
                &[
                    "`period` is 151 characters long",
                    "a name can be at most 150",
                ],
            ),
        ],
    );
}

#[test]
fn every_kind_of_record_and_front_matter_has_limits() {
    let site = TestSite::minimal();
    site.write(
        "data/site.yaml",
        format!(
            "title: Situs Uji\nbase_url: https://uji.example.id\nlanguage: id\ndescription: {}\nmenu:\n  - name: {}\n    url: /\n",
            chars(501),
            chars(151)
        ),
    )
    .edit("data/awards.yaml", "  event: plm-jawa-tengah-2022\n", &format!("  event: plm-jawa-tengah-2022\n  note: {}\n", chars(1001)))
    .edit("data/reports/nasional.yaml", "  title: Jangkauan Program sampai 2022\n", &format!("  title: {}\n", chars(201)))
    .edit(POST, "title: PLM Jawa Tengah 2022 di Semarang\n", &format!("title: {}\n", chars(201)))
    .edit(STORY, "person: Ibu Siti\n", &format!("person: {}\nquote: {}\n", chars(151), chars(501)))
    .edit(EVENT, "venue: Hotel MG Setos Semarang\n", &format!("venue: {}\nfacilitators: [Budi, {}]\n", chars(151), chars(151)))
    .edit("content/tentang.md", "title: Tentang\n", &format!("title: {}\nsummary: {}\n", chars(201), chars(501)));
    let out = site.check(&[]);
    assert_errors(
        &out,
        &[
            (
                "data/site.yaml:4:14",
                &["`description` is 501 characters long", "at most 500"],
            ),
            (
                "data/site.yaml:6:11",
                &["`name` is 151 characters long", "at most 150"],
            ),
            (
                "data/awards.yaml:7:9",
                &[
                    "`note` is 1001 characters long",
                    "a note can be at most 1000",
                ],
            ),
            (
                "data/reports/nasional.yaml:2:10",
                &[
                    "`title` is 201 characters long",
                    "a title can be at most 200",
                    "say the rest in `summary`",
                ],
            ),
            (
                &format!("{POST}:2:8"),
                &[
                    "`title` is 201 characters long",
                    "a title can be at most 200",
                ],
            ),
            (
                &format!("{STORY}:4:9"),
                &["`person` is 151 characters long"],
            ),
            (
                &format!("{STORY}:5:8"),
                &["`quote` is 501 characters long", "at most 500"],
            ),
            (&format!("{EVENT}:6:8"), &["`venue` is 151 characters long"]),
            (
                &format!("{EVENT}:7:22"),
                &["`facilitators` is 151 characters long"],
            ),
            (
                "content/tentang.md:2:8",
                &["`title` is 201 characters long"],
            ),
            (
                "content/tentang.md:3:10",
                &["`summary` is 501 characters long"],
            ),
        ],
    );
}

#[test]
fn values_at_the_limit_pass() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "title: PLM Jawa Tengah 2022 di Semarang\n",
        &format!("title: {}\nsummary: {}\n", chars(200), chars(500)),
    )
    .edit(POST, "tags: [plm]", &format!("tags: [plm, {}]", slug(50)))
    .edit(
        LIBS_JATENG,
        "  joined: 2019\n",
        &format!("  joined: 2019\n  aliases: [{}]\n", slug(80)),
    );
    site.check(&[]).assert_ok();
}

#[test]
fn an_over_long_tag_is_refused_by_check_and_build() {
    // It used to pass `check` and fail `build` with the system's
    // "File name too long" when writing `tag/<slug>/index.html`.
    let site = TestSite::minimal();
    site.edit(POST, "tags: [plm]", &format!("tags: [plm, {}]", slug(300)));
    let words: &[&str] = &[
        "`tags` is 300 characters long",
        "a tag or theme can be at most 50",
        "a word or two",
    ];
    site.check(&[])
        .assert_only_error(&format!("{POST}:10:13"), words);
    let out = site.run(&["build", "--out", "public"]);
    out.assert_error(&format!("{POST}:10:13"), words);
    assert!(!out.stderr.contains("os error"), "{out}");
    assert!(!site.path("public").exists(), "nothing written");
}

#[test]
fn a_page_file_name_too_long_for_a_url_is_named() {
    let site = TestSite::minimal();
    for n in [121, 250] {
        let rel = format!("content/berita/{}.md", slug(n));
        site.write(&rel, POST_MD);
        site.check(&[]).assert_only_error(
            &format!("{rel}:2:1"),
            &[
                &format!("the file name is {n} characters long"),
                "the file name of a page can be at most 120",
                "rename the file to `perpustakaan-desa-perpustakaan-desa-perpustakaan-desa.md`",
            ],
        );
        site.remove(&rel);
    }
    // A page bundle's folder, and a name that is no slug either.
    let rel = format!("content/kisah/{}/index.md", slug(130));
    site.write(&rel, STORY_MD);
    site.check(&[]).assert_only_error(
        &format!("{rel}:2:1"),
        &[
            "the folder name is 130 characters long",
            "rename the folder",
        ],
    );
    site.remove(&rel);
    let rel = format!("content/berita/{}.md", "Judul Panjang ".repeat(10).trim());
    site.write(&rel, POST_MD);
    site.check(&[]).assert_only_error(
        &format!("{rel}:2:1"),
        &[
            "is not a valid URL slug",
            "rename the file to `judul-panjang-judul-panjang-judul-panjang-judul-panjang.md`",
        ],
    );
}

// ---- tags ----------------------------------------------------------------

#[test]
fn tags_and_themes_must_be_slugs() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "tags: [plm]",
        "tags: [plm, Perpustakaan Desa, \"#Literasi!\"]",
    )
    .edit(
        STORY,
        "themes: [keterampilan]",
        "themes: [Keterampilan Rajut]",
    );
    let out = site.check(&[]);
    assert_errors(
        &out,
        &[
            (
                &format!("{POST}:10:13"),
                &[
                    "the tag `Perpustakaan Desa` is not a slug",
                    "help: write `perpustakaan-desa`",
                ],
            ),
            (
                &format!("{POST}:10:32"),
                &[
                    "the tag `#Literasi!` is not a slug",
                    "help: write `literasi`",
                ],
            ),
            (
                &format!("{STORY}:6:10"),
                &[
                    "the theme `Keterampilan Rajut` is not a slug",
                    "help: write `keterampilan-rajut`",
                ],
            ),
        ],
    );
}

#[test]
fn a_tag_with_a_zero_width_space_is_one_error_where_the_character_is() {
    // Slugified silently, it made a second tag page that looked the same.
    let site = TestSite::minimal();
    site.edit(
        POST,
        "tags: [plm]",
        "tags: [plm, perpustakaan\u{200b}-desa]",
    );
    site.check(&[]).assert_only_error(
        &format!("{POST}:10:25"),
        &[
            "U+200B (zero-width space)",
            "remove the invisible character U+200B (zero-width space)",
        ],
    );
}

// ---- invisible characters ------------------------------------------------

#[test]
fn invisible_characters_anywhere_are_reported_each_where_it_stands() {
    let site = TestSite::minimal();
    let zw = '\u{200b}';
    let rlo = '\u{202e}';
    site.write(
        "data/site.yaml",
        format!("title: Situs Uji\nbase_url: https://uji.example.id\ndescription: Situs{zw} uji\n"),
    )
    .edit("data/provinces.yaml", "name: Aceh\n", &format!("name: Ac{rlo}eh\n"))
    .edit(
        LIBS_JATENG,
        "  joined: 2019\n",
        &format!(
            "  joined: 2019\n  address: Jl. Raya{zw} 1\n  illustrative: true\n  kpi:\n    - period: 2024{zw}\n      category: tinggi\n  social:\n    face{zw}book: https://contoh.id\n"
        ),
    )
    .edit("data/awards.yaml", "  rank: 1\n", "  rank: 1\n  note: \"Juara\u{2066} 1\"\n")
    .edit(POST, "title: PLM Jawa Tengah 2022 di Semarang\n", &format!("title: PLM{zw} Jawa Tengah\nauthor: Tim\u{00ad}Humas\n"))
    .edit(POST, "belajar bersama.", &format!("belajar{zw} bersama.\n\nKalimat {rlo}kedua\u{202c} dan ketiga{zw}{zw}{zw}."))
    .edit(STORY, "person: Ibu Siti\n", &format!("person: Ibu{zw} Siti\nquote: \"Saya{rlo} bisa\"\n"))
    .edit(EVENT, "venue: Hotel MG Setos Semarang\n", &format!("venue: Hotel{zw} MG\n"))
    .edit("content/tentang.md", "title: Tentang\n", &format!("title: Tentang{zw}\n"));
    let out = site.check(&[]);
    let zws = "U+200B (zero-width space)";
    assert_errors(
        &out,
        &[
            (
                "data/site.yaml:3:19",
                &[zws, "an invisible character is hidden here"],
            ),
            (
                "data/provinces.yaml:3:11",
                &["U+202E (right-to-left override)", "changes the order"],
            ),
            (&format!("{LIBS_JATENG}:7:20"), &[zws]),
            (&format!("{LIBS_JATENG}:10:19"), &[zws]),
            (&format!("{LIBS_JATENG}:13:9"), &[zws]),
            ("data/awards.yaml:5:15", &["U+2066 (left-to-right isolate)"]),
            (&format!("{POST}:2:11"), &[zws]),
            (&format!("{POST}:3:12"), &["U+00AD (soft hyphen)"]),
            (&format!("{POST}:14:35"), &[zws]),
            (
                &format!("{POST}:16:9"),
                &["U+202E (right-to-left override)"],
            ),
            (
                &format!("{POST}:16:15"),
                &["U+202C (pop directional formatting)"],
            ),
            (
                &format!("{POST}:16:27"),
                &[
                    "3 invisible characters are hidden here",
                    zws,
                    "remove these 3 invisible characters",
                ],
            ),
            (&format!("{STORY}:4:12"), &[zws]),
            (&format!("{STORY}:5:13"), &["U+202E"]),
            (&format!("{EVENT}:6:13"), &[zws]),
            ("content/tentang.md:2:15", &[zws, "type it again"]),
        ],
    );
}

#[test]
fn escaped_invisible_characters_are_reported_at_the_escape() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "title: PLM Jawa Tengah 2022 di Semarang\n",
        "title: \"PLM\\u200B Jawa \\\\u200b\"\n",
    )
    .edit(POST, "belajar bersama.", "belajar&#8203; bersama&shy;.");
    let out = site.check(&[]);
    assert_errors(
        &out,
        &[
            (
                &format!("{POST}:2:12"),
                &[
                    "`\\u200B` writes an invisible character: U+200B (zero-width space)",
                    "remove `\\u200B`",
                ],
            ),
            (
                &format!("{POST}:13:35"),
                &["`&#8203;` writes an invisible character"],
            ),
            (
                &format!("{POST}:13:50"),
                &["`&shy;` writes an invisible character: U+00AD (soft hyphen)"],
            ),
        ],
    );
}

#[test]
fn emoji_and_scripts_keep_the_joiners_they_need() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "title: PLM Jawa Tengah 2022 di Semarang\n",
        "title: \"PLM 👩\u{200d}💻 ❤\u{fe0f} \u{0915}\u{094d}\u{200c}\u{0937}\"\n",
    )
    .edit(
        POST,
        "belajar bersama.",
        "belajar bersama 👨\u{200d}👩\u{200d}👧.\tSelesai.",
    );
    site.check(&[]).assert_ok();
}

// ---- warta new ---------------------------------------------------------------

#[test]
fn new_with_a_very_long_title_makes_a_readable_file_name() {
    let site = TestSite::minimal();
    let title = "Perpustakaan Desa Loram Wetan Gelar Pelatihan ".repeat(12);
    let out = site.run(&["new", "berita", &title]);
    out.assert_ok();
    let rel = "content/berita/perpustakaan-desa-loram-wetan-gelar-pelatihan-perpustakaan.md";
    assert!(out.stdout.contains(&format!("created {rel}")), "{out}");
    assert!(
        out.stderr
            .contains("warning[new-title-too-long]: the title is 551 characters long; a title can be at most 200")
            && out
                .stderr
                .contains(&format!("help: shorten it in {rel} by 351 characters")),
        "{out}"
    );
    // The title is kept whole for the officer to shorten; check says where.
    site.check(&["--drafts"])
        .assert_only_error(&format!("{rel}:2:8"), &["`title` is 551 characters long"]);
}

#[test]
fn new_refuses_in_plain_words() {
    let site = TestSite::minimal();
    let out = site.run(&["new", "berita", "Judul\u{200b} Baru"]);
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.stderr.contains("error[new-title-invisible]: the title holds an invisible character, U+200B (zero-width space) (character 6 of the title)")
            && out.stderr.contains("help: remove the invisible character U+200B"),
        "{out}"
    );
    assert!(!site.path("content/berita/judul-baru.md").exists());

    // The event's folder replaced by a file of the same name.
    site.remove(EVENT);
    std::fs::remove_dir(site.path("content/plm")).unwrap();
    site.write("content/plm", "not a folder");
    let out = site.run(&["new", "plm", "PLM Baru"]);
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.stderr
            .contains("error[new-file-in-the-way]: content/plm is a file, where warta keeps the folder content/plm/")
            && out.stderr.contains("help: rename or move content/plm away"),
        "{out}"
    );
    assert!(!out.stderr.contains("os error"), "{out}");
}
