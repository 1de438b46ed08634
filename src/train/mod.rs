//! Training: a batched f32/f64 engine, data sets, and the training loop.
//! It computes and logs; it writes no reports (`crate::report::train` turns
//! a log into one, and `crate::commands::train` is `nn-tutor train`).
//!
//! The traced engine (`network`) shows every number of a small network; this
//! one trains real-sized networks fast, on the same definitions of
//! activations, losses and initialisers (tests check both give the same
//! gradients).

pub mod data;
pub mod engine;
pub mod idx;
pub mod init;
pub mod product;
pub mod rng;
pub mod run;

use std::fmt::Debug;

/// The element types the engine trains in: f32 and f64.
pub trait Real:
    faer::traits::RealField + Copy + Send + Sync + Debug + PartialOrd + Default + 'static
{
    /// `f32` or `f64`.
    const NAME: &'static str;
    /// Round an f64 to this type.
    fn of(x: f64) -> Self;
    /// Widen to f64.
    fn f64(self) -> f64;
}

impl Real for f32 {
    const NAME: &'static str = "f32";
    fn of(x: f64) -> f32 {
        x as f32
    }
    fn f64(self) -> f64 {
        self as f64
    }
}

impl Real for f64 {
    const NAME: &'static str = "f64";
    fn of(x: f64) -> f64 {
        x
    }
    fn f64(self) -> f64 {
        self
    }
}
