//! `nn-tutor completions`: a shell completion script.

use clap::CommandFactory;

use super::Outcome;
use crate::args::{Cli, CompletionsArgs};
use crate::error::Result;

pub fn run(a: CompletionsArgs) -> Result<Outcome> {
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "nn-tutor", &mut buf);
    let mut script = String::from_utf8_lossy(&buf).into_owned();
    if a.shell == clap_complete::Shell::Bash {
        // clap_complete names the states of a hyphenated program
        // `nn__tutor__subcmd__explain` where it sets them and
        // `nn__subcmd__tutor__subcmd__explain` where it matches them, so
        // completion stopped after the subcommand; one spelling for both.
        script = script.replace("nn__subcmd__tutor", "nn__tutor");
    }
    Ok(Outcome::Text(script))
}
