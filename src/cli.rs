//! Command-line arguments: what `vita` accepts, declared with clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Vita typesets a Markdown résumé into a PDF that reads well to people and to machines.
#[derive(Debug, Parser)]
#[command(name = "vita", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// A font file or folder to search for characters the layout's fonts lack (CJK, Greek,
    /// emoji), before the fonts installed on the system (repeatable).
    #[arg(long = "font-path", value_name = "PATH", global = true)]
    pub font_path: Vec<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a PDF from a Markdown résumé, or a cover letter (`kind = "letter"`).
    Build(BuildArgs),
    /// Build every variant listed in a manifest (vita.toml), in parallel.
    Batch(BatchArgs),
    /// Build in memory, read the PDF's text back and compare it with the source (ATS check).
    Check(CheckArgs),
    /// Rebuild the PDF whenever the résumé (or its layout file) is saved.
    Watch(WatchArgs),
    /// Show the résumé's pages in the browser, updated on every save (served on 127.0.0.1).
    Preview(PreviewArgs),
    /// Write a starter résumé with tags, a cover letter, a manifest with their variants, and
    /// the manifest's and layouts' schemas.
    Init(InitArgs),
    /// List the built-in layouts.
    Layouts,
    /// List the font families available to layouts, or write a specimen of the bundled ones.
    Fonts(FontsArgs),
    /// Print a completion script for a shell, e.g. `source <(vita completions bash)`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `vita man > ~/.local/share/man/man1/vita.1`.
    Man,
}

/// `vita fonts`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FontsArgs {
    /// Write a one-page specimen of every bundled family to this file (PDF, or PNG when the
    /// name ends in .png) instead of listing families.
    #[arg(long, value_name = "FILE")]
    pub sample: Option<std::path::PathBuf>,
}

/// Arguments of `vita completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// How one résumé is turned into one variant: shared by build, check and watch.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct VariantArgs {
    /// A built-in layout name (classic, modern, compact, sidebar, dense) or the path of a layout file.
    #[arg(short, long, value_name = "NAME|PATH")]
    pub layout: Option<String>,
    /// Fit the résumé into at most N pages, compressing spacing, leading, size and margins
    /// as little as needed (never enlarging); exit 3 if even the floors do not fit.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20))]
    pub pages: Option<u32>,
    /// Keep only the tagged parts this expression selects: `backend,!frontend` keeps elements
    /// tagged backend and drops those tagged frontend. Untagged content is always kept.
    #[arg(short, long, value_name = "EXPR")]
    pub tags: Option<String>,
    /// Set a front-matter field for this build, e.g. `--set headline="Platform engineer"`
    /// (repeatable).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
}

/// Arguments of `vita build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The résumé to build (Markdown, optionally with TOML front matter).
    pub input: PathBuf,
    /// Where to write [default: INPUT with the extension of --format, .pdf without it]. The
    /// extension chooses what is written: .pdf, .png and .svg (one file per page: OUT-1.png,
    /// OUT-2.png …), .txt (the text an ATS reads); any other extension writes a PDF.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Layout, pages, tags and field overrides.
    #[command(flatten)]
    pub variant: VariantArgs,
    /// Print nothing but errors and warnings.
    #[arg(short, long)]
    pub quiet: bool,
    /// What to write, whatever OUT's extension: pdf, png, svg or txt. `--format json` is the
    /// older spelling of `--report json` (it writes the PDF).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,
    /// Resolution of PNG pictures, in pixels per inch [default: 144].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(10..=600))]
    pub dpi: Option<u32>,
    /// Print a machine-readable report on standard output: pages, warnings, and the line
    /// breaker's figures for every line (adjustment ratio, badness, fitness, hyphen, demerits).
    #[arg(long, value_name = "FORMAT")]
    pub report: Option<Format>,
    /// Conform to a PDF standard, validated while writing: `pdf-ua-1` (accessible), `pdf-a-2b`
    /// or `pdf-a-3b` (archival). The build fails, naming what is missing, if it cannot.
    #[arg(long, value_name = "STANDARD")]
    pub standard: Option<StandardArg>,
    /// Write no structure tree (an untagged PDF: a little smaller, not accessible to screen
    /// readers).
    #[arg(long, conflicts_with = "standard")]
    pub no_tags: bool,
}

/// PDF standards `vita build --standard` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StandardArg {
    /// PDF/UA-1: universal accessibility.
    #[value(name = "pdf-ua-1")]
    PdfUa1,
    /// PDF/A-2b: archival.
    #[value(name = "pdf-a-2b")]
    PdfA2b,
    /// PDF/A-3b: archival, embedded files allowed.
    #[value(name = "pdf-a-3b")]
    PdfA3b,
}

impl BuildArgs {
    /// True when the JSON report was asked for (`--report json`, or `--format json`).
    pub fn json_report(&self) -> bool {
        self.report == Some(Format::Json) || self.format == Some(OutputFormat::Json)
    }
}

impl StandardArg {
    /// The writer's options for this choice.
    pub fn pdf_options(standard: Option<StandardArg>, no_tags: bool) -> vita_pdf::PdfOptions {
        vita_pdf::PdfOptions {
            tagged: !no_tags,
            standard: standard.map(|s| match s {
                StandardArg::PdfUa1 => vita_pdf::Standard::PdfUa1,
                StandardArg::PdfA2b => vita_pdf::Standard::PdfA2b,
                StandardArg::PdfA3b => vita_pdf::Standard::PdfA3b,
            }),
        }
    }
}

/// Arguments of `vita batch`.
#[derive(Debug, clap::Args)]
pub struct BatchArgs {
    /// The manifest listing the variants (see `vita init` for an example).
    pub manifest: PathBuf,
    /// Build at most N variants at once [default: the number of CPUs].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=256))]
    pub jobs: Option<u32>,
    /// Also run the ATS check on every variant; a failed check fails the variant (exit 3).
    #[arg(long)]
    pub check: bool,
    /// Let variants write outside the manifest's folder (absolute paths or `../`).
    #[arg(long)]
    pub allow_outside: bool,
    /// Build only share K of N (e.g. `--shard 2/4` on the second of four CI machines): each
    /// variant belongs to one share, chosen from its name alone, so the N shares together
    /// build exactly what one run without `--shard` builds.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::shard::Shard>,
    /// Print nothing but errors and warnings.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print a machine-readable report of every variant on standard output.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// Arguments of `vita check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The résumé to check.
    pub input: PathBuf,
    /// Layout, pages, tags and field overrides.
    #[command(flatten)]
    pub variant: VariantArgs,
    /// Print only failures.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print a machine-readable report on standard output.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Print the text an applicant tracking system reads, in reading order, on standard output.
    #[arg(long)]
    pub show_text: bool,
}

/// Arguments of `vita watch`.
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// The résumé to watch.
    pub input: PathBuf,
    /// Where to write the PDF [default: INPUT with the extension .pdf].
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Layout, pages, tags and field overrides.
    #[command(flatten)]
    pub variant: VariantArgs,
}

/// Arguments of `vita preview`.
#[derive(Debug, clap::Args)]
pub struct PreviewArgs {
    /// The résumé to show.
    pub input: PathBuf,
    /// Layout, pages, tags and field overrides.
    #[command(flatten)]
    pub variant: VariantArgs,
    /// The port to serve on, on 127.0.0.1 [default: a free port, printed].
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
}

/// Arguments of `vita init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to write `resume.md`, `letter.md` and `vita.toml` into (created if missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// What `vita build` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// The PDF.
    Pdf,
    /// A PNG picture of each page.
    Png,
    /// An SVG picture of each page.
    Svg,
    /// The text an applicant tracking system reads.
    Txt,
    /// The PDF, and the JSON report on standard output (same as `--report json`).
    Json,
}

/// Formats of machine-readable reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object.
    Json,
}
