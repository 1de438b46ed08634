//! Sheets, keys and exams on paper: complete LaTeX documents for pdflatex,
//! in LaTeX's syntax ([`Latex`]) for the reports they embed. A sheet or
//! key is an article; an exam uses exam.cls: a name and ID line, a points
//! table, each problem a titled question whose asked quantities are parts
//! worth their points with an answer line; with the answers, the class's
//! `answers` option fills the answer lines and prints each problem's
//! solution (its worked steps). Paper carries no commands to type
//! ([`super::DocumentMarkup::paper`]).

use crate::render::latex::{FITWIDTH, Latex, escape};
use crate::render::{DocumentMarkup, RenderOptions};
use crate::report::Math;
use crate::report::document::{Blank, Document, Pairs, Prose};

/// A sheet, key or exam as a complete LaTeX document for pdflatex.
pub fn document(d: &Document, o: &RenderOptions) -> String {
    match &d.exam {
        Some(_) => super::document(d, &Exam(Latex { o })),
        None => super::document(d, &Latex { o }),
    }
}

/// LaTeX's syntax for [`super::document`]: an article for pdflatex, on
/// paper (no commands; each report [`super::printable`]).
impl DocumentMarkup for Latex<'_> {
    fn report(&self) -> &dyn super::Markup {
        self
    }
    fn paper(&self) -> bool {
        true
    }
    fn begin(&self, d: &Document) -> String {
        preamble(d, "\\documentclass{article}\n")
    }
    fn end(&self, _: &Document) -> String {
        "\\end{CJK}\n\\end{document}\n".to_string()
    }
    fn finish(&self, text: String) -> String {
        super::latex_safe::ascii(&text, true)
    }
    fn title(&self, t: &str) -> String {
        format!("\\section*{{{}}}\n", escape(t))
    }
    fn command(&self, label: &str, command: &str) -> String {
        format!("{}: \\texttt{{{}}}\n\n", escape(label), escape(command))
    }
    fn text(&self, t: &str) -> String {
        format!("{}\n\n", escape(t))
    }
    fn name_line(&self, name: &str, id: &str) -> String {
        format!(
            "\\vspace{{1em}}\\noindent {}:\\enspace\\makebox[0.45\\textwidth]{{\\hrulefill}}\\hfill {}:\\enspace\\makebox[0.25\\textwidth]{{\\hrulefill}}\\par\\vspace{{1em}}\n",
            escape(name),
            escape(id)
        )
    }
    fn points(&self, _: &str, _: &str, _: usize) -> String {
        String::new()
    }
    fn page_break(&self) -> String {
        "\\newpage\n".to_string()
    }
    fn problems(&self, _: bool) -> String {
        String::new()
    }
    fn problem(&self, label: &str, title: &str) -> String {
        format!(
            "\\nnkeep\n\\subsection*{{{} $\\cdot$ {}}}\n",
            escape(label),
            escape(title)
        )
    }
    fn setup(&self, label: &str, lines: &[Prose]) -> String {
        let items: String = lines
            .iter()
            .map(|l| format!("\\item {}\n", l.latex))
            .collect();
        format!("\\textbf{{{label}}}\n\\begin{{itemize}}\n{items}\\end{{itemize}}\n\n")
    }
    fn inputs(&self, p: &Pairs) -> String {
        // The label stays with its table.
        format!(
            "\\textbf{{{}}}\\par\\nopagebreak\n{}",
            p.label,
            self.pairs(p)
        )
    }
    fn given(&self, label: &str, _: &(String, String), items: &[(String, Math)]) -> String {
        let items: Vec<String> = items
            .iter()
            .map(|(n, m)| format!("\\texttt{{{}}} $= {}$", escape(n), m.latex(self.o.digits)))
            .collect();
        format!("\\textbf{{{label}}}\n\n{}\n\n", items.join(", \\quad\n"))
    }
    fn find(&self, label: &str, names: &[String]) -> String {
        let names: Vec<String> = names
            .iter()
            .map(|n| format!("\\texttt{{{}}}", escape(n)))
            .collect();
        format!("\\textbf{{{label}:}} {}\n\n", names.join(", "))
    }
    fn blanks(&self, label: &str, blanks: &[Blank]) -> String {
        let names: Vec<String> = blanks.iter().map(|b| b.name.clone()).collect();
        self.find(label, &names)
    }
    fn answers(&self, p: &Pairs) -> String {
        format!("\\textbf{{{}}}\n\n{}", p.label, self.pairs(p))
    }
    fn solution(&self, body: &str) -> String {
        body.to_string()
    }
    fn steps(&self, label: &str) -> String {
        format!("\\textbf{{{label}}}\n\n")
    }
}

impl Latex<'_> {
    /// Names (typewriter) and values as a two-column table.
    pub fn pairs(&self, p: &Pairs) -> String {
        let (name, value) = &p.header;
        let rows: String = p
            .rows
            .iter()
            .map(|(n, v)| {
                format!(
                    "\\texttt{{{}}} & {} \\\\\n",
                    escape(n),
                    escape(&v.show(self.o.digits))
                )
            })
            .collect();
        format!(
            "\\begin{{fitwidth}}\\begin{{tabular}}{{ll}}\n\\hline\n{name} & {value} \\\\\n\\hline\n{rows}\\hline\n\\end{{tabular}}\\end{{fitwidth}}\n\n"
        )
    }
}

/// The packages of a sheet or exam after its class line, up to the
/// start of its body: the command that regenerates it in a comment, then
/// CJKutf8 in both languages (the decks' citations and terms are
/// Chinese, and cutting them out of an English sheet left debris: "JQ
/// deck, Batch,epoch,:").
fn preamble(d: &Document, class: &str) -> String {
    let mut out = String::from("% Generated by nn-tutor. Regenerate with:\n");
    out.push_str(&format!("% {}\n", d.command));
    out.push_str(
        "% Compile with pdflatex; needs CJKutf8 and the gbsn font (Debian's latex-cjk-chinese and\n% latex-cjk-chinese-arphic-gbsn00lp)",
    );
    if d.exam.is_some() {
        // exam.cls writes the points to the .aux on the first run and
        // prints them on the second ("??" until then).
        out.push_str(
            " and exam.cls (texlive-latex-extra).\n% Run pdflatex twice: the points show from the second run on.\n",
        );
    } else {
        out.push_str(".\n");
    }
    out.push_str(class);
    out.push_str("\\usepackage[T1]{fontenc}\n\\usepackage{CJKutf8}\n");
    out.push_str(
        "\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n\\setlength{\\parindent}{0pt}\n",
    );
    out.push_str(LAYOUT);
    out.push_str(FITWIDTH);
    out.push_str(KEEP);
    out.push_str("\\begin{document}\n\\begin{CJK}{UTF8}{gbsn}\n");
    out
}

/// Page layout of a LaTeX sheet, after the packages: long lists and
/// commands broken at the margin; then [`FITWIDTH`], which shrinks a
/// table wider than the text (the renderer sets table titles above their
/// table itself).
const LAYOUT: &str = "\\usepackage{graphicx}\n\\sloppy\n";

/// `\nnkeep`: a good place for a page break that stretches the page
/// bottom by up to a third of a page, so a problem's heading goes to the
/// next page rather than sit alone at the bottom of this one (`\filbreak`
/// with a finite stretch).
const KEEP: &str = "\\newcommand{\\nnkeep}{\\par\\vspace{0pt plus 0.3\\textheight}\\penalty-200\\vspace{0pt plus -0.3\\textheight}}\n";

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
                "\\pointpoints{{{}}}{{{}}}\n\\hpword{{{}}}\\hsword{{{}}}\\htword{{{}}}\\hqword{{{}}}\n\\runningheader{{}}{{{}}}{{}}\n\\runningfooter{{}}{{\\thepage}}{{}}\n\\renewcommand{{\\thepartno}}{{\\arabic{{partno}}}}\n\\qformat{{\\parbox[t]{{0.82\\textwidth}}{{\\raggedright\\textbf{{{qlabel}\\ $\\cdot$ \\thequestiontitle}}}}\\hfill(\\totalpoints\\ \\points)}}\n\\pointformat{{}}\n\\unframedsolutions\n\\renewcommand{{\\solutiontitle}}{{\\noindent\\textbf{{{}:}}\\enspace}}\n\\setlength{{\\answerlinelength}}{{4cm}}\n",
                w.point,
                w.points,
                w.points_heading,
                w.score,
                w.total,
                w.question,
                exam.header,
                w.solution
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
                    b.value
                        .as_ref()
                        .map_or(String::new(), |v| escape(&v.show(self.0.o.digits)))
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
