//! Every catalog example in every output format, pinned by insta.
//!
//! Each snapshot was read by hand against the deck or a hand derivation
//! before it was accepted (the pinned numbers themselves are also asserted
//! independently in `tests/pinned.rs`). With `CI=true` a missing or changed
//! snapshot fails the run.

use nn_tutor::catalog;
use nn_tutor::render::{Format, RenderOptions, render};
use nn_tutor::report::Settings;
use nn_tutor::report::i18n::{Lang, localize};

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Markdown => "markdown",
        Format::Latex => "latex",
        Format::Json => "json",
    }
}

#[test]
fn every_example_in_every_format() {
    for ex in catalog::all() {
        let report = ex
            .run(&[], &Settings::default())
            .unwrap_or_else(|e| panic!("{} fails with its defaults: {e}", ex.id()));
        for format in [Format::Table, Format::Markdown, Format::Latex, Format::Json] {
            let text = render(&report, format, &RenderOptions::default());
            let name = format!("{}__{}", ex.id().replace('/', "-"), format_name(format));
            insta::with_settings!({ prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(name, text);
            });
        }
    }
}

/// `text` without every `open … close` span.
fn strip(text: &str, open: &str, close: &str) -> String {
    let mut kept = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        kept.push_str(&rest[..i]);
        let after = &rest[i + open.len()..];
        rest = after.find(close).map_or("", |j| &after[j + close.len()..]);
    }
    kept.push_str(rest);
    kept
}

/// LaTeX text outside math and verbatim must not carry raw Unicode symbols
/// (γ, ŷ, ᵀ, …): pdflatex stops on them and most XeLaTeX text fonts have no
/// glyph. Chinese terms are fine (xeCJK).
#[test]
fn latex_text_has_no_raw_math_symbols() {
    for (ex, lang) in catalog::all()
        .into_iter()
        .flat_map(|e| [(e, Lang::En), (e, Lang::Zh)])
    {
        let report = ex.run(&[], &Settings::default()).unwrap();
        let report = localize(&report, lang);
        let text = render(&report, Format::Latex, &RenderOptions::default());
        let text = strip(&text, "\\begin{verbatim}", "\\end{verbatim}");
        let text = strip(&text, "\\[\n", "\n\\]");
        let plain: String = text.split('$').step_by(2).collect::<Vec<_>>().concat();
        for c in plain.chars() {
            let cjk = matches!(c as u32, 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF);
            assert!(
                c.is_ascii() || cjk,
                "{} ({lang:?}): raw {c:?} (U+{:04X}) in LaTeX text",
                ex.id(),
                c as u32
            );
        }
    }
}

/// The `--round-each 2` audit of one example per family, alone (the rest of
/// each report is pinned above). Each was read by hand; the drifts are
/// derived in the comments of `src/catalog/tests.rs`.
#[test]
fn round_each_audit_per_family() {
    for id in [
        "activation/2",
        "forward/3",
        "softmax/2",
        "loss/2",
        "neuron/3",
        "xor/2",
        "init/1",
        "network/1",
    ] {
        let (t, n) = id.split_once('/').unwrap();
        let ex = catalog::find(t, n.parse().unwrap()).unwrap();
        let values = ex.values(&[]).unwrap();
        let plan = ex.audit_plan(&values).unwrap();
        let mut r = nn_tutor::report::Report {
            id: id.to_string(),
            title: "explain --round-each 2 (the audit alone)".to_string(),
            ..Default::default()
        };
        nn_tutor::rounding::audit_plan(&mut r, id, &plan, 2, 6).unwrap();
        let text = render(&r, Format::Markdown, &RenderOptions::default());
        let name = format!("round-each-2__{}", id.replace('/', "-"));
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(name, text);
        });
    }
}

/// `--lang zh` for a representative set: the catalog examples the course
/// opens with, one `graph` and one `net`, on a terminal. Read by hand: the
/// numbers are those of the English snapshots, only the words changed.
#[test]
fn chinese_reports() {
    let examples = [
        "backprop/1",
        "autodiff/1",
        "forward/1",
        "softmax/1",
        "gradient-descent/1",
        "training/1",
    ];
    for id in examples {
        let (topic, n) = id.split_once('/').unwrap();
        let ex = catalog::find(topic, n.parse().unwrap()).unwrap();
        let report = ex.run(&[], &Settings::default()).unwrap();
        let text = render(
            &localize(&report, Lang::Zh),
            Format::Table,
            &RenderOptions::default(),
        );
        let name = format!("zh-{}__table", id.replace('/', "-"));
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(name, text);
        });
    }
    let spec = concat!(env!("CARGO_MANIFEST_DIR"), "/specs/two-layer.toml");
    let commands: [(&str, &[&str]); 2] = [
        (
            "zh-graph__table",
            &[
                "graph",
                "sigmoid(w*x + b)",
                "--at",
                "w=2,x=-1,b=2",
                "--chains",
            ],
        ),
        ("zh-net__table", &["net", spec]),
    ];
    for (name, args) in commands {
        use clap::Parser;
        let mut argv = vec!["nn-tutor"];
        argv.extend_from_slice(args);
        argv.extend(["--lang", "zh"]);
        let cli = nn_tutor::cli::Cli::try_parse_from(&argv).unwrap();
        let text = nn_tutor::cli::run(cli).unwrap();
        // The spec's path differs from machine to machine.
        let text = text.replace(env!("CARGO_MANIFEST_DIR"), "$CRATE");
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(name, text);
        });
    }
}
