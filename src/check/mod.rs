//! `nn-tutor check`: grade a student's answers, to a catalog example, a
//! whole sheet, a `graph` program or a `net` spec. Every asked quantity gets
//! a verdict with a machine code (right, wrong, unanswered, unknown), the
//! likely slip where one explains a wrong value (sign, transposed W, z used
//! for a, a missing local or activation derivative, paths not summed at a
//! fork, rounding at every step, truncation, too few decimals, a slip
//! carried forward), and points under a grading [`Policy`].
//!
//! A slip is named only when the wrong answer equals, exactly or to the
//! student's own rounding, the value that slip produces here.
//!
//! The library API, for `grade` and scripts: [`parse_answers`] reads an
//! answers file, [`grade_problem`] grades one problem of a catalog example
//! (or [`grade_target`] anything a [`Target`] computes), [`grade_sheet`] a
//! whole sheet-bound file; [`ProblemVerdict::to_data`] is the JSON shape.

mod answers;
mod follow;
mod grade;
pub mod judge;
pub mod policy;
mod report;
mod slips;
pub mod verdict;

use std::path::Path;

pub use answers::{Answer, Answers, ProblemAnswers, parse_answers, parse_toml};
pub use grade::{Target, grade_problem, grade_target};
pub use policy::{Policy, PolicySpec, Precision};
pub use report::report;
pub use verdict::{Code, Credit, ProblemVerdict, Slip, SlipCode, Verdict};

use crate::catalog::{self, Example};
use crate::error::{Error, Result};
use crate::graph::{Op, Trace};
use crate::report::{Kind, Named, Report};
use crate::scalar::Scalar;

/// Does `given` match `want`: equal, within `tol`, or equal to the
/// student's own rounding (a decimal with d places within ½·10⁻ᵈ). The slip
/// detectors compare a wrong answer with what a slip gives this way.
pub fn matches(given: &Answer, want: &Scalar, tol: Option<&Scalar>) -> bool {
    if judge::same(&given.value, want) {
        return true;
    }
    let diff = (given.value.to_f64() - want.to_f64()).abs();
    let scale = want.to_f64().abs().max(1.0);
    if tol.is_some_and(|t| diff <= t.to_f64() + 1e-12 * scale) {
        return true;
    }
    given
        .decimals
        .is_some_and(|d| judge::within_half_unit(&given.value, want, d as i32))
}

/// The example a sheet-bound problem names (`backprop/2`).
pub fn example_named(id: &str) -> Result<&'static Example> {
    let (topic, n) = id.split_once('/').unwrap_or((id, ""));
    let n: u32 = n.parse().map_err(|_| Error::Invalid {
        what: format!("example `{id}`"),
        problem: "it is not of the form topic/N".to_string(),
        accepted: "an id `nn-tutor list` prints, such as backprop/2".to_string(),
    })?;
    catalog::find(topic, n)
}

/// `a=1,b=2` as `--set` pairs.
pub fn split_set(set: &str) -> Result<Vec<(String, String)>> {
    let items: Vec<String> = set.split(',').map(str::to_string).collect();
    crate::assign::parse_assignments(&items)
}

/// Grade every problem of a sheet-bound answers file.
pub fn grade_sheet(answers: &Answers, policy: &Policy) -> Result<Vec<ProblemVerdict>> {
    let mut out = Vec::new();
    for (k, p) in answers.problems.iter().enumerate() {
        let id = p.example.as_deref().unwrap_or_default();
        let graded = example_named(id).and_then(|ex| {
            let sets = split_set(p.set.as_deref().unwrap_or_default())?;
            let mut t = Target::example(ex, &sets)?;
            // The template lists what its sheet asked (also under --find):
            // each listed result counts, answered or left "".
            let listed = p.answers.iter().map(|a| &a.name).chain(&p.blank);
            for name in listed {
                if !t.asked.contains(name) && t.computed.result(name).is_some() {
                    t.asked.push(name.clone());
                }
            }
            Ok(grade_target(&t, p, policy))
        });
        // Name the problem: a sheet has many, and the error is in one.
        out.push(graded.map_err(|e| Error::Invalid {
            what: format!("problem {} ({id})", p.number.unwrap_or(k as u32 + 1)),
            problem: e.to_string(),
            accepted: "an example id and inputs as `nn-tutor list` shows them".to_string(),
        })?);
    }
    Ok(out)
}

/// The policy an answers file is graded by: `base` (the defaults or the
/// manifest's), then the file's `[policy]` and legacy `tolerance`, then
/// `flags` (a policy file and the command line's flags, which win).
pub fn policy_for(answers: &Answers, base: &Policy, flags: &[PolicySpec]) -> Result<Policy> {
    let mut p = base.clone();
    if let Some(spec) = &answers.policy {
        p = spec.apply(&p)?;
    }
    if let Some(t) = &answers.tolerance {
        p.tolerance = Some(t.clone());
    }
    for f in flags {
        p = f.apply(&p)?;
    }
    Ok(p)
}

/// Check a legacy answers file against `topic/number` at `sets`, with an
/// optional `--tolerance`: the report and whether every asked quantity is
/// answered and right.
pub fn run_file(
    topic: &str,
    number: u32,
    sets: &[(String, String)],
    path: &Path,
    tol: Option<&str>,
) -> Result<(Report, bool)> {
    let ex = catalog::find(topic, number)?;
    let answers = parse_answers(&crate::files::read_text(path)?, &path.display().to_string())?;
    let flags = PolicySpec {
        tolerance: tol.map(|t| policy::Num::Text(t.to_string())),
        ..PolicySpec::default()
    };
    let policy = policy_for(&answers, &Policy::default(), &[flags])?;
    let p = answers.problems.first().cloned().unwrap_or_default();
    let mut v = grade_problem(ex, sets, &p, &policy)?;
    v.defaults = sets.is_empty() && !ex.params.is_empty();
    let ok = v.all_right();
    Ok((report(&[v], &policy, None), ok))
}

/// What the slip detectors may look at.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub results: &'a [Named],
    pub trace: Option<&'a Trace>,
    /// The traced network of a layer-level example.
    pub net: Option<&'a crate::network::PassTrace>,
    /// The network of a layer-level example and its input (also without a
    /// loss, as in forward/1).
    pub layers: Option<&'a (crate::network::Network, Vec<Scalar>)>,
    pub tol: Option<&'a Scalar>,
    /// Name a slip only when it gives the answer exactly.
    pub strict: bool,
}

impl Context<'_> {
    /// A computed result by name.
    pub fn result(&self, name: &str) -> Option<&Scalar> {
        self.results
            .iter()
            .find(|r| r.name == name)
            .map(|r| &r.value)
    }
}

/// Where a quantity falls in computation order. With a graph: node k's
/// value at k, its gradient at 2N - k (the backward pass walks the nodes in
/// reverse). Otherwise the report's order, gradients after values and
/// later layers' gradients first (δ(L) before δ(L-1)); in a layer problem
/// (`layered`) the loss after every value, from a(L), and before every
/// gradient (`net` and backprop/5 list it first).
fn order(r: &Report, trace: Option<&Trace>, layered: bool, name: &str) -> usize {
    let idx = r.results.iter().position(|n| n.name == name).unwrap_or(0);
    if let Some(t) = trace {
        let n = t.graph.nodes.len();
        let out = t.graph.output_name();
        if let Some(k) = name
            .strip_prefix(&format!("d{out}/d"))
            .and_then(|x| t.graph.find(x))
        {
            return 2 * n - k;
        }
        if let Some(k) = t.graph.find(name) {
            return k;
        }
    }
    let kind = r.results.get(idx).map(|n| n.kind);
    if layered && kind == Some(Kind::Loss) {
        return 9_000 + idx;
    }
    if kind != Some(Kind::Gradient) {
        return idx;
    }
    let layer = name
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(l, _)| l.parse::<usize>().ok())
        .unwrap_or(0);
    10_000 + (100 - layer.min(99)) * 1_000 + idx
}

/// Value of the node `name` in a trace.
pub fn node_value<'a>(t: &'a Trace, name: &str) -> Option<&'a Scalar> {
    t.graph.find(name).map(|i| &t.values[i])
}

/// The activation ops (for naming a missing activation derivative).
pub fn is_activation(op: &Op) -> bool {
    matches!(op, Op::Sigmoid | Op::Tanh | Op::Relu)
}

#[cfg(test)]
mod tests;

/// Reports that show every sentence `check` can print, for the test that
/// no `--lang zh` report keeps English prose.
#[cfg(test)]
pub fn sample_reports() -> Vec<(String, Report)> {
    let grade = |id: &str, set: &str, toml: &str, spec: PolicySpec| {
        let answers = parse_answers(toml, "a.toml").expect("the sample parses");
        let policy = policy_for(&answers, &Policy::default(), &[spec]).expect("a policy");
        let sets = split_set(set).expect("the sample's inputs");
        let ex = example_named(id).expect("a catalog example");
        let mut v = grade_problem(ex, &sets, &answers.problems[0], &policy).expect("graded");
        v.defaults = sets.is_empty();
        (v, policy)
    };
    let num = |t: &str| Some(policy::Num::Text(t.to_string()));
    // backprop/2 at its defaults: f = σ(1) = 0.731059 truncated, ∂f/∂x1
    // rounded at every step (-0.60), ∂f/∂w0 sign-flipped, ∂f/∂x0 to 1 place.
    let slips = "f = 0.7310\n\"df/dx1\" = -0.60\n\"df/dw0\" = 0.1966\n\"df/dx0\" = 0.4\nzz = 1\n";
    let mut out = Vec::new();
    let (v, p) = grade("backprop/2", "", slips, PolicySpec::default());
    out.push(("check backprop/2 slips".to_string(), report(&[v], &p, None)));
    let lenient = PolicySpec {
        significant: Some(3),
        tolerance: num("0.0001"),
        rel_tolerance: num("0.001"),
        round_each: Some(2),
        follow_through: Some(true),
        ..PolicySpec::default()
    };
    let (v, p) = grade("backprop/2", "", "f = 0.7\n\"df/dx1\" = -0.60\n", lenient);
    out.push((
        "check backprop/2 policy".to_string(),
        report(&[v], &p, None),
    ));
    // backprop/1 with q = 4 (wrong) carried into f = -16.
    let carried = "q = 4\nf = -16\n";
    let (a, p) = grade(
        "backprop/1",
        "x=-2,y=5,z=-4",
        carried,
        PolicySpec::default(),
    );
    let follow = PolicySpec {
        follow_through: Some(true),
        ..PolicySpec::default()
    };
    let (b, _) = grade("backprop/1", "x=-2,y=5,z=-4", carried, follow);
    out.push((
        "check sheet".to_string(),
        report(&[a, b], &p, Some("a.toml")),
    ));
    let right = "q = 3\nf = -12\n\"df/dx\" = -4\n\"df/dy\" = -4\n\"df/dq\" = -4\n\"df/dz\" = 3\n";
    let (v, p) = grade("backprop/1", "", right, PolicySpec::default());
    out.push(("check all right".to_string(), report(&[v], &p, None)));
    out
}
