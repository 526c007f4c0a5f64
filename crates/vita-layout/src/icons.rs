//! Icons: which icon a contact item gets (`header.icons`), and keeping every icon out of the
//! text layer.
//!
//! Icons are characters of the bundled "Vita Icons" font (a Font Awesome 4.7 subset; the
//! names and characters are [`vita_model::icons`]). Ordinary font fallback sets them, so
//! `<i class="fa fa-github"></i>` and `:fa-github:` in the text are drawn where they stand. A
//! glyph run in that face is then given to an artifact node of the structure tree, which the
//! PDF writer draws as glyph outlines marked `/Artifact`: no extractor reads a private-use
//! character and no screen reader announces a picture.

use vita_model::icons::by_name;
use vita_model::{Contact, ContactKind};

use crate::display::Item;
use crate::font::{FaceId, FontBook, Variant};

/// The bundled icon font's family name.
pub const FAMILY: &str = "Vita Icons";

/// The icon for a contact item: by its kind, and for a web address by its host.
pub fn for_contact(contact: &Contact) -> Option<char> {
    let name = match contact.kind {
        ContactKind::Email => "envelope",
        ContactKind::Phone => "phone",
        ContactKind::Location => "map-marker",
        ContactKind::Url => web_icon(contact.url.as_deref().unwrap_or(&contact.text)),
        ContactKind::Other => return None,
    };
    by_name(name)
}

/// The icon of a web address: the site's own for the sites résumés link to, a globe otherwise.
fn web_icon(url: &str) -> &'static str {
    let lower = url.to_ascii_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let path = &rest[host.len().min(rest.len())..];
    let site = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
    if site("github.com") || site("github.io") {
        "github"
    } else if site("gitlab.com") {
        "gitlab"
    } else if site("linkedin.com") {
        "linkedin"
    } else if site("orcid.org") {
        "orcid"
    } else if site("twitter.com") || site("x.com") {
        "twitter"
    } else if site("stackoverflow.com") {
        "stack-overflow"
    } else if site("bitbucket.org") {
        "bitbucket"
    } else if site("medium.com") {
        "medium"
    } else if site("youtube.com") {
        "youtube"
    } else if host.contains("mastodon") || path.starts_with("/@") {
        // Mastodon instances have many hosts; profiles live at `/@name`.
        "mastodon"
    } else {
        "globe"
    }
}

/// The icon font's face in `book`, if the book has it.
pub(crate) fn face(book: &FontBook) -> Option<FaceId> {
    book.has_family(FAMILY)
        .then(|| book.select(FAMILY, Variant::default()))
}

/// How an icon beside text of size 1 is set: its size, and the (negative) tracking that makes
/// its advance, the room it takes on the line, narrower than its ink.
///
/// Extractors see the text around an icon but not the icon, and split a line at a wide gap:
/// poppler starts a new block where two words are more than one font size apart, pdfminer.six
/// where two characters are more than twice the wider one's width apart. So a contact item's
/// icon sits between a four-per-em space ([`SPACE_BEFORE`]) and a three-per-em space
/// ([`SPACE_AFTER`]), both read as spaces, and takes at most [`ADVANCE`] (0.38 em) of the line:
/// 1/4 + 0.38 + 1/3 stays under 1 em, and 0.38 under 2/3 em. Its ink may be wider, up to
/// [`INK`] (half an em), and hangs into the space after it.
pub(crate) fn set_beside_text(book: &FontBook, icon: char) -> (f32, f32) {
    let Some(face) = face(book) else {
        return (SIZE, 0.0);
    };
    let shaped = book.shape(face, false, &icon.to_string());
    let width = shaped.width / book.face(face).units_per_em;
    let size = SIZE.min(INK / width);
    let ink = width * size;
    (size, ADVANCE.min(ink) - ink)
}

/// An icon's size relative to the text beside it, when narrow enough.
const SIZE: f32 = 0.8;

/// The widest an icon's ink may be, in ems of the text beside it.
const INK: f32 = 0.5;

/// The most room an icon takes on its line, in ems of the text beside it.
const ADVANCE: f32 = 0.38;

/// The space before a contact item's icon (after the separator): a four-per-em space.
pub(crate) const SPACE_BEFORE: char = '\u{2005}';

/// The space after a contact item's icon: a three-per-em space.
pub(crate) const SPACE_AFTER: char = '\u{2004}';

/// Whether `item` is a glyph run set in the icon face.
pub(crate) fn is_icon_run(item: &Item, icons: Option<FaceId>) -> bool {
    matches!(item, Item::Text(run) if icons.is_some_and(|f| run.font.0 == f.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vita_model::Span;

    fn contact(kind: ContactKind, url: &str) -> Contact {
        Contact {
            kind,
            text: url.to_string(),
            url: Some(url.to_string()),
            span: Span::default(),
        }
    }

    #[test]
    fn contacts_get_icons_by_kind_and_host() {
        let icon = |kind, url| for_contact(&contact(kind, url));
        let name = |n| by_name(n);
        assert_eq!(icon(ContactKind::Email, "mailto:a@b.org"), name("envelope"));
        assert_eq!(icon(ContactKind::Phone, "tel:+1555"), name("phone"));
        assert_eq!(icon(ContactKind::Location, "Berlin"), name("map-marker"));
        for (url, want) in [
            ("https://github.com/ada", "github"),
            ("ada.github.io", "github"),
            ("https://gitlab.com/ada", "gitlab"),
            ("https://www.linkedin.com/in/ada", "linkedin"),
            ("https://orcid.org/0000-0002-1825-0097", "orcid"),
            ("https://mastodon.social/@ada", "mastodon"),
            ("https://hachyderm.io/@ada", "mastodon"),
            ("https://ada.dev", "globe"),
        ] {
            assert_eq!(icon(ContactKind::Url, url), name(want), "{url}");
        }
        assert_eq!(icon(ContactKind::Other, "Open to relocation"), None);
    }

    #[test]
    fn icons_beside_text_keep_their_line_one_line_for_poppler_and_pdfminer() {
        let book = FontBook::bundled();
        let face = face(&book).unwrap();
        let em = |face: FaceId, c: char| {
            book.shape(face, false, &c.to_string()).width / book.face(face).units_per_em
        };
        for family in ["Charis SIL", "Lato"] {
            let body = book.select(family, Variant::default());
            let (before, after) = (em(body, SPACE_BEFORE), em(body, SPACE_AFTER));
            for (name, c) in vita_model::icons::all() {
                let (size, tracking) = set_beside_text(&book, c);
                let ink = em(face, c) * size;
                let width = ink + tracking;
                assert!(ink <= INK + 1e-4 && width <= ADVANCE + 1e-4, "{name}");
                // The ink hangs into the space after it, but leaves a gap before the text.
                assert!(ink - width < after - 0.18, "{family}, {name}");
                // Poppler: the words around the icon less than 1 em apart.
                assert!(before + width + after < 0.97, "{family}, {name}: {width}");
                // pdfminer.six: the gap under twice the wider neighbour's width.
                assert!(width < 2.0 * before.max(after) - 0.05, "{family}, {name}");
            }
        }
    }

    #[test]
    fn the_bundled_icon_font_draws_every_icon() {
        let book = FontBook::bundled();
        let face = face(&book).expect("the icon font is bundled");
        for (name, c) in vita_model::icons::all() {
            let shaped = book.shape(face, false, &c.to_string());
            assert!(
                !shaped.missing,
                "{name} ({:04x}) is not in the font",
                c as u32
            );
        }
    }
}
