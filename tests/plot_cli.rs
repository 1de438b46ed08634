//! `explain --plot FILE.svg` on the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn explain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nn-tutor"))
        .arg("explain")
        .args(args)
        .output()
        .unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("plot_cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn writes_an_svg_and_never_overwrites_without_force() {
    let d = dir("write");
    let f = d.join("act.svg");
    let path = f.to_str().unwrap();
    let out = explain(&["activation", "-e", "1", "--plot", path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&f).unwrap();
    // five panels, f and f' in each: ten 2-px curves plus their ten legend
    // swatches (axes and ticks are 1 px), and the panel titles as text
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    let thick = svg
        .lines()
        .filter(|l| l.starts_with("<polyline") && l.contains("stroke-width=\"2\""))
        .count();
    assert_eq!(thick, 20);
    assert!(svg.contains("tanh: f and f"));
    // a second run refuses, names the file and the flag, and leaves the file alone
    std::fs::write(&f, "keep").unwrap();
    let out = explain(&["activation", "-e", "1", "--plot", path]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(path) && err.contains("--force") && !err.contains("panicked at"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&f).unwrap(), "keep");
    assert!(
        explain(&["activation", "-e", "1", "--plot", path, "--force"])
            .status
            .success()
    );
    assert!(std::fs::read_to_string(&f).unwrap().starts_with("<svg"));
    // no temporary file is left behind
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
}

#[test]
fn softmax_bars() {
    let d = dir("bars");
    let f = d.join("p.svg");
    assert!(
        explain(&["softmax", "-e", "1", "--plot", f.to_str().unwrap()])
            .status
            .success()
    );
    let svg = std::fs::read_to_string(&f).unwrap();
    // three bars (filled rectangles beyond the background) labelled k = 1..3
    assert!(svg.contains("k = 3"));
    assert!(svg.matches("<rect").count() >= 4);
}

#[test]
fn iterations_per_epoch_against_the_batch_size() {
    let d = dir("iterations");
    let f = d.join("gd4.svg");
    let out = explain(&["gradient-descent", "-e", "4", "--plot", f.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&f).unwrap();
    // JQ: ⌈55000/100⌉ = 550; the other default batch, ⌈55000/128⌉ = 430 (429·128 = 54912 < 55000).
    assert!(svg.contains("B = 100: 550 iterations"), "{svg}");
    assert!(svg.contains("B = 128: 430 iterations"));
    assert!(svg.contains("batch size B"));
}

#[test]
fn an_example_without_a_plot_says_which_have_one() {
    let d = dir("none");
    let out = explain(&[
        "xor",
        "-e",
        "2",
        "--plot",
        d.join("x.svg").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("xor/2 has no plot") && err.contains("activation/1"),
        "{err}"
    );
    assert!(!d.join("x.svg").exists());
}

/// The text of every `<text>` element of an SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>'))
        .map(|(_, rest)| {
            rest.split("</text>")
                .next()
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect()
}

fn plot(args: &[&str], name: &str) -> String {
    let d = dir(name);
    let f = d.join("p.svg");
    let mut all = args.to_vec();
    all.extend(["--plot", f.to_str().unwrap()]);
    let out = explain(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&f).unwrap()
}

#[test]
fn activation_ticks_read_as_numbers_with_labels_on_both_axes() {
    let svg = plot(&["activation", "-e", "1"], "ticks");
    let t = texts(&svg);
    assert!(svg.contains("<title>"), "no title");
    // tanh once showed a "-0.0" tick; ticks now drop ".0" and use "−"
    for bad in ["-0.0", "−0", "-0", "5.0", "1.0"] {
        assert!(!t.iter().any(|s| s == bad), "tick {bad} in {t:?}");
    }
    assert!(t.iter().any(|s| s == "−4") && t.iter().any(|s| s == "0.5"));
    // both axes named in each of the five panels
    assert_eq!(t.iter().filter(|s| *s == "z").count(), 5);
    assert_eq!(t.iter().filter(|s| *s == "f(z), f&apos;(z)").count(), 5);
    // f' is dashed, f is solid, in two Okabe-Ito colours
    assert!(svg.contains("stroke=\"#D55E00\" stroke-width=\"2\" stroke-dasharray=\"8 4\""));
    assert!(svg.contains("stroke=\"#0072B2\" stroke-width=\"2\" points"));
}

#[test]
fn learning_rates_on_a_log_scale_and_steps_in_whole_numbers() {
    // J runs from 0.000986 (α = 0.1) to 654 (α = 0.2): a linear axis made
    // α = 0.01 and 0.1 look like zero.
    let svg = plot(&["gradient-descent", "-e", "2"], "log");
    let t = texts(&svg);
    assert!(t.iter().any(|s| s == "J(w, b) (log scale)"), "{t:?}");
    for decade in ["0.001", "1", "100", "1000"] {
        assert!(t.iter().any(|s| s == decade), "{decade} missing: {t:?}");
    }
    // steps 0..8 labelled 0, 1, …, 8 and never 2.5 or 5.0
    for k in 0..=8 {
        assert!(t.iter().any(|s| *s == k.to_string()), "step {k}: {t:?}");
    }
    assert!(
        !t.iter()
            .any(|s| s.contains('.') && s.ends_with('5') && s.len() == 3)
    );
}

#[test]
fn the_early_stopping_plot_marks_the_kept_epoch() {
    let svg = plot(&["training", "-e", "1"], "kept");
    // training/1 keeps epoch 32 (the snapshot's validation minimum)
    assert!(svg.contains("parameters kept (epoch 32)"), "no mark");
    assert!(svg.contains("<circle"), "no dot");
    assert!(texts(&svg).iter().any(|s| s == "loss"), "no y label");
}

#[test]
fn the_loss_surface_has_a_colour_bar() {
    let svg = plot(&["training", "-e", "2"], "bar");
    let t = texts(&svg);
    assert!(
        t.iter().any(|s| s == "L(w1, w2)"),
        "no colour-bar label: {t:?}"
    );
    // a hundred bands of the bar besides the 41×41 cells and the background
    assert!(
        svg.matches("<rect").count() >= 41 * 41 + 100,
        "no colour bar"
    );
}
