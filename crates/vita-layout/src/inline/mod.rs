//! Inline layout: styled text pieces → shaped words and spaces → broken, positioned lines.
//!
//! [`Paragraph::new`] shapes words (through the book's cache) and builds breaker items;
//! [`Paragraph::lines`] breaks them and returns [`SetLine`]s whose fragments carry final x
//! positions, ready to become glyph runs.

pub mod linebreak;
mod runs;

use std::ops::Range;
use std::sync::Arc;

use crate::display::Color;
use crate::font::{FaceId, FontBook, ShapedText};
use linebreak::{INFINITE_PENALTY, Item};

pub(crate) use runs::{gap_filler, line_items};

/// Text with one look.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub text: String,
    pub style: PieceStyle,
    pub link: Option<String>,
    pub source: Option<Range<usize>>,
}

/// How a piece is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PieceStyle {
    pub face: FaceId,
    pub size: f32,
    pub color: Color,
    pub small_caps: bool,
}

/// What an item of the paragraph stands for.
#[derive(Debug, Clone)]
pub(crate) enum Content {
    /// A word, or the part of one in a single style.
    Word {
        piece: usize,
        text: String,
        shaped: Arc<ShapedText>,
    },
    /// An inter-word space, set in the style of the piece it belongs to.
    Space { piece: usize },
    /// Anything with no ink (line ends, paragraph fill).
    Nothing,
}

/// A paragraph ready to break: breaker items plus what each stands for.
pub(crate) struct Paragraph {
    pub pieces: Vec<Piece>,
    pub items: Vec<Item>,
    pub contents: Vec<Content>,
    /// Words with characters the face has no glyph for, with the source span of their piece.
    pub missing: Vec<(String, Option<Range<usize>>)>,
    justify: bool,
}

/// A positioned fragment of a set line.
#[derive(Debug, Clone)]
pub(crate) struct Fragment {
    /// Offset from the line's left edge.
    pub x: f32,
    /// Set width.
    pub width: f32,
    /// Index into [`Paragraph::contents`].
    pub content: usize,
}

/// A broken line with its fragments placed.
#[derive(Debug, Clone)]
pub(crate) struct SetLine {
    pub fragments: Vec<Fragment>,
    /// Width of the ink from the first to the last fragment.
    pub width: f32,
    /// Largest font size on the line (drives its height).
    pub size: f32,
    /// How far the line is too wide (0 when it fits).
    pub overfull: f32,
}

impl Paragraph {
    /// Shapes `pieces` into breaker items. Spaces stretch by ½ and shrink by ⅓ of their width
    /// when justifying; ragged text gets a fill glue at line ends instead.
    pub fn new(book: &FontBook, pieces: Vec<Piece>, justify: bool) -> Paragraph {
        let mut para = Paragraph {
            pieces,
            items: Vec::new(),
            contents: Vec::new(),
            missing: Vec::new(),
            justify,
        };
        for index in 0..para.pieces.len() {
            let piece = para.pieces[index].clone();
            let mut rest = piece.text.as_str();
            while !rest.is_empty() {
                if let Some(after) = rest.strip_prefix('\n') {
                    para.push_forced_break();
                    rest = after;
                } else if rest.starts_with(is_space) {
                    let trimmed = rest.trim_start_matches(is_space);
                    para.push_space(book, index);
                    rest = trimmed;
                } else {
                    let end = rest
                        .find(|c| is_space(c) || c == '\n')
                        .unwrap_or(rest.len());
                    para.push_word(book, index, &rest[..end]);
                    rest = &rest[end..];
                }
            }
        }
        // TeX's paragraph end: no break before the fill, then a forced break.
        while matches!(para.items.last(), Some(Item::Glue { .. })) {
            para.items.pop();
            para.contents.pop();
        }
        para.push(
            Item::Penalty {
                width: 0.0,
                penalty: INFINITE_PENALTY,
            },
            Content::Nothing,
        );
        para.push(fill(), Content::Nothing);
        para.push(
            Item::Penalty {
                width: 0.0,
                penalty: -INFINITE_PENALTY,
            },
            Content::Nothing,
        );
        para
    }

    fn push(&mut self, item: Item, content: Content) {
        self.items.push(item);
        self.contents.push(content);
    }

    fn push_word(&mut self, book: &FontBook, piece: usize, text: &str) {
        let style = self.pieces[piece].style;
        let shaped = book.shape(style.face, style.small_caps, text);
        if shaped.missing {
            let source = self.pieces[piece].source.clone();
            self.missing.push((text.to_string(), source));
        }
        let width = units_to_pt(book, style, shaped.width);
        self.push(
            Item::Box { width },
            Content::Word {
                piece,
                text: text.to_string(),
                shaped,
            },
        );
    }

    fn push_space(&mut self, book: &FontBook, piece: usize) {
        if matches!(self.items.last(), None | Some(Item::Glue { .. })) {
            return;
        }
        let style = self.pieces[piece].style;
        let width = units_to_pt(book, style, book.shape(style.face, false, " ").width);
        let glue = if self.justify {
            Item::Glue {
                width,
                stretch: width / 2.0,
                shrink: width / 3.0,
                fill: false,
            }
        } else {
            Item::Glue {
                width,
                stretch: 0.0,
                shrink: 0.0,
                fill: false,
            }
        };
        self.push(glue, Content::Space { piece });
    }

    fn push_forced_break(&mut self) {
        while matches!(self.items.last(), Some(Item::Glue { .. })) {
            self.items.pop();
            self.contents.pop();
        }
        self.push(fill(), Content::Nothing);
        self.push(
            Item::Penalty {
                width: 0.0,
                penalty: -INFINITE_PENALTY,
            },
            Content::Nothing,
        );
    }

    /// Breaks the paragraph into lines of `width(line_index)` and places every fragment.
    pub fn lines(&self, width: impl Fn(usize) -> f32) -> Vec<SetLine> {
        linebreak::break_greedy(&self.items, &width)
            .into_iter()
            .map(|line| self.set(&self.items, &line))
            .collect()
    }

    fn set(&self, items: &[Item], line: &linebreak::Line) -> SetLine {
        let ratio = if self.justify {
            line.ratio.unwrap_or(0.0)
        } else {
            0.0
        };
        // A stretched last-resort line looks worse than a ragged one: cap the stretch.
        let ratio = ratio.min(3.0);
        let mut x = 0.0;
        let mut fragments = Vec::new();
        let mut size: f32 = 0.0;
        for (offset, item) in items[line.start..line.end].iter().enumerate() {
            let index = line.start + offset;
            let width = match *item {
                Item::Box { width } => width,
                Item::Glue {
                    width,
                    stretch,
                    shrink,
                    fill,
                } => {
                    if fill {
                        0.0
                    } else if ratio >= 0.0 {
                        width + ratio * stretch
                    } else {
                        width + ratio * shrink
                    }
                }
                Item::Penalty { .. } => 0.0,
            };
            match &self.contents[index] {
                Content::Word { piece, .. } | Content::Space { piece } => {
                    size = size.max(self.pieces[*piece].style.size);
                    fragments.push(Fragment {
                        x,
                        width,
                        content: index,
                    });
                }
                Content::Nothing => {}
            }
            x += width;
        }
        // Trailing spaces carry no ink.
        while fragments
            .last()
            .is_some_and(|f| matches!(self.contents[f.content], Content::Space { .. }))
        {
            fragments.pop();
        }
        let width = fragments.last().map_or(0.0, |f| f.x + f.width);
        SetLine {
            fragments,
            width,
            size,
            overfull: line.overfull,
        }
    }
}

/// Inter-word spaces; a no-break space (U+00A0) is part of the word around it.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r')
}

fn fill() -> Item {
    Item::Glue {
        width: 0.0,
        stretch: 0.0,
        shrink: 0.0,
        fill: true,
    }
}

/// Converts font units of `style`'s face to points at its size.
pub(crate) fn units_to_pt(book: &FontBook, style: PieceStyle, units: f32) -> f32 {
    units * style.size / book.face(style.face).units_per_em
}
