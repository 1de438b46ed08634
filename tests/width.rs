//! Width-aware terminal output (`--width N`): every catalog example and
//! `list` fit in 80 columns, in English and Chinese, measured here with
//! this file's own count (a CJK character is two columns).

use std::process::Command;

use nn_tutor::catalog;
use nn_tutor::render::{Format, RenderOptions, render};
use nn_tutor::report::Settings;
use nn_tutor::report::i18n::{Lang, localize};

/// Terminal columns of a line: East Asian wide characters count two.
fn columns(line: &str) -> usize {
    line.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF => 2,
            0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F => 2,
            0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

fn widest(text: &str) -> (usize, &str) {
    text.lines()
        .map(|l| (columns(l), l))
        .max_by_key(|(w, _)| *w)
        .unwrap_or((0, ""))
}

#[test]
fn every_example_fits_80_columns() {
    let o = RenderOptions {
        width: Some(80),
        ..RenderOptions::default()
    };
    for ex in catalog::all() {
        let report = ex.run(&[], &Settings::default()).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let text = render(&localize(&report, lang), Format::Table, &o);
            let (w, line) = widest(&text);
            assert!(
                w <= 80,
                "{} ({lang:?}) is {w} columns wide: {line}",
                ex.id()
            );
            // Unfitted, the same report is wider: the test measures something.
            if ex.id() == "backprop/2" {
                let wide = render(&report, Format::Table, &RenderOptions::default());
                assert!(widest(&wide).0 > 80);
            }
        }
    }
}

fn nn_tutor(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_nn-tutor"))
        .args(args)
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_fits_80_columns_with_id_and_title() {
    let text = nn_tutor(&["list", "--width", "80"]);
    let (w, line) = widest(&text);
    assert!(w <= 80, "list is {w} columns wide: {line}");
    assert!(text.contains("| backprop/2"), "{text}");
    assert!(text.contains("A sigmoid neuron, gate by gate"), "{text}");
    // Inputs and sources are left for `list TOPIC` and `--wide`.
    assert!(!text.contains("w0=2"), "{text}");
    assert!(text.contains("nn-tutor list --wide"), "{text}");
    // `--wide` shows them, still within 80 columns.
    let wide = nn_tutor(&["list", "--wide", "--width", "80"]);
    assert!(wide.contains("w0=2"), "{wide}");
    assert!(widest(&wide).0 <= 80, "{}", widest(&wide).1);
    let zh = nn_tutor(&["list", "--width", "80", "--lang", "zh"]);
    assert!(zh.contains("各例的输入与出处"), "{zh}");
    assert!(widest(&zh).0 <= 80, "{}", widest(&zh).1);
    let topic = nn_tutor(&["list", "backprop", "--width", "80"]);
    assert!(topic.contains("w0=2"), "{topic}");
    assert!(widest(&topic).0 <= 80, "{}", widest(&topic).1);
}

#[test]
fn piped_output_without_a_width_keeps_whole_lines() {
    // No --width, no COLUMNS, stdout a pipe: today's layout.
    let text = nn_tutor(&["list"]);
    assert!(widest(&text).0 > 80);
    assert!(text.contains("w0=2"));
}

#[test]
fn columns_env_is_the_fallback_and_the_flag_wins() {
    let run = |args: &[&str], cols: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_nn-tutor"))
            .args(args)
            .env("COLUMNS", cols)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let args = ["explain", "backprop", "--example", "2"];
    assert!(widest(&run(&args, "70")).0 <= 70);
    let flagged = [&args[..], &["--width", "100"]].concat();
    let text = run(&flagged, "40");
    assert!(widest(&text).0 <= 100 && widest(&text).0 > 70);
}

#[test]
fn chinese_prose_wraps_at_double_width() {
    let o = RenderOptions {
        width: Some(40),
        ..RenderOptions::default()
    };
    let ex = catalog::find("backprop", 1).unwrap();
    let report = localize(&ex.run(&[], &Settings::default()).unwrap(), Lang::Zh).into_owned();
    let text = render(&report, Format::Table, &o);
    let (w, line) = widest(&text);
    assert!(w <= 40, "{w}: {line}");
    // The Chinese source line is longer than 40 columns and was wrapped,
    // not cut: every character is still there.
    let source = &report.sources[0];
    assert!(columns(source) > 40);
    let flat: String = text.split_whitespace().collect();
    let want: String = source.split_whitespace().collect();
    assert!(flat.contains(&want), "{text}");
}
