//! `--help` in the messages' language: clap's derive writes the English
//! texts at compile time; this replaces them at run time, command by
//! command and option by option (`Command::mut_arg`, `mut_subcommand`),
//! with the headings and the `--help`/`--version` lines clap writes itself.

use super::{Message, Messages};
use crate::msg;
use clap::{Arg, ArgAction, Command};

/// What each command is for: (command, message).
fn commands() -> Vec<(&'static str, Message)> {
    vec![
        ("build", msg!("cli.build")),
        ("check", msg!("cli.check")),
        ("serve", msg!("cli.serve")),
        ("i18n", msg!("cli.i18n")),
        ("new", msg!("cli.new")),
        ("init", msg!("cli.init")),
    ]
}

/// Each option: (command, or "" for the global ones; option id; message).
fn options() -> Vec<(&'static str, &'static str, Message)> {
    vec![
        ("", "root", msg!("cli.option.root")),
        ("", "output", msg!("cli.option.output")),
        ("", "base_url", msg!("cli.option.base-url")),
        ("", "drafts", msg!("cli.option.drafts")),
        ("", "message_format", msg!("cli.option.message-format")),
        ("", "messages", msg!("cli.option.messages")),
        ("build", "force", msg!("cli.build.force")),
        ("serve", "port", msg!("cli.serve.port")),
        ("serve", "bind", msg!("cli.serve.bind")),
        ("serve", "open", msg!("cli.serve.open")),
        ("i18n", "lang", msg!("cli.i18n.lang")),
        ("i18n", "format", msg!("cli.i18n.format")),
        ("new", "path", msg!("cli.new.path")),
        ("new", "lang", msg!("cli.new.lang")),
        ("init", "dir", msg!("cli.init.dir")),
    ]
}

/// The command line `cmd` (mekong's, from clap's derive) speaking `messages`' language.
pub fn localize(cmd: Command, messages: &Messages) -> Command {
    let t = |m: Message| messages.text(&m);
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t(msg!("cli.heading.usage"))
    );
    let headings = (
        t(msg!("cli.heading.options")),
        t(msg!("cli.heading.arguments")),
    );
    let help = t(msg!("cli.help"));
    let mut cmd = cmd
        .about(t(msg!("cli.about")))
        .subcommand_help_heading(t(msg!("cli.heading.commands")))
        .disable_help_subcommand(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t(msg!("cli.version"))),
        )
        .disable_version_flag(true);
    for (_, id, text) in options().into_iter().filter(|o| o.0.is_empty()) {
        let text = t(text);
        cmd = cmd.mut_arg(id, |a| a.help(text));
    }
    for (name, about) in commands() {
        let about = t(about);
        let own: Vec<(&str, String)> = options()
            .into_iter()
            .filter(|o| o.0 == name)
            .map(|(_, id, m)| (id, t(m)))
            .collect();
        cmd = cmd.mut_subcommand(name, |mut sub| {
            sub = sub.about(about);
            for (id, text) in own {
                sub = sub.mut_arg(id, |a| a.help(text));
            }
            finish(sub, &template, &headings, &help)
        });
    }
    finish(cmd, &template, &headings, &help)
}

/// The template, the headings of the options and arguments, and `--help`.
fn finish(mut cmd: Command, template: &str, headings: &(String, String), help: &str) -> Command {
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = if positional { &headings.1 } else { &headings.0 };
        cmd = cmd.mut_arg(id, |a| a.help_heading(heading.clone()));
    }
    cmd.help_template(template.to_owned())
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(help.to_owned())
                .help_heading(headings.0.clone())
                .display_order(usize::MAX),
        )
}
