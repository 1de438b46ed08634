//! One [`Report`] per run: what was computed, as data.
//!
//! The math modules produce traces (`graph::Trace`, `network::PassTrace`,
//! the training log); the builders in this module (`graph`, `network`, `net`,
//! `train`) and the catalog's examples turn them into a Report of blocks
//! (text, formulas, tables, figures) and typed named results ([`Named`]: a
//! value with its [`Kind`] and [`Flags`]); the renderers in
//! [`crate::render`] turn a Report into terminal tables, Markdown, LaTeX or
//! JSON, and [`i18n`] swaps its prose for the Chinese of the message table
//! in [`messages`]. Every output comes from the same Report, so they cannot
//! disagree. A sheet, key or exam is a [`document::Document`] of problems
//! whose key embeds each problem's Report. [`labels`] writes how each node
//! of a computation graph reads (`q`, `x·y`, `n1`): the graph itself holds
//! structure only.

pub mod document;
pub mod graph;
pub mod i18n;
pub mod labels;
pub mod layer_math;
pub mod math;
pub mod messages;
pub mod net;
pub mod network;
pub mod serial;
pub mod train;
pub mod words;

use serde::Serialize;

use crate::scalar::Scalar;

pub use math::Math;
pub use words::{Num, Sentence, Spell};

/// Settings a report is built with. No digits: a report keeps its numbers
/// as [`Scalar`]s, in tables, formulas ([`Math`]) and words ([`Sentence`]),
/// and each renderer rounds them with its own
/// [`crate::render::RenderOptions::digits`].
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Settings {
    /// Compute in f64 throughout (`--float`).
    pub float: bool,
}

/// A table cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// Plain words or a name.
    Text(String),
    /// A formula, shown in plain text on a terminal and as LaTeX elsewhere.
    Math(Math),
    /// A number: exact with its decimal, or rounded.
    Num(#[serde(serialize_with = "serial::number")] Scalar),
    /// Words with numbers in them (`√4`, `3·(-2)`), each number written
    /// by the renderer at its digits ([`Sentence::plain`]); shown as
    /// [`Cell::Text`] is.
    Sentence(#[serde(serialize_with = "serial::unspelled")] Sentence),
    /// Nothing to show (`-`).
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<Math> for Cell {
    fn from(m: Math) -> Cell {
        Cell::Math(m)
    }
}

impl From<Scalar> for Cell {
    fn from(s: Scalar) -> Cell {
        Cell::Num(s)
    }
}

/// A titled table with a header row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The columns a narrow terminal shows when the whole table does not
    /// fit, with a line saying how to see the rest (`None`: all columns,
    /// wrapped or stacked).
    #[serde(skip)]
    pub narrow: Option<(Vec<usize>, String)>,
    /// The formulas in the title, in order: Markdown and LaTeX set each
    /// one as math where the title spells it, the terminal and the JSON
    /// keep the title's plain spelling ([`Table::title_parts`]).
    #[serde(skip)]
    pub title_math: Vec<Math>,
    /// Column names that are formulas (`a^(L)`): Markdown and LaTeX set a
    /// column whose name is a formula's plain spelling as math.
    #[serde(skip)]
    pub header_math: Vec<Math>,
    /// The numbers the title and the column names quote, one for each of
    /// their `{}`s, the title's first ([`Table::quoting`]); the renderer
    /// writes them in ([`Table::written`]).
    #[serde(skip)]
    pub nums: Vec<Num>,
}

/// A piece of a table title for a format that sets formulas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TitlePart<'a> {
    Words(&'a str),
    Math(&'a Math),
}

/// `text` split for a format that sets formulas: words, and each of
/// `maths` where `text` spells it, at its first place not already taken by
/// another (a translation may have moved one, or reworded it: then that
/// one stays words). Longer formulas take their places first, so that
/// `B = 10` never claims the start of `B = 100`.
pub fn math_parts<'a>(text: &'a str, maths: &'a [Math]) -> Vec<TitlePart<'a>> {
    let mut longest_first: Vec<&Math> = maths.iter().filter(|m| !m.words().is_empty()).collect();
    longest_first.sort_by_key(|m| std::cmp::Reverse(m.words().len()));
    let mut spans: Vec<(usize, usize, &Math)> = Vec::new();
    for m in longest_first {
        let free = |at: usize| {
            let end = at + m.words().len();
            spans.iter().all(|&(s, e, _)| end <= s || at >= e)
        };
        if let Some((at, _)) = text.match_indices(m.words()).find(|&(at, _)| free(at)) {
            spans.push((at, at + m.words().len(), m));
        }
    }
    spans.sort_by_key(|&(at, ..)| at);
    let mut parts = Vec::new();
    let mut pos = 0;
    for (at, end, m) in spans {
        if at > pos {
            parts.push(TitlePart::Words(&text[pos..at]));
        }
        parts.push(TitlePart::Math(m));
        pos = end;
    }
    if pos < text.len() {
        parts.push(TitlePart::Words(&text[pos..]));
    }
    parts
}

impl Table {
    /// An empty table with a title and column names.
    pub fn new(title: impl Into<String>, header: &[&str]) -> Table {
        Table {
            title: title.into(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            narrow: None,
            title_math: Vec::new(),
            header_math: Vec::new(),
            nums: Vec::new(),
        }
    }

    /// A table whose title quotes numbers ([`Sentence`]); its column names
    /// quote none.
    pub fn quoted(title: Sentence, header: &[&str]) -> Table {
        Table::new(title.text, header).quoting(title.nums)
    }

    /// The numbers the title and the column names hold a `{}` for, in
    /// order, the title's first: `Table::new("L = {}", …).quoting(vec![Num::shown(&l)])`.
    pub fn quoting(mut self, nums: Vec<Num>) -> Table {
        debug_assert_eq!(
            std::iter::once(&self.title)
                .chain(&self.header)
                .map(|t| t.matches("{}").count())
                .sum::<usize>(),
            nums.len(),
            "one number for each {{}} of {:?}",
            self.title
        );
        self.nums = nums;
        self
    }

    /// True when the title, a column name or a cell quotes a number not
    /// yet written in.
    fn has_unwritten_words(&self) -> bool {
        !self.nums.is_empty()
            || self
                .rows
                .iter()
                .flatten()
                .any(|c| matches!(c, Cell::Sentence(_)))
    }

    /// The table with the numbers of its title, column names and word
    /// cells written in at `digits` (itself when it quotes none).
    pub fn written(&self, digits: usize) -> std::borrow::Cow<'_, Table> {
        if !self.has_unwritten_words() {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut t = self.clone();
        words::fill_texts(
            std::iter::once(&mut t.title).chain(t.header.iter_mut()),
            &std::mem::take(&mut t.nums),
            digits,
        );
        for c in t.rows.iter_mut().flatten() {
            if let Cell::Sentence(s) = c {
                *c = Cell::Text(s.plain(digits));
            }
        }
        std::borrow::Cow::Owned(t)
    }

    /// Append a formula to the title: its plain spelling on a terminal,
    /// math in Markdown and LaTeX.
    pub fn then_math(mut self, m: Math) -> Table {
        self.title.push_str(m.words());
        self.title_math.push(m);
        self
    }

    /// Append words to the title.
    pub fn then_words(mut self, words: &str) -> Table {
        self.title.push_str(words);
        self
    }

    /// Name columns by formulas: a column whose name is one of these
    /// formulas' plain spelling is set as math in Markdown and LaTeX.
    pub fn math_header(mut self, names: Vec<Math>) -> Table {
        self.header_math = names;
        self
    }

    /// The formula a column name stands for, if it is one.
    pub fn header_part(&self, name: &str) -> Option<&Math> {
        self.header_math.iter().find(|m| m.words() == name)
    }

    /// The title's split for a format that sets formulas: words, and each
    /// formula where the title spells it (a translation may have moved
    /// one, or reworded it: then that one stays words).
    pub fn title_parts(&self) -> Vec<TitlePart<'_>> {
        math_parts(&self.title, &self.title_math)
    }

    /// Append a row (one cell per column).
    pub fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(
            cells.len(),
            self.header.len(),
            "row width must match the header"
        );
        self.rows.push(cells);
    }
}

/// A node of a computation-graph figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureNode {
    /// Name or expression of the node (`q`, `x·y`).
    pub label: String,
    /// The operation that computes it (`+`, `×`, `σ`); empty for inputs.
    pub op: String,
    #[serde(serialize_with = "serial::number")]
    pub value: Scalar,
    /// ∂out/∂node, when the output depends on it.
    #[serde(serialize_with = "serial::number_opt")]
    pub grad: Option<Scalar>,
    /// Indices of the nodes it is computed from.
    pub inputs: Vec<usize>,
    /// A literal (or a node computed from literals alone): drawn as a
    /// constant, without a value or gradient.
    #[serde(skip)]
    pub constant: bool,
}

/// One curve of a line plot: (x, y) points in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    /// The numbers the label quotes, one for each of its `{}`s
    /// (`α = {}`); the renderer writes them in ([`Figure::written`]).
    #[serde(skip)]
    pub nums: Vec<Num>,
}

/// One set of axes of a line plot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Panel {
    pub title: String,
    /// What the x axis measures (`z`, `epoch`, …).
    pub x_label: String,
    /// What the y axis measures (`loss`, `J(w, b)`, …).
    pub y_label: String,
    pub series: Vec<Series>,
}

/// A figure: data for a diagram or a plot, drawn by the renderers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Figure {
    /// A computation graph with forward values and gradients.
    Graph {
        output: usize,
        nodes: Vec<FigureNode>,
    },
    /// Line plots, one panel above the other (e.g. f and f' of activations).
    Plot { title: String, panels: Vec<Panel> },
    /// A heat map of `values[i][j]` at `(xs[j], ys[i])` with labelled points
    /// marked on it (e.g. a loss surface and a non-convexity witness).
    Heatmap {
        title: String,
        x_label: String,
        y_label: String,
        xs: Vec<f64>,
        ys: Vec<f64>,
        values: Vec<Vec<f64>>,
        /// What the colours measure (the colour bar's label).
        value_label: String,
        #[serde(serialize_with = "serial::marks")]
        marks: Vec<(String, f64, f64)>,
    },
    /// A bar chart (e.g. softmax probabilities).
    Bars {
        title: String,
        labels: Vec<String>,
        values: Vec<f64>,
        /// What the bar heights measure.
        y_label: String,
    },
}

impl Figure {
    /// The figure with the numbers its legends quote written in at
    /// `digits` (itself when they quote none).
    pub fn written(&self, digits: usize) -> std::borrow::Cow<'_, Figure> {
        let quotes = |f: &Figure| match f {
            Figure::Plot { panels, .. } => panels
                .iter()
                .flat_map(|p| &p.series)
                .any(|s| !s.nums.is_empty()),
            _ => false,
        };
        if !quotes(self) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut f = self.clone();
        if let Figure::Plot { panels, .. } = &mut f {
            for s in panels.iter_mut().flat_map(|p| &mut p.series) {
                let nums = std::mem::take(&mut s.nums);
                words::fill_texts([&mut s.label], &nums, digits);
            }
        }
        std::borrow::Cow::Owned(f)
    }
}

/// Structured values for machine-readable output: the JSON renderer puts
/// each `(key, Data)` of [`Report::data`] at the top level of its object
/// (e.g. `net`'s `spec`, `loss` and `layers`). The other renderers show the
/// same numbers in the tables.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    Num(Scalar),
    Text(String),
    List(Vec<Data>),
    Map(Vec<(String, Data)>),
    Null,
}

impl Data {
    /// A list of numbers.
    pub fn nums(v: &[Scalar]) -> Data {
        Data::List(v.iter().cloned().map(Data::Num).collect())
    }

    /// A matrix of numbers, as a list of rows.
    pub fn matrix(m: &[Vec<Scalar>]) -> Data {
        Data::List(m.iter().map(|r| Data::nums(r)).collect())
    }
}

/// A piece of a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// A section heading.
    Heading(#[serde(serialize_with = "serial::text")] String),
    /// A paragraph of plain text.
    Text(#[serde(serialize_with = "serial::text")] String),
    /// A paragraph with numbers in it, each written by the renderer's own
    /// rules ([`Sentence`]); JSON shows it as a `text` block.
    #[serde(rename = "text")]
    Sentence(#[serde(serialize_with = "serial::unspelled")] Sentence),
    /// A displayed formula.
    Formula(Math),
    Table(Table),
    Figure(Figure),
}

/// What a named result is: `check` orders answers and `exercise` judges a
/// draw by it, never by the result's name; JSON shows it as `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A given number (an input value or the data).
    Input,
    /// A value computed on the way (z, a, a named step, a prediction).
    Value,
    /// A derivative: ∂f/∂x, δ, a local derivative f'(z).
    Gradient,
    /// A loss, risk or cost (L, J, MSE, cross-entropy).
    Loss,
    /// A whole-number count (parameters, iterations, epochs, mistakes).
    Count,
    /// A parameter after learning (updated w, b, W).
    Parameter,
}

impl Kind {
    /// The word JSON writes.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Input => "input",
            Kind::Value => "value",
            Kind::Gradient => "gradient",
            Kind::Loss => "loss",
            Kind::Count => "count",
            Kind::Parameter => "parameter",
        }
    }
}

/// Facts about one result, set where it is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Flags {
    /// It is a derivative taken exactly at a kink (ReLU at 0, a max tie),
    /// where its value is a convention.
    pub kink: bool,
    /// It is a float (a rounded value), not an exact fraction.
    pub rounded: bool,
}

/// One named result: `df/dx = -4`, a gradient.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub name: String,
    pub value: Scalar,
    pub kind: Kind,
    pub flags: Flags,
}

impl Named {
    /// A result of this kind; `rounded` is set when the value is a float.
    pub fn new(name: impl Into<String>, value: Scalar, kind: Kind) -> Named {
        let rounded = !value.is_exact();
        Named {
            name: name.into(),
            value,
            kind,
            flags: Flags {
                kink: false,
                rounded,
            },
        }
    }

    /// The same result marked as taken at a kink.
    pub fn at_kink(mut self, kink: bool) -> Named {
        self.flags.kink = kink;
        self
    }
}

/// Everything one run computed, ready to render in any format.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Report {
    /// `topic/N` for a catalog example, `graph` for an expression.
    pub id: String,
    /// English title.
    pub title: String,
    /// The Chinese term the decks use.
    pub title_zh: String,
    /// Decks (and slides) the example reproduces.
    pub sources: Vec<String>,
    /// Input values, in order.
    pub inputs: Vec<(String, Scalar)>,
    pub blocks: Vec<Block>,
    /// Named results (`f`, `df/dx`, …) in order, each with its kind;
    /// tests and tools read these.
    pub results: Vec<Named>,
    /// Commands worth trying next.
    pub try_next: Vec<String>,
    /// Extra structured output for JSON (see [`Data`]).
    pub data: Vec<(String, Data)>,
    /// The language the words are in ([`i18n::localize`] sets it); the
    /// renderers write their own few labels (`Source`, `Try`) in it.
    pub lang: i18n::Lang,
    /// The formulas in the title and the section headings: Markdown,
    /// LaTeX and the book set each as math wherever a heading spells it
    /// ([`Report::heading_parts`]); the terminal and JSON keep the plain
    /// spelling (JSON does not serialize this field).
    pub heading_math: Vec<Math>,
}

impl Report {
    /// The named result, if the report has it.
    pub fn result(&self, name: &str) -> Option<&Scalar> {
        self.results
            .iter()
            .find(|r| r.name == name)
            .map(|r| &r.value)
    }

    /// Append a named result of this kind.
    pub fn add(&mut self, name: impl Into<String>, value: Scalar, kind: Kind) {
        self.results.push(Named::new(name, value, kind));
    }

    /// Append a text paragraph.
    pub fn text(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Text(s.into()));
    }

    /// Append a paragraph with numbers: `{}` in `text` where each goes
    /// ([`Sentence`]).
    pub fn sentence(&mut self, text: impl Into<String>, nums: Vec<Num>) {
        self.blocks.push(Block::Sentence(Sentence::new(text, nums)));
    }

    /// Append a heading.
    pub fn heading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(s.into()));
    }

    /// Name a formula that the title or a heading spells: Markdown, LaTeX
    /// and the book set it as math there.
    pub fn heading_formula(&mut self, m: Math) {
        self.heading_math.push(m);
    }

    /// A heading (or the title line) split for a format that sets
    /// formulas ([`math_parts`] with [`Report::heading_math`]).
    pub fn heading_parts<'a>(&'a self, h: &'a str) -> Vec<TitlePart<'a>> {
        math_parts(h, &self.heading_math)
    }

    /// Append a table.
    pub fn table(&mut self, t: Table) {
        self.blocks.push(Block::Table(t));
    }

    /// The first plot or bar chart (what `--plot FILE.svg` writes).
    pub fn plot(&self) -> Option<&Figure> {
        self.blocks.iter().find_map(|b| match b {
            Block::Figure(
                f @ (Figure::Plot { .. } | Figure::Bars { .. } | Figure::Heatmap { .. }),
            ) => Some(f),
            _ => None,
        })
    }

    /// Show every column of every table on a narrow terminal too
    /// (`list --wide`), wrapped or stacked instead of left out.
    pub fn all_columns(&mut self) {
        for b in &mut self.blocks {
            if let Block::Table(t) = b {
                t.narrow = None;
            }
        }
    }

    /// Append a formula.
    pub fn formula(&mut self, m: Math) {
        self.blocks.push(Block::Formula(m));
    }

    /// Every formula of the report: displayed ones, table cells, and the
    /// formula a table title ends with.
    pub fn maths_mut(&mut self) -> impl Iterator<Item = &mut Math> {
        let headings = self.heading_math.iter_mut();
        self.blocks
            .iter_mut()
            .flat_map(|b| -> Box<dyn Iterator<Item = &mut Math>> {
                match b {
                    Block::Formula(m) => Box::new(std::iter::once(m)),
                    Block::Table(t) => Box::new(
                        t.title_math
                            .iter_mut()
                            .chain(t.header_math.iter_mut())
                            .chain(t.rows.iter_mut().flatten().filter_map(|c| match c {
                                Cell::Math(m) => Some(m),
                                _ => None,
                            })),
                    ),
                    Block::Heading(_) | Block::Text(_) | Block::Sentence(_) | Block::Figure(_) => {
                        Box::new(std::iter::empty())
                    }
                }
            })
            .chain(headings)
    }

    /// The report with the numbers its tables and figures quote among
    /// words written in at `digits`: titles, column names, word cells
    /// ([`Cell::Sentence`]) and legends ([`Table::written`],
    /// [`Figure::written`], which [`crate::render::walk`] applies block by
    /// block; paragraphs each renderer writes itself, [`Sentence::fill`]).
    pub fn with_words(&self, digits: usize) -> Report {
        let mut r = self.clone();
        for b in &mut r.blocks {
            match b {
                Block::Table(t) => *t = t.written(digits).into_owned(),
                Block::Figure(f) => *f = f.written(digits).into_owned(),
                _ => {}
            }
        }
        r
    }

    /// The report with every number outside a table's value cells
    /// written in at `digits`: formulas ([`Math::spelled`]), paragraphs
    /// (as text, [`Sentence::plain`]) and [`Report::with_words`]. What
    /// JSON serializes.
    pub fn spelled(&self, digits: usize) -> Report {
        let mut r = self.with_words(digits);
        r.maths_mut().for_each(|m| *m = m.spelled(digits));
        for b in &mut r.blocks {
            if let Block::Sentence(s) = b {
                *b = Block::Text(s.plain(digits));
            }
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_sets_each_of_its_formulas_as_math_where_it_spells_them() {
        let t = Table::new("ReLU: ", &["z"])
            .then_math(Math::new("f(z) = max(0, z)", "f(z) = \\max(0, z)"))
            .then_words(" · identity ")
            .then_math(Math::new("f' = I(z > 0)", "f' = I(z > 0)"));
        // The terminal and JSON read the plain title, unchanged.
        assert_eq!(t.title, "ReLU: f(z) = max(0, z) · identity f' = I(z > 0)");
        let parts = t.title_parts();
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0], TitlePart::Words("ReLU: "));
        assert!(matches!(parts[1], TitlePart::Math(m) if m.latex(6) == "f(z) = \\max(0, z)"));
        assert_eq!(parts[2], TitlePart::Words(" · identity "));
        assert!(matches!(parts[3], TitlePart::Math(m) if m.plain(6) == "f' = I(z > 0)"));
        // A translation that rewords a formula leaves that one as words.
        let mut zh = t.clone();
        zh.title = "ReLU: f(z) = max(0, z) · 恒等式 f'(z) = I(z > 0)".into();
        let parts = zh.title_parts();
        assert!(matches!(parts[1], TitlePart::Math(_)));
        assert_eq!(parts[2], TitlePart::Words(" · 恒等式 f'(z) = I(z > 0)"));
        assert_eq!(parts.len(), 3);
        // A translation that reorders the formulas keeps both as math.
        zh.title = "恒等式 f' = I(z > 0) · ReLU: f(z) = max(0, z)".into();
        let parts = zh.title_parts();
        assert_eq!(parts[0], TitlePart::Words("恒等式 "));
        assert!(matches!(parts[1], TitlePart::Math(m) if m.plain(6) == "f' = I(z > 0)"));
        assert_eq!(parts[2], TitlePart::Words(" · ReLU: "));
        assert!(matches!(parts[3], TitlePart::Math(m) if m.plain(6) == "f(z) = max(0, z)"));
    }

    #[test]
    fn a_heading_sets_each_formula_it_spells_longest_first() {
        let mut r = Report::default();
        r.heading_formula(Math::new("B = 10", "B = 10"));
        r.heading_formula(Math::new("B = 100", "B = 100"));
        // `B = 10` must not claim the start of `B = 100` and leave a `0`.
        let parts = r.heading_parts("B = 100");
        assert_eq!(parts.len(), 1);
        assert!(matches!(parts[0], TitlePart::Math(m) if m.plain(6) == "B = 100"));
        let parts = r.heading_parts("B = 10 · 批量");
        assert!(matches!(parts[0], TitlePart::Math(m) if m.plain(6) == "B = 10"));
        assert_eq!(parts[1], TitlePart::Words(" · 批量"));
        // A formula named twice is set at two places; one not spelled
        // leaves the heading as words.
        let mut r = Report::default();
        r.heading_formula(Math::new("δ", "\\delta"));
        r.heading_formula(Math::new("δ", "\\delta"));
        let parts = r.heading_parts("The δ recursion · 误差项 δ");
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[2], TitlePart::Words(" recursion · 误差项 "));
        assert!(matches!(parts[3], TitlePart::Math(m) if m.latex(6) == "\\delta"));
        assert_eq!(
            r.heading_parts("no formula"),
            vec![TitlePart::Words("no formula")]
        );
    }

    #[test]
    fn a_column_named_by_a_formula_is_found_by_its_plain_name() {
        let t = Table::new("Shapes", &["from", "a^(L)"])
            .math_header(vec![Math::new("a^(L)", "a^{(L)}")]);
        assert_eq!(
            t.header_part("a^(L)").map(|m| m.latex(6)),
            Some("a^{(L)}".to_string())
        );
        assert_eq!(t.header_part("from"), None);
    }
}
