//! Inline content: the styled pieces collected from pulldown-cmark, and the ways the readings
//! cut them (into lines, into plain-text ranges) before they become [`Text`].

use std::ops::Range;

use crate::{Run, Span, Style, Text};

/// One inline piece of a paragraph or heading, before line breaks are resolved.
///
/// Breaks are kept apart from text because several readings (tab splits, meta lines, key–value
/// rows written on consecutive lines) work line by line.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    /// Text with one style.
    Run(Run),
    /// A line break; soft ones become a space, hard ones a `"\n"` run.
    Break {
        /// True for a hard break (two trailing spaces or a backslash).
        hard: bool,
        /// The style around the break, so a space inside `**a\nb**` stays bold.
        style: Style,
        /// The link around the break.
        link: Option<String>,
        /// Where the line ending was read from.
        span: Span,
    },
    /// A `<!-- tags: … -->` comment: invisible, it tags the element it ends (see [`super::tags`]).
    Tags {
        /// The tag names, normalised.
        names: Vec<String>,
        /// Where the comment was read from.
        span: Span,
    },
    /// An image (`![alt](src)` or `<img src>`): never text; [`super::images`] picks the photo
    /// and removes the others, so later readings never see one.
    Image(Image),
}

/// An image as written.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Image {
    /// The source as written.
    pub url: String,
    /// The alternative text.
    pub alt: String,
    /// True when HTML gives it a width or height under 64 pixels: an icon, not a photo.
    pub icon: bool,
    /// Where it was read from.
    pub span: Span,
}

/// The display text of a whole paragraph or heading.
pub(super) fn text(pieces: &[Piece]) -> Text {
    normalize(pieces.iter().filter_map(|piece| {
        Some(match piece {
            Piece::Run(run) => run.clone(),
            Piece::Break {
                hard: false,
                style,
                link,
                span,
            } => Run {
                text: " ".into(),
                style: *style,
                link: link.clone(),
                span: span.clone(),
            },
            Piece::Break {
                hard: true, span, ..
            } => Run {
                text: "\n".into(),
                style: Style::default(),
                link: None,
                span: span.clone(),
            },
            Piece::Tags { .. } | Piece::Image(_) => return None,
        })
    }))
}

/// The runs of each source line, breaks removed. Runs keep their raw text (tabs included).
pub(super) fn lines(pieces: &[Piece]) -> Vec<Vec<Run>> {
    let mut lines = vec![Vec::new()];
    for piece in pieces {
        match piece {
            Piece::Run(run) => {
                if let Some(line) = lines.last_mut() {
                    line.push(run.clone());
                }
            }
            Piece::Break { .. } => lines.push(Vec::new()),
            Piece::Tags { .. } | Piece::Image(_) => {}
        }
    }
    lines
}

/// Every tag of some pieces, in order, without repeats.
pub(super) fn tags(pieces: &[Piece]) -> Vec<String> {
    let mut out = Vec::new();
    for piece in pieces {
        if let Piece::Tags { names, .. } = piece {
            merge_tags(&mut out, names);
        }
    }
    out
}

/// The tags on each source line, aligned with [`lines`].
pub(super) fn line_tags(pieces: &[Piece]) -> Vec<Vec<String>> {
    let mut lines = vec![Vec::new()];
    for piece in pieces {
        match piece {
            Piece::Run(_) | Piece::Image(_) => {}
            Piece::Break { .. } => lines.push(Vec::new()),
            Piece::Tags { names, .. } => {
                if let Some(line) = lines.last_mut() {
                    merge_tags(line, names);
                }
            }
        }
    }
    lines
}

/// Adds `names` to `tags`, skipping those already there.
pub(super) fn merge_tags(tags: &mut Vec<String>, names: &[String]) {
    for name in names {
        if !tags.contains(name) {
            tags.push(name.clone());
        }
    }
}

/// The plain text of raw runs, as the range arithmetic of [`slice`] sees it.
pub(super) fn plain(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// The span covered by some runs, or `fallback` when there are none.
pub(super) fn span_of(runs: &[Run], fallback: &Span) -> Span {
    match (runs.first(), runs.last()) {
        (Some(first), Some(last)) => first.span.start..last.span.end.max(first.span.start),
        _ => fallback.clone(),
    }
}

/// The runs covering `range` of [`plain`]`(runs)`.
///
/// A cut run gets an exact sub-span when its text is verbatim in `source` (no escapes or
/// entities were resolved inside it); otherwise it keeps the whole run's span. The check looks
/// at the cut only, so cutting a long run into many parts stays linear.
pub(super) fn slice(runs: &[Run], range: Range<usize>, source: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut pos = 0;
    for run in runs {
        let (start, end) = (pos, pos + run.text.len());
        pos = end;
        let (lo, hi) = (range.start.max(start), range.end.min(end));
        if lo >= hi {
            continue;
        }
        let (lo, hi) = (lo - start, hi - start);
        let Some(cut) = run.text.get(lo..hi) else {
            continue;
        };
        // Same length and same bytes at the cut: the run maps one-to-one onto the source.
        let exact = run.span.start + lo..run.span.start + hi;
        let verbatim = run.span.len() == run.text.len() && source.get(exact.clone()) == Some(cut);
        let span = if verbatim { exact } else { run.span.clone() };
        out.push(Run {
            text: cut.to_string(),
            style: run.style,
            link: run.link.clone(),
            span,
        });
    }
    out
}

/// Builds display text from raw runs: tabs become spaces, adjacent runs with the same style and
/// link merge, doubled spaces at run boundaries collapse, and the ends are trimmed (also around
/// hard breaks).
pub(super) fn normalize(runs: impl IntoIterator<Item = Run>) -> Text {
    let mut out: Vec<Run> = Vec::new();
    for mut run in runs {
        let is_break = run.text == "\n";
        if !is_break {
            run.text = run.text.replace(['\t', '\r', '\n'], " ");
        }
        let prev_space = out
            .last()
            .is_none_or(|p| p.text == "\n" || p.text.ends_with(' '));
        if is_break {
            trim_last_end(&mut out);
        } else if prev_space {
            run.text = run.text.trim_start().to_string();
        }
        if run.text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if !is_break
                    && last.text != "\n"
                    && last.style == run.style
                    && last.link == run.link =>
            {
                last.text.push_str(&run.text);
                last.span.end = last.span.end.max(run.span.end);
            }
            _ => out.push(run),
        }
    }
    trim_last_end(&mut out);
    while out.first().is_some_and(|r| r.text == "\n") {
        out.remove(0);
    }
    Text { runs: out }
}

/// Trims trailing whitespace (and trailing hard breaks) off the end of `runs`.
fn trim_last_end(runs: &mut Vec<Run>) {
    while let Some(last) = runs.last_mut() {
        if last.text == "\n" {
            runs.pop();
            continue;
        }
        let kept = last.text.trim_end().len();
        last.text.truncate(kept);
        if last.text.is_empty() {
            runs.pop();
        } else {
            break;
        }
    }
}

/// Text trimmed of `chars` at both ends (for separators left at the edge of a cut).
pub(super) fn trim_range(plain: &str, range: Range<usize>, chars: &[char]) -> Range<usize> {
    let Some(part) = plain.get(range.clone()) else {
        return range.start..range.start;
    };
    let head = part.len() - part.trim_start_matches(chars).len();
    let tail = part.trim_end_matches(chars).len();
    if tail <= head {
        return range.start..range.start;
    }
    range.start + head..range.start + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, strong: bool, span: Span) -> Run {
        Run {
            text: text.into(),
            style: Style {
                strong,
                ..Style::default()
            },
            link: None,
            span,
        }
    }

    #[test]
    fn normalize_merges_same_style_and_trims() {
        let text = normalize([
            run("  a ", false, 0..4),
            run(" b", false, 4..6),
            run("c", true, 6..7),
            run("d ", true, 7..9),
        ]);
        assert_eq!(text.runs.len(), 2);
        assert_eq!(text.runs[0].text, "a b");
        assert_eq!(text.runs[0].span, 0..6);
        assert_eq!(text.runs[1].text, "cd");
    }

    #[test]
    fn hard_break_is_its_own_run_and_never_at_the_ends() {
        let text = normalize([
            run("\n", false, 0..1),
            run("a  ", false, 1..4),
            run("\n", false, 4..5),
            run(" b", false, 5..7),
            run("\n", false, 7..8),
        ]);
        let texts: Vec<_> = text.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["a", "\n", "b"]);
    }

    #[test]
    fn slice_keeps_exact_spans_for_verbatim_runs() {
        let source = "xx Tech Lead | 2021";
        let runs = vec![run("Tech Lead | 2021", false, 3..19)];
        let cut = slice(&runs, 12..16, source);
        assert_eq!(cut[0].text, "2021");
        assert_eq!(&source[cut[0].span.clone()], "2021");
    }

    #[test]
    fn trim_range_strips_separators() {
        assert_eq!(trim_range(" a, ", 0..4, &[' ', ',']), 1..2);
        assert_eq!(trim_range(" , ", 0..3, &[' ', ',']), 0..0);
    }
}
