//! The command line's clap definitions: every subcommand, its arguments
//! and its help. Only types: `cli` dispatches them to `commands`, and the
//! book parses its `{{#nn-tutor …}}` directives with the same definitions.

use std::io::IsTerminal;

use clap::{Args, Parser, Subcommand};

use crate::activation::{Activation, Param};
use crate::loss::Loss;
use crate::render::{Format, RenderOptions};
use crate::report::Settings;
use crate::report::i18n::Lang;

const ABOUT: &str = "Recompute the worked examples of an introductory neural-network course \
step by step: every intermediate value, local and upstream gradient, exactly where the math allows.";

// Help texts. Every line fits 80 columns, so clap never wraps one: an
// example command broken over two lines cannot be pasted into a shell (a
// test holds every command's help to this). Descriptions beside a command
// are shell comments, so a whole line can be pasted too.

const EXAMPLES_HELP: &str = r#"Examples:
  nn-tutor list                              # every worked example
  nn-tutor explain backprop --example 1      # (x + y)z at (-2, 5, -4)
  nn-tutor explain backprop --example 1 --set x=3   # the same with x = 3
  nn-tutor explain autodiff --example 1      # the NNDL chain: exactly 1/4
  nn-tutor explain neuron --example 2        # one neuron: dz = a - y (MS)
  nn-tutor explain backprop --example 5      # δ(l) layer by layer
  nn-tutor graph "q = x + y; f = q * z" --at x=-2,y=5,z=-4
  nn-tutor graph "sigmoid(w*x + b)" --at w=1/2,x=2,b=-1 --format json
  nn-tutor net spec.toml                     # a network you write
  nn-tutor train --data digits --layers 64,64,10 --val 0.1
  nn-tutor exercise backprop --example 1 --seed 7 --key
  nn-tutor check backprop --example 1 answers.toml"#;

const TRAIN_HELP: &str = r#"Trains a dense network with mini-batch SGD (JQ: batch, epoch, iteration;
NNDL algorithm 4.1; CAL training flow) and prints what happened: the
network, the iteration arithmetic (⌈N/B⌉ iterations per epoch and the size
of the last, partial batch), one row per epoch (loss, accuracy, validation
loss, gradient norm of every layer) and a confusion matrix. The same --seed
gives the same numbers. Nothing is downloaded: digits and iris are bundled,
MNIST is read from IDX files you already have.

Data (--data): xor, circles, moons, spirals, blobs (seeded; --samples N),
digits (UCI 8×8 handwritten digits, 1,797 images), iris, synthetic-mnist
(784 random pixels, random labels: for timing), mnist:DIR (a folder with
train-images-idx3-ubyte, train-labels-idx1-ubyte and optionally the t10k
pair).

Examples:
  nn-tutor train --data xor --layers 2,4,1 --activation tanh --loss mse \
      --optimizer gd --lr 0.5 --epochs 300
  nn-tutor train --data moons --layers 2,16,2 --epochs 50 --val 0.2 \
      --plot moons.svg
  nn-tutor train --data digits --layers 64,64,10 --epochs 20 --val 0.1 \
      --test 0.2
  nn-tutor train --data digits --layers 64,64,10 --epochs 200 --val 0.2 \
      --early-stopping 5 --l2 0.0001
  nn-tutor train --data mnist:./mnist --layers 784,512,512,10 --batch 100 \
      --val 0.0833 --dtype f32
  nn-tutor train --data synthetic-mnist --samples 55000 \
      --layers 784,512,512,10 --activation relu --loss cross_entropy \
      --batch 100 --epochs 1 --lr 0.1 --dtype f32 --time"#;

/// `net --help`: the spec's activations and losses listed from their
/// tables ([`crate::activation::ACTIVATIONS`], [`Loss::ALL`]).
fn net_help() -> String {
    let losses = Loss::ALL.map(|l| l.to_string()).join(" | ");
    // The names, wrapped into comment lines under `activation = "sigmoid"`.
    let mut usages: Vec<String> = Vec::new();
    for r in crate::activation::ACTIVATIONS {
        match r.param {
            Param::None if (r.make)(vec![]) == Activation::Softmax => {
                usages.push(format!("{} (last layer only)", r.usage()));
            }
            _ => usages.push(r.usage()),
        }
    }
    let first = "  activation = \"sigmoid\" # ";
    let more = format!("{:w$}# ", "", w = first.chars().count() - 2);
    let mut lines = vec![first.to_string()];
    for u in usages {
        let line = lines.last_mut().expect("one line at least");
        let fresh = line.ends_with("# ");
        if !fresh && line.chars().count() + 1 + u.chars().count() > HELP_WIDTH {
            lines.push(format!("{more}{u}"));
        } else {
            line.push_str(&if fresh { u } else { format!(" {u}") });
        }
    }
    let activations = lines.join("\n");
    format!(
        r#"Every layer is printed as the slides derive it: z(l) = W(l) a(l-1) + b(l),
a(l) = f(z(l)), then δ(l) = ∂L/∂z(l) from the output down,
∂L/∂W(l) = δ(l) a(l-1)ᵀ, ∂L/∂b(l) = δ(l), each gradient beside a
finite-difference check, and, with a learning rate, the updated W and b.
Numbers are exact (0.25 is 1/4) until a sigmoid, tanh, softmax or ln makes
them rounded.

A spec (TOML):
  convention = "column"  # z = W a + b, W out×in
                         # or "row": h = f(h W + b), W in×out (JQ)
  input = [1, 2]
  target = [1]           # optional, with loss: without both, forward only
  loss = "half_sse"      # {losses}
  learning_rate = "1/2"  # optional η
  l2 = 0                 # optional λ: adds λ/2 ‖W‖²_F (weights only)
  [[layer]]
  weights = [["1/2", "-1/4"], [-1, 0.25]]
  bias = ["1/4", "-1/4"]
{activations}
  [[layer]]
  weights = [[1, "-1/2"]]
  bias = ["1/8"]
  activation = "sigmoid"

Examples:
  nn-tutor net spec.toml
  nn-tutor net spec.toml --format json   # spec, loss, per-layer z, a, delta…
  nn-tutor net spec.toml --forward-only  # z and a only, before backprop
  nn-tutor net big.toml --float          # in f64 (past 2,000 parameters)"#
    )
}

/// `graph --help`: the functions listed from the op table
/// ([`crate::op::function_names`]).
fn graph_help() -> String {
    let functions = crate::op::function_names().join(" ");
    format!(
        "\
The language: + - * / ^, unary minus, parentheses, numbers (3, 0.15, 1/4),
names, and the functions {functions}
(log is the natural log). Name steps with `;` or newlines:
`q = x + y; f = q * z`. The last step is the output (named f if unnamed).
-x^2 means -(x^2); 2^3^2 means 2^(3^2).

Examples:
  nn-tutor graph \"(x + y) * z\" --at x=-2,y=5,z=-4
  nn-tutor graph \"u = x*y; v = x/y; z = u^2 + v^2\" --at x=1,y=2 --chains
  nn-tutor graph \"-x^2\" --at x=3
  nn-tutor graph \"q = x + y; f = q * z\" --at x=-2,y=5,z=-4 --diagram dot \\
      | dot -Tsvg > g.svg"
    )
}

/// Longest line of a help text: clap wraps nothing at 80 columns.
const HELP_WIDTH: usize = 80;

/// `train --activation`'s help, from the activation table.
fn activation_help() -> String {
    format!(
        "Activation of the hidden layers: {}",
        crate::activation::trainable_usages().join(", ")
    )
}

/// `train --loss`'s help, from [`Loss::ALL`].
fn loss_help() -> String {
    let names = Loss::ALL.map(|l| match l.gist() {
        Some(g) => format!("{l} ({g})"),
        None => l.to_string(),
    });
    format!("Loss: {}", names.join(", "))
}

/// `train --init`'s help, from [`crate::train::init::Init::ALL`].
fn init_help() -> String {
    format!(
        "Initial weights: {} (default: he_uniform for the ReLU family, \
         xavier_uniform for sigmoid/tanh/softplus)",
        crate::train::init::known()
    )
}

/// `train --data`'s help, from [`crate::train::data::NAMES`].
fn data_help() -> String {
    format!(
        "The data set: {}, or mnist:DIR",
        crate::train::data::NAMES.join(", ")
    )
}

/// A flag whose value is a name from a table: any text is passed on (the
/// engine's parser checks it and lists the names in its error, and takes
/// parameters such as `leaky_relu(0.1)`), while shells complete the names.
#[derive(Clone, Debug)]
pub struct NameParser(pub fn() -> Vec<&'static str>);

impl clap::builder::TypedValueParser for NameParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// Completion values of `--activation` (the trainable ones) and `--output`
/// (those and softmax).
fn hidden_names() -> Vec<&'static str> {
    let rows = crate::activation::ACTIVATIONS.iter();
    rows.filter(|r| r.trainable).map(|r| r.name).collect()
}

fn output_names() -> Vec<&'static str> {
    let rows = crate::activation::ACTIVATIONS.iter();
    rows.filter(|r| {
        r.trainable || (r.param == Param::None && (r.make)(vec![]) == Activation::Softmax)
    })
    .map(|r| r.name)
    .collect()
}

fn loss_names() -> Vec<&'static str> {
    Loss::ALL.map(Loss::name).to_vec()
}

fn init_names() -> Vec<&'static str> {
    crate::train::init::Init::ALL
        .map(crate::train::init::Init::name)
        .to_vec()
}

fn data_names() -> Vec<&'static str> {
    crate::train::data::NAMES.to_vec()
}

const EXERCISE_HELP: &str = r#"Each problem is a worked example with inputs drawn from its ranges (small
integers and simple fractions, so the arithmetic can be done by hand);
draws on a kink or with every gradient zero are redrawn. The key is the
example's own report: the same as `nn-tutor explain … --set` with the
problem's inputs. The sheet prints its seed and the command that
regenerates it.

Examples:
  nn-tutor exercise backprop --example 1 --seed 7 --count 3
  nn-tutor exercise backprop --example 1 --seed 7 --out sheet.md \
      --key-out key.md
  nn-tutor exercise forward --seed 7 --key --format latex --out forward.tex
  nn-tutor exercise --all --seed 2024 --format json --key --out term.json
  nn-tutor exercise chain-rule --example 1 --lang zh
  nn-tutor exercise --all --seed 2024 --roster students.csv --out class
  nn-tutor exercise backprop --seed 7 --format gift --out backprop.gift
  nn-tutor exercise --all --seed 7 --format qti --out quiz.zip"#;

const CHECK_HELP: &str = r#"Grades every quantity the problem asks: right, wrong (with the likely
slip), unanswered or unknown, with points and a score. By default a value
is right as the sheet asks: the exact value, or the value rounded to 4 or
more decimals, also when every step was rounded to 4 places; the policy
flags (or a [policy] table) change that.

An answers file that names its sheet (`exercise --roster` writes one per
student) is checked alone: `nn-tutor check answers.toml` grades each
[[problem]] with its own inputs. Otherwise give the topic, --example and
the --set of your sheet, and write one line per quantity:

  "df/dq" = "1/4"    # a fraction goes in quotes, and so does a name with /
  "df/dx" = -0.25    # a decimal (a Unicode minus − is read as -)
  f = ""             # not answered yet
  tolerance = 0.01   # optional: also right within ±0.01

Exit status: 0 when every asked quantity is answered and right, 1 when one
is wrong, unanswered or unknown, 2 for an unusable file or flag.

Examples:
  nn-tutor check answers.toml                # a file that names its sheet
  nn-tutor check backprop --example 1 --set x=-1,y=-5,z=1/4 answers.toml
  nn-tutor check backprop/2 answers.toml --round-each 2 --follow-through
  nn-tutor check --expr "q = x + y; f = q * z" --at x=-2,y=5,z=4 a.toml
  nn-tutor check --net spec.toml answers.toml --format json"#;

const GRADE_HELP: &str = r#"Writes DIR/gradebook.csv (id, total, max, one score per problem, status),
DIR/gradebook.json (per quantity: verdict code, slip code, the student's value,
the expected value, points), DIR/report.md (the class report also printed
here: per quantity the share right and the most frequent slips) and, in each
student's folder, Gradescope's results.json. Nothing else is written. The
policy is the manifest's "policy", then --policy FILE, then the flags; a
student's own [policy] or tolerance is ignored. An answers file that is
missing, not a file, over 1 MiB, not UTF-8, not TOML or a link out of DIR is
listed, scores 0, and the others are graded.

Exit status: 0 when the class was graded (whatever the scores), 2 when DIR or
its manifest cannot be used or a flag is wrong, 1 when an output cannot be
written.

Examples:
  nn-tutor grade class
  nn-tutor grade class --round-each 2 --follow-through
  nn-tutor grade class --policy policy.toml --format json"#;

/// nn-tutor: a companion for learning how neural networks compute and learn.
#[derive(Debug, Parser)]
#[command(name = "nn-tutor", version, about = ABOUT, after_help = EXAMPLES_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the worked examples (all, or one topic's).
    #[command(after_help = "Example:\n  nn-tutor list backprop")]
    List(ListArgs),
    /// Recompute one worked example step by step.
    #[command(after_help = "\
Examples:
  nn-tutor explain backprop --example 1
  nn-tutor explain backprop --example 1 --set x=3,z=1/2
  nn-tutor explain chain-rule --example 1 --format markdown
  nn-tutor explain autodiff             # lists the topic's examples
  nn-tutor explain backprop/1           # the id `nn-tutor list` prints
  nn-tutor explain activation --example 1 --plot activations.svg
  nn-tutor explain backprop --example 2 --round-each 2  # hand-rounding drift")]
    Explain(ExplainArgs),
    /// Differentiate your own expression by reverse-mode autodiff.
    #[command(after_help = graph_help())]
    Graph(GraphArgs),
    /// Trace a network you write in a TOML file: z, a, δ and every gradient, layer by layer.
    #[command(after_help = net_help())]
    Net(NetArgs),
    /// Exercise sheets (习题) with answer keys: an example's inputs drawn from its ranges.
    #[command(after_help = EXERCISE_HELP)]
    Exercise(ExerciseArgs),
    /// Check your answers (to an example, a sheet, a graph or a net): each
    /// right, wrong or unanswered, the first wrong step, the likely slip, a score.
    #[command(after_help = CHECK_HELP)]
    Check(CheckArgs),
    /// Build the companion book (HTML, offline) from `book/`.
    #[command(after_help = "\
Examples:
  nn-tutor book build                      writes book/build/index.html
  nn-tutor book build --lang zh            the Chinese edition: book/build/zh/
  nn-tutor book build --out /tmp/nn-book   somewhere else")]
    Book(BookArgs),
    /// Grade a class folder made by `exercise --roster`: every student's
    /// answers.toml against the manifest's problems, into a gradebook and a
    /// class report.
    #[command(after_help = GRADE_HELP)]
    Grade(GradeArgs),
    /// Train a network on a data set and watch the loss, epoch by epoch.
    #[command(after_help = TRAIN_HELP)]
    Train(TrainArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Example:\n  nn-tutor completions bash \\\n      > ~/.local/share/bash-completion/completions/nn-tutor"
    )]
    Completions(CompletionsArgs),
}

/// Arguments of `nn-tutor list`: a listing has no numbers to compute, so
/// only the format and the language (no --float, no --digits).
#[derive(Debug, Args, Clone)]
pub struct ListArgs {
    /// Only this topic.
    #[arg(value_parser = TopicParser)]
    pub topic: Option<String>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of the report's words: en, or zh (Chinese, with the decks' terms).
    #[arg(long, value_enum, default_value_t)]
    pub lang: crate::report::i18n::Lang,
    /// Every column (inputs, sources) however wide the terminal.
    #[arg(long)]
    pub wide: bool,
    /// Fit tables and text to N columns (default: the terminal's width, else
    /// $COLUMNS; with neither, as in a pipe, lines are left whole).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

impl ListArgs {
    /// The output flags of a report command, the unused ones at their defaults.
    pub fn out(&self) -> OutputArgs {
        OutputArgs {
            format: self.format,
            lang: self.lang,
            width: self.width,
            ..OutputArgs::default()
        }
    }
}

/// Arguments of `nn-tutor explain`.
#[derive(Debug, Args, Clone)]
pub struct ExplainArgs {
    /// The topic (see `nn-tutor list`).
    #[arg(value_parser = TopicParser)]
    pub topic: String,
    /// Which example of the topic; without it, the topic's examples are listed.
    #[arg(long, short = 'e', value_name = "N")]
    pub example: Option<u32>,
    /// Change an input: NAME=VALUE, e.g. x=3, w=1/2 or b=0.15 (exact).
    /// Repeat the flag or separate with commas.
    #[arg(long = "set", value_name = "NAME=VALUE", value_delimiter = ',')]
    pub set: Vec<String>,
    /// Also write the example's plot (activation curves, softmax bars) as SVG.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<std::path::PathBuf>,
    /// Overwrite the --plot file if it exists.
    #[arg(long, requires = "plot")]
    pub force: bool,
    /// Replay the example rounding every intermediate to D decimals, as by
    /// hand, and show each exact value beside the replay and the drift
    /// (every example computed by hand; integer counts say rounding changes
    /// nothing; training runs have no hand computation to replay).
    #[arg(long, value_name = "D", value_parser = clap::value_parser!(u32).range(0..=12))]
    pub round_each: Option<u32>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Arguments of `nn-tutor graph`.
#[derive(Debug, Args, Clone)]
pub struct GraphArgs {
    /// The expression or program, e.g. "q = x + y; f = q * z"; `-` reads it
    /// from stdin. It may begin with a minus: "-x^2".
    #[arg(allow_hyphen_values = true)]
    pub expr: String,
    /// Values of the variables: NAME=VALUE, comma-separated or repeated.
    #[arg(long, value_name = "NAME=VALUE", value_delimiter = ',')]
    pub at: Vec<String>,
    /// Also show, for every variable, the chain of local gradients along each path.
    #[arg(long)]
    pub chains: bool,
    /// Print only the diagram of the graph: text, dot (Graphviz) or svg.
    #[arg(long, value_name = "KIND")]
    pub diagram: Option<DiagramKind>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Arguments of `nn-tutor net`.
#[derive(Debug, Args, Clone)]
pub struct NetArgs {
    /// The spec file (TOML), e.g. spec.toml; see the example below.
    pub spec: std::path::PathBuf,
    /// Show the forward pass only (z and a, layer by layer), even when the
    /// spec has a target and a loss.
    #[arg(long)]
    pub forward_only: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Arguments of `nn-tutor exercise`.
#[derive(Debug, Args, Clone)]
pub struct ExerciseArgs {
    /// The topic (see `nn-tutor list`); without --example, every example of
    /// the topic that has exercise ranges.
    #[arg(required_unless_present_any = ["all", "variants"], value_parser = TopicParser)]
    pub topic: Option<String>,
    /// Which example of the topic.
    #[arg(long, short = 'e', value_name = "N")]
    pub example: Option<u32>,
    /// Ask for these quantities instead of the example's choice (names as in
    /// the key, comma-separated; one example only), e.g. --find f,df/dx.
    #[arg(
        long,
        value_name = "NAMES",
        value_delimiter = ',',
        requires = "example"
    )]
    pub find: Option<Vec<String>>,
    /// Print how many distinct problems each example's ranges give, and stop.
    #[arg(long)]
    pub variants: bool,
    /// One sheet across every example that has exercise ranges.
    #[arg(long, conflicts_with_all = ["topic", "example"])]
    pub all: bool,
    /// Seed of the draw: the same seed gives the same sheet on every machine.
    // allow_hyphen_values: `--seed -1` is an invalid seed, not a flag.
    #[arg(
        long,
        default_value_t = 1,
        value_name = "S",
        allow_hyphen_values = true
    )]
    pub seed: u64,
    /// Problems per example (at most 50; more are capped with a note).
    #[arg(long, default_value_t = 1, value_name = "K", value_parser = parse_count)]
    pub count: u32,
    /// Append the answer key (every result and the full step tables).
    #[arg(long)]
    pub key: bool,
    /// Write the answer key to this file instead (the sheet goes to stdout or --out).
    #[arg(long, value_name = "FILE", conflicts_with = "key")]
    pub key_out: Option<std::path::PathBuf>,
    /// Write the sheet to this file instead of standard output (with
    /// --roster, the class folder; with --format qti, the zip).
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Overwrite --out and --key-out files that exist.
    #[arg(long)]
    pub force: bool,
    /// The key lists each asked quantity and its value, without the worked steps.
    #[arg(long)]
    pub answers_only: bool,
    /// A printable exam in LaTeX (exam.cls): name and ID line, a point per asked
    /// quantity, answer lines; with --key or --key-out the key fills them in and adds the
    /// worked steps as solutions.
    #[arg(long)]
    pub exam: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t)]
    pub format: crate::class::ExerciseFormat,
    /// A class roster (CSV with an `id` column): with --out DIR, write a
    /// sheet, key and answers template for every student into `DIR/<id>/` and
    /// DIR/manifest.json. A student's seed is the 64-bit FNV-1a hash of
    /// "S:id" (S the --seed) shifted right by 11 bits, so
    /// `exercise … --seed N` reprints a student's sheet.
    #[arg(long, value_name = "FILE.csv", requires = "out", conflicts_with_all = ["key", "key_out"])]
    pub roster: Option<std::path::PathBuf>,
    /// Language of the sheet and its key: en, or zh (Chinese, with the decks' terms).
    #[arg(long, value_enum, default_value_t)]
    pub lang: crate::exercise::Lang,
    /// Significant digits of rounded values (1-17).
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u8).range(1..=17))]
    pub digits: u8,
}

/// Arguments of `nn-tutor check`.
#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// The answers file; or the topic (see `nn-tutor list`, `backprop/1`
    /// names an example too) and then the answers file.
    #[arg(value_name = "TOPIC|ANSWERS", value_parser = NameParser(crate::catalog::topics), hide_possible_values = true)]
    pub first: String,
    /// The answers file, after a topic.
    #[arg(value_name = "ANSWERS")]
    pub second: Option<std::path::PathBuf>,
    /// Which example of the topic.
    #[arg(long, short = 'e', value_name = "N")]
    pub example: Option<u32>,
    /// The inputs of your problem, as on the sheet: NAME=VALUE, comma-separated.
    #[arg(long = "set", value_name = "NAME=VALUE", value_delimiter = ',')]
    pub set: Vec<String>,
    /// Check against this program of the expression language (as `nn-tutor graph`).
    #[arg(long, value_name = "EXPR", conflicts_with_all = ["example", "set", "net"])]
    pub expr: Option<String>,
    /// The values of the program's variables (with --expr): NAME=VALUE, comma-separated.
    #[arg(
        long,
        value_name = "NAME=VALUE",
        value_delimiter = ',',
        requires = "expr"
    )]
    pub at: Vec<String>,
    /// Check against the network of this spec file (as `nn-tutor net`).
    #[arg(long, value_name = "SPEC", conflicts_with_all = ["example", "set"])]
    pub net: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub policy: PolicyArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The grading policy's flags (`check`, `grade`); each overrides the same
/// key of a `[policy]` table.
#[derive(Debug, Args, Clone, Default)]
pub struct PolicyArgs {
    /// Right: the exact value or the value rounded to at least D decimals (default 4, as the sheet says).
    #[arg(long, value_name = "D", conflicts_with = "significant")]
    pub decimals: Option<u32>,
    /// Right: the exact value or the value rounded to at least S significant figures.
    #[arg(long, value_name = "S")]
    pub significant: Option<u32>,
    /// Also right within ± T, e.g. 0.01.
    #[arg(long, value_name = "T")]
    pub tolerance: Option<String>,
    /// Also right within this fraction of the value, e.g. 0.01 for 1 %.
    #[arg(long, value_name = "R")]
    pub rel_tolerance: Option<String>,
    /// Also right: the value with every step rounded to D decimals (as `explain --round-each D`).
    #[arg(long, value_name = "D")]
    pub round_each: Option<u32>,
    /// Also right: a value computed correctly from your own earlier (wrong) values.
    #[arg(long)]
    pub follow_through: bool,
    /// Points per quantity (default 1).
    #[arg(long, value_name = "P")]
    pub points: Option<String>,
    /// Points of particular quantities: NAME=P, comma-separated.
    #[arg(long, value_name = "NAME=P", value_delimiter = ',')]
    pub points_for: Vec<String>,
    /// A TOML file with a `[policy]` table (the flags override its keys).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<std::path::PathBuf>,
}

/// Arguments of `nn-tutor grade`.
#[derive(Debug, Args, Clone)]
pub struct GradeArgs {
    /// The class folder (with manifest.json), as `exercise --roster … --out DIR` wrote it.
    pub dir: std::path::PathBuf,
    #[command(flatten)]
    pub policy: PolicyArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// Arguments of `nn-tutor book`.
#[derive(Debug, Args, Clone)]
pub struct BookArgs {
    #[command(subcommand)]
    pub action: BookAction,
}

/// Arguments of `nn-tutor completions`.
#[derive(Debug, Args, Clone)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// What `nn-tutor book` does.
#[derive(Debug, Subcommand, Clone)]
pub enum BookAction {
    /// Build the HTML book: every worked example, figure and formula is
    /// generated now. The output replaces DIR only if the build succeeds.
    #[command(after_help = "\
Examples:
  nn-tutor book build                      writes book/build/index.html
  nn-tutor book build --lang zh            the Chinese edition: book/build/zh/
  nn-tutor book build --out /tmp/nn-book")]
    Build {
        /// The book's sources (the directory with book.toml).
        #[arg(long, value_name = "DIR", default_value = "book")]
        book: std::path::PathBuf,
        /// Where to write the HTML (default: BOOK/build).
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
        /// Replace --out even if it is not a previous build of the book.
        #[arg(long)]
        force: bool,
        /// The edition: en, or zh (Chinese, from BOOK/src-zh; by default
        /// written into the English one's zh/ folder, where the two link to
        /// each other).
        #[arg(long, value_enum, default_value_t)]
        lang: crate::report::i18n::Lang,
    },
    /// mdBook's preprocessor protocol, for a plain `mdbook build`/`serve`.
    #[command(hide = true)]
    Preprocess {
        /// `supports RENDERER`, or nothing (book as JSON on stdin).
        args: Vec<String>,
    },
}

/// Arguments of `nn-tutor train`: the training flags and the output flags.
#[derive(Debug, Args, Clone)]
pub struct TrainArgs {
    #[command(flatten)]
    pub flags: TrainFlags,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The flags of `nn-tutor train`: the clap definition and what `run` reads.
#[derive(Clone, Debug, Args)]
pub struct TrainFlags {
    // The data set (help and completion from train::data::NAMES).
    #[arg(long, value_name = "NAME", help = data_help(), hide_possible_values = true,
          value_parser = NameParser(data_names))]
    pub data: String,
    /// Samples to generate (circles, moons, spirals, blobs, synthetic-mnist).
    /// At least 1; without it each generator has its own default.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub samples: Option<u32>,
    /// Layer sizes n0,n1,…,nL: inputs, hidden layers, outputs (default: inputs,32,classes).
    #[arg(long, value_name = "SIZES", value_delimiter = ',')]
    pub layers: Option<Vec<usize>>,
    // Activation of the hidden layers (help and completion from the table).
    #[arg(long, default_value = "relu", help = activation_help(), hide_possible_values = true,
          value_parser = NameParser(hidden_names))]
    pub activation: String,
    /// Activation of the output layer (default: softmax for cross_entropy,
    /// sigmoid for bce, identity for mse and half_sse).
    #[arg(long, hide_possible_values = true, value_parser = NameParser(output_names))]
    pub output: Option<String>,
    // The loss (help and completion from Loss::ALL).
    #[arg(long, default_value = "cross_entropy", help = loss_help(),
          hide_possible_values = true, value_parser = NameParser(loss_names))]
    pub loss: String,
    // Initial weights (help and completion from Init::ALL).
    #[arg(long, help = init_help(), hide_possible_values = true,
          value_parser = NameParser(init_names))]
    pub init: Option<String>,
    /// gd (full batch), sgd (one sample per update) or minibatch (--batch samples).
    #[arg(long, value_enum, default_value_t = Optimizer::Minibatch)]
    pub optimizer: Optimizer,
    /// Samples per update with --optimizer minibatch [default: 32, or all the
    /// training samples when there are fewer].
    #[arg(long, value_name = "B")]
    pub batch: Option<usize>,
    /// Learning rate η (学习率), a positive number.
    #[arg(long, default_value_t = 0.1, allow_negative_numbers = true)]
    pub lr: f64,
    /// Passes over the training data (轮次).
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// λ of the L2 penalty λ/2 Σ‖W(l)‖² (weights only).
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub l2: f64,
    /// Fraction of the data held out for validation (验证集), e.g. 0.1.
    #[arg(long, value_name = "FRACTION", default_value_t = 0.0)]
    pub val: f64,
    /// Fraction held out as a test set (MNIST uses its t10k files instead).
    #[arg(long, value_name = "FRACTION", default_value_t = 0.0)]
    pub test: f64,
    /// Stop after PATIENCE epochs without a lower validation loss and keep
    /// the best epoch's parameters (needs --val).
    #[arg(long, value_name = "PATIENCE")]
    pub early_stopping: Option<usize>,
    /// Seed of the initial weights, the split, the shuffles and generated data.
    #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
    pub seed: u64,
    /// Keep the samples in their stored order instead of reshuffling every epoch.
    #[arg(long)]
    pub no_shuffle: bool,
    /// Number type of the engine.
    #[arg(long, value_enum, default_value_t = Dtype::F64)]
    pub dtype: Dtype,
    /// Write the loss curves as SVG.
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<std::path::PathBuf>,
    /// Overwrite the --plot file if it exists.
    #[arg(long, requires = "plot")]
    pub force: bool,
    /// Print the training time and GFLOP/s on stderr.
    #[arg(long)]
    pub time: bool,
    /// Allow a run past 5·10¹² operations (epochs × samples × 6·Σ n_in·n_out).
    #[arg(long)]
    pub long: bool,
}

/// `--optimizer`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Optimizer {
    /// Full-batch gradient descent: one update per epoch from all N samples.
    Gd,
    /// Stochastic gradient descent: one sample per update (batch 1).
    Sgd,
    /// Mini-batch SGD: --batch samples per update.
    Minibatch,
}

/// `--dtype`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Dtype {
    F32,
    F64,
}

impl TrainFlags {
    /// `--samples`, or 0 to tell the loader to use the generator's default.
    pub fn samples(&self) -> usize {
        self.samples.map_or(0, |n| n as usize)
    }
}
/// Diagram kinds of `graph --diagram`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagramKind {
    Text,
    Dot,
    Svg,
}

/// Flags shared by every command that prints a report.
#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Compute in floating point (f64) instead of exact rationals.
    #[arg(long)]
    pub float: bool,
    /// Significant digits of rounded values (1-17).
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u8).range(1..=17))]
    pub digits: u8,
    /// Language of the report's words: en, or zh (Chinese, with the decks' terms).
    #[arg(long, value_enum, default_value_t)]
    pub lang: crate::report::i18n::Lang,
    /// Fit tables and text to N columns (default: the terminal's width, else
    /// $COLUMNS; with neither, as in a pipe, lines are left whole).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// Print exact fractions whole even past 12 digits (by default a longer
    /// one is shown as its decimal; JSON always has it whole).
    #[arg(long)]
    pub exact_long: bool,
}

impl Default for OutputArgs {
    /// What the flags are when none is given.
    fn default() -> Self {
        use clap::FromArgMatches;
        let none = <Self as Args>::augment_args(clap::Command::new("defaults"))
            .get_matches_from(["defaults"]);
        OutputArgs::from_arg_matches(&none).expect("the defaults parse")
    }
}

impl OutputArgs {
    /// The computation settings these flags ask for (`--float`); the
    /// digits are the renderer's ([`OutputArgs::render_options`]).
    pub fn settings(&self) -> Settings {
        Settings { float: self.float }
    }

    /// How to render: `--digits`, and colour on a terminal unless NO_COLOR is set.
    pub fn render_options(&self) -> RenderOptions {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::io::stdout().is_terminal();
        RenderOptions {
            digits: self.digits as usize,
            color,
            width: crate::render::wrap::target_width(self.width.map(usize::from)),
            exact_long: self.exact_long,
            ..RenderOptions::default()
        }
    }
}

/// `exercise --count`: 1 to 50 problems per example; more are capped at
/// 50 (with a note), 0 is refused naming that range.
fn parse_count(s: &str) -> Result<u32, String> {
    let max = crate::exercise::MAX_COUNT;
    match s.parse::<u32>() {
        Ok(0) => Err(format!("give 1 to {max} problems per example")),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("{e}; give 1 to {max} problems per example")),
    }
}

/// The topic argument: checked against the catalog's topics, which are also
/// what `--help` lists and what shells complete.
#[derive(Clone, Debug)]
pub struct TopicParser;

impl clap::builder::TypedValueParser for TopicParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        let text = clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)?;
        // `backprop/1`, the form `nn-tutor list` prints, names a topic too.
        let topic = text.split_once('/').map_or(text.as_str(), |(t, _)| t);
        if crate::catalog::topics().contains(&topic) {
            return Ok(text);
        }
        let topics = crate::catalog::topics();
        let guess = topics
            .iter()
            .map(|t| (edit_distance(topic, t), *t))
            .min()
            .filter(|(d, _)| *d <= 2)
            .map_or(String::new(), |(_, t)| format!("did you mean `{t}`? "));
        Err(clap::Error::raw(
            clap::error::ErrorKind::InvalidValue,
            format!(
                "unknown topic `{topic}`; {guess}topics: {}\n",
                topics.join(", ")
            ),
        ))
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            crate::catalog::topics()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

/// Levenshtein distance: the fewest one-character insertions, deletions and
/// substitutions that turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The language of the command line itself (help and errors): `--lang`
/// among the arguments, else `NN_TUTOR_LANG`, else English. Read before
/// clap parses, so that its help and errors can already be in it.
pub fn cli_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut value = std::env::var("NN_TUTOR_LANG").ok();
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            value = it.next().map(|v| v.into_owned());
        } else if let Some(v) = a.strip_prefix("--lang=") {
            value = Some(v.to_string());
        }
    }
    match value.as_deref() {
        Some("zh") => Lang::Zh,
        _ => Lang::En,
    }
}

/// The clap definition the binary parses with: `--lang` defaults to
/// `NN_TUTOR_LANG`, and in Chinese every help text comes from
/// [`crate::report::messages::cli::HELP`] (a text without an entry stays
/// English, and the completeness test names it). Only the binary reads the
/// environment: the book's directives and the tests parse [`Cli`] as is.
pub fn command_in(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let mut c = lang_from_env(Cli::command());
    match lang {
        Lang::En => c,
        Lang::Zh => {
            // Built first, so that clap's own --help, --version and `help`
            // are there to be translated.
            c.build();
            in_chinese(c)
        }
    }
}

/// The Chinese of a help text: looked up whole, else paragraph by
/// paragraph (see [`crate::report::messages::cli::HELP`]).
pub fn help_zh(text: &str) -> Option<String> {
    let table = crate::report::messages::cli::HELP;
    let look = |s: &str| {
        let literal = table.iter().find(|(en, _)| *en == s);
        literal.map(|(_, zh)| zh.to_string()).or_else(|| {
            table.iter().find_map(|(en, zh)| {
                let (before, after) = en.split_once("{}")?;
                let list = s.strip_prefix(before)?.strip_suffix(after)?;
                Some(zh.replacen("{}", &list_zh(list), 1))
            })
        })
    };
    if let Some(z) = look(text) {
        return Some(z);
    }
    let mut all = true;
    let blocks: Vec<String> = text
        .split("\n\n")
        .map(|block| {
            let lines: Vec<&str> = block.lines().collect();
            let n = lines.iter().take_while(|l| !l.starts_with(' ')).count();
            if n == 0 {
                return block.to_string();
            }
            let prose = lines[..n].join(" ");
            let zh = look(&prose).unwrap_or_else(|| {
                all = false;
                prose
            });
            std::iter::once(zh.as_str())
                .chain(lines[n..].iter().copied())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    all.then(|| blocks.join("\n\n"))
}

/// A list in a Chinese sentence: `、` between the items of `a, b (c, d)`
/// (commas inside parentheses stay).
fn list_zh(list: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut rest = list;
    while let Some(c) = rest.chars().next() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && rest.starts_with(", ") {
            out.push('、');
            rest = &rest[2..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `--lang` of every subcommand takes its default from `NN_TUTOR_LANG`.
fn lang_from_env(mut c: clap::Command) -> clap::Command {
    if c.get_arguments().any(|a| a.get_id() == "lang") {
        c = c.mut_arg("lang", |a| a.env("NN_TUTOR_LANG"));
    }
    each_subcommand(c, lang_from_env)
}

/// `c` with `f` applied to each of its subcommands.
fn each_subcommand(mut c: clap::Command, f: fn(clap::Command) -> clap::Command) -> clap::Command {
    let names: Vec<String> = c
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        c = c.mut_subcommand(n, f);
    }
    c
}

/// A word of clap's own (a heading, "Print help") in Chinese.
fn word(en: &'static str) -> &'static str {
    crate::report::messages::cli::HELP
        .iter()
        .find(|(e, _)| *e == en)
        .map_or(en, |(_, zh)| zh)
}

fn in_chinese(c: clap::Command) -> clap::Command {
    let zh = |s: &clap::builder::StyledStr| {
        let s = s.to_string();
        help_zh(&s).unwrap_or(s)
    };
    let mut c = c;
    if let Some(s) = c.get_about().map(zh) {
        c = c.about(s);
    }
    if let Some(s) = c.get_long_about().map(zh) {
        c = c.long_about(s);
    }
    if let Some(s) = c.get_after_help().map(zh) {
        c = c.after_help(s);
    }
    if let Some(s) = c.get_after_long_help().map(zh) {
        c = c.after_long_help(s);
    }
    let ids: Vec<clap::Id> = c.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        c = c.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                "Arguments"
            } else {
                "Options"
            };
            let mut a = a.help_heading(word(heading));
            if let Some(s) = a.get_help().map(zh) {
                a = a.help(s);
            }
            if let Some(s) = a.get_long_help().map(zh) {
                a = a.long_help(s);
            }
            // Values with their own help are listed in Chinese here, since
            // clap would print their English help.
            let values: Vec<(String, String)> = a
                .get_possible_values()
                .iter()
                .filter_map(|v| v.get_help().map(|h| (v.get_name().to_string(), zh(h))))
                .collect();
            if !values.is_empty() {
                let list: Vec<String> = values.iter().map(|(n, h)| format!("- {n}: {h}")).collect();
                let help = a.get_help().map(|s| s.to_string()).unwrap_or_default();
                a = a.hide_possible_values(true).long_help(format!(
                    "{help}\n\n{}\n{}",
                    word("Possible values:"),
                    list.join("\n")
                ));
            }
            a
        });
    }
    each_subcommand(c, in_chinese)
        .subcommand_help_heading(word("Commands"))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            word("Usage:")
        ))
}

/// Every text of a command's help, depth first: about, long about, the
/// text after the options, and each argument's help and possible values'.
pub fn help_texts(c: &clap::Command) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: Option<&clap::builder::StyledStr>| {
        if let Some(s) = s {
            out.push(s.to_string());
        }
    };
    push(c.get_about());
    push(c.get_long_about());
    push(c.get_after_help());
    push(c.get_after_long_help());
    for a in c.get_arguments() {
        push(a.get_help());
        push(a.get_long_help());
        for v in a.get_possible_values() {
            push(v.get_help());
        }
    }
    for s in c.get_subcommands() {
        out.extend(help_texts(s));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command with its subcommands, depth first.
    fn all_commands(c: &clap::Command) -> Vec<clap::Command> {
        let mut out = vec![c.clone()];
        for s in c.get_subcommands() {
            out.extend(all_commands(s));
        }
        out
    }

    /// The examples at the end of each --help are copied into a shell: on
    /// an 80-column terminal clap must not wrap a line of them (it broke
    /// `--l2 0.0001` off its command), so every line fits unchanged.
    #[test]
    fn help_examples_are_never_wrapped_at_80_columns() {
        for mut c in all_commands(&Cli::command().term_width(80)) {
            let Some(after) = c.get_after_help().map(|s| s.to_string()) else {
                continue;
            };
            let name = c.get_name().to_string();
            let help = c.render_long_help().to_string();
            for line in after.lines() {
                assert!(
                    help.lines().any(|h| h.trim_end() == line.trim_end()),
                    "`{name} --help` wraps this line at 80 columns ({} chars):\n{line}",
                    line.chars().count()
                );
            }
        }
    }

    /// Under --lang zh (or NN_TUTOR_LANG=zh) every help text, clap's own
    /// words included, has its Chinese in `report/messages/cli.rs`.
    #[test]
    fn every_help_text_has_a_chinese_entry() {
        let mut c = Cli::command();
        c.build();
        let missing: Vec<String> = help_texts(&c)
            .into_iter()
            .filter(|s| help_zh(s).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "help texts without Chinese:\n{missing:#?}"
        );
        let zh = command_in(Lang::Zh).render_long_help().to_string();
        assert!(
            zh.starts_with("逐步重算") && zh.contains("用法: nn-tutor"),
            "{zh}"
        );
        for e in ["Print help", "Usage:", "Options:", "Commands:"] {
            assert!(!zh.contains(e), "`{e}` left in English:\n{zh}");
        }
    }

    #[test]
    fn the_cli_language_comes_from_lang_then_the_environment() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        // The environment is shared by every test thread: only read here.
        let env_zh = std::env::var("NN_TUTOR_LANG").is_ok_and(|v| v == "zh");
        let default = if env_zh { Lang::Zh } else { Lang::En };
        assert_eq!(cli_lang(&args(&["nn-tutor", "list"])), default);
        assert_eq!(
            cli_lang(&args(&["nn-tutor", "list", "--lang", "zh"])),
            Lang::Zh
        );
        assert_eq!(
            cli_lang(&args(&["nn-tutor", "list", "--lang=zh"])),
            Lang::Zh
        );
        assert_eq!(
            cli_lang(&args(&["nn-tutor", "list", "--lang", "en"])),
            Lang::En
        );
        // After `--`, `--lang` is an argument, not the flag.
        assert_eq!(
            cli_lang(&args(&["nn-tutor", "graph", "--", "--lang", "zh"])),
            default
        );
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("backprob", "backprop"), 1); // one substitution
        assert_eq!(edit_distance("nuron", "neuron"), 1); // one insertion
        assert_eq!(edit_distance("xorr", "xor"), 1); // one deletion
        assert_eq!(edit_distance("loss", "xor"), 3); // l→x, s→r, drop s
        assert_eq!(edit_distance("", "init"), 4);
    }
}
