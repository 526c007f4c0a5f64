//! Shaping with harfrust, cached per (face, features, text) across paragraphs and documents.
//!
//! Results are kept in font units, so one entry serves every size a word is set at; a résumé
//! repeats words ("and", "the", "Python") often enough that most shaping calls become lookups.
//! A word with Hebrew or Arabic letters is shaped right to left in its script; every other word
//! left to right as Latin.

use std::sync::{Arc, Mutex};

use harfrust::{Buffer, Direction, ShapeOptions, ShaperFont};
use rustc_hash::FxHashMap;

use super::{FaceId, FontBook};

/// One shaped glyph, in font units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShapedGlyph {
    pub id: u16,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// Byte offset in the shaped text where this glyph's cluster starts.
    pub cluster: usize,
}

/// A shaped piece of text, in font units.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ShapedText {
    pub glyphs: Vec<ShapedGlyph>,
    /// Sum of advances.
    pub width: f32,
    /// True when some character had no glyph in the face (it shows as a box).
    pub missing: bool,
}

type Key = (FaceId, bool, Box<str>);

/// A thread-safe memo of shaping results. It is asked once for every word of every
/// composition, so it hashes with FxHash rather than the standard library's SipHash (its keys
/// come from the résumé, but a collision only costs time).
#[derive(Default)]
pub(crate) struct ShapeCache {
    map: Mutex<FxHashMap<Key, Arc<ShapedText>>>,
}

impl FontBook {
    /// Shapes `text` in `face`, from the cache when it has been shaped before.
    pub(crate) fn shape(&self, face: FaceId, small_caps: bool, text: &str) -> Arc<ShapedText> {
        let key: Key = (face, small_caps, text.into());
        if let Some(hit) = self.shapes.lock().get(&key) {
            return hit.clone();
        }
        let shaped = Arc::new(self.shape_uncached(face, small_caps, text));
        self.shapes.lock().insert(key, shaped.clone());
        shaped
    }

    fn shape_uncached(&self, face: FaceId, small_caps: bool, text: &str) -> ShapedText {
        let face = self.face(face);
        let (features, plan) = face.plan(small_caps);
        let shaper = ShaperFont::new(&face.font);
        let mut buffer = Buffer::new();
        buffer.push_str(text);
        let rtl = is_right_to_left(text);
        if rtl {
            // Hebrew, Arabic: the script and direction from the text, and a plan made for
            // them (the face's cached plan is for Latin); the glyphs come out in visual order
            // (the word's last character first), their clusters descending.
            buffer.guess_segment_properties();
        } else {
            buffer.set_direction(Direction::LeftToRight);
            buffer.set_script(Some(harfrust::Script::LATIN));
        }
        let options = ShapeOptions::new()
            .plan((!rtl).then_some(plan))
            .features(features);
        if harfrust::shape(&shaper, &mut buffer, options).is_err() {
            return ShapedText {
                missing: !text.is_empty(),
                ..ShapedText::default()
            };
        }
        let mut shaped = ShapedText::default();
        for (info, pos) in buffer.glyph_infos().iter().zip(buffer.glyph_positions()) {
            let id = u16::try_from(info.glyph_id).unwrap_or(0);
            shaped.missing |= id == 0;
            shaped.width += pos.x_advance as f32;
            shaped.glyphs.push(ShapedGlyph {
                id,
                advance: pos.x_advance as f32,
                x_offset: pos.x_offset as f32,
                y_offset: pos.y_offset as f32,
                cluster: info.cluster as usize,
            });
        }
        shaped
    }
}

/// Whether `text` has a letter of a right-to-left script (bidi class R or AL): such a word is
/// shaped right to left, in its own script.
pub(crate) fn is_right_to_left(text: &str) -> bool {
    use unicode_bidi::BidiClass;
    text.chars()
        .any(|c| matches!(unicode_bidi::bidi_class(c), BidiClass::R | BidiClass::AL))
}

impl ShapeCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, FxHashMap<Key, Arc<ShapedText>>> {
        // A panic while holding the lock cannot leave a half-written entry, so a poisoned
        // cache is still sound to use.
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::Variant;

    #[test]
    fn ligature_covers_its_characters_and_kerning_applies() {
        let book = FontBook::bundled();
        let lato = book.select("Lato", Variant::default());
        let shaped = book.shape(lato, false, "efficiency");
        // "ffi" becomes one glyph: fewer glyphs than characters.
        assert!(shaped.glyphs.len() < "efficiency".len(), "{shaped:?}");
        let clusters: Vec<usize> = shaped.glyphs.iter().map(|g| g.cluster).collect();
        assert_eq!(clusters[0], 0);
        assert!(!shaped.missing);
        // Kerning: "AV" is narrower than "A" + "V".
        let av = book.shape(lato, false, "AV").width;
        let a = book.shape(lato, false, "A").width;
        let v = book.shape(lato, false, "V").width;
        assert!(av < a + v, "{av} vs {a} + {v}");
    }

    #[test]
    fn missing_glyph_is_reported() {
        let book = FontBook::bundled();
        let lato = book.select("Lato", Variant::default());
        assert!(book.shape(lato, false, "中文").missing);
    }

    #[test]
    fn cache_returns_the_same_result() {
        let book = FontBook::bundled();
        let face = book.select("Charis SIL", Variant::default());
        let a = book.shape(face, false, "résumé");
        let b = book.shape(face, false, "résumé");
        assert!(Arc::ptr_eq(&a, &b));
    }
}
