//! Fuzz the network spec loader end to end: TOML parsing, shape checks,
//! the exact and float traced forward/backward pass with finite
//! differences, and every renderer. Errors are fine; panics are bugs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nn_tutor::netspec::Spec;
use nn_tutor::render::{render, Format, RenderOptions};
use nn_tutor::report::{net::net_report, Settings};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(spec) = Spec::parse(text, "fuzz.toml") else { return };
    for float in [false, true] {
        let settings = Settings { float, digits: 6 };
        if let Ok(report) = net_report(&spec, "fuzz.toml", &settings, false) {
            for f in [Format::Table, Format::Markdown, Format::Latex, Format::Json] {
                let _ = render(&report, f, &RenderOptions::default());
            }
        }
    }
});
