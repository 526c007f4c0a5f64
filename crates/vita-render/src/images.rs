//! Raster images (a résumé's photo, an emoji's bitmap) decoded for the PNG pictures: PNG with the png decoder
//! vello_cpu brings, JPEG with zune-jpeg (the decoder krilla uses for the PDF), both as
//! premultiplied RGBA.
//!
//! A photo is often far larger than the few hundred pixels it covers in a picture, and
//! bilinear sampling of a large reduction misses most of its pixels (the picture shimmers), so
//! an image more than twice as large as its place is first averaged down by a whole factor.

use std::io::Cursor;
use std::sync::Arc;

use vello_cpu::Pixmap;
use vello_cpu::color::PremulRgba8;
use vita_layout::{Image, ImageFormat};
use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::colorspace::ColorSpace;
use zune_jpeg::zune_core::options::DecoderOptions;

/// The pixels of `image`; `None` when the data does not decode (the PDF writer leaves such
/// an image out too).
pub(crate) fn decode(image: &Image) -> Option<Pixmap> {
    let bytes: &[u8] = (*image.data).as_ref();
    match image.format {
        ImageFormat::Png => Pixmap::from_png(Cursor::new(bytes)).ok(),
        ImageFormat::Jpeg => jpeg(bytes),
    }
}

/// A JPEG as an opaque pixmap. zune-jpeg is asked for RGB (a JPEG has no alpha): asked for
/// RGBA, zune-jpeg 0.5.15 writes a CMYK photo's pixels as RGB into a four-channel buffer, a
/// garbled picture. The pixels are read in the layout the decoder reports.
fn jpeg(bytes: &[u8]) -> Option<Pixmap> {
    let options = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut decoder = JpegDecoder::new_with_options(Cursor::new(bytes), options);
    let samples = decoder.decode().ok()?;
    let (width, height) = decoder.dimensions()?;
    let channels = decoder.output_colorspace()?.num_components();
    let (width, height) = (u16::try_from(width).ok()?, u16::try_from(height).ok()?);
    if !matches!(channels, 1 | 3 | 4)
        || samples.len() != usize::from(width) * usize::from(height) * channels
    {
        return None;
    }
    let mut pixmap = Pixmap::new(width, height);
    for (pixel, sample) in pixmap
        .data_mut()
        .iter_mut()
        .zip(samples.chunks_exact(channels))
    {
        let (r, g, b) = match *sample {
            [grey] => (grey, grey, grey),
            [r, g, b] | [r, g, b, _] => (r, g, b),
            _ => unreachable!("chunks of 1, 3 or 4 samples"),
        };
        *pixel = PremulRgba8 { r, g, b, a: 255 };
    }
    pixmap.set_may_have_transparency(false);
    Some(pixmap)
}

/// `pixmap` averaged down by whole factors while it is more than twice `width` × `height`;
/// the same pixmap, not a copy, when it is not.
pub(crate) fn reduce(pixmap: Arc<Pixmap>, width: f64, height: f64) -> Arc<Pixmap> {
    let factor = |from: u16, to: f64| (f64::from(from) / to.max(1.0)).floor().max(1.0) as usize;
    let (fx, fy) = (
        factor(pixmap.width(), width),
        factor(pixmap.height(), height),
    );
    if fx < 2 && fy < 2 {
        return pixmap;
    }
    let (w, h) = (usize::from(pixmap.width()), usize::from(pixmap.height()));
    let (out_w, out_h) = (w / fx, h / fy);
    let mut out = Pixmap::new(out_w as u16, out_h as u16);
    let src = pixmap.data();
    let count = (fx * fy) as u32;
    for (row, out_row) in out.data_mut().chunks_exact_mut(out_w).enumerate() {
        for (col, pixel) in out_row.iter_mut().enumerate() {
            let mut sum = [0u32; 4];
            for y in row * fy..(row + 1) * fy {
                for p in &src[y * w + col * fx..y * w + (col + 1) * fx] {
                    sum[0] += u32::from(p.r);
                    sum[1] += u32::from(p.g);
                    sum[2] += u32::from(p.b);
                    sum[3] += u32::from(p.a);
                }
            }
            let mean = |s: u32| ((s + count / 2) / count) as u8;
            *pixel = PremulRgba8 {
                r: mean(sum[0]),
                g: mean(sum[1]),
                b: mean(sum[2]),
                a: mean(sum[3]),
            };
        }
    }
    out.set_may_have_transparency(pixmap.may_have_transparency());
    Arc::new(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_image_is_averaged_down_by_whole_factors() {
        let mut big = Pixmap::new(8, 4);
        for (i, p) in big.data_mut().iter_mut().enumerate() {
            // Alternating black and white columns average to mid grey.
            let v = if i % 2 == 0 { 0 } else { 255 };
            *p = PremulRgba8 {
                r: v,
                g: v,
                b: v,
                a: 255,
            };
        }
        let small = reduce(Arc::new(big), 2.0, 2.0);
        assert_eq!((small.width(), small.height()), (2, 2));
        assert!(small.data().iter().all(|p| p.r == 128 && p.a == 255));
        let same = reduce(Arc::new(Pixmap::new(3, 3)), 2.0, 2.0);
        assert_eq!(
            (same.width(), same.height()),
            (3, 3),
            "less than twice: kept"
        );
    }
}
