//! One error type for the whole library.
//!
//! Every variant names the user's input and, where it helps, what would have
//! been accepted. The binary prints `error: {message}` and exits with
//! [`Error::exit_code`]: 2 for usage errors (bad flags, unknown names, syntax),
//! 1 for errors in the computation itself (division by zero, overflow, …).

use thiserror::Error;

/// Result alias used across nn-tutor.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong, with enough context to fix it.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum Error {
    /// The expression could not be parsed; `caret` is a two-line excerpt with
    /// a `^` under the offending column.
    #[error("syntax error: {message}\n{caret}")]
    Syntax { message: String, caret: String },

    /// A function name the expression language does not know.
    /// `hint` is empty or a suggestion such as " (did you mean `sigmoid`?)".
    #[error("unknown function `{name}`{hint}; known functions: {known}")]
    UnknownFunction {
        name: String,
        known: String,
        hint: String,
    },

    /// A number literal that cannot be read.
    #[error("cannot read `{text}` as a number: {reason}")]
    BadNumber { text: String, reason: String },

    /// A variable of the expression has no value.
    #[error("variable `{name}` has no value; give it one with --at {name}=…")]
    MissingValue { name: String },

    /// A value was given for a name the expression or example does not have.
    #[error("`{name}` is not {what}; {accepted}")]
    UnknownName {
        name: String,
        what: String,
        accepted: String,
    },

    /// A command-line assignment such as `x=3` is malformed.
    #[error("cannot read `{text}`: expected NAME=VALUE, e.g. x=3 or w=1/2")]
    BadAssignment { text: String },

    /// Division by zero while computing a named node.
    #[error("division by zero at node `{node}`")]
    DivisionByZero { node: String },

    /// A function was applied outside its domain, e.g. `ln` of 0.
    #[error("{func} is undefined at {value} (node `{node}`): {hint}")]
    Domain {
        func: String,
        value: String,
        node: String,
        hint: String,
    },

    /// A floating-point result is NaN or infinite.
    #[error("the value of node `{node}` is not a finite number ({value}); try smaller inputs")]
    NotFinite { node: String, value: String },

    /// An exact rational grew past the bit cap.
    #[error(
        "exact value at node `{node}` needs more than {cap} bits; \
         rerun with --float to compute in floating point"
    )]
    TooLarge { node: String, cap: u64 },

    /// A resource limit (expression size, depth, input length) was exceeded.
    #[error("{what} exceeds the limit of {limit}{hint}")]
    Limit {
        what: String,
        limit: String,
        hint: String,
    },

    /// Unknown topic or example number.
    #[error("{message}")]
    UnknownExample { message: String },

    /// A command-line usage problem detected after clap's own checks.
    #[error("{0}")]
    Usage(String),

    /// A well-formed input that is not acceptable here: a weight matrix of
    /// the wrong shape, softmax before the last layer, a target that is not
    /// a distribution, …
    #[error("{what}: {problem}; {accepted}")]
    Invalid {
        what: String,
        problem: String,
        accepted: String,
    },

    /// A TOML file that does not parse or does not fit the expected shape
    /// (a syntax error, an unknown key, a missing one), with line and column.
    /// `message` is the `toml` crate's own (English) text; `excerpt` is the
    /// offending line with a `^` under the column, which the Chinese message
    /// shows (see [`Error::toml`]).
    #[error("{path}:{line}:{column}: cannot read the TOML: {message}")]
    Toml {
        path: String,
        line: usize,
        column: usize,
        message: String,
        excerpt: String,
    },

    /// Reading or writing a file failed.
    #[error("{path}: {message}")]
    Io { path: String, message: String },

    /// A file the user named cannot be used as named: an input that is
    /// missing or unreadable, an output that exists (without `--force`), is
    /// a folder or lies in a folder that does not exist, a book directory
    /// without its book.toml.
    #[error("{path}: {message}")]
    File { path: String, message: String },

    /// Building the book failed (a directive, a formula, mdBook itself).
    #[error("book: {message}")]
    Book { message: String },

    /// A flag's value is out of range, e.g. `--batch 0`.
    #[error("{flag} {value}: {accepted}")]
    BadFlag {
        flag: String,
        value: String,
        accepted: String,
    },

    /// A data file or data set cannot be used as it is.
    #[error("{source_name}: {problem}; expected {expected}")]
    BadData {
        source_name: String,
        problem: String,
        expected: String,
    },

    /// Training produced NaN or infinity.
    #[error(
        "training diverged in epoch {epoch} (iteration {iteration}): the loss became {value} \
         with learning rate {lr}; try a smaller learning rate, e.g. --lr {suggest}"
    )]
    Diverged {
        epoch: usize,
        iteration: usize,
        value: String,
        lr: f64,
        suggest: f64,
    },
}

impl Error {
    /// Process exit status: 2 for usage errors, 1 for computation errors.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Syntax { .. }
            | Error::UnknownFunction { .. }
            | Error::BadNumber { .. }
            | Error::MissingValue { .. }
            | Error::UnknownName { .. }
            | Error::BadAssignment { .. }
            | Error::Limit { .. }
            | Error::UnknownExample { .. }
            | Error::Usage(_)
            | Error::Invalid { .. }
            | Error::Toml { .. }
            | Error::File { .. }
            | Error::BadFlag { .. } => 2,
            Error::DivisionByZero { .. }
            | Error::Domain { .. }
            | Error::NotFinite { .. }
            | Error::TooLarge { .. }
            | Error::Io { .. }
            | Error::Book { .. }
            | Error::BadData { .. }
            | Error::Diverged { .. } => 1,
        }
    }

    /// A TOML error of file `path` (text `text`) at byte `at`: its line and
    /// column (0 and 0 when the parser gives no position) and the line
    /// itself with a caret under the column.
    pub fn toml(path: &str, text: &str, at: Option<usize>, message: String) -> Error {
        let Some(at) = at else {
            return Error::Toml {
                path: path.to_string(),
                line: 0,
                column: 0,
                message,
                excerpt: String::new(),
            };
        };
        let before = &text[..at.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        // A byte-order mark opening the file is not a column an editor shows.
        fn unmarked(s: &str, first_line: bool) -> &str {
            match first_line {
                true => s.strip_prefix('\u{feff}').unwrap_or(s),
                false => s,
            }
        }
        let column = unmarked(&before[start..], start == 0).chars().count() + 1;
        let shown = unmarked(text[start..].lines().next().unwrap_or_default(), start == 0);
        // A line too long to show whole (a 4 MB spec on one line) is cut
        // around the column, as the expression language cuts its excerpts.
        let (shown, caret) = if shown.chars().count() > 120 {
            let from = column.saturating_sub(60);
            let cut: String = shown.chars().skip(from).take(120).collect();
            (format!("…{cut}…"), column - from)
        } else {
            (shown.to_string(), column - 1)
        };
        Error::Toml {
            path: path.to_string(),
            line,
            column,
            message,
            excerpt: format!("  {shown}\n  {}^", " ".repeat(caret)),
        }
    }

    /// Attach the node name to an arithmetic error raised without one.
    pub fn at_node(self, node: &str) -> Error {
        match self {
            Error::DivisionByZero { node: n } if n.is_empty() => Error::DivisionByZero {
                node: node.to_string(),
            },
            Error::Domain {
                func,
                value,
                node: n,
                hint,
            } if n.is_empty() => Error::Domain {
                func,
                value,
                node: node.to_string(),
                hint,
            },
            Error::NotFinite { node: n, value } if n.is_empty() => Error::NotFinite {
                node: node.to_string(),
                value,
            },
            Error::TooLarge { node: n, cap } if n.is_empty() => Error::TooLarge {
                node: node.to_string(),
                cap,
            },
            other => other,
        }
    }
}
