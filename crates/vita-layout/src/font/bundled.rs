//! The font files compiled into the binary, so that Vita works on a machine with no fonts.
//!
//! Charis SIL (serif, after Bitstream Charter) and Lato (sans), both under the SIL Open Font
//! Licence; the licences sit beside the files in `fonts/`. "Vita Icons" is a subset of Font
//! Awesome 4.7 (OFL too) that draws icons (`crate::icons`); fallback finds it for their
//! private-use characters.

use super::Variant;

/// A bundled font file and where it belongs.
pub(super) struct Bundled {
    pub family: &'static str,
    pub variant: Variant,
    pub name: &'static str,
    pub data: &'static [u8],
}

const fn v(bold: bool, italic: bool) -> Variant {
    Variant { bold, italic }
}

macro_rules! font {
    ($family:literal, $variant:expr, $name:literal, $path:literal) => {
        Bundled {
            family: $family,
            variant: $variant,
            name: $name,
            data: include_bytes!(concat!("../../../../fonts/", $path)),
        }
    };
}

pub(super) static FACES: &[Bundled] = &[
    font!(
        "Charis SIL",
        v(false, false),
        "Charis SIL Regular",
        "charis/CharisSIL-Regular.ttf"
    ),
    font!(
        "Charis SIL",
        v(false, true),
        "Charis SIL Italic",
        "charis/CharisSIL-Italic.ttf"
    ),
    font!(
        "Charis SIL",
        v(true, false),
        "Charis SIL Bold",
        "charis/CharisSIL-Bold.ttf"
    ),
    font!(
        "Charis SIL",
        v(true, true),
        "Charis SIL Bold Italic",
        "charis/CharisSIL-BoldItalic.ttf"
    ),
    font!(
        "Lato",
        v(false, false),
        "Lato Regular",
        "lato/Lato-Regular.ttf"
    ),
    font!(
        "Lato",
        v(false, true),
        "Lato Italic",
        "lato/Lato-Italic.ttf"
    ),
    font!("Lato", v(true, false), "Lato Bold", "lato/Lato-Bold.ttf"),
    font!(
        "Vita Icons",
        v(false, false),
        "Vita Icons",
        "icons/vita-icons.ttf"
    ),
    font!(
        "Lato",
        v(true, true),
        "Lato Bold Italic",
        "lato/Lato-BoldItalic.ttf"
    ),
];
