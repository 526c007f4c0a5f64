//! Two readings pulldown-cmark gets wrong for résumés, fixed with an invisible marker put in
//! before parsing. A line that starts with a colon glued to a word (`:house: Curitiba`, an
//! emoji shortcode) is not a definition; the marker before the colon keeps it a line of text.
//! And emphasis next to CJK punctuation (`**手机：**188`, `**「重要」**です`), which CommonMark
//! does not see as emphasis: a `**` run between a fullwidth punctuation mark and a letter is
//! neither left- nor right-flanking, so the asterisks are printed. This is the problem the
//! "CommonMark CJK-friendly amendments" solve; pulldown-cmark 0.13.6 does not implement them
//! yet. Before parsing, [`prepare`] puts an invisible marker between such a run and the
//! punctuation mark; the marker is neither white space nor punctuation, so the run flanks as
//! it would between two letters. The builder strips the marker from every event's text and
//! [`Prepared::original`] maps offsets back to the file, so spans stay exact.

/// The marker: a private-use character nobody types, neither white space nor punctuation.
pub(super) const MARKER: char = '\u{10fffd}';

/// A body with markers put in, and where they went.
#[derive(Debug)]
pub(super) struct Prepared {
    /// The text to parse.
    pub text: String,
    /// Byte offsets in `text` of the markers, ascending.
    markers: Vec<usize>,
}

impl Prepared {
    /// The offset in the original body of `offset` in the prepared text.
    pub fn original(&self, offset: usize) -> usize {
        let before = self.markers.partition_point(|&m| m < offset);
        offset - before * MARKER.len_utf8()
    }
}

/// True for the punctuation of CJK text: ideographic (`。「」、`) and fullwidth (`：（），`).
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}')
}

/// True at a line that starts (after up to three spaces) with a colon glued to a word, such as
/// the emoji shortcode in `:house: Curitiba`: pulldown-cmark would read that colon as a
/// definition-list marker (Pandoc's needs a space after it).
fn glued_colon_at(body: &str, at: usize) -> bool {
    let line = &body[at..];
    let rest = line.trim_start_matches(' ');
    line.len() - rest.len() <= 3
        && rest.starts_with(':')
        && rest[1..].starts_with(|c: char| !c.is_whitespace())
}

/// `body` with a marker between each run of `*` and a CJK punctuation mark on one side when
/// the other side is a letter, digit or ideograph, and before a line's glued leading colon
/// ([`glued_colon_at`]); `None` when there is nothing to do (most files).
pub(super) fn prepare(body: &str) -> Option<Prepared> {
    let glued = body
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain([0])
        .any(|at| glued_colon_at(body, at));
    let emphasis = body.contains('*') && body.chars().any(is_cjk_punctuation);
    if !glued && !emphasis {
        return None;
    }
    let mut text = String::with_capacity(body.len() + 64);
    let mut markers = Vec::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == ':' && glued && {
            let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
            body[line_start..at].chars().all(|c| c == ' ') && glued_colon_at(body, line_start)
        } {
            markers.push(text.len());
            text.push(MARKER);
        }
        if c != '*' || !emphasis {
            text.push(c);
            i += 1;
            continue;
        }
        let run_end = chars[i..]
            .iter()
            .position(|&(_, c)| c != '*')
            .map_or(chars.len(), |n| i + n);
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(run_end).map(|&(_, c)| c);
        // Only where the other side is a letter, digit or ideograph: a run between two marks
        // of punctuation already flanks both ways, and a marker would take that away.
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == MARKER);
        let before = prev.is_some_and(is_cjk_punctuation) && word(next);
        let after = next.is_some_and(is_cjk_punctuation) && word(prev);
        if before {
            markers.push(text.len());
            text.push(MARKER);
        }
        text.extend(std::iter::repeat_n('*', run_end - i));
        if after {
            markers.push(text.len());
            text.push(MARKER);
        }
        i = run_end;
    }
    (!markers.is_empty()).then_some(Prepared { text, markers })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glued_leading_colon_gets_a_marker_and_a_definition_keeps_its_own() {
        let body = "Lawyer:\n:house: Curitiba\nTerm\n: definition\n";
        let prepared = prepare(body).unwrap();
        assert_eq!(
            prepared.text.replace(MARKER, "|"),
            "Lawyer:\n|:house: Curitiba\nTerm\n: definition\n"
        );
        assert!(prepare("Term\n: definition\n").is_none());
    }

    #[test]
    fn markers_go_between_runs_and_cjk_punctuation_only() {
        let body = "**手机：**188****7726 **「重要」**です * item です**「a」** **(b)**。";
        let prepared = prepare(body).unwrap();
        let shown = prepared.text.replace(MARKER, "|");
        assert_eq!(
            shown,
            "**手机：|**188****7726 **「重要」|**です * item です**|「a」** **(b)**。"
        );
        // Offsets map back: the `1` of 188 is where it was.
        let one = prepared.text.find("188").unwrap();
        assert_eq!(&body[prepared.original(one)..][..3], "188");
        assert!(prepare("plain **bold** text").is_none());
        assert!(prepare("句子。没有星号").is_none());
    }
}
