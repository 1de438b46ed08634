//! Tests of the Chinese reports. The completeness test builds every report
//! `--lang zh` can show and fails, listing the strings to add to
//! [`crate::report::messages`], while any prose is still English.

use super::*;
use crate::report::{Data, Settings};

#[test]
fn templates_match_whole_strings_only() {
    let p = ["Result (", "): ", ""];
    assert_eq!(
        captures(&p, "Result (exact): ∂f/∂x = 1"),
        Some(vec!["exact", "∂f/∂x = 1"])
    );
    assert_eq!(captures(&p, "Result (): x"), None, "parts are never empty");
    assert_eq!(
        captures(&["a ", " b"], "a x b c"),
        None,
        "anchored at the end"
    );
    assert_eq!(fill("{1} 与 {0}", &["x".into(), "y".into()]), "y 与 x");
    assert_eq!(fill("{} 与 {}", &["x".into(), "y".into()]), "x 与 y");
    assert_eq!(fill("{-2, 2}", &[]), "{-2, 2}");
}

#[test]
fn bilingual_titles_keep_one_chinese_term() {
    assert_eq!(localize_str("Forward pass · 前向传播"), "前向传播");
    assert_eq!(
        localize_str("Gradients of layer 1 · 梯度 · ∂L/∂W(1) = δ(1) a(0)ᵀ"),
        "第 1 层的梯度 · ∂L/∂W(1) = δ(1) a(0)ᵀ"
    );
    assert_eq!(localize_str("U(-1/√m, 1/√m)"), "U(-1/√m, 1/√m)");
    assert_eq!(localize_str("no entry at all"), "no entry at all");
}

/// Words that are names, not prose: function and method names, the decks'
/// abbreviations, units and people. Compared in lower case.
#[rustfmt::skip]
const IDENTIFIERS: &[&str] = &[
    "hessian", "batch", "epoch", "gain", "leakyrelu",
    // names of values in the rounding audits' programs (loss/2, init/1)
    "penalty", "delta", "bnew", "root",
    "relu",
    "leaky",
    "prelu",
    "elu",
    "tanh",
    "sigmoid",
    "softmax",
    "softplus",
    "maxout",
    "exp",
    "log",
    "sqrt",
    "abs",
    "max",
    "min",
    "sin",
    "cos",
    "diag",
    "mean",
    "var",
    "std",
    "he",
    "xavier",
    "glorot",
    "jq",
    "cal",
    "pku",
    "nndl",
    "mse",
    "cee",
    "sse",
    "sgd",
    "mnist",
    "uci",
    "xor",
    "nan",
    "inf",
    "svg",
    "toml",
    "json",
    "latex",
    "markdown",
    "nn-tutor",
    "alpaydin",
    "kaynak",
    "smartcore",
    "logistic",
    "identity",
    "cross_entropy",
    "sequential",
    "linear",
];

/// An English word: at least three ASCII letters (after trimming
/// punctuation) that is not a known identifier.
fn english_word(token: &str) -> bool {
    let w = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    w.len() >= 3
        && w.chars().all(|c| c.is_ascii_alphabetic())
        && !IDENTIFIERS.contains(&w.to_ascii_lowercase().as_str())
}

/// Prose left in English: two English words in a row, or a string that is
/// one English word (a header such as `total`).
///
/// Command lines are not prose: a string that starts with `nn-tutor `, a
/// span in backticks and a token that starts with `-` (a flag) are skipped.
fn untranslated(s: &str) -> bool {
    if s.starts_with("nn-tutor ") {
        return false;
    }
    let unquoted: String = s.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let words: Vec<bool> = unquoted
        .split_whitespace()
        .map(|t| !t.starts_with('-') && english_word(t))
        .collect();
    words.iter().any(|&w| w)
}

/// Every string of `r` a reader sees as words (not numbers or formulas).
fn prose(r: &Report) -> Vec<String> {
    let mut out = vec![r.title.clone()];
    out.extend(r.sources.iter().cloned());
    out.extend(r.try_next.iter().cloned());
    for b in &r.blocks {
        match b {
            Block::Heading(s) | Block::Text(s) => out.push(s.clone()),
            Block::Sentence(s) => out.push(s.text.clone()),
            Block::Table(t) => {
                out.push(t.title.clone());
                out.extend(t.header.iter().cloned());
                for c in t.rows.iter().flatten() {
                    match c {
                        Cell::Text(s) => out.push(s.clone()),
                        Cell::Sentence(s) => out.push(s.text.clone()),
                        _ => {}
                    }
                }
            }
            Block::Figure(Figure::Plot { title, panels }) => {
                out.push(title.clone());
                for p in panels {
                    out.push(p.title.clone());
                    out.push(p.x_label.clone());
                    out.push(p.y_label.clone());
                    out.extend(p.series.iter().map(|s| s.label.clone()));
                }
            }
            Block::Figure(Figure::Bars {
                title,
                labels,
                y_label,
                ..
            }) => {
                out.push(title.clone());
                out.push(y_label.clone());
                out.extend(labels.iter().cloned());
            }
            Block::Figure(Figure::Heatmap {
                title,
                x_label,
                y_label,
                value_label,
                ..
            }) => out.extend([
                title.clone(),
                x_label.clone(),
                y_label.clone(),
                value_label.clone(),
            ]),
            Block::Formula(m) => out.extend(m.plain(6).lines().map(str::to_string)),
            Block::Figure(Figure::Graph { .. }) => {}
        }
        if let Block::Figure(f) = b {
            let lines = crate::render::plot::summary(f, 6, r.lang);
            out.extend(lines.lines().map(str::to_string));
        }
    }
    out
}

/// Every report `--lang zh` is promised for: each catalog example with its
/// defaults (exact and `--float`), `graph` on a few expressions (with and
/// without `--chains`), `net` on the shipped specs and one `check`.
fn all_reports() -> Vec<(String, Report)> {
    let mut out = Vec::new();
    for e in crate::catalog::all() {
        for float in [false, true] {
            let s = Settings { float };
            let r = e
                .run(&[], &s)
                .expect("every example runs with its defaults");
            out.push((
                format!("{}{}", e.id(), if float { " --float" } else { "" }),
                r,
            ));
        }
    }
    let graphs = [
        ("q = x + y; f = q * z", "x=-2,y=5,z=-4"),
        ("sigmoid(w*x + b)", "w=1,x=2,b=0"),
        ("max(x, y)*exp(x)/ln(y) - abs(x)^2", "x=0,y=2"),
        ("relu(x)*tanh(y) + sqrt(y) + min(x, y) + log(y)", "x=1,y=4"),
    ];
    for (expr, at) in graphs {
        for chains in [false, true] {
            let mut args = vec!["nn-tutor", "graph", expr, "--at", at];
            if chains {
                args.push("--chains");
            }
            out.push((args[2..].join(" "), cli_report(&args)));
        }
    }
    let specs = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/specs"))
        .expect("the specs directory ships with the crate");
    for spec in specs {
        let path = spec.expect("a readable entry").path();
        let p = path.to_str().expect("a UTF-8 path");
        for float in ["--digits=6", "--float"] {
            out.push((
                format!("net {p} {float}"),
                cli_report(&["nn-tutor", "net", p, float]),
            ));
        }
    }
    // The rounding audit of `--round-each`, on every example that has one
    // (and the sentence of those whose values are integer counts).
    for ex in crate::catalog::all() {
        let id = ex.id();
        if matches!(ex.audit, crate::catalog::Audit::None(_)) {
            continue;
        }
        let n = ex.number.to_string();
        let args = [
            "nn-tutor",
            "explain",
            ex.topic,
            "-e",
            &n,
            "--round-each",
            "2",
        ];
        out.push((format!("{id} --round-each 2"), cli_report(&args)));
    }
    // `check`, with a flipped sign, a wrong and a right answer.
    let answers = std::env::temp_dir().join(format!("nn-tutor-i18n-{}.toml", std::process::id()));
    std::fs::write(&answers, "\"df/dx\" = 4\n\"df/dq\" = 3\nf = -12\n").expect("a temp file");
    let (r, _) = crate::check::run_file("backprop", 1, &[], &answers, Some("0.01"))
        .expect("the answers parse");
    out.push(("check backprop/1".into(), r));
    let _ = std::fs::remove_file(&answers);
    out.extend(crate::check::sample_reports());
    out.extend(crate::class::class_report::sample_reports());
    out
}

fn cli_report(args: &[&str]) -> Report {
    use clap::Parser;
    let cli = crate::cli::Cli::try_parse_from(args).expect("valid arguments");
    match crate::cli::outcome(cli).expect("the command runs") {
        crate::cli::Outcome::Report(r, _) => *r,
        _ => panic!("{args:?} gives a report"),
    }
}

#[test]
fn zh_reports_have_no_english_prose() {
    let mut missing: Vec<(String, String)> = Vec::new();
    for (what, r) in all_reports() {
        let zh = localize(&r, Lang::Zh);
        // The same walk over both reports gives the strings in the same
        // order, so each Chinese string is listed by its English original.
        for (en, z) in prose(&r).into_iter().zip(prose(&zh)) {
            if untranslated(&z) && !missing.iter().any(|(_, m)| *m == en) {
                missing.push((what.clone(), en));
            }
        }
    }
    let list: Vec<String> = missing
        .iter()
        .map(|(w, s)| format!("  ({s:?}, \"…\"),  // {w}"))
        .collect();
    assert!(
        missing.is_empty(),
        "{} strings of --lang zh reports are still English; add an entry for each to \
         src/report/messages/ (the whole string, or each of its ` · ` pieces; replace numbers, \
         names and formulas that vary with {{}}):\n{}",
        missing.len(),
        list.join("\n")
    );
}

/// Numbers, formulas and names of a report: what localisation must keep.
fn numbers(r: &Report) -> (Vec<String>, Vec<(String, Data)>) {
    let mut v: Vec<String> = r.inputs.iter().map(|x| format!("{x:?}")).collect();
    v.extend(r.results.iter().map(|x| format!("{x:?}")));
    for b in &r.blocks {
        match b {
            Block::Formula(m) => v.push(format!("{:?}", numerals(&m.plain(6)))),
            Block::Table(t) => {
                v.push(format!("{}x{}", t.rows.len(), t.header.len()));
                let title = std::iter::once(&t.title).chain(&t.header);
                v.push(quoted(title.map(String::as_str), &t.nums));
                for c in t.rows.iter().flatten() {
                    match c {
                        Cell::Text(_) => {}
                        // the words are translated, the numbers are not
                        Cell::Sentence(s) => v.push(quoted([s.text.as_str()], &s.nums)),
                        _ => v.push(format!("{c:?}")),
                    }
                }
            }
            Block::Sentence(s) => v.push(quoted([s.text.as_str()], &s.nums)),
            Block::Figure(f) => v.push(format!("{:?}", figure_numbers(f))),
            _ => v.push("words".into()),
        }
    }
    (v, r.data.clone())
}

/// Numbers quoted among words: how many places the texts hold for them
/// and the numbers themselves, in any order (a translation may move them,
/// each with its words).
fn quoted<'a>(texts: impl IntoIterator<Item = &'a str>, nums: &[crate::report::Num]) -> String {
    let holes: usize = texts.into_iter().map(|t| t.matches("{}").count()).sum();
    let mut nums: Vec<String> = nums.iter().map(|n| format!("{n:?}")).collect();
    nums.sort();
    format!("{holes} places: {nums:?}")
}

/// The numbers written in a formula, in order (its words may change).
fn numerals(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '/' | '-')))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

fn figure_numbers(f: &Figure) -> Vec<String> {
    match f {
        Figure::Graph { .. } => vec![format!("{f:?}")],
        Figure::Plot { panels, .. } => panels
            .iter()
            .flat_map(|p| p.series.iter().map(|s| format!("{:?}", s.points)))
            .collect(),
        Figure::Bars { values, .. } => vec![format!("{values:?}")],
        Figure::Heatmap {
            xs,
            ys,
            values,
            marks,
            ..
        } => {
            let m: Vec<(f64, f64)> = marks.iter().map(|m| (m.1, m.2)).collect();
            vec![format!("{xs:?}{ys:?}{values:?}{m:?}")]
        }
    }
}

#[test]
fn zh_changes_only_words() {
    for (what, r) in all_reports() {
        let zh = localize(&r, Lang::Zh);
        assert_eq!(numbers(&r), numbers(&zh), "{what}: a number changed");
        assert_eq!(r.id, zh.id);
    }
}

/// The positions of the parts a Chinese template uses (`{}` counts on).
fn used_parts(zh: &str) -> Vec<usize> {
    let (mut used, mut next, mut rest) = (Vec::new(), 0, zh);
    while let Some(i) = rest.find('{') {
        let tail = &rest[i + 1..];
        match tail.find('}').map(|c| &tail[..c]) {
            Some("") => {
                used.push(next);
                next += 1;
            }
            Some(d) if !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()) => {
                let k: usize = d.parse().expect("digits");
                used.push(k);
                next = k + 1;
            }
            _ => {}
        }
        rest = tail;
    }
    used
}

/// Every entry is usable: one Chinese per English string, placeholders that
/// can be told apart, and a Chinese that puts back every part exactly once.
#[test]
fn message_table_is_consistent() {
    let mut seen = std::collections::HashMap::new();
    for &(en, zh) in MESSAGES.iter().flat_map(|t| t.iter()) {
        if let Some(other) = seen.insert(en, zh) {
            assert_eq!(other, zh, "{en:?} has two translations");
        }
        assert!(
            en != "{}" && !en.contains("{}{}"),
            "{en:?}: parts must be separated"
        );
        let n = en.matches("{}").count();
        let mut used = used_parts(zh);
        used.sort_unstable();
        assert_eq!(used, (0..n).collect::<Vec<_>>(), "{en:?} → {zh:?}: parts");
    }
}

/// The renderers' own words (not part of any report) have entries.
#[test]
fn renderer_labels_have_entries() {
    for en in [
        "Source",
        "Try",
        "Inputs · 输入",
        "name",
        "value",
        "Computation graph · 计算图 (each node: value, then its gradient)",
        "1 (constant)",
        "x (+) = 2 (see above)",
    ] {
        let zh = translate(en).unwrap_or_else(|| panic!("no entry for {en:?}"));
        assert!(!untranslated(&zh), "{en:?} → {zh:?}");
    }
}

/// A translation that puts a sentence's parts in another order takes the
/// numbers with it; one that loses a number leaves the English.
#[test]
fn translated_words_keep_each_number_with_its_words() {
    use crate::report::Num;
    use crate::scalar::Scalar;
    let (a, b) = (Num::shown(&Scalar::int(3)), Num::shown(&Scalar::int(-4)));
    // A template that names b before a (as `{1} … {0}` would).
    let swap = |t: &str| -> String {
        let m: Vec<char> = t.chars().filter(|&c| c as u32 >= 0xF0000).collect();
        format!("先 b = {}，再 a = {}", m[1], m[0])
    };
    let mut text = "a = {}, b = {}".to_string();
    let mut nums = vec![a.clone(), b.clone()];
    super::localize_quoting(vec![&mut text], &mut nums, &swap);
    assert_eq!(text, "先 b = {}，再 a = {}");
    assert_eq!(nums, [b.clone(), a.clone()]);
    let filled = crate::report::Sentence::new(text, nums).plain(6);
    assert_eq!(filled, "先 b = -4，再 a = 3");
    // Across a title and its column names, in order.
    let (mut title, mut col) = ("L = {}".to_string(), "J at α = {}".to_string());
    let mut nums = vec![a.clone(), b.clone()];
    super::localize_quoting(vec![&mut title, &mut col], &mut nums, &|t: &str| {
        t.replace("at", "在")
    });
    assert_eq!((title.as_str(), col.as_str()), ("L = {}", "J 在 α = {}"));
    assert_eq!(nums, [a.clone(), b.clone()]);
    // A translation that drops a number keeps the English, numbers in place.
    let mut text = "a = {}, b = {}".to_string();
    let mut nums = vec![a.clone(), b.clone()];
    let drop = |t: &str| {
        t.chars()
            .filter(|&c| (c as u32) != 0xF0001)
            .collect::<String>()
            + "。"
    };
    super::localize_quoting(vec![&mut text], &mut nums, &drop);
    assert_eq!(text, "a = {}, b = {}");
    assert_eq!(nums, [a, b]);
}
