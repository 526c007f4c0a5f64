//! Fitting a résumé into at most N pages by compressing it as little as possible.
//!
//! The knobs move in a fixed order, each only once the ones before it are exhausted, because each
//! is more visible than the last: vertical spacing (down to 40%), looseness −1 on the paragraphs
//! where a line costs the fewest extra demerits (as few as needed), leading (down to 1.1), the body
//! size in quarter points (down to 9 pt, headings in proportion), then the margins in quarter
//! millimetres (down to 10 mm). Within the knob that makes it fit, the least movement that fits is
//! found by bisection, and the earlier knobs are then relaxed again as far as the page count
//! allows. Spacing and leading only change where lines fall, so they are tried on the composed
//! lines without setting the text again; looseness, size and margins need a new composition. A
//! résumé that already fits is never enlarged.

use vita_model::Resume;

use super::vlist::Vertical;
use super::{Composed, Shortening, compose, finish};
use crate::Diagnostic;
use crate::font::FontBook;
use crate::theme::{Layout, Length};
use crate::{Laid, LayoutOptions};

/// How far fitting may go.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The most pages allowed.
    pub pages: usize,
    /// Smallest factor on vertical spaces.
    pub min_space_scale: f32,
    /// Smallest leading (baseline distance over font size).
    pub min_leading: f32,
    /// Smallest body size in points.
    pub min_size: f32,
    /// Smallest margin.
    pub min_margin: Length,
}

impl Fit {
    /// Fit into `pages` pages with the default floors (9 pt body, 10 mm margins).
    pub fn pages(pages: usize) -> Fit {
        Fit {
            pages,
            min_space_scale: 0.4,
            min_leading: 1.1,
            min_size: 9.0,
            min_margin: Length::Pt(10.0 * 72.0 / 25.4),
        }
    }

    /// The floors in words, for a message: "9pt body text, 1.1 leading and 10mm margins".
    pub fn floors(&self) -> String {
        let margin = match self.min_margin {
            Length::Pt(pt) => format!("{}mm", (pt * 25.4 / 72.0 * 10.0).round() / 10.0),
            Length::Em(em) => format!("{em}em"),
        };
        format!(
            "{}pt body text, {} leading and {margin} margins",
            self.min_size, self.min_leading
        )
    }
}

/// One knob that moved, for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Knob {
    /// What it is ("vertical spacing", "looseness", "leading", "body size", "margins").
    pub name: &'static str,
    /// Its value before.
    pub from: String,
    /// Its value after.
    pub to: String,
}

/// A fitted résumé and what it took.
#[derive(Debug, Clone)]
pub struct Fitted {
    /// The layout result.
    pub laid: Laid,
    /// The knobs that moved, in the order they were applied (empty when it already fitted).
    pub knobs: Vec<Knob>,
    /// The page count before fitting.
    pub natural_pages: usize,
}

/// Why fitting failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FitError {
    /// The layout itself is wrong.
    #[error(transparent)]
    Layout(#[from] Diagnostic),
    /// Even at every floor the résumé is too long.
    #[error("{}", too_long(*pages, *lines, *forced))]
    TooLong {
        /// The page count asked for.
        pages: usize,
        /// About how many body lines would have to go.
        lines: usize,
        /// The page count at every floor.
        at_floors: usize,
        /// Pages the résumé's forced page breaks alone call for (1 without breaks).
        forced: usize,
    },
}

/// The wording of [`FitError::TooLong`].
fn too_long(pages: usize, lines: usize, forced: usize) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if forced > pages {
        return format!(
            "its {} page break{} alone need {forced} pages, more than {pages}",
            forced - 1,
            plural(forced - 1)
        );
    }
    format!("{lines} lines too long for {pages} page{}", plural(pages))
}

/// Lays out `resume` as [`crate::layout`] does, but without a near-empty last page: when the
/// last page would hold less than `page.min-last-page` of a page (a fifth by default), the
/// résumé is fitted to one page fewer if gentle floors allow it — spacing down to 60%, leading
/// down by 0.1, body size down by half a point, margins unchanged — and the knobs that moved
/// are returned; otherwise it keeps its pages.
pub fn settle(
    resume: &Resume,
    layout: &Layout,
    book: &FontBook,
    options: &LayoutOptions,
) -> Result<Fitted, Diagnostic> {
    let plain = Shortening {
        photo: options.photo.clone(),
        ..Shortening::default()
    };
    let natural = Vertical {
        space_scale: 1.0,
        leading: layout.fonts.leading,
    };
    let base = compose(resume, layout, book, &plain)?;
    let pages = base.page_count(natural);
    let height = base.frame.bottom - base.frame.top;
    let short = base.last_page_height(natural) < layout.page.min_last_page * height;
    if pages > 1 && short && base.forced_pages() < pages {
        let size = layout.fonts.size.resolve(10.0);
        let gentle = Fit {
            pages: pages - 1,
            min_space_scale: 0.6,
            min_leading: (layout.fonts.leading - 0.1).max(1.1),
            min_size: size - 0.5,
            min_margin: Length::Pt(layout.page.margin.resolve(size)),
        };
        // The fit starts from this composition rather than making it again; only when the
        // résumé does not fit (it keeps its pages) is it composed once more, to be finished.
        match fit_from(resume, layout, book, options, &gentle, base) {
            Ok(fitted) => return Ok(fitted),
            Err(FitError::Layout(e)) => return Err(e),
            Err(FitError::TooLong { .. }) => {}
        }
        let base = compose(resume, layout, book, &plain)?;
        return Ok(Fitted {
            laid: finish(resume, base, natural, options),
            knobs: Vec::new(),
            natural_pages: pages,
        });
    }
    Ok(Fitted {
        laid: finish(resume, base, natural, options),
        knobs: Vec::new(),
        natural_pages: pages,
    })
}

/// Lays out `resume` in at most `fit.pages` pages, compressing as little as possible.
pub fn fit(
    resume: &Resume,
    layout: &Layout,
    book: &FontBook,
    options: &LayoutOptions,
    fit: &Fit,
) -> Result<Fitted, FitError> {
    let plain = Shortening {
        photo: options.photo.clone(),
        ..Shortening::default()
    };
    let base = compose(resume, layout, book, &plain)?;
    fit_from(resume, layout, book, options, fit, base)
}

/// [`fit`], from `base`: the résumé composed with the layout as it is.
fn fit_from(
    resume: &Resume,
    layout: &Layout,
    book: &FontBook,
    options: &LayoutOptions,
    fit: &Fit,
    base: Composed<'_>,
) -> Result<Fitted, FitError> {
    let pages = fit.pages.max(1);
    // Every composition below carries the photo; only the paragraph choices differ.
    let plain = Shortening {
        photo: options.photo.clone(),
        ..Shortening::default()
    };
    let leading = layout.fonts.leading;
    let natural = Vertical {
        space_scale: 1.0,
        leading,
    };
    let natural_pages = base.page_count(natural);
    let done = |composed: Composed<'_>, vertical: Vertical, mut knobs: Vec<Knob>| {
        // A knob that ended where it started (relaxed back) did not move.
        knobs.retain(|k| k.from != k.to);
        Fitted {
            laid: finish(resume, composed, vertical, options),
            knobs,
            natural_pages,
        }
    };
    if natural_pages <= pages {
        return Ok(done(base, natural, Vec::new()));
    }
    let tightest = |leading_floor: f32| Vertical {
        space_scale: fit.min_space_scale,
        leading: leading_floor,
    };
    let fits = |c: &Composed<'_>, v: Vertical| c.page_count(v) <= pages;

    // 1. Vertical spacing.
    if fits(&base, tightest(leading)) {
        let v = relax_spacing(&base, leading, fit, pages);
        return Ok(done(base, v, vec![spacing_knob(v)]));
    }
    // 2. Looseness −1, cheapest paragraphs first (extra demerits per line saved).
    let probe = Shortening {
        probe: true,
        ..plain.clone()
    };
    let mut savings = compose(resume, layout, book, &probe)?.savings();
    savings.sort_by(|a, b| {
        let per_line = |s: &super::compose::Saving| s.cost as f64 / s.lines as f64;
        per_line(a)
            .total_cmp(&per_line(b))
            .then(a.paragraph.cmp(&b.paragraph))
    });
    let shorten_first = |k: usize| Shortening {
        paragraphs: savings[..k].iter().map(|s| s.paragraph).collect(),
        ..plain.clone()
    };
    if !savings.is_empty() {
        let all = compose(resume, layout, book, &shorten_first(savings.len()))?;
        if fits(&all, tightest(leading)) {
            // The fewest paragraphs that fit (more shortened paragraphs never add pages).
            let count = least_step(savings.len(), |k| {
                Ok(fits(
                    &compose(resume, layout, book, &shorten_first(k))?,
                    tightest(leading),
                ))
            })?;
            let composed = compose(resume, layout, book, &shorten_first(count))?;
            let v = relax_spacing(&composed, leading, fit, pages);
            let knob = Knob {
                name: "looseness",
                from: layout.paragraph.looseness.to_string(),
                to: format!(
                    "{} on {count} of {} paragraphs",
                    layout.paragraph.looseness - 1,
                    savings.len()
                ),
            };
            return Ok(done(composed, v, vec![spacing_knob(v), knob]));
        }
    }
    // From here on every paragraph that can be shorter is.
    let mut looser = layout.clone();
    looser.paragraph.looseness = layout.paragraph.looseness - 1;
    let shortened = compose(resume, &looser, book, &plain)?;
    let looseness_knob = Knob {
        name: "looseness",
        from: layout.paragraph.looseness.to_string(),
        to: looser.paragraph.looseness.to_string(),
    };
    // 3. Leading.
    let min_leading = fit.min_leading.min(leading);
    if fits(&shortened, tightest(min_leading)) {
        let lead = bisect_max(min_leading, leading, |l| fits(&shortened, tightest(l)));
        let v = relax_spacing(&shortened, lead, fit, pages);
        let knobs = vec![spacing_knob(v), looseness_knob, leading_knob(leading, lead)];
        return Ok(done(shortened, v, knobs));
    }
    let fits_layout = |layout: &Layout| -> Result<bool, Diagnostic> {
        Ok(fits(
            &compose(resume, layout, book, &plain)?,
            tightest(min_leading),
        ))
    };
    // 4. Body size, in quarter points; headings shrink in proportion.
    let size = layout.fonts.size.resolve(10.0);
    let size_steps = ((size - fit.min_size) / 0.25).floor().max(0.0) as usize;
    let mut sized = looser.clone();
    sized.fonts.leading = min_leading;
    let size_at = |step: usize| size - 0.25 * step as f32;
    let with_size = |step: usize| scaled(&sized, size, size_at(step));
    if size_steps > 0 && fits_layout(&with_size(size_steps))? {
        let step = least_step(size_steps, |k| fits_layout(&with_size(k)))?;
        let chosen = with_size(step);
        let composed = compose(resume, &chosen, book, &plain)?;
        let lead = bisect_max(min_leading, leading, |l| fits(&composed, tightest(l)));
        let v = relax_spacing(&composed, lead, fit, pages);
        let knobs = vec![
            spacing_knob(v),
            looseness_knob,
            leading_knob(leading, lead),
            size_knob(size, size_at(step)),
        ];
        return Ok(done(composed, v, knobs));
    }
    // 5. Margins in quarter millimetres, at the smallest size.
    let smallest = with_size(size_steps);
    let margin = layout.page.margin.resolve(size);
    let min_margin = fit.min_margin.resolve(size).min(margin);
    const QUARTER_MM: f32 = 0.25 * 72.0 / 25.4;
    let margin_steps = ((margin - min_margin) / QUARTER_MM).ceil() as usize;
    let margin_at = |step: usize| (margin - QUARTER_MM * step as f32).max(min_margin);
    let with_margin = |step: usize| {
        let mut l = smallest.clone();
        l.page.margin = Length::Pt(margin_at(step));
        l
    };
    let narrowest = with_margin(margin_steps);
    let attempt = compose(resume, &narrowest, book, &plain)?;
    if !fits(&attempt, tightest(min_leading)) {
        let line = size_at(size_steps).max(fit.min_size) * min_leading;
        let over = attempt.overflow(tightest(min_leading), pages);
        return Err(FitError::TooLong {
            pages,
            lines: ((over / line).ceil() as usize).max(1),
            at_floors: attempt.page_count(tightest(min_leading)),
            forced: attempt.forced_pages(),
        });
    }
    let step = least_step(margin_steps, |k| fits_layout(&with_margin(k)))?;
    let chosen = with_margin(step);
    let composed = compose(resume, &chosen, book, &plain)?;
    let v = relax_spacing(&composed, min_leading, fit, pages);
    let knobs = vec![
        spacing_knob(v),
        looseness_knob,
        leading_knob(leading, min_leading),
        size_knob(size, size_at(size_steps)),
        Knob {
            name: "margins",
            from: format!("{:.1}mm", margin * 25.4 / 72.0),
            to: format!("{:.1}mm", margin_at(step) * 25.4 / 72.0),
        },
    ];
    Ok(done(composed, v, knobs))
}

/// The least `k` in `1..=most` for which `fits_at(k)` holds, given that it holds at `most`
/// and that more compression never adds a page. Bisection: about log₂(most) compositions.
pub(super) fn least_step(
    most: usize,
    mut fits_at: impl FnMut(usize) -> Result<bool, Diagnostic>,
) -> Result<usize, Diagnostic> {
    let (mut lo, mut hi) = (0, most);
    while lo + 1 < hi {
        let mid = (lo + hi) / 2;
        if fits_at(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(hi)
}

/// The largest spacing factor that still fits, at a given leading.
pub(super) fn relax_spacing(
    composed: &Composed<'_>,
    leading: f32,
    fit: &Fit,
    pages: usize,
) -> Vertical {
    let scale = bisect_max(fit.min_space_scale, 1.0, |s| {
        composed.page_count(Vertical {
            space_scale: s,
            leading,
        }) <= pages
    });
    Vertical {
        space_scale: scale,
        leading,
    }
}

/// The largest value in `lo..=hi` for which `fits` holds, given that it holds at `lo`
/// (seven halvings: within 1% of the range).
fn bisect_max(lo: f32, hi: f32, fits: impl Fn(f32) -> bool) -> f32 {
    if fits(hi) {
        return hi;
    }
    let (mut good, mut bad) = (lo, hi);
    for _ in 0..7 {
        let mid = (good + bad) / 2.0;
        if fits(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    good
}

/// The layout with its body size changed and heading sizes in proportion.
fn scaled(layout: &Layout, from: f32, to: f32) -> Layout {
    let mut layout = layout.clone();
    let ratio = to / from;
    layout.fonts.size = Length::Pt(to);
    for length in [&mut layout.fonts.name_size, &mut layout.fonts.section_size] {
        if let Length::Pt(pt) = length {
            *pt *= ratio;
        }
    }
    layout
}

pub(super) fn spacing_knob(v: Vertical) -> Knob {
    Knob {
        name: "vertical spacing",
        from: "100%".into(),
        to: format!("{:.0}%", v.space_scale * 100.0),
    }
}

pub(super) fn size_knob(from: f32, to: f32) -> Knob {
    Knob {
        name: "body size",
        from: format!("{from}pt"),
        to: format!("{to}pt"),
    }
}

fn leading_knob(from: f32, to: f32) -> Knob {
    Knob {
        name: "leading",
        from: format!("{from:.2}"),
        to: format!("{to:.2}"),
    }
}
