//! SVG pictures of a PDF's pages, converted with hayro-svg: glyphs become outlines, so the
//! picture looks the same in any browser, with no font installed.

use hayro_svg::{RenderCache, SvgRenderSettings};

use crate::RenderError;

/// One SVG document per page of `pdf`, on a white background.
pub fn pages(pdf: &[u8]) -> Result<Vec<String>, RenderError> {
    let pdf = crate::open(pdf)?;
    let cache = RenderCache::new();
    let interpreter = crate::interpreter();
    let settings = SvgRenderSettings {
        bg_color: [255, 255, 255, 255],
    };
    Ok(pdf
        .pages()
        .iter()
        .map(|page| hayro_svg::convert(page, &cache, &interpreter, &settings))
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn what_is_not_a_pdf_is_an_error() {
        assert!(super::pages(b"%PDF-1.7 broken").is_err());
    }
}
