//! Markdown output (GitHub-flavoured tables, LaTeX in `$…$`), also what the
//! book embeds.

use crate::render::{FigureStyle, RenderOptions, diagram, heading, plot};
use crate::report::i18n::{Lang, label};
use crate::report::{Block, Cell, Figure, Report, Table};

/// Render as Markdown.
pub fn render(r: &Report, o: &RenderOptions) -> String {
    let mut out = format!("### {}\n\n", escape(&heading(r)));
    for s in &r.sources {
        out.push_str(&format!("*{}:* {}\n\n", label(r.lang, "Source"), escape(s)));
    }
    if let Some(t) = super::inputs_table(r) {
        out.push_str(&table(&t, o));
    }
    for b in &r.blocks {
        match b {
            Block::Heading(h) => out.push_str(&format!("#### {}\n\n", escape(h))),
            Block::Text(t) => out.push_str(&format!("{}\n\n", escape(t))),
            Block::Formula(m) => {
                let latex = if m.latex.contains("\\\\") || m.latex.contains("&=") {
                    format!("\\begin{{aligned}} {} \\end{{aligned}}", m.latex)
                } else {
                    m.latex.clone()
                };
                out.push_str(&format!("$$\n{latex}\n$$\n\n"));
            }
            Block::Table(t) => out.push_str(&table(t, o)),
            Block::Figure(f) => out.push_str(&figure(f, o, r.lang)),
        }
    }
    if !r.try_next.is_empty() {
        let tries: Vec<String> = r.try_next.iter().map(|t| format!("`{t}`")).collect();
        out.push_str(&format!(
            "*{}:* {}\n\n",
            label(r.lang, "Try"),
            tries.join(" · ")
        ));
    }
    out
}

fn figure(f: &Figure, o: &RenderOptions, lang: Lang) -> String {
    if !matches!(f, Figure::Graph { .. }) {
        return match o.figures {
            FigureStyle::Text => format!("```text\n{}```\n\n", plot::summary(f, o.digits, lang)),
            FigureStyle::Svg => format!("<div class=\"nn-figure\">\n{}\n</div>\n\n", plot::svg(f)),
        };
    }
    match o.figures {
        FigureStyle::Text => format!(
            "```text\n{}```\n\n",
            diagram::text_tree_in(f, o.digits, lang)
        ),
        FigureStyle::Svg => format!(
            "<div class=\"nn-figure\">\n{}\n</div>\n\n",
            diagram::svg(f, o.digits)
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
        Cell::Text(s) => escape(s),
        Cell::Math(m) if m.latex.is_empty() => String::new(),
        Cell::Math(m) => format!("${}$", m.latex.replace('|', "\\vert ")),
        Cell::Num(v) => escape(&v.show(o.digits)),
        Cell::Empty => "-".to_string(),
    }
}

fn table(t: &Table, o: &RenderOptions) -> String {
    let mut out = String::new();
    if !t.title.is_empty() {
        out.push_str(&format!("**{}**\n\n", escape(&t.title)));
    }
    let header: Vec<String> = t.header.iter().map(|h| escape(h)).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(t.header.len())));
    for r in &t.rows {
        let cells: Vec<String> = r.iter().map(|c| cell(c, o).replace('\n', "<br>")).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    out
}
