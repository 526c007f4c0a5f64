//! Glyph outlines for the pictures, read with skrifa from the same font bytes (and the same
//! variable-font instance) that the PDF embeds.
//!
//! Each outline is read once per picture set, in font units with y up, and placed on the page
//! by a transform: [`Outlines::placement`] gives it for one glyph of a run, including the
//! synthetic slant the PDF writer applies to a face that has no italic of its own.
//!
//! A colour emoji font (Noto Color Emoji, Apple Color Emoji) draws its glyphs as PNG bitmaps:
//! [`Outlines::bitmap`] gives the picture and where it sits, as krilla places it in the PDF
//! (bitmaps come first there too). Colour glyphs of COLR and SVG fonts are drawn from their
//! plain outlines, in the run's colour.

use std::collections::HashMap;
use std::io::Cursor;
use std::sync::Arc;

use skrifa::bitmap::{BitmapData, BitmapFormat, Origin};
use skrifa::instance::{Location, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::setting::VariationSetting;
use skrifa::{FontRef, GlyphId, MetadataProvider, Tag};
use vello_cpu::Pixmap;
use vello_cpu::kurbo::{Affine, BezPath};
use vita_layout::{Document, FontId, GlyphRun};

use crate::RenderError;

/// The slant of a synthetic italic, as the PDF writer draws it (tan 12°).
const SYNTHETIC_SLANT: f64 = 0.2126;
/// The outline stroke of a synthetic bold, as a fraction of the font size.
pub(crate) const SYNTHETIC_BOLD: f64 = 0.03;

/// The outlines of a document's glyphs, read on first use.
pub(crate) struct Outlines<'a> {
    document: &'a Document,
    faces: HashMap<usize, Face<'a>>,
}

/// One face: its parsed font, the instance to draw, and the outlines read so far.
struct Face<'a> {
    font: FontRef<'a>,
    location: Location,
    units_per_em: f64,
    glyphs: HashMap<u16, BezPath>,
    bitmaps: HashMap<u16, Option<Bitmap>>,
}

/// A bitmap glyph: its PNG file, its decoded pixels, and the transform from its pixel grid to
/// font units with y down (the glyph origin at 0, 0).
#[derive(Clone)]
pub(crate) struct Bitmap {
    pub png: Arc<Vec<u8>>,
    pub pixels: Arc<Pixmap>,
    pub transform: Affine,
}

/// Where one glyph of a run goes: the outline's transform from font units to page points,
/// and the stroke width (in font units) of a synthetic bold, if the face needs one.
pub(crate) struct Placement {
    pub transform: Affine,
    pub embolden: Option<f64>,
}

impl<'a> Outlines<'a> {
    /// Outlines for the glyphs of `document`.
    pub(crate) fn new(document: &'a Document) -> Outlines<'a> {
        Outlines {
            document,
            faces: HashMap::new(),
        }
    }

    /// The outline of glyph `id` of font `font` in font units (y up); empty for a glyph with
    /// no outline (a space). A font that cannot be read is an error: the PDF writer would
    /// have refused it too.
    pub(crate) fn glyph(&mut self, font: FontId, id: u16) -> Result<&BezPath, RenderError> {
        let face = self.face(font)?;
        let Face {
            font,
            location,
            glyphs,
            ..
        } = face;
        Ok(glyphs.entry(id).or_insert_with(|| {
            let mut pen = Pen(BezPath::new());
            if let Some(outline) = font.outline_glyphs().get(GlyphId::new(u32::from(id))) {
                let settings = DrawSettings::unhinted(Size::unscaled(), location.coords());
                // A glyph that does not draw (malformed) is left empty, as a viewer would.
                if outline.draw(settings, &mut pen).is_err() {
                    pen.0 = BezPath::new();
                }
            }
            pen.0
        }))
    }

    /// The bitmap of glyph `id` of font `font`, if the font draws it as a PNG picture.
    pub(crate) fn bitmap(&mut self, font: FontId, id: u16) -> Result<Option<Bitmap>, RenderError> {
        let face = self.face(font)?;
        let Face {
            font,
            units_per_em,
            bitmaps,
            ..
        } = face;
        let upem = *units_per_em;
        Ok(bitmaps
            .entry(id)
            .or_insert_with(|| read_bitmap(font, upem, id))
            .clone())
    }

    /// The transform placing a glyph of `run` drawn at `at` (the glyph's origin on the page,
    /// y down) and whether to embolden it.
    pub(crate) fn placement(
        &mut self,
        run: &GlyphRun,
        at: (f64, f64),
    ) -> Result<Placement, RenderError> {
        let data = &self.document.fonts[run.font.0];
        let (slant, bold) = (data.synthetic_italic, data.synthetic_bold);
        let units_per_em = self.face(run.font)?.units_per_em;
        let scale = f64::from(run.size) / units_per_em;
        // Font units are y up; the page is y down. A synthetic italic leans the glyph about
        // its baseline, as the PDF writer's skew does.
        let lean = if slant { SYNTHETIC_SLANT } else { 0.0 };
        let transform = Affine::new([scale, 0.0, lean * scale, -scale, at.0, at.1]);
        let embolden = bold.then_some(SYNTHETIC_BOLD * units_per_em);
        Ok(Placement {
            transform,
            embolden,
        })
    }

    /// The face behind `font`, parsed on first use.
    fn face(&mut self, font: FontId) -> Result<&mut Face<'a>, RenderError> {
        let document = self.document;
        match self.faces.entry(font.0) {
            std::collections::hash_map::Entry::Occupied(face) => Ok(face.into_mut()),
            std::collections::hash_map::Entry::Vacant(slot) => {
                let data = document
                    .fonts
                    .get(font.0)
                    .ok_or_else(|| RenderError::Font(format!("font #{}", font.0)))?;
                let bytes: &'a [u8] = (*data.data).as_ref();
                let parsed = FontRef::from_index(bytes, data.index)
                    .map_err(|_| RenderError::Font(data.name.clone()))?;
                let settings: Vec<VariationSetting> = data
                    .variations
                    .iter()
                    .map(|(tag, value)| VariationSetting::new(Tag::new(tag), *value))
                    .collect();
                let location = parsed.axes().location(settings);
                let units_per_em =
                    f64::from(parsed.metrics(Size::unscaled(), &location).units_per_em);
                Ok(slot.insert(Face {
                    font: parsed,
                    location,
                    // A head table claiming zero units would divide by zero.
                    units_per_em: if units_per_em > 0.0 {
                        units_per_em
                    } else {
                        1000.0
                    },
                    glyphs: HashMap::new(),
                    bitmaps: HashMap::new(),
                }))
            }
        }
    }
}

/// Glyph `id` of `font` as a PNG bitmap, placed as krilla places it (after vello): outer
/// bearings in font units, the strike's pixels scaled to font units, inner bearings in pixels.
fn read_bitmap(font: &FontRef<'_>, units_per_em: f64, id: u16) -> Option<Bitmap> {
    let strikes = font.bitmap_strikes();
    let glyph = strikes.glyph_for_size(Size::unscaled(), GlyphId::new(u32::from(id)))?;
    let BitmapData::Png(png) = glyph.data else {
        return None;
    };
    let pixels = Pixmap::from_png(Cursor::new(png)).ok()?;
    if glyph.ppem_y <= 0.0 {
        return None;
    }
    let scale = units_per_em / f64::from(glyph.ppem_y);
    let mut transform =
        Affine::translate((-f64::from(glyph.bearing_x), f64::from(glyph.bearing_y)))
            * Affine::scale(scale)
            * Affine::translate((
                -f64::from(glyph.inner_bearing_x),
                -f64::from(glyph.inner_bearing_y),
            ));
    if glyph.placement_origin == Origin::BottomLeft {
        transform *= Affine::translate((0.0, -f64::from(pixels.height())));
    }
    if strikes.format() == Some(BitmapFormat::Sbix) {
        // krilla lowers Apple's emoji by this much, as macOS does (harfbuzz issue 2679).
        transform *= Affine::translate((0.0, 0.128 * units_per_em / scale));
    }
    Some(Bitmap {
        png: Arc::new(png.to_vec()),
        pixels: Arc::new(pixels),
        transform,
    })
}

/// The glyph origins of a run, in page points (y down): each glyph's pen position plus its
/// offsets, as the PDF writer places them.
pub(crate) fn origins(run: &GlyphRun) -> impl Iterator<Item = (u16, (f64, f64))> + '_ {
    let mut x = f64::from(run.origin.x);
    let y = f64::from(run.origin.y);
    run.glyphs.iter().map(move |glyph| {
        let at = (x + f64::from(glyph.x_offset), y - f64::from(glyph.y_offset));
        x += f64::from(glyph.advance);
        (glyph.id, at)
    })
}

/// Collects skrifa's drawing commands into a kurbo path.
struct Pen(BezPath);

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to((f64::from(x), f64::from(y)));
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to((f64::from(x), f64::from(y)));
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.quad_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(x), f64::from(y)),
        );
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0.curve_to(
            (f64::from(cx0), f64::from(cy0)),
            (f64::from(cx1), f64::from(cy1)),
            (f64::from(x), f64::from(y)),
        );
    }

    fn close(&mut self) {
        self.0.close_path();
    }
}
