//! Helpers shared by the integration tests (`mod common;` in each): running a
//! catalog example and reading its named results (`pinned.rs`,
//! `pinned_network.rs`), and running the real binary (`cli.rs`, `net_cli.rs`).
//! No test uses all of them, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::process::{Command, Output};

use nn_tutor::catalog;
use nn_tutor::report::{Report, Settings};

/// Run catalog example `topic/n` with `--set` pairs and the default settings.
pub fn run(topic: &str, n: u32, sets: &[(&str, &str)]) -> Report {
    let sets: Vec<(String, String)> = sets
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    catalog::find(topic, n)
        .unwrap()
        .run(&sets, &Settings::default())
        .unwrap()
}

/// The named result as an exact string; panics if it is missing or rounded.
pub fn exact(r: &Report, name: &str) -> String {
    let v = r
        .result(name)
        .unwrap_or_else(|| panic!("{} has no result `{name}`", r.id));
    v.exact_string()
        .unwrap_or_else(|| panic!("{name} of {} is rounded, expected exact: {v:?}", r.id))
}

/// The named result as an f64; panics if it is missing.
pub fn float(r: &Report, name: &str) -> f64 {
    r.result(name)
        .unwrap_or_else(|| panic!("{} has no result `{name}`", r.id))
        .to_f64()
}

/// The real binary, arguments still to add, in English whatever the
/// caller's NN_TUTOR_LANG.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nn-tutor"));
    c.env_remove("NN_TUTOR_LANG");
    c
}

/// Assert a failed run: exit status `code`, no panic, and stderr containing
/// every one of `needles`. `what` names the run in the messages. Returns stderr.
pub fn assert_fails(out: &Output, code: i32, needles: &[&str], what: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{what}: stderr {err}");
    for n in needles {
        assert!(err.contains(n), "{what}: stderr lacks {n:?}: {err}");
    }
    assert!(!err.contains("panicked at"), "{what} panicked: {err}");
    err
}

/// Assert a successful run (else show its stderr) and parse its stdout as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// True when `pdflatex` can run here and finds every file in `needs`;
/// in CI (which installs them in .ci/run) anything missing is a failure.
pub fn latex_available(needs: &[&str], packages: &str) -> bool {
    let found = |f: &str| {
        Command::new("kpsewhich")
            .arg(f)
            .output()
            .is_ok_and(|o| o.status.success() && !o.stdout.is_empty())
    };
    let ok = Command::new("pdflatex").arg("--version").output().is_ok()
        && needs.iter().all(|f| found(f));
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdflatex or {needs:?} missing in CI: .ci/run should install {packages}"
        );
        eprintln!("skipped: pdflatex or {needs:?} is missing (apt-get install {packages})");
    }
    ok
}

/// Fail on a line of pdflatex's `log` that runs 50pt or more past the
/// margin (a table or a command cut off at the page edge).
pub fn no_overfull_boxes(log: &str, what: &str) {
    for line in log.lines().filter(|l| l.starts_with("Overfull \\hbox (")) {
        let pt: f64 = line["Overfull \\hbox (".len()..]
            .split("pt")
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(pt < 50.0, "{what}: {line}");
    }
}
