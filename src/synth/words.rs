//! The generator's words: names, places and activities it draws from, and
//! how it quotes them in YAML.

use super::rng::Rng;

/// A YAML scalar that is always read back as this exact string: a JSON
/// string is a valid YAML double-quoted scalar.
pub(super) fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// A YAML flow list of quoted strings.
pub(super) fn qlist<S: AsRef<str>>(items: &[S]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

pub(super) const VILLAGE_HEADS: &[&str] = &[
    "Suka", "Mekar", "Sumber", "Karang", "Tanjung", "Bojong", "Cipta", "Harja", "Sari", "Mulya",
    "Tegal", "Wono", "Sido", "Banyu", "Kali", "Gunung", "Pasir", "Muara", "Lubuk", "Teluk", "Batu",
    "Rejo", "Tirta", "Giri",
];
pub(super) const VILLAGE_TAILS: &[&str] = &[
    "maju", "jaya", "sari", "mulya", "rejo", "makmur", "asri", "agung", "harjo", "wetan", "kulon",
    "tengah", "indah", "baru", "lestari", "mukti", "rahayu", "mekar", "sentosa", "raharja",
];
pub(super) const LIBRARY_NAMES: &[&str] = &[
    "Sumber Ilmu",
    "Mawar",
    "Cahaya",
    "Pelita",
    "Tunas Harapan",
    "Bina Warga",
    "Melati",
    "Pustaka Jaya",
    "Sinar Ilmu",
    "Taman Bacaan",
    "Jendela Dunia",
    "Kenanga",
    "Anggrek",
    "Bintang",
    "Lentera",
];
pub(super) const STREETS: &[&str] = &[
    "Jl. Merdeka",
    "Jl. Pemuda",
    "Jl. Diponegoro",
    "Jl. Sudirman",
    "Jl. Kartini",
    "Jl. Pahlawan",
    "Jl. Raya Desa",
    "Jl. Pendidikan",
    "Jl. Veteran",
    "Jl. Balai Desa",
];
pub(super) const PEOPLE: &[&str] = &[
    "Ibu Siti",
    "Pak Budi",
    "Ibu Ratna",
    "Mbak Dewi",
    "Pak Agus",
    "Ibu Wulan",
    "Kak Rina",
    "Pak Joko",
    "Ibu Lestari",
    "Mas Andi",
    "Ibu Nur",
    "Pak Slamet",
    "Ibu Yuni",
    "Kak Fajar",
];
pub(super) const ROLES: &[&str] = &[
    "pengelola perpustakaan desa",
    "kader PKK",
    "pelaku UMKM",
    "guru PAUD",
    "relawan literasi",
    "petani",
    "ibu rumah tangga",
    "pemuda karang taruna",
    "perajin",
    "penjahit",
];
pub(super) const ACTIVITIES: &[&str] = &[
    "pelatihan menjahit",
    "kelas membatik",
    "pelatihan komputer",
    "lomba mendongeng",
    "pelatihan budidaya lele",
    "kelas memasak",
    "pelatihan pemasaran daring",
    "bimbingan belajar",
    "pelatihan hidroponik",
    "kelas merajut",
    "pelatihan pembukuan usaha",
    "kelas bahasa Inggris",
];
pub(super) const TAGS: &[&str] = &[
    "plm",
    "literasi",
    "inklusi-sosial",
    "umkm",
    "pelatihan",
    "advokasi",
    "kemitraan",
    "perempuan",
    "anak",
    "teknologi",
    "pertanian",
    "kerajinan",
    "kesehatan",
    "pendidikan",
];
pub(super) const THEMES: &[&str] = &[
    "ekonomi-keluarga",
    "keterampilan",
    "pendidikan-anak",
    "pemberdayaan-perempuan",
    "pengelolaan-perpustakaan",
    "teknologi-informasi",
];
pub(super) const HOTELS: &[&str] = &[
    "Hotel Grand Nusantara",
    "Hotel Santika",
    "Hotel Aston",
    "Gedung Serbaguna Pemda",
    "Aula Dinas Perpustakaan",
    "Hotel Horison",
];
pub(super) const FACILITATORS: &[&str] = &[
    "Master trainer nasional",
    "Fasilitator daerah",
    "Perpustakaan Nasional RI",
    "Dinas Perpustakaan Provinsi",
    "Mitra CSR",
    "Bappeda",
];

/// `kelas merajut` → `Kelas merajut`.
pub(super) fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

pub(super) fn village_name(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(VILLAGE_HEADS), rng.pick(VILLAGE_TAILS))
}
