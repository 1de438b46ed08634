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

/// [`text_tree`] with its few words (`constant`, …) in `lang`.
pub fn text_tree_in(f: &Figure, digits: usize, lang: crate::report::i18n::Lang) -> String {
    let tree = text_tree(f, digits);
    if lang == crate::report::i18n::Lang::En {
        return tree;
    }
    tree.lines()
        .map(|l| crate::report::i18n::translate(l).unwrap_or_else(|| l.to_string()) + "\n")
        .collect()
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
        if n.inputs.is_empty() && n.constant {
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
/// block in Markdown). Its ids repeat from figure to figure: the book
/// prefixes them per figure (`book::unique_svg_ids`).
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
    let svg = text[start..]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    fit_to_boxes(&svg)
}

/// The number in `name="…"` within `tag`.
fn attr(tag: &str, name: &str) -> Option<f64> {
    let i = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[i..].split('"').next()?.trim().parse().ok()
}

/// layout-rs makes the canvas much taller than the drawing (empty space
/// under every figure): shrink width and height to the node boxes plus the
/// same 30-unit margin it leaves at the top and left.
fn fit_to_boxes(svg: &str) -> String {
    let (mut right, mut bottom) = (0f64, 0f64);
    for part in svg.split("<rect").skip(1) {
        let tag = part.split("/>").next().unwrap_or(part);
        if let (Some(x), Some(y), Some(w), Some(h)) = (
            attr(tag, "x"),
            attr(tag, "y"),
            attr(tag, "width"),
            attr(tag, "height"),
        ) {
            right = right.max(x + w);
            bottom = bottom.max(y + h);
        }
    }
    let Some(head_end) = svg.find('>') else {
        return svg.to_string();
    };
    let head = &svg[..head_end];
    let (Some(w0), Some(h0)) = (attr(head, "width"), attr(head, "height")) else {
        return svg.to_string();
    };
    let (w, h) = (
        (right + 30.0).min(w0).ceil(),
        (bottom + 30.0).min(h0).ceil(),
    );
    if right <= 0.0 || bottom <= 0.0 {
        return svg.to_string();
    }
    format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\"{}",
        &svg[head_end..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canvas_fits_the_drawing() {
        // A canvas 541 high around boxes that end at y = 194.
        let svg = "<svg width=\"400\" height=\"541\" viewBox=\"0 0 400 541\" xmlns=\"http://www.w3.org/2000/svg\">\n\
                   <rect x=\"30\" y=\"30\" width=\"94\" height=\"52\" fill=\"#fff\"\n stroke=\"#000\" />\n\
                   <rect x=\"184\" y=\"142\" width=\"80\" height=\"52\" />\n</svg>";
        let fitted = fit_to_boxes(svg);
        assert!(
            fitted.starts_with("<svg width=\"294\" height=\"224\" viewBox=\"0 0 294 224\""),
            "{fitted}"
        );
        assert!(fitted.ends_with("</svg>"));
        // Never grows the canvas, and leaves an svg without boxes alone.
        let none = "<svg width=\"10\" height=\"10\"></svg>";
        assert_eq!(fit_to_boxes(none), none);
    }
}
