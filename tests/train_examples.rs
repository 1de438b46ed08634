//! The numbers of the training examples, each against the deck or an
//! independent derivation (in the comments).

use nn_tutor::catalog;
use nn_tutor::report::Settings;
use nn_tutor::scalar::Scalar;

fn result(id: &str, n: u32, name: &str) -> Scalar {
    let r = catalog::find(id, n)
        .unwrap()
        .run(&[], &Settings::default())
        .unwrap();
    r.result(name)
        .unwrap_or_else(|| panic!("{id}/{n} has no result {name}"))
        .clone()
}

fn exact(id: &str, n: u32, name: &str) -> String {
    result(id, n, name).exact_string().expect("an exact result")
}

#[test]
fn gradient_descent_1_by_hand() {
    // x = (1, 2, 3), y = (3, 5, 7), w = b = 0, α = 1/10.
    // Step 1: errors (−3, −5, −7): J = 83/3, ∂J/∂w = 2/3·(−34) = −68/3,
    // ∂J/∂b = 2/3·(−15) = −10, so w = 68/30 = 34/15, b = 1.
    // Step 2: ŷ = (49, 83, 117)/15, errors (4, 8, 12)/15: J = 224/675,
    // ∂J/∂w = 112/45, ∂J/∂b = 16/15, so w = 34/15 − 56/225 = 454/225,
    // b = 1 − 8/75 = 67/75.
    for (k, v) in [
        ("J_1", "83/3"),
        ("w_1", "34/15"),
        ("b_1", "1"),
        ("J_2", "224/675"),
        ("w_2", "454/225"),
        ("b_2", "67/75"),
    ] {
        assert_eq!(exact("gradient-descent", 1, k), v, "{k}");
    }
}

#[test]
fn gradient_descent_2_small_good_large() {
    // α = 0.2 > 2/λ_max ≈ 0.1803 diverges; α = 0.1 converges; α = 0.01 is slow.
    let j = |k: &str| result("gradient-descent", 2, k).to_f64();
    assert!(j("J_8 large") > 83.0 / 3.0);
    assert!(j("J_8 good") < 0.01);
    assert!(j("J_8 small") > j("J_8 good") && j("J_8 small") < 83.0 / 3.0);
}

#[test]
fn gradient_descent_4_is_the_jq_deck() {
    // JQ: 55,000 samples, batch 100: 550 steps, indices 0-549.
    assert_eq!(exact("gradient-descent", 4, "iterations per epoch"), "550");
    assert_eq!(exact("gradient-descent", 4, "last index"), "549");
    assert_eq!(exact("gradient-descent", 4, "last batch"), "100");
    // B = 128: ⌈55000/128⌉ = 430 (429·128 = 54,912), last batch 88.
    assert_eq!(
        exact("gradient-descent", 4, "iterations per epoch (other batch)"),
        "430"
    );
    assert_eq!(
        exact("gradient-descent", 4, "last batch (other batch)"),
        "88"
    );
}

#[test]
fn vanishing_and_exploding() {
    // Ten sigmoid layers: the gradient of W(1) is below (1/4)^10 · ‖∂L/∂W(L)‖
    // times a small factor; ReLU + He keeps it within one order of magnitude.
    let sig = result("vanishing", 1, "ratio sigmoid").to_f64();
    assert!(sig < 1e-5, "{sig}");
    let relu = result("vanishing", 1, "ratio relu").to_f64();
    assert!((0.1..10.0).contains(&relu), "{relu}");
    // Gain 2 over 10 layers: δ grows by about 2^10 = 1024 from layer L to 1.
    let d = result("vanishing", 2, "delta ratio").to_f64();
    assert!((200.0..5000.0).contains(&d), "{d}");
}

#[test]
fn dying_relu_stays_dead_and_leaky_recovers() {
    // The ReLU network can only move b2 once its unit is dead, so its loss
    // is at least that of predicting the mean 1.25 of y = 0.5, 1, 1.5, 2:
    // (1/4)·Σ ½(y − 1.25)² = 0.15625. The Leaky network keeps learning w1,
    // b1 and ends far below (0.000969 in tests/independent/dying.py) —
    // without its unit ever firing again: on z < 0 it passes 0.1·z on.
    assert_eq!(exact("dying-relu", 1, "relu dead in all epochs"), "1");
    let relu = result("dying-relu", 1, "relu loss, last epoch").to_f64();
    let leaky = result("dying-relu", 1, "leaky loss, last epoch").to_f64();
    assert!(relu >= 0.15625, "{relu}");
    assert!(leaky < relu / 100.0, "Leaky {leaky} against ReLU {relu}");
    assert_eq!(exact("dying-relu", 1, "leaky fires again in epoch"), "0");
}

#[test]
fn xor_3_learns_all_four_points() {
    for (k, want) in [
        ("y(0,0)", 0.0),
        ("y(0,1)", 1.0),
        ("y(1,0)", 1.0),
        ("y(1,1)", 0.0),
    ] {
        let y = result("xor", 3, k).to_f64();
        assert!((y - want).abs() < 0.1, "{k} = {y}");
    }
}

#[test]
fn approximation_error_falls_like_one_over_n_squared() {
    // Interpolating sin(πx) at n + 1 knots: error ≤ h²/8·max|f''| = π²/(8n²).
    for n in [2, 4, 8, 16, 32, 64] {
        let e = result("approximation", 1, &format!("error n={n}")).to_f64();
        let bound = std::f64::consts::PI.powi(2) / (8.0 * (n * n) as f64);
        assert!(e <= bound && e > bound / 2.0, "n = {n}: {e} vs {bound}");
    }
}

#[test]
fn training_2_witness_is_above_the_chord() {
    // Recompute the reported witness independently: P = (−4, −8), Q = (8, 2),
    // M = (2, −3), L = (σ(w2 σ(w1)) − 1)².
    let s = |z: f64| 1.0 / (1.0 + (-z).exp());
    let l = |w1: f64, w2: f64| (s(w2 * s(w1)) - 1.0).powi(2);
    let gap = l(2.0, -3.0) - (l(-4.0, -8.0) + l(8.0, 2.0)) / 2.0;
    let got = result("training", 2, "gap above chord").to_f64();
    assert!((gap - got).abs() < 1e-12 && gap > 0.7, "{gap} vs {got}");
}

#[test]
fn training_1_stops_early_and_keeps_the_best_epoch() {
    let r = catalog::find("training", 1)
        .unwrap()
        .run(&[], &Settings::default())
        .unwrap();
    let run = r.result("epochs_run").unwrap().to_f64();
    let kept = r.result("kept_epoch").unwrap().to_f64();
    assert!(run < 60.0, "early stopping never triggered");
    assert_eq!(run - kept, 3.0, "patience 3: stops 3 epochs after the best");
    assert!(r.result("validation_accuracy").unwrap().to_f64() > 0.9);
}

#[test]
fn training_3_digits_reach_90_percent_on_the_test_set() {
    let acc = result("training", 3, "test_accuracy").to_f64();
    assert!(acc >= 0.9, "test accuracy {acc}");
}

#[test]
fn training_3_source_says_which_data_and_batch_it_runs() {
    // The 8×8 digits: 1,797 samples, 20% test and 10% validation leave
    // N = 1258 for training (snapshot); with B = 32, ⌈1258/32⌉ = 40
    // iterations per epoch and a last batch of 1258 − 39·32 = 10. JQ's
    // example is MNIST with batch 100, which this run is not: the source
    // must name what runs.
    let r = catalog::find("training", 3)
        .unwrap()
        .run(&[], &Settings::default())
        .unwrap();
    assert_eq!(r.result("iterations_per_epoch").unwrap().to_f64(), 40.0);
    assert_eq!(r.result("last_batch").unwrap().to_f64(), 10.0);
    let jq = r.sources.iter().find(|s| s.starts_with("JQ deck")).unwrap();
    assert!(jq.contains("8×8 digits with batch 32"), "{jq}");
}
