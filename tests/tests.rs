//! End-to-end tests through the `vita` binary: one module per area.

mod util;

mod build;
mod errors;
mod pages;
