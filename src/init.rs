//! `vita init [DIR]`: a starter résumé that uses tags, and a manifest with three variants.
//! Existing files are never overwritten.

use std::path::Path;

use crate::cli::InitArgs;
use crate::diagnostics::{Code, Diagnostic};
use crate::failure::Failure;
use crate::output;

/// The starter résumé.
const RESUME: &str = include_str!("starter/resume.md");
/// The starter manifest.
const MANIFEST: &str = include_str!("starter/vita.toml");

/// Runs `vita init`; returns the exit code.
pub fn run(args: &InitArgs) -> Result<i32, Failure> {
    let files = [("resume.md", RESUME), ("vita.toml", MANIFEST)];
    for (name, _) in files {
        let path = args.dir.join(name);
        if path.exists() {
            return Err(Failure::input(
                Diagnostic::error(
                    Code::Unwritable,
                    format!("{} already exists; nothing was written", path.display()),
                )
                .with_hint("run `vita init` with a new folder, e.g. `vita init my-resume`"),
            ));
        }
    }
    std::fs::create_dir_all(&args.dir).map_err(|e| {
        Failure::input(Diagnostic::error(
            Code::Unwritable,
            format!(
                "cannot create {}: {}",
                args.dir.display(),
                crate::os_error::worded(&e)
            ),
        ))
    })?;
    for (name, text) in files {
        let path = args.dir.join(name);
        output::write_atomically(&path, text.as_bytes()).map_err(|e| {
            Failure::input(Diagnostic::error(
                Code::Unwritable,
                format!(
                    "could not write {}: {}",
                    path.display(),
                    crate::os_error::worded(&e)
                ),
            ))
        })?;
    }
    let manifest = args.dir.join("vita.toml");
    eprintln!(
        "wrote {} and {}\nnext: edit the résumé, then run `vita batch {}`",
        args.dir.join("resume.md").display(),
        manifest.display(),
        display(&manifest)
    );
    Ok(0)
}

fn display(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}
