//! Which column holds what: common Indonesian headers recognised out of the
//! box (case, spaces and punctuation ignored), a mapping file for the rest.

use super::sheet::{column_letters, Row, Sheet};
use super::Problem;
use crate::diag::suggest::{self, fold};
use crate::msg;

/// What a column can fill in a library record.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    Name,
    Level,
    Province,
    Regency,
    District,
    Village,
    Joined,
    Address,
    Phone,
    Email,
    Website,
    Summary,
    Lat,
    Lon,
    /// "lat, lon" in one cell.
    Coordinates,
    KpiPeriod,
    KpiCategory,
    KpiCommunity,
    KpiAdvocacy,
    KpiService,
    /// A social network's page, by network key (`facebook`).
    Social(String),
    /// A column to leave out (mapping `ignore`, or a running number "No.").
    Ignore,
}

/// The field names a mapping file may use, in the contract's order.
pub const FIELD_NAMES: &[&str] = &[
    "id",
    "name",
    "level",
    "province",
    "regency",
    "district",
    "village",
    "joined",
    "address",
    "phone",
    "email",
    "website",
    "summary",
    "lat",
    "lon",
    "location",
    "kpi_period",
    "kpi_category",
    "kpi_community_engagement",
    "kpi_advocacy",
    "kpi_service_improvement",
    "social.<network>",
    "ignore",
];

impl Field {
    /// The field a mapping file names (`name`, `kpi_category`, `social.facebook`, …).
    pub fn from_name(s: &str) -> Option<Field> {
        let s = s.trim();
        if let Some(net) = s
            .strip_prefix("social.")
            .or_else(|| s.strip_prefix("social/"))
        {
            let key = crate::model::slugify(net).replace('-', "_");
            return (!key.is_empty()).then_some(Field::Social(key));
        }
        Some(match s {
            "id" => Field::Id,
            "name" => Field::Name,
            "level" => Field::Level,
            "province" => Field::Province,
            "regency" => Field::Regency,
            "district" => Field::District,
            "village" => Field::Village,
            "joined" => Field::Joined,
            "address" => Field::Address,
            "phone" => Field::Phone,
            "email" => Field::Email,
            "website" => Field::Website,
            "summary" => Field::Summary,
            "lat" | "location.lat" => Field::Lat,
            "lon" | "location.lon" => Field::Lon,
            "location" => Field::Coordinates,
            "kpi_period" | "kpi.period" => Field::KpiPeriod,
            "kpi_category" | "kpi.category" => Field::KpiCategory,
            "kpi_community_engagement" | "kpi.community_engagement" => Field::KpiCommunity,
            "kpi_advocacy" | "kpi.advocacy" => Field::KpiAdvocacy,
            "kpi_service_improvement" | "kpi.service_improvement" => Field::KpiService,
            "ignore" | "-" => Field::Ignore,
            _ => return None,
        })
    }

    /// The field's name in messages (the record field it fills).
    pub fn name(&self) -> String {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Level => "level",
            Field::Province => "province",
            Field::Regency => "regency",
            Field::District => "district",
            Field::Village => "village",
            Field::Joined => "joined",
            Field::Address => "address",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Website => "website",
            Field::Summary => "summary",
            Field::Lat => "location.lat",
            Field::Lon => "location.lon",
            Field::Coordinates => "location",
            Field::KpiPeriod => "kpi.period",
            Field::KpiCategory => "kpi.category",
            Field::KpiCommunity => "kpi.community_engagement",
            Field::KpiAdvocacy => "kpi.advocacy",
            Field::KpiService => "kpi.service_improvement",
            Field::Social(n) => return format!("social.{n}"),
            Field::Ignore => "ignore",
        }
        .to_string()
    }
}

/// Headers recognised without a mapping, folded (lowercase letters and
/// digits only: "No. HP" is `nohp`, "Kabupaten/Kota" is `kabupatenkota`).
const HEADERS: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "idperpustakaan", "slug"]),
    (
        Field::Name,
        &[
            "namaperpustakaan",
            "nama",
            "namaperpus",
            "namaperpusdes",
            "namalembaga",
            "perpustakaan",
            "name",
        ],
    ),
    (
        Field::Level,
        &[
            "jenis",
            "tingkat",
            "jenisperpustakaan",
            "tingkatperpustakaan",
            "level",
        ],
    ),
    (
        Field::Province,
        &["provinsi", "prov", "namaprovinsi", "province"],
    ),
    (
        Field::Regency,
        &[
            "kabupatenkota",
            "kabkota",
            "kabupaten",
            "kota",
            "kabupatenataukota",
            "namakabupatenkota",
            "regency",
        ],
    ),
    (
        Field::District,
        &["kecamatan", "kec", "namakecamatan", "district"],
    ),
    (
        Field::Village,
        &[
            "desakelurahan",
            "desa",
            "kelurahan",
            "deskel",
            "desaataukelurahan",
            "namadesa",
            "village",
        ],
    ),
    (
        Field::Joined,
        &[
            "tahunbergabung",
            "bergabung",
            "tahunmasuk",
            "tahunbergabungtpbis",
            "tahun",
            "joined",
        ],
    ),
    (
        Field::Address,
        &["alamat", "alamatlengkap", "alamatperpustakaan", "address"],
    ),
    (
        Field::Phone,
        &[
            "nohp",
            "nohpwa",
            "nowa",
            "notelp",
            "notelepon",
            "telepon",
            "telp",
            "hp",
            "nomorhp",
            "nomortelepon",
            "telepondanhp",
            "kontak",
            "phone",
        ],
    ),
    (
        Field::Email,
        &["email", "alamatemail", "surel", "emailperpustakaan"],
    ),
    (
        Field::Website,
        &[
            "website",
            "situs",
            "situsweb",
            "web",
            "laman",
            "alamatwebsite",
        ],
    ),
    (
        Field::Summary,
        &["ringkasan", "deskripsi", "profilsingkat", "summary"],
    ),
    (Field::Lat, &["latitude", "lintang", "lat"]),
    (Field::Lon, &["longitude", "bujur", "lon", "lng", "long"]),
    (
        Field::Coordinates,
        &["koordinat", "titikkoordinat", "location"],
    ),
    (
        Field::KpiPeriod,
        &["periodekpi", "periode", "tahunkpi", "periodepelaporan"],
    ),
    (
        Field::KpiCategory,
        &["kategorikpi", "kpi", "kategori", "statuskpi"],
    ),
    (
        Field::KpiCommunity,
        &[
            "keterlibatanmasyarakat",
            "kegiatanketerlibatanmasyarakat",
            "jumlahketerlibatanmasyarakat",
        ],
    ),
    (
        Field::KpiAdvocacy,
        &["advokasi", "kegiatanadvokasi", "jumlahadvokasi"],
    ),
    (
        Field::KpiService,
        &[
            "peningkatanlayanan",
            "kegiatanpeningkatanlayanan",
            "jumlahpeningkatanlayanan",
        ],
    ),
    (Field::Ignore, &["no", "nomor", "nourut"]),
];

/// Social networks recognised by their name as a header.
const NETWORKS: &[&str] = &[
    "facebook",
    "instagram",
    "youtube",
    "twitter",
    "tiktok",
    "threads",
    "linkedin",
];

/// The field a header means without a mapping.
pub fn recognise(header: &str) -> Option<Field> {
    let by_fold = |f: &str| -> Option<Field> {
        if f.is_empty() {
            return None;
        }
        if let Some((field, _)) = HEADERS.iter().find(|(_, names)| names.contains(&f)) {
            return Some(field.clone());
        }
        if NETWORKS.contains(&f) {
            return Some(Field::Social(f.to_string()));
        }
        let rest = f
            .strip_prefix("sosial")
            .or_else(|| f.strip_prefix("social"))?;
        (!rest.is_empty()).then(|| Field::Social(rest.to_string()))
    };
    by_fold(&fold(header)).or_else(|| by_fold(&fold(&without_brackets(header))))
}

/// "Tahun Bergabung (TPBIS)" → "Tahun Bergabung ".
fn without_brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A mapping file read: folded header → field (`None`: ignore the column).
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// (folded header, header as written, field, line in the mapping file).
    pub entries: Vec<(String, String, Field, usize)>,
}

impl Mapping {
    /// Reads the text of a mapping file named `label`; every problem is
    /// reported, an unknown field name with the closest one.
    pub fn parse(label: &str, text: &str) -> Result<Mapping, Vec<Problem>> {
        let pairs = crate::yaml::string_map(text).map_err(|e| {
            vec![Problem::file(label, msg!("import-map-bad", error = e))
                .with_help(msg!("import-map-bad-help"))]
        })?;
        let mut entries = Vec::new();
        let mut problems = Vec::new();
        for (header, field) in pairs {
            let line = line_of(text, &header);
            let field_text = field.unwrap_or_else(|| "ignore".into());
            match Field::from_name(&field_text) {
                Some(f) => entries.push((fold(&header), header, f, line)),
                None => {
                    let names = FIELD_NAMES.iter().copied().filter(|n| !n.contains('<'));
                    let help = match suggest::closest(&field_text, names) {
                        Some(c) => msg!("did-you-mean", suggestion = c),
                        None => msg!("import-fields-are", fields = FIELD_NAMES.join(", ")),
                    };
                    problems.push(Problem {
                        file: label.to_string(),
                        row: line,
                        col: None,
                        message: msg!(
                            "import-map-unknown-field",
                            field = &field_text,
                            header = &header
                        ),
                        help: Some(help),
                    });
                }
            }
        }
        if problems.is_empty() {
            Ok(Mapping { entries })
        } else {
            Err(problems)
        }
    }

    fn get(&self, header: &str) -> Option<&Field> {
        let f = fold(header);
        self.entries
            .iter()
            .find(|(k, ..)| *k == f)
            .map(|(_, _, field, _)| field)
    }
}

/// The 1-based line of a mapping file where `key` is written.
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches(['"', '\'']);
            l.starts_with(key)
        })
        .map_or(0, |i| i + 1)
}

/// The columns of a sheet: where the header row is and what each column holds.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Index into `Sheet::rows` of the header row.
    pub header_row: usize,
    /// (column index within the row, field), in column order.
    pub fields: Vec<(usize, Field)>,
    /// Headers that were not recognised: (column index, header).
    pub unknown: Vec<(usize, String)>,
}

impl Columns {
    pub fn has(&self, f: &Field) -> bool {
        self.fields.iter().any(|(_, g)| g == f)
    }
}

/// How many rows from the top are searched for the header row (title rows
/// such as "DAFTAR PERPUSTAKAAN MITRA …" often come first).
const HEADER_SEARCH_ROWS: usize = 20;

/// Finds the header row: the first of the top rows that names the library
/// (a name or id column) and at least one other known column.
pub fn find(sheet: &Sheet, mapping: Option<&Mapping>) -> Result<Columns, Box<Problem>> {
    let field_of = |h: &str| -> Option<Field> {
        mapping
            .and_then(|m| m.get(h).cloned())
            .or_else(|| recognise(h))
    };
    for (i, row) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let mut fields = Vec::new();
        let mut unknown = Vec::new();
        for (j, c) in row.cells.iter().enumerate() {
            let h = c.text();
            if h.trim().is_empty() {
                continue;
            }
            match field_of(&h) {
                Some(f) => fields.push((j, f)),
                None => unknown.push((j, h.trim().to_string())),
            }
        }
        let names_library = fields
            .iter()
            .any(|(_, f)| matches!(f, Field::Name | Field::Id));
        let known = fields.iter().filter(|(_, f)| *f != Field::Ignore).count();
        if names_library && known >= 2 {
            return Ok(Columns {
                header_row: i,
                fields,
                unknown,
            });
        }
    }
    let seen: Vec<String> = sheet
        .rows
        .iter()
        .find(|r| r.cells.iter().any(|c| !c.text().trim().is_empty()))
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.text().trim().to_string())
                .filter(|t| !t.is_empty())
                .take(8)
                .collect()
        })
        .unwrap_or_default();
    let message = if seen.is_empty() {
        msg!("import-sheet-empty")
    } else {
        let seen: Vec<String> = seen.iter().map(|s| format!("`{s}`")).collect();
        msg!("import-no-header", first = seen.join(", "))
    };
    Err(Box::new(
        Problem::file(&sheet.label, message).with_help(msg!("import-no-header-help")),
    ))
}

/// The position of a cell in messages: `C` for column index `j` of `row`.
pub fn letter(sheet: &Sheet, j: usize) -> String {
    column_letters(sheet.first_col + j)
}

/// Whether a row holds nothing.
pub fn is_blank(row: &Row) -> bool {
    row.cells.iter().all(|c| c.text().trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_headers_in_any_case_and_spacing() {
        for (h, f) in [
            ("Nama Perpustakaan", Field::Name),
            ("NAMA  PERPUSTAKAAN", Field::Name),
            ("Provinsi", Field::Province),
            ("Kabupaten/Kota", Field::Regency),
            ("Kab/Kota", Field::Regency),
            ("Kecamatan", Field::District),
            ("Desa/Kelurahan", Field::Village),
            ("Tahun Bergabung", Field::Joined),
            ("Tahun Bergabung (TPBIS)", Field::Joined),
            ("Jenis", Field::Level),
            ("Tingkat", Field::Level),
            ("Alamat", Field::Address),
            ("No. HP", Field::Phone),
            ("Telepon", Field::Phone),
            ("E-mail", Field::Email),
            ("Website", Field::Website),
            ("Kategori KPI", Field::KpiCategory),
            ("ID", Field::Id),
            ("Latitude", Field::Lat),
            ("Longitude", Field::Lon),
            ("No.", Field::Ignore),
            ("Facebook", Field::Social("facebook".into())),
        ] {
            assert_eq!(recognise(h), Some(f), "{h}");
        }
        assert_eq!(recognise("Nama Kepala Desa"), None);
    }

    #[test]
    fn mapping_files_name_fields_and_catch_typos() {
        let m = Mapping::parse(
            "map.yaml",
            "Nama Perpus Desa: name\nKolom Bebas: ignore\nFB: social.facebook\n",
        )
        .unwrap();
        assert_eq!(m.get("nama perpus desa"), Some(&Field::Name));
        assert_eq!(m.get("FB"), Some(&Field::Social("facebook".into())));
        let e =
            Mapping::parse("map.yaml", "Nama Perpus Desa: name\nDesa Asal: vilage\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].row, 2);
        assert_eq!(
            e[0].message.en(),
            "unknown field `vilage` for column `Desa Asal`"
        );
        assert_eq!(
            e[0].help.as_ref().map(|h| h.en()).as_deref(),
            Some("did you mean `village`?")
        );
    }

    fn sheet(rows: &[&[&str]]) -> Sheet {
        let text = rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        Sheet::of_text(text, None)
    }

    #[test]
    fn header_row_below_a_title() {
        let s = sheet(&[
            &["DAFTAR PERPUSTAKAAN MITRA TPBIS", "", ""],
            &["", "", ""],
            &["No", "Nama Perpustakaan", "Kabupaten/Kota", "Nama Kepala"],
        ]);
        let c = find(&s, None).unwrap();
        assert_eq!(c.header_row, 2);
        assert_eq!(
            c.fields,
            vec![(0, Field::Ignore), (1, Field::Name), (2, Field::Regency)]
        );
        assert_eq!(c.unknown, vec![(3, "Nama Kepala".to_string())]);
        let e = find(&sheet(&[&["Foo", "Bar"]]), None).unwrap_err();
        assert!(e.message.en().contains("no header row"), "{:?}", e.message);
        let m = Mapping::parse("m.yaml", "Foo: name\nBar: regency\n").unwrap();
        assert!(find(&sheet(&[&["Foo", "Bar"]]), Some(&m)).is_ok());
    }
}
