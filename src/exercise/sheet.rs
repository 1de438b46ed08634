//! A sheet as a document: the questions (setup, inputs, given values, what
//! to find), the answer key (the asked values, then the example's own
//! report as the steps), an answers-only key, or an exam (name line,
//! points, answer spaces, solutions). [`document()`] decides what each part
//! shows and in which order, as a [`Document`] of pieces;
//! [`crate::render::document`] walks it and Markdown or LaTeX
//! ([`crate::render::paper`]) supply only the spelling. The JSON is the
//! sheet's data by serde. Pure: data in, text out.

use serde::Serialize;

use crate::catalog::statement::{GivenJson, Value};
use crate::exercise::messages::{Lang, Msg, problem as problem_label, text};
use crate::exercise::{Problem, Sheet};
use crate::render::{RenderOptions, json as json_render, latex, markdown, paper};
use crate::report::document::{self, Blank, Document, Exam, ExamWords, Pairs, Piece, Prose};
use crate::report::i18n::localize;
use crate::report::serial::{Named, Typed};
use crate::report::{Math, Report};

/// The formats a sheet is drawn in (`exercise --format` is
/// [`crate::class::ExerciseFormat`], which adds the LMS exports).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SheetFormat {
    /// Markdown with LaTeX formulas in `$…$` (the default).
    #[default]
    Markdown,
    /// A complete LaTeX document for pdflatex (with --lang zh, also CJKutf8).
    Latex,
    /// One JSON object for autograders: seed, problems, inputs, results.
    Json,
}

/// Which parts a document holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    pub questions: bool,
    pub key: bool,
    /// The key is each asked quantity and its value, without the steps.
    pub answers_only: bool,
    /// LaTeX as an exam (exam.cls): name and ID line, points, answer lines.
    pub exam: bool,
}

/// Render the chosen parts of a sheet as one document.
pub fn render(sh: &Sheet, f: SheetFormat, parts: Parts, o: &RenderOptions) -> String {
    match f {
        SheetFormat::Markdown => markdown::document(&document(sh, parts), o),
        SheetFormat::Latex => paper::document(&document(sh, parts), o),
        SheetFormat::Json => json(sh, parts, o.digits),
    }
}

/// The chosen parts of a sheet as a [`Document`]: what each part shows and
/// in which order, the same for every format.
pub fn document(sh: &Sheet, parts: Parts) -> Document {
    let l = sh.lang;
    let mut pieces = Vec::new();
    if parts.exam {
        pieces = exam(sh, parts);
    } else {
        if parts.questions {
            pieces.extend(questions(sh, parts));
        }
        if parts.key {
            if parts.questions {
                pieces.push(Piece::PageBreak);
            }
            pieces.extend(key(sh, parts));
        }
    }
    Document {
        lang: l,
        command: regenerate(sh, parts),
        exam: parts.exam.then(|| Exam {
            answers: parts.key,
            header: text(exam_title(parts), l).into(),
            words: exam_words(l),
        }),
        pieces,
    }
}

/// The sheet: each problem's statement and what to find.
fn questions(sh: &Sheet, parts: Parts) -> Vec<Piece> {
    let l = sh.lang;
    let mut out = head(sh, Msg::SheetTitle, parts);
    out.push(Piece::Text(text(Msg::Instructions, l).into()));
    out.push(each(sh, |p| {
        let mut q = statement(p, l);
        q.push(Piece::Find {
            label: text(Msg::Find, l).into(),
            names: names(p).into_iter().map(String::from).collect(),
        });
        q
    }));
    out
}

/// The key: each problem's answers, where its numbers come from, the
/// command that checks answers, and (unless answers only) its steps.
fn key(sh: &Sheet, parts: Parts) -> Vec<Piece> {
    let l = sh.lang;
    let mut out = head(sh, Msg::KeyTitle, parts);
    out.push(each(sh, |p| {
        let mut q = vec![
            Piece::Answers(pairs(Msg::Answers, asked_pairs(p), l)),
            Piece::Text(drawn_line(p, l)),
            Piece::Command {
                label: text(Msg::ExactHint, l).into(),
                command: check_line(p),
            },
        ];
        if !parts.answers_only {
            q.push(steps(p, l));
        }
        q
    }));
    out
}

/// An exam: a name line, the points, each problem's statement with an
/// answer space per asked quantity and, in the full key, its solution.
fn exam(sh: &Sheet, parts: Parts) -> Vec<Piece> {
    let l = sh.lang;
    let mut out = head(sh, exam_title(parts), parts);
    out.extend([
        Piece::NameLine {
            name: text(Msg::StudentName, l).into(),
            id: text(Msg::StudentId, l).into(),
        },
        Piece::Text(text(Msg::Instructions, l).into()),
        Piece::Points {
            total: text(Msg::Total, l).into(),
            score: text(Msg::Score, l).into(),
            questions: sh.problems.len(),
        },
    ]);
    out.push(each(sh, |p| {
        let mut q = statement(p, l);
        let blanks = p.asked().into_iter().map(|n| Blank {
            name: n.name.clone(),
            value: parts.key.then(|| n.value.clone()),
            points: 1,
        });
        q.push(Piece::Blanks {
            label: text(Msg::Find, l).into(),
            blanks: blanks.collect(),
        });
        if parts.key && !parts.answers_only {
            q.push(Piece::Solution(vec![
                Piece::Text(drawn_line(p, l)),
                steps(p, l),
            ]));
        }
        q
    }));
    out
}

/// An exam is one document: a key when it shows the answers.
fn exam_title(parts: Parts) -> Msg {
    if parts.key {
        Msg::KeyTitle
    } else {
        Msg::SheetTitle
    }
}

/// A part's heading with the seed, and the command that regenerates the
/// document (on screen only).
fn head(sh: &Sheet, title: Msg, parts: Parts) -> Vec<Piece> {
    let l = sh.lang;
    vec![
        Piece::Title(format!(
            "{} ({} {})",
            text(title, l),
            text(Msg::Seed, l),
            sh.seed
        )),
        Piece::Command {
            label: text(Msg::Regenerate, l).into(),
            command: regenerate(sh, parts),
        },
    ]
}

/// Every problem of the sheet under its heading, with `pieces` of it.
fn each(sh: &Sheet, pieces: impl Fn(&Problem) -> Vec<Piece>) -> Piece {
    let problems = sh
        .problems
        .iter()
        .enumerate()
        .map(|(k, p)| document::Problem {
            label: problem_label(k + 1, sh.lang),
            title: title(p, sh.lang),
            pieces: pieces(p),
        });
    Piece::Problems(problems.collect())
}

/// What a problem states: its setup, its inputs and the other given
/// values (the setup and given only when there are some).
fn statement(p: &Problem, l: Lang) -> Vec<Piece> {
    let mut out = Vec::new();
    let lines = setup(p, l);
    if !lines.is_empty() {
        out.push(Piece::Setup {
            label: text(Msg::Setup, l).into(),
            lines,
        });
    }
    out.push(Piece::Inputs(pairs(
        Msg::Inputs,
        p.report.inputs.clone(),
        l,
    )));
    let shown = shown_given(p);
    if !shown.is_empty() {
        out.push(Piece::Given {
            label: text(Msg::Given, l).into(),
            header: (text(Msg::Name, l).into(), text(Msg::Value, l).into()),
            items: shown
                .iter()
                .map(|(n, v)| (n.clone(), given_math(v)))
                .collect(),
        });
    }
    out
}

/// A name and value table under `label`.
fn pairs(label: Msg, rows: Vec<(String, crate::Scalar)>, l: Lang) -> Pairs {
    Pairs {
        label: text(label, l).into(),
        header: (text(Msg::Name, l).into(), text(Msg::Value, l).into()),
        rows,
    }
}

/// The problem's worked steps: its report in the sheet's language.
fn steps(p: &Problem, l: Lang) -> Piece {
    Piece::Steps {
        label: text(Msg::Steps, l).into(),
        report: localize(&p.report, l).into_owned(),
    }
}

/// "Title (topic/N)"; in Chinese the deck's term first.
fn title(p: &Problem, lang: Lang) -> String {
    let e = p.example;
    match lang {
        Lang::En => format!("{} ({})", e.title, e.id()),
        Lang::Zh => format!("{} · {} ({})", e.title_zh, e.title, e.id()),
    }
}

/// The command that checks a student's answers to this problem.
fn check_line(p: &Problem) -> String {
    format!(
        "nn-tutor check {} --example {} {} answers.toml",
        p.example.topic,
        p.example.number,
        p.set_flag()
    )
}

/// The names of the asked quantities, in the key's order.
fn names(p: &Problem) -> Vec<&str> {
    p.asked().into_iter().map(|n| n.name.as_str()).collect()
}

/// The setup sentences of a problem in the sheet's language, spelled for
/// each format: the one place where statement lines become text.
fn setup(p: &Problem, l: Lang) -> Vec<Prose> {
    p.statement
        .lines
        .iter()
        .map(|line| {
            // Formulas (⟦…⟧) as written in plain text, as $…$ math in
            // Markdown and LaTeX; the prose between them escaped.
            let zh = l == Lang::Zh;
            Prose {
                plain: line.plain(zh),
                markdown: line.spell(zh, markdown::escape),
                latex: line.spell(zh, |t| latex::escape(t).replace(';', ";\\allowbreak{}")),
            }
        })
        .collect()
}

/// The given values a page shows beside the inputs table: every given
/// number, vector and matrix except the inputs (already in that table).
fn shown_given(p: &Problem) -> Vec<&(String, Value)> {
    p.statement
        .given
        .iter()
        .filter(|(n, v)| {
            // words (activations, the loss, the convention) are in the setup
            !matches!(v, Value::Text(_)) && !p.report.inputs.iter().any(|(i, _)| i == n)
        })
        .collect()
}

/// A given value as a formula: a number, a column of numbers, a matrix.
fn given_math(v: &Value) -> Math {
    let n = |x: &crate::Scalar| Math::num(x);
    let row = |xs: &[crate::Scalar]| Math::join(&xs.iter().map(n).collect::<Vec<_>>(), ", ", " & ");
    let matrix = |rows: Vec<Math>| {
        let (open, close) = (
            Math::new("[", "\\begin{pmatrix}"),
            Math::new("]", "\\end{pmatrix}"),
        );
        Math::join(&[open, Math::join(&rows, "; ", " \\\\ "), close], "", "")
    };
    match v {
        Value::Number(x) => n(x),
        Value::Vector(xs) => matrix(xs.iter().map(n).collect()),
        Value::Matrix(rows) => matrix(rows.iter().map(|r| row(r)).collect()),
        Value::Text(t) => Math::new(t.clone(), format!("\\text{{{}}}", latex::escape(t))),
    }
}

/// The words exam.cls prints around the questions.
fn exam_words(l: Lang) -> ExamWords {
    let (before, after) = problem_label(0, l)
        .split_once('0')
        .map(|(b, a)| (b.to_string(), a.to_string()))
        .expect("the problem label holds its number");
    ExamWords {
        point: text(Msg::Point, l).into(),
        points: text(Msg::PointPlural, l).into(),
        points_heading: text(Msg::Points, l).into(),
        score: text(Msg::Score, l).into(),
        total: text(Msg::Total, l).into(),
        question: text(Msg::Problem, l).into(),
        solution: text(Msg::Solution, l).into(),
        numbered: (before, after),
    }
}

/// The command that regenerates this very document: with `--key` when it
/// holds the key (a key written with --key-out comes back after its sheet).
fn regenerate(sh: &Sheet, parts: Parts) -> String {
    let mut c = sh.command.clone();
    if parts.key {
        c.push_str(" --key");
    }
    c
}

/// The asked quantities and their values, in the key's order.
fn asked_pairs(p: &Problem) -> Vec<(String, crate::Scalar)> {
    p.asked()
        .into_iter()
        .map(|n| (n.name.clone(), n.value.clone()))
        .collect()
}

/// "The deck's example is at x = -2, y = 5; this problem is at x = 1,
/// y = 3": the key's sources quote the deck's numbers, the problem has
/// its own.
fn drawn_line(p: &Problem, l: Lang) -> String {
    let deck: Vec<String> = p
        .sets
        .iter()
        .filter_map(|(n, _)| {
            let d = p.example.params.iter().find(|q| q.name == n)?;
            Some(format!("{n} = {}", d.default))
        })
        .collect();
    let drawn: Vec<String> = p.sets.iter().map(|(n, v)| format!("{n} = {v}")).collect();
    match l {
        Lang::En => format!(
            "The deck's example is at {}; this problem is at {}.",
            deck.join(", "),
            drawn.join(", ")
        ),
        Lang::Zh => format!(
            "课件中的例题取 {}; 本题取 {}。",
            deck.join(", "),
            drawn.join(", ")
        ),
    }
}

/// The JSON of a sheet (see [`SheetFormat::Json`]).
#[derive(Serialize)]
struct SheetJson<'a> {
    seed: u64,
    lang: &'static str,
    command: &'a str,
    key: bool,
    problems: Vec<ProblemJson<'a>>,
}

/// One problem of [`SheetJson`]; `results` and `report` only in a key.
#[derive(Serialize)]
struct ProblemJson<'a> {
    number: usize,
    example: String,
    title: &'a str,
    title_zh: &'a str,
    set: String,
    /// The setup sentences, in the sheet's language.
    setup: Vec<String>,
    /// Every given value: a program computes every asked quantity from these.
    given: GivenJson<'a>,
    inputs: Named<'a>,
    find: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    results: Option<Typed<'a>>,
    /// Its formulas' numbers written with the sheet's digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
}

fn json(sh: &Sheet, parts: Parts, digits: usize) -> String {
    let problems = sh
        .problems
        .iter()
        .enumerate()
        .map(|(k, p)| ProblemJson {
            number: k + 1,
            example: p.example.id(),
            title: p.example.title,
            title_zh: p.example.title_zh,
            set: p.set_flag(),
            setup: setup(p, sh.lang).into_iter().map(|s| s.plain).collect(),
            given: GivenJson(&p.statement.given),
            inputs: Named(&p.report.inputs),
            find: names(p),
            results: parts.key.then_some(Typed(&p.report.results)),
            report: (parts.key && !parts.answers_only).then(|| p.report.spelled(digits)),
        })
        .collect();
    json_render::pretty(&SheetJson {
        seed: sh.seed,
        lang: match sh.lang {
            Lang::En => "en",
            Lang::Zh => "zh",
        },
        command: &sh.command,
        key: parts.key,
        problems,
    })
}
