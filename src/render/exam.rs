//! An exam in LaTeX with exam.cls: LaTeX's syntax for a [`Document`]
//! except for the pieces exam.cls has its own environments for. A name
//! and ID line, a points table, each problem a titled question whose asked
//! quantities are parts worth their points with an answer line; with the
//! answers, the class's `answers` option fills the answer lines and prints
//! each problem's solution (its worked steps).

use crate::render::DocumentMarkup;
use crate::render::latex::{Latex, escape, preamble};
use crate::report::Math;
use crate::report::document::{Blank, Document, Pairs, Prose};

/// exam.cls's syntax for [`super::document`]: [`Latex`]'s, with questions,
/// parts, answer lines and solutions.
pub struct Exam<'a>(pub Latex<'a>);

/// Only a few questions fit a points table across the page; a whole
/// class's sheet across --all gets a box with the total instead.
const POINTS_TABLE_MAX: usize = 6;

impl DocumentMarkup for Exam<'_> {
    fn report(&self) -> &dyn super::Markup {
        &self.0
    }
    fn paper(&self) -> bool {
        true
    }
    fn begin(&self, d: &Document) -> String {
        let Some(exam) = &d.exam else {
            return self.0.begin(d);
        };
        let mut opts = vec!["11pt", "addpoints"];
        if exam.answers {
            opts.push("answers");
        }
        let class = format!("\\documentclass[{}]{{exam}}\n", opts.join(","));
        let w = &exam.words;
        let (before, after) = &w.numbered;
        // `\thequestion` before a word needs `{}` to keep the space.
        let number = if after.is_empty() {
            "\\thequestion".to_string()
        } else {
            format!("\\thequestion{{}}{after}")
        };
        let qlabel = format!("{before}{number}");
        preamble(d, &class)
            + &format!(
                "\\pointpoints{{{}}}{{{}}}\n\\hpword{{{}}}\\hsword{{{}}}\\htword{{{}}}\\hqword{{{}}}\n\\runningheader{{}}{{{}}}{{}}\n\\runningfooter{{}}{{\\thepage}}{{}}\n\\renewcommand{{\\thepartno}}{{\\arabic{{partno}}}}\n\\qformat{{\\parbox[t]{{0.82\\textwidth}}{{\\raggedright\\textbf{{{qlabel}\\ $\\cdot$ \\thequestiontitle}}}}\\hfill(\\totalpoints\\ \\points)}}\n\\pointformat{{}}\n\\unframedsolutions\n\\setlength{{\\answerlinelength}}{{4cm}}\n",
                w.point, w.points, w.points_heading, w.score, w.total, w.question, exam.header
            )
    }
    fn end(&self, d: &Document) -> String {
        self.0.end(d)
    }
    fn finish(&self, text: String) -> String {
        self.0.finish(text)
    }
    fn title(&self, t: &str) -> String {
        format!("\\begin{{center}}\\Large {}\\end{{center}}\n", escape(t))
    }
    fn command(&self, label: &str, command: &str) -> String {
        self.0.command(label, command)
    }
    fn text(&self, t: &str) -> String {
        self.0.text(t)
    }
    fn name_line(&self, name: &str, id: &str) -> String {
        self.0.name_line(name, id)
    }
    fn points(&self, total: &str, score: &str, questions: usize) -> String {
        if questions <= POINTS_TABLE_MAX {
            "\\begin{center}\\gradetable[h][questions]\\end{center}\n".to_string()
        } else {
            format!(
                "\\begin{{center}}\\fbox{{\\rule{{0pt}}{{1.5em}}{total}: \\numpoints\\quad {score}: \\makebox[3em]{{}}}}\\end{{center}}\n"
            )
        }
    }
    fn page_break(&self) -> String {
        self.0.page_break()
    }
    fn problems(&self, begin: bool) -> String {
        match begin {
            true => "\\begin{questions}\n",
            false => "\\end{questions}\n",
        }
        .to_string()
    }
    fn problem(&self, _: &str, title: &str) -> String {
        // exam.cls numbers the questions.
        format!("\\nnkeep\n\\titledquestion{{{}}}\n", escape(title))
    }
    fn setup(&self, label: &str, lines: &[Prose]) -> String {
        self.0.setup(label, lines)
    }
    fn inputs(&self, p: &Pairs) -> String {
        self.0.inputs(p)
    }
    fn given(&self, label: &str, header: &(String, String), items: &[(String, Math)]) -> String {
        self.0.given(label, header, items)
    }
    fn find(&self, label: &str, names: &[String]) -> String {
        self.0.find(label, names)
    }
    fn blanks(&self, label: &str, blanks: &[Blank]) -> String {
        let parts: String = blanks
            .iter()
            .map(|b| {
                format!(
                    "\\part[{}] \\texttt{{{}}} $=$ \\fillin[{}][4cm]\n",
                    b.points,
                    escape(&b.name),
                    escape(&b.value.show(self.0.o.digits))
                )
            })
            .collect();
        format!("\\textbf{{{label}:}}\n\\begin{{parts}}\n{parts}\\end{{parts}}\n")
    }
    fn answers(&self, p: &Pairs) -> String {
        self.0.answers(p)
    }
    fn solution(&self, body: &str) -> String {
        format!("\\begin{{solution}}\n{body}\\end{{solution}}\n")
    }
    fn steps(&self, label: &str) -> String {
        self.0.steps(label)
    }
}
