//! SVG pictures of a document's pages: glyphs become outlines (each defined once and placed
//! with `<use>`), so the picture looks the same in any browser, with no font installed.
//!
//! Coordinates are the page's points (y down), so `viewBox` is the page size. A colour emoji
//! drawn as a PNG bitmap is embedded once per page, as it is, and placed like a glyph. Output is
//! deterministic: glyphs are defined in the order a page first uses them.

use std::collections::HashSet;
use std::fmt::Write;

use base64::Engine;
use vello_cpu::kurbo::{Affine, BezPath, PathEl};
use vita_layout::{Color, Document, GlyphRun, Image, ImageFormat, Item, Page, Rect};

use crate::RenderError;
use crate::outlines::{Outlines, origins};

/// One SVG document per page of `document`, on a white background.
pub fn pages(document: &Document) -> Result<Vec<String>, RenderError> {
    let mut outlines = Outlines::new(document);
    document
        .pages
        .iter()
        .map(|page| page_svg(page, &mut outlines))
        .collect()
}

/// The SVG of one page.
fn page_svg(page: &Page, outlines: &mut Outlines<'_>) -> Result<String, RenderError> {
    let mut defs = String::new();
    let mut defined: HashSet<(usize, u16)> = HashSet::new();
    let mut body = String::new();
    for item in &page.items {
        match item {
            Item::Text(run) => draw_run(&mut body, &mut defs, &mut defined, run, outlines)?,
            Item::Rule(rule) => {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    num(rule.rect.x.into()),
                    num(rule.rect.y.into()),
                    num(rule.rect.width.into()),
                    num(rule.rect.height.into()),
                    hex(rule.color)
                );
            }
            Item::Image(image) => draw_image(&mut body, image),
            Item::Link(_) => {}
        }
    }
    let (w, h) = (num(page.width.into()), num(page.height.into()));
    let mut svg = format!(
        "<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         style=\"background-color: #fff\">\n"
    );
    if !defs.is_empty() {
        let _ = write!(svg, "<defs>\n{defs}</defs>\n");
    }
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    Ok(svg)
}

/// Places each glyph of `run`, defining its outline the first time the page uses it.
fn draw_run(
    body: &mut String,
    defs: &mut String,
    defined: &mut HashSet<(usize, u16)>,
    run: &GlyphRun,
    outlines: &mut Outlines<'_>,
) -> Result<(), RenderError> {
    let fill = hex(run.color);
    for (id, at) in origins(run) {
        let placement = outlines.placement(run, at)?;
        if let Some(bitmap) = outlines.bitmap(run.font, id)? {
            let name = format!("b{}-{id}", run.font.0);
            if defined.insert((run.font.0, id)) {
                let png = base64::engine::general_purpose::STANDARD.encode(bitmap.png.as_slice());
                let _ = writeln!(
                    defs,
                    r#"<image id="{name}" transform="{}" width="{}" height="{}" xlink:href="data:image/png;base64,{png}"/>"#,
                    matrix(bitmap.transform),
                    bitmap.pixels.width(),
                    bitmap.pixels.height()
                );
            }
            // Font units y down, as the bitmap's transform expects.
            let _ = writeln!(
                body,
                r##"<use xlink:href="#{name}" transform="{}"/>"##,
                matrix(placement.transform * Affine::FLIP_Y)
            );
            continue;
        }
        let path = outlines.glyph(run.font, id)?;
        if path.elements().is_empty() {
            continue;
        }
        let name = format!("g{}-{id}", run.font.0);
        if defined.insert((run.font.0, id)) {
            let _ = writeln!(defs, r#"<path id="{name}" d="{}"/>"#, path_data(path));
        }
        let stroke = match placement.embolden {
            Some(width) => format!(r#" stroke="{fill}" stroke-width="{}""#, num(width)),
            None => String::new(),
        };
        let _ = writeln!(
            body,
            r##"<use xlink:href="#{name}" transform="{}" fill="{fill}"{stroke}/>"##,
            matrix(placement.transform)
        );
    }
    Ok(())
}

/// Embeds `image`'s file as it is, stretched to its rectangle as the PDF draws it.
fn draw_image(body: &mut String, image: &Image) {
    let Rect {
        x,
        y,
        width,
        height,
    } = image.rect;
    let mime = match image.format {
        ImageFormat::Png => "image/png",
        ImageFormat::Jpeg => "image/jpeg",
    };
    let data = base64::engine::general_purpose::STANDARD.encode((*image.data).as_ref());
    let _ = writeln!(
        body,
        r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" xlink:href="data:{mime};base64,{data}"/>"#,
        num(x.into()),
        num(y.into()),
        num(width.into()),
        num(height.into()),
    );
}

/// SVG path data for an outline in font units.
fn path_data(path: &BezPath) -> String {
    let mut d = String::new();
    let p = |d: &mut String, point: vello_cpu::kurbo::Point| {
        let _ = write!(d, "{} {} ", num(point.x), num(point.y));
    };
    for element in path.elements() {
        match *element {
            PathEl::MoveTo(a) => {
                d.push('M');
                p(&mut d, a);
            }
            PathEl::LineTo(a) => {
                d.push('L');
                p(&mut d, a);
            }
            PathEl::QuadTo(a, b) => {
                d.push('Q');
                p(&mut d, a);
                p(&mut d, b);
            }
            PathEl::CurveTo(a, b, c) => {
                d.push('C');
                p(&mut d, a);
                p(&mut d, b);
                p(&mut d, c);
            }
            PathEl::ClosePath => d.push_str("Z "),
        }
    }
    d.truncate(d.trim_end().len());
    d
}

/// An affine transform as an SVG `matrix(…)`, with the precision a glyph scale needs.
fn matrix(t: Affine) -> String {
    let [a, b, c, d, e, f] = t.as_coeffs();
    let fine = |v: f64| trimmed(format!("{v:.6}"));
    format!(
        "matrix({} {} {} {} {} {})",
        fine(a),
        fine(b),
        fine(c),
        fine(d),
        num(e),
        num(f)
    )
}

/// A coordinate to a thousandth, without trailing zeros.
fn num(v: f64) -> String {
    trimmed(format!("{v:.3}"))
}

/// `s` without the trailing zeros (and point) of a fixed-precision number; never `-0`.
fn trimmed(mut s: String) -> String {
    if s.contains('.') {
        s.truncate(s.trim_end_matches('0').trim_end_matches('.').len());
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

/// `#rrggbb`.
fn hex(c: Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(0.5), "0.5");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(59.228_99), "59.229");
        assert_eq!(matrix(Affine::scale(0.012)), "matrix(0.012 0 0 0.012 0 0)");
    }
}
