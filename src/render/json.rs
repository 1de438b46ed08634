//! JSON output: one object with `id`, `title`, `sources`, `inputs`,
//! `results` and `blocks`. A number is `{"exact": "p/q" | "n" | null,
//! "float": f64}`; `exact` is null when the value is rounded. The shape is
//! the report types' `Serialize` (see [`crate::report::serial`]).

use serde_json::Value;

use crate::render::RenderOptions;
use crate::report::Report;

/// The whole report as pretty-printed JSON, the numbers of its formulas
/// written with the renderer's digits (as every other format writes them).
pub fn render(r: &Report, o: &RenderOptions) -> String {
    pretty(&r.spelled(o.digits))
}

/// Any serializable value as pretty-printed JSON with a final newline.
pub fn pretty(v: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

/// The whole report as a JSON value (what [`render`] prints).
pub fn value(r: &Report, o: &RenderOptions) -> Value {
    serde_json::to_value(r.spelled(o.digits)).unwrap_or_default()
}
