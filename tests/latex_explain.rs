//! `explain --format latex` compiles with pdflatex and CJKutf8 (the route
//! the exercise sheets take): no missing characters (the ∂ in verbatim
//! trees was lost) and no table running off the page (they ran 268–300pt
//! past it).

mod common;

use std::process::Command;

/// The fragment of `explain TOPIC -e N --format latex [--lang zh]` in a
/// minimal document, compiled; returns pdflatex's log.
fn compile(topic: &str, n: &str, zh: bool) -> String {
    let mut args = vec!["explain", topic, "--example", n, "--format", "latex"];
    if zh {
        args.extend(["--lang", "zh"]);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_nn-tutor"))
        .args(&args)
        .output()
        .unwrap();
    assert!(out.status.success());
    let fragment = String::from_utf8(out.stdout).unwrap();
    let doc = format!(
        "\\documentclass{{article}}\n\\usepackage[T1]{{fontenc}}\n\\usepackage{{CJKutf8}}\n\\usepackage{{amsmath,amssymb,graphicx}}\n\\usepackage[margin=2cm]{{geometry}}\n\\begin{{document}}\n{fragment}\\end{{document}}\n"
    );
    let tag = format!("{topic}-{n}-{zh}");
    let dir =
        std::env::temp_dir().join(format!("nn-tutor-explain-tex-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("doc.tex"), doc).unwrap();
    let tex = Command::new("pdflatex")
        .args(["-interaction=nonstopmode", "-halt-on-error", "doc.tex"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        tex.status.success(),
        "pdflatex failed on {args:?}:\n{}",
        String::from_utf8_lossy(&tex.stdout)
    );
    let log = String::from_utf8_lossy(&std::fs::read(dir.join("doc.log")).unwrap()).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    log
}

#[test]
fn explain_latex_compiles_without_missing_characters_or_overfull_tables() {
    let packages = "texlive-latex-base latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp";
    if !common::latex_available(&["amsmath.sty", "CJKutf8.sty", "c70gbsn.fd"], packages) {
        return;
    }
    // Trees with ∂ (backprop/2), wide layer tables (backprop/5, network/2),
    // long exact fractions (gradient-descent/2), a plot summary (activation/1).
    for (topic, n) in [
        ("backprop", "2"),
        ("backprop", "5"),
        ("network", "2"),
        ("gradient-descent", "2"),
        ("activation", "1"),
    ] {
        for zh in [false, true] {
            let log = compile(topic, n, zh);
            assert!(
                !log.contains("Missing character"),
                "{topic}/{n} (zh {zh}): {}",
                log.lines()
                    .filter(|l| l.contains("Missing character"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            common::no_overfull_boxes(&log, &format!("{topic}/{n} (zh {zh})"));
        }
    }
}
