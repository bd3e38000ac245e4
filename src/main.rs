//! The `mekong` command line: parse arguments, run a command, print its
//! diagnostics, map the result to an exit code (0 ok, 1 site errors, 2 usage).
//!
//! The site options (`--root`, `--output`, `--base-url`, `--drafts`,
//! `--message-format`) are global: they may come before or after the
//! command's name (`mekong -r site check`, `mekong check -r site`). A
//! command that has no use for one of them refuses it as wrong usage (exit
//! 2) rather than ignoring what the user asked for.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use mekong::commands::{self, Outcome, Progress};
use mekong::messages::{locale, Message, Messages};
use mekong::msg;
use mekong::pipeline::Options;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mekong",
    version,
    about = "Static sites for multilingual promotional portals"
)]
struct Cli {
    /// The site folder, the one holding site.yaml (default: the nearest folder with a site.yaml, from the current folder up).
    #[arg(long, short = 'r', global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Output folder (build: default public/ in the site; serve: default a temporary folder).
    #[arg(long, short = 'o', global = true, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Override base_url from site.yaml (e.g. https://example.org/portal/).
    #[arg(long, short = 'u', global = true, value_name = "URL")]
    base_url: Option<String>,
    /// Build drafts too.
    #[arg(long, short = 'D', global = true)]
    drafts: bool,
    /// How to print problems: human (with the source line), plain (file:line:col lines) or json.
    #[arg(long, value_enum, global = true)]
    message_format: Option<MessageFormat>,
    /// The language of mekong's messages (en, vi): overrides MEKONG_LANG, LC_ALL, LC_MESSAGES and LANG.
    #[arg(long, global = true, value_name = "LANG")]
    messages: Option<String>,
    #[command(subcommand)]
    command: Command,
}

/// `--base-url`, `--period`, `--from` and `--to` are checked while the
/// command line is read, so a wrong one is wrong usage (exit 2), like any
/// other bad option value; what is wrong is said in `lang`.
fn checked_values(cli: clap::Command, lang: &str) -> clap::Command {
    let check = |problem: fn(&str) -> Option<Message>| {
        let lang = lang.to_owned();
        move |value: &str| match problem(value) {
            None => Ok(value.to_owned()),
            Some(m) => Err(Messages::new(&lang).text(&m)),
        }
    };
    cli.mut_arg("base_url", |a| {
        a.value_parser(check(commands::base_url_problem))
    })
    .mut_subcommand("report", |report| {
        report
            .mut_arg("period", |a| {
                a.value_parser(check(commands::report::period_problem))
            })
            .mut_arg("from", |a| {
                a.value_parser(check(commands::report::day_problem))
            })
            .mut_arg("to", |a| {
                a.value_parser(check(commands::report::day_problem))
            })
    })
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum MessageFormat {
    Human,
    Plain,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum I18nFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Table,
    Csv,
    Xlsx,
    Html,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/.
    Build {
        /// Replace an output folder that mekong did not write.
        #[arg(long)]
        force: bool,
        /// Print the seconds each stage of the build took.
        #[arg(long)]
        timings: bool,
    },
    /// Validate everything a build would, without writing.
    Check,
    /// Build, serve on 127.0.0.1, rebuild on change and reload the browser.
    Serve {
        /// Port (0 picks a free one).
        #[arg(long, short = 'p', default_value_t = 1111)]
        port: u16,
        /// Address to listen on.
        #[arg(
            long,
            short = 'i',
            visible_alias = "interface",
            default_value = "127.0.0.1"
        )]
        bind: std::net::IpAddr,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
    },
    /// Translation status per language: missing and stale articles, missing and unused messages.
    I18n {
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: I18nFormat,
        /// Write locales/LANG/site.ftl: every message to translate, commented out with its source text.
        #[arg(long, value_name = "LANG")]
        init: Option<String>,
    },
    /// A department report against the plan: articles, translations, plan tasks (words: --messages, MEKONG_LANG or LANG, Vietnamese by default).
    Report {
        /// 2026, 2026-H1, 2026-Q3 or 2026-03 (default: the current half-year).
        #[arg(long, conflicts_with_all = ["from", "to"])]
        period: Option<String>,
        /// First day (YYYY-MM-DD), with --to.
        #[arg(long, requires = "to")]
        from: Option<String>,
        /// Last day (YYYY-MM-DD), with --from.
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// Only this unit (an id of `units:` in site.yaml).
        #[arg(long)]
        unit: Option<String>,
        /// Output format (xlsx needs -o FILE).
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
    /// Write a new article (a draft) with its front matter.
    New {
        /// SECTION/SLUG, e.g. tourism/thac-mo.
        path: String,
        /// Language of the new file (default: the site's default language).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Write a new portal: configuration, four languages, the sections, sample articles.
    Init {
        /// The new site's folder (default: the current folder, which must be empty).
        dir: Option<PathBuf>,
    },
}

impl Command {
    fn name(&self) -> &'static str {
        match self {
            Command::Build { .. } => "build",
            Command::Check => "check",
            Command::Serve { .. } => "serve",
            Command::I18n { .. } => "i18n",
            Command::Report { .. } => "report",
            Command::New { .. } => "new",
            Command::Init { .. } => "init",
        }
    }

    /// The global options this command reads; any other one given is refused.
    fn takes(&self) -> &'static [&'static str] {
        match self {
            Command::Build { .. } | Command::Serve { .. } => {
                &["--root", "--output", "--base-url", "--drafts"]
            }
            Command::Check | Command::I18n { .. } => &["--root", "--base-url", "--drafts"],
            Command::Report { .. } => &["--root", "--output", "--base-url", "--drafts"],
            Command::New { .. } => &["--root"],
            Command::Init { .. } => &[],
        }
    }
}

impl Cli {
    /// Stops with exit code 2 when a global option was given to a command
    /// that does not use it: `mekong check -o out` must not pass silently.
    fn refuse_options_the_command_ignores(&self, messages: &Messages) {
        let given = [
            ("--root", self.root.is_some()),
            ("--output", self.output.is_some()),
            ("--base-url", self.base_url.is_some()),
            ("--drafts", self.drafts),
        ];
        let takes = self.command.takes();
        for (option, is_given) in given {
            if is_given && !takes.contains(&option) {
                let command = self.command.name();
                let said = match (command, option) {
                    ("init", "--root") => msg!("cli.init-takes-no-root"),
                    _ => msg!("cli.option-not-for", option = option, command = command),
                };
                Cli::command()
                    .error(
                        clap::error::ErrorKind::ArgumentConflict,
                        messages.text(&said),
                    )
                    .exit();
            }
        }
    }

    fn options(&self) -> Options {
        Options {
            root: commands::site_root(self.root.clone()),
            base_url: self.base_url.clone(),
            drafts: self.drafts,
            progress: std::io::stderr().is_terminal(),
        }
    }
}

/// `--messages LANG` read before clap parses the line: `--help` needs the language.
fn messages_option() -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--messages" {
            return args.next();
        }
        if let Some(value) = arg.strip_prefix("--messages=") {
            return Some(value.to_owned());
        }
    }
    None
}

fn main() -> ExitCode {
    let lang = locale::choose(messages_option().as_deref(), |v| std::env::var(v).ok());
    let messages = Messages::new(&lang);
    let cli = checked_values(Cli::command(), messages.lang());
    let matches = mekong::messages::cli::localize(cli, &messages).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.refuse_options_the_command_ignores(&messages);
    let format = cli
        .message_format
        .unwrap_or(if std::io::stderr().is_terminal() {
            MessageFormat::Human
        } else {
            MessageFormat::Plain
        });
    let say = |progress: Progress| match progress {
        Progress::Line(line) => println!("{}", messages.text(&line)),
        Progress::Note(line) => eprintln!("{}", messages.text(&line)),
        Progress::Rebuilt(outcome) => print(&outcome, format, &messages),
    };
    let outcome = match &cli.command {
        Command::Build { force, timings } => commands::build::run(&commands::build::BuildArgs {
            pipeline: cli.options(),
            output: cli.output.clone(),
            force: *force,
            timings: *timings,
        }),
        Command::Check => commands::check::run(&cli.options()),
        Command::Serve { port, bind, open } => commands::serve::run(
            commands::serve::ServeArgs {
                pipeline: cli.options(),
                port: *port,
                bind: *bind,
                open: *open,
                output: cli.output.clone(),
                lang: messages.lang().to_owned(),
            },
            &say,
        ),
        Command::I18n {
            init: Some(lang), ..
        } => commands::i18n_init::run(&cli.options(), lang, &messages),
        Command::I18n { lang, format, .. } => {
            let format = match format {
                I18nFormat::Table => commands::i18n::Format::Table,
                I18nFormat::Json => commands::i18n::Format::Json,
                I18nFormat::Csv => commands::i18n::Format::Csv,
            };
            commands::i18n::run(&cli.options(), lang.as_deref(), format, &messages)
        }
        Command::Report {
            period,
            from,
            to,
            unit,
            format,
        } => commands::report::run(&commands::report::ReportArgs {
            pipeline: cli.options(),
            period: period.clone(),
            from_to: from.clone().zip(to.clone()),
            unit: unit.clone(),
            format: match format {
                ReportFormat::Table => commands::report::Format::Table,
                ReportFormat::Csv => commands::report::Format::Csv,
                ReportFormat::Xlsx => commands::report::Format::Xlsx,
                ReportFormat::Html => commands::report::Format::Html,
                ReportFormat::Json => commands::report::Format::Json,
            },
            output: cli.output.clone(),
            lang: commands::report::words_language(cli.messages.as_deref()),
        }),
        Command::New { path, lang } => Outcome::said(commands::scaffold::new_article(
            &cli.options().root,
            path,
            lang.as_deref(),
            &messages,
        )),
        Command::Init { dir } => Outcome::said(commands::scaffold::init(
            dir.as_deref().unwrap_or(std::path::Path::new(".")),
        )),
    };
    print(&outcome, format, &messages);
    if outcome.diagnostics.error_count() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The one printer, for every command's outcome and each of serve's
/// rebuilds. JSON: one object on stdout (when there is anything to report).
/// Human and plain: the diagnostics on stderr, then the command's output on
/// stdout, then a closing line on stderr: the error count, or the summary.
fn print(outcome: &Outcome, format: MessageFormat, messages: &Messages) {
    let errors = outcome.diagnostics.error_count();
    let warnings = outcome.diagnostics.warning_count();
    let report: Vec<_> = outcome
        .diagnostics
        .clone()
        .into_report()
        .iter()
        .map(|d| d.localized(messages))
        .collect();
    if format == MessageFormat::Json {
        // A command whose product is its output (i18n's JSON) keeps stdout to it.
        if !report.is_empty() || outcome.summary.is_some() {
            let json = serde_json::json!({
                "diagnostics": report,
                "errors": errors,
                "warnings": warnings,
                "summary": outcome.summary.as_ref().map(|t| messages.text(t)),
            });
            let mut json = json;
            if !outcome.timings.is_empty() {
                let stages: serde_json::Map<String, serde_json::Value> = outcome
                    .timings
                    .iter()
                    .map(|(stage, seconds)| (stage.to_string(), (*seconds).into()))
                    .collect();
                json["timings"] = stages.into();
            }
            println!("{json}");
        }
        print!("{}", outcome.output);
        if let Some(said) = &outcome.said {
            println!("{}", messages.text(said));
        }
        return;
    }
    let terminal = std::io::stderr().is_terminal();
    for d in &report {
        if format == MessageFormat::Human {
            eprintln!("{}", d.to_human_in(terminal, messages));
        } else {
            eprintln!("{}", d.to_plain_in(messages));
        }
    }
    print!("{}", outcome.output);
    print!("{}", commands::timings_table(&outcome.timings));
    if let Some(said) = &outcome.said {
        println!("{}", messages.text(said));
    }
    if errors > 0 {
        // A failed command that said how it failed (serve's rebuilds) is not counted again.
        if outcome.output.is_empty() && outcome.said.is_none() {
            let errors = messages.text(&msg!("summary.errors", count = errors));
            let warnings = messages.text(&msg!("summary.warnings", count = warnings));
            eprintln!(
                "{}",
                messages.text(&msg!(
                    "summary.failed",
                    errors = errors,
                    warnings = warnings
                ))
            );
        }
    } else if let Some(summary) = &outcome.summary {
        if warnings > 0 {
            let warnings = messages.text(&msg!("summary.warnings", count = warnings));
            eprintln!(
                "{}",
                messages.text(&msg!("summary.warned", warnings = warnings))
            );
        }
        eprintln!("{}", messages.text(summary));
    }
}
