//! Figures as small text charts for terminals: each panel of a line plot
//! drawn in 60×12 characters with its y range at the left, its x range
//! under it and a legend naming each series' mark; bars as rows of blocks;
//! a heat map as shades of a few characters. Every line fits 80 columns.

use crate::render::plot::{bar_lines, extent, log_scale, panel_extent};
use crate::report::i18n::{Lang, localize_str};
use crate::report::{Figure, Panel};
use crate::scalar::format_float;

/// Size of a line plot's drawing area, in characters.
const COLS: usize = 60;
const ROWS: usize = 12;
/// One mark per series, in order; a series of one point is drawn with `@`.
const MARKS: [char; 6] = ['*', 'o', '+', 'x', '#', '%'];
const POINT: char = '@';
/// Heat-map shades from low to high.
const SHADES: [char; 6] = [' ', '.', ':', '+', '#', '@'];

/// The figure as text for a terminal: a chart when it is a plot or a heat
/// map, blocks for bars (the short summary's own bars).
pub fn chart(f: &Figure, digits: usize, lang: Lang) -> String {
    let tr = |s: &str| {
        if lang == Lang::En {
            s.to_string()
        } else {
            localize_str(s)
        }
    };
    match f {
        Figure::Plot { title, panels } => {
            let charts: Vec<String> = panels.iter().map(|p| panel(p, digits, &tr)).collect();
            heading(title, &tr) + &charts.join("\n")
        }
        Figure::Heatmap { title, .. } => heading(title, &tr) + &heatmap(f, digits, &tr),
        Figure::Bars {
            title,
            labels,
            values,
            y_label,
        } => {
            heading(title, &tr)
                + &format!("  {}\n", tr(y_label))
                + &bar_lines(labels, values, digits)
        }
        Figure::Graph { .. } => String::new(),
    }
}

/// The figure's title, and how to get it as SVG, on lines of their own.
fn heading(title: &str, tr: &dyn Fn(&str) -> String) -> String {
    format!(
        "{}\n{}\n",
        tr(&format!("Figure · 图: {title}")),
        tr("(write it as SVG with --plot FILE.svg)")
    )
}

/// A number on an axis: four significant digits at most.
fn num(v: f64, digits: usize) -> String {
    format_float(v, digits.min(4))
}

fn panel(p: &Panel, digits: usize, tr: &dyn Fn(&str) -> String) -> String {
    let log = log_scale(p);
    let fy = |y: f64| if log { y.log10() } else { y };
    let ((x0, x1), (y0, y1)) = (panel_extent(p, 0), panel_extent(p, 1));
    let mut grid = vec![vec![' '; COLS]; ROWS];
    let col = |x: f64| scale(x, x0, x1, COLS);
    let row = |y: f64| ROWS - 1 - scale(fy(y), fy(y0), fy(y1), ROWS);
    // The first series is drawn last, on top of the others; marked points
    // (one-point series) on top of every line.
    let order = p.series.iter().enumerate().rev();
    let (points, lines): (Vec<_>, Vec<_>) = order.partition(|(_, s)| s.points.len() == 1);
    for (k, s) in lines.into_iter().chain(points) {
        let mark = if s.points.len() == 1 {
            POINT
        } else {
            MARKS[k % MARKS.len()]
        };
        for w in s.points.windows(2) {
            let ((xa, ya), (xb, yb)) = (w[0], w[1]);
            let (ca, cb) = (col(xa), col(xb));
            // Column by column from a to b; a jump of several rows between
            // two columns is filled in the second, so steep lines stay joined.
            let mut prev = row(ya);
            let step: isize = if cb >= ca { 1 } else { -1 };
            let mut c = ca as isize;
            loop {
                let t = if cb == ca {
                    1.0
                } else {
                    (c as f64 - ca as f64) / (cb as f64 - ca as f64)
                };
                let r = ROWS - 1 - scale(fy(ya) + (fy(yb) - fy(ya)) * t, fy(y0), fy(y1), ROWS);
                for line in &mut grid[prev.min(r)..=prev.max(r)] {
                    line[c as usize] = mark;
                }
                prev = r;
                if c == cb as isize {
                    break;
                }
                c += step;
            }
        }
        for &(x, y) in &s.points {
            grid[row(y)][col(x)] = mark;
        }
    }
    let (top, bottom) = (num(y1, digits), num(y0, digits));
    let w = top.chars().count().max(bottom.chars().count());
    let y_label = if log {
        tr(&format!("{} (log scale)", p.y_label))
    } else {
        tr(&p.y_label)
    };
    let mut out = format!("  {}\n  {y_label}\n", tr(&p.title));
    for (r, line) in grid.iter().enumerate() {
        let label = match r {
            0 => top.as_str(),
            r if r == ROWS - 1 => bottom.as_str(),
            _ => "",
        };
        let tick = if label.is_empty() { '│' } else { '┤' };
        let line: String = line.iter().collect();
        out.push_str(&format!("  {label:>w$} {tick}{}\n", line.trim_end()));
    }
    out.push_str(&format!("  {:w$} └{}\n", "", "─".repeat(COLS)));
    out.push_str(&x_axis(
        &num(x0, digits),
        &tr(&p.x_label),
        &num(x1, digits),
        w + 4,
    ));
    let names: Vec<String> = p
        .series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mark = if s.points.len() == 1 {
                POINT
            } else {
                MARKS[k % MARKS.len()]
            };
            format!("{mark} {}", tr(&s.label))
        })
        .collect();
    out.push_str(&wrap(&names, 78));
    out
}

/// `v` on `[lo, hi]` as a cell index `0..n`.
fn scale(v: f64, lo: f64, hi: f64, n: usize) -> usize {
    if hi <= lo || !v.is_finite() {
        return 0;
    }
    (((v - lo) / (hi - lo)) * (n - 1) as f64)
        .round()
        .clamp(0.0, (n - 1) as f64) as usize
}

/// The x axis's ends under its first and last columns, its name centred
/// between them (on a line of its own when they would collide).
fn x_axis(lo: &str, name: &str, hi: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let inner = COLS.saturating_sub(lo.chars().count() + hi.chars().count());
    let n = width(name);
    if n + 2 <= inner {
        let left = (inner - n) / 2;
        format!(
            "{pad}{lo}{}{name}{}{hi}\n",
            " ".repeat(left),
            " ".repeat(inner - n - left)
        )
    } else {
        format!("{pad}{lo}{}{hi}\n{pad}{name}\n", " ".repeat(inner.max(1)))
    }
}

/// Legend entries on lines of at most `max` columns.
fn wrap(items: &[String], max: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    for it in items {
        if width(&line) + 3 + width(it) > max && line.trim() != "" {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(" ");
        }
        line.push_str("  ");
        line.push_str(it);
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// Columns a string takes in a terminal: CJK characters take two.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}' => 2,
            _ => 1,
        })
        .sum()
}

/// A heat map in shades of [`SHADES`] (about 40×20 cells, sampled from the
/// grid), its marks as their letters, the ranges of both axes and of the
/// values.
fn heatmap(f: &Figure, digits: usize, tr: &dyn Fn(&str) -> String) -> String {
    let Figure::Heatmap {
        x_label,
        y_label,
        xs,
        ys,
        values,
        marks,
        value_label,
        ..
    } = f
    else {
        return String::new();
    };
    let (nc, nr) = (xs.len().min(40), ys.len().min(20));
    let (lo, hi) = extent(values.iter().flatten().copied());
    // Cell (r, c) shows the grid point nearest its centre; row 0 is the top (largest y).
    let pick = |k: usize, n: usize, len: usize| ((k as f64 + 0.5) / n as f64 * len as f64) as usize;
    let mut grid: Vec<Vec<char>> = (0..nr)
        .map(|r| {
            let i = len_1(ys.len()) - pick(r, nr, ys.len()).min(len_1(ys.len()));
            (0..nc)
                .map(|c| {
                    let j = pick(c, nc, xs.len()).min(len_1(xs.len()));
                    let t = scale(values[i][j], lo, hi, SHADES.len());
                    SHADES[t]
                })
                .collect()
        })
        .collect();
    let (x0, x1, y0, y1) = (xs[0], xs[xs.len() - 1], ys[0], ys[ys.len() - 1]);
    for (label, x, y) in marks {
        let c = scale(*x, x0, x1, nc);
        let r = nr - 1 - scale(*y, y0, y1, nr);
        grid[r][c] = label.chars().next().unwrap_or('?');
    }
    let (top, bottom) = (num(y1, digits), num(y0, digits));
    let w = top.chars().count().max(bottom.chars().count());
    let mut out = format!("  {}\n", tr(y_label));
    for (r, line) in grid.iter().enumerate() {
        let label = match r {
            0 => top.as_str(),
            r if r == nr - 1 => bottom.as_str(),
            _ => "",
        };
        let line: String = line.iter().collect();
        out.push_str(&format!("  {label:>w$} │{line}│\n"));
    }
    let (l, h) = (num(x0, digits), num(x1, digits));
    let gap = nc.saturating_sub(l.chars().count() + h.chars().count());
    out.push_str(&format!(
        "  {:w$}  {l}{}{h}   {}\n",
        "",
        " ".repeat(gap),
        tr(x_label)
    ));
    let shades: String = SHADES.iter().collect();
    out.push_str(&format!(
        "  {}\n",
        tr(&format!(
            "{value_label}: '{shades}' from {} to {}",
            num(lo, digits),
            num(hi, digits)
        ))
    ));
    let marked: Vec<String> = marks
        .iter()
        .map(|(l, x, y)| format!("{l} = ({}, {})", num(*x, digits), num(*y, digits)))
        .collect();
    if !marked.is_empty() {
        out.push_str(&format!(
            "  {}\n",
            tr(&format!("marked: {}", marked.join(", ")))
        ));
    }
    out
}

fn len_1(n: usize) -> usize {
    n.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Series;

    fn rising() -> Panel {
        Panel {
            title: "loss against epoch".into(),
            x_label: "epoch".into(),
            y_label: "loss".into(),
            series: vec![
                Series {
                    label: "up".into(),
                    points: (1..=10).map(|e| (e as f64, e as f64 / 10.0)).collect(),
                    nums: Vec::new(),
                },
                Series {
                    label: "kept".into(),
                    points: vec![(4.0, 0.4)],
                    nums: Vec::new(),
                },
            ],
        }
    }

    #[test]
    fn a_rising_line_goes_from_the_bottom_left_to_the_top_right() {
        let f = Figure::Plot {
            title: "Loss".into(),
            panels: vec![rising()],
        };
        let text = chart(&f, 6, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        // heading, panel title, y label, 12 rows, axis, x ends, legend
        assert_eq!(lines.len(), 4 + ROWS + 3, "{text}");
        let rows = &lines[4..4 + ROWS];
        assert!(
            rows[0].starts_with("    1 ┤ ") && rows[0].ends_with('*'),
            "{text}"
        );
        assert!(rows[ROWS - 1].starts_with("  0.1 ┤*"), "{text}");
        assert!(rows.iter().all(|r| r.chars().count() <= 2 + 3 + 2 + COLS));
        // The one-point series is a dot at epoch 4: column (4-1)/9·59 ≈ 20.
        let row = lines.iter().find(|l| l.contains(POINT)).unwrap();
        let at = |c: char| row.chars().position(|x| x == c).unwrap();
        assert_eq!(at(POINT) - at('│') - 1, 20, "{text}");
        let ends = lines[ROWS + 5];
        assert!(
            ends.trim_start().starts_with('1') && ends.ends_with("10"),
            "{text}"
        );
        assert!(ends.contains(" epoch "), "{text}");
        assert_eq!(lines[ROWS + 6], "   * up  @ kept");
    }

    #[test]
    fn every_chart_of_the_catalog_fits_80_columns() {
        let s = crate::report::Settings::default();
        let mut charts = 0;
        for ex in crate::catalog::all() {
            if ex.topic == "training" && ex.number == 3 {
                continue; // a minute of training; its figure is training/1's kind
            }
            let r = ex.run(&[], &s).expect("the example runs");
            for b in &r.blocks {
                if let crate::report::Block::Figure(f) = b {
                    for lang in [Lang::En, Lang::Zh] {
                        let text = chart(f, 6, lang);
                        for l in text.lines() {
                            assert!(width(l) <= 80, "{}: {} columns: {l}", ex.id(), width(l));
                        }
                    }
                    charts += 1;
                }
            }
        }
        assert!(charts >= 12, "only {charts} figures");
    }
}
