//! The manifest, `vita.toml`: the variants of one or more résumés that `vita batch` builds.
//!
//! ```toml
//! input = "resume.md"            # defaults for every variant
//! layout = "classic"
//! output = "pdf/{name}.pdf"
//! format = ["pdf", "png"]        # also a PNG per page: pdf/{name}-1.png … (png, svg, txt)
//!
//! [[variant]]
//! name = "backend"
//! tags = "backend,!frontend"
//! pages = 1
//! set = { headline = "Backend engineer" }
//!
//! [matrix]                       # optional: every layout × every tag set
//! layouts = ["classic", "modern"]
//! tags = { platform = "backend,lead", web = "frontend" }
//! name = "{tags}-{layout}"
//! ```
//!
//! Paths are relative to the manifest's folder. Any key Vita does not know is an error with
//! its `file:line:col` and a "did you mean"; so is a wrong type, a duplicate name or two
//! variants writing the same file. Reading is all-or-nothing: a manifest with an error builds
//! nothing.
//!
//! Outputs stay inside the manifest's folder unless `vita batch --allow-outside` is given.

#[cfg(test)]
pub(crate) mod schema;
mod spec;

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::compile::{Origin, Variant};
use crate::failure::Failure;
use crate::source::read_text;
use spec::parse_with;

/// A variant ready to build.
#[derive(Debug, Clone)]
pub struct Job {
    /// Its name.
    pub name: String,
    /// The résumé to read.
    pub input: PathBuf,
    /// Where the PDF goes.
    pub output: PathBuf,
    /// What to write (the PDF, pictures, text).
    pub formats: Vec<crate::formats::Kind>,
    /// What to build.
    pub variant: Variant,
}

/// Reads the manifest at `path` into jobs; any problem is an input failure (exit 1). An output
/// outside the manifest's folder is refused unless `allow_outside`.
pub fn load(path: &Path, allow_outside: bool) -> Result<Vec<Job>, Failure> {
    let text: Arc<str> = read_text(
        path,
        "`vita batch` takes a manifest such as vita.toml",
        crate::limits::MAX_MANIFEST_BYTES,
        "a manifest",
    )?
    .into();
    let dir = path.parent().unwrap_or(Path::new(""));
    let is_letter = |input: &str| is_letter(&dir.join(input));
    let specs = parse_with(&text, &is_letter).map_err(|e| Failure::at(path, &text, e))?;
    if !allow_outside && let Some(spec) = specs.iter().find(|s| leaves_folder(&s.output)) {
        return Err(Failure::at(
            path,
            &text,
            crate::diagnostics::Diagnostic::error(
                crate::diagnostics::Code::Manifest,
                format!(
                    "variant `{}` would write {}, outside the manifest's folder",
                    spec.name, spec.output
                ),
            )
            .at(spec.output_span.clone())
            .with_hint(
                "write outputs beside the manifest (e.g. `output = \"pdf/{name}.pdf\"`), or pass --allow-outside",
            ),
        ));
    }
    Ok(specs
        .into_iter()
        .map(|spec| {
            let layout =
                spec.layout.map(
                    |l| match vita_layout::Layout::builtin_names().any(|n| n == l) {
                        true => l,
                        false => dir.join(l).display().to_string(),
                    },
                );
            Job {
                input: dir.join(&spec.input),
                output: dir.join(&spec.output),
                formats: spec.formats,
                variant: Variant {
                    layout,
                    pages: spec.pages,
                    tags: spec.tags,
                    overrides: spec.set,
                    kind: spec.kind,
                    origin: Origin::Manifest {
                        path: path.to_path_buf(),
                        text: text.clone(),
                        variant: spec.name.clone(),
                        tags: spec.tags_span,
                    },
                },
                name: spec.name,
            }
        })
        .collect())
}

/// True when the file at `path` is a Markdown cover letter by its front matter (`kind =
/// "letter"`); a file that cannot be read is not (its error comes when it is built).
fn is_letter(path: &Path) -> bool {
    let markdown = !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    markdown
        && read_text(path, "", crate::limits::MAX_INPUT_BYTES, "a letter")
            .is_ok_and(|text| vita_model::document_kind(&text) == vita_model::DocumentKind::Letter)
}

/// True when `path`, relative to the manifest's folder, is absolute or climbs out of it.
fn leaves_folder(path: &str) -> bool {
    let mut depth = 0usize;
    for component in Path::new(path).components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return true,
            },
            Component::RootDir | Component::Prefix(_) => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::leaves_folder;

    #[test]
    fn outputs_that_climb_out_or_are_absolute_leave_the_folder() {
        for path in [
            "../x.pdf",
            "pdf/../../x.pdf",
            "/tmp/x.pdf",
            "a/../../b/x.pdf",
        ] {
            assert!(leaves_folder(path), "{path}");
        }
        for path in ["x.pdf", "pdf/x.pdf", "./pdf/../x.pdf", "a/b/../c.pdf"] {
            assert!(!leaves_folder(path), "{path}");
        }
    }
}
