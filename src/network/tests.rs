//! Unit and property tests of the traced network engine.

use proptest::prelude::*;

use super::*;

fn q(s: &str) -> Scalar {
    Scalar::parse(s).unwrap()
}

fn v(xs: &[&str]) -> Vec<Scalar> {
    xs.iter().map(|x| q(x)).collect()
}

fn m(rows: &[&[&str]]) -> Matrix {
    rows.iter().map(|r| v(r)).collect()
}

fn layer(w: Matrix, b: Vec<Scalar>, f: &str) -> LayerSpec {
    LayerSpec {
        weights: w,
        bias: b,
        activation: Activation::parse(f).unwrap(),
    }
}

/// The 2-2-1 ReLU/identity network derived by hand in `hand_derived_2_2_1`.
fn small(convention: Convention) -> Network {
    let (w1, w2) = (m(&[&["1", "-1"], &["1/2", "1"]]), m(&[&["2", "1"]]));
    let (w1, w2) = match convention {
        Convention::Column => (w1, w2),
        Convention::Row => (transpose(&w1), transpose(&w2)),
    };
    Network::new(
        convention,
        vec![
            layer(w1, v(&["0", "-1"]), "relu"),
            layer(w2, v(&["1/2"]), "identity"),
        ],
    )
    .unwrap()
}

fn objective(l2: &str) -> Objective {
    Objective {
        target: v(&["1"]),
        loss: Loss::HalfSse,
        l2: q(l2),
        learning_rate: Some(q("1/2")),
    }
}

#[test]
fn one_neuron_bce_matches_ms() {
    // MS: x = 2, w = 1/2, b = −1, y = 1: z = 0, a = 1/2, ∂L/∂a = −1/a = −2,
    // dz = a − y = −1/2, dw = x·dz = −1, db = dz = −1/2
    let net = Network::new(
        Convention::Column,
        vec![layer(m(&[&["1/2"]]), v(&["-1"]), "sigmoid")],
    )
    .unwrap();
    let obj = Objective {
        target: v(&["1"]),
        loss: Loss::Bce,
        l2: q("0"),
        learning_rate: None,
    };
    let t = net.trace(&v(&["2"]), &obj).unwrap();
    let l = &t.layers[0];
    assert_eq!(
        (l.z.clone(), l.a.clone(), l.grad_a.clone()),
        (v(&["0"]), v(&["1/2"]), v(&["-2"]))
    );
    assert_eq!(l.delta, v(&["-1/2"]));
    assert_eq!(l.grad_w, m(&[&["-1"]]));
    assert_eq!(l.grad_b, v(&["-1/2"]));
    assert!((t.loss.to_f64() - 2f64.ln()).abs() < 1e-15);
}

#[test]
fn hand_derived_2_2_1() {
    // x = (1, 2); z(1) = (1 − 2 + 0, 1/2 + 2 − 1) = (−1, 3/2); a(1) = (0, 3/2)
    // z(2) = 2·0 + 1·3/2 + 1/2 = 2 = a(2); L = 1/2 (2 − 1)² = 1/2
    // δ(2) = 1; ∂W(2) = (0, 3/2); ∂a(1) = W(2)ᵀ δ(2) = (2, 1)
    // δ(1) = ReLU'(−1, 3/2) ⊙ (2, 1) = (0, 1); ∂W(1) = δ(1) xᵀ = [[0, 0], [1, 2]]
    // η = 1/2: W(2) ← (2, 1 − 3/4) = (2, 1/4), b(2) ← 0, W(1) ← [[1, −1], [0, 0]], b(1) ← (0, −3/2)
    let t = small(Convention::Column)
        .trace(&v(&["1", "2"]), &objective("0"))
        .unwrap();
    let (l1, l2) = (&t.layers[0], &t.layers[1]);
    assert_eq!(
        (l1.z.clone(), l1.a.clone()),
        (v(&["-1", "3/2"]), v(&["0", "3/2"]))
    );
    assert_eq!((l2.z.clone(), t.loss.clone()), (v(&["2"]), q("1/2")));
    assert_eq!(l2.grad_w, m(&[&["0", "3/2"]]));
    assert_eq!(l2.grad_a_prev, v(&["2", "1"]));
    assert_eq!(l1.delta, v(&["0", "1"]));
    assert_eq!(l1.grad_w, m(&[&["0", "0"], &["1", "2"]]));
    assert_eq!(l2.new_w, Some(m(&[&["2", "1/4"]])));
    assert_eq!(l2.new_b, Some(v(&["0"])));
    assert_eq!(l1.new_w, Some(m(&[&["1", "-1"], &["0", "0"]])));
    assert_eq!(l1.new_b, Some(v(&["0", "-3/2"])));
    // every gradient agrees with its central difference (no z sits on the kink)
    for l in &t.layers {
        for (g, fd) in l.grad_w.iter().flatten().zip(l.fd_w.iter().flatten()) {
            assert!(fd_agrees(g, fd.unwrap()), "{g:?} vs {fd:?}");
        }
    }
}

#[test]
fn l2_term_on_weights_only() {
    // λ = 1/10: penalty = 1/20 · (1 + 1 + 1/4 + 1 + 4 + 1) = 33/80
    // ∂W(2) = (0, 3/2) + 1/10·(2, 1) = (1/5, 8/5); ∂b(2) = δ(2) = 1 (no λ term)
    let t = small(Convention::Column)
        .trace(&v(&["1", "2"]), &objective("1/10"))
        .unwrap();
    assert_eq!(t.penalty, q("33/80"));
    assert_eq!(t.loss, q("1/2").add(&q("33/80")).unwrap());
    assert_eq!(t.layers[1].grad_w, m(&[&["1/5", "8/5"]]));
    assert_eq!(t.layers[1].grad_b, v(&["1"]));
    // W ← W − η(∂L/∂W + λW): 1 − 1/2 · 8/5 = 1/5
    assert_eq!(t.layers[1].new_w.as_ref().unwrap()[0][1], q("1/5"));
}

#[test]
fn row_convention_is_the_same_network() {
    let a = small(Convention::Column)
        .trace(&v(&["1", "2"]), &objective("1/10"))
        .unwrap();
    let b = small(Convention::Row)
        .trace(&v(&["1", "2"]), &objective("1/10"))
        .unwrap();
    assert_eq!(a.layers, b.layers);
}

#[test]
fn shapes_are_checked_with_the_layer_named() {
    let e = Network::new(
        Convention::Column,
        vec![
            layer(m(&[&["1", "2"], &["3", "4"]]), v(&["0", "0"]), "relu"),
            layer(m(&[&["1", "2", "3"]]), v(&["0"]), "identity"),
        ],
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("layer 2") && e.contains("expected 1×2") && e.contains("got 1×3"),
        "{e}"
    );
    let e = Network::new(
        Convention::Column,
        vec![
            layer(m(&[&["1"]]), v(&["0"]), "softmax"),
            layer(m(&[&["1"]]), v(&["0"]), "identity"),
        ],
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("softmax") && e.contains("last layer"), "{e}");
    let e = small(Convention::Column)
        .forward(&v(&["1"]))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("input: it has 1 value but layer 1's weight matrix W(1) is 2×2")
            && e.contains("takes 2 inputs"),
        "{e}"
    );
}

#[test]
fn softmax_cross_entropy_delta_is_y_hat_minus_y() {
    // equal logits: ŷ = (1/3, 1/3, 1/3) exactly; δ = ŷ − y = (1/3, −2/3, 1/3)
    let net = Network::new(
        Convention::Column,
        vec![layer(
            m(&[&["1"], &["1"], &["1"]]),
            v(&["0", "0", "0"]),
            "softmax",
        )],
    )
    .unwrap();
    let obj = Objective {
        target: v(&["0", "1", "0"]),
        loss: Loss::CrossEntropy,
        l2: q("0"),
        learning_rate: None,
    };
    let t = net.trace(&v(&["5"]), &obj).unwrap();
    assert_eq!(t.layers[0].a, v(&["1/3", "1/3", "1/3"]));
    assert_eq!(t.layers[0].delta, v(&["1/3", "-2/3", "1/3"]));
    // L = ln 3
    assert!((t.loss.to_f64() - 3f64.ln()).abs() < 1e-15);
    // the general Jacobian route gives the same δ: (diag(y) − y yᵀ)(−y/ŷ)
    let general = Activation::Softmax
        .backward(&t.layers[0].z, &t.layers[0].a, &t.layers[0].grad_a)
        .unwrap();
    assert_eq!(general, t.layers[0].delta);
}

#[test]
fn maxout_prelu_softplus_gradients_check() {
    // maxout(2) routes δ to the winning piece; PReLU has one γ per unit; every
    // gradient must match the central difference (no ties, no z at 0 here)
    let net = Network::new(
        Convention::Column,
        vec![
            layer(
                m(&[&["1", "2"], &["-1", "1/2"], &["1/3", "-1"], &["2", "1/4"]]),
                v(&["0", "1/8", "1/4", "-1/3"]),
                "maxout(2)",
            ),
            layer(
                m(&[&["1", "-1/2"], &["1/2", "1"]]),
                v(&["1/5", "-1/7"]),
                "prelu(1/10, 1/4)",
            ),
            layer(m(&[&["1", "-1"]]), v(&["1/4"]), "softplus"),
        ],
    )
    .unwrap();
    let obj = Objective {
        target: v(&["1/2"]),
        loss: Loss::Mse,
        l2: q("1/20"),
        learning_rate: None,
    };
    let t = net.trace(&v(&["3/4", "-1/2"]), &obj).unwrap();
    assert!(!t.layers.iter().any(|l| l.kink));
    for l in &t.layers {
        for (g, fd) in l
            .grad_w
            .iter()
            .flatten()
            .zip(l.fd_w.iter().flatten())
            .chain(l.grad_b.iter().zip(&l.fd_b))
        {
            assert!(fd_agrees(g, fd.unwrap()), "{} vs {fd:?}", g.to_f64());
        }
    }
    // maxout: 4 pre-activations, 2 units. Unit 1's pieces: 1·3/4 + 2·(-1/2) + 0 = -1/4 and
    // -1·3/4 + 1/2·(-1/2) + 1/8 = -7/8, so piece 1 wins and only it gets a gradient
    assert_eq!(t.layers[0].z[..2], v(&["-1/4", "-7/8"])[..]);
    assert_eq!(t.layers[0].z.len(), 4);
    assert_eq!(t.layers[0].a.len(), 2);
    assert!(t.layers[0].delta[1].is_zero() && !t.layers[0].delta[0].is_zero());
}

#[test]
fn relu_at_zero_uses_the_convention_and_is_flagged() {
    // z = 1·1 + (-1) = 0 exactly: ReLU'(0) = 0, so δ = 0 and ∂L/∂w = 0, while the
    // central difference sees the average slope 1/2·(a - t)·x; the layer is marked as a kink
    let net = Network::new(
        Convention::Column,
        vec![layer(m(&[&["1"]]), v(&["-1"]), "relu")],
    )
    .unwrap();
    let obj = Objective {
        target: v(&["1"]),
        loss: Loss::HalfSse,
        l2: q("0"),
        learning_rate: None,
    };
    let t = net.trace(&v(&["1"]), &obj).unwrap();
    let l = &t.layers[0];
    assert!(l.kink);
    assert_eq!(
        (l.z.clone(), l.delta.clone(), l.grad_w.clone()),
        (v(&["0"]), v(&["0"]), m(&[&["0"]]))
    );
    // one-sided slopes of L = 1/2 (relu(w - 1) - 1)²: 0 on the left, -1 on the right
    assert!((l.fd_w[0][0].unwrap() + 0.5).abs() < 1e-6);
}

#[test]
fn size_limits_suggest_float() {
    let zeros = |r: usize, c: usize| vec![vec![Scalar::zero(); c]; r];
    let big = Network::new(
        Convention::Column,
        vec![LayerSpec {
            weights: zeros(100, 100),
            bias: vec![Scalar::zero(); 100],
            activation: Activation::Relu,
        }],
    )
    .unwrap();
    assert_eq!(big.parameter_count(), 10_100);
    // past the traced limit even --float cannot help, so the message does not suggest it
    let e = big.check_size(true).unwrap_err().to_string();
    assert!(
        e.contains("10100 parameters") && e.contains("10000") && !e.contains("--float"),
        "{e}"
    );
    // between the two limits: exact refuses and suggests --float, float runs
    let mid = Network::new(
        Convention::Column,
        vec![LayerSpec {
            weights: zeros(50, 50),
            bias: vec![Scalar::zero(); 50],
            activation: Activation::Relu,
        }],
    )
    .unwrap();
    let e = mid.check_size(false).unwrap_err().to_string();
    assert!(
        e.contains("2550 parameters") && e.contains("--float"),
        "{e}"
    );
    assert!(mid.check_size(true).is_ok());
}

// ---- property tests ------------------------------------------------------

// ELU is differentiable at 0 only for γ = 1 (left slope γe^0 = γ, right slope 1),
// and z = 0 exactly is common with these fractions, so the smooth set uses elu(1).
const SMOOTH: &[&str] = &["sigmoid", "tanh", "softplus", "identity", "elu(1)"];
const PIECEWISE: &[&str] = &["relu", "leaky_relu(1/10)", "identity", "maxout(2)"];

/// A random network: layer sizes from `sizes`, weights as small fractions.
fn net_from(sizes: &[usize], acts: &[&str], nums: &[i64], conv: Convention) -> Network {
    let mut it = nums.iter().cycle();
    let mut next = || Scalar::ratio(*it.next().unwrap(), 4);
    let specs = sizes
        .windows(2)
        .zip(acts)
        .map(|(w, f)| {
            let act = Activation::parse(f).unwrap();
            let rows = w[1] * act.pieces();
            let col: Matrix = (0..rows)
                .map(|_| (0..w[0]).map(|_| next()).collect())
                .collect();
            let weights = if conv == Convention::Row {
                transpose(&col)
            } else {
                col
            };
            LayerSpec {
                weights,
                bias: (0..rows).map(|_| next()).collect(),
                activation: act,
            }
        })
        .collect();
    Network::new(conv, specs).unwrap()
}

fn sizes() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..4, 2..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn gradients_agree_with_finite_differences(
        sizes in sizes(),
        acts in prop::collection::vec(prop::sample::select(SMOOTH), 4),
        nums in prop::collection::vec(-8i64..9, 1..40),
        loss in prop::sample::select(vec![Loss::Mse, Loss::HalfSse]),
        l2 in 0i64..3,
    ) {
        let net = net_from(&sizes, &acts, &nums, Convention::Column).to_float();
        let x: Vec<Scalar> = (0..net.inputs()).map(|i| Scalar::Float(0.5 - i as f64 * 0.3)).collect();
        let obj = Objective { target: vec![Scalar::Float(0.25); net.outputs()], loss, l2: Scalar::ratio(l2, 10), learning_rate: None };
        let t = net.trace(&x, &obj).unwrap();
        // ELU(1/2) has a kink at 0 (slopes 1/2 and 1): a central difference there is one-sided
        prop_assume!(!t.layers.iter().any(|l| l.kink));
        for l in &t.layers {
            for (g, fd) in l.grad_w.iter().flatten().zip(l.fd_w.iter().flatten()).chain(l.grad_b.iter().zip(&l.fd_b)) {
                let fd = fd.unwrap();
                prop_assert!((g.to_f64() - fd).abs() <= 1e-5 * g.to_f64().abs().max(1.0), "{} vs {}", g.to_f64(), fd);
            }
        }
    }

    #[test]
    fn exact_and_float_agree(
        sizes in sizes(),
        acts in prop::collection::vec(prop::sample::select(PIECEWISE), 4),
        nums in prop::collection::vec(-8i64..9, 1..40),
    ) {
        let net = net_from(&sizes, &acts, &nums, Convention::Column);
        let x: Vec<Scalar> = (0..net.inputs()).map(|i| Scalar::ratio(3 - 2 * i as i64, 2)).collect();
        let obj = Objective { target: vec![Scalar::ratio(1, 3); net.outputs()], loss: Loss::Mse, l2: Scalar::ratio(1, 10), learning_rate: Some(Scalar::ratio(1, 2)) };
        let exact = net.trace(&x, &obj).unwrap();
        prop_assert!(exact.loss.is_exact());
        let xf: Vec<Scalar> = x.iter().map(Scalar::to_float).collect();
        let of = Objective { target: obj.target.iter().map(Scalar::to_float).collect(), l2: obj.l2.to_float(), learning_rate: obj.learning_rate.as_ref().map(Scalar::to_float), ..obj.clone() };
        let float = net.to_float().trace(&xf, &of).unwrap();
        let close = |a: &Scalar, b: &Scalar| (a.to_f64() - b.to_f64()).abs() <= 1e-9 * a.to_f64().abs().max(1.0);
        prop_assert!(close(&exact.loss, &float.loss));
        for (e, f) in exact.layers.iter().zip(&float.layers) {
            for (a, b) in e.grad_w.iter().flatten().zip(f.grad_w.iter().flatten()).chain(e.delta.iter().zip(&f.delta)).chain(e.a.iter().zip(&f.a)) {
                prop_assert!(a.is_exact() && close(a, b));
            }
        }
    }

    #[test]
    fn row_and_column_notations_agree(
        sizes in sizes(),
        acts in prop::collection::vec(prop::sample::select(SMOOTH), 4),
        nums in prop::collection::vec(-8i64..9, 1..40),
    ) {
        let col = net_from(&sizes, &acts, &nums, Convention::Column);
        let row = net_from(&sizes, &acts, &nums, Convention::Row);
        let x: Vec<Scalar> = (0..col.inputs()).map(|i| Scalar::ratio(i as i64, 3)).collect();
        let obj = Objective { target: vec![Scalar::ratio(1, 2); col.outputs()], loss: Loss::HalfSse, l2: Scalar::zero(), learning_rate: Some(Scalar::ratio(1, 10)) };
        prop_assert_eq!(col.trace(&x, &obj).unwrap().layers, row.trace(&x, &obj).unwrap().layers);
    }

    #[test]
    fn softmax_output_gradients_agree(
        sizes in sizes(),
        acts in prop::collection::vec(prop::sample::select(SMOOTH), 4),
        nums in prop::collection::vec(-8i64..9, 1..40),
        ce in any::<bool>(),
    ) {
        // the last layer is softmax; with cross-entropy δ(L) = ŷ - y, with MSE the
        // full Jacobian (diag(ŷ) - ŷŷᵀ)·∂L/∂ŷ; both must match central differences
        let mut acts: Vec<&str> = acts[..sizes.len() - 1].to_vec();
        *acts.last_mut().unwrap() = "softmax";
        let net = net_from(&sizes, &acts, &nums, Convention::Column).to_float();
        let n = net.outputs();
        let x: Vec<Scalar> = (0..net.inputs()).map(|i| Scalar::Float(0.7 - i as f64 * 0.4)).collect();
        let loss = if ce { Loss::CrossEntropy } else { Loss::Mse };
        let obj = Objective { target: vec![Scalar::Float(1.0 / n as f64); n], loss, l2: Scalar::ratio(1, 20), learning_rate: None };
        let t = net.trace(&x, &obj).unwrap();
        prop_assert_eq!(t.softmax_shortcut, ce);
        for l in &t.layers {
            for (g, fd) in l.grad_w.iter().flatten().zip(l.fd_w.iter().flatten()).chain(l.grad_b.iter().zip(&l.fd_b)) {
                let fd = fd.unwrap();
                prop_assert!((g.to_f64() - fd).abs() <= 1e-5 * g.to_f64().abs().max(1.0), "{} vs {}", g.to_f64(), fd);
            }
        }
    }
}
