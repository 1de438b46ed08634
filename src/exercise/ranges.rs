//! The range each input of an example may be drawn from for an exercise.
//!
//! Kept in one table keyed by the example's id, beside the catalog rather
//! than inside every `Example { … }` literal: an example added on another
//! branch compiles unchanged and simply has no exercise ranges until a line
//! is added here. Ranges favour small integers and simple fractions so a
//! student can do the arithmetic by hand, and stay exact where the example
//! allows (identity/ReLU nets, add/mul/max circuits). Inputs not listed keep
//! their defaults (e.g. a learning rate).

/// Where one input is drawn from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Draw {
    /// A whole number in `lo..=hi`.
    Int(i64, i64),
    /// One of these values, as a student would type them.
    Of(&'static [&'static str]),
}

/// The exercise ranges of one example.
#[derive(Clone, Copy, Debug)]
pub struct Ranges {
    /// `topic/N`.
    pub id: &'static str,
    /// (input name, where it is drawn from), in the example's input order.
    pub draws: &'static [(&'static str, Draw)],
}

const WEIGHT: Draw = Draw::Of(&["-1", "-1/2", "1/2", "1", "2"]);
const BIAS: Draw = Draw::Of(&["-1", "-1/2", "0", "1/4", "1/2"]);
const SMALL: Draw = Draw::Int(-2, 2);
const HALF: Draw = Draw::Of(&["-1", "-1/2", "1/2", "1"]);
const POINT: Draw = Draw::Of(&["-2", "-1", "-1/2", "1/2", "1", "2"]);
const PROB: Draw = Draw::Of(&["1/10", "1/5", "1/4", "1/2", "3/4"]);

/// Every example with exercise ranges, in course order.
pub static RANGES: &[Ranges] = &[
    Ranges {
        id: "neuron/1",
        draws: &[("x", Draw::Int(-3, 3)), ("w", WEIGHT), ("b", SMALL)],
    },
    Ranges {
        id: "neuron/2",
        draws: &[
            ("x", Draw::Of(&["-2", "-1", "1", "2"])),
            ("w", HALF),
            ("b", Draw::Int(-1, 1)),
            ("y", Draw::Of(&["0", "1"])),
        ],
    },
    Ranges {
        // Two or three iterations; a, L, dw, db are sigmoid values (f64).
        id: "neuron/3",
        draws: &[
            ("x", Draw::Of(&["-2", "-1", "1", "2"])),
            ("w", HALF),
            ("b", Draw::Int(-1, 1)),
            ("y", Draw::Of(&["0", "1"])),
            ("lr", Draw::Of(&["1/2", "1"])),
            ("steps", Draw::Int(2, 3)),
        ],
    },
    Ranges {
        // No point at 0: ReLU's kink there would be redrawn every time.
        id: "activation/1",
        draws: &[
            ("z1", POINT),
            ("z2", POINT),
            ("z3", POINT),
            ("z4", POINT),
            ("z5", POINT),
            ("gamma", Draw::Of(&["1", "1/2", "2"])),
        ],
    },
    Ranges {
        // z = 0 (Leaky ReLU's kink) and maxout ties are redrawn.
        id: "activation/2",
        draws: &[
            ("z", Draw::Of(&["-2", "-1", "-1/2", "0", "1/2", "1", "2"])),
            ("gamma", Draw::Of(&["1/10", "1/5"])),
            ("gamma1", Draw::Of(&["1/10", "1/4"])),
            ("gamma2", Draw::Of(&["1/4", "1/2"])),
            ("alpha", Draw::Of(&["1", "1/2"])),
            ("x1", SMALL),
            ("x2", SMALL),
            ("w11", HALF),
            ("w12", HALF),
            ("b1", Draw::Of(&["-1/2", "0", "1/2"])),
            ("w21", HALF),
            ("w22", HALF),
            ("b2", Draw::Of(&["-1/2", "0", "1/2"])),
        ],
    },
    Ranges {
        // σ'(start) by hand; the step counts are the f64 loop's (the key
        // also gives the integral estimate a student can check them with).
        id: "activation/3",
        draws: &[
            ("start", Draw::Int(4, 8)),
            ("goal", Draw::Of(&["1", "2"])),
            ("lr", Draw::Of(&["1", "2"])),
        ],
    },
    Ranges {
        id: "activation/4",
        draws: &[
            ("x1", SMALL),
            ("x2", SMALL),
            ("x3", Draw::Of(&["-1/2", "1/2", "1"])),
            ("w1", HALF),
            ("w2", HALF),
            ("w3", Draw::Of(&["0", "1/4", "-1/4"])),
            ("g", Draw::Of(&["-1", "1", "2", "-1/2"])),
        ],
    },
    Ranges {
        id: "forward/1",
        draws: &[
            ("x1", SMALL),
            ("x2", SMALL),
            ("w1_11", WEIGHT),
            ("w1_12", WEIGHT),
            ("w1_21", WEIGHT),
            ("w1_22", WEIGHT),
            ("b1_1", BIAS),
            ("b1_2", BIAS),
            ("w2_11", WEIGHT),
            ("w2_12", WEIGHT),
            ("b2_1", BIAS),
        ],
    },
    Ranges {
        id: "forward/2",
        draws: &[
            ("x1", SMALL),
            ("x2", SMALL),
            ("w1_11", WEIGHT),
            ("w1_12", WEIGHT),
            ("w1_21", WEIGHT),
            ("w1_22", WEIGHT),
            ("b1_1", BIAS),
            ("b1_2", BIAS),
            ("w2_11", WEIGHT),
            ("w2_21", WEIGHT),
            ("b2_1", BIAS),
        ],
    },
    Ranges {
        id: "forward/3",
        draws: &[
            ("a1", SMALL),
            ("a2", SMALL),
            ("w11", HALF),
            ("w21", HALF),
            ("b1", BIAS),
            ("v11", HALF),
            ("v21", HALF),
            ("v12", HALF),
            ("v22", HALF),
            ("v13", HALF),
            ("v23", HALF),
            ("c1", Draw::Int(-1, 1)),
            ("c2", Draw::Int(-1, 1)),
            ("c3", Draw::Int(-1, 1)),
        ],
    },
    Ranges {
        // forward/4 (PKU's four layers): the hidden layers stay exact; the
        // sigmoid output p(y = 1 | x) is a float to 4 decimals.
        id: "forward/4",
        draws: &[
            ("x1", SMALL),
            ("x2", SMALL),
            ("w1_11", WEIGHT),
            ("w1_21", WEIGHT),
            ("w1_12", WEIGHT),
            ("w1_22", WEIGHT),
            ("w1_13", WEIGHT),
            ("w1_23", WEIGHT),
            ("b1_1", BIAS),
            ("b1_2", BIAS),
            ("b1_3", BIAS),
            ("w2_11", WEIGHT),
            ("w2_21", WEIGHT),
            ("w2_31", WEIGHT),
            ("w2_12", WEIGHT),
            ("w2_22", WEIGHT),
            ("w2_32", WEIGHT),
            ("b2_1", BIAS),
            ("b2_2", BIAS),
            ("w3_11", WEIGHT),
            ("w3_21", WEIGHT),
            ("b3_1", BIAS),
        ],
    },
    Ranges {
        id: "softmax/1",
        draws: &[
            ("a1", Draw::Of(&["-1", "0", "1/2", "1", "2"])),
            ("a2", Draw::Of(&["-1", "0", "1/2", "1", "2"])),
            // shift keeps its default 1000: the example's point is that
            // exp(a + 1000) overflows and the subtract-the-max form does not.
            ("a3", Draw::Of(&["-1", "0", "1/2", "1", "2"])),
        ],
    },
    Ranges {
        id: "softmax/2",
        draws: &[
            ("z1", SMALL),
            ("z2", SMALL),
            ("z3", SMALL),
            ("class", Draw::Int(1, 3)),
        ],
    },
    Ranges {
        // Predictions only: the target keeps its one-hot default t = (1, 0, 0),
        // so the cross-entropy is -ln y'_1 (a drawn t would rarely be a
        // distribution, and the example then leaves cross-entropy out).
        id: "loss/1",
        draws: &[("y1", PROB), ("y2", PROB), ("y3", PROB)],
    },
    Ranges {
        id: "loss/2",
        draws: &[
            ("x11", SMALL),
            ("x12", SMALL),
            ("y1", Draw::Of(&["0", "1"])),
            ("x21", SMALL),
            ("x22", SMALL),
            ("y2", Draw::Of(&["0", "1"])),
            ("w1", HALF),
            ("w2", HALF),
            ("b", Draw::Int(-1, 1)),
            ("lambda", Draw::Of(&["0", "1/10", "1/2"])),
            ("alpha", Draw::Of(&["1/2", "1/4"])),
        ],
    },
    Ranges {
        id: "backprop/1",
        draws: &[
            ("x", Draw::Int(-5, 5)),
            ("y", Draw::Int(-5, 5)),
            ("z", Draw::Int(-5, 5)),
        ],
    },
    Ranges {
        id: "backprop/2",
        draws: &[
            ("w0", Draw::Int(-3, 3)),
            ("x0", SMALL),
            ("w1", Draw::Int(-3, 3)),
            ("x1", SMALL),
            ("w2", Draw::Int(-3, 3)),
        ],
    },
    Ranges {
        id: "backprop/3",
        draws: &[
            ("x", Draw::Int(-5, 5)),
            ("y", Draw::Int(-5, 5)),
            ("z", Draw::Int(-4, 4)),
            ("w", Draw::Int(-4, 4)),
        ],
    },
    Ranges {
        id: "backprop/4",
        draws: &[
            ("x1", SMALL),
            ("x2", SMALL),
            ("w1_11", WEIGHT),
            ("w1_12", WEIGHT),
            ("w1_21", WEIGHT),
            ("w1_22", WEIGHT),
            ("b1_1", BIAS),
            ("b1_2", BIAS),
            ("w2_11", WEIGHT),
            ("w2_12", WEIGHT),
            ("b2_1", BIAS),
            ("y", Draw::Int(-1, 2)),
        ],
    },
    Ranges {
        // backprop/6: NNDL's I_i(a_j) step; every number stays exact.
        id: "backprop/6",
        draws: &[
            ("a1", SMALL),
            ("a2", SMALL),
            ("w11", WEIGHT),
            ("w12", WEIGHT),
            ("w21", WEIGHT),
            ("w22", WEIGHT),
            ("w31", WEIGHT),
            ("w32", WEIGHT),
            ("b1", BIAS),
            ("b2", BIAS),
            ("b3", BIAS),
            ("i", Draw::Int(1, 3)),
            ("j", Draw::Int(1, 2)),
            ("d1", HALF),
            ("d2", HALF),
            ("d3", HALF),
        ],
    },
    Ranges {
        // matrix-calculus/1: every entry is a product or sum of products of
        // small inputs, so it stays exact.
        id: "matrix-calculus/1",
        draws: &[
            ("x1", SMALL),
            ("x2", SMALL),
            ("w11", WEIGHT),
            ("w12", WEIGHT),
            ("w21", WEIGHT),
            ("w22", WEIGHT),
            ("w31", WEIGHT),
            ("w32", WEIGHT),
            ("a1", SMALL),
            ("a2", SMALL),
            ("d1", HALF),
            ("d2", HALF),
            ("d3", HALF),
        ],
    },
    Ranges {
        id: "backprop/5",
        draws: &[
            ("x1", SMALL),
            ("x2", SMALL),
            ("class", Draw::Int(1, 3)),
            ("lr", Draw::Of(&["1/2", "1/4", "1"])),
        ],
    },
    Ranges {
        id: "autodiff/1",
        draws: &[
            ("x", SMALL),
            ("w", Draw::Int(-1, 1)),
            ("b", Draw::Int(-1, 1)),
        ],
    },
    Ranges {
        id: "autodiff/2",
        draws: &[("x", Draw::Int(-4, 4)), ("y", Draw::Int(-4, 4))],
    },
    Ranges {
        // x1 takes the x·x branch, x2 the -x branch; 0 (the kink) is left out.
        id: "autodiff/3",
        draws: &[
            ("x1", Draw::Of(&["1/2", "1", "3/2", "2", "3", "4"])),
            ("x2", Draw::Of(&["-4", "-3", "-2", "-1", "-1/2"])),
        ],
    },
    Ranges {
        id: "chain-rule/1",
        draws: &[
            ("x", Draw::Int(-3, 3)),
            ("y", Draw::Of(&["-2", "-1", "-1/2", "1/2", "1", "2"])),
        ],
    },
    Ranges {
        id: "chain-rule/2",
        draws: &[("x", Draw::Of(&["-1", "0", "1", "2"]))],
    },
    Ranges {
        // Exact: the data y = 2x + 1 at x = 1, 2, 3 and rational steps.
        id: "gradient-descent/1",
        draws: &[
            ("lr", Draw::Of(&["1/10", "1/20"])),
            ("steps", Draw::Int(1, 2)),
            ("w", Draw::Int(-1, 1)),
            ("b", Draw::Int(-1, 1)),
        ],
    },
    Ranges {
        id: "gradient-descent/4",
        draws: &[
            ("n", Draw::Of(&["1000", "5000", "50000", "55000", "60000"])),
            ("batch", Draw::Of(&["32", "50", "100", "128", "250"])),
            ("other_batch", Draw::Of(&["64", "96", "128", "256"])),
        ],
    },
    Ranges {
        id: "network/1",
        draws: &[
            ("n0", Draw::Of(&["4", "16", "64", "784"])),
            ("n1", Draw::Int(2, 20)),
            ("n2", Draw::Int(2, 20)),
            ("n3", Draw::Int(2, 10)),
        ],
    },
    Ranges {
        id: "network/2",
        draws: &[
            ("n0", Draw::Of(&["64", "784"])),
            ("n1", Draw::Of(&["64", "128", "256", "512"])),
            ("n2", Draw::Of(&["64", "128", "256", "512"])),
            ("n3", Draw::Of(&["2", "10"])),
        ],
    },
    Ranges {
        id: "network/3",
        draws: &[
            ("n0", Draw::Int(1, 6)),
            ("n1", Draw::Int(1, 6)),
            ("n2", Draw::Int(1, 6)),
        ],
    },
    Ranges {
        id: "init/1",
        draws: &[("m", Draw::Int(2, 50))],
    },
    Ranges {
        // A 2-2-1 ReLU net with integer weights: every z, h
        // and y is an integer (the drawn net need not compute XOR).
        id: "xor/2",
        draws: &[
            ("w11", Draw::Int(-1, 2)),
            ("w12", Draw::Int(-1, 2)),
            ("w21", Draw::Int(-1, 2)),
            ("w22", Draw::Int(-1, 2)),
            ("c1", Draw::Int(-1, 1)),
            ("c2", Draw::Int(-1, 1)),
            ("v1", SMALL),
            ("v2", SMALL),
            ("b", Draw::Int(-1, 1)),
        ],
    },
];

/// Examples that deliberately have no exercise, and why (`exercise` says so).
pub static NO_EXERCISE: &[(&str, &str)] = &[
    (
        "gradient-descent/2",
        "it compares learning rates over many f64 steps; its point is the shape of the loss curves, not numbers to work out by hand",
    ),
    (
        "gradient-descent/3",
        "it trains with shuffled mini-batches from a seed; its loss curves are f64 runs, not a hand computation",
    ),
    (
        "init/2",
        "its spread table is a seeded f64 simulation through a deep stack; the bounds alone are init/1's exercise",
    ),
    (
        "vanishing/1",
        "its gradient norms come from a seeded random deep network in f64, not a hand computation",
    ),
    (
        "vanishing/2",
        "its gradient norms come from a seeded random deep network in f64, not a hand computation",
    ),
    (
        "dying-relu/1",
        "it is a training run in f64 (an outlier update, then epochs of SGD), not a hand computation",
    ),
    (
        "xor/1",
        "a perceptron on the four fixed XOR points: the answer (no line gets more than 3 of 4 right) does not depend on any drawn number",
    ),
    (
        "xor/3",
        "it trains a network on XOR by gradient descent from a seed, thousands of f64 steps, not a hand computation",
    ),
    (
        "approximation/1",
        "it fits ReLU knots to a function and measures the error in f64; there is nothing to draw that a student computes by hand",
    ),
    (
        "training/1",
        "it is a whole training run (shuffled SGD, L2, early stopping) in f64 from a seed, not a hand computation",
    ),
    (
        "training/2",
        "it evaluates a loss surface on a grid of thousands of points in f64, for a plot, not a hand computation",
    ),
    (
        "training/3",
        "it trains on the handwritten digits for seconds; the numbers come from the data set and a seed, not a hand computation",
    ),
];

/// Why an example has no exercise, if it deliberately has none.
pub fn why_none(id: &str) -> Option<&'static str> {
    NO_EXERCISE
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, why)| *why)
}

/// The ranges of an example, if it has any.
pub fn of(id: &str) -> Option<&'static Ranges> {
    RANGES.iter().find(|r| r.id == id)
}
