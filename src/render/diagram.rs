//! Computation-graph diagrams: a plain-text tree for terminals, DOT for
//! users with Graphviz, and SVG (laid out by `layout-rs`) for the book.

use std::fmt::Write;

use crate::render::number::{self, minus};
use crate::report::{Figure, FigureNode};

mod placement;
use placement::{Placed, place};

fn value_and_grad(n: &FigureNode, out: &str, digits: usize) -> String {
    let grad = n.grad.as_ref().map_or(String::new(), |g| {
        let d = crate::report::Math::partial(out, &n.label);
        let d = d.words();
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

/// Points of the text in graph figures; with natural-size drawing (the book
/// never shrinks a graph, see `book/nn-tutor.css`) this is its size on screen.
const FONT: f64 = 14.0;
/// Distance between the baselines of a node's lines.
const LINE: f64 = 18.0;
/// Width of one character, generous for digits in a sans-serif face (0.55 em).
const CHAR: f64 = 0.6 * FONT;
/// The book's content column is 750 px wide: a layout this wide fits it.
const COLUMN: f64 = 720.0;
/// Colours of the value and gradient lines: Okabe–Ito blue, and its
/// vermillion darkened to keep 4.5:1 contrast on white (CS231n draws values
/// and gradients in two colours; here the line also tells them apart).
const VALUE_COLOUR: &str = "#0072B2";
const GRAD_COLOUR: &str = "#A63D00";

/// One line of a node's text and its colour.
type Line = (String, &'static str);

/// A node's lines: name (and operation), value above, gradient below.
fn node_lines(n: &FigureNode, digits: usize) -> Vec<Line> {
    let op = if n.op.is_empty() || n.op == "=" {
        String::new()
    } else {
        format!(" ({})", n.op)
    };
    // as the book's tables write values: long fractions as decimals, −
    let shown = |v| minus(&number::value(v, digits, false).text);
    let value = n.value.show(digits);
    let mut lines = vec![(format!("{}{op}", n.label), "#111")];
    // A constant such as `2` says its value once.
    if !(n.inputs.is_empty() && n.grad.is_none() && value == n.label) {
        lines.push((format!("= {}", shown(&n.value)), VALUE_COLOUR));
    }
    if let Some(g) = &n.grad {
        lines.push((format!("∂ = {}", shown(g)), GRAD_COLOUR));
    }
    lines
}

fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * CHAR
}

/// SVG for the book, laid out by `layout-rs`: left to right like the decks
/// when that fits the book's column, otherwise top to bottom when that
/// fits, otherwise whichever is narrower (the book then scrolls it
/// sideways rather than shrinking its text). Each node shows its name,
/// its value (blue, upper line) and its gradient (red, lower line); a
/// `<title>` names the figure for screen readers. No blank lines (a blank
/// line would end the HTML block in Markdown); the book prefixes the ids
/// per figure (`book::unique_svg_ids`).
pub fn svg(f: &Figure, digits: usize, lang: crate::report::i18n::Lang) -> String {
    use layout::core::base::Orientation::{LeftToRight, TopToBottom};
    let Figure::Graph { nodes, output } = f else {
        return String::new();
    };
    let lines: Vec<Vec<Line>> = nodes.iter().map(|n| node_lines(n, digits)).collect();
    let width = |p: &Placed| {
        let (x0, _, x1, _) = p.bounds();
        x1 - x0
    };
    let lr = place(nodes, &lines, LeftToRight);
    let placed = if width(&lr) <= COLUMN {
        lr
    } else {
        let tb = place(nodes, &lines, TopToBottom);
        if width(&tb) <= COLUMN || width(&tb) < width(&lr) {
            tb
        } else {
            lr
        }
    };
    let out = nodes.get(*output).map_or("f", |n| n.label.as_str());
    draw(
        &placed,
        &lines,
        crate::report::Math::partial(out, &crate::report::i18n::label(lang, "node")).words(),
        lang,
    )
}

/// The SVG text of a laid-out graph, moved to a 10-unit margin.
/// `partial` is the gradient's name (`∂f/∂node`).
fn draw(p: &Placed, lines: &[Vec<Line>], partial: &str, lang: crate::report::i18n::Lang) -> String {
    let word = |en: &'static str| crate::report::i18n::label(lang, en);
    let (upper, value, lower, gradient) = (
        word("upper line:"),
        word("value"),
        word("lower line:"),
        word("gradient"),
    );
    let (x0, y0, x1, y1) = p.bounds();
    let (dx, dy) = (10.0 - x0, 10.0 - y0);
    let legend = format!("{upper} {value} · {lower} {gradient} {partial}");
    let title = crate::report::i18n::label(
        lang,
        "Computation graph: each node shows its value and, under it, the gradient",
    );
    let w = (x1 - x0 + 20.0).max(text_width(&legend) + 20.0).ceil();
    let h = (y1 - y0 + 20.0 + LINE + 6.0).ceil();
    let mut s = format!(
        "<svg class=\"nn-graph\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" font-family=\"sans-serif\" font-size=\"{FONT}\">\n\
         <title>{title} {}</title>\n\
         <defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\">\
         <polygon points=\"0 0, 10 3.5, 0 7\" fill=\"#555\"/></marker></defs>\n",
        xml_escape(partial)
    );
    for e in &p.edges {
        let pt = |k: usize| format!("{:.1} {:.1}", e[k].0 + dx, e[k].1 + dy);
        let mut d = format!("M {} C {}, {}, {}", pt(0), pt(1), pt(2), pt(3));
        for k in (4..e.len().saturating_sub(1)).step_by(2) {
            d.push_str(&format!(" S {}, {}", pt(k), pt(k + 1)));
        }
        let _ = writeln!(
            s,
            "<path d=\"{d}\" stroke=\"#555\" stroke-width=\"1.5\" fill=\"none\" marker-end=\"url(#arrow)\"/>"
        );
    }
    for (b, l) in p.boxes.iter().zip(lines) {
        let Some((x, y, bw, bh)) = *b else { continue };
        let (x, y) = (x + dx, y + dy);
        let _ = writeln!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" rx=\"4\" fill=\"#fff\" stroke=\"#333\"/>"
        );
        let top = y + (bh - l.len() as f64 * LINE) / 2.0;
        for (k, (t, colour)) in l.iter().enumerate() {
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{colour}\">{}</text>",
                x + bw / 2.0,
                top + (k as f64 + 0.75) * LINE,
                xml_escape(t)
            );
        }
    }
    let _ = writeln!(
        s,
        "<text x=\"10\" y=\"{:.1}\" font-size=\"13\" fill=\"#333\">{upper} <tspan fill=\"{VALUE_COLOUR}\">{value}</tspan> · {lower} <tspan fill=\"{GRAD_COLOUR}\">{gradient} {}</tspan></text>",
        h - 10.0,
        xml_escape(partial)
    );
    s.push_str("</svg>");
    s
}

/// `&`, `<`, `>` and `"` as XML (and HTML) entities.
pub(crate) fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::i18n::Lang;
    use crate::scalar::Scalar;

    /// x → f1 = σ(x) → … → f_k: a chain as long as autodiff/2's.
    fn chain(k: usize) -> Figure {
        let mut nodes = vec![FigureNode {
            label: "x".into(),
            op: String::new(),
            value: Scalar::int(0),
            grad: Some(Scalar::Float(0.000676339)),
            inputs: vec![],
            constant: false,
        }];
        for i in 1..=k {
            nodes.push(FigureNode {
                label: format!("f{i}"),
                op: "σ".into(),
                value: Scalar::Float(0.622459),
                grad: Some(Scalar::Float(0.0506542)),
                inputs: vec![i - 1],
                constant: false,
            });
        }
        Figure::Graph { nodes, output: k }
    }

    /// The numbers after `name="` in every element of `svg` that has it.
    fn numbers(svg: &str, tag: &str, name: &str) -> Vec<f64> {
        svg.split(&format!("<{tag} "))
            .skip(1)
            .filter_map(|t| attr(t.split('>').next().unwrap_or(t), name))
            .collect()
    }

    fn attr(tag: &str, name: &str) -> Option<f64> {
        let i = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[i..].split('"').next()?.parse().ok()
    }

    #[test]
    fn a_long_chain_goes_top_to_bottom_within_the_column() {
        let svg = svg(&chain(6), 6, Lang::En);
        let width = attr(&svg[4..], "width").unwrap();
        assert!(width <= COLUMN + 20.0, "{width}: {svg}");
        // Seven boxes, one above the other.
        let ys = numbers(&svg, "rect", "y");
        assert_eq!(ys.len(), 7);
        assert!(ys.windows(2).all(|w| w[1] > w[0]), "{ys:?}");
        // Text is drawn at its natural 14 px, and the figure has a title.
        assert!(svg.contains("font-size=\"14\"") && svg.contains("class=\"nn-graph\""));
        assert!(svg.contains("<title>Computation graph"), "{svg}");
    }

    #[test]
    fn a_chinese_graph_has_its_title_and_legend_in_chinese() {
        let svg = svg(&chain(1), 6, Lang::Zh);
        assert!(
            svg.contains("<title>计算图: 每个节点显示它的值，值的下方是梯度 "),
            "{svg}"
        );
        assert!(svg.contains(">上行: <tspan") && svg.contains(">值</tspan> · 下行: <tspan"));
        assert!(svg.contains(">梯度 ∂f1/∂节点<"), "{svg}");
        for en in [
            "Computation",
            "upper line",
            "lower line",
            "gradient",
            "value",
        ] {
            assert!(!svg.contains(en), "{en} in {svg}");
        }
    }

    #[test]
    fn a_short_graph_stays_left_to_right() {
        let svg = svg(&chain(2), 6, Lang::En);
        let ys = numbers(&svg, "rect", "y");
        let xs = numbers(&svg, "rect", "x");
        assert!(xs.windows(2).all(|w| w[1] > w[0]), "{xs:?}");
        assert!(ys.windows(2).all(|w| (w[1] - w[0]).abs() < 1.0), "{ys:?}");
    }

    #[test]
    fn the_value_sits_above_the_gradient_in_its_own_colour() {
        let svg = svg(&chain(1), 6, Lang::En);
        let line = |needle: &str| {
            svg.lines()
                .find(|l| l.starts_with("<text") && l.contains(needle))
                .unwrap_or_else(|| panic!("no {needle} in {svg}"))
        };
        let (value, grad) = (line(">= 0.622459<"), line(">∂ = 0.0506542<"));
        assert!(value.contains(VALUE_COLOUR) && grad.contains(GRAD_COLOUR));
        assert!(attr(value, "y").unwrap() < attr(grad, "y").unwrap());
        // The legend names the gradient of the output.
        assert!(svg.contains("gradient ∂f1/∂node"), "{svg}");
    }
}
