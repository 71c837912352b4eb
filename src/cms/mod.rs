//! The browser editor for communication officers: Decap CMS, configured
//! from warta's own record schema ([`schema`]) and the site's data
//! (provinces, regencies), at build time, so the editor never drifts from
//! what `warta check` accepts. Part of render's output, like the search
//! index: `admin/index.html`, `admin/config.yml` and `admin/cms.js`.
//! See docs/cms.md.

pub mod backend;
pub mod emails;
pub mod fields;
pub mod schema;

use crate::escape::html as esc;
use crate::site::Site;
use fields::Field;
use serde::Serialize;

/// A script of the editor page, pinned to one npm release: the page loads
/// `<cdn><package>@<version>/<file>` with `integrity`, so a CDN that
/// served anything else is refused by the browser. `tests/it/cms.rs`
/// recomputes each hash from the installed package (scripts/gates, same
/// versions in its package.json) and fails when they drift.
#[derive(Debug, Clone, Copy)]
pub struct Script {
    pub package: &'static str,
    pub version: &'static str,
    pub file: &'static str,
    /// `sha384-` and the base64 SHA-384 of the file, as the page writes it
    /// (`openssl dgst -sha384 -binary <file> | base64`).
    pub sri: &'static str,
}

/// Decap CMS, the editor.
pub const DECAP: Script = Script {
    package: "decap-cms",
    version: "3.16.3",
    file: "dist/decap-cms.js",
    sri: "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p",
};
/// js-yaml, for the list-file formats of `cms.js`.
pub const JS_YAML: Script = Script {
    package: "js-yaml",
    version: "4.3.2",
    file: "dist/js-yaml.min.js",
    sri: "sha384-uwLg6oO8ZhFG2SuQfgmkMtosjtrFYlkPspa/cXS+b3D8GLRTHMDl/mTwqImdlKQO",
};
/// The Netlify Identity widget, only for the legacy `git-gateway` backend:
/// Decap signs in with it, and it completes the links of the Identity
/// e-mails ([`emails`]: they point at `/admin/`, not at the public pages,
/// so readers never download it).
pub const IDENTITY: Script = Script {
    package: "netlify-identity-widget",
    version: "2.0.3",
    file: "build/netlify-identity-widget.js",
    sri: "sha384-MDUpeNysRoXS3J89jBylG2fdrQQ0dwDBTXhXGt3XQCgsFF92tnRKZS5vCKNs3XhD",
};
/// Every pinned script, for the tests.
pub const PINNED: [Script; 3] = [JS_YAML, IDENTITY, DECAP];
/// Where the scripts come from unless `cms.cdn` in data/site.yaml says
/// otherwise: an npm CDN (`<cdn><package>@<version>/<file>`).
pub const DEFAULT_CDN: &str = "https://unpkg.com/";
/// Where uploads go: under `static/`, so image paths (`/images/uploads/…`)
/// are what warta's image checks and pipeline expect.
pub const MEDIA_FOLDER: &str = "static/images/uploads";
pub const PUBLIC_FOLDER: &str = "/images/uploads";

const INIT_JS: &str = include_str!("cms.js");

/// The editor's files, as `(URL path, bytes)`. The Identity e-mails only
/// with the `git-gateway` backend: no other backend uses Identity.
pub fn build(site: &Site) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![
        ("/admin/cms.js".into(), INIT_JS.as_bytes().to_vec()),
        ("/admin/config.yml".into(), config_yml(site).into_bytes()),
        ("/admin/index.html".into(), index_html(site).into_bytes()),
    ];
    if backend::uses_identity(&site.config.cms) {
        files.extend(emails::files(site));
    }
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

/// The scripts in the order they must run (js-yaml, the Identity widget
/// for `git-gateway` only, Decap), with their URLs.
pub fn scripts(site: &Site) -> Vec<(String, Script)> {
    let cdn = cdn(site);
    let identity = backend::uses_identity(&site.config.cms);
    PINNED
        .into_iter()
        .filter(|s| identity || s.package != IDENTITY.package)
        .map(|s| (format!("{cdn}{}@{}/{}", s.package, s.version, s.file), s))
        .collect()
}

/// The editor page's Content-Security-Policy: the pinned files, Decap's
/// folder on a CDN (it loads chunks of itself from there, which webpack
/// gives no integrity hash), and the backend's API.
pub fn policy(site: &Site) -> String {
    let cdn = cdn(site);
    let mut allowed = Vec::new();
    if !cdn.starts_with('/') || cdn.starts_with("//") {
        for (url, s) in scripts(site) {
            allowed.push(if s.package == DECAP.package {
                format!("{cdn}{}@{}/dist/", s.package, s.version)
            } else {
                url
            });
        }
    }
    crate::csp::editor(&allowed, &backend::origins(&site.config.cms))
}

/// The editor page: no inline script or style (the CSP forbids them); the
/// configuration is `config.yml` beside it, Decap's default. Without a
/// repository to sign in to, `cms.js` explains that instead of starting
/// (local editing still works).
fn index_html(site: &Site) -> String {
    let mut scripts_html = String::from("<script src=\"cms.js\" defer></script>\n");
    for (url, s) in scripts(site) {
        scripts_html.push_str(&format!(
            "<script src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\" defer></script>\n",
            esc(&url),
            s.sri
        ));
    }
    let cms = &site.config.cms;
    let no_repo =
        !backend::uses_identity(cms) && cms.repo.as_deref().is_none_or(|r| r.trim().is_empty());
    format!(
        "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>Ruang redaksi · {}</title>\n{scripts_html}</head>\n<body{}>\n\
         <noscript><p>Ruang redaksi memerlukan JavaScript.</p></noscript>\n</body>\n</html>\n",
        esc(&policy(site)),
        esc(&site.config.title),
        if no_repo { " data-tanpa-repo" } else { "" }
    )
}

#[derive(Serialize)]
struct Config<'a> {
    backend: backend::Backend<'a>,
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
        backend: backend::config(&site.config.cms),
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
