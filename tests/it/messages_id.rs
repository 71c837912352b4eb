//! Officers read warta's messages in Indonesian: the common mistakes on
//! real sites in temp folders, run as an officer runs warta (no `--lang`:
//! the site's `language` decides), asserting the Indonesian words, the
//! place and the code; then English for `language: en` and `--lang en`,
//! with the same codes and places.

use crate::support;

use std::path::Path;
use support::*;

/// `warta --root SITE --messages plain ARGS…`, without `--lang`.
fn run_as_officer(root: &Path, args: &[&str]) -> Output {
    support::run_lang(root, None, args)
}

fn check(site: &TestSite) -> Output {
    run_as_officer(site.root(), &["check"])
}

/// The one diagnostic at `at`: its lines as printed.
#[track_caller]
fn only_at(out: &Output, at: &str) -> String {
    let found: Vec<String> = out
        .diagnostics()
        .into_iter()
        .filter(|d| d.starts_with(at))
        .collect();
    assert_eq!(found.len(), 1, "expected one diagnostic at {at}\n{out}");
    found[0].clone()
}

#[test]
fn unknown_field_names_the_field_and_suggests_the_contract_name() {
    let site = TestSite::minimal();
    site.edit(
        LIBS_JATENG,
        "  province: jawa-tengah\n  regency: Kabupaten Kudus",
        "  provinsi: jawa-tengah\n  regency: Kabupaten Kudus",
    );
    let out = check(&site);
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(
        only_at(&out, "data/libraries/jawa-tengah.yaml:4:3:"),
        "data/libraries/jawa-tengah.yaml:4:3: error[unknown-field]: kolom `provinsi` tidak dikenal\n  \
         saran: maksud Anda `province`?"
    );
    // The missing `province` is the same typo: not reported again.
    assert_eq!(out.error_count(), 1, "{out}");
    let summary = out.stderr.lines().last().unwrap_or("");
    assert!(
        summary.starts_with("warta check: 1 error, 0 peringatan di ")
            && summary.ends_with(" berkas; tidak ada yang diterbitkan"),
        "{out}"
    );
}

#[test]
fn a_bad_date_says_what_is_wrong_and_how_to_write_it() {
    let site = TestSite::minimal();
    site.edit(POST, "date: 2022-08-04", "date: 2022-13-04");
    let out = check(&site);
    assert_eq!(
        only_at(&out, &format!("{POST}:3:7:")),
        format!(
            "{POST}:3:7: error[invalid-date]: `date` tidak sah: `2022-13-04` berbulan 13; bulan dari 01 sampai 12\n  \
             saran: tulis tanggal sebagai `date: 2022-08-02` (tahun-bulan-tanggal)"
        )
    );
    site.edit(POST, "date: 2022-13-04", "date: 4 Agustus 2022");
    let d = only_at(&check(&site), &format!("{POST}:3:7:"));
    assert!(
        d.contains("error[invalid-date]: `date` tidak sah: `4 Agustus 2022` bukan tanggal berbentuk YYYY-MM-DD"),
        "{d}"
    );
}

#[test]
fn unknown_province_and_regency_suggest_the_nearest() {
    let site = TestSite::minimal();
    site.edit(
        LIBS_JATENG,
        "  province: jawa-tengah\n  regency: Kota Semarang",
        "  province: jawa-tengha\n  regency: Kota Semarang",
    );
    site.edit(
        LIBS_JATENG,
        "regency: Kabupaten Kudus",
        "regency: Kabupaten Kudsu",
    );
    let out = check(&site);
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(
        only_at(&out, "data/libraries/jawa-tengah.yaml:5:12:"),
        "data/libraries/jawa-tengah.yaml:5:12: error[unknown-regency]: kabupaten/kota `Kabupaten Kudsu` tidak dikenal di Jawa Tengah\n  \
         saran: maksud Anda `Kabupaten Kudus`?"
    );
    assert_eq!(
        only_at(&out, "data/libraries/jawa-tengah.yaml:11:13:"),
        "data/libraries/jawa-tengah.yaml:11:13: error[unknown-reference]: provinsi `jawa-tengha` tidak dikenal\n  \
         saran: maksud Anda `jawa-tengah`?"
    );
}

#[test]
fn an_ambiguous_regency_names_both_and_how_to_choose() {
    let site = TestSite::minimal();
    site.edit(LIBS_JATENG, "regency: Kota Semarang", "regency: Semarang");
    let out = check(&site);
    assert_eq!(
        only_at(&out, "data/libraries/jawa-tengah.yaml:12:12:"),
        "data/libraries/jawa-tengah.yaml:12:12: error[regency-ambiguous]: `Semarang` bisa berarti \
         `Kabupaten Semarang` (33.22) atau `Kota Semarang` (33.74)\n  \
         saran: tulis nama resminya dengan `Kabupaten` atau `Kota`, atau tulis kodenya"
    );
}

#[test]
fn missing_images_say_where_to_put_the_file() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "tags: [plm]",
        "tags: [plm]\nimage: foto-plm.jpg\nimage_alt: Peserta PLM",
    );
    site.edit(
        POST,
        "belajar bersama.",
        "belajar bersama.\n\n![Peserta](hilang.png)",
    );
    let out = check(&site);
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(
        only_at(&out, &format!("{POST}:11:8:")),
        format!(
            "{POST}:11:8: error[image-file-not-found]: gambar `foto-plm.jpg` tidak ditemukan\n  \
             saran: taruh berkas gambar di `content/berita/foto-plm.jpg`, atau perbaiki namanya"
        )
    );
    let body = only_at(&out, &format!("{POST}:17:1:"));
    assert!(
        body.contains(
            "error[image-not-found]: gambar `hilang.png` tidak ditemukan (dipakai oleh /berita/plm-jawa-tengah-2022-semarang/)"
        ) && body.contains("saran: taruh berkas gambar di `content/berita/hilang.png`, atau perbaiki namanya"),
        "{body}"
    );
}

#[test]
fn a_broken_internal_link_names_the_link_and_the_nearest_page() {
    let site = TestSite::minimal();
    site.edit(
        POST,
        "belajar bersama.",
        "belajar bersama. Lihat [kisah](@/kisah/dari-rajutan-ke-usaha-keluarg.md).",
    );
    let out = check(&site);
    let d = only_at(&out, &format!("{POST}:13:"));
    assert!(
        d.contains(
            "error[broken-link]: tautan internal `@/kisah/dari-rajutan-ke-usaha-keluarg.md` rusak: tidak ada halaman terbit dari berkas itu"
        ) && d.contains("saran: maksud Anda `@/kisah/dari-rajutan-ke-usaha-keluarga.md`?"),
        "{d}"
    );
}

#[test]
fn yaml_syntax_mistakes_are_explained_in_indonesian() {
    let site = TestSite::minimal();
    // A quote never closed.
    site.edit(
        LIBS_JATENG,
        "name: Perpustakaan Desa Loram Wetan",
        "name: \"Perpustakaan Desa Loram Wetan",
    );
    let out = check(&site);
    assert_eq!(out.code, 1, "{out}");
    let d = only_at(&out, "data/libraries/jawa-tengah.yaml:2:9:");
    assert!(
        d.contains("error[yaml-quote-not-closed]: tanda kutip `\"` di sini tidak pernah ditutup")
            && d.contains(
                "saran: tambahkan `\"` penutup di akhir nilai (tanda kutip selalu berpasangan)"
            ),
        "{d}"
    );
    // A tab in the indentation.
    site.write(
        LIBS_JATENG,
        LIBRARIES_JATENG.replacen("  name:", "\tname:", 1),
    );
    let d = only_at(&check(&site), "data/libraries/jawa-tengah.yaml:2:1:");
    assert!(
        d.contains("error[yaml-tab]: baris ini menjorok dengan tab")
            && d.contains("saran: menjoroklah dengan spasi saja: YAML tidak menerima tab"),
        "{d}"
    );
}

#[test]
fn build_says_the_same_as_check_and_sums_up_in_indonesian() {
    let site = TestSite::minimal();
    site.edit(POST, "date: 2022-08-04", "date: 2022-02-30");
    let check = check(&site);
    let build = run_as_officer(
        site.root(),
        &["build", "--out", &site.path("public").to_string_lossy()],
    );
    assert_eq!(build.code, 1, "{build}");
    assert_eq!(check.diagnostics(), build.diagnostics());
    assert!(
        check
            .stderr
            .contains("`2022-02-30` bukan hari yang ada: bulan itu tidak punya tanggal 30"),
        "{check}"
    );
    assert!(
        build
            .stderr
            .contains("warta build: 1 error; tidak ada yang ditulis, "),
        "{build}"
    );
    // And a good site sums up in Indonesian.
    site.edit(POST, "date: 2022-02-30", "date: 2022-08-04");
    let ok = run_as_officer(site.root(), &["check"]);
    ok.assert_ok();
    assert!(
        ok.stdout.starts_with(
            "warta check: baik, 0 peringatan: 3 provinsi, 6 kabupaten/kota, 3 perpustakaan"
        ),
        "{ok}"
    );
}

#[test]
fn english_for_language_en_and_for_lang_en_with_the_same_codes() {
    let site = TestSite::minimal();
    site.edit(
        LIBS_JATENG,
        "  province: jawa-tengah\n  regency: Kabupaten Kudus",
        "  provinsi: jawa-tengah\n  regency: Kabupaten Kudus",
    );
    let at = "data/libraries/jawa-tengah.yaml:4:3:";
    let english =
        "data/libraries/jawa-tengah.yaml:4:3: error[unknown-field]: unknown field `provinsi`\n  \
                   help: did you mean `province`?";

    // `--lang en` on an Indonesian site.
    let flag = run_as_officer(site.root(), &["--lang", "en", "check"]);
    assert_eq!(only_at(&flag, at), english);
    assert!(
        flag.stderr.contains("warta check: 1 error, 0 warnings in "),
        "{flag}"
    );

    // `language: en` in the site, no flag; `--lang id` turns it back.
    site.edit("data/site.yaml", "language: id", "language: en");
    let en_site = check(&site);
    assert_eq!(only_at(&en_site, at), english);
    let id_flag = run_as_officer(site.root(), &["--lang", "id", "check"]);
    assert!(
        only_at(&id_flag, at).contains("error[unknown-field]: kolom `provinsi` tidak dikenal"),
        "{id_flag}"
    );

    // Usage errors of commands follow the site too.
    let new = run_as_officer(site.root(), &["new", "berita", "\u{200b}"]);
    assert_eq!(new.code, 1, "{new}");
    assert!(
        new.stderr
            .starts_with("error[new-title-invisible]: the title holds"),
        "{new}"
    );
}

#[test]
fn a_broken_site_yaml_still_gets_indonesian_messages() {
    // The language cannot be read from a broken settings file: Indonesian,
    // the default, and the mistake is explained.
    let site = TestSite::minimal();
    site.write(
        "data/site.yaml",
        "title: \"Situs Uji\nbase_url: https://uji.example.id\n",
    );
    let out = check(&site);
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.stderr
            .contains("data/site.yaml:1:8: error[yaml-quote-not-closed]: tanda kutip"),
        "{out}"
    );
}

#[test]
fn import_problems_speak_indonesian_and_english_with_lang_en() {
    let site = TestSite::minimal();
    site.write(
        "libraries.csv",
        "Nama Perpustakaan,Provinsi,Kabupaten/Kota,Desa/Kelurahan\n\
         Perpustakaan Desa Maju,Jawa Tegah,Kudus,Maju\n\
         Perpustakaan Desa Jaya,Jawa Tengah,Semarang,Jaya\n",
    );
    let csv = site.path("libraries.csv");
    let args = ["import", "libraries", csv.to_str().unwrap(), "--dry-run"];
    let before = snapshot(&site.path("data"));
    let out = run_as_officer(site.root(), &args);
    assert_eq!(out.code, 1, "{out}");
    for want in [
        "libraries.csv:2:B: error: provinsi `Jawa Tegah` tidak dikenal\n  saran: maksud Anda `Jawa Tengah`?\n",
        "libraries.csv:3:C: error: `Semarang` bisa berarti `Kabupaten Semarang` atau `Kota Semarang`\n  \
         saran: tulis `Kabupaten …` atau `Kota …` (atau kodenya, misalnya `33.22`)\n",
        "warta import: 2 masalah di libraries.csv; tidak ada yang ditulis",
    ] {
        assert!(out.stderr.contains(want), "missing {want:?}\n{out}");
    }
    assert!(
        out.stdout
            .contains("2 baris: 0 ditambah, 0 diubah, 0 tetap"),
        "{out}"
    );
    assert!(
        !out.stderr.contains("unknown") && !out.stdout.contains(" rows"),
        "{out}"
    );

    let en: Vec<&str> = ["--lang", "en"].into_iter().chain(args).collect();
    let out = run_as_officer(site.root(), &en);
    assert_eq!(out.code, 1, "{out}");
    for want in [
        "libraries.csv:2:B: error: unknown province `Jawa Tegah`\n  help: did you mean `Jawa Tengah`?\n",
        "libraries.csv:3:C: error: `Semarang` could be `Kabupaten Semarang` or `Kota Semarang`\n  \
         help: write `Kabupaten …` or `Kota …` (or the code, e.g. `33.22`)\n",
    ] {
        assert!(out.stderr.contains(want), "missing {want:?}\n{out}");
    }
    assert!(
        out.stdout
            .contains("2 rows: 0 added, 0 updated, 0 unchanged"),
        "{out}"
    );
    assert_eq!(snapshot(&site.path("data")), before, "nothing is written");
}

#[test]
fn help_speaks_the_sites_language_and_english_with_lang_en() {
    let site = TestSite::minimal();
    let help = run_as_officer(site.root(), &["--help"]);
    assert_eq!(help.code, 0, "{help}");
    for words in [
        "Pembuat situs statis untuk program perpustakaan TPBIS",
        "Penggunaan: warta [OPTIONS] <COMMAND>",
        "Perintah:",
        "Bangun situs ke folder keluaran.",
        "Periksa situs dan laporkan setiap masalah",
        "Pilihan:",
        "Folder situs (berisi data/, content/, static/, themes/).",
        "Tampilkan bantuan",
        "Tampilkan versi",
    ] {
        assert!(help.stdout.contains(words), "{words}\n{help}");
    }
    for english in [
        "Usage",
        "Commands:",
        "Options:",
        "Print help",
        "Build the site",
    ] {
        assert!(!help.stdout.contains(english), "{english}\n{help}");
    }

    let build = run_as_officer(site.root(), &["build", "--help"]);
    assert_eq!(build.code, 0, "{build}");
    for words in [
        "Penggunaan: warta build [OPTIONS]",
        "Pilihan:",
        "Folder keluaran, diganti seluruhnya hanya jika pembangunan berhasil.",
        "Terbitkan juga draf.",
        // Global flags keep their Indonesian help in a subcommand.
        "Bahasa pesan warta",
        "[bawaan: public]",
        "[nilai: id, en]",
    ] {
        assert!(build.stdout.contains(words), "{words}\n{build}");
    }
    for english in ["[default:", "possible values", "Print help"] {
        assert!(!build.stdout.contains(english), "{english}\n{build}");
    }
    let new = run_as_officer(site.root(), &["new", "-h"]);
    assert!(new.stdout.contains("Argumen:"), "{new}");
    assert!(new.stdout.contains("Judulnya;"), "{new}");

    let en = run_as_officer(site.root(), &["--lang", "en", "--help"]);
    assert_eq!(en.code, 0, "{en}");
    for words in [
        "Static site generator for the TPBIS library programme",
        "Usage: warta [OPTIONS] <COMMAND>",
        "Commands:",
        "Build the site into the output folder.",
        "Options:",
        "Print help",
    ] {
        assert!(en.stdout.contains(words), "{words}\n{en}");
    }
    let version = run_as_officer(site.root(), &["--version"]);
    assert_eq!(version.code, 0, "{version}");
    assert!(version.stdout.starts_with("warta "), "{version}");
}

#[test]
fn usage_errors_speak_the_sites_language_and_exit_2() {
    let site = TestSite::minimal();
    let typo = run_as_officer(site.root(), &["bulid"]);
    assert_eq!(typo.code, 2, "{typo}");
    assert_eq!(
        typo.stderr,
        "error[cli-unknown-subcommand]: perintah `bulid` tidak dikenal\n  \
         saran: maksud Anda `build`?\n"
    );

    let no_value = run_as_officer(site.root(), &["build", "--out"]);
    assert_eq!(no_value.code, 2, "{no_value}");
    assert!(
        no_value
            .stderr
            .starts_with("error[cli-missing-value]: `--out <OUT>` memerlukan nilai\n"),
        "{no_value}"
    );
    assert!(
        no_value
            .stderr
            .contains("saran: untuk keterangan lebih lanjut, coba `warta build --help`"),
        "{no_value}"
    );

    let bad = run_as_officer(site.root(), &["new", "artikel", "Judul"]);
    assert_eq!(bad.code, 2, "{bad}");
    assert!(
        bad.stderr
            .contains("`artikel` bukan nilai yang sah untuk `<SECTION>`")
            && bad
                .stderr
                .contains("saran: nilai yang bisa dipakai: `berita`, `kisah`, `plm`, `halaman`"),
        "{bad}"
    );
    let flag = run_as_officer(site.root(), &["check", "--draft"]);
    assert_eq!(flag.code, 2, "{flag}");
    assert!(
        flag.stderr.contains("argumen `--draft` tidak dikenal")
            && flag.stderr.contains("saran: maksud Anda `--drafts`?"),
        "{flag}"
    );

    let url = run_as_officer(site.root(), &["build", "--base-url", "pratinjau"]);
    assert_eq!(url.code, 2, "{url}");
    assert!(
        url.stderr.starts_with(
            "error[cli-bad-value]: nilai `pratinjau` untuk `--base-url <URL>` salah: \
             `pratinjau` bukan alamat http(s)"
        ),
        "{url}"
    );

    let en = run_as_officer(site.root(), &["--lang", "en", "bulid"]);
    assert_eq!(en.code, 2, "{en}");
    assert_eq!(
        en.stderr,
        "error[cli-unknown-subcommand]: unknown command `bulid`\n  help: did you mean `build`?\n"
    );
}
