//! The font book every command uses: the bundled families, then the `--font-path` files and
//! folders and the system's fonts as fallback for characters the bundled fonts lack.

use std::path::PathBuf;
use std::sync::OnceLock;

use vita_layout::FontBook;

static FONT_PATHS: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Records the `--font-path` arguments; called once, before any command runs.
pub fn set_paths(paths: Vec<PathBuf>) {
    let _ = FONT_PATHS.set(paths);
}

/// A font book with the bundled fonts and fallback to `--font-path` and the system's fonts.
pub fn book() -> FontBook {
    FontBook::with_fallback(FONT_PATHS.get().cloned().unwrap_or_default(), true)
}
