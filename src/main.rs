//! The `mekong` command line: parse arguments, run a command, print its
//! diagnostics, map the result to an exit code (0 ok, 1 site errors, 2 usage).

use clap::{Parser, Subcommand, ValueEnum};
use mekong::commands::{self, Outcome, Progress};
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
    /// How to print problems: human (with the source line), plain (file:line:col lines) or json.
    #[arg(long, value_enum, global = true)]
    message_format: Option<MessageFormat>,
    #[command(subcommand)]
    command: Command,
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

#[derive(clap::Args)]
struct SiteArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Override base_url from site.yaml (e.g. https://example.org/portal/).
    #[arg(long)]
    base_url: Option<String>,
    /// Build drafts too.
    #[arg(long)]
    drafts: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder (default: public/ in the site).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace an output folder that mekong did not write.
        #[arg(long)]
        force: bool,
    },
    /// Validate everything a build would, without writing.
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Build, serve on 127.0.0.1, rebuild on change and reload the browser.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port (0 picks a free one).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
        /// Output folder (default: a temporary folder, removed on exit).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Translation status per language: missing and stale articles, missing and unused messages.
    I18n {
        #[command(flatten)]
        site: SiteArgs,
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: I18nFormat,
    },
    /// Write a new article (a draft) with its front matter.
    New {
        /// SECTION/SLUG, e.g. tourism/thac-mo.
        path: String,
        /// Language of the new file (default: the site's default language).
        #[arg(long)]
        lang: Option<String>,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write a new portal: configuration, four languages, the sections, sample articles.
    Init {
        /// The new site's folder.
        dir: PathBuf,
    },
    /// Measure serve's edit-to-page time (used by bench/run).
    #[command(hide = true)]
    BenchEdit {
        #[command(flatten)]
        site: SiteArgs,
        /// Output folder.
        #[arg(long, short)]
        output: PathBuf,
    },
}

fn options(site: SiteArgs) -> Options {
    Options {
        root: site.root,
        base_url: site.base_url,
        drafts: site.drafts,
        progress: std::io::stderr().is_terminal(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = cli
        .message_format
        .unwrap_or(if std::io::stderr().is_terminal() {
            MessageFormat::Human
        } else {
            MessageFormat::Plain
        });
    let say = |progress: Progress| match progress {
        Progress::Line(line) => println!("{line}"),
        Progress::Note(line) => eprintln!("{line}"),
        Progress::Rebuilt(outcome) => print(&outcome, format),
    };
    let outcome = match cli.command {
        Command::Build {
            site,
            output,
            force,
        } => commands::build::run(&commands::build::BuildArgs {
            pipeline: options(site),
            output,
            force,
        }),
        Command::Check { site } => commands::check::run(&options(site)),
        Command::Serve {
            site,
            port,
            bind,
            open,
            output,
        } => commands::serve::run(
            commands::serve::ServeArgs {
                pipeline: options(site),
                port,
                bind,
                open,
                output,
            },
            &say,
        ),
        Command::I18n { site, lang, format } => {
            let format = match format {
                I18nFormat::Table => commands::i18n::Format::Table,
                I18nFormat::Json => commands::i18n::Format::Json,
                I18nFormat::Csv => commands::i18n::Format::Csv,
            };
            commands::i18n::run(&options(site), lang.as_deref(), format)
        }
        Command::New { path, lang, root } => Outcome::text(commands::scaffold::new_article(
            &root,
            &path,
            lang.as_deref(),
        )),
        Command::Init { dir } => Outcome::text(commands::scaffold::init(&dir)),
        Command::BenchEdit { site, output } => {
            commands::bench_edit::run(&options(site), &output, &say)
        }
    };
    print(&outcome, format);
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
fn print(outcome: &Outcome, format: MessageFormat) {
    let errors = outcome.diagnostics.error_count();
    let warnings = outcome.diagnostics.warning_count();
    let report = outcome.diagnostics.clone().into_report();
    if format == MessageFormat::Json {
        // A command whose product is its output (i18n's JSON) keeps stdout to it.
        if !report.is_empty() || outcome.summary.is_some() {
            let json = serde_json::json!({
                "diagnostics": report,
                "errors": errors,
                "warnings": warnings,
                "summary": outcome.summary,
            });
            println!("{json}");
        }
        print!("{}", outcome.output);
        return;
    }
    let terminal = std::io::stderr().is_terminal();
    for d in &report {
        if format == MessageFormat::Human {
            eprintln!("{}", d.to_human(terminal));
        } else {
            eprintln!("{}", d.to_plain());
        }
    }
    print!("{}", outcome.output);
    if errors > 0 {
        // A failed command that said how it failed (serve's rebuilds) is not counted again.
        if outcome.output.is_empty() {
            eprintln!(
                "mekong: {errors} error{}, {warnings} warning{}; nothing was written",
                plural(errors),
                plural(warnings)
            );
        }
    } else if let Some(summary) = &outcome.summary {
        if warnings > 0 {
            eprintln!("mekong: {warnings} warning{}", plural(warnings));
        }
        eprintln!("{summary}");
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
