//! Snapshots of the parts of a sheet that the per-example snapshots (the
//! sheet with its full key, in `exercise.rs`) leave out: the exam
//! (exam.cls) with and without its answers, and the answers-only keys, in
//! both languages. The sheet renderers share one walk with the reports, so
//! a change to it shows here as well as there.

use nn_tutor::catalog;
use nn_tutor::exercise::sheet::{Parts, SheetFormat, render};
use nn_tutor::exercise::{Lang, make};
use nn_tutor::render::RenderOptions;

fn example(id: &str) -> &'static catalog::Example {
    let (t, n) = id.split_once('/').unwrap();
    catalog::find(t, n.parse().unwrap()).unwrap()
}

#[test]
fn exams_and_answers_only_keys() {
    // A graph example (setup lines, no given matrices) and a layer example
    // (given W(1), b(1) as matrices).
    let examples = [example("backprop/1"), example("neuron/1")];
    let exam = |key, answers_only| Parts {
        questions: true,
        key,
        answers_only,
        exam: true,
    };
    let answers_only = Parts {
        questions: false,
        key: true,
        answers_only: true,
        exam: false,
    };
    let cases = [
        (SheetFormat::Latex, exam(false, false), "exam"),
        (SheetFormat::Latex, exam(true, false), "exam-key"),
        (SheetFormat::Latex, exam(true, true), "exam-answers"),
        (SheetFormat::Latex, answers_only, "answers__latex"),
        (SheetFormat::Markdown, answers_only, "answers__markdown"),
    ];
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let sheet = make(&examples, 2026, 1, lang, format!("seed 2026 {tag}")).unwrap();
        for (format, parts, name) in cases {
            let text = render(&sheet, format, parts, &RenderOptions::default());
            insta::with_settings!({ prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(format!("sheet-{tag}-{name}"), text);
            });
        }
    }
}
