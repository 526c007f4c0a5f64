//! Laying out a cover letter on one page: compose it with the résumé's header code, then fit
//! it with the knobs that leave the header alone, in order — the space between its parts (down
//! to 40%), every paragraph a line shorter where it can be (looseness −1), then the letter's
//! text size in quarter points (down to the fit's floor, 9 pt). Leading and margins are not
//! touched: they would move the header, which must match the résumé's glyph for glyph.

use vita_model::{Letter, Resume};

use super::fit::{least_step, relax_spacing, size_knob, spacing_knob};
use super::vlist::Vertical;
use super::{Composed, Shortening, compose, finish};
use crate::Diagnostic;
use crate::font::FontBook;
use crate::theme::Layout;
use crate::{Fit, FitError, Fitted, Knob, LayoutOptions, PhotoData};

/// What a letter needs besides its model and layout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LetterOptions {
    /// The shown date when the letter's date is a calendar day ([`vita_model::LetterDate::Day`]
    /// or one the caller chose), already worded; see [`letter_date`].
    pub date: Option<String>,
    /// The signature image, read by the caller.
    pub signature: Option<PhotoData>,
}

/// A calendar day as the letter's date line shows it ("12 March 2026"), with the month names
/// that entry dates use.
///
/// ```
/// let day = vita_model::Day { year: 2026, month: 3, day: 12 };
/// assert_eq!(vita_layout::letter_date(day), "12 March 2026");
/// ```
pub fn letter_date(day: vita_model::Day) -> String {
    let month = vita_model::Dates {
        text: String::new(),
        start: vita_model::Date {
            year: u16::try_from(day.year).unwrap_or(0),
            month: Some(day.month),
        },
        end: None,
        span: 0..0,
    };
    let month = super::dates::show(
        &month,
        crate::DateFormat::Long,
        vita_model::Language::for_tag(None),
    );
    format!("{} {month}", day.day)
}

/// Lays out `letter` on one page (`fit.pages` is taken as 1), moving only the knobs that
/// keep the header where the résumé has it; the [`Fitted::knobs`] say what moved.
///
/// # Errors
///
/// [`FitError::Layout`] for a wrong layout, [`FitError::TooLong`] when even the smallest
/// letter text does not fit one page.
pub fn layout_letter(
    letter: &Letter,
    layout: &Layout,
    book: &FontBook,
    options: &LayoutOptions,
    letter_options: &LetterOptions,
    fit: &Fit,
) -> Result<Fitted, FitError> {
    let shell = Resume {
        header: letter.header.clone(),
        settings: letter.settings.clone(),
        ..Resume::default()
    };
    let size = layout.fonts.size.resolve(10.0);
    let leading = layout.fonts.leading;
    let natural = Vertical {
        space_scale: 1.0,
        leading,
    };
    let tightest = Vertical {
        space_scale: fit.min_space_scale,
        leading,
    };
    let fits = |c: &Composed<'_>, v: Vertical| c.page_count(v) <= 1;
    let base = compose_letter(letter, layout, book, options, letter_options, size)?;
    let natural_pages = base.page_count(natural);
    let done = |composed: Composed<'_>, vertical: Vertical, mut knobs: Vec<Knob>| {
        knobs.retain(|k| k.from != k.to);
        let mut laid = finish(&shell, composed, vertical, options);
        let name = letter.header.name.as_ref().map(|n| n.plain());
        laid.document.metadata.title = Some(match &name {
            Some(name) => format!("{name} — Cover letter"),
            None => "Cover letter".to_string(),
        });
        laid.document.metadata.subject = letter.subject.as_ref().map(|s| s.plain());
        Fitted {
            laid,
            knobs,
            natural_pages,
        }
    };
    if fits(&base, natural) {
        return Ok(done(base, natural, Vec::new()));
    }
    let one = Fit {
        pages: 1,
        ..fit.clone()
    };
    // 1. The space between the parts.
    if fits(&base, tightest) {
        let v = relax_spacing(&base, leading, &one, 1);
        return Ok(done(base, v, vec![spacing_knob(v)]));
    }
    // 2. Every paragraph a line shorter where it can be.
    let mut looser = layout.clone();
    looser.paragraph.looseness = layout.paragraph.looseness - 1;
    let looseness_knob = Knob {
        name: "looseness",
        from: layout.paragraph.looseness.to_string(),
        to: looser.paragraph.looseness.to_string(),
    };
    let shortened = compose_letter(letter, &looser, book, options, letter_options, size)?;
    if fits(&shortened, tightest) {
        let v = relax_spacing(&shortened, leading, &one, 1);
        return Ok(done(shortened, v, vec![spacing_knob(v), looseness_knob]));
    }
    // 3. The letter's text size, in quarter points.
    let steps = ((size - fit.min_size) / 0.25).floor().max(0.0) as usize;
    let size_at = |step: usize| size - 0.25 * step as f32;
    let smallest = compose_letter(
        letter,
        &looser,
        book,
        options,
        letter_options,
        size_at(steps),
    )?;
    if steps == 0 || !fits(&smallest, tightest) {
        let line = size_at(steps) * leading;
        let over = smallest.overflow(tightest, 1);
        return Err(FitError::TooLong {
            pages: 1,
            lines: ((over / line).ceil() as usize).max(1),
            at_floors: smallest.page_count(tightest),
            forced: smallest.forced_pages(),
        });
    }
    let step = least_step(steps, |k| {
        Ok(fits(
            &compose_letter(letter, &looser, book, options, letter_options, size_at(k))?,
            tightest,
        ))
    })?;
    let chosen = compose_letter(
        letter,
        &looser,
        book,
        options,
        letter_options,
        size_at(step),
    )?;
    let v = relax_spacing(&chosen, leading, &one, 1);
    let mut text_knob = size_knob(size, size_at(step));
    text_knob.name = "letter text size";
    Ok(done(
        chosen,
        v,
        vec![spacing_knob(v), looseness_knob, text_knob],
    ))
}

/// Composes the letter with its text at `text_size`.
fn compose_letter<'a>(
    letter: &Letter,
    layout: &'a Layout,
    book: &'a FontBook,
    options: &LayoutOptions,
    letter_options: &LetterOptions,
    text_size: f32,
) -> Result<Composed<'a>, Diagnostic> {
    // A résumé with no header or sections sets the composer up (fonts checked, hyphenation
    // chosen); the letter is then composed into it.
    let empty = Resume {
        settings: letter.settings.clone(),
        ..Resume::default()
    };
    // The photo is given only now: the empty résumé's header would place it on its own.
    let mut composed = compose(&empty, layout, book, &Shortening::default())?;
    composed.composer.photo = options.photo.clone();
    composed.composer.letter(
        letter,
        text_size,
        letter_options.date.clone(),
        letter_options.signature.clone(),
    );
    Ok(composed)
}
