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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    pub questions: bool,
    pub key: bool,
}

/// Render the chosen parts of a sheet as one document.
pub fn render(sh: &Sheet, f: SheetFormat, parts: Parts, o: &RenderOptions) -> String {
    match f {
        SheetFormat::Markdown => md(sh, parts, o),
        SheetFormat::Latex => tex(sh, parts, o),
        SheetFormat::Json => json(sh, parts),
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
            sh.command
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
            out.push_str(&pairs_table(&results(&p.report)));
            out.push_str(&format!(
                "{}: `{}`\n\n",
                text(Msg::ExactHint, l),
                check_line(p)
            ));
            out.push_str(&format!("**{}**\n\n", text(Msg::Steps, l)));
            out.push_str(&markdown::render(&localize(&p.report, l), o));
        }
    }
    out
}

fn tex(sh: &Sheet, parts: Parts, o: &RenderOptions) -> String {
    let l = sh.lang;
    let mut out = String::from("% Generated by nn-tutor.\n");
    out.push_str(match l {
        Lang::En => "% Compile with pdflatex.\n\\documentclass{article}\n\\usepackage[T1]{fontenc}\n",
        Lang::Zh => "% Chinese text: compile with pdflatex (needs CJKutf8 and the gbsn font: Debian's\n% latex-cjk-chinese and latex-cjk-chinese-arphic-gbsn00lp).\n\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{CJKutf8}\n",
    });
    out.push_str(
        "\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2cm]{geometry}\n\\setlength{\\parindent}{0pt}\n",
    );
    out.push_str(LAYOUT);
    out.push_str(latex::FITWIDTH);
    out.push_str("\\begin{document}\n");
    if l == Lang::Zh {
        out.push_str("\\begin{CJK}{UTF8}{gbsn}\n");
    }
    let pairs = |pairs: &[(String, crate::Scalar)]| {
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
    };
    let head = |out: &mut String, m: Msg| {
        out.push_str(&format!(
            "\\section*{{{} ({} {})}}\n{}: \\texttt{{{}}}\n\n",
            text(m, l),
            text(Msg::Seed, l),
            sh.seed,
            text(Msg::Regenerate, l),
            breakable(&sh.command)
        ));
    };
    if parts.questions {
        head(&mut out, Msg::SheetTitle);
        out.push_str(&format!("{}\n\n", text(Msg::Instructions, l)));
        for (k, p) in sh.problems.iter().enumerate() {
            out.push_str(&format!(
                "\\subsection*{{{} $\\cdot$ {}}}\n",
                problem_label(k + 1, l),
                latex::escape(&title(p, l)),
            ));
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
            out.push_str(&format!("\\textbf{{{}}}\n\n", text(Msg::Inputs, l)));
            out.push_str(&pairs(&p.report.inputs));
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
        head(&mut out, Msg::KeyTitle);
        for (k, p) in sh.problems.iter().enumerate() {
            out.push_str(&format!(
                "\\subsection*{{{} $\\cdot$ {}}}\n\\textbf{{{}}}\n\n",
                problem_label(k + 1, l),
                latex::escape(&title(p, l)),
                text(Msg::Answers, l)
            ));
            out.push_str(&pairs(&results(&p.report)));
            out.push_str(&format!(
                "{}: \\texttt{{{}}}\n\n\\textbf{{{}}}\n\n",
                text(Msg::ExactHint, l),
                breakable(&check_line(p)),
                text(Msg::Steps, l)
            ));
            let mut r = localize(&p.report, l).into_owned();
            if l == Lang::En {
                // pdflatex has no Chinese: the English title stands alone.
                r.title_zh.clear();
            }
            out.push_str(&latex::body(&r, o));
        }
    }
    if l == Lang::Zh {
        out.push_str("\\end{CJK}\n");
    }
    out.push_str("\\end{document}\n");
    latex_safe::ascii(&out, l == Lang::Zh)
}

/// Page layout of a LaTeX sheet, after the packages: long lists and
/// commands broken at the margin; then [`latex::FITWIDTH`], which shrinks a
/// table wider than the text (the renderer sets table titles above their
/// table itself).
const LAYOUT: &str = "\\usepackage{graphicx}\n\\sloppy\n";

/// A command to type, escaped for `\texttt`, that may break after a comma
/// (`--set x=1,w=1/2,…` is wider than the page).
fn breakable(cmd: &str) -> String {
    latex::escape(cmd).replace(',', ",\\allowbreak{}")
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
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
}

fn json(sh: &Sheet, parts: Parts) -> String {
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
            report: parts.key.then_some(&p.report),
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

/// A report's results as (name, value) pairs, as the sheet shows them.
fn results(r: &Report) -> Vec<(String, crate::Scalar)> {
    r.results
        .iter()
        .map(|n| (n.name.clone(), n.value.clone()))
        .collect()
}
