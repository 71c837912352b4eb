//! `warta new <section> "<title>"`: a new Markdown file an officer fills in.

use super::EXIT_SITE_ERRORS;
use crate::cli::NewSection;
use crate::diag::{shorten, Catalog, Message};
use crate::load::invisible;
use crate::model::{limits, slug_from_title, Date};
use crate::msg;
use std::path::{Path, PathBuf};

pub fn run(root: &Path, section: NewSection, title: &str, cat: &Catalog) -> i32 {
    let help_word = cat.text(&msg!("label-help"));
    match create(root, section, title, Date::today()) {
        Ok(path) => {
            let file = path.display().to_string();
            println!("{}", cat.text(&msg!("new-created", file = &file)));
            let title = title.trim();
            let (chars, max) = (title.chars().count(), limits::TITLE.chars);
            if chars > max {
                let m = msg!("new-title-too-long", length = chars, limit = max);
                let help = msg!(
                    "new-title-too-long-help",
                    file = file,
                    over = chars - max,
                    hint = Message::new(limits::TITLE.hint)
                );
                eprintln!(
                    "warning[{}]: {}\n  {help_word}: {}",
                    m.id,
                    cat.text(&m),
                    cat.text(&help)
                );
            }
            println!("{}", cat.text(&msg!("new-fill-in")));
            0
        }
        Err(Refusal { message, help }) => {
            eprintln!(
                "error[{}]: {}\n  {help_word}: {}",
                message.id,
                cat.text(&message),
                cat.text(&help)
            );
            EXIT_SITE_ERRORS
        }
    }
}

/// Why no file was written, in an officer's words.
#[derive(Debug)]
pub struct Refusal {
    pub message: Message,
    pub help: Message,
}

fn refuse(message: Message, help: Message) -> Refusal {
    Refusal { message, help }
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
            msg!("new-no-file-name", title = shorten(title)),
            msg!("new-no-file-name-help"),
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
            msg!("new-no-content", root = root.display().to_string()),
            msg!("folder-missing-help"),
        ));
    }
    if let Some(file) = Path::new(dir).ancestors().find(|p| root.join(p).is_file()) {
        return Err(refuse(
            msg!(
                "new-file-in-the-way",
                file = file.display().to_string(),
                folder = dir
            ),
            msg!(
                "new-file-in-the-way-help",
                file = file.display().to_string()
            ),
        ));
    }
    std::fs::create_dir_all(root.join(dir)).map_err(|e| cannot("create", dir, &e))?;
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
            msg!(
                "new-title-invisible",
                name = invisible::describe(c),
                position = i + 1
            ),
            msg!("new-title-invisible-help", name = invisible::describe(c)),
        ));
    }
    Ok(())
}

fn already(rel: &str) -> Refusal {
    refuse(msg!("new-exists", file = rel), msg!("new-exists-help"))
}

/// A file system error in plain words, without the system's error codes.
fn cannot(doing: &str, rel: &str, e: &std::io::Error) -> Refusal {
    use std::io::ErrorKind as K;
    let (why, help) = match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            (msg!("fs-not-allowed"), msg!("fs-not-allowed-help"))
        }
        K::StorageFull | K::QuotaExceeded => (msg!("fs-disk-full"), msg!("fs-disk-full-help")),
        K::NotADirectory => (msg!("fs-not-a-folder"), msg!("fs-not-a-folder-help")),
        K::InvalidFilename => (msg!("fs-bad-name"), msg!("fs-bad-name-help")),
        _ => {
            // The system's words, without its error number.
            let text = e.to_string();
            let text = text
                .split(" (os error")
                .next()
                .unwrap_or(&text)
                .to_lowercase();
            (msg!("expected-other", what = text), msg!("fs-other-help"))
        }
    };
    refuse(
        msg!("new-cannot", doing = doing, file = rel, why = why),
        help,
    )
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
        assert!(err.message.en().contains("already exists"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&p)).unwrap(),
            "mine"
        );
    }
}
