//! YAML through the real binary: hostile files are refused quickly with a
//! message that says the limit, and the mistakes officers make are
//! reported at the right place in plain words.
//!
//! Every case asserts the exit status, the `path:line:col` and the words;
//! none measures time (the limits are what keeps the runs short).

use crate::support;

use support::*;

/// Words of the YAML parser that must never reach an officer.
const JARGON: &[&str] = &[
    "mapping",
    "scalar",
    "context",
    "indicator",
    "repetition limit",
    "recursion limit",
    "not valid YAML",
    "YAML reader says",
    "u16",
];

#[track_caller]
fn assert_plain(d: &str) {
    for j in JARGON {
        assert!(!d.contains(j), "jargon {j:?} in:\n{d}");
    }
}

/// `rel:line:col` of the first `needle` in `text`, for texts too long to
/// count by hand.
fn place(rel: &str, text: &str, needle: &str) -> String {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rfind('\n').map_or(at, |n| at - n - 1) + 1;
    format!("{rel}:{line}:{col}")
}

/// A news post whose front matter holds `fields` after the usual ones.
fn post_with(fields: &str) -> String {
    format!(
        "---\ntitle: PLM Jawa Tengah 2022 di Semarang\ndate: 2022-08-04\n{fields}---\n\nTeks.\n"
    )
}

// ------------------------------------------------------------ hostile files

#[test]
fn billion_laughs_is_refused_at_the_copy_that_passes_the_limit() {
    let site = TestSite::minimal();
    let mut fields = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n".to_string();
    for i in 1..10 {
        let copies = vec![format!("*a{}", i - 1); 10].join(",");
        fields.push_str(&format!("a{i}: &a{i} [{copies}]\n"));
    }
    let text = post_with(&fields);
    site.write(POST, &text);
    // a4 holds 111,111 values: the second copy of it passes 300,000.
    let line = place(POST, &text, "a5:");
    let at = format!("{}:14", line.rsplit_once(':').unwrap().0);
    let d = site.check(&[]).assert_only_error(
        &at,
        &[
            "anchor `*a4` too often",
            "2 copies",
            "more than 300,000 values",
        ],
    );
    assert_plain(&d);
}

#[test]
fn many_copies_of_a_big_anchor_are_refused() {
    // The 115 KB file of the issue: every record a copy of one long text.
    // Before: 2.5 GB of memory and 500 MB of messages quoting the copies.
    let site = TestSite::minimal();
    let text = format!(
        "- id: a\n  name: &s {}\n{}",
        "x".repeat(5000),
        "- *s\n".repeat(28_000)
    );
    site.write(LIBS_JATENG, &text);
    // 2 MB of text, copies written out, is passed at the 419th copy.
    let out = site.check(&[]);
    let d = out.assert_only_error(
        &format!("{LIBS_JATENG}:421:3"),
        &[
            "anchor `*s` too often",
            "419 copies",
            "more than 2.0 MB of text",
        ],
    );
    assert_plain(&d);
    assert!(out.stderr.len() < 2_000, "{out}");
}

#[test]
fn front_matter_repeating_one_anchor_is_refused() {
    // The 145 KB front matter of the issue (16 s and 4.4 GB before).
    let site = TestSite::minimal();
    let copies = vec!["*s"; 36_000].join(", ");
    let text = post_with(&format!(
        "summary: &s {}\ntags: [{copies}]\n",
        "x".repeat(1000)
    ));
    site.write(POST, &text);
    let out = site.check(&[]);
    let d = out.assert_only_error(&format!("{POST}:5:"), &["anchor `*s` too often"]);
    assert_plain(&d);
}

#[test]
fn deep_nesting_is_refused() {
    let site = TestSite::minimal();
    let text = post_with(&format!(
        "tags: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    ));
    site.write(POST, &text);
    let d = site
        .check(&[])
        .assert_only_error(&format!("{POST}:4:"), &["nested deeper than 32 levels"]);
    assert_plain(&d);
    // Block lists nested line after line: the 33rd `-` is refused.
    let text: String = (0..200).map(|i| format!("{}-\n", "  ".repeat(i))).collect();
    let site = TestSite::minimal();
    site.write("data/reports/dalam.yaml", &text);
    site.check(&[]).assert_only_error(
        "data/reports/dalam.yaml:33:65",
        &["nested deeper than 32 levels"],
    );
}

#[test]
fn a_two_megabyte_value_is_refused() {
    let site = TestSite::minimal();
    site.write(
        POST,
        post_with(&format!("summary: {}\n", "x".repeat(2_000_000))),
    );
    let d = site.check(&[]).assert_only_error(
        &format!("{POST}:4:10"),
        &["this value is longer than 64 KB", "at most 64 KB"],
    );
    assert_plain(&d);
    // Just past the limit, the size is told.
    site.write(
        POST,
        post_with(&format!("summary: \"{}\"\n", "x".repeat(70_000))),
    );
    site.check(&[]).assert_only_error(
        &format!("{POST}:4:10"),
        &["this value is 69 KB long", "at most 64 KB"],
    );
}

#[test]
fn a_long_or_unclosed_inline_list_is_refused() {
    // Where the parser reads a whole inline list before its first item (it
    // might be a key): as a list item, or on a line of its own.
    let site = TestSite::minimal();
    let items = "a, ".repeat(200_000);
    site.write("data/reports/daftar.yaml", format!("- [{items}]\n"));
    site.check(&[]).assert_only_error(
        "data/reports/daftar.yaml:1:3",
        &["the list opened with `[` here is never closed, or is longer than 80 KB"],
    );
    site.remove("data/reports/daftar.yaml");
    site.write(POST, post_with(&format!("tags:\n  {{{items}}}\n")));
    site.check(&[]).assert_only_error(
        &format!("{POST}:5:3"),
        &["the record opened with `{` here is never closed, or is longer than 80 KB"],
    );
    // A `[` never closed in a big libraries file.
    let record =
        "- id: x\n  name: X\n  level: desa\n  province: jawa-tengah\n  regency: Kabupaten Kudus\n";
    let text = format!("{LIBRARIES_JATENG}  tags: [a, b\n{}", record.repeat(20_000));
    site.write(POST, POST_MD).write(LIBS_JATENG, &text);
    let d = site
        .check(&[])
        .assert_only_error(&format!("{LIBS_JATENG}:13:9"), &["`[`", "never closed"]);
    assert_plain(&d);
}

#[test]
fn a_flood_of_broken_records_stops_after_a_thousand() {
    let site = TestSite::minimal();
    let text = format!("{LIBRARIES_JATENG}{}", "- x\n".repeat(100_000));
    site.write(LIBS_JATENG, &text);
    let out = site.check(&[]);
    assert_eq!(out.code, 1, "{out}");
    let first = out.assert_error(
        &format!("{LIBS_JATENG}:1:1"),
        &[
            "more than 1000 problems",
            "stopped checking",
            "checking stopped here",
        ],
    );
    assert!(
        first.contains(&format!("{LIBS_JATENG}:1013:3: note")),
        "{first}"
    );
    out.assert_error(
        &format!("{LIBS_JATENG}:13:3"),
        &["expected a record of fields, found the text `x`"],
    );
    assert!(out.stderr.contains("… and 801 more"), "{out}");
    // 200 messages of about 200 bytes each, with their codes.
    assert!(out.stderr.len() < 45_000, "{} bytes", out.stderr.len());
}

#[test]
fn too_many_values_in_one_file_are_refused() {
    let site = TestSite::minimal();
    let lines = format!("{LIBRARIES_JATENG}- tags:\n{}", "  - a\n".repeat(300_000));
    site.write(LIBS_JATENG, &lines);
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATENG}:"),
        &["more than 300,000 values", "split it into several files"],
    );
    assert_plain(&d);
}

#[test]
fn long_values_are_shortened_in_messages() {
    let site = TestSite::minimal();
    let long = "dua ribu ".repeat(2000);
    site.write(
        LIBS_JATIM,
        format!(
            "{LIBRARIES_JATIM}  joined: {long}\n  {}: x\n",
            "k".repeat(500)
        ),
    );
    let out = site.check(&[]);
    for d in out.diagnostics() {
        for line in d.lines() {
            assert!(line.chars().count() < 600, "long line: {line}");
        }
    }
    out.assert_error(
        &format!("{LIBS_JATIM}:6:11"),
        &["found the text `dua ribu dua", "…`"],
    );
    out.assert_error(&format!("{LIBS_JATIM}:7:3"), &["unknown field `kkkk", "…`"]);
}

// ------------------------------------------------------ officers' mistakes

#[test]
fn a_field_written_twice_is_reported_at_the_second() {
    let site = TestSite::minimal();
    site.edit(
        LIBS_JATENG,
        "  level: desa\n",
        "  level: desa\n  name: Perpus Loram\n",
    );
    let out = site.check(&[]);
    let d = out.assert_only_error(
        &format!("{LIBS_JATENG}:4:3"),
        &[
            "field `name` is written twice in this record; keep one",
            &format!("{LIBS_JATENG}:2:3: note: first written here"),
        ],
    );
    assert_plain(&d);
    assert!(!d.contains("tab"), "{d}");
}

#[test]
fn tab_indentation_says_tabs() {
    let site = TestSite::minimal();
    site.edit(POST, "date: 2022-08-04", "\tdate: 2022-08-04");
    let d = site.check(&[]).assert_only_error(
        &format!("{POST}:3:1"),
        &["indented with a tab", "spaces only"],
    );
    assert_plain(&d);
}

#[test]
fn an_unclosed_quote_in_a_data_file() {
    let site = TestSite::minimal();
    site.edit(LIBS_JATIM, "  level: kota", "  level: \"kota");
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:3:10"),
        &["the quote `\"` here is never closed", "add a closing `\"`"],
    );
    assert_plain(&d);
    assert!(!d.contains("tab"), "{d}");
}

#[test]
fn a_missing_space_after_the_colon() {
    let site = TestSite::minimal();
    site.edit(LIBS_JATIM, "  level: kota", "  level:kota");
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:3:9"),
        &["a space is missing after `level:`", "`level: kota`"],
    );
    assert_plain(&d);
}

#[test]
fn indentation_less_than_the_fields_above() {
    let site = TestSite::minimal();
    site.edit(LIBS_JATIM, "  level: kota", " level: kota");
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:3:2"),
        &[
            "`level:` is indented by 1 space",
            "`name:` above it is indented by 2 spaces",
        ],
    );
    assert_plain(&d);
}

#[test]
fn a_field_of_a_record_at_the_left_margin() {
    let site = TestSite::minimal();
    site.edit(LIBS_JATIM, "  province: jawa-timur", "province: jawa-timur");
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:4:1"),
        &[
            "`province:` starts at the left margin",
            "start a new record with `- `",
        ],
    );
    assert_plain(&d);
}

#[test]
fn a_colon_inside_a_value() {
    let site = TestSite::minimal();
    site.edit(
        LIBS_JATIM,
        "  level: kota\n",
        "  level: kota\n  address: Jl. Merdeka: No. 1\n",
    );
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:4:23"),
        &["holds `: `", "`address: \"Jl. Merdeka: No. 1\"`"],
    );
    assert_plain(&d);
}

#[test]
fn signs_that_must_be_quoted_at_the_start_of_a_value() {
    for (value, sign) in [
        ("@perpusdes_loram", "@"),
        ("*penting* hari ini", "*"),
        ("& mitra", "&"),
        ("`kode`", "`"),
        ("%50 anggaran", "%"),
        ("| Judul", "|"),
        ("> Judul", ">"),
        ("- Judul", "-"),
        ("[Update] Judul", "["),
        ("{baru} Judul", "{"),
    ] {
        let site = TestSite::minimal();
        site.edit(
            POST,
            "title: PLM Jawa Tengah 2022 di Semarang",
            &format!("title: {value}"),
        );
        let out = site.check(&[]);
        let shown = if sign == "`" {
            "`` ` ``".to_string()
        } else {
            format!("`{sign}`")
        };
        let d = out.assert_only_error(
            &format!("{POST}:2:8"),
            &[
                &format!("text starting with {shown} must be in quotes"),
                &format!("`title: {}`", serde_json::to_string(value).unwrap()),
            ],
        );
        assert_plain(&d);
        assert!(!d.contains("tab"), "{d}");
    }
}

#[test]
fn an_anchor_or_tag_sign_taken_from_the_text_refuses_only_that_record() {
    // YAML would silently drop `&Co` and `!Penting` from the values.
    for (value, sign) in [
        ("&Co Perpustakaan Kota", "&"),
        ("!Penting Perpustakaan", "!"),
    ] {
        let site = TestSite::minimal();
        site.edit(
            LIBS_JATIM,
            "  name: Dinas Perpustakaan dan Kearsipan Kota Surabaya",
            &format!("  name: {value}"),
        );
        let d = site.check(&[]).assert_only_error(
            &format!("{LIBS_JATIM}:2:9"),
            &[
                &format!("text starting with `{sign}` must be in quotes"),
                &format!("`name: \"{value}\"`"),
            ],
        );
        assert_plain(&d);
    }
}

#[test]
fn text_after_a_closing_quote() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "title: PLM Jawa Tengah 2022 di Semarang",
        "title: 'Jum'at Berkah di Semarang'",
    );
    let d = site.check(&[]).assert_only_error(
        &format!("{POST}:2:13"),
        &[
            "the value goes on after its closing quote",
            "`title: \"Jum'at Berkah di Semarang\"`",
        ],
    );
    assert_plain(&d);
}

#[test]
fn a_backslash_in_double_quotes() {
    let site = TestSite::minimal();
    site.edit(
        LIBS_JATIM,
        "  level: kota\n",
        "  level: kota\n  address: \"Jl. Merdeka\\Timur\"\n",
    );
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:4:24"),
        &[
            "`\\T` cannot be written inside double quotes",
            "single quotes",
        ],
    );
    assert_plain(&d);
}

#[test]
fn a_line_without_a_colon() {
    let site = TestSite::minimal();
    site.edit(LIBS_JATIM, "  level: kota", "  level kota");
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:3:3"),
        &["this line has no `:` after a field name", "`name: value`"],
    );
    assert_plain(&d);
    // A name longer than YAML reads as one.
    site.edit(
        LIBS_JATIM,
        "  level kota",
        &format!("  {}: kota", "k".repeat(2000)),
    );
    site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:3:3"),
        &["this field name is 2000 characters long", "at most 1024"],
    );
}

#[test]
fn block_text_that_is_not_indented() {
    let site = TestSite::minimal();
    site.edit(
        LIBS_JATIM,
        "  level: kota\n",
        "  level: kota\n  summary: |\n  Perpustakaan kota.\n",
    );
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:5:3"),
        &[
            "the text below `summary:` is not indented",
            "indent every line of the text by 4 spaces",
        ],
    );
    assert_plain(&d);
}

#[test]
fn an_unclosed_inline_list_points_at_its_bracket() {
    let site = TestSite::minimal();
    site.edit(POST, "tags: [plm]", "tags: [plm, literasi");
    let d = site.check(&[]).assert_only_error(
        &format!("{POST}:10:7"),
        &[
            "the list opened with `[` here is never closed",
            "close it with `]`",
        ],
    );
    assert_plain(&d);
}

#[test]
fn a_second_document_in_a_data_file() {
    let site = TestSite::minimal();
    site.write(LIBS_JATIM, format!("{LIBRARIES_JATIM}---\n- id: lain\n"));
    let d = site.check(&[]).assert_only_error(
        &format!("{LIBS_JATIM}:6:1"),
        &["a second document starts here", "delete that line"],
    );
    assert_plain(&d);
}

#[test]
fn a_value_glued_to_its_name_in_a_one_line_file() {
    let site = TestSite::minimal();
    site.write("data/reports/satu.yaml", "- id:laporan\n");
    site.check(&[]).assert_only_error(
        "data/reports/satu.yaml:1:3",
        &[
            "found the text `id:laporan`",
            "a space is missing after `id:`",
            "`id: laporan`",
        ],
    );
}
