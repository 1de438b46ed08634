//! Every catalog example in every output format, pinned by insta.
//!
//! Each snapshot was read by hand against the deck or a hand derivation
//! before it was accepted (the pinned numbers themselves are also asserted
//! independently in `tests/pinned.rs`). With `CI=true` a missing or changed
//! snapshot fails the run.

use nn_tutor::catalog;
use nn_tutor::render::{Format, RenderOptions, render};
use nn_tutor::report::Settings;

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Markdown => "markdown",
        Format::Latex => "latex",
        Format::Json => "json",
    }
}

#[test]
fn every_example_in_every_format() {
    for ex in catalog::all() {
        let report = ex
            .run(&[], &Settings::default())
            .unwrap_or_else(|e| panic!("{} fails with its defaults: {e}", ex.id()));
        for format in [Format::Table, Format::Markdown, Format::Latex, Format::Json] {
            let text = render(&report, format, &RenderOptions::default());
            let name = format!("{}__{}", ex.id().replace('/', "-"), format_name(format));
            insta::with_settings!({ prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(name, text);
            });
        }
    }
}
