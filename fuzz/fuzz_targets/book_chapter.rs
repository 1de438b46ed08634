//! Fuzz a book chapter: finding `{{#nn-tutor …}}` directives, splitting
//! and parsing their arguments with the CLI's clap definition, running
//! them, and turning every `$…$` formula into MathML. Errors are fine (a
//! bad chapter fails the build); panics and hangs are bugs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nn_tutor::book::{directive, math};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // A base that does not exist: `net` directives cannot read real files.
    let base = std::path::Path::new("/nonexistent/nn-tutor-fuzz");
    if let Ok(expanded) = directive::expand_all(text, base) {
        let _ = math::convert(&expanded);
    }
    let _ = math::convert(text);
});
