//! `vita batch`: every variant of a manifest, in parallel (rayon), with one font book and one
//! shaping cache for all of them. Each résumé is read and parsed once however many variants
//! use it. A failing variant is reported and the others go on; the exit code is 1 when any
//! variant had a wrong input, else 3 when any failed a check, else 0. `--shard K/N` keeps the
//! variants of one share (see `shard`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::check::{self, Findings};
use crate::cli::{BatchArgs, Format};
use crate::compile::{self, Context, Overflow};
use crate::diagnostics::terminal::for_stderr;
use crate::diagnostics::{Code, Diagnostic, Located};
use crate::failure::{EXIT_CHECK, EXIT_INPUT, Failure};
use crate::formats::{self, Kind, Target};
use crate::manifest::{self, Job};
use crate::output;
use crate::progress::Progress;
use crate::report;
use crate::source::{self, Layouts, Source};

/// How one variant went.
pub struct Outcome {
    /// The variant's name.
    pub name: String,
    /// Where its PDF goes.
    pub output: PathBuf,
    /// What was built, or why not.
    pub result: Result<Done, Failure>,
    /// Milliseconds it took.
    pub millis: f64,
}

/// A variant that was built.
pub struct Done {
    /// Pages.
    pub pages: usize,
    /// PDF size in bytes.
    pub bytes: usize,
    /// Its warnings.
    pub warnings: Vec<Located>,
    /// The check's findings, with `--check`.
    pub findings: Option<Findings>,
}

impl Outcome {
    /// The exit code this variant alone would give.
    pub fn code(&self) -> i32 {
        match &self.result {
            Ok(done) if done.findings.as_ref().is_some_and(|f| !f.passed()) => EXIT_CHECK,
            Ok(_) => 0,
            Err(failure) => failure.code,
        }
    }
}

/// Runs `vita batch`; returns the exit code.
pub fn run(args: &BatchArgs) -> Result<i32, Failure> {
    let started = Instant::now();
    let mut jobs = manifest::load(&args.manifest, args.allow_outside)?;
    if let Some(shard) = args.shard {
        // Before any résumé is read: a shard reads only the inputs its variants use.
        jobs.retain(|job| shard.holds(&job.name));
    }
    let progress = Progress::new(jobs.len(), args.quiet);
    let sources = load_sources(&jobs, &progress);
    // One thread per CPU by default: building is CPU-bound (outputs are not fsynced).
    let threads = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(2, |n| n.get()),
        |n| n as usize,
    );
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| {
            Failure::input(Diagnostic::error(
                Code::Unwritable,
                format!("cannot start {threads} threads: {e}"),
            ))
        })?;
    let book = crate::fonts::book();
    let layouts = Layouts::default();
    let (creation_date, date_warning) = source::source_date_epoch();
    if let Some(w) = date_warning {
        progress.message(&for_stderr(&w));
    }
    let ctx = Context {
        book: &book,
        layouts: &layouts,
        creation_date,
        pdf: vita_pdf::PdfOptions::default(),
    };
    let outcomes: Vec<Outcome> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let outcome = build_one(job, &sources, &ctx, args.check);
                announce(&outcome, &progress);
                outcome
            })
            .collect()
    });
    progress.finish();
    let total = started.elapsed().as_secs_f64() * 1000.0;
    if args.format == Some(Format::Json) {
        let mut json = report::batch(&args.manifest, &outcomes, total);
        if let Some(shard) = args.shard {
            json["shard"] = shard.to_string().into();
        }
        crate::stdout::line(&format!("{json:#}"))?;
    }
    if !args.quiet {
        eprint!("{}", table(&outcomes, total, threads));
        if let Some(shard) = args.shard {
            eprintln!("(shard {shard} of the manifest's variants)");
        }
    }
    let codes: Vec<i32> = outcomes.iter().map(Outcome::code).collect();
    Ok(if codes.contains(&EXIT_INPUT) {
        EXIT_INPUT
    } else {
        codes.into_iter().max().unwrap_or(0)
    })
}

/// Reads and parses each input once; a source's warnings are printed once.
fn load_sources(
    jobs: &[Job],
    progress: &Progress,
) -> HashMap<PathBuf, Result<Arc<Source>, Failure>> {
    let mut sources = HashMap::new();
    for job in jobs {
        if sources.contains_key(&job.input) {
            continue;
        }
        let loaded = Source::load_as(
            &job.input,
            "a manifest's `input` names a Markdown or JSON Resume file",
            job.variant.kind,
        )
        .map(Arc::new);
        if let Ok(source) = &loaded {
            for warning in source.warnings() {
                progress.message(&for_stderr(&warning));
            }
        }
        sources.insert(job.input.clone(), loaded);
    }
    sources
}

/// Builds one variant and writes its PDF (also when its check fails, so it can be looked at).
fn build_one(
    job: &Job,
    sources: &HashMap<PathBuf, Result<Arc<Source>, Failure>>,
    ctx: &Context<'_>,
    with_check: bool,
) -> Outcome {
    let started = Instant::now();
    let result = (|| {
        let source = match sources.get(&job.input) {
            Some(Ok(source)) => source,
            Some(Err(failure)) => return Err(failure.clone()),
            None => {
                return Err(Failure::input(Diagnostic::error(
                    Code::Unreadable,
                    format!("{} was not read", job.input.display()),
                )));
            }
        };
        let compiled = compile::compile(source, &job.variant, ctx, Overflow::Fail)?;
        let findings = match with_check {
            true => Some(check::inspect(source, &compiled)?),
            false => None,
        };
        if output::same_file(&job.output, &job.input) {
            return Err(Failure::input(
                Diagnostic::error(
                    Code::Unwritable,
                    format!(
                        "variant `{}` would write over its input {}",
                        job.name,
                        job.input.display()
                    ),
                )
                .with_hint("give the variant another `output`"),
            ));
        }
        for &kind in &job.formats {
            let path = match kind {
                Kind::Pdf => job.output.clone(),
                _ => job.output.with_extension(kind.extension()),
            };
            let target = Target {
                path,
                kind,
                dpi: formats::DEFAULT_DPI,
            };
            for (path, bytes) in formats::render(&target, &compiled)? {
                write(&path, &bytes)?;
            }
        }
        Ok(Done {
            pages: compiled.pages,
            bytes: compiled.bytes.len(),
            warnings: compiled.warnings,
            findings,
        })
    })();
    Outcome {
        name: job.name.clone(),
        output: job.output.clone(),
        result,
        millis: started.elapsed().as_secs_f64() * 1000.0,
    }
}

/// Writes a file atomically, creating its folder.
fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::unwritable("cannot create the folder", dir, &e))?;
    }
    output::write_atomically(path, bytes)
        .map_err(|e| Failure::unwritable("could not write", path, &e))
}

/// Reports one finished variant: its warnings and errors, and a progress line.
fn announce(outcome: &Outcome, progress: &Progress) {
    let name = &outcome.name;
    let line = match &outcome.result {
        Ok(done) => {
            for warning in &done.warnings {
                progress.message(&format!("[{name}] {}", for_stderr(warning)));
            }
            let checked = match &done.findings {
                Some(f) if !f.passed() => {
                    progress.message(&format!("[{name}] {}", check::describe(&outcome.output, f)));
                    ", check FAILED"
                }
                Some(_) => ", check passed",
                None => "",
            };
            format!(
                "{name}: {} ({} page{}, {}, {:.1} ms{checked})",
                outcome.output.display(),
                done.pages,
                if done.pages == 1 { "" } else { "s" },
                size(done.bytes),
                outcome.millis
            )
        }
        Err(failure) => {
            progress.message(&format!("[{name}] {}", for_stderr(&failure.diagnostic)));
            format!("{name}: FAILED")
        }
    };
    progress.finished(name, &line);
}

/// The summary table: variant, pages, size, warnings, time, status.
pub fn table(outcomes: &[Outcome], total_ms: f64, threads: usize) -> String {
    let width = outcomes
        .iter()
        .map(|o| o.name.chars().count())
        .chain([7])
        .max()
        .unwrap_or(7);
    let mut out = format!(
        "{:width$}  {:>5}  {:>9}  {:>8}  {:>9}  status\n",
        "variant", "pages", "size", "warnings", "time"
    );
    for o in outcomes {
        let (pages, bytes, warnings, status) = match &o.result {
            Ok(done) => (
                done.pages.to_string(),
                size(done.bytes),
                done.warnings.len().to_string(),
                match &done.findings {
                    Some(f) if !f.passed() => "check failed".to_string(),
                    Some(_) => "ok, checked".to_string(),
                    None => "ok".to_string(),
                },
            ),
            Err(f) => (
                "-".into(),
                "-".into(),
                "-".into(),
                format!("failed (exit {})", f.code),
            ),
        };
        out.push_str(&format!(
            "{:width$}  {pages:>5}  {bytes:>9}  {warnings:>8}  {:>6.1} ms  {status}\n",
            o.name, o.millis
        ));
    }
    let failed = outcomes.iter().filter(|o| o.code() != 0).count();
    out.push_str(&format!(
        "{} variant{}: {} built, {failed} failed, {:.2} s on {threads} thread{}\n",
        outcomes.len(),
        if outcomes.len() == 1 { "" } else { "s" },
        outcomes.len() - failed,
        total_ms / 1000.0,
        if threads == 1 { "" } else { "s" },
    ));
    out
}

/// A byte count for people.
fn size(bytes: usize) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}
