//! The sorted walk of a site: which files are text to load and of what
//! kind, which are assets, and which lie where the contract puts nothing.

use super::{slash_path, Kind, Section};
use crate::diag::{suggest, Diagnostic};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Data files the contract knows, for "did you mean" on a misnamed one.
const DATA_FILES: &[&str] = &[
    "site.yaml",
    "provinces.yaml",
    "regencies.yaml",
    "awards.yaml",
    "libraries/",
    "reports/",
];

/// Walks the site in sorted order. Returns the text files to load with their
/// kind; fills `assets`; reports misplaced files.
pub(super) fn discover(
    root: &Path,
    assets: &mut BTreeSet<String>,
) -> (Vec<(PathBuf, Kind)>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for top in ["data", "content", "static"] {
        let dir = root.join(top);
        if !dir.is_dir() {
            if top != "static" {
                diags.push(
                    Diagnostic::global(crate::msg!(
                        "folder-missing",
                        folder = top,
                        root = root.display().to_string()
                    ))
                    .with_help(crate::msg!("folder-missing-help")),
                );
            }
            continue;
        }
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::global(crate::msg!(
                        "cannot-read",
                        path = dir.display().to_string(),
                        error = e.to_string()
                    )));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_path_buf();
            let rel_str = slash_path(&rel);
            let name = entry.file_name().to_string_lossy();
            if name.starts_with('.') {
                continue; // editor swap files, .DS_Store
            }
            match classify(&rel_str) {
                Ok(Some(kind)) => out.push((rel, kind)),
                Ok(None) => {
                    if top != "data" {
                        assets.insert(rel_str);
                    }
                }
                Err(help) => diags.push(
                    Diagnostic::global(crate::msg!("file-in-no-section", file = rel_str))
                        .with_help(help),
                ),
            }
        }
    }
    (out, diags)
}

/// What a file is, from its path. `Ok(None)` for assets; `Err(help)` for a
/// file in a place the contract does not know.
pub(super) fn classify(rel: &str) -> Result<Option<Kind>, crate::diag::Message> {
    use crate::msg;
    let parts: Vec<&str> = rel.split('/').collect();
    let is_yaml = rel.ends_with(".yaml") || rel.ends_with(".yml");
    match parts.as_slice() {
        ["data", "site.yaml"] => Ok(Some(Kind::Config)),
        ["data", "provinces.yaml"] => Ok(Some(Kind::Provinces)),
        ["data", "regencies.yaml"] => Ok(Some(Kind::Regencies)),
        ["data", "awards.yaml"] => Ok(Some(Kind::Awards)),
        ["data", "libraries", _] if is_yaml => Ok(Some(Kind::Libraries)),
        ["data", "reports", _] if is_yaml => Ok(Some(Kind::Reports)),
        ["data", ..] => {
            let tail = parts[1..].join("/");
            Err(match suggest::closest(&tail, DATA_FILES.iter().copied()) {
                Some(c) => msg!("did-you-mean-data-file", file = format!("data/{c}")),
                None => msg!(
                    "data-files-read",
                    files = DATA_FILES
                        .iter()
                        .map(|f| format!("`data/{f}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
        }
        ["content", ..] if rel.ends_with(".md") => match &parts[1..] {
            [_page] => Ok(Some(Kind::Markdown(Section::Page))),
            // A stand-alone page bundle: `content/kontak/index.md`.
            [folder, "index.md"] if Section::from_folder(folder).is_none() => {
                Ok(Some(Kind::Markdown(Section::Page)))
            }
            [folder, rest @ ..] => match Section::from_folder(folder) {
                Some(s) if rest.len() == 1 || (rest.len() == 2 && rest[1] == "index.md") => {
                    Ok(Some(Kind::Markdown(s)))
                }
                Some(s) => Err(msg!("post-too-deep-help", folder = s.folder())),
                None => Err(
                    match suggest::closest(folder, Section::FOLDERS.iter().copied()) {
                        Some(c) => msg!("did-you-mean-folder", folder = format!("content/{c}/")),
                        None => msg!("markdown-folders-help"),
                    },
                ),
            },
            [] => Ok(None),
        },
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_contract_layout() {
        assert_eq!(classify("data/site.yaml"), Ok(Some(Kind::Config)));
        assert_eq!(
            classify("data/libraries/jawa-tengah.yaml"),
            Ok(Some(Kind::Libraries))
        );
        assert_eq!(
            classify("content/berita/a.md"),
            Ok(Some(Kind::Markdown(Section::Berita)))
        );
        assert_eq!(
            classify("content/berita/a/index.md"),
            Ok(Some(Kind::Markdown(Section::Berita)))
        );
        assert_eq!(
            classify("content/tentang.md"),
            Ok(Some(Kind::Markdown(Section::Page)))
        );
        assert_eq!(classify("content/berita/a/foto.jpg"), Ok(None));
        assert!(classify("content/beritaa/a.md")
            .unwrap_err()
            .en()
            .contains("content/berita/"));
        assert!(classify("data/province.yaml")
            .unwrap_err()
            .en()
            .contains("provinces.yaml"));
    }
}
