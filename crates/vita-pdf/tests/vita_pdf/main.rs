//! vita-pdf's integration tests, one binary: [`writer`] checks what `pdf` writes (reading it
//! back with `extract_text` and `hayro-syntax`), [`reader`] checks `extract_text` on PDFs
//! written by hand.

mod reader;
mod support;
mod writer;
