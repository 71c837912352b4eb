//! The command line, as clap sees it. Commands live in `cmd/`.
//!
//! `--help` shows the catalogue's `cli-*` texts (`cli_lang`), in the run's
//! language: the doc comments below are the English ones, kept in en.ftl;
//! change both (a test in `cli_lang` fails when they differ).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "warta",
    version,
    // A later `--lang`/`--messages` wins (a test helper's defaults, a
    // Netlify build command with its own).
    args_override_self = true,
    about = "Static site generator for the TPBIS library programme"
)]
pub struct Cli {
    /// The site's folder (holding data/, content/, static/, themes/).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// How to print problems: rich (source snippet, colour) or plain
    /// (`file:line:col: error: …`). Default: rich on a terminal.
    #[arg(long, global = true, value_enum)]
    pub messages: Option<MessageStyle>,
    /// The language of warta's messages: id (Indonesian) or en (English).
    /// Default: the site's `language` in data/site.yaml, else id.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangChoice>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangChoice {
    Id,
    En,
}

impl From<LangChoice> for crate::diag::Lang {
    fn from(c: LangChoice) -> Self {
        match c {
            LangChoice::Id => crate::diag::Lang::Id,
            LangChoice::En => crate::diag::Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MessageStyle {
    Rich,
    Plain,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder.
    Build {
        /// Output folder, replaced as a whole only when the build succeeds.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Publish drafts too.
        #[arg(long)]
        drafts: bool,
        /// Use this address instead of `base_url` from data/site.yaml (for
        /// deploy previews: `--base-url "$DEPLOY_PRIME_URL"`).
        #[arg(long, value_name = "URL", value_parser = parse_base_url)]
        base_url: Option<String>,
    },
    /// Check the site and report every problem; writes nothing.
    Check {
        /// Check as if drafts were published.
        #[arg(long)]
        drafts: bool,
    },
    /// Build, serve on 127.0.0.1, rebuild and reload on change.
    Serve {
        /// The port to serve on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to serve on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
        /// Publish drafts too, as `build --drafts` does.
        #[arg(long)]
        drafts: bool,
    },
    /// Write a new Markdown file with its front matter filled in.
    New {
        /// berita (news), kisah (story), plm (event) or halaman (page).
        section: NewSection,
        /// The title; the file name (URL) is made from it.
        title: String,
    },
    /// Import data from a spreadsheet (XLSX or CSV) into data/.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export data as a spreadsheet (CSV or XLSX).
    #[command(subcommand)]
    Export(ExportCommand),
    /// Developer tools.
    #[command(subcommand, hide = true)]
    Dev(DevCommand),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Add or update partner libraries from a spreadsheet: one file per
    /// province in data/libraries/. Never deletes a library; any unmatched
    /// name or bad value fails the whole import and writes nothing.
    Libraries {
        /// The spreadsheet: .xlsx (also .xls, .ods) or .csv (`,` or `;`,
        /// UTF-8 or Windows-1252).
        file: PathBuf,
        /// The worksheet to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// A YAML file of `Column header: field` lines for headers warta
        /// does not recognise.
        #[arg(long)]
        map: Option<PathBuf>,
        /// Show what would change (added, updated with each field's old and
        /// new value, unchanged, problems) and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write every partner library as a spreadsheet row, with the same
    /// Indonesian headers the import reads.
    Libraries {
        /// csv or xlsx (default: from --out's extension, else csv).
        #[arg(long, value_enum)]
        format: Option<SheetFormat>,
        /// The file to write (default: libraries.csv or libraries.xlsx;
        /// `-` for standard output, CSV only).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SheetFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NewSection {
    Berita,
    Kisah,
    Plm,
    Halaman,
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Write a synthetic, valid site of any size (for benchmarks and tests).
    Synth {
        /// Where to write it (must not exist or be empty).
        out: PathBuf,
        #[arg(long, default_value_t = 500)]
        libraries: usize,
        #[arg(long, default_value_t = 1000)]
        posts: usize,
        #[arg(long, default_value_t = 200)]
        stories: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// `--base-url`: an absolute `http(s)://` address; the trailing `/` is
/// dropped, as in data/site.yaml.
fn parse_base_url(s: &str) -> Result<String, BadValue> {
    let t = s.trim();
    let rest = t
        .strip_prefix("https://")
        .or_else(|| t.strip_prefix("http://"))
        .ok_or_else(|| BadValue(crate::msg!("cli-base-url-not-http", value = t)))?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return Err(BadValue(crate::msg!("cli-base-url-no-host", value = t)));
    }
    Ok(t.trim_end_matches('/').to_string())
}

/// Why a flag's value is refused, as a catalogue message: `cli_lang`
/// prints it in the run's language; clap's own text is the English one.
#[derive(Debug)]
pub struct BadValue(pub crate::diag::Message);

impl std::fmt::Display for BadValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en())
    }
}

impl std::error::Error for BadValue {}
