//! What the reader needs of a font resource: how to split a string into codes, how wide each
//! code is, and which text it stands for.
//!
//! Composite (`Type0`) fonts are read as two-byte codes, which covers `Identity-H`, the only
//! encoding krilla writes; simple fonts (`TrueType`, `Type1`, `Type3`) use one byte per code.

use std::collections::HashMap;

use hayro_syntax::object::{Array, Dict, Name, Object, Stream};

use super::cmap::ToUnicode;

/// A font as the text reader sees it.
#[derive(Debug)]
pub(crate) struct ReadFont {
    /// Two-byte codes (composite font) rather than one-byte codes.
    two_byte: bool,
    to_unicode: Option<ToUnicode>,
    /// Glyph widths in glyph space, by code.
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Glyph space to text space: 1/1000, or a Type3 font's `FontMatrix` scale.
    scale: f32,
}

/// One code of a shown string.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Code {
    /// The code's value.
    pub(crate) value: u32,
    /// Whether word spacing applies: PDF adds `Tw` only after the single-byte code 32.
    pub(crate) word_space: bool,
}

impl ReadFont {
    /// Reads a font dictionary. Missing pieces get defaults rather than failing, so text of an
    /// odd font still comes out, if perhaps misplaced.
    pub(crate) fn new(dict: &Dict<'_>) -> Self {
        let subtype = dict.get::<Name<'_>>(&b"Subtype"[..]);
        let is = |name: &[u8]| subtype.as_ref().is_some_and(|s| &**s == name);
        let to_unicode = dict
            .get::<Stream<'_>>(&b"ToUnicode"[..])
            .and_then(|s| s.decoded().ok())
            .map(|data| ToUnicode::parse(&data));

        if is(b"Type0") {
            let descendant = dict
                .get::<Array<'_>>(&b"DescendantFonts"[..])
                .and_then(|a| a.iter::<Dict<'_>>().next())
                .unwrap_or_default();
            let default_width = descendant
                .get::<f32>(&b"DW"[..])
                .filter(|w| w.is_finite())
                .unwrap_or(1000.0);
            let widths = descendant
                .get::<Array<'_>>(&b"W"[..])
                .map(|w| cid_widths(&w))
                .unwrap_or_default();
            return Self {
                two_byte: true,
                to_unicode,
                widths,
                default_width,
                scale: 0.001,
            };
        }

        let first = dict
            .get::<u32>(&b"FirstChar"[..])
            .unwrap_or(0)
            .min(u32::from(u8::MAX));
        let widths = dict
            .get::<Array<'_>>(&b"Widths"[..])
            .map(|w| {
                (first..=u32::from(u8::MAX))
                    .zip(w.iter::<f32>())
                    .filter(|(_, w)| w.is_finite())
                    .collect()
            })
            .unwrap_or_default();
        let scale = if is(b"Type3") {
            dict.get::<[f32; 6]>(&b"FontMatrix"[..])
                .map(|m| m[0])
                .filter(|s| s.is_finite())
                .unwrap_or(0.001)
        } else {
            0.001
        };
        Self {
            two_byte: false,
            to_unicode,
            widths,
            default_width: 0.0,
            scale,
        }
    }

    /// Splits a shown string into codes.
    pub(crate) fn codes(&self, bytes: &[u8]) -> Vec<Code> {
        if self.two_byte {
            bytes
                .chunks(2)
                .map(|c| Code {
                    value: c.iter().fold(0, |acc, b| (acc << 8) | u32::from(*b)),
                    word_space: false,
                })
                .collect()
        } else {
            bytes
                .iter()
                .map(|b| Code {
                    value: u32::from(*b),
                    word_space: *b == b' ',
                })
                .collect()
        }
    }

    /// The code's advance in text space units per unit of font size.
    pub(crate) fn advance(&self, code: Code) -> f32 {
        self.widths
            .get(&code.value)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }

    /// The text a code stands for: the `ToUnicode` entry, else for a simple font the byte read
    /// as Latin-1 (close to the standard encodings for letters), else nothing.
    pub(crate) fn text(&self, code: Code) -> String {
        if let Some(text) = self.to_unicode.as_ref().and_then(|m| m.get(code.value)) {
            return text;
        }
        if self.two_byte {
            return String::new();
        }
        u8::try_from(code.value)
            .map(|b| char::from(b).to_string())
            .unwrap_or_default()
    }
}

/// Reads a composite font's `/W` array: `c [w1 w2 …]` gives widths from `c` on, `c1 c2 w`
/// gives `w` to every code from `c1` to `c2`. Ranges are capped so a hostile file cannot ask
/// for billions of entries.
fn cid_widths(array: &Array<'_>) -> HashMap<u32, f32> {
    const MAX_ENTRIES: usize = 1 << 16;
    let mut widths = HashMap::new();
    let items: Vec<Object<'_>> = array.iter::<Object<'_>>().collect();
    let mut i = 0;
    while i < items.len() && widths.len() < MAX_ENTRIES {
        let Some(start) = number(&items[i]) else {
            break;
        };
        match items.get(i + 1) {
            Some(Object::Array(list)) => {
                for (cid, w) in (start..).zip(list.iter::<f32>()).take(MAX_ENTRIES) {
                    widths.insert(cid, w);
                }
                i += 2;
            }
            Some(end) => {
                let (Some(end), Some(w)) = (number(end), items.get(i + 2).and_then(float)) else {
                    break;
                };
                for cid in (start..=end).take(MAX_ENTRIES) {
                    widths.insert(cid, w);
                }
                i += 3;
            }
            None => break,
        }
    }
    widths.retain(|_, w| w.is_finite());
    widths
}

/// A non-negative integer operand.
fn number(object: &Object<'_>) -> Option<u32> {
    match object {
        Object::Number(n) => u32::try_from(n.as_i64()).ok(),
        _ => None,
    }
}

/// A numeric operand.
fn float(object: &Object<'_>) -> Option<f32> {
    match object {
        Object::Number(n) => Some(n.as_f32()),
        _ => None,
    }
}
