//! Tests across the catalog: every example's record against its report
//! (audit links, plots), and the rounding audits' drifts derived by hand.
//! (They draw exercises with `exercise::make`; only these tests use it.)

use crate::catalog::{self, Audit, Engine, Example, Exercise, all, find};
use crate::exercise::{Lang, make};
use crate::network::Pass;
use crate::rounding::{Plan, Row};
use crate::scalar::Scalar;

fn plan_of(ex: &Example, sets: &[(String, String)]) -> Option<Plan> {
    if matches!(ex.audit, Audit::None(_)) {
        return None;
    }
    Some(ex.audit_plan(&ex.values(sets).unwrap()).unwrap())
}

/// The rows of each piece of a plan.
fn rows_of(p: &Plan, d: u32) -> Vec<Vec<Row>> {
    let Plan::Replay { items, .. } = p else {
        return Vec::new();
    };
    items.iter().map(|it| it.rows(d).unwrap()).collect()
}

fn close(a: &Scalar, b: &Scalar, tol: f64) -> bool {
    match (a.exact_string(), b.exact_string()) {
        (Some(_), Some(_)) => a == b,
        _ => (a.to_f64() - b.to_f64()).abs() <= tol * a.to_f64().abs().max(1.0),
    }
}

/// The replay computes the example's own numbers. With D = 24 every
/// rounded value is within 10⁻¹² of the exact one (relative to
/// max(1, |x|)). With D = 12, the most the CLI allows, only within 10⁻⁸:
/// 12 decimals keep few significant digits of a tiny value, and later
/// steps amplify that (backprop/2 at w = (3, -3, -3), x = (0, 2): the
/// local derivative -1/d² ≈ -1.5·10⁻⁸ of the sigmoid's 1/d keeps 4
/// digits, so ∂f/∂x0 ≈ 3.7·10⁻⁴ drifts by 5·10⁻⁹; softmax/2 at
/// z = (2, 0, -2), class 3: ŷ₃ ≈ 0.016 at 12 places, then -ln ŷ₃, drifts
/// by 3·10⁻¹¹). Every linked row's exact value equals the result the
/// example reports. Over the defaults and 20 seeded draws of every
/// example with ranges.
#[test]
fn replay_at_12_decimals_is_the_exact_answer() {
    let mut checked = 0;
    for ex in catalog::all() {
        let mut draws: Vec<Vec<(String, String)>> = vec![Vec::new()];
        if matches!(ex.exercise, Exercise::Ranges(_)) {
            for seed in 0..20 {
                let sheet = make(&[ex], seed, 1, Lang::En, String::new()).unwrap();
                draws.push(sheet.problems[0].sets.clone());
            }
        }
        for sets in draws {
            let Some(p) = plan_of(ex, &sets) else { break };
            let report = ex.run(&sets, &Default::default()).unwrap();
            for (d, tol) in [(12, 1e-8), (24, 1e-12)] {
                for r in rows_of(&p, d).iter().flatten() {
                    let (x, e) = (r.rounded.to_f64(), r.exact.to_f64());
                    assert!(
                        (x - e).abs() <= tol * e.abs().max(1.0),
                        "{} {sets:?} D = {d} {}: {x} vs {e}",
                        ex.id(),
                        r.name
                    );
                }
            }
            // One name per quantity: each row is a result of the example
            // under the same name, and computes that result's value.
            for r in rows_of(&p, 12).iter().flatten() {
                let want = report.result(&r.name).unwrap_or_else(|| {
                    panic!(
                        "{} {sets:?}: the audit row {} is no result",
                        ex.id(),
                        r.name
                    )
                });
                assert!(
                    close(&r.exact, want, 1e-12),
                    "{} {sets:?}: {} = {:?}, the example says {:?}",
                    ex.id(),
                    r.name,
                    r.exact,
                    want
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

/// Every row of an example's audit at `d` decimals under its shown name,
/// then every step under the program's name (shown or not).
fn audit_rows(id: &str, sets: &[(&str, &str)], d: u32) -> Vec<Row> {
    let (ex, sets) = catalog::example_with(id, sets);
    let Plan::Replay { items, .. } = plan_of(ex, &sets).unwrap() else {
        panic!("{id} replays nothing")
    };
    let shown = items.iter().flat_map(|it| it.rows(d).unwrap());
    shown
        .chain(items.iter().flat_map(|it| it.steps(d).unwrap()))
        .collect()
}

fn rounded(rows: &[Row], name: &str) -> Scalar {
    rows.iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no row {name}"))
        .rounded
        .clone()
}

fn p(x: &str) -> Scalar {
    Scalar::parse(x).unwrap()
}

#[test]
fn activation_drift_by_hand() {
    // activation/1 at z4 = 1, 2 decimals: σ(1) = 0.731059 → 0.73, the
    // local σ' = 0.73·(1 - 0.73) = 0.1971 → 0.20 (exact 0.196612);
    // tanh(2) = 0.964028 → 0.96, tanh' = 1 - 0.96² = 0.0784 → 0.08
    // (exact 0.070651).
    let rows = audit_rows("activation/1", &[], 2);
    assert_eq!(rounded(&rows, "logistic(z4)"), p("0.73"));
    assert_eq!(rounded(&rows, "logistic'(z4)"), p("0.2"));
    assert_eq!(rounded(&rows, "tanh'(z5)"), p("0.08"));
    // activation/3 at start = 10: σ(10) = 0.9999546 → 1.00, so the
    // rounded σ' = 1.00·(1 - 1.00) = 0: the vanishing gradient vanishes.
    let rows = audit_rows("activation/3", &[], 2);
    assert_eq!(rounded(&rows, "sigmoid'(start)"), Scalar::zero());
    assert_eq!(rounded(&rows, "relu'(start)"), Scalar::one());
    // activation/4 (defaults): z = 0, σ = 1/2, σ' = 1/4, dL/dw3 = -1·(1/4)·(1/2)
    // = -0.125 → -0.13 (half away from zero).
    let rows = audit_rows("activation/4", &[], 2);
    assert_eq!(rounded(&rows, "dL/dw3"), p("-0.13"));
}

#[test]
fn forward_and_softmax_drift_by_hand() {
    // forward/3's softmax head at z = (1, 1, 0): e/(2e + 1) = 0.422319 → 0.42,
    // 1/(2e + 1) = 0.155362 → 0.16.
    let rows = audit_rows("forward/3", &[], 2);
    assert_eq!(rounded(&rows, "softmax p(y=1|x)"), p("0.42"));
    assert_eq!(rounded(&rows, "softmax p(y=3|x)"), p("0.16"));
    // softmax/1 at a = (0.3, 2.9, 4.0): e^0.3 → 1.35, e^2.9 → 18.17,
    // e^4 → 54.60, Σ = 74.12, y1 = 1.35/74.12 = 0.018214 → 0.02
    // (exact 0.018211), y2 = 18.17/74.12 = 0.24514 → 0.25 (exact 0.245192).
    let rows = audit_rows("softmax/1", &[], 2);
    assert_eq!(rounded(&rows, "s"), p("74.12"));
    assert_eq!(rounded(&rows, "y1"), p("0.02"));
    assert_eq!(rounded(&rows, "y2"), p("0.25"));
    // softmax/2 at z = (1, 2, -1), class 2: e = (2.72, 7.39, 0.37),
    // Σ = 10.48, ŷ2 = 7.39/10.48 = 0.70515 → 0.71, L = -ln 0.71 = 0.3425
    // → 0.34 (exact 0.349012).
    let rows = audit_rows("softmax/2", &[], 2);
    assert_eq!(rounded(&rows, "y2"), p("0.71"));
    assert_eq!(rounded(&rows, "L"), p("0.34"));
}

#[test]
fn loss_drift_by_hand() {
    // loss/1 at y = (1/2, 1/4, 1/4), t = (1, 0, 0): squares 0.25, 0.0625
    // → 0.06, 0.06; Σ = 0.37; MSE = 0.37/3 = 0.1233 → 0.12 where the
    // exact MSE is 1/8 = 0.125.
    let rows = audit_rows("loss/1", &[], 2);
    assert_eq!(rounded(&rows, "mse"), p("0.12"));
    assert_eq!(rounded(&rows, "half_sse"), p("0.19"));
    // loss/2 (defaults): L1 = (-3/2)²/2 = 1.125 → 1.13, L2 → 1.13,
    // penalty = (1/10)/2·(1/4 + 1/4) = 0.025 → 0.03, R = 1.13 + 0.03
    // = 1.16 where the exact R is 23/20 = 1.15.
    let rows = audit_rows("loss/2", &[], 2);
    assert_eq!(rounded(&rows, "penalty"), p("0.03"));
    assert_eq!(rounded(&rows, "R"), p("1.16"));
}

#[test]
fn neuron_3_and_init_drift_by_hand() {
    // neuron/3 step 2 (w = 3/2, b = -1/2, x = 2): z = 5/2, σ(2.5) =
    // 0.924142 → 0.92, db = 0.92 - 1 = -0.08, dw = 2·(-0.08) = -0.16,
    // w = 1.5 + 0.16 = 1.66 where the exact w is 1.651716.
    let rows = audit_rows("neuron/3", &[], 2);
    assert_eq!(rounded(&rows, "a2"), p("0.92"));
    assert_eq!(rounded(&rows, "w2"), p("1.66"));
    // init/1 at m = 10: √10 = 3.16228 → 3.16, 1/3.16 = 0.31646 → 0.32
    // where the exact bound is 0.316228.
    let rows = audit_rows("init/1", &[], 2);
    assert_eq!(rounded(&rows, "bound"), p("0.32"));
    // init/2 He at fan_in = 64: 6/64 = 0.09375 → 0.09, √0.09 = 0.3 exactly,
    // where the exact bound is √(3/32) = 0.306186.
    let rows = audit_rows("init/2", &[], 2);
    assert_eq!(rounded(&rows, "he_bound"), p("0.3"));
}

#[test]
fn gradient_descent_1_drift_by_hand() {
    // gradient-descent/1 at lr = 1/10, w = b = 0 (data y = 2x + 1 at
    // x = 1, 2, 3): errors (-3, -5, -7), ∂J/∂w = 2·(-3 - 10 - 21)/3 =
    // -68/3 → -22.67, ∂J/∂b = 2·(-15)/3 = -10; w_1 = 0 + 0.1·22.67 =
    // 2.267 → 2.27 where the exact w_1 is 34/15 = 2.2667; b_1 = 1 exactly.
    let rows = audit_rows("gradient-descent/1", &[], 2);
    assert_eq!(rounded(&rows, "gw1"), p("-22.67"));
    assert_eq!(rounded(&rows, "w_1"), p("2.27"));
    assert_eq!(rounded(&rows, "b_1"), Scalar::one());
}

#[test]
fn xor_2_with_a_third_drifts() {
    // xor/2 with v2 = -2/3 on input (1, 1): h = (2, 1), the weighted sum
    // y = 1·2 - (2/3)·1 = 4/3 is rounded once, as written: 1.33.
    let rows = audit_rows("xor/2", &[("v2", "-2/3")], 2);
    assert_eq!(rounded(&rows, "y(1,1)"), p("1.33"));
    // The deck's integer weights never drift.
    for r in audit_rows("xor/2", &[], 2) {
        assert_eq!(r.rounded, r.exact, "{}", r.name);
    }
}

/// The record's facts agree with what the example does: `has_plot` with
/// the report's figures, an audit that replays the engine has one, and an
/// example without an audit is refused with the record's reason.
#[test]
fn records_agree_with_the_reports() {
    for ex in catalog::all() {
        let r = ex.run(&[], &Default::default()).unwrap();
        assert_eq!(ex.has_plot, r.plot().is_some(), "{}: has_plot", ex.id());
        let v = ex.values(&[]).unwrap();
        match ex.audit {
            Audit::Engine => assert!(
                !matches!(ex.engine, Engine::Report),
                "{}: Audit::Engine needs a graph program or a layer problem",
                ex.id()
            ),
            Audit::None(why) => {
                let err = ex.audit_plan(&v).err().expect("refused").to_string();
                assert!(err.contains(why), "{}: {err}", ex.id());
            }
            Audit::Replay(_) | Audit::Unchanged(_) => {}
        }
    }
}

fn pass(id: &str, sets: &[(&str, &str)]) -> Pass {
    let (ex, sets) = catalog::example_with(id, sets);
    ex.pass(&ex.values(&sets).unwrap()).unwrap().unwrap()
}

fn row<'a>(rows: &'a [Row], name: &str) -> &'a Row {
    rows.iter().find(|r| r.name == name).unwrap()
}

#[test]
fn exact_column_is_the_engines_trace() {
    // backprop/4 (CAL): Loss = 9/4, ∂Loss/∂w2_00 = -3/4, ∂Loss/∂w1_00 = -6;
    // every exact δ and gradient equals the traced network's.
    let p = pass("backprop/4", &[]);
    let rows = crate::rounding::layers::rows(&p, 2).unwrap();
    assert_eq!(row(&rows, "L").exact, Scalar::ratio(9, 4));
    assert_eq!(row(&rows, "dL/dW(2)_1,1").exact, Scalar::ratio(-3, 4));
    assert_eq!(row(&rows, "dL/dW(1)_1,1").exact, Scalar::int(-6));
    let (net, x, obj) = &p;
    let t = net.trace(x, obj.as_ref().unwrap()).unwrap();
    for (l, lt) in t.layers.iter().enumerate() {
        for (i, d) in lt.delta.iter().enumerate() {
            assert_eq!(&row(&rows, &format!("delta({})_{}", l + 1, i + 1)).exact, d);
            for (j, g) in lt.grad_w[i].iter().enumerate() {
                let name = format!("dL/dW({})_{},{}", l + 1, i + 1, j + 1);
                assert_eq!(&row(&rows, &name).exact, g);
            }
        }
    }
}

#[test]
fn a_hand_rounded_neuron() {
    // neuron/2 at x = 3, w = 1/2, b = -1, y = 1, by hand with 2 decimals:
    // a = σ(1/2) → 0.62, L = -ln 0.62 = 0.478 → 0.48, ∂L/∂a = -1/0.62 → -1.61,
    // δ = 0.62·0.38·(-1.61) = -0.379 → -0.38, ∂L/∂w = -0.38·3 = -1.14.
    let p = pass("neuron/2", &[("x", "3"), ("w", "1/2"), ("b", "-1")]);
    let rows = crate::rounding::layers::rows(&p, 2).unwrap();
    assert_eq!(row(&rows, "a(1)_1").rounded, self::p("0.62"));
    assert_eq!(row(&rows, "L").rounded, self::p("0.48"));
    assert_eq!(row(&rows, "delta(1)_1").rounded, self::p("-0.38"));
    assert_eq!(row(&rows, "dL/dW(1)_1,1").rounded, self::p("-1.14"));
    assert!((row(&rows, "dL/dW(1)_1,1").exact.to_f64() + 1.1326220).abs() < 1e-6);
}

#[test]
fn ids_are_unique_and_defaults_parse() {
    let mut ids: Vec<String> = all().iter().map(|e| e.id()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate example ids");
    for e in all() {
        e.values(&[]).unwrap();
        assert!(!e.sources.is_empty(), "{} names no deck", e.id());
    }
}

#[test]
fn unknown_names_list_what_exists() {
    let err = find("backprop", 99).unwrap_err().to_string();
    assert!(err.contains("1, 2, 3"), "{err}");
    let err = find("nope", 1).unwrap_err().to_string();
    assert!(err.contains("backprop"), "{err}");
    let err = find("backprop", 1)
        .unwrap()
        .values(&[("k".into(), "1".into())])
        .unwrap_err()
        .to_string();
    assert!(err.contains("x, y, z"), "{err}");
}

#[test]
fn softmax_2_replays_yhat_minus_y() {
    // z = (-1, 1, -1), class 1, each step to 1 decimal: e^-1 = 0.368 → 0.4,
    // e^1 = 2.718 → 2.7, s = 0.4 + 2.7 + 0.4 = 3.5; ŷ2 = 2.7/3.5 = 0.771 →
    // 0.8 and y2 = 0, so ∂L/∂z2 = 0.8 (exact e/(e + 2/e) = 0.786986, not 0);
    // ŷ1 = 0.4/3.5 = 0.114 → 0.1, ∂L/∂z1 = 0.1 - 1 = -0.9 (exact -0.893490);
    // L = -ln 0.1 = 2.303 → 2.3.
    let sets = [("z1", "-1"), ("z2", "1"), ("z3", "-1"), ("class", "1")];
    let rows = audit_rows("softmax/2", &sets, 1);
    assert_eq!(rounded(&rows, "dL/dz2"), p("0.8"));
    assert_eq!(rounded(&rows, "dL/dz1"), p("-0.9"));
    assert_eq!(rounded(&rows, "L"), p("2.3"));
    let exact = rows
        .iter()
        .find(|r| r.name == "dL/dz2")
        .unwrap()
        .exact
        .to_f64();
    let e = 1f64.exp();
    assert!((exact - e / (e + 2.0 / e)).abs() < 1e-12, "{exact}");
}

/// Results an audit cannot replay, by example: each is named in the
/// audit's note.
const NOT_REPLAYED: &[(&str, &[&str])] = &[
    // A loop run in f64 until a goal is reached.
    ("activation/3", &["steps sigmoid", "steps relu"]),
];

#[test]
fn audits_name_every_quantity_as_the_examples_do() {
    // One name per quantity: every row of every audit is a result of the
    // example under the same name (replay_at_12_decimals_is_the_exact_answer
    // checks the values over 20 draws), and every result appears in the
    // audit (once), but for the few NOT_REPLAYED.
    let mut audited = 0;
    for ex in catalog::all() {
        let id = ex.id();
        let Some(Plan::Replay { items, note }) = plan_of(ex, &[]) else {
            continue;
        };
        audited += 1;
        let r = ex.run(&[], &Default::default()).unwrap();
        let rows: Vec<String> = items
            .iter()
            .flat_map(|it| it.rows(2).unwrap())
            .map(|row| row.name)
            .collect();
        let skip = NOT_REPLAYED
            .iter()
            .find(|(i, _)| *i == id)
            .map_or(&[][..], |(_, s)| *s);
        let want: Vec<String> = r
            .results
            .iter()
            .map(|n| n.name.clone())
            .filter(|n| !skip.contains(&n.as_str()))
            .collect();
        let (mut rows, mut want) = (rows, want);
        rows.sort();
        want.sort();
        assert_eq!(rows, want, "{id}: the audit's rows against the results");
        if !skip.is_empty() {
            assert!(note.is_some(), "{id}: the note says what is not replayed");
        }
    }
    assert!(audited >= 30, "only {audited} audits");
    // neuron/2 at its defaults (x = 2, w = 1/2, b = -1, y = 1): z = 0,
    // a = 1/2, dz = a - y = -1/2, dw = x·dz = -1, db = dz = -1/2, every one
    // exact at 2 decimals, under the sheet's names.
    let rows = audit_rows("neuron/2", &[], 2);
    for (name, want) in [
        ("z", "0"),
        ("a", "1/2"),
        ("dz", "-1/2"),
        ("dw", "-1"),
        ("db", "-1/2"),
    ] {
        assert_eq!(rounded(&rows, name), p(want), "neuron/2 {name}");
    }
}

#[test]
fn neuron_2_shows_the_cross_entropy_term_a_0_or_1_label_leaves() {
    // y = 0 at a = 1/2: L = -ln(1 - 1/2) = ln 2, ∂L/∂a = 1/(1 - 1/2) = 2;
    // y = 1: L = -ln(1/2), ∂L/∂a = -1/(1/2) = -2. No `-0/a` term, no
    // `(1 - 1)/(1 - a)` term; a soft y = 1/2 keeps both.
    use crate::report::{Block, Cell};
    let computed = |y: &str| -> Vec<String> {
        let (ex, sets) = catalog::example_with("neuron/2", &[("y", y)]);
        let r = ex.run(&sets, &Default::default()).unwrap();
        let Some(Block::Table(t)) = r.blocks.iter().find(|b| matches!(b, Block::Table(_))) else {
            panic!("neuron/2 has a table")
        };
        t.rows
            .iter()
            .filter(|row| matches!(&row[0], Cell::Text(n) if n == "L(a, y)" || n == "∂L/∂a"))
            .map(|row| match &row[2] {
                Cell::Text(s) => s.clone(),
                Cell::Sentence(s) => s.plain(6),
                Cell::Math(m) => m.plain(6),
                c => panic!("{c:?}"),
            })
            .collect()
    };
    assert_eq!(computed("0"), ["-ln(1 - (1/2))", "1/(1 - (1/2))"]);
    assert_eq!(computed("1"), ["-ln (1/2)", "-1/(1/2)"]);
    let soft = computed("1/2");
    assert!(soft[1].contains(" + (1 - (1/2))/"), "{soft:?}");
}
