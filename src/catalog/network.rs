//! network/1-3: parameter counts layer by layer (JQ, PKU) and the shape of W
//! in both notations (NNDL, JQ).

use crate::catalog::common::{count, start};
use crate::catalog::statement::{Pose, Statement};
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
        title: "Parameter count of a network with two hidden layers (the JQ deck's is 784-10-14-10)",
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
            .pose(Pose::Custom(pose_counts)),
        ),
        audit: Audit::Unchanged("weights n_in·n_out and biases n_out per layer"),
        has_plot: false,
    },
    Example {
        topic: "network",
        number: 2,
        title: "Parameter count of a two-hidden-layer MLP (the PKU deck's is 784-512-512-10)",
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
                ("n1", Draw::Of(&["32", "64", "128", "256", "512", "1024"])),
                ("n2", Draw::Of(&["32", "64", "128", "256", "512", "1024"])),
                ("n3", Draw::Of(&["2", "10"])),
            ])
            .pose(Pose::Custom(pose_counts)),
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
            .pose(Pose::Custom(pose_shapes)),
        ),
        audit: Audit::Unchanged("the shapes of W and b"),
        has_plot: false,
    },
];

/// network/1-2's problem: the layer sizes of a fully connected network.
fn pose_counts(v: &Values) -> Result<Statement> {
    let ns = sizes(v, &["n0", "n1", "n2", "n3"])?;
    let mut st = Statement::default();
    st.line(
        format!(
            "A fully connected network {}-{}-{}-{}: ⟦n0 = {}⟧ inputs, hidden layers of ⟦n1 = {}⟧ and \
             ⟦n2 = {}⟧ units, ⟦n3 = {}⟧ outputs. Each unit has one weight per unit of the layer \
             before it and one bias; the input layer has no parameters.",
            ns[0], ns[1], ns[2], ns[3], ns[0], ns[1], ns[2], ns[3]
        ),
        format!(
            "全连接网络 {}-{}-{}-{}: 输入 ⟦n0 = {}⟧ 个, 两个隐藏层分别有 ⟦n1 = {}⟧ 和 ⟦n2 = {}⟧ 个神经元, \
             输出 ⟦n3 = {}⟧ 个。每个神经元对上一层的每个神经元有一个权重, 另有一个偏置; 输入层没有参数。",
            ns[0], ns[1], ns[2], ns[3], ns[0], ns[1], ns[2], ns[3]
        ),
    );
    st.line(
        "Find the number of weights, of biases, and the total number of parameters.",
        "求权重个数 (weights)、偏置个数 (biases) 和参数总数 (total)。",
    );
    for (name, x) in ["n0", "n1", "n2", "n3"].iter().zip(&ns) {
        st.number(*name, &n(*x));
    }
    Ok(st)
}

/// network/3's problem: W's rows in both notations.
fn pose_shapes(v: &Values) -> Result<Statement> {
    let ns = sizes(v, &["n0", "n1", "n2"])?;
    let mut st = Statement::default();
    st.line(
        format!(
            "A fully connected network with ⟦n0 = {}⟧ inputs, ⟦n1 = {}⟧ hidden units and ⟦n2 = {}⟧ \
             outputs; layer ⟦l⟧ has weights ⟦W(l)⟧ (⟦l = 1, 2⟧). Column notation (NNDL): \
             ⟦z(l) = W(l) a(l−1) + b(l)⟧, ⟦W(l)⟧ is ⟦n_l × n_(l−1)⟧. Row notation (JQ): \
             ⟦z(l) = a(l−1) W(l) + b(l)⟧, ⟦W(l)⟧ is ⟦n_(l−1) × n_l⟧.",
            ns[0], ns[1], ns[2]
        ),
        format!(
            "全连接网络: 输入 ⟦n0 = {}⟧ 个, 隐藏单元 ⟦n1 = {}⟧ 个, 输出 ⟦n2 = {}⟧ 个; 第 ⟦l⟧ 层的权重为 ⟦W(l)⟧ \
             (⟦l = 1, 2⟧)。列向量记号 (NNDL): ⟦z(l) = W(l) a(l−1) + b(l)⟧, ⟦W(l)⟧ 为 ⟦n_l × n_(l−1)⟧。\
             行向量记号 (JQ): ⟦z(l) = a(l−1) W(l) + b(l)⟧, ⟦W(l)⟧ 为 ⟦n_(l−1) × n_l⟧。",
            ns[0], ns[1], ns[2]
        ),
    );
    st.line(
        "Find the number of rows of ⟦W(1)⟧ and of ⟦W(2)⟧ in each notation \
         (⟦W(l)⟧ rows (column), ⟦W(l)⟧ rows (row)).",
        "求两种记号下 ⟦W(1)⟧ 和 ⟦W(2)⟧ 的行数 (⟦W(l)⟧ rows (column), ⟦W(l)⟧ rows (row))。",
    );
    for (name, x) in ["n0", "n1", "n2"].iter().zip(&ns) {
        st.number(*name, &n(*x));
    }
    Ok(st)
}

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
