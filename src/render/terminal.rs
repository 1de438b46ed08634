//! Terminal output: prettytable tables, formulas in plain text.

use prettytable::format::consts::FORMAT_NO_LINESEP_WITH_TITLE;
use prettytable::{Cell as PCell, Row, Table as PTable};

use crate::render::{RenderOptions, diagram, heading, textplot};
use crate::report::i18n::{Lang, label};
use crate::report::{Block, Cell, Figure, Report, Table};

/// Render for a terminal.
pub fn render(r: &Report, o: &RenderOptions) -> String {
    let bold = |s: &str| {
        if o.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(&bold(&heading(r)));
    out.push('\n');
    for s in &r.sources {
        out.push_str(&format!("{}: {s}\n", label(r.lang, "Source")));
    }
    if let Some(t) = super::inputs_table(r) {
        out.push('\n');
        out.push_str(&table(&t, o, &bold));
    }
    for b in &r.blocks {
        out.push('\n');
        match b {
            Block::Heading(h) => out.push_str(&format!("{}\n", bold(h))),
            Block::Text(t) => out.push_str(&format!("{t}\n")),
            Block::Formula(m) => {
                for line in m.plain.lines() {
                    out.push_str(&format!("  {line}\n"));
                }
            }
            Block::Table(t) => out.push_str(&table(t, o, &bold)),
            Block::Figure(f) => out.push_str(&figure(f, o, r.lang)),
        }
    }
    if !r.try_next.is_empty() {
        out.push_str(&format!(
            "\n{}: {}\n",
            label(r.lang, "Try"),
            r.try_next.join("   ·   ")
        ));
    }
    out
}

fn figure(f: &Figure, o: &RenderOptions, lang: Lang) -> String {
    match f {
        Figure::Graph { .. } => format!(
            "{}\n{}",
            label(
                lang,
                "Computation graph · 计算图 (each node: value, then its gradient)"
            ),
            diagram::text_tree_in(f, o.digits, lang)
        ),
        Figure::Plot { .. } | Figure::Bars { .. } | Figure::Heatmap { .. } => {
            textplot::chart(f, o.digits, lang)
        }
    }
}

/// The plain-text form of one cell.
pub fn cell_text(c: &Cell, digits: usize) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Math(m) => m.plain.clone(),
        Cell::Num(v) => v.show(digits),
        Cell::Empty => "-".to_string(),
    }
}

fn table(t: &Table, o: &RenderOptions, bold: &dyn Fn(&str) -> String) -> String {
    let mut p = PTable::new();
    p.set_format(*FORMAT_NO_LINESEP_WITH_TITLE);
    p.set_titles(Row::new(t.header.iter().map(|h| PCell::new(h)).collect()));
    for r in &t.rows {
        p.add_row(Row::new(
            r.iter()
                .map(|c| PCell::new(&cell_text(c, o.digits)))
                .collect(),
        ));
    }
    let title = if t.title.is_empty() {
        String::new()
    } else {
        format!("{}\n", bold(&t.title))
    };
    format!("{title}{p}")
}
