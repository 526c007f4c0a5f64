//! Diagnostics drawn for a person: a headline with severity, code and `file:line:col`, the
//! source lines with the range underlined, then hints and notes. The drawing is
//! annotate-snippets' (the renderer rustc and cargo use), which also shows control characters
//! as their Unicode pictures and cuts long lines around the range.

use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Located, Severity};

/// `located` as text; `colour` adds ANSI styles.
pub fn render(located: &Located, colour: bool) -> String {
    let d = &located.diagnostic;
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let headline = match located.location() {
        Some(at) => format!("{at}: {}", d.message),
        None => d.message.clone(),
    };
    let title = level.primary_title(headline).id(d.code.as_str());
    let mut group = Group::with_title(title);
    for (i, place) in located.places.iter().enumerate() {
        let kind = if i == 0 {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let annotation = kind.span(place.range.clone()).label(place.label.as_deref());
        let mut snippet = Snippet::source(place.excerpt.as_str())
            .line_start(place.line)
            .fold(false)
            .annotation(annotation);
        if !place.numbered {
            snippet = snippet.line_numbering(false);
        } else if i > 0
            && let Some(file) = &located.file
        {
            // The headline names the primary place; a related one says where it is.
            snippet = snippet.path(file.as_str());
        }
        group = group.element(snippet);
    }
    for hint in &d.hints {
        group = group.element(Level::HELP.with_name("hint").message(hint.as_str()));
    }
    for note in &d.notes {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.render(&[group])
}

/// Whether standard error takes colours: a terminal, and `NO_COLOR` unset.
pub fn stderr_has_colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// `located` as standard error shows it: in colour on a terminal.
pub fn for_stderr(located: &Located) -> String {
    render(located, stderr_has_colour())
}

/// Prints `located` to standard error, in colour on a terminal.
pub fn eprint(located: &Located) {
    eprintln!("{}", render(located, stderr_has_colour()));
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostics::{Code, Diagnostic};

    fn shown(text: &str, range: std::ops::Range<usize>) -> String {
        let d = Diagnostic::error(Code::LayoutValue, "oops")
            .at(range)
            .with_hint("fix it");
        render(&Located::in_file(d, Path::new("cv.md"), text), false)
    }

    #[test]
    fn the_line_is_quoted_with_the_range_underlined() {
        assert_eq!(
            shown("a\nbad line\n", 6..8),
            "error[V0303]: cv.md:2:5: oops\n  |\n2 | bad line\n  |     ^^\n  |\n  = hint: fix it"
        );
    }

    #[test]
    fn an_empty_range_gets_a_caret() {
        let out = shown("a\nbad line\n", 6..6);
        assert!(out.contains("2 | bad line\n  |     ^"), "{out}");
    }

    #[test]
    fn quoted_lines_never_carry_control_characters() {
        let out = shown("a\u{1b}[2Jb\u{0}c\n", 1..2);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert!(out.contains("a␛[2Jb␀c"), "{out}");
    }

    #[test]
    fn long_lines_are_quoted_around_the_column() {
        let source = format!("{}X{}\n", "a".repeat(5000), "b".repeat(5000));
        let out = shown(&source, 5000..5001);
        let quoted = out.lines().nth(2).unwrap();
        let caret = out.lines().nth(3).unwrap();
        assert!(quoted.chars().count() < 200, "{quoted}");
        assert_eq!(
            quoted.chars().position(|c| c == 'X'),
            caret.chars().position(|c| c == '^')
        );
    }

    #[test]
    fn related_places_are_drawn_with_their_file_and_label() {
        let text = "extends = \"modern\"\n[fonts]\nsize = \"1pt\"\n";
        let d = Diagnostic::error(Code::LayoutRange, "too small")
            .at(34..39)
            .with_secondary(vita_diagnostic::Span::input(10..18), "from here");
        let out = render(&Located::in_file(d, Path::new("mine.toml"), text), false);
        assert!(
            out.starts_with("error[V0304]: mine.toml:3:8: too small\n"),
            "{out}"
        );
        assert!(
            out.contains("3 | size = \"1pt\"\n  |        ^^^^^\n"),
            "{out}"
        );
        assert!(out.contains("::: mine.toml:1:11\n"), "{out}");
        assert!(
            out.contains("1 | extends = \"modern\"\n  |           -------- from here"),
            "{out}"
        );
    }

    #[test]
    fn flag_values_are_quoted_without_line_numbers() {
        let d = Diagnostic::error(Code::TagExpression, "empty term").at(2..2);
        let out = render(&Located::in_flag(d, "--tags", "a,,b"), false);
        assert!(
            out.starts_with("error[V0103]: --tags: empty term\n"),
            "{out}"
        );
        assert!(out.contains("| a,,b\n"), "{out}");
        assert!(!out.contains("1 |"), "{out}");
    }
}
