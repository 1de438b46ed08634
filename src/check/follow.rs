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
//! Covered: graph examples (`Engine::Graph`) and `check --expr`. Layer
//! examples and `--net` are not replayed this way.

use std::collections::HashMap;

use crate::graph::{Op, Trace};
use crate::scalar::Scalar;

/// Recomputed values by quantity name (`q`, `df/dx`); quantities whose
/// recomputation fails (a division by zero at the student's value) are
/// left out.
pub fn recompute(t: &Trace, given: &HashMap<String, Scalar>) -> HashMap<String, Scalar> {
    let g = &t.graph;
    let out_name = g.output_name().to_string();
    let grad_name = |label: &str| format!("d{out_name}/d{label}");
    let mut out = HashMap::new();
    let mut used: Vec<Scalar> = Vec::with_capacity(g.nodes.len());
    for (k, node) in g.nodes.iter().enumerate() {
        let v = match &node.op {
            Op::Input | Op::Const(_) => t.values[k].clone(),
            op => {
                let args: Vec<Scalar> = node.inputs.iter().map(|&i| used[i].clone()).collect();
                match op.forward(&args) {
                    Ok(v) => {
                        out.insert(node.label.clone(), v.clone());
                        v
                    }
                    Err(_) => t.values[k].clone(),
                }
            }
        };
        used.push(given.get(&node.label).cloned().unwrap_or(v));
    }
    let mut sum: Vec<Option<Scalar>> = vec![None; g.nodes.len()];
    let mut up: Vec<Option<Scalar>> = vec![None; g.nodes.len()];
    up[g.output] = Some(Scalar::one());
    for c in (0..=g.output).rev() {
        if c != g.output {
            let Some(s) = sum[c].clone() else { continue };
            let name = grad_name(&g.nodes[c].label);
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
}
