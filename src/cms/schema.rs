//! warta's record schema as Decap fields: one function per record kind,
//! its fields in the order of the record's `FIELDS`. The tests below hold
//! every list against `FIELDS`/`NESTED` and against serde itself (which
//! fields it requires, which value types it takes), so a field added to a
//! record and not here fails the tests.

use super::fields::{Choice, Field, Widget, SLUG_PATTERN, URL_PATTERN};
use crate::model::records::PARTICIPANT_KEYS;
use crate::model::{EventLevel, KpiCategory, LibraryLevel};
use crate::site::Site;

/// Choices that come from the site's data, not from the schema.
pub struct Choices {
    /// Province slugs, labelled with their everyday name.
    pub provinces: Vec<Choice>,
    /// Regencies by official name, labelled with their province.
    pub regencies: Vec<Choice>,
}

impl Choices {
    pub fn of(site: &Site) -> Choices {
        let province_name =
            |p: &crate::site::Province| p.short_name.clone().unwrap_or_else(|| p.name.clone());
        Choices {
            provinces: site
                .provinces
                .iter()
                .map(|p| Choice {
                    label: province_name(p),
                    value: p.slug.clone(),
                })
                .collect(),
            regencies: site
                .regencies
                .iter()
                .map(|r| Choice {
                    label: format!(
                        "{} ({})",
                        r.official_name,
                        province_name(&site.provinces[r.province.index()])
                    ),
                    value: r.official_name.clone(),
                })
                .collect(),
        }
    }
}

/// The key under which a list file's records appear to the editor (see
/// `cms.js`: Decap cannot edit a file whose top level is a list).
pub const LIBRARIES_KEY: &str = "libraries";
pub const AWARDS_KEY: &str = "awards";
/// Collection names, also used in relations.
pub const LIBRARIES: &str = "perpustakaan";
pub const EVENTS: &str = "plm";

fn s(name: &'static str, label: &'static str) -> Field {
    Field::new(name, label, Widget::String { pattern: None })
}
fn text(name: &'static str, label: &'static str) -> Field {
    Field::new(name, label, Widget::Text)
}
fn flag(name: &'static str, label: &'static str, hint: &'static str) -> Field {
    Field::new(name, label, Widget::Boolean).hint(hint)
}
fn int(name: &'static str, label: &'static str, min: i64) -> Field {
    Field::new(name, label, Widget::Int { min: Some(min) })
}
fn select(name: &'static str, label: &'static str, options: Vec<Choice>, multiple: bool) -> Field {
    Field::new(name, label, Widget::Select { options, multiple })
}
fn vocabulary<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|&v| Choice {
            label: label(v).to_string(),
            value: value(v).to_string(),
        })
        .collect()
}
fn library(name: &'static str, label: &'static str, multiple: bool) -> Field {
    Field::new(
        name,
        label,
        Widget::Relation {
            collection: LIBRARIES,
            value_field: "libraries.*.id",
            search_fields: &["libraries.*.name", "libraries.*.id"],
            display_fields: &["libraries.*.name"],
            multiple,
        },
    )
}
fn event(name: &'static str) -> Field {
    Field::new(
        name,
        "Kegiatan (PLM)",
        Widget::Relation {
            collection: EVENTS,
            value_field: "{{slug}}",
            search_fields: &["title"],
            display_fields: &["title"],
            multiple: false,
        },
    )
    .hint("Kegiatan PLM yang terkait, dipilih dari daftar kegiatan.")
}
fn provinces(c: &Choices, hint: &'static str) -> Field {
    select("provinces", "Provinsi", c.provinces.clone(), true).hint(hint)
}
fn tags() -> Field {
    Field::new("tags", "Tag", Widget::Strings).hint("Kata kunci dipisah koma, mis. plm, literasi.")
}
fn title(hint: &'static str) -> Field {
    s("title", "Judul").required().hint(hint)
}
fn date(name: &'static str, label: &'static str) -> Field {
    Field::new(name, label, Widget::Date)
}
fn image() -> [Field; 2] {
    [
        Field::new("image", "Gambar utama", Widget::Image)
            .hint("Foto JPG atau PNG; warta membuat ukuran kecil untuk ponsel."),
        s("image_alt", "Teks alternatif gambar")
            .hint("Jelaskan isi gambar untuk pembaca tunanetra. Wajib diisi bila ada gambar."),
    ]
}
fn summary() -> Field {
    text("summary", "Ringkasan").hint("Satu atau dua kalimat untuk daftar dan mesin pencari.")
}
fn draft() -> Field {
    flag("draft", "Draf", "Centang bila belum boleh terbit.")
}
fn illustrative() -> Field {
    flag(
        "illustrative",
        "Contoh (ilustrasi)",
        "Centang bila isinya bukan dari sumber publik; halaman akan diberi keterangan \"ilustrasi\".",
    )
}
/// The Markdown body of a content page (not a front-matter field).
pub fn body() -> Field {
    Field::new("body", "Isi", Widget::Markdown)
        .required()
        .hint("Tulis dengan tombol di atas: judul bagian, tebal, tautan, daftar, gambar.")
}

/// `updated`: the day the text last changed in substance.
fn updated() -> Field {
    date("updated", "Tanggal diperbarui")
        .hint("Isi hanya bila isinya diubah berarti setelah terbit (bukan salah ketik).")
}

/// `content/berita/*.md` front matter ([`crate::model::records::PostFrontMatter`]).
pub fn post(c: &Choices) -> Vec<Field> {
    let [img, alt] = image();
    vec![
        title("Judul berita, singkat dan jelas."),
        date("date", "Tanggal terbit")
            .required()
            .hint("Tanggal di masa depan: centang Draf dulu."),
        updated(),
        s("author", "Penulis"),
        provinces(c, "Provinsi yang diberitakan (boleh lebih dari satu)."),
        library("libraries", "Perpustakaan", true)
            .hint("Perpustakaan mitra yang disebut dalam berita."),
        event("event"),
        tags(),
        img,
        alt,
        summary(),
        draft(),
        illustrative(),
    ]
}

/// `content/kisah/*.md` front matter.
pub fn story() -> Vec<Field> {
    let [img, alt] = image();
    vec![
        title("Judul kisah perubahan."),
        date("date", "Tanggal").required(),
        updated(),
        s("person", "Nama tokoh")
            .required()
            .hint("Orang yang kisahnya diceritakan, mis. Ibu Siti."),
        library("library", "Perpustakaan", false)
            .required()
            .hint("Perpustakaan tempat kisah ini terjadi; provinsinya mengikuti."),
        Field::new("themes", "Tema", Widget::Strings)
            .hint("Dipisah koma, mis. keterampilan, ekonomi; tema juga menjadi tag."),
        tags(),
        text("quote", "Kutipan").hint("Kalimat tokoh sendiri, tanpa tanda kutip."),
        img,
        alt,
        summary(),
        draft(),
        illustrative(),
    ]
}

fn participant_label(key: &str) -> &'static str {
    match key {
        "total" => "Jumlah seluruh peserta",
        "provinsi" => "Perpustakaan provinsi",
        "kabupaten" => "Perpustakaan kabupaten",
        "kota" => "Perpustakaan kota",
        "kabupaten_kota" => "Perpustakaan kabupaten/kota",
        "desa" => "Perpustakaan desa",
        "kelurahan" => "Perpustakaan kelurahan",
        "desa_kelurahan" => "Perpustakaan desa/kelurahan",
        "penerima_manfaat" => "Penerima manfaat",
        "desa_champion" => "Desa champion",
        "lainnya" => "Lainnya",
        _ => "",
    }
}

/// `content/plm/*.md` front matter.
pub fn event_fields(c: &Choices) -> Vec<Field> {
    let [img, alt] = image();
    let participants = PARTICIPANT_KEYS
        .iter()
        .map(|k| int(k, participant_label(k), 0))
        .collect();
    vec![
        title("Nama kegiatan, mis. PLM Provinsi Jawa Tengah 2024."),
        select(
            "level",
            "Tingkat",
            vocabulary(EventLevel::ALL, EventLevel::as_str, event_level_label),
            false,
        )
        .required(),
        provinces(c, "Provinsi peserta."),
        s("city", "Kota"),
        s("venue", "Tempat").hint("Nama gedung atau hotel; kosongkan bila daring."),
        flag(
            "online",
            "Daring",
            "Centang bila kegiatan berlangsung daring.",
        ),
        date("start", "Tanggal mulai").required(),
        date("end", "Tanggal selesai").hint("Kosongkan bila hanya sehari."),
        s("theme", "Tema"),
        Field::new(
            "participants",
            "Jumlah peserta",
            Widget::Object(participants),
        )
        .hint("Isi angka persis seperti yang dilaporkan; kosongkan yang tidak dilaporkan."),
        Field::new("facilitators", "Fasilitator", Widget::Strings).hint("Nama-nama dipisah koma."),
        tags(),
        img,
        alt,
        summary(),
        draft(),
        illustrative(),
    ]
}

/// Stand-alone pages `content/*.md`.
pub fn page() -> Vec<Field> {
    vec![
        title("Judul halaman."),
        summary(),
        draft(),
        Field::new("weight", "Urutan", Widget::Int { min: None })
            .hint("Angka kecil tampil lebih dulu di menu dan daftar."),
    ]
}

fn level_label(l: LibraryLevel) -> &'static str {
    match l {
        LibraryLevel::Provinsi => "Provinsi",
        LibraryLevel::Kabupaten => "Kabupaten",
        LibraryLevel::Kota => "Kota",
        LibraryLevel::Desa => "Desa",
        LibraryLevel::Kelurahan => "Kelurahan",
    }
}
fn kpi_label(k: KpiCategory) -> &'static str {
    match k {
        KpiCategory::Tinggi => "Tinggi (hijau)",
        KpiCategory::Sedang => "Sedang (kuning)",
        KpiCategory::Rendah => "Rendah (merah)",
    }
}
fn event_level_label(l: EventLevel) -> &'static str {
    match l {
        EventLevel::Provinsi => "Provinsi",
        EventLevel::Regional => "Regional",
        EventLevel::Nasional => "Nasional",
    }
}

/// Social networks offered in the editor; other networks already in the
/// data are kept as they are (Decap keeps keys it has no field for).
const NETWORKS: &[(&str, &str)] = &[
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("x", "X (Twitter)"),
];

/// One partner library, an item of `data/libraries/*.yaml`.
pub fn library_fields(c: &Choices) -> Vec<Field> {
    let url = |name, label| {
        Field::new(
            name,
            label,
            Widget::String {
                pattern: Some(URL_PATTERN),
            },
        )
    };
    let social = NETWORKS.iter().map(|(n, l)| url(*n, *l)).collect();
    let kpi = vec![
        s("period", "Periode")
            .required()
            .hint("Mis. 2024 atau 2024-S1."),
        select(
            "category",
            "Kategori",
            vocabulary(KpiCategory::ALL, KpiCategory::as_str, kpi_label),
            false,
        )
        .required(),
        int("community_engagement", "Kegiatan pelibatan masyarakat", 0),
        int("advocacy", "Kegiatan advokasi", 0),
        int("service_improvement", "Kegiatan peningkatan layanan", 0),
    ];
    vec![
        Field::new("id", "Id (alamat profil)", Widget::String { pattern: Some(SLUG_PATTERN) })
            .required()
            .hint("Menjadi alamat /perpustakaan/<id>/. Jangan diubah setelah terbit; bila terpaksa, tulis id lama di \"Id lama\"."),
        s("name", "Nama perpustakaan").required(),
        select("level", "Tingkat", vocabulary(LibraryLevel::ALL, LibraryLevel::as_str, level_label), false).required(),
        select("province", "Provinsi", c.provinces.clone(), false).required(),
        select("regency", "Kabupaten/kota", c.regencies.clone(), false)
            .required()
            .hint("Harus berada di provinsi yang dipilih."),
        s("district", "Kecamatan"),
        s("village", "Desa/kelurahan"),
        int("joined", "Tahun bergabung", 2000),
        text("address", "Alamat"),
        s("phone", "Telepon"),
        s("email", "Surel"),
        url("website", "Situs web"),
        Field::new("social", "Media sosial", Widget::Object(social)).hint("Alamat lengkap halaman, diawali https://."),
        Field::new(
            "location",
            "Lokasi di peta",
            Widget::Object(vec![
                Field::new("lat", "Lintang (latitude)", Widget::Float).hint("Mis. -6.8048"),
                Field::new("lon", "Bujur (longitude)", Widget::Float).hint("Mis. 110.8405"),
            ]),
        )
        .hint("Isi keduanya atau kosongkan keduanya."),
        Field::new("photo", "Foto", Widget::Image),
        s("photo_alt", "Teks alternatif foto").hint("Jelaskan isi foto untuk pembaca tunanetra."),
        summary(),
        Field::new(
            "kpi",
            "Riwayat KPI",
            Widget::Records {
                fields: kpi,
                summary: "{{fields.period}}: {{fields.category}}",
            },
        )
        .hint("KPI satu perpustakaan tidak diterbitkan program; centang Contoh (ilustrasi) bila mengisinya."),
        Field::new("aliases", "Id lama", Widget::Strings).hint("Id yang pernah dipakai, dipisah koma; alamat lamanya tetap berfungsi."),
        illustrative(),
    ]
}

/// One entry of `data/awards.yaml`.
pub fn award(c: &Choices) -> Vec<Field> {
    vec![
        int("year", "Tahun", 2000).required(),
        select("province", "Provinsi", c.provinces.clone(), false).required(),
        Field::new(
            "category",
            "Kategori",
            Widget::String {
                pattern: Some(SLUG_PATTERN),
            },
        )
        .required()
        .hint("Mis. terbaik atau teraktif."),
        int("rank", "Peringkat", 1).required(),
        library("library", "Perpustakaan", false)
            .required()
            .hint("Perpustakaan pemenang; harus berada di provinsi yang dipilih."),
        event("event"),
        text("note", "Catatan"),
        illustrative(),
    ]
}

#[cfg(test)]
#[path = "schema_tests.rs"]
mod tests;
