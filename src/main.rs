use clap::Parser;
use warta::cli::{Cli, Command, DevCommand, ExportCommand, ImportCommand, SheetFormat};
use warta::cmd;

fn main() {
    let cli = Cli::parse();
    let style = cmd::style(cli.messages);
    let code = match cli.command {
        Command::Check { drafts } => cmd::check::run(&cli.root, drafts, style),
        Command::New { section, title } => cmd::new::run(&cli.root, section, &title),
        Command::Build {
            out,
            drafts,
            base_url,
        } => cmd::build::run(&cli.root, &out, drafts, base_url.as_deref(), style),
        Command::Serve {
            port,
            bind,
            open,
            drafts,
        } => cmd::serve::run(&cli.root, port, &bind, open, drafts, style),
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
        ),
        Command::Export(ExportCommand::Libraries { format, out }) => {
            let format = format.map(|f| match f {
                SheetFormat::Csv => warta::import::export::Format::Csv,
                SheetFormat::Xlsx => warta::import::export::Format::Xlsx,
            });
            cmd::export::libraries(&cli.root, format, out.as_deref(), style)
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
