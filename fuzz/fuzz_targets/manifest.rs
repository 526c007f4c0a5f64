//! Fuzz target: any bytes as a batch manifest (`vita.toml`), read into variant specs by the
//! CLI's own parser (included from `src/manifest/spec`). Nothing may panic; errors are fine,
//! and an error's places must lie inside the text so that they can be quoted.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../src/output_kind.rs"]
#[allow(dead_code, missing_docs)]
mod output_kind;

#[path = "../../src/manifest/spec/mod.rs"]
#[allow(dead_code, missing_docs)]
mod spec;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match spec::parse(text) {
        Ok(specs) => assert!(specs.len() <= spec::MAX_VARIANTS),
        Err(e) => {
            // Every place, primary and related, lies inside the text.
            let places = e.primary.iter().chain(&e.secondary);
            for place in places {
                let range = &place.span.range;
                assert!(
                    range.start <= range.end && range.end <= text.len(),
                    "span {range:?} past the end"
                );
            }
            assert!(e.primary.is_some(), "a manifest error without a place");
        }
    }
});
