//! The limits that keep every run bounded in time and memory whatever the input (stated in
//! docs/cli.md). Exceeding one is an input error (exit 1) that names it.

/// Largest résumé read, in bytes (a long résumé is 20 KB).
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024;
/// Most lines a résumé may have.
pub const MAX_INPUT_LINES: usize = 20_000;
/// Largest layout file read, in bytes.
pub const MAX_LAYOUT_BYTES: u64 = 256 * 1024;
/// Largest manifest read, in bytes (100,000 variants fit in a few megabytes).
pub const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;
/// Most pages one résumé may be laid out on.
pub const MAX_PAGES: usize = 200;
/// How long a pipe or device given as a file may take to end, in milliseconds.
pub const STREAM_MILLIS: u64 = 5_000;

/// A byte count for messages: "1 MB", "256 KB".
pub fn bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{} MB", n / (1024 * 1024))
    } else {
        format!("{} KB", n / 1024)
    }
}
