//! `nn-tutor net SPEC.toml` on the real binary: the JSON contract, and every
//! kind of bad spec giving a clear error, a non-zero exit and no panic.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{bin, json};

/// The 2-2-1 spec of `nn-tutor net --help`, as shipped for users.
const SPEC: &str = include_str!("../specs/two-layer.toml");

/// Write `text` to a fresh file under the target directory and run `net` on it.
fn net(name: &str, text: &str, extra: &[&str]) -> Output {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("net_cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).unwrap();
    bin().arg("net").arg(&path).args(extra).output().unwrap()
}

/// The run failed with `code`, without a panic, and stderr is an `error: `
/// message naming every one of `needles`.
fn fails(out: &Output, code: i32, needles: &[&str]) {
    let err = common::assert_fails(out, code, needles, "net");
    assert!(err.starts_with("error: "), "{err}");
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[test]
fn json_contract_and_numbers() {
    let v = json(&net("good", SPEC, &["--format", "json"]));
    // the spec is echoed in its own shape, numbers as {exact, float}
    assert_eq!(v["spec"]["layer"][0]["weights"][1][1]["exact"], "1/4");
    assert_eq!(v["spec"]["learning_rate"]["exact"], "1/2");
    assert_eq!(v["spec"]["layer"][1]["activation"], "sigmoid");
    // z(1) = W(1) x + b(1) = (1/2 - 1/2 + 1/4, -1 + 1/2 - 1/4) = (1/4, -3/4), exact
    assert_eq!(v["layers"][0]["z"][0]["exact"], "1/4");
    assert_eq!(v["layers"][0]["z"][1]["exact"], "-3/4");
    assert!(
        v["layers"][0]["a"][0]["exact"].is_null(),
        "σ(1/4) is rounded"
    );
    // independent f64 derivation: a1 = σ(z1), z2 = a1_1 - a1_2/2 + 1/8, a2 = σ(z2),
    // δ2 = (a2 - 1)·a2(1 - a2), ∂L/∂W(2) = δ2·a1, δ1 = σ'(z1) ⊙ W(2)ᵀ δ2, ∂L/∂W(1) = δ1 xᵀ
    let a1 = [sigmoid(0.25), sigmoid(-0.75)];
    let a2 = sigmoid(a1[0] - a1[1] / 2.0 + 0.125);
    let d2 = (a2 - 1.0) * a2 * (1.0 - a2);
    let d1 = [
        a1[0] * (1.0 - a1[0]) * d2,
        a1[1] * (1.0 - a1[1]) * (-0.5 * d2),
    ];
    let f = |x: &serde_json::Value| x["float"].as_f64().unwrap();
    let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    close(f(&v["loss"]), 0.5 * (a2 - 1.0).powi(2));
    close(f(&v["layers"][1]["delta"][0]), d2);
    close(f(&v["layers"][1]["grad_W"][0][1]), d2 * a1[1]);
    close(f(&v["layers"][1]["grad_b"][0]), d2);
    close(f(&v["layers"][0]["grad_W"][1][1]), d1[1] * 2.0);
    close(f(&v["layers"][0]["grad_b"][0]), d1[0]);
    // layers are in order, 1-based in the text: two of them
    assert_eq!(v["layers"].as_array().unwrap().len(), 2);
    // --float computes in f64 but still echoes the spec as written
    let w = json(&net("good_float", SPEC, &["--format", "json", "--float"]));
    assert_eq!(w["spec"]["layer"][0]["weights"][1][1]["exact"], "1/4");
    assert!(w["layers"][0]["z"][0]["exact"].is_null());
    close(f(&w["layers"][1]["grad_W"][0][1]), d2 * a1[1]);
}

#[test]
fn row_convention_gives_the_same_numbers() {
    let row = SPEC
        .replace("convention = \"column\"", "convention = \"row\"")
        .replace(
            "[[\"1/2\", \"-1/4\"], [-1, 0.25]]",
            "[[\"1/2\", -1], [\"-1/4\", 0.25]]",
        )
        .replace("[[1, \"-1/2\"]]", "[[1], [\"-1/2\"]]");
    let (c, r) = (
        json(&net("col", SPEC, &["-f", "json"])),
        json(&net("row", &row, &["-f", "json"])),
    );
    assert_eq!(c["loss"], r["loss"]);
    for l in 0..2 {
        for k in ["z", "a", "delta", "grad_b"] {
            assert_eq!(c["layers"][l][k], r["layers"][l][k]);
        }
    }
    // grad_W is shown in each spec's own shape: the row one is the transpose
    assert_eq!(
        c["layers"][0]["grad_W"][0][1],
        r["layers"][0]["grad_W"][1][0]
    );
    assert_eq!(r["layers"][1]["grad_W"].as_array().unwrap().len(), 2);
}

#[test]
fn l2_is_in_grad_w_not_grad_b() {
    // a single identity neuron: z = 2·3 + 1 = 7, half_sse to t = 5: δ = 2,
    // ∂L/∂w = δ·x + λw = 6 + 1/2·2 = 7, ∂L/∂b = 2, L = 2 + 1/4·4 = 3
    let spec = "input = [3]\ntarget = [5]\nloss = \"half_sse\"\nl2 = \"1/2\"\n[[layer]]\nweights = [[2]]\nbias = [1]\nactivation = \"identity\"\n";
    let v = json(&net("l2", spec, &["-f", "json"]));
    assert_eq!(v["layers"][0]["grad_W"][0][0]["exact"], "7");
    assert_eq!(v["layers"][0]["grad_b"][0]["exact"], "2");
    assert_eq!(v["loss"]["exact"], "3");
}

#[test]
fn forward_only_without_target() {
    let spec = "input = [1, 1]\n[[layer]]\nweights = [[1, 1], [1, 1]]\nbias = [0, -1]\nactivation = \"relu\"\n";
    let v = json(&net("fwd", spec, &["-f", "json"]));
    assert!(v["loss"].is_null());
    assert_eq!(v["layers"][0]["a"][1]["exact"], "1");
}

#[test]
fn forward_only_flag_stops_a_full_spec_after_the_forward_pass() {
    // The shipped spec has a target, a loss and a learning rate; the forward
    // chapter shows it before backprop is taught.
    let v = json(&net(
        "fwd_flag",
        SPEC,
        &["--format", "json", "--forward-only"],
    ));
    assert!(v["loss"].is_null(), "no loss in a forward-only run");
    // the same z as the full run: z(1) = (1/4, -3/4), z(2) = σ(1/4) - σ(-3/4)/2 + 1/8
    assert_eq!(v["layers"][0]["z"][1]["exact"], "-3/4");
    let z2 = sigmoid(0.25) - sigmoid(-0.75) / 2.0 + 0.125;
    let got = v["layers"][1]["z"][0]["float"].as_f64().unwrap();
    assert!((got - z2).abs() < 1e-12, "{got} vs {z2}");
    let layer = v["layers"][0].as_object().unwrap();
    assert!(
        !layer.contains_key("delta") && !layer.contains_key("grad_W"),
        "{layer:?}"
    );
    let names: Vec<&str> = v["results"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert!(names.contains(&"a(2)_1"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.contains('∂') || n.contains('δ')),
        "{names:?}"
    );
    // the spec is still echoed whole
    assert_eq!(v["spec"]["learning_rate"]["exact"], "1/2");
    // In the text: no backward table, no δ formula, and a pointer to the full run.
    let out = net(
        "fwd_flag_text",
        SPEC,
        &["--forward-only", "--format", "markdown"],
    );
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("forward 前向传播"), "{text}");
    assert!(
        !text.contains("backward 反向传播") && !text.contains('δ'),
        "{text}"
    );
    assert!(
        text.contains("The forward pass only (--forward-only)"),
        "{text}"
    );
    let zh = net("fwd_flag_zh", SPEC, &["--forward-only", "--lang", "zh"]);
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(zh.contains("这里只有前向传播 (--forward-only)"), "{zh}");
}

#[test]
fn weight_shape_mismatch_names_the_layer() {
    let bad = SPEC.replace("[[1, \"-1/2\"]]", "[[1, \"-1/2\", 3]]");
    fails(
        &net("shape", &bad, &[]),
        2,
        &["layer 2", "expected 1×2", "got 1×3"],
    );
}

#[test]
fn unknown_activation_and_loss_list_the_known_ones() {
    let bad = SPEC.replacen("\"sigmoid\"", "\"swish\"", 1);
    fails(
        &net("act", &bad, &[]),
        2,
        &["swish", "layer 1", "leaky_relu", "maxout"],
    );
    let bad = SPEC.replace("half_sse", "hinge");
    fails(
        &net("loss", &bad, &[]),
        2,
        &["hinge", "mse", "bce", "cross_entropy"],
    );
}

#[test]
fn softmax_only_last() {
    let bad = SPEC.replacen("\"sigmoid\"", "\"softmax\"", 1);
    fails(
        &net("softmax", &bad, &[]),
        2,
        &["layer 1", "softmax", "last layer"],
    );
}

#[test]
fn cross_entropy_targets_must_be_a_distribution() {
    let spec = "input = [1]\ntarget = [1, 1]\nloss = \"cross_entropy\"\n[[layer]]\nweights = [[1], [2]]\nbias = [0, 0]\nactivation = \"softmax\"\n";
    fails(
        &net("ce", spec, &[]),
        2,
        &["target", "sum to 2", "distribution"],
    );
}

#[test]
fn bce_output_exactly_one() {
    // identity output z = 1·1 + 0 = 1 exactly: ln(1 - 1) is undefined
    let spec = "input = [1]\ntarget = [1]\nloss = \"bce\"\n[[layer]]\nweights = [[1]]\nbias = [0]\nactivation = \"identity\"\n";
    fails(
        &net("bce", spec, &[]),
        1,
        &["binary cross-entropy", "strictly between 0 and 1"],
    );
}

#[test]
fn input_of_wrong_length() {
    let bad = SPEC.replace("input = [1, 2]", "input = [1, 2, 3]");
    fails(
        &net("input", &bad, &[]),
        2,
        &["input", "3 values", "W(1) is 2×2, which takes 2 inputs"],
    );
}

#[test]
fn malformed_number_is_located() {
    let bad = SPEC.replace("\"1/8\"", "\"1/8x\"");
    fails(&net("number", &bad, &[]), 2, &["1/8x", "layer 2 bias"]);
}

/// A bad activation parameter names its layer, as a bad weight does.
#[test]
fn bad_activation_parameter_is_located() {
    let bad = SPEC.replacen("\"sigmoid\"", "\"leaky_relu(abc)\"", 1);
    fails(
        &net("act_param", &bad, &[]),
        2,
        &["cannot read `abc`", "(at layer 1 activation)"],
    );
}

/// A TOML float such as 1e300 is read as the number written, not refused as
/// "longer than 200 characters" because its decimal spelling is.
#[test]
fn large_toml_float_is_read() {
    let big = SPEC.replace("input = [1, 2]", "input = [1e300, 2]");
    let v = json(&net("big_float", &big, &["--format", "json"]));
    let x = &v["spec"]["input"][0];
    assert_eq!(x["exact"], format!("1{}", "0".repeat(300)), "{x}");
}

#[test]
fn toml_syntax_error_has_line_and_column() {
    let bad = SPEC.replace("bias = [\"1/8\"]", "bias = [\"1/8\"");
    let out = net("syntax", &bad, &[]);
    fails(
        &out,
        2,
        &["syntax.toml:", "cannot read the TOML", "missing comma"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    // `path:LINE:COL:` with the line at or after the broken one (line 14 of SPEC)
    let loc: Vec<usize> = err
        .split("syntax.toml:")
        .nth(1)
        .unwrap()
        .split(':')
        .take(2)
        .map(|s| s.parse().unwrap())
        .collect();
    assert!(loc[0] >= 14 && loc[1] >= 1, "{err}");
}

/// The column of a TOML error is the one an editor shows: a byte-order
/// mark opening the file is not counted (`x = [1, 2` lacks its `]` after
/// column 9, so the error is at column 10 with or without the mark), and
/// the line is shown with a caret under that column.
#[test]
fn toml_error_column_skips_a_byte_order_mark() {
    for (name, text) in [("plain", "x = [1, 2\n"), ("marked", "\u{feff}x = [1, 2\n")] {
        let out = net(name, text, &[]);
        fails(
            &out,
            2,
            &[&format!("{name}.toml:1:10: cannot read the TOML")],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("\n  x = [1, 2\n           ^"), "{name}: {err}");
    }
}

#[test]
fn too_large_for_exact_suggests_float() {
    let row = format!("[{}]", vec!["1"; 50].join(", "));
    let spec = format!(
        "input = [{}]\n[[layer]]\nweights = [{}]\nbias = [{}]\nactivation = \"relu\"\n",
        vec!["1"; 50].join(", "),
        vec![row.as_str(); 50].join(", "),
        vec!["0"; 50].join(", ")
    );
    fails(
        &net("large", &spec, &[]),
        2,
        &["2550 parameters", "--float"],
    );
    assert!(
        net("large", &spec, &["--float", "-f", "json"])
            .status
            .success()
    );
}

#[test]
fn missing_file_is_an_error_not_a_panic() {
    let out = bin()
        .args(["net", "/nonexistent/spec.toml"])
        .output()
        .unwrap();
    fails(&out, 2, &["/nonexistent/spec.toml", "cannot read"]);
}

#[test]
fn the_shipped_spec_runs_and_every_gradient_checks() {
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/two-layer.toml");
    let out = bin().args(["net", spec]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("9 of 9 gradients agree"), "{text}");
    assert!(
        text.contains("δ(2)_1") && text.contains("-0.0866655"),
        "{text}"
    );
}
