//! Font fallback: finding a face for characters the layout's fonts cannot set (CJK, Greek,
//! emoji), among the other bundled faces, the folders given with `--font-path`, and the fonts
//! installed on the system.
//!
//! Nothing is scanned until a character is missing, so résumés the bundled fonts can set pay
//! nothing. Candidate faces are listed once (fontdb memory-maps each file and reads only its
//! names). A candidate is asked for the character through its coverage: the code point ranges
//! of its `cmap`, read once from the memory-mapped file and kept (a few kilobytes) while the
//! file is unmapped again. Only the face chosen for a character is read into memory and
//! parsed, and faces of one collection file share one copy of it. The answer is cached per
//! character and style. The list is made once, by the first build that needs it; the faces
//! opened get ids after the bundled faces (see [`super::FontBook`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use read_fonts::TableProvider;
use read_fonts::tables::cmap::CmapIterLimits;

use super::{AxisValue, Face, FaceId, FontBytes, Synthesis, Variant};

/// Largest font file read whole (the biggest Noto CJK collection is 27 MB).
const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// Faces found outside the bundled set: listed once, opened on demand.
pub(crate) struct Fallback {
    pub(crate) db: fontdb::Database,
    /// fontdb ids in slot order (sorted by path and index, so slots are deterministic).
    pub(crate) ids: Vec<fontdb::ID>,
    /// Slot `i`'s face once it has been opened (`None`: unreadable).
    opened: Vec<OnceLock<Option<FaceId>>>,
    /// Slot `i`'s coverage once it has been asked: sorted, disjoint code point ranges.
    coverage: Vec<OnceLock<Arc<Coverage>>>,
    /// Coverage by file and `cmap` offset: the faces of a collection often share one `cmap`
    /// (Noto CJK's ten regional faces do), which is then read once.
    cmaps: Mutex<HashMap<(PathBuf, usize), Arc<Coverage>>>,
    /// Which face covers a character in a style and CJK form (`None`: no face has it).
    by_char: Mutex<HashMap<(char, Variant, CjkForms), Option<FaceId>>>,
}

impl Fallback {
    /// Lists the faces in `paths` and, when `system` is set, the system's font folders.
    pub fn new(paths: &[PathBuf], system: bool) -> Fallback {
        let mut db = fontdb::Database::new();
        for path in paths {
            if path.is_dir() {
                db.load_fonts_dir(path);
            } else {
                let _ = db.load_font_file(path);
            }
        }
        // The user's fonts come first, the system's after: each group in path order, so the
        // same fonts always give the same slots.
        let sorted = |db: &fontdb::Database, skip: usize| {
            let mut faces: Vec<(String, u32, fontdb::ID)> = db
                .faces()
                .skip(skip)
                .map(|f| (source_key(&f.source), f.index, f.id))
                .collect();
            faces.sort();
            faces.into_iter().map(|(_, _, id)| id).collect::<Vec<_>>()
        };
        let mut ids = sorted(&db, 0);
        if system {
            let user = db.len();
            db.load_system_fonts();
            ids.extend(sorted(&db, user));
        }
        Fallback {
            opened: ids.iter().map(|_| OnceLock::new()).collect(),
            coverage: ids.iter().map(|_| OnceLock::new()).collect(),
            cmaps: Mutex::new(HashMap::new()),
            ids,
            db,
            by_char: Mutex::new(HashMap::new()),
        }
    }

    /// The slot whose face best has `c`, preferring one in `variant`'s weight and slant and,
    /// among CJK collections (Noto CJK has one face per region), the region `forms` asks for.
    /// Decided from the faces' coverage, without opening any.
    fn best(&self, c: char, variant: Variant, forms: CjkForms) -> Option<usize> {
        let mut best: Option<(u8, usize)> = None;
        for (slot, id) in self.ids.iter().enumerate() {
            let Some(info) = self.db.face(*id) else {
                continue;
            };
            let bold = info.weight.0 >= 600;
            let italic = info.style != fontdb::Style::Normal;
            let family = info.families.first().map_or("", |(name, _)| name.as_str());
            // Only faces named for a region (Noto CJK's " SC", " JP", …) can be the wrong one.
            let wrong_region = REGIONS.iter().any(|r| family.ends_with(r.suffix()))
                && !family.ends_with(forms.suffix());
            let score = u8::from(bold != variant.bold)
                + u8::from(italic != variant.italic)
                + 2 * u8::from(wrong_region);
            if best.is_some_and(|(s, _)| s <= score) {
                continue;
            }
            if self.covers(slot, c) {
                best = Some((score, slot));
                if score == 0 {
                    break;
                }
            }
        }
        best.map(|(_, slot)| slot)
    }

    /// Whether the face in `slot` maps `c`, from its coverage (worked out once, from the
    /// memory-mapped file, without reading the file into memory).
    fn covers(&self, slot: usize, c: char) -> bool {
        let Some(cell) = self.coverage.get(slot) else {
            return false;
        };
        let ranges = cell.get_or_init(|| {
            let Some(&id) = self.ids.get(slot) else {
                return Arc::default();
            };
            let path = match self.db.face(id).map(|f| &f.source) {
                Some(fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _)) => {
                    path.clone()
                }
                _ => PathBuf::new(),
            };
            self.db
                .with_face_data(id, |data, index| {
                    let key = (path, cmap_offset(data, index));
                    let mut cmaps = self.cmaps.lock().unwrap_or_else(|e| e.into_inner());
                    cmaps
                        .entry(key)
                        .or_insert_with(|| Arc::new(coverage(data, index)))
                        .clone()
                })
                .unwrap_or_default()
        });
        let c = u32::from(c);
        let at = ranges.partition_point(|&(_, end)| end < c);
        ranges.get(at).is_some_and(|&(start, _)| start <= c)
    }

    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<(char, Variant, CjkForms), Option<FaceId>>> {
        self.by_char.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Every region, for telling faces named for one.
const REGIONS: [CjkForms; 5] = [
    CjkForms::Simplified,
    CjkForms::Traditional,
    CjkForms::HongKong,
    CjkForms::Japanese,
    CjkForms::Korean,
];

/// Which regional forms of Han characters a résumé wants (the glyphs differ between
/// Simplified and Traditional Chinese, Japanese and Korean).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CjkForms {
    /// Simplified Chinese (the default for Han text).
    #[default]
    Simplified,
    /// Traditional Chinese (Taiwan).
    Traditional,
    /// Traditional Chinese (Hong Kong).
    HongKong,
    /// Japanese.
    Japanese,
    /// Korean.
    Korean,
}

impl CjkForms {
    /// The forms for a BCP 47 language tag (`zh-TW`, `zh-Hant`, `ja`, `ko`, …).
    pub fn from_lang(lang: Option<&str>) -> CjkForms {
        let lang = lang.unwrap_or("").to_ascii_lowercase();
        match lang.as_str() {
            l if l.starts_with("ja") => CjkForms::Japanese,
            l if l.starts_with("ko") => CjkForms::Korean,
            l if l.starts_with("zh") && (l.contains("hk") || l.contains("mo")) => {
                CjkForms::HongKong
            }
            l if l.starts_with("zh") && (l.contains("hant") || l.contains("tw")) => {
                CjkForms::Traditional
            }
            _ => CjkForms::Simplified,
        }
    }

    /// The forms a word asks for by itself: kana means Japanese, Hangul Korean.
    pub fn for_text(self, text: &str) -> CjkForms {
        if text.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c)) {
            CjkForms::Japanese
        } else if text.chars().any(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c)) {
            CjkForms::Korean
        } else {
            self
        }
    }

    /// How Noto CJK names the face for these forms.
    fn suffix(self) -> &'static str {
        match self {
            CjkForms::Simplified => " SC",
            CjkForms::Traditional => " TC",
            CjkForms::HongKong => " HK",
            CjkForms::Japanese => " JP",
            CjkForms::Korean => " KR",
        }
    }
}

/// A regular font file's bytes, when it is no larger than [`MAX_FONT_BYTES`].
pub(crate) fn read_font_file(path: &Path) -> Option<FontBytes> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_FONT_BYTES {
        return None;
    }
    let mut data = Vec::with_capacity(usize::try_from(meta.len()).ok()?);
    file.take(MAX_FONT_BYTES).read_to_end(&mut data).ok()?;
    Some(Arc::new(data))
}

/// Sorted, disjoint ranges of code points.
type Coverage = Vec<(u32, u32)>;

/// Where face `index`'s `cmap` table starts in `data` (0 when it has none).
fn cmap_offset(data: &[u8], index: u32) -> usize {
    read_fonts::FontRef::from_index(data, index)
        .ok()
        .and_then(|font| font.table_data(read_fonts::types::Tag::new(b"cmap")))
        .map_or(0, |table| {
            (table.as_bytes().as_ptr() as usize).saturating_sub(data.as_ptr() as usize)
        })
}

/// The code points face `index` of `data` maps to a glyph, as sorted, disjoint ranges.
fn coverage(data: &[u8], index: u32) -> Coverage {
    let Some((_, _, subtable)) = read_fonts::FontRef::from_index(data, index)
        .ok()
        .and_then(|font| font.cmap().ok())
        .and_then(|cmap| cmap.best_subtable())
    else {
        return Vec::new();
    };
    let limits = CmapIterLimits {
        max_char: u32::from(char::MAX),
        glyph_count: u32::from(u16::MAX) + 1,
    };
    let mut points: Vec<u32> = subtable
        .iter_with_limits(limits)
        .filter(|(_, glyph)| glyph.to_u32() != 0)
        .map(|(c, _)| c)
        .collect();
    points.sort_unstable();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in points {
        match ranges.last_mut() {
            Some((_, end)) if c <= end.saturating_add(1) => *end = (*end).max(c),
            _ => ranges.push((c, c)),
        }
    }
    ranges.shrink_to_fit();
    ranges
}

/// Whether `face` maps `c` to a glyph.
pub(crate) fn has_glyph(face: &Face, c: char) -> bool {
    face.font
        .charmap()
        .map_unicode(u32::from(c))
        .is_some_and(|g| g.to_u32() != 0)
}

/// Where a face comes from, for a stable order.
pub(crate) fn source_key(source: &fontdb::Source) -> String {
    match source {
        fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
            path.display().to_string()
        }
        fontdb::Source::Binary(_) => String::new(),
    }
}

impl super::FontBook {
    /// A face for `c` when `primary` has no glyph for it: Charis SIL (the bundled family with
    /// the most characters) in the same style or another, the bundled icon font, then the font
    /// paths and the system's fonts. `None` when no available font has it.
    pub(crate) fn fallback_for(&self, primary: FaceId, c: char, forms: CjkForms) -> Option<FaceId> {
        let variant = self.face(primary).variant;
        // Charis SIL's faces are the first four, in `Variant::ALL` order.
        let charis = |v: Variant| FaceId(v.index());
        let same_style = Some(charis(variant)).filter(|&id| id != primary && self.has_glyph(id, c));
        let any_style = || {
            Variant::ALL
                .into_iter()
                .map(charis)
                .find(|&id| id != primary && self.has_glyph(id, c))
        };
        if let Some(id) = same_style.or_else(any_style) {
            return Some(id);
        }
        // Icons (private-use characters of the bundled icon font) come from that font, never
        // from an installed one that happens to map the same code points.
        if let Some(icons) = crate::icons::face(self).filter(|&id| self.has_glyph(id, c)) {
            return Some(icons);
        }
        let fallback = self.fallback();
        let key = (c, variant, forms);
        if let Some(hit) = fallback.lock().get(&key) {
            return *hit;
        }
        // Only the chosen face is read and parsed.
        let found = fallback
            .best(c, variant, forms)
            .and_then(|slot| self.open_slot(fallback, slot))
            .filter(|&id| self.has_glyph(id, c));
        fallback.lock().insert(key, found);
        found
    }

    /// Opens the face in `slot` of the fallback list (once) and returns its id.
    fn open_slot(&self, fallback: &Fallback, slot: usize) -> Option<FaceId> {
        *fallback.opened.get(slot)?.get_or_init(|| {
            let id = *fallback.ids.get(slot)?;
            self.open_listed(&fallback.db, id, Vec::new(), Synthesis::default())
        })
    }

    /// Opens face `id` of `db` as it is, or as the instance `variations`, or standing in for a
    /// style through `synthesis`.
    pub(crate) fn open_listed(
        &self,
        db: &fontdb::Database,
        id: fontdb::ID,
        variations: Vec<AxisValue>,
        synthesis: Synthesis,
    ) -> Option<FaceId> {
        let info = db.face(id)?;
        let family = info.families.first().map_or("", |(name, _)| name.as_str());
        let mut name = info.post_script_name.clone();
        if synthesis.italic {
            name.push_str(" (slanted)");
        }
        if synthesis.bold {
            name.push_str(" (emboldened)");
        }
        let wght = variations
            .iter()
            .find(|(tag, _)| tag == b"wght")
            .map(|(_, w)| *w);
        let variant = Variant {
            bold: wght.map_or(info.weight.0 >= 600, |w| w >= 600.0) || synthesis.bold,
            italic: info.style != fontdb::Style::Normal || synthesis.italic,
        };
        let path = match &info.source {
            fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path.clone(),
            fontdb::Source::Binary(_) => return None,
        };
        self.open(
            &path,
            info.index,
            (family, &name),
            variations,
            synthesis,
            variant,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::CjkForms;

    #[test]
    fn forms_follow_the_language_and_the_text() {
        assert_eq!(CjkForms::from_lang(None), CjkForms::Simplified);
        assert_eq!(CjkForms::from_lang(Some("zh-TW")), CjkForms::Traditional);
        assert_eq!(CjkForms::from_lang(Some("zh-Hant")), CjkForms::Traditional);
        assert_eq!(CjkForms::from_lang(Some("zh-HK")), CjkForms::HongKong);
        assert_eq!(CjkForms::from_lang(Some("ja")), CjkForms::Japanese);
        assert_eq!(CjkForms::from_lang(Some("ko-KR")), CjkForms::Korean);
        assert_eq!(CjkForms::Simplified.for_text("서울"), CjkForms::Korean);
        assert_eq!(
            CjkForms::Simplified.for_text("ひらがな"),
            CjkForms::Japanese
        );
        assert_eq!(
            CjkForms::Traditional.for_text("臺北"),
            CjkForms::Traditional
        );
    }
}
