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
];

/// The ranges of an example, if it has any.
pub fn of(id: &str) -> Option<&'static Ranges> {
    RANGES.iter().find(|r| r.id == id)
}
