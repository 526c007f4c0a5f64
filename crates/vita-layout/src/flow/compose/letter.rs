//! A cover letter: the résumé's header (the same code, so the same glyphs at the same
//! places), then the date flush right, the recipient's address, the subject in bold, the
//! salutation, the body as Knuth–Plass paragraphs, the closing and the signature (an image,
//! if given, over the typed name).
//!
//! Every part is a paragraph of its own in the structure tree, inside a section after the
//! header's nodes; the signature image is a figure with its alternative text.

use vita_model::{Letter, LetterDate};

use super::*;

/// The gap between the letter's parts, in body ems.
const PART_GAP: f32 = 1.2;
/// The room left for a handwritten signature when there is no image, in body ems.
const SIGNING_ROOM: f32 = 2.4;
/// The height of a signature image, in body ems.
const SIGNATURE_HEIGHT: f32 = 3.0;
/// The least space between the body's paragraphs, in body ems (a letter's paragraphs stand
/// apart more than a résumé's).
const PARAGRAPH_GAP: f32 = 0.6;

impl Composer<'_> {
    /// Sets `letter` below its header. The header keeps the layout's sizes; the letter's own
    /// text is set at `text_size` (smaller when fitting it onto one page). `date` is the date
    /// line's text when the letter's date is a calendar day; `signature` the signature image.
    pub fn letter(
        &mut self,
        letter: &Letter,
        text_size: f32,
        date: Option<String>,
        signature: Option<PhotoData>,
    ) {
        let document = self.arena.open(StructKind::Section, None);
        self.header(&letter.header, document);
        self.body.size = text_size;
        let part = self.arena.open(StructKind::Section, Some(document));
        let start = self.out.len();
        let width = self.width;
        let date_pieces = match (&letter.date, date) {
            (Some(LetterDate::Written(text)), _) => Some(pieces(self.book, text, &self.body)),
            (_, Some(shown)) => Some(vec![self.body.piece(self.book, shown)]),
            (_, None) => None,
        };
        if let Some(date) = date_pieces {
            let node = self.arena.open(StructKind::Paragraph, Some(part));
            self.aligned(date, Align::Right, node, (0.0, width));
            self.part_gap();
        }
        if !letter.to.is_empty() {
            let node = self.arena.open(StructKind::Paragraph, Some(part));
            let first = self.out.len();
            for line in &letter.to {
                let style = self.body.clone().unhyphenated();
                self.aligned(
                    pieces(self.book, line, &style),
                    Align::Left,
                    node,
                    (0.0, width),
                );
            }
            self.must_keep(first, self.out.len().saturating_sub(1));
            self.part_gap();
        }
        if let Some(subject) = &letter.subject {
            let node = self.arena.open(StructKind::Paragraph, Some(part));
            let style = self.body.clone().bold().unhyphenated();
            let first = self.out.len();
            self.paragraph(pieces(self.book, subject, &style), 0.0, width, false, node);
            self.must_keep(first, self.out.len());
            self.part_gap();
        }
        if let Some(salutation) = &letter.salutation {
            let node = self.arena.open(StructKind::Paragraph, Some(part));
            let first = self.out.len();
            let style = self.body.clone().unhyphenated();
            self.paragraph(
                pieces(self.book, salutation, &style),
                0.0,
                width,
                false,
                node,
            );
            self.must_keep(first, self.out.len());
            self.space(self.layout.paragraph.space.resolve(self.em()));
        }
        let justify = self.layout.paragraph.justify;
        let gap = (self.layout.paragraph.space.resolve(self.em())).max(PARAGRAPH_GAP * self.em());
        for (i, block) in letter.body.iter().enumerate() {
            if i > 0 {
                self.space(gap);
            }
            match block {
                // Every paragraph of the body is set alike, whatever its length.
                Block::Paragraph(p) => {
                    let node = self.arena.open(StructKind::Paragraph, Some(part));
                    let pieces = pieces(self.book, &p.text, &self.body);
                    self.paragraph(pieces, 0.0, width, justify, node);
                }
                other => self.blocks(std::slice::from_ref(other), 0.0, width, part),
            }
        }
        self.part_gap();
        let first = self.out.len();
        if let Some(closing) = &letter.closing {
            let node = self.arena.open(StructKind::Paragraph, Some(part));
            let style = self.body.clone().unhyphenated();
            self.paragraph(pieces(self.book, closing, &style), 0.0, width, false, node);
        }
        let name = letter
            .signature
            .name
            .as_ref()
            .or(letter.header.name.as_ref());
        match signature {
            Some(image) => self.signature_image(image, name, part),
            None => self.space(SIGNING_ROOM * self.em()),
        }
        if let Some(name) = name {
            let node = self.arena.open(StructKind::Paragraph, Some(part));
            let style = self.body.clone().unhyphenated();
            self.paragraph(pieces(self.book, name, &style), 0.0, width, false, node);
        }
        // The closing, the signature and the name stay together.
        self.must_keep(first, self.out.len().saturating_sub(1));
        // One bookmark, at the letter's first line, named by its subject: PDF/UA wants an
        // outline, and a reader gets a name for the letter.
        let title = letter
            .subject
            .as_ref()
            .or(letter.header.name.as_ref())
            .map(Text::plain)
            .filter(|t| !t.trim().is_empty());
        if let Some(title) = title
            && let Some(VItem::Line(line)) = self.out[start..]
                .iter_mut()
                .find(|i| matches!(i, VItem::Line(_)))
        {
            line.bookmark = Some((title, 1));
        }
    }

    fn part_gap(&mut self) {
        self.space(PART_GAP * self.em());
    }

    /// The signature image on a line of its own, left-aligned, [`SIGNATURE_HEIGHT`] tall (and
    /// at most half the text width wide), with the name as its alternative text.
    fn signature_image(&mut self, data: PhotoData, name: Option<&Text>, part: usize) {
        let node = self.arena.open(StructKind::Figure, Some(part));
        let mut height = SIGNATURE_HEIGHT * self.em();
        let mut width = height * data.width as f32 / data.height.max(1) as f32;
        if width > self.width / 2.0 {
            height *= self.width / 2.0 / width;
            width = self.width / 2.0;
        }
        let mut image = data.image;
        if image.alt.is_empty() {
            image.alt = name.map(Text::plain).unwrap_or_default();
        }
        let rect = Rect {
            x: 0.0,
            y: -height,
            width,
            height,
        };
        self.image_line(image, rect, node);
        // The line itself has no height: room for the image above its baseline, which
        // fitting may not squeeze.
        let at = self.out.len() - 1;
        let floor = height / self.layout.fonts.leading;
        self.out.insert(
            at,
            VItem::Gap {
                space: height,
                floor,
            },
        );
    }
}
