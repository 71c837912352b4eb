//! A site changes its theme without forking it: single UI strings in its own
//! `i18n/<language>.yaml` (key by key over the theme's, month names
//! included) and theme settings under `extra:` in data/site.yaml, read by
//! templates as `site.extra`. Unknown keys are errors at their place, the
//! same in `check` and `build`.

use crate::support;

use support::TestSite;

fn build(site: &TestSite) -> support::Output {
    let out = site.path("public");
    site.run(&["build", "--out", out.to_str().unwrap()])
}

#[test]
fn a_site_changes_single_strings_and_month_names() {
    let site = TestSite::minimal();
    site.write(
        "i18n/id.yaml",
        "# Kata-kata situs ini sendiri.\nskip_to_content: Lompat ke isi\nmonth_8: Agst.\n",
    );
    // Strings of the other language are not read for an Indonesian site.
    site.write("i18n/en.yaml", "no_such_key: x\n");
    build(&site).assert_ok();
    let post = site.read("public/berita/plm-jawa-tengah-2022-semarang/index.html");
    assert!(post.contains("Lompat ke isi"), "the site's string");
    assert!(!post.contains("Langsung ke isi"), "not the theme's");
    assert!(post.contains("4 Agst. 2022"), "the site's month name");
    // Every other string is still the theme's.
    assert!(post.contains("Menu utama"));
}

#[test]
fn an_unknown_string_is_an_error_with_a_suggestion() {
    let site = TestSite::minimal();
    site.write(
        "i18n/id.yaml",
        "skip_to_content: Lompat\nmain_manu: Menu\nbukan_kunci_apa_pun_sama_sekali: x\n",
    );
    for out in [site.check(&[]), build(&site)] {
        out.assert_error(
            "i18n/id.yaml:2:1",
            &[
                "unknown string `main_manu`",
                "theme `default`",
                "did you mean `main_menu`?",
            ],
        );
        out.assert_error(
            "i18n/id.yaml:3:1",
            &[
                "unknown string `bukan_kunci_apa_pun_sama_sekali`",
                "themes/default/i18n/id.yaml",
            ],
        );
        assert_eq!(out.error_count(), 2, "{}", out.stderr);
    }
    assert!(
        !site.path("public/index.html").exists(),
        "nothing published"
    );
    // A string that is not text is refused at its place too.
    site.write("i18n/id.yaml", "skip_to_content: [a, b]\n");
    site.check(&[]).assert_error("i18n/id.yaml:1:18", &[]);
}

#[test]
fn theme_settings_under_extra_reach_templates_escaped() {
    let site = TestSite::minimal();
    let yaml = site.read("data/site.yaml");
    site.write(
        "data/site.yaml",
        format!("{yaml}extra:\n  banner: \"Pendaftaran <b>dibuka</b>\"\n  warna: [merah, putih]\n  kolom: 3\n"),
    );
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}<p class=\"banner\">{{ site.extra.banner }}</p>\
         <p class=\"warna\">{{ site.extra.warna | join(sep=\"-\") }} {{ site.extra.kolom + 1 }}</p>\
         {{ content.body | safe }}{% endblock main %}\n",
    );
    build(&site).assert_ok();
    let page = site.read("public/tentang/index.html");
    assert!(
        page.contains("<p class=\"banner\">Pendaftaran &lt;b&gt;dibuka&lt;&#x2F;b&gt;</p>")
            || page.contains("<p class=\"banner\">Pendaftaran &lt;b&gt;dibuka&lt;/b&gt;</p>"),
        "escaped like every value: {}",
        page.lines().find(|l| l.contains("banner")).unwrap_or("")
    );
    assert!(page.contains("<p class=\"warna\">merah-putih 4</p>"));
    // A site without `extra:` builds as before; a template asking for a
    // setting it lacks is a template error, not an empty string.
    let plain = TestSite::minimal();
    plain.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}{{ site.extra.banner }}{% endblock main %}\n",
    );
    let out = build(&plain);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("templates/page.html:2:"),
        "{}",
        out.stderr
    );
}
