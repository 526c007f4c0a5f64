//! One krilla [`Font`] per [`FontData`] of the display list.
//!
//! krilla keys its font subsets on the `Font` value, so every run in the same face must draw
//! with the same `Font`: a second `Font::new` over the same bytes would embed a second subset.
//!
//! Each font drawn from is first [`dehint`]ed, for a smaller file.

mod dehint;

use std::borrow::Cow;
use std::collections::BTreeSet;

use krilla::text::Font;
use vita_layout::{Document, FontData, FontId, Item};

use crate::Error;

/// The document's fonts, parsed once, indexed like [`vita_layout::Document::fonts`].
pub(crate) struct FontSet {
    /// `None` for fonts no run draws from: they are neither parsed nor embedded (a layout
    /// lists its whole font book, fallback slots included, most of it unused).
    fonts: Vec<Option<Font>>,
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
                    load(font, used).map(Some)
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { fonts })
    }

    /// The font for `id`, or `None` when the display list names a font it does not have.
    pub(crate) fn get(&self, id: FontId) -> Option<&Font> {
        self.fonts.get(id.0)?.as_ref()
    }

    /// How many fonts there are, for error messages.
    pub(crate) fn len(&self) -> usize {
        self.fonts.len()
    }
}

/// One krilla font for the glyphs in `used`: dehinted, or over the original bytes when the
/// rewrite does not apply (a CFF font, a face of a collection).
fn load(font: &FontData, used: &BTreeSet<u16>) -> Result<Font, Error> {
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
