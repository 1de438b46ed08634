//! nn-tutor: recompute the worked examples of an introductory neural-network
//! course step by step, exactly where the math allows.
//!
//! Data flows one way: the math ([`scalar`], [`expr`], [`graph`], [`op`],
//! [`activation`], [`loss`], [`network`], [`train`]) computes and records
//! every step; the report builders ([`report`]) and the worked examples
//! ([`catalog`], one [`catalog::Example`] record each) turn a trace into a
//! [`report::Report`] with typed named results; [`rounding`] replays an
//! example rounding every step; [`render`] turns a report into text. The
//! front ends ([`cli`], [`book`], [`exercise`], [`check`]) wire them
//! together. The command line has three layers without a cycle: [`args`]
//! holds the clap definitions; [`commands`] has one
//! `run(args) -> Result<Outcome>` per subcommand; [`cli`] dispatches one line
//! per subcommand, renders and prints. The book parses its directives with
//! [`args`] and runs them with [`commands`] (`book::command` is the `book`
//! subcommand itself). No two top-level modules import each other, directly
//! or round a loop (a unit test reads `src/` and names any cycle).
//! `ARCHITECTURE.md` at the repository root draws the layers and says how
//! to add an example, an activation, a format or a language.

pub mod activation;
pub mod args;
pub mod assign;
pub mod book;
pub mod catalog;
pub mod check;
pub mod class;
pub mod cli;
pub mod commands;
pub mod error;
pub mod exercise;
pub mod expr;
pub mod files;
pub mod graph;
pub mod loss;
pub mod netspec;
pub mod network;
pub mod op;
pub mod render;
pub mod report;
pub mod rounding;
pub mod scalar;
pub mod train;

#[cfg(test)]
mod import_cycles;

pub use error::{Error, Result};
pub use scalar::Scalar;
