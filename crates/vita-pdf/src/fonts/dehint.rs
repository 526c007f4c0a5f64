//! Strips TrueType hinting and the licence text from a font before krilla embeds it.
//!
//! krilla subsets fonts with `subsetter`, which keeps the `cvt `, `fpgm` and `prep` tables
//! whole, keeps every glyph's instruction bytecode and keeps the licence description (`name`
//! ID 13). None of it earns its place in a PDF: hinting fits outlines to coarse pixel grids,
//! which PDF viewers mostly do not do (poppler renders the seed résumé pixel for pixel the
//! same without it). Dropping it cut that two-page résumé, set in three Charis SIL faces,
//! from 64.7 KB to 41.5 KB.
//!
//! The SIL Open Font License FAQ (1.12) allows altering a font to embed it in a document,
//! without renaming it. The font files on disk stay untouched: the rewrite happens in memory,
//! at embed time, and keeps the copyright (ID 0) and licence URL (ID 14). The names of the
//! font's features and instances (ID 256 and up) go too: nothing in a PDF reads them, and
//! decoding Charis SIL's 144 records for each face was a tenth of the rewrite's time.
//!
//! The font is read with read-fonts and written with write-fonts (the versions subsetter, and
//! so krilla, already link): glyphs are re-encoded without their instructions, `glyf`, `loca`,
//! `head`, `maxp` and `name` are rebuilt, and the other tables a PDF needs (`cmap`, `hmtx`,
//! `post`, ...) are copied as they are; the shaping tables are dropped. Glyph ids do not
//! change, so the display list stays valid. Glyphs the document does not draw are emptied,
//! since the subsetter drops them anyway. Anything unexpected (a CFF font, a face of a
//! collection, a malformed table) gives back the original bytes: this is an optimisation, and
//! must never be the reason a PDF fails.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use write_fonts::FontBuilder;
use write_fonts::from_obj::{FromObjRef, FromTableRef, ToOwnedTable};
use write_fonts::read::tables::glyf::Glyph as ReadGlyph;
use write_fonts::read::{FontRef, TableProvider};
use write_fonts::tables::glyf::{CompositeGlyph, GlyfLocaBuilder, Glyph, SimpleGlyph};
use write_fonts::tables::head::Head;
use write_fonts::tables::maxp::Maxp;
use write_fonts::tables::name::{Name, NameRecord};
use write_fonts::types::{GlyphId, NameId, Tag};

/// The tables copied as they are; with `glyf`, `loca`, `head`, `maxp` and `name`, rebuilt, they
/// are all a PDF's embedded TrueType font needs (outlines, metrics, names for the descriptor,
/// and the character map krilla reads). Everything else — hinting (`fpgm`, `prep`, `cvt `,
/// `hdmx`, `LTSH`, `VDMX`) and shaping (`GSUB`, `GPOS`, `GDEF`, `kern`), already applied by
/// layout — is dropped whole.
const COPIED: [&[u8; 4]; 5] = [b"OS/2", b"cmap", b"hhea", b"hmtx", b"post"];

/// Returns the face `index` of `font` without hinting, without the `name` licence description
/// and with only the glyphs in `used` (plus `.notdef` and the components of composites).
///
/// Glyph ids are unchanged. When the font cannot be rewritten (not a TrueType-outline font, a
/// face other than the first, malformed data), the original bytes come back.
pub(crate) fn dehint<'a>(font: &'a [u8], index: u32, used: &BTreeSet<u16>) -> Cow<'a, [u8]> {
    match index {
        0 => rewrite(font, used).map_or(Cow::Borrowed(font), Cow::Owned),
        _ => Cow::Borrowed(font),
    }
}

/// The rewrite behind [`dehint`]; `None` on anything unexpected.
fn rewrite(bytes: &[u8], used: &BTreeSet<u16>) -> Option<Vec<u8>> {
    let font = FontRef::new(bytes).ok()?;
    // Every table the directory lists must be whole: a cut-off file is left alone.
    for record in font.table_directory.table_records() {
        font.table_data(record.tag())?;
    }
    let glyphs = kept_glyphs(&font, used)?;
    let num_glyphs = font.maxp().ok()?.num_glyphs();
    let mut builder = GlyfLocaBuilder::new();
    // The kept glyphs come in id order: walk them beside the ids rather than look each id up.
    let mut kept = glyphs.iter().peekable();
    for id in 0..num_glyphs {
        let glyph = match kept.next_if(|(at, _)| **at == id) {
            Some((_, glyph)) => glyph,
            None => &Glyph::Empty,
        };
        builder.add_glyph(glyph).ok()?;
    }
    let (glyf, loca, loca_format) = builder.build();

    let mut head: Head = font.head().ok()?.to_owned_table();
    head.index_to_loc_format = loca_format as i16;
    let mut maxp: Maxp = font.maxp().ok()?.to_owned_table();
    // The hinting limits (a version 1.0 table; version 0.5, for CFF fonts, has none).
    for limit in [
        &mut maxp.max_twilight_points,
        &mut maxp.max_storage,
        &mut maxp.max_function_defs,
        &mut maxp.max_instruction_defs,
        &mut maxp.max_stack_elements,
        &mut maxp.max_size_of_instructions,
    ] {
        if limit.is_some() {
            *limit = Some(0);
        }
    }
    let name = names(&font)?;

    let mut out = FontBuilder::new();
    out.add_table(&glyf).ok()?;
    out.add_table(&loca).ok()?;
    out.add_table(&head).ok()?;
    out.add_table(&maxp).ok()?;
    out.add_table(&name).ok()?;
    for tag in COPIED.map(Tag::new) {
        if let Some(data) = font.table_data(tag) {
            out.add_raw(tag, data.as_bytes());
        }
    }
    Some(out.build())
}

/// The `name` table without the licence description and without the names of a font's
/// features and instances (ID 256 and up: "Single-storey a", "Slashed zero"), which no PDF
/// reader asks for and which were most of Charis SIL's 144 records: only the records kept are
/// decoded. A table with language tags (format 1) is copied whole first, so that its records
/// keep the tags they point at.
fn names(font: &FontRef<'_>) -> Option<Name> {
    let name = font.name().ok()?;
    if name.lang_tag_record().is_some_and(|tags| !tags.is_empty()) {
        let mut owned: Name = name.to_owned_table();
        owned.name_record.retain(|record| kept_name(record.name_id));
        return Some(owned);
    }
    let strings = name.string_data();
    let records = name
        .name_record()
        .iter()
        .filter(|record| kept_name(record.name_id()))
        .map(|record| NameRecord::from_obj_ref(record, strings))
        .collect();
    Some(Name::new(records))
}

/// Whether a `name` record with this ID is kept by [`names`].
fn kept_name(id: NameId) -> bool {
    id != NameId::LICENSE_DESCRIPTION && id.to_u16() < 256
}

/// The glyphs reachable from `used` and `.notdef` (components of composites included), each
/// without instructions; `None` if a glyph does not read.
fn kept_glyphs(font: &FontRef<'_>, used: &BTreeSet<u16>) -> Option<BTreeMap<u16, Glyph>> {
    let glyf = font.glyf().ok()?;
    let loca = font.loca(None).ok()?;
    let num_glyphs = font.maxp().ok()?.num_glyphs();
    // Each glyph is visited once, so a cycle of composites (malformed) still ends.
    let mut kept = BTreeMap::new();
    let mut todo: Vec<u16> = used.iter().copied().filter(|&id| id < num_glyphs).collect();
    todo.push(0);
    while let Some(id) = todo.pop() {
        if kept.contains_key(&id) {
            continue;
        }
        let glyph = match loca.get_glyf(GlyphId::new(u32::from(id)), &glyf).ok()? {
            None => Glyph::Empty,
            Some(ReadGlyph::Simple(simple)) => {
                let mut simple = SimpleGlyph::from_table_ref(&simple);
                simple.instructions.clear();
                Glyph::Simple(simple)
            }
            Some(ReadGlyph::Composite(composite)) => {
                let composite = without_instructions(&CompositeGlyph::from_table_ref(&composite))?;
                for component in composite.components() {
                    let component = component.glyph.to_u16();
                    if component >= num_glyphs {
                        return None;
                    }
                    todo.push(component);
                }
                Glyph::Composite(composite)
            }
        };
        kept.insert(id, glyph);
    }
    Some(kept)
}

/// The same composite without its instructions (write-fonts keeps a composite's instructions
/// private, so the glyph is built again from its components and box).
fn without_instructions(composite: &CompositeGlyph) -> Option<CompositeGlyph> {
    let mut components = composite.components().iter().cloned();
    let mut out = CompositeGlyph::new(components.next()?, composite.bbox);
    for component in components {
        out.add_component(component, composite.bbox);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::raw::tables::glyf::Glyph;
    use skrifa::raw::types::NameId;
    use skrifa::raw::{FontRef, TableProvider};
    use skrifa::{GlyphId, MetadataProvider, Tag};
    use std::borrow::Cow;

    /// Charis SIL Regular, decompressed once.
    static CHARIS_BYTES: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
        vita_layout::bundled_file("CharisSIL-Regular.ttf").expect("bundled")
    });

    fn charis() -> &'static [u8] {
        &CHARIS_BYTES
    }

    /// Glyph ids of `text` in Charis.
    fn glyphs(text: &str) -> BTreeSet<u16> {
        let font = FontRef::new(charis()).expect("Charis parses");
        let charmap = font.charmap();
        text.chars()
            .map(|c| {
                let id = charmap.map(c).expect("Charis has the character").to_u32();
                u16::try_from(id).expect("glyph ids fit u16")
            })
            .collect()
    }

    fn glyph<'a>(font: &FontRef<'a>, id: u16) -> Option<Glyph<'a>> {
        let loca = font.loca(None).expect("loca");
        let glyf = font.glyf().expect("glyf");
        loca.get_glyf(GlyphId::new(u32::from(id)), &glyf)
            .expect("glyph reads")
    }

    /// Some used glyph that is a composite, and its components.
    fn composite<'a>(font: &FontRef<'a>, used: &BTreeSet<u16>) -> (u16, Vec<u16>) {
        used.iter()
            .find_map(|&id| match glyph(font, id)? {
                Glyph::Composite(c) => {
                    Some((id, c.components().map(|c| c.glyph.to_u16()).collect()))
                }
                Glyph::Simple(_) => None,
            })
            .expect("a composite among the used glyphs")
    }

    #[test]
    fn strips_hinting_and_unused_glyphs_keeping_ids_and_outlines() {
        let used = glyphs("Hamburgefonstiv éåñ");
        let out = dehint(charis(), 0, &used);
        assert!(matches!(out, Cow::Owned(_)), "Charis is rewritten");
        assert!(
            out.len() * 3 < charis().len(),
            "{} of {} bytes",
            out.len(),
            charis().len()
        );

        let before = FontRef::new(charis()).expect("original parses");
        let after = FontRef::new(&out).expect("result parses");
        assert!(krilla::text::Font::new(out.to_vec().into(), 0).is_some());
        for tag in [b"fpgm", b"prep", b"cvt ", b"GSUB", b"GPOS", b"GDEF"] {
            assert!(after.table_data(Tag::new(tag)).is_none(), "{tag:?} dropped");
        }
        for tag in [b"cmap", b"hmtx", b"OS/2", b"hhea", b"post"] {
            let tag = Tag::new(tag);
            assert_eq!(
                after.table_data(tag).map(|d| d.as_bytes()),
                before.table_data(tag).map(|d| d.as_bytes())
            );
        }
        // Short or long offsets, as write-fonts chooses; every glyph below is found through them.
        assert!(matches!(
            after.head().expect("head").index_to_loc_format(),
            0 | 1
        ));
        let maxp = after.maxp().expect("maxp");
        assert_eq!(maxp.num_glyphs(), before.maxp().expect("maxp").num_glyphs());
        assert_eq!(maxp.max_size_of_instructions(), Some(0));
        assert_eq!(maxp.max_function_defs(), Some(0));

        let h = *glyphs("H").first().expect("H");
        let (Some(Glyph::Simple(old)), Some(Glyph::Simple(new))) =
            (glyph(&before, h), glyph(&after, h))
        else {
            panic!("H is a simple glyph");
        };
        assert!(old.instruction_length() > 0, "Charis hints H");
        assert_eq!(new.instruction_length(), 0);
        assert_eq!(new.end_pts_of_contours(), old.end_pts_of_contours());
        assert!(new.glyph_data().len() + 3 >= old.glyph_data().len());
        assert!(new.points().eq(old.points()));
        let flags = |g: &skrifa::raw::tables::glyf::SimpleGlyph| -> Vec<bool> {
            g.points().map(|p| p.on_curve).collect()
        };
        assert_eq!(flags(&new), flags(&old), "on- and off-curve points kept");

        // A composite keeps its components, loses its instructions.
        let (id, components) = composite(&before, &used);
        let Some(Glyph::Composite(new)) = glyph(&after, id) else {
            panic!("still a composite");
        };
        assert!(new.instructions().is_none_or(<[u8]>::is_empty));
        let new_components: Vec<u16> = new.components().map(|c| c.glyph.to_u16()).collect();
        assert_eq!(new_components, components);
        for component in components {
            assert!(
                glyph(&after, component).is_some(),
                "component {component} kept"
            );
        }

        // .notdef stays, an unused glyph is empty.
        assert!(glyph(&after, 0).is_some());
        let x = *glyphs("x").first().expect("x");
        assert!(!used.contains(&x) && glyph(&before, x).is_some());
        assert!(glyph(&after, x).is_none());
    }

    #[test]
    fn rewrites_every_bundled_font() {
        // Every bundled TrueType file but Charis SIL Regular (the other tests' font).
        let fonts: Vec<Vec<u8>> = [
            "CharisSIL-Bold.ttf",
            "CharisSIL-Italic.ttf",
            "CharisSIL-BoldItalic.ttf",
            "Lato-Regular.ttf",
            "Lato-Bold.ttf",
            "Lato-Italic.ttf",
            "Lato-BoldItalic.ttf",
            "Vollkorn-Regular.ttf",
            "Vollkorn-BoldItalic.ttf",
            "Inter-roman.var.ttf",
            "NotoSans-Regular.ttf",
            "NotoSans-BoldItalic.ttf",
            "JetBrainsMono-Regular.ttf",
            "JetBrainsMono-BoldItalic.ttf",
        ]
        .map(|name| vita_layout::bundled_file(name).expect(name))
        .into();
        for font in &fonts {
            let out = dehint(font, 0, &(0..200).collect());
            assert!(matches!(out, Cow::Owned(_)) && out.len() < font.len());
            let parsed = FontRef::new(&out).expect("result parses");
            assert!(parsed.table_data(Tag::new(b"fpgm")).is_none());
        }
    }

    #[test]
    fn keeps_the_names_a_pdf_reader_uses() {
        let out = dehint(charis(), 0, &glyphs("a"));
        let ids = |font: &[u8]| {
            let font = FontRef::new(font).expect("parses");
            let name = font.name().expect("name");
            name.name_record()
                .iter()
                .map(|r| {
                    let text = r.string(name.string_data()).expect("string").to_string();
                    (r.name_id(), text)
                })
                .collect::<Vec<_>>()
        };
        let expected: Vec<_> = ids(charis())
            .into_iter()
            .filter(|(id, _)| *id != NameId::LICENSE_DESCRIPTION && id.to_u16() < 256)
            .collect();
        assert!(
            expected
                .iter()
                .any(|(id, _)| *id == NameId::POSTSCRIPT_NAME)
        );
        assert!(
            expected
                .iter()
                .any(|(id, _)| *id == NameId::COPYRIGHT_NOTICE)
        );
        assert!(expected.iter().any(|(id, _)| *id == NameId::LICENSE_URL));
        assert_eq!(ids(&out), expected);
    }

    /// The big-endian `u16` at `at`.
    fn u16_at(data: &[u8], at: usize) -> Option<u16> {
        Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
    }

    /// The big-endian `u32` at `at`.
    fn u32_at(data: &[u8], at: usize) -> Option<u32> {
        Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
    }

    /// The OpenType checksum: the sum of big-endian words, the tail zero-padded.
    fn checksum(data: &[u8]) -> u32 {
        data.chunks(4)
            .map(|word| {
                let mut padded = [0; 4];
                padded[..word.len()].copy_from_slice(word);
                u32::from_be_bytes(padded)
            })
            .fold(0, u32::wrapping_add)
    }

    #[test]
    fn checksums_are_valid() {
        let out = dehint(charis(), 0, &glyphs("abc"));
        assert_eq!(
            checksum(&out),
            0xB1B0_AFBA,
            "whole font sums to the magic number"
        );
        let count = usize::from(u16_at(&out, 4).expect("count"));
        for i in 0..count {
            let at = 12 + 16 * i;
            let offset = u32_at(&out, at + 8).expect("offset") as usize;
            let length = u32_at(&out, at + 12).expect("length") as usize;
            let mut table = out[offset..offset + length].to_vec();
            if &out[at..at + 4] == b"head" {
                table[8..12].fill(0);
            }
            assert_eq!(checksum(&table), u32_at(&out, at + 4).expect("checksum"));
        }
    }

    #[test]
    fn leaves_what_it_cannot_rewrite_alone() {
        let used = glyphs("abc");
        let garbage: Vec<u8> = (0..5000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let mut inputs: Vec<&[u8]> = vec![&[], &garbage, b"\0\x01\0\0", b"OTTO\0\x05"];
        inputs.extend([12, 100, 1000, 100_000, charis().len() - 100].map(|n| &charis()[..n]));
        for input in inputs {
            assert!(matches!(dehint(input, 0, &used), Cow::Borrowed(b) if b == input));
        }
        // Another face of a collection.
        assert!(matches!(dehint(charis(), 1, &used), Cow::Borrowed(_)));
    }
}
