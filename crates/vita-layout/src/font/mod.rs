//! Fonts: the bundled families, installed and user families found by name, how a style picks a
//! face, and each face's metrics.
//!
//! A [`FontBook`] is made once and shared (batch builds reuse one across variants). Faces are
//! addressed by [`FaceId`], which doubles as the [`crate::FontId`] in the display list: the
//! bundled faces come first, in a fixed order, then every face opened from a file (a family
//! the layout names, a fallback face for a missing character, a synthetic style), in the order
//! they were opened. Backends embed only faces that glyphs actually use. Nothing is
//! decompressed, read or parsed until a résumé uses it: a build in Charis SIL decompresses
//! only the Charis faces it sets text in, and the system's fonts are listed only when a layout
//! names a family that is not bundled or a character is missing.

mod bundled;
mod fallback;
mod family;
mod shape;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use harfrust::{Direction, Feature, ShapePlan};

use crate::display::{FontBytes, FontData};
pub use bundled::bundled_file;
pub(crate) use fallback::CjkForms;
pub use family::{Family, FamilyError, FamilyInfo, FamilySource};
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

impl Variant {
    /// The four variants in a fixed order: regular, italic, bold, bold italic.
    pub const ALL: [Variant; 4] = [
        Variant {
            bold: false,
            italic: false,
        },
        Variant {
            bold: false,
            italic: true,
        },
        Variant {
            bold: true,
            italic: false,
        },
        Variant {
            bold: true,
            italic: true,
        },
    ];

    /// This variant's place in [`Variant::ALL`].
    pub fn index(self) -> usize {
        usize::from(self.italic) + 2 * usize::from(self.bold)
    }

    /// "Bold Italic", "Regular", … as font names have it.
    pub fn label(self) -> &'static str {
        match (self.bold, self.italic) {
            (false, false) => "Regular",
            (false, true) => "Italic",
            (true, false) => "Bold",
            (true, true) => "Bold Italic",
        }
    }
}

/// A style a face stands in for without having it: drawn slanted or thickened by the backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Synthesis {
    /// Slant the upright glyphs (no italic in the family).
    pub italic: bool,
    /// Thicken the regular glyphs (no bold in the family).
    pub bold: bool,
}

/// A variable font's axis setting: tag and value (`wght` 700).
pub type AxisValue = ([u8; 4], f32);

/// One font face, parsed and ready to shape.
pub(crate) struct Face {
    pub variant: Variant,
    pub name: String,
    pub data: FontBytes,
    /// Face index inside a collection file.
    pub index: u32,
    /// Axis values of a variable font's instance (empty for a static font).
    pub variations: Vec<AxisValue>,
    /// Styles drawn by slanting or thickening this face.
    pub synthesis: Synthesis,
    pub font: harfrust::Font,
    pub units_per_em: f32,
    /// Height above the baseline, in font units.
    pub ascender: f32,
    /// Depth below the baseline, in font units, positive.
    pub descender: f32,
    /// Height of the lowercase letters, in font units (the `OS/2` table's, else half an em).
    pub x_height: f32,
    /// Shaping plans keyed by feature set, built once because planning costs more than shaping
    /// a short word.
    plans: Vec<(Vec<Feature>, Arc<ShapePlan>)>,
}

/// What a face is made from: where its bytes are and how it is set.
pub(crate) struct FaceSource<'a> {
    pub family: &'a str,
    pub variant: Variant,
    pub name: &'a str,
    pub data: FontBytes,
    pub index: u32,
    pub variations: Vec<AxisValue>,
    pub synthesis: Synthesis,
}

impl Face {
    fn new(source: FaceSource<'_>) -> Option<Face> {
        let FaceSource {
            family,
            variant,
            name,
            data,
            index,
            variations,
            synthesis,
        } = source;
        let mut font = harfrust::Font::new(data.clone(), index)?;
        if !variations.is_empty() {
            let settings: Vec<(harfrust::Tag, f32)> = variations
                .iter()
                .map(|(tag, value)| (harfrust::Tag::new(tag), *value))
                .collect();
            font = font.instance_builder().variations(settings).build();
        }
        let metrics = font.metrics();
        let units_per_em = f32::from(font.units_per_em().max(1));
        let line = metrics.typo_line.or(metrics.hhea_line);
        let (ascender, descender) = line.map_or((units_per_em * 0.8, units_per_em * 0.2), |l| {
            (l.ascender.to_f32(), -l.descender.to_f32())
        });
        let x_height = x_height(&data, index).unwrap_or(units_per_em * 0.5);
        let monospaced = bundled::MONOSPACED.contains(&family) || is_fixed_pitch(&data, index);
        let sets: [&[&str]; 2] = match monospaced {
            true => [FEATURES_CODE, FEATURES_CODE_SMALL_CAPS],
            false => [FEATURES_TEXT, FEATURES_SMALL_CAPS],
        };
        let plans = sets
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
            variant,
            name: name.to_string(),
            data,
            index,
            variations,
            synthesis,
            font,
            units_per_em,
            ascender,
            descender,
            x_height,
            plans,
        })
    }

    /// The plan and features for small caps or ordinary text.
    pub fn plan(&self, small_caps: bool) -> (&[Feature], &ShapePlan) {
        let (features, plan) = &self.plans[usize::from(small_caps)];
        (features, plan)
    }
}

/// The x-height the font's `OS/2` table gives (version 2 and later), in font units.
fn x_height(data: &FontBytes, index: u32) -> Option<f32> {
    use read_fonts::TableProvider;
    let font = read_fonts::FontRef::from_index((**data).as_ref(), index).ok()?;
    let height = font.os2().ok()?.sx_height()?;
    (height > 0).then_some(f32::from(height))
}

/// Whether the font's `post` table says every glyph has one width (a code font).
fn is_fixed_pitch(data: &FontBytes, index: u32) -> bool {
    use read_fonts::TableProvider;
    read_fonts::FontRef::from_index((**data).as_ref(), index)
        .ok()
        .and_then(|font| font.post().ok())
        .is_some_and(|post| post.is_fixed_pitch() != 0)
}

/// Kerning and standard ligatures: what running text gets.
const FEATURES_TEXT: &[&str] = &["kern", "liga"];
/// Small capitals for section titles. Capitals stay capitals: `c2sc` would map "E" and "e"
/// to one glyph, which a PDF can only map back to one of them without ActualText spans.
const FEATURES_SMALL_CAPS: &[&str] = &["kern", "liga", "smcp"];
/// Code: no ligatures of any kind (JetBrains Mono's `->` and `!=` arrows come from `calt`),
/// so that code reads and copies as typed.
const FEATURES_CODE: &[&str] = &["kern", "-liga", "-calt", "-dlig"];
/// Small capitals in a code font.
const FEATURES_CODE_SMALL_CAPS: &[&str] = &["kern", "-liga", "-calt", "-dlig", "smcp"];

fn parse_features(names: &[&str]) -> Vec<Feature> {
    names.iter().filter_map(|n| n.parse().ok()).collect()
}

/// Identifies an opened face, so that a face reached twice (as a layout's family and as a
/// fallback) is opened, and embedded, once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct OpenKey {
    path: PathBuf,
    index: u32,
    /// Axis values, as bits (f32 is not `Eq`).
    variations: Vec<([u8; 4], u32)>,
    synthesis: Synthesis,
}

/// The fonts a layout may use: the bundled families, decompressed when first used, families
/// found by name in font folders or among the system's fonts, and fallback faces for
/// characters they lack, found on demand.
pub struct FontBook {
    /// The bundled faces, by [`bundled::FACES`] index, parsed on first use.
    bundled: Vec<OnceLock<Option<Face>>>,
    /// Every face opened from a file, at `FaceId(bundled.len() + i)`.
    opened: boxcar::Vec<Face>,
    /// Which opened face each file face is.
    opened_keys: Mutex<HashMap<OpenKey, FaceId>>,
    pub(crate) shapes: ShapeCache,
    /// Extra font files or folders (`--font-path`): for families named by layouts and for
    /// missing characters.
    font_paths: Vec<PathBuf>,
    /// Whether to search the system's fonts too.
    system_fonts: bool,
    /// The faces in `font_paths` and on the system, listed on first need.
    fallback: OnceLock<fallback::Fallback>,
    /// The fonts of each layout font folder (`fonts.path`), listed on first need.
    folders: Mutex<HashMap<PathBuf, Arc<fontdb::Database>>>,
    /// Families resolved so far, by lower-cased name and folders searched.
    families: Mutex<family::Resolved>,
    /// Font files read whole so far, shared by the faces of a collection.
    files: Mutex<HashMap<PathBuf, Option<FontBytes>>>,
}

impl std::fmt::Debug for FontBook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontBook")
            .field("bundled", &self.families())
            .field("opened", &self.opened.count())
            .finish()
    }
}

impl FontBook {
    /// The families bundled with Vita, with the system's fonts for families a layout names and
    /// as fallback for characters the bundled fonts lack.
    pub fn bundled() -> FontBook {
        FontBook::with_fallback(Vec::new(), true)
    }

    /// The bundled families, with the fonts in `paths` (files or folders) and, when `system`
    /// is set, the fonts installed on the system, for families a layout names and as fallback
    /// for missing characters.
    pub fn with_fallback(paths: Vec<PathBuf>, system: bool) -> FontBook {
        FontBook {
            bundled: bundled::FACES.iter().map(|_| OnceLock::new()).collect(),
            opened: boxcar::Vec::new(),
            opened_keys: Mutex::new(HashMap::new()),
            shapes: ShapeCache::default(),
            font_paths: paths,
            system_fonts: system,
            fallback: OnceLock::new(),
            folders: Mutex::new(HashMap::new()),
            families: Mutex::new(HashMap::new()),
            files: Mutex::new(HashMap::new()),
        }
    }

    /// The bundled family names, sorted, without duplicates.
    pub fn families(&self) -> Vec<&'static str> {
        // The icon font draws icons only; it is no family to set text in.
        let mut names: Vec<&str> = bundled::FACES
            .iter()
            .map(|f| f.family)
            .filter(|&f| f != crate::icons::FAMILY)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// True when `family` is bundled (case-insensitive).
    pub fn has_family(&self, family: &str) -> bool {
        bundled::FACES
            .iter()
            .any(|f| f.family.eq_ignore_ascii_case(family))
    }

    /// The face of `family` closest to `variant`: the family's own face for it, a synthetic
    /// one when it has none, or the first bundled face when the family cannot be found
    /// (layout reports unknown families before setting any text).
    pub fn select(&self, family: &str, variant: Variant) -> FaceId {
        match self.family(family, &[]) {
            Ok(found) => found.faces[variant.index()],
            Err(_) => FaceId(0),
        }
    }

    /// Whether face `id` maps `c` to a glyph.
    pub(crate) fn has_glyph(&self, id: FaceId, c: char) -> bool {
        fallback::has_glyph(self.face(id), c)
    }

    /// The full name of a face ("Charis SIL Bold").
    pub fn face_name(&self, id: FaceId) -> &str {
        &self.face(id).name
    }

    /// The face behind an id: a bundled face (decompressed and parsed on first use) or an
    /// opened one. An unknown id gets the first face rather than a panic.
    pub(crate) fn face(&self, id: FaceId) -> &Face {
        let bundled = self.bundled.len();
        if id.0 < bundled {
            if let Some(face) = self.bundled_face(id.0) {
                return face;
            }
        } else if let Some(face) = self.opened.get(id.0 - bundled) {
            return face;
        }
        // The bundled files are checked by the tests: the first always loads.
        self.bundled_face(0)
            .or_else(|| (1..bundled).find_map(|i| self.bundled_face(i)))
            .expect("the bundled fonts decompress")
    }

    /// Bundled face `i`, decompressed and parsed once.
    fn bundled_face(&self, i: usize) -> Option<&Face> {
        self.bundled
            .get(i)?
            .get_or_init(|| {
                let face = bundled::FACES.get(i)?;
                let data = bundled::file_bytes(face.file)?;
                Face::new(FaceSource {
                    family: face.family,
                    variant: face.variant,
                    name: face.name,
                    data,
                    index: 0,
                    variations: face.weight.map(|w| (*b"wght", w)).into_iter().collect(),
                    synthesis: Synthesis::default(),
                })
            })
            .as_ref()
    }

    /// Opens the face `index` of the file at `path` (once per file, index, instance and
    /// synthesis) and returns its id.
    pub(crate) fn open(
        &self,
        path: &Path,
        index: u32,
        names: (&str, &str),
        variations: Vec<AxisValue>,
        synthesis: Synthesis,
        variant: Variant,
    ) -> Option<FaceId> {
        let key = OpenKey {
            path: path.to_path_buf(),
            index,
            variations: variations
                .iter()
                .map(|(tag, value)| (*tag, value.to_bits()))
                .collect(),
            synthesis,
        };
        let mut keys = self.opened_keys.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(id) = keys.get(&key) {
            return Some(*id);
        }
        let data = self.file(path)?;
        let (family, name) = names;
        let face = Face::new(FaceSource {
            family,
            variant,
            name,
            data,
            index,
            variations,
            synthesis,
        })?;
        let id = FaceId(self.bundled.len() + self.opened.push(face));
        keys.insert(key, id);
        Some(id)
    }

    /// The bytes of the font file at `path`, read once (bounded) and shared.
    fn file(&self, path: &Path) -> Option<FontBytes> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files
            .entry(path.to_path_buf())
            .or_insert_with(|| fallback::read_font_file(path))
            .clone()
    }

    /// The fonts in `--font-path` and on the system, listed once.
    pub(crate) fn fallback(&self) -> &fallback::Fallback {
        self.fallback
            .get_or_init(|| fallback::Fallback::new(&self.font_paths, self.system_fonts))
    }

    /// Whether the fonts in `--font-path` and on the system have been listed.
    #[cfg(test)]
    pub(crate) fn listed(&self) -> bool {
        self.fallback.get().is_some()
    }

    /// Whether bundled face `i` has been decompressed.
    #[cfg(test)]
    pub(crate) fn loaded(&self, i: usize) -> bool {
        self.bundled
            .get(i)
            .is_some_and(|slot| slot.get().is_some_and(Option::is_some))
    }

    /// The fonts in the layout font folder `path`, listed once.
    fn folder(&self, path: &Path) -> Arc<fontdb::Database> {
        let mut folders = self.folders.lock().unwrap_or_else(|e| e.into_inner());
        folders
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                let mut db = fontdb::Database::new();
                if path.is_dir() {
                    db.load_fonts_dir(path);
                } else if path.is_file() {
                    let _ = db.load_font_file(path);
                }
                Arc::new(db)
            })
            .clone()
    }

    /// The fonts table of a display list, in [`FaceId`] order: the bundled faces a build has
    /// used (the others are empty entries, holding no data and carrying no glyphs), then every
    /// opened face.
    pub fn font_table(&self) -> Vec<FontData> {
        let data = |f: &Face| FontData {
            name: f.name.clone(),
            data: f.data.clone(),
            index: f.index,
            variations: f.variations.clone(),
            synthetic_italic: f.synthesis.italic,
            synthetic_bold: f.synthesis.bold,
        };
        let empty = || FontData {
            name: String::new(),
            data: Arc::new(Vec::<u8>::new()),
            index: 0,
            variations: Vec::new(),
            synthetic_italic: false,
            synthetic_bold: false,
        };
        let mut table: Vec<FontData> = self
            .bundled
            .iter()
            .map(|slot| slot.get().and_then(Option::as_ref).map_or_else(empty, data))
            .collect();
        let count = self.opened.count();
        table.extend((0..count).map(|i| self.opened.get(i).map_or_else(empty, data)));
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Layout, LayoutOptions, layout};

    const SEED: &str = include_str!("../../../../tests/fixtures/seed-resume.md");

    #[test]
    fn a_bundled_family_decompresses_only_its_faces_and_lists_no_system_fonts() {
        // System fonts allowed: they must still not be listed for a résumé in Charis SIL.
        let book = FontBook::with_fallback(Vec::new(), true);
        let parsed = vita_model::parse_markdown(SEED).unwrap();
        let classic = Layout::builtin("classic").unwrap();
        let laid = layout(&parsed.resume, &classic, &book, &LayoutOptions::default()).unwrap();
        assert_eq!(laid.document.pages.len(), 2);
        assert!(!book.listed(), "the system's fonts were listed");
        let loaded: Vec<&str> = (0..bundled::FACES.len())
            .filter(|&i| book.loaded(i))
            .map(|i| bundled::FACES[i].name)
            .collect();
        // The seed has no bold italic.
        assert_eq!(
            loaded,
            ["Charis SIL Regular", "Charis SIL Italic", "Charis SIL Bold"]
        );
        // The display list names the faces used and leaves the others empty.
        let names: Vec<&str> = laid
            .document
            .fonts
            .iter()
            .filter(|f| !f.name.is_empty())
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, loaded);
    }

    #[test]
    fn inter_is_one_variable_file_at_two_weights() {
        let book = FontBook::with_fallback(Vec::new(), false);
        let inter = book.family("Inter", &[]).unwrap();
        let regular = book.face(inter.faces[0]);
        let bold = book.face(inter.faces[2]);
        assert!(Arc::ptr_eq(&regular.data, &bold.data));
        assert_eq!(regular.variations, vec![(*b"wght", 400.0)]);
        assert_eq!(bold.variations, vec![(*b"wght", 700.0)]);
        let wide = book.shape(inter.faces[2], false, "Widening").width;
        let narrow = book.shape(inter.faces[0], false, "Widening").width;
        assert!(wide > narrow * 1.03, "{wide} vs {narrow}");
    }
}
