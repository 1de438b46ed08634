//! Follow-through: what each quantity of a graph would be if computed
//! correctly from the student's own earlier values.
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
//! and `check --expr`; the forward values z(l)_i and a(l)_i of layer
//! examples and `check --net` ([`recompute_layers`]). Not covered: the
//! backward pass of layers (δ, ∂L/∂W, ∂L/∂b) and examples computed only as
//! reports.

use std::collections::HashMap;

use crate::graph::{Op, Trace};
use crate::report::labels::Labels;
use crate::scalar::Scalar;

/// Recomputed values by quantity name (`q`, `df/dx`); quantities whose
/// recomputation fails (a division by zero at the student's value) are
/// left out.
pub fn recompute(t: &Trace, given: &HashMap<String, Scalar>) -> HashMap<String, Scalar> {
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

/// The forward pass of a network with the student's values substituted:
/// z(l)_i from the student's a(l-1) (their answer where given), a(l) from
/// their z(l), as `Network::forward` computes them (W stored out×in).
pub fn recompute_layers(
    net: &crate::network::Network,
    x: &[Scalar],
    given: &HashMap<String, Scalar>,
) -> HashMap<String, Scalar> {
    let mut out = HashMap::new();
    let mut below: Vec<Scalar> = x.to_vec();
    for (idx, layer) in net.layers.iter().enumerate() {
        let l = idx + 1;
        let mut z = Vec::with_capacity(layer.b.len());
        for (i, (row, b)) in layer.w.iter().zip(&layer.b).enumerate() {
            let name = format!("z({l})_{}", i + 1);
            let Ok(v) = crate::network::dot(row, &below).and_then(|d| d.add(b)) else {
                return out;
            };
            out.insert(name.clone(), v.clone());
            z.push(given.get(&name).cloned().unwrap_or(v));
        }
        let Ok(a) = layer.activation.forward(&z) else {
            return out;
        };
        below = a
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                let name = format!("a({l})_{}", i + 1);
                out.insert(name.clone(), v.clone());
                given.get(&name).cloned().unwrap_or(v)
            })
            .collect();
    }
    out
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
        let r = recompute(&t, &given);
        assert_eq!(r["f"], Scalar::int(-16));
        assert_eq!(r["df/dz"], Scalar::int(4));
        assert_eq!(r["df/dq"], Scalar::int(-4));
        // A wrong upstream gradient ∂f/∂q = 4 flows into ∂f/∂x = 4·1.
        let given = HashMap::from([("df/dq".to_string(), Scalar::int(4))]);
        let r = recompute(&t, &given);
        assert_eq!(r["df/dx"], Scalar::int(4));
        assert_eq!(r["df/dy"], Scalar::int(4));
        // Nothing given: the recomputation is the trace itself.
        let r = recompute(&t, &HashMap::new());
        assert_eq!(r["f"], Scalar::int(-12));
        assert_eq!(r["df/dx"], Scalar::int(-4));
    }

    #[test]
    fn a_wrong_z_carries_into_the_next_layer() {
        // forward/1: W(1) = [[1, -1/2], [1/2, 1]], b(1) = (1/4, -1), x = (1, 2),
        // so z(1)_1 = 1/4. Whatever layer 1's activation, a student's
        // z(1)_1 = 9/4 makes a(1)_1 = f(9/4): compare with f applied directly.
        let ex = crate::catalog::find("forward", 1).unwrap();
        let (net, x, _) = ex.pass(&ex.values(&[]).unwrap()).unwrap().unwrap();
        let given = HashMap::from([("z(1)_1".to_string(), Scalar::ratio(9, 4))]);
        let r = recompute_layers(&net, &x, &given);
        assert_eq!(r["z(1)_1"], Scalar::ratio(1, 4));
        let z = vec![Scalar::ratio(9, 4), r["z(1)_2"].clone()];
        let a = net.layers[0].activation.forward(&z).unwrap();
        assert_eq!(r["a(1)_1"], a[0]);
        // Nothing given: the network's own forward pass.
        let fwd = net.forward(&x).unwrap();
        let r = recompute_layers(&net, &x, &HashMap::new());
        assert_eq!(r["a(1)_2"], fwd[0].a[1]);
        assert_eq!(r[&format!("a({})_1", fwd.len())], fwd[fwd.len() - 1].a[0]);
    }
}
