//! JSON output: one object with `id`, `title`, `sources`, `inputs`,
//! `results` and `blocks`. A number is `{"exact": "p/q" | "n" | null,
//! "float": f64}`; `exact` is null when the value is rounded.

use serde_json::{Map, Value, json};

use crate::render::RenderOptions;
use crate::report::{Block, Cell, Data, Figure, Named, Report};
use crate::scalar::Scalar;

/// A number in the JSON contract.
pub fn number(v: &Scalar) -> Value {
    json!({ "exact": v.exact_string(), "float": v.to_f64() })
}

fn named(pairs: &[(String, Scalar)]) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.clone(), number(v));
    }
    Value::Object(m)
}

/// Each result's number with its kind (`"kind": "gradient"`).
pub fn typed(results: &[Named]) -> Value {
    let mut m = Map::new();
    for r in results {
        let mut v = number(&r.value);
        v["kind"] = json!(r.kind.name());
        m.insert(r.name.clone(), v);
    }
    Value::Object(m)
}

fn cell(c: &Cell) -> Value {
    match c {
        Cell::Text(s) => json!(s),
        Cell::Math(m) => json!({ "plain": m.plain, "latex": m.latex }),
        Cell::Num(v) => number(v),
        Cell::Empty => Value::Null,
    }
}

fn block(b: &Block) -> Value {
    match b {
        Block::Heading(h) => json!({ "type": "heading", "text": h }),
        Block::Text(t) => json!({ "type": "text", "text": t }),
        Block::Formula(m) => json!({ "type": "formula", "plain": m.plain, "latex": m.latex }),
        Block::Table(t) => json!({
            "type": "table",
            "title": t.title,
            "header": t.header,
            "rows": t.rows.iter().map(|r| r.iter().map(cell).collect::<Vec<_>>()).collect::<Vec<_>>(),
        }),
        Block::Figure(f @ (Figure::Plot { .. } | Figure::Bars { .. } | Figure::Heatmap { .. })) => {
            plot_block(f)
        }
        Block::Figure(Figure::Graph { nodes, output }) => json!({
            "type": "figure",
            "kind": "graph",
            "output": output,
            "nodes": nodes.iter().map(|n| json!({
                "label": n.label,
                "op": n.op,
                "value": number(&n.value),
                "grad": n.grad.as_ref().map(number),
                "inputs": n.inputs,
            })).collect::<Vec<_>>(),
        }),
    }
}

fn data(d: &Data) -> Value {
    match d {
        Data::Num(v) => number(v),
        Data::Text(t) => json!(t),
        Data::List(v) => Value::Array(v.iter().map(data).collect()),
        Data::Map(kv) => Value::Object(kv.iter().map(|(k, v)| (k.clone(), data(v))).collect()),
        Data::Null => Value::Null,
    }
}

fn plot_block(f: &Figure) -> Value {
    match f {
        Figure::Plot { title, panels } => json!({
            "type": "figure",
            "kind": "plot",
            "title": title,
            "panels": panels.iter().map(|p| json!({
                "title": p.title,
                "x_label": p.x_label,
                "y_label": p.y_label,
                "series": p.series.iter().map(|s| json!({
                    "label": s.label,
                    "points": s.points.iter().map(|(x, y)| json!([x, y])).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }),
        Figure::Bars {
            title,
            labels,
            values,
            y_label,
        } => json!({
            "type": "figure",
            "kind": "bars",
            "title": title,
            "labels": labels,
            "values": values,
            "y_label": y_label,
        }),
        Figure::Heatmap {
            title,
            x_label,
            y_label,
            xs,
            ys,
            values,
            marks,
            value_label,
        } => json!({
            "type": "figure",
            "kind": "heatmap",
            "title": title,
            "x_label": x_label,
            "y_label": y_label,
            "xs": xs,
            "ys": ys,
            "values": values,
            "value_label": value_label,
            "marks": marks.iter().map(|(l, x, y)| json!({"label": l, "x": x, "y": y})).collect::<Vec<_>>(),
        }),
        Figure::Graph { .. } => Value::Null,
    }
}

/// The whole report as pretty-printed JSON.
pub fn render(r: &Report, _o: &RenderOptions) -> String {
    let mut s = serde_json::to_string_pretty(&value(r)).unwrap_or_default();
    s.push('\n');
    s
}

/// The whole report as a JSON value (what [`render`] prints).
pub fn value(r: &Report) -> Value {
    let v = json!({
        "id": r.id,
        "title": r.title,
        "title_zh": r.title_zh,
        "sources": r.sources,
        "inputs": named(&r.inputs),
        "results": typed(&r.results),
        "blocks": r.blocks.iter().map(block).collect::<Vec<_>>(),
    });
    let mut v = v;
    if let Value::Object(m) = &mut v {
        for (k, d) in &r.data {
            m.insert(k.clone(), data(d));
        }
    }
    v
}
