//! Builds display lists by hand for the tests: Lato Regular, glyph ids from its `cmap`,
//! advances from its `hmtx`, one glyph per character unless a ligature is asked for.

use std::sync::Arc;

use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};
use vita_layout::{
    Color, Document, FontBytes, FontData, FontId, Glyph, GlyphRun, Item, LinkArea, Metadata,
    OutlineEntry, Page, Point, Rect, Rule,
};

/// The test font, straight from the repository.
pub static LATO_BYTES: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    vita_layout::bundled_file("Lato-Regular.ttf").expect("Lato is bundled")
});

/// Lato Regular's bytes.
pub fn lato() -> &'static [u8] {
    &LATO_BYTES
}

fn font() -> FontRef<'static> {
    FontRef::new(lato()).expect("Lato parses")
}

/// Lato's glyph for a character.
pub fn glyph_id(c: char) -> u16 {
    let id = font().charmap().map(c).expect("Lato covers the test text");
    u16::try_from(id.to_u32()).expect("glyph ids fit u16")
}

/// Lato's "ffi" ligature glyph, if it has one (by code point U+FB03 or by name).
pub fn ffi_ligature() -> Option<u16> {
    let font = font();
    let id = font.charmap().map('\u{FB03}').or_else(|| {
        font.glyph_names()
            .iter()
            .find(|(_, name)| matches!(name.as_str(), "f_f_i" | "ffi" | "uniFB03"))
            .map(|(id, _)| id)
    })?;
    u16::try_from(id.to_u32()).ok()
}

/// The glyph's advance at `size`, computed from font units the way layout does.
fn advance(id: u16, size: f32) -> f32 {
    let font = font();
    let units = font
        .glyph_metrics(Size::unscaled(), LocationRef::default())
        .advance_width(GlyphId::new(u32::from(id)))
        .unwrap_or(0.0);
    let units_per_em = font.head().map_or(1000, |head| head.units_per_em());
    units * size / f32::from(units_per_em)
}

/// A run setting `text` one glyph per character at `origin`.
pub fn run(text: &str, x: f32, y: f32, size: f32) -> GlyphRun {
    let glyphs = text
        .char_indices()
        .map(|(start, c)| {
            let id = glyph_id(c);
            Glyph {
                id,
                advance: advance(id, size),
                x_offset: 0.0,
                y_offset: 0.0,
                text: start..start + c.len_utf8(),
            }
        })
        .collect();
    GlyphRun {
        font: FontId(0),
        size,
        color: Color::BLACK,
        origin: Point { x, y },
        glyphs,
        text: text.to_owned(),
        actual_text: None,
        source: None,
    }
}

/// Like [`run`], but every occurrence of "ffi" is set as the single ligature glyph `ligature`.
pub fn run_with_ffi(text: &str, ligature: u16, x: f32, y: f32, size: f32) -> GlyphRun {
    let mut out = run("", x, y, size);
    out.text = text.to_owned();
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with("ffi") {
            out.glyphs.push(Glyph {
                id: ligature,
                advance: advance(ligature, size),
                x_offset: 0.0,
                y_offset: 0.0,
                text: i..i + 3,
            });
            i += 3;
        } else {
            let c = text[i..].chars().next().expect("in bounds");
            let id = glyph_id(c);
            out.glyphs.push(Glyph {
                id,
                advance: advance(id, size),
                x_offset: 0.0,
                y_offset: 0.0,
                text: i..i + c.len_utf8(),
            });
            i += c.len_utf8();
        }
    }
    out
}

/// An A4 page holding `items`.
pub fn page(items: Vec<Item>) -> Page {
    Page {
        width: 595.0,
        height: 842.0,
        items,
    }
}

/// A document in Lato with the given pages and nothing else.
pub fn document(pages: Vec<Page>) -> Document {
    Document {
        pages,
        fonts: vec![FontData {
            name: "Lato Regular".to_owned(),
            data: Arc::new(lato()) as FontBytes,
            variations: Vec::new(),
            synthetic_italic: false,
            synthetic_bold: false,
            index: 0,
        }],
        outline: Vec::new(),
        metadata: Metadata::default(),
        structure: Vec::new(),
    }
}

/// The document of the main round-trip test: a name, a rule, a line with a link and an
/// "ffi" ligature when Lato has one, and one bookmark.
pub fn resume() -> Document {
    let second = match ffi_ligature() {
        Some(ligature) => run_with_ffi("Analytical engine efficiency", ligature, 72.0, 130.0, 11.0),
        None => run("Analytical engine efficiency", 72.0, 130.0, 11.0),
    };
    let link = LinkArea {
        rect: Rect {
            x: 72.0,
            y: 120.0,
            width: second.width(),
            height: 14.0,
        },
        url: "https://example.org/ada".to_owned(),
    };
    let mut doc = document(vec![page(vec![
        Item::Text(run("Ada Lovelace", 72.0, 100.0, 20.0)),
        Item::Rule(Rule {
            rect: Rect {
                x: 72.0,
                y: 106.0,
                width: 451.0,
                height: 0.5,
            },
            color: Color {
                r: 0x33,
                g: 0x66,
                b: 0x99,
            },
        }),
        Item::Text(second),
        Item::Link(link),
    ])]);
    doc.outline.push(OutlineEntry {
        title: "Ada Lovelace".to_owned(),
        level: 1,
        page: 0,
        at: Point { x: 72.0, y: 80.0 },
    });
    doc
}
