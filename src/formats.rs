//! What a build writes: the PDF, a PNG or SVG picture of each of its pages (drawn from the
//! display list the PDF is written from; vita-render says how the two are kept in step), or
//! the text an applicant tracking system reads. Pictures go one file per page, numbered: `cv.png` → `cv-1.png`, `cv-2.png` ….
//! Every file is rendered before any is written, and each is written atomically.

use std::path::{Path, PathBuf};

use crate::compile::Compiled;
use crate::diagnostics::{Code, Diagnostic};
use crate::failure::Failure;
use crate::output;

pub use crate::output_kind::Kind;

/// Where and what to write.
#[derive(Debug, Clone)]
pub struct Target {
    /// The path asked for (pictures are numbered after it).
    pub path: PathBuf,
    /// What to write there.
    pub kind: Kind,
    /// Pixels per inch of PNG pictures.
    pub dpi: u32,
}

impl Target {
    /// What the extension of `path` names (a PDF for any other), at the default resolution.
    pub fn of_path(path: &Path) -> Target {
        Target {
            path: path.to_path_buf(),
            kind: Kind::of_path(path),
            dpi: DEFAULT_DPI,
        }
    }
}

/// PNG resolution when none is asked for.
pub const DEFAULT_DPI: u32 = 144;

/// The path of page `number` (one-based) of a picture asked for at `path`: `cv.png` → `cv-2.png`.
pub fn page_path(path: &Path, number: usize) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "page".to_string(), |s| s.to_string_lossy().into_owned());
    let ext = path
        .extension()
        .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy()));
    path.with_file_name(format!("{stem}-{number}{ext}"))
}

/// The files `target` asks for, rendered from `compiled`: paths and contents.
pub fn render(target: &Target, compiled: &Compiled) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let failed = |e: vita_render::RenderError| {
        let mut d = e.diagnostic();
        d.message = format!("could not draw {}: {}", target.path.display(), d.message);
        Failure::input(d)
    };
    let numbered = |pages: Vec<Vec<u8>>| {
        pages
            .into_iter()
            .enumerate()
            .map(|(i, bytes)| (page_path(&target.path, i + 1), bytes))
            .collect()
    };
    Ok(match target.kind {
        Kind::Pdf => vec![(target.path.clone(), compiled.bytes.clone())],
        Kind::Txt => vec![(
            target.path.clone(),
            vita_render::text::plain_text(&compiled.document).into_bytes(),
        )],
        Kind::Png => numbered(
            vita_render::png::pages(&compiled.document, target.dpi as f32).map_err(failed)?,
        ),
        Kind::Svg => numbered(
            vita_render::svg::pages(&compiled.document)
                .map_err(failed)?
                .into_iter()
                .map(String::into_bytes)
                .collect(),
        ),
    })
}

/// Writes the files of `target` unless one of them is `input`; returns their paths and sizes.
pub fn write(
    target: &Target,
    compiled: &Compiled,
    input: &Path,
) -> Result<Vec<(PathBuf, usize)>, Failure> {
    let files = render(target, compiled)?;
    if let Some((path, _)) = files.iter().find(|(p, _)| output::same_file(p, input)) {
        return Err(Failure::input(
            Diagnostic::error(
                Code::Unwritable,
                format!("the output {} is the input file", path.display()),
            )
            .with_hint("choose another path with -o"),
        ));
    }
    let mut written = Vec::new();
    for (path, bytes) in files {
        output::write_atomically(&path, &bytes)
            .map_err(|e| Failure::unwritable("could not write", &path, &e))?;
        written.push((path, bytes.len()));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_extensions_and_pictures_are_numbered() {
        assert_eq!(Kind::of_path(Path::new("out/cv.PNG")), Kind::Png);
        assert_eq!(Kind::of_path(Path::new("cv.txt")), Kind::Txt);
        assert_eq!(Kind::of_path(Path::new("cv.svg")), Kind::Svg);
        assert_eq!(Kind::of_path(Path::new("cv.out")), Kind::Pdf);
        assert_eq!(
            page_path(Path::new("out/cv.png"), 2),
            PathBuf::from("out/cv-2.png")
        );
        assert_eq!(page_path(Path::new("cv"), 1), PathBuf::from("cv-1"));
    }
}
