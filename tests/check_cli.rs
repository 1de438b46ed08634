//! `nn-tutor check` on the real binary, as a student, a script and an
//! instructor use it (issue 13): unanswered quantities, the sheet's
//! precision rule, step rounding and truncation, exit statuses, machine
//! codes in JSON, sheet-bound answers files, the grading policy, and
//! checking a `graph` program or a `net` spec.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{assert_fails, bin};

/// A file in this test run's own temporary folder.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nn-tutor-check-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn check(args: &[&str], answers: &PathBuf) -> Output {
    bin().arg("check").args(args).arg(answers).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `check --format json`: the verdict of `name` in problem `k`.
fn verdict(v: &serde_json::Value, k: usize, name: &str) -> serde_json::Value {
    v["problems"][k]["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == name)
        .unwrap_or_else(|| panic!("no verdict for {name}: {v}"))
        .clone()
}

/// `check` against a = σ(z) at z = 3 (σ(3) = 0.952574…), in JSON.
const SIGMA3: [&str; 6] = [
    "--expr",
    "a = sigmoid(z)",
    "--at",
    "z=3",
    "--format",
    "json",
];

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

/// (code, slip) of `name` in a one-problem JSON answer.
fn codes(v: &serde_json::Value, name: &str) -> (String, String) {
    let x = verdict(v, 0, name);
    let s = |k: &str| x[k].as_str().unwrap_or("-").to_string();
    (s("code"), s("slip"))
}

#[test]
fn unanswered_quantities_are_listed_and_fail() {
    // backprop/1 asks f, q and four gradients; only f answered (wrongly).
    let a = file("only-f.toml", "f = -16\n");
    let out = check(&["backprop", "-e", "1"], &a);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(!text.contains("All 1 answers are right"), "{text}");
    assert!(
        text.contains("Unanswered (5): `q`, `df/dz`, `df/dq`, `df/dy`, `df/dx`."),
        "{text}"
    );
    assert!(text.contains("Score: 0 of 6 points."), "{text}");
    // One right answer and nothing else: still exit 1, 1 of 6 points.
    let a = file("only-dx.toml", "\"df/dx\" = -4\n");
    let out = check(&["backprop", "-e", "1"], &a);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("Score: 1 of 6 points."));
    // A template's "" is unanswered too.
    let a = file("blank.toml", "f = -12\nq = \"\"\n");
    let v = json(&check(&["backprop", "-e", "1", "--format", "json"], &a));
    assert_eq!(codes(&v, "q").0, "unanswered");
    assert_eq!(codes(&v, "f").0, "right");
}

#[test]
fn unicode_minus_unquoted_keys_and_unknown_names() {
    // backprop/1: f = -12, ∂f/∂x = -4 written with U+2212, bare and quoted.
    let a = file("minus.toml", "f = \u{2212}12\n\"df/dx\" = \"\u{2212}4\"\n");
    let v = json(&check(&["backprop", "-e", "1", "--format", "json"], &a));
    assert_eq!(codes(&v, "f").0, "right");
    assert_eq!(codes(&v, "df/dx").0, "right");
    // `df/dx = 3` is not TOML: the error says to quote the name.
    let a = file("unquoted.toml", "f = -12\ndf/dx = 3\n");
    assert_fails(
        &check(&["backprop", "-e", "1"], &a),
        2,
        &["unquoted.toml:2", "put the name in quotes: \"df/dx\" = 3"],
        "unquoted key",
    );
    // A misspelt name is reported as unknown; the rest is graded.
    let a = file("misspelt.toml", "f = -12\n\"df/dxx\" = -4\n");
    let out = check(&["backprop", "-e", "1", "--format", "json"], &a);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(codes(&v, "df/dxx").0, "unknown");
    assert_eq!(codes(&v, "f").0, "right");
    assert_eq!(v["problems"][0]["unknown"], serde_json::json!(["df/dxx"]));
}

#[test]
fn exit_status_two_for_unusable_input() {
    assert_fails(
        &run(&["check", "backprop", "-e", "1", "/nonexistent/answers.toml"]),
        2,
        &["/nonexistent/answers.toml", "cannot read it"],
        "missing file",
    );
    let a = file("not-toml.toml", "this is not = = toml\n");
    assert_fails(
        &check(&["backprop", "-e", "1"], &a),
        2,
        &["not-toml.toml:1"],
        "not TOML",
    );
    let dir = std::env::temp_dir();
    assert_fails(
        &run(&["check", "backprop", "-e", "1", dir.to_str().unwrap()]),
        2,
        &["is a folder"],
        "a folder",
    );
    // A legacy file without its topic, and a topic without its file.
    let a = file("legacy.toml", "f = -12\n");
    assert_fails(
        &check(&[], &a),
        2,
        &["names no sheet", "--example"],
        "no topic",
    );
    assert_fails(&run(&["check", "backprop"]), 2, &["is a topic"], "no file");
}

#[test]
fn forgetting_set_says_the_defaults_were_used() {
    let a = file("defaults.toml", "f = -12\n");
    let text = stdout(&check(&["backprop", "-e", "1"], &a));
    assert!(
        text.contains("Checked against the deck's default inputs") && text.contains("pass --set"),
        "{text}"
    );
    // With the sheet's --set there is no such note.
    let text = stdout(&check(
        &["backprop", "-e", "1", "--set", "x=-1,y=-5,z=1/4"],
        &a,
    ));
    assert!(!text.contains("default inputs"), "{text}");
}

#[test]
fn the_sheets_precision_rule() {
    // σ(3) = 0.952574…: 0.9526 right, 1.0 and 0.95 too few decimals.
    let expr = SIGMA3;
    for (given, code, slip) in [
        ("0.9526", "right", "-"),
        ("0.952574", "right", "-"),
        ("1.0", "wrong", "too_few_decimals"),
        ("0.95", "wrong", "too_few_decimals"),
        ("0.9525", "wrong", "truncated"),
    ] {
        let a = file("sigma3.toml", &format!("a = {given}\n"));
        let v = json(&check(&expr, &a));
        assert_eq!(codes(&v, "a"), (code.into(), slip.into()), "a = {given}");
    }
    // -17/4 = -4.25 exactly: -4.25 and "-17/4" right; -4.3 and -4.2 (the
    // value to 1 place, a tie) too few decimals.
    let expr = ["--expr", "f = x/4", "--at", "x=-17", "--format", "json"];
    for (given, code) in [
        ("-4.25", "right"),
        ("\"-17/4\"", "right"),
        ("-4.3", "wrong"),
        ("-4.2", "wrong"),
    ] {
        let a = file("quarter.toml", &format!("f = {given}\n"));
        assert_eq!(codes(&json(&check(&expr, &a)), "f").0, code, "f = {given}");
    }
    // -0.00091 to 4 places is -0.0009; 0.0 is too few decimals, not a sign flip.
    let expr = [
        "--expr",
        "f = x/100000",
        "--at",
        "x=-91",
        "--format",
        "json",
    ];
    let a = file("tiny.toml", "f = 0.0\n");
    assert_eq!(
        codes(&json(&check(&expr, &a)), "f"),
        ("wrong".into(), "too_few_decimals".into())
    );
    // e = 2.718282: 2.7182 is cut off, not rounded (2.7183).
    let expr = ["--expr", "f = exp(x)", "--at", "x=1", "--format", "json"];
    let a = file("e.toml", "f = 2.7182\n");
    assert_eq!(
        codes(&json(&check(&expr, &a)), "f"),
        ("wrong".into(), "truncated".into())
    );
}

/// backprop/2 at its defaults by hand, every intermediate rounded to 2
/// decimals (as `explain backprop -e 2 --round-each 2` shows): σ(1) → 0.73,
/// local σ' = 0.73·0.27 = 0.1971 → 0.20, ∂f/∂x0 = 0.20·w0 = 0.40,
/// ∂f/∂w1 = 0.20·x1 = -0.40, ∂f/∂x1 = 0.20·w1 = -0.60; exact 0.393224,
/// -0.393224, -0.589836. To 4 decimals: e = e⁻¹ → 0.3679, d = 1.3679,
/// f = 1/1.3679 = 0.731047… → 0.7310, where the exact f = 0.731059 rounds to
/// 0.7311 (tests/independent/check_rounding.py recomputes both).
#[test]
fn values_rounded_at_every_step() {
    let a = file(
        "stepped.toml",
        "\"df/dx0\" = 0.40\n\"df/dw1\" = -0.40\n\"df/dx1\" = -0.60\nf = 0.7310\n",
    );
    let graded = |extra: &[&str]| {
        let mut all = vec!["backprop", "-e", "2", "--format", "json"];
        all.extend(extra);
        json(&check(&all, &a))
    };
    let v = graded(&[]);
    for q in ["df/dx0", "df/dw1", "df/dx1"] {
        assert_eq!(codes(&v, q), ("wrong".into(), "step_rounded".into()), "{q}");
    }
    // 4 decimals rounded at every step is what the sheet's rule gives: right.
    assert_eq!(verdict(&v, 0, "f")["credit"], "step_rounded");
    // Still wrong within ±0.01 (|-0.60 - -0.589836| > 0.01), the slip named.
    let v = graded(&["--tolerance", "0.01"]);
    assert_eq!(codes(&v, "df/dx1"), ("wrong".into(), "step_rounded".into()));
    assert_eq!(codes(&v, "df/dx0").0, "right");
    // Allowed by the policy: right.
    let v = graded(&["--round-each", "2"]);
    for q in ["df/dx0", "df/dw1", "df/dx1"] {
        assert_eq!(verdict(&v, 0, q)["credit"], "step_rounded", "{q}");
    }
}

#[test]
fn json_carries_machine_codes_points_and_a_score() {
    // One slip per example, each planted as the existing unit tests derive it.
    let cases: [(&[&str], &str, &str, &str); 5] = [
        // backprop/1: ∂f/∂x = -4, answered 4.
        (
            &["backprop", "-e", "1"],
            "\"df/dx\" = 4\n",
            "df/dx",
            "sign_flip",
        ),
        // autodiff/2 at (2, 3): ∂f/∂x = 15 + 6; 15 is the path through u only.
        (
            &["autodiff", "-e", "2"],
            "\"df/dx\" = 15\n",
            "df/dx",
            "paths_not_summed",
        ),
        // chain-rule/2: ∂y/∂f4 = σ'(f4); 1 leaves σ' out.
        (
            &["chain-rule", "-e", "2"],
            "\"dy/df4\" = 1\n",
            "dy/df4",
            "missing_activation_derivative",
        ),
        // neuron/1: z = 1/2, a = σ(1/2); 0.5 is z.
        (&["neuron", "-e", "1"], "a = 0.5\n", "a", "z_for_a"),
        // forward/1: z(1)_1 = 1/4, with Wᵀ it is 9/4.
        (
            &["forward", "-e", "1"],
            "\"z(1)_1\" = \"9/4\"\n",
            "z(1)_1",
            "transposed_w",
        ),
    ];
    for (args, toml, name, slip) in cases {
        let a = file("slip.toml", toml);
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let out = check(&all, &a);
        assert_eq!(out.status.code(), Some(1));
        let v = json(&out);
        assert_eq!(codes(&v, name), ("wrong".into(), slip.into()), "{args:?}");
        let x = verdict(&v, 0, name);
        assert_eq!(
            (
                x["points"]["exact"].as_str(),
                x["max_points"]["exact"].as_str()
            ),
            (Some("0"), Some("1"))
        );
    }
    // Points and score: 2 of backprop/1's 6 right, ∂f/∂x worth 3 → 2/8.
    let a = file("score.toml", "f = -12\nq = 3\n");
    let v = json(&check(
        &[
            "backprop",
            "-e",
            "1",
            "--format",
            "json",
            "--points-for",
            "df/dx=3",
        ],
        &a,
    ));
    assert_eq!(v["problems"][0]["points"]["exact"], "2");
    assert_eq!(v["problems"][0]["max_points"]["exact"], "8");
    assert_eq!(v["score"]["exact"], "1/4");
    assert_eq!(v["results"]["unanswered"]["exact"], "4");
    // No display strings as codes: every code is one of the four.
    for x in v["problems"][0]["verdicts"].as_array().unwrap() {
        let c = x["code"].as_str().unwrap();
        assert!(
            ["right", "wrong", "unanswered", "unknown"].contains(&c),
            "{c}"
        );
    }
}

#[test]
fn a_sheet_bound_file_grades_every_problem() {
    // backprop/1 at (-1, -5, 1/4): q = -6, f = -3/2, ∂f/∂z = -6, the rest 1/4.
    // neuron/1 at its defaults: z = 1/2 (see neuron/1), a left blank.
    let sheet = "student = \"s001\"\nseed = 4711\n\n\
        [[problem]]\nnumber = 1\nexample = \"backprop/1\"\nset = \"x=-1,y=-5,z=1/4\"\n\
        [problem.answers]\nq = -6\nf = \"\u{2212}3/2\"\n\"df/dz\" = -6\n\"df/dq\" = 0.25\n\"df/dy\" = \"1/4\"\n\"df/dx\" = 0.2500\n\n\
        [[problem]]\nnumber = 2\nexample = \"backprop/1\"\nset = \"x=1,y=2,z=3\"\n\
        [problem.answers]\nq = 3\nf = \"\"\n";
    let a = file("sheet.toml", sheet);
    let out = check(&[], &a);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("Problem 1: backprop/1") && text.contains("Problem 2: backprop/1"),
        "{text}"
    );
    assert!(
        text.contains("Total: 7 of 12 points over 2 problems."),
        "{text}"
    );
    let v = json(&check(&["--format", "json"], &a));
    assert_eq!(v["problems"][0]["points"]["exact"], "6");
    assert_eq!(v["problems"][1]["unanswered"].as_array().unwrap().len(), 5);
    assert_eq!(v["problems"][1]["inputs"]["z"]["exact"], "3");
    // The file names its inputs: --set is refused, and so is a topic.
    assert_fails(&check(&["--set", "x=1"], &a), 2, &["drop --set"], "--set");
    assert_fails(
        &check(&["backprop", "-e", "1"], &a),
        2,
        &["names its problems"],
        "topic",
    );
    // A problem without answers is all unanswered; a bad problem is named.
    let blank = "[[problem]]\nexample = \"backprop/1\"\nset = \"x=1,y=2,z=3\"\n";
    let v = json(&check(
        &["--format", "json"],
        &file("blank-sheet.toml", blank),
    ));
    assert_eq!(v["problems"][0]["unanswered"].as_array().unwrap().len(), 6);
    let bad = "[[problem]]\nnumber = 3\nexample = \"backprop/1\"\nset = \"x=abc\"\n";
    assert_fails(
        &check(&[], &file("bad-sheet.toml", bad)),
        2,
        &["problem 3 (backprop/1)", "abc"],
        "bad set",
    );
    assert_fails(
        &check(&[], &file("no-problems.toml", "problem = []\n")),
        2,
        &["no answers"],
        "empty",
    );
    // All right: exit 0.
    let right = "[[problem]]\nexample = \"backprop/1\"\nset = \"x=1,y=2,z=3\"\n[problem.answers]\n\
        q = 3\nf = 9\n\"df/dz\" = 3\n\"df/dq\" = 3\n\"df/dy\" = 3\n\"df/dx\" = 3\n";
    let out = check(&[], &file("right-sheet.toml", right));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn the_policy_from_flags_and_a_file() {
    // σ(3) = 0.952574 to 2 places is 0.95: right with --decimals 2 or a
    // [policy] table, and right within a 1 % relative tolerance.
    let a = file("p.toml", "a = 0.95\n");
    let expr = SIGMA3;
    let with = |extra: &[&str]| {
        let mut all = expr.to_vec();
        all.extend(extra);
        codes(&json(&check(&all, &a)), "a").0
    };
    assert_eq!(with(&[]), "wrong");
    assert_eq!(with(&["--decimals", "2"]), "right");
    assert_eq!(with(&["--significant", "2"]), "right");
    assert_eq!(with(&["--rel-tolerance", "0.01"]), "right");
    let policy = file("policy.toml", "[policy]\ndecimals = 2\npoints = 2\n");
    assert_eq!(with(&["--policy", policy.to_str().unwrap()]), "right");
    let mut all = expr.to_vec();
    all.extend(["--policy", policy.to_str().unwrap()]);
    let v = json(&check(&all, &a));
    assert_eq!(verdict(&v, 0, "a")["points"]["exact"], "2");
    // In the answers file itself, and a bad key named.
    let inline = file("inline.toml", "a = 0.95\n[policy]\ndecimals = 2\n");
    assert_eq!(codes(&json(&check(&expr, &inline)), "a").0, "right");
    let bad = file("bad-policy.toml", "a = 0.95\n[policy]\ndecimal = 2\n");
    assert_fails(
        &check(&expr, &bad),
        2,
        &["[policy]", "decimal"],
        "bad policy key",
    );
}

#[test]
fn check_a_graph_program_or_a_net_spec() {
    // q = x + y = 3, f = q·z = -12 at (-2, 5, -4). A student's q = 4 carries
    // into f = 4·(-4) = -16 and ∂f/∂z = q = 4.
    let a = file(
        "expr.toml",
        "q = 4\nf = -16\n\"df/dz\" = 4\n\"df/dq\" = -4\n",
    );
    let args = [
        "--expr",
        "q = x + y; f = q * z",
        "--at",
        "x=-2,y=5,z=-4",
        "--format",
        "json",
    ];
    let v = json(&check(&args, &a));
    assert_eq!(codes(&v, "q").0, "wrong");
    assert_eq!(codes(&v, "f"), ("wrong".into(), "carried_forward".into()));
    assert_eq!(
        codes(&v, "df/dz"),
        ("wrong".into(), "carried_forward".into())
    );
    assert_eq!(codes(&v, "df/dq").0, "right");
    let mut ft = args.to_vec();
    ft.push("--follow-through");
    let v = json(&check(&ft, &a));
    assert_eq!(verdict(&v, 0, "f")["credit"], "follow_through");
    assert_eq!(verdict(&v, 0, "df/dz")["credit"], "follow_through");
    assert_eq!(codes(&v, "q").0, "wrong");
    // A net spec: specs/two-layer.toml has z(1)_1 = 1/4 (shown by `net`).
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/two-layer.toml");
    let a = file("net.toml", "\"z(1)_1\" = \"1/4\"\n\"a(1)_1\" = 0.25\n");
    let v = json(&check(&["--net", spec, "--format", "json"], &a));
    assert_eq!(codes(&v, "z(1)_1").0, "right");
    assert_eq!(codes(&v, "a(1)_1"), ("wrong".into(), "z_for_a".into()));
    assert_eq!(v["problems"][0]["example"], "net");
    // Layer 1 is a sigmoid (a(1)_1 = σ(1/4) = 0.562177): a student's wrong
    // z(1)_1 = 0.5 carries into a(1)_1 = σ(0.5) = 0.622459 → 0.6225.
    let a = file(
        "net-carried.toml",
        "\"z(1)_1\" = 0.5\n\"a(1)_1\" = 0.6225\n",
    );
    let v = json(&check(&["--net", spec, "--format", "json"], &a));
    assert_eq!(
        codes(&v, "a(1)_1"),
        ("wrong".into(), "carried_forward".into())
    );
    let v = json(&check(
        &["--net", spec, "--format", "json", "--follow-through"],
        &a,
    ));
    assert_eq!(verdict(&v, 0, "a(1)_1")["credit"], "follow_through");
}

#[test]
fn follow_through_a_net_spec_backward() {
    // specs/two-layer.toml: x = (1, 2), W(1) = [[1/2, −1/4], [−1, 1/4]],
    // b(1) = (1/4, −1/4), W(2) = [[1, −1/2]], b(2) = 1/8, sigmoid layers,
    // half-SSE against t = 1; z(1) = (1/4, −3/4). A student writes z for a
    // in a(1)_1 = 0.25 (σ(1/4) = 0.5622) and goes on correctly from the
    // values they wrote, each to 4 decimals, recomputed here by hand in f64
    // (σ'(z) = σ(z)(1 − σ(z)) at the student's z, as the engine takes it):
    // z(2) = a(1)_1 − a(1)_2/2 + 1/8, a(2) = σ(z(2)), L = (a(2) − 1)²/2,
    // δ(2) = σ'(z(2))(a(2) − 1), ∂L/∂W(2) = δ(2) a(1)ᵀ, ∂L/∂b(2) = δ(2),
    // δ(1) = σ'(z(1)) ⊙ W(2)ᵀ δ(2), ∂L/∂W(1) = δ(1) xᵀ, ∂L/∂b(1) = δ(1).
    let r4 = |v: f64| (v * 1e4).round() / 1e4;
    let sig = |z: f64| 1.0 / (1.0 + (-z).exp());
    let dsig = |z: f64| sig(z) * (1.0 - sig(z));
    let (z11, z12, a11) = (0.25, -0.75, 0.25);
    let a12 = r4(sig(z12));
    let z21 = r4(a11 - 0.5 * a12 + 0.125);
    let a21 = r4(sig(z21));
    let loss = r4(0.5 * (a21 - 1.0) * (a21 - 1.0));
    let d2 = r4(dsig(z21) * (a21 - 1.0));
    let d1 = [r4(dsig(z11) * d2), r4(dsig(z12) * -0.5 * d2)];
    let mut rows = vec![
        ("z(1)_1".to_string(), "\"1/4\"".to_string()),
        ("z(1)_2".into(), "\"-3/4\"".into()),
        ("a(1)_1".into(), "0.25".into()),
        ("a(1)_2".into(), format!("{a12:.4}")),
    ];
    let downstream: Vec<(String, f64)> = vec![
        ("z(2)_1".into(), z21),
        ("a(2)_1".into(), a21),
        ("loss".into(), loss),
        ("delta(2)_1".into(), d2),
        ("dL/dW(2)_1,1".into(), r4(d2 * a11)),
        ("dL/dW(2)_1,2".into(), r4(d2 * a12)),
        ("dL/db(2)_1".into(), d2),
        ("delta(1)_1".into(), d1[0]),
        ("delta(1)_2".into(), d1[1]),
        ("dL/dW(1)_1,1".into(), d1[0]),
        ("dL/dW(1)_1,2".into(), r4(2.0 * d1[0])),
        ("dL/dW(1)_2,1".into(), d1[1]),
        ("dL/dW(1)_2,2".into(), r4(2.0 * d1[1])),
        ("dL/db(1)_1".into(), d1[0]),
        ("dL/db(1)_2".into(), d1[1]),
    ];
    rows.extend(
        downstream
            .iter()
            .map(|(n, v)| (n.clone(), format!("{v:.4}"))),
    );
    let toml: String = rows
        .iter()
        .map(|(n, v)| format!("\"{n}\" = {v}\n"))
        .collect();
    let a = file("net-follow.toml", &toml);
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/two-layer.toml");
    let args = ["--net", spec, "--format", "json", "--follow-through"];
    let v = json(&check(&args, &a));
    let credited = |v: &serde_json::Value| -> Vec<String> {
        v["problems"][0]["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["credit"] == "follow_through")
            .map(|x| x["name"].as_str().unwrap().to_string())
            .collect()
    };
    let mut got = credited(&v);
    got.sort();
    let mut want: Vec<String> = downstream.iter().map(|(n, _)| n.clone()).collect();
    want.sort();
    assert_eq!(got, want, "{toml}");
    assert_eq!(codes(&v, "a(1)_1").0, "wrong");
    // In computation order the loss comes from a(2), before any δ (`net`
    // lists it first).
    let names: Vec<&str> = v["problems"][0]["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
    assert!(
        at("a(2)_1") < at("loss") && at("loss") < at("delta(2)_1"),
        "{names:?}"
    );
    for n in ["z(1)_1", "z(1)_2", "a(1)_2"] {
        assert_eq!(codes(&v, n).0, "right", "{n}");
    }
    // Without the policy the same values are wrong, each named as carried
    // forward.
    let v = json(&check(&args[..4], &a));
    for (n, _) in &downstream {
        assert_eq!(
            codes(&v, n),
            ("wrong".into(), "carried_forward".into()),
            "{n}"
        );
    }
    // A loss without the ½ of half-SSE is wrong on its own: no credit.
    let twice = toml.replace(
        &format!("\"loss\" = {loss:.4}"),
        &format!("\"loss\" = {:.4}", r4((a21 - 1.0) * (a21 - 1.0))),
    );
    let v = json(&check(&args, &file("net-follow-2.toml", &twice)));
    assert_eq!(verdict(&v, 0, "loss")["code"], "wrong");
    assert!(!credited(&v).contains(&"loss".to_string()));
}

#[test]
fn chinese_report() {
    let a = file("zh.toml", "f = -16\n");
    let out = check(&["backprop", "-e", "1", "--lang", "zh"], &a);
    let text = stdout(&out);
    assert!(
        text.contains("未作答 (5 个)") && text.contains("得分: 0 分，满分 6 分。"),
        "{text}"
    );
    assert!(!text.contains("Unanswered"), "{text}");
}
