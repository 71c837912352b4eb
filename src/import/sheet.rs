//! Reading a spreadsheet into rows of cells: XLSX (and XLS, ODS) through
//! calamine, CSV through the csv crate with the separator and the text
//! encoding detected the way Indonesian Excel exports need.

use super::formula::unmark;
use crate::diag::Message;
use crate::msg;
use calamine::{Data, Reader};
use std::io::Cursor;
use std::path::Path;

/// One cell as the sheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A date cell (only its calendar day is kept).
    Date {
        year: i32,
        month: u8,
        day: u8,
    },
    /// An Excel error value such as `#N/A`.
    Error(String),
}

impl Cell {
    /// The cell as text, as a person reading the sheet would see it.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Date { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A number without a spurious `.0` (`2019`, `-7.12`).
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A sheet's cells; `rows[i][j]` is at sheet row `first_row + i` (1-based)
/// and column `first_col + j` (0-based, A = 0).
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The file name as shown in messages (`libraries.csv`).
    pub label: String,
    /// The worksheet name, for workbooks.
    pub sheet_name: Option<String>,
    /// Every worksheet of a workbook.
    pub sheets: Vec<String>,
    pub rows: Vec<Row>,
    pub first_col: usize,
    /// For CSV: the separator that was detected and the text encoding.
    pub csv: Option<(char, &'static str)>,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based row number as the spreadsheet program shows it.
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// The column letters of a 0-based column index (`0` → `A`, `27` → `AB`).
#[cfg(test)]
impl Sheet {
    /// A sheet of text cells named `t.csv`, rows numbered from 1 (tests).
    pub fn of_text(rows: Vec<Vec<String>>, csv: Option<(char, &'static str)>) -> Sheet {
        Sheet {
            label: "t.csv".into(),
            sheet_name: None,
            sheets: Vec::new(),
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, r)| Row {
                    number: i + 1,
                    cells: r.into_iter().map(Cell::Text).collect(),
                })
                .collect(),
            first_col: 0,
            csv,
        }
    }
}

pub fn column_letters(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub message: Message,
    pub help: Option<Message>,
}

fn fail(message: Message, help: Option<Message>) -> ReadError {
    ReadError { message, help }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Reads `path`: a workbook when its bytes say so, CSV otherwise.
pub fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet, ReadError> {
    let label = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(path).map_err(|e| {
        fail(
            msg!(
                "import-cannot-read",
                file = path.display().to_string(),
                error = e.to_string()
            ),
            None,
        )
    })?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(OLE_MAGIC) {
        return read_workbook(label, bytes, sheet);
    }
    if WORKBOOK_EXTENSIONS.contains(&ext.as_str()) {
        let looks_text = std::str::from_utf8(&bytes[..bytes.len().min(512)]).is_ok();
        let first = String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        return Err(if looks_text {
            fail(
                msg!(
                    "import-workbook-is-text",
                    file = &label,
                    start = first.chars().take(60).collect::<String>()
                ),
                Some(msg!("import-workbook-is-text-help")),
            )
        } else {
            fail(
                msg!("import-not-workbook", file = &label),
                Some(msg!("import-save-again")),
            )
        });
    }
    if sheet.is_some() {
        return Err(fail(
            msg!("import-sheet-on-csv", file = &label),
            Some(msg!("import-sheet-on-csv-help")),
        ));
    }
    read_csv(label, &bytes)
}

fn read_workbook(label: String, bytes: Vec<u8>, want: Option<&str>) -> Result<Sheet, ReadError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        fail(
            msg!(
                "import-workbook-unreadable",
                file = &label,
                error = e.to_string()
            ),
            Some(msg!("import-save-again")),
        )
    })?;
    let names = book.sheet_names();
    let name = match want {
        None => names
            .first()
            .cloned()
            .ok_or_else(|| fail(msg!("import-no-worksheet", file = &label), None))?,
        Some(w) => match names.iter().find(|n| n.as_str() == w).or_else(|| {
            let f = crate::diag::suggest::fold(w);
            names.iter().find(|n| crate::diag::suggest::fold(n) == f)
        }) {
            Some(n) => n.clone(),
            None => {
                let help = match crate::diag::suggest::closest(w, names.iter().map(String::as_str))
                {
                    Some(c) => msg!("import-did-you-mean-sheet", sheet = c),
                    None => msg!("import-sheets-are", sheets = super::names::or_list(&names)),
                };
                return Err(ReadError {
                    message: msg!("import-no-such-sheet", file = &label, sheet = w),
                    help: Some(help),
                });
            }
        },
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        fail(
            msg!(
                "import-sheet-unreadable",
                sheet = &name,
                file = &label,
                error = e.to_string()
            ),
            None,
        )
    })?;
    let (row0, col0) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: row0 + i + 1,
            cells: cells.iter().map(cell).collect(),
        })
        .collect();
    let other_sheets = names.len() > 1;
    Ok(Sheet {
        label,
        sheet_name: Some(name).filter(|_| other_sheets || want.is_some()),
        sheets: names,
        rows,
        first_col: col0,
        csv: None,
    })
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(unmark(s).to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            Cell::Date {
                year: year as i32,
                month,
                day,
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

/// Decodes CSV bytes: UTF-8 (BOM stripped), UTF-16 with a BOM (Excel's
/// "Unicode text"), or Windows-1252 when the bytes are not valid UTF-8.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// The separator of a CSV text: `,`, `;` or tab, whichever occurs most
/// (outside quotes) in its first lines; `,` on a tie.
pub fn detect_separator(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let (mut in_quotes, mut lines) = (false, 0);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => {
                lines += 1;
                if lines >= 10 {
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == c) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(c, n)| if n > best.1 { (c, n) } else { best },
        )
        .0
}

fn read_csv(label: String, bytes: &[u8]) -> Result<Sheet, ReadError> {
    let (text, encoding) = decode(bytes);
    let sep = detect_separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep as u8)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut numbers = RowNumbers::default();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => rows.push(Row {
                number: numbers.next(&text, &record),
                cells: record
                    .iter()
                    .map(|s| {
                        if s.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(unmark(s).to_string())
                        }
                    })
                    .collect(),
            }),
            Err(e) => {
                let row = rows.last().map_or(1, |r: &Row| r.number + 1);
                return Err(fail(
                    msg!(
                        "import-bad-csv",
                        file = &label,
                        row = row,
                        error = e.to_string()
                    ),
                    Some(msg!("import-bad-csv-help")),
                ));
            }
        }
    }
    Ok(Sheet {
        label,
        sheet_name: None,
        sheets: Vec::new(),
        rows,
        first_col: 0,
        csv: Some((sep, encoding)),
    })
}

/// Numbers CSV records the way a spreadsheet program shows them: one row
/// per record however many lines its quoted cells span, and a row for each
/// blank line (which the csv crate skips). The csv crate's own line count
/// is not that: it counts lines, and is one short after a CRLF.
#[derive(Default)]
struct RowNumbers {
    /// The previous record: byte where it starts, line breaks inside its
    /// cells, its row.
    prev: Option<(usize, usize, usize)>,
}

impl RowNumbers {
    fn next(&mut self, text: &str, record: &csv::StringRecord) -> usize {
        // A record's position is where the reader stopped after the
        // previous one: the rest of a CRLF and blank lines come first.
        let from = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        let start = from
            + text.as_bytes()[from..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let row = match self.prev {
            None => 1 + line_breaks(&text[..start]),
            Some((at, inside, row)) => (row + line_breaks(&text[at..start]))
                .saturating_sub(inside)
                .max(row + 1),
        };
        let inside = record.iter().map(line_breaks).sum();
        self.prev = Some((start, inside, row));
        row
    }
}

/// Line breaks in `s`: CRLF, LF or a lone CR, each one.
fn line_breaks(s: &str) -> usize {
    let b = s.as_bytes();
    b.iter()
        .enumerate()
        .filter(|&(i, &c)| c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn encodings() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFNama;Desa\n"),
            ("Nama;Desa\n".to_string(), "UTF-8")
        );
        assert_eq!(decode(b"Caf\xE9\n"), ("Café\n".to_string(), "Windows-1252"));
        assert_eq!(decode("Café".as_bytes()).0, "Café");
        assert_eq!(decode(b"\xFF\xFEa\x00;\x00b\x00").0, "a;b");
    }

    #[test]
    fn separators() {
        assert_eq!(detect_separator("Nama;Alamat\n\"Jl. A, No 1\";x\n"), ';');
        assert_eq!(detect_separator("Nama,Alamat\n\"Jl. A; No 1\",x\n"), ',');
        assert_eq!(detect_separator("Nama\tAlamat\n"), '\t');
        assert_eq!(detect_separator("Nama\n"), ',');
    }

    #[test]
    fn numbers_read_as_people_do() {
        assert_eq!(number_text(2019.0), "2019");
        assert_eq!(number_text(-7.12), "-7.12");
        assert_eq!(
            Cell::Date {
                year: 2021,
                month: 3,
                day: 9
            }
            .text(),
            "2021-03-09"
        );
    }

    #[test]
    fn csv_rows_numbered_as_a_spreadsheet_shows_them() {
        let numbers = |text: &str| -> Vec<(usize, String)> {
            read_csv("t.csv".into(), text.as_bytes())
                .unwrap()
                .rows
                .iter()
                .map(|r| (r.number, r.cells[0].text()))
                .collect()
        };
        let want = |rows: &[(usize, &str)]| -> Vec<(usize, String)> {
            rows.iter().map(|(n, t)| (*n, t.to_string())).collect()
        };
        // CRLF, as Excel writes it.
        assert_eq!(
            numbers("h,x\r\na,1\r\nb,2\r\n"),
            want(&[(1, "h"), (2, "a"), (3, "b")])
        );
        // A quoted cell over three lines is one row; a blank line is a row.
        for nl in ["\n", "\r\n", "\r"] {
            let text = format!("h,x{nl}\"a{nl}b{nl}c\",1{nl}d,\"e{nl}f\"{nl}{nl}g,3{nl}");
            assert_eq!(
                numbers(&text),
                want(&[(1, "h"), (2, &format!("a{nl}b{nl}c")), (3, "d"), (5, "g")]),
                "{text:?}"
            );
        }
        // Blank lines before the header, no line end at the end.
        assert_eq!(numbers("\r\n\r\nh,x\r\na,1"), want(&[(3, "h"), (4, "a")]));
        // The mark of a text cell is removed.
        assert_eq!(numbers("h\n'+62 812\n")[1].1, "+62 812");
    }
}
