//! Plots as SVG (drawn by `plotters` with its SVG backend and no system
//! fonts) and as a short text summary for terminals and LaTeX.

use plotters::prelude::*;

use crate::report::i18n::{Lang, localize_str};
use crate::report::{Figure, Panel};
use crate::scalar::format_float;

const WIDTH: u32 = 640;
const PANEL_HEIGHT: u32 = 300;

/// A few lines naming what the figure shows, in `lang` (each line goes
/// through the message table).
pub fn summary(f: &Figure, digits: usize, lang: Lang) -> String {
    let en = summary_en(f, digits);
    if lang == Lang::En {
        return en;
    }
    en.lines().map(|l| localize_str(l) + "\n").collect()
}

fn summary_en(f: &Figure, digits: usize) -> String {
    match f {
        Figure::Plot { title, panels } => {
            let mut s = format!("Figure · 图: {title} (write it as SVG with --plot FILE.svg)\n");
            for p in panels {
                let names: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
                let (lo, hi) = x_range(p);
                s.push_str(&format!(
                    "  {}: {} on [{}, {}]\n",
                    p.title,
                    names.join(", "),
                    format_float(lo, digits),
                    format_float(hi, digits)
                ));
            }
            s
        }
        Figure::Bars {
            title,
            labels,
            values,
        } => {
            let mut s = format!("Figure · 图: {title} (write it as SVG with --plot FILE.svg)\n");
            let top = values
                .iter()
                .copied()
                .fold(0.0_f64, f64::max)
                .max(f64::MIN_POSITIVE);
            for (l, v) in labels.iter().zip(values) {
                let bar = "█".repeat(((v / top) * 30.0).round().max(0.0) as usize);
                s.push_str(&format!("  {l:>6} {bar} {}\n", format_float(*v, digits)));
            }
            s
        }
        Figure::Heatmap {
            title,
            x_label,
            y_label,
            xs,
            ys,
            values,
            marks,
        } => {
            let all = values.iter().flatten().copied();
            let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
                (a.min(v), b.max(v))
            });
            let ends = |v: &[f64]| {
                format!(
                    "[{}, {}]",
                    format_float(v[0], digits),
                    format_float(v[v.len() - 1], digits)
                )
            };
            let marked: Vec<String> = marks
                .iter()
                .map(|(l, x, y)| {
                    format!(
                        "{l} = ({}, {})",
                        format_float(*x, digits),
                        format_float(*y, digits)
                    )
                })
                .collect();
            format!(
                "Figure · 图: {title} (write it as SVG with --plot FILE.svg)\n  heat map over \
                 {x_label} ∈ {} × {y_label} ∈ {}, {}×{} points, values from {} to {}; marked: {}\n",
                ends(xs),
                ends(ys),
                xs.len(),
                ys.len(),
                format_float(lo, digits),
                format_float(hi, digits),
                marked.join(", ")
            )
        }
        Figure::Graph { .. } => String::new(),
    }
}

fn x_range(p: &Panel) -> (f64, f64) {
    let xs = p.series.iter().flat_map(|s| s.points.iter().map(|q| q.0));
    xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
        (lo.min(x), hi.max(x))
    })
}

fn y_range(p: &Panel) -> (f64, f64) {
    let ys = p.series.iter().flat_map(|s| s.points.iter().map(|q| q.1));
    let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
        (lo.min(y), hi.max(y))
    });
    let pad = ((hi - lo) * 0.08).max(0.05);
    (lo - pad, hi + pad)
}

/// The figure as an SVG document (no XML prologue, no blank lines, so it
/// can be inlined in Markdown). Drawing errors come back as an SVG comment.
pub fn svg(f: &Figure) -> String {
    let mut buf = String::new();
    let drawn = match f {
        Figure::Plot { panels, .. } => draw_panels(&mut buf, panels),
        Figure::Bars {
            title,
            labels,
            values,
        } => draw_bars(&mut buf, title, labels, values),
        Figure::Heatmap { .. } => draw_heatmap(&mut buf, f),
        Figure::Graph { .. } => Ok(()),
    };
    if let Err(e) = drawn {
        return format!("<!-- plot failed: {e} -->");
    }
    buf.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("<?xml"))
        .collect::<Vec<_>>()
        .join("\n")
}

type DrawResult = Result<(), Box<dyn std::error::Error>>;

fn draw_panels(buf: &mut String, panels: &[Panel]) -> DrawResult {
    let rows = panels.len().max(1);
    let root =
        SVGBackend::with_string(buf, (WIDTH, PANEL_HEIGHT * rows as u32)).into_drawing_area();
    root.fill(&WHITE)?;
    for (area, p) in root.split_evenly((rows, 1)).iter().zip(panels) {
        let (x0, x1) = x_range(p);
        let (y0, y1) = y_range(p);
        let mut chart = ChartBuilder::on(area)
            .caption(&p.title, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(44)
            .build_cartesian_2d(x0..x1, y0..y1)?;
        chart.configure_mesh().x_desc(p.x_label.as_str()).draw()?;
        for (k, s) in p.series.iter().enumerate() {
            let color = Palette99::pick(k).to_rgba();
            chart
                .draw_series(LineSeries::new(
                    s.points.iter().copied(),
                    color.stroke_width(2),
                ))?
                .label(s.label.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
                });
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()?;
    }
    root.present()?;
    Ok(())
}

fn draw_bars(buf: &mut String, title: &str, labels: &[String], values: &[f64]) -> DrawResult {
    let root = SVGBackend::with_string(buf, (WIDTH, PANEL_HEIGHT + 60)).into_drawing_area();
    root.fill(&WHITE)?;
    let n = values.len() as f64;
    let top = values.iter().copied().fold(0.0_f64, f64::max).max(1e-9) * 1.15;
    let names = labels.to_vec();
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(44)
        .build_cartesian_2d(-0.5..n - 0.5, 0.0..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(values.len())
        .x_label_formatter(&|x| {
            let k = x.round();
            if (x - k).abs() < 1e-6 && k >= 0.0 {
                names.get(k as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .draw()?;
    let color = Palette99::pick(0).to_rgba();
    chart.draw_series(values.iter().enumerate().map(|(k, &v)| {
        let x = k as f64;
        Rectangle::new([(x - 0.35, 0.0), (x + 0.35, v)], color.filled())
    }))?;
    root.present()?;
    Ok(())
}

/// Dark blue (low) to yellow (high), linear in the value.
fn heat_color(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(40.0, 250.0), mix(30.0, 230.0), mix(120.0, 40.0))
}

fn draw_heatmap(buf: &mut String, f: &Figure) -> DrawResult {
    let Figure::Heatmap {
        title,
        x_label,
        y_label,
        xs,
        ys,
        values,
        marks,
    } = f
    else {
        return Ok(());
    };
    let root = SVGBackend::with_string(buf, (WIDTH, WIDTH)).into_drawing_area();
    root.fill(&WHITE)?;
    let step = |v: &[f64]| {
        if v.len() > 1 {
            (v[1] - v[0]) / 2.0
        } else {
            0.5
        }
    };
    let (hx, hy) = (step(xs), step(ys));
    let (x0, x1) = (xs[0] - hx, xs[xs.len() - 1] + hx);
    let (y0, y1) = (ys[0] - hy, ys[ys.len() - 1] + hy);
    let all = values.iter().flatten().copied();
    let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(44)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(x_label.as_str())
        .y_desc(y_label.as_str())
        .draw()?;
    chart.draw_series(values.iter().enumerate().flat_map(|(i, row)| {
        row.iter().enumerate().map(move |(j, v)| {
            let (x, y) = (xs[j], ys[i]);
            Rectangle::new(
                [(x - hx, y - hy), (x + hx, y + hy)],
                heat_color((v - lo) / span).filled(),
            )
        })
    }))?;
    for (label, x, y) in marks {
        chart.draw_series(std::iter::once(Circle::new((*x, *y), 5, WHITE.filled())))?;
        chart.draw_series(std::iter::once(Text::new(
            label.clone(),
            // Labels right of the point, or left of it near the right edge.
            (
                if *x > (x0 + x1) / 2.0 {
                    *x - 4.0 * hx
                } else {
                    *x + hx
                },
                *y + hy,
            ),
            ("sans-serif", 16).into_font().color(&WHITE),
        )))?;
    }
    root.present()?;
    Ok(())
}
