//! Glyph runs: shaped glyphs handed to krilla exactly as positioned by layout.
//!
//! krilla builds each font's `ToUnicode` map from the text range of every glyph it draws, and
//! wraps a glyph cluster in an `/ActualText` span when several glyphs share one range. A run's
//! [`GlyphRun::actual_text`] uses that same mechanism: all of its glyphs are given one range
//! covering the replacement text. See [`TextMode`] for the one catch.

use krilla::color::rgb;
use krilla::geom::{Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{GlyphId, KrillaGlyph};

use crate::fonts::Drawn;
use vita_layout::{Color, GlyphRun};

/// How a run's glyphs are tied to text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextMode {
    /// Each glyph maps to its own range of [`GlyphRun::text`], ignoring `actual_text`.
    ///
    /// krilla keeps the first text it sees for a glyph as that glyph's `ToUnicode` entry. Were
    /// the first sighting of, say, "o" inside a run whose actual text is "orchestrated", every
    /// later "o" would map to "orchestrated" (and krilla would patch each one up with its own
    /// `/ActualText` span). [`crate::pdf`] therefore first draws every run in this mode on a
    /// surface it then throws away, so that each glyph's entry is its natural text.
    Natural,
    /// As [`TextMode::Natural`], except that a run with `actual_text` is drawn as one cluster
    /// covering that text, which krilla writes as a single `/ActualText` span.
    Final,
    /// Glyph outlines drawn as paths: visible, but no text for any extractor (page furniture).
    Outlines,
}

/// Checks everything about a run that krilla would otherwise panic on or write as garbage.
pub(crate) fn check(run: &GlyphRun) -> Result<(), &'static str> {
    if !(run.size.is_finite() && run.size > 0.0) {
        return Err("glyph run has a non-positive or non-finite font size");
    }
    if !(run.origin.x.is_finite() && run.origin.y.is_finite()) {
        return Err("glyph run has a non-finite origin");
    }
    for glyph in &run.glyphs {
        if ![glyph.advance, glyph.x_offset, glyph.y_offset]
            .iter()
            .all(|v| v.is_finite())
        {
            return Err("glyph has a non-finite advance or offset");
        }
        // krilla slices the run's text with this range.
        if run.text.get(glyph.text.clone()).is_none() {
            return Err("glyph's text range is not a character range of the run's text");
        }
    }
    Ok(())
}

/// Draws one run (already [`check`]ed) in its colour.
pub(crate) fn draw(surface: &mut Surface<'_>, run: &GlyphRun, drawn: &Drawn, mode: TextMode) {
    let font = &drawn.font;
    let actual = match mode {
        TextMode::Final => run.actual_text.as_deref(),
        TextMode::Natural | TextMode::Outlines => None,
    };
    let text = actual.unwrap_or(&run.text);
    let glyphs: Vec<KrillaGlyph> = run
        .glyphs
        .iter()
        .map(|g| {
            // With `Some("")` every range is `0..0`, which krilla also reads as right-to-left
            // text and marks `/ReversedChars` inside the empty `/ActualText`: odd, but valid,
            // and the empty replacement still wins.
            let range = match actual {
                Some(actual) => 0..actual.len(),
                None => g.text.clone(),
            };
            // krilla wants metrics relative to the font size (it multiplies them back by it);
            // the display list has them in points. Both use y-up offsets.
            KrillaGlyph::new(
                GlyphId::new(u32::from(g.id)),
                g.advance / run.size,
                g.x_offset / run.size,
                g.y_offset / run.size,
                0.0,
                range,
                None,
            )
        })
        .collect();
    surface.set_fill(Some(fill(run.color)));
    if drawn.embolden {
        // A stroke in the text colour thickens every stem by 3% of the size on each side.
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(run.color.r, run.color.g, run.color.b).into(),
            width: run.size * SYNTHETIC_BOLD,
            ..Stroke::default()
        }));
    }
    // A slanted face leans about 12° around the run's baseline origin; the advances stay, so
    // the layout's line widths hold.
    if drawn.slant {
        // y grows downwards: points above the baseline move right.
        surface.push_transform(&Transform::from_row(
            1.0,
            0.0,
            -SYNTHETIC_SLANT,
            1.0,
            SYNTHETIC_SLANT * run.origin.y,
            0.0,
        ));
    }
    surface.draw_glyphs(
        Point::from_xy(run.origin.x, run.origin.y),
        &glyphs,
        font.clone(),
        text,
        run.size,
        mode == TextMode::Outlines,
    );
    if drawn.slant {
        surface.pop();
    }
    if drawn.embolden {
        surface.set_stroke(None);
    }
}

/// How far a synthetic italic leans: the horizontal shift per unit of height (tan 12°).
const SYNTHETIC_SLANT: f32 = 0.2126;
/// The stroke width of a synthetic bold, as a fraction of the text size.
const SYNTHETIC_BOLD: f32 = 0.03;

/// An opaque, non-zero fill in a display-list colour.
pub(crate) fn fill(color: Color) -> Fill {
    Fill {
        paint: rgb::Color::new(color.r, color.g, color.b).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}
