//! PNG pictures of a document's pages, rasterised with vello_cpu on a white background.
//!
//! Glyphs are filled from their outlines ([`crate::outlines`]), rules as rectangles, a photo
//! from its decoded pixels ([`crate::images`]); links are not drawn, as in the PDF. Rendering
//! runs on one thread with fixed settings, and the PNG encoder writes no time stamp, so the
//! same document and resolution give the same bytes.

use std::sync::Arc;

use vello_cpu::color::palette::css::WHITE;
use vello_cpu::color::{AlphaColor, Srgb};
use vello_cpu::kurbo::{Affine, Rect, Stroke};
use vello_cpu::peniko::{Extend, ImageQuality, ImageSampler};
use vello_cpu::{
    Image as Paint, ImageSource, Pixmap, RasterizerSettings, RenderContext, Resources, TargetInit,
};
use vita_layout::{Color, Document, GlyphRun, Image, Item, Page};

use crate::RenderError;
use crate::outlines::{Outlines, origins};

/// The resolution used when none is asked for: 144 dpi, sharp on a high-density screen and
/// a README.
pub const DEFAULT_DPI: f32 = 144.0;

/// The largest side of a picture, in pixels: 400 MB of pixels at most.
const MAX_SIDE: f32 = 10_000.0;

/// One PNG file per page of `document`, at `dpi` pixels per inch.
pub fn pages(document: &Document, dpi: f32) -> Result<Vec<Vec<u8>>, RenderError> {
    let scale = dpi / 72.0;
    let mut outlines = Outlines::new(document);
    let mut out = Vec::with_capacity(document.pages.len());
    for (index, page) in document.pages.iter().enumerate() {
        let (width, height) = ((page.width * scale).round(), (page.height * scale).round());
        if !(1.0..=MAX_SIDE).contains(&width) || !(1.0..=MAX_SIDE).contains(&height) {
            return Err(RenderError::TooLarge {
                page: index + 1,
                width,
                height,
                dpi,
            });
        }
        let (width, height) = (width as u16, height as u16);
        let mut ctx = RenderContext::new(width, height);
        draw_page(&mut ctx, page, &mut outlines, f64::from(scale))?;
        ctx.flush();
        let mut pixmap = Pixmap::new(width, height);
        ctx.render_with(
            &mut pixmap,
            &mut Resources::default(),
            RasterizerSettings {
                target_init: TargetInit::Clear(WHITE),
                ..RasterizerSettings::default()
            },
        );
        out.push(
            pixmap
                .into_png()
                .map_err(|_| RenderError::Encode(index + 1))?,
        );
    }
    Ok(out)
}

/// Draws the items of `page`, in their order (later ones on top), at `scale` pixels a point.
fn draw_page(
    ctx: &mut RenderContext,
    page: &Page,
    outlines: &mut Outlines<'_>,
    scale: f64,
) -> Result<(), RenderError> {
    let page_transform = Affine::scale(scale);
    for item in &page.items {
        match item {
            Item::Text(run) => draw_run(ctx, run, outlines, page_transform)?,
            Item::Rule(rule) => {
                ctx.set_transform(page_transform);
                ctx.set_paint(color(rule.color));
                ctx.fill_rect(&rect(rule.rect));
            }
            Item::Image(image) => draw_image(ctx, image, page_transform),
            Item::Link(_) => {}
        }
    }
    Ok(())
}

/// Fills each glyph of `run`, and strokes it too for a synthetic bold.
fn draw_run(
    ctx: &mut RenderContext,
    run: &GlyphRun,
    outlines: &mut Outlines<'_>,
    page_transform: Affine,
) -> Result<(), RenderError> {
    for (id, at) in origins(run) {
        let placement = outlines.placement(run, at)?;
        if let Some(bitmap) = outlines.bitmap(run.font, id)? {
            // Font units y down, as the bitmap's transform expects.
            let glyph = page_transform * placement.transform * Affine::FLIP_Y * bitmap.transform;
            draw_pixels(ctx, bitmap.pixels, glyph);
            continue;
        }
        ctx.set_paint(color(run.color));
        let path = outlines.glyph(run.font, id)?;
        if path.elements().is_empty() {
            continue;
        }
        ctx.set_transform(page_transform * placement.transform);
        ctx.fill_path(path);
        if let Some(width) = placement.embolden {
            ctx.set_stroke(Stroke::new(width));
            ctx.stroke_path(path);
        }
    }
    Ok(())
}

/// Draws `image` scaled into its rectangle.
fn draw_image(ctx: &mut RenderContext, image: &Image, page_transform: Affine) {
    let r = image.rect;
    let (w, h) = (f64::from(r.width), f64::from(r.height));
    if !(w > 0.0 && h > 0.0 && r.x.is_finite() && r.y.is_finite()) {
        return;
    }
    let Some(pixels) = crate::images::decode(image) else {
        return;
    };
    let (pw, ph) = (f64::from(pixels.width()), f64::from(pixels.height()));
    let placed = Affine::translate((f64::from(r.x), f64::from(r.y)))
        * Affine::scale_non_uniform(w / pw, h / ph);
    draw_pixels(ctx, Arc::new(pixels), page_transform * placed);
}

/// Draws `pixels` with `transform` from their pixel grid to the picture's, reduced first when
/// they are far larger than the place they fill.
fn draw_pixels(ctx: &mut RenderContext, pixels: Arc<Pixmap>, transform: Affine) {
    let (pw, ph) = (f64::from(pixels.width()), f64::from(pixels.height()));
    let [a, b, c, d, _, _] = transform.as_coeffs();
    let (across, down) = (pw * a.hypot(b), ph * c.hypot(d));
    let pixels = crate::images::reduce(pixels, across, down);
    let (rw, rh) = (f64::from(pixels.width()), f64::from(pixels.height()));
    ctx.set_transform(transform * Affine::scale_non_uniform(pw / rw, ph / rh));
    ctx.set_paint(Paint {
        image: ImageSource::Pixmap(pixels),
        sampler: ImageSampler {
            x_extend: Extend::Pad,
            y_extend: Extend::Pad,
            quality: ImageQuality::Medium,
            alpha: 1.0,
        },
    });
    ctx.fill_rect(&Rect::new(0.0, 0.0, rw, rh));
}

/// A display-list rectangle as a kurbo one.
fn rect(r: vita_layout::Rect) -> Rect {
    Rect::new(
        f64::from(r.x),
        f64::from(r.y),
        f64::from(r.x + r.width),
        f64::from(r.y + r.height),
    )
}

/// An opaque sRGB colour.
fn color(c: Color) -> AlphaColor<Srgb> {
    AlphaColor::from_rgba8(c.r, c.g, c.b, 255)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vita_layout::Rule;

    /// One 144 × 72 pt page with a black square at (72, 0), 72 pt wide.
    fn square() -> Document {
        let rule = Rule {
            rect: vita_layout::Rect {
                x: 72.0,
                y: 0.0,
                width: 72.0,
                height: 72.0,
            },
            color: Color::BLACK,
        };
        Document {
            pages: vec![Page {
                width: 144.0,
                height: 72.0,
                items: vec![Item::Rule(rule)],
            }],
            fonts: Vec::new(),
            outline: Vec::new(),
            metadata: Default::default(),
            structure: Vec::new(),
        }
    }

    #[test]
    fn pixels_are_where_the_document_draws_them() {
        let pngs = pages(&square(), 72.0).unwrap();
        assert_eq!(pngs.len(), 1);
        let image = image::load_from_memory(&pngs[0]).unwrap().to_rgb8();
        assert_eq!(image.dimensions(), (144, 72));
        assert_eq!(
            image.get_pixel(20, 36).0,
            [255, 255, 255],
            "white background"
        );
        assert_eq!(image.get_pixel(100, 36).0, [0, 0, 0], "the square");
        assert_eq!(pages(&square(), 72.0).unwrap(), pngs, "deterministic");
        let double = pages(&square(), 144.0).unwrap();
        let image = image::load_from_memory(&double[0]).unwrap();
        assert_eq!((image.width(), image.height()), (288, 144));
    }

    #[test]
    fn a_huge_resolution_is_refused_not_attempted() {
        let error = pages(&square(), 100_000.0).unwrap_err();
        assert!(
            matches!(error, crate::RenderError::TooLarge { page: 1, dpi, .. } if dpi == 100_000.0),
            "{error}"
        );
        let d = error.diagnostic();
        assert_eq!(d.code, vita_layout::Code::FlagValue);
        assert_eq!(d.hints, ["choose a lower --dpi"]);
    }
}
