//! Heat maps (a loss surface) as SVG, with a colour bar and marked points.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Area, CAPTION_PX, DESC_PX, DrawResult, TICK_PX, WIDTH, font, tick};
use crate::report::Figure;

/// Dark blue (low) to yellow (high), linear in the value; its lightness
/// rises with the value, so it reads without colour vision too.
fn heat_color(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(40.0, 250.0), mix(30.0, 230.0), mix(120.0, 40.0))
}

/// Width of the colour bar's strip, right of the heat map.
const BAR_STRIP: u32 = 120;

pub(super) fn draw_heatmap(buf: &mut String, f: &Figure) -> DrawResult {
    let Figure::Heatmap {
        title,
        x_label,
        y_label,
        xs,
        ys,
        values,
        marks,
        value_label,
    } = f
    else {
        return Ok(());
    };
    let root = SVGBackend::with_string(buf, (WIDTH, WIDTH - BAR_STRIP + 60)).into_drawing_area();
    root.fill(&WHITE)?;
    let root = root.titled(title, font(CAPTION_PX))?;
    let (main, strip) = root.split_horizontally(WIDTH - BAR_STRIP);
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
    let (lo, hi) = super::extent(values.iter().flatten().copied());
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let mut chart = ChartBuilder::on(&main)
        .margin(10)
        .x_label_area_size(44)
        .y_label_area_size(60)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(x_label.as_str())
        .y_desc(y_label.as_str())
        .label_style(font(TICK_PX))
        .axis_desc_style(font(DESC_PX))
        .x_label_formatter(&|v| tick(*v))
        .y_label_formatter(&|v| tick(*v))
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
        // A white dot, and the label in black on white right of it (left
        // of it near the right edge): readable on dark and light cells.
        let right = *x <= (x0 + x1) / 2.0;
        let w = 8 + 9 * label.chars().count() as i32;
        let (bx, tx) = if right { (8, 12) } else { (-8 - w, -4 - w) };
        let style = font(DESC_PX).pos(Pos::new(HPos::Left, VPos::Center));
        chart.draw_series(std::iter::once(
            EmptyElement::at((*x, *y))
                + Circle::new((0, 0), 5, WHITE.filled())
                + Circle::new((0, 0), 5, BLACK.stroke_width(1))
                + Rectangle::new([(bx, -10), (bx + w, 10)], WHITE.filled())
                + Text::new(label.clone(), (tx, 0), style),
        ))?;
    }
    draw_colour_bar(&strip, lo, hi, value_label)?;
    root.present()?;
    Ok(())
}

/// The colour scale of a heat map: the colours from `lo` (bottom) to `hi`
/// (top) with ticks, labelled with what the colours measure.
fn draw_colour_bar(strip: &Area, lo: f64, hi: f64, label: &str) -> DrawResult {
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 0.5, lo + 0.5)
    };
    let mut bar = ChartBuilder::on(strip)
        .margin(10)
        .margin_left(4)
        .x_label_area_size(44)
        .right_y_label_area_size(56)
        .build_cartesian_2d(0.0..1.0, lo..hi)?;
    bar.configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .y_desc(label)
        .label_style(font(TICK_PX))
        .axis_desc_style(font(DESC_PX))
        .y_label_formatter(&|v| tick(*v))
        .draw()?;
    let n = 100;
    bar.draw_series((0..n).map(|i| {
        let (a, b) = (i as f64 / n as f64, (i + 1) as f64 / n as f64);
        Rectangle::new(
            [(0.0, lo + (hi - lo) * a), (1.0, lo + (hi - lo) * b)],
            heat_color((a + b) / 2.0).filled(),
        )
    }))?;
    Ok(())
}
