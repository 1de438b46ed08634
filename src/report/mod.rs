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
//! whose key embeds each problem's Report.

pub mod document;
pub mod graph;
pub mod i18n;
pub mod layer_math;
pub mod math;
pub mod messages;
pub mod net;
pub mod network;
pub mod serial;
pub mod train;

use serde::Serialize;

use crate::scalar::Scalar;

pub use math::Math;

/// Settings a report is built with.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Compute in f64 throughout (`--float`).
    pub float: bool,
    /// Significant digits of rounded values (`--digits`) in the prose and
    /// text cells a builder writes; formulas ([`Math`]) keep their numbers
    /// and are rounded by the renderer, with [`crate::render::RenderOptions::digits`].
    pub digits: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            float: false,
            digits: 6,
        }
    }
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
    /// The formula the title ends with, if it ends with one: Markdown and
    /// LaTeX set that end as math, the terminal and the JSON keep the
    /// title's plain spelling.
    #[serde(skip)]
    pub title_math: Option<Math>,
}

impl Table {
    /// An empty table with a title and column names.
    pub fn new(title: impl Into<String>, header: &[&str]) -> Table {
        Table {
            title: title.into(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            narrow: None,
            title_math: None,
        }
    }

    /// The title's split for a format that sets formulas: the words before
    /// the formula and the formula, when the title still ends with it (a
    /// translation may have moved it; then the whole title is words).
    /// `digits` spell the formula's numbers as the title has them.
    pub fn title_parts(&self, digits: usize) -> (&str, Option<&Math>) {
        let Some(m) = &self.title_math else {
            return (&self.title, None);
        };
        let plain = m.plain(digits);
        match self.title.strip_suffix(plain.as_str()) {
            Some(words) if !plain.is_empty() => (words, Some(m)),
            _ => (&self.title, None),
        }
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
    /// A heat map of values[i][j] at (xs[j], ys[i]) with labelled points
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

    /// Append a heading.
    pub fn heading(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Heading(s.into()));
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
        self.blocks
            .iter_mut()
            .flat_map(|b| -> Box<dyn Iterator<Item = &mut Math>> {
                match b {
                    Block::Formula(m) => Box::new(std::iter::once(m)),
                    Block::Table(t) => Box::new(t.title_math.iter_mut().chain(
                        t.rows.iter_mut().flatten().filter_map(|c| match c {
                            Cell::Math(m) => Some(m),
                            _ => None,
                        }),
                    )),
                    Block::Heading(_) | Block::Text(_) | Block::Figure(_) => {
                        Box::new(std::iter::empty())
                    }
                }
            })
    }

    /// The report with the numbers of its formulas written in at
    /// `digits` ([`Math::spelled`]): what JSON serializes.
    pub fn spelled(&self, digits: usize) -> Report {
        let mut r = self.clone();
        r.maths_mut().for_each(|m| *m = m.spelled(digits));
        r
    }
}
