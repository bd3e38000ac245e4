//! The `mekong` command line: parse arguments, run a command, print its
//! diagnostics, map the result to an exit code (0 ok, 1 site errors, 2 usage).

use clap::{Parser, Subcommand, ValueEnum};
use mekong::commands::{self, Outcome};
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
        } => {
            let format = cli.message_format;
            let args = mekong::serve::ServeArgs {
                pipeline: options(site),
                port,
                bind,
                open,
                output,
            };
            let report = Box::new(move |d: &mekong::diagnostics::Diagnostics| {
                print_diagnostics(d.clone().into_report(), format)
            });
            match mekong::serve::run(args, report) {
                Ok(()) => return ExitCode::SUCCESS,
                Err(diagnostics) => Outcome {
                    diagnostics,
                    summary: None,
                },
            }
        }
        Command::I18n { site, lang, format } => {
            let format = match format {
                I18nFormat::Table => commands::i18n::Format::Table,
                I18nFormat::Json => commands::i18n::Format::Json,
                I18nFormat::Csv => commands::i18n::Format::Csv,
            };
            match commands::i18n::run(&options(site), lang.as_deref(), format) {
                Ok(text) => {
                    print!("{text}");
                    return ExitCode::SUCCESS;
                }
                Err(diagnostics) => Outcome {
                    diagnostics,
                    summary: None,
                },
            }
        }
        Command::New { path, lang, root } => printed(commands::scaffold::new_article(
            &root,
            &path,
            lang.as_deref(),
        )),
        Command::Init { dir } => printed(commands::scaffold::init(&dir)),
        Command::BenchEdit { site, output } => {
            match commands::bench_edit::run(&options(site), &output) {
                Ok(()) => return ExitCode::SUCCESS,
                Err(diagnostics) => Outcome {
                    diagnostics,
                    summary: None,
                },
            }
        }
    };
    report(outcome, cli.message_format)
}

/// A command that prints a text on success.
fn printed(result: Result<String, mekong::diagnostics::Diagnostics>) -> Outcome {
    match result {
        Ok(text) => {
            print!("{text}");
            Outcome {
                diagnostics: mekong::diagnostics::Diagnostics::new(),
                summary: None,
            }
        }
        Err(diagnostics) => Outcome {
            diagnostics,
            summary: None,
        },
    }
}

fn print_diagnostics(report: Vec<mekong::diagnostics::Diagnostic>, format: Option<MessageFormat>) {
    let terminal = std::io::stderr().is_terminal();
    for d in &report {
        match format {
            Some(MessageFormat::Json) => {
                eprintln!("{}", serde_json::to_string(d).unwrap_or_default())
            }
            Some(MessageFormat::Plain) => eprintln!("{}", d.to_plain()),
            _ if terminal => eprintln!("{}", d.to_human(true)),
            _ => eprintln!("{}", d.to_plain()),
        }
    }
}

fn report(outcome: Outcome, format: Option<MessageFormat>) -> ExitCode {
    let terminal = std::io::stderr().is_terminal();
    let format = format.unwrap_or(if terminal {
        MessageFormat::Human
    } else {
        MessageFormat::Plain
    });
    let errors = outcome.diagnostics.error_count();
    let warnings = outcome.diagnostics.warning_count();
    let report = outcome.diagnostics.into_report();
    match format {
        MessageFormat::Json => {
            let json = serde_json::json!({
                "diagnostics": report,
                "errors": errors,
                "warnings": warnings,
                "summary": outcome.summary,
            });
            println!("{json}");
        }
        MessageFormat::Human | MessageFormat::Plain => {
            for d in &report {
                if format == MessageFormat::Human {
                    eprintln!("{}", d.to_human(terminal));
                } else {
                    eprintln!("{}", d.to_plain());
                }
            }
            if errors > 0 {
                eprintln!(
                    "mekong: {errors} error{}, {warnings} warning{}; nothing was written",
                    plural(errors),
                    plural(warnings)
                );
            } else if let Some(summary) = &outcome.summary {
                if warnings > 0 {
                    eprintln!("mekong: {warnings} warning{}", plural(warnings));
                }
                eprintln!("{summary}");
            }
        }
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
