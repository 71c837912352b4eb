//! From rows to records: each row read into typed values, matched to a
//! library already in `data/` (same id, or same name and place) or added
//! with a new stable id, and the differences recorded field by field.

use super::columns::{self, Columns, Field};
use super::names::{self, LevelText, Regions};
use super::sheet::{Cell, Row, Sheet};
use super::Problem;
use crate::diag::suggest::fold;
use crate::model::records::{KpiRecord, LibraryRecord, LocationRecord};
use crate::model::{is_slug, slugify, KpiCategory, LibraryLevel, RegencyKind};
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

/// The values of one row, typed and matched to the official lists.
#[derive(Debug, Default)]
struct Incoming {
    row: usize,
    id: Option<String>,
    name: Option<String>,
    level: Option<LevelText>,
    province: Option<usize>,
    regency: Option<usize>,
    district: Option<String>,
    village: Option<String>,
    joined: Option<u16>,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    summary: Option<String>,
    location: Option<(f64, f64)>,
    kpi_period: Option<String>,
    kpi_category: Option<KpiCategory>,
    kpi_counts: [Option<u32>; 3],
    social: Vec<(String, String)>,
}

/// Cell texts that mean "nothing here".
const PLACEHOLDERS: &[&str] = &[
    "-",
    "--",
    "–",
    "—",
    "n/a",
    "na",
    "tidak ada",
    "belum ada",
    "tidak ada data",
    "null",
    "nihil",
];

/// Trims a cell; runs of whitespace become one space (line breaks kept when
/// `multiline`); placeholders such as `-` count as empty.
fn clean(s: &str, multiline: bool) -> Option<String> {
    let t = if multiline {
        let lines: Vec<String> = s
            .replace("\r\n", "\n")
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        lines.join("\n").trim().to_string()
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    (!t.is_empty() && !PLACEHOLDERS.contains(&t.to_lowercase().as_str())).then_some(t)
}

/// Reads the rows of `sheet` into a plan against the existing `entries`.
pub struct Planner<'a> {
    pub sheet: &'a Sheet,
    pub columns: &'a Columns,
    pub regions: &'a Regions,
}

impl Planner<'_> {
    fn at(&self, row: usize, j: Option<usize>) -> (usize, Option<String>) {
        (row, j.map(|j| columns::letter(self.sheet, j)))
    }

    fn error(
        &self,
        out: &mut Vec<Problem>,
        row: usize,
        j: Option<usize>,
        message: String,
        help: Option<String>,
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

    /// The one value of `field` in `row`: `None` when its cells are empty;
    /// an error when two columns give different values.
    fn value(&self, row: &Row, field: &Field, errors: &mut Vec<Problem>) -> Option<(usize, Cell)> {
        let mut found: Option<(usize, Cell)> = None;
        for (j, f) in &self.columns.fields {
            if f != field {
                continue;
            }
            let Some(cell) = row.cells.get(*j) else {
                continue;
            };
            if let Cell::Error(e) = cell {
                self.error(
                    errors,
                    row.number,
                    Some(*j),
                    format!("this cell holds the spreadsheet error `{e}`"),
                    Some("fix the formula, or type the value itself".into()),
                );
                continue;
            }
            if clean(&cell.text(), true).is_none() {
                continue;
            }
            match &found {
                None => found = Some((*j, cell.clone())),
                Some((j0, c0)) if clean(&c0.text(), true) != clean(&cell.text(), true) => {
                    self.error(
                        errors,
                        row.number,
                        Some(*j),
                        format!(
                            "columns {} and {} both give `{}`, with different values (`{}` and `{}`)",
                            columns::letter(self.sheet, *j0),
                            columns::letter(self.sheet, *j),
                            field.name(),
                            c0.text().trim(),
                            cell.text().trim()
                        ),
                        Some("empty one of them, or map one column to `ignore` with --map".into()),
                    );
                }
                Some(_) => {}
            }
        }
        found
    }

    fn text(&self, row: &Row, field: Field, errors: &mut Vec<Problem>) -> Option<(usize, String)> {
        let multiline = field == Field::Summary;
        self.value(row, &field, errors)
            .and_then(|(j, c)| clean(&c.text(), multiline).map(|t| (j, t)))
    }

    /// Reads one row into typed values; problems go to `errors`/`notes`.
    fn incoming(&self, row: &Row, errors: &mut Vec<Problem>, notes: &mut Vec<Problem>) -> Incoming {
        let n = row.number;
        let mut inc = Incoming {
            row: n,
            ..Incoming::default()
        };
        if let Some((j, id)) = self.text(row, Field::Id, errors) {
            if is_slug(&id) {
                inc.id = Some(id);
            } else {
                self.error(
                    errors,
                    n,
                    Some(j),
                    format!("`{id}` is not a library id: an id is lowercase words joined by hyphens, e.g. `perpusdes-maju-jaya`"),
                    Some(format!(
                        "write `{}`, or leave the cell empty to have an id made from the name and village \
                         (if this column holds another system's code, map it to `ignore` with --map)",
                        slugify(&id)
                    )),
                );
            }
        }
        inc.name = self.text(row, Field::Name, errors).map(|(_, t)| t);
        if let Some((j, t)) = self.text(row, Field::Level, errors) {
            inc.level = names::level(&t);
            if inc.level.is_none() {
                self.error(
                    errors,
                    n,
                    Some(j),
                    format!("unknown library level `{t}`"),
                    Some("write Desa, Kelurahan, Kabupaten, Kota or Provinsi (e.g. `Perpustakaan Desa`)".into()),
                );
            }
        }
        let mut province_failed = false;
        if let Some((j, t)) = self.text(row, Field::Province, errors) {
            match self.regions.province(&t) {
                Ok(p) => inc.province = Some(p),
                Err(e) => {
                    province_failed = true;
                    self.error(errors, n, Some(j), e.message, Some(e.help));
                }
            }
        }
        if let Some((j, t)) = self.text(row, Field::Regency, errors) {
            if !province_failed {
                match self.regions.regency(&t, inc.province) {
                    Ok(r) => {
                        inc.regency = Some(r);
                        inc.province
                            .get_or_insert(self.regions.regencies[r].province);
                    }
                    Err(e) => self.error(errors, n, Some(j), e.message, Some(e.help)),
                }
            }
        }
        inc.district = self.text(row, Field::District, errors).map(|(_, t)| t);
        inc.village = self.text(row, Field::Village, errors).map(|(_, t)| t);
        inc.address = self.text(row, Field::Address, errors).map(|(_, t)| t);
        inc.summary = self.text(row, Field::Summary, errors).map(|(_, t)| t);
        if let Some((j, c)) = self.value(row, &Field::Joined, errors) {
            match year(&c) {
                Some(y) => inc.joined = Some(y),
                None => self.error(
                    errors,
                    n,
                    Some(j),
                    format!("`{}` is not a year", c.text().trim()),
                    Some("write the year the library joined, e.g. 2019".into()),
                ),
            }
        }
        if let Some((j, c)) = self.value(row, &Field::Phone, errors) {
            inc.phone = match c {
                Cell::Number(x) if x.fract() == 0.0 && x > 0.0 => {
                    let digits = format!("{}", x as u64);
                    if digits.starts_with('8') && (8..=12).contains(&digits.len()) {
                        let (row, col) = self.at(n, Some(j));
                        notes.push(Problem {
                            file: self.sheet.label.clone(),
                            row,
                            col,
                            message: format!("the phone number was stored as a number; written as `0{digits}`"),
                            help: Some("format the column as Text in the spreadsheet so the leading 0 is kept".into()),
                        });
                        Some(format!("0{digits}"))
                    } else {
                        Some(digits)
                    }
                }
                other => clean(&other.text(), false),
            };
        }
        if let Some((j, t)) = self.text(row, Field::Email, errors) {
            let e = t.strip_prefix("mailto:").unwrap_or(&t).to_string();
            let ok = e.split_once('@').is_some_and(|(u, h)| {
                !u.is_empty() && h.contains('.') && !e.contains(char::is_whitespace)
            });
            if ok {
                inc.email = Some(e);
            } else {
                self.error(
                    errors,
                    n,
                    Some(j),
                    format!("`{t}` is not an e-mail address"),
                    Some("write it like `perpus@example.id`".into()),
                );
            }
        }
        if let Some((j, t)) = self.text(row, Field::Website, errors) {
            inc.website = self.web_address(&t, n, j, errors, notes);
        }
        let social: Vec<(usize, String)> = self
            .columns
            .fields
            .iter()
            .filter_map(|(j, f)| match f {
                Field::Social(net) => Some((*j, net.clone())),
                _ => None,
            })
            .collect();
        for (j, net) in social {
            let Some(t) = row.cells.get(j).and_then(|c| clean(&c.text(), false)) else {
                continue;
            };
            if let Some(url) = self.web_address(&t, n, j, errors, notes) {
                inc.social.retain(|(k, _)| *k != net);
                inc.social.push((net, url));
            }
        }
        self.location(row, &mut inc, errors);
        self.kpi(row, &mut inc, errors);
        inc
    }

    /// A web address, `https://` added to a bare domain (with a note).
    fn web_address(
        &self,
        t: &str,
        n: usize,
        j: usize,
        errors: &mut Vec<Problem>,
        notes: &mut Vec<Problem>,
    ) -> Option<String> {
        if (t.starts_with("https://") || t.starts_with("http://"))
            && t.len() > 8
            && !t.contains(char::is_whitespace)
        {
            return Some(t.to_string());
        }
        let bare_domain = !t.contains("://")
            && !t.contains(char::is_whitespace)
            && !t.starts_with('@')
            && t.split('/').next().is_some_and(|host| {
                host.contains('.')
                    && host
                        .chars()
                        .all(|c| c.is_alphanumeric() || ".-".contains(c))
            });
        if bare_domain {
            let url = format!("https://{t}");
            let (row, col) = self.at(n, Some(j));
            notes.push(Problem {
                file: self.sheet.label.clone(),
                row,
                col,
                message: format!("`{t}` has no `https://`; written as `{url}`"),
                help: None,
            });
            return Some(url);
        }
        self.error(
            errors,
            n,
            Some(j),
            format!("`{t}` is not a web address"),
            Some("write the full address starting with https://, e.g. `https://perpusdes.example.id`".into()),
        );
        None
    }

    fn location(&self, row: &Row, inc: &mut Incoming, errors: &mut Vec<Problem>) {
        let n = row.number;
        let lat = self.value(row, &Field::Lat, errors);
        let lon = self.value(row, &Field::Lon, errors);
        let both = self.value(row, &Field::Coordinates, errors);
        let (pair, j) = match (lat, lon, both) {
            (None, None, None) => return,
            (_, _, Some((j, c))) => (coordinates(&c.text()), j),
            (Some((j, a)), Some((_, b)), None) => (coordinate(&a).zip(coordinate(&b)), j),
            (Some((j, _)), None, None) | (None, Some((j, _)), None) => {
                self.error(
                    errors,
                    n,
                    Some(j),
                    "a location needs both latitude and longitude".into(),
                    Some("fill in both cells, or empty both".into()),
                );
                return;
            }
        };
        let Some((lat, lon)) = pair else {
            self.error(
                errors,
                n,
                Some(j),
                "the coordinates are not numbers".into(),
                Some("write decimal degrees, e.g. latitude -6.8 and longitude 110.8".into()),
            );
            return;
        };
        let inside = |a: f64, b: f64| (-11.5..=6.5).contains(&a) && (94.5..=141.5).contains(&b);
        if !inside(lat, lon) {
            let help = if inside(lon, lat) {
                "latitude and longitude look swapped: latitude is the small number (e.g. -6.8), longitude the large one (e.g. 110.8)"
            } else {
                "copy the coordinates from a map: latitude about -11 to 6, longitude about 95 to 141"
            };
            self.error(
                errors,
                n,
                Some(j),
                format!("location {lat}, {lon} is outside Indonesia"),
                Some(help.into()),
            );
            return;
        }
        inc.location = Some((lat, lon));
    }

    fn kpi(&self, row: &Row, inc: &mut Incoming, errors: &mut Vec<Problem>) {
        let n = row.number;
        let period = self.value(row, &Field::KpiPeriod, errors);
        let category = self.text(row, Field::KpiCategory, errors);
        let mut any_count = None;
        for (i, f) in [Field::KpiCommunity, Field::KpiAdvocacy, Field::KpiService]
            .into_iter()
            .enumerate()
        {
            if let Some((j, c)) = self.value(row, &f, errors) {
                any_count.get_or_insert(j);
                match count(&c) {
                    Some(k) => inc.kpi_counts[i] = Some(k),
                    None => self.error(
                        errors,
                        n,
                        Some(j),
                        format!("`{}` is not a count", c.text().trim()),
                        Some("write a whole number of activities, e.g. 12".into()),
                    ),
                }
            }
        }
        if let Some((j, t)) = &category {
            match names::kpi_category(t) {
                Some(c) => inc.kpi_category = Some(c),
                None => self.error(
                    errors,
                    n,
                    Some(*j),
                    format!("unknown KPI category `{t}`"),
                    Some("write Tinggi (hijau), Sedang (kuning) or Rendah (merah)".into()),
                ),
            }
        }
        inc.kpi_period = period.as_ref().and_then(|(_, c)| clean(&c.text(), false));
        if inc.kpi_period.is_none() {
            if let Some(j) = category.as_ref().map(|(j, _)| *j).or(any_count) {
                self.error(
                    errors,
                    n,
                    Some(j),
                    "KPI figures need their period".into(),
                    Some("add a `Periode KPI` column (e.g. 2024 or 2024-S1) and fill it in on this row".into()),
                );
            }
        }
    }
}

/// A year from a number, a date or a text such as `2019` or `Juli 2019`.
fn year(c: &Cell) -> Option<u16> {
    let y = match c {
        Cell::Number(x) if x.fract() == 0.0 => *x as i64,
        Cell::Date { year, .. } => *year as i64,
        other => {
            let t = other.text();
            let years: Vec<&str> = t
                .split(|ch: char| !ch.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .collect();
            match years.as_slice() {
                [one] => one.parse().ok()?,
                _ => return None,
            }
        }
    };
    (1900..=2100).contains(&y).then_some(y as u16)
}

fn count(c: &Cell) -> Option<u32> {
    match c {
        Cell::Number(x) if x.fract() == 0.0 && *x >= 0.0 && *x <= u32::MAX as f64 => {
            Some(*x as u32)
        }
        other => other.text().trim().parse().ok(),
    }
}

/// A decimal degree; a decimal comma (`-6,8`) is read too.
fn coordinate(c: &Cell) -> Option<f64> {
    match c {
        Cell::Number(x) => Some(*x),
        other => number(&other.text()),
    }
}

fn number(t: &str) -> Option<f64> {
    let t = t.trim().replace('\u{2212}', "-");
    let t = if t.contains('.') {
        t
    } else {
        t.replace(',', ".")
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// "lat, lon" in one cell: `-6.8, 110.8`, `-6,8; 110,8`, `-6.8 110.8`.
fn coordinates(t: &str) -> Option<(f64, f64)> {
    let t = t.trim();
    let parts: Vec<&str> = if t.contains(';') {
        t.split(';').collect()
    } else if t.matches(',').count() == 1 {
        t.split(',').collect()
    } else {
        t.split_whitespace().collect()
    };
    match parts.as_slice() {
        [a, b] => Some((number(a)?, number(b)?)),
        _ => None,
    }
}

/// An id for a new library: from its name and village (`perpustakaan-desa-`
/// shortened to `perpusdes-` as the programme writes it), made unique with
/// the regency's name, then a number.
pub fn new_id(
    name: &str,
    village: Option<&str>,
    regency: &str,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let mut base = slugify(name);
    if let Some(v) = village {
        let fv = fold(v);
        if !fv.is_empty() && !fold(name).contains(&fv) {
            base = format!("{base}-{}", slugify(v));
        }
    }
    if let Some(rest) = base.strip_prefix("perpustakaan-desa-") {
        base = format!("perpusdes-{rest}");
    }
    let base = if base.is_empty() {
        "perpustakaan".to_string()
    } else {
        base
    };
    if !taken(&base) {
        return base;
    }
    let reg = slugify(regency);
    let with_place = if reg.is_empty() || base.ends_with(&reg) {
        base.clone()
    } else {
        format!("{base}-{reg}")
    };
    if !taken(&with_place) {
        return with_place;
    }
    (2..)
        .map(|k| format!("{with_place}-{k}"))
        .find(|c| !taken(c))
        .unwrap_or(with_place)
}

/// Sets a text field the row carries, recording the change.
fn set(field: &str, slot: &mut Option<String>, new: &Option<String>, changes: &mut Vec<Change>) {
    if let Some(v) = new {
        if slot.as_deref() != Some(v.as_str()) {
            changes.push(Change {
                field: field.into(),
                old: show(slot),
                new: v.clone(),
            });
            *slot = Some(v.clone());
        }
    }
}

fn show<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
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
                    "tab".to_string()
                } else {
                    format!("`{sep}`")
                };
                out.errors.push(Problem {
                    file: p.sheet.label.clone(),
                    row: r.number,
                    col: None,
                    message: format!("this row has {} cells but the header row has {width}", r.cells.len()),
                    help: Some(format!(
                        "a value holding the separator {sep} must be in double quotes (\"…\"); check this row for a missing or extra {sep}"
                    )),
                });
            }
        }
        if !out.errors.is_empty() {
            out.entries = entries;
            return out;
        }
    }

    // Ids: every id and alias in data/, and every id the sheet names.
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        for id in std::iter::once(&e.rec.id).chain(&e.rec.aliases) {
            by_id.entry(id.clone()).or_insert(i);
        }
    }
    let province_of = |slug: &str| regions.provinces.iter().position(|pr| pr.slug == slug);
    let regency_of = |e: &LibraryRecord| -> Option<usize> {
        regions.regency(&e.regency, province_of(&e.province)).ok()
    };
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut entry_regency: Vec<Option<usize>> = Vec::with_capacity(entries.len());
    for (i, e) in entries.iter().enumerate() {
        by_name.entry(fold(&e.rec.name)).or_default().push(i);
        entry_regency.push(regency_of(&e.rec));
    }
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let incoming: Vec<Incoming> = data_rows
        .iter()
        .map(|r| p.incoming(r, &mut errors, &mut notes))
        .collect();
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
        let mut err = |message: String, help: Option<String>| {
            errors.push(Problem {
                file: p.sheet.label.clone(),
                row: n,
                col: None,
                message,
                help,
            });
        };
        // Which library does the row mean?
        let target = if let Some(id) = &inc.id {
            by_id.get(id).copied()
        } else if let Some(name) = &inc.name {
            let fv = inc.village.as_deref().map(fold).unwrap_or_default();
            let candidates: Vec<usize> = by_name
                .get(&fold(name))
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&i| inc.regency.is_none() || entry_regency[i] == inc.regency)
                        .filter(|&i| {
                            let ev = entries[i]
                                .rec
                                .village
                                .as_deref()
                                .map(fold)
                                .unwrap_or_default();
                            ev.is_empty() || fv.is_empty() || ev == fv
                        })
                        .collect()
                })
                .unwrap_or_default();
            match candidates.as_slice() {
                [] => None,
                [one] => Some(*one),
                many => {
                    let ids: Vec<&str> = many.iter().map(|&i| entries[i].rec.id.as_str()).collect();
                    err(
                        format!(
                            "`{name}` matches {} libraries: {}",
                            ids.len(),
                            names::or_list(&ids)
                        ),
                        Some("add an `ID` column saying which library each row is".into()),
                    );
                    continue;
                }
            }
        } else {
            err(
                "this row has neither a library name nor an id".into(),
                Some("fill in `Nama Perpustakaan` (or `ID`), or delete the row".into()),
            );
            continue;
        };
        match target {
            Some(i) => {
                if let Some(&first) = matched_by.get(&i) {
                    let id = entries[i].rec.id.clone();
                    err(
                        format!("row {first} and this row are the same library `{id}`"),
                        Some("keep one row per library".into()),
                    );
                    continue;
                }
                matched_by.insert(i, n);
                let before = entries[i].rec.clone();
                let changes = apply(
                    &mut entries[i].rec,
                    &inc,
                    regions,
                    entry_regency[i],
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
                entry_regency[i] = inc.regency.or(entry_regency[i]);
                out.updated.push((i, changes));
            }
            None => {
                let Some(rec) = new_record(&inc, regions, &by_id, &reserved, &mut err) else {
                    continue;
                };
                let i = entries.len();
                by_id.insert(rec.id.clone(), i);
                by_name.entry(fold(&rec.name)).or_default().push(i);
                entry_regency.push(inc.regency);
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

fn level_of(inc: &Incoming, regions: &Regions) -> Option<LibraryLevel> {
    match inc.level? {
        LevelText::Is(l) => Some(l),
        LevelText::OfRegency => inc.regency.map(|r| match regions.regencies[r].kind {
            RegencyKind::Kabupaten => LibraryLevel::Kabupaten,
            RegencyKind::Kota => LibraryLevel::Kota,
        }),
    }
}

/// A new library from a row; `None` (with the reason) when the row lacks
/// what a library needs.
fn new_record(
    inc: &Incoming,
    regions: &Regions,
    by_id: &HashMap<String, usize>,
    reserved: &HashSet<String>,
    err: &mut dyn FnMut(String, Option<String>),
) -> Option<LibraryRecord> {
    let mut missing = Vec::new();
    if inc.name.is_none() {
        missing.push("the library's name (`Nama Perpustakaan`)");
    }
    if inc.regency.is_none() {
        missing.push("its regency or city (`Kabupaten/Kota`)");
    }
    let level = level_of(inc, regions);
    if level.is_none() {
        missing.push("its level (`Jenis`: Desa, Kelurahan, Kabupaten, Kota or Provinsi)");
    }
    if !missing.is_empty() {
        err(
            format!("a new library needs {}", missing.join(", ")),
            Some(
                "fill in those cells, or give the `ID` of a library already in data/ to update it"
                    .into(),
            ),
        );
        return None;
    }
    let (name, regency, level) = (inc.name.clone()?, inc.regency?, level?);
    let reg = &regions.regencies[regency];
    let province = &regions.provinces[reg.province];
    let id = match &inc.id {
        Some(id) => id.clone(),
        None => new_id(&name, inc.village.as_deref(), &reg.name, &|c| {
            by_id.contains_key(c) || reserved.contains(c)
        }),
    };
    let mut rec = LibraryRecord::new(
        id,
        name,
        level.as_str().to_string(),
        province.slug.clone(),
        reg.official.clone(),
    );
    apply(&mut rec, inc, regions, Some(regency), err)?;
    Some(rec)
}

/// Applies the values a row carries to `rec`; returns the changes, or
/// `None` (with the reason) when the row cannot apply.
fn apply(
    rec: &mut LibraryRecord,
    inc: &Incoming,
    regions: &Regions,
    current_regency: Option<usize>,
    err: &mut dyn FnMut(String, Option<String>),
) -> Option<Vec<Change>> {
    let mut changes = Vec::new();
    if let Some(name) = &inc.name {
        if rec.name != *name {
            changes.push(Change {
                field: "name".into(),
                old: rec.name.clone(),
                new: name.clone(),
            });
            rec.name = name.clone();
        }
    }
    if let Some(level) = level_of(inc, regions) {
        if LibraryLevel::parse(&rec.level) != Some(level) {
            changes.push(Change {
                field: "level".into(),
                old: rec.level.clone(),
                new: level.as_str().into(),
            });
            rec.level = level.as_str().into();
        }
    }
    if let Some(pr) = inc.province {
        let slug = &regions.provinces[pr].slug;
        if rec.province != *slug {
            if inc.regency.is_none() {
                err(
                    format!(
                        "this row moves `{}` to {}, but gives no regency there",
                        rec.id, regions.provinces[pr].name
                    ),
                    Some("fill in `Kabupaten/Kota` for the new province".into()),
                );
                return None;
            }
            changes.push(Change {
                field: "province".into(),
                old: rec.province.clone(),
                new: slug.clone(),
            });
            rec.province = slug.clone();
        }
    }
    if let Some(r) = inc.regency {
        if current_regency != Some(r) {
            let official = regions.regencies[r].official.clone();
            changes.push(Change {
                field: "regency".into(),
                old: rec.regency.clone(),
                new: official.clone(),
            });
            rec.regency = official;
        }
    }
    set("district", &mut rec.district, &inc.district, &mut changes);
    set("village", &mut rec.village, &inc.village, &mut changes);
    if let Some(y) = inc.joined {
        if rec.joined != Some(y) {
            changes.push(Change {
                field: "joined".into(),
                old: show(&rec.joined),
                new: y.to_string(),
            });
            rec.joined = Some(y);
        }
    }
    set("address", &mut rec.address, &inc.address, &mut changes);
    set("phone", &mut rec.phone, &inc.phone, &mut changes);
    set("email", &mut rec.email, &inc.email, &mut changes);
    set("website", &mut rec.website, &inc.website, &mut changes);
    for (net, url) in &inc.social {
        let old = rec.social.get(net).cloned();
        if old.as_deref() != Some(url.as_str()) {
            changes.push(Change {
                field: format!("social.{net}"),
                old: show(&old),
                new: url.clone(),
            });
            rec.social.insert(net.clone(), url.clone());
        }
    }
    if let Some((lat, lon)) = inc.location {
        let old = rec.location.map(|l| (l.lat, l.lon));
        if old != Some((lat, lon)) {
            changes.push(Change {
                field: "location".into(),
                old: old.map(|(a, b)| format!("{a}, {b}")).unwrap_or_default(),
                new: format!("{lat}, {lon}"),
            });
            rec.location = Some(LocationRecord { lat, lon });
        }
    }
    set("summary", &mut rec.summary, &inc.summary, &mut changes);
    if let Some(period) = &inc.kpi_period {
        kpi_changes(rec, period, inc, &mut changes, err)?;
    }
    Some(changes)
}

fn kpi_changes(
    rec: &mut LibraryRecord,
    period: &str,
    inc: &Incoming,
    changes: &mut Vec<Change>,
    err: &mut dyn FnMut(String, Option<String>),
) -> Option<()> {
    let pos = rec.kpi.iter().position(|k| k.period == period);
    let k = match pos {
        Some(i) => &mut rec.kpi[i],
        None => {
            let Some(c) = inc.kpi_category else {
                err(
                    format!("the KPI of period {period} needs its category"),
                    Some("fill in `Kategori KPI`: Tinggi, Sedang or Rendah".into()),
                );
                return None;
            };
            rec.kpi.push(KpiRecord {
                period: period.to_string(),
                category: c.as_str().into(),
                community_engagement: None,
                advocacy: None,
                service_improvement: None,
            });
            rec.kpi.sort_by(|a, b| a.period.cmp(&b.period));
            changes.push(Change {
                field: format!("kpi {period}"),
                old: String::new(),
                new: c.as_str().into(),
            });
            let i = rec.kpi.iter().position(|k| k.period == period)?;
            &mut rec.kpi[i]
        }
    };
    if let Some(c) = inc.kpi_category {
        if KpiCategory::parse(&k.category) != Some(c) {
            changes.push(Change {
                field: format!("kpi {period} category"),
                old: k.category.clone(),
                new: c.as_str().into(),
            });
            k.category = c.as_str().into();
        }
    }
    let slots = [
        ("community_engagement", &mut k.community_engagement),
        ("advocacy", &mut k.advocacy),
        ("service_improvement", &mut k.service_improvement),
    ];
    for ((name, slot), new) in slots.into_iter().zip(inc.kpi_counts) {
        if let Some(v) = new {
            if *slot != Some(v) {
                if pos.is_some() {
                    changes.push(Change {
                        field: format!("kpi {period} {name}"),
                        old: show(slot),
                        new: v.to_string(),
                    });
                }
                *slot = Some(v);
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_name_and_village_made_unique() {
        let taken: HashSet<&str> = ["perpusdes-maju", "perpusdes-maju-kudus", "taman-baca"]
            .into_iter()
            .collect();
        let t = |c: &str| taken.contains(c);
        assert_eq!(
            new_id(
                "Perpustakaan Desa Sumber Ilmu",
                Some("Labruk Kidul"),
                "Lumajang",
                &t
            ),
            "perpusdes-sumber-ilmu-labruk-kidul"
        );
        assert_eq!(
            new_id(
                "Perpustakaan Desa Tigarun",
                Some("Tigarun"),
                "Hulu Sungai Utara",
                &t
            ),
            "perpusdes-tigarun"
        );
        assert_eq!(new_id("Taman Baca", None, "Kudus", &t), "taman-baca-kudus");
        assert_eq!(
            new_id("Perpustakaan Desa Maju", None, "Kudus", &t),
            "perpusdes-maju-kudus-2"
        );
        assert_eq!(
            new_id(
                "Perpustakaan Désa “Cahaya”",
                Some("Loram Wetan"),
                "Kudus",
                &t
            ),
            "perpusdes-cahaya-loram-wetan"
        );
        assert_eq!(new_id("!!!", None, "Kudus", &t), "perpustakaan");
    }

    #[test]
    fn cells_are_cleaned_and_read() {
        assert_eq!(
            clean("  Jl.  Merdeka\n No. 1 ", false).as_deref(),
            Some("Jl. Merdeka No. 1")
        );
        assert_eq!(clean(" a \r\n b ", true).as_deref(), Some("a\nb"));
        assert_eq!(clean("-", false), None);
        assert_eq!(clean("Tidak Ada", false), None);
        assert_eq!(year(&Cell::Number(2019.0)), Some(2019));
        assert_eq!(year(&Cell::Text("Juli 2019".into())), Some(2019));
        assert_eq!(
            year(&Cell::Date {
                year: 2020,
                month: 1,
                day: 2
            }),
            Some(2020)
        );
        assert_eq!(year(&Cell::Text("dua ribu".into())), None);
        assert_eq!(coordinates("-6.8, 110.8"), Some((-6.8, 110.8)));
        assert_eq!(coordinates("-6,8; 110,8"), Some((-6.8, 110.8)));
        assert_eq!(coordinates("-6.8 110.8"), Some((-6.8, 110.8)));
        assert_eq!(coordinate(&Cell::Text("−7,12".into())), Some(-7.12));
        assert_eq!(count(&Cell::Text("12".into())), Some(12));
        assert_eq!(count(&Cell::Number(-1.0)), None);
    }

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
            .map(|e| format!("{}: {}", e.row, e.message))
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
