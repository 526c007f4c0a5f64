//! Printing to standard output that a reader who has gone away (`vita layouts | head -1`)
//! ends quietly: `println!` panics on a closed pipe, and the release binary aborts on a panic.

use std::io::Write;

/// Writes `text` and a line end to standard output; false when they could not be written
/// (the pipe was closed), which callers take as the end of their output.
pub fn line(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").and_then(|()| out.flush()).is_ok()
}

/// Writes `text` to standard output as it is; false when it could not be written.
pub fn text(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_ok()
}
