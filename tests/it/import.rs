//! `warta import libraries` and `warta export libraries` end to end, with
//! the real binary on sites in temp folders: both CSV encodings and
//! separators, an XLSX made by rust_xlsxwriter, messy names, unmatched
//! names, re-imports, malformed files, round trips, and `warta check`.

use crate::support;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_warta");
const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// A minimal valid site: the repo's settings and official lists, one page.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("data/libraries")).unwrap();
    fs::create_dir_all(root.join("content")).unwrap();
    for f in ["site.yaml", "provinces.yaml", "regencies.yaml"] {
        fs::copy(
            Path::new(REPO).join("data").join(f),
            root.join("data").join(f),
        )
        .unwrap();
    }
    fs::write(
        root.join("content/tentang.md"),
        "---\ntitle: Tentang\n---\nTentang situs ini.\n",
    )
    .unwrap();
    dir
}

fn warta(root: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        // English: these tests assert the English wording (see messages_id.rs).
        .args(["--messages", "plain", "--lang", "en", "--root"])
        .arg(root)
        .args(args)
        .output()
        .expect("run warta")
}

fn import(root: &Path, file: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["import", "libraries", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    warta(root, &args)
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[track_caller]
fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "failed ({:?}):\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        out(o),
        err(o)
    );
}

#[track_caller]
fn check_passes(root: &Path) {
    let o = warta(root, &["check"]);
    assert!(o.status.success(), "warta check failed:\n{}", err(&o));
}

/// Every file under `data/`: path → bytes.
/// Every file under the site's `data/`.
fn data_files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    support::snapshot(&root.join("data"))
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const HEADER: &str = "No,Nama Perpustakaan,Jenis,Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan,Tahun Bergabung,No. HP,Email";

fn messy_csv() -> String {
    [
        HEADER,
        "1,Perpustakaan Desa Sumber Ilmu,Perpustakaan Desa,Jawa Tengah,Kab. Kudus,Jati,Loram Wetan,2019,0812345678,perpus@example.id",
        "2,Perpustakaan Desa Cahaya,Desa,JAWA TENGAH,KUDUS,Gebog,Besito,2020,,",
        "3,Perpustakaan Kelurahan Maju,Kelurahan,jawa-tengah,Kabupaten Kudus,Kota Kudus,Panjunan,2021,,",
        "4,Perpustakaan Daerah Tanjungpinang,Kota,Kepri,Tanjungpinang,,,2018,,",
        "5,Perpustakaan Kampung Baca,Desa,Prov. Kepulauan Riau,Tanjung Pinang,,Senggarang,,,",
        "6,Perpustakaan Desa Maju Jaya,Perpustakaan Desa,Jatim,Kab. Lamongan,,Sugio,2022,,",
    ]
    .join("\n")
        + "\n"
}

#[test]
fn utf8_comma_csv_with_messy_names_imports_and_passes_check() {
    let dir = site();
    let root = dir.path();
    let csv = root.join("libraries.csv");
    fs::write(&csv, messy_csv()).unwrap();
    let o = import(root, &csv, &[]);
    ok(&o);
    assert!(
        out(&o).contains("6 rows: 6 added, 0 updated, 0 unchanged"),
        "{}",
        out(&o)
    );
    let jt = read(root, "data/libraries/jawa-tengah.yaml");
    assert!(
        jt.starts_with("# Perpustakaan mitra TPBIS di Provinsi Jawa Tengah.\n\n- id: "),
        "{jt}"
    );
    assert!(jt.contains("- id: perpusdes-sumber-ilmu-loram-wetan\n  name: Perpustakaan Desa Sumber Ilmu\n  level: desa\n  province: jawa-tengah\n  regency: Kabupaten Kudus\n  district: Jati\n  village: Loram Wetan\n  joined: 2019\n  phone: \"0812345678\"\n  email: perpus@example.id\n"), "{jt}");
    assert_eq!(jt.matches("regency: Kabupaten Kudus").count(), 3, "{jt}");
    // Sorted by id.
    let ids: Vec<&str> = jt
        .lines()
        .filter_map(|l| l.strip_prefix("- id: "))
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let kr = read(root, "data/libraries/kepulauan-riau.yaml");
    assert_eq!(
        kr.matches("regency: Kota Tanjung Pinang").count(),
        2,
        "{kr}"
    );
    assert!(read(root, "data/libraries/jawa-timur.yaml").contains("regency: Kabupaten Lamongan"));
    check_passes(root);

    // The same sheet again changes nothing, byte for byte.
    let before = data_files(root);
    let o = import(root, &csv, &[]);
    ok(&o);
    assert!(
        out(&o).contains("0 added, 0 updated, 6 unchanged"),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("nothing to change"), "{}", out(&o));
    assert_eq!(data_files(root), before);
}

#[test]
fn windows_1252_semicolon_csv_with_decimal_commas() {
    let dir = site();
    let root = dir.path();
    let mut bytes: Vec<u8> = Vec::new();
    bytes.extend_from_slice(b"Nama Perpustakaan;Jenis;Provinsi;Kabupaten/Kota;Desa/Kelurahan;Alamat;Latitude;Longitude\r\n");
    // 0xE9 is "é" in Windows-1252; the address holds a `;` in quotes.
    bytes.extend_from_slice(b"Perpustakaan D\xE9sa Pelita;Desa;Jawa Tengah;Kab. Jepara;Mulyoharjo;\"Jl. Pemuda 5; RT 02\";-6,59;110,67\r\n");
    let csv = root.join("mitra.csv");
    fs::write(&csv, bytes).unwrap();
    let o = import(root, &csv, &[]);
    ok(&o);
    assert!(
        out(&o).contains("`;`-separated Windows-1252"),
        "{}",
        out(&o)
    );
    let jt = read(root, "data/libraries/jawa-tengah.yaml");
    assert!(
        jt.contains("- id: perpusdes-pelita-mulyoharjo\n  name: Perpustakaan Désa Pelita\n"),
        "{jt}"
    );
    assert!(
        jt.contains("  address: \"Jl. Pemuda 5; RT 02\"\n")
            || jt.contains("  address: Jl. Pemuda 5; RT 02\n"),
        "{jt}"
    );
    assert!(
        jt.contains("  location:\n    lat: -6.59\n    lon: 110.67\n"),
        "{jt}"
    );
    check_passes(root);
}

/// Name, level, province, regency, village, year, phone, KPI category.
type XlsxRow<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    f64,
    f64,
    &'a str,
);

/// A workbook as offices send them: a notes sheet first, then the data
/// sheet with a title row, headers on row 3, numbers as numbers.
fn write_xlsx(path: &Path, blitar: &str) {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Catatan")
        .unwrap()
        .write_string(0, 0, "Lembar ini bukan data")
        .unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Data Mitra").unwrap();
    ws.write_string(0, 0, "DAFTAR PERPUSTAKAAN MITRA TPBIS 2024")
        .unwrap();
    let headers = [
        "No.",
        "Nama Perpustakaan",
        "Tingkat",
        "Provinsi",
        "Kab/Kota",
        "Desa/Kelurahan",
        "Tahun Bergabung",
        "Telepon",
        "Kategori KPI",
        "Periode KPI",
    ];
    for (j, h) in headers.iter().enumerate() {
        ws.write_string(2, j as u16, *h).unwrap();
    }
    let rows: [XlsxRow; 2] = [
        (
            "Perpustakaan Desa Tunas",
            "Perpustakaan Desa",
            "Jawa Timur",
            "KAB. LUMAJANG",
            "Labruk Kidul",
            2019.0,
            81234567890.0,
            "Tinggi/Hijau",
        ),
        (
            "Perpustakaan Kelurahan Mawar",
            "Kelurahan",
            "jawa-timur",
            blitar,
            "Klemunan",
            2020.0,
            3421234.0,
            "Kuning",
        ),
    ];
    for (i, (name, level, prov, reg, village, year, phone, kpi)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_string(r, 2, *level).unwrap();
        ws.write_string(r, 3, *prov).unwrap();
        ws.write_string(r, 4, *reg).unwrap();
        ws.write_string(r, 5, *village).unwrap();
        ws.write_number(r, 6, *year).unwrap();
        ws.write_number(r, 7, *phone).unwrap();
        ws.write_string(r, 8, *kpi).unwrap();
        ws.write_number(r, 9, 2024.0).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn xlsx_with_a_title_row_on_a_named_sheet() {
    let dir = site();
    let root = dir.path();
    let xlsx = root.join("mitra.xlsx");
    write_xlsx(&xlsx, "Blitar");
    // The first sheet holds no table.
    let o = import(root, &xlsx, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("no header row found"), "{}", err(&o));
    let o = import(root, &xlsx, &["--sheet", "Data Mitr"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("has no sheet named `Data Mitr`"),
        "{}",
        err(&o)
    );
    assert!(
        err(&o).contains("did you mean `--sheet \"Data Mitra\"`?"),
        "{}",
        err(&o)
    );

    // "Blitar" is both a kabupaten and a kota in Jawa Timur: never guessed.
    let o = import(root, &xlsx, &["--sheet", "data mitra"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        err(&o).contains(
            "mitra.xlsx:5:E: error: `Blitar` could be `Kabupaten Blitar` or `Kota Blitar`"
        ),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("nothing was written"), "{}", err(&o));
    assert!(!root.join("data/libraries/jawa-timur.yaml").exists());

    write_xlsx(&xlsx, "Kota Blitar");
    let o = import(root, &xlsx, &["--sheet", "Data Mitra"]);
    ok(&o);
    // A phone number stored as a number lost its 0 in Excel: put back, and said.
    assert!(
        err(&o).contains("mitra.xlsx:4:H: warning: the phone number was stored as a number; written as `081234567890`"),
        "{}",
        err(&o)
    );
    let jt = read(root, "data/libraries/jawa-timur.yaml");
    assert!(jt.contains("  regency: Kabupaten Lumajang\n"), "{jt}");
    assert!(jt.contains("  regency: Kota Blitar\n"), "{jt}");
    assert!(
        jt.contains("  joined: 2019\n  phone: \"081234567890\"\n"),
        "{jt}"
    );
    assert!(
        jt.contains("  kpi:\n    - period: \"2024\"\n      category: tinggi\n"),
        "{jt}"
    );
    assert!(jt.contains("  level: kelurahan\n"), "{jt}");
    check_passes(root);
}

/// The repo's own libraries, with their comments, hand-written fields, KPI
/// history, codes as regencies and illustrative examples.
fn site_with_repo_libraries() -> tempfile::TempDir {
    let dir = site();
    for e in fs::read_dir(Path::new(REPO).join("data/libraries")).unwrap() {
        let p = e.unwrap().path();
        fs::copy(
            &p,
            dir.path()
                .join("data/libraries")
                .join(p.file_name().unwrap()),
        )
        .unwrap();
    }
    // The example library's photo.
    let images = Path::new(REPO).join("static/images/perpustakaan");
    fs::create_dir_all(dir.path().join("static/images/perpustakaan")).unwrap();
    for e in fs::read_dir(images).unwrap() {
        let p = e.unwrap().path();
        fs::copy(
            &p,
            dir.path()
                .join("static/images/perpustakaan")
                .join(p.file_name().unwrap()),
        )
        .unwrap();
    }
    dir
}

#[test]
fn export_then_import_changes_nothing() {
    for format in ["csv", "xlsx"] {
        let dir = site_with_repo_libraries();
        let root = dir.path();
        let before = data_files(root);
        let file = root.join(format!("export.{format}"));
        let o = warta(
            root,
            &[
                "export",
                "libraries",
                "--format",
                format,
                "--out",
                file.to_str().unwrap(),
            ],
        );
        ok(&o);
        assert!(err(&o).contains("illustrative example"), "{}", err(&o));
        let o = import(root, &file, &[]);
        ok(&o);
        assert!(
            out(&o).contains(" 0 added, 0 updated, "),
            "{format}: {}",
            out(&o)
        );
        assert!(
            out(&o).contains("nothing to change"),
            "{format}: {}",
            out(&o)
        );
        assert_eq!(data_files(root), before, "{format}");
    }
}

#[test]
fn exported_csv_has_the_indonesian_headers() {
    let dir = site_with_repo_libraries();
    let root = dir.path();
    let o = warta(root, &["export", "libraries", "--out", "-"]);
    ok(&o);
    let text = out(&o);
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert!(first.starts_with("ID,Nama Perpustakaan,Jenis,Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan,Tahun Bergabung,"), "{first}");
    assert!(text.contains("perpusdes-tigarun,Perpustakaan Desa Tigarun,Desa,Kalimantan Selatan,Kabupaten Hulu Sungai Utara,"), "{text}");
}

#[test]
fn unmatched_names_are_reported_with_row_column_and_suggestions_and_nothing_is_written() {
    let dir = site_with_repo_libraries();
    let root = dir.path();
    let before = data_files(root);
    let csv = root.join("libraries.csv");
    let text = [
        "Nama Perpustakaan,Provinsi,Kabupaten/Kota,Jenis",
        "Perpustakaan Desa A,Jawa Tengah,Kab. Kudus,Desa",
        "Perpustakaan Desa B,Jawa Tengah,Kab. Kudsu,Desa",
        "Perpustakaan Desa C,Jawa Tenga,Kudus,Desa",
        "Perpustakaan Desa D,Jawa Tengah,Atlantis,Desa",
        "Perpustakaan Desa E,Jawa Tengah,Kota Batam,Sekolah",
    ]
    .join("\n");
    fs::write(&csv, text).unwrap();
    let o = import(root, &csv, &[]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    for want in [
        "libraries.csv:3:C: error: unknown regency or city `Kab. Kudsu` in Jawa Tengah\n  help: did you mean `Kabupaten Kudus`?\n",
        "libraries.csv:4:B: error: unknown province `Jawa Tenga`\n  help: did you mean `Jawa Tengah`?\n",
        "libraries.csv:5:C: error: unknown regency or city `Atlantis` in Jawa Tengah\n  help: write the official name of a regency or city in Jawa Tengah, e.g. `Kabupaten Cilacap`\n",
        "libraries.csv:6:C: error: Kota Batam is in province Kepulauan Riau, not in Jawa Tengah\n",
        "libraries.csv:6:D: error: unknown library level `Sekolah`\n",
        "warta import: 5 problems in libraries.csv; nothing was written\n",
    ] {
        assert!(e.contains(want), "missing {want:?} in:\n{e}");
    }
    assert_eq!(data_files(root), before);
    // The dry run shows the same problems, and the good row.
    let o = import(root, &csv, &["--dry-run"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).contains(
            "+ perpusdes-a  Perpustakaan Desa A (row 2, data/libraries/jawa-tengah.yaml)"
        ),
        "{}",
        out(&o)
    );
    assert!(err(&o).contains("libraries.csv:3:C: error"), "{}", err(&o));
    assert_eq!(data_files(root), before);
}

#[test]
fn reimport_keeps_ids_comments_and_hand_added_fields() {
    let dir = site_with_repo_libraries();
    let root = dir.path();
    let csv = root.join("jatim.csv");
    // Existing libraries by name and place (no ID column), one by ID, one new.
    let sheet = |phone: &str| {
        [
            "Nama Perpustakaan,Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan,Jenis,No. HP,Tahun Bergabung".to_string(),
            format!("PERPUSTAKAAN DESA SUMBER ILMU,Jawa Timur,Lumajang,Sumbersuko,Labruk Kidul,Desa,{phone},2019"),
            "Perpustakaan Mawar,Jawa Timur,Kab. Blitar,Wlingi,Klemunan,Kelurahan,,".into(),
            "Perpustakaan Desa Baru,Jawa Timur,Kab. Lamongan,,Sugio,Desa,,2024".into(),
        ]
        .join("\n")
    };
    fs::write(&csv, sheet("0811111111")).unwrap();
    let o = import(root, &csv, &[]);
    ok(&o);
    let s = out(&o);
    assert!(s.contains("1 added, 1 updated, 1 unchanged"), "{s}");
    assert!(
        s.contains(
            "  ~ perpusdes-sumber-ilmu-labruk-kidul (row 2, data/libraries/jawa-timur.yaml)"
        ),
        "{s}"
    );
    assert!(
        s.contains(
            "      name: \"Perpustakaan Desa Sumber Ilmu\" → \"PERPUSTAKAAN DESA SUMBER ILMU\""
        ),
        "{s}"
    );
    assert!(s.contains("      phone: (none) → \"0811111111\""), "{s}");
    // The libraries of Jawa Timur the sheet does not list are reported, not deleted.
    assert!(
        s.contains(
            "not in the sheet (kept as they are):\n  ? dinas-perpustakaan-kearsipan-jawa-timur"
        ),
        "{s}"
    );
    let jt = read(root, "data/libraries/jawa-timur.yaml");
    assert!(
        jt.starts_with("# Perpustakaan mitra TPBIS di Provinsi Jawa Timur.\n\n"),
        "{jt}"
    );
    assert!(
        jt.contains("- id: dinas-perpustakaan-kearsipan-jawa-timur\n"),
        "{jt}"
    );
    assert!(jt.contains("- id: perpusdes-baru-sugio\n"), "{jt}");
    // The hand-written summary and the example's comments and fields stay.
    assert!(
        jt.contains("  summary: >-\n    Perpustakaan desa di Labruk Kidul, Lumajang."),
        "{jt}"
    );
    assert!(
        jt.contains("# Contoh rekaman lengkap. Perpustakaan ini TIDAK ADA"),
        "{jt}"
    );
    assert!(
        jt.contains("  aliases:\n    - perpustakaan-desa-contoh-lama\n  illustrative: true\n"),
        "{jt}"
    );
    check_passes(root);

    // By hand: a social link on the new library.
    let jt = jt.replace(
        "  village: Sugio\n",
        "  village: Sugio\n  social:\n    instagram: https://instagram.com/perpusdesbaru\n",
    );
    fs::write(root.join("data/libraries/jawa-timur.yaml"), &jt).unwrap();

    // A new phone number: a dry run shows the diff and writes nothing.
    fs::write(&csv, sheet("0822222222")).unwrap();
    let before = data_files(root);
    let o = import(root, &csv, &["--dry-run"]);
    ok(&o);
    let s = out(&o);
    assert!(s.contains("0 added, 1 updated, 2 unchanged"), "{s}");
    assert!(
        s.contains("      phone: \"0811111111\" → \"0822222222\""),
        "{s}"
    );
    assert!(s.contains("unchanged:\n"), "{s}");
    assert!(
        s.contains("would write data/libraries/jawa-timur.yaml\ndry run: nothing was written"),
        "{s}"
    );
    assert_eq!(data_files(root), before);

    let o = import(root, &csv, &[]);
    ok(&o);
    let jt = read(root, "data/libraries/jawa-timur.yaml");
    assert!(jt.contains("  phone: \"0822222222\""), "{jt}");
    assert!(jt.contains("- id: perpusdes-baru-sugio\n"), "{jt}");
    assert!(
        jt.contains("    instagram: https://instagram.com/perpusdesbaru\n"),
        "{jt}"
    );
    check_passes(root);
}

#[test]
fn id_column_updates_in_place_and_names_new_ids() {
    let dir = site_with_repo_libraries();
    let root = dir.path();
    let csv = root.join("ids.csv");
    fs::write(
        &csv,
        "ID,Nama Perpustakaan,Provinsi,Kabupaten/Kota,Jenis,Email\n\
         perpusdes-tigarun,Perpustakaan Desa Tigarun Baru,,,,tigarun@example.id\n\
         perpustakaan-desa-contoh-lama,,,,,contoh@example.org\n\
         Perpus Baru!,Perpustakaan Baru,Kalimantan Selatan,Hulu Sungai Utara,Desa,\n",
    )
    .unwrap();
    let o = import(root, &csv, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("ids.csv:4:A: error: `Perpus Baru!` is not a library id"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("write `perpus-baru`"), "{}", err(&o));
    let text = fs::read_to_string(&csv)
        .unwrap()
        .replace("Perpus Baru!", "perpus-baru");
    fs::write(&csv, text).unwrap();
    let o = import(root, &csv, &[]);
    ok(&o);
    let s = out(&o);
    // An alias finds the library; its id stays.
    assert!(s.contains("  ~ contoh-perpustakaan-desa (row 3"), "{s}");
    assert!(s.contains("  + perpus-baru  Perpustakaan Baru"), "{s}");
    let ks = read(root, "data/libraries/kalimantan-selatan.yaml");
    assert!(
        ks.contains("- id: perpusdes-tigarun\n  name: Perpustakaan Desa Tigarun Baru\n"),
        "{ks}"
    );
    assert!(ks.contains("  email: tigarun@example.id\n"), "{ks}");
    check_passes(root);
}

#[test]
fn malformed_files_give_clear_errors_and_write_nothing() {
    let dir = site_with_repo_libraries();
    let root = dir.path();
    let before = data_files(root);

    let fake = root.join("mitra.xlsx");
    fs::write(&fake, "Nama Perpustakaan;Provinsi\nA;Jawa Tengah\n").unwrap();
    let o = import(root, &fake, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("error: mitra.xlsx is not an Excel workbook: it holds plain text (it starts `Nama Perpustakaan;Provinsi`)"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("rename it to end in .csv"), "{}", err(&o));

    let broken = root.join("rusak.xlsx");
    fs::write(&broken, b"PK\x03\x04 not really a zip").unwrap();
    let o = import(root, &broken, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("rusak.xlsx cannot be read as a workbook"),
        "{}",
        err(&o)
    );

    let ragged = root.join("ragged.csv");
    fs::write(
        &ragged,
        "Nama Perpustakaan,Provinsi,Kabupaten/Kota,Jenis\nPerpustakaan Desa A,Jawa Tengah,Kab. Kudus,Desa\nPerpustakaan Desa B, Jl. Mawar,Jawa Tengah,Kab. Kudus,Desa\n",
    )
    .unwrap();
    let o = import(root, &ragged, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("ragged.csv:3: error: this row has 5 cells but the header row has 4"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("must be in double quotes"), "{}", err(&o));

    let map = root.join("kolom.yaml");
    fs::write(&map, "Nama Perpus Desa: name\nDesa Asal: vilage\n").unwrap();
    let o = import(root, &ragged, &["--map", map.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("kolom.yaml:2: error: unknown field `vilage` for column `Desa Asal`\n  help: did you mean `village`?"), "{}", err(&o));

    let o = import(root, &root.join("tidak-ada.csv"), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("cannot read"), "{}", err(&o));
    assert_eq!(data_files(root), before);
}

#[test]
fn a_mapping_file_names_unusual_headers() {
    let dir = site();
    let root = dir.path();
    let csv = root.join("sim.csv");
    fs::write(
        &csv,
        "Kode SIM,Nama Perpus Desa,Wilayah,Desa Asal,Status Kinerja,Semester,Catatan\n\
         9001,Perpustakaan Desa Harapan,Kabupaten Kudus,Bae,Hijau,2024-S1,baik\n",
    )
    .unwrap();
    let o = import(root, &csv, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("no header row found"), "{}", err(&o));
    let map = root.join("sim.yaml");
    fs::write(
        &map,
        "Kode SIM: ignore\nNama Perpus Desa: name\nWilayah: regency\nDesa Asal: village\nStatus Kinerja: kpi_category\nSemester: kpi_period\n",
    )
    .unwrap();
    // No level column: a new library needs one.
    let o = import(root, &csv, &["--map", map.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("sim.csv:2: error: a new library needs its level"),
        "{}",
        err(&o)
    );
    fs::write(
        &csv,
        fs::read_to_string(&csv)
            .unwrap()
            .replace("Catatan", "Jenis")
            .replace(",baik", ",Desa"),
    )
    .unwrap();
    let o = import(root, &csv, &["--map", map.to_str().unwrap()]);
    ok(&o);
    let jt = read(root, "data/libraries/jawa-tengah.yaml");
    assert!(jt.contains("- id: perpusdes-harapan-bae\n"), "{jt}");
    assert!(
        jt.contains("    - period: 2024-S1\n      category: tinggi\n"),
        "{jt}"
    );
    check_passes(root);
}

/// Libraries whose values start the way a spreadsheet formula does.
const FORMULA_LIBRARIES: &str = "\
# Nilai yang bagi spreadsheet tampak seperti rumus.

- id: perpus-lebar
  name: \"＝1+1 Perpustakaan\"
  level: desa
  province: jawa-tengah
  regency: Kabupaten Kudus
  village: \"+Besito\"
  address: \"'=sudah bertanda\"
  phone: \"-\"

- id: perpus-rumus
  name: \"=HYPERLINK(\\\"https://contoh.example\\\",\\\"klik\\\")\"
  level: desa
  province: jawa-tengah
  regency: Kabupaten Kudus
  district: \"-Jati\"
  village: \"@Loram\"
  address: \"\\tJl. Tab 1\"
  phone: \"+62 812-3456-7890\"
  location:
    lat: -6.8
    lon: 110.8
  summary: \"\\rBaris pertama\"
";

#[test]
fn formula_like_values_are_marked_in_csv_and_export_then_import_changes_nothing() {
    for format in ["csv", "xlsx"] {
        let dir = site();
        let root = dir.path();
        fs::write(
            root.join("data/libraries/jawa-tengah.yaml"),
            FORMULA_LIBRARIES,
        )
        .unwrap();
        let before = data_files(root);
        let file = root.join(format!("export.{format}"));
        let o = warta(
            root,
            &[
                "export",
                "libraries",
                "--format",
                format,
                "--out",
                file.to_str().unwrap(),
            ],
        );
        ok(&o);
        if format == "csv" {
            let csv = read(root, "export.csv");
            for cell in [
                "'＝1+1 Perpustakaan",
                "'+Besito",
                "''=sudah bertanda",
                ",'-,",
                "\"'=HYPERLINK(\"\"https://contoh.example\"\",\"\"klik\"\")\"",
                "'-Jati",
                "'@Loram",
                ",'\tJl. Tab 1,",
                "'+62 812-3456-7890",
                "\"'\rBaris pertama\"",
            ] {
                assert!(csv.contains(cell), "no {cell:?} in {csv:?}");
            }
            // Numbers are numbers: a negative latitude is not marked.
            assert!(csv.contains(",-6.8,110.8,"), "{csv:?}");
            assert!(!csv.contains("'-6.8"), "{csv:?}");
        } else {
            // Text is stored as text, never as a formula.
            use calamine::{Data, Reader};
            let mut book = calamine::open_workbook_auto(&file).unwrap();
            let formulas = book.worksheet_formula("Perpustakaan").unwrap();
            assert_eq!(formulas.used_cells().filter(|c| !c.2.is_empty()).count(), 0);
            let range = book.worksheet_range("Perpustakaan").unwrap();
            let cells: Vec<&Data> = range.used_cells().map(|c| c.2).collect();
            for want in [
                "=HYPERLINK(\"https://contoh.example\",\"klik\")",
                "+62 812-3456-7890",
                "''=sudah bertanda",
            ] {
                assert!(
                    cells.contains(&&Data::String(want.into())),
                    "no {want:?} in {cells:?}"
                );
            }
        }
        let o = import(root, &file, &[]);
        ok(&o);
        assert!(
            out(&o).contains("2 rows: 0 added, 0 updated, 2 unchanged"),
            "{format}: {}",
            out(&o)
        );
        assert_eq!(data_files(root), before, "{format}");
    }
}

#[test]
fn a_mark_typed_before_a_phone_number_is_not_kept() {
    let dir = site();
    let root = dir.path();
    let csv = root.join("mitra.csv");
    fs::write(
        &csv,
        "Nama Perpustakaan;Kabupaten/Kota;Desa/Kelurahan;Jenis;Telepon\r\n\
         Perpustakaan Desa Pelita;Kab. Jepara;Mulyoharjo;Desa;'+62 291 123456\r\n",
    )
    .unwrap();
    ok(&import(root, &csv, &[]));
    let jt = read(root, "data/libraries/jawa-tengah.yaml");
    assert!(jt.contains("  phone: \"+62 291 123456\"\n"), "{jt}");
}

#[test]
fn problems_name_the_row_the_spreadsheet_shows() {
    let dir = site();
    let root = dir.path();
    // As Excel saves it: CRLF line ends, an address over three lines in
    // one cell, a blank row.
    let csv = root.join("libraries.csv");
    fs::write(
        &csv,
        "Nama Perpustakaan,Provinsi,Kabupaten/Kota,Jenis,Alamat\r\n\
         Perpustakaan Desa A,Jawa Tengah,Kab. Kudus,Desa,\"Jl. Mawar 1\r\nRT 02\r\nRW 03\"\r\n\
         Perpustakaan Desa B,Jawa Tengah,Kab. Kudsu,Desa,\r\n\
         \r\n\
         Perpustakaan Desa C,Jawa Tenga,Kudus,Desa,\r\n",
    )
    .unwrap();
    let o = import(root, &csv, &["--dry-run"]);
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert!(
        e.contains("libraries.csv:3:C: error: unknown regency or city `Kab. Kudsu` in Jawa Tengah"),
        "{e}"
    );
    assert!(
        e.contains("libraries.csv:5:B: error: unknown province `Jawa Tenga`"),
        "{e}"
    );
    assert!(
        out(&o).contains("+ perpusdes-a  Perpustakaan Desa A (row 2, "),
        "{}",
        out(&o)
    );

    // A workbook whose table starts at B2.
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let rows = [
        ["Nama Perpustakaan", "Provinsi", "Kabupaten/Kota", "Jenis"],
        ["Perpustakaan Desa A", "Jawa Tengah", "Kab. Kudus", "Desa"],
        ["Perpustakaan Desa B", "Jawa Tengah", "Kab. Kudsu", "Desa"],
    ];
    for (i, row) in rows.iter().enumerate() {
        for (j, v) in row.iter().enumerate() {
            ws.write_string(1 + i as u32, 1 + j as u16, *v).unwrap();
        }
    }
    let xlsx = root.join("mitra.xlsx");
    book.save(&xlsx).unwrap();
    let o = import(root, &xlsx, &["--dry-run"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("mitra.xlsx:4:D: error: unknown regency or city `Kab. Kudsu`"),
        "{}",
        err(&o)
    );
    assert!(out(&o).contains("(row 3, "), "{}", out(&o));
}

#[test]
fn a_village_name_in_two_districts_makes_two_libraries() {
    let dir = site();
    let root = dir.path();
    let csv = root.join("jabar.csv");
    let header =
        "ID Perpustakaan,Nama Perpustakaan,Provinsi,Kabupaten/Kota,Kecamatan,Desa/Kelurahan,Jenis";
    let rows = [
        ",Perpustakaan Desa Sukamaju,Jawa Barat,Kab. Cianjur,Cugenang,Sukamaju,Desa",
        ",Perpustakaan Desa Sukamaju,Jawa Barat,Kab. Cianjur,Kec. Cibeber,Sukamaju,Desa",
    ];
    fs::write(&csv, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    let o = import(root, &csv, &[]);
    ok(&o);
    let s = out(&o);
    assert!(s.contains("2 rows: 2 added"), "{s}");
    assert!(
        s.contains("+ perpusdes-sukamaju  Perpustakaan Desa Sukamaju (row 2,"),
        "{s}"
    );
    assert!(
        s.contains("+ perpusdes-sukamaju-cibeber  Perpustakaan Desa Sukamaju (row 3,"),
        "{s}"
    );
    check_passes(root);

    // Again: each row finds its own library.
    let before = data_files(root);
    let o = import(root, &csv, &[]);
    ok(&o);
    assert!(
        out(&o).contains("0 added, 0 updated, 2 unchanged"),
        "{}",
        out(&o)
    );
    assert_eq!(data_files(root), before);

    // A row without its district could be either: the help names the
    // sheet's own ID column.
    fs::write(
        &csv,
        format!(
            "{header}\n{}\n,Perpustakaan Desa Sukamaju,Jawa Barat,Kab. Cianjur,,Sukamaju,Desa\n",
            rows.join("\n")
        ),
    )
    .unwrap();
    let o = import(root, &csv, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains(
            "jabar.csv:4: error: `Perpustakaan Desa Sukamaju` matches 2 libraries: `perpusdes-sukamaju` or `perpusdes-sukamaju-cibeber`\n  \
             help: fill in the `ID Perpustakaan` column (A) with the id of the library this row is: `perpusdes-sukamaju` or `perpusdes-sukamaju-cibeber`\n"
        ),
        "{}",
        err(&o)
    );
    assert_eq!(data_files(root), before);
}

#[test]
fn two_rows_that_cannot_be_told_apart_say_which_columns_would() {
    let dir = site();
    let root = dir.path();
    let csv = root.join("baca.csv");
    fs::write(
        &csv,
        "Nama Perpustakaan,Kabupaten/Kota,Kec.,Jenis\n\
         Taman Baca Pelangi,Kab. Kudus,,Desa\n\
         Taman Baca Pelangi,Kab. Kudus,,Desa\n",
    )
    .unwrap();
    let o = import(root, &csv, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains(
            "baca.csv:3: error: row 2 and this row are the same library `taman-baca-pelangi`\n  \
             help: if they are one library, keep one row; if they are two, fill in `Kec.` or `Desa/Kelurahan` so they can be told apart, \
             or add a column `ID` and fill it in with its own id on each row"
        ),
        "{}",
        err(&o)
    );
    // Told apart by district, they are two.
    fs::write(
        &csv,
        "Nama Perpustakaan,Kabupaten/Kota,Kec.,Jenis\n\
         Taman Baca Pelangi,Kab. Kudus,Bae,Desa\n\
         Taman Baca Pelangi,Kab. Kudus,Gebog,Desa\n",
    )
    .unwrap();
    let o = import(root, &csv, &[]);
    ok(&o);
    assert!(
        out(&o).contains("+ taman-baca-pelangi-gebog  Taman Baca Pelangi (row 3,"),
        "{}",
        out(&o)
    );
    check_passes(root);
}
