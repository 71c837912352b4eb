use clap::Parser;
use warta::cli::{Cli, Command, DevCommand};
use warta::cmd;

fn main() {
    let cli = Cli::parse();
    let style = cmd::style(cli.messages);
    let code = match cli.command {
        Command::Check { drafts } => cmd::check::run(&cli.root, drafts, style),
        Command::New { section, title } => cmd::new::run(&cli.root, section, &title),
        Command::Build { .. } | Command::Serve { .. } => {
            eprintln!("error: this command is not available yet in this version of warta");
            cmd::EXIT_USAGE
        }
        Command::Dev(DevCommand::Synth { .. }) => {
            eprintln!("error: not available yet");
            cmd::EXIT_USAGE
        }
    };
    std::process::exit(code);
}
