//! The pinned numbers of `shared/WORKED_EXAMPLES.md`, asserted through the
//! named results every report carries. Each test derives its numbers by
//! hand in a comment, independently of the code under test.

mod common;

use common::{exact, float, run};
use nn_tutor::Scalar;
use nn_tutor::catalog;
use nn_tutor::report::Settings;

#[test]
fn backprop_1_pku_example_1() {
    // PKU 反向传播 例1, f = (x + y)z at (-2, 5, -4):
    // q = -2 + 5 = 3, f = 3 · (-4) = -12;
    // ∂f/∂q = z = -4, ∂f/∂z = q = 3, ∂f/∂x = ∂f/∂q · 1 = -4, ∂f/∂y = -4.
    let r = run("backprop", 1, &[]);
    for (name, want) in [
        ("q", "3"),
        ("f", "-12"),
        ("df/dq", "-4"),
        ("df/dz", "3"),
        ("df/dx", "-4"),
        ("df/dy", "-4"),
    ] {
        assert_eq!(exact(&r, name), want, "{name}");
    }
}

#[test]
fn backprop_1_with_set() {
    // x = 3: q = 3 + 5 = 8, f = 8 · (-4) = -32; ∂f/∂x = z = -4, ∂f/∂z = q = 8.
    let r = run("backprop", 1, &[("x", "3")]);
    assert_eq!(exact(&r, "f"), "-32");
    assert_eq!(exact(&r, "df/dz"), "8");
    assert_eq!(exact(&r, "df/dx"), "-4");
    // Decimals are exact: x = 0.5, y = 0.25 ⇒ q = 3/4, ∂f/∂z = 3/4.
    let r = run("backprop", 1, &[("x", "0.5"), ("y", "0.25")]);
    assert_eq!(exact(&r, "df/dz"), "3/4");
}

#[test]
fn backprop_2_sigmoid_neuron() {
    // z = 2·(-1) + (-3)(-2) + (-3) = 1, f = σ(1) = 1/(1 + e^-1) = 0.7310585786;
    // σ'(1) = f(1 - f) = 0.1966119332; ∂f/∂w_i = σ'·x_i, ∂f/∂x_i = σ'·w_i:
    // ∂f/∂w = (-0.196612, -0.393224, 0.196612), ∂f/∂x = (0.393224, -0.589836).
    let r = run("backprop", 2, &[]);
    let s = 1.0 / (1.0 + (-1.0f64).exp());
    let d = s * (1.0 - s);
    let close = |name: &str, want: f64| {
        let got = float(&r, name);
        assert!((got - want).abs() < 1e-12, "{name}: {got} vs {want}");
    };
    close("f", s);
    close("df/dw0", -d);
    close("df/dw1", -2.0 * d);
    close("df/dw2", d);
    close("df/dx0", 2.0 * d);
    close("df/dx1", -3.0 * d);
    // The deck-level rounding: 0.731059, -0.196612, -0.393224, 0.393224, -0.589836.
    for (name, shown) in [
        ("f", "0.731059"),
        ("df/dw0", "-0.196612"),
        ("df/dw1", "-0.393224"),
        ("df/dx0", "0.393224"),
        ("df/dx1", "-0.589836"),
    ] {
        assert_eq!(r.result(name).unwrap().show(6), shown);
    }
    // z is still exact: the gates before exp keep rationals.
    assert_eq!(exact(&r, "z"), "1");
    // These numbers (w = (2, -3, -3), x = (-1, -2), f = 0.73, ∂f/∂x ≈ (0.39,
    // -0.59)) are the sigmoid example of CS231n's notes, not in the PKU
    // text (its figures are missing): the sources must say so.
    let cs231n = r.sources.iter().find(|s| s.starts_with("CS231n"));
    let cs231n = cs231n.expect("backprop/2 credits CS231n");
    assert!(cs231n.contains("w = (2, -3, -3), x = (-1, -2)"), "{cs231n}");
}

#[test]
fn backprop_3_gate_patterns() {
    // f = 2(xy + max(z, w)) at x = 3, y = -4, z = 2, w = -1:
    // xy = -12, max = 2, f = 2 · (-10) = -20; the add gate passes 2 to both,
    // the mul gate swaps: ∂f/∂x = 2y = -8, ∂f/∂y = 2x = 6; max routes 2 to z, 0 to w.
    let r = run("backprop", 3, &[]);
    assert_eq!(exact(&r, "f"), "-20");
    assert_eq!(exact(&r, "df/dx"), "-8");
    assert_eq!(exact(&r, "df/dy"), "6");
    assert_eq!(exact(&r, "df/dz"), "2");
    assert_eq!(exact(&r, "df/dw"), "0");
}

#[test]
fn autodiff_1_nndl_quarter() {
    // NNDL: h1 = xw = 0, h2 = 0, h3 = 0, h4 = e^0 = 1, h5 = 2, h6 = 1/2;
    // ∂f/∂w = 1 × (-1/h5²) × 1 × e^h3 × (-1) × 1 × x = 1 × -1/4 × 1 × 1 × -1 × 1 × 1 = 1/4.
    // ∂f/∂b drops the last factor x: 1/4; ∂f/∂x ends in w = 0: 0.
    let r = run("autodiff", 1, &[]);
    for (name, want) in [
        ("h1", "0"),
        ("h4", "1"),
        ("h5", "2"),
        ("h6", "1/2"),
        ("f", "1/2"),
        ("df/dh5", "-1/4"),
        ("df/dw", "1/4"),
        ("df/db", "1/4"),
        ("df/dx", "0"),
    ] {
        assert_eq!(exact(&r, name), want, "{name}");
    }
}

#[test]
fn autodiff_2_paths_add() {
    // f = (xy)(x + y) = x²y + xy²; ∂f/∂x = 2xy + y² = 12 + 9 = 21 at (2, 3),
    // ∂f/∂y = x² + 2xy = 4 + 12 = 16.
    let r = run("autodiff", 2, &[]);
    assert_eq!(exact(&r, "f"), "30");
    assert_eq!(exact(&r, "df/dx"), "21");
    assert_eq!(exact(&r, "df/dy"), "16");
}

#[test]
fn autodiff_3_static_and_dynamic_agree() {
    // f(x) = x·x for x > 0, -x otherwise. At x = 3: f = 9, f' = 2x = 6; at
    // x = -2: f = 2, f' = -1. Static graph relu(x)² + relu(-x): at 3,
    // 2·relu(3)·1 - relu'(-3) = 6 - 0; at -2, 2·0·0 - relu'(2) = -1.
    let r = run("autodiff", 3, &[]);
    for (name, want) in [
        ("f(x1)", "9"),
        ("df/dx(x1) static", "6"),
        ("df/dx(x1) dynamic", "6"),
        ("f(x2)", "2"),
        ("df/dx(x2) static", "-1"),
        ("df/dx(x2) dynamic", "-1"),
    ] {
        assert_eq!(exact(&r, name), want, "{name}");
    }
    // At the kink x = 0 the two graphs pick different one-sided slopes:
    // relu'(0) = 0 makes the static one 0; the -x branch gives -1.
    let r = run("autodiff", 3, &[("x1", "0")]);
    assert_eq!(exact(&r, "df/dx(x1) static"), "0");
    assert_eq!(exact(&r, "df/dx(x1) dynamic"), "-1");
    // Exact rationals: x = 1/2 gives f = 1/4, f' = 1 in both graphs.
    let r = run("autodiff", 3, &[("x1", "1/2")]);
    assert_eq!(exact(&r, "f(x1)"), "1/4");
    assert_eq!(exact(&r, "df/dx(x1) static"), "1");
    assert_eq!(exact(&r, "df/dx(x1) dynamic"), "1");
}

#[test]
fn chain_rule_1_pku() {
    // PKU: u = xy = 2, v = x/y = 1/2 at (1, 2); z = 4 + 1/4 = 17/4;
    // ∂z/∂x = 2xy² + 2x/y² = 8 + 1/2 = 17/2; ∂z/∂y = 2x²y - 2x²/y³ = 4 - 1/4 = 15/4.
    let r = run("chain-rule", 1, &[]);
    assert_eq!(exact(&r, "z"), "17/4");
    assert_eq!(exact(&r, "dz/dx"), "17/2");
    assert_eq!(exact(&r, "dz/dy"), "15/4");
}

#[test]
fn chain_rule_2_five_sigmoids() {
    // At x = 0 the first factor is σ'(0) = 1/4 exactly; the product of five
    // factors σ'(f_k) is at most (1/4)^5. Recompute it independently in f64.
    let r = run("chain-rule", 2, &[]);
    let s = |x: f64| 1.0 / (1.0 + (-x).exp());
    let (mut a, mut prod) = (0.0, 1.0);
    for _ in 0..5 {
        let next = s(a);
        prod *= next * (1.0 - next);
        a = next;
    }
    let got = float(&r, "dy/dx");
    assert!((got - prod).abs() < 1e-15, "{got} vs {prod}");
    assert!(got <= 1.0 / 1024.0);
    assert_eq!(exact(&r, "f1"), "1/2");
}

#[test]
fn float_mode_agrees_with_exact() {
    // --float must give the same numbers to rounding for every example
    // (the catalog's early and layer-level examples alike).
    for ex in catalog::all() {
        let e = ex.run(&[], &Settings::default()).unwrap();
        let f = ex
            .run(&[], &Settings { float: true })
            .unwrap_or_else(|err| panic!("{} --float: {err}", ex.id()));
        assert_eq!(e.results.len(), f.results.len(), "{}", ex.id());
        for (r1, r2) in e.results.iter().zip(&f.results) {
            let (n1, a, n2, b) = (&r1.name, &r1.value, &r2.name, &r2.value);
            assert_eq!(n1, n2);
            // Under --float every value is an f64, except counts (steps,
            // parameters), which stay exact integers.
            let count = a.as_exact().is_some_and(|r| r.is_integer()) && b.is_exact();
            assert!(
                matches!(b, Scalar::Float(_)) || count,
                "{} {n2} not float",
                ex.id()
            );
            let tol = 1e-12 * a.to_f64().abs().max(1.0);
            let (a, b) = (a.to_f64(), b.to_f64());
            assert!(
                (a - b).abs() <= tol,
                "{} {n1}: exact {a} vs float {b}",
                ex.id()
            );
        }
    }
}

#[test]
fn every_gradient_passes_its_finite_difference_check() {
    // Check columns compare each backprop gradient with a central
    // difference; no example may show a disagreement anywhere, and every
    // example that reports gradients shows finite differences.
    for ex in catalog::all() {
        let r = ex.run(&[], &Settings::default()).unwrap();
        let mut shown = false;
        for t in nn_tutor::cli::tables(&r) {
            shown |= t.header.iter().any(|h| h.contains("difference"));
            let Some(col) = t.header.iter().position(|h| h == "check") else {
                continue;
            };
            for row in &t.rows {
                let cell = match &row[col] {
                    nn_tutor::report::Cell::Text(s) => s.clone(),
                    other => panic!("{}: check cell {other:?}", ex.id()),
                };
                // At a kink the convention picks one side; the cell says so.
                assert!(
                    cell.starts_with('✓') || cell.starts_with("kink"),
                    "{}: {row:?}",
                    ex.id()
                );
            }
        }
        for b in &r.blocks {
            if let nn_tutor::report::Block::Text(t) = b {
                assert!(
                    !t.contains('✗') && !t.contains("DIFFER"),
                    "{}: {t}",
                    ex.id()
                );
                shown |= t.contains("central difference") && t.contains('✓');
            }
        }
        // Gradient results are named d<out>/d<x> (or dz, dw, db as in MS).
        let backprops = r.results.iter().any(|r| {
            let n = &r.name;
            n.starts_with('d') && (n.contains('/') || n.len() <= 3)
        });
        assert!(
            shown || !backprops,
            "{} reports gradients without finite differences",
            ex.id()
        );
    }
}
