//! The font book every command uses: the bundled families, then the `--font-path` files and
//! folders and the system's fonts as fallback for characters the bundled fonts lack.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use vita_layout::{FontBook, Layout};

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

/// Checks that every family `layout` names (`fonts.body`, `heading`, `mono`) can be found. An
/// unknown one fails at its key in the layout file, when the layout is a file, with the
/// nearest names there are.
pub fn check_layout(
    book: &FontBook,
    layout: &Layout,
    file: Option<(&Path, &str)>,
) -> Result<(), Failure> {
    use crate::diagnostics::{Code, Diagnostic, Located};
    let folders = layout.fonts.folders();
    for (key, family) in layout.fonts.named() {
        let Err(e) = book.family(family, &folders) else {
            continue;
        };
        let diagnostic = Diagnostic::error(Code::UnknownFont, format!("{e} (fonts.{key})"))
            .with_hint(vita_layout::family_hint(&e));
        // An unset `mono` is the body's family: point at whichever key the file sets.
        let span = file.and_then(|(_, text)| {
            vita_layout::value_span(text, "fonts", key)
                .or_else(|| vita_layout::value_span(text, "fonts", "body"))
        });
        return Err(match (file, span) {
            (Some((path, text)), Some(span)) => Failure::at(path, text, diagnostic.at(span)),
            (Some((path, _)), None) => Failure::input(Located::about(diagnostic, path, false)),
            (None, _) => Failure::input(diagnostic),
        });
    }
    Ok(())
}
