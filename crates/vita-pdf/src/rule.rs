//! Rules: filled rectangles (section underlines, drawn bullets).

use krilla::geom::{PathBuilder, Rect};
use krilla::surface::Surface;
use vita_layout::Rule;

use crate::text::fill;

/// Why a rule cannot be drawn, for [`crate::Error::Item`].
pub(crate) const INVALID_RULE: &str = "rule has a non-finite or negative-sized rectangle";

/// Checks that the rule's rectangle can be written.
pub(crate) fn check(rule: &Rule) -> Result<(), &'static str> {
    let r = rule.rect;
    Rect::from_xywh(r.x, r.y, r.width, r.height)
        .map(|_| ())
        .ok_or(INVALID_RULE)
}

/// Fills the rule's rectangle in its colour. The page surface is already y-down, like the
/// display list, so coordinates pass through unchanged.
pub(crate) fn draw(surface: &mut Surface<'_>, rule: &Rule) {
    let r = rule.rect;
    let Some(rect) = Rect::from_xywh(r.x, r.y, r.width, r.height) else {
        return;
    };
    let mut builder = PathBuilder::new();
    builder.push_rect(rect);
    // An empty rectangle yields no path; it would paint nothing anyway.
    if let Some(path) = builder.finish() {
        surface.set_fill(Some(fill(rule.color)));
        surface.draw_path(&path);
    }
}
