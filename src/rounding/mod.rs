//! The rounding audit (`explain --round-each D`): replay a graph's forward
//! and backward pass rounding every intermediate to D decimal places, as a
//! student does by hand, and show how far each value, and above all the
//! final answers, drift from the exact ones.
//!
//! The replay uses the same [`Op::forward`] and [`Op::local`] rules as the
//! exact trace; only a rounding step is added after each value, each local
//! derivative, each contribution and each running sum of a gradient.

pub mod layers;
pub mod plan;

use std::collections::HashMap;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Pow;

use crate::error::{Error, Result};
use crate::graph::{Graph, Op};
use crate::report::labels::{self, Labels};
use crate::report::{Cell, Report, Table};
use crate::scalar::Scalar;

/// `x` rounded to `d` decimal places (half away from zero), as an exact
/// decimal: 0.39322… → 39/100 at d = 2.
pub fn round(x: &Scalar, d: u32) -> Result<Scalar> {
    let scale = BigRational::from_integer(BigInt::from(10).pow(d));
    let exact = match x {
        Scalar::Exact(r) => r.clone(),
        Scalar::Float(f) => return Scalar::parse(&format!("{f:.*}", d as usize)),
    };
    Ok(Scalar::Exact((exact * &scale).round() / scale))
}

/// A value rounded to `d` places as the decimal a student writes, with
/// exactly `d` places: 27/10 at d = 1 is `2.7`, -9/10 is `-0.9`, 1/2 at
/// d = 2 is `0.50`. (A value that is not such a decimal keeps its usual
/// display.)
pub fn decimal(x: &Scalar, d: u32) -> String {
    let scale = BigRational::from_integer(BigInt::from(10).pow(d));
    let Some(scaled) = x.as_exact().map(|r| r * &scale) else {
        return x.show(17);
    };
    if !scaled.is_integer() {
        return x.show(17);
    }
    let n = scaled.to_integer();
    let sign = if n < BigInt::from(0) { "-" } else { "" };
    let digits = format!(
        "{:0>width$}",
        n.magnitude().to_string(),
        width = d as usize + 1
    );
    let (int, frac) = digits.split_at(digits.len() - d as usize);
    if d == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// "1 decimal", "2 decimals".
fn places(d: u32) -> String {
    if d == 1 {
        "1 decimal".to_string()
    } else {
        format!("{d} decimals")
    }
}

/// Values and gradients of a graph with every intermediate rounded.
pub struct Replay {
    pub values: Vec<Scalar>,
    pub grads: Vec<Option<Scalar>>,
}

/// Forward then backward, rounding after every step (see the module doc).
pub fn replay(g: &Graph, inputs: &HashMap<String, Scalar>, d: u32) -> Result<Replay> {
    // An arithmetic error names its node as the student reads it.
    let at_node = |i: usize| move |e: Error| e.at_node(&Labels::of(g).label[i]);
    let mut values: Vec<Scalar> = Vec::with_capacity(g.nodes.len());
    for (i, node) in g.nodes.iter().enumerate() {
        let v = match &node.op {
            Op::Input => {
                let name = node.name.as_ref().expect("a variable has a name");
                inputs
                    .get(name)
                    .cloned()
                    .ok_or_else(|| Error::MissingValue { name: name.clone() })?
            }
            Op::Const(c) => c.clone(),
            op => {
                let args: Vec<Scalar> = node.inputs.iter().map(|&k| values[k].clone()).collect();
                op.forward(&args).map_err(at_node(i))?
            }
        };
        values.push(round(&v, d)?);
    }
    let mut grads: Vec<Option<Scalar>> = vec![None; g.nodes.len()];
    grads[g.output] = Some(Scalar::one());
    for c in (0..=g.output).rev() {
        let Some(up) = grads[c].clone() else { continue };
        let node = &g.nodes[c];
        let args: Vec<Scalar> = node.inputs.iter().map(|&k| values[k].clone()).collect();
        for (arg, &input) in node.inputs.iter().enumerate() {
            // As in the exact trace: no gradient into constants, nor along an
            // edge without a slope (the exact trace has no such gradient).
            if g.constant[input] || node.op.no_slope(&args, arg).is_some() {
                continue;
            }
            let at = at_node(c);
            let local = round(&node.op.local(&args, &values[c], arg).map_err(at)?, d)?;
            let part = round(&up.mul(&local).map_err(at)?, d)?;
            grads[input] = Some(match &grads[input] {
                None => part,
                Some(gr) => round(&gr.add(&part).map_err(at)?, d)?,
            });
        }
    }
    Ok(Replay { values, grads })
}

/// One audited quantity: its exact value, its rounded replay, and whether it
/// is a final answer (the ones the drift summary looks at).
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub exact: Scalar,
    pub rounded: Scalar,
    pub is_final: bool,
}

/// The rows of a graph program: each named step's value, then (with
/// `backward`) the gradient of the output with respect to each named node.
/// Final answers: the output and the input gradients, or with `backward`
/// off the steps named in `finals` (the output when `finals` is empty).
pub fn graph_rows(
    src: &str,
    inputs: &HashMap<String, Scalar>,
    d: u32,
    backward: bool,
    finals: &[String],
) -> Result<Vec<Row>> {
    let g = Graph::parse(src)?;
    let exact = labels::run(&g, inputs, false)?;
    let rounded = replay(&g, inputs, d)?;
    let out = g.output_name().to_string();
    let mut rows = Vec::new();
    for (i, n) in g.nodes.iter().enumerate() {
        if let Some(name) = &n.name
            && n.op != Op::Input
        {
            let is_final = if backward || finals.is_empty() {
                i == g.output
            } else {
                finals.contains(name)
            };
            rows.push(Row {
                name: name.clone(),
                exact: exact.values[i].clone(),
                rounded: rounded.values[i].clone(),
                is_final,
            });
        }
    }
    if !backward {
        return Ok(rows);
    }
    for (i, n) in g.nodes.iter().enumerate() {
        let Some(name) = n.name.as_ref().filter(|_| i != g.output) else {
            continue;
        };
        if let (Some(e), Some(x)) = (&exact.grads[i], &rounded.grads[i]) {
            rows.push(Row {
                name: format!("d{out}/d{name}"),
                exact: e.clone(),
                rounded: x.clone(),
                is_final: n.op == Op::Input,
            });
        }
    }
    Ok(rows)
}

/// One piece of an example's audit: a graph program or a layer problem.
///
/// One name per quantity: a row of the audit carries the name of the
/// example's result it computes (the name the sheet's Find line, `check`
/// and JSON use), and its exact column equals that result (tests check
/// every row of every example).
pub struct Item {
    pub kind: Source,
    /// The rows shown: (step name, name of the example's result it
    /// computes). The other steps are replayed and rounded too, feeding the
    /// shown ones, but not listed: the example does not name them. Empty:
    /// every step is shown under its own name (a program whose step names
    /// are the example's result names).
    pub names: Vec<(String, String)>,
    /// Steps that an earlier piece already shows under the example's name
    /// (step name, result name), which this piece computes again to go on
    /// from them (backprop/5's update recomputes ∂L/∂W(1)_1,1 before
    /// W(1)_1,1 new). Not shown a second time; under `check
    /// --follow-through` the student's own value of that result is put in
    /// for the step, so what follows is recomputed from it.
    pub uses: Vec<(String, String)>,
}

/// What an [`Item`] replays.
pub enum Source {
    /// A program of the expression language, replayed forward and (with
    /// `backward`) backward.
    Graph {
        src: String,
        inputs: HashMap<String, Scalar>,
        backward: bool,
        /// Final answers of a forward-only program (empty: its output).
        finals: Vec<String>,
    },
    /// A layer-level problem (network, input, objective).
    Layers(crate::network::Pass),
}

/// How `--round-each` treats an example.
pub enum Plan {
    /// Replay these pieces; `note` says what is not replayed, if anything.
    Replay {
        items: Vec<Item>,
        note: Option<String>,
    },
    /// Rounding cannot change anything; the sentence says why.
    Unchanged(String),
}

impl Item {
    /// Every step of this piece under its own name (the program's, or
    /// `delta(1)_1` of a layer problem), shown or not.
    pub fn steps(&self, d: u32) -> Result<Vec<Row>> {
        match &self.kind {
            Source::Graph {
                src,
                inputs,
                backward,
                finals,
            } => graph_rows(src, inputs, d, *backward, finals),
            Source::Layers(p) => layers::rows(p, d),
        }
    }

    /// The rows of this piece, each under the example's name for it.
    pub fn rows(&self, d: u32) -> Result<Vec<Row>> {
        let rows = self.steps(d)?;
        if self.names.is_empty() {
            return Ok(rows);
        }
        // In the order the names are listed (the example's order).
        Ok(self
            .names
            .iter()
            .filter_map(|(step, shown)| {
                rows.iter().find(|r| &r.name == step).map(|r| Row {
                    name: shown.clone(),
                    ..r.clone()
                })
            })
            .collect())
    }
}

/// Append the audit of `plan` to an example's report: every piece's rows
/// (each named value and gradient, exact beside its rounded replay and the
/// drift) in one table, then the largest drift of a final answer.
pub fn audit_plan(r: &mut Report, id: &str, plan: &Plan, d: u32, digits: usize) -> Result<()> {
    // The example itself has already run exactly, so an arithmetic failure
    // here comes from a rounded value (a probability rounded to 0 under ln).
    // (An overflow keeps its own message: it says to try smaller inputs.)
    audit_plan_inner(r, id, plan, d, digits).map_err(|e| match e {
        Error::DivisionByZero { .. } | Error::Domain { .. } => Error::BadData {
            source_name: format!("--round-each {d} on {id}"),
            problem: format!("the replay rounded to {d} decimals fails: {e}"),
            expected: "more decimals (a larger D): the exact computation succeeds".to_string(),
        },
        e => e,
    })
}

fn audit_plan_inner(r: &mut Report, id: &str, plan: &Plan, d: u32, digits: usize) -> Result<()> {
    let (items, note) = match plan {
        Plan::Unchanged(why) => {
            r.heading(format!(
                "Rounding each step to {} · 逐步四舍五入",
                places(d)
            ));
            r.text(why.clone());
            return Ok(());
        }
        Plan::Replay { items, note } => (items, note),
    };
    let mut rows = Vec::new();
    let mut hidden = false;
    for it in items {
        let shown = it.rows(d)?;
        hidden |= shown.len() < it.steps(d)?.len();
        rows.extend(shown);
    }
    audit_rows(r, id, &rows, d, digits)?;
    if hidden {
        r.text(
            "Steps the example does not name are rounded too and feed the rows above; \
             only the quantities the example names are listed.",
        );
    }
    if let Some(n) = note {
        r.text(n.clone());
    }
    Ok(())
}

fn audit_rows(r: &mut Report, id: &str, rows: &[Row], d: u32, digits: usize) -> Result<()> {
    let mut t = Table::new(
        format!(
            "Rounding audit · 逐步舍入: every intermediate rounded to {}",
            places(d)
        ),
        &[
            "quantity",
            "exact",
            &format!("rounded each step ({d} d.p.)"),
            "drift",
        ],
    );
    let mut worst: Option<(&Row, Scalar)> = None;
    for row in rows {
        let drift = row.rounded.sub(&row.exact)?;
        if row.is_final
            && worst
                .as_ref()
                .is_none_or(|w| drift.abs().cmp_value(&w.1.abs()).is_gt())
        {
            worst = Some((row, drift.clone()));
        }
        t.row(vec![
            Cell::Text(row.name.clone()),
            row.exact.clone().into(),
            Cell::Text(decimal(&row.rounded, d)),
            drift.into(),
        ]);
    }
    r.heading(format!(
        "Rounding each step to {} · 逐步四舍五入",
        places(d)
    ));
    r.table(t);
    match worst {
        Some((w, drift)) if !drift.is_zero() => r.text(format!(
            "The largest drift of a final answer is in `{}`: rounding every step to {} \
             gives {} where the exact value is {} (off by {}).",
            w.name,
            places(d),
            decimal(&w.rounded, d),
            // Past --digits the exact value would look rounder than the
            // replay (-0.589836 beside -0.58983579): show D + 3 digits.
            w.exact.show(digits.max(d as usize + 3).min(17)),
            drift.show(digits)
        )),
        _ => r.text(format!(
            "No final answer of {id} drifts: at {} every rounded step gives the exact answer.",
            places(d)
        )),
    }
    r.text(
        "Rounded values feed the next step, so their errors add up along the chain; \
         keep one or two more decimals in intermediates than the answer needs.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Trace, at};

    #[test]
    fn rounds_half_away_from_zero() {
        let r = |x: &str, d| round(&Scalar::parse(x).unwrap(), d).unwrap();
        assert_eq!(r("0.125", 2), Scalar::parse("0.13").unwrap());
        assert_eq!(r("-0.125", 2), Scalar::parse("-0.13").unwrap());
        assert_eq!(r("1/3", 3), Scalar::parse("0.333").unwrap());
        assert_eq!(r("7", 0), Scalar::int(7));
        assert_eq!(
            round(&Scalar::Float(0.393224), 2).unwrap(),
            Scalar::parse("0.39").unwrap()
        );
    }

    #[test]
    fn rounded_values_print_as_the_decimals_a_student_writes() {
        let x = |t: &str| Scalar::parse(t).unwrap();
        // 37/100 at 2 places is 0.37 (not "37/100 (0.37)"); places are kept.
        assert_eq!(decimal(&x("37/100"), 2), "0.37");
        assert_eq!(decimal(&x("1/2"), 2), "0.50");
        assert_eq!(decimal(&x("-9/10"), 1), "-0.9");
        assert_eq!(decimal(&x("-1/20"), 2), "-0.05");
        assert_eq!(decimal(&x("7"), 0), "7");
        assert_eq!(decimal(&x("1234567/1000"), 3), "1234.567");
        assert_eq!(places(1), "1 decimal");
        assert_eq!(places(2), "2 decimals");
    }

    #[test]
    fn exact_integer_circuits_do_not_drift() {
        let g = Graph::parse("q = x + y; f = q * z").unwrap();
        let v = at(&[("x", "-2"), ("y", "5"), ("z", "-4")]);
        let e = Trace::run(&g, &v, false).unwrap();
        let x = replay(&g, &v, 2).unwrap();
        assert_eq!(e.values, x.values);
        assert_eq!(e.grads, x.grads);
    }

    #[test]
    fn sigmoid_neuron_drifts_by_hand_rounding() {
        // f = σ(wx) at w = 1, x = 1, by hand with 2 decimals: σ(1) = 0.73,
        // σ' = 0.73·(1 - 0.73) = 0.1971 → 0.20, so ∂f/∂w = 0.20·1 = 0.20,
        // where the exact value is 0.196612.
        let g = Graph::parse("z = w*x; f = sigmoid(z)").unwrap();
        let v = at(&[("w", "1"), ("x", "1")]);
        let x = replay(&g, &v, 2).unwrap();
        let w = g.find("w").unwrap();
        assert_eq!(x.grads[w], Some(Scalar::parse("0.2").unwrap()));
        assert_eq!(x.values[g.output], Scalar::parse("0.73").unwrap());
    }
}
