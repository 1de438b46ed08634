//! Matrix products of the engine: faer for real sizes, a plain loop with a
//! fixed summation order for tiny ones (the same bits on every machine, and
//! fast in debug builds, where faer's generic indexing is not optimised).

use std::num::NonZeroUsize;

use faer::linalg::matmul::matmul;
use faer::{Accum, MatMut, MatRef, Par};

use crate::train::Real;

/// Products with fewer multiply-adds than this run in the portable loop:
/// 262,144 covers every network of the catalog (the digits' 32 × 64 × 64 is
/// 131,072), so their snapshots do not depend on which SIMD kernel faer
/// picks on a given CPU (AVX2 and AVX-512 round differently); the
/// benchmark's 100 × 784 × 512 goes to faer.
pub const SMALL: usize = 1 << 18;

/// The rayon parallelism of products: the threads of the current pool.
pub fn parallelism() -> Par {
    Par::Rayon(NonZeroUsize::new(rayon::current_num_threads()).unwrap_or(NonZeroUsize::MIN))
}

/// An operand of a product: a row-major `rows × cols` slice, or its
/// transpose (a strided view, nothing is copied).
#[derive(Clone, Copy)]
pub struct Op<'a, T> {
    data: &'a [T],
    rows: usize,
    cols: usize,
    transposed: bool,
}

impl<'a, T: Real> Op<'a, T> {
    pub fn new(data: &'a [T], rows: usize, cols: usize) -> Op<'a, T> {
        Op {
            data,
            rows,
            cols,
            transposed: false,
        }
    }

    /// The transpose.
    pub fn t(self) -> Op<'a, T> {
        Op {
            transposed: !self.transposed,
            ..self
        }
    }

    /// (rows, columns) of the operand as used in the product.
    fn shape(&self) -> (usize, usize) {
        if self.transposed {
            (self.cols, self.rows)
        } else {
            (self.rows, self.cols)
        }
    }

    /// Element (i, j) of the operand as used.
    fn at(&self, i: usize, j: usize) -> T {
        if self.transposed {
            self.data[j * self.cols + i]
        } else {
            self.data[i * self.cols + j]
        }
    }

    fn mat(&self) -> MatRef<'a, T> {
        let m = MatRef::from_row_major_slice(self.data, self.rows, self.cols);
        if self.transposed { m.transpose() } else { m }
    }
}

/// dst = alpha·lhs·rhs (Replace) or dst += alpha·lhs·rhs (Add); dst is
/// row-major.
pub fn product<T: Real>(dst: &mut [T], accum: Accum, lhs: Op<T>, rhs: Op<T>, alpha: T, par: Par) {
    let ((m, k), (_, n)) = (lhs.shape(), rhs.shape());
    if m * k * n < SMALL {
        return portable_product(dst, accum, lhs, rhs, alpha);
    }
    // A product with a side of 10 or so is too thin to share between threads.
    let par = if m.min(k).min(n) <= 16 { Par::Seq } else { par };
    let dst = MatMut::from_row_major_slice_mut(dst, m, n);
    matmul(dst, accum, lhs.mat(), rhs.mat(), alpha, par);
}

/// The same product as a plain loop. Every entry is Σ_p lhs(i, p)·rhs(p, j)
/// summed from 0 with p in increasing order, whichever loop order is used
/// below, so the result has the same bits on every machine.
fn portable_product<T: Real>(dst: &mut [T], accum: Accum, lhs: Op<T>, rhs: Op<T>, alpha: T) {
    let ((m, k), (_, n)) = (lhs.shape(), rhs.shape());
    let mut row = vec![T::zero(); n];
    for i in 0..m {
        if rhs.transposed && !lhs.transposed {
            // Both factors are contiguous rows: a dot product per entry.
            let li = &lhs.data[i * k..(i + 1) * k];
            for (j, r) in row.iter_mut().enumerate() {
                let rj = &rhs.data[j * k..(j + 1) * k];
                let mut s = T::zero();
                for (a, b) in li.iter().zip(rj) {
                    s += *a * *b;
                }
                *r = s;
            }
        } else if !rhs.transposed {
            // Row i of the result accumulates lhs(i, p) times row p of rhs.
            row.fill(T::zero());
            for p in 0..k {
                let a = lhs.at(i, p);
                for (r, b) in row.iter_mut().zip(&rhs.data[p * n..(p + 1) * n]) {
                    *r += a * *b;
                }
            }
        } else {
            for (j, r) in row.iter_mut().enumerate() {
                let mut s = T::zero();
                for p in 0..k {
                    s += lhs.at(i, p) * rhs.at(p, j);
                }
                *r = s;
            }
        }
        for (d, r) in dst[i * n..(i + 1) * n].iter_mut().zip(&row) {
            let v = alpha * *r;
            *d = match accum {
                Accum::Replace => v,
                Accum::Add => *d + v,
            };
        }
    }
}
