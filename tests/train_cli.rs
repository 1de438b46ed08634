//! `nn-tutor train` on the real binary: a pinned seeded run, the plot file,
//! and every bad input of issue 4 (exit status, the message names the
//! problem, no panic, nothing on stdout, no file left behind).

use std::process::{Command, Output};

use insta_cmd::assert_cmd_snapshot;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nn-tutor"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin()
        .arg("train")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A failure: exit status, phrases stderr must contain, no panic, no stdout.
fn fails(args: &[&str], code: i32, phrases: &[&str]) {
    let out = run(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    for p in phrases {
        assert!(err.contains(p), "{args:?}: stderr lacks {p:?}: {err}");
    }
    assert!(!err.contains("panicked at"), "{args:?} panicked: {err}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout on error");
}

const XOR: &[&str] = &[
    "--data",
    "xor",
    "--layers",
    "2,4,1",
    "--activation",
    "tanh",
    "--loss",
    "mse",
    "--optimizer",
    "gd",
    "--lr",
    "0.1",
    "--epochs",
    "300",
];

#[test]
fn xor_by_full_batch_gd_is_pinned() {
    // Seed 0: the loss falls from about 0.52 to about 1e-5 and all four
    // points end on the right side of 1/2 (accuracy 1).
    assert_cmd_snapshot!(bin().arg("train").args(XOR));
    let out = run(&[XOR, &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["results"]["training_accuracy"]["float"], 1.0);
    assert_eq!(v["results"]["iterations_per_epoch"]["exact"], "1");
    assert!(v["results"]["loss"]["float"].as_f64().unwrap() < 1e-4);
}

#[test]
fn iteration_arithmetic_with_a_partial_last_batch() {
    // digits with --test 0.2: 1797 − round(359.4) = 1438 training samples;
    // B = 100 gives ⌈1438/100⌉ = 15 iterations, the last one of 38 samples.
    let out = run(&[
        "--data", "digits", "--layers", "64,10", "--batch", "100", "--epochs", "1", "--test",
        "0.2", "--format", "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["results"]["iterations_per_epoch"]["exact"], "15");
    assert_eq!(v["results"]["last_batch"]["exact"], "38");
    let text = String::from_utf8(
        run(&[
            "--data", "digits", "--layers", "64,10", "--batch", "100", "--epochs", "1", "--test",
            "0.2",
        ])
        .stdout,
    )
    .unwrap();
    assert!(text.contains("⌈1438/100⌉"), "{text}");
    assert!(text.contains("uses the 38 samples that are left"), "{text}");
    assert!(
        text.contains("Confusion matrix · 混淆矩阵 (test set)"),
        "{text}"
    );
}

#[test]
fn same_seed_same_numbers_other_seed_other_numbers() {
    let args = |seed: &str| {
        run(&[
            "--data", "moons", "--layers", "2,8,2", "--epochs", "3", "--val", "0.2", "--seed",
            seed, "--format", "json",
        ])
        .stdout
    };
    assert_eq!(args("7"), args("7"));
    assert_ne!(args("7"), args("8"));
}

#[test]
fn plot_is_written_whole_and_never_over_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loss.svg");
    let p = path.to_str().unwrap();
    let out = run(&[XOR, &["--plot", p]].concat());
    assert!(out.status.success());
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    // Nothing else left in the folder (the temporary file was renamed).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    std::fs::write(&path, "mine").unwrap();
    fails(
        &[XOR, &["--plot", p]].concat(),
        2,
        &["already exists", "--force"],
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    assert!(
        run(&[XOR, &["--plot", p, "--force"]].concat())
            .status
            .success()
    );
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<svg"));
}

#[test]
fn layer_sizes_that_do_not_match_the_data() {
    fails(
        &["--data", "digits", "--layers", "10,5,10"],
        2,
        &["--layers 10,5,10", "number of inputs of digits: 64"],
    );
    fails(
        &["--data", "digits", "--layers", "64,5,3"],
        2,
        &["number of classes of digits: 10"],
    );
    fails(
        &["--data", "xor", "--layers", "2,0,2"],
        2,
        &["none of them 0"],
    );
}

#[test]
fn batch_sizes_out_of_range() {
    fails(
        &["--data", "xor", "--batch", "0"],
        2,
        &["--batch 0", "from 1 to", "4"],
    );
    fails(
        &["--data", "xor", "--batch", "5"],
        2,
        &["--batch 5", "from 1 to", "4"],
    );
    fails(
        &["--data", "xor", "--optimizer", "gd", "--batch", "2"],
        2,
        &["--batch 2 goes with --optimizer minibatch"],
    );
}

#[test]
fn the_default_batch_shrinks_to_a_small_data_set() {
    // The default mini-batch is 32; XOR has 4 samples, so without --batch
    // the batch is all 4 (one iteration per epoch), while an explicit
    // --batch 32 stays an error (above).
    let out = run(&["--data", "xor", "--epochs", "2", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["results"]["iterations_per_epoch"]["exact"], "1");
}

#[test]
fn learning_rates_that_are_not_positive_numbers() {
    for lr in ["0", "-0.1", "nan", "inf"] {
        fails(
            &["--data", "xor", "--lr", lr],
            2,
            &["--lr", "positive number"],
        );
    }
    fails(&["--data", "xor", "--lr", "fast"], 2, &["--lr", "fast"]);
}

#[test]
fn missing_and_truncated_idx_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = format!("mnist:{}", dir.path().display());
    fails(
        &["--data", &d],
        1,
        &[
            "train-images-idx3-ubyte",
            "does not exist",
            "IDX image file",
        ],
    );
    // A header announcing 2 images of 28×28 with only 100 pixels after it.
    let mut bytes = vec![0, 0, 8, 3];
    for n in [2u32, 28, 28] {
        bytes.extend_from_slice(&n.to_be_bytes());
    }
    bytes.extend(std::iter::repeat_n(7u8, 100));
    std::fs::write(dir.path().join("train-images-idx3-ubyte"), bytes).unwrap();
    fails(
        &["--data", &d],
        1,
        &[
            "train-images-idx3-ubyte",
            "truncated",
            "2×28×28 = 1568 bytes",
            "has 100",
        ],
    );
    fails(
        &["--data", "mnist:/no/such/dir"],
        1,
        &["/no/such/dir", "no such folder"],
    );
}

#[test]
fn divergence_stops_with_the_epoch_and_a_smaller_rate() {
    // ReLU + identity output + MSE with η = 10⁶: the outputs blow up to
    // infinity within a few full-batch steps, and then the loss is NaN.
    let dir = tempfile::tempdir().unwrap();
    let plot = dir.path().join("never.svg");
    fails(
        &[
            "--data",
            "xor",
            "--layers",
            "2,8,1",
            "--loss",
            "mse",
            "--optimizer",
            "gd",
            "--lr",
            "1000000",
            "--epochs",
            "100",
            "--plot",
            plot.to_str().unwrap(),
        ],
        1,
        &["diverged in epoch", "smaller learning rate", "--lr 100000"],
    );
    assert!(!plot.exists(), "a plot was written for a failed run");
}

#[test]
fn unknown_names_list_what_is_known() {
    fails(&["--data", "cifar"], 2, &["cifar", "digits", "mnist:DIR"]);
    fails(
        &["--data", "xor", "--activation", "swish"],
        2,
        &["swish", "relu"],
    );
    fails(
        &["--data", "xor", "--init", "orthogonal"],
        2,
        &["orthogonal", "he_uniform", "small"],
    );
    fails(&["--data", "xor", "--early-stopping", "3"], 2, &["--val"]);
}

#[test]
fn the_decks_random_small_init_trains_too() {
    // init/2's "random small" row, U(-0.01, 0.01), is the same definition
    // (Init::Small) that --init small uses: every layer shows r = 0.01.
    let out = run(&[
        "--data",
        "xor",
        "--layers",
        "2,4,1",
        "--loss",
        "mse",
        "--optimizer",
        "gd",
        "--epochs",
        "2",
        "--init",
        "small",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.matches("small: U(−r, r), r = 0.0100").count(),
        2,
        "{text}"
    );
}

#[test]
fn the_loss_surface_heat_map_is_written_as_svg() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("surface.svg");
    let out = bin()
        .args(["explain", "training", "--example", "2", "--plot"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    // 41 × 41 cells, each a filled rectangle, and the three marked points.
    assert!(svg.matches("<rect").count() >= 41 * 41, "too few cells");
    for label in ["P", "Q", "M"] {
        let text = format!(">\n{label}\n</text>");
        assert!(svg.contains(&text), "{label} is not marked");
    }
}

#[test]
fn runs_that_would_take_hours_need_long() {
    // digits 64-64-10: 6·(64·64 + 64·10) = 28,416 operations per sample,
    // × 1,797 samples × 1,000,000 epochs = 5.1·10¹³ > 5·10¹²: refused at once.
    fails(
        &[
            "--data", "digits", "--layers", "64,64,10", "--epochs", "1000000",
        ],
        2,
        &[
            "1000000 epochs",
            "exceeds the limit of 5e12 operations",
            "--long",
        ],
    );
}

#[test]
fn no_progress_bar_when_stderr_is_piped() {
    // NN_TUTOR_BAR_AFTER_MS=0 makes every run "long enough" for the bar, so
    // only the terminal check keeps it away: stderr, a pipe here, stays
    // empty (no bar, no escape codes), and stdout is the same report.
    let out = bin()
        .env("NN_TUTOR_BAR_AFTER_MS", "0")
        .arg("train")
        .args(XOR)
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.is_empty(), "stderr: {err:?}");
    assert_eq!(out.stdout, run(XOR).stdout);
}
