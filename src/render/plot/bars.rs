//! Bar charts (softmax probabilities) as SVG.

use plotters::prelude::*;

use super::{CAPTION_PX, DESC_PX, DrawResult, PANEL_HEIGHT, TICK_PX, WIDTH, colour, font, tick};
use crate::report::Figure;

pub(super) fn draw_bars(buf: &mut String, f: &Figure) -> DrawResult {
    let Figure::Bars {
        title,
        labels,
        values,
        y_label,
    } = f
    else {
        return Ok(());
    };
    let root = SVGBackend::with_string(buf, (WIDTH, PANEL_HEIGHT + 40)).into_drawing_area();
    root.fill(&WHITE)?;
    let n = values.len() as f64;
    let top = values.iter().copied().fold(0.0_f64, f64::max).max(1e-9) * 1.15;
    let names = labels.to_vec();
    let mut chart = ChartBuilder::on(&root)
        .caption(title, font(CAPTION_PX))
        .margin(10)
        .margin_right(24)
        .x_label_area_size(36)
        .y_label_area_size(72)
        .build_cartesian_2d(-0.5..n - 0.5, 0.0..top)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_desc(y_label.as_str())
        .label_style(font(TICK_PX))
        .axis_desc_style(font(DESC_PX))
        .light_line_style(RGBColor(235, 235, 235))
        .bold_line_style(RGBColor(210, 210, 210))
        .max_light_lines(4)
        .x_labels(values.len())
        .x_label_formatter(&|x| {
            let k = x.round();
            if (x - k).abs() < 1e-6 && k >= 0.0 {
                names.get(k as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| tick(*v))
        .draw()?;
    chart.draw_series(values.iter().enumerate().map(|(k, &v)| {
        let x = k as f64;
        Rectangle::new([(x - 0.35, 0.0), (x + 0.35, v)], colour(0).filled())
    }))?;
    root.present()?;
    Ok(())
}
