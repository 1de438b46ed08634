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
    assert_eq!(out.status.code(), Some(2), "{err}");
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
