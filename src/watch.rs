//! `vita watch`: build once, then rebuild whenever the résumé or its layout file is saved.
//!
//! Editors save in different ways (write in place, or write a new file and rename it), so the
//! folders are watched rather than the files, and any event naming the file counts. Events
//! that arrive within [`SETTLE`] of the first are taken as one save. A broken edit prints its error and leaves the
//! last good PDF alone: a build writes only once everything has succeeded.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use vita_layout::FontBook;

use crate::build::{self, Built};
use crate::cli::WatchArgs;
use crate::compile::{self, Variant};
use crate::diagnostics::{Code, Diagnostic};
use crate::failure::Failure;
use crate::source::{Layouts, Source};

/// The hint for a wrong path given to `vita watch`.
const WATCH_HINT: &str = "`vita watch resume.md` takes a Markdown or JSON Resume file";

/// How long to let a save finish after its first event.
pub const SETTLE: Duration = Duration::from_millis(80);

/// Rebuilds one résumé into one PDF.
pub struct Rebuilder {
    input: PathBuf,
    output: PathBuf,
    variant: Variant,
    book: FontBook,
}

/// What a rebuild did.
pub enum Rebuilt {
    /// A new PDF was written.
    Built(Box<Built>),
    /// The edit is broken; the previous PDF (if any) is untouched.
    Kept(Failure),
}

impl Rebuilder {
    /// A rebuilder for `input`, writing `output` (default: the input with `.pdf`).
    pub fn new(input: &Path, output: Option<&Path>, variant: Variant) -> Rebuilder {
        Rebuilder {
            input: input.to_path_buf(),
            output: output.map_or_else(|| input.with_extension("pdf"), Path::to_path_buf),
            variant,
            book: crate::fonts::book(),
        }
    }

    /// Reads the input again and builds it; layout files are read again too.
    pub fn rebuild(&self) -> Rebuilt {
        let started = Instant::now();
        let result = Source::load_for(&self.input, WATCH_HINT).and_then(|source| {
            build::build_to(
                &source,
                &self.variant,
                &self.book,
                &Layouts::default(),
                &crate::formats::Target::of_path(&self.output),
                &vita_pdf::PdfOptions::default(),
                started,
            )
        });
        match result {
            Ok(built) => Rebuilt::Built(Box::new(built)),
            Err(failure) => Rebuilt::Kept(failure),
        }
    }

    /// The files whose saving triggers a rebuild: the input, the layout file if any, and for
    /// a cover letter the résumé it takes its header from.
    fn watched_files(&self) -> Vec<PathBuf> {
        let mut files = vec![self.input.clone()];
        files.extend(crate::letter::resume_of(&self.input));
        if let Some(layout) = &self.variant.layout
            && vita_layout::Layout::builtin(layout).is_none()
        {
            files.push(PathBuf::from(layout));
        }
        files
    }

    /// Prints what a rebuild did.
    fn report(&self, rebuilt: &Rebuilt) {
        match rebuilt {
            Rebuilt::Built(built) => {
                for warning in &built.warnings {
                    crate::diagnostics::terminal::eprint(warning);
                }
                eprintln!("{} in {:.1} ms", build::summary(built), built.millis);
            }
            Rebuilt::Kept(failure) => {
                crate::diagnostics::terminal::eprint(&failure.diagnostic);
                if self.output.exists() {
                    eprintln!("kept the last good {}", self.output.display());
                }
            }
        }
    }
}

/// Runs `vita watch` until interrupted.
pub fn run(args: &WatchArgs) -> Result<i32, Failure> {
    let variant = compile::from_flags(&args.variant)?;
    if !args.input.is_file() {
        // Fail at once with the same wording as `build`.
        Source::load_for(&args.input, WATCH_HINT)?;
    }
    let rebuilder = Rebuilder::new(&args.input, args.output.as_deref(), variant);
    rebuilder.report(&rebuilder.rebuild());
    let files = rebuilder.watched_files();
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| {
        Failure::input(Diagnostic::error(
            Code::Unreadable,
            format!("cannot watch files: {e}"),
        ))
    })?;
    for file in &files {
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .map_err(|e| {
                Failure::input(Diagnostic::error(
                    Code::Unreadable,
                    format!("cannot watch {}: {e}", dir.display()),
                ))
            })?;
    }
    eprintln!("watching {} (Ctrl-C to stop)", args.input.display());
    while let Ok(event) = rx.recv() {
        if !concerns(&event, &files) {
            continue;
        }
        // Let the save finish, then drop the events queued meanwhile (readers of the PDF
        // keep causing access events, so waiting for quiet could wait for ever).
        std::thread::sleep(SETTLE);
        while rx.try_recv().is_ok() {}
        rebuilder.report(&rebuilder.rebuild());
    }
    Ok(0)
}

/// True when a file-system event names one of `files` (by file name, as paths in events may
/// be absolute or relative).
pub fn concerns(event: &notify::Result<notify::Event>, files: &[PathBuf]) -> bool {
    let Ok(event) = event else {
        return false;
    };
    if event.kind.is_access() {
        return false;
    }
    event.paths.iter().any(|path| {
        files
            .iter()
            .any(|f| f.file_name().is_some() && f.file_name() == path.file_name())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use vita_model::TagExpr;

    fn variant() -> Variant {
        Variant {
            layout: None,
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
    fn a_broken_edit_keeps_the_last_good_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("cv.md");
        let output = dir.path().join("cv.pdf");
        let rebuilder = Rebuilder::new(&input, None, variant());

        std::fs::write(&input, "# Ada\n\n## Work\n\nWrote the first program.\n").unwrap();
        assert!(matches!(rebuilder.rebuild(), Rebuilt::Built(_)));
        let good = std::fs::read(&output).unwrap();

        std::fs::write(&input, "+++\nname = \n+++\n# Ada\n").unwrap();
        let Rebuilt::Kept(failure) = rebuilder.rebuild() else {
            panic!("a broken front matter must not build")
        };
        assert_eq!(failure.code, 1);
        assert_eq!(failure.diagnostic.diagnostic.code, Code::FrontMatterSyntax);
        let at = failure.diagnostic.location().unwrap_or_default();
        assert!(at.ends_with("cv.md:2:8"), "{at}");
        assert_eq!(std::fs::read(&output).unwrap(), good);

        std::fs::write(&input, "# Ada\n\n## Work\n\nWrote the second program.\n").unwrap();
        assert!(matches!(rebuilder.rebuild(), Rebuilt::Built(_)));
        assert_ne!(std::fs::read(&output).unwrap(), good);
    }

    #[test]
    fn a_broken_layout_file_keeps_the_pdf_too() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("cv.md");
        let layout = dir.path().join("mine.toml");
        std::fs::write(&input, "# Ada\n\n## Work\n\nWrote.\n").unwrap();
        std::fs::write(&layout, "extends = \"classic\"\n").unwrap();
        let mut v = variant();
        v.layout = Some(layout.display().to_string());
        let rebuilder = Rebuilder::new(&input, None, v);
        assert_eq!(rebuilder.watched_files(), [input.clone(), layout.clone()]);
        assert!(matches!(rebuilder.rebuild(), Rebuilt::Built(_)));
        std::fs::write(&layout, "[page]\nsise = \"a4\"\n").unwrap();
        assert!(matches!(rebuilder.rebuild(), Rebuilt::Kept(_)));
    }

    #[test]
    fn events_count_when_they_name_a_watched_file() {
        let files = [PathBuf::from("dir/cv.md")];
        let event = |path: &str, kind| Ok(notify::Event::new(kind).add_path(PathBuf::from(path)));
        use notify::EventKind::*;
        use notify::event::{AccessKind, CreateKind, ModifyKind};
        assert!(concerns(
            &event("/abs/dir/cv.md", Modify(ModifyKind::Any)),
            &files
        ));
        assert!(concerns(&event("cv.md", Create(CreateKind::File)), &files));
        assert!(!concerns(
            &event("/abs/dir/cv.pdf", Modify(ModifyKind::Any)),
            &files
        ));
        assert!(!concerns(&event("cv.md", Access(AccessKind::Any)), &files));
    }
}
