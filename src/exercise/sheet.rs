//! A sheet as text: the questions (inputs, what to find) and the answer key
//! (named results, then the example's full report through the ordinary
//! renderers) in Markdown, LaTeX or JSON. Pure: data in, text out.

use serde::Serialize;

use crate::catalog::statement::{GivenJson, Value};
use crate::exercise::latex_safe;
use crate::exercise::messages::{Lang, Msg, problem as problem_label, text};
use crate::exercise::{Problem, Sheet};
use crate::render::{RenderOptions, json as json_render, latex, markdown};
use crate::report::Report;
use crate::report::i18n::localize;
use crate::report::serial::{Named, Typed};

/// Formats of `exercise --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
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
        SheetFormat::Markdown => md(sh, parts, o),
        SheetFormat::Latex => tex(sh, parts, o),
        SheetFormat::Json => json(sh, parts, o.digits),
    }
}

fn title(p: &Problem, lang: Lang) -> String {
    let e = p.example;
    match lang {
        Lang::En => format!("{} ({})", e.title, e.id()),
        Lang::Zh => format!("{} · {} ({})", e.title_zh, e.title, e.id()),
    }
}

fn check_line(p: &Problem) -> String {
    format!(
        "nn-tutor check {} --example {} {} answers.toml",
        p.example.topic,
        p.example.number,
        p.set_flag()
    )
}

fn names(p: &Problem) -> Vec<&str> {
    p.asked().into_iter().map(|n| n.name.as_str()).collect()
}

/// The setup sentences of a problem in the sheet's language.
fn setup(p: &Problem, l: Lang) -> Vec<&str> {
    p.statement
        .lines
        .iter()
        .map(|line| match l {
            Lang::En => line.en.as_str(),
            Lang::Zh => line.zh.as_str(),
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

/// A number as a student writes it: exact when it is.
fn plain(v: &crate::Scalar, digits: usize) -> String {
    v.exact_string().unwrap_or_else(|| v.show(digits))
}

/// `-3/4` as `-\frac{3}{4}`; whole numbers and decimals as they are.
fn frac(t: &str) -> String {
    let (sign, t) = t.strip_prefix('-').map_or(("", t), |r| ("-", r));
    match t.split_once('/') {
        Some((p, q)) => format!("{sign}\\frac{{{p}}}{{{q}}}"),
        None => format!("{sign}{t}"),
    }
}

/// A given value in LaTeX math: a number, a column of numbers, a matrix.
fn given_math(v: &Value, digits: usize) -> String {
    let n = |x: &crate::Scalar| frac(&plain(x, digits));
    match v {
        Value::Number(x) => n(x),
        Value::Vector(xs) => format!(
            "\\begin{{pmatrix}}{}\\end{{pmatrix}}",
            xs.iter().map(n).collect::<Vec<_>>().join(" \\\\ ")
        ),
        Value::Matrix(rows) => format!(
            "\\begin{{pmatrix}}{}\\end{{pmatrix}}",
            rows.iter()
                .map(|r| r.iter().map(n).collect::<Vec<_>>().join(" & "))
                .collect::<Vec<_>>()
                .join(" \\\\ ")
        ),
        Value::Text(t) => format!("\\text{{{}}}", latex::escape(t)),
    }
}

fn md(sh: &Sheet, parts: Parts, o: &RenderOptions) -> String {
    let l = sh.lang;
    let mut out = String::new();
    let pairs_table = |pairs: &[(String, crate::Scalar)]| {
        let mut t = format!(
            "| {} | {} |\n|---|---|\n",
            text(Msg::Name, l),
            text(Msg::Value, l)
        );
        for (n, v) in pairs {
            t.push_str(&format!(
                "| `{n}` | {} |\n",
                markdown::escape(&v.show(o.digits))
            ));
        }
        t + "\n"
    };
    let head = |out: &mut String, m: Msg| {
        out.push_str(&format!(
            "# {} ({} {})\n\n",
            text(m, l),
            text(Msg::Seed, l),
            sh.seed
        ));
        out.push_str(&format!(
            "{}: `{}`\n\n",
            text(Msg::Regenerate, l),
            regenerate(sh, parts)
        ));
    };
    if parts.questions {
        head(&mut out, Msg::SheetTitle);
        out.push_str(&format!("{}\n\n", text(Msg::Instructions, l)));
        for (k, p) in sh.problems.iter().enumerate() {
            out.push_str(&format!(
                "## {} · {}\n\n",
                problem_label(k + 1, l),
                title(p, l)
            ));
            let lines = setup(p, l);
            if !lines.is_empty() {
                out.push_str(&format!("**{}**\n\n", text(Msg::Setup, l)));
                for line in lines {
                    out.push_str(&format!("- {}\n", markdown::escape(line)));
                }
                out.push('\n');
            }
            out.push_str(&format!("**{}**\n\n", text(Msg::Inputs, l)));
            out.push_str(&pairs_table(&p.report.inputs));
            let shown = shown_given(p);
            if !shown.is_empty() {
                out.push_str(&format!(
                    "**{}**\n\n| {} | {} |\n|---|---|\n",
                    text(Msg::Given, l),
                    text(Msg::Name, l),
                    text(Msg::Value, l)
                ));
                for (n, v) in shown {
                    out.push_str(&format!("| `{n}` | ${}$ |\n", given_math(v, o.digits)));
                }
                out.push('\n');
            }
            let find: Vec<String> = names(p).iter().map(|n| format!("`{n}`")).collect();
            out.push_str(&format!(
                "**{}:** {}\n\n",
                text(Msg::Find, l),
                find.join(", ")
            ));
        }
    }
    if parts.key {
        head(&mut out, Msg::KeyTitle);
        for (k, p) in sh.problems.iter().enumerate() {
            out.push_str(&format!(
                "## {} · {}\n\n",
                problem_label(k + 1, l),
                title(p, l)
            ));
            out.push_str(&format!("**{}**\n\n", text(Msg::Answers, l)));
            out.push_str(&pairs_table(&asked_pairs(p)));
            out.push_str(&format!("{}\n\n", markdown::escape(&drawn_line(p, l))));
            out.push_str(&format!(
                "{}: `{}`\n\n",
                text(Msg::ExactHint, l),
                check_line(p)
            ));
            if !parts.answers_only {
                out.push_str(&format!("**{}**\n\n", text(Msg::Steps, l)));
                out.push_str(&markdown::render(&localize(&p.report, l), o));
            }
        }
    }
    out
}

fn tex(sh: &Sheet, parts: Parts, o: &RenderOptions) -> String {
    let l = sh.lang;
    let mut out = preamble(sh, parts);
    if parts.exam {
        exam_body(&mut out, sh, parts, o);
    } else {
        if parts.questions {
            head_tex(&mut out, sh, Msg::SheetTitle);
            out.push_str(&format!("{}\n\n", text(Msg::Instructions, l)));
            for (k, p) in sh.problems.iter().enumerate() {
                out.push_str(&format!(
                    "\\nnkeep\n\\subsection*{{{}}}\n",
                    problem_heading(k, p, l)
                ));
                statement_tex(&mut out, p, l, o);
                let find: Vec<String> = names(p)
                    .iter()
                    .map(|n| format!("\\texttt{{{}}}", latex::escape(n)))
                    .collect();
                out.push_str(&format!(
                    "\\textbf{{{}:}} {}\n\n",
                    text(Msg::Find, l),
                    find.join(", ")
                ));
            }
        }
        if parts.key {
            if parts.questions {
                out.push_str("\\newpage\n");
            }
            head_tex(&mut out, sh, Msg::KeyTitle);
            for (k, p) in sh.problems.iter().enumerate() {
                out.push_str(&format!(
                    "\\nnkeep\n\\subsection*{{{}}}\n\\textbf{{{}}}\n\n",
                    problem_heading(k, p, l),
                    text(Msg::Answers, l)
                ));
                out.push_str(&pairs_tex(&asked_pairs(p), l, o));
                out.push_str(&format!("{}\n\n", latex::escape(&drawn_line(p, l))));
                if !parts.answers_only {
                    out.push_str(&format!("\\textbf{{{}}}\n\n", text(Msg::Steps, l)));
                    out.push_str(&latex::body(&printable(p, l), o));
                }
            }
        }
    }
    out.push_str("\\end{CJK}\n\\end{document}\n");
    latex_safe::ascii(&out, true)
}

/// The document's class and packages. Both languages load CJKutf8: the
/// decks' citations and terms are Chinese, and cutting them out of an
/// English sheet left debris ("JQ deck, Batch,epoch,:").
fn preamble(sh: &Sheet, parts: Parts) -> String {
    let mut out = String::from("% Generated by nn-tutor. Regenerate with:\n");
    out.push_str(&format!("%   {}\n", regenerate(sh, parts)));
    out.push_str(
        "% Compile with pdflatex; needs CJKutf8 and the gbsn font (Debian's latex-cjk-chinese and\n% latex-cjk-chinese-arphic-gbsn00lp)",
    );
    if parts.exam {
        out.push_str(" and exam.cls (texlive-latex-extra).\n");
        let mut opts = vec!["11pt", "addpoints"];
        if parts.key {
            opts.push("answers");
        }
        out.push_str(&format!("\\documentclass[{}]{{exam}}\n", opts.join(",")));
    } else {
        out.push_str(".\n\\documentclass{article}\n");
    }
    out.push_str("\\usepackage[T1]{fontenc}\n\\usepackage{CJKutf8}\n");
    out.push_str(
        "\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n\\setlength{\\parindent}{0pt}\n",
    );
    out.push_str(LAYOUT);
    out.push_str(latex::FITWIDTH);
    out.push_str(KEEP);
    out.push_str("\\begin{document}\n\\begin{CJK}{UTF8}{gbsn}\n");
    out
}

/// Page layout of a LaTeX sheet, after the packages: long lists and
/// commands broken at the margin; then [`latex::FITWIDTH`], which shrinks a
/// table wider than the text (the renderer sets table titles above their
/// table itself).
const LAYOUT: &str = "\\usepackage{graphicx}\n\\sloppy\n";

/// `\nnkeep`: a good place for a page break that stretches the page
/// bottom by up to a third of a page, so a problem's heading goes to the
/// next page rather than sit alone at the bottom of this one (`\filbreak`
/// with a finite stretch).
const KEEP: &str = "\\newcommand{\\nnkeep}{\\par\\vspace{0pt plus 0.3\\textheight}\\penalty-200\\vspace{0pt plus -0.3\\textheight}}\n";

/// The command that regenerates this very document: with `--key` when it
/// holds the key (a key written with --key-out comes back after its sheet).
fn regenerate(sh: &Sheet, parts: Parts) -> String {
    let mut c = sh.command.clone();
    if parts.key {
        c.push_str(" --key");
    }
    c
}

/// The section heading of a sheet or key: its title and seed (the
/// command that regenerates it is in the `.tex` file's first lines, not
/// on paper).
fn head_tex(out: &mut String, sh: &Sheet, m: Msg) {
    out.push_str(&format!(
        "\\section*{{{} ({} {})}}\n",
        text(m, sh.lang),
        text(Msg::Seed, sh.lang),
        sh.seed
    ));
}

/// "Problem 3 · Title (topic/N)", for LaTeX.
fn problem_heading(k: usize, p: &Problem, l: Lang) -> String {
    format!(
        "{} $\\cdot$ {}",
        problem_label(k + 1, l),
        latex::escape(&title(p, l))
    )
}

/// A problem's setup, inputs and given values, for LaTeX.
fn statement_tex(out: &mut String, p: &Problem, l: Lang, o: &RenderOptions) {
    let lines = setup(p, l);
    if !lines.is_empty() {
        out.push_str(&format!(
            "\\textbf{{{}}}\n\\begin{{itemize}}\n",
            text(Msg::Setup, l)
        ));
        for line in lines {
            out.push_str(&format!(
                "\\item {}\n",
                latex::escape(line).replace(';', ";\\allowbreak{}")
            ));
        }
        out.push_str("\\end{itemize}\n\n");
    }
    out.push_str(&format!(
        "\\textbf{{{}}}\\par\\nopagebreak\n",
        text(Msg::Inputs, l)
    ));
    out.push_str(&pairs_tex(&p.report.inputs, l, o));
    let shown = shown_given(p);
    if !shown.is_empty() {
        out.push_str(&format!("\\textbf{{{}}}\n\n", text(Msg::Given, l)));
        let items: Vec<String> = shown
            .iter()
            .map(|(n, v)| {
                format!(
                    "\\texttt{{{}}} $= {}$",
                    latex::escape(n),
                    given_math(v, o.digits)
                )
            })
            .collect();
        out.push_str(&items.join(", \\quad\n"));
        out.push_str("\n\n");
    }
}

/// Name/value pairs as a LaTeX table.
fn pairs_tex(pairs: &[(String, crate::Scalar)], l: Lang, o: &RenderOptions) -> String {
    let mut t = format!(
        "\\begin{{fitwidth}}\\begin{{tabular}}{{ll}}\n\\hline\n{} & {} \\\\\n\\hline\n",
        text(Msg::Name, l),
        text(Msg::Value, l)
    );
    for (n, v) in pairs {
        t.push_str(&format!(
            "\\texttt{{{}}} & {} \\\\\n",
            latex::escape(n),
            latex::escape(&v.show(o.digits))
        ));
    }
    t + "\\hline\n\\end{tabular}\\end{fitwidth}\n\n"
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

/// A problem's report as printed in a key: in the sheet's language,
/// without the commands to try next and without plots (which paper
/// cannot show; computation graphs stay, drawn as text).
fn printable(p: &Problem, l: Lang) -> Report {
    let mut r = localize(&p.report, l).into_owned();
    r.try_next.clear();
    if l == Lang::En {
        // The English title stands alone; the Chinese term is in the decks.
        r.title_zh.clear();
    }
    r.blocks.retain(|b| match b {
        crate::report::Block::Figure(f) => matches!(f, crate::report::Figure::Graph { .. }),
        _ => true,
    });
    for b in &mut r.blocks {
        if let crate::report::Block::Text(t) = b {
            *t = without_commands(t, l);
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

/// An exam (exam.cls): a name and ID line, a points table, each problem a
/// titled question whose asked quantities are parts worth a point each
/// with an answer line; with the key, the class's `answers` option fills
/// the answer lines and prints each problem's worked steps as its solution.
fn exam_body(out: &mut String, sh: &Sheet, parts: Parts, o: &RenderOptions) {
    let l = sh.lang;
    let (name, id, score, total, points, (point, pts), question) = match l {
        Lang::En => (
            "Name",
            "Student ID",
            "Score",
            "Total",
            "Points",
            ("point", "points"),
            "Problem",
        ),
        Lang::Zh => ("姓名", "学号", "得分", "总分", "分值", ("分", "分"), "题"),
    };
    let qlabel = match l {
        Lang::En => "Problem \\thequestion",
        Lang::Zh => "第 \\thequestion{} 题",
    };
    out.push_str(&format!(
        "\\pointpoints{{{point}}}{{{pts}}}\n\\hpword{{{points}}}\\hsword{{{score}}}\\htword{{{total}}}\\hqword{{{question}}}\n\\runningheader{{}}{{{}}}{{}}\n\\runningfooter{{}}{{\\thepage}}{{}}\n\\renewcommand{{\\thepartno}}{{\\arabic{{partno}}}}\n\\qformat{{\\parbox[t]{{0.82\\textwidth}}{{\\raggedright\\textbf{{{qlabel}\\ $\\cdot$ \\thequestiontitle}}}}\\hfill(\\totalpoints\\ \\points)}}\n\\pointformat{{}}\n\\unframedsolutions\n\\setlength{{\\answerlinelength}}{{4cm}}\n",
        text(if parts.key { Msg::KeyTitle } else { Msg::SheetTitle }, l),
    ));
    out.push_str(&format!(
        "\\begin{{center}}\\Large {} ({} {})\\end{{center}}\n",
        text(
            if parts.key {
                Msg::KeyTitle
            } else {
                Msg::SheetTitle
            },
            l
        ),
        text(Msg::Seed, l),
        sh.seed
    ));
    out.push_str(&format!(
        "\\vspace{{1em}}\\noindent {name}:\\enspace\\makebox[0.45\\textwidth]{{\\hrulefill}}\\hfill {id}:\\enspace\\makebox[0.25\\textwidth]{{\\hrulefill}}\\par\\vspace{{1em}}\n"
    ));
    out.push_str(&format!("{}\n\n", text(Msg::Instructions, l)));
    // A points table across the page for a few problems; a whole class's
    // sheet across --all would run off the page, so it gets a total.
    if sh.problems.len() <= 6 {
        out.push_str("\\begin{center}\\gradetable[h][questions]\\end{center}\n");
    } else {
        out.push_str(&format!(
            "\\begin{{center}}\\fbox{{\\rule{{0pt}}{{1.5em}}{total}: \\numpoints\\quad {score}: \\makebox[3em]{{}}}}\\end{{center}}\n"
        ));
    }
    out.push_str("\\begin{questions}\n");
    for (k, p) in sh.problems.iter().enumerate() {
        out.push_str(&format!(
            "\\nnkeep\n\\titledquestion{{{}}}\n",
            latex::escape(&title(p, l))
        ));
        let _ = k;
        statement_tex(out, p, l, o);
        out.push_str(&format!(
            "\\textbf{{{}:}}\n\\begin{{parts}}\n",
            text(Msg::Find, l)
        ));
        for n in p.asked() {
            let value = latex::escape(&n.value.show(o.digits));
            out.push_str(&format!(
                "\\part[1] \\texttt{{{}}} $=$ \\fillin[{value}][4cm]\n",
                latex::escape(&n.name)
            ));
        }
        out.push_str("\\end{parts}\n");
        if parts.key && !parts.answers_only {
            out.push_str(&format!(
                "\\begin{{solution}}\n{}\n\n\\textbf{{{}}}\n\n",
                latex::escape(&drawn_line(p, l)),
                text(Msg::Steps, l)
            ));
            out.push_str(&latex::body(&printable(p, l), o));
            out.push_str("\\end{solution}\n");
        }
    }
    out.push_str("\\end{questions}\n");
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
    setup: Vec<&'a str>,
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
            setup: setup(p, sh.lang),
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
