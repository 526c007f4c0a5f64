//! Standard output, written in one place: a reader who has gone away (`vita layouts | head
//! -1`, `vita man | head`) ends the output quietly, since `println!` would panic and the
//! release binary aborts on a panic; any other failure to write (a full disk behind `>`) is
//! an error naming the cause.

use std::io::Write;

use vita_diagnostic::{Code, Diagnostic};

use crate::failure::Failure;

/// Writes `bytes` to standard output. `Ok(false)` when the reader has gone (the pipe was
/// closed), which callers take as the end of their output.
pub fn print(bytes: &[u8]) -> Result<bool, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(Failure::input(Diagnostic::error(
            Code::Unwritable,
            format!(
                "could not write to standard output: {}",
                crate::os_error::worded(&e)
            ),
        ))),
    }
}

/// [`print`]s `text` and a line end.
pub fn line(text: &str) -> Result<bool, Failure> {
    print(format!("{text}\n").as_bytes())
}
