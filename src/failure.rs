//! Why a command failed and the exit code that goes with it. The failure is a placed
//! diagnostic ([`Located`]); `main` draws it or prints it as JSON.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Located};

/// Exit code for a wrong input or layout (diagnostics printed).
pub const EXIT_INPUT: i32 = 1;
/// Exit code for a check that failed (more pages than allowed, text not recoverable).
pub const EXIT_CHECK: i32 = 3;

/// A failed command: what went wrong and the exit code to leave with.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The diagnostic.
    pub diagnostic: Box<Located>,
    /// The process exit code.
    pub code: i32,
}

impl From<Diagnostic> for Located {
    fn from(diagnostic: Diagnostic) -> Located {
        Located::plain(diagnostic)
    }
}

impl Failure {
    /// A file or folder Vita cannot write: "`doing` PATH: the system's reason" (exit code 1).
    pub fn unwritable(doing: &str, path: &Path, e: &std::io::Error) -> Failure {
        Failure::input(Diagnostic::error(
            vita_diagnostic::Code::Unwritable,
            format!("{doing} {}: {}", path.display(), crate::os_error::worded(e)),
        ))
    }

    /// A failure caused by the input (exit code 1).
    pub fn input(diagnostic: impl Into<Located>) -> Failure {
        Failure {
            diagnostic: Box::new(diagnostic.into()),
            code: EXIT_INPUT,
        }
    }

    /// An input failure whose spans are byte ranges of `source`, the file `file`.
    pub fn at(file: &Path, source: &str, diagnostic: Diagnostic) -> Failure {
        Failure::input(Located::in_file(diagnostic, file, source))
    }

    /// A failed check (exit code 3).
    pub fn check(diagnostic: impl Into<Located>) -> Failure {
        Failure {
            diagnostic: Box::new(diagnostic.into()),
            code: EXIT_CHECK,
        }
    }

    /// The failure drawn without colour, as a terminal without colours shows it.
    pub fn message(&self) -> String {
        self.diagnostic.to_string()
    }
}
