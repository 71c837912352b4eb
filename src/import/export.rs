//! `warta export libraries`: the libraries of `data/` as a spreadsheet
//! with the Indonesian headers the import recognises, so that importing an
//! export changes nothing.

use super::formula;
use super::names::{kpi_label, level_label, Regions};
use super::sheet::number_text;
use crate::load::Loaded;
use crate::model::records::LibraryRecord;
use crate::model::{KpiCategory, LibraryLevel};
use std::collections::BTreeSet;

/// Spreadsheet formats export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// One cell of the export.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    Empty,
    Text(String),
    Number(f64),
}

impl Out {
    /// The cell as CSV writes it: text marked where a spreadsheet would
    /// run it as a formula.
    fn csv_text(&self) -> String {
        match self {
            Out::Empty => String::new(),
            Out::Text(s) => formula::mark(s).into_owned(),
            Out::Number(n) => number_text(*n),
        }
    }
}

/// The export as a table.
#[derive(Debug, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Out>>,
    /// Libraries left out because they are illustrative examples.
    pub illustrative: usize,
}

/// The fixed columns, in order (social networks follow, one column each).
pub const HEADERS: &[&str] = &[
    "ID",
    "Nama Perpustakaan",
    "Jenis",
    "Provinsi",
    "Kabupaten/Kota",
    "Kecamatan",
    "Desa/Kelurahan",
    "Tahun Bergabung",
    "Alamat",
    "Telepon",
    "Email",
    "Website",
    "Latitude",
    "Longitude",
    "Periode KPI",
    "Kategori KPI",
    "Keterlibatan Masyarakat",
    "Advokasi",
    "Peningkatan Layanan",
    "Ringkasan",
];

fn text(v: &Option<String>) -> Out {
    v.as_ref().map_or(Out::Empty, |s| Out::Text(s.clone()))
}

fn number<T: Into<f64>>(v: Option<T>) -> Out {
    v.map_or(Out::Empty, |n| Out::Number(n.into()))
}

/// "Facebook" for `facebook`; other keys as "Sosial <key>".
fn network_header(key: &str) -> String {
    const KNOWN: &[(&str, &str)] = &[
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("youtube", "YouTube"),
        ("twitter", "Twitter"),
        ("tiktok", "TikTok"),
        ("threads", "Threads"),
        ("linkedin", "LinkedIn"),
    ];
    KNOWN
        .iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| format!("Sosial {key}"), |(_, h)| h.to_string())
}

/// The libraries of the site as rows, sorted by province, regency and id.
/// Illustrative examples are left out: they are not programme data.
pub fn table(loaded: &Loaded, regions: &Regions) -> Table {
    let mut libs: Vec<&LibraryRecord> = loaded
        .libraries
        .iter()
        .map(|r| &r.data)
        .filter(|l| !l.illustrative)
        .collect();
    let illustrative = loaded.libraries.len() - libs.len();
    let place = |l: &LibraryRecord| {
        let p = regions.provinces.iter().position(|p| p.slug == l.province);
        let r = regions.regency(&l.regency, p).ok();
        (p, r)
    };
    libs.sort_by_cached_key(|l| {
        let (p, r) = place(l);
        (
            p.unwrap_or(usize::MAX),
            r.unwrap_or(usize::MAX),
            l.id.clone(),
        )
    });
    let networks: BTreeSet<&str> = libs
        .iter()
        .flat_map(|l| l.social.keys().map(String::as_str))
        .collect();
    let mut headers: Vec<String> = HEADERS.iter().map(|h| h.to_string()).collect();
    headers.extend(networks.iter().map(|n| network_header(n)));
    let rows = libs
        .iter()
        .map(|l| {
            let (p, r) = place(l);
            let kpi = l.kpi.iter().max_by(|a, b| a.period.cmp(&b.period));
            let mut row = vec![
                Out::Text(l.id.clone()),
                Out::Text(l.name.clone()),
                Out::Text(
                    LibraryLevel::parse(&l.level)
                        .map_or_else(|| l.level.clone(), |v| level_label(v).to_string()),
                ),
                Out::Text(
                    p.map_or_else(|| l.province.clone(), |p| regions.provinces[p].name.clone()),
                ),
                Out::Text(r.map_or_else(
                    || l.regency.clone(),
                    |r| regions.regencies[r].official.clone(),
                )),
                text(&l.district),
                text(&l.village),
                number(l.joined),
                text(&l.address),
                text(&l.phone),
                text(&l.email),
                text(&l.website),
                number(l.location.map(|x| x.lat)),
                number(l.location.map(|x| x.lon)),
                kpi.map_or(Out::Empty, |k| Out::Text(k.period.clone())),
                kpi.map_or(Out::Empty, |k| {
                    Out::Text(
                        KpiCategory::parse(&k.category)
                            .map_or_else(|| k.category.clone(), |c| kpi_label(c).to_string()),
                    )
                }),
                number(kpi.and_then(|k| k.community_engagement)),
                number(kpi.and_then(|k| k.advocacy)),
                number(kpi.and_then(|k| k.service_improvement)),
                text(&l.summary),
            ];
            row.extend(networks.iter().map(|n| text(&l.social.get(*n).cloned())));
            row
        })
        .collect();
    Table {
        headers,
        rows,
        illustrative,
    }
}

/// The table as CSV: UTF-8 with a byte-order mark (so Excel reads the
/// accents right), `,`-separated, CRLF line ends; text a spreadsheet would
/// run as a formula marked with a leading `'` (numbers are numbers).
pub fn csv_bytes(t: &Table) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(&t.headers).map_err(|e| e.to_string())?;
    for row in &t.rows {
        w.write_record(row.iter().map(Out::csv_text))
            .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// The table as an XLSX workbook: a bold, frozen header row, numbers as
/// numbers, phone numbers and periods as text (leading zeros kept).
pub fn xlsx_bytes(t: &Table) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format as XFormat, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Perpustakaan").map_err(err)?;
    let bold = XFormat::new().set_bold();
    for (j, h) in t.headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, j as u16, h, &bold)
            .map_err(err)?;
        let width = match h.as_str() {
            "Nama Perpustakaan" | "Alamat" | "Ringkasan" => 40.0,
            "ID" | "Kabupaten/Kota" | "Email" | "Website" => 28.0,
            _ => 16.0,
        };
        sheet.set_column_width(j as u16, width).map_err(err)?;
    }
    for (i, row) in t.rows.iter().enumerate() {
        let r = (i + 1) as u32;
        for (j, cell) in row.iter().enumerate() {
            let c = j as u16;
            match cell {
                Out::Empty => {}
                Out::Text(s) => {
                    sheet
                        .write_string(r, c, formula::mark_in_workbook(s))
                        .map_err(err)?;
                }
                Out::Number(n) => {
                    sheet.write_number(r, c, *n).map_err(err)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    book.save_to_buffer().map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_bom_and_indonesian_headers() {
        let t = Table {
            headers: vec![
                "ID".into(),
                "Nama Perpustakaan".into(),
                "Tahun Bergabung".into(),
            ],
            rows: vec![vec![
                Out::Text("a".into()),
                Out::Text("Perpus, \"Maju\"".into()),
                Out::Number(2019.0),
            ]],
            illustrative: 0,
        };
        let bytes = csv_bytes(&t).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "\u{feff}ID,Nama Perpustakaan,Tahun Bergabung\r\na,\"Perpus, \"\"Maju\"\"\",2019\r\n"
        );
        assert!(xlsx_bytes(&t).unwrap().starts_with(b"PK\x03\x04"));
        assert_eq!(network_header("facebook"), "Facebook");
        assert_eq!(network_header("mastodon"), "Sosial mastodon");
    }

    #[test]
    fn formula_starts_are_text_in_both_formats() {
        use calamine::{Data, Reader};
        let values = ["=1+1", "+62 812", "-", "@x", "\tx", "\rx", "'=1", "Jl. A"];
        let t = Table {
            headers: vec!["Alamat".into(), "Latitude".into()],
            rows: values
                .iter()
                .map(|v| vec![Out::Text(v.to_string()), Out::Number(-6.8)])
                .collect(),
            illustrative: 0,
        };
        let csv = String::from_utf8(csv_bytes(&t).unwrap()).unwrap();
        assert!(
            csv.contains("\r\n'=1+1,-6.8\r\n'+62 812,-6.8\r\n'-,-6.8\r\n'@x,"),
            "{csv:?}"
        );
        assert!(csv.contains("\r\n''=1,-6.8\r\nJl. A,-6.8\r\n"), "{csv:?}");
        // rust_xlsxwriter writes strings as strings: no formula in the
        // workbook, and calamine reads each value back as it was.
        let bytes = xlsx_bytes(&t).unwrap();
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let formulas = book.worksheet_formula("Perpustakaan").unwrap();
        assert!(formulas.used_cells().all(|(.., f)| f.is_empty()));
        let range = book.worksheet_range("Perpustakaan").unwrap();
        let read: Vec<(String, f64)> = range
            .rows()
            .skip(1)
            .map(|r| match (&r[0], &r[1]) {
                (Data::String(s), Data::Float(x)) => {
                    (crate::import::formula::unmark(s).to_string(), *x)
                }
                other => panic!("{other:?}"),
            })
            .collect();
        let want: Vec<(String, f64)> = values.iter().map(|v| (v.to_string(), -6.8)).collect();
        assert_eq!(read, want);
    }
}
