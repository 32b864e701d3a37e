//! Any text as a cell: the parsers answer, and a number they accept is finite.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ntm::survey::cells::{parse_number, parse_verdict, parse_verdict_word};

fuzz_target!(|data: &str| {
    for percent in [false, true] {
        for unit in [None, Some("triệu đồng/người/năm")] {
            if let Ok(x) = parse_number(data, percent, unit) {
                assert!(x.is_finite());
                if percent {
                    assert!((0.0..=100.0).contains(&x));
                }
            }
        }
    }
    let _ = parse_verdict(data);
    let _ = parse_verdict_word(data);
    let _ = ntm::text::fold(data);
    let _ = ntm::survey::input::header_meaning(data, &["TC", "NC"]);
});
