//! Inline layout: styled text pieces → shaped words and spaces → broken, positioned lines.
//!
//! [`Paragraph::new`] shapes words (through the book's cache) and builds breaker items;
//! [`Paragraph::lines`] breaks them and returns [`SetLine`]s whose fragments carry final x
//! positions, ready to become glyph runs.

pub(crate) mod bidi;
mod hyphenate;
pub mod knuth_plass;
pub mod linebreak;
mod runs;
mod segment;
#[cfg(test)]
mod testutil;

use std::ops::Range;
use std::sync::Arc;

use crate::display::Color;
use crate::font::{CjkForms, FaceId, FontBook, ShapedText};
pub use hyphenate::Hyphenator;
use knuth_plass::Params;
use linebreak::{INFINITE_PENALTY, Item};

pub(crate) use runs::line_items;

/// Text with one look.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub text: String,
    pub style: PieceStyle,
    pub link: Option<String>,
    pub source: Option<Range<usize>>,
    /// Whether its words may be hyphenated (not code, links, titles or field rows).
    pub hyphenate: bool,
    /// A separator between items (the contact line's " · "): set whole between two items on
    /// one line, and dropped where the line breaks, so it never starts or ends a line.
    pub separator: bool,
    /// Its words never break inside, not even a web address at its punctuation (a contact
    /// item); only a word wider than the line is split, as the last resort.
    pub whole: bool,
    /// Set as written (a code block): every space kept at its width, a run of them as one
    /// space as wide as all of them, a line's indentation kept at its start (a tab reaching
    /// the next multiple of [`TAB_COLUMNS`] columns), no separator read into it.
    pub verbatim: bool,
}

/// How a piece is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PieceStyle {
    pub face: FaceId,
    pub size: f32,
    pub color: Color,
    pub small_caps: bool,
    /// Extra space after every glyph (letter-spacing), in points.
    pub tracking: f32,
}

/// What an item of the paragraph stands for.
#[derive(Debug, Clone)]
pub(crate) enum Content {
    /// A word (or the part of one in a single style), or a fragment of it between
    /// hyphenation points: `glyphs` of the word's shaping, covering `chars` of its text.
    Word {
        piece: usize,
        /// The face the fragment is set in (the piece's, or a fallback).
        face: FaceId,
        text: Arc<str>,
        /// The shaping of `text[shaped_at..]` (or of a part of it, for a word set in several
        /// faces): its glyphs' clusters count from `shaped_at`.
        shaped: Arc<ShapedText>,
        shaped_at: usize,
        glyphs: Range<usize>,
        chars: Range<usize>,
        /// Whether a line break just before this fragment cuts its word in two (a hyphenation
        /// point, a URL or a last-resort break), so that extraction must join the parts; false
        /// for the first fragment and after a break between ideographs, where the text simply
        /// goes on.
        joins: bool,
    },
    /// An inter-word space, set in the style of the piece it belongs to.
    Space { piece: usize },
    /// A separator between items (" · "), set whole in the style of its piece, never at a
    /// line's start or end (see [`Piece::separator`]).
    Separator { piece: usize, text: Arc<str> },
    /// A hyphenation point: a hyphen appears only if the line breaks here.
    Hyphen { piece: usize },
    /// Anything with no ink (line ends, paragraph fill).
    Nothing,
}

/// How to break a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Breaking {
    /// Knuth–Plass parameters.
    pub params: Params,
    /// Use first-fit instead, for comparison.
    pub greedy: bool,
    /// Let punctuation and hyphens hang into the right margin (justified text only).
    pub protrusion: bool,
}

/// Hyphenation for a paragraph: where words may break and what a break there costs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hyphens<'a> {
    pub hyphenator: &'a Hyphenator,
    /// TeX's `\hyphenpenalty`.
    pub penalty: i32,
    /// Whether words may be hyphenated at all (the layout's `paragraph.hyphenate`); when not,
    /// the hyphenator still says which words are keywords, kept whole at their own hyphens.
    pub hyphenate: bool,
}

/// How inter-word spaces and explicit hyphens behave in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Spacing {
    /// Stretch of a justified space as a fraction of its width.
    pub stretch: f32,
    /// Shrink of a justified space as a fraction of its width.
    pub shrink: f32,
    /// TeX's `\exhyphenpenalty`.
    pub ex_hyphen_penalty: i32,
    /// Which regional forms Han characters set by a fallback font should take.
    pub cjk: CjkForms,
    /// Whether the paragraph runs right to left (a Hebrew or Arabic résumé): its lines are
    /// ordered by the Unicode bidi algorithm (see [`bidi`]).
    pub rtl: bool,
}

impl Default for Spacing {
    fn default() -> Self {
        Spacing {
            stretch: 0.5,
            shrink: 1.0 / 3.0,
            ex_hyphen_penalty: 50,
            cjk: CjkForms::default(),
            rtl: false,
        }
    }
}

/// A paragraph ready to break: breaker items plus what each stands for.
pub(crate) struct Paragraph {
    pub pieces: Vec<Piece>,
    pub items: Vec<Item>,
    pub contents: Vec<Content>,
    /// Characters no available font has, with their word and the source span of its piece.
    pub missing: Vec<(char, String, Option<Range<usize>>)>,
    justify: bool,
    spacing: Spacing,
    /// The first items of keywords kept whole that could otherwise have broken: a line left
    /// very loose because one of them starts the next line is not stretched further.
    kept_whole: Vec<usize>,
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
    /// The breaker's figures for the line, when Knuth–Plass set it.
    pub figures: Option<LineFigures>,
}

/// What the breaker says about one line, for reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFigures {
    /// Adjustment ratio of the line's glue (0 when natural or set by fill glue).
    pub ratio: f32,
    /// TeX badness (10001 for an overfull line).
    pub badness: i64,
    /// Fitness class: 0 very loose, 1 loose, 2 decent, 3 tight.
    pub fitness: u8,
    /// Ends with a hyphen.
    pub hyphenated: bool,
    /// Total demerits of the whole paragraph (the same on each of its lines).
    pub paragraph_demerits: i64,
    /// The pass that found the paragraph's breaks (1–4).
    pub pass: u8,
    /// Whether the line is justified (its spaces carry the ratio) or ragged.
    pub justified: bool,
}

impl SetLine {
    /// Whether the line ends at a hyphen (inserted or explicit).
    pub fn hyphenated(&self) -> bool {
        self.figures.is_some_and(|f| f.hyphenated)
    }
}

impl Paragraph {
    /// Shapes `pieces` into breaker items. Each word is shaped whole (kerning and ligatures
    /// intact) and cut at hyphenation points into fragments of its glyphs, so widths stay exact.
    /// Spaces stretch and shrink by the `spacing` fractions of their width when justifying;
    /// ragged text gets its stretch from the breaker's background instead.
    pub fn new(
        book: &FontBook,
        pieces: Vec<Piece>,
        justify: bool,
        hyphens: Option<Hyphens<'_>>,
        spacing: Spacing,
    ) -> Paragraph {
        let mut para = Paragraph {
            pieces,
            items: Vec::new(),
            contents: Vec::new(),
            missing: Vec::new(),
            justify,
            spacing,
            kept_whole: Vec::new(),
        };
        for index in 0..para.pieces.len() {
            let piece = para.pieces[index].clone();
            if piece.separator {
                para.push_separator(book, index, &piece.text);
                continue;
            }
            let more_pieces = para.pieces[index + 1..]
                .iter()
                .any(|p| !p.text.trim().is_empty());
            if piece.verbatim {
                para.push_verbatim(book, index, &piece.text);
                continue;
            }
            let mut rest = piece.text.as_str();
            while !rest.is_empty() {
                if let Some(after) = rest.strip_prefix('\n') {
                    para.push_forced_break();
                    rest = after;
                } else if rest.starts_with(is_space) {
                    let trimmed = rest.trim_start_matches(is_space);
                    // A lone separator between two items of a list written on one line
                    // ("Rust · Go · SQL", "Engineer | Speaker").
                    let lone = lone_separator(trimmed).filter(|(_, after)| {
                        let next = after.trim_start_matches(is_space);
                        !para.items.is_empty()
                            && !next.starts_with('\n')
                            && (!next.trim().is_empty() || more_pieces)
                    });
                    if let Some((mark, after)) = lone {
                        para.push_separator(book, index, &format!(" {mark} "));
                        rest = after.trim_start_matches(is_space);
                    } else {
                        para.push_space(book, index);
                        rest = trimmed;
                    }
                } else {
                    let end = rest
                        .find(|c| is_space(c) || c == '\n')
                        .unwrap_or(rest.len());
                    para.push_word(book, index, &rest[..end], hyphens);
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
                flagged: false,
            },
            Content::Nothing,
        );
        para.push(fill(), Content::Nothing);
        para.push(
            Item::Penalty {
                width: 0.0,
                penalty: -INFINITE_PENALTY,
                flagged: false,
            },
            Content::Nothing,
        );
        para
    }

    fn push(&mut self, item: Item, content: Content) {
        self.items.push(item);
        self.contents.push(content);
    }

    fn push_word(
        &mut self,
        book: &FontBook,
        piece: usize,
        text: &str,
        hyphens: Option<Hyphens<'_>>,
    ) {
        let style = self.pieces[piece].style;
        let shaped = book.shape(style.face, style.small_caps, text);
        if shaped.missing || text.chars().any(segment::is_cjk) {
            self.push_mixed_word(book, piece, text);
            return;
        }
        let word: Arc<str> = Arc::from(text);
        if crate::font::is_right_to_left(text) {
            // Shaped right to left, its glyphs in visual order: one box, never cut.
            let tracking = style.tracking * shaped.glyphs.len() as f32;
            self.push(
                Item::Box {
                    width: units_to_pt(book, style, shaped.width) + tracking,
                },
                Content::Word {
                    piece,
                    face: style.face,
                    text: word,
                    shaped: shaped.clone(),
                    shaped_at: 0,
                    glyphs: 0..shaped.glyphs.len(),
                    chars: 0..text.len(),
                    joins: false,
                },
            );
            return;
        }
        // Cut only where a glyph cluster starts, so no ligature is split.
        let glyph_at = |offset: usize| shaped.glyphs.iter().position(|g| g.cluster == offset);
        let link = self.pieces[piece].link.is_some();
        let url = self.is_url(piece, text);
        let mut cuts: Vec<(usize, Cut)> = if self.pieces[piece].whole {
            Vec::new()
        } else if url {
            // A URL breaks after its punctuation, never with a hyphen, as LaTeX's `url` does.
            url_breaks(text)
                .filter_map(|p| glyph_at(p).map(|g| (g, Cut::Url)))
                .collect()
        } else {
            // Hyphenation points only where the piece may be hyphenated (not code, links,
            // titles or field rows) …
            let hyphenate = self.pieces[piece].hyphenate;
            let mut cuts: Vec<(usize, Cut)> = hyphens
                .filter(|h| h.hyphenate && hyphenate)
                .map(|h| h.hyphenator.points(text))
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| glyph_at(p).map(|g| (g, Cut::Hyphen)))
                .collect();
            // … but a keyword ("**rate-limiting**", `turbo-pascal` in code, the same word
            // elsewhere) breaks at its own hyphens in no piece: most extractors would read it
            // as two words.
            let keyword = hyphens.is_some_and(|h| h.hyphenator.is_protected(text));
            let kept_whole = hyphens.is_some_and(|h| {
                if h.hyphenate && hyphenate {
                    h.hyphenator.keeps_whole(text)
                } else {
                    keyword && explicit_hyphens(text).next().is_some()
                }
            });
            if kept_whole {
                self.kept_whole.push(self.items.len());
            }
            if !link && !keyword {
                cuts.extend(
                    explicit_hyphens(text).filter_map(|p| glyph_at(p).map(|g| (g, Cut::Explicit))),
                );
            }
            cuts
        };
        cuts.sort_unstable_by_key(|(g, _)| *g);
        cuts.dedup_by_key(|(g, _)| *g);
        let hyphen_width = if cuts.iter().any(|(_, cut)| *cut == Cut::Hyphen) {
            units_to_pt(
                book,
                style,
                book.shape(style.face, style.small_caps, "-").width,
            )
        } else {
            0.0
        };
        let mut first = 0;
        for (cut, kind) in cuts.into_iter().chain([(shaped.glyphs.len(), Cut::Url)]) {
            let glyphs = first..cut;
            let units: f32 = shaped.glyphs[glyphs.clone()]
                .iter()
                .map(|g| g.advance)
                .sum();
            let chars = shaped.glyphs.get(first).map_or(0, |g| g.cluster)
                ..shaped.glyphs.get(cut).map_or(text.len(), |g| g.cluster);
            let tracking = style.tracking * glyphs.len() as f32;
            self.push(
                Item::Box {
                    width: units_to_pt(book, style, units) + tracking,
                },
                Content::Word {
                    piece,
                    face: style.face,
                    text: word.clone(),
                    shaped: shaped.clone(),
                    shaped_at: 0,
                    glyphs,
                    chars,
                    joins: first > 0,
                },
            );
            if cut < shaped.glyphs.len() {
                let (item, content) = match kind {
                    Cut::Hyphen => {
                        let penalty = hyphens.map_or(INFINITE_PENALTY, |h| h.penalty);
                        let item = Item::Penalty {
                            width: hyphen_width,
                            penalty,
                            flagged: true,
                        };
                        (item, Content::Hyphen { piece })
                    }
                    Cut::Explicit => {
                        let item = Item::Penalty {
                            width: 0.0,
                            penalty: self.spacing.ex_hyphen_penalty,
                            flagged: true,
                        };
                        (item, Content::Nothing)
                    }
                    Cut::Url => {
                        let item = Item::Penalty {
                            width: 0.0,
                            penalty: URL_BREAK_PENALTY,
                            flagged: false,
                        };
                        (item, Content::Nothing)
                    }
                };
                self.push(item, content);
            }
            first = cut;
        }
    }

    /// A word that needs more than one face, or breaks inside it (CJK): each face's run is
    /// shaped on its own, and cut where UAX #14 allows a break, with a zero-width glue there
    /// (stretchable when justifying). Such words are not hyphenated.
    fn push_mixed_word(&mut self, book: &FontBook, piece: usize, text: &str) {
        let style = self.pieces[piece].style;
        let (mut segments, missing) = segment::by_face(book, style.face, text, self.spacing.cjk);
        if crate::font::is_right_to_left(text) {
            segments = segment::join_rtl_neutrals(book, text, segments);
        }
        let source = self.pieces[piece].source.clone();
        for c in missing {
            self.missing.push((c, text.to_string(), source.clone()));
        }
        let breaks = segment::cjk_breaks(text);
        let word: Arc<str> = Arc::from(text);
        for (n, seg) in segments.iter().enumerate() {
            let face_style = PieceStyle {
                face: seg.face,
                ..style
            };
            let shaped = book.shape(seg.face, style.small_caps, &text[seg.range.clone()]);
            let base = seg.range.start;
            // Cut at break opportunities inside this run, where a glyph cluster starts; a run
            // shaped right to left (glyphs in visual order) stays whole.
            let rtl = crate::font::is_right_to_left(&text[seg.range.clone()]);
            let mut cuts: Vec<usize> = breaks
                .iter()
                .filter(|&&b| !rtl && b > seg.range.start && b < seg.range.end)
                .filter_map(|&b| shaped.glyphs.iter().position(|g| g.cluster + base == b))
                .collect();
            cuts.push(shaped.glyphs.len());
            let mut first = 0;
            for cut in cuts {
                if first > 0 || (n > 0 && breaks.contains(&seg.range.start)) {
                    self.push_break_glue(style.size);
                }
                let glyphs = first..cut;
                let units: f32 = shaped.glyphs[glyphs.clone()]
                    .iter()
                    .map(|g| g.advance)
                    .sum();
                let chars = cluster_chars(&shaped, first..cut, base, seg.range.end);
                let tracking = style.tracking * glyphs.len() as f32;
                self.push(
                    Item::Box {
                        width: units_to_pt(book, face_style, units) + tracking,
                    },
                    Content::Word {
                        piece,
                        face: seg.face,
                        text: word.clone(),
                        shaped: shaped.clone(),
                        shaped_at: base,
                        glyphs,
                        chars: chars.clone(),
                        joins: chars.start > 0 && !breaks.contains(&chars.start),
                    },
                );
                first = cut;
            }
        }
    }

    /// A break opportunity inside a word (between ideographs): zero width, a little stretch
    /// when justifying, so that CJK lines can fill the measure.
    fn push_break_glue(&mut self, size: f32) {
        let stretch = if self.justify { size * 0.1 } else { 0.0 };
        self.push(
            Item::Glue {
                width: 0.0,
                stretch,
                shrink: 0.0,
                fill: false,
            },
            Content::Nothing,
        );
    }

    /// The text of a verbatim piece (see [`Piece::verbatim`]): words kept whole, spaces kept
    /// as wide as written, hard line breaks.
    fn push_verbatim(&mut self, book: &FontBook, piece: usize, text: &str) {
        let style = self.pieces[piece].style;
        let space = units_to_pt(book, style, book.shape(style.face, false, " ").width);
        // The column the next character stands in, counted from the line's start.
        let mut column = 0;
        let mut rest = text;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('\n') {
                self.push_forced_break();
                column = 0;
                rest = after;
            } else if rest.starts_with(is_space) {
                let end = rest.find(|c| !is_space(c)).unwrap_or(rest.len());
                let start = column;
                for c in rest[..end].chars() {
                    column = match c {
                        '\t' => (column / TAB_COLUMNS + 1) * TAB_COLUMNS,
                        '\r' => column,
                        _ => column + 1,
                    };
                }
                let width = space * (column - start) as f32;
                let line_start = match self.items.last() {
                    None => true,
                    Some(Item::Penalty { penalty, .. }) => *penalty == -INFINITE_PENALTY,
                    Some(_) => false,
                };
                // Indentation is a box, which no line start discards; other spaces are glue
                // of fixed width, where a line too long for the measure may wrap.
                let item = if line_start {
                    Item::Box { width }
                } else {
                    Item::Glue {
                        width,
                        stretch: 0.0,
                        shrink: 0.0,
                        fill: false,
                    }
                };
                if width > 0.0 {
                    self.push(item, Content::Space { piece });
                }
                rest = &rest[end..];
            } else {
                let end = rest
                    .find(|c| is_space(c) || c == '\n')
                    .unwrap_or(rest.len());
                column += rest[..end].chars().count();
                self.push_word(book, piece, &rest[..end], None);
                rest = &rest[end..];
            }
        }
    }

    fn push_space(&mut self, book: &FontBook, piece: usize) {
        if matches!(self.items.last(), None | Some(Item::Glue { .. })) {
            return;
        }
        let style = self.pieces[piece].style;
        let width = units_to_pt(book, style, book.shape(style.face, false, " ").width);
        let (stretch, shrink) = if self.justify {
            (width * self.spacing.stretch, width * self.spacing.shrink)
        } else {
            (0.0, 0.0)
        };
        let glue = Item::Glue {
            width,
            stretch,
            shrink,
            fill: false,
        };
        self.push(glue, Content::Space { piece });
    }

    /// A separator: a break point that removes it (a penalty), then the separator as glue of
    /// fixed width, which TeX's rules drop at the start of a line. A line can therefore end
    /// just before it or go on through it, but never start or end with it.
    fn push_separator(&mut self, book: &FontBook, piece: usize, text: &str) {
        let style = self.pieces[piece].style;
        let shaped = book.shape(style.face, style.small_caps, text);
        let tracking = style.tracking * shaped.glyphs.len() as f32;
        let width = units_to_pt(book, style, shaped.width) + tracking;
        // When justifying, it stretches and shrinks as the two spaces in it would.
        let (stretch, shrink) = if self.justify {
            let space = units_to_pt(book, style, book.shape(style.face, false, " ").width);
            let spaces = text.matches(is_space).count() as f32;
            (
                space * spaces * self.spacing.stretch,
                space * spaces * self.spacing.shrink,
            )
        } else {
            (0.0, 0.0)
        };
        while matches!(self.items.last(), Some(Item::Glue { .. })) {
            self.items.pop();
            self.contents.pop();
        }
        self.push(
            Item::Penalty {
                width: 0.0,
                penalty: 0,
                flagged: false,
            },
            Content::Nothing,
        );
        self.push(
            Item::Glue {
                width,
                stretch,
                shrink,
                fill: false,
            },
            Content::Separator {
                piece,
                text: Arc::from(text),
            },
        );
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
                flagged: false,
            },
            Content::Nothing,
        );
    }

    /// How far a line ending at each item may hang into the right margin, in points:
    /// a share of the width of its last character (Typst's amounts: stops and commas 0.8,
    /// hyphens 0.55, colons and semicolons 0.3, dashes 0.2).
    fn protrusion(&self, book: &FontBook) -> Vec<f32> {
        let mut out = vec![0.0; self.items.len()];
        for (i, item) in self.items.iter().enumerate() {
            let content = match item {
                Item::Glue { .. } if i > 0 => &self.contents[i - 1],
                Item::Penalty { width, .. } if *width > 0.0 => {
                    out[i] = width * 0.55;
                    continue;
                }
                _ => continue,
            };
            let Content::Word {
                piece,
                face,
                text,
                shaped,
                glyphs,
                chars,
                ..
            } = content
            else {
                continue;
            };
            let Some(last) = text[chars.clone()].chars().last() else {
                continue;
            };
            let share = match last {
                '.' | ',' => 0.8,
                '-' => 0.55,
                ':' | ';' => 0.3,
                '–' | '—' => 0.2,
                _ => continue,
            };
            if let Some(glyph) = glyphs.clone().last().and_then(|g| shaped.glyphs.get(g)) {
                let style = PieceStyle {
                    face: *face,
                    ..self.pieces[*piece].style
                };
                out[i] = share * units_to_pt(book, style, glyph.advance);
            }
        }
        out
    }

    /// Breaks the paragraph into lines of `width(line_index)` and places every fragment.
    ///
    /// When a line comes out too wide (a word longer than the line, with no break point of
    /// its own), the words on such lines are made breakable between any two characters, at a
    /// high cost, and the paragraph is broken again: splitting a word is the last resort,
    /// text running into the margin is not an option.
    pub fn lines(
        &mut self,
        book: &FontBook,
        breaking: &Breaking,
        width: impl Fn(usize) -> f32,
    ) -> Vec<SetLine> {
        let lines = self.break_lines(book, breaking, &width);
        let wide: Vec<usize> = lines
            .iter()
            .filter(|l| l.overfull > OVERFULL)
            .flat_map(|l| l.fragments.iter().map(|f| f.content))
            .collect();
        if !wide.is_empty() && self.split_words(book, &wide) {
            return self.break_lines(book, breaking, &width);
        }
        lines
    }

    /// Makes the words at `contents` breakable between every two glyph clusters; false when
    /// none of them has two.
    fn split_words(&mut self, book: &FontBook, contents: &[usize]) -> bool {
        let mut items = Vec::with_capacity(self.items.len());
        let mut out = Vec::with_capacity(self.contents.len());
        let mut split_any = false;
        for (index, (item, content)) in self.items.iter().zip(&self.contents).enumerate() {
            let Content::Word {
                piece,
                face,
                text,
                shaped,
                shaped_at,
                glyphs,
                chars,
                joins,
            } = content
            else {
                items.push(*item);
                out.push(content.clone());
                continue;
            };
            let at = |g: usize| shaped_at + shaped.glyphs[g].cluster;
            // Glyphs in visual order (shaped right to left) cannot be cut in logical order.
            if glyphs.clone().skip(1).any(|g| at(g) < at(g - 1)) {
                items.push(*item);
                out.push(content.clone());
                continue;
            }
            // The first glyph of each cluster after the first.
            let starts: Vec<usize> = glyphs
                .clone()
                .skip(1)
                .filter(|&g| at(g) != at(g - 1) && at(g) > chars.start && at(g) < chars.end)
                .collect();
            if starts.is_empty() || !contents.contains(&index) {
                items.push(*item);
                out.push(content.clone());
                continue;
            }
            split_any = true;
            let style = PieceStyle {
                face: *face,
                ..self.pieces[*piece].style
            };
            let mut first = glyphs.start;
            for (n, cut) in starts.into_iter().chain([glyphs.end]).enumerate() {
                if n > 0 {
                    items.push(Item::Penalty {
                        width: 0.0,
                        penalty: CHARACTER_BREAK_PENALTY,
                        flagged: false,
                    });
                    out.push(Content::Nothing);
                }
                let units: f32 = shaped.glyphs[first..cut].iter().map(|g| g.advance).sum();
                let start = if n == 0 { chars.start } else { at(first) };
                let end = if cut == glyphs.end {
                    chars.end
                } else {
                    at(cut)
                };
                items.push(Item::Box {
                    width: units_to_pt(book, style, units) + style.tracking * (cut - first) as f32,
                });
                out.push(Content::Word {
                    piece: *piece,
                    face: *face,
                    text: text.clone(),
                    shaped: shaped.clone(),
                    shaped_at: *shaped_at,
                    glyphs: first..cut,
                    chars: start..end,
                    joins: if n == 0 { *joins } else { true },
                });
                first = cut;
            }
        }
        if split_any {
            self.items = items;
            self.contents = out;
        }
        split_any
    }

    /// Breaks the paragraph as it is, without the last-resort splitting of [`Self::lines`]
    /// (for measuring what another setting would give).
    pub fn break_lines(
        &self,
        book: &FontBook,
        breaking: &Breaking,
        width: impl Fn(usize) -> f32,
    ) -> Vec<SetLine> {
        if breaking.greedy {
            return linebreak::break_greedy(&self.items, &width)
                .iter()
                .map(|line| self.set(line, None, 0.0))
                .collect();
        }
        let protrusion = if breaking.protrusion && self.justify {
            self.protrusion(book)
        } else {
            Vec::new()
        };
        // Only justified lines widen their letters; ragged ones keep their natural width.
        let ragged;
        let params = if self.justify || breaking.params.letter_stretch == 0.0 {
            &breaking.params
        } else {
            ragged = Params {
                letter_stretch: 0.0,
                ..breaking.params.clone()
            };
            &ragged
        };
        let breaks = knuth_plass::break_optimal(&self.items, &width, &protrusion, params);
        breaks
            .lines
            .iter()
            .map(|line| {
                let figures = LineFigures {
                    ratio: line.line.ratio.unwrap_or(0.0),
                    badness: line.badness,
                    fitness: line.fitness,
                    hyphenated: line.hyphenated,
                    paragraph_demerits: breaks.demerits,
                    pass: breaks.pass,
                    justified: self.justify,
                };
                self.set(&line.line, Some(figures), params.letter_stretch)
            })
            .collect()
    }

    /// Whether `word` of `piece` is a web or mail address (which breaks after punctuation).
    fn is_url(&self, piece: usize, word: &str) -> bool {
        looks_like_url(word) || (self.pieces[piece].link.is_some() && word.contains(['/', '.']))
    }

    /// Places the fragments of `line`: glue set at the line's ratio, and every box widened by
    /// `letter` of its width at that ratio when the line stretches (see
    /// [`Params::letter_stretch`]).
    fn set(
        &self,
        line: &linebreak::Line,
        mut figures: Option<LineFigures>,
        letter: f32,
    ) -> SetLine {
        let ratio = if self.justify {
            line.ratio.unwrap_or(0.0)
        } else {
            0.0
        };
        // A stretched last-resort line looks worse than a ragged one: cap the stretch.
        let mut ratio = ratio.min(3.0);
        // A URL's parts between its break points are long: rather than stretch its line's
        // spaces loose, such a line is set ragged.
        if ratio > LOOSE
            && self.contents[line.start..line.end].iter().any(
                |c| matches!(c, Content::Word { piece, text, .. } if self.is_url(*piece, text)),
            )
        {
            ratio = 0.0;
            if let Some(f) = &mut figures {
                f.ratio = 0.0;
                f.justified = false;
            }
        }
        // A keyword kept whole that could not fit at the end of this line leaves it loose. A
        // line that reaches the margin as a loose line (ratio up to 1) is set so; one that
        // would need more cannot be justified without rivers and letter-spaced words, and its
        // spaces stretch only as a decent line's while the rest falls short at the end
        // (splitting the keyword, which most extractors would read as two words, is worse).
        if ratio > LOOSE
            && line.end < self.items.len()
            && self
                .kept_whole
                .contains(&linebreak::skip_discardable(&self.items, line.end + 1))
        {
            ratio = KEPT_WHOLE_STRETCH;
            if let Some(f) = &mut figures {
                f.ratio = ratio;
            }
        }
        let mut x = 0.0;
        let mut fragments = Vec::new();
        let mut size: f32 = 0.0;
        for (offset, item) in self.items[line.start..line.end].iter().enumerate() {
            let index = line.start + offset;
            let width = match *item {
                Item::Box { width } if ratio > 0.0 => width + ratio * width * letter,
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
                Content::Word { piece, .. }
                | Content::Space { piece }
                | Content::Separator { piece, .. } => {
                    size = size.max(self.pieces[*piece].style.size);
                    fragments.push(Fragment {
                        x,
                        width,
                        content: index,
                    });
                }
                Content::Hyphen { .. } | Content::Nothing => {}
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
        // A line broken at a hyphenation point shows the hyphen.
        if let (Some(Item::Penalty { width, .. }), Some(Content::Hyphen { .. })) =
            (self.items.get(line.end), self.contents.get(line.end))
        {
            let x = fragments.last().map_or(0.0, |f| f.x + f.width);
            fragments.push(Fragment {
                x,
                width: *width,
                content: line.end,
            });
        }
        let width = fragments.last().map_or(0.0, |f| f.x + f.width);
        if self.spacing.rtl {
            bidi::reorder_embedded(self, &mut fragments);
        }
        SetLine {
            fragments,
            width,
            size,
            overfull: line.overfull,
            figures,
        }
    }
}

/// The characters that `glyphs` of `shaped` stand for, as byte offsets from `base`: from the
/// smallest cluster among them to the next larger cluster of the shaping (or `end`). Holds
/// for glyphs in logical order and in visual order (shaped right to left) alike.
fn cluster_chars(
    shaped: &ShapedText,
    glyphs: Range<usize>,
    base: usize,
    end: usize,
) -> Range<usize> {
    let inside = || shaped.glyphs[glyphs.clone()].iter().map(|g| g.cluster);
    let start = inside().min().unwrap_or(0);
    let last = inside().max().unwrap_or(0);
    let next = shaped
        .glyphs
        .iter()
        .enumerate()
        .filter(|(i, g)| !glyphs.contains(i) && g.cluster > last)
        .map(|(_, g)| g.cluster)
        .min();
    base + start..next.map_or(end, |c| base + c)
}

/// What a break inside a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// A hyphenation point: a hyphen is inserted when the line breaks here.
    Hyphen,
    /// Just after a hyphen of the word itself.
    Explicit,
    /// After punctuation inside a URL: nothing is inserted.
    Url,
}

/// Columns between tab stops in a verbatim piece (GitHub's and most editors' default for
/// code is 4 or 8; 4 keeps deep indentation on the page).
pub(crate) const TAB_COLUMNS: usize = 4;

/// What breaking a URL after its punctuation costs: cheap, so that a justified line holding a
/// long URL is not stretched loose to avoid it (LaTeX's `url` package breaks there freely).
const URL_BREAK_PENALTY: i32 = 100;

/// The adjustment ratio beyond which a justified line is very loose (TeX's fitness class 0).
const LOOSE: f32 = 1.0;

/// How far a line left loose by a keyword kept whole is stretched when even a loose line
/// (ratio 1) would not reach the margin: a decent line's (TeX's ratio 0.5). Lines that reach
/// the margin at ratio 1 or less are justified as usual: on the seed and 125 real résumés, 10
/// of the 15 lines a kept keyword leaves loose, all of which ended short when every such line
/// stopped at 0.5. Stretching the other 5 to ratio 1 as well brought none of them to the
/// margin and widened the seed's largest word gap to 1.57× the median (gate: 1.5×).
const KEPT_WHOLE_STRETCH: f32 = 0.5;

/// How far past its measure a line may reach before it counts as too wide, in points.
pub(crate) const OVERFULL: f32 = 0.1;

/// What breaking a word between two characters costs: the last resort for a word wider than
/// its line, tried only after breaking without it left a line too wide.
const CHARACTER_BREAK_PENALTY: i32 = 5000;

/// Whether a word is a web or mail address, which breaks after its punctuation.
fn looks_like_url(word: &str) -> bool {
    // A host and a path: `github.com/jane/project`.
    let host_path = word.split_once('/').is_some_and(|(host, _)| {
        host.contains('.')
            && !host.starts_with('.')
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    });
    word.contains("://")
        || word
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("www."))
        || host_path
        || (word.contains('@') && word.contains('.') && !word.starts_with('@'))
}

/// Byte offsets in a URL after `/ . - ? & = @ _ #` (the last of a run of them) where a line may
/// break: never inside the scheme (`https://`), never before the end or before punctuation.
fn url_breaks(word: &str) -> impl Iterator<Item = usize> + '_ {
    const AFTER: &[char] = &['/', '.', '-', '?', '&', '=', '@', '_', '#'];
    let body = word.find("://").map_or(0, |i| i + 3);
    word.char_indices().filter_map(move |(i, c)| {
        let at = i + c.len_utf8();
        let next = word[at..].chars().next()?;
        (at > body && AFTER.contains(&c) && next.is_alphanumeric()).then_some(at)
    })
}

/// Byte offsets just after a hyphen that joins two letters or digits ("high-|throughput").
fn explicit_hyphens(word: &str) -> impl Iterator<Item = usize> + '_ {
    word.match_indices('-').filter_map(move |(i, _)| {
        let before = word[..i].chars().next_back()?;
        let after = word[i + 1..].chars().next()?;
        (before.is_alphanumeric() && after.is_alphanumeric()).then_some(i + 1)
    })
}

/// A separator mark standing alone at the start of `text` and followed by a space: the mark
/// and the text after it.
fn lone_separator(text: &str) -> Option<(char, &str)> {
    let mark = text.chars().next()?;
    let after = &text[mark.len_utf8()..];
    (matches!(mark, '·' | '•' | '|' | '∙' | '⋅') && after.starts_with(is_space))
        .then_some((mark, after))
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

/// Breaker items for plain running text in `family` at `size` points, justified and
/// hyphenated as in a résumé's body: a public door to the engine for experiments and
/// benchmarks.
pub fn text_items(book: &FontBook, family: &str, size: f32, text: &str) -> Vec<Item> {
    let style = PieceStyle {
        face: book.select(family, crate::Variant::default()),
        size,
        color: Color::BLACK,
        small_caps: false,
        tracking: 0.0,
    };
    let piece = Piece {
        text: text.to_string(),
        style,
        link: None,
        source: None,
        hyphenate: true,
        separator: false,
        whole: false,
        verbatim: false,
    };
    let hyphenator = Hyphenator::new(None, &[]);
    let hyphens = Hyphens {
        hyphenator: &hyphenator,
        penalty: 50,
        hyphenate: true,
    };
    Paragraph::new(book, vec![piece], true, Some(hyphens), Spacing::default()).items
}

/// Converts font units of `style`'s face to points at its size.
pub(crate) fn units_to_pt(book: &FontBook, style: PieceStyle, units: f32) -> f32 {
    units * style.size / book.face(style.face).units_per_em
}

#[cfg(test)]
mod url_tests {
    use super::{looks_like_url, url_breaks};

    #[test]
    fn addresses_are_recognised_and_words_are_not() {
        for url in [
            "https://example.com/a",
            "WWW.example.org",
            "github.com/jane-doe/project",
            "jane.doe@example.com",
        ] {
            assert!(looks_like_url(url), "{url}");
        }
        for word in [
            "high-throughput",
            "I/O",
            "and/or",
            "e.g.",
            "@handle",
            "3.14",
        ] {
            assert!(!looks_like_url(word), "{word}");
        }
    }

    #[test]
    fn a_url_breaks_after_punctuation_never_in_its_scheme() {
        let url = "https://ex.com/a-b?x=1&y=2";
        let parts: Vec<&str> = {
            let mut at = 0;
            let mut parts = Vec::new();
            for b in url_breaks(url) {
                parts.push(&url[at..b]);
                at = b;
            }
            parts.push(&url[at..]);
            parts
        };
        assert_eq!(
            parts,
            ["https://ex.", "com/", "a-", "b?", "x=", "1&", "y=", "2"]
        );
    }
}
