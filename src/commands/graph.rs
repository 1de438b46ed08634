//! `nn-tutor graph`: reverse-mode autodiff of an expression you type.

use std::collections::HashMap;

use super::{Outcome, parse_assignments};
use crate::args::{DiagramKind, GraphArgs};
use crate::error::Result;
use crate::render::diagram;
use crate::report::graph as graph_report;
use crate::scalar::Scalar;

pub fn run(a: GraphArgs) -> Result<Outcome> {
    let expr = if a.expr == "-" { read_stdin()? } else { a.expr };
    let mut values = HashMap::new();
    for (k, v) in parse_assignments(&a.at)? {
        values.insert(k, Scalar::parse(&v)?);
    }
    let s = a.out.settings();
    let (mut rep, trace) = graph_report::build(&expr, &values, &s)?;
    if let Some(kind) = a.diagram {
        let fig = graph_report::figure(&trace);
        let digits = a.out.render_options().digits;
        return Ok(Outcome::Text(match kind {
            DiagramKind::Text => diagram::text_tree_in(&fig, digits, a.out.lang),
            DiagramKind::Dot => diagram::dot(&fig, digits),
            DiagramKind::Svg => diagram::svg(&fig, digits, a.out.lang) + "\n",
        }));
    }
    rep.id = "graph".to_string();
    rep.title = format!("Computation graph of {}", expr.replace('\n', "; "));
    rep.title_zh = "计算图".to_string();
    if a.chains {
        for v in trace.graph.variable_names() {
            rep.blocks.extend(graph_report::chain_blocks(&trace, &v));
        }
    } else {
        rep.try_next
            .push("--chains to see the chain rule along every path".into());
    }
    rep.try_next.push("--diagram dot|svg|text".into());
    rep.try_next.push("--format markdown|latex|json".into());
    Outcome::report(rep, a.out)
}

/// Read a program from standard input, at most `expr::MAX_LEN` bytes.
fn read_stdin() -> Result<String> {
    let limit = crate::expr::MAX_LEN as u64;
    crate::files::read_limited(std::io::stdin(), "the expression on standard input", limit)
}
