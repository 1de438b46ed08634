//! Plots as SVG (drawn by `plotters` with its SVG backend and no system
//! fonts) and as a short text summary for terminals and LaTeX.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::report::i18n::{Lang, localize_str};
use crate::report::{Figure, Panel};
use crate::scalar::format_float;

mod bars;
mod heatmap;

const WIDTH: u32 = 640;
const PANEL_HEIGHT: u32 = 320;

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
            ..
        } => {
            format!("Figure · 图: {title} (write it as SVG with --plot FILE.svg)\n")
                + &bar_lines(labels, values, digits)
        }
        Figure::Heatmap {
            title,
            x_label,
            y_label,
            xs,
            ys,
            values,
            marks,
            ..
        } => {
            let (lo, hi) = extent(values.iter().flatten().copied());
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

/// One row of blocks per bar, 30 blocks for the largest, and its value.
pub(crate) fn bar_lines(labels: &[String], values: &[f64], digits: usize) -> String {
    let top = values
        .iter()
        .copied()
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let mut s = String::new();
    for (l, v) in labels.iter().zip(values) {
        let bar = "█".repeat(((v / top) * 30.0).round().max(0.0) as usize);
        s.push_str(&format!("  {l:>6} {bar} {}\n", format_float(*v, digits)));
    }
    s
}

/// The smallest and the largest of `values`.
pub(crate) fn extent(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    })
}

/// The extent of the x (`pick` = 0) or y (1) of every point of a panel.
pub(crate) fn panel_extent(p: &Panel, pick: usize) -> (f64, f64) {
    let all = p.series.iter().flat_map(|s| s.points.iter());
    extent(all.map(|q| if pick == 0 { q.0 } else { q.1 }))
}

fn x_range(p: &Panel) -> (f64, f64) {
    panel_extent(p, 0)
}

fn y_range(p: &Panel) -> (f64, f64) {
    let (lo, hi) = panel_extent(p, 1);
    let pad = ((hi - lo) * 0.08).max(0.05);
    (lo - pad, hi + pad)
}

/// The figure as an SVG document (no XML prologue, no blank lines, so it
/// can be inlined in Markdown), with a `<title>` for screen readers; its
/// title, legends and axis labels in `lang`. Drawing errors come back as
/// an SVG comment.
pub fn svg(f: &Figure, lang: Lang) -> String {
    let localized;
    let f = match lang {
        Lang::En => f,
        Lang::Zh => {
            let mut g = f.clone();
            crate::report::i18n::localize_figure(&mut g);
            localized = g;
            &localized
        }
    };
    let mut buf = String::new();
    let drawn = match f {
        Figure::Plot { panels, .. } => draw_panels(&mut buf, panels, lang),
        Figure::Bars { .. } => bars::draw_bars(&mut buf, f),
        Figure::Heatmap { .. } => heatmap::draw_heatmap(&mut buf, f),
        Figure::Graph { .. } => Ok(()),
    };
    if let Err(e) = drawn {
        return format!("<!-- plot failed: {e} -->");
    }
    let mut lines = buf
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("<?xml"));
    let Some(open) = lines.next() else {
        return String::new();
    };
    let open = open.replacen("<svg ", "<svg class=\"nn-plot\" role=\"img\" ", 1);
    let mut out = vec![open, format!("<title>{}</title>", xml_escape(&title(f)))];
    out.extend(lines.map(dashed));
    out.join("\n")
}

/// What the figure shows, for its `<title>`: the title and each panel's.
fn title(f: &Figure) -> String {
    match f {
        Figure::Plot { title, panels } => {
            let inner: Vec<&str> = panels.iter().map(|p| p.title.as_str()).collect();
            format!("{title}: {}", inner.join("; "))
        }
        Figure::Bars { title, .. } | Figure::Heatmap { title, .. } => title.clone(),
        Figure::Graph { .. } => String::new(),
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Okabe & Ito's colour-blind-safe palette, without its yellow (too faint
/// on white): one colour per series, in this order.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0x00, 0x00, 0x00), // black
];

/// A dash pattern per palette colour, so the lines differ without colour
/// too (in print, for every reader): solid, dashed, dotted, dash-dot, ….
const DASHES: [&str; 7] = ["", "8 4", "2 3", "10 3 2 3", "4 4", "14 4", "1 3"];

fn colour(k: usize) -> RGBColor {
    PALETTE[k % PALETTE.len()]
}

/// plotters has no dashed stroke style: give a 2-px line of a palette
/// colour (the series and its legend swatch) its dash pattern.
fn dashed(line: &str) -> String {
    for (c, d) in PALETTE.iter().zip(DASHES).skip(1) {
        let stroke = format!(
            "stroke=\"#{:02X}{:02X}{:02X}\" stroke-width=\"2\"",
            c.0, c.1, c.2
        );
        if line.starts_with("<polyline") && line.contains(&stroke) {
            return line.replacen(&stroke, &format!("{stroke} stroke-dasharray=\"{d}\""), 1);
        }
    }
    line.to_string()
}

/// Font sizes in CSS px at the figure's natural size (plotters scales the
/// size it is given by 0.8 when writing SVG).
fn font(px: f64) -> TextStyle<'static> {
    ("sans-serif", px / 0.8).into_font().into()
}
const TICK_PX: f64 = 13.0;
const DESC_PX: f64 = 14.0;
const CAPTION_PX: f64 = 15.0;

/// A tick label: at most four decimals, no trailing zeros, never "−0",
/// and a minus sign (−) rather than a hyphen.
fn tick(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s.strip_prefix('-') {
        Some("0") => "0".into(),
        Some(rest) => format!("−{rest}"),
        None => s.to_string(),
    }
}

/// A tick on an axis that counts (steps, epochs, batch sizes): only
/// whole numbers get a label.
fn count_tick(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        tick(v.round())
    } else {
        String::new()
    }
}

/// A tick of a log10 axis: 10^v written out (0.001, 1, 100) for whole v.
fn decade_tick(v: f64) -> String {
    let k = v.round();
    if (v - k).abs() > 1e-9 {
        return String::new();
    }
    if (-4.0..=5.0).contains(&k) {
        tick(10f64.powi(k as i32))
    } else {
        format!("1e{k}")
    }
}

/// True when every x is a whole number (an axis that counts).
fn counts(p: &Panel) -> bool {
    p.series
        .iter()
        .flat_map(|s| &s.points)
        .all(|q| q.0.fract() == 0.0)
}

/// A log scale when all y are positive and span three or more orders of
/// magnitude (a linear axis would flatten the small ones to zero).
pub(crate) fn log_scale(p: &Panel) -> bool {
    let ys = || p.series.iter().flat_map(|s| s.points.iter().map(|q| q.1));
    let (lo, hi) = ys().fold((f64::INFINITY, 0.0_f64), |(lo, hi), y| {
        (lo.min(y), hi.max(y))
    });
    ys().all(|y| y > 0.0 && y.is_finite()) && hi / lo >= 1e3
}

/// Height of a legend of `n` rows under a panel.
const LEGEND_ROW: u32 = 22;

/// Legend entries placed in rows under the plot: (row, x) of each.
fn legend_layout(labels: &[&str]) -> Vec<(u32, u32)> {
    let (mut row, mut x) = (0, 60);
    labels
        .iter()
        .map(|l| {
            let w = 40 + (l.chars().count() as f64 * DESC_PX * 0.55) as u32 + 18;
            if x + w > WIDTH - 8 && x > 60 {
                (row, x) = (row + 1, 60);
            }
            let at = (row, x);
            x += w;
            at
        })
        .collect()
}

fn legend_height(p: &Panel) -> u32 {
    let labels: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
    let rows = legend_layout(&labels).last().map_or(0, |r| r.0 + 1);
    rows * LEGEND_ROW + 6
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error>>;

fn draw_panels(buf: &mut String, panels: &[Panel], lang: Lang) -> DrawResult {
    let heights: Vec<u32> = panels
        .iter()
        .map(|p| PANEL_HEIGHT + legend_height(p))
        .collect();
    let root = SVGBackend::with_string(buf, (WIDTH, heights.iter().sum::<u32>().max(1)))
        .into_drawing_area();
    root.fill(&WHITE)?;
    let mut rest = root;
    for (p, h) in panels.iter().zip(heights) {
        let (area, below) = rest.split_vertically(h);
        let (chart, legend) = area.split_vertically(PANEL_HEIGHT);
        draw_panel(&chart, p, lang)?;
        draw_legend(&legend, p)?;
        rest = below;
    }
    Ok(())
}

/// A series of one point is a marked point (e.g. the kept epoch), drawn as
/// a dot; longer series are lines.
fn draw_panel(area: &Area, p: &Panel, lang: Lang) -> DrawResult {
    let log = log_scale(p);
    let y = |v: f64| if log { v.log10() } else { v };
    let (mut x0, mut x1) = x_range(p);
    if x1 <= x0 {
        (x0, x1) = (x0 - 1.0, x1 + 1.0);
    }
    let (y0, y1) = if log {
        // All y are positive here (log_scale): log10 keeps their order.
        let (lo, hi) = panel_extent(p, 1);
        let (lo, hi) = (lo.log10(), hi.log10());
        (lo.floor(), hi.ceil().max(lo.floor() + 1.0))
    } else {
        y_range(p)
    };
    let mut chart = ChartBuilder::on(area)
        .caption(&p.title, font(CAPTION_PX))
        .margin(10)
        .margin_right(24)
        .x_label_area_size(44)
        .y_label_area_size(72)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let y_desc = if log {
        let s = format!("{} (log scale)", p.y_label);
        match lang {
            Lang::En => s,
            Lang::Zh => localize_str(&s),
        }
    } else {
        p.y_label.clone()
    };
    let mut mesh = chart.configure_mesh();
    mesh.x_desc(p.x_label.as_str())
        .y_desc(y_desc)
        .label_style(font(TICK_PX))
        .axis_desc_style(font(DESC_PX))
        .light_line_style(RGBColor(238, 238, 238))
        .bold_line_style(RGBColor(210, 210, 210))
        // Light lines between decades would be linear, not logarithmic.
        .max_light_lines(if log { 0 } else { 4 })
        .x_label_formatter(if counts(p) {
            &|v: &f64| count_tick(*v)
        } else {
            &|v: &f64| tick(*v)
        })
        .y_label_formatter(if log {
            &|v: &f64| decade_tick(*v)
        } else {
            &|v: &f64| tick(*v)
        });
    if counts(p) {
        mesh.x_labels(((x1 - x0) as usize + 1).min(11));
    }
    if log {
        mesh.y_labels((y1 - y0) as usize + 1);
    }
    mesh.draw()?;
    // The first series is drawn last, on top of the others; marked points
    // (one-point series) on top of every line.
    let order = p.series.iter().enumerate().rev();
    let (points, lines): (Vec<_>, Vec<_>) = order.partition(|(_, s)| s.points.len() == 1);
    for (k, s) in lines.into_iter().chain(points) {
        let c = colour(k);
        if let [(px, py)] = s.points[..] {
            chart.draw_series(std::iter::once(Circle::new((px, y(py)), 6, c.filled())))?;
        } else {
            chart.draw_series(LineSeries::new(
                s.points.iter().map(|&(px, py)| (px, y(py))),
                c.stroke_width(2),
            ))?;
        }
    }
    Ok(())
}

/// The legend under the plot, outside the data: a swatch in the series'
/// colour and dash (or a dot for a marked point), then its label.
fn draw_legend(area: &Area, p: &Panel) -> DrawResult {
    let labels: Vec<&str> = p.series.iter().map(|s| s.label.as_str()).collect();
    for (k, (s, (row, x))) in p.series.iter().zip(legend_layout(&labels)).enumerate() {
        let (x, y) = (x as i32, (row * LEGEND_ROW + LEGEND_ROW / 2) as i32);
        let c = colour(k);
        if s.points.len() == 1 {
            area.draw(&Circle::new((x + 16, y), 6, c.filled()))?;
        } else {
            area.draw(&PathElement::new(
                vec![(x, y), (x + 32, y)],
                c.stroke_width(2),
            ))?;
        }
        let style = font(DESC_PX).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(s.label.clone(), (x + 40, y), style))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Series;

    fn panel(points: Vec<(f64, f64)>) -> Panel {
        Panel {
            title: "t".into(),
            x_label: "epoch".into(),
            y_label: "loss".into(),
            series: vec![Series {
                label: "s".into(),
                points,
                nums: Vec::new(),
            }],
        }
    }

    #[test]
    fn ticks_are_short_and_signed_with_a_minus() {
        assert_eq!(tick(5.0), "5");
        assert_eq!(tick(0.30000000000000004), "0.3");
        assert_eq!(tick(-0.0), "0");
        assert_eq!(tick(-1e-9), "0");
        assert_eq!(tick(-0.5), "−0.5");
        assert_eq!(count_tick(2.5), "");
        assert_eq!(count_tick(10.0), "10");
        assert_eq!(decade_tick(-3.0), "0.001");
        assert_eq!(decade_tick(2.0), "100");
        assert_eq!(decade_tick(-6.0), "1e-6");
        assert_eq!(decade_tick(0.5), "");
    }

    #[test]
    fn a_log_scale_only_across_three_orders_of_magnitude() {
        // gradient-descent/2: J from 0.000986 to 654 at α = 0.1 and 0.2.
        assert!(log_scale(&panel(vec![(0.0, 0.000986), (1.0, 654.1)])));
        assert!(!log_scale(&panel(vec![(0.0, 0.5), (1.0, 400.0)])));
        // Zero or negative values cannot go on a log axis.
        assert!(!log_scale(&panel(vec![(0.0, 0.0), (1.0, 1e6)])));
        assert!(counts(&panel(vec![(0.0, 1.0), (35.0, 2.0)])));
        assert!(!counts(&panel(vec![(0.5, 1.0)])));
    }

    #[test]
    fn the_second_colour_is_dashed_and_the_first_solid() {
        let line = "<polyline fill=\"none\" opacity=\"1\" stroke=\"#D55E00\" stroke-width=\"2\" points=\"1,2 \"/>";
        assert!(dashed(line).contains("stroke-dasharray=\"8 4\""));
        let solid = line.replace("#D55E00", "#0072B2");
        assert_eq!(dashed(&solid), solid);
        // An axis (1 px) keeps no dashes even in a palette colour.
        let axis = line.replace("stroke-width=\"2\"", "stroke-width=\"1\"");
        assert_eq!(dashed(&axis), axis);
    }

    #[test]
    fn a_chinese_plot_has_its_title_axes_and_legend_in_chinese() {
        // The book's zh edition and `--plot` under --lang zh: the SVG's
        // <title>, axis labels and legend come from the message table.
        let mut p = panel(vec![(1.0, 0.4), (2.0, 0.3)]);
        p.series[0].label = "loss".into();
        let f = Figure::Plot {
            title: "loss".into(),
            panels: vec![p],
        };
        let zh = svg(&f, Lang::Zh);
        assert!(zh.contains("<title>损失: t</title>"), "{zh}");
        // plotters writes each text on a line of its own.
        let texts = |w: &str| zh.lines().filter(|l| l.trim() == w).count();
        assert!(texts("轮次") == 1 && texts("损失") >= 2, "{zh}");
        assert!(texts("epoch") + texts("loss") == 0, "{zh}");
        assert!(svg(&f, Lang::En).contains("<title>loss: t</title>"));
        // A y axis on a log scale says so in Chinese too.
        let f = Figure::Plot {
            title: "loss".into(),
            panels: vec![panel(vec![(1.0, 1000.0), (2.0, 0.1)])],
        };
        let zh = svg(&f, Lang::Zh);
        assert!(zh.lines().any(|l| l.trim() == "损失 (对数刻度)"), "{zh}");
        assert!(!zh.contains("log scale"), "{zh}");
    }

    #[test]
    fn every_plot_has_a_title_and_its_legend_below_the_axes() {
        let f = Figure::Plot {
            title: "Loss per epoch".into(),
            panels: vec![panel(vec![(1.0, 0.4), (2.0, 0.3), (3.0, 0.2)])],
        };
        let svg = svg(&f, Lang::En);
        assert!(svg.contains("<title>Loss per epoch: t</title>"), "{svg}");
        assert!(svg.starts_with("<svg class=\"nn-plot\" role=\"img\""));
        // The swatch of the legend lies below the x axis (y = PANEL_HEIGHT
        // is where the legend strip starts).
        let swatch = svg
            .lines()
            .rfind(|l| l.starts_with("<polyline") && l.contains("stroke-width=\"2\""))
            .unwrap();
        let y: f64 = swatch
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split([',', ' '])
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        assert!(y > PANEL_HEIGHT as f64, "{swatch}");
    }
}
