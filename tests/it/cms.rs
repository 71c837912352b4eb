//! The browser editor's files as `warta build` writes them: `admin/config.yml`
//! parsed and held against warta's record schema (every field, widget,
//! allowed value and relation), and `admin/cms.js`'s list format run in
//! node: what the editor writes back is a file `warta check` accepts. The
//! page, its scripts and the sign-in settings: tests/it/cms_signin.rs.

use crate::support;

use serde_yaml::Value;
use std::path::{Path, PathBuf};
use support::{TestSite, LIBRARIES_JATENG, LIBS_JATENG};
use warta::model::records::*;
use warta::model::{EventLevel, KpiCategory, LibraryLevel};

fn build(site: &TestSite) -> (tempfile::TempDir, Value, String) {
    support::build_admin(site)
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no collection {name}"))
}

/// The fields of an entry of `c` (a files collection's first file).
fn fields(c: &Value) -> &Vec<Value> {
    let f = if c["files"].is_sequence() {
        &c["files"][0]["fields"]
    } else {
        &c["fields"]
    };
    f.as_sequence().unwrap()
}

fn names(fields: &[Value]) -> Vec<&str> {
    fields.iter().map(|f| f["name"].as_str().unwrap()).collect()
}

fn field<'a>(fields: &'a [Value], name: &str) -> &'a Value {
    fields
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name}"))
}

fn options(f: &Value) -> Vec<&str> {
    f["options"]
        .as_sequence()
        .unwrap_or_else(|| panic!("{:?} has no options", f["name"]))
        .iter()
        .map(|o| o["value"].as_str().unwrap())
        .collect()
}

/// A record kind's editor fields hold exactly its `FIELDS` (plus the
/// Markdown body), in order, and its `NESTED` fields likewise.
fn same_fields<T: Fields>(fields: &[Value], body: bool) {
    let mut want: Vec<&str> = T::FIELDS.to_vec();
    if body {
        want.push("body");
    }
    assert_eq!(names(fields), want, "{}", std::any::type_name::<T>());
    for (name, nested) in T::NESTED {
        let sub = field(fields, name)["fields"].as_sequence().unwrap();
        assert_eq!(&names(sub), nested, "{name}");
    }
}

/// The editor's list of records inside a list-file collection.
fn records<'a>(c: &'a Value, key: &str) -> &'a Vec<Value> {
    let list = field(fields(c), key);
    assert_eq!(list["widget"], "list");
    list["fields"].as_sequence().unwrap()
}

#[test]
fn every_record_kind_is_a_collection_with_all_its_fields() {
    let (_out, config, _) = build(&TestSite::minimal());
    let all: Vec<&str> = config["collections"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        all,
        [
            "berita",
            "kisah",
            "plm",
            "perpustakaan",
            "penghargaan",
            "halaman"
        ]
    );
    for (name, folder) in [
        ("berita", "content/berita"),
        ("kisah", "content/kisah"),
        ("plm", "content/plm"),
        ("halaman", "content"),
        ("perpustakaan", "data/libraries"),
    ] {
        assert_eq!(collection(&config, name)["folder"], folder, "{name}");
    }
    assert_eq!(
        collection(&config, "penghargaan")["files"][0]["file"],
        "data/awards.yaml"
    );

    same_fields::<PostFrontMatter>(fields(collection(&config, "berita")), true);
    same_fields::<StoryFrontMatter>(fields(collection(&config, "kisah")), true);
    same_fields::<EventFrontMatter>(fields(collection(&config, "plm")), true);
    same_fields::<PageFrontMatter>(fields(collection(&config, "halaman")), true);
    same_fields::<LibraryRecord>(
        records(collection(&config, "perpustakaan"), "libraries"),
        false,
    );
    same_fields::<AwardRecord>(records(collection(&config, "penghargaan"), "awards"), false);
    let participants = field(fields(collection(&config, "plm")), "participants");
    assert_eq!(
        names(participants["fields"].as_sequence().unwrap()),
        PARTICIPANT_KEYS
    );
}

#[test]
fn widgets_fit_the_values_warta_reads() {
    let (_out, config, _) = build(&TestSite::minimal());
    let post = fields(collection(&config, "berita"));
    let event = fields(collection(&config, "plm"));
    let libs = records(collection(&config, "perpustakaan"), "libraries");

    // Dates are stored as YYYY-MM-DD, the one form warta reads.
    for f in [
        field(post, "date"),
        field(event, "start"),
        field(event, "end"),
    ] {
        assert_eq!(f["widget"], "datetime");
        assert_eq!(f["format"], "YYYY-MM-DD");
        assert_eq!(f["time_format"], false);
    }
    // Closed vocabularies offer exactly their values; provinces and
    // regencies come from this site's data.
    assert_eq!(options(field(libs, "level")), LibraryLevel::NAMES);
    assert_eq!(options(field(event, "level")), EventLevel::NAMES);
    let kpi = field(libs, "kpi")["fields"].as_sequence().unwrap();
    assert_eq!(options(field(kpi, "category")), KpiCategory::NAMES);
    assert_eq!(
        options(field(libs, "province")),
        ["aceh", "jawa-tengah", "jawa-timur"]
    );
    assert_eq!(field(post, "provinces")["multiple"], true);
    let regencies = options(field(libs, "regency"));
    assert_eq!(regencies.len(), 6);
    assert!(regencies.contains(&"Kabupaten Semarang") && regencies.contains(&"Kota Semarang"));

    // Lists, images with their alt text, the body, draft, required flags.
    assert_eq!(field(post, "tags")["widget"], "list");
    assert_eq!(field(post, "image")["widget"], "image");
    assert_eq!(field(post, "image_alt")["widget"], "string");
    assert_eq!(field(post, "body")["widget"], "markdown");
    assert_eq!(field(post, "draft")["widget"], "boolean");
    for (fs, name, required) in [
        (post, "title", true),
        (post, "date", true),
        (post, "author", false),
        (libs, "id", true),
        (libs, "regency", true),
        (libs, "photo", false),
    ] {
        assert_eq!(field(fs, name)["required"], required, "{name}");
    }
    // Labels and hints speak Indonesian.
    assert_eq!(field(post, "title")["label"], "Judul");
    assert!(field(libs, "id")["hint"]
        .as_str()
        .unwrap()
        .contains("Jangan diubah"));
}

/// Follows `a.*.b` through the fields of a collection.
fn path_exists(fields: &[Value], path: &str) -> bool {
    let mut parts = path.split('.').filter(|p| *p != "*");
    let mut here = fields;
    let Some(mut name) = parts.next() else {
        return false;
    };
    loop {
        let Some(f) = here.iter().find(|f| f["name"] == name) else {
            return false;
        };
        match parts.next() {
            None => return true,
            Some(next) => {
                let Some(sub) = f["fields"].as_sequence() else {
                    return false;
                };
                here = sub;
                name = next;
            }
        }
    }
}

#[test]
fn relations_point_at_real_collections_and_fields() {
    let (_out, config, _) = build(&TestSite::minimal());
    let story = fields(collection(&config, "kisah"));
    let post = fields(collection(&config, "berita"));
    let award = records(collection(&config, "penghargaan"), "awards");
    let lib = field(story, "library");
    assert_eq!(lib["widget"], "relation");
    assert_eq!(lib["collection"], "perpustakaan");
    assert_eq!(lib["value_field"], "libraries.*.id");
    assert_eq!(lib["multiple"], false);
    assert_eq!(field(post, "libraries")["multiple"], true);
    assert_eq!(field(post, "event")["collection"], "plm");
    assert_eq!(field(post, "event")["value_field"], "{{slug}}");
    assert_eq!(field(award, "library")["widget"], "relation");
    assert_eq!(field(award, "event")["widget"], "relation");
    assert_eq!(field(award, "province")["widget"], "select");

    // Every relation anywhere names a collection that exists, and fields
    // of it that exist.
    let mut seen = 0;
    let mut stack: Vec<&Value> = config["collections"]
        .as_sequence()
        .unwrap()
        .iter()
        .flat_map(|c| fields(c).iter())
        .collect();
    while let Some(f) = stack.pop() {
        if let Some(sub) = f["fields"].as_sequence() {
            stack.extend(sub);
        }
        if f["widget"] != "relation" {
            continue;
        }
        seen += 1;
        let target = fields(collection(&config, f["collection"].as_str().unwrap()));
        let mut paths = vec![f["value_field"].as_str().unwrap()];
        for key in ["search_fields", "display_fields"] {
            paths.extend(
                f[key]
                    .as_sequence()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap()),
            );
        }
        for p in paths {
            assert!(
                p == "{{slug}}" || path_exists(target, p),
                "{:?}: no field {p}",
                f["name"]
            );
        }
    }
    assert_eq!(
        seen, 5,
        "library and event of posts, library of stories, library and event of awards"
    );
}

fn node_modules() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gates/node_modules")
}

/// Runs cms.js in node with a stand-in `CMS`, reads `file` through the
/// registered format and writes it back after `edit` (JavaScript on `data`).
fn round_trip(format: &str, text: &str, edit: &str) -> Option<String> {
    if !node_modules().join("js-yaml").exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "scripts/test.sh installs js-yaml"
        );
        eprintln!("skipped: no js-yaml in scripts/gates/node_modules");
        return None;
    }
    let script = format!(
        r#"
const fs = require('fs');
const formats = {{}};
let listener;
global.window = global;
global.jsyaml = require({jsyaml:?});
global.CMS = {{ registerCustomFormat: (n, e, f) => {{ formats[n] = f; }}, registerLocale: () => {{}}, init: () => {{}} }};
global.addEventListener = (_, f) => {{ listener = f; }};
global.location = {{ hostname: 'localhost' }};
global.document = {{ body: {{ hasAttribute: () => false }} }};
eval(fs.readFileSync({cms:?}, 'utf8'));
listener();
const f = formats[{format:?}];
const data = f.fromFile(fs.readFileSync(0, 'utf8'));
{edit}
process.stdout.write(f.toFile(data));
"#,
        jsyaml = node_modules().join("js-yaml").display().to_string(),
        cms = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/cms/cms.js")
            .display()
            .to_string(),
    );
    let mut child = std::process::Command::new("node")
        .args(["-e", &script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn what_the_editor_writes_back_warta_reads() {
    // An officer adds a library with a blank optional field and an
    // unticked box: the file stays a top-level list in field order,
    // `"35.78"`-like text keeps its quotes, empty values are left out.
    let edit = "data.libraries.push({id: 'perpusdes-baru', name: 'Perpustakaan Desa Baru', level: 'desa', \
                province: 'jawa-tengah', regency: '33.19', district: '', illustrative: false, social: {facebook: ''}, kpi: []});";
    let file = format!("# Perpustakaan mitra di Jawa Tengah.\n\n{LIBRARIES_JATENG}");
    let Some(written) = round_trip("warta-libraries", &file, edit) else {
        return;
    };
    // The opening comment stays, records keep a blank line between them.
    assert!(
        written.starts_with(
            "# Perpustakaan mitra di Jawa Tengah.\n\n- id: perpusdes-loram-wetan\n  name: "
        ),
        "{written}"
    );
    assert!(written.contains("\n\n- id: perpusdes-baru\n"), "{written}");
    assert!(
        written.contains("  regency: '33.19'\n") || written.contains("  regency: \"33.19\"\n"),
        "{written}"
    );
    assert!(
        !written.contains("district")
            && !written.contains("illustrative")
            && !written.contains("social"),
        "{written}"
    );
    let site = TestSite::minimal();
    site.write(LIBS_JATENG, &written);
    site.check(&[]).assert_ok();
    let (_out, _, _) = build(&site);

    // A file that is not a list is refused, not emptied.
    assert!(std::panic::catch_unwind(|| round_trip("warta-libraries", "id: a\n", "")).is_err());
    // Awards round-trip unchanged in meaning.
    let awards = round_trip("warta-awards", support::AWARDS_YAML, "").unwrap();
    let site = TestSite::minimal();
    site.write("data/awards.yaml", &awards);
    site.check(&[]).assert_ok();
    assert!(awards.contains("library: perpusdes-loram-wetan"));
}

#[test]
fn data_in_the_configuration_is_never_markup() {
    let site = TestSite::minimal();
    site.edit(
        "data/provinces.yaml",
        "name: Aceh",
        "name: \"Aceh <script>alert(1)</script> & Co\"",
    );
    let (out, config, _) = build(&site);
    let text = std::fs::read_to_string(out.path().join("admin/config.yml")).unwrap();
    assert!(
        !text.contains('<') && !text.contains('&'),
        "raw markup characters in config.yml"
    );
    let libs = records(collection(&config, "perpustakaan"), "libraries");
    let aceh = &field(libs, "province")["options"][0];
    assert_eq!(aceh["label"], "Aceh <script>alert(1)</script> & Co");
    assert_eq!(aceh["value"], "aceh");
}

#[test]
fn output_is_the_same_on_every_build() {
    let site = TestSite::minimal();
    let (a, ..) = build(&site);
    let (b, ..) = build(&site);
    for f in ["admin/config.yml", "admin/index.html", "admin/cms.js"] {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f}"
        );
    }
}
