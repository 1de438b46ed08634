//! Renderers: pure functions from a [`Report`] to text. They format numbers
//! and lay out tables; they never compute.

pub mod diagram;
pub mod json;
pub mod latex;
pub mod markdown;
pub mod plot;
pub mod terminal;
pub mod textplot;

use crate::report::Report;

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
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            digits: 6,
            color: false,
            figures: FigureStyle::Text,
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
