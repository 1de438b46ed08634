//! The real binary: outputs, exit codes and error messages.

mod common;

use std::io::Read;
use std::process::{Command, Output, Stdio};

use common::json;
use insta_cmd::assert_cmd_snapshot;

/// The binary with colour off, as the snapshots show it.
fn bin() -> Command {
    let mut c = common::bin();
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// Assert a failure: the exit status, a phrase stderr must contain, no panic,
/// and nothing on stdout.
fn fails(full: &[&str], code: i32, phrase: &str) {
    let out = run(full);
    // Messages show arguments cut to 80 characters.
    let args: Vec<String> = full.iter().map(|a| a.chars().take(80).collect()).collect();
    common::assert_fails(&out, code, &[phrase], &format!("{args:?}"));
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout on error");
}

#[test]
fn explain_backprop_example_1() {
    assert_cmd_snapshot!(bin().args(["explain", "backprop", "--example", "1"]));
}

#[test]
fn explain_with_set_and_json() {
    let out = run(&[
        "explain",
        "backprop",
        "--example",
        "1",
        "--set",
        "x=3",
        "--format",
        "json",
    ]);
    let v = json(&out);
    // x = 3: q = 8, f = -32, ∂f/∂z = q = 8
    assert_eq!(v["results"]["f"]["exact"], "-32");
    assert_eq!(v["results"]["df/dz"]["exact"], "8");
    assert_eq!(v["results"]["df/dz"]["float"], 8.0);
    assert_eq!(v["inputs"]["x"]["exact"], "3");
    assert_eq!(v["id"], "backprop/1");
}

/// gradient-descent/2's J after 3 steps at α = 1/100 is
/// 466945159207571/34171875000000 = 13.66460…: a 29-digit fraction is shown
/// as its decimal, whole with --exact-long, and always whole in the JSON.
#[test]
fn long_fractions_are_decimals_unless_asked_for_whole() {
    let whole = "466945159207571/34171875000000";
    let text = |args: &[&str]| String::from_utf8(run(args).stdout).expect("UTF-8");
    let short = text(&["explain", "gradient-descent/2"]);
    assert!(
        short.contains("≈13.6646") && !short.contains(whole),
        "{short}"
    );
    // 12 digits stay a fraction: 1476179/67500 after one step
    assert!(short.contains("1476179/67500 (≈21.8693)"), "{short}");
    let long = text(&["explain", "gradient-descent/2", "--exact-long"]);
    assert!(long.contains(&format!("{whole} (≈13.6646)")), "{long}");
    let md = text(&["explain", "gradient-descent/2", "--format", "markdown"]);
    assert!(
        md.contains(&format!("<span title=\"exact: {whole}\">≈13.6646</span>")),
        "{md}"
    );
    let v = json(&run(&["explain", "gradient-descent/2", "--format", "json"]));
    assert!(v.to_string().contains(whole));
}

/// Prose follows the same rule: gradient-descent/1's J after 3 steps is
/// 44576/34171875 (13 digits) = 0.0013044571…, written into its sentence by
/// the renderer, not baked into the text.
#[test]
fn a_long_fraction_in_prose_is_its_decimal_unless_asked_for_whole() {
    let whole = "44576/34171875";
    let text = |args: &[&str]| String::from_utf8(run(args).stdout).expect("UTF-8");
    let short = text(&["explain", "gradient-descent/1"]);
    assert!(short.contains("After 3 steps J ≈ 0.00130446;"), "{short}");
    assert!(!short.contains(whole), "{short}");
    let long = text(&["explain", "gradient-descent/1", "--exact-long"]);
    assert!(
        long.contains(&format!("After 3 steps J = {whole} (≈0.00130446);")),
        "{long}"
    );
    let md = text(&["explain", "gradient-descent/1", "--format", "markdown"]);
    assert!(
        md.contains(&format!(
            "J <span title=\"exact: {whole}\">≈ 0.00130446</span>;"
        )),
        "{md}"
    );
    let zh = text(&["explain", "gradient-descent/1", "--lang", "zh"]);
    assert!(zh.contains("3 步之后 J ≈ 0.00130446；"), "{zh}");
    let v = json(&run(&["explain", "gradient-descent/1", "--format", "json"]));
    assert!(
        v.to_string()
            .contains(&format!("After 3 steps J = {whole}"))
    );
}

#[test]
fn graph_command_matches_the_example() {
    // The same circuit typed by hand gives the catalog's numbers.
    let out = run(&[
        "graph",
        "q = x + y; f = q * z",
        "--at",
        "x=-2,y=5,z=-4",
        "--format",
        "json",
    ]);
    let v = json(&out);
    for (k, want) in [
        ("f", "-12"),
        ("df/dx", "-4"),
        ("df/dy", "-4"),
        ("df/dz", "3"),
        ("df/dq", "-4"),
    ] {
        assert_eq!(v["results"][k]["exact"], want, "{k}");
    }
}

#[test]
fn graph_diagrams() {
    let dot = run(&[
        "graph",
        "(x + y) * z",
        "--at",
        "x=-2,y=5,z=-4",
        "--diagram",
        "dot",
    ]);
    let dot = String::from_utf8(dot.stdout).unwrap();
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("= -12"), "{dot}");
    let svg = run(&[
        "graph",
        "(x + y) * z",
        "--at",
        "x=-2,y=5,z=-4",
        "--diagram",
        "svg",
    ]);
    let svg = String::from_utf8(svg.stdout).unwrap();
    // f = −12 in the node, signed with the true minus as the book writes it
    assert!(svg.contains("<svg") && svg.contains("= −12"), "{svg}");
    let text = run(&[
        "graph",
        "(x + y) * z",
        "--at",
        "x=-2,y=5,z=-4",
        "--diagram",
        "text",
    ]);
    assert_cmd_snapshot!(
        "text_diagram",
        bin().args([
            "graph",
            "(x + y) * z",
            "--at",
            "x=-2,y=5,z=-4",
            "--diagram",
            "text"
        ])
    );
    assert!(text.status.success());
}

#[test]
fn listing_and_topics() {
    let out = run(&["list"]);
    let s = String::from_utf8(out.stdout).unwrap();
    for id in ["backprop/1", "autodiff/1", "chain-rule/1"] {
        assert!(s.contains(id), "{s}");
    }
    let out = run(&["explain", "autodiff"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("autodiff/2") && !s.contains("backprop/1"), "{s}");
}

#[test]
fn completions_and_help() {
    let out = run(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("nn-tutor"));
    let out = run(&["graph", "--help"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("sigmoid") && s.contains("Examples"), "{s}");
    // Every command's help ends with a worked example to copy.
    for cmd in [
        "list",
        "explain",
        "graph",
        "net",
        "exercise",
        "check",
        "book",
        "train",
        "completions",
    ] {
        let out = run(&[cmd, "--help"]);
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(
            s.contains("Example") && s.contains(&format!("nn-tutor {cmd}")),
            "{cmd} --help has no example:\n{s}"
        );
    }
}

/// A constant has nothing to differentiate: the report says so instead of
/// ending on an empty "Result (exact): " line.
#[test]
fn a_constant_says_it_has_no_gradients() {
    let out = run(&["graph", "2^3^2"]);
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("No variables: f = 512 is a constant, so it has no gradients."),
        "{s}"
    );
    assert!(!s.contains("Result (exact): \n"), "{s}");
}

/// A power of a negative number with a constant whole exponent has a value
/// and a derivative: x^(-1) at x = -3 is -1/3, ∂f/∂x = -x^(-2) = -1/9. It
/// used to fail with "ln is undefined at -3", a ln the student never wrote.
/// Along a variable exponent the slope does not exist: the report says
/// which gradient and why, and keeps the rest (x^y at x = -2, y = 3:
/// f = -8, ∂f/∂x = 3·(-2)² = 12).
#[test]
fn powers_of_negative_numbers() {
    for expr in ["x^(-1)", "x^-1"] {
        let out = run(&["graph", expr, "--at", "x=-3"]);
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{expr}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(s.contains("| -1/3 (≈-0.333333) |"), "{s}");
        assert!(
            s.contains("Result (exact): ∂f/∂x = -1/9 (≈-0.111111)"),
            "{s}"
        );
    }
    let out = run(&["graph", "x^y", "--at", "x=-2,y=3"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.contains("Result (exact): ∂f/∂x = 12"), "{s}");
    assert!(
        s.contains("No gradient ∂f/∂y: the base of x^y is x = -2, and a negative number"),
        "{s}"
    );
    assert!(!s.contains("ln is undefined"), "{s}");
    let out = run(&["graph", "x^y", "--at", "x=0,y=2"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("Result (exact): ∂f/∂x = 0, ∂f/∂y = 0"), "{s}");
}

/// softmax/1 with a large negative shift: exp(a_k - 1000) underflows to 0
/// (e^-745 is below the smallest f64), so the direct form is 0/0. It used
/// to fail with "division by zero at node ``"; the table now shows the
/// underflow beside the subtract-the-max form, which still gives
/// e^0.3 / (e^0.3 + e^2.9 + e^4) = 0.0182113.
#[test]
fn softmax_underflow_is_shown_not_an_error() {
    let out = run(&["explain", "softmax", "-e", "1", "--set", "shift=-1000"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(s.contains("exp(a_k) underflows to 0 in f64"), "{s}");
    assert!(
        s.contains(
            "| 1 | -9997/10 (-999.7) | 0        | 0/0: NaN         | 0.0247235    | 0.0182113 "
        ),
        "{s}"
    );
}

/// dying-relu/1 with outlier = 0: the step changes nothing (w1 = 1, b1 = 0),
/// so z = x > 0 on every sample and the unit is alive. The report used to
/// claim "z < 0 on every training sample" and "gradient exactly 0 in every
/// epoch (NOT in all epochs)".
#[test]
fn a_small_outlier_does_not_claim_a_dead_relu() {
    let out = run(&["explain", "dying-relu", "-e", "1", "--set", "outlier=0"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        s.contains("is still > 0 on some training sample (max z = 2)"),
        "{s}"
    );
    assert!(s.contains("ReLU: the unit is not dead"), "{s}");
    assert!(!s.contains("< 0 on every training sample"), "{s}");
    assert!(!s.contains("exactly 0 in every epoch"), "{s}");
}

/// gradient-descent/2's "too large" sentence is general; with a large rate
/// below 2/λ_max (λ_max = (2/3)(17 + √265)/2 ≈ 11.0929, 2/λ_max ≈ 0.1803)
/// the column converges, and the report now says so.
#[test]
fn a_large_rate_that_converges_is_named() {
    let out = run(&[
        "explain",
        "gradient-descent",
        "-e",
        "2",
        "--set",
        "large=0.11",
    ]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains(
            "Here the large rate α = 11/100 (0.11) is below 2/λ_max ≈ 0.1803, so it still converges"
        ),
        "{s}"
    );
    let out = run(&["explain", "gradient-descent", "-e", "2"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Here the large rate"));
}

/// vanishing/2 with gain 1/2: each layer multiplies δ by about 1/2, so
/// ‖δ(1)‖/‖δ(L)‖ ≈ (1/2)^10 ≈ 9.8e-4. The report used to call these
/// gradients "all huge" and say "training blows up".
#[test]
fn a_gain_below_one_does_not_claim_an_explosion() {
    let out = run(&["explain", "vanishing", "-e", "2", "--set", "gain=1/2"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(s.contains("With |gain| ≤ 1 nothing explodes"), "{s}");
    assert!(!s.contains("all huge"), "{s}");
    assert!(!s.contains("blows up"), "{s}");
}

/// neuron/3 with lr = 10: one step takes z = 10.5·2 + 4 = 25, L = -ln σ(25)
/// ≈ 1.39e-11, and later steps change L by less than f64 resolves. That is
/// convergence; the report used to blame "a learning rate too large".
#[test]
fn a_converged_loss_is_not_called_too_large_a_rate() {
    let out = run(&["explain", "neuron", "-e", "3", "--set", "lr=10"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("The loss falls from step to step."), "{s}");
    // A rising loss (gradient ascent) still gets the warning.
    let out = run(&["explain", "neuron", "-e", "3", "--set", "lr=-1"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("The loss does not fall"), "{s}");
}

/// init/2 shows the first, middle (depth/2 + 1) and last layer; with depth 2
/// that is layers 1, 2, 2, and the table used to show "layer 2" twice.
#[test]
fn init_2_shows_each_layer_once() {
    let out = run(&["explain", "init", "-e", "2", "--set", "depth=2"]);
    let s = String::from_utf8_lossy(&out.stdout);
    let header = s
        .lines()
        .find(|l| l.starts_with("| scheme") && l.contains("activation"))
        .expect("the spread table");
    assert_eq!(header.matches("layer 2").count(), 1, "{header}");
    assert!(header.contains("layer 1"), "{header}");
}

/// xor/3 with 2 hidden units and seed 1 gets stuck: (1, 1) comes out 0.57,
/// on the wrong side of 1/2. The report used to end with "gradient descent
/// finds such weights by itself" under that table.
#[test]
fn a_stuck_xor_run_says_so() {
    let out = run(&["explain", "xor", "-e", "3", "--set", "hidden=2,seed=1"]);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        s.contains("This run did not solve XOR: 1 of the 4 points"),
        "{s}"
    );
    assert!(!s.contains("finds such weights by itself"), "{s}");
}

#[test]
fn syntax_error_shows_a_caret() {
    assert_cmd_snapshot!(
        "syntax_error",
        bin().args(["graph", "(x + ) * z", "--at", "x=1,z=2"])
    );
}

#[test]
fn bad_inputs_fail_clearly() {
    let deep = format!("{}x{}", "(".repeat(40_000), ")".repeat(40_000));
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec!["graph", "x +* y", "--at", "x=1,y=2"],
            2,
            "syntax error",
        ),
        (
            vec!["graph", "foo(x)", "--at", "x=1"],
            2,
            "known functions: exp, ln",
        ),
        (vec!["graph", "x + y", "--at", "x=1"], 2, "`y` has no value"),
        (
            vec!["explain", "training", "-e", "3", "--round-each", "2"],
            2,
            "--round-each on training/3: it is a training run",
        ),
        (
            vec![
                "explain",
                "loss",
                "-e",
                "1",
                "--set",
                "y1=0.001",
                "--round-each",
                "2",
            ],
            1,
            "--round-each 2 on loss/1: the replay rounded to 2 decimals fails: ln is undefined at 0",
        ),
        (
            vec!["explain", "vanishing", "-e", "1", "--round-each", "2"],
            2,
            "use it on neuron/1, neuron/2, neuron/3",
        ),
        (
            vec!["exercise", "training", "-e", "3"],
            2,
            "training/3 has no exercise: it trains on the handwritten digits",
        ),
        (
            // an L2 coefficient below 0 would reward large weights
            vec!["explain", "loss", "-e", "2", "--set", "lambda=-1/3"],
            2,
            "`lambda`: -1/3 (≈-0.333333) is negative",
        ),
        (
            vec!["graph", "x + 1", "--at", "x=1,q=2"],
            2,
            "its variables are: x",
        ),
        (
            vec!["graph", "h = 1/(x - 1)", "--at", "x=1"],
            1,
            "division by zero at node `h`",
        ),
        (
            vec!["graph", "ln(x)", "--at", "x=0"],
            1,
            "ln is undefined at 0",
        ),
        (vec!["graph", "ln(x)", "--at", "x=-1/2"], 1, "positive"),
        (
            vec!["graph", "exp(x)", "--at", "x=1000"],
            1,
            "not a finite number",
        ),
        (vec!["graph", "x", "--at", "x=nan"], 2, "NaN and infinity"),
        (vec!["graph", "x", "--at", "x=inf"], 2, "NaN and infinity"),
        (
            vec!["graph", "2^x", "--at", "x=100000"],
            1,
            "needs more than 4096 bits",
        ),
        (
            vec!["graph", "x^2", "--at", "x=2^3"],
            2,
            "cannot read `2^3`",
        ),
        (vec!["graph", "", "--at", "x=1"], 2, "empty"),
        (vec!["graph", "   ", "--at", "x=1"], 2, "empty"),
        (vec!["graph", "x − y", "--at", "x=1,y=1"], 2, "ASCII minus"),
        (vec!["graph", "x × y", "--at", "x=1,y=1"], 2, "`*`"),
        (vec!["graph", "x + y", "--at", "x"], 2, "NAME=VALUE"),
        // A name given twice used to take the last value without a word.
        (
            vec!["explain", "backprop", "-e", "1", "--set", "x=1,x=2"],
            2,
            "`x` is given twice (x=1 and x=2)",
        ),
        (
            vec!["graph", "x + y", "--at", "x=1,y=2", "--at", "y=3"],
            2,
            "`y` is given twice (y=2 and y=3)",
        ),
        (vec!["graph", &deep, "--at", "x=1"], 2, "nesting depth"),
        (
            vec!["explain", "nope", "--example", "1"],
            2,
            "topics: neuron, activation",
        ),
        (
            vec!["explain", "backprop", "--example", "99"],
            2,
            "its examples: 1, 2, 3",
        ),
        (
            vec!["explain", "backprop", "--example", "1", "--set", "k=1"],
            2,
            "its inputs are: x, y, z",
        ),
        (
            vec!["explain", "backprop", "--example", "1", "--set", "x=abc"],
            2,
            "cannot read `abc`",
        ),
        (
            vec!["explain", "backprop", "--example", "1", "--set", "x=1/0"],
            2,
            "denominator is 0",
        ),
        (
            vec!["explain", "chain-rule", "--example", "1", "--set", "y=0"],
            1,
            "division by zero",
        ),
        // training/1's λ: the error names the example's input, not the
        // --l2 flag of `train` that it feeds.
        (
            vec!["explain", "training", "-e", "1", "--set", "lambda=-1"],
            2,
            "`lambda`: -1 is negative; give λ = 0 or a positive number",
        ),
        (
            vec!["explain", "backprop", "--set", "x=1"],
            2,
            "--set needs --example",
        ),
        (
            vec!["explain", "backprop", "--example", "x"],
            2,
            "invalid value",
        ),
        (
            vec!["explain", "backprop", "--example", "1", "--digits", "0"],
            2,
            "invalid value",
        ),
        (
            vec!["explain", "backprop", "--example", "1", "--format", "pdf"],
            2,
            "invalid value",
        ),
        (vec!["frobnicate"], 2, "unrecognized subcommand"),
        (vec!["graph", "x", "--bogus"], 2, "unexpected argument"),
        // Every other command, with what it must say.
        (
            vec!["graph", "x^y", "--at", "x=-8,y=1/3"],
            1,
            "negative base needs an integer exponent",
        ),
        (vec!["graph", "x", "--at", "x=１"], 2, "cannot read `１`"),
        (
            vec!["explain", "backprop", "--example", "1", "--set", "x=1e999"],
            2,
            "cannot read `1e999` as a number: the power of ten e999 is out of range",
        ),
        // A literal exponent past ±400 is named as such, not as "not a number".
        (
            vec!["graph", "2 * 1e-999"],
            2,
            "the power of ten e-999 is out of range",
        ),
        // An extra --at on a constant expression: say it has no variables
        // rather than print an empty list.
        (
            vec!["graph", "2^3", "--at", "x=1"],
            2,
            "it has no variables (it is a constant)",
        ),
        (vec!["net"], 2, "<SPEC>"),
        // A missing or unreadable input file is the user's to fix: 2.
        (vec!["net", "/nonexistent/spec.toml"], 2, "cannot read it"),
        (vec!["train", "--data", "nope"], 2, "known data sets: xor"),
        (
            vec!["train", "--data", "mnist:"],
            2,
            "--data mnist:: name the folder after the colon, e.g. --data mnist:./mnist",
        ),
        // A --plot into a missing folder was found only after the whole
        // training run, as "No such file or directory (os error 2)".
        (
            vec!["train", "--data", "xor", "--plot", "/nonexistent/dir/x.svg"],
            2,
            "/nonexistent/dir/x.svg: the folder /nonexistent/dir does not exist",
        ),
        (
            vec!["train", "--data", "xor", "--plot", "/", "--force"],
            2,
            "/: is a folder; give a file name",
        ),
        (
            vec![
                "explain",
                "activation",
                "-e",
                "1",
                "--plot",
                "/nonexistent/a.svg",
            ],
            2,
            "the folder /nonexistent does not exist",
        ),
        (
            vec!["train", "--data", "xor", "--batch", "0"],
            2,
            "batch size must be from 1",
        ),
        // --val and --test together past all the data used to panic in the
        // split ("range end index 8 out of range").
        (
            vec!["train", "--data", "xor", "--val", "0.9", "--test", "0.9"],
            2,
            "--val/--test 0.9 + 0.9: the validation and test fractions together must be below 1",
        ),
        // A split that leaves no training sample is named as such, not as a
        // --batch the user never gave.
        (
            vec!["train", "--data", "xor", "--val", "0.9"],
            2,
            "the split leaves no training samples out of 4",
        ),
        // --samples 0 used to be taken silently as "the default, 200".
        (
            vec!["train", "--data", "moons", "--samples", "0"],
            2,
            "invalid value '0' for '--samples <N>'",
        ),
        (
            vec!["train", "--data", "xor", "--lr", "-1"],
            2,
            "must be a positive number",
        ),
        (
            vec!["train", "--data", "xor", "--lr", "nan"],
            2,
            "must be a positive number",
        ),
        (
            vec!["train", "--data", "xor", "--epochs", "0"],
            2,
            "at least 1 epoch",
        ),
        (
            vec!["train", "--data", "xor", "--val", "1.5"],
            2,
            "--val 1.5",
        ),
        (
            vec!["train", "--data", "xor", "--layers", "3,4,1"],
            2,
            "number of inputs of xor: 2",
        ),
        (
            vec!["train", "--data", "mnist:/nonexistent"],
            1,
            "train-images-idx3-ubyte",
        ),
        (
            vec!["exercise", "backprop", "--example", "1", "--count", "0"],
            2,
            "--count",
        ),
        (
            vec!["exercise", "backprop", "--example", "1", "--seed", "abc"],
            2,
            "--seed",
        ),
        (
            vec!["exercise", "nope", "--example", "1"],
            2,
            "unknown topic `nope`",
        ),
        (
            vec!["check", "backprop", "--example", "1", "/nonexistent.toml"],
            2,
            "cannot read it",
        ),
        (
            vec!["book", "build", "--book", "/nonexistent"],
            2,
            "/nonexistent: has no book.toml",
        ),
        (vec!["completions", "tcsh"], 2, "possible values: bash"),
    ];
    for (args, code, phrase) in &cases {
        fails(args, *code, phrase);
    }
}

/// Run with `input` on stdin.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The child may stop reading early (a limit); a broken pipe is fine.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn programs_from_stdin() {
    let out = with_stdin(
        &["graph", "-", "--at", "x=-2,y=5,z=-4", "--format", "json"],
        b"q = x + y\nf = q * z\n",
    );
    let v = json(&out);
    assert_eq!(v["results"]["df/dz"]["exact"], "3");
    // 100,000 parentheses deep: a limit, not a stack overflow.
    let deep = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
    let out = with_stdin(&["graph", "-", "--at", "x=1"], deep.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("exceeds the limit"), "{err}");
    // A 100 MB line: refused after the first 100,000 bytes, not read whole.
    let huge = "x+".repeat(50_000_000);
    let out = with_stdin(&["graph", "-", "--at", "x=1"], huge.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("exceeds the limit of 100000 bytes"), "{err}");
    // Invalid UTF-8 and binary garbage.
    let out = with_stdin(&["graph", "-", "--at", "x=1"], &[0xff, 0xfe, 0x00, 0x41]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
}

#[test]
fn closed_pipe_is_quiet() {
    // `nn-tutor … | head -1`: the reader goes away; no error, no panic.
    // Far more than a pipe buffer (64 KiB) of output: 400 variables.
    let expr: Vec<String> = (0..400).map(|i| format!("v{i}")).collect();
    let at: Vec<String> = (0..400).map(|i| format!("v{i}={i}")).collect();
    let mut child = bin()
        .args(["graph", &expr.join(" + "), "--at", &at.join(",")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the pipe is closed.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn input_files_are_bounded_and_checked() {
    let dir = std::env::temp_dir().join(format!("nn-tutor-cli-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A 2 MiB spec: past the 1 MiB limit, refused before parsing.
    let big = dir.join("big.toml");
    std::fs::write(&big, "#".repeat(2 << 20)).unwrap();
    fails(
        &["net", big.to_str().unwrap()],
        2,
        "exceeds the limit of 1048576 bytes",
    );
    // Binary garbage: named as not UTF-8.
    let bin = dir.join("garbage.toml");
    std::fs::write(&bin, [0x7f, 0x45, 0x4c, 0x46, 0xff, 0x00, 0x01]).unwrap();
    fails(&["net", bin.to_str().unwrap()], 2, "not UTF-8");
    // A directory is not a spec.
    fails(
        &["net", dir.to_str().unwrap()],
        2,
        "is a folder; give a file",
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `graph "-x^2"` was taken for a flag (`-x`), although the README uses
/// it as its precedence example.
#[test]
fn an_expression_may_begin_with_a_minus() {
    let v = json(&run(&["graph", "-x^2", "--at", "x=3", "--format", "json"]));
    // -x^2 = -(x^2) = -9 at x = 3; d/dx = -2x = -6.
    assert_eq!(v["results"]["f"]["exact"], "-9");
    assert_eq!(v["results"]["df/dx"]["exact"], "-6");
    // Flags after it still work, and a flag that is not one still fails.
    fails(&["graph", "x", "--at", "x=1", "--nope"], 2, "--nope");
}

/// Run bash's completion function of `nn-tutor completions bash` on the
/// words typed so far (the last one being completed); what it offers.
fn complete(words: &[&str]) -> Vec<String> {
    let script = run(&["completions", "bash"]).stdout;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nn-tutor.bash");
    std::fs::write(&path, script).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let n = words.len() - 1;
    let prev = if n > 0 { words[n - 1] } else { "" };
    let code = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={n}; _nn__tutor nn-tutor '{}' '{prev}'; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        quoted.join(" "),
        words[n],
    );
    let out = Command::new("bash").args(["-c", &code]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The generated script stopped after the subcommand (clap_complete spells
/// a hyphenated program's states two ways): `explain --<TAB>` offered nothing.
#[test]
fn bash_completes_flags_after_the_subcommand_and_topics_from_the_catalog() {
    let flags = complete(&["nn-tutor", "explain", "--"]);
    for f in ["--example", "--set", "--round-each", "--format", "--lang"] {
        assert!(flags.iter().any(|c| c == f), "{f} not offered: {flags:?}");
    }
    assert_eq!(complete(&["nn-tutor", "explain", "back"]), ["backprop"]);
    // Every topic of the catalog, for every command that takes one.
    for cmd in ["list", "explain", "exercise", "check"] {
        let offered = complete(&["nn-tutor", cmd, ""]);
        for t in nn_tutor::catalog::topics() {
            assert!(offered.iter().any(|c| c == t), "{cmd}: {t} not offered");
        }
    }
    assert_eq!(complete(&["nn-tutor", "tra"]), ["train"]);
    let train = complete(&["nn-tutor", "train", "--ep"]);
    assert_eq!(train, ["--epochs"]);
}

#[test]
fn a_misspelt_topic_gets_a_suggestion_and_the_listed_id_works() {
    fails(
        &["explain", "backprob", "-e", "1"],
        2,
        "unknown topic `backprob`; did you mean `backprop`?",
    );
    fails(&["list", "nuron"], 2, "did you mean `neuron`?");
    // Nothing close: no guess, the list of topics.
    let out = run(&["explain", "zzzzzz"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("did you mean") && err.contains("topics: neuron"),
        "{err}"
    );
    // `list` prints ids as backprop/1; that form is accepted where a topic is.
    let by_id = run(&["explain", "backprop/1"]);
    let by_flag = run(&["explain", "backprop", "--example", "1"]);
    assert!(by_id.status.success());
    assert_eq!(by_id.stdout, by_flag.stdout);
    fails(
        &["explain", "backprop/1", "--example", "2"],
        2,
        "`backprop/1` names example 1 but --example says 2",
    );
    fails(&["explain", "backprop/x"], 2, "expected TOPIC or TOPIC/N");
    let sheet = run(&["exercise", "backprop/1", "--seed", "3"]);
    let same = run(&["exercise", "backprop", "-e", "1", "--seed", "3"]);
    assert!(sheet.status.success());
    assert_eq!(sheet.stdout, same.stdout);
}

#[test]
fn help_is_literal_and_lists_every_topic() {
    let graph = String::from_utf8(run(&["graph", "--help"]).stdout).unwrap();
    assert!(
        !graph.contains("\\\""),
        "a literal \\\" in graph --help:\n{graph}"
    );
    assert!(graph.contains("e.g. \"q = x + y; f = q * z\""), "{graph}");
    let explain = String::from_utf8(run(&["explain", "--help"]).stdout).unwrap();
    // The help wraps the list: compare without line breaks.
    let flat = explain.split_whitespace().collect::<Vec<_>>().join(" ");
    for t in nn_tutor::catalog::topics() {
        assert!(
            flat.contains(&format!(" {t},")) || flat.contains(&format!(" {t}]")),
            "{t}"
        );
    }
}

/// Flags that would do nothing are refused, not silently ignored.
#[test]
fn flags_that_do_nothing_are_refused() {
    fails(&["list", "--float"], 2, "unexpected argument '--float'");
    fails(
        &["list", "--digits", "3"],
        2,
        "unexpected argument '--digits'",
    );
    assert!(
        run(&["list", "--format", "json", "--lang", "zh"])
            .status
            .success()
    );
    fails(
        &["train", "--data", "xor", "--float"],
        2,
        "--float does nothing here: training always computes in floating point; \
         --dtype f32|f64 chooses the precision",
    );
    // --count 0 names the real range, not u32's.
    fails(
        &["exercise", "backprop", "-e", "1", "--count", "0"],
        2,
        "give 1 to 50 problems per example",
    );
}

/// An existing --key-out is refused before anything goes to stdout (a
/// redirected sheet stays as the shell left it, and the key is untouched).
#[test]
fn an_existing_key_is_refused_before_the_sheet_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key.md");
    std::fs::write(&key, "old key").unwrap();
    let k = key.to_str().unwrap();
    fails(
        &["exercise", "backprop", "-e", "1", "--key-out", k],
        2,
        "already exists; add --force",
    );
    assert_eq!(std::fs::read_to_string(&key).unwrap(), "old key");
    // With --out the sheet is a file: written whole, with the key, or not at all.
    let sheet = dir.path().join("sheet.md");
    let s = sheet.to_str().unwrap();
    let both = [
        "exercise",
        "backprop",
        "-e",
        "1",
        "--out",
        s,
        "--key-out",
        k,
    ];
    fails(&both, 2, "already exists");
    assert!(!sheet.exists());
    let ok = run(&[&both[..], &["--force"]].concat());
    assert!(ok.status.success());
    assert!(
        std::fs::read_to_string(&sheet)
            .unwrap()
            .contains("# Exercises")
    );
    assert!(
        std::fs::read_to_string(&key)
            .unwrap()
            .contains("# Answer key")
    );
}

/// A 2×3 weight matrix under a 2-value input was blamed on the input alone
/// ("give 3 input values"): the message names the matrix and its shape too,
/// and counts in the singular where there is one.
#[test]
fn a_misfit_between_input_and_first_matrix_names_both() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("w.toml");
    let layer = "[[layer]]\nweights = [[1, 2, 3], [4, 5, 6]]\nbias = [0, 0]\n\
                 activation = \"identity\"\n";
    std::fs::write(&spec, format!("input = [1, 2]\n{layer}")).unwrap();
    fails(
        &["net", spec.to_str().unwrap()],
        2,
        "input: it has 2 values but layer 1's weight matrix W(1) is 2×3, which takes \
         3 inputs; give 3 input values, or a W(1) with 2 columns (out×in)",
    );
    std::fs::write(&spec, format!("input = [1]\n{layer}")).unwrap();
    fails(
        &["net", spec.to_str().unwrap()],
        2,
        "it has 1 value but layer 1's weight matrix W(1) is 2×3, which takes 3 inputs; \
         give 3 input values, or a W(1) with 1 column",
    );
}

/// Under --lang zh every report keeps its English title beside the Chinese
/// one; train's heading dropped it.
#[test]
fn train_in_chinese_keeps_the_english_title() {
    let out = run(&["train", "--data", "xor", "--epochs", "1", "--lang", "zh"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        s.lines().next(),
        Some("train · 在 xor 上训练 · Training on xor")
    );
    let out = run(&["train", "--data", "xor", "--epochs", "1"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        s.lines().next(),
        Some("train · Training on xor · 在 xor 上训练")
    );
}

/// NN_TUTOR_LANG=zh makes Chinese the default of --lang, and the help and
/// the error messages Chinese too; --lang en still wins, and English stays
/// the default without it.
#[test]
fn nn_tutor_lang_zh_speaks_chinese_in_reports_help_and_errors() {
    let zh = |args: &[&str]| {
        bin()
            .env("NN_TUTOR_LANG", "zh")
            .args(args)
            .output()
            .unwrap()
    };
    let first_line = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .map(String::from)
    };
    let report = zh(&["explain", "backprop", "--example", "1"]);
    assert_eq!(
        first_line(&report).as_deref(),
        Some("backprop/1 · 反向传播 例1 · Backpropagation through a small circuit")
    );
    let english = zh(&["explain", "backprop", "--example", "1", "--lang", "en"]);
    assert_eq!(
        first_line(&english).as_deref(),
        Some("backprop/1 · Backpropagation through a small circuit · 反向传播 例1")
    );
    let plain = run(&["explain", "backprop", "--example", "1"]);
    assert_eq!(first_line(&plain), first_line(&english));
    // Help: the top level and a subcommand.
    let top = String::from_utf8(zh(&["--help"]).stdout).unwrap();
    assert!(
        top.starts_with("逐步重算神经网络入门课程的例题") && top.contains("\n命令:\n"),
        "{top}"
    );
    let sub = String::from_utf8(zh(&["train", "--help"]).stdout).unwrap();
    assert!(
        sub.contains("用小批量随机梯度下降训练全连接网络") && sub.contains("学习率 η，一个正数"),
        "{sub}"
    );
    let by_flag = String::from_utf8(run(&["explain", "--lang", "zh", "--help"]).stdout).unwrap();
    assert!(by_flag.starts_with("逐步重算一道例题"), "{by_flag}");
    // Errors.
    let err = zh(&["explain", "backprop", "--set", "x=1"]);
    assert_eq!(err.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&err.stderr),
        "错误: --set 需要和 --example N 一起用\n"
    );
    let err = zh(&["net", "/nonexistent/spec.toml"]);
    assert_eq!(
        String::from_utf8_lossy(&err.stderr),
        "错误: /nonexistent/spec.toml: 无法读取: 没有这个文件或文件夹 (操作系统错误 2)\n"
    );
    fails(
        &["explain", "backprop", "--set", "x=1"],
        2,
        "error: --set needs --example N",
    );
}

/// Under --lang zh (or NN_TUTOR_LANG=zh) clap's own parse errors are
/// Chinese too, from their kind and context, with clap's exit status 2;
/// English stays the default. `--lang zh` is read before clap parses, so
/// it counts even where clap refuses it (before the subcommand).
#[test]
fn clap_parse_errors_speak_chinese_under_zh() {
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["explain", "backprop", "--foo", "--lang", "zh"],
            &[
                "意外的参数 '--foo'",
                "用法: nn-tutor explain",
                "更多信息请运行 '--help'。",
            ],
        ),
        (
            &["explain", "backprop", "--example", "x", "--lang", "zh"],
            &["'--example <N>' 的值 'x' 无效: 字符串中有无效的数字"],
        ),
        (
            &["explain", "backprop", "--lang", "zh", "--example"],
            &["'--example <N>' 需要一个值，但没有给出"],
        ),
        (
            &["explain", "backprop", "--format", "tabel", "--lang", "zh"],
            &[
                "'--format <FORMAT>' 的值 'tabel' 无效",
                "[可选值: table, markdown, latex, json]",
                "提示: 有相似的值: 'table'",
            ],
        ),
        (
            &["explain", "backprop", "--exmple", "1", "--lang", "zh"],
            &["意外的参数 '--exmple'", "提示: 有相似的参数: '--example'"],
        ),
        (
            &["graph", "--lang", "zh"],
            &["缺少下列必需的参数:\n  <EXPR>"],
        ),
        (
            &["explan", "--lang", "zh"],
            &["无法识别的子命令 'explan'", "有相似的子命令: 'explain'"],
        ),
        (
            &["exercise", "backprop", "--all", "--lang", "zh"],
            &["参数 '[TOPIC]' 不能与 '--all' 一起使用"],
        ),
        (
            &["explain", "backprop", "--round-each", "40", "--lang", "zh"],
            &["'--round-each <D>' 的值 '40' 无效: 40 不在 0..=12 范围内"],
        ),
        (
            &["explain", "backprob", "--lang", "zh"],
            &["未知的主题 `backprob`；是不是想写 `backprop`？"],
        ),
        (
            &["exercise", "backprop", "--count", "0", "--lang", "zh"],
            &["每个例题给出 1 到 50 道题"],
        ),
        // --lang before the subcommand is itself the error.
        (
            &["--lang", "zh", "explain", "backprop"],
            &["意外的参数 '--lang'"],
        ),
    ];
    let english = [
        "error",
        "unexpected",
        "invalid",
        "required",
        "provided",
        "tip",
        "Usage",
        "information",
        "similar",
        "possible",
        "cannot",
        "digit",
        "give",
    ];
    for (args, phrases) in cases {
        let out = run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(err.starts_with("错误: "), "{args:?}: {err}");
        for p in *phrases {
            assert!(err.contains(p), "{args:?}: no {p:?} in\n{err}");
        }
        for w in english {
            assert!(!err.contains(w), "{args:?}: English {w:?} in\n{err}");
        }
    }
    // A whole message of our own parser ends as the English one does.
    let out = run(&["explain", "backprob", "--lang", "zh"]);
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("training\n"));
    // NN_TUTOR_LANG=zh does the same; without it clap speaks English.
    let out = bin()
        .env("NN_TUTOR_LANG", "zh")
        .args(["explain", "backprop", "--foo"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("错误: 意外的参数 '--foo'"));
    fails(
        &["explain", "backprop", "--foo"],
        2,
        "error: unexpected argument '--foo' found",
    );
    // Help is not an error: it goes to stdout, exit 0, in Chinese.
    let help = run(&["explain", "--help", "--lang", "zh"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("逐步重算一道例题"));
}

/// Under --lang zh the SVGs the CLI writes speak Chinese: a plot's
/// <title>, axes and legend (`--plot`), and the computation graph's title
/// and legend (`graph --diagram svg`); English stays the default.
#[test]
fn svgs_under_zh_have_chinese_titles_and_legends() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loop.svg");
    let p = path.to_str().unwrap();
    let out = run(&["explain", "neuron", "-e", "3", "--lang", "zh", "--plot", p]);
    assert!(out.status.success());
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("<title>梯度下降循环，逐步进行: "), "{svg}");
    let english: Vec<&str> = svg
        .lines()
        .filter(|l| !l.starts_with('<') && l.bytes().filter(u8::is_ascii_alphabetic).count() >= 3)
        .collect();
    assert!(
        english.is_empty(),
        "English text in the zh plot: {english:?}"
    );
    let out = run(&[
        "graph",
        "sigmoid(w*x)",
        "--at",
        "w=1,x=2",
        "--diagram",
        "svg",
        "--lang",
        "zh",
    ]);
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(
        svg.contains("<title>计算图: 每个节点显示它的值，值的下方是梯度 ∂f/∂节点</title>"),
        "{svg}"
    );
    let out = run(&[
        "graph",
        "sigmoid(w*x)",
        "--at",
        "w=1,x=2",
        "--diagram",
        "svg",
    ]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("<title>Computation graph: ")
    );
}

/// Several unknown names in `--at`: the error names the same one every
/// run (the first in name order), not whichever a hash map yields first.
/// Ten runs with four names would differ with probability near 1 if the
/// order were a map's.
#[test]
fn an_unknown_name_in_at_is_named_the_same_every_run() {
    for _ in 0..10 {
        fails(
            &["graph", "x*y", "--at", "z=3,x=1,w=4,q=5,y=2"],
            2,
            "`q` is not a variable of this expression",
        );
    }
}
