//! The walk over the display list: [`pdf`] checks the document, then draws page after page.

use krilla::configure::Configuration;
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla::tagging::Identifier;
use krilla::{Document, SerializeSettings};
use vita_layout::{Document as Display, Item, Page};

use crate::fonts::FontSet;
use crate::tagging::{Identifiers, Role};
use crate::text::TextMode;
use crate::{Error, PdfOptions, Standard, image, link, metadata, outline, rule, tagging, text};

/// Serialises a laid-out document to PDF bytes.
///
/// Fonts are embedded as subsets, each glyph maps to its text, [`Item::Link`]s become URI link
/// annotations, the outline becomes nested bookmarks and the metadata is written to `/Info`
/// and XMP. The output depends only on `doc` and `options`: the same input gives the same
/// bytes, and no date is written unless the metadata has one.
///
/// # Errors
///
/// [`Error`] when a font cannot be parsed, when the display list holds something PDF cannot
/// express (a non-finite coordinate, a font or page that does not exist, a glyph text range
/// outside its run), or when krilla fails to finish the file.
pub fn pdf(doc: &Display, options: &PdfOptions) -> Result<Vec<u8>, Error> {
    // Destructured so that a new option fails to compile here until it is handled.
    let PdfOptions { tagged, standard } = options;
    let tagged = *tagged || standard.is_some();
    let fonts = FontSet::new(doc)?;
    let sizes = doc
        .pages
        .iter()
        .enumerate()
        .map(|(index, page)| check_page(index, page, &fonts))
        .collect::<Result<Vec<_>, _>>()?;
    let outline = outline::build(&doc.outline, doc.pages.len())?;
    let metadata = metadata::convert(&doc.metadata)?;

    let roles = tagging::roles(doc);
    let mut ids: Identifiers = doc
        .pages
        .iter()
        .map(|page| vec![None; page.items.len()])
        .collect();
    let mut document = Document::new_with(settings(tagged, *standard)?);
    // Only pay for the priming pass (see `TextMode::Natural`) when some run needs it.
    let mut prime = doc
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .any(|item| matches!(item, Item::Text(run) if run.actual_text.is_some()));
    for (index, (page, size)) in doc.pages.iter().zip(sizes).enumerate() {
        let mut pdf_page = document.start_page_with(PageSettings::new(size));
        if prime {
            // Calling `surface()` again below discards everything drawn here; only the
            // glyph-to-text entries krilla recorded along the way remain. Only runs with
            // ActualText need it: every other run records its natural text anyway.
            let mut scratch = pdf_page.surface();
            for item in doc.pages.iter().flat_map(|page| &page.items) {
                if let Item::Text(run) = item
                    && run.actual_text.is_some()
                    && let Some(font) = fonts.get(run.font)
                {
                    text::draw(&mut scratch, run, font, TextMode::Natural);
                }
            }
            scratch.finish();
            prime = false;
        }
        let mut surface = pdf_page.surface();
        draw_items(&mut surface, page, &fonts, &roles[index], &mut ids[index]);
        surface.finish();
        for (item_index, item) in page.items.iter().enumerate() {
            if let Item::Link(area) = item {
                // Checked in `check_page`, so this always succeeds.
                if let Ok(annotation) = link::annotation(area) {
                    if roles[index][item_index] == Role::Content {
                        ids[index][item_index] = Some(pdf_page.add_tagged_annotation(annotation));
                    } else {
                        pdf_page.add_annotation(annotation);
                    }
                }
            }
        }
        pdf_page.finish();
    }
    if tagged {
        document.set_tag_tree(tagging::tree(doc, &mut ids));
    }
    if !doc.outline.is_empty() {
        document.set_outline(outline);
    }
    document.set_metadata(metadata);
    document.finish().map_err(|e| match (e, standard) {
        (krilla::error::KrillaError::Validation(problems), Some(standard)) => Error::Standard {
            standard: standard.name(),
            problems: crate::standard::describe(&problems),
        },
        (krilla::error::KrillaError::Image(_, _, reason), _) => Error::Image { reason },
        (krilla::error::KrillaError::SixteenBitImage(..), _) => Error::Image {
            reason: "16-bit images are not supported".to_string(),
        },
        (e, _) => Error::Write {
            message: format!("{e:?}"),
        },
    })
}

/// The serialisation settings: small files, no surprises.
///
/// - `compress_content_streams`: deflate page contents and `ToUnicode` maps (krilla always
///   deflates font programs);
/// - `ascii_compatible: false`: binary streams stay binary instead of doubling in hex;
/// - `no_device_cs: false`: colours are DeviceRGB, sparing an embedded ICC profile;
/// - `xmp_metadata: true`: metadata readable by tools that ignore `/Info`;
/// - `enable_tagging`: the structure tree is written (tagged PDF) unless the caller opts out;
/// - PDF 1.7 and, when a standard is asked for, krilla's validator for it.
fn settings(tagged: bool, standard: Option<Standard>) -> Result<SerializeSettings, Error> {
    let configuration = match standard {
        None => Configuration::default(),
        Some(standard) => crate::standard::configuration(standard)?,
    };
    Ok(SerializeSettings {
        pretty: false,
        compress_content_streams: true,
        ascii_compatible: false,
        no_device_cs: false,
        xmp_metadata: true,
        cmyk_profile: None,
        configuration,
        enable_tagging: tagged,
        ..SerializeSettings::default()
    })
}

/// Checks one page and its items, returning its size.
fn check_page(index: usize, page: &Page, fonts: &FontSet) -> Result<Size, Error> {
    let number = index + 1;
    let size = Size::from_wh(page.width, page.height)
        .filter(|s| s.width().is_finite() && s.height().is_finite())
        .ok_or(Error::PageSize {
            page: number,
            width: page.width,
            height: page.height,
        })?;
    for (item_index, item) in page.items.iter().enumerate() {
        let item_error = |reason| Error::Item {
            page: number,
            item: item_index + 1,
            reason,
        };
        match item {
            Item::Text(run) => {
                if fonts.get(run.font).is_none() {
                    return Err(Error::UnknownFont {
                        page: number,
                        item: item_index + 1,
                        font: run.font.0,
                        count: fonts.len(),
                    });
                }
                text::check(run).map_err(item_error)?;
            }
            Item::Rule(r) => rule::check(r).map_err(item_error)?,
            Item::Link(area) => {
                link::annotation(area).map_err(item_error)?;
            }
            Item::Image(img) => {
                image::load(img).map_err(item_error)?;
            }
        }
    }
    Ok(size)
}

/// Draws a page's glyph runs, rules and images in display-list order (links are annotations, not
/// drawings), each content item in its own marked-content span whose identifier is kept in
/// `ids`, and artifacts as artifacts with their text as outlines. Items were checked by
/// [`check_page`].
fn draw_items(
    surface: &mut krilla::surface::Surface<'_>,
    page: &Page,
    fonts: &FontSet,
    roles: &[Role],
    ids: &mut [Option<Identifier>],
) {
    for (index, item) in page.items.iter().enumerate() {
        if matches!(item, Item::Link(_)) {
            continue;
        }
        let role = roles[index];
        let tag = tagging::content_tag(role);
        if let Some(tag) = tag {
            let id = surface.start_tagged(tag);
            if role == Role::Content {
                ids[index] = Some(id);
            }
        }
        match item {
            Item::Text(run) => {
                if let Some(font) = fonts.get(run.font) {
                    let mode = if role == Role::Artifact {
                        TextMode::Outlines
                    } else {
                        TextMode::Final
                    };
                    text::draw(surface, run, font, mode);
                }
            }
            Item::Rule(r) => rule::draw(surface, r),
            Item::Image(img) => image::draw(surface, img),
            Item::Link(_) => {}
        }
        if tag.is_some() {
            surface.end_tagged();
        }
    }
}
