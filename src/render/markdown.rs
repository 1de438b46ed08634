//! Markdown output (GitHub-flavoured tables, LaTeX in `$…$`), also what the
//! book embeds.

use crate::render::number::{self, minus};
use crate::render::{FigureStyle, RenderOptions, diagram, display_latex, heading, plot};
use crate::report::i18n::{Lang, label};
use crate::report::{Cell, Figure, Math, Report, Table};

/// Render as Markdown.
pub fn render(r: &Report, o: &RenderOptions) -> String {
    super::walk(r, &Markdown { o })
}

/// Markdown's syntax for [`super::walk`]; the book wraps it to fold or
/// mark some tables (`book::tables`).
pub struct Markdown<'a> {
    pub o: &'a RenderOptions,
}

impl super::Markup for Markdown<'_> {
    fn title(&self, r: &Report) -> String {
        format!("### {}\n\n", escape(&minus(&heading(r))))
    }
    fn source(&self, lang: Lang, s: &str) -> String {
        format!("*{}:* {}\n\n", label(lang, "Source"), escape(&minus(s)))
    }
    fn section(&self, h: &str) -> String {
        format!("#### {}\n\n", escape(&minus(h)))
    }
    fn text(&self, t: &str) -> String {
        format!("{}\n\n", escape(&minus(t)))
    }
    fn formula(&self, m: &Math) -> String {
        format!("$$\n{}\n$$\n\n", display_latex(m, self.o.digits))
    }
    fn table(&self, t: &Table) -> String {
        table(t, self.o)
    }
    fn figure(&self, f: &Figure, lang: Lang) -> String {
        figure(f, self.o, lang)
    }
    fn try_next(&self, lang: Lang, tries: &[String]) -> String {
        let tries: Vec<String> = tries.iter().map(|t| format!("`{t}`")).collect();
        format!("*{}:* {}\n\n", label(lang, "Try"), tries.join(" · "))
    }
}

fn figure(f: &Figure, o: &RenderOptions, lang: Lang) -> String {
    if !matches!(f, Figure::Graph { .. }) {
        return match o.figures {
            FigureStyle::Text => format!("```text\n{}```\n\n", plot::summary(f, o.digits, lang)),
            FigureStyle::Svg => format!(
                "<div class=\"nn-figure\">\n{}\n</div>\n\n",
                plot::svg(f, lang)
            ),
        };
    }
    match o.figures {
        FigureStyle::Text => format!(
            "```text\n{}```\n\n",
            diagram::text_tree_in(f, o.digits, lang)
        ),
        FigureStyle::Svg => format!(
            "<div class=\"nn-figure\">\n{}\n</div>\n\n",
            diagram::svg(f, o.digits, lang)
        ),
    }
}

/// Escape characters Markdown would read as markup in plain text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '|' | '<' | '>' | '[' | ']' | '$' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn cell(c: &Cell, o: &RenderOptions) -> String {
    match c {
        Cell::Text(s) => escape(&minus(s)),
        Cell::Math(m) => match m.latex(o.digits) {
            l if l.is_empty() => String::new(),
            l => format!("${}$", l.replace('|', "\\vert ")),
        },
        Cell::Num(v) => {
            let shown = number::value(v, o.digits, o.exact_long);
            let text = escape(&minus(&shown.text));
            match shown.exact {
                // the whole fraction on hover (the book) and in the source
                Some(e) => format!("<span title=\"exact: {}\">{text}</span>", minus(&e)),
                None => text,
            }
        }
        Cell::Empty => "-".to_string(),
    }
}

fn table(t: &Table, o: &RenderOptions) -> String {
    let mut out = String::new();
    if !t.title.is_empty() {
        let (words, math) = t.title_parts(o.digits);
        let math = math.map_or(String::new(), |m| format!("${}$", m.latex(o.digits)));
        out.push_str(&format!("**{}{math}**\n\n", escape(&minus(words))));
    }
    let header: Vec<String> = t.header.iter().map(|h| escape(&minus(h))).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(t.header.len())));
    for r in &t.rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c, o).replace('\n', "<br>")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    out
}
