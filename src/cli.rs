//! The `nn-tutor` command line: parse ([`crate::args`]), dispatch each
//! subcommand to its `run` ([`crate::commands`]), render, print.

use std::io::Write;

use clap::Parser;

pub use crate::args::{Cli, Command, OutputArgs};
use crate::commands;
pub use crate::commands::{Outcome, parse_assignments};
use crate::error::Result;
use crate::render;
use crate::report::{Block, Report};

/// Run a parsed command line up to its report or text.
pub fn outcome(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::List(a) => commands::list::run(a),
        Command::Explain(a) => commands::explain::run(a),
        Command::Graph(a) => commands::graph::run(a),
        Command::Net(a) => commands::net::run(a),
        Command::Exercise(a) => commands::exercise::run(a),
        Command::Check(a) => commands::check::run(a),
        Command::Book(a) => crate::book::command::run(a),
        Command::Train(a) => commands::train::run(a),
        Command::Completions(a) => commands::completions::run(a),
    }
}

/// Run a parsed command line and return the text to print.
pub fn run(cli: Cli) -> Result<String> {
    run_with_status(cli).map(|(text, _)| text)
}

/// Run a command line; the status is 1 when `check` found a wrong answer.
pub fn run_with_status(cli: Cli) -> Result<(String, i32)> {
    Ok(match outcome(cli)? {
        Outcome::Report(r, out) => (show(&r, &out), 0),
        Outcome::Graded(r, out, all_right) => (show(&r, &out), if all_right { 0 } else { 1 }),
        Outcome::Text(t) => (t, 0),
    })
}

fn show(report: &Report, out: &OutputArgs) -> String {
    let report = crate::report::i18n::localize(report, out.lang);
    render::render(&report, out.format, &out.render_options())
}

/// The whole program: parse, run, print; returns the exit status.
/// Usage errors exit with 2, computation errors with 1; a closed stdout
/// (`nn-tutor … | head -1`) is not an error.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    match run_with_status(cli) {
        Ok((text, status)) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => status,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
                Err(e) => {
                    eprintln!("error: cannot write the output: {e}");
                    1
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    }
}

/// The blocks of a report that are tables (used by tests).
pub fn tables(report: &Report) -> impl Iterator<Item = &crate::report::Table> {
    report.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}
