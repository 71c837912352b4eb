//! The command line in the run's language: `--help` texts from the
//! catalogue (the doc comments of `cli.rs` are the English ones) and clap's
//! usage errors printed as warta's other usage errors, `error[code]: …`.

use crate::diag::{Catalog, Lang, Message};
use crate::msg;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;
use std::path::PathBuf;

/// The language of a run, known before parsing: the last `--lang` of the
/// raw arguments, else the site's (`--root`, default `.`).
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut flag = None;
    let mut root = PathBuf::from(".");
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let (name, value) = match a.split_once('=') {
            Some((n, v)) => (n.to_string(), Some(v.to_string())),
            None => (a.to_string(), None),
        };
        if name != "--lang" && name != "--root" {
            continue;
        }
        let Some(value) = value.or_else(|| it.next().map(|v| v.into_owned())) else {
            break;
        };
        if name == "--root" {
            root = PathBuf::from(value);
        } else {
            flag = match value.as_str() {
                "id" => Some(Lang::Id),
                "en" => Some(Lang::En),
                _ => flag,
            };
        }
    }
    crate::load::message_language(&root, flag)
}

/// Help texts: (command path, argument id or "" for the command's about,
/// message id).
const TEXTS: &[(&str, &str, &str)] = &[
    ("warta", "", "cli-about"),
    ("warta", "root", "cli-root"),
    ("warta", "messages", "cli-messages"),
    ("warta", "lang", "cli-lang"),
    ("build", "", "cli-build"),
    ("build", "out", "cli-build-out"),
    ("build", "drafts", "cli-drafts"),
    ("build", "base_url", "cli-build-base-url"),
    ("check", "", "cli-check"),
    ("check", "drafts", "cli-check-drafts"),
    ("serve", "", "cli-serve"),
    ("serve", "port", "cli-serve-port"),
    ("serve", "bind", "cli-serve-bind"),
    ("serve", "open", "cli-serve-open"),
    ("serve", "drafts", "cli-serve-drafts"),
    ("new", "", "cli-new"),
    ("new", "section", "cli-new-section"),
    ("new", "title", "cli-new-title"),
    ("import", "", "cli-import"),
    ("import libraries", "", "cli-import-libraries"),
    ("import libraries", "file", "cli-import-file"),
    ("import libraries", "sheet", "cli-import-sheet"),
    ("import libraries", "map", "cli-import-map"),
    ("import libraries", "dry_run", "cli-import-dry-run"),
    ("export", "", "cli-export"),
    ("export libraries", "", "cli-export-libraries"),
    ("export libraries", "format", "cli-export-format"),
    ("export libraries", "out", "cli-export-out"),
];

fn text_of(cat: &Catalog, path: &str, arg: &str) -> Option<String> {
    TEXTS
        .iter()
        .find(|(p, a, _)| *p == path && *a == arg)
        .map(|(_, _, id)| cat.text(&Message::new(id)))
}

/// `cmd` (clap's, from the derive) with every text of `--help` in the
/// catalogue's language. Clap's own `help` subcommand is left out: its
/// texts cannot be changed (`warta CMD --help` does the same).
pub fn localise(cmd: Command, cat: &Catalog) -> Command {
    let cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .display_order(999)
            .help(cat.text(&msg!("cli-version"))),
    );
    // A command's own options first, then the global ones (all of the
    // root's), then `--version` and `--help`.
    let cmd = cmd.mut_args(|arg| {
        let order = 100 + arg.get_display_order();
        arg.display_order(order)
    });
    localise_at(cmd.disable_help_subcommand(true), "warta", cat)
}

fn localise_at(cmd: Command, path: &str, cat: &Catalog) -> Command {
    let options = cat.text(&msg!("cli-options"));
    let arguments = cat.text(&msg!("cli-arguments"));
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        cat.text(&msg!("cli-usage"))
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(cat.text(&msg!("cli-commands")))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(1000)
                .help(cat.text(&msg!("cli-help"))),
        )
        .mut_args(|arg| {
            let heading = if arg.is_positional() {
                &arguments
            } else {
                &options
            };
            localise_arg(arg, path, heading, cat)
        });
    if let Some(about) = text_of(cat, path, "") {
        cmd = cmd.about(about);
    }
    let prefix = if path == "warta" { "" } else { path };
    cmd.mut_subcommands(|sub| {
        let at = format!("{prefix} {}", sub.get_name());
        localise_at(sub, at.trim_start(), cat)
    })
}

/// One argument's help in the catalogue's language, under `heading`.
fn localise_arg(arg: Arg, path: &str, heading: &str, cat: &Catalog) -> Arg {
    let mut help = text_of(cat, path, arg.get_id().as_str())
        .or_else(|| arg.get_help().map(|h| h.to_string()))
        .unwrap_or_default();
    // clap's own `[default: …]` and `[possible values: …]` are English.
    let values: Vec<_> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !values.is_empty() {
        help += &format!(
            " {}",
            cat.text(&msg!("cli-possible-values", values = values.join(", ")))
        );
    }
    if let [value] = arg.get_default_values() {
        if takes_values {
            help += &format!(
                " {}",
                cat.text(&msg!("cli-default", value = value.to_string_lossy()))
            );
        }
    }
    arg.help_heading(heading.to_string())
        .hide_possible_values(takes_values)
        .hide_default_value(takes_values)
        .help(help.trim_start().to_string())
}

/// Prints a parse error of `cmd` in the catalogue's language and returns
/// the exit status; `--help` and `--version` print as clap does (exit 0).
pub fn report(e: clap::Error, args: &[OsString], cmd: &Command, cat: &Catalog) -> i32 {
    let Some((message, help)) = describe(&e) else {
        e.exit()
    };
    let help = help.unwrap_or_else(|| msg!("cli-see-help", command = command_path(cmd, args)));
    eprintln!(
        "error[{}]: {}\n  {}: {}",
        message.id,
        cat.text(&message),
        cat.text(&msg!("label-help")),
        cat.text(&help)
    );
    crate::cmd::EXIT_USAGE
}

fn text(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn first(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        _ => None,
    }
}

fn quoted_list(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v
            .iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", "),
        _ => text(e, kind),
    }
}

/// What went wrong and, when clap knows it, what to write instead; `None`
/// for what clap prints itself (help, version, rarer errors).
fn describe(e: &clap::Error) -> Option<(Message, Option<Message>)> {
    use ContextKind as K;
    let arg = || text(e, K::InvalidArg);
    let value = || text(e, K::InvalidValue);
    let did_you_mean = |s: String| msg!("did-you-mean", suggestion = s);
    Some(match e.kind() {
        ErrorKind::UnknownArgument => (
            msg!("cli-unknown-argument", arg = arg()),
            first(e, K::SuggestedArg).map(did_you_mean),
        ),
        ErrorKind::InvalidSubcommand => (
            msg!(
                "cli-unknown-subcommand",
                arg = text(e, K::InvalidSubcommand)
            ),
            first(e, K::SuggestedSubcommand).map(did_you_mean),
        ),
        // clap reports an option given without its value as an empty one.
        ErrorKind::InvalidValue if value().is_empty() => {
            (msg!("cli-missing-value", arg = arg()), None)
        }
        ErrorKind::InvalidValue => (
            msg!("cli-invalid-value", value = value(), arg = arg()),
            Some(match first(e, K::SuggestedValue) {
                Some(s) => did_you_mean(s),
                None => msg!("cli-valid-values", values = quoted_list(e, K::ValidValue)),
            }),
        ),
        ErrorKind::MissingRequiredArgument => (
            msg!("cli-missing-argument", args = quoted_list(e, K::InvalidArg)),
            None,
        ),
        ErrorKind::ValueValidation => {
            let reason: crate::diag::Arg = match std::error::Error::source(e) {
                Some(s) => match s.downcast_ref::<crate::cli::BadValue>() {
                    Some(bad) => bad.0.clone().into(),
                    None => s.to_string().into(),
                },
                None => String::new().into(),
            };
            (
                msg!(
                    "cli-bad-value",
                    value = value(),
                    arg = arg(),
                    reason = reason
                ),
                None,
            )
        }
        ErrorKind::ArgumentConflict => (
            msg!("cli-conflict", arg = arg(), other = text(e, K::PriorArg)),
            None,
        ),
        ErrorKind::TooManyValues => (
            msg!("cli-too-many-values", value = value(), arg = arg()),
            None,
        ),
        ErrorKind::WrongNumberOfValues => (
            msg!(
                "cli-wrong-number",
                arg = arg(),
                expected = text(e, K::ExpectedNumValues),
                actual = text(e, K::ActualNumValues)
            ),
            None,
        ),
        ErrorKind::MissingSubcommand => (
            msg!(
                "cli-missing-command",
                commands = quoted_list(e, K::ValidSubcommand)
            ),
            None,
        ),
        ErrorKind::NoEquals => (msg!("cli-no-equals", arg = arg()), None),
        _ => return None,
    })
}

/// `warta build`: the subcommands named in `args`, for "try … --help".
fn command_path(cmd: &Command, args: &[OsString]) -> String {
    let mut path = vec!["warta".to_string()];
    let mut at = cmd;
    for a in args.iter().skip(1) {
        if let Some(sub) = at.find_subcommand(a) {
            path.push(sub.get_name().to_string());
            at = sub;
        }
    }
    path.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    /// `cli.rs`'s doc comments are the English help texts, and en.ftl
    /// holds them too (it is what `--help` shows): the two must not drift.
    #[test]
    fn doc_comments_say_what_en_ftl_says() {
        use clap::CommandFactory;
        let cat = Catalog::new(Lang::En);
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let root = crate::cli::Cli::command();
        let mut differ = Vec::new();
        for (path, arg, id) in TEXTS {
            let cmd = if *path == "warta" {
                &root
            } else {
                path.split(' ').fold(&root, |c, name| {
                    c.find_subcommand(name)
                        .unwrap_or_else(|| panic!("no command `{path}`"))
                })
            };
            let doc = if arg.is_empty() {
                cmd.get_about().map(|a| a.to_string())
            } else {
                let a = cmd
                    .get_arguments()
                    .find(|a| a.get_id().as_str() == *arg)
                    .unwrap_or_else(|| panic!("no argument `{arg}` in `{path}`"));
                a.get_long_help().or(a.get_help()).map(|h| h.to_string())
            };
            let ftl = cat.text(&Message::new(id));
            // clap drops the full stop of a one-paragraph doc comment.
            let (doc, ftl) = (words(&doc.unwrap_or_default()), words(&ftl));
            if doc.trim_end_matches('.') != ftl.trim_end_matches('.') {
                differ.push(format!("{id}:\n  cli.rs: {doc}\n  en.ftl: {ftl}"));
            }
        }
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }

    #[test]
    fn the_last_lang_flag_wins_and_root_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data/site.yaml"), "language: en\n").unwrap();
        let root = dir.path().to_str().unwrap();
        assert_eq!(
            lang_of(&args(&["warta", "--root", root, "check"])),
            Lang::En
        );
        let both = ["warta", "--lang", "en", "--root", root, "--lang=id"];
        assert_eq!(lang_of(&args(&both)), Lang::Id);
        assert_eq!(lang_of(&args(&["warta", "--root=/nonexistent"])), Lang::Id);
        assert_eq!(
            lang_of(&args(&["warta", "--", "--lang", "en"])),
            crate::load::message_language(std::path::Path::new("."), None)
        );
    }
}
