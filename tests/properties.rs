//! Property tests on random expressions: backprop against central
//! differences, and exact against float evaluation.

use std::collections::HashMap;

use nn_tutor::Scalar;
use nn_tutor::graph::{Graph, Trace};
use nn_tutor::report::labels::{self, Labels};
use proptest::prelude::*;

/// Random expressions over x, y, z with every smooth operation of the
/// language (kinked ones are covered by unit tests at and away from kinks).
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        Just("y".to_string()),
        Just("z".to_string()),
        (1i32..5).prop_map(|n| n.to_string()),
        Just("1/2".to_string()),
    ];
    leaf.prop_recursive(4, 32, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} + {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} - {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} * {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} / {b})")),
            inner.clone().prop_map(|a| format!("({a})^2")),
            inner.clone().prop_map(|a| format!("-({a})")),
            inner.clone().prop_map(|a| format!("sigmoid({a})")),
            inner.clone().prop_map(|a| format!("tanh({a})")),
            inner.clone().prop_map(|a| format!("exp(sigmoid({a}))")),
            inner.clone().prop_map(|a| format!("ln(1 + ({a})^2)")),
            inner.prop_map(|a| format!("sqrt(1 + ({a})^2)")),
        ]
    })
}

/// Values p/q with small p and q, so exact arithmetic stays exact.
fn value() -> impl Strategy<Value = Scalar> {
    (-6i64..=6, 1i64..=3).prop_map(|(p, q)| Scalar::ratio(p, q))
}

fn inputs(g: &Graph, v: &[Scalar; 3]) -> HashMap<String, Scalar> {
    let names = ["x", "y", "z"];
    g.variable_names()
        .into_iter()
        .map(|n| {
            let k = names
                .iter()
                .position(|m| *m == n)
                .expect("only x, y, z occur");
            (n, v[k].clone())
        })
        .collect()
}

/// Random expressions written with and without parentheses, over every
/// operation of the language, so the parser builds trees of every shape
/// (`-x^2`, `x/(y*z)`, `((-1/2)/y)^(-1)`, `2/(1/2)`, `max(x, y)^-1`).
fn any_shape() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        Just("y".to_string()),
        Just("z".to_string()),
        (1i32..4).prop_map(|n| n.to_string()),
        Just("1/2".to_string()),
        Just("(1/2)".to_string()),
    ];
    leaf.prop_recursive(3, 12, 2, |inner| {
        let pair = (inner.clone(), inner.clone(), any::<bool>());
        let wrap = |a: String, b: String, paren: bool, op: &str| {
            if paren {
                format!("({a}){op}({b})")
            } else {
                format!("{a}{op}{b}")
            }
        };
        prop_oneof![
            pair.clone().prop_map(move |(a, b, p)| wrap(a, b, p, " + ")),
            pair.clone().prop_map(move |(a, b, p)| wrap(a, b, p, " - ")),
            pair.clone().prop_map(move |(a, b, p)| wrap(a, b, p, " * ")),
            pair.clone().prop_map(move |(a, b, p)| wrap(a, b, p, " / ")),
            (inner.clone(), -2i32..3, any::<bool>()).prop_map(|(a, n, p)| if p {
                format!("({a})^({n})")
            } else {
                format!("{a}^{n}")
            }),
            (inner.clone(), any::<bool>()).prop_map(|(a, p)| if p {
                format!("-({a})")
            } else {
                format!("-{a}")
            }),
            pair.clone().prop_map(|(a, b, _)| format!("max({a}, {b})")),
            pair.prop_map(|(a, b, _)| format!("min({a}, {b})")),
            inner.clone().prop_map(|a| format!("abs({a})")),
            inner.prop_map(|a| format!("sigmoid({a})")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// A node's label (or, for a name, the formula it stands for), read back
    /// by the parser, denotes that node: its value is the node's value,
    /// exactly (the same tree computes the same number). Labels write `·`
    /// for `*` and `σ` for sigmoid.
    #[test]
    fn labels_parse_back_to_their_node(
        src in any_shape(), x in value(), y in value(), z in value()
    ) {
        let g = Graph::parse(&src).unwrap();
        let at = inputs(&g, &[x.clone(), y.clone(), z.clone()]);
        let Ok(t) = Trace::run(&g, &at, false) else { return Ok(()) };
        let l = Labels::of(&g);
        for (i, n) in g.nodes.iter().enumerate() {
            // A named step (the output `f`) is labelled by its name, and an
            // unnamed step of unnamed steps by a short name (n1): read back
            // the formula it stands for. Inputs and constants: the label.
            let (label, formula) = (&l.label[i], &l.formula[i]);
            let text = if formula.is_empty() { label } else { formula };
            if formula.chars().count() >= labels::MAX_FORMULA {
                continue; // past the cap the formula uses short names
            }
            if n.name.is_none() && !formula.is_empty() && label != formula {
                // a short name stands for a formula built from other labels
                prop_assert!(label.starts_with('n'), "{}: label {}", src, label);
            }
            let back = text.replace('·', "*").replace('σ', "sigmoid");
            let h = Graph::parse(&back).map_err(|e| {
                TestCaseError::fail(format!("{src}: label {back} does not parse: {e}"))
            })?;
            let at2 = inputs(&h, &[x.clone(), y.clone(), z.clone()]);
            let u = labels::run(&h, &at2, false).map_err(|e| {
                TestCaseError::fail(format!("{src}: label {back} fails: {e}"))
            })?;
            prop_assert_eq!(
                &u.values[h.output], &t.values[i],
                "{}: node {} labelled {}", src, i, label
            );
        }
    }

    #[test]
    fn gradients_agree_with_finite_differences(
        src in expression(), x in value(), y in value(), z in value()
    ) {
        let g = Graph::parse(&src).unwrap();
        let at = inputs(&g, &[x, y, z]);
        // Division by zero and similar are errors, not gradients to check.
        let Ok(t) = Trace::run(&g, &at, false) else { return Ok(()) };
        let f = t.values[g.output].to_f64().abs();
        for &v in &g.variables {
            let grad = t.grads[v].clone().unwrap().to_f64();
            let Some(fd) = t.finite_difference(v, &at) else { continue };
            // Central differences: truncation O(h²), rounding O(ε|f|/h).
            let tol = 1e-5 * grad.abs().max(f).max(1.0);
            prop_assert!((fd - grad).abs() <= tol, "{src}: d/d{} = {grad}, fd {fd}", Labels::of(&g).label[v]);
        }
    }

    #[test]
    fn exact_and_float_agree(
        src in expression(), x in value(), y in value(), z in value()
    ) {
        let g = Graph::parse(&src).unwrap();
        let at = inputs(&g, &[x, y, z]);
        let (Ok(e), Ok(f)) = (Trace::run(&g, &at, false), Trace::run(&g, &at, true)) else {
            return Ok(());
        };
        for i in 0..g.nodes.len() {
            let (a, b) = (e.values[i].to_f64(), f.values[i].to_f64());
            prop_assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{src}: node {i}: {a} vs {b}");
            if let (Some(ga), Some(gb)) = (&e.grads[i], &f.grads[i]) {
                let (ga, gb) = (ga.to_f64(), gb.to_f64());
                prop_assert!((ga - gb).abs() <= 1e-9 * ga.abs().max(1.0), "{src}: grad {i}: {ga} vs {gb}");
            }
        }
    }

    #[test]
    fn parser_never_panics(src in "\\PC{0,40}") {
        let _ = Graph::parse(&src);
    }

    #[test]
    fn literals_round_trip(p in -1000i64..1000, q in 1i64..1000) {
        // p/q printed exactly and read back is the same number.
        let v = Scalar::ratio(p, q);
        prop_assert_eq!(Scalar::parse(&v.exact_string().unwrap()).unwrap(), v);
    }
}
