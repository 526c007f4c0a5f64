//! End-to-end tests through the `vita` binary: one module per area.

mod util;

mod batch;
mod build;
mod check;
mod check_split;
mod corpus;
mod diagnostics;
mod docs;
mod errors;
mod fonts;
mod hostile;
mod icons;
mod letters;
mod outputs;
mod pages;
mod regions;
mod shell;
mod tagging;
mod text_layer;
mod variants;
mod watch;
