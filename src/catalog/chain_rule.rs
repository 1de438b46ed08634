//! chain-rule/1-2: the chain rule on PKU's z = u² + v² and on five sigmoids
//! in a row (NNDL, MS).

use crate::catalog::{Audit, Draw, Engine, Exercise, Ranges};
use crate::catalog::{Example, Param, Values};
use crate::error::Result;
use crate::graph::{Graph, Trace};
use crate::report::graph::{build, chain_blocks};
use crate::report::labels::{self, Labels};
use crate::report::{Block, Math, Num, Report, Sentence, Settings, Table};
use crate::scalar::Scalar;

pub static EXAMPLES: &[Example] = &[
    Example {
        topic: "chain-rule",
        number: 1,
        title: "The chain rule for z = u² + v²",
        title_zh: "偏导数与链式法则",
        sources: &["PKU deck, 偏导数与链式法则 例: z = u² + v², u = xy, v = x/y"],
        params: &[
            Param::new("x", "1", "first variable"),
            Param::new("y", "2", "second variable (not 0)"),
        ],
        build: chain_rule_1,
        engine: Engine::Graph(CHAIN_RULE_1),
        exercise: Exercise::Ranges(&Ranges::new(&[
            ("x", Draw::Int(-5, 5)),
            (
                "y",
                Draw::Of(&[
                    "-3", "-2", "-3/2", "-1", "-1/2", "-1/3", "1/3", "1/2", "1", "3/2", "2", "3",
                ]),
            ),
        ])),
        audit: Audit::Engine,
        has_plot: false,
    },
    Example {
        topic: "chain-rule",
        number: 2,
        title: "Five sigmoids in a row: each factor at most 1/4",
        title_zh: "链式法则与梯度消失",
        sources: &[
            "NNDL, 梯度消失问题: y = f⁵(f⁴(f³(f²(f¹(x)))))",
            "MS, 梯度消失与梯度爆炸",
        ],
        params: &[Param::new("x", "0", "input of the first sigmoid")],
        build: chain_rule_2,
        engine: Engine::Graph(CHAIN_RULE_2),
        exercise: Exercise::Ranges(&Ranges::new(&[("x", X_2)])),
        audit: Audit::Engine,
        has_plot: false,
    },
];

/// chain-rule/2's input: x = k/20 in [−3, 3], where the first sigmoid is
/// not saturated (|x| ≤ 3; the later ones take inputs in (0, 1)).
const X_2: Draw = Draw::Of(&[
    "-3", "-59/20", "-29/10", "-57/20", "-14/5", "-11/4", "-27/10", "-53/20", "-13/5", "-51/20",
    "-5/2", "-49/20", "-12/5", "-47/20", "-23/10", "-9/4", "-11/5", "-43/20", "-21/10", "-41/20",
    "-2", "-39/20", "-19/10", "-37/20", "-9/5", "-7/4", "-17/10", "-33/20", "-8/5", "-31/20",
    "-3/2", "-29/20", "-7/5", "-27/20", "-13/10", "-5/4", "-6/5", "-23/20", "-11/10", "-21/20",
    "-1", "-19/20", "-9/10", "-17/20", "-4/5", "-3/4", "-7/10", "-13/20", "-3/5", "-11/20", "-1/2",
    "-9/20", "-2/5", "-7/20", "-3/10", "-1/4", "-1/5", "-3/20", "-1/10", "-1/20", "0", "1/20",
    "1/10", "3/20", "1/5", "1/4", "3/10", "7/20", "2/5", "9/20", "1/2", "11/20", "3/5", "13/20",
    "7/10", "3/4", "4/5", "17/20", "9/10", "19/20", "1", "21/20", "11/10", "23/20", "6/5", "5/4",
    "13/10", "27/20", "7/5", "29/20", "3/2", "31/20", "8/5", "33/20", "17/10", "7/4", "9/5",
    "37/20", "19/10", "39/20", "2", "41/20", "21/10", "43/20", "11/5", "9/4", "23/10", "47/20",
    "12/5", "49/20", "5/2", "51/20", "13/5", "53/20", "27/10", "11/4", "14/5", "57/20", "29/10",
    "59/20", "3",
]);

/// The program of chain-rule/1.
pub const CHAIN_RULE_1: &str = "u = x*y; v = x/y; z = u^2 + v^2";
/// The program of chain-rule/2.
pub const CHAIN_RULE_2: &str =
    "f1 = sigmoid(x); f2 = sigmoid(f1); f3 = sigmoid(f2); f4 = sigmoid(f3); y = sigmoid(f4)";

/// z = u² + v², u = xy, v = x/y, as on the PKU slide.
fn chain_rule_1(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(CHAIN_RULE_1, v, s)?;
    r.heading_formula(Math::new("z = u² + v²", "z = u^2 + v^2"));
    r.blocks.extend(chain_blocks(&trace, "x"));
    r.blocks.extend(chain_blocks(&trace, "y"));
    closed_form_check(
        &mut r,
        &trace,
        v,
        s,
        &[("x", "2*x*y^2 + 2*x/y^2"), ("y", "2*x^2*y - 2*x^2/y^3")],
    )?;
    Ok(r)
}

/// y = f5(f4(f3(f2(f1(x))))) with sigmoids: a product of five factors ≤ 1/4.
fn chain_rule_2(v: &Values, s: &Settings) -> Result<Report> {
    let (mut r, trace) = build(CHAIN_RULE_2, v, s)?;
    r.blocks.extend(chain_blocks(&trace, "x"));
    let mut t = Table::new(
        "Each factor against the bound σ' ≤ 1/4",
        &["factor", "value", "≤ 1/4"],
    );
    let quarter = Scalar::ratio(1, 4);
    let l = Labels::of(&trace.graph);
    for st in &trace.steps {
        let ok = st.local.cmp_value(&quarter).is_le();
        t.row(vec![
            Math::partial(&l.label[st.consumer], &l.label[st.input]).into(),
            st.local.clone().into(),
            (if ok { "✓" } else { "✗" }).into(),
        ]);
    }
    r.table(t);
    let dy = trace.grads[trace.graph.find("x").expect("x is a variable")].clone();
    let bound = quarter.pow(&Scalar::int(5))?;
    let mut line = Sentence::from("∂y/∂x = ");
    match dy {
        Some(d) => line.push_num(Num::shown(&d)),
        None => line.push_words("-"),
    }
    line.push_words(" ≤ (1/4)^5 = ");
    line.push_num(Num::shown(&bound));
    line.push_words(
        ": every sigmoid layer multiplies the gradient by at most 1/4, so it shrinks \
         geometrically with depth (the vanishing gradient).",
    );
    r.blocks.push(Block::Sentence(line));
    Ok(r)
}

/// Evaluate hand-derived closed forms of the gradients with the same engine
/// and state whether each equals the backpropagated value.
pub(super) fn closed_form_check(
    r: &mut Report,
    trace: &Trace,
    v: &Values,
    s: &Settings,
    forms: &[(&str, &str)],
) -> Result<()> {
    let out = trace.graph.output_name().to_string();
    let mut t = Table::new(
        "Check against the hand-derived formula",
        &["gradient", "formula", "formula's value", "backprop", "same"],
    );
    for (var, form) in forms {
        let g = Graph::parse(form)?;
        let used: Values = v
            .iter()
            .filter(|(k, _)| g.variable_names().contains(k))
            .map(|(k, x)| (k.clone(), x.clone()))
            .collect();
        let value = labels::run(&g, &used, s.float)?.values[g.output].clone();
        let bp = trace.grads[trace.graph.find(var).expect("the variable exists")]
            .clone()
            .unwrap_or_else(Scalar::zero);
        let same = (value.to_f64() - bp.to_f64()).abs() <= 1e-12 * bp.to_f64().abs().max(1.0)
            && (value.is_exact() != bp.is_exact() || value == bp || !value.is_exact());
        t.row(vec![
            Math::partial(&out, var).into(),
            Math::name(form).into(),
            value.into(),
            bp.into(),
            (if same { "✓" } else { "✗" }).into(),
        ]);
    }
    r.blocks.push(Block::Table(t));
    Ok(())
}
