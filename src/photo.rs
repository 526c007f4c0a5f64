//! Reading the résumé's photo: a local PNG or JPEG beside the résumé, bounded in size, never
//! outside the résumé's folder. Problems are warnings: the résumé builds without the photo.

use std::path::{Component, Path};
use std::sync::Arc;

use vita_layout::{Image, ImageFormat, PhotoData, Rect};

use crate::diagnostics::{Code, Diagnostic};

/// Largest photo file read.
const MAX_BYTES: u64 = 8 * 1024 * 1024;
/// Largest photo in pixels (a 40-megapixel camera image).
const MAX_PIXELS: u64 = 40_000_000;

/// [`load`]ed from the folder of `source`, or `None` with its warning added to `warnings`
/// (the résumé or letter then builds without the picture).
pub fn load_or_warn(
    source: &crate::source::Source,
    photo: &vita_model::Photo,
    what: &str,
    warnings: &mut Vec<crate::diagnostics::Located>,
) -> Option<PhotoData> {
    load(&source.path, photo, what)
        .map_err(|warning| warnings.push(source.locate(warning)))
        .ok()
}

/// Reads `photo` (the résumé's photo, or a letter's signature: `what` names it), relative to
/// the folder of `resume`. `Err` is the warning to give (V0406), placed at the picture's
/// reference in the file that names it.
pub fn load(resume: &Path, photo: &vita_model::Photo, what: &str) -> Result<PhotoData, Diagnostic> {
    let shown = photo.path.display();
    let refused =
        |message: String| Diagnostic::warning(Code::Photo, message).at(photo.span.clone());
    let outside = || {
        refused(format!(
            "the {what} '{shown}' is outside the résumé's folder and is left out"
        ))
        .with_hint("put it beside the résumé")
    };
    if photo.path.is_absolute()
        || photo
            .path
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
    {
        return Err(outside());
    }
    let folder = resume
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let path = folder.join(&photo.path);
    // Links may still lead out of the folder: compare the real paths.
    let (Ok(real), Ok(root)) = (path.canonicalize(), folder.canonicalize()) else {
        return Err(refused(format!(
            "the {what} '{shown}' was not found and is left out"
        )));
    };
    if !real.starts_with(&root) {
        return Err(outside());
    }
    let data = crate::read::capped(&real, MAX_BYTES).map_err(|e| {
        refused(match e {
            crate::read::Error::TooLarge | crate::read::Error::Endless => format!(
                "the {what} '{shown}' is larger than the {} MB allowed; it is left out",
                MAX_BYTES / (1024 * 1024)
            ),
            crate::read::Error::Io(e) => format!(
                "the {what} '{shown}' could not be read ({}); it is left out",
                crate::os_error::worded(&e)
            ),
            _ => format!("the {what} '{shown}' is not a file (a pipe or device?); it is left out"),
        })
    })?;
    let (format, width, height) = dimensions(&data).ok_or_else(|| {
        refused(format!(
            "the {what} '{shown}' is not a PNG or JPEG image; it is left out"
        ))
    })?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS || width == 0 || height == 0 {
        return Err(refused(format!(
            "the {what} '{shown}' is {width}×{height} pixels, more than the {} megapixels allowed",
            MAX_PIXELS / 1_000_000
        ))
        .with_hint("scale it down"));
    }
    if !complete(format, &data) {
        return Err(refused(format!(
            "the {what} '{shown}' is cut short or damaged (its data ends early); it is left out"
        )));
    }
    Ok(PhotoData {
        image: Image {
            rect: Rect::default(),
            data: Arc::new(data),
            format,
            alt: photo.alt.clone(),
        },
        width,
        height,
    })
}

/// Whether a PNG's chunks run whole to `IEND`, or a JPEG ends with its end-of-image marker:
/// a file cut short (an interrupted download) would otherwise fail deep in the PDF writer.
fn complete(format: ImageFormat, data: &[u8]) -> bool {
    match format {
        ImageFormat::Jpeg => {
            let end = data.len().saturating_sub(64);
            data[end..].windows(2).any(|w| w == [0xFF, 0xD9])
        }
        ImageFormat::Png => {
            let mut at = 8;
            let mut has_data = false;
            while let Some(header) = data.get(at..at + 8) {
                let length = u32::from_be_bytes([header[0], header[1], header[2], header[3]]);
                let kind = &header[4..8];
                let Some(next) = (length as usize).checked_add(at + 12) else {
                    return false;
                };
                if next > data.len() {
                    return false;
                }
                has_data |= kind == b"IDAT";
                if kind == b"IEND" {
                    return has_data;
                }
                at = next;
            }
            false
        }
    }
}

/// The format and pixel size of a PNG or JPEG file, read from its header.
fn dimensions(data: &[u8]) -> Option<(ImageFormat, u32, u32)> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        let be = |at: usize| Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?));
        return Some((ImageFormat::Png, be(16)?, be(20)?));
    }
    if !data.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    // Walk the JPEG segments to the frame header (SOF0–SOF15 except DHT, JPG, DAC).
    let mut at = 2;
    while at + 4 <= data.len() {
        if data[at] != 0xFF {
            return None;
        }
        let marker = data[at + 1];
        let length = usize::from(u16::from_be_bytes([data[at + 2], data[at + 3]]));
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = u16::from_be_bytes([*data.get(at + 5)?, *data.get(at + 6)?]);
            let width = u16::from_be_bytes([*data.get(at + 7)?, *data.get(at + 8)?]);
            return Some((ImageFormat::Jpeg, u32::from(width), u32::from(height)));
        }
        at += 2 + length;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_and_jpeg_sizes_come_from_their_headers() {
        let png = include_bytes!("../tests/fixtures/photo.png");
        assert_eq!(dimensions(png), Some((ImageFormat::Png, 60, 80)));
        // A minimal JPEG header: SOI, APP0 (length 4), SOF0 with 120×90.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00,
            0x5A, 0x00, 0x78,
        ];
        assert_eq!(dimensions(&jpeg), Some((ImageFormat::Jpeg, 120, 90)));
        assert_eq!(dimensions(b"GIF89a"), None);
        assert_eq!(dimensions(&[0xFF, 0xD8, 0xFF]), None);
    }

    #[test]
    fn cut_short_images_are_told_apart_from_whole_ones() {
        let png = include_bytes!("../tests/fixtures/photo.png");
        assert!(complete(ImageFormat::Png, png));
        assert!(!complete(ImageFormat::Png, &png[..png.len() / 2]));
        assert!(!complete(ImageFormat::Png, &png[..png.len() - 1]));
        assert!(complete(ImageFormat::Jpeg, &[0xFF, 0xD8, 0x00, 0xFF, 0xD9]));
        assert!(!complete(ImageFormat::Jpeg, &[0xFF, 0xD8, 0x00, 0x00]));
    }

    #[test]
    fn photos_outside_the_folder_are_refused() {
        let photo = |p: &str| vita_model::Photo {
            path: p.into(),
            alt: String::new(),
            span: 0..0,
        };
        let resume = Path::new("tests/fixtures/seed-resume.md");
        for path in ["../../etc/passwd", "/etc/passwd", "../fixtures/photo.png"] {
            let err = load(resume, &photo(path), "photo").unwrap_err();
            assert_eq!(err.code, Code::Photo);
            // Refused for where it is: the hint says where it must be.
            assert_eq!(err.hints, ["put it beside the résumé"], "{path}: {err}");
        }
        let missing = load(resume, &photo("missing.png"), "signature").unwrap_err();
        assert_eq!((missing.code, missing.hints.len()), (Code::Photo, 0));
        assert!(
            missing.message.starts_with("the signature 'missing.png'"),
            "{missing}"
        );
        let ok = load(resume, &photo("photo.png"), "photo").unwrap();
        assert_eq!((ok.width, ok.height), (60, 80));
    }
}
