//! Raster images (the résumé's photo): decoded by krilla from PNG or JPEG and scaled into
//! their rectangle.

use krilla::geom::{Size, Transform};
use krilla::image::Image as PdfImage;
use krilla::surface::Surface;
use vita_layout::{Image, ImageFormat};

/// The krilla image for `image`, or why it cannot be read.
pub(crate) fn load(image: &Image) -> Result<PdfImage, &'static str> {
    let finite = [
        image.rect.x,
        image.rect.y,
        image.rect.width,
        image.rect.height,
    ]
    .iter()
    .all(|v| v.is_finite());
    if !finite || image.rect.width <= 0.0 || image.rect.height <= 0.0 {
        return Err("image has an empty or non-finite rectangle");
    }
    let data = image.data.clone().into();
    let decoded = match image.format {
        ImageFormat::Png => PdfImage::from_png(data, true),
        ImageFormat::Jpeg => PdfImage::from_jpeg(data, true),
    };
    decoded.map_err(|_| "image data could not be decoded")
}

/// Draws `image` (checked by [`load`]) at its rectangle.
pub(crate) fn draw(surface: &mut Surface<'_>, image: &Image) {
    let Ok(pdf_image) = load(image) else {
        return;
    };
    let Some(size) = Size::from_wh(image.rect.width, image.rect.height) else {
        return;
    };
    surface.push_transform(&Transform::from_translate(image.rect.x, image.rect.y));
    surface.draw_image(pdf_image, size);
    surface.pop();
}
