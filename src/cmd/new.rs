//! `warta new <section> "<title>"`: a new Markdown file an officer fills in.

use super::EXIT_SITE_ERRORS;
use crate::cli::NewSection;
use crate::diag::shorten;
use crate::model::{limits, slug_from_title, Date};
use crate::validate::invisible;
use std::path::{Path, PathBuf};

pub fn run(root: &Path, section: NewSection, title: &str) -> i32 {
    match create(root, section, title, Date::today()) {
        Ok(path) => {
            println!("created {}", path.display());
            let title = title.trim();
            let (chars, max) = (title.chars().count(), limits::TITLE.chars);
            if chars > max {
                eprintln!(
                    "warning: the title is {chars} characters long; a title can be at most {max}\n  \
                     help: shorten it in {} by {} characters: {}",
                    path.display(),
                    chars - max,
                    limits::TITLE.hint
                );
            }
            println!("fill in the fields, then run `warta check`");
            0
        }
        Err(Refusal { message, help }) => {
            eprintln!("error: {message}\n  help: {help}");
            EXIT_SITE_ERRORS
        }
    }
}

/// Why no file was written, in an officer's words.
#[derive(Debug)]
pub struct Refusal {
    pub message: String,
    pub help: String,
}

fn refuse(message: impl Into<String>, help: impl Into<String>) -> Refusal {
    Refusal {
        message: message.into(),
        help: help.into(),
    }
}

/// Writes the file and returns its path; never overwrites.
pub fn create(
    root: &Path,
    section: NewSection,
    title: &str,
    today: Date,
) -> Result<PathBuf, Refusal> {
    let title = title.trim();
    check_title(title)?;
    let slug = slug_from_title(title);
    if slug.is_empty() {
        return Err(refuse(
            format!(
                "cannot make a file name from the title `{}`",
                shorten(title)
            ),
            "use some letters or digits in the title, e.g. `warta new berita \"PLM Jawa Tengah 2022\"`",
        ));
    }
    let dir = match section {
        NewSection::Berita => "content/berita",
        NewSection::Kisah => "content/kisah",
        NewSection::Plm => "content/plm",
        NewSection::Halaman => "content",
    };
    if !root.join("content").is_dir() {
        return Err(refuse(
            format!("{} has no content/ folder", root.display()),
            "run warta in the site's folder, or pass `--root DIR`",
        ));
    }
    if let Some(file) = Path::new(dir).ancestors().find(|p| root.join(p).is_file()) {
        return Err(refuse(
            format!(
                "{} is a file, where warta keeps the folder {dir}/",
                file.display()
            ),
            format!(
                "rename or move {} away, then run `warta new` again",
                file.display()
            ),
        ));
    }
    std::fs::create_dir_all(root.join(dir)).map_err(|e| cannot("create the folder", dir, &e))?;
    let rel = format!("{dir}/{slug}.md");
    let bundle = format!("{dir}/{slug}/index.md");
    if root.join(&bundle).exists() {
        return Err(already(&bundle));
    }
    let text = front_matter(section, title, today);
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true) // never overwrite, even in a race
        .open(root.join(&rel))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => already(&rel),
            _ => cannot("write", &rel, &e),
        })?;
    f.write_all(text.as_bytes())
        .map_err(|e| cannot("write", &rel, &e))?;
    Ok(PathBuf::from(rel))
}

/// Refuses a title with invisible characters: pasted by accident, and
/// easy to type again now. (A long title is written as it is, with a
/// warning: the file name is cut to a readable length anyway.)
fn check_title(title: &str) -> Result<(), Refusal> {
    if let Some((i, c)) = title
        .chars()
        .enumerate()
        .find(|(_, c)| invisible::hidden(*c))
    {
        return Err(refuse(
            format!(
                "the title holds an invisible character, {} (character {} of the title)",
                invisible::describe(c),
                i + 1
            ),
            format!(
                "remove the invisible character {}: type the title again instead of pasting it",
                invisible::describe(c)
            ),
        ));
    }
    Ok(())
}

fn already(rel: &str) -> Refusal {
    refuse(
        format!("{rel} already exists"),
        "choose another title, or edit that file",
    )
}

/// A file system error in plain words, without the system's error codes.
fn cannot(doing: &str, rel: &str, e: &std::io::Error) -> Refusal {
    use std::io::ErrorKind as K;
    let (why, help) = match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => (
            "you may not write there",
            "check that the site's folder is yours and not read-only",
        ),
        K::StorageFull | K::QuotaExceeded => {
            ("the disk is full", "make room on the disk, then try again")
        }
        K::NotADirectory => (
            "a file stands where a folder should be",
            "move that file out of the way",
        ),
        K::InvalidFilename => (
            "the name is not allowed here",
            "choose a shorter or simpler title",
        ),
        _ => ("", "check the site's folder, then try again"),
    };
    let why = if why.is_empty() {
        // The system's words, without its error number.
        let text = e.to_string();
        text.split(" (os error")
            .next()
            .unwrap_or(&text)
            .to_lowercase()
    } else {
        why.to_string()
    };
    refuse(format!("cannot {doing} {rel}: {why}"), help)
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
        assert!(err.message.contains("already exists"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&p)).unwrap(),
            "mine"
        );
    }
}
