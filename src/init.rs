//! `vita init [DIR]`: a starter résumé that uses tags, a cover letter that takes its header
//! from it, a manifest with three résumé variants and two letters, and the JSON Schemas of the
//! manifest and of layout files, which the manifest's `#:schema` line points editors at (Taplo,
//! VS Code's Even Better TOML): completion and checking as you type, for the Vita that wrote
//! them. Existing files are never overwritten.

use std::path::Path;

use crate::cli::InitArgs;
use crate::diagnostics::{Code, Diagnostic};
use crate::failure::Failure;
use crate::output;

/// The starter résumé.
pub(crate) const RESUME: &str = include_str!("starter/resume.md");
/// The starter cover letter.
pub(crate) const LETTER: &str = include_str!("starter/letter.md");
/// The starter manifest.
pub(crate) const MANIFEST: &str = include_str!("starter/vita.toml");

/// The manifest's schema, which the starter manifest's first line names.
const MANIFEST_SCHEMA: &str = include_str!("../schemas/manifest.schema.json");
/// The layout file's schema, for a layout of one's own (`#:schema schemas/layout.schema.json`).
const LAYOUT_SCHEMA: &str = include_str!("../schemas/layout.schema.json");

/// What `vita init` writes, by path in the folder.
pub(crate) const FILES: [(&str, &str); 5] = [
    ("resume.md", RESUME),
    ("letter.md", LETTER),
    ("vita.toml", MANIFEST),
    ("schemas/manifest.schema.json", MANIFEST_SCHEMA),
    ("schemas/layout.schema.json", LAYOUT_SCHEMA),
];

/// Runs `vita init`; returns the exit code.
pub fn run(args: &InitArgs) -> Result<i32, Failure> {
    let files = FILES;
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
    let schemas = args.dir.join("schemas");
    std::fs::create_dir_all(&schemas)
        .map_err(|e| Failure::unwritable("cannot create", &schemas, &e))?;
    for (name, text) in files {
        let path = args.dir.join(name);
        output::write_atomically(&path, text.as_bytes())
            .map_err(|e| Failure::unwritable("could not write", &path, &e))?;
    }
    let manifest = args.dir.join("vita.toml");
    eprintln!(
        "wrote {}, {}, {} and the schemas editors check them with in {}\nnext: edit the résumé and the letter, then run `vita batch {}`",
        args.dir.join("resume.md").display(),
        args.dir.join("letter.md").display(),
        manifest.display(),
        schemas.display(),
        display(&manifest)
    );
    Ok(0)
}

fn display(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}
