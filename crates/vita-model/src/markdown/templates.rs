//! Template and editor syntax left in a résumé: Liquid/Jinja/Hugo `{{ … }}` and `{% … %}`
//! (Jekyll and Hugo sites keep résumés as templates) and Obsidian's `%% … %%` comments. Vita
//! runs no templates, so each is removed from the text with a warning rather than printed raw.
//!
//! Code is left alone (`` `{{ name }}` `` in a skills line is meant to be seen), and so is an
//! opening marker that is never closed.

use super::html_tags::shorten;
use super::inline::Piece;
use crate::{Code, Diagnostic, Run, Span};

/// Markers that open and close template syntax.
const MARKERS: [(&str, &str); 3] = [("{{", "}}"), ("{%", "%}"), ("%%", "%%")];

/// Stands for one byte of code in the searched text: templates never reach into code.
const CODE: char = '\u{1}';

/// `pieces` with template syntax removed; one warning per removal. `verbatim` tells whether a
/// run's text is exactly its span's source, so a cut run can get an exact sub-span.
pub(super) fn strip(
    pieces: Vec<Piece>,
    verbatim: &dyn Fn(&Run) -> bool,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Piece> {
    // The text as one string (line breaks as `\n`), and where each piece sits in it.
    let mut text = String::new();
    let mut at = Vec::with_capacity(pieces.len());
    for piece in &pieces {
        let start = text.len();
        match piece {
            Piece::Run(run) if run.style.code => {
                text.extend(std::iter::repeat_n(CODE, run.text.len()));
            }
            Piece::Run(run) => text.push_str(&run.text),
            Piece::Break { .. } => text.push('\n'),
            Piece::Tags { .. } | Piece::Image(_) => {}
        }
        at.push(start..text.len());
    }
    let found = find(&text);
    if found.is_empty() {
        return pieces;
    }
    let mut out = Vec::with_capacity(pieces.len());
    let mut reported = 0;
    for (piece, range) in pieces.into_iter().zip(at) {
        // Warn once per template, at the first piece it touches.
        while let Some(cut) = found.get(reported)
            && cut.start < range.end.max(range.start + 1)
        {
            let span = match &piece {
                Piece::Run(run) if verbatim(run) => {
                    let from = cut.start.saturating_sub(range.start);
                    run.span.start + from
                        ..run.span.start + (cut.end - range.start).min(run.text.len())
                }
                Piece::Run(Run { span, .. })
                | Piece::Break { span, .. }
                | Piece::Tags { span, .. } => span.clone(),
                Piece::Image(image) => image.span.clone(),
            };
            let written = text.get(cut.clone()).unwrap_or_default();
            warnings.push(
                Diagnostic::warning(
                    Code::TemplateSyntax,
                    format!("template syntax `{}` is left out", shorten(written, 50)),
                )
                .at(span)
                .with_hint(
                    "Vita does not run templates or keep editor comments; write the text itself",
                ),
            );
            reported += 1;
        }
        match piece {
            Piece::Run(run) => cut_run(run, &range, &found, verbatim, &mut out),
            Piece::Break { .. }
                if found
                    .iter()
                    .any(|c| c.start <= range.start && range.end <= c.end) => {}
            other => out.push(other),
        }
    }
    out
}

/// The byte ranges of `text` holding template syntax, in order, not overlapping.
fn find(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut pos = 0;
    // Once a marker has no closing partner after some point, it has none after any later one.
    let mut exhausted = [false; MARKERS.len()];
    while pos < text.len() {
        let next = MARKERS
            .iter()
            .enumerate()
            .filter(|(i, _)| !exhausted[*i])
            .filter_map(|(i, (open, _))| Some((text.get(pos..)?.find(open)? + pos, i)))
            .min();
        let Some((start, i)) = next else {
            break;
        };
        let (open, close) = MARKERS[i];
        let after = start + open.len();
        match text.get(after..).and_then(|rest| rest.find(close)) {
            Some(end) => {
                let end = after + end + close.len();
                let inside = text.get(start..end).unwrap_or_default();
                if inside.contains(CODE) {
                    pos = after;
                } else {
                    out.push(start..end);
                    pos = end;
                }
            }
            None => {
                exhausted[i] = true;
            }
        }
    }
    out
}

/// Pushes what is left of `run` (at `range` of the text) once the `found` ranges are cut out.
fn cut_run(
    run: Run,
    range: &std::ops::Range<usize>,
    found: &[std::ops::Range<usize>],
    verbatim: &dyn Fn(&Run) -> bool,
    out: &mut Vec<Piece>,
) {
    let touching: Vec<_> = found
        .iter()
        .filter(|c| c.start < range.end && range.start < c.end)
        .collect();
    if touching.is_empty() || run.style.code {
        out.push(Piece::Run(run));
        return;
    }
    let exact = verbatim(&run);
    let mut keep_from = range.start;
    let mut parts = Vec::new();
    for cut in touching {
        if cut.start > keep_from {
            parts.push(keep_from..cut.start);
        }
        keep_from = keep_from.max(cut.end);
    }
    if keep_from < range.end {
        parts.push(keep_from..range.end);
    }
    for part in parts {
        let (lo, hi) = (part.start - range.start, part.end - range.start);
        let Some(text) = run.text.get(lo..hi) else {
            continue;
        };
        let span: Span = if exact {
            run.span.start + lo..run.span.start + hi
        } else {
            run.span.clone()
        };
        out.push(Piece::Run(Run {
            text: text.to_string(),
            style: run.style,
            link: run.link.clone(),
            span,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::parse_ok;
    use crate::Block;

    #[test]
    fn template_syntax_is_removed_with_a_warning() {
        let src = "# A\n\n## S\n\nMail {{ site.email }} or call {% include phone.html %}.\n%% todo: update %%\n\n\
                   Skills: `{{ jinja }}` templates, 50% more\n";
        let parsed = parse_ok(src);
        let texts: Vec<String> = parsed.resume.sections[0]
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.plain(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            ["Mail or call .", "Skills: {{ jinja }} templates, 50% more"]
        );
        let spans: Vec<&str> = parsed
            .warnings
            .iter()
            .map(|w| &src[w.range().unwrap()])
            .collect();
        assert_eq!(
            spans,
            [
                "{{ site.email }}",
                "{% include phone.html %}",
                "%% todo: update %%"
            ]
        );
    }

    #[test]
    fn unclosed_markers_are_text() {
        let parsed = parse_ok("# A\n\n## S\n\n{{ not closed and 100%% sure\n");
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let Block::Paragraph(p) = &parsed.resume.sections[0].blocks[0] else {
            panic!()
        };
        assert_eq!(p.text.plain(), "{{ not closed and 100%% sure");
    }
}
