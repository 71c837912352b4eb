//! `warta export libraries`: the libraries of `data/` as a spreadsheet
//! with the Indonesian headers the import recognises, so that importing an
//! export changes nothing.

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
    fn text(&self) -> String {
        match self {
            Out::Empty => String::new(),
            Out::Text(s) => s.clone(),
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
/// accents right), `,`-separated, CRLF line ends.
pub fn csv_bytes(t: &Table) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(&t.headers).map_err(|e| e.to_string())?;
    for row in &t.rows {
        w.write_record(row.iter().map(Out::text))
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
                    sheet.write_string(r, c, s).map_err(err)?;
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
}
