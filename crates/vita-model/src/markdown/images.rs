//! Images: which one is the photo, and a warning for each of the others.
//!
//! The photo is the first image that is a PNG or JPEG file inside the résumé's folder, stands
//! on a line of its own in a paragraph (not beside text, not in a heading), is not sized as an
//! icon (an `<img>` under 64 px wide or high), and comes in the header or the first section.
//! `photo = false` in the front matter turns it off. Every image is removed from the text:
//! Vita sets no pictures inline. The model does no file I/O; whoever reads the photo checks
//! that it exists and how large it is.

use super::blocks::Node;
use super::html_tags::shorten;
use super::inline::{Image, Piece};
use super::links::{self, ImageSource};
use crate::{Code, Diagnostic, Photo};

/// Removes every image from `nodes` and returns the photo, if there is one. `scope_end` is the
/// index of the first top-level node after the first section; `allowed` is false when the
/// front matter says `photo = false`.
pub(super) fn take_photo(
    nodes: &mut Vec<Node>,
    scope_end: usize,
    allowed: bool,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Photo> {
    let mut found = Found {
        photo: None,
        allowed,
        warnings,
    };
    let mut index = 0;
    nodes.retain_mut(|node| {
        let keep = found.node(node, index < scope_end);
        index += 1;
        keep
    });
    found.photo
}

/// The photo so far and where warnings go.
struct Found<'a> {
    photo: Option<Photo>,
    allowed: bool,
    warnings: &'a mut Vec<Diagnostic>,
}

impl Found<'_> {
    /// Takes the images out of `node`; false when nothing is left of it.
    fn node(&mut self, node: &mut Node, in_scope: bool) -> bool {
        match node {
            Node::Para { pieces, .. } => {
                self.pieces(pieces, in_scope);
                pieces.iter().any(|p| match p {
                    Piece::Run(run) => !run.text.trim().is_empty(),
                    Piece::Tags { .. } => true,
                    Piece::Break { .. } | Piece::Image(_) => false,
                })
            }
            Node::Heading { pieces, .. } => {
                self.pieces(pieces, false);
                true
            }
            Node::List { items, .. } => {
                for item in items {
                    item.nodes.retain_mut(|node| self.node(node, in_scope));
                }
                true
            }
            Node::Table { head, rows, .. } => {
                for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                    self.pieces(cell, false);
                }
                true
            }
            Node::Code { .. } | Node::PageBreak { .. } | Node::Tags { .. } => true,
        }
    }

    /// Takes the images out of some inline content; `may_be_photo` is false where no photo
    /// can be (headings, cells, later sections).
    fn pieces(&mut self, pieces: &mut Vec<Piece>, may_be_photo: bool) {
        if !pieces.iter().any(|p| matches!(p, Piece::Image(_))) {
            return;
        }
        let alone = alone_on_line(pieces);
        let mut i = 0;
        pieces.retain(|piece| {
            let keep = match piece {
                Piece::Image(image) => {
                    self.image(image, may_be_photo && alone[i]);
                    false
                }
                _ => true,
            };
            i += 1;
            keep
        });
    }

    /// Decides about one image.
    fn image(&mut self, image: &Image, may_be_photo: bool) {
        let url = shorten(&image.url, 60);
        let (message, hint) = match links::image_source(&image.url) {
            ImageSource::Photo(path) => {
                let reason = if !may_be_photo || image.icon {
                    "only a picture on a line of its own in the header or first section, and \
                     not sized as an icon, is used as the photo"
                } else if !self.allowed {
                    // The front matter asked for no photo: nothing to report.
                    return;
                } else if self.photo.is_some() {
                    "the résumé already has a photo"
                } else {
                    self.photo = Some(Photo {
                        path,
                        alt: image.alt.trim().to_string(),
                        span: image.span.clone(),
                    });
                    return;
                };
                (
                    format!("image `{url}` is left out: {reason}"),
                    "Vita sets one photo and no other pictures",
                )
            }
            ImageSource::Remote => (
                format!("remote image `{url}` is left out"),
                "Vita reads nothing from the network; save the picture beside the résumé and \
                 link it by its file name (`![Photo](photo.jpg)`)",
            ),
            ImageSource::Embedded => (
                "an image embedded as a `data:` address is left out".to_string(),
                "save the picture beside the résumé and link it by its file name \
                 (`![Photo](photo.jpg)`)",
            ),
            ImageSource::Outside => (
                format!("image `{url}` is outside the résumé's folder and is left out"),
                "copy the picture into the résumé's folder (or a folder inside it) and link it \
                 from there",
            ),
            ImageSource::OtherKind(ext) => {
                let kind = if ext.is_empty() {
                    "a file without an extension".to_string()
                } else {
                    format!("a .{ext} file")
                };
                (
                    format!(
                        "image `{url}` is left out: it is {kind}, and a photo must be PNG or JPEG"
                    ),
                    "convert the picture to PNG or JPEG",
                )
            }
        };
        self.warnings.push(
            Diagnostic::warning(Code::Image, message)
                .at(image.span.clone())
                .with_hint(hint),
        );
    }
}

/// For each piece, whether it is on a line with no visible text besides images.
fn alone_on_line(pieces: &[Piece]) -> Vec<bool> {
    let mut out = vec![false; pieces.len()];
    let mut line_start = 0;
    let mut has_text = false;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Run(run) => has_text |= !run.text.trim().is_empty(),
            Piece::Break { .. } => {
                out[line_start..i].fill(!has_text);
                line_start = i + 1;
                has_text = false;
            }
            Piece::Tags { .. } | Piece::Image(_) => {}
        }
    }
    out[line_start..].fill(!has_text);
    out
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{parse_ok, placed};
    use std::path::Path;

    #[test]
    fn the_first_local_picture_in_the_header_is_the_photo() {
        let src = "# Ada\n\n![Ada at work](img/ada.jpg)\n\nada@example.com\n\n## Work\n\n\
                   ![second](b.png)\n\n## Later\n\n![late](c.png)\n";
        let parsed = parse_ok(src);
        let photo = parsed.resume.header.photo.as_ref().expect("a photo");
        assert_eq!(photo.path, Path::new("img/ada.jpg"));
        assert_eq!(photo.alt, "Ada at work");
        assert_eq!(&src[photo.span.clone()], "![Ada at work](img/ada.jpg)");
        assert_eq!(parsed.resume.header.contacts.len(), 1);
        // Both sections held only a picture that is left out, so they are left out too.
        assert!(parsed.resume.sections.is_empty());
        assert_eq!(
            placed(src, &parsed.warnings),
            [
                ("V0116", "## Work\n"),
                ("V0120", "![second](b.png)"),
                ("V0116", "## Later\n"),
                ("V0120", "![late](c.png)"),
            ]
        );
    }

    #[test]
    fn html_img_in_the_first_section_and_refusals() {
        let src = "# Ada\n\n## About\n\n<p align=\"center\"><img src=\"me.png\" width=\"160\" alt=\"Ada\"></p>\n\n\
                   ![badge](https://img.shields.io/x.svg) ![up](../up.png) ![svg](logo.svg) \
                   <img src=\"gh.png\" width=\"16\"> text\n";
        let parsed = parse_ok(src);
        let photo = parsed.resume.header.photo.as_ref().expect("a photo");
        assert_eq!(
            (photo.path.as_path(), photo.alt.as_str()),
            (Path::new("me.png"), "Ada")
        );
        assert_eq!(
            placed(src, &parsed.warnings),
            [
                ("V0120", "![badge](https://img.shields.io/x.svg)"),
                ("V0120", "![up](../up.png)"),
                ("V0120", "![svg](logo.svg)"),
                ("V0120", "<img src=\"gh.png\" width=\"16\">"),
            ]
        );
    }

    #[test]
    fn photo_false_turns_it_off() {
        let parsed =
            parse_ok("+++\nphoto = false\n+++\n# Ada\n\n![me](me.jpg)\n\n## Work\n\nHi.\n");
        assert!(parsed.resume.header.photo.is_none());
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }
}
