//! Renderers: pure functions from a [`Report`] to text. They format numbers
//! and lay out tables; they never compute.

pub mod diagram;
pub mod json;
pub mod latex;
pub mod markdown;
pub mod number;
pub mod plot;
pub mod terminal;
pub mod textplot;
pub mod wrap;

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
    /// The report's heading line(s), from [`heading`].
    fn title(&self, r: &Report) -> String;
    /// One source line.
    fn source(&self, lang: Lang, source: &str) -> String;
    /// What goes between the pieces (a blank line on a terminal).
    fn separator(&self) -> &'static str {
        ""
    }
    /// A section heading inside the report.
    fn section(&self, h: &str) -> String;
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
            Block::Heading(h) => m.section(h),
            Block::Text(t) => m.text(t),
            Block::Sentence(s) => m.sentence(s),
            Block::Formula(f) => m.formula(f),
            Block::Table(t) => m.table(t),
            Block::Figure(f) => m.figure(f, r.lang),
        });
    }
    if !r.try_next.is_empty() {
        out.push_str(&m.try_next(r.lang, &r.try_next));
    }
    out
}

/// A formula's LaTeX for display math: several lines or aligned `&=`
/// go in an `aligned` environment.
pub fn display_latex(m: &Math) -> String {
    if m.latex.contains("\\\\") || m.latex.contains("&=") {
        format!("\\begin{{aligned}} {} \\end{{aligned}}", m.latex)
    } else {
        m.latex.clone()
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
