//! Terminal output: prettytable tables, formulas in plain text.

use prettytable::format::consts::FORMAT_NO_LINESEP_WITH_TITLE;
use prettytable::{Cell as PCell, Row, Table as PTable};

use crate::render::{RenderOptions, diagram, heading, plot};
use crate::report::i18n::{Lang, label};
use crate::report::{Cell, Figure, Math, Report, Table};

/// Render for a terminal.
pub fn render(r: &Report, o: &RenderOptions) -> String {
    super::walk(r, &Terminal { o })
}

/// The terminal's syntax for [`super::walk`].
struct Terminal<'a> {
    o: &'a RenderOptions,
}

impl Terminal<'_> {
    fn bold(&self, s: &str) -> String {
        if self.o.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

impl super::Markup for Terminal<'_> {
    fn title(&self, r: &Report) -> String {
        format!("{}\n", self.bold(&heading(r)))
    }
    fn source(&self, lang: Lang, s: &str) -> String {
        format!("{}: {s}\n", label(lang, "Source"))
    }
    fn separator(&self) -> &'static str {
        "\n"
    }
    fn section(&self, h: &str) -> String {
        format!("{}\n", self.bold(h))
    }
    fn text(&self, t: &str) -> String {
        format!("{t}\n")
    }
    fn formula(&self, m: &Math) -> String {
        m.plain.lines().map(|l| format!("  {l}\n")).collect()
    }
    fn table(&self, t: &Table) -> String {
        table(t, self.o, &|s| self.bold(s))
    }
    fn figure(&self, f: &Figure, lang: Lang) -> String {
        figure(f, self.o, lang)
    }
    fn try_next(&self, lang: Lang, tries: &[String]) -> String {
        format!("\n{}: {}\n", label(lang, "Try"), tries.join("   ·   "))
    }
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
            plot::summary(f, o.digits, lang)
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
