//! Renderers: pure functions from a [`Report`] to text. They format numbers
//! and lay out tables; they never compute.
//!
//! One walk per kind of data: [`walk`] visits a report and asks a
//! [`Markup`] (terminal, Markdown, LaTeX, the book's) how to spell each
//! piece; [`document`] visits a sheet, key or exam
//! ([`crate::report::document::Document`]) and asks a [`DocumentMarkup`]
//! (Markdown, or LaTeX on paper in [`paper`]), which draws the reports a key
//! embeds with its own [`Markup`]. JSON is serde's ([`json`]).

pub mod diagram;
pub mod json;
pub mod latex;
pub mod latex_safe;
pub mod markdown;
pub mod number;
pub mod paper;
pub mod plot;
pub mod terminal;
pub mod textplot;
pub mod wrap;

use crate::report::document::{Blank, Document, Pairs, Piece, Prose};
use crate::report::i18n::Lang;
use crate::report::{Block, Figure, Math, Report, Sentence, Table};

/// Output formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for a terminal (the default).
    Table,
    /// GitHub-flavoured Markdown with LaTeX formulas in `$…$`.
    Markdown,
    /// A LaTeX fragment (tabular environments and display math).
    Latex,
    /// One JSON object: id, title, sources, inputs, results, blocks.
    Json,
}

/// How figures are drawn in Markdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureStyle {
    /// A plain-text tree in a code block.
    Text,
    /// Inline SVG (the book).
    Svg,
}

/// Rendering choices that do not change any number.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Significant digits of rounded values.
    pub digits: usize,
    /// ANSI bold for headings on a terminal (off with NO_COLOR or a pipe).
    pub color: bool,
    pub figures: FigureStyle,
    /// Fit terminal output to this many columns (wrap prose and table
    /// cells, stack records when a table cannot fit); `None` keeps every
    /// line whole (a pipe without `--width` or `COLUMNS`).
    pub width: Option<usize>,
    /// Show exact fractions whole past [`number::LONG_DIGITS`] digits
    /// (`--exact-long`); otherwise a long one is shown as its decimal.
    pub exact_long: bool,
}

impl RenderOptions {
    /// True when a value is written as its decimal instead of its exact
    /// fraction ([`number::value`]: a long fraction without `--exact-long`).
    pub fn shortens(&self, v: &crate::scalar::Scalar) -> bool {
        number::is_long(v) && !self.exact_long
    }
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            digits: 6,
            color: false,
            figures: FigureStyle::Text,
            width: None,
            exact_long: false,
        }
    }
}

/// Render a report in the chosen format.
pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Table => terminal::render(report, opts),
        Format::Markdown => markdown::render(report, opts),
        Format::Latex => latex::render(report, opts),
        Format::Json => json::render(report, opts),
    }
}

/// The syntax of one text format; [`walk`] visits a report once, in one
/// order, and asks the format only how to spell each piece (as hyperfine's
/// `export/markup.rs` walks a table and `markdown.rs` supplies the cells).
/// Every rule about *what* is shown and in which order lives in [`walk`].
pub trait Markup {
    /// Significant digits of rounded values (`--digits`).
    fn digits(&self) -> usize;
    /// The report's heading line(s), from [`heading`].
    fn title(&self, r: &Report) -> String;
    /// One source line.
    fn source(&self, lang: Lang, source: &str) -> String;
    /// What goes between the pieces (a blank line on a terminal).
    fn separator(&self) -> &'static str {
        ""
    }
    /// A section heading inside the report; `maths` are the formulas it
    /// may spell ([`Report::heading_math`]).
    fn section(&self, h: &str, maths: &[Math]) -> String;
    /// A paragraph.
    fn text(&self, t: &str) -> String;
    /// A paragraph with numbers, each written as a table writes it.
    fn sentence(&self, s: &Sentence) -> String;
    /// A displayed formula.
    fn formula(&self, m: &Math) -> String;
    /// A table, its title included.
    fn table(&self, t: &Table) -> String;
    /// A figure.
    fn figure(&self, f: &Figure, lang: Lang) -> String;
    /// The commands worth trying next (never empty).
    fn try_next(&self, lang: Lang, tries: &[String]) -> String;
}

/// Render `r` in the syntax `m`: heading, sources, the inputs table, the
/// blocks in order, then the commands to try.
pub fn walk(r: &Report, m: &dyn Markup) -> String {
    let mut out = m.title(r);
    for s in &r.sources {
        out.push_str(&m.source(r.lang, s));
    }
    if let Some(t) = inputs_table(r) {
        out.push_str(m.separator());
        out.push_str(&m.table(&t));
    }
    for b in &r.blocks {
        out.push_str(m.separator());
        out.push_str(&match b {
            Block::Heading(h) => m.section(h, &r.heading_math),
            Block::Text(t) => m.text(t),
            Block::Sentence(s) => m.sentence(s),
            Block::Formula(f) => m.formula(f),
            // Numbers quoted by titles, cells and legends, at the format's
            // digits ([`Table::written`]; a table that quotes none is itself).
            Block::Table(t) => m.table(&t.written(m.digits())),
            Block::Figure(f) => m.figure(&f.written(m.digits()), r.lang),
        });
    }
    if !r.try_next.is_empty() {
        out.push_str(&m.try_next(r.lang, &r.try_next));
    }
    out
}

/// The syntax of one format for documents of problems (sheets, keys,
/// exams): [`document`] visits the pieces once, in order, and asks the
/// format only how to spell each; the embedded reports go through the
/// format's [`Markup`] and [`walk`].
pub trait DocumentMarkup {
    /// The format's syntax for the reports a key embeds.
    fn report(&self) -> &dyn Markup;
    /// Printed on paper: no commands to type, and reports without their
    /// Try lines, commands and plots ([`printable`]).
    fn paper(&self) -> bool;
    /// What comes before the pieces (a LaTeX preamble).
    fn begin(&self, doc: &Document) -> String;
    /// What comes after them.
    fn end(&self, doc: &Document) -> String;
    /// The whole text, made ready for its reader (pdflatex reads ASCII).
    fn finish(&self, text: String) -> String {
        text
    }
    fn title(&self, t: &str) -> String;
    fn command(&self, label: &str, command: &str) -> String;
    fn text(&self, t: &str) -> String;
    fn name_line(&self, name: &str, id: &str) -> String;
    fn points(&self, total: &str, score: &str, questions: usize) -> String;
    fn page_break(&self) -> String;
    /// Before and after the list of problems.
    fn problems(&self, begin: bool) -> String;
    /// A problem's heading.
    fn problem(&self, label: &str, title: &str) -> String;
    fn setup(&self, label: &str, lines: &[Prose]) -> String;
    fn inputs(&self, p: &Pairs) -> String;
    fn given(&self, label: &str, header: &(String, String), items: &[(String, Math)]) -> String;
    fn find(&self, label: &str, names: &[String]) -> String;
    fn blanks(&self, label: &str, blanks: &[Blank]) -> String;
    fn answers(&self, p: &Pairs) -> String;
    /// A solution around its pieces, already spelled.
    fn solution(&self, body: &str) -> String;
    /// The label above the steps (the report follows).
    fn steps(&self, label: &str) -> String;
}

/// Render a document in the syntax `m`: what comes before, the pieces in
/// order, what comes after. Paper leaves out commands, and shows each
/// report [`printable`].
pub fn document(doc: &Document, m: &dyn DocumentMarkup) -> String {
    let mut out = m.begin(doc);
    out.push_str(&pieces(&doc.pieces, m));
    out.push_str(&m.end(doc));
    m.finish(out)
}

fn pieces(ps: &[Piece], m: &dyn DocumentMarkup) -> String {
    ps.iter().map(|p| piece(p, m)).collect()
}

fn piece(p: &Piece, m: &dyn DocumentMarkup) -> String {
    match p {
        Piece::Title(t) => m.title(t),
        Piece::Command { .. } if m.paper() => String::new(),
        Piece::Command { label, command } => m.command(label, command),
        Piece::Text(t) => m.text(t),
        Piece::NameLine { name, id } => m.name_line(name, id),
        Piece::Points {
            total,
            score,
            questions,
        } => m.points(total, score, *questions),
        Piece::PageBreak => m.page_break(),
        Piece::Problems(list) => {
            let mut out = m.problems(true);
            for q in list {
                out.push_str(&m.problem(&q.label, &q.title));
                out.push_str(&pieces(&q.pieces, m));
            }
            out + &m.problems(false)
        }
        Piece::Setup { label, lines } => m.setup(label, lines),
        Piece::Inputs(pairs) => m.inputs(pairs),
        Piece::Given {
            label,
            header,
            items,
        } => m.given(label, header, items),
        Piece::Find { label, names } => m.find(label, names),
        Piece::Blanks { label, blanks } => m.blanks(label, blanks),
        Piece::Answers(pairs) => m.answers(pairs),
        Piece::Solution(body) => m.solution(&pieces(body, m)),
        Piece::Steps { label, report } => {
            let shown = if m.paper() {
                std::borrow::Cow::Owned(printable(report))
            } else {
                std::borrow::Cow::Borrowed(report)
            };
            m.steps(label) + &walk(&shown, m.report())
        }
    }
}

/// A report as printed: without the commands to try next and without
/// plots (which paper cannot show; computation graphs stay, drawn as
/// text); an English report without its Chinese term (the decks have it).
pub fn printable(r: &Report) -> Report {
    let mut r = r.clone();
    r.try_next.clear();
    if r.lang == Lang::En {
        r.title_zh.clear();
    }
    r.blocks
        .retain(|b| !matches!(b, Block::Figure(f) if !matches!(f, Figure::Graph { .. })));
    for b in &mut r.blocks {
        if let Block::Text(t) = b {
            *t = without_commands(t, r.lang);
        }
    }
    r
}

/// A paragraph for paper: "see `nn-tutor explain autodiff --example 2`"
/// becomes "see example autodiff/2", and a sentence that still names a
/// command is left out.
fn without_commands(t: &str, l: Lang) -> String {
    let mut out = String::new();
    let mut rest = t;
    let marker = "`nn-tutor explain ";
    while let Some(at) = rest.find(marker) {
        let after = &rest[at + marker.len()..];
        let Some(end) = after.find('`') else { break };
        let words: Vec<&str> = after[..end].split_whitespace().collect();
        let id = match words.as_slice() {
            [topic, "--example", n] => format!("{topic}/{n}"),
            [topic] => topic.to_string(),
            _ => after[..end].to_string(),
        };
        out.push_str(&rest[..at]);
        out.push_str(&match l {
            Lang::En => format!("example {id}"),
            Lang::Zh => format!("例题 {id}"),
        });
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    if !out.contains("nn-tutor") {
        return out;
    }
    out.split_inclusive(['.', '。'])
        .filter(|s| !s.contains("nn-tutor"))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// A formula's LaTeX for display math, its numbers to `digits`: several
/// lines or aligned `&=` go in an `aligned` environment.
pub fn display_latex(m: &Math, digits: usize) -> String {
    let latex = m.latex(digits);
    if latex.contains("\\\\") || latex.contains("&=") {
        format!("\\begin{{aligned}} {latex} \\end{{aligned}}")
    } else {
        latex
    }
}

/// The report's inputs as a table (name, value), if it has any: every
/// text format shows them first.
pub fn inputs_table(r: &Report) -> Option<crate::report::Table> {
    use crate::report::{Cell, Table};
    if r.inputs.is_empty() {
        return None;
    }
    let mut t = Table::new("Inputs · 输入", &["name", "value"]);
    for (n, v) in &r.inputs {
        t.row(vec![Cell::Text(n.clone()), Cell::Num(v.clone())]);
    }
    // Title and header only: the names are what `--set` takes.
    if r.lang != crate::report::i18n::Lang::En {
        use crate::report::i18n::localize_str;
        t.title = localize_str(&t.title);
        t.header.iter_mut().for_each(|h| *h = localize_str(h));
    }
    Some(t)
}

/// The one-line heading of a report: `backprop/1 · Title · 中文`.
pub fn heading(report: &Report) -> String {
    let mut parts = vec![report.id.as_str(), report.title.as_str()];
    if !report.title_zh.is_empty() {
        parts.push(report.title_zh.as_str());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::document::{Exam, ExamWords, Problem};
    use crate::report::{Cell, Settings};
    use crate::scalar::Scalar;

    /// Every format's output of `r` at `digits`.
    fn all_formats(r: &Report, digits: usize) -> [String; 4] {
        let o = RenderOptions {
            digits,
            ..RenderOptions::default()
        };
        [Format::Table, Format::Markdown, Format::Latex, Format::Json].map(|f| render(r, f, &o))
    }

    #[test]
    fn a_formula_is_rounded_by_the_renderer_not_when_the_report_is_built() {
        // Before formulas held their numbers, `Math::num(v, s.digits)` wrote
        // a float into the formula's text when the report was built (with
        // `Settings::default()`, 6 digits, as below), so every format
        // rendered with 3 digits still printed `a = 0.333333` while the
        // table cells beside it said 0.333: the 3-digit half of this test
        // failed. Now the renderer's digits spell it: 1/3 as a float is
        // 0.333 to 3 significant digits and 0.333333 to 6; -2/3 is
        // -0.667 and -0.666667, in parentheses as an operand.
        let mut r = Report {
            id: "t".into(),
            ..Report::default()
        };
        r.formula(Math::name("a").eq(&Math::num(&Scalar::Float(1.0 / 3.0))));
        let mut t = Table::new("T", &["computed as"]);
        t.row(vec![Cell::Math(Math::cat(&[
            Math::new("2·", "2 \\cdot "),
            Math::operand(&Scalar::Float(-2.0 / 3.0)),
        ]))]);
        r.table(t);
        for (digits, a, b) in [(3, "0.333", "(-0.667)"), (6, "0.333333", "(-0.666667)")] {
            let [term, md, tex, json] = all_formats(&r, digits);
            assert!(term.contains(&format!("  a = {a}\n")), "{term}");
            assert!(term.contains(&format!("2·{b}")), "{term}");
            assert!(md.contains(&format!("$$\na = {a}\n$$")), "{md}");
            assert!(md.contains(&format!("$2 \\cdot {b}$")), "{md}");
            assert!(tex.contains(&format!("\\[\na = {a}\n\\]")), "{tex}");
            assert!(tex.contains(&format!("$2 \\cdot {b}$")), "{tex}");
            assert!(json.contains(&format!("\"plain\": \"a = {a}\"")), "{json}");
            assert!(
                json.contains(&format!("\"latex\": \"2 \\\\cdot {b}\"")),
                "{json}"
            );
        }
        // 3 digits leave no 6-digit spelling anywhere
        assert!(all_formats(&r, 3).iter().all(|s| !s.contains("0.333333")));
    }

    #[test]
    fn a_built_report_follows_the_render_digits_in_its_formulas() {
        // graph `f = sigmoid(x)` at x = 1, in floats: the backward table's
        // local gradient σ(1)(1 - σ(1)) = 0.19661193… is a formula cell;
        // the report is built once (6 digits) and rendered at 3 and 6:
        // 0.197 and 0.196612.
        let g = crate::graph::Graph::parse("f = sigmoid(x)").unwrap();
        let at: std::collections::HashMap<String, Scalar> =
            [("x".to_string(), Scalar::int(1))].into_iter().collect();
        let t = crate::graph::Trace::run(&g, &at, true).unwrap();
        let mut r = Report::default();
        crate::report::graph::explain(&mut r, &t, &at, &Settings::default());
        let cells = |digits: usize| -> Vec<String> {
            let o = RenderOptions {
                digits,
                ..RenderOptions::default()
            };
            r.blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Table(t) => Some(t),
                    _ => None,
                })
                .flat_map(|t| t.rows.iter().flatten())
                .filter(|c| matches!(c, Cell::Math(_)))
                .map(|c| terminal::cell_text(c, &o))
                .collect()
        };
        let s = 1.0 / (1.0 + (-1.0f64).exp());
        assert!((s * (1.0 - s) - 0.196_611_933).abs() < 1e-9);
        assert!(
            cells(3).iter().any(|c| c.ends_with("= 0.197")),
            "{:?}",
            cells(3)
        );
        assert!(
            cells(6).iter().any(|c| c.ends_with("= 0.196612")),
            "{:?}",
            cells(6)
        );
        assert!(!cells(3).iter().any(|c| c.contains("0.196612")));
    }

    /// One problem with every piece a key or exam uses, its steps a
    /// report with a Try line, a plot and a command in its prose.
    fn fixture(exam: bool) -> Document {
        let mut r = Report {
            id: "t/1".into(),
            title: "T".into(),
            ..Report::default()
        };
        r.text("As in `nn-tutor explain backprop --example 1`. Run nn-tutor again.");
        r.blocks.push(Block::Figure(Figure::Bars {
            title: "bars".into(),
            labels: vec!["a".into()],
            values: vec![1.0],
            y_label: "p".into(),
        }));
        r.try_next.push("nn-tutor explain t".into());
        let pairs = Pairs {
            label: "Answers".into(),
            header: ("name".into(), "value".into()),
            rows: vec![("f".into(), Scalar::int(-3))],
        };
        let words = ExamWords {
            point: "point".into(),
            points: "points".into(),
            points_heading: "Points".into(),
            score: "Score".into(),
            total: "Total".into(),
            question: "Problem".into(),
            solution: "Solution".into(),
            numbered: ("Problem ".into(), String::new()),
        };
        Document {
            lang: Lang::En,
            command: "nn-tutor exercise t --key".into(),
            exam: exam.then(|| Exam {
                answers: true,
                header: "Answer key".into(),
                words,
            }),
            pieces: vec![
                Piece::Title("Answer key (seed 1)".into()),
                Piece::Command {
                    label: "Regenerate this sheet with".into(),
                    command: "nn-tutor exercise t --key".into(),
                },
                Piece::Problems(vec![Problem {
                    label: "Problem 1".into(),
                    title: "T (t/1)".into(),
                    pieces: vec![
                        Piece::Answers(pairs),
                        Piece::Blanks {
                            label: "Find".into(),
                            blanks: vec![Blank {
                                name: "f".into(),
                                value: Some(Scalar::int(-3)),
                                points: 2,
                            }],
                        },
                        Piece::Solution(vec![Piece::Steps {
                            label: "All steps".into(),
                            report: r,
                        }]),
                    ],
                }]),
            ],
        }
    }

    #[test]
    fn one_document_through_every_format() {
        let o = RenderOptions::default();
        let md = markdown::document(&fixture(false), &o);
        let tex = paper::document(&fixture(false), &o);
        let exam = paper::document(&fixture(true), &o);
        // On screen: the command, the report's Try line, prose and plot.
        assert!(md.contains("Regenerate this sheet with: `nn-tutor exercise t --key`"));
        assert!(md.contains("*Try:* `nn-tutor explain t`"), "{md}");
        assert!(md.contains("Run nn-tutor again."), "{md}");
        assert!(md.contains("| `f` | -3 |"), "{md}");
        // On paper: none of the commands, no plot, the link as an example.
        for t in [&tex, &exam] {
            assert!(!t.contains("Regenerate this"), "{t}");
            assert!(!t.contains("Try"), "{t}");
            assert!(!t.contains("nn-tutor again"), "{t}");
            assert!(!t.contains("bars"), "{t}");
            assert!(t.contains("As in example backprop/1."), "{t}");
            assert!(t.contains("\\texttt{f} & -3 \\\\"), "{t}");
            assert!(t.is_ascii() && t.ends_with("\\end{document}\n"), "{t}");
        }
        // The command regenerating the file stays in a LaTeX comment.
        assert!(tex.starts_with(
            "% Generated by nn-tutor. Regenerate with:\n% nn-tutor exercise t --key\n"
        ));
        assert!(tex.contains("\\documentclass{article}"));
        assert!(tex.contains("\\subsection*{Problem 1 $\\cdot$ T (t/1)}"));
        // exam.cls: questions, parts with their points and the answer,
        // the solution around the steps.
        assert!(exam.contains("\\documentclass[11pt,addpoints,answers]{exam}"));
        assert!(exam.contains("\\qformat{\\parbox[t]{0.82\\textwidth}{\\raggedright\\textbf{Problem \\thequestion\\ $\\cdot$"));
        assert!(exam.contains("\\begin{questions}\n\\nnkeep\n\\titledquestion{T (t/1)}\n"));
        assert!(exam.contains("\\part[2] \\texttt{f} $=$ \\fillin[-3][4cm]\n\\end{parts}\n"));
        let solution = &exam[exam.find("\\begin{solution}").unwrap()..];
        assert!(
            solution.contains("\\textbf{All steps}")
                && solution.contains("\\end{solution}\n\\end{questions}\n")
        );
    }
}
