//! Turning a set line into display-list items: glyph runs (spaces included, so extractors see
//! word boundaries) and link areas.

use std::sync::Arc;

use super::{Content, Paragraph, PieceStyle, SetLine};
use crate::display::{Glyph, GlyphRun, Item, LinkArea, Point, Rect};
use crate::font::FontBook;

/// Display items for `line` with its left baseline end at `origin`.
pub(crate) fn line_items(
    book: &FontBook,
    para: &Paragraph,
    line: &SetLine,
    origin: Point,
) -> Vec<Item> {
    let mut runs: Vec<GlyphRun> = Vec::new();
    let mut links: Vec<LinkArea> = Vec::new();
    let roles = split_word_roles(para, line);
    for (index, fragment) in line.fragments.iter().enumerate() {
        let role = &roles[index];
        let (piece_index, text) = match &para.contents[fragment.content] {
            Content::Word {
                piece, text, chars, ..
            } => (*piece, &text[chars.clone()]),
            Content::Space { piece } => (*piece, " "),
            Content::Hyphen { piece } => (*piece, "-"),
            Content::Nothing => continue,
        };
        let piece = &para.pieces[piece_index];
        let style = match &para.contents[fragment.content] {
            Content::Word { face, .. } => PieceStyle {
                face: *face,
                ..piece.style
            },
            _ => piece.style,
        };
        let x = origin.x + fragment.x;
        let same_role = index > 0 && roles[index - 1] == *role;
        let continues = same_role
            && runs.last().is_some_and(|run| {
                run.font.0 == style.face.0
                    && run.size == style.size
                    && run.color == style.color
                    && (run.origin.x + run.width() - x).abs() < 0.01
            });
        if !continues {
            runs.push(GlyphRun {
                font: crate::display::FontId(style.face.0),
                size: style.size,
                color: style.color,
                origin: Point { x, y: origin.y },
                glyphs: Vec::new(),
                text: String::new(),
                actual_text: match role {
                    Role::Whole => None,
                    Role::Head(word) => Some(word.to_string()),
                    Role::Tail => Some(String::new()),
                },
                source: piece.source.clone(),
            });
        }
        let Some(run) = runs.last_mut() else { continue };
        let base = run.text.len();
        run.text.push_str(text);
        match &para.contents[fragment.content] {
            Content::Word {
                shaped,
                glyphs,
                chars,
                ..
            } => {
                let units: f32 = shaped.glyphs[glyphs.clone()]
                    .iter()
                    .map(|g| g.advance)
                    .sum();
                let tracking = style.tracking * glyphs.len() as f32;
                let scale = fragment_scale(book, style, units, fragment.width - tracking);
                for i in glyphs.clone() {
                    let g = &shaped.glyphs[i];
                    let end = shaped
                        .glyphs
                        .get(i + 1)
                        .filter(|_| i + 1 < glyphs.end)
                        .map_or(chars.end, |next| next.cluster.max(g.cluster));
                    let start = g.cluster.clamp(chars.start, chars.end) - chars.start;
                    let end = end.clamp(chars.start, chars.end) - chars.start;
                    run.glyphs.push(Glyph {
                        id: g.id,
                        advance: g.advance * scale + style.tracking,
                        x_offset: g.x_offset * scale,
                        y_offset: g.y_offset * scale,
                        text: base + start..base + end,
                    });
                }
            }
            Content::Hyphen { .. } => {
                let hyphen = book.shape(style.face, style.small_caps, "-");
                for g in &hyphen.glyphs {
                    run.glyphs.push(Glyph {
                        id: g.id,
                        advance: fragment.width,
                        x_offset: 0.0,
                        y_offset: 0.0,
                        text: base..base + 1,
                    });
                }
            }
            _ => {
                let space = book.shape(style.face, false, " ");
                let id = space.glyphs.first().map_or(0, |g| g.id);
                run.glyphs.push(Glyph {
                    id,
                    advance: fragment.width,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    text: base..base + 1,
                });
            }
        }
        if let Some(url) = &piece.link {
            let face = book.face(style.face);
            let ascent = face.ascender / face.units_per_em * style.size;
            let descent = face.descender / face.units_per_em * style.size;
            let rect = Rect {
                x,
                y: origin.y - ascent,
                width: fragment.width,
                height: ascent + descent,
            };
            match links.last_mut() {
                Some(last)
                    if last.url == *url && (last.rect.x + last.rect.width - x).abs() < 0.01 =>
                {
                    last.rect.width += fragment.width;
                }
                _ => links.push(LinkArea {
                    rect,
                    url: url.clone(),
                }),
            }
        }
    }
    runs.into_iter()
        .map(Item::Text)
        .chain(links.into_iter().map(Item::Link))
        .collect()
}

/// How a fragment takes part in a word broken across lines.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    /// An ordinary fragment.
    Whole,
    /// The part of a broken word before the line end (with its hyphen): it extracts as the
    /// whole word.
    Head(Arc<str>),
    /// The part after the break, at the start of the next line: it extracts as nothing.
    Tail,
}

/// Marks the fragments of words broken at this line's end and continued at its start, so that
/// text extractors that honour ActualText read each broken word once, whole.
fn split_word_roles(para: &Paragraph, line: &SetLine) -> Vec<Role> {
    let mut roles = vec![Role::Whole; line.fragments.len()];
    let word_of = |i: usize| match &para.contents[line.fragments[i].content] {
        Content::Word { text, chars, .. } => Some((text.clone(), chars.clone())),
        _ => None,
    };
    let same_word = |a: usize, b: usize| match (word_of(a), word_of(b)) {
        (Some((ta, ca)), Some((tb, cb))) => Arc::ptr_eq(&ta, &tb) && ca.end == cb.start,
        _ => false,
    };
    // The head: the last word fragment, when its word goes on past the line end.
    let last_word = (0..line.fragments.len())
        .rev()
        .find(|&i| word_of(i).is_some());
    if let Some(last) = last_word
        && let Some((text, chars)) = word_of(last)
        && chars.end < text.len()
    {
        let mut first = last;
        while first > 0 && same_word(first - 1, first) {
            first -= 1;
        }
        for role in &mut roles[first..] {
            *role = Role::Head(text.clone());
        }
    }
    // The tail: the first word fragment, when its word began on the line before.
    if let Some(first) = (0..line.fragments.len()).find(|&i| word_of(i).is_some())
        && let Some((_, chars)) = word_of(first)
        && chars.start > 0
    {
        let mut last = first;
        while last + 1 < line.fragments.len() && same_word(last, last + 1) {
            last += 1;
        }
        for role in &mut roles[first..=last] {
            if *role == Role::Whole {
                *role = Role::Tail;
            }
        }
    }
    roles
}

/// Points per font unit for a word whose shaped width is `units` and set width is `width`.
fn fragment_scale(book: &FontBook, style: super::PieceStyle, units: f32, width: f32) -> f32 {
    if units > 0.0 {
        width / units
    } else {
        style.size / book.face(style.face).units_per_em
    }
}
