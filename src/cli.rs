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
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a PDF from a Markdown résumé.
    Build(BuildArgs),
}

/// Arguments of `vita build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The résumé to build (Markdown, optionally with TOML front matter).
    pub input: PathBuf,
    /// Where to write the PDF [default: INPUT with the extension .pdf].
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// A built-in layout name (classic) or the path of a layout file.
    #[arg(short, long, value_name = "NAME|PATH")]
    pub layout: Option<String>,
    /// Fit the résumé into at most N pages, compressing spacing, leading, size and margins
    /// as little as needed (never enlarging); exit 3 if even the floors do not fit.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20))]
    pub pages: Option<u32>,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print a machine-readable report on standard output: pages, warnings, and the line
    /// breaker's figures for every line (adjustment ratio, badness, fitness, hyphen, demerits).
    #[arg(long, value_name = "FORMAT")]
    pub report: Option<ReportFormat>,
}

/// Formats of `--report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One JSON object.
    Json,
}
