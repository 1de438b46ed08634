//! matrix-calculus/1: numerator and denominator layout with numbers.
//!
//! For y ∈ R^q and x ∈ R^p the same pq partial derivatives ∂y_i/∂x_j can be
//! laid out two ways: numerator layout (the Jacobian, q×p, row i = y_i) or
//! denominator layout (p×q, row j = x_j), which is what CAL writes
//! (∂f(x)/∂x ∈ R^(p×q)) and what PKU's gradient of a scalar (a column,
//! like x) follows. The two are transposes. Examples: y(x) = (x1·x2, x1², x2²),
//! Wx (numerator W, denominator Wᵀ), aᵀx (numerator aᵀ, denominator a),
//! the chain rule ∂L/∂x for z = Wx (δᵀW against Wᵀδ), and ∂L/∂W, whose
//! denominator-layout form δxᵀ has the shape of W (PKU, NNDL).
//!
//! The check: every entry is a derivative of a polynomial of degree ≤ 2,
//! for which a central difference with step 1 is exact; the example
//! recomputes each entry that way from the functions themselves.

use crate::catalog::common::{HALF, SMALL, WEIGHT};
use crate::catalog::common::{start, vector};
use crate::catalog::statement::{Pose, Statement, Value};
use crate::catalog::{Audit, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::report::{Cell, Kind, Math, Named, Num, Report, Sentence, Settings, Table};
use crate::rounding::Plan;
use crate::rounding::plan::{forward, inputs, named, replay};
use crate::scalar::Scalar;

type Matrix = Vec<Vec<Scalar>>;

const PARAMS: &[Param] = &[
    Param::new("x1", "1", "x_1"),
    Param::new("x2", "2", "x_2"),
    Param::new("w11", "1", "W_11"),
    Param::new("w12", "2", "W_12"),
    Param::new("w21", "0", "W_21"),
    Param::new("w22", "-1", "W_22"),
    Param::new("w31", "3", "W_31"),
    Param::new("w32", "1/2", "W_32"),
    Param::new("a1", "3", "a_1 in aᵀx"),
    Param::new("a2", "-1", "a_2 in aᵀx"),
    Param::new("d1", "1", "δ_1 = ∂L/∂z_1 for z = Wx"),
    Param::new("d2", "-2", "δ_2 = ∂L/∂z_2"),
    Param::new("d3", "1/2", "δ_3 = ∂L/∂z_3"),
];

pub static EXAMPLES: &[Example] = &[Example {
    topic: "matrix-calculus",
    number: 1,
    title: "Numerator and denominator layout, with numbers",
    title_zh: "矩阵微积分: 分子布局与分母布局",
    sources: &[
        "CAL deck, 矩阵微积分: ∂y/∂x = [∂y/∂x_1, …, ∂y/∂x_p]ᵀ and ∂f(x)/∂x ∈ R^(p×q), row j = x_j",
        "PKU deck, 向量对标量求导, 标量对向量求导 (a column, the gradient), 标量对矩阵求导 (the shape of X), and ∂J/∂W(L) = ∂J/∂z(L+1) a(L)ᵀ ∈ R^(d_(L+1) × d_L)",
    ],
    params: PARAMS,
    build: layouts_1,
    engine: Engine::Report,
    // Every entry is a product or a sum of products of small inputs: exact.
    exercise: Exercise::Ranges(
        &Ranges::new(&[
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
        ])
        .pose(Pose::Custom(pose))
        .find(&[
            "dy1/dx1",
            "dy1/dx2",
            "dy2/dx1",
            "dy3/dx2",
            "d(a^T x)/dx1",
            "d(a^T x)/dx2",
            "dL/dx1",
            "dL/dx2",
            "dL/dW11",
            "dL/dW12",
            "dL/dW21",
            "dL/dW32",
        ]),
    ),
    audit: Audit::Replay(audit),
    has_plot: false,
}];

/// matrix-calculus/1's problem: the functions, x, W, a and δ.
fn pose(v: &Values) -> Result<Statement> {
    let s = Settings::default();
    let mut st = Statement::default();
    st.line(
        "At the point ⟦x = (x1, x2)⟧: ⟦y(x) = (x1·x2, x1², x2²)⟧; the scalar ⟦aᵀx⟧; and ⟦z = W x⟧ with \
         ⟦W⟧ ⟦3×2⟧ and a loss ⟦L⟧ whose gradient ⟦δ = ∂L/∂z⟧ is given. Indices count from 1.",
        "在点 ⟦x = (x1, x2)⟧ 处: ⟦y(x) = (x1·x2, x1², x2²)⟧; 标量 ⟦aᵀx⟧; 以及 ⟦z = W x⟧, ⟦W⟧ 为 ⟦3×2⟧, \
         损失 ⟦L⟧ 对 ⟦z⟧ 的梯度 ⟦δ = ∂L/∂z⟧ 已给出。下标从 1 开始。",
    );
    st.line(
        "Find the partial derivatives ⟦dyi/dxj = ∂y_i/∂x_j⟧, ⟦d(a^T x)/dxj = ∂(aᵀx)/∂x_j⟧, \
         ⟦dL/dxj = ∂L/∂x_j⟧ and ⟦dL/dWij = ∂L/∂W_ij⟧ (each entry is the same number in numerator \
         and denominator layout; only its place in the matrix differs).",
        "求偏导数 ⟦dyi/dxj = ∂y_i/∂x_j⟧, ⟦d(a^T x)/dxj = ∂(aᵀx)/∂x_j⟧, ⟦dL/dxj = ∂L/∂x_j⟧, \
         ⟦dL/dWij = ∂L/∂W_ij⟧ (每个元素在分子布局和分母布局中数值相同, 只是在矩阵中的位置不同)。",
    );
    st.give("x", Value::Vector(vector(v, &["x1", "x2"], &s)));
    st.give(
        "W",
        Value::Matrix(
            [["w11", "w12"], ["w21", "w22"], ["w31", "w32"]]
                .iter()
                .map(|r| vector(v, r, &s))
                .collect(),
        ),
    );
    st.give("a", Value::Vector(vector(v, &["a1", "a2"], &s)));
    st.give("delta", Value::Vector(vector(v, &["d1", "d2", "d3"], &s)));
    Ok(st)
}

/// y(x) = (x1·x2, x1², x2²), the function whose Jacobian is shown.
fn y_of(x: &[Scalar]) -> Result<Vec<Scalar>> {
    Ok(vec![x[0].mul(&x[1])?, x[0].mul(&x[0])?, x[1].mul(&x[1])?])
}

fn transpose(m: &Matrix) -> Matrix {
    crate::network::transpose(m)
}

/// `[2, 1; 2, 0; 0, 4]`: rows separated by `;`, each entry bare.
fn show(m: &Matrix) -> Sentence {
    let rows = m
        .iter()
        .map(|r| Sentence::join(r.iter().map(|v| Num::bare(v).into()), ", "));
    Sentence::enclosed("[", Sentence::join(rows, "; "), "]")
}

fn shape(m: &Matrix) -> String {
    format!("{}×{}", m.len(), m.first().map_or(0, Vec::len))
}

/// ∂f_i/∂x_j by central differences with step 1 (exact for degree ≤ 2),
/// numerator layout (rows i, columns j).
fn central(f: &dyn Fn(&[Scalar]) -> Result<Vec<Scalar>>, x: &[Scalar]) -> Result<Matrix> {
    let two = Scalar::int(2);
    let mut cols = Vec::new();
    for j in 0..x.len() {
        let (mut up, mut down) = (x.to_vec(), x.to_vec());
        up[j] = up[j].add(&Scalar::one())?;
        down[j] = down[j].sub(&Scalar::one())?;
        let (fu, fd) = (f(&up)?, f(&down)?);
        cols.push(
            fu.iter()
                .zip(&fd)
                .map(|(a, b)| a.sub(b)?.div(&two))
                .collect::<Result<Vec<_>>>()?,
        );
    }
    Ok(transpose(&cols))
}

/// The products of the example: (name, numerator layout, denominator layout).
struct Derivatives {
    y: Matrix,
    wx: Matrix,
    ax: Matrix,
    dl_dx: Matrix,
    dl_dw: Matrix,
}

fn derivatives(x: &[Scalar], w: &Matrix, a: &[Scalar], d: &[Scalar]) -> Result<Derivatives> {
    let two = Scalar::int(2);
    let zero = Scalar::zero();
    // numerator layout: row i = output i, column j = input j
    let y = vec![
        vec![x[1].clone(), x[0].clone()],
        vec![two.mul(&x[0])?, zero.clone()],
        vec![zero, two.mul(&x[1])?],
    ];
    let ax = vec![a.to_vec()];
    // ∂L/∂x = δᵀ W (a row, numerator layout)
    let dl_dx = vec![
        (0..2)
            .map(|j| {
                let mut s = Scalar::zero();
                for (i, di) in d.iter().enumerate() {
                    s = s.add(&di.mul(&w[i][j])?)?;
                }
                Ok(s)
            })
            .collect::<Result<Vec<_>>>()?,
    ];
    // ∂L/∂W_ij = δ_i x_j; numerator layout puts W_ij at row j, column i
    let outer: Matrix = d
        .iter()
        .map(|di| x.iter().map(|xj| di.mul(xj)).collect::<Result<Vec<_>>>())
        .collect::<Result<_>>()?;
    Ok(Derivatives {
        y,
        wx: w.clone(),
        ax,
        dl_dx,
        dl_dw: transpose(&outer),
    })
}

fn layouts_1(v: &Values, s: &Settings) -> Result<Report> {
    let names: Vec<&str> = PARAMS.iter().map(|p| p.name).collect();
    let mut r = start(v, &names, s);
    let x = vector(v, &["x1", "x2"], s);
    let w: Matrix = [["w11", "w12"], ["w21", "w22"], ["w31", "w32"]]
        .iter()
        .map(|row| vector(v, row, s))
        .collect();
    let a = vector(v, &["a1", "a2"], s);
    let d = vector(v, &["d1", "d2", "d3"], s);
    r.text("The same partial derivatives ∂y_i/∂x_j can be arranged two ways. Numerator layout (the Jacobian) gives y's index the rows: for y ∈ R^q and x ∈ R^p it is q×p. Denominator layout gives x's index the rows: p×q, CAL's ∂f(x)/∂x ∈ R^(p×q); the gradient of a scalar is then a column like x, as CAL and PKU write it. One layout is the transpose of the other.");
    let dv = derivatives(&x, &w, &a, &d)?;
    // y(x) = (x1·x2, x1², x2²): both layouts as tables.
    let dy_dx = Math::new("∂y/∂x", "\\frac{\\partial y}{\\partial x}");
    let mut num = Table::new("", &["", "∂/∂x1", "∂/∂x2"])
        .then_math(dy_dx.clone())
        .then_words(" for y = ")
        .then_math(Math::new("(x1·x2, x1², x2²)", "(x_1 x_2, x_1^2, x_2^2)"))
        .then_words(", numerator layout (3×2): row i is ")
        .then_math(Math::new("y_i", "y_i"))
        .then_words(" · 分子布局")
        .math_header(vec![
            Math::new("∂/∂x1", "\\frac{\\partial}{\\partial x_1}"),
            Math::new("∂/∂x2", "\\frac{\\partial}{\\partial x_2}"),
        ]);
    for (i, row) in dv.y.iter().enumerate() {
        let mut cells = vec![Cell::Text(format!("y{}", i + 1))];
        cells.extend(row.iter().cloned().map(Cell::from));
        num.row(cells);
    }
    r.table(num);
    let mut den = Table::new("", &["", "∂y1", "∂y2", "∂y3"])
        .then_math(dy_dx)
        .then_words(", denominator layout (2×3, CAL's ")
        .then_math(Math::new("R^(p×q)", "\\mathbb{R}^{p \\times q}"))
        .then_words("): row j is ")
        .then_math(Math::new("x_j", "x_j"))
        .then_words(" · 分母布局")
        .math_header(
            (1..=3)
                .map(|i| Math::new(format!("∂y{i}"), format!("\\partial y_{i}")))
                .collect(),
        );
    for (j, row) in transpose(&dv.y).iter().enumerate() {
        let mut cells = vec![Cell::Text(format!("x{}", j + 1))];
        cells.extend(row.iter().cloned().map(Cell::from));
        den.row(cells);
    }
    r.table(den);
    // All five side by side.
    let mut t = Table::new(
        "Both layouts of each derivative · 两种布局",
        &[
            "derivative",
            "numerator layout",
            "shape",
            "denominator layout",
            "shape",
        ],
    );
    let rows: [(&str, &Matrix); 5] = [
        ("∂y/∂x", &dv.y),
        ("∂(Wx)/∂x: W or Wᵀ", &dv.wx),
        ("∂(aᵀx)/∂x: aᵀ or a", &dv.ax),
        ("∂L/∂x for z = Wx: δᵀW or Wᵀδ", &dv.dl_dx),
        ("∂L/∂W: xδᵀ or δxᵀ", &dv.dl_dw),
    ];
    for (name, m) in rows {
        let tm = transpose(m);
        t.row(vec![
            Cell::Text(name.to_string()),
            Cell::Sentence(show(m)),
            Cell::Text(shape(m)),
            Cell::Sentence(show(&tm)),
            Cell::Text(shape(&tm)),
        ]);
    }
    r.table(t);
    r.text("The chain rule keeps its order only within one layout: numerator layout multiplies left to right, ∂L/∂x = ∂L/∂z · ∂z/∂x = δᵀW (a row); denominator layout multiplies right to left, ∂L/∂x = ∂z/∂x · ∂L/∂z = Wᵀδ (a column), PKU's ∂J/∂a(L) = W(L)ᵀ ∂J/∂z(L+1).");
    r.text("∂L/∂W follows the same rule. In denominator layout it is δxᵀ, 3×2: the shape of W, entry (i, j) = ∂L/∂W_ij = δ_i x_j. This is PKU's ∂J/∂W(L) = ∂J/∂z(L+1) a(L)ᵀ ∈ R^(d_(L+1) × d_L) and NNDL's δ(l) a(l-1)ᵀ, and it is why the update W ← W - η ∂L/∂W needs no transpose. Numerator layout gives the 2×3 transpose, xδᵀ.");
    // Check every entry against central differences of the functions.
    let f_y = |z: &[Scalar]| y_of(z);
    let f_wx = |z: &[Scalar]| {
        w.iter()
            .map(|row| crate::network::dot(row, z))
            .collect::<Result<Vec<_>>>()
    };
    let f_ax = |z: &[Scalar]| Ok(vec![crate::network::dot(&a, z)?]);
    // L = δᵀ(Wx) has ∂L/∂z = δ; as a function of x and of W.
    let f_lx = |z: &[Scalar]| Ok(vec![crate::network::dot(&d, &f_wx(z)?)?]);
    let w_flat: Vec<Scalar> = w.iter().flatten().cloned().collect();
    let f_lw = |flat: &[Scalar]| {
        let mut l = Scalar::zero();
        for (i, di) in d.iter().enumerate() {
            let zi = crate::network::dot(&flat[2 * i..2 * i + 2], &x)?;
            l = l.add(&di.mul(&zi)?)?;
        }
        Ok(vec![l])
    };
    // ∂L/∂W by central differences over the flat W (row-major), as W's 3×2.
    let lw = central(&f_lw, &w_flat)?;
    let lw_num = transpose(&lw[0].chunks(2).map(<[Scalar]>::to_vec).collect::<Matrix>());
    let agree = same(&central(&f_y, &x)?, &dv.y)
        && same(&central(&f_wx, &x)?, &dv.wx)
        && same(&central(&f_ax, &x)?, &dv.ax)
        && same(&central(&f_lx, &x)?, &dv.dl_dx)
        && same(&lw_num, &dv.dl_dw);
    r.text(if agree {
        "Check: every entry equals the central difference (f(x + e_j) - f(x - e_j))/2 of its function, with L = δᵀ(Wx) so that ∂L/∂z = δ; for these polynomials of degree ≤ 2 that difference is exact ✓."
    } else {
        "Check: some entries differ from the central differences of their functions ✗."
    });
    let mut results = Vec::new();
    for (i, row) in dv.y.iter().enumerate() {
        for (j, e) in row.iter().enumerate() {
            results.push(Named::new(
                format!("dy{}/dx{}", i + 1, j + 1),
                e.clone(),
                Kind::Gradient,
            ));
        }
    }
    for (j, e) in dv.ax[0].iter().enumerate() {
        results.push(Named::new(
            format!("d(a^T x)/dx{}", j + 1),
            e.clone(),
            Kind::Gradient,
        ));
    }
    for (j, e) in dv.dl_dx[0].iter().enumerate() {
        results.push(Named::new(
            format!("dL/dx{}", j + 1),
            e.clone(),
            Kind::Gradient,
        ));
    }
    for (i, row) in transpose(&dv.dl_dw).iter().enumerate() {
        for (j, e) in row.iter().enumerate() {
            results.push(Named::new(
                format!("dL/dW{}{}", i + 1, j + 1),
                e.clone(),
                Kind::Gradient,
            ));
        }
    }
    r.results = results;
    Ok(r)
}

/// Equal matrices: exact entries equal, floats (`--float`) within 1e-9.
fn same(a: &Matrix, b: &Matrix) -> bool {
    a.len() == b.len()
        && a.iter().flatten().count() == b.iter().flatten().count()
        && a.iter().flatten().zip(b.iter().flatten()).all(|(u, v)| {
            if u.is_exact() && v.is_exact() {
                u == v
            } else {
                (u.to_f64() - v.to_f64()).abs() <= 1e-9 * u.to_f64().abs().max(1.0)
            }
        })
}

/// The `--round-each` plan: each entry as a statement of a forward program
/// (`gx1 = d1*w11 + d2*w21 + d3*w31`, `gw11 = d1*x1`, …), shown under the
/// names of the results, in their order.
fn audit(v: &Values) -> Result<Plan> {
    let mut src = vec![
        "j11 = x2".to_string(),
        "j12 = x1".into(),
        "j21 = 2*x1".into(),
        "j31 = 0*x1".into(),
        "j22 = 0*x2".into(),
        "j32 = 2*x2".into(),
        // ∂(aᵀx)/∂x is a itself: the given a_j, rounded as written.
        "ax1 = 1*a1".into(),
        "ax2 = 1*a2".into(),
    ];
    let mut names: Vec<(String, String)> = [(1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)]
        .iter()
        .map(|(i, j)| (format!("j{i}{j}"), format!("dy{i}/dx{j}")))
        .collect();
    for j in 1..=2 {
        names.push((format!("ax{j}"), format!("d(a^T x)/dx{j}")));
    }
    for j in 1..=2 {
        src.push(format!("gx{j} = d1*w1{j} + d2*w2{j} + d3*w3{j}"));
        names.push((format!("gx{j}"), format!("dL/dx{j}")));
    }
    for i in 1..=3 {
        for j in 1..=2 {
            src.push(format!("gw{i}{j} = d{i}*x{j}"));
            names.push((format!("gw{i}{j}"), format!("dL/dW{i}{j}")));
        }
    }
    let finals: Vec<&str> = names.iter().map(|(row, _)| row.as_str()).collect();
    let used = [
        "x1", "x2", "a1", "a2", "w11", "w12", "w21", "w22", "w31", "w32", "d1", "d2", "d3",
    ];
    let item = forward(src.join("; "), inputs(v, &used), &finals);
    replay(vec![named(item, names)])
}
