use clap::Parser;
use warta::cli::{Cli, Command, DevCommand, ExportCommand, ImportCommand, SheetFormat};
use warta::cmd;

fn main() {
    let cli = Cli::parse();
    let style = cmd::style(cli.messages);
    let lang = cli.lang.map(warta::diag::Lang::from);
    // One catalogue per run, in the site's language unless `--lang` says.
    let cat = warta::diag::Catalog::new(warta::diag::Lang::for_site(&cli.root, lang));
    let code = match cli.command {
        Command::Check { drafts } => cmd::check::run(&cli.root, drafts, style, &cat),
        Command::New { section, title } => cmd::new::run(&cli.root, section, &title, &cat),
        Command::Build {
            out,
            drafts,
            base_url,
        } => cmd::build::run(&cli.root, &out, drafts, base_url.as_deref(), style, &cat),
        Command::Serve {
            port,
            bind,
            open,
            drafts,
        } => cmd::serve::run(&cli.root, port, &bind, open, drafts, style, lang),
        Command::Import(ImportCommand::Libraries {
            file,
            sheet,
            map,
            dry_run,
        }) => cmd::import::libraries(
            &cli.root,
            &file,
            &warta::import::Options { sheet, map },
            dry_run,
            style,
            &cat,
        ),
        Command::Export(ExportCommand::Libraries { format, out }) => {
            let format = format.map(|f| match f {
                SheetFormat::Csv => warta::import::export::Format::Csv,
                SheetFormat::Xlsx => warta::import::export::Format::Xlsx,
            });
            cmd::export::libraries(&cli.root, format, out.as_deref(), style, &cat)
        }
        Command::Dev(DevCommand::Synth {
            out,
            libraries,
            posts,
            stories,
            seed,
        }) => cmd::dev::synth(&out, libraries, posts, stories, seed),
    };
    std::process::exit(code);
}
