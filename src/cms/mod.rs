//! The browser editor for communication officers: Decap CMS, configured
//! from warta's own record schema ([`schema`]) and the site's data
//! (provinces, regencies), at build time, so the editor never drifts from
//! what `warta check` accepts. Part of render's output, like the search
//! index: `admin/index.html`, `admin/config.yml` and `admin/cms.js`.
//! See docs/cms.md.

pub mod emails;
pub mod fields;
pub mod schema;

use crate::render::escape::html as esc;
use crate::site::Site;
use fields::Field;
use serde::Serialize;

/// Decap CMS, pinned; its Subresource Integrity hash is of
/// `dist/decap-cms.js` of exactly this version (scripts/gates/package.json
/// pins the same version; tests/browser_cms.rs loads the local copy with
/// this hash, so a mismatch fails there).
pub const DECAP_VERSION: &str = "3.16.3";
pub const DECAP_SRI: &str =
    "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";
/// js-yaml, for the list-file formats of `cms.js`.
pub const JS_YAML_VERSION: &str = "4.3.2";
pub const JS_YAML_SRI: &str =
    "sha384-uwLg6oO8ZhFG2SuQfgmkMtosjtrFYlkPspa/cXS+b3D8GLRTHMDl/mTwqImdlKQO";
/// The Netlify Identity widget: Decap's `git-gateway` login uses it, and it
/// completes the links of the invitation, confirmation and password e-mails
/// (see [`EMAILS`]: they point at `/admin/`, not at the public pages, so
/// readers never download it).
pub const IDENTITY_VERSION: &str = "2.0.3";
pub const IDENTITY_SRI: &str =
    "sha384-MDUpeNysRoXS3J89jBylG2fdrQQ0dwDBTXhXGt3XQCgsFF92tnRKZS5vCKNs3XhD";
/// Where the three scripts come from unless `cms.cdn` in data/site.yaml says
/// otherwise: an npm CDN (`<cdn><package>@<version>/<file>`).
pub const DEFAULT_CDN: &str = "https://unpkg.com/";
/// Where uploads go: under `static/`, so image paths (`/images/uploads/…`)
/// are what warta's image checks and pipeline expect.
pub const MEDIA_FOLDER: &str = "static/images/uploads";
pub const PUBLIC_FOLDER: &str = "/images/uploads";

const INIT_JS: &str = include_str!("cms.js");

/// The editor's files, as `(URL path, bytes)`.
pub fn build(site: &Site) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![
        ("/admin/cms.js".into(), INIT_JS.as_bytes().to_vec()),
        ("/admin/config.yml".into(), config_yml(site).into_bytes()),
        ("/admin/index.html".into(), index_html(site).into_bytes()),
    ];
    files.extend(emails::files(site));
    files
}

/// The npm CDN base, always ending in `/`.
fn cdn(site: &Site) -> String {
    let base = site.config.cms.cdn.as_deref().unwrap_or(DEFAULT_CDN);
    if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    }
}

/// The URLs of js-yaml, the Identity widget and Decap, in the order they
/// must run, with their integrity hashes.
pub fn scripts(site: &Site) -> [(String, &'static str); 3] {
    let cdn = cdn(site);
    [
        (
            format!("{cdn}js-yaml@{JS_YAML_VERSION}/dist/js-yaml.min.js"),
            JS_YAML_SRI,
        ),
        (
            format!(
                "{cdn}netlify-identity-widget@{IDENTITY_VERSION}/build/netlify-identity-widget.js"
            ),
            IDENTITY_SRI,
        ),
        (
            format!("{cdn}decap-cms@{DECAP_VERSION}/dist/decap-cms.js"),
            DECAP_SRI,
        ),
    ]
}

/// The editor page: no inline script or style (the CSP forbids them); the
/// configuration is `config.yml` beside it, Decap's default.
fn index_html(site: &Site) -> String {
    let mut scripts_html = String::from("<script src=\"cms.js\" defer></script>\n");
    for (url, sri) in scripts(site) {
        scripts_html.push_str(&format!(
            "<script src=\"{}\" integrity=\"{sri}\" crossorigin=\"anonymous\" defer></script>\n",
            esc(&url)
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>Ruang redaksi · {}</title>\n{scripts_html}</head>\n<body>\n\
         <noscript><p>Ruang redaksi memerlukan JavaScript.</p></noscript>\n</body>\n</html>\n",
        esc(&site.config.title)
    )
}

#[derive(Serialize)]
struct Config<'a> {
    backend: Backend<'a>,
    /// Officers running `npx decap-server` in the site's folder edit their
    /// own copy, without logging in (Decap only tries it on localhost).
    local_backend: bool,
    /// The Indonesian phrases of `cms.js` (English where it has none).
    locale: &'static str,
    site_url: &'a str,
    display_url: &'a str,
    media_folder: &'a str,
    public_folder: &'a str,
    /// New files get ASCII slugs, as warta's slug rule wants.
    slug: Slug,
    collections: Vec<Collection>,
}

#[derive(Serialize)]
struct Backend<'a> {
    name: &'a str,
    branch: &'a str,
    commit_messages: CommitMessages,
}

#[derive(Serialize)]
struct CommitMessages {
    create: &'static str,
    update: &'static str,
    delete: &'static str,
    #[serde(rename = "uploadMedia")]
    upload_media: &'static str,
    #[serde(rename = "deleteMedia")]
    delete_media: &'static str,
}

#[derive(Serialize)]
struct Slug {
    encoding: &'static str,
    clean_accents: bool,
    sanitize_replacement: &'static str,
}

#[derive(Serialize, Default)]
struct Collection {
    name: &'static str,
    label: &'static str,
    label_singular: &'static str,
    description: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    folder: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    files: Option<Vec<FileEntry>>,
    extension: &'static str,
    format: &'static str,
    create: bool,
    delete: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    preview_path: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sortable_fields: Vec<&'static str>,
    editor: Editor,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<Field>,
}

#[derive(Serialize)]
struct FileEntry {
    name: &'static str,
    label: &'static str,
    file: &'static str,
    fields: Vec<Field>,
}

/// Decap's preview pane would show the fields without the site's design;
/// warta's own preview is `warta serve`.
#[derive(Serialize, Default)]
struct Editor {
    preview: bool,
}

/// A Markdown section of `content/` as a folder collection.
fn markdown(
    name: &'static str,
    label: &'static str,
    singular: &'static str,
    description: &'static str,
    folder: &'static str,
    preview_path: Option<&'static str>,
    mut fields: Vec<Field>,
) -> Collection {
    fields.push(schema::body());
    let dated = fields.iter().any(|f| f.name == "date");
    Collection {
        name,
        label,
        label_singular: singular,
        description,
        folder: Some(folder),
        extension: "md",
        format: "frontmatter",
        create: true,
        delete: true,
        slug: Some("{{slug}}"),
        preview_path,
        sortable_fields: if dated {
            vec!["date", "title"]
        } else {
            vec!["title"]
        },
        fields,
        ..Collection::default()
    }
}

/// Every collection, in the order officers see them.
fn collections(site: &Site) -> Vec<Collection> {
    let c = schema::Choices::of(site);
    let list = |name, label, fields, summary| {
        Field::new(name, label, fields::Widget::Records { fields, summary }).required()
    };
    let mut plm = markdown(
        schema::EVENTS,
        "Kegiatan PLM",
        "Kegiatan",
        "Peer Learning Meeting dan kegiatan program lainnya (content/plm).",
        "content/plm",
        Some("plm/{{slug}}/"),
        schema::event_fields(&c),
    );
    plm.sortable_fields = vec!["start", "title"];
    vec![
        markdown(
            "berita",
            "Berita",
            "Berita",
            "Berita kegiatan program (content/berita).",
            "content/berita",
            Some("berita/{{slug}}/"),
            schema::post(&c),
        ),
        markdown(
            "kisah",
            "Kisah",
            "Kisah",
            "Kisah perubahan dari perpustakaan mitra (content/kisah).",
            "content/kisah",
            Some("kisah/{{slug}}/"),
            schema::story(),
        ),
        plm,
        Collection {
            name: schema::LIBRARIES,
            label: "Perpustakaan mitra",
            label_singular: "Daftar perpustakaan",
            description: "Satu berkas per provinsi (data/libraries); buka berkasnya untuk menambah atau mengubah perpustakaan.",
            folder: Some("data/libraries"),
            extension: "yaml",
            format: "warta-libraries",
            // An entry is a whole file of libraries: removing one would
            // remove them all, and a new file needs a name Decap cannot ask.
            create: false,
            delete: false,
            summary: Some("{{filename}}"),
            fields: vec![list(
                schema::LIBRARIES_KEY,
                "Perpustakaan",
                schema::library_fields(&c),
                "{{fields.name}}",
            )],
            ..Collection::default()
        },
        Collection {
            name: "penghargaan",
            label: "Penghargaan",
            label_singular: "Penghargaan",
            description: "Hasil penghargaan perpustakaan mitra (data/awards.yaml).",
            files: Some(vec![FileEntry {
                name: "awards",
                label: "Hasil penghargaan",
                file: "data/awards.yaml",
                fields: vec![list(
                    schema::AWARDS_KEY,
                    "Penghargaan",
                    schema::award(&c),
                    "{{fields.year}} · {{fields.category}} · peringkat {{fields.rank}} · {{fields.library}}",
                )],
            }]),
            extension: "yaml",
            format: "warta-awards",
            ..Collection::default()
        },
        markdown(
            "halaman",
            "Halaman",
            "Halaman",
            "Halaman tersendiri seperti Tentang dan Kontak (content/*.md).",
            "content",
            Some("{{slug}}/"),
            schema::page(),
        ),
    ]
}

/// `admin/config.yml`.
pub fn config_yml(site: &Site) -> String {
    let config = Config {
        backend: Backend {
            name: "git-gateway",
            branch: site.config.cms.branch.as_deref().unwrap_or("main"),
            commit_messages: CommitMessages {
                create: "Tambah {{collection}} “{{slug}}” (lewat editor)",
                update: "Ubah {{collection}} “{{slug}}” (lewat editor)",
                delete: "Hapus {{collection}} “{{slug}}” (lewat editor)",
                upload_media: "Unggah “{{path}}” (lewat editor)",
                delete_media: "Hapus “{{path}}” (lewat editor)",
            },
        },
        local_backend: true,
        locale: "id",
        site_url: &site.config.base_url,
        display_url: &site.config.base_url,
        media_folder: MEDIA_FOLDER,
        public_folder: PUBLIC_FOLDER,
        slug: Slug {
            encoding: "ascii",
            clean_accents: true,
            sanitize_replacement: "-",
        },
        collections: collections(site),
    };
    // YAML in its JSON form: every string is double-quoted, so `<`, `>`
    // and `&` can be written as escapes and no character from the data
    // (a province's name, say) appears as markup in any published file.
    let json = serde_json::to_string_pretty(&config).expect("the editor configuration serializes");
    let json = json
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!(
        "# Made by `warta build` from warta's record schema and this site's data\n\
         # (docs/cms.md). Do not edit: change the schema or the data instead.\n{json}\n"
    )
}
