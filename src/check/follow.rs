//! Follow-through: what each quantity would be if computed correctly from
//! the student's own earlier values.
//!
//! The graph is re-run with the student's answers substituted: forward, each
//! node's value is computed from its inputs as the student gave them (their
//! answer where they gave one, else the recomputed value), then replaced by
//! the student's own answer for it; backward likewise, each gradient summed
//! from the student's upstream gradients and the local derivatives at the
//! student's values. A wrong answer equal to its recomputed value is a slip
//! carried forward, not a new one (and earns credit under
//! `--follow-through`).
//!
//! Covered: every value and gradient of graph examples (`Engine::Graph`)
//! and `check --expr` ([`recompute`]); every result of an example that has
//! a step-by-step replay (its `--round-each` audit plan, whose rows carry
//! the example's result names), by recomputing that plan
//! ([`recompute_plan`]): layer examples and `check --net` forward and
//! backward (z, a, the loss, δ, ∂L/∂W, ∂L/∂b: [`recompute_pass`]), and
//! examples whose plan is a program (neuron/2's z, a, L, ∂L/∂a, dz, dw, db;
//! forward/4's layer sums). Not covered: examples without a replay
//! (`--round-each` says which), and results their plan does not link.

use std::collections::HashMap;

use crate::error::Result;
use crate::graph::{Graph, Op, Trace};
use crate::loss::l2_penalty;
use crate::network::{Network, Objective, Pass, dot};
use crate::report::labels::{self, Labels};
use crate::rounding::{Plan, Source};
use crate::scalar::Scalar;

/// Recomputed values by quantity name (`q`, `df/dx`; only the values
/// without `backward`); quantities whose recomputation fails (a division by
/// zero at the student's value) are left out.
pub fn recompute(
    t: &Trace,
    given: &HashMap<String, Scalar>,
    backward: bool,
) -> HashMap<String, Scalar> {
    let g = &t.graph;
    let out_name = g.output_name().to_string();
    let grad_name = |label: &str| format!("d{out_name}/d{label}");
    // Quantities go by the labels a report shows: `q`, `x·y`, `n1`.
    let labels = Labels::of(g);
    let mut out = HashMap::new();
    let mut used: Vec<Scalar> = Vec::with_capacity(g.nodes.len());
    for (k, node) in g.nodes.iter().enumerate() {
        let v = match &node.op {
            Op::Input | Op::Const(_) => t.values[k].clone(),
            op => {
                let args: Vec<Scalar> = node.inputs.iter().map(|&i| used[i].clone()).collect();
                match op.forward(&args) {
                    Ok(v) => {
                        out.insert(labels.label[k].clone(), v.clone());
                        v
                    }
                    Err(_) => t.values[k].clone(),
                }
            }
        };
        used.push(given.get(&labels.label[k]).cloned().unwrap_or(v));
    }
    if !backward {
        return out;
    }
    let mut sum: Vec<Option<Scalar>> = vec![None; g.nodes.len()];
    let mut up: Vec<Option<Scalar>> = vec![None; g.nodes.len()];
    up[g.output] = Some(Scalar::one());
    for c in (0..=g.output).rev() {
        if c != g.output {
            let Some(s) = sum[c].clone() else { continue };
            let name = grad_name(&labels.label[c]);
            out.insert(name.clone(), s.clone());
            up[c] = Some(given.get(&name).cloned().unwrap_or(s));
        }
        let Some(u) = up[c].clone() else { continue };
        let node = &g.nodes[c];
        let args: Vec<Scalar> = node.inputs.iter().map(|&i| used[i].clone()).collect();
        for (arg, &input) in node.inputs.iter().enumerate() {
            if g.constant[input] || node.op.no_slope(&args, arg).is_some() {
                continue;
            }
            let Ok(part) = node.op.local(&args, &used[c], arg).and_then(|l| u.mul(&l)) else {
                continue;
            };
            sum[input] = match &sum[input] {
                None => Some(part),
                Some(s) => s.add(&part).ok(),
            };
        }
    }
    out
}

/// What each quantity of an example's audit plan would be, recomputed from
/// the student's values, by the example's result names. Each piece of the
/// plan (a program, a layer problem) computes the example's results as a
/// student writes them down, its rows linked to the example's names
/// ([`crate::rounding::Item::names`]): the student's answers are put in
/// under the step names they link to, the piece is recomputed
/// ([`recompute`] for a program, [`recompute_pass`] for layers) and each
/// linked step read back under the example's name.
pub fn recompute_plan(plan: &Plan, given: &HashMap<String, Scalar>) -> HashMap<String, Scalar> {
    let mut out = HashMap::new();
    let Plan::Replay { items, .. } = plan else {
        return out;
    };
    for it in items {
        // An item without names shows every step under its own name.
        let shown = |step: &str| -> Option<String> {
            if it.names.is_empty() {
                return Some(step.to_string());
            }
            it.names
                .iter()
                .find(|(s, _)| s == step)
                .map(|(_, n)| n.clone())
        };
        // The student's values go in under the step names they link to:
        // the steps this piece shows and those it goes on from (`uses`).
        let steps: HashMap<String, Scalar> = if it.names.is_empty() {
            given.clone()
        } else {
            it.names
                .iter()
                .chain(&it.uses)
                .filter_map(|(step, name)| given.get(name).map(|v| (step.clone(), v.clone())))
                .collect()
        };
        let r = match &it.kind {
            Source::Graph {
                src,
                inputs,
                backward,
                ..
            } => Graph::parse(src)
                .and_then(|g| labels::run(&g, inputs, false))
                .map(|t| recompute(&t, &steps, *backward))
                .unwrap_or_default(),
            Source::Layers(p) => recompute_pass(p, &steps),
        };
        for (step, v) in r {
            if let Some(name) = shown(&step) {
                out.entry(name).or_insert(v);
            }
        }
    }
    out
}

/// A layer problem recomputed with the student's values substituted, under
/// the layer names (`z(1)_1`, `a(1)_1`, `L`, `delta(2)_1`, `dL/dW(1)_2,1`,
/// `dL/db(1)_2`), by the engine's own steps ([`Network::forward`]'s
/// z = W a + b and f, the loss's value and gradient, and
/// [`crate::network::Layer`]'s `delta`, `grad_w` and `grad_below`).
///
/// Forward: z(l)_i from the student's a(l-1) (their answer where given), a(l)
/// from their z(l). The loss and ∂L/∂a(L) from their a(L). Backward, from
/// the output layer down: δ(l) from their z(l), a(l) and the ∂L/∂a(l) their
/// δ(l+1) gives; ∂L/∂b(l) = δ(l) and ∂L/∂W(l) = δ(l) a(l-1)ᵀ (+ λW(l)) from
/// their δ(l) and a(l-1). Since ∂L/∂b(l) = δ(l), a student's ∂L/∂b(l)
/// stands for their δ(l) where they give no δ(l) (backprop/4 names no δ).
/// An update a layer example asks (backprop/5's W(1)_1,1 new) is a
/// program piece after the pass, going on from the student's gradient
/// ([`crate::rounding::Item::uses`]). A step that
/// fails at the student's values (ln 0) ends the recomputation there.
pub fn recompute_pass(
    (net, x, obj): &Pass,
    given: &HashMap<String, Scalar>,
) -> HashMap<String, Scalar> {
    let mut out = HashMap::new();
    let _ = layers_into(net, x, obj.as_ref(), given, &mut out);
    out
}

fn layers_into(
    net: &Network,
    x: &[Scalar],
    obj: Option<&Objective>,
    given: &HashMap<String, Scalar>,
    out: &mut HashMap<String, Scalar>,
) -> Result<()> {
    // Record a recomputed value; go on with the student's own where given.
    let mut put = |name: String, v: Scalar| -> Scalar {
        let own = given.get(&name).cloned();
        out.insert(name, v.clone());
        own.unwrap_or(v)
    };
    // (z, a) of each layer as the student has them.
    let mut used: Vec<(Vec<Scalar>, Vec<Scalar>)> = Vec::with_capacity(net.layers.len());
    for (idx, layer) in net.layers.iter().enumerate() {
        let l = idx + 1;
        let below = used.last().map_or(x, |(_, a)| a.as_slice());
        let mut z = Vec::with_capacity(layer.b.len());
        for (i, (row, b)) in layer.w.iter().zip(&layer.b).enumerate() {
            let v = dot(row, below)?.add(b)?;
            z.push(put(format!("z({l})_{}", i + 1), v));
        }
        let a = layer.activation.forward(&z)?;
        let a: Vec<Scalar> = a
            .into_iter()
            .enumerate()
            .map(|(i, v)| put(format!("a({l})_{}", i + 1), v))
            .collect();
        used.push((z, a));
    }
    let Some(obj) = obj else { return Ok(()) };
    let y = &used.last().expect("at least one layer").1;
    let penalty = l2_penalty(
        &obj.l2,
        net.layers.iter().flat_map(|l| l.w.iter().flatten()),
    )?;
    put(
        "L".to_string(),
        obj.loss.value(y, &obj.target)?.add(&penalty)?,
    );
    let mut grad_a = obj.loss.grad(y, &obj.target)?;
    let shortcut = net.softmax_shortcut(obj);
    for (idx, layer) in net.layers.iter().enumerate().rev() {
        let l = idx + 1;
        let (z, a) = &used[idx];
        let below = if idx == 0 { x } else { &used[idx - 1].1 };
        let target = (shortcut && l == net.layers.len()).then_some(obj.target.as_slice());
        let delta = layer.delta(z, a, &grad_a, target)?;
        // ∂L/∂b(l) = δ(l), from the student's δ(l) where given (never from
        // their own ∂L/∂b(l): that would carry their answer into itself);
        // below, their ∂L/∂b(l) stands for a δ(l) they did not give.
        let mut own = Vec::with_capacity(delta.len());
        for (i, d) in delta.into_iter().enumerate() {
            let name = format!("delta({l})_{}", i + 1);
            let stated = given.contains_key(&name);
            let d = put(name, d);
            let b = put(format!("dL/db({l})_{}", i + 1), d.clone());
            own.push(if stated { d } else { b });
        }
        let gw = layer.grad_w(&own, below, &obj.l2)?;
        for (i, row) in gw.into_iter().enumerate() {
            for (j, g) in row.into_iter().enumerate() {
                put(format!("dL/dW({l})_{},{}", i + 1, j + 1), g);
            }
        }
        grad_a = layer.grad_below(&own)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Graph, at};

    #[test]
    fn a_wrong_q_carries_into_f_and_df_dz() {
        // f = (x + y)z at (-2, 5, -4): q = 3, f = -12, ∂f/∂z = q = 3.
        // A student who wrote q = 4 then correctly gets f = 4·(-4) = -16 and
        // ∂f/∂z = 4; ∂f/∂q = z = -4 does not depend on q.
        let g = Graph::parse("q = x + y; f = q * z").unwrap();
        let t = Trace::run(&g, &at(&[("x", "-2"), ("y", "5"), ("z", "-4")]), false).unwrap();
        let given = HashMap::from([("q".to_string(), Scalar::int(4))]);
        let r = recompute(&t, &given, true);
        assert_eq!(r["f"], Scalar::int(-16));
        assert_eq!(r["df/dz"], Scalar::int(4));
        assert_eq!(r["df/dq"], Scalar::int(-4));
        // A wrong upstream gradient ∂f/∂q = 4 flows into ∂f/∂x = 4·1.
        let given = HashMap::from([("df/dq".to_string(), Scalar::int(4))]);
        let r = recompute(&t, &given, true);
        assert_eq!(r["df/dx"], Scalar::int(4));
        assert_eq!(r["df/dy"], Scalar::int(4));
        // Nothing given: the recomputation is the trace itself.
        let r = recompute(&t, &HashMap::new(), true);
        assert_eq!(r["f"], Scalar::int(-12));
        assert_eq!(r["df/dx"], Scalar::int(-4));
    }

    #[test]
    fn a_wrong_z_carries_into_the_next_layer() {
        // forward/1: W(1) = [[1, -1/2], [1/2, 1]], b(1) = (1/4, -1), x = (1, 2),
        // so z(1)_1 = 1/4. Whatever layer 1's activation, a student's
        // z(1)_1 = 9/4 makes a(1)_1 = f(9/4): compare with f applied directly.
        let ex = crate::catalog::find("forward", 1).unwrap();
        let (net, x, obj) = ex.pass(&ex.values(&[]).unwrap()).unwrap().unwrap();
        let p = (net.clone(), x.clone(), obj);
        let given = HashMap::from([("z(1)_1".to_string(), Scalar::ratio(9, 4))]);
        let r = recompute_pass(&p, &given);
        assert_eq!(r["z(1)_1"], Scalar::ratio(1, 4));
        let z = vec![Scalar::ratio(9, 4), r["z(1)_2"].clone()];
        let a = net.layers[0].activation.forward(&z).unwrap();
        assert_eq!(r["a(1)_1"], a[0]);
        // Nothing given: the network's own forward pass.
        let fwd = net.forward(&x).unwrap();
        let r = recompute_pass(&p, &HashMap::new());
        assert_eq!(r["a(1)_2"], fwd[0].a[1]);
        assert_eq!(r[&format!("a({})_1", fwd.len())], fwd[fwd.len() - 1].a[0]);
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::report::Settings;

    #[test]
    fn with_nothing_given_every_plan_recomputes_its_example() {
        // Each name the recomputation of an example's plan gives that is a
        // result of the example equals that result: the links are right, so
        // a student's value put in under a name lands on that quantity.
        // Layer examples link every result.
        for ex in crate::catalog::all() {
            let values = ex.values(&[]).unwrap();
            let Ok(plan) = ex.audit_plan(&values) else {
                continue;
            };
            let report = ex.run(&[], &Settings::default()).unwrap();
            let r = recompute_plan(&plan, &HashMap::new());
            let mut linked = 0;
            for (name, v) in &r {
                if let Some(want) = report.result(name) {
                    assert!(
                        crate::check::judge::same(v, want),
                        "{} {name}: {} ≠ {}",
                        ex.id(),
                        v.show(6),
                        want.show(6)
                    );
                    linked += 1;
                }
            }
            if ex.pass(&values).is_some() {
                assert_eq!(linked, report.results.len(), "{}", ex.id());
            }
        }
    }

    #[test]
    fn a_wrong_a_carries_into_neuron_2s_gradients() {
        // neuron/2 at x = 2, w = 1/2, b = −1, y = 1: z = 0, a = 1/2. A student
        // who writes a = 3/4 then gets, by the MS deck's steps, L = −ln(3/4),
        // ∂L/∂a = −1/a = −4/3, ∂a/∂z = a(1 − a) = 3/16, dz = −4/3·3/16 = −1/4,
        // dw = x·dz = −1/2, db = dz = −1/4.
        let ex = crate::catalog::find("neuron", 2).unwrap();
        let plan = ex.audit_plan(&ex.values(&[]).unwrap()).unwrap();
        let given = HashMap::from([("a".to_string(), Scalar::ratio(3, 4))]);
        let r = recompute_plan(&plan, &given);
        assert_eq!(r["dL/da"], Scalar::ratio(-4, 3));
        assert_eq!(r["da/dz"], Scalar::ratio(3, 16));
        assert_eq!(r["dz"], Scalar::ratio(-1, 4));
        assert_eq!(r["dw"], Scalar::ratio(-1, 2));
        assert_eq!(r["db"], Scalar::ratio(-1, 4));
        assert!((r["L"].to_f64() + 0.75f64.ln()).abs() < 1e-12);
    }
}
