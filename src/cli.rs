//! The `nn-tutor` command line: parse arguments, build a report, render it.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::catalog;
use crate::error::{Error, Result};
use crate::render::{self, Format, RenderOptions, diagram};
use crate::report::{Block, Report, Settings, graph as graph_report};
use crate::scalar::Scalar;

const ABOUT: &str = "Recompute the worked examples of an introductory neural-network course \
step by step: every intermediate value, local and upstream gradient, exactly where the math allows.";

const EXAMPLES_HELP: &str = "\
Examples:
  nn-tutor list                                   every worked example
  nn-tutor explain backprop --example 1           (x + y)z at (-2, 5, -4), step by step
  nn-tutor explain backprop --example 1 --set x=3 the same circuit with x = 3
  nn-tutor explain autodiff --example 1           the NNDL chain that gives exactly 1/4
  nn-tutor explain neuron --example 2             one neuron's backprop: dz = a - y = -1/2 (MS)
  nn-tutor explain backprop --example 5           δ(l) layer by layer, softmax + cross-entropy
  nn-tutor graph \"q = x + y; f = q * z\" --at x=-2,y=5,z=-4
  nn-tutor graph \"sigmoid(w*x + b)\" --at w=1/2,x=2,b=-1 --format json
  nn-tutor net spec.toml                          a network you write (nn-tutor net --help)
  nn-tutor train --data digits --layers 64,64,10 --val 0.1   train on real handwriting
  nn-tutor exercise backprop --example 1 --seed 7 --key   a new problem and its answer key
  nn-tutor check backprop --example 1 answers.toml        which of your steps went wrong";

const TRAIN_HELP: &str = "\
Trains a dense network with mini-batch SGD (JQ: batch, epoch, iteration;
NNDL algorithm 4.1; CAL training flow) and prints what happened: the network,
the iteration arithmetic (⌈N/B⌉ iterations per epoch and the size of the last,
partial batch), one row per epoch (loss, accuracy, validation loss, gradient
norm of every layer) and a confusion matrix. The same --seed gives the same
numbers. Nothing is downloaded: digits and iris are bundled, MNIST is read
from IDX files you already have.

Data (--data): xor, circles, moons, spirals, blobs (seeded; --samples N),
digits (UCI 8×8 handwritten digits, 1,797 images), iris, synthetic-mnist
(784 random pixels, random labels: for timing), mnist:DIR (a folder with
train-images-idx3-ubyte, train-labels-idx1-ubyte and optionally the t10k pair).

Examples:
  nn-tutor train --data xor --layers 2,4,1 --activation tanh --loss mse --optimizer gd --lr 0.5 --epochs 300
  nn-tutor train --data moons --layers 2,16,2 --epochs 50 --val 0.2 --plot moons.svg
  nn-tutor train --data digits --layers 64,64,10 --epochs 20 --val 0.1 --test 0.2
  nn-tutor train --data digits --layers 64,64,10 --epochs 200 --val 0.2 --early-stopping 5 --l2 0.0001
  nn-tutor train --data mnist:./mnist --layers 784,512,512,10 --batch 100 --val 0.0833 --dtype f32
  nn-tutor train --data synthetic-mnist --samples 55000 --layers 784,512,512,10 --activation relu \\
      --loss cross_entropy --batch 100 --epochs 1 --lr 0.1 --dtype f32 --time";

const NET_HELP: &str = "\
Every layer is printed as the slides derive it: z(l) = W(l) a(l-1) + b(l),
a(l) = f(z(l)), then δ(l) = ∂L/∂z(l) from the output down, ∂L/∂W(l) = δ(l) a(l-1)ᵀ,
∂L/∂b(l) = δ(l), each gradient beside a finite-difference check, and, with a
learning rate, the updated W and b. Numbers are exact (0.25 is 1/4) until a
sigmoid, tanh, softmax or ln makes them rounded.

A spec (TOML):
  convention = \"column\"      # z = W a + b, W out×in; or \"row\": h = f(h W + b), W in×out (JQ)
  input = [1, 2]
  target = [1]                # optional, with loss: without both, forward pass only
  loss = \"half_sse\"          # mse | half_sse | bce | cross_entropy
  learning_rate = \"1/2\"      # optional η
  l2 = 0                      # optional λ: adds λ/2 ‖W‖²_F (weights only)
  [[layer]]
  weights = [[\"1/2\", \"-1/4\"], [-1, 0.25]]
  bias = [\"1/4\", \"-1/4\"]
  activation = \"sigmoid\"     # identity sigmoid tanh relu leaky_relu(0.1) prelu(γ1, γ2, …)
                              # elu(1) softplus maxout(k) softmax (last layer only)
  [[layer]]
  weights = [[1, \"-1/2\"]]
  bias = [\"1/8\"]
  activation = \"sigmoid\"

Examples:
  nn-tutor net spec.toml
  nn-tutor net spec.toml --format json     spec, loss and per-layer z, a, delta, grad_W, grad_b
  nn-tutor net big.toml --float            compute in f64 (needed past 2,000 parameters)";

const EXERCISE_HELP: &str = "\
Each problem is a worked example with inputs drawn from its ranges (small
integers and simple fractions, so the arithmetic can be done by hand);
draws on a kink or with every gradient zero are redrawn. The key is the
example's own report: the same as `nn-tutor explain … --set` with the
problem's inputs. The sheet prints its seed and the command that regenerates it.

Examples:
  nn-tutor exercise backprop --example 1 --seed 7 --count 3
  nn-tutor exercise backprop --example 1 --seed 7 --key-out key.md > sheet.md
  nn-tutor exercise forward --seed 7 --key --format latex > forward.tex
  nn-tutor exercise --all --seed 2024 --format json --key > term.json
  nn-tutor exercise chain-rule --example 1 --lang zh";

const CHECK_HELP: &str = "\
The answers file (TOML) names any result or intermediate of the example
(`nn-tutor explain TOPIC --example N --format json` lists them under
\"results\"), exact or decimal:

  \"df/dq\" = -4
  \"df/dx\" = \"-1/4\"      # a fraction goes in quotes
  \"df/dz\" = 0.39          # a decimal: right if it is the value rounded to its places
  tolerance = 0.01         # optional: also right within ±0.01

Exit status: 0 when every answer is right, 1 when one is wrong, 2 for a bad
file or flag.

Examples:
  nn-tutor check backprop --example 1 --set x=-1,y=-5,z=4 answers.toml
  nn-tutor check chain-rule --example 2 answers.toml --tolerance 0.001";

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
    List {
        /// Only this topic, e.g. neuron, activation, backprop, network.
        topic: Option<String>,
        /// Every column (inputs, sources) however wide the terminal.
        #[arg(long)]
        wide: bool,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Recompute one worked example step by step.
    #[command(after_help = "\
Examples:
  nn-tutor explain backprop --example 1
  nn-tutor explain backprop --example 1 --set x=3,z=1/2
  nn-tutor explain chain-rule --example 1 --format markdown
  nn-tutor explain autodiff             (lists the topic's examples)
  nn-tutor explain activation --example 1 --plot activations.svg
  nn-tutor explain backprop --example 2 --round-each 2   (why a hand computation drifts)")]
    Explain {
        /// The topic: neuron, activation, forward, softmax, loss, backprop, autodiff,
        /// chain-rule, network, init, xor (see `nn-tutor list`).
        topic: String,
        /// Which example of the topic; without it, the topic's examples are listed.
        #[arg(long, short = 'e', value_name = "N")]
        example: Option<u32>,
        /// Change an input: NAME=VALUE, e.g. x=3, w=1/2 or b=0.15 (exact).
        /// Repeat the flag or separate with commas.
        #[arg(long = "set", value_name = "NAME=VALUE", value_delimiter = ',')]
        set: Vec<String>,
        /// Also write the example's plot (activation curves, softmax bars) as SVG.
        #[arg(long, value_name = "FILE.svg")]
        plot: Option<std::path::PathBuf>,
        /// Overwrite the --plot file if it exists.
        #[arg(long, requires = "plot")]
        force: bool,
        /// Replay the example rounding every intermediate to D decimals, as by
        /// hand, and show each exact value beside the replay and the drift
        /// (every example computed by hand; integer counts say rounding changes
        /// nothing; training runs have no hand computation to replay).
        #[arg(long, value_name = "D", value_parser = clap::value_parser!(u32).range(0..=12))]
        round_each: Option<u32>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Differentiate your own expression by reverse-mode autodiff.
    #[command(after_help = "\
The language: + - * / ^, unary minus, parentheses, numbers (3, 0.15, 1/4),
names, and the functions exp ln log sqrt sigmoid tanh relu abs max min
(log is the natural log). Name steps with `;` or newlines:
`q = x + y; f = q * z`. The last step is the output (named f if unnamed).
-x^2 means -(x^2); 2^3^2 means 2^(3^2).

Examples:
  nn-tutor graph \"(x + y) * z\" --at x=-2,y=5,z=-4
  nn-tutor graph \"u = x*y; v = x/y; z = u^2 + v^2\" --at x=1,y=2 --chains
  nn-tutor graph \"q = x + y; f = q * z\" --at x=-2,y=5,z=-4 --diagram dot | dot -Tsvg > g.svg")]
    Graph {
        /// The expression or program, e.g. \"q = x + y; f = q * z\"; `-` reads it from stdin.
        expr: String,
        /// Values of the variables: NAME=VALUE, comma-separated or repeated.
        #[arg(long, value_name = "NAME=VALUE", value_delimiter = ',')]
        at: Vec<String>,
        /// Also show, for every variable, the chain of local gradients along each path.
        #[arg(long)]
        chains: bool,
        /// Print only the diagram of the graph: text, dot (Graphviz) or svg.
        #[arg(long, value_name = "KIND")]
        diagram: Option<DiagramKind>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Trace a network you write in a TOML file: z, a, δ and every gradient, layer by layer.
    #[command(after_help = NET_HELP)]
    Net {
        /// The spec file (TOML), e.g. spec.toml; see the example below.
        spec: std::path::PathBuf,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Exercise sheets (习题) with answer keys: an example's inputs drawn from its ranges.
    #[command(after_help = EXERCISE_HELP)]
    Exercise {
        /// The topic (see `nn-tutor list`); without --example, every example of
        /// the topic that has exercise ranges.
        #[arg(required_unless_present = "all")]
        topic: Option<String>,
        /// Which example of the topic.
        #[arg(long, short = 'e', value_name = "N")]
        example: Option<u32>,
        /// One sheet across every example that has exercise ranges.
        #[arg(long, conflicts_with_all = ["topic", "example"])]
        all: bool,
        /// Seed of the draw: the same seed gives the same sheet on every machine.
        // allow_hyphen_values: `--seed -1` is an invalid seed, not a flag.
        #[arg(
            long,
            default_value_t = 1,
            value_name = "S",
            allow_hyphen_values = true
        )]
        seed: u64,
        /// Problems per example (at most 50; more are capped with a note).
        #[arg(long, default_value_t = 1, value_name = "K",
              value_parser = clap::value_parser!(u32).range(1..))]
        count: u32,
        /// Append the answer key (every result and the full step tables).
        #[arg(long)]
        key: bool,
        /// Write the answer key to this file instead (the sheet goes to stdout or --out).
        #[arg(long, value_name = "FILE", conflicts_with = "key")]
        key_out: Option<std::path::PathBuf>,
        /// Write the sheet to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
        /// Overwrite --out and --key-out files that exist.
        #[arg(long)]
        force: bool,
        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t)]
        format: crate::exercise::sheet::SheetFormat,
        /// Language of the sheet and its key: en, or zh (Chinese, with the decks' terms).
        #[arg(long, value_enum, default_value_t)]
        lang: crate::exercise::Lang,
        /// Significant digits of rounded values (1-17).
        #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u8).range(1..=17))]
        digits: u8,
    },
    /// Check your answers to an example: each right or wrong, the first wrong
    /// step in computation order, and the likely slip.
    #[command(after_help = CHECK_HELP)]
    Check {
        /// The topic, e.g. backprop (see `nn-tutor list`).
        topic: String,
        /// Which example of the topic.
        #[arg(long, short = 'e', value_name = "N")]
        example: u32,
        /// The inputs of your problem, as on the sheet: NAME=VALUE, comma-separated.
        #[arg(long = "set", value_name = "NAME=VALUE", value_delimiter = ',')]
        set: Vec<String>,
        /// Your answers (TOML): one `"name" = value` line per quantity.
        answers: std::path::PathBuf,
        /// Accept answers within ± this (overrides `tolerance` in the file), e.g. 0.01.
        #[arg(long, value_name = "T")]
        tolerance: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Build the companion book (HTML, offline) from `book/`.
    #[command(after_help = "\
Examples:
  nn-tutor book build                      writes book/build/index.html
  nn-tutor book build --out /tmp/nn-book   somewhere else")]
    Book {
        #[command(subcommand)]
        action: BookAction,
    },
    /// Train a network on a data set and watch the loss, epoch by epoch.
    #[command(after_help = TRAIN_HELP)]
    Train(TrainArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "Example:\n  nn-tutor completions bash > ~/.local/share/bash-completion/completions/nn-tutor"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// What `nn-tutor book` does.
#[derive(Debug, Subcommand)]
pub enum BookAction {
    /// Build the HTML book: every worked example, figure and formula is
    /// generated now. The output replaces DIR only if the build succeeds.
    #[command(after_help = "\
Examples:
  nn-tutor book build                      writes book/build/index.html
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
    },
    /// mdBook's preprocessor protocol, for a plain `mdbook build`/`serve`.
    #[command(hide = true)]
    Preprocess {
        /// `supports RENDERER`, or nothing (book as JSON on stdin).
        args: Vec<String>,
    },
}

/// Flags of `nn-tutor train`.
#[derive(Debug, Args, Clone)]
pub struct TrainArgs {
    /// The data set: xor, circles, moons, spirals, blobs, digits, iris,
    /// synthetic-mnist, or mnist:DIR.
    #[arg(long, value_name = "NAME")]
    pub data: String,
    /// Samples to generate (circles, moons, spirals, blobs, synthetic-mnist).
    /// At least 1; without it each generator has its own default.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub samples: Option<u32>,
    /// Layer sizes n0,n1,…,nL: inputs, hidden layers, outputs (default: inputs,32,classes).
    #[arg(long, value_name = "SIZES", value_delimiter = ',')]
    pub layers: Option<Vec<usize>>,
    /// Activation of the hidden layers: relu, leaky_relu(0.1), elu(1), sigmoid, tanh, softplus, identity.
    #[arg(long, default_value = "relu")]
    pub activation: String,
    /// Activation of the output layer (default: softmax for cross_entropy,
    /// sigmoid for bce, identity for mse and half_sse).
    #[arg(long)]
    pub output: Option<String>,
    /// Loss: cross_entropy, bce, mse (1/n Σ), half_sse (1/2 Σ).
    #[arg(long, default_value = "cross_entropy")]
    pub loss: String,
    /// Initial weights: zeros, small (U(-0.01, 0.01)), uniform (U(-1/√m,
    /// 1/√m)), xavier_uniform, xavier_normal, he_uniform, he_normal (default:
    /// he_uniform for the ReLU family, xavier_uniform for sigmoid/tanh/softplus).
    #[arg(long)]
    pub init: Option<String>,
    /// gd (full batch), sgd (one sample per update) or minibatch (--batch samples).
    #[arg(long, value_enum, default_value_t = crate::train::command::Optimizer::Minibatch)]
    pub optimizer: crate::train::command::Optimizer,
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
    #[arg(long, value_enum, default_value_t = crate::train::command::Dtype::F64)]
    pub dtype: crate::train::command::Dtype,
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
    #[command(flatten)]
    pub out: OutputArgs,
}

impl TrainArgs {
    fn flags(&self) -> crate::train::command::TrainFlags {
        crate::train::command::TrainFlags {
            data: self.data.clone(),
            // 0 tells the loader to use the generator's default.
            samples: self.samples.map_or(0, |n| n as usize),
            layers: self.layers.clone(),
            activation: self.activation.clone(),
            output: self.output.clone(),
            loss: self.loss.clone(),
            init: self.init.clone(),
            optimizer: self.optimizer,
            batch: self.batch,
            lr: self.lr,
            epochs: self.epochs,
            l2: self.l2,
            val: self.val,
            test: self.test,
            early_stopping: self.early_stopping,
            seed: self.seed,
            no_shuffle: self.no_shuffle,
            dtype: self.dtype,
            plot: self.plot.clone(),
            force: self.force,
            time: self.time,
            long: self.long,
        }
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
}

impl OutputArgs {
    /// The computation settings these flags ask for (`--float`, `--digits`).
    pub fn settings(&self) -> Settings {
        Settings {
            float: self.float,
            digits: self.digits as usize,
        }
    }

    fn render_options(&self) -> RenderOptions {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::io::stdout().is_terminal();
        RenderOptions {
            digits: self.digits as usize,
            color,
            width: render::wrap::target_width(self.width.map(usize::from)),
            ..RenderOptions::default()
        }
    }
}

/// Split `x=3` into (`x`, `3`). A name given twice (`x=1,x=2`) is an error
/// rather than silently the last value.
pub fn parse_assignments(items: &[String]) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::with_capacity(items.len());
    for s in items.iter().filter(|s| !s.trim().is_empty()) {
        let (k, v) = s
            .split_once('=')
            .ok_or_else(|| Error::BadAssignment { text: s.clone() })?;
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty() || v.is_empty() {
            return Err(Error::BadAssignment { text: s.clone() });
        }
        if let Some((_, first)) = out.iter().find(|(name, _)| name == k) {
            return Err(Error::Usage(format!(
                "`{k}` is given twice ({k}={first} and {k}={v}); give each name once"
            )));
        }
        out.push((k.to_string(), v.to_string()));
    }
    Ok(out)
}

/// What a command produced: a report to render, or finished text (a
/// diagram, a completion script).
#[derive(Debug)]
pub enum Outcome {
    Report(Box<Report>, OutputArgs),
    /// A `check` report, and whether every answer was right.
    Graded(Box<Report>, OutputArgs, bool),
    Text(String),
}

/// Run a parsed command line and return the text to print.
pub fn run(cli: Cli) -> Result<String> {
    run_with_status(cli).map(|(text, _)| text)
}

/// Run a command line; the status is 1 when `check` found a wrong answer.
pub fn run_with_status(cli: Cli) -> Result<(String, i32)> {
    Ok(match outcome(cli)? {
        Outcome::Report(r, out) => (show(&r, &out), 0),
        Outcome::Graded(r, out, all_right) => (show(&r, &out), if all_right { 0 } else { 1 }),
        Outcome::Text(t) => (t, 0),
    })
}

/// Run a parsed command line up to its report (the book renders that
/// report itself, with SVG figures).
pub fn outcome(cli: Cli) -> Result<Outcome> {
    let report = |r: Report, out: OutputArgs| Ok(Outcome::Report(Box::new(r), out));
    match cli.command {
        Command::List { topic, wide, out } => {
            let mut r = catalog::listing(topic.as_deref())?;
            if wide {
                r.all_columns();
            }
            report(r, out)
        }
        Command::Explain {
            topic,
            example,
            set,
            plot,
            force,
            round_each,
            out,
        } => {
            let Some(n) = example else {
                if !set.is_empty() {
                    return Err(Error::Usage("--set needs --example N".to_string()));
                }
                return report(catalog::listing(Some(&topic))?, out);
            };
            let ex = catalog::find(&topic, n)?;
            let sets = parse_assignments(&set)?;
            let mut r = ex.run(&sets, &out.settings())?;
            if let Some(d) = round_each {
                let (values, digits) = (ex.values(&sets)?, out.digits as usize);
                let id = ex.id();
                let plan = ex.audit_plan(&values)?;
                crate::rounding::audit_plan(&mut r, &id, &plan, d, digits)?;
            }
            if let Some(path) = plot {
                write_plot(&r, &path, force)?;
                r.text(format!("Plot written to {}.", path.display()));
            }
            report(r, out)
        }
        Command::Graph {
            expr,
            at,
            chains,
            diagram: kind,
            out,
        } => {
            let expr = if expr == "-" { read_stdin()? } else { expr };
            let mut values = HashMap::new();
            for (k, v) in parse_assignments(&at)? {
                values.insert(k, Scalar::parse(&v)?);
            }
            let s = out.settings();
            let (mut rep, trace) = graph_report::build(&expr, &values, &s)?;
            if let Some(kind) = kind {
                let fig = graph_report::figure(&trace);
                return Ok(Outcome::Text(match kind {
                    DiagramKind::Text => diagram::text_tree_in(&fig, s.digits, out.lang),
                    DiagramKind::Dot => diagram::dot(&fig, s.digits),
                    DiagramKind::Svg => diagram::svg(&fig, s.digits) + "\n",
                }));
            }
            rep.id = "graph".to_string();
            rep.title = format!("Computation graph of {}", expr.replace('\n', "; "));
            rep.title_zh = "计算图".to_string();
            if chains {
                for v in trace.graph.variable_names() {
                    rep.blocks
                        .extend(graph_report::chain_blocks(&trace, &v, &s));
                }
            } else {
                rep.try_next
                    .push("--chains to see the chain rule along every path".into());
            }
            rep.try_next.push("--diagram dot|svg|text".into());
            rep.try_next.push("--format markdown|latex|json".into());
            report(rep, out)
        }
        Command::Net { spec, out } => {
            let path = spec.display().to_string();
            let text = crate::files::read_text(&spec)?;
            let parsed = crate::netspec::Spec::parse(&text, &path)?;
            report(
                crate::report::net::net_report(&parsed, &path, &out.settings())?,
                out,
            )
        }
        Command::Exercise {
            topic,
            example,
            all,
            seed,
            count,
            key,
            key_out,
            out,
            force,
            format,
            lang,
            digits,
        } => {
            let ask = crate::exercise::Ask {
                topic,
                example,
                all,
                seed,
                count,
                lang,
            };
            let files = crate::exercise::Files {
                key,
                key_out,
                out,
                force,
            };
            crate::exercise::run(&ask, &files, format, digits as usize).map(Outcome::Text)
        }
        Command::Check {
            topic,
            example,
            set,
            answers,
            tolerance,
            out,
        } => {
            let sets = parse_assignments(&set)?;
            let (r, all_right) =
                crate::check::run_file(&topic, example, &sets, &answers, tolerance.as_deref())?;
            Ok(Outcome::Graded(Box::new(r), out, all_right))
        }
        Command::Book { action } => match action {
            BookAction::Build { book, out, force } => {
                let built = crate::book::build(&crate::book::BuildOptions {
                    book_dir: book,
                    out,
                    force,
                })?;
                Ok(Outcome::Text(format!(
                    "built {} pages in {} ms: {}\n",
                    built.pages,
                    built.elapsed.as_millis(),
                    built.out.join("index.html").display()
                )))
            }
            BookAction::Preprocess { args } => {
                Ok(Outcome::Text(crate::book::preprocess_protocol(&args)?))
            }
        },
        Command::Train(args) => {
            let (mut r, time) = crate::train::command::run(&args.flags())?;
            if let Some(path) = &args.plot {
                write_plot(&r, path, args.force)?;
                r.text(format!("Plot written to {}.", path.display()));
            }
            if let Some(t) = time {
                eprintln!("{t}");
            }
            report(r, args.out)
        }
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "nn-tutor", &mut buf);
            Ok(Outcome::Text(String::from_utf8_lossy(&buf).into_owned()))
        }
    }
}

/// Read a program from standard input, at most `expr::MAX_LEN` bytes.
fn read_stdin() -> Result<String> {
    let limit = crate::expr::MAX_LEN as u64;
    crate::files::read_limited(std::io::stdin(), "the expression on standard input", limit)
}

/// Write the report's plot as SVG: never over an existing file without
/// `--force`, and through a temporary file in the same directory renamed
/// into place, so a failed write leaves no half-written file.
fn write_plot(r: &Report, path: &std::path::Path, force: bool) -> Result<()> {
    let Some(fig) = r.plot() else {
        let with = catalog::with_plot();
        return Err(Error::Usage(format!(
            "{} has no plot; examples with a plot: {}",
            r.id,
            with.join(", ")
        )));
    };
    crate::files::write_atomic(path, (render::plot::svg(fig) + "\n").as_bytes(), force)
}

fn show(report: &Report, out: &OutputArgs) -> String {
    let report = crate::report::i18n::localize(report, out.lang);
    render::render(&report, out.format, &out.render_options())
}

/// The whole program: parse, run, print; returns the exit status.
/// Usage errors exit with 2, computation errors with 1; a closed stdout
/// (`nn-tutor … | head -1`) is not an error.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    match run_with_status(cli) {
        Ok((text, status)) => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Ok(()) => status,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => status,
                Err(e) => {
                    eprintln!("error: cannot write the output: {e}");
                    1
                }
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    }
}

/// The blocks of a report that are tables (used by tests).
pub fn tables(report: &Report) -> impl Iterator<Item = &crate::report::Table> {
    report.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}
