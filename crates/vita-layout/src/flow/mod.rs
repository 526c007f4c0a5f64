//! The layout run: résumé → vertical list → pages → [`Document`].

mod breaks;
mod compose;
mod dates;
mod fit;
mod letter;
mod mirror;
mod pages;
mod text;
mod vlist;

#[cfg(test)]
mod code_tests;
#[cfg(test)]
mod language_tests;
#[cfg(test)]
mod overflow_tests;
#[cfg(test)]
mod regions_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod text_layer_tests;

use vita_model::Resume;

pub use compose::keywords_of;

use crate::Diagnostic;
use crate::display::{Document, Metadata, StructChild, StructKind, StructNode};
use crate::font::FontBook;
use crate::theme::Layout;
use crate::{Laid, LayoutOptions};
pub use fit::{Fit, FitError, Fitted, Knob, fit, settle};
pub use letter::{LetterOptions, layout_letter, letter_date};
use vlist::Vertical;

/// Lays out `resume` with `layout`, using the fonts in `book`.
pub fn layout(
    resume: &Resume,
    layout: &Layout,
    book: &FontBook,
    options: &LayoutOptions,
) -> Result<Laid, Diagnostic> {
    let shortening = Shortening {
        photo: options.photo.clone(),
        ..Shortening::default()
    };
    let composed = compose(resume, layout, book, &shortening)?;
    let vertical = Vertical {
        space_scale: 1.0,
        leading: layout.fonts.leading,
    };
    Ok(finish(resume, composed, vertical, options))
}

/// A résumé set into lines, not yet cut into pages.
pub(crate) struct Composed<'a> {
    composer: compose::Composer<'a>,
    frame: pages::Frame,
}

impl Composed<'_> {
    /// The regions that flow on their own, in reading order: the whole list without a
    /// sidebar; else the header, then the main column and the sidebar (in the layout's order),
    /// both starting under the header on the first page.
    pub fn regions(&self, vertical: Vertical) -> Vec<pages::Region<'_>> {
        let c = &self.composer;
        let Some(columns) = c.columns else {
            return vec![pages::Region {
                list: &c.out,
                skip: 0.0,
                spread: true,
            }];
        };
        let (header, main) = c.out.split_at(c.header_len.min(c.out.len()));
        // Under the header, but never so far that a column has no room on its first page.
        let height = self.frame.bottom - self.frame.top;
        let skip = header
            .iter()
            .map(|i| vertical.height(i))
            .sum::<f32>()
            .min(height - 72.0)
            .max(0.0);
        let main = pages::Region {
            list: main,
            skip,
            spread: true,
        };
        let side = pages::Region {
            list: &c.side,
            skip,
            spread: false,
        };
        let header = pages::Region {
            list: header,
            skip: 0.0,
            spread: false,
        };
        if columns.side_first {
            vec![header, side, main]
        } else {
            vec![header, main, side]
        }
    }

    /// How many pages the résumé takes with these vertical settings (no pages are written):
    /// as many as its longest region.
    pub fn page_count(&self, vertical: Vertical) -> usize {
        let height = self.frame.bottom - self.frame.top;
        self.regions(vertical)
            .iter()
            .map(|r| {
                let lines = r.list.iter().any(|i| matches!(i, vlist::VItem::Line(_)));
                usize::from(lines) + breaks::choose(r.list, height, height - r.skip, vertical).len()
            })
            .max()
            .unwrap_or(0)
    }

    /// The height the résumé's text takes on its last page, in points (the tallest region
    /// there, from the top of the text area).
    pub fn last_page_height(&self, vertical: Vertical) -> f32 {
        let height = self.frame.bottom - self.frame.top;
        let pages = self.page_count(vertical);
        self.regions(vertical)
            .iter()
            .filter_map(|r| {
                let breaks = breaks::choose(r.list, height, height - r.skip, vertical);
                let lines = r.list.iter().any(|i| matches!(i, vlist::VItem::Line(_)));
                if !lines || breaks.len() + 1 != pages {
                    return None;
                }
                let from = breaks.last().copied().unwrap_or(0);
                let first =
                    (from..r.list.len()).find(|&i| matches!(r.list[i], vlist::VItem::Line(_)))?;
                let last = (first..r.list.len())
                    .rev()
                    .find(|&i| matches!(r.list[i], vlist::VItem::Line(_)))?;
                let skip = if breaks.is_empty() { r.skip } else { 0.0 };
                Some(
                    skip + r.list[first..=last]
                        .iter()
                        .map(|i| vertical.height(i))
                        .sum::<f32>(),
                )
            })
            .fold(0.0, f32::max)
    }

    /// What setting each paragraph a line shorter would cost (when composed with `probe`).
    pub fn savings(&self) -> Vec<compose::Saving> {
        self.composer.savings.borrow().clone()
    }

    /// How much content, in points, would have to go for the résumé to fit `pages` pages at
    /// these settings (0 when it fits), measured as if every page were filled to the bottom:
    /// the most over any region.
    /// Forced page breaks count: each stretch between them starts a page of its own, so a
    /// stretch that spills onto a page costs that page. The figure is what it takes to save the
    /// pages that are over: the smallest spills first.
    pub fn overflow(&self, vertical: Vertical, pages: usize) -> f32 {
        let height = self.frame.bottom - self.frame.top;
        self.regions(vertical)
            .iter()
            .map(|r| {
                let mut stretches = stretches(r.list, vertical);
                if let Some(first) = stretches.first_mut() {
                    *first += r.skip;
                }
                let need: Vec<usize> = stretches
                    .iter()
                    .map(|h| ((h / height - 0.0001).ceil() as usize).max(1))
                    .collect();
                let over = need.iter().sum::<usize>().saturating_sub(pages);
                // A stretch on n pages saves its first page by losing what spills onto its
                // last one, and each further page by losing a whole page; it keeps at least
                // one page.
                let mut savings: Vec<f32> = Vec::new();
                for (h, n) in stretches.iter().zip(&need) {
                    if *n > 1 {
                        savings.push(h - (*n as f32 - 1.0) * height);
                        savings.extend(std::iter::repeat_n(height, n - 2));
                    }
                }
                savings.sort_by(f32::total_cmp);
                savings.iter().take(over).sum::<f32>()
            })
            .fold(0.0, f32::max)
    }

    /// Pages the forced page breaks alone call for: one more than the breaks followed by text
    /// (in the region with the most).
    pub fn forced_pages(&self) -> usize {
        let forced = |list: &[vlist::VItem]| {
            let lines: Vec<&vlist::VLine> = list
                .iter()
                .filter_map(|i| match i {
                    vlist::VItem::Line(l) => Some(l),
                    vlist::VItem::Space(_) | vlist::VItem::Gap { .. } => None,
                })
                .collect();
            1 + lines
                .iter()
                .take(lines.len().saturating_sub(1))
                .filter(|l| l.penalty <= breaks::FORCE_BREAK)
                .count()
        };
        forced(&self.composer.out).max(forced(&self.composer.side))
    }
}

/// Heights of the stretches of `list` between forced page breaks (spaces at their tops
/// dropped).
fn stretches(list: &[vlist::VItem], vertical: Vertical) -> Vec<f32> {
    let mut out = vec![0.0f32];
    let mut fresh = true;
    for item in list {
        match item {
            vlist::VItem::Space(_) | vlist::VItem::Gap { .. } if fresh => {}
            vlist::VItem::Space(_) | vlist::VItem::Gap { .. } => {
                if let Some(last) = out.last_mut() {
                    *last += vertical.height(item);
                }
            }
            vlist::VItem::Line(line) => {
                if let Some(last) = out.last_mut() {
                    *last += vertical.height(item);
                }
                fresh = false;
                if line.penalty <= breaks::FORCE_BREAK {
                    out.push(0.0);
                    fresh = true;
                }
            }
        }
    }
    if out.len() > 1 && fresh {
        out.pop();
    }
    out
}

/// Which paragraphs to set a line shorter, and whether to measure what that would cost.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shortening {
    /// Paragraph numbers to set with looseness −1.
    pub paragraphs: std::collections::BTreeSet<usize>,
    /// Record [`compose::Saving`]s for every paragraph.
    pub probe: bool,
    /// The photo for the header.
    pub photo: Option<crate::PhotoData>,
}

/// Checks the layout against the book and sets the résumé into lines.
pub(crate) fn compose<'a>(
    resume: &Resume,
    layout: &'a Layout,
    book: &'a FontBook,
    shortening: &Shortening,
) -> Result<Composed<'a>, Diagnostic> {
    let (page_width, page_height) = layout.page_size().ok_or_else(|| {
        Diagnostic::error(
            crate::Code::LayoutRange,
            format!(
                "page size '{}' is outside one inch to 200 inches a side",
                layout.page.size
            ),
        )
        .with_hint("\"a4\" is 210mm x 297mm, \"letter\" 8.5in x 11in")
    })?;
    let folders = layout.fonts.folders();
    for (key, family) in layout.fonts.named() {
        if let Err(e) = book.family(family, &folders) {
            return Err(
                Diagnostic::error(crate::Code::UnknownFont, format!("fonts.{key}: {e}"))
                    .with_hint(family_hint(&e)),
            );
        }
    }
    let margin = layout.page.margin.resolve(layout.fonts.size.resolve(10.0));
    let width = page_width - 2.0 * margin;
    if width < 72.0 || page_height - 2.0 * margin < 72.0 {
        return Err(Diagnostic::error(
            crate::Code::LayoutRange,
            format!("margins of {margin:.1}pt leave no room for text on the page"),
        ));
    }
    let hyphenator = crate::inline::Hyphenator::new(
        resume.settings.lang.as_deref(),
        &resume.settings.hyphenation,
    );
    let columns = compose::Columns::of(layout, width).map_err(|main| {
        Diagnostic::error(
            crate::Code::LayoutRange,
            format!(
                "`sidebar.width` {:.1}pt with a {:.1}pt gutter leaves the main column {main:.1}pt: \
             make `sidebar.width` or `sidebar.gutter` smaller (the main column needs 72pt, the \
             sidebar 36pt)",
                layout
                    .sidebar
                    .width
                    .resolve(layout.fonts.size.resolve(10.0)),
                layout
                    .sidebar
                    .gutter
                    .resolve(layout.fonts.size.resolve(10.0)),
            ),
        )
    })?;
    let mut composer = compose::Composer::new(book, layout, width, hyphenator);
    composer.columns = columns;
    composer.shorten = shortening.paragraphs.clone();
    composer.probe = shortening.probe;
    composer.photo = shortening.photo.clone();
    composer.resume(resume);
    let frame = pages::Frame {
        page_width,
        page_height,
        left: margin,
        top: margin,
        bottom: page_height - margin,
    };
    Ok(Composed { composer, frame })
}

/// What to do about an unknown family: the nearest names, and where to see them all.
pub fn family_hint(e: &crate::FamilyError) -> String {
    let quoted: Vec<String> = e.nearest.iter().map(|n| format!("\"{n}\"")).collect();
    match quoted.as_slice() {
        [] => "`vita fonts` lists the families there are; `--font-path` adds a folder".to_string(),
        [one] => format!("did you mean {one}? (`vita fonts` lists the families there are)"),
        _ => format!(
            "the nearest families are {} (`vita fonts` lists them all)",
            quoted.join(", ")
        ),
    }
}

/// Cuts the composed résumé into pages and writes the display list.
pub(crate) fn finish(
    resume: &Resume,
    composed: Composed<'_>,
    vertical: Vertical,
    options: &LayoutOptions,
) -> Laid {
    let Composed { composer, frame } = composed;
    let spread = composer.layout().page.fill == crate::theme::Fill::Spread;
    let band = composer.columns.and_then(|columns| {
        let tint = composer.layout().sidebar.tint;
        // No band for a sidebar that no section went into.
        let empty = !composer
            .side
            .iter()
            .any(|i| matches!(i, vlist::VItem::Line(_)));
        if tint == crate::display::Color::WHITE || empty {
            return None;
        }
        // From the paper's edge on the sidebar's outer side to the middle of the gutter, and
        // from just under the header on the first page.
        let gutter = composer
            .layout()
            .sidebar
            .gutter
            .resolve(composer.body_size());
        let left = frame.left + columns.side_x;
        let (x, right) = if columns.side_x == 0.0 {
            (0.0, left + columns.side_width + gutter / 2.0)
        } else {
            (left - gutter / 2.0, frame.page_width)
        };
        let header: f32 = composer.out[..composer.header_len]
            .iter()
            .map(|i| vertical.height(i))
            .sum();
        Some(pages::Band {
            x,
            width: right - x,
            first_top: frame.top + header - gutter / 4.0,
            color: tint,
        })
    });
    let regions = Composed { composer, frame };
    let mut paged = pages::paginate(
        &regions.regions(vertical),
        &regions.composer.arena,
        frame,
        vertical,
        spread,
        band,
    );
    let mut composer = regions.composer;
    let page_count = paged.pages.len();
    let mut furniture = Vec::new();
    if composer.footer_wanted() && page_count > 1 {
        let name = resume.header.name.as_ref().map(|n| n.plain());
        let margin = frame.left;
        for (index, page) in paged.pages.iter_mut().enumerate() {
            let label = composer.language.page_of(index + 1, page_count);
            let text = match &name {
                Some(name) => format!("{name} · {label}"),
                None => label,
            };
            // In the bottom margin, halfway down it.
            let baseline = frame.page_height - (frame.page_height - frame.bottom) / 2.0;
            for mut item in composer.footer(&text) {
                vlist::translate(&mut item, margin, baseline);
                furniture.push(StructChild::Item(index, page.items.len()));
                page.items.push(item);
            }
        }
    }
    if composer.language.is_rtl() {
        paged.pages.iter_mut().for_each(mirror::mirror);
    }
    if !furniture.is_empty() {
        paged.structure.push(StructNode {
            kind: StructKind::Artifact,
            children: furniture,
        });
    }
    let name = resume.header.name.as_ref().map(|n| n.plain());
    let metadata = Metadata {
        title: Some(match &name {
            Some(name) => format!("{name} — {}", composer.language.resume_word()),
            None => composer.language.resume_word().to_string(),
        }),
        author: name,
        subject: resume.header.headline.first().map(|h| h.plain()),
        keywords: resume.settings.keywords.clone(),
        language: Some(resume.settings.lang.clone().unwrap_or_else(|| "en".into())),
        creation_date: options.creation_date,
    };
    let document = Document {
        pages: paged.pages,
        fonts: composer.book().font_table(),
        outline: paged.outline,
        metadata,
        structure: paged.structure,
    };
    let mut warnings = std::mem::take(&mut composer.warnings);
    // The invariant, on every build: whatever still reaches outside the text area is said,
    // unless it was already reported as a line too wide.
    for out in crate::outside::outside_margins(&document, frame.left) {
        let told = warnings.iter().any(|w| {
            out.source.is_some() && w.range() == out.source && w.code == crate::Code::Overfull
        });
        if !told {
            warnings.push(
                crate::Diagnostic::warning(
                    crate::Code::OutsideTextArea,
                    format!(
                        "text on page {} reaches {:.1}pt outside the text area: '{}'",
                        out.page + 1,
                        out.by,
                        out.text.trim()
                    ),
                )
                .at_maybe(out.source),
            );
        }
    }
    Laid {
        document,
        warnings,
        missing_glyphs: std::mem::take(&mut composer.missing),
        lines: paged.lines,
    }
}
