//! Loading a theme: its Tera templates, static files and UI strings, plus the
//! site's own `templates/` folder, which overrides theme templates file by
//! file. Everything is read here, into memory, so `render` never touches the
//! disk.
//!
//! The theme is `themes/<name>/` under the site root. When a site has no
//! `themes/default/`, the default theme built into warta is used, so a new
//! site builds without copying a theme. A site changes single UI strings
//! in its own `i18n/<language>.yaml`, key by key over the theme's (as Hugo
//! allows); a key the theme does not have is an error at its place.

use crate::diag::{suggest, Diagnostic, FileId, SourceFile, SourceMap};
use crate::load::slash_path;
use crate::yaml::{self, Origin};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// A theme ready to render with.
#[derive(Debug)]
pub struct Theme {
    pub name: String,
    /// Templates by name (path under `templates/`, e.g. `post.html`), sorted.
    pub templates: Vec<ThemeTemplate>,
    /// Theme static files: (URL path such as `/style.css`, bytes), sorted.
    pub static_files: Vec<(String, Vec<u8>)>,
    /// UI strings of the site's language, key → text.
    pub strings: BTreeMap<String, String>,
}

/// One template and the file it came from (for error positions).
#[derive(Debug)]
pub struct ThemeTemplate {
    pub name: String,
    pub file: FileId,
    /// The file as the officer sees it: `templates/post.html` (the site's
    /// own) or `themes/<name>/templates/post.html`.
    pub path: String,
    pub source: String,
}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../themes/default/", $path)))),*]
    };
}

/// The default theme, compiled in: (path under the theme folder, text).
const BUILTIN_DEFAULT: &[(&str, &str)] = builtin!(
    "templates/base.html",
    "templates/partials/notice.html",
    "templates/partials/icons.html",
    "templates/partials/post_card.html",
    "templates/partials/story_card.html",
    "templates/partials/event_card.html",
    "templates/partials/library_item.html",
    "templates/partials/awards.html",
    "templates/partials/report.html",
    "templates/partials/map.html",
    "templates/partials/chart_bars.html",
    "templates/partials/pager.html",
    "templates/home.html",
    "templates/post.html",
    "templates/post_list.html",
    "templates/story.html",
    "templates/story_list.html",
    "templates/event.html",
    "templates/event_list.html",
    "templates/province.html",
    "templates/province_list.html",
    "templates/regency.html",
    "templates/library.html",
    "templates/award_list.html",
    "templates/award_year.html",
    "templates/tag.html",
    "templates/search.html",
    "templates/page.html",
    "templates/404.html",
    "templates/redirect.html",
    "templates/poster.html",
    "templates/partials/badge_snippet.html",
    "templates/partials/breadcrumbs.html",
    "templates/partials/share.html",
    "static/style.css",
    "static/salin.js",
    "static/video.js",
    "i18n/id.yaml",
    "i18n/en.yaml",
);

/// Loads theme `name` for a site at `root` in `language`. Text files are
/// added to `files` so diagnostics can point into them.
pub fn load_theme(
    root: &Path,
    name: &str,
    language: &str,
    files: &mut SourceMap,
) -> Result<Theme, Vec<Diagnostic>> {
    let dir = root.join("themes").join(name);
    let mut diags = Vec::new();
    let mut raw: Vec<(String, String, Vec<u8>)> = Vec::new(); // (path in theme, shown path, bytes)
    if dir.is_dir() {
        for entry in WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.')
            {
                continue;
            }
            let rel = slash_path(entry.path().strip_prefix(&dir).unwrap_or(entry.path()));
            let shown = slash_path(entry.path().strip_prefix(root).unwrap_or(entry.path()));
            match std::fs::read(entry.path()) {
                Ok(bytes) => raw.push((rel, shown, bytes)),
                Err(e) => diags.push(Diagnostic::global(crate::msg!(
                    "cannot-read",
                    path = &shown,
                    error = e.to_string()
                ))),
            }
        }
    } else if name == "default" {
        for (rel, text) in BUILTIN_DEFAULT {
            raw.push((
                rel.to_string(),
                format!("(built-in) themes/default/{rel}"),
                text.as_bytes().to_vec(),
            ));
        }
    } else {
        let known = list_dirs(&root.join("themes"));
        let help = suggest::closest(name, known.iter().map(String::as_str).chain(["default"]))
            .map(|c| crate::msg!("did-you-mean", suggestion = format!("theme: {c}")))
            .unwrap_or_else(|| crate::msg!("theme-not-found-help"));
        return Err(vec![Diagnostic::global(crate::msg!(
            "theme-not-found",
            theme = name
        ))
        .with_help(help)]);
    }

    let mut templates: BTreeMap<String, ThemeTemplate> = BTreeMap::new();
    let mut static_files = Vec::new();
    let mut strings = None;
    for (rel, shown, bytes) in raw {
        if let Some(tpl) = rel.strip_prefix("templates/") {
            if let Some(t) = text_file(tpl, &shown, bytes, files, &mut diags) {
                templates.insert(t.name.clone(), t);
            }
        } else if let Some(path) = rel.strip_prefix("static/") {
            static_files.push((format!("/{path}"), bytes));
        } else if rel == format!("i18n/{language}.yaml") {
            strings = read_strings(&shown, bytes, files, &mut diags);
        }
    }
    // The site's own templates override the theme's, file by file.
    let own = root.join("templates");
    if own.is_dir() {
        for entry in WalkDir::new(&own)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.')
            {
                continue;
            }
            let rel = slash_path(entry.path().strip_prefix(&own).unwrap_or(entry.path()));
            let shown = format!("templates/{rel}");
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    if let Some(t) = text_file(&rel, &shown, bytes, files, &mut diags) {
                        templates.insert(t.name.clone(), t);
                    }
                }
                Err(e) => diags.push(Diagnostic::global(crate::msg!(
                    "cannot-read",
                    path = &shown,
                    error = e.to_string()
                ))),
            }
        }
    }
    if let Some(theme_strings) = strings.as_mut() {
        site_strings(root, name, language, theme_strings, files, &mut diags);
    }
    if strings.is_none() && diags.is_empty() {
        diags.push(
            Diagnostic::global(crate::msg!(
                "theme-no-strings",
                theme = name,
                language = language
            ))
            .with_help(crate::msg!("theme-no-strings-help")),
        );
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Theme {
        name: name.to_string(),
        templates: templates.into_values().collect(),
        static_files,
        strings: strings.unwrap_or_default(),
    })
}

fn text_file(
    name: &str,
    shown: &str,
    bytes: Vec<u8>,
    files: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Option<ThemeTemplate> {
    match String::from_utf8(bytes) {
        Ok(source) => {
            let file = files.add(SourceFile::new(PathBuf::from(shown), source.clone()));
            Some(ThemeTemplate {
                name: name.to_string(),
                file,
                path: shown.to_string(),
                source,
            })
        }
        Err(_) => {
            diags.push(
                Diagnostic::global(crate::msg!("template-not-utf8", file = shown))
                    .with_help(crate::msg!("template-not-utf8-help")),
            );
            None
        }
    }
}

/// The site's own `i18n/<language>.yaml` over the theme's strings, key by
/// key. Every key must be one the theme has: a typo would otherwise change
/// nothing, silently.
fn site_strings(
    root: &Path,
    theme: &str,
    language: &str,
    strings: &mut BTreeMap<String, String>,
    files: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) {
    let shown = format!("i18n/{language}.yaml");
    let bytes = match std::fs::read(root.join(&shown)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => {
            diags.push(Diagnostic::global(crate::msg!(
                "theme-strings-unreadable",
                file = shown.as_str(),
                error = e.to_string()
            )));
            return;
        }
    };
    let Some((own, origin)) = read_strings_at(&shown, bytes, files, diags) else {
        return;
    };
    for (key, text) in own {
        match strings.get_mut(&key) {
            Some(t) => *t = text,
            None => {
                let help = suggest::closest(&key, strings.keys().map(String::as_str))
                    .map(|c| crate::msg!("did-you-mean", suggestion = c))
                    .unwrap_or_else(|| {
                        crate::msg!(
                            "theme-string-unknown-help",
                            theme = theme,
                            language = language
                        )
                    });
                diags.push(
                    Diagnostic::error(
                        origin.key(&key),
                        crate::msg!("theme-string-unknown", key = key.as_str(), theme = theme),
                    )
                    .with_help(help),
                );
            }
        }
    }
}

/// Reads an `i18n/<lang>.yaml` file: a flat mapping of key → text.
fn read_strings(
    shown: &str,
    bytes: Vec<u8>,
    files: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Option<BTreeMap<String, String>> {
    read_strings_at(shown, bytes, files, diags).map(|(m, _)| m)
}

/// [`read_strings`], with where each key stands.
fn read_strings_at(
    shown: &str,
    bytes: Vec<u8>,
    files: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Option<(BTreeMap<String, String>, Origin)> {
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let file = files.add(SourceFile::new(PathBuf::from(shown), text.clone()));
    let doc = match yaml::parse(&text, file, 0) {
        Ok(d) => d,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let origin = Origin::new(file, Arc::new(doc.spans), String::new());
    match yaml::deserialize::<BTreeMap<String, String>>(&doc.value, &origin) {
        Ok(m) => Some((m, origin)),
        Err(d) => {
            diags.push(d.with_help(crate::msg!("i18n-lines-help")));
            None
        }
    }
}

fn list_dirs(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}
