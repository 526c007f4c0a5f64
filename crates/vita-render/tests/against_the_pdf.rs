//! The pictures are drawn from the display list; these tests check that they show what the
//! PDF shows. Each document is written as a PDF with vita-pdf and rasterised by hayro (a PDF
//! renderer independent of ours), then compared with our PNG of the same display list, page
//! by page: the ink must sit in the same places, in the same amount.

use std::sync::Arc;

use vita_layout::{
    Document, FontBook, Image, ImageFormat, Item, Layout, LayoutOptions, Rect, layout,
};

/// The resolution of the comparison.
const DPI: f32 = 72.0;

/// The seed résumé laid out with the built-in layout `name`.
fn seed(name: &str) -> Document {
    let markdown = include_str!("../../../tests/fixtures/seed-resume.md");
    let parsed = vita_model::parse_markdown(markdown).expect("the seed parses");
    let chosen = Layout::builtin(name).expect("a built-in layout");
    let book = FontBook::with_fallback(Vec::new(), false);
    layout(&parsed.resume, &chosen, &book, &LayoutOptions::default())
        .expect("the seed lays out")
        .document
}

/// The pages of the PDF of `document`, rasterised by hayro.
fn through_the_pdf(document: &Document) -> Vec<Grey> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};

    let bytes = vita_pdf::pdf(document, &vita_pdf::PdfOptions::default()).expect("a PDF");
    let pdf = Pdf::new(bytes).expect("hayro reads the PDF");
    let cache = RenderCache::new();
    let scale = DPI / 72.0;
    let settings = RenderSettings {
        hinting: false,
        ..RenderSettings::default()
    };
    let pixmap = PixmapSettings {
        x_scale: scale,
        y_scale: scale,
        bg_color: WHITE,
    };
    let interpreter = InterpreterSettings::default();
    pdf.pages()
        .iter()
        .map(|page| {
            let rendered = hayro::render(page, &cache, &interpreter, &settings, &pixmap);
            Grey::from_png(&rendered.into_png().expect("hayro encodes"))
        })
        .collect()
}

/// Our pictures of `document`.
fn ours(document: &Document) -> Vec<Grey> {
    vita_render::png::pages(document, DPI)
        .expect("pictures")
        .iter()
        .map(|png| Grey::from_png(png))
        .collect()
}

/// A picture as ink levels (0 white, 255 black).
struct Grey {
    width: usize,
    height: usize,
    ink: Vec<u8>,
}

impl Grey {
    fn from_png(png: &[u8]) -> Grey {
        let image = image::load_from_memory(png).expect("a PNG").to_luma8();
        Grey {
            width: image.width() as usize,
            height: image.height() as usize,
            ink: image.pixels().map(|p| 255 - p.0[0]).collect(),
        }
    }

    /// Mean ink of each `cell` × `cell` block over `width` × `height`: sub-pixel differences
    /// between two anti-aliasing rasterisers average out, a misplaced word does not.
    fn blocks(&self, width: usize, height: usize, cell: usize) -> Vec<f64> {
        let mut out = Vec::new();
        for by in 0..height / cell {
            for bx in 0..width / cell {
                let mut sum = 0u32;
                for y in by * cell..(by + 1) * cell {
                    for x in bx * cell..(bx + 1) * cell {
                        sum += u32::from(self.ink[y * self.width + x]);
                    }
                }
                out.push(f64::from(sum) / (cell * cell) as f64);
            }
        }
        out
    }

    fn total(&self) -> f64 {
        self.ink.iter().map(|&v| f64::from(v)).sum()
    }
}

/// Asserts that our pictures of `document` match hayro's pictures of its PDF.
fn assert_same_pictures(what: &str, document: &Document) {
    let (ours, theirs) = (ours(document), through_the_pdf(document));
    assert_eq!(ours.len(), theirs.len(), "{what}: page count");
    for (page, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        let page = page + 1;
        // Renderers round a page's size differently, by a pixel at most.
        assert!(
            a.width.abs_diff(b.width) <= 1 && a.height.abs_diff(b.height) <= 1,
            "{what} p{page}: {}×{} against {}×{}",
            a.width,
            a.height,
            b.width,
            b.height
        );
        let (w, h) = (a.width.min(b.width), a.height.min(b.height));
        let (ab, bb) = (a.blocks(w, h, 4), b.blocks(w, h, 4));
        let differences = || ab.iter().zip(&bb).map(|(x, y)| (x - y).abs());
        let mean = differences().sum::<f64>() / ab.len() as f64;
        let worst = differences().fold(0.0, f64::max);
        let ink = a.total() / b.total().max(1.0);
        eprintln!(
            "{what} p{page}: mean block difference {mean:.3}, worst {worst:.1}, ink ratio {ink:.4}"
        );
        // Measured: about 1.5 and 26 for the same display list (hayro places glyphs on a
        // quarter-pixel grid); every glyph moved by half a point gives 2.9 and 42.
        assert!(
            mean < 2.0 && worst < 36.0 && (0.98..1.02).contains(&ink),
            "{what} p{page}: mean block difference {mean:.2}, worst {worst:.0}, ink ratio {ink:.3}"
        );
    }
}

#[test]
fn the_seed_in_every_built_in_layout_looks_as_its_pdf() {
    for name in Layout::builtin_names() {
        assert_same_pictures(name, &seed(name));
    }
}

#[test]
fn a_photo_and_synthetic_styles_look_as_in_the_pdf() {
    let mut document = seed("classic");
    // A photo, stretched as a layout might stretch it, over the first page's top right.
    let photo = include_bytes!("../../../tests/fixtures/photo.png");
    let rect = Rect {
        x: 430.0,
        y: 30.0,
        width: 96.0,
        height: 120.0,
    };
    document.pages[0].items.push(Item::Image(Image {
        rect,
        data: Arc::new(photo.to_vec()),
        format: ImageFormat::Png,
        alt: "photo".into(),
    }));
    assert_same_pictures("photo", &document);
    // JPEG photos: CMYK (as Photoshop and PIL write it, inverted, with an Adobe marker) and
    // greyscale, beside the PNG.
    for (name, bytes, x) in [
        (
            "cmyk",
            &include_bytes!("../../../tests/fixtures/photo-cmyk.jpg")[..],
            300.0,
        ),
        (
            "grey",
            &include_bytes!("../../../tests/fixtures/photo-grey.jpg")[..],
            180.0,
        ),
    ] {
        let mut with_jpeg = document.clone();
        with_jpeg.pages[0].items.push(Item::Image(Image {
            rect: Rect { x, ..rect },
            data: Arc::new(bytes.to_vec()),
            format: ImageFormat::Jpeg,
            alt: name.into(),
        }));
        assert_same_pictures(name, &with_jpeg);
    }
    // Every face leaned and thickened, as for a family with no italic or bold of its own; but
    // the footer's face (the first): krilla draws a footer's glyphs as outlines, and strokes
    // a synthetic bold there about twice as heavy as in the text it draws as text.
    for font in document.fonts.iter_mut().skip(1) {
        font.synthetic_italic = true;
        font.synthetic_bold = true;
    }
    assert_same_pictures("synthetic styles", &document);
}

/// Debian's colour emoji font (fonts-noto-color-emoji), which CI installs: its glyphs are PNG
/// bitmaps.
const EMOJI_FONT: &str = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";

#[test]
fn colour_emoji_bitmaps_look_as_in_the_pdf() {
    if !std::path::Path::new(EMOJI_FONT).exists() {
        eprintln!("skipped: {EMOJI_FONT} is not installed (fonts-noto-color-emoji)");
        return;
    }
    let markdown = "# Ada Lovelace\n\n## Experience 🚀\n\n- Wrote 📅 the first 🎉 algorithm.\n";
    let parsed = vita_model::parse_markdown(markdown).expect("parses");
    let book = FontBook::with_fallback(Vec::new(), true);
    let classic = Layout::builtin("classic").expect("classic");
    let document = layout(&parsed.resume, &classic, &book, &LayoutOptions::default())
        .expect("lays out")
        .document;
    assert!(
        document.fonts.iter().any(|f| f.name.contains("Emoji")),
        "the emoji come from the emoji font: {:?}",
        document.fonts.iter().map(|f| &f.name).collect::<Vec<_>>()
    );
    assert_same_pictures("emoji", &document);
    // The grey comparison would barely notice three small pictures missing: count colour.
    let png = vita_render::png::pages(&document, DPI).expect("a picture");
    let image = image::load_from_memory(&png[0]).expect("a PNG").to_rgb8();
    let coloured = image
        .pixels()
        .filter(|p| {
            let [r, g, b] = p.0.map(i32::from);
            (r - g).abs().max((g - b).abs()).max((r - b).abs()) > 60
        })
        .count();
    assert!(
        coloured > 100,
        "{coloured} coloured pixels: the emoji are not drawn"
    );
}

#[test]
fn an_svg_defines_each_glyph_once_and_places_every_inked_one() {
    let mut document = seed("classic");
    let photo = include_bytes!("../../../tests/fixtures/photo-cmyk.jpg");
    document.pages[0].items.push(Item::Image(Image {
        rect: Rect {
            x: 430.0,
            y: 30.0,
            width: 96.0,
            height: 120.0,
        },
        data: Arc::new(photo.to_vec()),
        format: ImageFormat::Jpeg,
        alt: "photo".into(),
    }));
    let svgs = vita_render::svg::pages(&document).expect("SVG pages");
    assert_eq!(svgs.len(), document.pages.len());
    for (svg, page) in svgs.iter().zip(&document.pages) {
        assert!(
            svg.starts_with("<svg viewBox=\"0 0 595.276 841.89\""),
            "{}",
            &svg[..80]
        );
        let defined: std::collections::HashSet<&str> = svg
            .split("<path id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        let placed: Vec<&str> = svg
            .split("<use xlink:href=\"#")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert!(
            placed.iter().all(|id| defined.contains(id)),
            "a <use> of an undefined glyph"
        );
        assert_eq!(
            svg.matches("<path id=\"").count(),
            defined.len(),
            "each glyph defined once"
        );
        // Every glyph of a visible character is placed; spaces have no outline.
        let inked: usize = page
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) => Some(
                    run.glyphs
                        .iter()
                        .filter(|g| !run.text[g.text.clone()].trim().is_empty())
                        .count(),
                ),
                _ => None,
            })
            .sum();
        assert_eq!(placed.len(), inked, "one <use> for each inked glyph");
    }
    assert!(
        svgs[0].contains("data:image/jpeg;base64,"),
        "the photo is embedded"
    );
}
