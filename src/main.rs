use clap::{CommandFactory, FromArgMatches};
use warta::cli::{Cli, Command, DevCommand, ExportCommand, ImportCommand, SheetFormat};
use warta::cmd;

// mimalloc rather than glibc's malloc: a build allocates and frees
// millions of small values on every core; a warm build of the synthetic
// site takes ~25 % less CPU time, for ~7 % more peak memory
// (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // One catalogue per run, in the site's language unless `--lang` says;
    // known before parsing so `--help` and usage errors speak it too.
    let cat = warta::diag::Catalog::new(warta::cli_lang::lang_of(&args));
    let mut command = warta::cli_lang::localise(Cli::command(), &cat);
    let cli = match command
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => std::process::exit(warta::cli_lang::report(e, &args, &command, &cat)),
    };
    let style = cmd::style(cli.messages);
    let lang = cli.lang.map(warta::diag::Lang::from);
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
