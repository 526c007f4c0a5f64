//! One krilla [`Font`] per [`FontData`] of the display list.
//!
//! krilla keys its font subsets on the `Font` value, so every run in the same face must draw
//! with the same `Font`: a second `Font::new` over the same bytes would embed a second subset.
//!
//! Each font drawn from is first [`dehint`]ed, for a smaller file. The dehinted fonts are kept
//! for the life of the process (see [`CACHE`]): `vita batch` and `vita watch` build many
//! documents from one font book, and dehinting and parsing a face again for every document was
//! most of a small document's PDF time.

mod dehint;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

use krilla::text::Font;
use vita_layout::{Document, FontData, FontId, Item};

use crate::Error;

/// The document's fonts, parsed once, indexed like [`vita_layout::Document::fonts`].
pub(crate) struct FontSet {
    /// `None` for fonts no run draws from: they are neither parsed nor embedded (a layout
    /// lists its whole font book, fallback slots included, most of it unused).
    fonts: Vec<Option<Drawn>>,
}

/// A font and how its glyphs are drawn.
#[derive(Clone)]
pub(crate) struct Drawn {
    /// The krilla font.
    pub font: Font,
    /// Slant the glyphs: an upright face standing in for a missing italic.
    pub slant: bool,
    /// Thicken the glyphs: a regular face standing in for a missing bold.
    pub embolden: bool,
}

impl FontSet {
    /// Parses every font `doc` draws from up front, so an unreadable file fails before any
    /// page is drawn. Each is stripped of its hinting first (see [`dehint`]), keeping the
    /// glyphs `doc` uses.
    pub(crate) fn new(doc: &Document) -> Result<Self, Error> {
        let mut used = vec![BTreeSet::new(); doc.fonts.len()];
        for item in doc.pages.iter().flat_map(|page| &page.items) {
            if let Item::Text(run) = item
                && let Some(glyphs) = used.get_mut(run.font.0)
            {
                glyphs.extend(run.glyphs.iter().map(|glyph| glyph.id));
            }
        }
        let fonts = doc
            .fonts
            .iter()
            .zip(&used)
            .map(|(font, used)| {
                if used.is_empty() {
                    Ok(None)
                } else {
                    load(font, used).map(|loaded| {
                        Some(Drawn {
                            font: loaded,
                            slant: font.synthetic_italic,
                            embolden: font.synthetic_bold,
                        })
                    })
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { fonts })
    }

    /// The font for `id`, or `None` when the display list names a font it does not have.
    pub(crate) fn get(&self, id: FontId) -> Option<&Drawn> {
        self.fonts.get(id.0)?.as_ref()
    }

    /// How many fonts there are, for error messages.
    pub(crate) fn len(&self) -> usize {
        self.fonts.len()
    }
}

/// A dehinted face kept across documents.
struct Cached {
    /// The face's bytes, held so that the pointer identifying the face stays valid.
    data: vita_layout::FontBytes,
    /// The face index.
    index: u32,
    /// The variable font's instance.
    variations: Vec<([u8; 4], f32)>,
    /// The glyphs the dehinted copy keeps (every other glyph is empty in it).
    glyphs: BTreeSet<u16>,
    /// The krilla font over the dehinted copy.
    font: Font,
}

/// Every face dehinted so far in this process, at most one entry per face (font bytes and
/// index). An entry keeps the union of the glyphs of the documents drawn with it, so a
/// document whose glyphs it already has reuses it; another rebuilds it with the union.
///
/// The PDF does not depend on the cache: krilla embeds a subset of exactly the glyphs a
/// document draws, and a glyph's outline is the same in every dehinted copy; the font's
/// identity (`FontInfo`: names, metrics, the face's `head` checksum adjustment) takes nothing
/// from the glyph set either. `vita batch` checks this: its PDFs are byte-identical whatever the
/// order the variants were built in (`--shard`, `-j`).
static CACHE: Mutex<Vec<Cached>> = Mutex::new(Vec::new());

/// The krilla font for `font` drawing the glyphs in `used`: from [`CACHE`] when an entry has
/// them all, else dehinted (with the entry's glyphs too) and cached.
fn load(font: &FontData, used: &BTreeSet<u16>) -> Result<Font, Error> {
    let same = |c: &Cached| {
        Arc::ptr_eq(&c.data, &font.data) && c.index == font.index && c.variations == font.variations
    };
    let mut glyphs = used.clone();
    {
        let cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(cached) = cache.iter().find(|c| same(c)) {
            if cached.glyphs.is_superset(used) {
                return Ok(cached.font.clone());
            }
            glyphs.extend(&cached.glyphs);
        }
    }
    // Dehinted outside the lock: other threads go on drawing meanwhile.
    let loaded = load_uncached(font, &glyphs)?;
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    match cache.iter_mut().find(|c| same(c)) {
        // Another thread cached a copy with more glyphs meanwhile: keep that one.
        Some(cached) if cached.glyphs.len() >= glyphs.len() => {}
        Some(cached) => {
            cached.glyphs = glyphs;
            cached.font = loaded.clone();
        }
        None => cache.push(Cached {
            data: font.data.clone(),
            index: font.index,
            variations: font.variations.clone(),
            glyphs,
            font: loaded.clone(),
        }),
    }
    Ok(loaded)
}

/// One krilla font for the glyphs in `used`: dehinted, or over the original bytes when the
/// rewrite does not apply (a CFF font, a face of a collection, an instance of a variable font,
/// whose variations the rewrite would drop; krilla's subsetter instantiates it).
fn load_uncached(font: &FontData, used: &BTreeSet<u16>) -> Result<Font, Error> {
    if !font.variations.is_empty() {
        let coords: Vec<(krilla::text::Tag, f32)> = font
            .variations
            .iter()
            .map(|(tag, value)| (krilla::text::Tag::new(tag), *value))
            .collect();
        return Font::new_variable(font.data.clone().into(), font.index, &coords).ok_or_else(
            || Error::Font {
                name: font.name.clone(),
            },
        );
    }
    // The display list shares font bytes behind an `Arc`; krilla takes the same `Arc`, so
    // the original bytes are never copied.
    let original = || Font::new(font.data.clone().into(), font.index);
    let dehinted = match dehint::dehint((*font.data).as_ref(), font.index, used) {
        Cow::Owned(data) => Font::new(data.into(), 0),
        Cow::Borrowed(_) => None,
    };
    // A rewrite krilla cannot read (it should not happen) falls back to the original font.
    dehinted.or_else(original).ok_or_else(|| Error::Font {
        name: font.name.clone(),
    })
}
