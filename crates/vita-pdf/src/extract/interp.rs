//! A content-stream interpreter that tracks only what text extraction needs: the graphics and
//! text matrices, the font, text state parameters and marked content carrying `/ActualText`.
//!
//! Its output is a list of [`Piece`]s, one per shown glyph (or per `/ActualText` span), placed
//! in device space; [`super::lines`] turns them into lines and words.

use std::collections::HashMap;
use std::rc::Rc;

use hayro_syntax::content::TypedIter;
use hayro_syntax::content::ops::TypedInstruction;
use hayro_syntax::object::{Dict, Name, Number, Object, ObjectIdentifier};
use hayro_syntax::page::Resources;

use super::font::ReadFont;
use super::textstr;

/// Text placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    /// Left end of the baseline, device space, x to the right.
    pub(crate) x: f32,
    /// Baseline height: PDF user space negated, so y grows *down* and sorting ascending reads
    /// top to bottom.
    pub(crate) y: f32,
    /// Right end of the advance.
    pub(crate) end_x: f32,
    /// Font size in device space, the "em" for spacing decisions.
    pub(crate) size: f32,
    /// The text.
    pub(crate) text: String,
}

/// Nested forms deeper than this are not entered (they may also be cyclic).
const MAX_FORM_DEPTH: usize = 8;
/// At most this many forms are run per page, so a form that draws itself many times cannot
/// make the work grow exponentially with depth.
const MAX_FORMS: usize = 1024;
/// Nesting of `q` beyond this depth is not saved, so memory stays bounded.
const MAX_STATE_DEPTH: usize = 256;

/// An affine matrix `[a b c d e f]`, PDF's row-vector convention.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Self = Self([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f32, y: f32) -> Self {
        Self([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: apply `self` first, then `other`.
    fn then(self, other: Self) -> Self {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Self([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// The scale factor for lengths (square root of the area scale).
    fn scale(self) -> f32 {
        let [a, b, c, d, ..] = self.0;
        (a * d - b * c).abs().sqrt()
    }
}

/// Graphics state: saved by `q`, restored by `Q`.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<ReadFont>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    h_scale: f32,
    leading: f32,
    rise: f32,
}

impl State {
    fn new(ctm: Matrix) -> Self {
        Self {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// An open `/ActualText` span: its glyphs are measured, not emitted.
struct Span {
    text: String,
    /// Position and size of the first glyph inside, and the right end of the last.
    start: Option<(f32, f32, f32)>,
    end_x: f32,
}

/// The interpreter.
pub(crate) struct Interpreter {
    state: State,
    saved: Vec<State>,
    /// `q`s beyond [`MAX_STATE_DEPTH`], not saved.
    unsaved: usize,
    /// Form XObjects run so far.
    forms: usize,
    tm: Matrix,
    tlm: Matrix,
    /// One entry per open `BMC`/`BDC`; `Some` for those carrying `/ActualText`.
    marked: Vec<Option<Span>>,
    fonts: HashMap<ObjectIdentifier, Rc<ReadFont>>,
    pieces: Vec<Piece>,
    /// Read glyphs as drawn even inside `/ActualText` spans, as mutool, pypdf and pdf.js do.
    pub(crate) ignore_actual_text: bool,
}

impl Interpreter {
    /// Starts in the page's default user space.
    pub(crate) fn new() -> Self {
        Self {
            state: State::new(Matrix::IDENTITY),
            saved: Vec::new(),
            unsaved: 0,
            forms: 0,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            marked: Vec::new(),
            fonts: HashMap::new(),
            pieces: Vec::new(),
            ignore_actual_text: false,
        }
    }

    /// The pieces found so far, in content order.
    pub(crate) fn finish(mut self) -> Vec<Piece> {
        // Spans left open by a truncated stream still count.
        while !self.marked.is_empty() {
            self.end_marked();
        }
        self.pieces
    }

    /// Runs a content stream with the given resources.
    pub(crate) fn run(&mut self, content: &[u8], resources: &Resources<'_>, depth: usize) {
        let mut ops = TypedIter::new(content);
        while let Some(op) = ops.next() {
            self.step(op, resources, depth);
        }
    }

    fn step(&mut self, op: TypedInstruction<'_, '_>, resources: &Resources<'_>, depth: usize) {
        use TypedInstruction as I;
        match op {
            I::SaveState(_) => self.save(),
            I::RestoreState(_) => self.restore(),
            I::Transform(t) => {
                let m = matrix([t.0, t.1, t.2, t.3, t.4, t.5]);
                self.state.ctm = m.then(self.state.ctm);
            }
            I::BeginText(_) => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            I::SetTextMatrix(t) => {
                self.tlm = matrix([t.0, t.1, t.2, t.3, t.4, t.5]);
                self.tm = self.tlm;
            }
            I::NextLine(t) => self.next_line(t.0.as_f32(), t.1.as_f32()),
            I::NextLineAndSetLeading(t) => {
                self.state.leading = -t.1.as_f32();
                self.next_line(t.0.as_f32(), t.1.as_f32());
            }
            I::NextLineUsingLeading(_) => self.next_line(0.0, -self.state.leading),
            I::TextFont(t) => {
                self.state.font = self.font(resources, t.0);
                self.state.size = t.1.as_f32();
            }
            I::CharacterSpacing(t) => self.state.char_spacing = t.0.as_f32(),
            I::WordSpacing(t) => self.state.word_spacing = t.0.as_f32(),
            I::HorizontalScaling(t) => self.state.h_scale = t.0.as_f32() / 100.0,
            I::TextLeading(t) => self.state.leading = t.0.as_f32(),
            I::TextRise(t) => self.state.rise = t.0.as_f32(),
            I::ShowText(t) => self.show(t.0),
            I::NextLineAndShowText(t) => {
                self.next_line(0.0, -self.state.leading);
                self.show(t.0);
            }
            I::ShowTextWithParameters(t) => {
                self.state.word_spacing = t.0.as_f32();
                self.state.char_spacing = t.1.as_f32();
                self.next_line(0.0, -self.state.leading);
                self.show(t.2);
            }
            I::ShowTexts(t) => {
                for item in t.0.iter::<Object<'_>>() {
                    match item {
                        Object::String(s) => self.show(&s),
                        Object::Number(n) => self.kern(n),
                        _ => {}
                    }
                }
            }
            I::BeginMarkedContent(_) => self.marked.push(None),
            I::BeginMarkedContentWithProperties(t) => {
                let text = actual_text(t.1, resources).filter(|_| !self.ignore_actual_text);
                self.marked.push(text.map(|text| Span {
                    text,
                    start: None,
                    end_x: 0.0,
                }));
            }
            I::EndMarkedContent(_) => self.end_marked(),
            I::XObject(t) => self.form(resources, t.0, depth),
            _ => {}
        }
    }

    /// `q`. Past [`MAX_STATE_DEPTH`] states are only counted, so the matching `Q`s still
    /// pair up.
    fn save(&mut self) {
        if self.saved.len() < MAX_STATE_DEPTH {
            self.saved.push(self.state.clone());
        } else {
            self.unsaved += 1;
        }
    }

    /// `Q`; an unmatched one is ignored.
    fn restore(&mut self) {
        if self.unsaved > 0 {
            self.unsaved -= 1;
        } else if let Some(state) = self.saved.pop() {
            self.state = state;
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.tlm = Matrix::translate(x, y).then(self.tlm);
        self.tm = self.tlm;
    }

    /// Looks a font up by resource name, reading each font object once.
    fn font(&mut self, resources: &Resources<'_>, name: &Name<'_>) -> Option<Rc<ReadFont>> {
        let dict = resources.get_font(name)?;
        match dict.obj_id() {
            Some(id) => Some(
                self.fonts
                    .entry(id)
                    .or_insert_with(|| Rc::new(ReadFont::new(&dict)))
                    .clone(),
            ),
            None => Some(Rc::new(ReadFont::new(&dict))),
        }
    }

    /// A `TJ` adjustment: moves the pen left by `n` thousandths of the font size.
    fn kern(&mut self, n: Number) {
        let tx = -n.as_f32() / 1000.0 * self.state.size * self.state.h_scale;
        self.tm = Matrix::translate(tx, 0.0).then(self.tm);
    }

    /// Shows a string glyph by glyph.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let State {
            ctm,
            size,
            char_spacing,
            word_spacing,
            h_scale,
            rise,
            ..
        } = self.state;
        for code in font.codes(bytes) {
            let advance = font.advance(code) * size;
            let device = self.tm.then(ctm);
            let (x, y) = device.apply(0.0, rise);
            let (end_x, _) = device.apply(advance * h_scale, rise);
            self.place(x, y, end_x, size * device.scale(), font.text(code));

            let spacing = char_spacing + if code.word_space { word_spacing } else { 0.0 };
            let tx = (advance + spacing) * h_scale;
            self.tm = Matrix::translate(tx, 0.0).then(self.tm);
        }
    }

    /// Records a glyph: inside an `/ActualText` span it only extends the span, otherwise it
    /// becomes a piece.
    fn place(&mut self, x: f32, y: f32, end_x: f32, size: f32, text: String) {
        if let Some(span) = self.marked.iter_mut().flatten().next() {
            if span.start.is_none() {
                span.start = Some((x, y, size));
            }
            span.end_x = end_x;
            return;
        }
        if !(x.is_finite() && y.is_finite() && end_x.is_finite() && size.is_finite()) {
            return;
        }
        self.pieces.push(Piece {
            x,
            y: -y,
            end_x,
            size,
            text,
        });
    }

    /// Closes a marked-content sequence; an `/ActualText` span becomes one piece where its
    /// first glyph stood (or at the pen position if it held none).
    fn end_marked(&mut self) {
        let Some(Some(span)) = self.marked.pop() else {
            return;
        };
        let (x, y, size) = span.start.unwrap_or_else(|| {
            let device = self.tm.then(self.state.ctm);
            let (x, y) = device.apply(0.0, self.state.rise);
            (x, y, self.state.size * device.scale())
        });
        let end_x = if span.start.is_some() { span.end_x } else { x };
        self.place(x, y, end_x, size, span.text);
    }

    /// Runs a form XObject inside its own saved state, with its matrix and resources.
    fn form(&mut self, resources: &Resources<'_>, name: &Name<'_>, depth: usize) {
        if depth >= MAX_FORM_DEPTH || self.forms >= MAX_FORMS {
            return;
        }
        self.forms += 1;
        let Some(stream) = resources.get_x_object(name) else {
            return;
        };
        let dict = stream.dict();
        if dict.get::<Name<'_>>(b"Subtype").as_deref() != Some(&b"Form"[..]) {
            return;
        }
        let Ok(content) = stream.decoded() else {
            return;
        };
        let form_resources = dict
            .get::<Dict<'_>>(b"Resources")
            .map(Resources::new)
            .unwrap_or_else(|| resources.clone());
        // Restored afterwards, including the `q` stack should the form leave it unbalanced.
        let saved = (self.state.clone(), self.tm, self.tlm);
        let (depth_saved, unsaved) = (self.saved.len(), self.unsaved);
        if let Some(m) = dict.get::<[f32; 6]>(b"Matrix") {
            self.state.ctm = Matrix(m).then(self.state.ctm);
        }
        self.run(&content, &form_resources, depth + 1);
        (self.state, self.tm, self.tlm) = saved;
        self.saved.truncate(depth_saved);
        self.unsaved = unsaved;
    }
}

/// The `/ActualText` of a `BDC` property list, inline or named in the resources.
fn actual_text(properties: &Object<'_>, resources: &Resources<'_>) -> Option<String> {
    let dict = match properties {
        Object::Dict(d) => d.clone(),
        Object::Name(n) => resources.properties.get::<Dict<'_>>(n)?,
        _ => return None,
    };
    let text = dict.get::<hayro_syntax::object::String<'_>>(b"ActualText")?;
    Some(textstr::decode(&text))
}

fn matrix(numbers: [Number; 6]) -> Matrix {
    Matrix(numbers.map(|n| n.as_f32()))
}
