//! Computation-graph diagrams: a plain-text tree for terminals, DOT for
//! users with Graphviz, and SVG (laid out by `layout-rs`) for the book.

use std::fmt::Write;

use crate::report::{Figure, FigureNode};

fn value_and_grad(n: &FigureNode, out: &str, digits: usize) -> String {
    let grad = n.grad.as_ref().map_or(String::new(), |g| {
        let d = crate::report::Math::partial(out, &n.label).plain;
        format!("  [{d} = {}]", g.show(digits))
    });
    format!("= {}{grad}", n.value.show(digits))
}

/// The graph as a tree from the output down to the inputs; a node used
/// twice is drawn once and referred to afterwards.
pub fn text_tree(f: &Figure, digits: usize) -> String {
    let Figure::Graph { nodes, output } = f else {
        return String::new();
    };
    let out_name = nodes[*output].label.as_str();
    let mut out = String::new();
    let mut seen = vec![false; nodes.len()];
    // Iterative depth-first walk: (node, prefix for children, line prefix).
    let mut stack = vec![(*output, String::new(), String::new())];
    while let Some((i, child_prefix, line_prefix)) = stack.pop() {
        let n = &nodes[i];
        let op = if n.op.is_empty() || n.op == "=" {
            String::new()
        } else {
            format!(" ({})", n.op)
        };
        if seen[i] && !n.inputs.is_empty() {
            let _ = writeln!(
                out,
                "{line_prefix}{}{op} {} (see above)",
                n.label,
                value_and_grad(n, out_name, digits)
            );
            continue;
        }
        seen[i] = true;
        if n.inputs.is_empty() && n.grad.is_none() {
            let _ = writeln!(out, "{line_prefix}{} (constant)", n.label);
            continue;
        }
        let _ = writeln!(
            out,
            "{line_prefix}{}{op} {}",
            n.label,
            value_and_grad(n, out_name, digits)
        );
        let k = n.inputs.len();
        for (j, &c) in n.inputs.iter().enumerate().rev() {
            let last = j + 1 == k;
            let (branch, cont) = if last {
                ("└── ", "    ")
            } else {
                ("├── ", "│   ")
            };
            stack.push((
                c,
                format!("{child_prefix}{cont}"),
                format!("{child_prefix}{branch}"),
            ));
        }
    }
    out
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Graphviz DOT, inputs on the left and the output on the right; each node
/// shows its value and, below it, its gradient.
pub fn dot(f: &Figure, digits: usize) -> String {
    let Figure::Graph { nodes, .. } = f else {
        return String::new();
    };
    let mut out = String::from("digraph computation {\n  rankdir=LR;\n  node [shape=box];\n");
    for (i, n) in nodes.iter().enumerate() {
        let op = if n.op.is_empty() || n.op == "=" {
            String::new()
        } else {
            format!(" ({})", n.op)
        };
        let grad = n
            .grad
            .as_ref()
            .map_or(String::new(), |g| format!("\\n∂ = {}", g.show(digits)));
        let label = format!(
            "{}{op}\\n= {}{grad}",
            dot_escape(&n.label),
            n.value.show(digits)
        );
        let _ = writeln!(out, "  n{i} [label=\"{label}\"];");
    }
    for (i, n) in nodes.iter().enumerate() {
        for &c in &n.inputs {
            let _ = writeln!(out, "  n{c} -> n{i};");
        }
    }
    out.push_str("}\n");
    out
}

/// SVG for the book: laid out from the DOT text by `layout-rs`, with the
/// XML prologue and blank lines removed (a blank line would end the HTML
/// block in Markdown) and ids made unique with `id_prefix`.
pub fn svg(f: &Figure, digits: usize) -> String {
    use layout::backends::svg::SVGWriter;
    use layout::gv::{DotParser, GraphBuilder};
    let text = dot(f, digits);
    let Ok(ast) = DotParser::new(&text).process() else {
        // The DOT text is ours; failing to parse it is a bug, shown plainly.
        return format!("<pre>{}</pre>", text.replace('<', "&lt;"));
    };
    let mut gb = GraphBuilder::new();
    gb.visit_graph(&ast);
    let mut vg = gb.get();
    let mut w = SVGWriter::new();
    vg.do_it(false, false, false, &mut w);
    let text = w.finalize();
    // Drop the XML prologue, which shares a line with the <svg> tag.
    let start = text.find("<svg").unwrap_or(0);
    text[start..]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
