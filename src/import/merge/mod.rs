//! From rows to records: each row read into typed values ([`row`], with
//! the cell readers of [`cells`]), matched to a library already in `data/`
//! (same id, or same name and place: [`matching`]), updated field by field
//! ([`update`]) or added with a new stable id ([`ids`]).

mod cells;
mod ids;
mod matching;
mod row;
mod update;

pub use ids::new_id;

use super::columns::{self, Columns, Field};
use super::names::Regions;
use super::sheet::{Row, Sheet};
use super::Problem;
use crate::diag::Message;
use crate::model::records::LibraryRecord;
use crate::msg;
use matching::Known;
use row::Incoming;
use std::collections::{BTreeSet, HashMap, HashSet};

/// A library record with where it lives and what the import did to it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub rec: LibraryRecord,
    /// The file it was read from (`data/libraries/x.yaml`); `None` if new.
    pub source: Option<String>,
    /// 1-based line of its first line in `source`, for keeping comments.
    pub line: usize,
    /// The file it is written to.
    pub dest: String,
    /// The sheet row that matched or made it.
    pub row: Option<usize>,
    pub changed: bool,
}

/// One field that an update changes, in display form (`""` = not set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// What an import would do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Indices into `entries` of added libraries, in row order.
    pub added: Vec<usize>,
    /// Updated libraries with their changes, in row order.
    pub updated: Vec<(usize, Vec<Change>)>,
    /// Libraries the sheet matched without a change.
    pub unchanged: Vec<usize>,
    /// Libraries of the sheet's provinces that the sheet does not list.
    pub missing: Vec<usize>,
    /// Problems that stop the import (unmatched names, bad values, …).
    pub errors: Vec<Problem>,
    /// Things worth knowing that do not stop it.
    pub notes: Vec<Problem>,
    /// Every library, existing and new, in its final state.
    pub entries: Vec<Entry>,
}

/// Reads the rows of `sheet` into a plan against the existing `entries`.
pub struct Planner<'a> {
    pub sheet: &'a Sheet,
    pub columns: &'a Columns,
    pub regions: &'a Regions,
}

impl Planner<'_> {
    /// The first column that holds `field`.
    fn column(&self, field: &Field) -> Option<usize> {
        self.columns
            .fields
            .iter()
            .find(|(_, f)| f == field)
            .map(|(j, _)| *j)
    }

    /// The header of `field`'s column as the officer sees it in the sheet,
    /// or the header export writes when the sheet has no such column.
    fn header(&self, field: &Field) -> String {
        let own = self.column(field).and_then(|j| {
            let h = self.sheet.rows[self.columns.header_row]
                .cells
                .get(j)?
                .text();
            let h = h.trim();
            (!h.is_empty()).then(|| crate::diag::shorten(h))
        });
        own.unwrap_or_else(|| {
            match field {
                Field::Id => "ID",
                Field::Name => "Nama Perpustakaan",
                Field::Level => "Jenis",
                Field::Regency => "Kabupaten/Kota",
                Field::District => "Kecamatan",
                Field::Village => "Desa/Kelurahan",
                other => return other.name(),
            }
            .to_string()
        })
    }

    fn at(&self, row: usize, j: Option<usize>) -> (usize, Option<String>) {
        (row, j.map(|j| columns::letter(self.sheet, j)))
    }

    fn error(
        &self,
        out: &mut Vec<Problem>,
        row: usize,
        j: Option<usize>,
        message: Message,
        help: Option<Message>,
    ) {
        let (row, col) = self.at(row, j);
        out.push(Problem {
            file: self.sheet.label.clone(),
            row,
            col,
            message,
            help,
        });
    }
}

/// Plans the import of `sheet` into `entries` (the libraries in `data/`).
pub fn plan(p: &Planner, mut entries: Vec<Entry>) -> Plan {
    let mut out = Plan::default();
    let regions = p.regions;
    let data_rows: Vec<&Row> = p.sheet.rows[p.columns.header_row + 1..]
        .iter()
        .filter(|r| !columns::is_blank(r))
        .collect();
    out.rows = data_rows.len();

    // A CSV row with more or fewer cells than the header is a misplaced
    // separator: the values would land in the wrong columns.
    if p.sheet.csv.is_some() {
        let width = p.sheet.rows[p.columns.header_row].cells.len();
        for r in &data_rows {
            if r.cells.len() != width {
                let (sep, _) = p.sheet.csv.unwrap_or((',', ""));
                let sep = if sep == '\t' {
                    msg!("import-report-tab")
                } else {
                    msg!("import-list-one", item = sep.to_string())
                };
                out.errors.push(Problem {
                    file: p.sheet.label.clone(),
                    row: r.number,
                    col: None,
                    message: msg!("import-row-width", cells = r.cells.len(), width = width),
                    help: Some(msg!("import-row-width-help", separator = sep)),
                });
            }
        }
        if !out.errors.is_empty() {
            out.entries = entries;
            return out;
        }
    }

    let mut known = Known::new(&entries, regions);
    let province_of = |slug: &str| regions.provinces.iter().position(|pr| pr.slug == slug);
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let incoming: Vec<Incoming> = data_rows
        .iter()
        .map(|r| p.incoming(r, &mut errors, &mut notes))
        .collect();
    // Every id the sheet names: a new id must not take one of them.
    let reserved: HashSet<String> = incoming.iter().filter_map(|i| i.id.clone()).collect();
    let mut matched_by: HashMap<usize, usize> = HashMap::new();
    let mut sheet_provinces = BTreeSet::new();
    let row_failed: HashSet<usize> = errors.iter().map(|e| e.row).collect();

    for inc in incoming {
        let n = inc.row;
        if let Some(pr) = inc.province {
            sheet_provinces.insert(pr);
        }
        if row_failed.contains(&n) {
            continue;
        }
        let mut err = |message: Message, help: Option<Message>| {
            errors.push(Problem {
                file: p.sheet.label.clone(),
                row: n,
                col: None,
                message,
                help,
            });
        };
        // Which library does the row mean?
        let target = match known.find(&inc, &entries) {
            Ok(t) => t,
            Err(miss) => {
                let (message, help) = p.miss(&miss, &inc, &entries);
                err(message, Some(help));
                continue;
            }
        };
        match target {
            Some(i) => {
                if let Some(&first) = matched_by.get(&i) {
                    let id = entries[i].rec.id.clone();
                    err(
                        msg!("import-same-library", first = first, id = id),
                        Some(p.same_library(inc.id.is_some())),
                    );
                    continue;
                }
                matched_by.insert(i, n);
                let before = entries[i].rec.clone();
                let changes = update::apply(
                    &mut entries[i].rec,
                    &inc,
                    regions,
                    known.regency[i],
                    &mut err,
                );
                let Some(changes) = changes else { continue };
                entries[i].row = Some(n);
                if let Some(pr) = province_of(&entries[i].rec.province) {
                    sheet_provinces.insert(pr);
                }
                if changes.is_empty() {
                    out.unchanged.push(i);
                    continue;
                }
                // Moving to another province moves the record to that
                // province's file, if it sat in its old province's file.
                if before.province != entries[i].rec.province
                    && entries[i].dest == file_of(&before.province)
                {
                    entries[i].dest = file_of(&entries[i].rec.province);
                }
                entries[i].changed = true;
                known.regency[i] = inc.regency.or(known.regency[i]);
                out.updated.push((i, changes));
            }
            None => {
                let Some(rec) = p.new_record(&inc, &known.by_id, &reserved, &mut err) else {
                    continue;
                };
                let i = entries.len();
                known.add(i, &rec, inc.regency);
                matched_by.insert(i, n);
                entries.push(Entry {
                    dest: file_of(&rec.province),
                    rec,
                    source: None,
                    line: 0,
                    row: Some(n),
                    changed: true,
                });
                out.added.push(i);
            }
        }
    }
    for (i, e) in entries.iter().enumerate() {
        let in_sheet_province =
            province_of(&e.rec.province).is_some_and(|pr| sheet_provinces.contains(&pr));
        if e.source.is_some()
            && e.row.is_none()
            && in_sheet_province
            && !e.rec.illustrative
            && !matched_by.contains_key(&i)
        {
            out.missing.push(i);
        }
    }
    errors.sort_by(|a, b| (a.row, &a.col).cmp(&(b.row, &b.col)));
    out.errors = errors;
    out.notes = notes;
    out.entries = entries;
    out
}

/// `data/libraries/<province>.yaml`.
pub fn file_of(province_slug: &str) -> String {
    format!("data/libraries/{province_slug}.yaml")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(rows: &[&str]) -> Sheet {
        let text = rows
            .iter()
            .map(|r| r.split(',').map(str::to_string).collect())
            .collect();
        Sheet::of_text(text, Some((',', "UTF-8")))
    }

    fn existing(id: &str, name: &str, regency: &str, village: Option<&str>) -> Entry {
        let mut rec = crate::import::write::tests::library(id);
        rec.name = name.into();
        rec.regency = regency.into();
        rec.village = village.map(Into::into);
        Entry {
            rec,
            source: Some("data/libraries/jawa-tengah.yaml".into()),
            line: 1,
            dest: "data/libraries/jawa-tengah.yaml".into(),
            row: None,
            changed: false,
        }
    }

    fn run(rows: &[&str], entries: Vec<Entry>) -> Plan {
        let s = sheet(rows);
        let regions = crate::import::names::tests::regions();
        let columns = columns::find(&s, None).unwrap();
        plan(
            &Planner {
                sheet: &s,
                columns: &columns,
                regions: &regions,
            },
            entries,
        )
    }

    #[test]
    fn rows_match_by_name_and_place_or_are_added() {
        let entries = vec![
            existing(
                "perpusdes-maju",
                "Perpustakaan Desa Maju",
                "33.19",
                Some("Bae"),
            ),
            existing(
                "perpusdes-maju-jepara",
                "Perpustakaan Desa Maju",
                "Kabupaten Jepara",
                None,
            ),
            existing("taman-baca", "Taman Baca", "Kabupaten Kudus", None),
        ];
        let p = run(
            &[
                "Nama Perpustakaan,Provinsi,Kabupaten/Kota,Desa,Jenis,Email",
                "perpustakaan desa maju,Jateng,KUDUS,BAE,,maju@example.id",
                "Perpustakaan Desa Maju,Jateng,Kab. Jepara,,,",
                "Perpustakaan Desa Maju,Jateng,Kab. Kudus,Dersalam,Desa,",
            ],
            entries,
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.updated.len(), 1);
        let (i, changes) = &p.updated[0];
        assert_eq!(p.entries[*i].rec.id, "perpusdes-maju");
        // The code `33.19` resolves to the same regency: no change there.
        assert_eq!(
            changes.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(),
            ["name", "village", "email"]
        );
        assert_eq!(p.unchanged.len(), 1);
        assert_eq!(p.added.len(), 1);
        let added = &p.entries[p.added[0]].rec;
        assert_eq!(added.id, "perpusdes-maju-dersalam");
        assert_eq!(
            (added.level.as_str(), added.regency.as_str()),
            ("desa", "Kabupaten Kudus")
        );
        assert_eq!(p.missing.len(), 1);
        assert_eq!(p.entries[p.missing[0]].rec.id, "taman-baca");
    }

    #[test]
    fn duplicate_and_ambiguous_rows_are_errors() {
        let entries = vec![
            existing("a", "Taman Baca", "Kabupaten Kudus", Some("Bae")),
            existing("b", "Taman Baca", "Kabupaten Kudus", Some("Gebog")),
        ];
        let p = run(
            &[
                "Nama Perpustakaan,Kabupaten/Kota,Desa",
                "Taman Baca,Kudus,",
                "Taman Baca,Kudus,Bae",
                "Taman Baca,Kudus,bae",
                ",Kudus,bae",
            ],
            entries,
        );
        let msgs: Vec<String> = p
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.row, e.message.en()))
            .collect();
        assert_eq!(
            msgs,
            [
                "2: `Taman Baca` matches 2 libraries: `a` or `b`",
                "4: row 3 and this row are the same library `a`",
                "5: this row has neither a library name nor an id",
            ]
        );
    }
}
