//! Fonts: the bundled families, how a style picks a face, and each face's metrics.
//!
//! A [`FontBook`] is parsed once and shared (batch builds reuse one across variants). Faces are
//! addressed by [`FaceId`], which doubles as the [`crate::FontId`] in the display list because
//! every document lists the whole book; backends embed only faces that glyphs actually use.

mod bundled;
mod fallback;
mod shape;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use harfrust::{Direction, Feature, ShapePlan};

use crate::display::{FontBytes, FontData};
pub(crate) use fallback::CjkForms;
pub(crate) use shape::{ShapeCache, ShapedGlyph, ShapedText, is_right_to_left};

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
    /// Face index inside a collection file.
    pub index: u32,
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
    fn new(
        family: &str,
        variant: Variant,
        name: &str,
        data: FontBytes,
        index: u32,
    ) -> Option<Face> {
        let font = harfrust::Font::new(data.clone(), index)?;
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
            index,
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

/// The fonts a layout may use: every bundled family, parsed once, and fallback faces for
/// characters they lack, found on demand.
pub struct FontBook {
    faces: Vec<Face>,
    pub(crate) shapes: ShapeCache,
    /// Extra font files or folders to search for missing characters.
    font_paths: Vec<PathBuf>,
    /// Whether to search the system's fonts too.
    system_fonts: bool,
    fallback: OnceLock<fallback::Fallback>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook")
            .field("families", &self.families())
            .finish()
    }
}

impl FontBook {
    /// The families bundled with Vita (a serif and a sans, four styles each), with the
    /// system's fonts as fallback for characters they lack.
    pub fn bundled() -> FontBook {
        FontBook::with_fallback(Vec::new(), true)
    }

    /// The bundled families, with fallback to the fonts in `paths` (files or folders) and,
    /// when `system` is set, the fonts installed on the system.
    pub fn with_fallback(paths: Vec<PathBuf>, system: bool) -> FontBook {
        let faces = bundled::FACES
            .iter()
            .filter_map(|f| {
                let data: FontBytes = Arc::new(f.data);
                Face::new(f.family, f.variant, f.name, data, 0)
            })
            .collect();
        FontBook {
            faces,
            shapes: ShapeCache::default(),
            font_paths: paths,
            system_fonts: system,
            fallback: OnceLock::new(),
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

    /// Whether face `id` maps `c` to a glyph.
    pub(crate) fn has_glyph(&self, id: FaceId, c: char) -> bool {
        fallback::has_glyph(self.face(id), c)
    }

    /// The full name of a face ("Charis SIL Bold").
    pub fn face_name(&self, id: FaceId) -> &str {
        &self.face(id).name
    }

    /// The face behind an id. Ids past the bundled faces are fallback slots, handed out only
    /// once their face is loaded; an unknown id gets the first face rather than a panic.
    pub(crate) fn face(&self, id: FaceId) -> &Face {
        match self.faces.get(id.0) {
            Some(face) => face,
            None => self
                .fallback
                .get()
                .and_then(|f| f.face(id.0 - self.faces.len()))
                .unwrap_or(&self.faces[0]),
        }
    }

    /// The fonts table of a display list, in [`FaceId`] order: the bundled faces, then every
    /// fallback slot up to the last one loaded (slots never loaded hold no data and carry no
    /// glyphs).
    pub fn font_table(&self) -> Vec<FontData> {
        let data = |f: &Face| FontData {
            name: f.name.clone(),
            data: f.data.clone(),
            index: f.index,
        };
        let mut table: Vec<FontData> = self.faces.iter().map(data).collect();
        if let Some(fallback) = self.fallback.get() {
            let loaded: Vec<Option<&Face>> =
                (0..fallback.len()).map(|s| fallback.face(s)).collect();
            let last = loaded
                .iter()
                .rposition(Option::is_some)
                .map_or(0, |i| i + 1);
            for face in &loaded[..last] {
                table.push(match face {
                    Some(face) => data(face),
                    None => FontData {
                        name: String::new(),
                        data: Arc::new(Vec::<u8>::new()),
                        index: 0,
                    },
                });
            }
        }
        table
    }
}
