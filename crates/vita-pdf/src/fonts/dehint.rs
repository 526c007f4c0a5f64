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
//! at embed time, and keeps the copyright (ID 0) and licence URL (ID 14).
//!
//! Glyph ids do not change, so the display list stays valid; the tables a PDF needs (`cmap`,
//! `hmtx`, `post`, ...) are copied as they are and the shaping tables are dropped. Glyphs the document does not draw are emptied, since
//! the subsetter drops them anyway. Anything unexpected (a CFF font, a face of a collection,
//! a malformed table) gives back the original bytes: this is an optimisation, and must never
//! be the reason a PDF fails.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// The tables a PDF's embedded TrueType font needs (outlines, metrics, names for the
/// descriptor, and the character map krilla reads); everything else — hinting (`fpgm`, `prep`,
/// `cvt `, `hdmx`, `LTSH`, `VDMX`) and shaping (`GSUB`, `GPOS`, `GDEF`, `kern`), already
/// applied by layout — is dropped whole, which also spares copying most of the file.
const KEPT: [&[u8; 4]; 10] = [
    b"OS/2", b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"post",
];

/// Composite glyph component flags (OpenType `glyf` specification).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

/// `name` ID of the licence description.
const LICENSE_DESCRIPTION: u16 = 13;

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
fn rewrite(font: &[u8], used: &BTreeSet<u16>) -> Option<Vec<u8>> {
    let version = font.get(0..4)?;
    if version != [0, 1, 0, 0] && version != b"true" {
        return None;
    }
    let mut tables = Vec::new();
    for i in 0..usize::from(u16_at(font, 4)?) {
        let record = font.get(12 + 16 * i..28 + 16 * i)?;
        let tag: [u8; 4] = record.get(0..4)?.try_into().ok()?;
        let offset = usize::try_from(u32_at(record, 8)?).ok()?;
        let length = usize::try_from(u32_at(record, 12)?).ok()?;
        tables.push((tag, font.get(offset..offset.checked_add(length)?)?));
    }
    tables.sort_by_key(|&(tag, _)| tag);
    if tables.windows(2).any(|pair| pair[0].0 == pair[1].0) {
        return None;
    }
    let table = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|&(_, data)| data);
    let head = table(b"head")?;
    let maxp = table(b"maxp")?;
    let long_loca = match u16_at(head, 50)? {
        0 => false,
        1 => true,
        _ => return None,
    };
    let (glyf, loca) = rewrite_glyf(
        table(b"glyf")?,
        table(b"loca")?,
        long_loca,
        u16_at(maxp, 4)?,
        used,
    )?;

    let mut glyf = Some(glyf);
    let mut loca = Some(loca);
    let mut out = Vec::with_capacity(KEPT.len());
    for &(tag, data) in &tables {
        let data = match &tag {
            tag if !KEPT.contains(&tag) => continue,
            b"glyf" => Cow::Owned(glyf.take()?),
            b"loca" => Cow::Owned(loca.take()?),
            b"head" => {
                let mut head = data.to_vec();
                // Long offsets; the whole-font checksum is filled in by `assemble`.
                head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes());
                head.get_mut(8..12)?.fill(0);
                Cow::Owned(head)
            }
            b"maxp" => Cow::Owned(clear_maxp(data)),
            b"name" => drop_licence(data)?,
            _ => Cow::Borrowed(data),
        };
        out.push((tag, data));
    }
    assemble(version, &out)
}

/// Rebuilds `glyf` and a long-format `loca` keeping only the glyphs reachable from `used` and
/// `.notdef`, each without instructions.
fn rewrite_glyf(
    glyf: &[u8],
    loca: &[u8],
    long_loca: bool,
    num_glyphs: u16,
    used: &BTreeSet<u16>,
) -> Option<(Vec<u8>, Vec<u8>)> {
    let glyph = |id: u16| {
        let id = usize::from(id);
        let (start, end) = if long_loca {
            let at = |i| u32_at(loca, 4 * i).and_then(|o| usize::try_from(o).ok());
            (at(id)?, at(id + 1)?)
        } else {
            let at = |i| u16_at(loca, 2 * i).map(|o| 2 * usize::from(o));
            (at(id)?, at(id + 1)?)
        };
        glyf.get(start..end)
    };

    // Each glyph is visited once, so a cycle of composites (malformed) still ends.
    let mut kept = BTreeMap::new();
    let mut todo: Vec<u16> = used.iter().copied().filter(|&id| id < num_glyphs).collect();
    todo.push(0);
    while let Some(id) = todo.pop() {
        if kept.contains_key(&id) {
            continue;
        }
        let (stripped, components) = strip(glyph(id)?)?;
        if components.iter().any(|&c| c >= num_glyphs) {
            return None;
        }
        todo.extend(components);
        kept.insert(id, stripped);
    }

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (usize::from(num_glyphs) + 1));
    for id in 0..num_glyphs {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        if let Some(data) = kept.get(&id) {
            new_glyf.extend_from_slice(data);
            pad(&mut new_glyf);
        }
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
    Some((new_glyf, new_loca))
}

/// One glyph without its instructions, and the glyph ids of its components if composite.
fn strip(data: &[u8]) -> Option<(Vec<u8>, Vec<u16>)> {
    if data.is_empty() {
        return Some((Vec::new(), Vec::new()));
    }
    let contours = i16::from_be_bytes(data.get(0..2)?.try_into().ok()?);
    if let Ok(contours) = usize::try_from(contours) {
        // Header, endPtsOfContours, instructionLength, instructions, flags and coordinates.
        let length_at = 10 + 2 * contours;
        let points = match contours {
            0 => 0,
            _ => usize::from(u16_at(data, length_at - 2)?) + 1,
        };
        let outline_at = length_at + 2 + usize::from(u16_at(data, length_at)?);
        let outline = data.get(outline_at..)?;
        let mut out = data.get(..length_at)?.to_vec();
        out.extend_from_slice(&[0, 0]);
        // Without the original padding, which `rewrite_glyf` adds back.
        out.extend_from_slice(outline.get(..outline_len(outline, points)?)?);
        return Some((out, Vec::new()));
    }
    let mut out = data.get(..10)?.to_vec();
    let mut components = Vec::new();
    let mut at = 10;
    loop {
        let flags = u16_at(data, at)?;
        components.push(u16_at(data, at + 2)?);
        let args = if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        let scale = if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        let end = at + 4 + args + scale;
        out.extend_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        out.extend_from_slice(data.get(at + 2..end)?);
        at = end;
        if flags & MORE_COMPONENTS == 0 {
            // What follows (instruction length and bytes) is dropped.
            return Some((out, components));
        }
    }
}

/// The length of a simple glyph's flags and coordinates for `points` points.
fn outline_len(outline: &[u8], points: usize) -> Option<usize> {
    const X_SHORT: u8 = 0x02;
    const Y_SHORT: u8 = 0x04;
    const REPEAT: u8 = 0x08;
    const X_SAME_OR_POSITIVE: u8 = 0x10;
    const Y_SAME_OR_POSITIVE: u8 = 0x20;
    let size = |flag: u8, short: u8, same: u8| match (flag & short != 0, flag & same != 0) {
        (true, _) => 1,
        (false, true) => 0,
        (false, false) => 2,
    };
    let (mut at, mut seen, mut coordinates) = (0, 0, 0);
    while seen < points {
        let flag = *outline.get(at)?;
        at += 1;
        let mut repeat = 1;
        if flag & REPEAT != 0 {
            repeat += usize::from(*outline.get(at)?);
            at += 1;
        }
        seen += repeat;
        coordinates += repeat
            * (size(flag, X_SHORT, X_SAME_OR_POSITIVE) + size(flag, Y_SHORT, Y_SAME_OR_POSITIVE));
    }
    Some(at + coordinates)
}

/// `maxp` with the hinting limits zeroed, when it is a version 1.0 table (version 0.5, for
/// CFF fonts, has none).
fn clear_maxp(maxp: &[u8]) -> Vec<u8> {
    let mut maxp = maxp.to_vec();
    if u32_at(&maxp, 0) == Some(0x0001_0000) {
        // maxTwilightPoints, maxStorage, maxFunctionDefs, maxInstructionDefs,
        // maxStackElements, maxSizeOfInstructions.
        if let Some(fields) = maxp.get_mut(16..28) {
            fields.fill(0);
        }
    }
    maxp
}

/// `name` without its licence description records. The string storage is kept as is, so the
/// remaining records' offsets stay valid (krilla's subsetter compacts it). A format 1 table
/// (language-tag records) is left alone.
fn drop_licence(name: &[u8]) -> Option<Cow<'_, [u8]>> {
    if u16_at(name, 0)? != 0 {
        return Some(Cow::Borrowed(name));
    }
    let count = usize::from(u16_at(name, 2)?);
    let storage = name.get(usize::from(u16_at(name, 4)?)..)?;
    let mut records = Vec::with_capacity(count);
    for i in 0..count {
        let record = name.get(6 + 12 * i..18 + 12 * i)?;
        if u16_at(record, 6)? != LICENSE_DESCRIPTION {
            records.push(record);
        }
    }
    let mut out = vec![0, 0];
    out.extend_from_slice(&u16::try_from(records.len()).ok()?.to_be_bytes());
    out.extend_from_slice(&u16::try_from(6 + 12 * records.len()).ok()?.to_be_bytes());
    records
        .iter()
        .for_each(|record| out.extend_from_slice(record));
    out.extend_from_slice(storage);
    Some(Cow::Owned(out))
}

/// Writes an sfnt from tables sorted by tag: directory, 4-byte aligned tables, checksums,
/// and `head.checkSumAdjustment`.
fn assemble(version: &[u8], tables: &[([u8; 4], Cow<'_, [u8]>)]) -> Option<Vec<u8>> {
    let count = u16::try_from(tables.len()).ok()?;
    // Fits: `search_range` is at most `16 * count`, which is checked to fit.
    let selector = u16::try_from(count.checked_ilog2()?).ok()?;
    let range_end = count.checked_mul(16)?;
    let search_range = 16 << selector;
    let total: usize = tables
        .iter()
        .map(|(_, d)| d.len().next_multiple_of(4))
        .sum();
    let mut out = Vec::with_capacity(12 + 16 * tables.len() + total);
    out.extend_from_slice(version);
    for field in [count, search_range, selector, range_end - search_range] {
        out.extend_from_slice(&field.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in tables {
        if tag == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(offset).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in tables {
        out.extend_from_slice(data);
        pad(&mut out);
    }
    let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
    let head_at = head_at?;
    out.get_mut(head_at + 8..head_at + 12)?
        .copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

/// The sfnt checksum: the sum of big-endian `u32`s, the last one zero-padded.
fn checksum(data: &[u8]) -> u32 {
    // Whole words first (a loop the compiler vectorises), then the zero-padded tail.
    let words = data.chunks_exact(4);
    let mut last = [0; 4];
    last[..words.remainder().len()].copy_from_slice(words.remainder());
    words
        .map(|word| u32::from_be_bytes([word[0], word[1], word[2], word[3]]))
        .fold(u32::from_be_bytes(last), u32::wrapping_add)
}

/// Zero-pads `data` to a multiple of 4 bytes.
fn pad(data: &mut Vec<u8>) {
    data.resize(data.len().next_multiple_of(4), 0);
}

/// The big-endian `u16` at `at`, if in bounds.
fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(
        data.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

/// The big-endian `u32` at `at`, if in bounds.
fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(
        data.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::raw::tables::glyf::Glyph;
    use skrifa::raw::types::NameId;
    use skrifa::raw::{FontRef, TableProvider};
    use skrifa::{GlyphId, MetadataProvider, Tag};

    const CHARIS: &[u8] = include_bytes!("../../../../fonts/charis/CharisSIL-Regular.ttf");

    /// Glyph ids of `text` in Charis.
    fn glyphs(text: &str) -> BTreeSet<u16> {
        let font = FontRef::new(CHARIS).expect("Charis parses");
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
        let out = dehint(CHARIS, 0, &used);
        assert!(matches!(out, Cow::Owned(_)), "Charis is rewritten");
        assert!(
            out.len() * 3 < CHARIS.len(),
            "{} of {} bytes",
            out.len(),
            CHARIS.len()
        );

        let before = FontRef::new(CHARIS).expect("original parses");
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
        assert_eq!(after.head().expect("head").index_to_loc_format(), 1);
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
        assert!(old.glyph_data().starts_with(new.glyph_data()));
        assert!(new.glyph_data().len() + 3 >= old.glyph_data().len());
        assert!(new.points().eq(old.points()));

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
        let fonts: [&[u8]; 7] = [
            include_bytes!("../../../../fonts/charis/CharisSIL-Bold.ttf"),
            include_bytes!("../../../../fonts/charis/CharisSIL-Italic.ttf"),
            include_bytes!("../../../../fonts/charis/CharisSIL-BoldItalic.ttf"),
            include_bytes!("../../../../fonts/lato/Lato-Regular.ttf"),
            include_bytes!("../../../../fonts/lato/Lato-Bold.ttf"),
            include_bytes!("../../../../fonts/lato/Lato-Italic.ttf"),
            include_bytes!("../../../../fonts/lato/Lato-BoldItalic.ttf"),
        ];
        for font in fonts {
            let out = dehint(font, 0, &(0..200).collect());
            assert!(matches!(out, Cow::Owned(_)) && out.len() < font.len());
            let parsed = FontRef::new(&out).expect("result parses");
            assert!(parsed.table_data(Tag::new(b"fpgm")).is_none());
        }
    }

    #[test]
    fn drops_the_licence_description_only() {
        let out = dehint(CHARIS, 0, &glyphs("a"));
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
        let expected: Vec<_> = ids(CHARIS)
            .into_iter()
            .filter(|(id, _)| *id != NameId::LICENSE_DESCRIPTION)
            .collect();
        assert!(
            expected
                .iter()
                .any(|(id, _)| *id == NameId::COPYRIGHT_NOTICE)
        );
        assert!(expected.iter().any(|(id, _)| *id == NameId::LICENSE_URL));
        assert_eq!(ids(&out), expected);
    }

    #[test]
    fn checksums_are_valid() {
        let out = dehint(CHARIS, 0, &glyphs("abc"));
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
        inputs.extend([12, 100, 1000, 100_000, CHARIS.len() - 100].map(|n| &CHARIS[..n]));
        for input in inputs {
            assert!(matches!(dehint(input, 0, &used), Cow::Borrowed(b) if b == input));
        }
        // Another face of a collection.
        assert!(matches!(dehint(CHARIS, 1, &used), Cow::Borrowed(_)));
    }
}
