//! The message table: every English string a report shows, with its
//! Chinese (the decks' terms: 前向传播, 反向传播, 激活函数, 损失函数, 学习率,
//! 梯度下降, 链式法则, 计算图 …), grouped by where it comes from.
//!
//! Adding a sentence is one line: `("English with {} for each number, name
//! or formula", "中文，{} 按同样的顺序")` in the group of its builder. A
//! placeholder matches the shortest non-empty text up to the next literal
//! piece; use `{0}`, `{1}`, … in the Chinese to reorder the parts. See
//! [`crate::report::i18n`] for how strings are matched.

mod check;
mod class;
pub mod cli;
mod common;
mod deck;
mod errors;
mod examples;
mod learning;
mod rounding;
mod sources;
mod train;

/// Every group of (English, Chinese) templates.
pub const MESSAGES: &[&[(&str, &str)]] = &[
    common::LABELS,
    common::SHARED,
    examples::EXAMPLES,
    learning::LEARNING,
    train::TRAIN,
    sources::SOURCES,
    check::CHECK,
    class::CLASS,
    rounding::ROUNDING,
    deck::DECK,
];

/// The command line's error tables: a template per error variant and the
/// messages the commands build ([`cli::ERRORS`]), and the details inside
/// them from the expression language, numbers, TOML and JSON files, answers
/// and policies, net specs, classes, exercises and training
/// (`errors::DETAILS`).
pub const ERROR_TABLES: &[&[(&str, &str)]] = &[cli::ERRORS, errors::DETAILS];
