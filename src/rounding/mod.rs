//! The rounding audit (`explain --round-each D`): replay a graph's forward
//! and backward pass rounding every intermediate to D decimal places, as a
//! student does by hand, and show how far each value, and above all the
//! final answers, drift from the exact ones.
//!
//! The replay uses the same [`Op::forward`] and [`Op::local`] rules as the
//! exact trace; only a rounding step is added after each value, each local
//! derivative, each contribution and each running sum of a gradient.

pub mod layers;

use std::collections::HashMap;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Pow;

use crate::error::{Error, Result};
use crate::graph::{Graph, Op, Trace};
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

/// Values and gradients of a graph with every intermediate rounded.
pub struct Replay {
    pub values: Vec<Scalar>,
    pub grads: Vec<Option<Scalar>>,
}

/// Forward then backward, rounding after every step (see the module doc).
pub fn replay(g: &Graph, inputs: &HashMap<String, Scalar>, d: u32) -> Result<Replay> {
    let mut values: Vec<Scalar> = Vec::with_capacity(g.nodes.len());
    for node in &g.nodes {
        let v = match &node.op {
            Op::Input => inputs
                .get(&node.label)
                .cloned()
                .ok_or_else(|| Error::MissingValue {
                    name: node.label.clone(),
                })?,
            Op::Const(c) => c.clone(),
            op => {
                let args: Vec<Scalar> = node.inputs.iter().map(|&k| values[k].clone()).collect();
                op.forward(&args).map_err(|e| e.at_node(&node.label))?
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
            if matches!(g.nodes[input].op, Op::Const(_)) {
                continue;
            }
            let at = |e: Error| e.at_node(&node.label);
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

/// Append the audit to an example's report: each named value and gradient,
/// exact beside its rounded replay and the drift, then the drift of the
/// final answers (the output and the gradients of the inputs).
pub fn audit(
    r: &mut Report,
    src: &str,
    inputs: &HashMap<String, Scalar>,
    d: u32,
    digits: usize,
) -> Result<()> {
    let g = Graph::parse(src)?;
    let exact = Trace::run(&g, inputs, false)?;
    let rounded = replay(&g, inputs, d)?;
    let out = g.output_name().to_string();
    let mut t = Table::new(
        format!("Rounding audit · 逐步舍入: every intermediate rounded to {d} decimals"),
        &[
            "quantity",
            "exact",
            &format!("rounded each step ({d} d.p.)"),
            "drift",
        ],
    );
    let mut finals = Vec::new();
    let mut row = |name: String, e: &Scalar, x: &Scalar, last: bool| -> Result<()> {
        let drift = x.sub(e)?;
        if last {
            finals.push((name.clone(), drift.clone(), e.clone(), x.clone()));
        }
        t.row(vec![
            Cell::Text(name),
            e.clone().into(),
            x.clone().into(),
            drift.into(),
        ]);
        Ok(())
    };
    for (i, n) in g.nodes.iter().enumerate() {
        if n.name.is_some() && n.op != Op::Input {
            row(
                n.label.clone(),
                &exact.values[i],
                &rounded.values[i],
                i == g.output,
            )?;
        }
    }
    for (i, n) in g.nodes.iter().enumerate() {
        if i == g.output || n.name.is_none() {
            continue;
        }
        if let (Some(e), Some(x)) = (&exact.grads[i], &rounded.grads[i]) {
            row(format!("d{out}/d{}", n.label), e, x, n.op == Op::Input)?;
        }
    }
    r.heading(format!("Rounding each step to {d} decimals · 逐步四舍五入"));
    r.table(t);
    let worst = finals
        .iter()
        .max_by(|a, b| a.1.abs().cmp_value(&b.1.abs()))
        .map(|(n, drift, e, x)| {
            format!(
                "The largest drift of a final answer is in `{n}`: rounding every step to {d} \
                 decimals gives {} where the exact value is {} (off by {}).",
                x.show(digits),
                e.show(digits),
                drift.show(digits)
            )
        });
    r.text(worst.unwrap_or_default());
    r.text(
        "Rounded values feed the next step, so their errors add up along the chain; \
         keep one or two more decimals in intermediates than the answer needs.",
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(pairs: &[(&str, &str)]) -> HashMap<String, Scalar> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Scalar::parse(v).unwrap()))
            .collect()
    }

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
