//! `warta new <section> "<title>"`: a new Markdown file an officer fills in.

use super::EXIT_SITE_ERRORS;
use crate::cli::NewSection;
use crate::model::{slugify, Date};
use std::path::{Path, PathBuf};

pub fn run(root: &Path, section: NewSection, title: &str) -> i32 {
    match create(root, section, title, Date::today()) {
        Ok(path) => {
            println!("created {}", path.display());
            println!("fill in the fields, then run `warta check`");
            0
        }
        Err(msg) => {
            eprintln!("error: {msg}");
            EXIT_SITE_ERRORS
        }
    }
}

/// Writes the file and returns its path; never overwrites.
pub fn create(
    root: &Path,
    section: NewSection,
    title: &str,
    today: Date,
) -> Result<PathBuf, String> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(format!(
            "cannot make a file name from the title {title:?}: use some letters or digits"
        ));
    }
    let dir = match section {
        NewSection::Berita => "content/berita",
        NewSection::Kisah => "content/kisah",
        NewSection::Plm => "content/plm",
        NewSection::Halaman => "content",
    };
    let dir_path = root.join(dir);
    if !root.join("content").is_dir() {
        return Err(format!(
            "{} has no content/ folder: run warta in the site's folder or pass --root DIR",
            root.display()
        ));
    }
    std::fs::create_dir_all(&dir_path)
        .map_err(|e| format!("cannot create {}: {e}", dir_path.display()))?;
    let rel = format!("{dir}/{slug}.md");
    let bundle = format!("{dir}/{slug}/index.md");
    if root.join(&bundle).exists() {
        return Err(format!("{bundle} already exists; choose another title"));
    }
    let text = front_matter(section, title, today);
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true) // never overwrite, even in a race
        .open(root.join(&rel))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{rel} already exists; choose another title or edit that file")
            }
            _ => format!("cannot write {rel}: {e}"),
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {rel}: {e}"))?;
    Ok(PathBuf::from(rel))
}

fn front_matter(section: NewSection, title: &str, today: Date) -> String {
    // A JSON string is a valid YAML double-quoted scalar: safe for any title.
    let title = serde_json::to_string(title).expect("a string serializes");
    let body = match section {
        NewSection::Berita => format!(
            "title: {title}\ndate: {today}\nauthor: \"\"\n# provinsi terkait (slug), mis. [jawa-tengah]\nprovinces: []\n\
             # perpustakaan terkait (id), mis. [perpusdes-loram-wetan]\nlibraries: []\n\
             # slug kegiatan PLM jika berita ini tentang PLM, mis. plm-jawa-tengah-2022\n# event: \n\
             tags: []\n# image: foto.jpg\n# image_alt: \"Keterangan foto untuk pembaca tunanetra\"\nsummary: \"\"\n\
             # hapus baris berikut saat siap terbit\ndraft: true\n"
        ),
        NewSection::Kisah => format!(
            "title: {title}\ndate: {today}\n# nama atau sebutan orang yang kisahnya diceritakan\nperson: \"\"\n\
             # id perpustakaan, mis. perpusdes-loram-wetan\nlibrary: \"\"\nthemes: []\ntags: []\nquote: \"\"\nsummary: \"\"\n\
             # hapus baris berikut saat siap terbit\ndraft: true\n"
        ),
        NewSection::Plm => format!(
            "title: {title}\n# provinsi | regional | nasional\nlevel: provinsi\nprovinces: []\ncity: \"\"\nvenue: \"\"\n\
             start: {today}\nend: {today}\ntheme: \"\"\n# jumlah peserta seperti yang dilaporkan\nparticipants: {{}}\n\
             facilitators: []\ntags: []\nsummary: \"\"\n# hapus baris berikut saat siap terbit\ndraft: true\n"
        ),
        NewSection::Halaman => format!("title: {title}\nsummary: \"\"\nweight: 10\n"),
    };
    format!("---\n{body}---\n\nTulis isi di sini.\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_once_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let today = Date::from_ymd(2026, 11, 26).unwrap();
        let p = create(
            dir.path(),
            NewSection::Berita,
            "Judul \"Berita\": PLM",
            today,
        )
        .unwrap();
        assert_eq!(p, PathBuf::from("content/berita/judul-berita-plm.md"));
        let text = std::fs::read_to_string(dir.path().join(&p)).unwrap();
        assert!(
            text.contains("title: \"Judul \\\"Berita\\\": PLM\"\ndate: 2026-11-26\n"),
            "{text}"
        );
        std::fs::write(dir.path().join(&p), "mine").unwrap();
        let err = create(dir.path(), NewSection::Berita, "Judul Berita PLM", today).unwrap_err();
        assert!(err.contains("already exists"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&p)).unwrap(),
            "mine"
        );
    }
}
