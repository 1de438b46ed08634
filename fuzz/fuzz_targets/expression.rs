//! Fuzz the expression language end to end: parse, evaluate exactly and in
//! floating point, backpropagate, check by finite differences, and render
//! the report in every format. Any panic, hang or overflow is a bug; errors
//! are fine.
//!
//! Input: the first line holds variable values (`x=1,y=-2/3`), the rest is
//! the program.
#![no_main]

use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use nn_tutor::render::{render, Format, RenderOptions};
use nn_tutor::report::{graph, Settings};
use nn_tutor::Scalar;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (first, program) = text.split_once('\n').unwrap_or(("", text));
    let mut values = HashMap::new();
    for pair in first.split(',') {
        if let Some((k, v)) = pair.split_once('=')
            && let Ok(v) = Scalar::parse(v)
        {
            values.insert(k.trim().to_string(), v);
        }
    }
    for float in [false, true] {
        let settings = Settings { float, digits: 6 };
        if let Ok((report, _)) = graph::build(program, &values, &settings) {
            for f in [Format::Table, Format::Markdown, Format::Latex, Format::Json] {
                let _ = render(&report, f, &RenderOptions::default());
            }
        }
    }
});
