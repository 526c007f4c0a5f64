//! Fuzz target: any bytes as a batch manifest (`vita.toml`), read into variant specs by the
//! CLI's own parser (included from `src/manifest/spec`). Nothing may panic; errors are fine,
//! and an error's span must lie inside the text so that it can be quoted.

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
        Err(e) => assert!(e.span.start <= text.len(), "span {:?} past the end", e.span),
    }
});
