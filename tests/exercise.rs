//! Exercise sheets and answer checking: seeded snapshots, the key against
//! `explain --set`, a LaTeX compile, and bad input on the real binary.

mod common;

use std::process::{Command, Output};

use nn_tutor::catalog;
use nn_tutor::exercise::sheet::{Parts, SheetFormat, render};
use nn_tutor::exercise::{Lang, degenerate, make, with_ranges};
use nn_tutor::render::{RenderOptions, markdown};
use nn_tutor::report::Settings;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_nn-tutor"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// A failure: exit status, a phrase in stderr, no panic, nothing on stdout.
fn fails(args: &[&str], code: i32, phrase: &str) {
    let out = run(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(
        err.contains(phrase),
        "{args:?}: stderr lacks {phrase:?}: {err}"
    );
    assert!(!err.contains("panicked at"), "{args:?} panicked: {err}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout on error");
}

fn both() -> Parts {
    Parts {
        questions: true,
        key: true,
        ..Parts::default()
    }
}

fn example(id: &str) -> &'static catalog::Example {
    let (t, n) = id.split_once('/').unwrap();
    catalog::find(t, n.parse().unwrap()).unwrap()
}

#[test]
fn seeded_sheet_and_key_per_example_and_format() {
    for id in with_ranges() {
        let ex = example(&id);
        let sheet = make(&[ex], 2026, 1, Lang::En, format!("seed 2026 {id}")).unwrap();
        for (f, name) in [
            (SheetFormat::Markdown, "markdown"),
            (SheetFormat::Latex, "latex"),
            (SheetFormat::Json, "json"),
        ] {
            let text = render(&sheet, f, both(), &RenderOptions::default());
            let snap = format!("exercise-{}__{name}", id.replace('/', "-"));
            insta::with_settings!({ prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(snap, text);
            });
        }
    }
}

#[test]
fn chinese_sheet() {
    let sheet = make(&[example("backprop/1")], 7, 2, Lang::Zh, "cmd".into()).unwrap();
    let text = render(
        &sheet,
        SheetFormat::Markdown,
        both(),
        &RenderOptions::default(),
    );
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("exercise-zh-backprop-1__markdown", text);
    });
}

/// Every draw of one seed is usable and its key is the example's report with
/// the same inputs (what `explain --set` renders). Compared as data: the key
/// renders `p.report` and `explain` renders the rerun through the same pure
/// renderer, so equal reports give equal text; the text itself is compared
/// for a few seeds in `the_rendered_key_is_explain_set`.
fn draws_of_one_seed_are_sound(seed: u64, examples: &[&'static catalog::Example]) {
    let sheet = make(examples, seed, 1, Lang::En, String::new()).unwrap();
    assert_eq!(sheet.problems.len(), with_ranges().len());
    for p in &sheet.problems {
        let id = p.example.id();
        assert_eq!(degenerate(&p.report), None, "seed {seed} {id}");
        let again = p.example.run(&p.sets, &Settings::default()).unwrap();
        assert!(
            again == p.report,
            "seed {seed}: the key of {id} differs from explain {}",
            p.set_flag()
        );
    }
}

/// The 1,000-seed property of issue 6, in the normal test run: seeds are
/// spread over the machine's cores (each seed is independent), and reports
/// are compared as data instead of as rendered text (most of the old cost
/// was rendering and searching a whole Markdown sheet per seed).
#[test]
fn draws_are_sound_over_1000_seeds() {
    const SEEDS: u64 = 1000;
    let examples = catalog::all();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8)) as u64;
    std::thread::scope(|s| {
        for w in 0..workers {
            let examples = &examples;
            s.spawn(move || {
                for seed in (w..SEEDS).step_by(workers as usize) {
                    draws_of_one_seed_are_sound(seed, examples);
                }
            });
        }
    });
}

/// The rendered key holds exactly what `explain --set` renders (text).
#[test]
fn the_rendered_key_is_explain_set() {
    let o = RenderOptions::default();
    for seed in 0..3 {
        let sheet = make(&catalog::all(), seed, 1, Lang::En, String::new()).unwrap();
        let key = render(&sheet, SheetFormat::Markdown, both(), &o);
        for p in &sheet.problems {
            let again = p.example.run(&p.sets, &Settings::default()).unwrap();
            assert!(
                key.contains(&markdown::render(&again, &o)),
                "seed {seed}: the key of {} differs from explain {}",
                p.example.id(),
                p.set_flag()
            );
        }
    }
}

/// The key embeds exactly what `explain --set` prints, at the default
/// digits and at `--digits 3`: a key used to write the words of its
/// reports (neuron/2's "computed as" column, `-ln(1 - 0.268941)`) at 6
/// digits whatever `--digits` said, beside 3-digit values.
#[test]
fn key_equals_explain_set_on_the_real_binary() {
    for (seed, digits) in [("3", "6"), ("11", "6"), ("7", "3"), ("11", "3")] {
        for id in [
            "backprop/1",
            "backprop/5",
            "chain-rule/1",
            "forward/1",
            "neuron/2",
        ] {
            let (t, n) = id.split_once('/').unwrap();
            let out = run(&[
                "exercise",
                t,
                "--example",
                n,
                "--seed",
                seed,
                "--key",
                "--digits",
                digits,
                "--format",
                "json",
            ]);
            assert!(out.status.success(), "{id}");
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let p = &v["problems"][0];
            let set = p["set"].as_str().unwrap().trim_start_matches("--set ");
            let explain = run(&[
                "explain",
                t,
                "--example",
                n,
                "--set",
                set,
                "--digits",
                digits,
                "--format",
                "json",
            ]);
            let e: serde_json::Value = serde_json::from_slice(&explain.stdout).unwrap();
            assert_eq!(p["report"], e, "{id} seed {seed} digits {digits}");
            assert_eq!(p["results"], e["results"], "{id} seed {seed}");
            assert_eq!(v["seed"], seed.parse::<u64>().unwrap());
        }
    }
}

#[test]
fn the_printed_command_regenerates_the_same_file() {
    // A LaTeX or JSON sheet used to print the Markdown command (no --format,
    // no --digits): running it gave a different file.
    for args in [
        &[
            "exercise", "backprop", "-e", "2", "--seed", "7", "--count", "2", "--format", "latex",
            "--digits", "4",
        ][..],
        &[
            "exercise", "forward", "--seed", "7", "--format", "json", "--lang", "zh",
        ][..],
        &["exercise", "chain-rule", "-e", "1", "--seed", "7"][..],
    ] {
        let first = run(args);
        assert!(first.status.success());
        let text = String::from_utf8(first.stdout.clone()).unwrap();
        let line = text
            .lines()
            .find_map(|l| l.split("nn-tutor exercise").nth(1))
            .unwrap();
        let line = line.replace("-{}-", "--");
        let cmd = line.split(['}', '`', '"']).next().unwrap();
        let again = run(&std::iter::once("exercise")
            .chain(cmd.split_whitespace())
            .collect::<Vec<_>>());
        assert!(first.stdout == again.stdout, "{args:?} printed `{cmd}`");
    }
}

#[test]
fn the_same_seed_gives_the_same_sheet() {
    let a = run(&["exercise", "--all", "--seed", "99", "--key"]);
    let b = run(&["exercise", "--all", "--seed", "99", "--key"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8_lossy(&a.stdout);
    assert!(text.contains("(seed 99)") && text.contains("nn-tutor exercise --all --seed 99"));
}

/// Compile `args`' LaTeX output with pdflatex in a fresh directory.
fn compiles(args: &[&str], tag: &str) {
    let dir = std::env::temp_dir().join(format!("nn-tutor-tex-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = run(args);
    assert!(out.status.success());
    std::fs::write(dir.join("sheet.tex"), &out.stdout).unwrap();
    let tex = Command::new("pdflatex")
        .args(["-interaction=nonstopmode", "-halt-on-error", "sheet.tex"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&tex.stdout);
    assert!(tex.status.success(), "pdflatex failed on {args:?}:\n{log}");
    assert!(dir.join("sheet.pdf").exists());
    // Nothing runs off the page: the key's step tables used to sit beside
    // their `\paragraph` title and overflow by up to 350pt, their value
    // columns cut off. (A verbatim figure caption may stick out a little.)
    let log = String::from_utf8_lossy(&std::fs::read(dir.join("sheet.log")).unwrap()).into_owned();
    common::no_overfull_boxes(&log, &format!("{args:?}"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn latex_sheet_compiles_with_pdflatex() {
    let packages = "texlive-latex-base latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp";
    if !common::latex_available(&["amsmath.sty", "CJKutf8.sty", "c70gbsn.fd"], packages) {
        return;
    }
    let args = [
        "exercise", "--all", "--seed", "5", "--key", "--format", "latex",
    ];
    let tex = String::from_utf8(run(&args).stdout).unwrap();
    // pdflatex reads ASCII, and Chinese inside the CJK environment: the
    // decks' citations keep their Chinese slide titles instead of losing
    // them to debris like "JQ deck, Batch,epoch,:".
    assert!(
        tex.chars()
            .all(|c| c.is_ascii() || nn_tutor::render::latex::is_cjk(c)),
        "pdflatex needs ASCII or Chinese here"
    );
    assert!(tex.contains("\\begin{CJK}{UTF8}{gbsn}"));
    assert!(!tex.contains("Batch,epoch,:") && !tex.contains("deck, ------:"));
    // Every table shrinks to the text width when it is wider.
    assert_eq!(
        tex.matches("\\begin{tabular}").count(),
        tex.matches("\\begin{fitwidth}\\begin{tabular}").count()
    );
    compiles(&args, "en");
}

#[test]
fn chinese_latex_sheet_compiles_with_pdflatex_and_cjkutf8() {
    let packages = "latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp";
    if !common::latex_available(&["CJKutf8.sty", "c70gbsn.fd"], packages) {
        return;
    }
    let args = [
        "exercise", "--all", "--seed", "5", "--key", "--format", "latex", "--lang", "zh",
    ];
    let tex = String::from_utf8(run(&args).stdout).unwrap();
    assert!(tex.contains("\\begin{CJK}{UTF8}{gbsn}") && tex.contains("参考答案"));
    compiles(&args, "zh");
}

#[test]
fn key_out_writes_the_key_and_never_overwrites() {
    let dir = std::env::temp_dir().join(format!("nn-tutor-key-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key.md");
    let key_s = key.to_str().unwrap();
    let out = run(&[
        "exercise",
        "backprop",
        "-e",
        "1",
        "--seed",
        "4",
        "--key-out",
        key_s,
    ]);
    assert!(out.status.success());
    let sheet = String::from_utf8_lossy(&out.stdout);
    let written = std::fs::read_to_string(&key).unwrap();
    assert!(sheet.contains("# Exercises") && !sheet.contains("# Answer key"));
    assert!(written.contains("# Answer key") && !written.contains("# Exercises"));
    fails(
        &["exercise", "backprop", "-e", "1", "--key-out", key_s],
        2,
        "already exists; add --force",
    );
    assert_eq!(std::fs::read_to_string(&key).unwrap(), written);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_sheet_leaves_no_key_behind() {
    // The key used to be written first and kept when the sheet then failed:
    // a key beside no sheet, or (same path) the key where the sheet should be.
    let dir = std::env::temp_dir().join(format!("nn-tutor-halfdone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("key.md");
    let key_s = key.to_str().unwrap();
    let missing = dir.join("no-such-dir").join("sheet.md");
    let out = run(&[
        "exercise",
        "backprop",
        "-e",
        "1",
        "--key-out",
        key_s,
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!key.exists(), "the key outlived the failed sheet");
    let same = dir.join(".").join("key.md");
    fails(
        &[
            "exercise",
            "backprop",
            "-e",
            "1",
            "--key-out",
            key_s,
            "--out",
            same.to_str().unwrap(),
        ],
        2,
        "--out and --key-out both name",
    );
    assert!(!key.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_exercise_input() {
    // --find names a quantity the example does not have: the error lists its own.
    fails(
        &["exercise", "backprop", "-e", "1", "--find", "df/dw"],
        2,
        "its quantities are: f, q, df/dx",
    );
    // --find is for one example; --exam writes LaTeX, never JSON.
    fails(&["exercise", "backprop", "--find", "q"], 2, "--example");
    fails(
        &[
            "exercise", "backprop", "-e", "1", "--exam", "--format", "json",
        ],
        2,
        "--exam writes a LaTeX exam",
    );
    fails(
        &["exercise", "backprop", "-e", "1", "--seed", "1.5"],
        2,
        "invalid value '1.5'",
    );
    fails(
        &["exercise", "backprop", "-e", "1", "--seed", "abc"],
        2,
        "--seed",
    );
    // A negative seed is an invalid seed, not an unknown flag (clap's
    // "use '-- -1'" tip would not work here).
    fails(
        &["exercise", "backprop", "-e", "1", "--seed", "-1"],
        2,
        "invalid value '-1' for '--seed <S>'",
    );
    fails(
        &["exercise", "backprop", "-e", "1", "--count", "0"],
        2,
        "--count",
    );
    fails(
        &["exercise", "xor", "-e", "1"],
        2,
        "xor/1 has no exercise: a perceptron on the four fixed XOR points",
    );
    fails(
        &["exercise", "xor", "-e", "3"],
        2,
        "xor/3 has no exercise: it trains a network on XOR by gradient descent",
    );
    fails(
        &["exercise", "training"],
        2,
        "none of its examples has exercise ranges (training/1: it is a whole training run",
    );
    fails(&["exercise", "nope", "-e", "1"], 2, "unknown topic");
    fails(&["exercise"], 2, "<TOPIC>");
    // An absurd count is capped with a note, not refused.
    let out = run(&[
        "exercise", "backprop", "-e", "1", "--count", "100000", "--format", "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--count 100000 is more than 50"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["problems"].as_array().unwrap().len(), 50);
    // The note speaks the sheet's language.
    let out = run(&[
        "exercise", "backprop", "-e", "1", "--count", "100000", "--format", "json", "--lang", "zh",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--count 100000 超过上限 50"), "{err}");
    assert!(!err.contains("note"), "{err}");
}

fn answers(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("nn-tutor-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn check_exit_status_and_bad_files() {
    // backprop/1 at (-2, 5, -4): q = 3, f = -12, ∂f/∂x = ∂f/∂y = ∂f/∂q = z = -4,
    // ∂f/∂z = q = 3; every asked quantity answered (an integer, a string, a float).
    let right = answers(
        "right.toml",
        "\"df/dx\" = -4\nq = \"3\"\n\"df/dz\" = 3.0\nf = -12\n\"df/dy\" = -4\n\"df/dq\" = \"-4\"\n",
    );
    let wrong = answers("wrong.toml", "\"df/dx\" = 4\n");
    let unknown = answers("unknown.toml", "\"dg/dx\" = 4\n");
    let malformed = answers("malformed.toml", "\"df/dx\" = \"-4/\"\n");
    let broken = answers("broken.toml", "\"df/dx\" = = 4\n");
    let ok = run(&["check", "backprop", "-e", "1", right.to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("All 6 answers are right"));
    let bad = run(&["check", "backprop", "-e", "1", wrong.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stdout).contains("sign flipped"));
    // With the sheet's --set, the same answers are checked against new inputs.
    let moved = run(&[
        "check",
        "backprop",
        "-e",
        "1",
        "--set",
        "x=-1,y=-5,z=-4",
        wrong.to_str().unwrap(),
    ]);
    assert_eq!(moved.status.code(), Some(1));
    // A misspelt quantity is reported and the rest still graded (exit 1).
    let out = run(&["check", "backprop", "-e", "1", unknown.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Not quantities of backprop/1: `dg/dx`; its quantities are: f, q, df/dx"),
        "{text}"
    );
    fails(
        &["check", "backprop", "-e", "1", malformed.to_str().unwrap()],
        2,
        "answer `df/dx`",
    );
    fails(
        &["check", "backprop", "-e", "1", broken.to_str().unwrap()],
        2,
        "broken.toml:1",
    );
    fails(
        &["check", "backprop", "-e", "1", "/nonexistent/a.toml"],
        2,
        "a.toml",
    );
    fails(
        &[
            "check",
            "backprop",
            "-e",
            "1",
            "--tolerance",
            "x",
            right.to_str().unwrap(),
        ],
        2,
        "cannot read `x`",
    );
}

#[test]
fn round_each_on_explain() {
    // autodiff/1 at x = 2, w = 1/2, b = -1/2: by hand with 2 decimals
    // h4 = e^-0.5 → 0.61, h5 = 1.61, ∂f/∂h5 = -1/1.61² → -0.39,
    // ∂f/∂h3 = -0.39·0.61 → -0.24, ∂f/∂w = 0.24·2 = 0.48 (exact 0.470007).
    let out = run(&[
        "explain",
        "autodiff",
        "-e",
        "1",
        "--set",
        "x=2,w=1/2,b=-1/2",
        "--round-each",
        "2",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("`df/dw`: rounding every step to 2 decimals gives 0.48 where the exact value is 0.470007"),
        "{text}"
    );
    fails(
        &["explain", "xor", "-e", "3", "--round-each", "2"],
        2,
        "--round-each on xor/3: it is a training run or a seeded simulation in f64",
    );
    // Integer counts: rounding changes nothing, and the audit says so (exit 0).
    let out = run(&["explain", "network", "-e", "1", "--round-each", "2"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(
        "Every value of network/1 is an integer count (weights n_in·n_out and biases n_out \
         per layer); rounding to any number of decimals changes nothing"
    ));
    // The classic case: backprop/2 (the staged sigmoid neuron) by hand with
    // 2 decimals: σ(1) → 0.73, local σ' = 0.73·0.27 = 0.1971 → 0.20, then
    // ∂f/∂x0 = 0.20·w0 = 0.20·2 = 0.40 where the exact value is 0.393224.
    let out = run(&["explain", "backprop", "-e", "2", "--round-each", "2"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("| df/dx0   | 0.393224  | 0.40 "), "{text}");
    // A layer example: backprop/4 (CAL) to 1 decimal drifts from the exact -12,
    // under the name its chain and its sheet give (CAL's w^1_(1,0), W(1)_1,2).
    let out = run(&["explain", "backprop", "-e", "4", "--round-each", "1"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("`dLoss/dw1_10`: rounding every step to 1 decimal gives -11.2 where the exact value is -12"),
        "{text}"
    );
    fails(
        &["explain", "backprop", "-e", "1", "--round-each", "x"],
        2,
        "--round-each",
    );
    fails(
        &["explain", "backprop", "-e", "1", "--round-each", "40"],
        2,
        "--round-each",
    );
}

#[test]
fn check_report_snapshot() {
    // backprop/2 at its defaults (PKU): z = 1, ∂f/∂z = σ'(1) ≈ 0.196612.
    // Planted: ∂f/∂w0 with the sign flipped, ∂f/∂x0 from ∂f/∂a without the
    // local gradient w0 = 2 (0.1966), f right to 2 places, c right exactly.
    let file = answers(
        "snapshot.toml",
        "f = 0.73\nc = 4\n\"df/dw0\" = 0.1966\n\"df/dx0\" = 0.1966\n",
    );
    // Run where the file is, so the snapshot holds no temporary path.
    insta_cmd::assert_cmd_snapshot!(
        bin()
            .current_dir(file.parent().unwrap())
            .args([
                "check",
                "backprop",
                "--example",
                "2",
                "--format",
                "markdown"
            ])
            .arg("snapshot.toml")
    );
}

#[test]
fn lang_zh_on_explain_graph_and_net() {
    let out = run(&["explain", "backprop", "-e", "1", "--lang", "zh"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.starts_with("backprop/1 · 反向传播 例1 · Backpropagation"),
        "{text}"
    );
    // Headings, column headers and sentences are Chinese; no English left
    // beside the deck's term.
    assert!(
        text.contains("\n前向传播\n") && text.contains("| 节点") && text.contains("结果 (精确值)"),
        "{text}"
    );
    assert!(
        !text.contains("Forward pass") && !text.contains("Gate patterns"),
        "{text}"
    );
    // The numbers are the same as in English.
    let en = run(&["explain", "backprop", "-e", "1", "--format", "json"]);
    let zh = run(&[
        "explain", "backprop", "-e", "1", "--format", "json", "--lang", "zh",
    ]);
    let (en, zh): (serde_json::Value, serde_json::Value) = (
        serde_json::from_slice(&en.stdout).unwrap(),
        serde_json::from_slice(&zh.stdout).unwrap(),
    );
    assert_eq!(en["results"], zh["results"]);
    let g = run(&["graph", "x*y", "--at", "x=2,y=3", "--lang", "zh"]);
    let g = String::from_utf8_lossy(&g.stdout);
    assert!(
        g.starts_with("graph · x*y 的计算图\n") && g.contains("\n前向传播\n"),
        "{g}"
    );
    fails(
        &["explain", "backprop", "-e", "1", "--lang", "fr"],
        2,
        "--lang",
    );
}

#[test]
fn out_writes_the_sheet_whole() {
    let dir = std::env::temp_dir().join(format!("nn-tutor-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (sheet, key) = (dir.join("s.tex"), dir.join("k.tex"));
    let args = |force: bool| {
        let mut a = vec![
            "exercise".to_string(),
            "forward".into(),
            "--seed".into(),
            "8".into(),
            "--format".into(),
            "latex".into(),
            "--out".into(),
            sheet.display().to_string(),
            "--key-out".into(),
            key.display().to_string(),
        ];
        if force {
            a.push("--force".into());
        }
        a
    };
    let out = bin().args(args(false)).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Sheet written to"));
    let s = std::fs::read_to_string(&sheet).unwrap();
    assert!(s.starts_with("% Generated by nn-tutor") && s.ends_with("\\end{document}\n"));
    assert!(
        std::fs::read_to_string(&key)
            .unwrap()
            .contains("Answer key")
    );
    // The sheet exists: refused before the key is touched.
    std::fs::remove_file(&key).unwrap();
    let again = bin().args(args(false)).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(!key.exists(), "nothing written when one target exists");
    assert!(bin().args(args(true)).output().unwrap().status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Keys of the newer exercises, recomputed independently from the drawn
/// inputs (plain f64 and integer arithmetic, not the catalog's code).
#[test]
fn new_keys_by_hand() {
    let result = |p: &nn_tutor::exercise::Problem, name: &str| {
        p.report
            .result(name)
            .unwrap_or_else(|| panic!("no result {name}"))
            .to_f64()
    };
    let input = |p: &nn_tutor::exercise::Problem, name: &str| {
        let (_, v) = p.sets.iter().find(|(n, _)| n == name).unwrap();
        nn_tutor::Scalar::parse(v).unwrap().to_f64()
    };
    for seed in 0..20 {
        // gradient-descent/4: iterations = ⌈N/B⌉, the last batch holds
        // N - (⌈N/B⌉ - 1)·B samples (seed 2026: 60000/128 → 469, last 96).
        let sheet = make(
            &[example("gradient-descent/4")],
            seed,
            1,
            Lang::En,
            String::new(),
        )
        .unwrap();
        let p = &sheet.problems[0];
        let (n, b) = (input(p, "n") as u64, input(p, "batch") as u64);
        let it = n.div_ceil(b);
        assert_eq!(result(p, "iterations per epoch") as u64, it);
        assert_eq!(result(p, "last index") as u64, it - 1);
        assert_eq!(result(p, "last batch") as u64, n - (it - 1) * b);

        // forward/3: z = a1·w11 + a2·w21 + b1 and σ(z); the softmax head
        // z_k = a1·v1k + a2·v2k + c_k (seed 2026: z = (2, 1, -3), so
        // p1 = e²/(e² + e + e⁻³) = 0.727475).
        let sheet = make(&[example("forward/3")], seed, 1, Lang::En, String::new()).unwrap();
        let p = &sheet.problems[0];
        let a = [input(p, "a1"), input(p, "a2")];
        let z = a[0] * input(p, "w11") + a[1] * input(p, "w21") + input(p, "b1");
        assert!((result(p, "f(x)") - z).abs() < 1e-12);
        assert!((result(p, "sigmoid p(y=1|x)") - 1.0 / (1.0 + (-z).exp())).abs() < 1e-12);
        let zk: Vec<f64> = (1..=3)
            .map(|k| {
                a[0] * input(p, &format!("v1{k}"))
                    + a[1] * input(p, &format!("v2{k}"))
                    + input(p, &format!("c{k}"))
            })
            .collect();
        let total: f64 = zk.iter().map(|z| z.exp()).sum();
        for (k, z) in zk.iter().enumerate() {
            let got = result(p, &format!("softmax p(y={}|x)", k + 1));
            assert!((got - z.exp() / total).abs() < 1e-12, "seed {seed} k {k}");
        }

        // xor/2: h = ReLU(W x + c), y = v·h + b at the four corners.
        let sheet = make(&[example("xor/2")], seed, 1, Lang::En, String::new()).unwrap();
        let p = &sheet.problems[0];
        let g = |n: &str| input(p, n);
        for (x1, x2) in [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)] {
            let h1 = (g("w11") * x1 + g("w12") * x2 + g("c1")).max(0.0);
            let h2 = (g("w21") * x1 + g("w22") * x2 + g("c2")).max(0.0);
            let y = g("v1") * h1 + g("v2") * h2 + g("b");
            assert_eq!(result(p, &format!("y({x1},{x2})")), y);
        }

        // loss/1 with a one-hot t at class c: MSE = Σ(y_k - t_k)²/3, CE = -ln y_c.
        let sheet = make(&[example("loss/1")], seed, 1, Lang::En, String::new()).unwrap();
        let p = &sheet.problems[0];
        let y = [input(p, "y1"), input(p, "y2"), input(p, "y3")];
        let t = [input(p, "t1"), input(p, "t2"), input(p, "t3")];
        let c = t.iter().position(|&t| t == 1.0).expect("t is one-hot");
        let mse = (0..3).map(|k| (y[k] - t[k]).powi(2)).sum::<f64>() / 3.0;
        assert!((result(p, "mse") - mse).abs() < 1e-12);
        assert!((result(p, "cross_entropy") + y[c].ln()).abs() < 1e-12);

        // activation/2: no draw sits on a kink (z = 0 or a maxout tie).
        let sheet = make(&[example("activation/2")], seed, 1, Lang::En, String::new()).unwrap();
        let p = &sheet.problems[0];
        assert_ne!(input(p, "z"), 0.0, "seed {seed}");
        let z1 = g2(p, &["w11", "w12", "b1"]);
        let z2 = g2(p, &["w21", "w22", "b2"]);
        assert_ne!(z1, z2, "seed {seed}: a maxout tie reached the sheet");
    }
}

/// w·x1 + w'·x2 + b of activation/2's maxout piece named by `names`.
fn g2(p: &nn_tutor::exercise::Problem, names: &[&str; 3]) -> f64 {
    let v = |n: &str| {
        let (_, v) = p.sets.iter().find(|(k, _)| k == n).unwrap();
        nn_tutor::Scalar::parse(v).unwrap().to_f64()
    };
    v(names[0]) * v("x1") + v(names[1]) * v("x2") + v(names[2])
}

#[test]
fn round_each_drift_by_hand() {
    // backprop/2 (w0=2, x0=-1, w1=-3, x1=-2, w2=-3), every step to 1 decimal:
    // z = -2 + 6 - 3 = 1, n = -1, e = exp(-1) = 0.3679 → 0.4, d = 1.4,
    // f = 1/1.4 = 0.714 → 0.7: drift 0.7 - 0.731059 = -0.0310586.
    // ∂f/∂d = -1/1.4² = -0.510 → -0.5, ∂f/∂n = -0.5·e = -0.5·0.4 = -0.2,
    // ∂f/∂z = 0.2, ∂f/∂x0 = 0.2·w0 = 0.4: drift 0.4 - 0.393224 = 0.00677613.
    let out = run(&["explain", "backprop", "-e", "2", "--round-each", "1"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let row = |name: &str| {
        text.lines()
            .find(|l| {
                l.starts_with(&format!("| {name} "))
                    && !l.contains("d.p.")
                    && l.matches('|').count() == 5
            })
            .unwrap_or_else(|| panic!("no audit row {name}"))
            .to_string()
    };
    assert!(row("e").contains("| 0.4 "), "{}", row("e"));
    assert!(
        row("f").contains("| 0.7 ") && row("f").contains("-0.0310586"),
        "{}",
        row("f")
    );
    assert!(row("df/dx0").contains("| 0.4 ") && row("df/dx0").contains("0.00677613"));
    // At 8 decimals the exact value is shown to 11 digits, not rounder than
    // the replay: ∂f/∂x1 = -0.58983579972…, replayed as -0.58983579.
    let out = run(&["explain", "backprop", "-e", "2", "--round-each", "8"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("gives -0.58983579 where the exact value is -0.58983579972"),
        "{text}"
    );
}

#[test]
fn graph_sheets_define_every_intermediate_they_ask_for() {
    // backprop/2's sheet asked for a, b, c, n, e, d without saying what they
    // are; the sheet now gives the example's steps.
    let out = run(&["exercise", "--all", "--seed", "11", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut graphs = 0;
    for p in v["problems"].as_array().unwrap() {
        let Some(given) = p["given"]["program"].as_str() else {
            continue;
        };
        graphs += 1;
        let defined: Vec<&str> = given
            .split(';')
            .filter_map(|s| s.split_once('=').map(|(n, _)| n.trim()))
            .collect();
        for f in p["find"].as_array().unwrap() {
            let f = f.as_str().unwrap();
            let node = f.rsplit_once("/d").map_or(f, |(_, n)| n);
            let input = p["inputs"].get(node).is_some();
            assert!(
                input || defined.contains(&node),
                "{}: `{f}` is not in `{given}`",
                p["example"]
            );
        }
    }
    // autodiff/4 gives the program of autodiff/1, differentiated in forward mode
    assert_eq!(
        graphs, 8,
        "backprop/1-3, autodiff/1-2, chain-rule/1-2, autodiff/4"
    );
    let md = run(&["exercise", "backprop", "-e", "2", "--seed", "3"]);
    assert!(String::from_utf8_lossy(&md.stdout).contains(
        "- The function is computed by these steps, in order: $a = w_{0}\\cdot x_{0}$; \
         $b = w_{1}\\cdot x_{1}$;"
    ));
    let zh = run(&[
        "exercise", "backprop", "-e", "2", "--seed", "3", "--lang", "zh",
    ]);
    assert!(
        String::from_utf8_lossy(&zh.stdout)
            .contains("- 函数按以下步骤依次计算: $a = w_{0}\\cdot x_{0}$;")
    );
}

/// Lines of a LaTeX document that print (not `%` comments).
fn printed(tex: &str) -> Vec<&str> {
    tex.lines().filter(|l| !l.starts_with('%')).collect()
}

#[test]
fn printed_sheets_and_keys_carry_no_commands_or_placeholders() {
    for extra in [&["--format", "latex"][..], &["--exam"][..]] {
        let mut args = vec!["exercise", "--all", "--seed", "5", "--key"];
        args.extend_from_slice(extra);
        let tex = String::from_utf8(run(&args).stdout).unwrap();
        for line in printed(&tex) {
            for bad in ["nn-tutor", "--plot", "-{}-plot", "write it as SVG", "Try:"] {
                assert!(!line.contains(bad), "{args:?} prints `{bad}`: {line}");
            }
        }
        // The command that regenerates the file is in its first lines, with --key.
        let first = tex.lines().nth(1).unwrap();
        assert!(
            first.contains("nn-tutor exercise --all --seed 5") && first.contains("--key"),
            "{first}"
        );
        // The key says where the deck's example is and where this problem is.
        assert!(tex.contains("The deck's example is at"), "{args:?}");
    }
}

#[test]
fn exam_sheets_and_keys_compile_in_english_and_chinese() {
    let packages = "texlive-latex-extra latex-cjk-chinese latex-cjk-chinese-arphic-gbsn00lp";
    if !common::latex_available(&["exam.cls", "CJKutf8.sty", "c70gbsn.fd"], packages) {
        return;
    }
    // How many quantities the sheet asks: one exam part (and point) each.
    let json = run(&["exercise", "--all", "--seed", "5", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let asked: usize = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["find"].as_array().unwrap().len())
        .sum();
    for lang in ["en", "zh"] {
        let sheet = ["exercise", "--all", "--seed", "5", "--exam", "--lang", lang];
        let tex = String::from_utf8(run(&sheet).stdout).unwrap();
        assert!(
            tex.contains("\\documentclass[11pt,addpoints]{exam}"),
            "{lang}"
        );
        assert_eq!(
            tex.matches("\\part[1]").count(),
            asked,
            "{lang}: a part per quantity"
        );
        assert_eq!(
            tex.matches("\\titledquestion").count(),
            v["problems"].as_array().unwrap().len()
        );
        assert!(
            !tex.contains("\\begin{solution}"),
            "{lang}: no solutions on the sheet"
        );
        let name = if lang == "en" { "Name:" } else { "姓名:" };
        assert!(tex.contains(name), "{lang}: a name line");
        compiles(&sheet, &format!("exam-{lang}"));
        let key = [
            "exercise", "--all", "--seed", "5", "--exam", "--key", "--lang", lang,
        ];
        let tex = String::from_utf8(run(&key).stdout).unwrap();
        assert!(
            tex.contains("\\documentclass[11pt,addpoints,answers]{exam}"),
            "{lang}"
        );
        assert_eq!(
            tex.matches("\\begin{solution}").count(),
            v["problems"].as_array().unwrap().len()
        );
        compiles(&key, &format!("exam-key-{lang}"));
    }
}

#[test]
fn an_answers_only_key_lists_each_asked_quantity_and_its_value() {
    let args = [
        "exercise",
        "backprop",
        "-e",
        "1",
        "--seed",
        "4",
        "--key",
        "--answers-only",
    ];
    let md = String::from_utf8(run(&args).stdout).unwrap();
    let key = md.split("# Answer key").nth(1).unwrap();
    // backprop/1 at its draw: every asked name with its value, no steps.
    let json = run(&[
        "exercise",
        "backprop",
        "-e",
        "1",
        "--seed",
        "4",
        "--key",
        "--format",
        "json",
        "--answers-only",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let p = &v["problems"][0];
    assert!(
        p.get("report").is_none(),
        "no worked steps in an answers-only key"
    );
    for f in p["find"].as_array().unwrap() {
        let f = f.as_str().unwrap();
        let exact = p["results"][f]["exact"].as_str().unwrap();
        assert!(
            key.contains(&format!("| `{f}` | {exact} |")),
            "{f} = {exact} in\n{key}"
        );
    }
    assert!(!key.contains("All steps"));
    assert!(
        md.contains("--answers-only"),
        "the regenerate line keeps the flag"
    );
}
