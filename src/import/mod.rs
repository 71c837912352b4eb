//! `warta import libraries` and `warta export libraries`: partner-library
//! data between spreadsheets and `data/libraries/*.yaml`.
//!
//! Import reads a sheet ([`sheet`]), finds what each column holds
//! ([`columns`]), matches names to the official lists ([`names`]), merges
//! the rows into the libraries already in `data/` ([`merge`]) and writes
//! tidy YAML, all files or none ([`write`]). It never deletes a library and
//! never guesses a name: any problem fails the import as a whole, before a
//! byte is written. Export ([`export`]) writes the data back out with the
//! same headers, so export → import changes nothing; cells a spreadsheet
//! would run as formulas are marked as text ([`formula`]).

pub mod columns;
pub mod export;
pub mod formula;
pub mod merge;
pub mod names;
mod report;
pub mod sheet;
pub mod write;

pub use report::report;

use crate::diag::{Catalog, Diagnostic, Message, SourceMap};
use crate::load::{self, Loaded};
use crate::msg;
use merge::{Entry, Plan, Planner};
use names::Regions;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A problem in a spreadsheet or mapping file, at `file:row:COL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based row (or line of a mapping file); 0 for the file as a whole.
    pub row: usize,
    /// Column letters (`C`), when one cell is at fault.
    pub col: Option<String>,
    pub message: Message,
    pub help: Option<Message>,
}

impl Problem {
    /// A problem with a file as a whole.
    pub fn file(file: &str, message: Message) -> Problem {
        Problem {
            file: file.to_string(),
            row: 0,
            col: None,
            message,
            help: None,
        }
    }
    pub fn with_help(mut self, help: Message) -> Problem {
        self.help = Some(help);
        self
    }
    /// `file:row:COL`, as far as it is known.
    pub fn location(&self) -> String {
        match (self.row, &self.col) {
            (0, _) => self.file.clone(),
            (r, None) => format!("{}:{r}", self.file),
            (r, Some(c)) => format!("{}:{r}:{c}", self.file),
        }
    }
    /// `file:row:COL: <kind>: message` and a `help:` line, in the
    /// language of `cat`. `kind` is `error` or `warning`, as in `warta check`.
    pub fn render(&self, kind: &str, cat: &Catalog) -> String {
        let mut s = format!("{}: {kind}: {}\n", self.location(), cat.text(&self.message));
        if let Some(h) = &self.help {
            let _ = writeln!(s, "  {}: {}", cat.text(&msg!("label-help")), cat.text(h));
        }
        s
    }
}

/// Why an import or export could not even be planned.
#[derive(Debug)]
pub enum Failure {
    /// The site's own data has errors that must be fixed first.
    Site {
        diags: Vec<Diagnostic>,
        files: SourceMap,
    },
    /// The spreadsheet or mapping file cannot be used.
    Problems(Vec<Problem>),
}

/// Options of `warta import libraries`.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Worksheet of a workbook (default: the first).
    pub sheet: Option<String>,
    /// Mapping file: `column header: field` lines.
    pub map: Option<PathBuf>,
}

/// A planned import: what it would change, and the files to write.
pub struct Import {
    pub sheet: sheet::Sheet,
    pub regions: Regions,
    pub plan: Plan,
    /// Files to write (`data/libraries/x.yaml`, full text), sorted.
    pub files: Vec<(String, String)>,
}

/// Loads the site for import or export: the data files a rewrite would
/// touch must load without errors, or records would be lost.
pub fn load(root: &Path) -> Result<(Loaded, SourceMap, Regions), Failure> {
    let (loaded, files, diags) = load::load_site(root);
    let blocking: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| d.is_error())
        .filter(|d| match &d.span {
            Some(s) => {
                let p = load::slash_path(files.path(s.file));
                p.starts_with("data/libraries/")
                    || p == "data/provinces.yaml"
                    || p == "data/regencies.yaml"
            }
            None => matches!(
                d.message.text_arg("file"),
                Some("data/provinces.yaml" | "data/regencies.yaml")
            ),
        })
        .cloned()
        .collect();
    if !blocking.is_empty() {
        return Err(Failure::Site {
            diags: blocking,
            files,
        });
    }
    let regions = Regions::new(&loaded.provinces, &loaded.regencies);
    if regions.provinces.is_empty() || regions.regencies.is_empty() {
        return Err(Failure::Problems(vec![Problem::file(
            "data/",
            msg!("import-no-regions"),
        )
        .with_help(msg!("import-no-regions-help"))]));
    }
    Ok((loaded, files, regions))
}

/// Reads `file` and plans its import into the site at `root`. Writes nothing.
pub fn prepare(root: &Path, file: &Path, opts: &Options) -> Result<Import, Failure> {
    let mapping = match &opts.map {
        None => None,
        Some(m) => {
            let label = m.display().to_string();
            let text = std::fs::read_to_string(m).map_err(|e| {
                Failure::Problems(vec![Problem::file(
                    &label,
                    msg!("import-map-unreadable", error = e.to_string()),
                )])
            })?;
            Some(columns::Mapping::parse(&label, &text).map_err(Failure::Problems)?)
        }
    };
    let sheet = sheet::read(file, opts.sheet.as_deref()).map_err(|e| {
        let label = file.display().to_string();
        Failure::Problems(vec![Problem {
            help: e.help,
            ..Problem::file(&label, e.message)
        }])
    })?;
    let (loaded, files, regions) = load(root)?;
    let columns = columns::find(&sheet, mapping.as_ref()).map_err(|mut p| {
        if sheet.sheets.len() > 1 {
            let name = sheet.sheet_name.as_deref().unwrap_or_default();
            p.message = msg!("import-in-sheet", sheet = name, message = p.message);
            let sheets = sheet
                .sheets
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>();
            let sheets = sheets.join(", ");
            p.help = Some(match p.help {
                Some(help) => msg!("import-choose-sheet", sheets = sheets, help = help),
                None => msg!("import-choose-sheet-only", sheets = sheets),
            });
        }
        Failure::Problems(vec![*p])
    })?;

    let mut notes = Vec::new();
    let header_number = sheet.rows[columns.header_row].number;
    if !columns.unknown.is_empty() {
        let list: Vec<String> = columns
            .unknown
            .iter()
            .map(|(j, h)| format!("`{h}` ({})", columns::letter(&sheet, *j)))
            .collect();
        notes.push(Problem {
            file: sheet.label.clone(),
            row: header_number,
            col: None,
            message: msg!("import-header-unknown", headers = list.join(", ")),
            help: Some(msg!(
                "import-header-unknown-help",
                fields = columns::FIELD_NAMES.join(", ")
            )),
        });
    }
    if let Some(m) = &mapping {
        let headers: BTreeSet<String> = sheet.rows[columns.header_row]
            .cells
            .iter()
            .map(|c| crate::diag::suggest::fold(&c.text()))
            .collect();
        for (f, h, _, line) in &m.entries {
            if !headers.contains(f) {
                notes.push(Problem {
                    file: opts
                        .map
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    row: *line,
                    col: None,
                    message: msg!("import-map-no-column", header = h),
                    help: None,
                });
            }
        }
    }

    let entries = entries(&loaded, &files);
    let planner = Planner {
        sheet: &sheet,
        columns: &columns,
        regions: &regions,
    };
    let mut plan = merge::plan(&planner, entries);
    notes.append(&mut plan.notes);
    plan.notes = notes;
    let mut out = Import {
        sheet,
        regions,
        plan,
        files: Vec::new(),
    };
    if out.plan.errors.is_empty() {
        out.files = render_files(&out.plan, &out.regions, &files);
        for (path, text) in &out.files {
            if text.len() > write::MAX_FILE_BYTES {
                out.plan.errors.push(
                    Problem::file(
                        path,
                        msg!(
                            "import-file-too-big",
                            kb = text.len() / 1024,
                            limit = write::MAX_FILE_BYTES / 1024
                        ),
                    )
                    .with_help(msg!("import-file-too-big-help")),
                );
            }
        }
        if !out.plan.errors.is_empty() {
            out.files.clear();
        }
    }
    Ok(out)
}

/// Writes the planned files, all or none. Returns their paths.
pub fn apply(root: &Path, import: &Import) -> std::io::Result<Vec<String>> {
    write::commit(root, &import.files)?;
    Ok(import.files.iter().map(|(p, _)| p.clone()).collect())
}

/// The libraries in `data/`, with the file and line each was read from.
fn entries(loaded: &Loaded, files: &SourceMap) -> Vec<Entry> {
    loaded
        .libraries
        .iter()
        .map(|r| {
            let path = load::slash_path(files.path(r.origin.file));
            let line = files
                .get(r.origin.file)
                .line_col(r.origin.record().range.start)
                .0;
            Entry {
                rec: r.data.clone(),
                source: Some(path.clone()),
                line,
                dest: path,
                row: None,
                changed: false,
            }
        })
        .collect()
}

/// The full text of every file the plan touches.
fn render_files(plan: &Plan, regions: &Regions, files: &SourceMap) -> Vec<(String, String)> {
    let mut touched = BTreeSet::new();
    for e in plan.entries.iter().filter(|e| e.changed) {
        touched.insert(e.dest.clone());
        if let Some(src) = &e.source {
            if *src != e.dest {
                touched.insert(src.clone());
            }
        }
    }
    if touched.is_empty() {
        return Vec::new();
    }
    let texts: HashMap<String, &str> = (0..files.len() as u32)
        .map(|i| {
            let id = crate::diag::FileId(i);
            (load::slash_path(files.path(id)), &*files.get(id).text)
        })
        .collect();
    let mut layouts: HashMap<&str, write::Layout> = HashMap::new();
    for e in &plan.entries {
        if let Some(src) = &e.source {
            if touched.contains(&e.dest) && !layouts.contains_key(src.as_str()) {
                layouts.insert(
                    src,
                    write::Layout::of(texts.get(src).copied().unwrap_or("")),
                );
            }
        }
    }
    for f in &touched {
        if !layouts.contains_key(f.as_str()) {
            if let Some(t) = texts.get(f) {
                layouts.insert(f, write::Layout::of(t));
            }
        }
    }
    touched
        .iter()
        .map(|f| {
            let records: Vec<_> = plan
                .entries
                .iter()
                .filter(|e| e.dest == *f)
                .map(|e| {
                    let comments = e
                        .source
                        .as_deref()
                        .and_then(|s| layouts.get(s))
                        .and_then(|l| l.record(e.line));
                    (&e.rec, comments)
                })
                .collect();
            let (header, trailer) = match layouts.get(f.as_str()) {
                Some(l) => (l.header.clone(), l.trailer.clone()),
                None => {
                    let stem = f
                        .trim_start_matches("data/libraries/")
                        .trim_end_matches(".yaml");
                    let name = regions
                        .provinces
                        .iter()
                        .find(|p| p.slug == stem)
                        .map_or(stem, |p| p.name.as_str());
                    (
                        vec![format!("# Perpustakaan mitra TPBIS di Provinsi {name}.")],
                        Vec::new(),
                    )
                }
            };
            let mut text = write::file(&header, &records, &trailer);
            if records.is_empty() {
                text.push_str(if header.is_empty() { "[]\n" } else { "\n[]\n" });
            }
            (f.clone(), text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_name_file_row_and_column() {
        let p = Problem {
            file: "libraries.csv".into(),
            row: 14,
            col: Some("C".into()),
            message: msg!(
                "import-in-sheet",
                sheet = "Data",
                message = msg!("import-report-none")
            ),
            help: Some(msg!("import-map-no-column", header = "Desa")),
        };
        let en = Catalog::new(crate::diag::Lang::En);
        assert_eq!(
            p.render("error", &en),
            "libraries.csv:14:C: error: sheet `Data`: (none)\n  help: the sheet has no column `Desa`\n"
        );
        let id = Catalog::new(crate::diag::Lang::Id);
        assert_eq!(
            p.render("error", &id),
            "libraries.csv:14:C: error: lembar `Data`: (kosong)\n  saran: lembar ini tidak punya kolom `Desa`\n"
        );
        assert_eq!(
            Problem::file("x.xlsx", msg!("import-no-regions")).render("error", &en),
            "x.xlsx: error: the site has no provinces or regencies to match names against\n"
        );
    }
}
