//! From the model's rich text to styled pieces: which face, size and colour each run gets.

use vita_model::{Run, Text};

use crate::display::Color;
use crate::font::{FaceId, FontBook, Variant};
use crate::inline::{Piece, PieceStyle};

/// The base look of a block of text; runs add bold and italic on top.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextStyle {
    /// The family's face for each style, in [`Variant::ALL`] order.
    pub family: [FaceId; 4],
    /// The faces for code spans.
    pub mono: [FaceId; 4],
    pub size: f32,
    pub color: Color,
    pub bold: bool,
    pub italic: bool,
    pub small_caps: bool,
    /// Letter-spacing in points.
    pub tracking: f32,
    /// Whether words in this style may be hyphenated.
    pub hyphenate: bool,
}

impl TextStyle {
    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }

    pub fn italic(mut self) -> Self {
        self.italic = true;
        self
    }

    /// The same style with hyphenation off (titles, keywords, field rows).
    pub fn unhyphenated(mut self) -> Self {
        self.hyphenate = false;
        self
    }

    pub fn color(mut self, color: Color) -> Self {
        self.color = color;
        self
    }

    /// The concrete face and size for a run in this style.
    pub fn piece_style(&self, run_bold: bool, run_italic: bool, code: bool) -> PieceStyle {
        let variant = Variant {
            bold: self.bold || run_bold,
            // Emphasis inside italic text flips back to upright, as typographers do.
            italic: self.italic != run_italic,
        };
        let faces = if code { &self.mono } else { &self.family };
        PieceStyle {
            face: faces[variant.index()],
            size: self.size,
            color: self.color,
            small_caps: self.small_caps,
            tracking: self.tracking,
        }
    }

    /// A piece of plain text in this style.
    pub fn piece(&self, _book: &FontBook, text: impl Into<String>) -> Piece {
        Piece {
            text: text.into(),
            style: self.piece_style(false, false, false),
            link: None,
            source: None,
            hyphenate: false,
            separator: false,
            whole: false,
            verbatim: false,
        }
    }
}

/// Smallest and largest size of code against the text around it.
const CODE_SCALE: std::ops::RangeInclusive<f32> = 0.75..=1.0;

/// The size of code set in `mono` beside text set in `family`, as a share of the text's size:
/// the ratio of their x-heights, so that lowercase letters of both stand equally tall (CSS's
/// `font-size-adjust`). A monospaced face's letters are wide and tall: JetBrains Mono beside
/// Charis SIL comes out at 0.88, beside Inter at 0.99. Never larger than the text.
/// Measured only when a résumé has code, so that the monospaced faces are not decompressed
/// for the others.
pub(crate) fn code_scale(book: &FontBook, family: FaceId, mono: FaceId) -> f32 {
    if family == mono {
        return 1.0;
    }
    let share = |id: FaceId| {
        let face = book.face(id);
        face.x_height / face.units_per_em
    };
    let scale = share(family) / share(mono);
    if scale.is_finite() {
        scale.clamp(*CODE_SCALE.start(), *CODE_SCALE.end())
    } else {
        1.0
    }
}

/// Pieces for rich text in a base style.
pub(crate) fn pieces(book: &FontBook, text: &Text, style: &TextStyle) -> Vec<Piece> {
    text.runs
        .iter()
        .map(|run| piece(book, run, style))
        .collect()
}

fn piece(book: &FontBook, run: &Run, style: &TextStyle) -> Piece {
    let mut look = style.piece_style(run.style.strong, run.style.emphasis, run.style.code);
    if run.style.code && run.text != "\n" {
        look.size *= code_scale(book, style.family[0], style.mono[0]);
    }
    Piece {
        text: run.text.clone(),
        style: look,
        link: run.link.clone(),
        source: Some(run.span.clone()),
        hyphenate: style.hyphenate && !run.style.code && run.link.is_none(),
        separator: false,
        whole: false,
        verbatim: false,
    }
}
