//! Fuzz the MNIST IDX parser (`--data mnist:DIR`): any bytes, with 1, 2 or 3
//! dimensions expected. A truncated or malformed file must be an error that
//! says what was expected, never a panic or a huge allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nn_tutor::train::idx;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else { return };
    let _ = idx::parse(bytes, first % 3 + 1);
});
