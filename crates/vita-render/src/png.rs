//! PNG pictures of a PDF's pages, rasterised with hayro on a white background.
//!
//! Rendering runs on one thread with fixed settings, and the PNG encoder writes no time stamp,
//! so the same PDF and resolution give the same bytes.

use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

use crate::RenderError;

/// The resolution used when none is asked for: 144 dpi, sharp on a high-density screen and
/// a README.
pub const DEFAULT_DPI: f32 = 144.0;

/// The largest side of a picture, in pixels: 400 MB of pixels at most.
const MAX_SIDE: f32 = 10_000.0;

/// One PNG file per page of `pdf`, at `dpi` pixels per inch.
pub fn pages(pdf: &[u8], dpi: f32) -> Result<Vec<Vec<u8>>, RenderError> {
    let pdf = crate::open(pdf)?;
    let cache = RenderCache::new();
    let interpreter = crate::interpreter();
    let settings = RenderSettings {
        hinting: false,
        ..RenderSettings::default()
    };
    let scale = dpi / 72.0;
    let pixmap = PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
    };
    let mut out = Vec::new();
    for (index, page) in pdf.pages().iter().enumerate() {
        let (width, height) = page.render_dimensions();
        let (width, height) = (width * scale, height * scale);
        if !(1.0..=MAX_SIDE).contains(&width) || !(1.0..=MAX_SIDE).contains(&height) {
            return Err(RenderError::TooLarge {
                page: index + 1,
                width,
                height,
                dpi,
            });
        }
        let rendered = hayro::render(page, &cache, &interpreter, &settings, &pixmap);
        let png = rendered
            .into_png()
            .map_err(|_| RenderError::Encode(index + 1))?;
        out.push(png);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vita_layout::{Color, Document, Item, Page, Rect, Rule};

    /// A PDF of one 144 × 72 pt page with a black square at (72, 0), 72 pt wide.
    fn square_pdf() -> Vec<u8> {
        let rule = Rule {
            rect: Rect {
                x: 72.0,
                y: 0.0,
                width: 72.0,
                height: 72.0,
            },
            color: Color::BLACK,
        };
        let document = Document {
            pages: vec![Page {
                width: 144.0,
                height: 72.0,
                items: vec![Item::Rule(rule)],
            }],
            fonts: Vec::new(),
            outline: Vec::new(),
            metadata: Default::default(),
            structure: Vec::new(),
        };
        vita_pdf::pdf(&document, &vita_pdf::PdfOptions::default()).unwrap()
    }

    #[test]
    fn pixels_are_where_the_pdf_draws_them() {
        let pngs = pages(&square_pdf(), 72.0).unwrap();
        assert_eq!(pngs.len(), 1);
        let image = image::load_from_memory(&pngs[0]).unwrap().to_rgb8();
        assert_eq!(image.dimensions(), (144, 72));
        assert_eq!(
            image.get_pixel(20, 36).0,
            [255, 255, 255],
            "white background"
        );
        assert_eq!(image.get_pixel(100, 36).0, [0, 0, 0], "the square");
        assert_eq!(pages(&square_pdf(), 72.0).unwrap(), pngs, "deterministic");
        let double = pages(&square_pdf(), 144.0).unwrap();
        let image = image::load_from_memory(&double[0]).unwrap();
        assert_eq!((image.width(), image.height()), (288, 144));
    }

    #[test]
    fn a_huge_resolution_is_refused_not_attempted() {
        let error = pages(&square_pdf(), 100_000.0).unwrap_err();
        assert!(
            matches!(error, crate::RenderError::TooLarge { page: 1, dpi, .. } if dpi == 100_000.0),
            "{error}"
        );
        let d = error.diagnostic();
        assert_eq!(d.code, vita_layout::Code::FlagValue);
        assert_eq!(d.hints, ["choose a lower --dpi"]);
        assert!(pages(b"not a pdf", 72.0).is_err());
    }
}
