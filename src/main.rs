//! The `vita` command: parses arguments, runs a command, and leaves with its exit code.
//!
//! Exit codes: 0 success, 1 the input, layout or manifest is wrong, 2 usage error (from clap),
//! 3 a check failed (more pages than allowed, text not recoverable, missing glyphs).

mod batch;
mod build;
mod check;
mod cli;
mod compile;
mod diagnostics;
mod failure;
mod fonts;
mod formats;
mod init;
mod letter;
mod limits;
mod lists;
mod manifest;
mod os_error;
mod output;
mod output_kind;
mod photo;
mod preview;
mod progress;
mod read;
mod report;
mod scan;
#[cfg(test)]
mod schemas;
mod shard;
mod shell;
mod source;
mod specimen;
mod stdout;
mod watch;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    output::clean_up_on_interrupt();
    let json = match &cli.command {
        cli::Command::Build(args) => args.json_report(),
        cli::Command::Check(args) => args.format == Some(cli::Format::Json),
        cli::Command::Batch(args) => args.format == Some(cli::Format::Json),
        _ => false,
    };
    let result = fonts::set_paths(cli.font_path.clone()).and_then(|()| match &cli.command {
        cli::Command::Build(args) => build::run(args).and_then(|built| {
            for warning in &built.warnings {
                diagnostics::terminal::eprint(warning);
            }
            if args.json_report() {
                stdout::line(&format!("{:#}", report::build(&built)))?;
            }
            if !args.quiet {
                eprintln!("{}", build::summary(&built));
            }
            Ok(0)
        }),
        cli::Command::Batch(args) => batch::run(args),
        cli::Command::Check(args) => check::run(args),
        cli::Command::Watch(args) => watch::run(args),
        cli::Command::Preview(args) => preview::run(args),
        cli::Command::Init(args) => init::run(args),
        cli::Command::Layouts => lists::layouts(),
        cli::Command::Fonts(args) => lists::fonts(args),
        cli::Command::Completions(args) => shell::completions(args),
        cli::Command::Man => shell::man(),
    });
    let code = match result {
        Ok(code) => code,
        Err(failure) => {
            diagnostics::terminal::eprint(&failure.diagnostic);
            if json {
                // Already failing: a report that cannot be written changes nothing more.
                let _ = stdout::line(&format!("{:#}", report::failure(&failure)));
            }
            failure.code
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
