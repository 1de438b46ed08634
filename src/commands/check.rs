//! `nn-tutor check`: grade answers to a catalog example (TOPIC and
//! `--set`), to every problem of a sheet-bound answers file, to a `graph`
//! program (`--expr … --at …`) or to a network spec (`--net`).

use std::path::{Path, PathBuf};

use super::{Outcome, parse_assignments, topic_and_example};
use crate::args::CheckArgs;
use crate::check::{self, Answers, Policy, ProblemVerdict, Target};
use crate::error::{Error, Result};

pub fn run(a: CheckArgs) -> Result<Outcome> {
    let (topic, path) = match &a.second {
        Some(p) => (Some(a.first.clone()), p.clone()),
        None => (None, PathBuf::from(&a.first)),
    };
    if topic.is_some() && (a.expr.is_some() || a.net.is_some()) {
        return Err(Error::Usage(format!(
            "give the answers file alone with --expr or --net (not `{}` before it)",
            a.first
        )));
    }
    let answers = read(
        &path,
        topic.is_none() && a.expr.is_none() && a.net.is_none(),
    )?;
    let flags = super::policy_specs(&a.policy)?;
    let policy = check::policy_for(&answers, &Policy::default(), &flags)?;
    let shown = path.display().to_string();
    let problems = if let Some(expr) = &a.expr {
        let at = parse_assignments(&a.at)?;
        vec![legacy_only(
            &answers,
            &shown,
            Target::expr(expr, &at),
            &policy,
        )?]
    } else if let Some(spec) = &a.net {
        let spec_shown = spec.display().to_string();
        let parsed = crate::netspec::Spec::parse(&crate::files::read_text(spec)?, &spec_shown)?;
        vec![legacy_only(
            &answers,
            &shown,
            Target::net(&parsed, &spec_shown),
            &policy,
        )?]
    } else if let Some(topic) = topic {
        let (topic, n) = topic_and_example(&topic, a.example)?;
        let Some(n) = n else {
            return Err(Error::Usage(format!(
                "give the example: nn-tutor check {topic} --example N {shown}"
            )));
        };
        let ex = crate::catalog::find(&topic, n)?;
        let sets = parse_assignments(&a.set)?;
        let mut p = legacy_only(&answers, &shown, Target::example(ex, &sets), &policy)?;
        p.defaults = sets.is_empty() && !ex.params.is_empty();
        vec![p]
    } else {
        if !a.set.is_empty() || a.example.is_some() {
            return Err(Error::Usage(format!(
                "{shown} names its problems and their inputs; drop --set and --example"
            )));
        }
        check::grade_sheet(&answers, &policy)?
    };
    let all_right = problems.iter().all(ProblemVerdict::all_right);
    let file = Path::new(&shown)
        .file_name()
        .map(|f| f.to_string_lossy().to_string());
    let r = check::report(&problems, &policy, file.as_deref());
    Ok(Outcome::Graded(Box::new(r), a.out, all_right))
}

/// Read and parse the answers file; `sheet` says the command line names no
/// problem, so the file must.
fn read(path: &Path, sheet: bool) -> Result<Answers> {
    let shown = path.display().to_string();
    if sheet
        && !path.exists()
        && crate::catalog::topics().contains(&shown.split('/').next().unwrap_or_default())
    {
        return Err(Error::Usage(format!(
            "`{shown}` is a topic: give the answers file after it, \
             e.g. nn-tutor check {shown} --example 1 answers.toml"
        )));
    }
    let answers = check::parse_answers(&crate::files::read_text(path)?, &shown)?;
    if sheet && !answers.sheet_bound {
        return Err(Error::Usage(format!(
            "{shown} names no sheet (no [[problem]] tables): give the topic and example it \
             answers, e.g. nn-tutor check backprop --example 1 --set … {shown}"
        )));
    }
    let empty = |p: &check::ProblemAnswers| p.answers.is_empty() && p.blank.is_empty();
    if answers.problems.iter().all(empty) && !answers.sheet_bound || answers.problems.is_empty() {
        return Err(Error::Invalid {
            what: shown,
            problem: "it has no answers".to_string(),
            accepted: "write one `\"name\" = value` line per quantity, e.g. \"df/dx\" = -4"
                .to_string(),
        });
    }
    Ok(answers)
}

/// Grade a legacy (one-problem) file against `target`.
fn legacy_only(
    answers: &Answers,
    shown: &str,
    target: Result<Target>,
    policy: &Policy,
) -> Result<ProblemVerdict> {
    if answers.sheet_bound {
        return Err(Error::Usage(format!(
            "{shown} names its problems ([[problem]] tables): check it with \
             nn-tutor check {shown}"
        )));
    }
    let p = answers.problems.first().cloned().unwrap_or_default();
    Ok(check::grade_target(&target?, &p, policy))
}
