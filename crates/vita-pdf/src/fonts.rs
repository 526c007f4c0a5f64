//! One krilla [`Font`] per [`FontData`] of the display list.
//!
//! krilla keys its font subsets on the `Font` value, so every run in the same face must draw
//! with the same `Font`: a second `Font::new` over the same bytes would embed a second subset.

use krilla::text::Font;
use vita_layout::{FontData, FontId};

use crate::Error;

/// The document's fonts, parsed once, indexed like [`vita_layout::Document::fonts`].
pub(crate) struct FontSet {
    fonts: Vec<Font>,
}

impl FontSet {
    /// Parses every font up front, so an unreadable file fails before any page is drawn.
    pub(crate) fn new(fonts: &[FontData]) -> Result<Self, Error> {
        let fonts = fonts
            .iter()
            .map(|font| {
                // The display list shares font bytes behind an `Arc`; krilla takes the same
                // `Arc`, so nothing is copied.
                Font::new(font.data.clone().into(), font.index).ok_or_else(|| Error::Font {
                    name: font.name.clone(),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self { fonts })
    }

    /// The font for `id`, or `None` when the display list names a font it does not have.
    pub(crate) fn get(&self, id: FontId) -> Option<&Font> {
        self.fonts.get(id.0)
    }

    /// How many fonts there are, for error messages.
    pub(crate) fn len(&self) -> usize {
        self.fonts.len()
    }
}
