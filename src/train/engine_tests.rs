//! The engine against finite differences and against hand-computed values.

use super::*;
use crate::scalar::Scalar;

/// Inputs of 5 samples with 3 features, and targets for 2 outputs.
fn batch() -> (Vec<f64>, Vec<u32>, Vec<f64>) {
    let x = vec![
        0.5, -1.0, 2.0, //
        1.5, 0.3, -0.7, //
        -0.2, 0.8, 0.1, //
        0.9, -1.1, 0.4, //
        -1.3, 0.6, 1.2,
    ];
    let labels = vec![0, 1, 1, 0, 1];
    let values = vec![0.2, 0.9, 0.4, 0.1, 0.7, 0.3, 0.5, 0.5, 0.0, 1.0];
    (x, labels, values)
}

/// Every gradient of R = mean L + λ/2‖W‖² agrees with a central difference
/// (R(p + h) − R(p − h)) / 2h, for each hidden activation and each loss.
#[test]
fn gradients_match_finite_differences() {
    let (x, labels, values) = batch();
    let cases = [
        (Activation::Sigmoid, Activation::Softmax, Loss::CrossEntropy),
        (Activation::Tanh, Activation::Identity, Loss::Mse),
        (Activation::Relu, Activation::Sigmoid, Loss::Bce),
        (
            Activation::LeakyRelu(Scalar::ratio(1, 10)),
            Activation::Identity,
            Loss::HalfSse,
        ),
        (
            Activation::Elu(Scalar::one()),
            Activation::Sigmoid,
            Loss::Mse,
        ),
        (
            Activation::Softplus,
            Activation::Softmax,
            Loss::CrossEntropy,
        ),
    ];
    for (hidden, output, loss) in cases {
        let name = format!("{hidden}/{output}/{loss}");
        let mut net =
            Mlp::<f64>::new(&[3, 4, 3, 2], hidden, output, loss, Init::XavierNormal, 11).unwrap();
        // Non-zero biases so every term of the gradient is exercised.
        for (l, layer) in net.layers.iter_mut().enumerate() {
            for (j, b) in layer.b.iter_mut().enumerate() {
                *b = 0.1 * (j as f64 + 1.0) - 0.05 * l as f64;
            }
        }
        let targets = if loss == Loss::CrossEntropy {
            Targets::Labels(&labels)
        } else {
            Targets::Values(&values)
        };
        let l2 = 0.01;
        let mut ws = Workspace::new(&net, 5);
        let bsz = net.load(&mut ws, &x);
        net.gradients(&mut ws, bsz, targets, l2);
        let (gw, gb) = (ws.grad_w.clone(), ws.grad_b.clone());
        let h = 1e-6;
        for l in 0..net.layers.len() {
            for i in 0..net.layers[l].w.len() + net.layers[l].b.len() {
                let nw = net.layers[l].w.len();
                let mut probe = |d: f64| {
                    let mut n = net.clone();
                    if i < nw {
                        n.layers[l].w[i] += d;
                    } else {
                        n.layers[l].b[i - nw] += d;
                    }
                    n.risk(&mut ws, bsz, targets, l2)
                };
                let fd = (probe(h) - probe(-h)) / (2.0 * h);
                let g = if i < nw { gw[l][i] } else { gb[l][i - nw] };
                assert!(
                    (fd - g).abs() < 1e-7 * (1.0 + g.abs()),
                    "{name}: layer {} param {i}: backprop {g}, finite difference {fd}",
                    l + 1
                );
            }
        }
    }
}

/// One hand-checked step. Network 2-1 (identity output, half SSE), W = (1, 2)ᵀ,
/// b = 0, one sample x = (1, 1), t = 0:
/// z = 1·1 + 1·2 = 3, L = ½·3² = 9/2, δ = z − t = 3, ∂L/∂W = xᵀδ = (3, 3),
/// ∂L/∂b = 3. With lr = 1/10 and λ = 1: W ← (1 − 1/10)W − (1/10)(3, 3)
/// = (0.9 − 0.3, 1.8 − 0.3) = (0.6, 1.5), b ← 0 − 0.3 = −0.3.
#[test]
fn one_fused_step_by_hand() {
    let mut net = Mlp::<f64>::new(
        &[2, 1],
        Activation::Relu,
        Activation::Identity,
        Loss::HalfSse,
        Init::Zeros,
        0,
    )
    .unwrap();
    net.layers[0].w = vec![1.0, 2.0];
    let mut ws = Workspace::new(&net, 1);
    let bsz = net.load(&mut ws, &[1.0, 1.0]);
    net.forward(&mut ws, bsz);
    let s = net.output_delta(&mut ws, bsz, Targets::Values(&[0.0]), None);
    assert_eq!(s.loss_sum, 4.5);
    net.backward(&mut ws, bsz, Update::Step { lr: 0.1, l2: 1.0 });
    let w = &net.layers[0].w;
    assert!(
        (w[0] - 0.6).abs() < 1e-15 && (w[1] - 1.5).abs() < 1e-15,
        "{w:?}"
    );
    assert!((net.layers[0].b[0] + 0.3).abs() < 1e-15);
}

/// The fused step (update folded into the product) and store-then-apply give
/// the same parameters, in f32 as in f64, with products big enough for faer.
#[test]
fn fused_step_equals_store_then_apply() {
    let sizes = [40, 64, 48, 10];
    let mut rng = Rng::new(5);
    let x: Vec<f32> = (0..32 * 40).map(|_| rng.uniform() as f32).collect();
    let labels: Vec<u32> = (0..32).map(|_| rng.below(10) as u32).collect();
    let net0 = Mlp::<f32>::new(
        &sizes,
        Activation::Relu,
        Activation::Softmax,
        Loss::CrossEntropy,
        Init::HeUniform,
        2,
    )
    .unwrap();
    let (mut a, mut b) = (net0.clone(), net0.clone());
    let mut ws = Workspace::new(&a, 32);
    let bsz = a.load(&mut ws, &x);
    a.gradients(&mut ws, bsz, Targets::Labels(&labels), 0.001);
    a.apply(&ws, 0.1);
    b.forward(&mut ws, bsz);
    b.output_delta(&mut ws, bsz, Targets::Labels(&labels), None);
    b.backward(&mut ws, bsz, Update::Step { lr: 0.1, l2: 0.001 });
    for (la, lb) in a.layers.iter().zip(&b.layers) {
        for (p, q) in la.w.iter().zip(&lb.w).chain(la.b.iter().zip(&lb.b)) {
            assert!((p - q).abs() < 1e-6, "{p} vs {q}");
        }
    }
    assert!(
        a.layers[0].w != net0.layers[0].w,
        "the step changed nothing"
    );
}

/// faer's products give the same bits with one thread as with two or three, so the
/// numbers of a run do not depend on the machine's core count.
#[test]
fn products_do_not_depend_on_thread_count() {
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let mut rng = Rng::new(9);
            let x: Vec<f32> = (0..64 * 100).map(|_| rng.uniform() as f32).collect();
            let labels: Vec<u32> = (0..64).map(|_| rng.below(10) as u32).collect();
            let mut net = Mlp::<f32>::new(
                &[100, 96, 80, 10],
                Activation::Relu,
                Activation::Softmax,
                Loss::CrossEntropy,
                Init::HeUniform,
                4,
            )
            .unwrap();
            let mut ws = Workspace::new(&net, 64);
            let bsz = net.load(&mut ws, &x);
            for _ in 0..3 {
                net.forward(&mut ws, bsz);
                net.output_delta(&mut ws, bsz, Targets::Labels(&labels), None);
                net.backward(&mut ws, bsz, Update::Step { lr: 0.1, l2: 0.0 });
            }
            net.layers
                .iter()
                .flat_map(|l| l.w.clone())
                .collect::<Vec<f32>>()
        })
    };
    // 64 × 100 × 96 and 64 × 96 × 80 are above the portable threshold: faer.
    let one = run(1);
    for threads in [2, 3] {
        let other = run(threads);
        let same = one
            .iter()
            .zip(&other)
            .all(|(a, b)| a.to_bits() == b.to_bits());
        assert!(same, "{threads} threads give other numbers than 1");
    }
}

/// One step of this engine and of the traced engine (`network`, issue 3) on
/// the same network and sample give the same gradients and the same updated
/// parameters: the two share the definitions of activations and losses.
#[test]
fn one_step_agrees_with_the_traced_engine() {
    use crate::network::{Convention, LayerSpec, Network, Objective};
    let cases = [
        (
            Activation::Sigmoid,
            Activation::Softmax,
            Loss::CrossEntropy,
            vec![0.0, 1.0],
        ),
        (
            Activation::Tanh,
            Activation::Identity,
            Loss::Mse,
            vec![0.3, -0.2],
        ),
        (
            Activation::LeakyRelu(Scalar::ratio(1, 10)),
            Activation::Sigmoid,
            Loss::Bce,
            vec![1.0, 0.0],
        ),
    ];
    let x = [0.5, -1.0, 2.0];
    let (lr, l2) = (0.1, 0.01);
    for (hidden, output, loss, target) in cases {
        let mut fast = Mlp::<f64>::new(
            &[3, 4, 2],
            hidden.clone(),
            output.clone(),
            loss,
            Init::HeNormal,
            3,
        )
        .unwrap();
        fast.layers[0].b = vec![0.1, -0.2, 0.3, 0.05];
        // The same weights, written in the row convention (W is in × out).
        let specs = fast
            .layers
            .iter()
            .map(|l| LayerSpec {
                weights: l
                    .w
                    .chunks(l.n_out)
                    .map(|row| row.iter().map(|v| Scalar::Float(*v)).collect())
                    .collect(),
                bias: l.b.iter().map(|v| Scalar::Float(*v)).collect(),
                activation: l.act.clone(),
            })
            .collect();
        let traced = Network::new(Convention::Row, specs).unwrap();
        let obj = Objective {
            target: target.iter().map(|t| Scalar::Float(*t)).collect(),
            loss,
            l2: Scalar::Float(l2),
            learning_rate: Some(Scalar::Float(lr)),
        };
        let trace = traced.trace(&x.map(Scalar::Float), &obj).unwrap();
        let mut ws = Workspace::new(&fast, 1);
        let bsz = fast.load(&mut ws, &x);
        let targets = match loss {
            Loss::CrossEntropy => vec![1u32],
            _ => vec![],
        };
        let t = if loss == Loss::CrossEntropy {
            Targets::Labels(&targets)
        } else {
            Targets::Values(&target)
        };
        fast.gradients(&mut ws, bsz, t, l2);
        let before = fast.clone();
        fast.apply(&ws, lr);
        for (l, (tl, fl)) in trace.layers.iter().zip(&before.layers).enumerate() {
            // Traced W is out × in (column convention); ours is in × out.
            for i in 0..fl.n_in {
                for j in 0..fl.n_out {
                    let (g, h) = (tl.grad_w[j][i].to_f64(), ws.grad_w[l][i * fl.n_out + j]);
                    assert!(
                        (g - h).abs() < 1e-12,
                        "{loss}: ∂W({})[{i},{j}]: {g} vs {h}",
                        l + 1
                    );
                    let nw = tl.new_w.as_ref().unwrap()[j][i].to_f64();
                    assert!((nw - fast.layers[l].w[i * fl.n_out + j]).abs() < 1e-12);
                }
                for j in 0..fl.n_out {
                    assert!((tl.grad_b[j].to_f64() - ws.grad_b[l][j]).abs() < 1e-12);
                }
            }
        }
    }
}
