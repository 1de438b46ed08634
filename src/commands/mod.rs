//! One module per subcommand of `nn-tutor`, each a `run(args) -> Result<Outcome>`
//! that turns its parsed arguments ([`crate::args`]) into a report or text.
//! Rendering and printing are the caller's: [`crate::cli`] for a terminal,
//! the book for its pages.

pub mod check;
pub mod completions;
pub mod exercise;
pub mod explain;
pub mod grade;
pub mod graph;
pub mod list;
pub mod net;
pub mod train;

use crate::args::OutputArgs;
use crate::catalog;
use crate::error::{Error, Result};
use crate::render;
use crate::report::Report;

/// What a command produced: a report to render, or finished text (a
/// diagram, a completion script).
#[derive(Debug)]
pub enum Outcome {
    Report(Box<Report>, OutputArgs),
    /// A `check` report, and whether every answer was right.
    Graded(Box<Report>, OutputArgs, bool),
    Text(String),
}

impl Outcome {
    /// A report to render with these output flags.
    pub fn report(r: Report, out: OutputArgs) -> Result<Outcome> {
        Ok(Outcome::Report(Box::new(r), out))
    }
}

/// The topic and example a command names: `backprop/1` (the form
/// `nn-tutor list` prints) is topic `backprop`, example 1, unless
/// `--example` names another.
pub fn topic_and_example(topic: &str, example: Option<u32>) -> Result<(String, Option<u32>)> {
    let Some((name, n)) = topic.split_once('/') else {
        return Ok((topic.to_string(), example));
    };
    let n: u32 = n.parse().map_err(|_| {
        Error::Usage(format!(
            "cannot read `{topic}`: expected TOPIC or TOPIC/N, e.g. {name}/1"
        ))
    })?;
    match example {
        Some(e) if e != n => Err(Error::Usage(format!(
            "`{topic}` names example {n} but --example says {e}; give one of them"
        ))),
        _ => Ok((name.to_string(), Some(n))),
    }
}

pub use crate::assign::parse_assignments;

/// Write the report's plot as SVG: never over an existing file without
/// `--force`, and through a temporary file in the same directory renamed
/// into place, so a failed write leaves no half-written file.
fn write_plot(r: &Report, path: &std::path::Path, force: bool, out: &OutputArgs) -> Result<()> {
    // A legend may quote a number (`α = 1/10 (0.1)`): written at `--digits`.
    let r = r.with_words(out.digits as usize);
    let Some(fig) = r.plot() else {
        let with = catalog::with_plot();
        return Err(Error::Usage(format!(
            "{} has no plot; examples with a plot: {}",
            r.id,
            with.join(", ")
        )));
    };
    crate::files::write_atomic(
        path,
        (render::plot::svg(fig, out.lang) + "\n").as_bytes(),
        force,
    )
}

/// The grading policy of the command line (`check`, `grade`): a `--policy
/// FILE`, then the flags (which win), as specs to lay over the answers
/// file's own policy.
pub fn policy_specs(a: &crate::args::PolicyArgs) -> Result<Vec<crate::check::policy::PolicySpec>> {
    use crate::check::policy::{Num, PolicySpec};
    let mut out = Vec::new();
    if let Some(path) = &a.policy {
        out.push(PolicySpec::read(path)?);
    }
    let text = |s: &Option<String>| s.clone().map(Num::Text);
    let mut points_for = std::collections::BTreeMap::new();
    for (k, v) in parse_assignments(&a.points_for)? {
        points_for.insert(k, Num::Text(v));
    }
    out.push(PolicySpec {
        decimals: a.decimals,
        significant: a.significant,
        tolerance: text(&a.tolerance),
        rel_tolerance: text(&a.rel_tolerance),
        round_each: a.round_each,
        follow_through: a.follow_through.then_some(true),
        points: text(&a.points),
        points_for,
    });
    Ok(out)
}
