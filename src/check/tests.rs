//! Each detector finds the slip planted in an answer, and only that one.

use super::*;
use crate::report::{Cell, Settings};

fn sets(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Grade one legacy answers file's text against `topic/n` with `--set`
/// pairs under the default policy (4 decimals).
fn graded(
    topic: &str,
    n: u32,
    set: &[(&str, &str)],
    toml: &str,
    flags: &[PolicySpec],
) -> ProblemVerdict {
    let ex = catalog::find(topic, n).unwrap();
    let answers = parse_answers(toml, "answers.toml").unwrap();
    let p = policy_for(&answers, &Policy::default(), flags).unwrap();
    grade_problem(ex, &sets(set), &answers.problems[0], &p).unwrap()
}

/// The report, and whether every answer given is right (unanswered
/// quantities aside: these tests plant one slip at a time).
fn verdicts(topic: &str, n: u32, set: &[(&str, &str)], toml: &str) -> (Report, bool) {
    let v = graded(topic, n, set, toml, &[]);
    let ok = v.verdicts.iter().all(|x| x.code != Code::Wrong);
    (
        report(std::slice::from_ref(&v), &Policy::default(), None),
        ok,
    )
}

/// The "likely slip" cell of the row for `name`.
fn slip_of(r: &Report, name: &str) -> String {
    let t = crate::cli::tables(r).next().unwrap();
    let row = t
        .rows
        .iter()
        .find(|row| row[0] == Cell::Text(name.to_string()))
        .unwrap();
    match &row[4] {
        Cell::Text(s) => s.clone(),
        _ => String::new(),
    }
}

#[test]
fn right_answers_exact_and_rounded() {
    // backprop/1 at (-2, 5, -4): q = 3, f = -12, ∂f/∂x = z = -4, ∂f/∂z = q = 3.
    let (_, ok) = verdicts("backprop", 1, &[], "q = 3\nf = \"-12\"\n\"df/dx\" = -4.0\n");
    assert!(ok);
    // chain-rule/2 at x = 0: ∂y/∂x ≈ 0.000711; 0.0007 is right to 4 places.
    let (_, ok) = verdicts("chain-rule", 2, &[], "\"dy/dx\" = 0.0007\n");
    assert!(ok);
    let (_, ok) = verdicts("chain-rule", 2, &[], "\"dy/dx\" = 0.0008\n");
    assert!(!ok);
}

#[test]
fn first_wrong_step_is_in_computation_order() {
    // ∂f/∂q is computed before ∂f/∂x (= ∂f/∂q · 1), whatever the file order.
    let (r, ok) = verdicts("backprop", 1, &[], "\"df/dx\" = 4\n\"df/dq\" = 4\nq = 3\n");
    assert!(!ok);
    let text: String = r
        .blocks
        .iter()
        .filter_map(|b| match b {
            crate::report::Block::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert!(
        text.contains("first wrong step in computation order is `df/dq`"),
        "{text}"
    );
}

#[test]
fn sign_flipped() {
    let (r, _) = verdicts("backprop", 1, &[], "\"df/dx\" = 4\n");
    assert!(slip_of(&r, "df/dx").starts_with("sign flipped"));
}

#[test]
fn paths_not_summed_at_a_fork() {
    // autodiff/2 at (2, 3): f = uv, u = xy, v = x + y. ∂f/∂x = v·y + u·1
    // = 15 + 6 = 21; answering 15 keeps only the path through u.
    let (r, _) = verdicts("autodiff", 2, &[], "\"df/dx\" = 15\n");
    let s = slip_of(&r, "df/dx");
    assert!(s.starts_with("paths not summed"), "{s}");
    assert!(s.contains("through `u`"), "{s}");
}

#[test]
fn missing_activation_derivative_in_a_graph() {
    // chain-rule/2: y = σ(f4), so ∂y/∂f4 = 1·σ'(f4); answering 1 forgets σ'.
    let (r, _) = verdicts("chain-rule", 2, &[], "\"dy/df4\" = 1\n");
    let s = slip_of(&r, "dy/df4");
    assert!(s.starts_with("missing activation derivative"), "{s}");
}

#[test]
fn missing_activation_derivative_in_a_neuron() {
    // neuron/2: ∂L/∂a = -2, da/dz = 1/4, dz = -1/2; answering -2 forgets da/dz.
    let (r, _) = verdicts("neuron", 2, &[], "dz = -2\n");
    let s = slip_of(&r, "dz");
    assert!(s.starts_with("missing activation derivative"), "{s}");
    assert!(s.contains("1/4"), "{s}");
}

#[test]
fn missing_activation_derivative_in_a_layer() {
    // backprop/5 at x = (-1, 1): z(1)_1 = -1 - 1 + 0 = -2, so ReLU'(z) = 0 and
    // δ(1)_1 = 0; answering ∂L/∂a(1)_1 = (W(2)ᵀ δ(2))_1 forgets ReLU'.
    let ex = catalog::find("backprop", 5).unwrap();
    let set = sets(&[("x1", "-1"), ("x2", "1")]);
    let (net, x, obj) = ex.pass(&ex.values(&set).unwrap()).unwrap().unwrap();
    let t = net.trace(&x, obj.as_ref().unwrap()).unwrap();
    let da = t.layers[0].grad_a[0].to_f64();
    assert!(da.abs() > 1e-3, "the slip must differ from the right 0");
    let (r, ok) = verdicts(
        "backprop",
        5,
        &[("x1", "-1"), ("x2", "1")],
        &format!("\"delta(1)_1\" = {da:.6}\n"),
    );
    assert!(!ok);
    let s = slip_of(&r, "delta(1)_1");
    assert!(
        s.starts_with("missing activation derivative") && s.contains("= 0"),
        "{s}"
    );
}

#[test]
fn z_used_for_a() {
    // neuron/1: z = 3·1/2 - 1 = 1/2, a = σ(1/2) ≈ 0.6225; answering 0.5 gives z.
    let (r, _) = verdicts("neuron", 1, &[], "a = 0.5\n");
    assert!(slip_of(&r, "a").starts_with("z used for a"));
    // The same in a graph: chain-rule/2 at x = 1, f1 = σ(x) answered as 1.
    let (r, _) = verdicts("chain-rule", 2, &[("x", "1")], "f1 = 1\n");
    let s = slip_of(&r, "f1");
    assert!(s.starts_with("z used for a") && s.contains("`x`"), "{s}");
}

#[test]
fn transposed_w() {
    // backprop/5: give dL/dW(2)_1,2 the value of dL/dW(2)_2,1.
    let ex = catalog::find("backprop", 5).unwrap();
    let r = ex.run(&[], &Settings::default()).unwrap();
    let other = r.result("dL/dW(2)_2,1").unwrap().to_f64();
    let (r, ok) = verdicts(
        "backprop",
        5,
        &[],
        &format!("\"dL/dW(2)_1,2\" = {other:.6}\n"),
    );
    assert!(!ok);
    assert!(slip_of(&r, "dL/dW(2)_1,2").starts_with("W transposed"));
}

#[test]
fn no_slip_named_without_evidence() {
    // 7 is not -(-4), not a path, not an upstream gradient: nothing is named.
    let (r, _) = verdicts("backprop", 1, &[], "\"df/dx\" = 7\n");
    assert_eq!(slip_of(&r, "df/dx"), "");
}

#[test]
fn tolerance_from_the_file_or_the_flag() {
    let (_, ok) = verdicts(
        "backprop",
        1,
        &[],
        "tolerance = 0.5\n\"df/dx\" = \"-4.3\"\n",
    );
    assert!(ok);
    // The flag overrides the file's tolerance.
    let tol = PolicySpec {
        tolerance: Some(policy::Num::Text("0.1".into())),
        ..PolicySpec::default()
    };
    let v = graded(
        "backprop",
        1,
        &[],
        "tolerance = 0.5\n\"df/dx\" = -4.3\n",
        &[tol],
    );
    assert_eq!(
        v.verdicts.iter().find(|x| x.name == "df/dx").unwrap().code,
        Code::Wrong
    );
}

#[test]
fn bad_answers_name_the_problem() {
    // An unknown quantity is reported, and the rest is still graded.
    let v = graded("backprop", 1, &[], "\"dq/dx\" = 1\nf = -12\n", &[]);
    let unknown = v.verdicts.iter().find(|x| x.name == "dq/dx").unwrap();
    assert_eq!(
        (unknown.code, unknown.expected.clone()),
        (Code::Unknown, None)
    );
    assert_eq!(
        v.verdicts.iter().find(|x| x.name == "f").unwrap().code,
        Code::Right
    );
    assert!(!v.all_right());
    let err = parse_answers("\"df/dx\" = \"minus four\"\n", "a.toml")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`df/dx`") && err.contains("minus four"),
        "{err}"
    );
    let err = parse_answers("\"df/dx\" = true\n", "a.toml")
        .unwrap_err()
        .to_string();
    assert!(err.contains("`df/dx`"), "{err}");
    let err = parse_answers("\"df/dx\" = \n", "a.toml")
        .unwrap_err()
        .to_string();
    assert!(err.contains("a.toml:1"), "{err}");
}

#[test]
fn a_bare_decimal_keeps_its_written_places() {
    // backprop/2: ∂f/∂x0 = 0.393224…; to 2 places that is 0.39, so a
    // student's `0.40` (the hand-rounding drift `--round-each 2` shows) is
    // wrong. TOML reads the bare float as 0.4, one place, which would have
    // passed it as "right to your rounding"; the quoted "0.40" was wrong.
    for file in ["\"df/dx0\" = 0.40\n", "\"df/dx0\" = \"0.40\"\n"] {
        let (_, ok) = verdicts("backprop", 2, &[], file);
        assert!(!ok, "{file}");
    }
    let a = parse_answers("x = 0.40\ny = 1_000.5_0\n", "a.toml").unwrap();
    assert_eq!(
        (a.legacy()[0].text.as_str(), a.legacy()[0].decimals),
        ("0.40", Some(2))
    );
    assert_eq!(
        (a.legacy()[1].text.as_str(), a.legacy()[1].decimals),
        ("1000.50", Some(2))
    );
    // 0.4 is the value to its one place: right when the policy asks for 1
    // decimal, too few decimals for the sheet's 4.
    let file = "\"df/dx0\" = 0.4\n";
    let v = graded("backprop", 2, &[], file, &[]);
    let x = v.verdicts.iter().find(|x| x.name == "df/dx0").unwrap();
    assert_eq!(x.code, Code::Wrong);
    assert_eq!(x.slip.as_ref().unwrap().code, SlipCode::TooFewDecimals);
    let one = PolicySpec {
        decimals: Some(1),
        ..PolicySpec::default()
    };
    let v = graded("backprop", 2, &[], file, &[one]);
    let x = v.verdicts.iter().find(|x| x.name == "df/dx0").unwrap();
    assert_eq!((x.code, x.credit), (Code::Right, Some(Credit::Rounded)));
}

#[test]
fn w_transposed_in_the_forward_pass() {
    // forward/1: W(1) = [[1, -1/2], [1/2, 1]], b(1) = (1/4, -1), x = (1, 2).
    // Right: z(1)_1 = 1·1 - 1/2·2 + 1/4 = 1/4, z(1)_2 = 1/2·1 + 1·2 - 1 = 3/2.
    // With Wᵀ: z(1)_1 = 1·1 + 1/2·2 + 1/4 = 9/4, z(1)_2 = -1/2·1 + 1·2 - 1 = 1/2.
    let (r, ok) = verdicts(
        "forward",
        1,
        &[],
        "\"z(1)_1\" = \"9/4\"\n\"z(1)_2\" = 0.5\n",
    );
    assert!(!ok);
    assert!(
        slip_of(&r, "z(1)_1").starts_with("W transposed"),
        "{}",
        slip_of(&r, "z(1)_1")
    );
    assert!(slip_of(&r, "z(1)_2").contains("row 2 of W"));
    // Another wrong value names no slip.
    let (r, _) = verdicts("forward", 1, &[], "\"z(1)_1\" = 3\n");
    assert_eq!(slip_of(&r, "z(1)_1"), "");
}

#[test]
fn a_result_not_asked_is_graded_for_no_points() {
    // backprop/1 asking only f and q: an answered ∂f/∂x = -4 (a result of
    // the example) is graded right for 0 of 0 points; `dg/dx` is unknown.
    let ex = catalog::find("backprop", 1).unwrap();
    let mut t = Target::example(ex, &[]).unwrap();
    t.asked = vec!["f".to_string(), "q".to_string()];
    let answers = parse_answers("f = -12\n\"df/dx\" = -4\n\"dg/dx\" = 1\n", "a.toml").unwrap();
    let v = grade_target(&t, &answers.problems[0], &Policy::default());
    let codes: Vec<(&str, Code, String)> = v
        .verdicts
        .iter()
        .map(|x| (x.name.as_str(), x.code, x.max_points.show(6)))
        .collect();
    assert_eq!(
        codes,
        [
            ("q", Code::Unanswered, "1".to_string()),
            ("f", Code::Right, "1".to_string()),
            ("df/dx", Code::Right, "0".to_string()),
            ("dg/dx", Code::Unknown, "0".to_string()),
        ]
    );
    assert_eq!(
        (v.points().show(6), v.max_points().show(6)),
        ("1".into(), "2".into())
    );
}

/// Grade under `--follow-through`: each verdict's (name, code, credit,
/// slip code).
fn followed(topic: &str, n: u32, toml: &str, on: bool) -> Vec<(String, Code, Option<Credit>)> {
    let flags = PolicySpec {
        follow_through: Some(on),
        ..PolicySpec::default()
    };
    graded(topic, n, &[], toml, &[flags])
        .verdicts
        .into_iter()
        .map(|v| (v.name, v.code, v.credit))
        .collect()
}

/// The names credited for following through.
fn credited(v: &[(String, Code, Option<Credit>)]) -> Vec<&str> {
    v.iter()
        .filter(|(_, _, c)| *c == Some(Credit::FollowThrough))
        .map(|(n, _, _)| n.as_str())
        .collect()
}

#[test]
fn follow_through_the_backward_pass_of_backprop_4() {
    // backprop/4 at its defaults: x = (1, 2), ReLU hidden z(1) = (1/4, 3/2),
    // identity output y0 = 2·1/4 − 3/2 + 1/2 = −1/2, MSE against t = 1.
    // A student who writes y0 = 1/2 and then works correctly from it:
    // Loss = (1/2 − 1)² = 1/4; ∂L/∂y0 = 2(y0 − t) = −1 = δ(2) = ∂L/∂b2_0;
    // ∂L/∂w2_00 = δ(2)·a(1)_1 = −1/4, ∂L/∂w2_10 = δ(2)·a(1)_2 = −3/2;
    // δ(1) = ReLU'(z(1)) ⊙ W(2)ᵀδ(2) = (2·(−1), (−1)·(−1)) = (−2, 1) = ∂L/∂b1;
    // ∂L/∂w1_ij = δ(1)_(j+1)·x_(i+1): w1_00 = −2, w1_01 = 1, w1_10 = −4,
    // w1_11 = 2. (Each is 1/3 of the right value, as y0 − t went from −3/2
    // to −1/2 and every gradient is linear in it: −3/4, −9/2, −3, −6, 3,
    // −12, 6, −6, 3.)
    let slip = "y0 = \"1/2\"\nLoss = \"1/4\"\n\"dLoss/dw2_00\" = -0.25\n\"dLoss/dw2_10\" = -1.5\n\
                \"dLoss/db2_0\" = -1\n\"dLoss/dw1_00\" = -2\n\"dLoss/dw1_01\" = 1\n\
                \"dLoss/dw1_10\" = -4\n\"dLoss/dw1_11\" = 2\n\"dLoss/db1_0\" = -2\n\
                \"dLoss/db1_1\" = 1\n";
    let v = followed("backprop", 4, slip, true);
    assert_eq!(v[0], ("y0".to_string(), Code::Wrong, None));
    let downstream: Vec<&str> = v[1..].iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(downstream.len(), 10);
    assert_eq!(credited(&v), downstream);
    // Without the policy each is wrong, named as carried forward.
    let g = graded("backprop", 4, &[], slip, &[]);
    for x in &g.verdicts[1..] {
        assert_eq!(x.code, Code::Wrong, "{}", x.name);
        let slip = x.slip.as_ref().map(|s| s.code);
        assert_eq!(slip, Some(SlipCode::CarriedForward), "{}", x.name);
    }
    // Downstream wrong on its own: Loss = 1/2 (not 1/4), ∂L/∂w2_00 = 1/4
    // (the sign of −1/4 flipped), ∂L/∂w1_00 = −3 (neither −2 nor −6) earn
    // nothing; ∂L/∂b2_0 = −1 still follows from y0 = 1/2.
    let own = "y0 = 0.5\nLoss = 0.5\n\"dLoss/dw2_00\" = 0.25\n\"dLoss/db2_0\" = -1\n\
               \"dLoss/dw1_00\" = -3\n";
    let v = followed("backprop", 4, own, true);
    assert_eq!(credited(&v), ["dLoss/db2_0"]);
    let wrong: Vec<&str> = v
        .iter()
        .filter(|(_, c, _)| *c == Code::Wrong)
        .map(|(n, _, _)| n.as_str())
        .collect();
    assert_eq!(wrong, ["y0", "Loss", "dLoss/dw2_00", "dLoss/dw1_00"]);
    // ∂L/∂b(2) = δ(2): a student's wrong ∂L/∂b2_0 = −1 (with y0 right) is
    // the δ(2) their ∂L/∂w2_00 = −1·1/4 and ∂L/∂w1_00 = 2·(−1)·1 come from.
    let db = "\"dLoss/db2_0\" = -1\n\"dLoss/dw2_00\" = -0.25\n\"dLoss/dw1_00\" = -2\n";
    let v = followed("backprop", 4, db, true);
    assert_eq!(credited(&v), ["dLoss/dw2_00", "dLoss/dw1_00"]);
}

#[test]
fn follow_through_the_backward_pass_of_backprop_5() {
    // backprop/5 at its defaults: x = (1, −1), ReLU z(1) = a(1) = (2, 1/2),
    // W(2) = [[1, 0], [0, 1], [−1/2, 1]], b(2) = (0, 0, 1/2), softmax with
    // cross-entropy against class 2. A student writes a(1)_1 = 3 (not 2) and
    // goes on correctly, each step from the values they wrote (4 decimals),
    // recomputed here by hand in f64: z(2) = W(2)a(1) + b(2) =
    // (3, 1/2, −3/2 + 1/2 + 1/2), a(2) = softmax(z(2)), loss = −ln a(2)_2,
    // δ(2) = a(2) − (0, 1, 0), δ(1) = ReLU'(z(1)) ⊙ W(2)ᵀδ(2) with z(1) > 0,
    // ∂L/∂W(1)_1,1 = δ(1)_1·x1, and the update W(1)_1,1 new =
    // W(1)_1,1 − η·∂L/∂W(1)_1,1 = 1 − (1/2)·δ(1)_1 from their own gradient.
    let r4 = |v: f64| (v * 1e4).round() / 1e4;
    let z2 = [3.0, 0.5, -0.5_f64];
    let sum: f64 = z2.iter().map(|z| z.exp()).sum();
    let a2: Vec<f64> = z2.iter().map(|z| r4(z.exp() / sum)).collect();
    let loss = r4(-a2[1].ln());
    let d2 = [r4(a2[0]), r4(a2[1] - 1.0), r4(a2[2])];
    let d1 = [r4(d2[0] - 0.5 * d2[2]), r4(d2[1] + d2[2])];
    let toml = format!(
        "loss = {loss:.4}\n\"a(1)_1\" = 3\n\"a(1)_2\" = 0.5\n\"a(2)_1\" = {:.4}\n\
         \"a(2)_2\" = {:.4}\n\"a(2)_3\" = {:.4}\n\"delta(2)_1\" = {:.4}\n\
         \"delta(2)_2\" = {:.4}\n\"delta(2)_3\" = {:.4}\n\"delta(1)_1\" = {:.4}\n\
         \"delta(1)_2\" = {:.4}\n\"dL/dW(1)_1,1\" = {:.4}\n\"W(1)_1,1 new\" = {:.4}\n",
        a2[0],
        a2[1],
        a2[2],
        d2[0],
        d2[1],
        d2[2],
        d1[0],
        d1[1],
        d1[0],
        r4(1.0 - 0.5 * d1[0])
    );
    let v = followed("backprop", 5, &toml, true);
    // Downstream of a(1)_1: everything the sheet asks but a(1): the loss,
    // a(2), δ(2), δ(1), ∂L/∂W(1)_1,1 and the update W(1)_1,1 new, which
    // follow-through recomputes from the student's own ∂L/∂W(1)_1,1.
    let ex = catalog::find("backprop", 5).unwrap();
    let asked = Target::example(ex, &[]).unwrap().asked;
    // It also writes a(2)_3, a quantity of the example the sheet no longer
    // asks by default (δ(2)_3 = a(2)_3 − t_3 is asked); check grades it too.
    let mut downstream: Vec<&str> = asked
        .iter()
        .map(String::as_str)
        .filter(|n| !n.starts_with("a(1)_"))
        .collect();
    downstream.push("a(2)_3");
    assert_eq!(downstream.len(), 11, "{asked:?}");
    let mut got = credited(&v);
    got.sort();
    let mut want = downstream.clone();
    want.sort();
    assert_eq!(got, want, "{toml}");
    let code = |n: &str| v.iter().find(|x| x.0 == n).map(|x| x.1);
    assert_eq!(code("a(1)_1"), Some(Code::Wrong));
    assert_eq!(code("a(1)_2"), Some(Code::Right));
    // The same answers are not right in themselves: without the policy
    // every downstream one is wrong.
    let v = followed("backprop", 5, &toml, false);
    assert!(downstream.iter().all(|n| code_of(&v, n) == Code::Wrong));
    // Wrong on its own: δ(2)_1 off by 0.1 from the student's a(2)_1, and
    // δ(1)_2 with the sign of their δ(2)_3 flipped, earn nothing.
    let toml = toml
        .replace(
            &format!("\"delta(2)_1\" = {:.4}", d2[0]),
            &format!("\"delta(2)_1\" = {:.4}", d2[0] + 0.1),
        )
        .replace(
            &format!("\"delta(1)_2\" = {:.4}", d1[1]),
            &format!("\"delta(1)_2\" = {:.4}", d2[1] - d2[2]),
        );
    let v = followed("backprop", 5, &toml, true);
    assert_eq!(code_of(&v, "delta(2)_1"), Code::Wrong);
    assert_eq!(code_of(&v, "delta(1)_2"), Code::Wrong);
    assert!(!credited(&v).contains(&"delta(2)_1"));
    assert!(!credited(&v).contains(&"delta(1)_2"));
}

fn code_of(v: &[(String, Code, Option<Credit>)], name: &str) -> Code {
    v.iter().find(|x| x.0 == name).map(|x| x.1).expect(name)
}
