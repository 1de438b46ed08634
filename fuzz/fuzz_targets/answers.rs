//! Fuzz `nn-tutor check`: the answers-file loader and the checker with its
//! slip detectors, against a catalog example, and the report's renderers.
//! Input: the first line names the example (`backprop/1`), the rest is the
//! answers file. Errors are fine; panics are bugs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nn_tutor::catalog;
use nn_tutor::check::{check, parse_answers};
use nn_tutor::render::{render, Format, RenderOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (id, answers) = text.split_once('\n').unwrap_or(("backprop/1", text));
    let Some((topic, n)) = id.trim().split_once('/') else { return };
    let Ok(n) = n.parse::<u32>() else { return };
    let Ok(ex) = catalog::find(topic, n) else { return };
    let Ok(parsed) = parse_answers(answers, "fuzz.toml") else { return };
    if let Ok((report, _)) = check(ex, &[], &parsed, None) {
        for f in [Format::Table, Format::Json] {
            let _ = render(&report, f, &RenderOptions::default());
        }
    }
});
