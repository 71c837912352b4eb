//! Reading one text file safely: size limit, UTF-8, byte-order mark.

use crate::diag::{Diagnostic, FileId, SourceFile, Span};
use std::path::Path;

/// Largest text file warta reads. Bigger files are almost always a mistake
/// (an export pasted whole, a binary saved as `.md`) and would slow every
/// build; a libraries list per province stays far below it.
pub const MAX_TEXT_BYTES: u64 = 2 * 1024 * 1024;

/// Reads `abs` as a text file named `rel`. On failure the returned
/// [`SourceFile`] holds whatever text is safe to show (possibly none) so the
/// diagnostic can still name the file.
pub fn read_text(abs: &Path, rel: &Path, id: FileId) -> (SourceFile, Option<Diagnostic>) {
    let empty = |d: Diagnostic| (SourceFile::new(rel.to_path_buf(), String::new()), Some(d));
    let here = Span::file_start(id);
    let size = match std::fs::metadata(abs) {
        Ok(m) => m.len(),
        Err(e) => {
            return empty(Diagnostic::error(
                here,
                crate::msg!("cannot-read-this-file", error = e.to_string()),
            ))
        }
    };
    if size > MAX_TEXT_BYTES {
        return empty(
            Diagnostic::error(
                here,
                crate::msg!(
                    "text-file-too-large",
                    size = size_above(size, MAX_TEXT_BYTES),
                    limit = human_size(MAX_TEXT_BYTES)
                ),
            )
            .with_help(crate::msg!("text-file-too-large-help")),
        );
    }
    let bytes = match std::fs::read(abs) {
        Ok(b) => b,
        Err(e) => {
            return empty(Diagnostic::error(
                here,
                crate::msg!("cannot-read-this-file", error = e.to_string()),
            ))
        }
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // Editors on Windows often save a BOM; it is not content.
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            (SourceFile::new(rel.to_path_buf(), text), None)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // Keep the valid part so the caret lands on the bad byte.
            let shown = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let at = shown.len();
            let byte = bytes[valid];
            let file = SourceFile::new(rel.to_path_buf(), shown);
            let d = Diagnostic::error(
                Span::new(id, at..at),
                crate::msg!("not-utf8", byte = format!("0x{byte:02X}")),
            )
            .with_help(crate::msg!("not-utf8-help"));
            (file, Some(d))
        }
    }
}

/// `size` in words that differ from the `limit`'s: "2.04 MB", not "2.0
/// MB, larger than the 2.0 MB limit".
fn size_above(size: u64, limit: u64) -> String {
    let shown = human_size(size);
    if shown == human_size(limit) {
        format!("{:.2} MB", size as f64 / (1024.0 * 1024.0))
    } else {
        shown
    }
}

pub fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_reports_bad_bytes_with_position() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, b"\xEF\xBB\xBF---\ntitle: x\n").unwrap();
        let (f, d) = read_text(&p, Path::new("a.md"), FileId(0));
        assert!(d.is_none());
        assert!(f.text.starts_with("---"));

        std::fs::write(&p, b"---\ntitle: Caf\xE9\n").unwrap();
        let (f, d) = read_text(&p, Path::new("a.md"), FileId(0));
        let d = d.unwrap();
        assert_eq!(f.line_col(d.span.unwrap().range.start), (2, 11));
        assert!(d.message.en().contains("0xE9"));
    }

    #[test]
    fn refuses_huge_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.yaml");
        std::fs::write(&p, vec![b'a'; (MAX_TEXT_BYTES + 1) as usize]).unwrap();
        let (_, d) = read_text(&p, Path::new("big.yaml"), FileId(0));
        assert_eq!(
            d.unwrap().message.en(),
            "this file is 2.00 MB, larger than the 2.0 MB limit for a text file"
        );
        assert_eq!(size_above(2_140_000, MAX_TEXT_BYTES), "2.04 MB");
        assert_eq!(size_above(5 << 20, MAX_TEXT_BYTES), "5.0 MB");
    }
}
