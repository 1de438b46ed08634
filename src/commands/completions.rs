//! `nn-tutor completions`: a shell completion script.

use clap::CommandFactory;

use super::Outcome;
use crate::args::{Cli, CompletionsArgs};
use crate::error::Result;

pub fn run(a: CompletionsArgs) -> Result<Outcome> {
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "nn-tutor", &mut buf);
    Ok(Outcome::Text(String::from_utf8_lossy(&buf).into_owned()))
}
