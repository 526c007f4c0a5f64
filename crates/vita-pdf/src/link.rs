//! Link areas: URI link annotations (`https:`, `mailto:`, `tel:`).

use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::geom::Rect;
use vita_layout::LinkArea;

/// Why a link cannot be written, for [`crate::Error::Item`].
pub(crate) const INVALID_LINK: &str = "link has a non-finite or negative-sized rectangle";

/// Builds the annotation for a link area, or says why its rectangle is unusable.
///
/// The URL doubles as the annotation's `/Contents`, the text a screen reader announces.
pub(crate) fn annotation(link: &LinkArea) -> Result<Annotation, &'static str> {
    let r = link.rect;
    let rect = Rect::from_xywh(r.x, r.y, r.width, r.height).ok_or(INVALID_LINK)?;
    let target = Target::Action(LinkAction::new(link.url.clone()).into());
    Ok(Annotation::new_link(
        LinkAnnotation::new(rect, target),
        Some(link.url.clone()),
    ))
}
