//! Node positions from `layout-rs`: a render backend that keeps where the
//! boxes and edges went instead of drawing them, so [`super::svg`] draws
//! them in its own style.

use super::{LINE, Line, text_width};
use crate::report::FigureNode;

/// Where layout-rs put the node boxes (indexed like the figure's nodes)
/// and the SVG path data of the edges.
#[derive(Default)]
pub(super) struct Placed {
    pub(super) boxes: Vec<Option<(f64, f64, f64, f64)>>,
    pub(super) edges: Vec<Vec<(f64, f64)>>,
}

impl Placed {
    /// (min x, min y, max x, max y) over boxes and edge points.
    pub(super) fn bounds(&self) -> (f64, f64, f64, f64) {
        let corners = self
            .boxes
            .iter()
            .flatten()
            .flat_map(|&(x, y, w, h)| [(x, y), (x + w, y + h)]);
        let points = self.edges.iter().flatten().copied();
        corners.chain(points).fold(
            (
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ),
            |(a, b, c, d), (x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
        )
    }
}

impl layout::core::format::RenderBackend for Placed {
    fn draw_rect(
        &mut self,
        xy: layout::core::geometry::Point,
        size: layout::core::geometry::Point,
        _: &layout::core::style::StyleAttr,
        properties: Option<String>,
        _: Option<layout::core::format::ClipHandle>,
    ) {
        let Some(i) = properties.and_then(|p| p.parse::<usize>().ok()) else {
            return;
        };
        if self.boxes.len() <= i {
            self.boxes.resize(i + 1, None);
        }
        self.boxes[i] = Some((xy.x, xy.y, size.x, size.y));
    }

    fn draw_arrow(
        &mut self,
        path: &[(layout::core::geometry::Point, layout::core::geometry::Point)],
        _: bool,
        _: (bool, bool),
        _: &layout::core::style::StyleAttr,
        _: Option<String>,
        _: &str,
    ) {
        // Cubic Bézier pieces: M p0 C c0, c1, p1 S c, p …
        let pts = path.iter().flat_map(|(a, b)| [(a.x, a.y), (b.x, b.y)]);
        self.edges.push(pts.collect());
    }

    fn draw_line(
        &mut self,
        _: layout::core::geometry::Point,
        _: layout::core::geometry::Point,
        _: &layout::core::style::StyleAttr,
        _: Option<String>,
    ) {
    }

    fn draw_circle(
        &mut self,
        _: layout::core::geometry::Point,
        _: layout::core::geometry::Point,
        _: &layout::core::style::StyleAttr,
        _: Option<String>,
    ) {
    }

    fn draw_text(
        &mut self,
        _: layout::core::geometry::Point,
        _: &str,
        _: &layout::core::style::StyleAttr,
    ) {
    }

    fn create_clip(
        &mut self,
        _: layout::core::geometry::Point,
        _: layout::core::geometry::Point,
        _: usize,
    ) -> layout::core::format::ClipHandle {
        0
    }
}

/// Lay the graph out (layout-rs) with boxes sized for `lines`.
pub(super) fn place(
    nodes: &[FigureNode],
    lines: &[Vec<Line>],
    dir: layout::core::base::Orientation,
) -> Placed {
    use layout::core::geometry::{Point, Position};
    use layout::core::style::StyleAttr;
    use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
    use layout::topo::layout::VisualGraph;
    let mut vg = VisualGraph::new(dir);
    let handles: Vec<_> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let w = l.iter().map(|(s, _)| text_width(s)).fold(0.0, f64::max) + 16.0;
            let h = l.len() as f64 * LINE + 10.0;
            let mut e = Element::create(
                ShapeKind::new_box(""),
                StyleAttr::simple(),
                dir,
                Point::new(w, h),
            );
            // A smaller halo than layout-rs's 60 px keeps the graph compact.
            e.pos = Position::new(
                Point::zero(),
                Point::new(w, h),
                Point::zero(),
                Point::splat(24.0),
            );
            e.properties = Some(i.to_string());
            vg.add_node(e)
        })
        .collect();
    for (i, n) in nodes.iter().enumerate() {
        for &c in &n.inputs {
            vg.add_edge(Arrow::simple(""), handles[c], handles[i]);
        }
    }
    let mut placed = Placed::default();
    vg.do_it(false, false, false, &mut placed);
    placed
}
