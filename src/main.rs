//! The `vita` command: parses arguments, runs a command, reports, and picks the exit code.
//!
//! Exit codes: 0 success, 1 the input or layout is wrong, 2 usage error (from clap), 3 a
//! check failed (the résumé does not fit the pages asked for).

mod build;
mod cli;
mod failure;
mod output;
mod report;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match &cli.command {
        cli::Command::Build(args) => build::run(args).map(|built| {
            for warning in &built.warnings {
                eprintln!("{warning}");
            }
            if args.report == Some(cli::ReportFormat::Json) {
                println!("{:#}", report::json(&built));
            }
            if !args.quiet {
                eprintln!(
                    "wrote {} ({} page{}, {} bytes)",
                    built.path.display(),
                    built.pages,
                    if built.pages == 1 { "" } else { "s" },
                    built.bytes
                );
                if !built.knobs.is_empty() {
                    let moved: Vec<String> = built
                        .knobs
                        .iter()
                        .map(|k| format!("{} {} → {}", k.name, k.from, k.to))
                        .collect();
                    eprintln!(
                        "fitted {} pages into {}: {}",
                        built.natural_pages,
                        built.pages,
                        moved.join(", ")
                    );
                }
            }
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(u8::try_from(failure.code).unwrap_or(1))
        }
    }
}
