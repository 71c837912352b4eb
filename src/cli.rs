//! The command line, as clap sees it. Commands live in `cmd/`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "warta",
    version,
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
    #[command(subcommand)]
    pub command: Command,
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
    },
    /// Check the site and report every problem; writes nothing.
    Check {
        /// Check as if drafts were published.
        #[arg(long)]
        drafts: bool,
    },
    /// Build, serve on 127.0.0.1, rebuild and reload on change.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
    },
    /// Write a new Markdown file with its front matter filled in.
    New {
        /// berita (news), kisah (story), plm (event) or halaman (page).
        section: NewSection,
        /// The title; the file name (URL) is made from it.
        title: String,
    },
    /// Developer tools.
    #[command(subcommand, hide = true)]
    Dev(DevCommand),
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
