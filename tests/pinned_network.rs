//! Every pinned number of the layer-level examples (WORKED_EXAMPLES.md),
//! asserted exactly through the named results, with the hand derivation
//! beside it; plus the checks each example reports on itself.

mod common;

use common::{exact, float, run};
use nn_tutor::catalog;
use nn_tutor::report::Settings;

#[test]
#[allow(clippy::approx_constant)] // 0.693147 is the pinned value as printed, not a stand-in for LN_2
fn neuron_2_bce_backprop() {
    // MS §2 at x = 2, w = 1/2, b = -1, y = 1: z = 1/2·2 - 1 = 0, a = σ(0) = 1/2,
    // ∂L/∂a = -y/a + (1-y)/(1-a) = -2, ∂a/∂z = a(1-a) = 1/4, dz = -2·1/4 = -1/2 = a - y,
    // dw = x·dz = -1, db = dz = -1/2, L = -ln(1/2) = ln 2
    let r = run("neuron", 2, &[]);
    for (name, want) in [
        ("z", "0"),
        ("a", "1/2"),
        ("dL/da", "-2"),
        ("da/dz", "1/4"),
        ("dz", "-1/2"),
        ("dw", "-1"),
        ("db", "-1/2"),
    ] {
        assert_eq!(exact(&r, name), want, "{name}");
    }
    assert!((float(&r, "L") - 0.693147).abs() < 5e-7);
}

#[test]
fn neuron_1_and_3() {
    // neuron/1: z = 1/2·3 - 1 = 1/2, a = σ(1/2) = 1/(1 + e^(-1/2)) ≈ 0.622459
    let r = run("neuron", 1, &[]);
    assert_eq!(exact(&r, "z"), "1/2");
    assert!((float(&r, "a") - 1.0 / (1.0 + (-0.5f64).exp())).abs() < 1e-15);
    // neuron/3, step 1 is neuron/2: w ← 1/2 - 1·(-1) = 3/2, b ← -1 - 1·(-1/2) = -1/2;
    // step 2 at z = 3/2·2 - 1/2 = 5/2: L = -ln σ(5/2)
    let r = run("neuron", 3, &[("steps", "2")]);
    assert!((float(&r, "L_1") - 2f64.ln()).abs() < 1e-12);
    assert!((float(&r, "L_2") + (1.0 / (1.0 + (-2.5f64).exp())).ln()).abs() < 1e-12);
}

#[test]
fn activation_3_sigmoid_slope_at_10() {
    // σ'(10) = e^-10 / (1 + e^-10)² ≈ 4.5396e-5; ReLU'(10) = 1; ReLU walks 10 → 1 in 9 unit steps
    let r = run("activation", 3, &[]);
    assert!((float(&r, "sigmoid'(start)") - 4.5396e-5).abs() < 5e-10);
    assert_eq!(exact(&r, "relu'(start)"), "1");
    assert_eq!(exact(&r, "steps relu"), "9");
    // ∫_1^10 (e^x + 2 + e^-x) dx = e^10 + 18 - e + e^-1 - e^-10 ≈ 22042: Euler steps land within 0.1 %
    let steps = float(&r, "steps sigmoid");
    assert!((steps - 22042.0).abs() < 25.0, "{steps}");
}

#[test]
fn activation_identities() {
    // activation/1 at z3 = 0: σ(0) = 1/2, σ'(0) = 1/4, tanh'(0) = 1, ReLU'(0) = 0 (convention), softplus'(0) = σ(0) = 1/2
    let r = run("activation", 1, &[]);
    assert_eq!(exact(&r, "logistic(z3)"), "1/2");
    assert_eq!(exact(&r, "logistic'(z3)"), "1/4");
    assert_eq!(exact(&r, "tanh'(z3)"), "1");
    assert_eq!(exact(&r, "relu'(z3)"), "0");
    assert_eq!(exact(&r, "softplus'(z3)"), "1/2");
    // activation/2 at z = -2: Leaky ReLU(1/10) = -1/5, slope 1/10; PReLU unit 2 (γ = 1/4) = -1/2;
    // maxout: pieces 1·1 + 2·(-1) = -1 and 1/2·1 + (-1)(-1) = 3/2, so a = 3/2 and piece 2 takes the gradient
    let r = run("activation", 2, &[]);
    assert_eq!(exact(&r, "Leaky ReLU(z)"), "-1/5");
    assert_eq!(exact(&r, "Leaky ReLU'(z)"), "1/10");
    assert_eq!(exact(&r, "PReLU unit 2(z)"), "-1/2");
    assert_eq!(exact(&r, "maxout a"), "3/2");
    assert_eq!(
        (exact(&r, "da/dz1"), exact(&r, "da/dz2")),
        ("0".into(), "1".into())
    );
    // activation/4: z = 1/2·1 - 1/4·2 + 0 = 0, σ(1-σ) = 1/4, ∂L/∂w = -1·1/4·x = (-1/4, -1/2, -1/8)
    let r = run("activation", 4, &[]);
    assert_eq!(
        [
            exact(&r, "dL/dw1"),
            exact(&r, "dL/dw2"),
            exact(&r, "dL/dw3")
        ],
        ["-1/4", "-1/2", "-1/8"]
    );
}

#[test]
fn forward_both_notations() {
    // z(1) = (1·1 - 1/2·2 + 1/4, 1/2·1 + 1·2 - 1) = (1/4, 3/2), ReLU keeps both;
    // z(2) = 2·1/4 - 3/2 + 1/2 = -1/2
    for n in [1, 2] {
        let r = run("forward", n, &[]);
        assert_eq!(
            [
                exact(&r, "z(1)_1"),
                exact(&r, "z(1)_2"),
                exact(&r, "a(2)_1")
            ],
            ["1/4", "3/2", "-1/2"],
            "forward/{n}"
        );
    }
    // forward/3: z = 1/2·1 - 1/4·2 + 0 = 0 ⇒ p = σ(0) = 1/2, f(x) = 0; softmax of (1, 1, 0)
    let r = run("forward", 3, &[]);
    assert_eq!(exact(&r, "sigmoid p(y=1|x)"), "1/2");
    assert_eq!(exact(&r, "f(x)"), "0");
    let e = 1f64.exp();
    assert!((float(&r, "softmax p(y=3|x)") - 1.0 / (2.0 * e + 1.0)).abs() < 1e-15);
}

#[test]
fn softmax_and_losses() {
    // softmax(0.3, 2.9, 4.0) = e^a / Σ e^a
    let r = run("softmax", 1, &[]);
    let s: f64 = [0.3f64, 2.9, 4.0].iter().map(|a| a.exp()).sum();
    assert!((float(&r, "y3") - 4f64.exp() / s).abs() < 1e-15);
    assert!((float(&r, "sum") - 1.0).abs() < 1e-15);
    // softmax/2: ∂L/∂z = ŷ - y; with equal logits ŷ = 1/3 each, exactly: (1/3, -2/3, 1/3)
    let r = run("softmax", 2, &[("z1", "0"), ("z2", "0"), ("z3", "0")]);
    assert_eq!(
        [
            exact(&r, "dL/dz1"),
            exact(&r, "dL/dz2"),
            exact(&r, "dL/dz3")
        ],
        ["1/3", "-2/3", "1/3"]
    );
    // loss/1: y' = (1/2, 1/4, 1/4), t = (1, 0, 0): squares 1/4 + 1/16 + 1/16 = 3/8,
    // MSE = 3/8 / 3 = 1/8, ½SSE = 3/16, CE = -ln(1/2) = ln 2
    let r = run("loss", 1, &[]);
    assert_eq!(
        (exact(&r, "mse"), exact(&r, "half_sse")),
        ("1/8".into(), "3/16".into())
    );
    assert!((float(&r, "cross_entropy") - 2f64.ln()).abs() < 1e-15);
    // loss/2: ŷ(1) = 1/2 - 1 = -1/2, L1 = ½(3/2)² = 9/8; ŷ(2) = 1 + 1/2 = 3/2, L2 = 9/8;
    // penalty 1/20·(1/4 + 1/4) = 1/40; R = 9/8 + 1/40 = 23/20.
    // SGD on sample 1: δ = -3/2, ∂W = (-3/2, -3) + 1/10·(1/2, -1/2) = (-29/20, -61/20),
    // W ← (1/2 + 29/40, -1/2 + 61/40) = (49/40, 41/40), b ← 0 + 3/4
    let r = run("loss", 2, &[]);
    for (name, want) in [
        ("L1", "9/8"),
        ("L2", "9/8"),
        ("penalty", "1/40"),
        ("R", "23/20"),
        ("W_11 new", "49/40"),
        ("W_12 new", "41/40"),
        ("b new", "3/4"),
    ] {
        assert_eq!(exact(&r, name), want, "{name}");
    }
}

#[test]
fn backprop_4_chains() {
    // y0 = -1/2, MSE (n = 1) gradient 2(y0 - 1) = -3, identity g' = 1:
    // ∂Loss/∂w2_00 = -3·1·x^2_0 = -3·1/4 = -3/4; ∂Loss/∂w1_00 = -3·1·w2_00·ReLU'(1/4)·x^1_0 = -3·2·1·1 = -6
    let r = run("backprop", 4, &[]);
    assert_eq!(exact(&r, "dLoss/dw2_00"), "-3/4");
    assert_eq!(exact(&r, "dLoss/dw1_00"), "-6");
    assert_eq!(exact(&r, "Loss"), "9/4");
    // The other seven chains of the deck (u0 = 1/4, u1 = 3/2, both ReLU' = 1):
    // output ∂u2/∂w2_10 = x^2_1 = 3/2, ∂u2/∂b2_0 = 1; hidden unit 0 through w2_00 = 2,
    // unit 1 through w2_10 = -1, then x^1_i = (1, 2) or 1 for the bias.
    for (name, want) in [
        ("dLoss/dw2_10", "-9/2"), // -3·1·3/2
        ("dLoss/db2_0", "-3"),    // -3·1·1
        ("dLoss/dw1_01", "3"),    // -3·1·(-1)·1·1
        ("dLoss/dw1_10", "-12"),  // -3·1·2·1·2
        ("dLoss/dw1_11", "6"),    // -3·1·(-1)·1·2
        ("dLoss/db1_0", "-6"),    // -3·1·2·1·1
        ("dLoss/db1_1", "3"),     // -3·1·(-1)·1·1
    ] {
        assert_eq!(exact(&r, name), want, "{name}");
    }
}

#[test]
fn backprop_5_every_gradient_checks() {
    let r = run("backprop", 5, &[]);
    let text = nn_tutor::render::render(&r, nn_tutor::render::Format::Table, &Default::default());
    assert!(text.contains("15 of 15 gradients agree"), "{text}");
    assert!(!text.contains("DIFFERS"));
    // δ(2) = ŷ - y sums to 0 (ŷ sums to 1, y is one-hot)
    let s: f64 = (1..=3).map(|k| float(&r, &format!("delta(2)_{k}"))).sum();
    assert!(s.abs() < 1e-15);
}

#[test]
fn network_counts() {
    // JQ: 784·10 + 10·14 + 14·10 = 8120 weights, 10 + 14 + 10 = 34 biases, 8154 in all
    let r = run("network", 1, &[]);
    assert_eq!(
        [
            exact(&r, "weights"),
            exact(&r, "biases"),
            exact(&r, "total")
        ],
        ["8120", "34", "8154"]
    );
    // PKU: (784+1)·512 + (512+1)·512 + (512+1)·10 = 401920 + 262656 + 5130 = 669706
    let r = run("network", 2, &[]);
    assert_eq!(exact(&r, "total"), "669706");
}

#[test]
fn init_bounds() {
    // JQ: 1/√10 = 0.3162277…; the variance of U(-a, a) is a²/3 = 1/30
    let r = run("init", 1, &[]);
    assert!((float(&r, "bound") - 0.316228).abs() < 5e-7);
    assert_eq!(exact(&r, "variance"), "1/30");
    // m = 4: 1/√4 = 1/2 exactly
    assert_eq!(exact(&run("init", 1, &[("m", "4")]), "bound"), "1/2");
    // init/2 at 64 → 64: Xavier 2/128 = 1/64, He 2/64 = 1/32
    let r = run("init", 2, &[]);
    assert_eq!(exact(&r, "var Xavier / Glorot"), "1/64");
    assert_eq!(exact(&r, "var He"), "1/32");
}

#[test]
fn xor() {
    // W = [[1,1],[1,1]], c = (0,-1), w = (1,-2), b = 0: h(1,1) = (2, 1), y = 2 - 2 = 0, …
    let r = run("xor", 2, &[]);
    assert_eq!(
        [
            exact(&r, "y(0,0)"),
            exact(&r, "y(0,1)"),
            exact(&r, "y(1,0)"),
            exact(&r, "y(1,1)")
        ],
        ["0", "1", "1", "0"]
    );
    let r = run("xor", 1, &[]);
    assert_eq!(exact(&r, "best line correct"), "3");
    assert!(float(&r, "mistakes in last epoch") > 0.0);
}

#[test]
fn result_names_are_unique() {
    // JSON `results` is an object: a repeated name would keep only the last
    // value (forward/3 once showed the softmax p(y=1|x) = 0.422319 under the
    // sigmoid's p(y=1|x) = 1/2).
    for ex in catalog::all() {
        let r = ex.run(&[], &Settings::default()).unwrap();
        let mut seen = std::collections::HashSet::new();
        for name in r.results.iter().map(|n| &n.name) {
            assert!(
                seen.insert(name.clone()),
                "{}: result `{name}` repeated",
                r.id
            );
        }
    }
}
