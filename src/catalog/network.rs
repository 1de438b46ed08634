//! network/1-3: parameter counts layer by layer (JQ, PKU) and the shape of W
//! in both notations (NNDL, JQ).

use crate::catalog::common::{count, start};
use crate::catalog::statement::Pose;
use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::{Cell, Math, Report, Settings, Table};
use crate::report::{Kind, Named};
use crate::scalar::Scalar;

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "network",
        number: 1,
        title: "Parameter count of a 784-10-14-10 network",
        title_zh: "神经网络-参数",
        sources: &[
            "JQ deck, 神经网络-参数: 权重 784×10 + 10×14 + 14×10 = 8120, 偏置 10 + 14 + 10 = 34, 总参数 8154",
        ],
        params: &[
            Param::new("n0", "784", "inputs (a flattened 28×28 image)"),
            Param::new("n1", "10", "units of hidden layer 1"),
            Param::new("n2", "14", "units of hidden layer 2"),
            Param::new("n3", "10", "outputs (classes)"),
        ],
        build: counts,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("n0", Draw::Of(&["4", "16", "64", "784"])),
                ("n1", Draw::Int(2, 20)),
                ("n2", Draw::Int(2, 20)),
                ("n3", Draw::Int(2, 10)),
            ])
            .pose(Pose::Inputs),
        ),
        audit: Audit::Unchanged("weights n_in·n_out and biases n_out per layer"),
        has_plot: false,
    },
    Example {
        topic: "network",
        number: 2,
        title: "Parameter count of the 784-512-512-10 model",
        title_zh: "模型参数量",
        sources: &[
            "PKU deck, nn.Sequential(nn.Linear(28*28, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10))",
        ],
        params: &[
            Param::new("n0", "784", "inputs (28*28)"),
            Param::new("n1", "512", "units of hidden layer 1"),
            Param::new("n2", "512", "units of hidden layer 2"),
            Param::new("n3", "10", "outputs (classes)"),
        ],
        build: counts,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("n0", Draw::Of(&["64", "784"])),
                ("n1", Draw::Of(&["64", "128", "256", "512"])),
                ("n2", Draw::Of(&["64", "128", "256", "512"])),
                ("n3", Draw::Of(&["2", "10"])),
            ])
            .pose(Pose::Inputs),
        ),
        audit: Audit::Unchanged("weights n_in·n_out and biases n_out per layer"),
        has_plot: false,
    },
    Example {
        topic: "network",
        number: 3,
        title: "The shape of W in both notations",
        title_zh: "权重矩阵的维度",
        sources: &[
            "NNDL, 记号: W(l) ∈ R^(M_l × M_(l-1))",
            "JQ deck, 神经网络-权重weight: W 为 m×n (m 前一层, n 本层)",
        ],
        params: &[
            Param::new("n0", "3", "inputs"),
            Param::new("n1", "4", "hidden units"),
            Param::new("n2", "2", "outputs"),
        ],
        build: shapes,
        engine: Engine::Report,
        exercise: Exercise::Ranges(
            &Ranges::new(&[
                ("n0", Draw::Int(1, 6)),
                ("n1", Draw::Int(1, 6)),
                ("n2", Draw::Int(1, 6)),
            ])
            .pose(Pose::Inputs),
        ),
        audit: Audit::Unchanged("the shapes of W and b"),
        has_plot: false,
    },
];

fn sizes(v: &Values, names: &[&str]) -> Result<Vec<u64>> {
    names.iter().map(|n| count(v, n, 1, 1_000_000)).collect()
}

fn n(x: u64) -> Scalar {
    Scalar::int(x as i64)
}

/// Σ_l (n_(l-1) + 1) · n_l, layer by layer.
fn counts(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["n0", "n1", "n2", "n3"];
    let mut r = start(v, &names, s);
    let ns = sizes(v, &names)?;
    r.formula(Math::new(
        "parameters = Σ_l (n_(l-1) · n_l + n_l) = Σ_l (n_(l-1) + 1) · n_l",
        "\\sum_l (n_{l-1} n_l + n_l) = \\sum_l (n_{l-1} + 1)\\, n_l",
    ));
    let mut t = Table::new(
        "Layer by layer · 逐层 (权重数 = 上一层神经元数 × 本层神经元数, 偏置数 = 本层神经元数)",
        &[
            "layer",
            "n_in → n_out",
            "weights n_in·n_out",
            "biases n_out",
            "(n_in + 1)·n_out",
        ],
    );
    let (mut w, mut b) = (0u64, 0u64);
    for (l, pair) in ns.windows(2).enumerate() {
        let (i, o) = (pair[0], pair[1]);
        t.row(vec![
            Cell::Text((l + 1).to_string()),
            Cell::Text(format!("{i} → {o}")),
            Cell::Text(format!("{i}×{o} = {}", i * o)),
            n(o).into(),
            Cell::Text(format!("({i} + 1)×{o} = {}", (i + 1) * o)),
        ]);
        w += i * o;
        b += o;
    }
    t.row(vec![
        "total".into(),
        Cell::Empty,
        n(w).into(),
        n(b).into(),
        n(w + b).into(),
    ]);
    r.table(t);
    r.text(format!(
        "Weights {w}, biases {b}, total {}. The input layer (layer 0) has no parameters.",
        w + b
    ));
    r.results = vec![
        Named::new("weights", n(w), Kind::Count),
        Named::new("biases", n(b), Kind::Count),
        Named::new("total", n(w + b), Kind::Count),
    ];
    Ok(r)
}

fn shapes(v: &Values, s: &Settings) -> Result<Report> {
    let names = ["n0", "n1", "n2"];
    let mut r = start(v, &names, s);
    let ns = sizes(v, &names)?;
    let mut t = Table::new(
        "W(l) in the two notations · 列向量 vs 行向量",
        &[
            "layer",
            "a(l-1)",
            "column: W(l) out×in, z = W a + b",
            "row: W(l) in×out, z = a W + b",
            "entry W_ij joins",
        ],
    );
    for (l, pair) in ns.windows(2).enumerate() {
        let (i, o) = (pair[0], pair[1]);
        t.row(vec![
            Cell::Text((l + 1).to_string()),
            Cell::Text(format!("{i} values")),
            Cell::Text(format!("{o}×{i} · {i}×1 + {o}×1 → {o}×1")),
            Cell::Text(format!("1×{i} · {i}×{o} + 1×{o} → 1×{o}")),
            Cell::Text("column: unit i ← input j; row: input i → unit j".into()),
        ]);
        r.add(format!("W({}) rows (column)", l + 1), n(o), Kind::Count);
        r.add(format!("W({}) rows (row)", l + 1), n(i), Kind::Count);
    }
    r.table(t);
    r.text("One notation's W is the other's transpose, W_row = W_colᵀ; both hold n_in·n_out numbers, and PKU writes the link as W_ij = w_ji. nn-tutor net accepts either with convention = \"column\" or \"row\".");
    Ok(r)
}
