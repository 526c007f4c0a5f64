//! Turning a set line into display-list items: glyph runs (spaces included, so extractors see
//! word boundaries) and link areas.

use std::ops::Range;
use std::sync::Arc;

use super::{Content, Paragraph, PieceStyle, SetLine};
use crate::display::{Glyph, GlyphRun, Item, LinkArea, Point, Rect};
use crate::font::{FontBook, ShapedGlyph};

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
    let mut run_link: Option<&String> = None;
    for (index, fragment) in line.fragments.iter().enumerate() {
        let role = &roles[index];
        let (piece_index, text) = match &para.contents[fragment.content] {
            Content::Word {
                piece, text, chars, ..
            } => (*piece, &text[chars.clone()]),
            Content::Space { piece } => (*piece, " "),
            Content::Separator { piece, text } => (*piece, &**text),
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
        // A link's text is a run of its own, so that it can sit inside its Link element; on a
        // right-to-left line each fragment is a run of its own: the page is mirrored run by
        // run (see `inline::bidi`).
        let same_link = run_link == piece.link.as_ref();
        run_link = piece.link.as_ref();
        let continues = same_role
            && same_link
            && !para.spacing.rtl
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
                    // A head set in several fonts is several runs: the first stands for the
                    // word, the others for nothing, or the word would be read once per run.
                    Role::Head(_) if same_role => Some(String::new()),
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
                shaped_at,
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
                let ranges = glyph_ranges(&shaped.glyphs[glyphs.clone()], *shaped_at, chars);
                push_glyphs(
                    run,
                    &shaped.glyphs[glyphs.clone()],
                    ranges,
                    scale,
                    style,
                    base,
                );
            }
            Content::Separator { .. } => {
                let shaped = book.shape(style.face, style.small_caps, text);
                let tracking = style.tracking * shaped.glyphs.len() as f32;
                let scale = fragment_scale(book, style, shaped.width, fragment.width - tracking);
                let ranges = glyph_ranges(&shaped.glyphs, 0, &(0..text.len()));
                push_glyphs(run, &shaped.glyphs, ranges, scale, style, base);
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
                // Verbatim text (code) keeps every space it has, as that many space glyphs, so
                // that extractors read its columns back; elsewhere one space, however wide.
                let count = if piece.verbatim {
                    let one = super::units_to_pt(book, style, space.width);
                    ((fragment.width / one).round() as usize).max(1)
                } else {
                    1
                };
                run.text.push_str(&" ".repeat(count - 1));
                for n in 0..count {
                    run.glyphs.push(Glyph {
                        id,
                        advance: fragment.width / count as f32,
                        x_offset: 0.0,
                        y_offset: 0.0,
                        text: base + n..base + n + 1,
                    });
                }
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

/// The text range, relative to `chars.start`, that each of `glyphs` stands for.
///
/// `glyphs` are a fragment's part of a shaping whose clusters count from byte `shaped_at` of
/// the word. A glyph covers its cluster up to the next cluster's start; glyphs sharing a
/// cluster (a character drawn as several glyphs) all get the whole cluster, which krilla
/// writes as one `/ActualText` span. Every range starts and ends on a character boundary of
/// the fragment's text, since clusters do.
fn glyph_ranges(
    glyphs: &[ShapedGlyph],
    shaped_at: usize,
    chars: &Range<usize>,
) -> Vec<Range<usize>> {
    let at = |g: &ShapedGlyph| (g.cluster + shaped_at).clamp(chars.start, chars.end) - chars.start;
    let len = chars.end - chars.start;
    let starts: Vec<usize> = glyphs.iter().map(at).collect();
    starts
        .iter()
        .map(|&start| {
            // Up to the next larger cluster: the next glyph's in logical order, the previous
            // glyph's for a word shaped right to left (glyphs in visual order).
            let end = starts
                .iter()
                .copied()
                .filter(|&s| s > start)
                .min()
                .unwrap_or(len);
            start..end
        })
        .collect()
}

/// How a fragment takes part in a word broken across lines.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    /// An ordinary fragment.
    Whole,
    /// The part of a broken word before the line end (with its hyphen): it extracts as the
    /// word from here to the end of what the next lines show of it.
    Head(String),
    /// A part at the start of a line that an earlier line's head already stands for: it
    /// extracts as nothing.
    Tail,
}

/// A fragment of a word: its text, the range it covers and whether it joins the part before.
struct WordPart {
    text: Arc<str>,
    chars: Range<usize>,
    joins: bool,
}

fn word_part(content: &Content) -> Option<WordPart> {
    match content {
        Content::Word {
            text, chars, joins, ..
        } => Some(WordPart {
            text: text.clone(),
            chars: chars.clone(),
            joins: *joins,
        }),
        _ => None,
    }
}

/// Whether `b` goes on where `a` stops in the same word.
fn continues(a: &WordPart, b: &WordPart) -> bool {
    Arc::ptr_eq(&a.text, &b.text) && a.chars.end == b.chars.start
}

/// Where the text that a head ending with `last` (an index into the paragraph's contents)
/// stands for ends: past every later part of its word joined to it by word-cutting breaks.
/// `None` when nothing of the word follows across such a break.
fn joined_end(para: &Paragraph, last: usize) -> Option<usize> {
    let mut current = word_part(&para.contents[last])?;
    let mut end = None;
    for content in &para.contents[last + 1..] {
        match content {
            Content::Hyphen { .. } | Content::Nothing => continue,
            Content::Space { .. } | Content::Separator { .. } => break,
            Content::Word { .. } => {
                let Some(next) = word_part(content).filter(|n| continues(&current, n)) else {
                    break;
                };
                if !next.joins {
                    break;
                }
                end = Some(next.chars.end);
                current = next;
            }
        }
    }
    end
}

/// Marks the fragments of words cut at this line's end and continued at its start, so that
/// text extractors that honour ActualText read each cut word once, whole. A break between
/// ideographs (or other text without spaces) cuts nothing: the parts there keep their text.
fn split_word_roles(para: &Paragraph, line: &SetLine) -> Vec<Role> {
    let mut roles = vec![Role::Whole; line.fragments.len()];
    let part = |i: usize| word_part(&para.contents[line.fragments[i].content]);
    // The tail: the first word fragment, when a word-cutting break comes just before it, and
    // the parts joined to it.
    if let Some(first) = (0..line.fragments.len()).find(|&i| part(i).is_some())
        && part(first).is_some_and(|p| p.joins && p.chars.start > 0)
    {
        roles[first] = Role::Tail;
        let mut i = first;
        while i + 1 < line.fragments.len()
            && part(i)
                .zip(part(i + 1))
                .is_some_and(|(a, b)| continues(&a, &b) && b.joins)
        {
            i += 1;
            roles[i] = Role::Tail;
        }
    }
    // The head: the last word fragment, when its word goes on past a word-cutting line end,
    // back to the start of its part on this line.
    let Some(last) = (0..line.fragments.len()).rev().find(|&i| part(i).is_some()) else {
        return roles;
    };
    if roles[last] == Role::Tail {
        return roles;
    }
    let Some(end) = joined_end(para, line.fragments[last].content) else {
        return roles;
    };
    let mut first = last;
    while first > 0
        && roles[first - 1] != Role::Tail
        && part(first - 1)
            .zip(part(first))
            .is_some_and(|(a, b)| continues(&a, &b))
    {
        first -= 1;
    }
    if let Some(head) = part(first) {
        let text = head.text[head.chars.start..end].to_string();
        for role in &mut roles[first..] {
            *role = Role::Head(text.clone());
        }
    }
    roles
}

/// Points per font unit for a word whose shaped width is `units` and set width is `width`.
/// Appends shaped glyphs to `run`, scaled to the fragment's set width, tracked, and each
/// covering its character range of the run's text (which starts at `base`).
fn push_glyphs(
    run: &mut GlyphRun,
    glyphs: &[ShapedGlyph],
    ranges: impl IntoIterator<Item = Range<usize>>,
    scale: f32,
    style: PieceStyle,
    base: usize,
) {
    for (g, range) in glyphs.iter().zip(ranges) {
        run.glyphs.push(Glyph {
            id: g.id,
            advance: g.advance * scale + style.tracking,
            x_offset: g.x_offset * scale,
            y_offset: g.y_offset * scale,
            text: base + range.start..base + range.end,
        });
    }
}

fn fragment_scale(book: &FontBook, style: super::PieceStyle, units: f32, width: f32) -> f32 {
    if units > 0.0 {
        width / units
    } else {
        style.size / book.face(style.face).units_per_em
    }
}
