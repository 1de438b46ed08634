//! Bad `--set` values on the layer-level examples: a clear error naming the
//! parameter, a non-zero exit, no panic.

use std::process::Command;

fn explain(args: &str) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nn-tutor"))
        .arg("explain")
        .args(args.split_whitespace())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn whole_number_parameters_are_checked() {
    for (args, name) in [
        ("neuron -e 3 --set steps=0", "`steps`"),
        ("softmax -e 2 --set class=4", "`class`"),
        ("backprop -e 5 --set class=0", "`class`"),
        ("init -e 2 --set depth=1000", "`depth`"),
        ("network -e 1 --set n1=0", "`n1`"),
        ("xor -e 1 --set epochs=1/2", "`epochs`"),
    ] {
        let (code, err) = explain(args);
        assert_eq!(code, Some(2), "{args}: {err}");
        assert!(
            err.contains(name) && err.contains("whole number"),
            "{args}: {err}"
        );
        assert!(!err.contains("panicked at"), "{err}");
    }
}

#[test]
fn targets_and_ranges_are_checked() {
    let (code, err) = explain("neuron -e 2 --set y=2");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("outside [0, 1]"), "{err}");
    let (code, err) = explain("activation -e 3 --set start=0");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("0 < goal < start"), "{err}");
    // σ(1/2·50·2 - 1) = σ(99) is exactly 1.0 in f64, so BCE's ln(1 - a) is undefined
    let (code, err) = explain("neuron -e 2 --set w=50");
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("strictly between 0 and 1") && err.contains("36.7"),
        "{err}"
    );
}

#[test]
fn unknown_parameter_lists_the_known_ones() {
    let (code, err) = explain("forward -e 1 --set w1_33=1");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("w1_33") && err.contains("w1_22"), "{err}");
}
