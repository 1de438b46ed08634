//! nn-tutor: recompute the worked examples of an introductory neural-network
//! course step by step, exactly where the math allows.
//!
//! Data flows one way: the math ([`scalar`], [`expr`], [`graph`]) computes
//! and records every step; [`report`] turns a trace into a [`report::Report`];
//! [`render`] turns a report into text. The CLI only wires them together.

pub mod activation;
pub mod book;
pub mod catalog;
pub mod check;
pub mod cli;
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

pub use error::{Error, Result};
pub use scalar::Scalar;
