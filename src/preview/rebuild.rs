//! One preview build: the résumé built in memory, its pages drawn as SVG from the PDF's bytes,
//! its plain text, and what the build said. Nothing is written to disk, and no file outside
//! the résumé's folder is read: a layout file elsewhere is refused with an error on the page
//! (the photo is held to the folder by the build itself).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use vita_layout::FontBook;

use super::state::Shared;
use crate::compile::{self, Context, Overflow, Variant};
use crate::diagnostics::{Code, Diagnostic};
use crate::failure::Failure;
use crate::source::{self, Layouts, Source};

/// What a good build shows.
pub struct Shown {
    /// One SVG document per page.
    pub pages: Vec<String>,
    /// The text an applicant tracking system reads.
    pub text: String,
    /// The build's warnings.
    pub warnings: Vec<crate::diagnostics::Located>,
}

/// Rebuilds one résumé for the preview.
pub struct Previewer {
    input: PathBuf,
    folder: PathBuf,
    variant: Variant,
    book: FontBook,
    watched: Mutex<Vec<PathBuf>>,
}

impl Previewer {
    /// A previewer of `input` (which must exist) building `variant`.
    pub fn new(input: &Path, variant: Variant) -> Result<Previewer, Failure> {
        let folder = input
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let folder = folder.canonicalize().map_err(|e| {
            Failure::input(Diagnostic::error(
                Code::Unreadable,
                format!("cannot read {}: {e}", folder.display()),
            ))
        })?;
        Ok(Previewer {
            input: input.to_path_buf(),
            watched: Mutex::new(vec![input.to_path_buf()]),
            folder,
            variant,
            book: crate::fonts::book(),
        })
    }

    /// The files whose saving calls for a rebuild: the résumé, and its layout file and photo
    /// as the last build named them.
    pub fn watched(&self) -> Vec<PathBuf> {
        self.watched
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Builds the résumé as it is on disk now.
    pub fn build(&self) -> Result<Shown, Failure> {
        let source = Source::load(&self.input)?;
        let layout_file = self.layout_file(&source)?;
        let mut watched = vec![self.input.clone()];
        watched.extend(layout_file);
        if let Some(photo) = &source.parsed.resume.header.photo {
            watched.push(self.folder.join(&photo.path));
        }
        // A cover letter: the résumé its header comes from, held to the folder like the rest.
        if let Some(resume) = source.letter.as_ref().and_then(|l| l.resume.as_ref()) {
            if let Ok(real) = resume.path.canonicalize()
                && !real.starts_with(&self.folder)
            {
                return Err(Failure::input(
                    Diagnostic::error(
                        Code::Unreadable,
                        format!(
                            "the résumé {} is outside the letter's folder {}",
                            resume.path.display(),
                            self.folder.display()
                        ),
                    )
                    .with_hint(
                        "the preview shows only files beside the letter; copy the résumé there",
                    ),
                ));
            }
            watched.push(resume.path.clone());
        }
        *self
            .watched
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = watched;
        let layouts = Layouts::default();
        let (creation_date, _) = source::source_date_epoch();
        let ctx = Context {
            book: &self.book,
            layouts: &layouts,
            creation_date,
            pdf: vita_pdf::PdfOptions::default(),
        };
        let compiled = compile::compile(&source, &self.variant, &ctx, Overflow::Report)?;
        let pages = vita_render::svg::pages(&compiled.document).map_err(|e| {
            Failure::input(Diagnostic::error(
                Code::Unwritable,
                format!("could not draw the pages: {e}"),
            ))
        })?;
        let mut warnings = source.warnings();
        warnings.extend(compiled.warnings.iter().cloned());
        warnings.extend(compiled.overflow.iter().cloned());
        Ok(Shown {
            pages,
            text: vita_render::text::plain_text(&compiled.document),
            warnings,
        })
    }

    /// Builds and publishes the outcome: new pages, or the error beside the last good pages.
    pub fn publish(&self, shared: &Shared) {
        let started = Instant::now();
        let result = self.build();
        let millis = started.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(shown) => {
                for warning in &shown.warnings {
                    crate::diagnostics::terminal::eprint(warning);
                }
                eprintln!(
                    "built {} ({} page{}) in {millis:.0} ms",
                    self.input.display(),
                    shown.pages.len(),
                    if shown.pages.len() == 1 { "" } else { "s" }
                );
                shared.update(|s| {
                    s.generation += 1;
                    s.pages = shown.pages.into();
                    s.text = shown.text.into();
                    s.error = None;
                    s.warnings = shown.warnings.iter().map(|w| w.to_string()).collect();
                    s.millis = millis;
                });
            }
            Err(failure) => {
                crate::diagnostics::terminal::eprint(&failure.diagnostic);
                shared.update(|s| {
                    s.error = Some(failure.message());
                    s.warnings = Vec::new();
                    s.millis = millis;
                });
            }
        }
    }

    /// The layout file the build will read, if any; an error when it is outside the folder.
    fn layout_file(&self, source: &Source) -> Result<Option<PathBuf>, Failure> {
        let name = self
            .variant
            .layout
            .clone()
            .or_else(|| source.parsed.resume.settings.layout.clone());
        let Some(name) = name else { return Ok(None) };
        if vita_layout::Layout::builtin(&name).is_some() {
            return Ok(None);
        }
        let path = source::layout_path(&name, &self.input);
        match path.canonicalize() {
            Ok(real) if !real.starts_with(&self.folder) => Err(Failure::input(
                Diagnostic::error(
                    Code::Unreadable,
                    format!(
                        "the layout file {} is outside the résumé's folder {}",
                        path.display(),
                        self.folder.display()
                    ),
                )
                .with_hint("the preview reads only files beside the résumé; copy the layout there"),
            )),
            _ => Ok(Some(path)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vita_model::TagExpr;

    fn variant(layout: Option<String>) -> Variant {
        Variant {
            layout,
            pages: None,
            tags: TagExpr::default(),
            overrides: Vec::new(),
            origin: compile::Origin::Flags {
                tags: String::new(),
            },
            kind: None,
        }
    }

    #[test]
    fn a_broken_edit_keeps_the_last_good_pages_and_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("cv.md");
        std::fs::write(
            &input,
            "# Ada Quill\n\n## Work\n\nWrote the first program.\n",
        )
        .unwrap();
        let previewer = Previewer::new(&input, variant(None)).unwrap();
        let shared = Shared::default();
        previewer.publish(&shared);
        let good = shared.current();
        assert_eq!(good.generation, 1);
        assert_eq!(good.pages.len(), 1);
        assert!(
            good.pages[0].starts_with("<svg"),
            "{}",
            &good.pages[0][..40]
        );
        assert!(
            good.text.contains("Wrote the first program."),
            "{}",
            good.text
        );

        std::fs::write(&input, "+++\nname = \n+++\n# Ada\n").unwrap();
        previewer.publish(&shared);
        let broken = shared.current();
        assert_eq!(broken.generation, 1, "the last good pages stay");
        assert_eq!(broken.pages, good.pages);
        // Drawn as on a terminal: the headline with its code and place, the quoted line.
        let error = broken.error.unwrap();
        let headline = error.lines().next().unwrap_or_default();
        assert!(
            headline.starts_with("error[V0101]: ") && headline.contains("cv.md:2:8: "),
            "{error}"
        );
        assert!(error.contains("2 | name = "), "{error}");
    }

    #[test]
    fn a_letter_shows_with_its_resume_beside_it_and_not_with_one_outside() {
        let outer = tempfile::tempdir().unwrap();
        let dir = outer.path().join("apply");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(
            dir.join("cv.md"),
            "# Ada Quill

## Work

Wrote.
",
        )
        .unwrap();
        std::fs::write(
            outer.path().join("cv.md"),
            "# Ada Outside
",
        )
        .unwrap();
        let input = dir.join("letter.md");
        let letter = |resume: &str| {
            format!(
                "+++\nkind = \"letter\"\nresume = \"{resume}\"\ndate = \"2026-03-12\"\n+++\nDear Jo,\n"
            )
        };
        std::fs::write(&input, letter("cv.md")).unwrap();
        let previewer = Previewer::new(&input, variant(None)).unwrap();
        let shown = previewer
            .build()
            .unwrap_or_else(|f| panic!("{}", f.message()));
        assert!(shown.text.contains("Ada Quill") && shown.text.contains("Dear Jo,"));
        assert!(previewer.watched().contains(&dir.join("cv.md")));
        std::fs::write(&input, letter("../cv.md")).unwrap();
        let Err(failure) = previewer.build() else {
            panic!("a résumé outside the folder must be refused")
        };
        let refused = &failure.diagnostic.diagnostic;
        assert_eq!(refused.code, vita_diagnostic::Code::Unreadable);
        assert_eq!(
            refused.hints,
            ["the preview shows only files beside the letter; copy the résumé there"]
        );
    }

    #[test]
    fn a_layout_file_outside_the_folder_is_not_read() {
        let outer = tempfile::tempdir().unwrap();
        let dir = outer.path().join("cv");
        std::fs::create_dir(&dir).unwrap();
        let layout = outer.path().join("secret.toml");
        std::fs::write(&layout, "extends = \"classic\"\n").unwrap();
        let input = dir.join("cv.md");
        std::fs::write(&input, "# Ada\n\n## Work\n\nWrote.\n").unwrap();
        let previewer =
            Previewer::new(&input, variant(Some(layout.display().to_string()))).unwrap();
        let Err(failure) = previewer.build() else {
            panic!("a layout outside the folder must be refused")
        };
        let refused = &failure.diagnostic.diagnostic;
        assert_eq!(refused.code, vita_diagnostic::Code::Unreadable);
        assert_eq!(
            refused.hints,
            ["the preview reads only files beside the résumé; copy the layout there"]
        );
    }
}
