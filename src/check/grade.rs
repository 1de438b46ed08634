//! Grading one problem: what it computes (a [`Target`]: a catalog example
//! at its inputs, a `graph` program, a `net` spec), what it asks, and a
//! [`Verdict`] per asked quantity under a [`Policy`].

use std::collections::HashMap;

use super::answers::{Answer, ProblemAnswers};
use super::judge;
use super::policy::{Policy, Precision};
use super::verdict::{Code, Credit, ProblemVerdict, Slip, SlipCode, Verdict};
use super::{Context, follow, order, slips};
use crate::catalog::Example;
use crate::error::Result;
use crate::graph::{Graph, Trace};
use crate::report::{Report, Settings};
use crate::rounding::Plan;
use crate::scalar::Scalar;

/// Something to check answers against: its computed results, what it asks,
/// and what the slip detectors, the step-rounding replay and
/// follow-through may look at.
pub struct Target {
    pub id: String,
    pub title: String,
    pub title_zh: String,
    pub computed: Report,
    /// The asked quantities, in the key's order.
    pub asked: Vec<String>,
    pub trace: Option<Trace>,
    pub net: Option<crate::network::PassTrace>,
    pub layers: Option<(crate::network::Network, Vec<Scalar>)>,
    /// The `--round-each` replay, when the target has one.
    pub plan: Option<Plan>,
    /// `--set` as given (`a=1,b=2`).
    pub set: String,
    /// The command that shows every step.
    pub explain: String,
}

impl Target {
    /// A catalog example at these inputs; it asks what its exercise
    /// problem asks ([`crate::exercise::Problem::asked`]).
    pub fn example(ex: &'static Example, sets: &[(String, String)]) -> Result<Target> {
        let computed = ex.run(sets, &Settings::default())?;
        let values = ex.values(sets)?;
        let trace = match ex.program() {
            Some(src) => Some(Trace::run(&Graph::parse(src)?, &values, false)?),
            None => None,
        };
        let (net, layers) = match ex.pass(&values) {
            Some(p) => match p? {
                (n, x, Some(obj)) => (Some(n.trace(&x, &obj)?), Some((n, x))),
                (n, x, None) => (None, Some((n, x))),
            },
            None => (None, None),
        };
        let asked = default_asked(ex, &computed);
        let set: Vec<String> = sets.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let set = set.join(",");
        let flag = if set.is_empty() {
            String::new()
        } else {
            format!(" --set {set}")
        };
        Ok(Target {
            id: ex.id(),
            title: ex.title.to_string(),
            title_zh: ex.title_zh.to_string(),
            asked,
            trace,
            net,
            layers,
            plan: ex.audit_plan(&values).ok(),
            explain: format!(
                "nn-tutor explain {} --example {}{flag}",
                ex.topic, ex.number
            ),
            set,
            computed,
        })
    }

    /// A program of the expression language at these values (`check
    /// --expr`): it asks every named step and every gradient `graph` shows.
    pub fn expr(src: &str, at: &[(String, String)]) -> Result<Target> {
        let mut values = HashMap::new();
        for (k, v) in at {
            values.insert(k.clone(), Scalar::parse(v)?);
        }
        let (computed, trace) = crate::report::graph::build(src, &values, &Settings::default())?;
        let set: Vec<String> = at.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let set = set.join(",");
        let one_line = src.replace('\n', "; ");
        Ok(Target {
            id: "graph".to_string(),
            title: format!("Computation graph of {one_line}"),
            title_zh: "计算图".to_string(),
            asked: computed.results.iter().map(|n| n.name.clone()).collect(),
            plan: Some(crate::rounding::plan::replay_program(src, &values)),
            explain: format!("nn-tutor graph \"{one_line}\" --at {set}"),
            trace: Some(trace),
            net: None,
            layers: None,
            set,
            computed,
        })
    }

    /// A network spec (`check --net`): it asks every result `net` shows.
    pub fn net(spec: &crate::netspec::Spec, path: &str) -> Result<Target> {
        let computed = crate::report::net::net_report(spec, path, &Settings::default(), false)?;
        let network = spec.network()?;
        let x = spec.input.clone();
        let net = match spec.objective() {
            Some(obj) => Some(network.trace(&x, &obj)?),
            None => None,
        };
        let pass = (network.clone(), x.clone(), spec.objective());
        Ok(Target {
            id: "net".to_string(),
            title: format!("The network of {path}"),
            title_zh: "网络".to_string(),
            asked: computed.results.iter().map(|n| n.name.clone()).collect(),
            trace: None,
            net,
            layers: Some((network, x)),
            // The loss is `loss` in `net`'s report (`L` in the replay).
            plan: crate::rounding::plan::replay_renamed(pass.clone(), &[("L", "loss")])
                .ok()
                .or_else(|| Some(crate::rounding::plan::replay_pass(pass))),
            set: String::new(),
            explain: format!("nn-tutor net {path}"),
            computed,
        })
    }

    /// The value of every asked quantity with each step rounded to `d`
    /// decimals, by name: the replay's rows linked to results, kept only
    /// where the row's exact value is the result (so a link can never
    /// grade against the wrong quantity).
    fn step_rounded(&self, d: u32) -> HashMap<String, Scalar> {
        let mut out = HashMap::new();
        let Some(Plan::Replay { items, .. }) = &self.plan else {
            return out;
        };
        for it in items {
            let Ok(rows) = it.rows(d) else { continue };
            // Each row is named as the example's result it computes.
            for row in rows {
                let name = row.name.as_str();
                if let Some(w) = self.computed.result(name)
                    && judge::same(&row.exact, w)
                {
                    out.entry(name.to_string()).or_insert(row.rounded);
                }
            }
        }
        out
    }
}

/// What a sheet asks of `ex` when `exercise` is not told otherwise
/// (`--find`): its record's choice ([`crate::catalog::Ranges::find`]), else
/// every result; in the key's order, as [`crate::exercise::Problem::asked`].
pub fn default_asked(ex: &Example, report: &Report) -> Vec<String> {
    let chosen: &[&str] = match ex.exercise {
        crate::catalog::Exercise::Ranges(r) => r.find,
        crate::catalog::Exercise::None(_) => &[],
    };
    report
        .results
        .iter()
        .map(|n| n.name.clone())
        .filter(|n| chosen.is_empty() || chosen.contains(&n.as_str()))
        .collect()
}

/// Grade `answers` to `ex` at `sets` under `policy`.
pub fn grade_problem(
    ex: &'static Example,
    sets: &[(String, String)],
    answers: &ProblemAnswers,
    policy: &Policy,
) -> Result<ProblemVerdict> {
    Ok(grade_target(&Target::example(ex, sets)?, answers, policy))
}

/// Grade `answers` against a target: one verdict per asked quantity in
/// computation order (unanswered ones included), a result the problem has
/// but does not ask graded for 0 points, then one per answered name the
/// target does not have.
pub fn grade_target(t: &Target, answers: &ProblemAnswers, policy: &Policy) -> ProblemVerdict {
    let given: HashMap<String, Scalar> = answers
        .answers
        .iter()
        .map(|a| (a.name.clone(), a.value.clone()))
        .collect();
    // Recomputed from the student's values only once an answer needs it
    // (most answers of a class are right: no recomputation for them).
    let mut followed: Option<HashMap<String, Scalar>> = None;
    let mut follow = |name: &str| -> Option<Scalar> {
        followed
            .get_or_insert_with(|| match (&t.trace, &t.plan) {
                (Some(tr), _) => follow::recompute(tr, &given, true),
                (None, Some(plan)) => follow::recompute_plan(plan, &given),
                (None, None) => HashMap::new(),
            })
            .get(name)
            .cloned()
    };
    let mut replays: HashMap<u32, HashMap<String, Scalar>> = HashMap::new();
    let mut step = |d: u32, name: &str| -> Option<Scalar> {
        replays
            .entry(d)
            .or_insert_with(|| t.step_rounded(d))
            .get(name)
            .cloned()
    };
    let ctx = Context {
        results: &t.computed.results,
        trace: t.trace.as_ref(),
        net: t.net.as_ref(),
        layers: t.layers.as_ref(),
        tol: policy.tolerance.as_ref(),
        strict: false,
    };
    let extra = answers
        .answers
        .iter()
        .map(|a| &a.name)
        .filter(|n| !t.asked.contains(n) && t.computed.result(n).is_some());
    let mut verdicts = Vec::new();
    for name in t.asked.iter().chain(extra) {
        let Some(want) = t.computed.result(name) else {
            continue;
        };
        let mut v = Verdict {
            name: name.clone(),
            code: Code::Unanswered,
            slip: None,
            credit: None,
            student: None,
            expected: Some(want.clone()),
            points: Scalar::zero(),
            max_points: if t.asked.contains(name) {
                policy.points_of(name)
            } else {
                Scalar::zero()
            },
            order: order(&t.computed, t.trace.as_ref(), t.layers.is_some(), name),
        };
        if let Some(a) = answers.answers.iter().find(|a| a.name == *name) {
            v.student = Some(a.text.clone());
            // Right before follow-through is asked (judge_one's first tests).
            let right = judge::same(&a.value, want)
                || judge::precise(a, want, policy.precision)
                || judge::in_tolerance(&a.value, want, policy);
            let carried = if right {
                None
            } else {
                follow(name).filter(|f| !judge::same(f, want))
            };
            let carried = carried.as_ref();
            match judge_one(a, want, policy, &mut step, carried) {
                Some(c) => {
                    v.code = Code::Right;
                    v.credit = Some(c);
                    v.points = v.max_points.clone();
                }
                None => {
                    v.code = Code::Wrong;
                    v.slip = why_wrong(&ctx, a, want, policy, &mut step, carried);
                }
            }
        }
        verdicts.push(v);
    }
    verdicts.sort_by_key(|v| v.order);
    verdicts.extend(unknown(t, answers));
    ProblemVerdict {
        number: answers.number,
        example: t.id.clone(),
        title: t.title.clone(),
        title_zh: t.title_zh.clone(),
        inputs: t.computed.inputs.clone(),
        set: t.set.clone(),
        defaults: false,
        verdicts,
        explain: t.explain.clone(),
        quantities: t.asked.clone(),
    }
}

/// Answered names that are no result of the target (a misspelling).
fn unknown(t: &Target, answers: &ProblemAnswers) -> Vec<Verdict> {
    answers
        .answers
        .iter()
        .filter(|a| t.computed.result(&a.name).is_none())
        .map(|a| Verdict {
            name: a.name.clone(),
            code: Code::Unknown,
            slip: None,
            credit: None,
            student: Some(a.text.clone()),
            expected: None,
            points: Scalar::zero(),
            max_points: Scalar::zero(),
            order: usize::MAX,
        })
        .collect()
}

/// Why `a` is right under the policy, or `None` when it is not.
fn judge_one(
    a: &Answer,
    want: &Scalar,
    policy: &Policy,
    step: &mut impl FnMut(u32, &str) -> Option<Scalar>,
    carried: Option<&Scalar>,
) -> Option<Credit> {
    if judge::same(&a.value, want) {
        return Some(Credit::Exact);
    }
    if judge::precise(a, want, policy.precision) {
        return Some(Credit::Rounded);
    }
    if judge::in_tolerance(&a.value, want, policy) {
        return Some(Credit::Tolerance);
    }
    // `round-each D`: the value with every step rounded to D decimals.
    let stepped = |d: u32, step: &mut dyn FnMut(u32, &str) -> Option<Scalar>| {
        judge::written_places(a).is_some_and(|p| p <= d as usize)
            && step(d, &a.name).is_some_and(|r| judge::same(&a.value, &r))
    };
    if let Some(d) = policy.round_each
        && stepped(d, step)
    {
        return Some(Credit::StepRounded);
    }
    // Every step rounded to the required decimals is what following the
    // sheet's "4 decimals" step by step gives (σ(1) by hand to 4 places:
    // e = 0.3679, d = 1.3679, f = 1/1.3679 → 0.7310, where the exact f
    // rounds to 0.7311): right while it stays within one unit of the last
    // place (a gradient that rounding collapses to 0.0000 is not).
    if let Precision::Decimals(d) = policy.precision
        && (a.value.to_f64() - want.to_f64()).abs() <= 10f64.powi(-(d as i32)) * (1.0 + 1e-9)
        && stepped(d, step)
    {
        return Some(Credit::StepRounded);
    }
    if policy.follow_through
        && carried.is_some_and(|f| {
            judge::precise(a, f, policy.precision) || judge::in_tolerance(&a.value, f, policy)
        })
    {
        return Some(Credit::FollowThrough);
    }
    None
}

/// The likely slip of a wrong answer, strongest evidence first: a
/// conceptual slip of [`slips::explain`] that gives the answer exactly,
/// rounding at every step, a slip carried from an earlier wrong value, too
/// few decimals, truncation, then a conceptual slip to the student's own
/// rounding.
fn why_wrong(
    ctx: &Context,
    a: &Answer,
    want: &Scalar,
    policy: &Policy,
    step: &mut impl FnMut(u32, &str) -> Option<Scalar>,
    carried: Option<&Scalar>,
) -> Option<Slip> {
    let s = |code, text| Some(Slip { code, text });
    let strict = Context {
        strict: true,
        ..*ctx
    };
    if let Some(slip) = slips::explain(&strict, a, want) {
        return Some(slip);
    }
    // Rounded at every step: the replay's value, where rounding only the
    // answer gives another (else it is just too few decimals).
    if let Some(d) = a.decimals.filter(|d| (1..=8).contains(d))
        && !judge::within_half_unit(&a.value, want, d as i32)
        && step(d as u32, &a.name).is_some_and(|r| judge::same(&a.value, &r))
    {
        return s(
            SlipCode::StepRounded,
            "rounded at every step (逐步舍入): rounding every intermediate to as many places \
             as this answer has gives exactly this; keep more decimals until the end"
                .to_string(),
        );
    }
    if let Some(f) = carried
        && (judge::precise(a, f, policy.precision)
            || (super::matches(a, f, ctx.tol) && !super::matches(a, want, ctx.tol)))
    {
        return s(
            SlipCode::CarriedForward,
            "carried forward (沿用了前面的错误): right from your own earlier values; \
             fix the first wrong step"
                .to_string(),
        );
    }
    if let Some(d) = judge::too_short(a, want, policy.precision) {
        return s(SlipCode::TooFewDecimals, too_short_text(a, d, policy));
    }
    if let Some(r) = judge::truncated(a, want) {
        return s(
            SlipCode::Truncated,
            format!(
                "truncated, not rounded (截断而非四舍五入): rounded to the same places the value is {}",
                crate::rounding::decimal(&r, a.decimals.unwrap_or(0) as u32)
            ),
        );
    }
    slips::explain(ctx, a, want)
}

/// The value written with too few places (or figures) for the policy.
fn too_short_text(a: &Answer, d: usize, policy: &Policy) -> String {
    match policy.precision {
        crate::check::policy::Precision::Decimals(want) => format!(
            "too few decimals (小数位数不够): {} is the value rounded, with {d} of the {want} \
             decimals the sheet asks for",
            a.text
        ),
        crate::check::policy::Precision::Significant(want) => format!(
            "too few figures (有效数字不够): {} is the value rounded, with {} of the {want} \
             significant figures the policy asks for",
            a.text,
            judge::significant_figures(&a.text)
        ),
    }
}
