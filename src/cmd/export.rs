//! `warta export libraries`: the libraries of `data/` as CSV or XLSX.

use super::EXIT_SITE_ERRORS;
use crate::diag::{Catalog, Style};
use crate::import::{self, export};
use crate::msg;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn libraries(
    root: &Path,
    format: Option<export::Format>,
    out: Option<&Path>,
    style: Style,
    cat: &Catalog,
) -> i32 {
    let format = format.unwrap_or_else(|| {
        match out
            .and_then(|o| o.extension())
            .map(|e| e.to_string_lossy().to_lowercase())
        {
            Some(e) if e == "xlsx" => export::Format::Xlsx,
            _ => export::Format::Csv,
        }
    });
    let (loaded, _files, regions) = match import::load(root) {
        Ok(x) => x,
        Err(f) => return super::import::failure(f, style, cat),
    };
    let table = export::table(&loaded, &regions);
    let bytes = match format {
        export::Format::Csv => export::csv_bytes(&table),
        export::Format::Xlsx => export::xlsx_bytes(&table),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!(
                "error[export-cannot-make]: {}",
                cat.text(&msg!("export-cannot-make", error = e.to_string()))
            );
            return EXIT_SITE_ERRORS;
        }
    };
    let path: PathBuf = match out {
        Some(p) if p == Path::new("-") => {
            if format == export::Format::Xlsx {
                eprintln!(
                    "error[export-xlsx-stdout]: {}",
                    cat.text(&msg!("export-xlsx-stdout"))
                );
                return super::EXIT_USAGE;
            }
            let _ = std::io::stdout().lock().write_all(&bytes);
            return 0;
        }
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(match format {
            export::Format::Csv => "libraries.csv",
            export::Format::Xlsx => "libraries.xlsx",
        }),
    };
    // Write beside the target, then rename: a failed export leaves an
    // earlier file whole.
    let tmp = path.with_file_name(format!(
        ".{}.warta-export.tmp",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    if let Err(e) = std::fs::write(&tmp, &bytes).and_then(|_| std::fs::rename(&tmp, &path)) {
        let _ = std::fs::remove_file(&tmp);
        eprintln!(
            "error[cannot-write]: {}",
            cat.text(&msg!(
                "cannot-write",
                path = path.display().to_string(),
                error = e.to_string()
            ))
        );
        return EXIT_SITE_ERRORS;
    }
    eprintln!(
        "{}",
        cat.text(&msg!(
            "export-written",
            libraries = table.rows.len(),
            file = path.display().to_string(),
            illustrative = table.illustrative
        ))
    );
    0
}
