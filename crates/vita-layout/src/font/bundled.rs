//! The font files compiled into the binary, so that Vita works on a machine with no fonts.
//!
//! Six families, all under the SIL Open Font Licence (the licences sit beside the files in
//! `fonts/`): Charis SIL (serif, after Bitstream Charter), Vollkorn (serif), Lato, Inter and
//! Noto Sans (sans) and JetBrains Mono (monospace, for code). `fonts/update.sh` re-creates the
//! files from Debian's packages. "Vita Icons" is a 16 KB subset of Font Awesome 4.7 (OFL too)
//! that draws the header's icons (`crate::icons`), stored as it is.
//!
//! Every file but three of Charis SIL's is stored compressed with zstd (about 42% of its size),
//! and decompressed the first time a résumé uses one of its faces. Charis SIL, the default
//! family, is stored as it is: decompressing the three faces the seed uses made a cold build
//! of the seed 5 ms of CPU slower (docs/performance.md). Its bold italic, which few résumés
//! use, is compressed like the other families. Vollkorn, Noto Sans and JetBrains Mono, whose
//! licences reserve no font name, are stored without their TrueType hinting
//! (`fonts/dehint.py`), which no PDF uses; Charis SIL and Lato reserve theirs, and stay as
//! Debian ships them. Inter comes as two variable fonts (upright
//! and italic); its regular and bold faces are instances of one file at weights 400 and 700.

use std::sync::{Arc, OnceLock};

use super::Variant;
use crate::display::FontBytes;

/// A font file in the binary.
pub(crate) struct File {
    /// The file's name in `fonts/`, without `.zst`.
    pub name: &'static str,
    /// The bytes as stored.
    pub stored: &'static [u8],
    /// Whether they are zstd-compressed.
    pub compressed: bool,
}

/// A bundled face: a file, and the weight to set it at when the file is a variable font.
pub(crate) struct Bundled {
    pub family: &'static str,
    pub variant: Variant,
    pub name: &'static str,
    /// Index into [`FILES`].
    pub file: usize,
    /// The `wght` axis value, for a variable font.
    pub weight: Option<f32>,
}

macro_rules! file {
    ($path:literal) => {
        File {
            name: $path,
            stored: include_bytes!(concat!("../../../../fonts/", $path, ".zst")),
            compressed: true,
        }
    };
    ($path:literal, raw) => {
        File {
            name: $path,
            stored: include_bytes!(concat!("../../../../fonts/", $path)),
            compressed: false,
        }
    };
}

/// The compressed files, in the order [`FACES`] points into.
pub(crate) static FILES: &[File] = &[
    file!("charis/CharisSIL-Regular.ttf", raw),
    file!("charis/CharisSIL-Italic.ttf", raw),
    file!("charis/CharisSIL-Bold.ttf", raw),
    file!("charis/CharisSIL-BoldItalic.ttf"),
    file!("lato/Lato-Regular.ttf"),
    file!("lato/Lato-Italic.ttf"),
    file!("lato/Lato-Bold.ttf"),
    file!("lato/Lato-BoldItalic.ttf"),
    file!("vollkorn/Vollkorn-Regular.ttf"),
    file!("vollkorn/Vollkorn-Italic.ttf"),
    file!("vollkorn/Vollkorn-Bold.ttf"),
    file!("vollkorn/Vollkorn-BoldItalic.ttf"),
    file!("inter/Inter-roman.var.ttf"),
    file!("inter/Inter-italic.var.ttf"),
    file!("noto-sans/NotoSans-Regular.ttf"),
    file!("noto-sans/NotoSans-Italic.ttf"),
    file!("noto-sans/NotoSans-Bold.ttf"),
    file!("noto-sans/NotoSans-BoldItalic.ttf"),
    file!("jetbrains-mono/JetBrainsMono-Regular.ttf"),
    file!("jetbrains-mono/JetBrainsMono-Italic.ttf"),
    file!("jetbrains-mono/JetBrainsMono-Bold.ttf"),
    file!("jetbrains-mono/JetBrainsMono-BoldItalic.ttf"),
    file!("icons/vita-icons.ttf", raw),
];

const fn v(bold: bool, italic: bool) -> Variant {
    Variant { bold, italic }
}

const REGULAR: Variant = v(false, false);
const ITALIC: Variant = v(false, true);
const BOLD: Variant = v(true, false);
const BOLD_ITALIC: Variant = v(true, true);

/// A family of four static files, `first` being the regular one, then italic, bold, bold
/// italic.
const fn face(family: &'static str, name: &'static str, variant: Variant, file: usize) -> Bundled {
    Bundled {
        family,
        variant,
        name,
        file,
        weight: None,
    }
}

/// Every bundled face. Charis SIL comes first: it is the default family and the first
/// fallback for characters another family lacks.
pub(crate) static FACES: &[Bundled] = &[
    face("Charis SIL", "Charis SIL Regular", REGULAR, 0),
    face("Charis SIL", "Charis SIL Italic", ITALIC, 1),
    face("Charis SIL", "Charis SIL Bold", BOLD, 2),
    face("Charis SIL", "Charis SIL Bold Italic", BOLD_ITALIC, 3),
    face("Lato", "Lato Regular", REGULAR, 4),
    face("Lato", "Lato Italic", ITALIC, 5),
    face("Lato", "Lato Bold", BOLD, 6),
    face("Lato", "Lato Bold Italic", BOLD_ITALIC, 7),
    face("Vollkorn", "Vollkorn Regular", REGULAR, 8),
    face("Vollkorn", "Vollkorn Italic", ITALIC, 9),
    face("Vollkorn", "Vollkorn Bold", BOLD, 10),
    face("Vollkorn", "Vollkorn Bold Italic", BOLD_ITALIC, 11),
    Bundled {
        weight: Some(400.0),
        ..face("Inter", "Inter Regular", REGULAR, 12)
    },
    Bundled {
        weight: Some(400.0),
        ..face("Inter", "Inter Italic", ITALIC, 13)
    },
    Bundled {
        weight: Some(700.0),
        ..face("Inter", "Inter Bold", BOLD, 12)
    },
    Bundled {
        weight: Some(700.0),
        ..face("Inter", "Inter Bold Italic", BOLD_ITALIC, 13)
    },
    face("Noto Sans", "Noto Sans Regular", REGULAR, 14),
    face("Noto Sans", "Noto Sans Italic", ITALIC, 15),
    face("Noto Sans", "Noto Sans Bold", BOLD, 16),
    face("Noto Sans", "Noto Sans Bold Italic", BOLD_ITALIC, 17),
    face("JetBrains Mono", "JetBrains Mono Regular", REGULAR, 18),
    face("JetBrains Mono", "JetBrains Mono Italic", ITALIC, 19),
    face("JetBrains Mono", "JetBrains Mono Bold", BOLD, 20),
    face(
        "JetBrains Mono",
        "JetBrains Mono Bold Italic",
        BOLD_ITALIC,
        21,
    ),
    face("Vita Icons", "Vita Icons", REGULAR, 22),
];

/// Families whose running text must not get ligatures (code: `fi` and `->` stay as typed).
pub(crate) const MONOSPACED: &[&str] = &["JetBrains Mono"];

/// Decompressed files, each decompressed once per process and shared by the faces (and font
/// books) that use it.
static DECOMPRESSED: [OnceLock<Option<FontBytes>>; 23] = [const { OnceLock::new() }; 23];

/// The bytes of file `index` of [`FILES`], decompressed on first use. `None` only if the
/// compressed data were damaged, which the tests rule out for the files shipped.
pub(crate) fn file_bytes(index: usize) -> Option<FontBytes> {
    let file = FILES.get(index)?;
    if !file.compressed {
        return Some(Arc::new(file.stored) as FontBytes);
    }
    DECOMPRESSED
        .get(index)?
        .get_or_init(|| {
            // One call into a buffer of the exact size the frame header gives.
            let size = zstd::zstd_safe::get_frame_content_size(file.stored).ok()??;
            let bytes = zstd::bulk::decompress(file.stored, usize::try_from(size).ok()?).ok()?;
            Some(Arc::new(bytes) as FontBytes)
        })
        .clone()
}

/// The decompressed bytes of the bundled file named `name` (`"Lato-Regular.ttf"`), for tests
/// and tools outside this crate.
pub fn bundled_file(name: &str) -> Option<Vec<u8>> {
    let index = FILES
        .iter()
        .position(|f| f.name.rsplit('/').next() == Some(name))?;
    file_bytes(index).map(|data| (*data).as_ref().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_decompresses_to_a_font_with_its_faces() {
        assert_eq!(FILES.len(), DECOMPRESSED.len());
        for (index, file) in FILES.iter().enumerate() {
            let data = file_bytes(index).unwrap_or_else(|| panic!("{} decompresses", file.name));
            let bytes: &[u8] = (*data).as_ref();
            if file.compressed {
                assert!(
                    bytes.len() > 2 * file.stored.len(),
                    "{}: {} bytes from {}",
                    file.name,
                    bytes.len(),
                    file.stored.len()
                );
            }
            assert!(
                harfrust::Font::new(data.clone(), 0).is_some(),
                "{}",
                file.name
            );
        }
        for face in FACES {
            assert!(face.file < FILES.len(), "{}", face.name);
        }
    }

    #[test]
    fn bundled_file_finds_files_by_name() {
        let lato = bundled_file("Lato-Regular.ttf").expect("Lato");
        assert_eq!(lato.len(), 661_592);
        assert!(bundled_file("Missing.ttf").is_none());
    }
}
