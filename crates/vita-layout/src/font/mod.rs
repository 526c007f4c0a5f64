//! Fonts: the bundled families, how a style picks a face, and each face's metrics.
//!
//! A [`FontBook`] is parsed once and shared (batch builds reuse one across variants). Faces are
//! addressed by [`FaceId`], which doubles as the [`crate::FontId`] in the display list because
//! every document lists the whole book; backends embed only faces that glyphs actually use.

mod bundled;
mod shape;

use std::sync::Arc;

use harfrust::{Direction, Feature, ShapePlan};

use crate::display::{FontBytes, FontData};
pub(crate) use shape::{ShapeCache, ShapedText};

/// Index of a face in a [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub usize);

/// Weight and slant of a face within its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Variant {
    /// Bold weight.
    pub bold: bool,
    /// Italic slant.
    pub italic: bool,
}

/// One font face, parsed and ready to shape.
pub(crate) struct Face {
    pub family: String,
    pub variant: Variant,
    pub name: String,
    pub data: FontBytes,
    pub font: harfrust::Font,
    pub units_per_em: f32,
    /// Height above the baseline, in font units.
    pub ascender: f32,
    /// Depth below the baseline, in font units, positive.
    pub descender: f32,
    /// Shaping plans keyed by feature set, built once because planning costs more than shaping
    /// a short word.
    plans: Vec<(Vec<Feature>, Arc<ShapePlan>)>,
}

impl Face {
    fn new(family: &str, variant: Variant, name: &str, data: FontBytes) -> Option<Face> {
        let font = harfrust::Font::new(data.clone(), 0)?;
        let metrics = font.metrics();
        let units_per_em = f32::from(font.units_per_em().max(1));
        let line = metrics.typo_line.or(metrics.hhea_line);
        let (ascender, descender) = line.map_or((units_per_em * 0.8, units_per_em * 0.2), |l| {
            (l.ascender.to_f32(), -l.descender.to_f32())
        });
        let plans = [FEATURES_TEXT, FEATURES_SMALL_CAPS]
            .iter()
            .map(|set| {
                let features = parse_features(set);
                let plan = ShapePlan::new(
                    &font,
                    Direction::LeftToRight,
                    Some(harfrust::Script::LATIN),
                    None,
                    &features,
                );
                (features, Arc::new(plan))
            })
            .collect();
        Some(Face {
            family: family.to_string(),
            variant,
            name: name.to_string(),
            data,
            font,
            units_per_em,
            ascender,
            descender,
            plans,
        })
    }

    /// The plan and features for small caps or ordinary text.
    pub fn plan(&self, small_caps: bool) -> (&[Feature], &ShapePlan) {
        let (features, plan) = &self.plans[usize::from(small_caps)];
        (features, plan)
    }
}

/// Kerning and standard ligatures: what running text gets.
const FEATURES_TEXT: &[&str] = &["kern", "liga"];
/// Small capitals for section titles. Capitals stay capitals: `c2sc` would map "E" and "e"
/// to one glyph, which a PDF can only map back to one of them without ActualText spans.
const FEATURES_SMALL_CAPS: &[&str] = &["kern", "liga", "smcp"];

fn parse_features(names: &[&str]) -> Vec<Feature> {
    names.iter().filter_map(|n| n.parse().ok()).collect()
}

/// The fonts a layout may use: every bundled family, parsed once.
pub struct FontBook {
    faces: Vec<Face>,
    pub(crate) shapes: ShapeCache,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook")
            .field("families", &self.families())
            .finish()
    }
}

impl FontBook {
    /// The families bundled with Vita (a serif and a sans, four styles each).
    pub fn bundled() -> FontBook {
        let faces = bundled::FACES
            .iter()
            .filter_map(|f| {
                let data: FontBytes = Arc::new(f.data);
                Face::new(f.family, f.variant, f.name, data)
            })
            .collect();
        FontBook {
            faces,
            shapes: ShapeCache::default(),
        }
    }

    /// Family names in the book, sorted, without duplicates.
    pub fn families(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.faces.iter().map(|f| f.family.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// True when the book has a family of this name (case-insensitive).
    pub fn has_family(&self, family: &str) -> bool {
        self.faces
            .iter()
            .any(|f| f.family.eq_ignore_ascii_case(family))
    }

    /// The face of `family` closest to `variant`, falling back to the family's regular face and
    /// then to the first face of the book.
    pub fn select(&self, family: &str, variant: Variant) -> FaceId {
        let in_family = |f: &Face| f.family.eq_ignore_ascii_case(family);
        let exact = self
            .faces
            .iter()
            .position(|f| in_family(f) && f.variant == variant);
        let regular = || self.faces.iter().position(&in_family);
        FaceId(exact.or_else(regular).unwrap_or(0))
    }

    /// The full name of a face ("Charis SIL Bold").
    pub fn face_name(&self, id: FaceId) -> &str {
        &self.faces[id.0].name
    }

    pub(crate) fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0]
    }

    /// The fonts table of a display list: every face, in [`FaceId`] order.
    pub fn font_table(&self) -> Vec<FontData> {
        self.faces
            .iter()
            .map(|f| FontData {
                name: f.name.clone(),
                data: f.data.clone(),
                index: 0,
            })
            .collect()
    }
}
