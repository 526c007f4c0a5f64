//! Mirroring a page for a right-to-left résumé (Hebrew, Arabic): every item moves to the
//! mirror image of its place across the page's vertical centre line, so dates stand on the
//! left, bullets and ragged lines on the right, the photo on the other side. Glyph runs move
//! whole and keep their glyphs (see `inline::bidi`, which makes that the last step of the
//! bidi algorithm); the display list's order, and so the text's reading order, is unchanged.

use crate::display::{Item, Page};

/// Mirrors every item of `page` left to right.
pub(crate) fn mirror(page: &mut Page) {
    let width = page.width;
    for item in &mut page.items {
        match item {
            Item::Text(run) => run.origin.x = width - run.origin.x - run.width(),
            Item::Rule(rule) => rule.rect.x = width - rule.rect.x - rule.rect.width,
            Item::Link(link) => link.rect.x = width - link.rect.x - link.rect.width,
            Item::Image(image) => image.rect.x = width - image.rect.x - image.rect.width,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::{Color, Rect, Rule};

    #[test]
    fn an_item_moves_to_the_other_side() {
        let mut page = Page {
            width: 100.0,
            height: 100.0,
            items: vec![Item::Rule(Rule {
                rect: Rect {
                    x: 10.0,
                    y: 0.0,
                    width: 20.0,
                    height: 1.0,
                },
                color: Color::default(),
            })],
        };
        mirror(&mut page);
        let Item::Rule(rule) = &page.items[0] else {
            unreachable!()
        };
        assert_eq!(rule.rect.x, 70.0);
    }
}
