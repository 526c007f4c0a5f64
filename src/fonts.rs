//! The font book every command uses: the bundled families, then the `--font-path` files and
//! folders and the system's fonts as fallback for characters the bundled fonts lack.

use std::path::PathBuf;
use std::sync::OnceLock;

use vita_layout::FontBook;

use crate::failure::Failure;

static FONT_PATHS: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// Largest font file `--font-path` may name (the largest Noto CJK collection is 27 MB).
const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// Records the `--font-path` arguments; called once, before any command runs. Each must be a
/// folder or a regular file no larger than 64 MB: a pipe or device (`/dev/zero`) would be
/// read without end.
pub fn set_paths(paths: Vec<PathBuf>) -> Result<(), Failure> {
    for path in &paths {
        let problem = match std::fs::metadata(path) {
            Err(e) => Some(crate::os_error::worded(&e)),
            Ok(m) if m.is_dir() => None,
            Ok(m) if !m.is_file() => Some("it is a device or pipe, not a font file".into()),
            Ok(m) if m.len() > MAX_FONT_BYTES => Some(format!(
                "it is larger than the {} a font file may have",
                crate::limits::bytes(MAX_FONT_BYTES)
            )),
            Ok(_) => None,
        };
        if let Some(problem) = problem {
            return Err(Failure::input(
                crate::diagnostics::Diagnostic::error(
                    crate::diagnostics::Code::FlagValue,
                    format!("--font-path {}: {problem}", path.display()),
                )
                .with_hint("pass a font file (.ttf, .otf, .ttc) or a folder of fonts"),
            ));
        }
    }
    let _ = FONT_PATHS.set(paths);
    Ok(())
}

/// A font book with the bundled fonts and fallback to `--font-path` and the system's fonts.
pub fn book() -> FontBook {
    FontBook::with_fallback(FONT_PATHS.get().cloned().unwrap_or_default(), true)
}
