//! `nn-tutor check`: compare a student's answers with the computed values,
//! find the first wrong step in computation order, and name the likely slip
//! where it can tell (sign, transposed W, z used for a, a missing local or
//! activation derivative, paths not summed at a fork).
//!
//! A slip is named only when the wrong answer equals, exactly or to the
//! student's own rounding, the value that slip produces here.

mod slips;

use crate::catalog::{self, Example};
use crate::error::{Error, Result};
use crate::graph::{Graph, Op, Trace};
use crate::report::{Cell, Kind, Named, Report, Settings, Table};
use crate::scalar::Scalar;

/// One answer as the student wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub name: String,
    pub text: String,
    pub value: Scalar,
    /// Decimal places, when written as a decimal (`-0.25` has 2).
    pub decimals: Option<usize>,
}

/// An answers file: an optional `tolerance` and `name = value` lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub tolerance: Option<Scalar>,
    pub answers: Vec<Answer>,
}

/// Read an answers file (TOML): `tolerance = 0.01` (optional) and one
/// `"name" = value` per quantity; values are numbers or strings such as
/// `"-1/4"`. A malformed value names its key.
pub fn parse_answers(text: &str, path: &str) -> Result<Answers> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
        Error::Toml {
            path: path.to_string(),
            line,
            column,
            message: e.message().to_string(),
        }
    })?;
    // A bare decimal's places are in its text, not in the f64 TOML reads
    // (`0.40` is 0.4): keep the text so `0.40` is checked to 2 places.
    let raw: std::collections::HashMap<String, String> = toml::de::DeTable::parse(text)
        .map(|t| {
            t.into_inner()
                .into_iter()
                .filter_map(|(k, v)| match v.into_inner() {
                    toml::de::DeValue::Float(f) => {
                        Some((k.into_inner().into_owned(), f.as_str().to_string()))
                    }
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut out = Answers::default();
    for (key, v) in &table {
        let a = answer(key, v, raw.get(key).map(String::as_str), path)?;
        if key == "tolerance" {
            out.tolerance = Some(a.value.abs());
        } else {
            out.answers.push(a);
        }
    }
    Ok(out)
}

fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn answer(key: &str, v: &toml::Value, raw: Option<&str>, path: &str) -> Result<Answer> {
    let text = match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        // The decimal as written (`0.40`, underscores dropped), else the
        // shortest round-trip text: 0.39 stays "0.39", an exact 39/100.
        toml::Value::Float(f) => raw
            .map(|r| r.replace('_', "").trim_start_matches('+').to_string())
            .filter(|r| Scalar::parse(r).is_ok())
            .unwrap_or_else(|| f.to_string()),
        _ => String::new(),
    };
    let value = Scalar::parse(&text).map_err(|e| Error::Invalid {
        what: format!("{path}: answer `{key}`"),
        problem: match e {
            Error::BadNumber { reason, .. } if !text.is_empty() => {
                format!("cannot read `{text}` as a number ({reason})")
            }
            _ => format!("`{v}` is not a number"),
        },
        accepted: "write a fraction such as \"-1/4\" or a decimal such as -0.25".to_string(),
    })?;
    let decimals = (!text.contains('/') && !text.to_ascii_lowercase().contains('e'))
        .then(|| text.split_once('.').map(|(_, d)| d.len()))
        .flatten();
    Ok(Answer {
        name: key.to_string(),
        text,
        value,
        decimals,
    })
}

/// The verdict on one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub answer: Answer,
    pub expected: Scalar,
    pub right: bool,
    /// The likely slip, when one explains the wrong answer.
    pub slip: Option<String>,
    /// Position in computation order (forward, then backward).
    pub order: usize,
}

/// Does `given` match `want`: equal, within `tol`, or equal to the
/// student's own rounding (a decimal with d places within ½·10⁻ᵈ).
pub fn matches(given: &Answer, want: &Scalar, tol: Option<&Scalar>) -> bool {
    if given.value.is_exact() && want.is_exact() && given.value == *want {
        return true;
    }
    let diff = (given.value.to_f64() - want.to_f64()).abs();
    let scale = want.to_f64().abs().max(1.0);
    if diff <= 1e-12 * scale {
        return true;
    }
    if tol.is_some_and(|t| diff <= t.to_f64() + 1e-12 * scale) {
        return true;
    }
    given
        .decimals
        .is_some_and(|d| diff <= 0.5 * 10f64.powi(-(d as i32)) + 1e-12 * scale)
}

/// Check `answers` against `ex` run with `sets`: a report of verdicts, and
/// whether all were right.
pub fn check(
    ex: &Example,
    sets: &[(String, String)],
    answers: &Answers,
    tol: Option<&Scalar>,
) -> Result<(Report, bool)> {
    let s = Settings::default();
    let computed = ex.run(sets, &s)?;
    let trace = match ex.program() {
        Some(src) => Some(Trace::run(&Graph::parse(src)?, &ex.values(sets)?, false)?),
        None => None,
    };
    let (net, layers) = match ex.pass(&ex.values(sets)?) {
        Some(p) => match p? {
            (n, x, Some(obj)) => (Some(n.trace(&x, &obj)?), Some((n, x))),
            (n, x, None) => (None, Some((n, x))),
        },
        None => (None, None),
    };
    let tol = tol.or(answers.tolerance.as_ref());
    let mut verdicts = Vec::new();
    for a in &answers.answers {
        let Some(want) = computed.result(&a.name) else {
            return Err(Error::UnknownName {
                name: a.name.clone(),
                what: format!("a quantity of {}", ex.id()),
                accepted: format!(
                    "its quantities are: {}",
                    computed
                        .results
                        .iter()
                        .map(|n| n.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        };
        let right = matches(a, want, tol);
        let ctx = Context {
            results: &computed.results,
            trace: trace.as_ref(),
            net: net.as_ref(),
            layers: layers.as_ref(),
            tol,
        };
        verdicts.push(Verdict {
            answer: a.clone(),
            expected: want.clone(),
            right,
            slip: if right {
                None
            } else {
                slips::explain(&ctx, a, want)
            },
            order: order(&computed, trace.as_ref(), &a.name),
        });
    }
    let all_right = verdicts.iter().all(|v| v.right);
    Ok((report(ex, sets, &computed, &verdicts, tol), all_right))
}

/// What the slip detectors may look at.
pub struct Context<'a> {
    pub results: &'a [Named],
    pub trace: Option<&'a Trace>,
    /// The traced network of a layer-level example.
    pub net: Option<&'a crate::network::PassTrace>,
    /// The network of a layer-level example and its input (also without a
    /// loss, as in forward/1).
    pub layers: Option<&'a (crate::network::Network, Vec<Scalar>)>,
    pub tol: Option<&'a Scalar>,
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
/// later layers' gradients first (δ(L) before δ(L-1)).
fn order(r: &Report, trace: Option<&Trace>, name: &str) -> usize {
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
    if r.results.get(idx).is_none_or(|n| n.kind != Kind::Gradient) {
        return idx;
    }
    let layer = name
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(l, _)| l.parse::<usize>().ok())
        .unwrap_or(0);
    10_000 + (100 - layer.min(99)) * 1_000 + idx
}

fn report(
    ex: &Example,
    sets: &[(String, String)],
    computed: &Report,
    verdicts: &[Verdict],
    tol: Option<&Scalar>,
) -> Report {
    let mut r = Report {
        id: format!("check {}", ex.id()),
        title: format!("Your answers to {}", ex.title),
        title_zh: format!("核对答案: {}", ex.title_zh),
        inputs: computed.inputs.clone(),
        ..Report::default()
    };
    let mut sorted: Vec<&Verdict> = verdicts.iter().collect();
    sorted.sort_by_key(|v| v.order);
    let mut t = Table::new(
        "Answers in computation order · 按计算顺序",
        &["quantity", "yours", "computed", "verdict", "likely slip"],
    );
    for v in &sorted {
        let verdict = match (v.right, v.answer.value == v.expected) {
            (true, true) => "right ✓".to_string(),
            (true, false) => "right ✓ (to your rounding)".to_string(),
            (false, _) => "WRONG ✗".to_string(),
        };
        t.row(vec![
            Cell::Text(v.answer.name.clone()),
            Cell::Text(v.answer.text.clone()),
            Cell::Num(v.expected.clone()),
            Cell::Text(verdict),
            v.slip.clone().map_or(Cell::Empty, Cell::Text),
        ]);
    }
    r.table(t);
    let wrong = sorted.iter().filter(|v| !v.right).count();
    r.results = vec![
        Named::new(
            "right".to_string(),
            Scalar::int((sorted.len() - wrong) as i64),
            Kind::Count,
        ),
        Named::new("wrong".to_string(), Scalar::int(wrong as i64), Kind::Count),
    ];
    match sorted.iter().find(|v| !v.right) {
        None => r.text(format!("All {} answers are right.", sorted.len())),
        Some(first) => {
            r.text(format!(
                "{wrong} of {} wrong. The first wrong step in computation order is `{}`: \
                 later wrong values may only carry that slip forward, so fix it first.",
                sorted.len(),
                first.answer.name
            ));
        }
    }
    if let Some(t) = tol {
        r.text(format!("Tolerance: ±{}.", t.show(6)));
    }
    let set = if sets.is_empty() {
        String::new()
    } else {
        let pairs: Vec<String> = sets.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!(" --set {}", pairs.join(","))
    };
    r.try_next.push(format!(
        "nn-tutor explain {} --example {}{set}",
        ex.topic, ex.number
    ));
    r
}

/// Run `check` from the command line: read the file, check, and return the
/// report and whether every answer was right.
pub fn run_file(
    topic: &str,
    number: u32,
    sets: &[(String, String)],
    path: &std::path::Path,
    tol: Option<&str>,
) -> Result<(Report, bool)> {
    let ex = catalog::find(topic, number)?;
    let text = crate::files::read_text(path)?;
    let answers = parse_answers(&text, &path.display().to_string())?;
    if answers.answers.is_empty() {
        return Err(Error::Invalid {
            what: path.display().to_string(),
            problem: "it has no answers".to_string(),
            accepted: "write one `\"name\" = value` line per quantity, e.g. \"df/dx\" = -4"
                .to_string(),
        });
    }
    let tol = tol.map(Scalar::parse).transpose()?.map(|t| t.abs());
    check(ex, sets, &answers, tol.as_ref())
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
