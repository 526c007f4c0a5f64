//! Test helpers: paragraphs of abstract items with plain numbers, as textwrap tests its
//! wrapping, so line breaking is tested without fonts.

use super::linebreak::{INFINITE_PENALTY, Item};

/// A word of the given width.
pub(crate) fn word(width: f32) -> Item {
    Item::Box { width }
}

/// Glue with a width, stretch and shrink.
pub(crate) fn glue(width: f32, stretch: f32, shrink: f32) -> Item {
    Item::Glue {
        width,
        stretch,
        shrink,
        fill: false,
    }
}

/// Ends a line where it is (a hard line break): fill glue, then a forced break.
pub(crate) fn forced_break(items: &mut Vec<Item>) {
    items.push(Item::Glue {
        width: 0.0,
        stretch: 0.0,
        shrink: 0.0,
        fill: true,
    });
    items.push(Item::Penalty {
        width: 0.0,
        penalty: -INFINITE_PENALTY,
        flagged: false,
    });
}

/// Ends a paragraph as TeX does: no break, then a forced break after fill glue.
pub(crate) fn finish(items: &mut Vec<Item>) {
    items.push(Item::Penalty {
        width: 0.0,
        penalty: INFINITE_PENALTY,
        flagged: false,
    });
    forced_break(items);
}

/// Words of the given widths separated by `space`, finished.
pub(crate) fn paragraph(words: &[f32], space: Item) -> Vec<Item> {
    let mut items = Vec::new();
    for (i, &w) in words.iter().enumerate() {
        if i > 0 {
            items.push(space);
        }
        items.push(word(w));
    }
    finish(&mut items);
    items
}
