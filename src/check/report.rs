//! The report of `check`: per problem a table of every asked quantity in
//! computation order (yours, computed, verdict, likely slip, points), what
//! is unanswered or unknown, the score, and the policy it was graded by.
//! JSON carries the same verdicts as codes ([`ProblemVerdict::to_data`]).

use super::policy::{Policy, Precision};
use super::verdict::{Code, Credit, ProblemVerdict, counts, sum};
use crate::report::{Cell, Data, Report, Table};
use crate::scalar::Scalar;

/// The report of one or more graded problems; `file` names the answers
/// file when it holds several (a sheet).
pub fn report(problems: &[ProblemVerdict], policy: &Policy, file: Option<&str>) -> Report {
    let mut r = match (problems, file) {
        ([p], _) => Report {
            id: format!("check {}", p.example),
            title: format!("Your answers to {}", p.title),
            title_zh: format!("核对答案: {}", p.title_zh),
            inputs: p.inputs.clone(),
            ..Report::default()
        },
        (_, f) => Report {
            id: format!("check {}", f.unwrap_or("answers")),
            title: "Your answers".to_string(),
            title_zh: "核对答案".to_string(),
            ..Report::default()
        },
    };
    let many = problems.len() > 1;
    for (k, p) in problems.iter().enumerate() {
        if many {
            let n = p.number.unwrap_or(k as u32 + 1);
            r.heading(format!("Problem {n}: {}", p.example));
            let inputs: Vec<String> = p
                .inputs
                .iter()
                .map(|(k, v)| format!("{k} = {}", v.show(6)))
                .collect();
            r.text(format!("Inputs: {}.", inputs.join(", ")));
        }
        problem_blocks(&mut r, p);
        if !many {
            r.try_next.push(p.explain.clone());
        }
    }
    if many {
        let pts: Vec<Scalar> = problems.iter().map(ProblemVerdict::points).collect();
        let max: Vec<Scalar> = problems.iter().map(ProblemVerdict::max_points).collect();
        r.heading("Total · 总分");
        r.text(format!(
            "Total: {} of {} points over {} problems.",
            sum(pts.iter()).show(6),
            sum(max.iter()).show(6),
            problems.len()
        ));
    }
    policy_blocks(&mut r, policy);
    r.results = counts(problems);
    r.data = vec![
        (
            "problems".to_string(),
            Data::List(problems.iter().map(ProblemVerdict::to_data).collect()),
        ),
        ("score".to_string(), score(problems)),
    ];
    r
}

/// Points earned over points possible (0 when nothing is possible).
fn score(problems: &[ProblemVerdict]) -> Data {
    let pts: Vec<Scalar> = problems.iter().map(ProblemVerdict::points).collect();
    let max: Vec<Scalar> = problems.iter().map(ProblemVerdict::max_points).collect();
    let (p, m) = (sum(pts.iter()), sum(max.iter()));
    Data::Num(p.div(&m).unwrap_or_else(|_| Scalar::zero()))
}

fn verdict_text(code: Code, credit: Option<Credit>) -> &'static str {
    match (code, credit) {
        (Code::Right, Some(Credit::Exact) | None) => "right ✓",
        (Code::Right, Some(Credit::Rounded)) => "right ✓ (to your rounding)",
        (Code::Right, Some(Credit::Tolerance)) => "right ✓ (within the tolerance)",
        (Code::Right, Some(Credit::StepRounded)) => "right ✓ (rounded at every step, as allowed)",
        (Code::Right, Some(Credit::FollowThrough)) => "right ✓ (follows from your earlier values)",
        (Code::Wrong, _) => "WRONG ✗",
        (Code::Unanswered, _) => "unanswered",
        (Code::Unknown, _) => "not a quantity of this problem",
    }
}

fn problem_blocks(r: &mut Report, p: &ProblemVerdict) {
    let mut t = Table::new(
        "Answers in computation order · 按计算顺序",
        &[
            "quantity",
            "yours",
            "computed",
            "verdict",
            "likely slip",
            "points",
        ],
    );
    for v in &p.verdicts {
        t.row(vec![
            Cell::Text(v.name.clone()),
            v.student.clone().map_or(Cell::Empty, Cell::Text),
            v.expected.clone().map_or(Cell::Empty, Cell::Num),
            Cell::Text(verdict_text(v.code, v.credit).to_string()),
            v.slip
                .as_ref()
                .map_or(Cell::Empty, |s| Cell::Text(s.text.clone())),
            Cell::Text(format!("{}/{}", v.points.show(6), v.max_points.show(6))),
        ]);
    }
    r.table(t);
    let asked = p
        .verdicts
        .iter()
        .filter(|v| v.code != Code::Unknown)
        .count();
    let wrong: Vec<&str> = p.with(Code::Wrong);
    let unanswered = p.with(Code::Unanswered);
    let unknown = p.with(Code::Unknown);
    if p.all_right() {
        r.text(format!("All {asked} answers are right."));
    }
    if let Some(first) = wrong.first() {
        r.text(format!(
            "{} of {asked} wrong. The first wrong step in computation order is `{first}`: \
             later wrong values may only carry that slip forward, so fix it first.",
            wrong.len()
        ));
    }
    if !unanswered.is_empty() {
        r.text(format!(
            "Unanswered ({}): {}.",
            unanswered.len(),
            quoted(&unanswered)
        ));
    }
    if !unknown.is_empty() {
        r.text(format!(
            "Not quantities of {}: {}; its quantities are: {}.",
            p.example,
            quoted(&unknown),
            p.quantities.join(", ")
        ));
    }
    if p.defaults {
        r.text(
            "Checked against the deck's default inputs: your answers name no sheet and no \
             --set was given; pass --set from your sheet.",
        );
    }
    r.text(format!(
        "Score: {} of {} points.",
        p.points().show(6),
        p.max_points().show(6)
    ));
}

fn quoted(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    q.join(", ")
}

fn policy_blocks(r: &mut Report, policy: &Policy) {
    r.text(match policy.precision {
        Precision::Decimals(d) => {
            format!(
                "Right: the exact value, or the value rounded to {d} or more decimals, also \
                 when every step was rounded so."
            )
        }
        Precision::Significant(s) => format!(
            "Right: the exact value, or the value rounded to {s} or more significant figures."
        ),
    });
    if let Some(t) = &policy.tolerance {
        r.text(format!("Tolerance: ±{}.", t.show(6)));
    }
    if let Some(t) = &policy.rel_tolerance {
        r.text(format!("Relative tolerance: ±{} of the value.", t.show(6)));
    }
    if let Some(d) = policy.round_each {
        r.text(format!(
            "Also right: every intermediate rounded as `--round-each {d}` does."
        ));
    }
    if policy.follow_through {
        r.text("Also right: a value computed correctly from your own earlier answers.");
    }
}
