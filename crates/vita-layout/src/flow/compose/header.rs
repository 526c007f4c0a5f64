//! The header: name, headline and contact line, aligned as the layout says, beside the photo
//! when there is one.

use super::*;

impl Composer<'_> {
    pub(super) fn header(&mut self, header: &Header, parent: usize) {
        let align = self.layout.header.align;
        let first = self.out.len();
        // With a photo, the header's lines share the width with it.
        let photo = self.photo.clone().map(|mut p| {
            if p.image.alt.trim().is_empty() {
                let name = header.name.as_ref().map(|n| n.plain());
                p.image.alt = self.language.photo_alt(name.as_deref());
            }
            let height = self.layout.header.photo_size.resolve(self.em());
            let width = height * p.width as f32 / p.height.max(1) as f32;
            (p, width.min(self.width / 3.0), height)
        });
        let gap = self.em() * 1.2;
        let (x, width) = match (&photo, self.layout.header.photo_side) {
            (Some((_, w, _)), Side::Left) => (w + gap, self.width - w - gap),
            (Some((_, w, _)), Side::Right) => (0.0, self.width - w - gap),
            (None, _) => (0.0, self.width),
        };
        let heading = TextStyle {
            family: self.heading_faces(),
            size: self.layout.fonts.name_size.resolve(self.em()),
            color: self.layout.colors.accent,
            ..self.body.clone()
        };
        let mut any = false;
        if let Some(name) = &header.name {
            let node = self.arena.open(StructKind::Heading(1), Some(parent));
            let pieces = pieces(self.book, name, &heading.clone().bold().unhyphenated());
            self.aligned(pieces, align, node, (x, width));
            any = true;
        }
        for line in &header.headline {
            let node = self.arena.open(StructKind::Paragraph, Some(parent));
            let style = self.body.clone().italic().color(self.layout.colors.muted);
            let size = style.size * 1.1;
            let style = TextStyle { size, ..style };
            self.aligned(pieces(self.book, line, &style), align, node, (x, width));
            any = true;
        }
        if !header.contacts.is_empty() {
            let node = self.arena.open(StructKind::Paragraph, Some(parent));
            let style = self.body.clone().color(self.layout.colors.muted);
            let separator = format!(" {} ", self.layout.header.separator.trim());
            let mut line = Vec::new();
            for (i, contact) in header.contacts.iter().enumerate() {
                // An icon first: the one the source puts before the item
                // (`<i class="fa fa-envelope">`), or when the layout asks for icons the one its
                // kind and address call for; set small, between narrow spaces (see
                // `crate::icons::set_beside_text`).
                let written = contact
                    .text
                    .chars()
                    .next()
                    .filter(|&c| vita_model::icons::is_icon(c));
                let text = vita_model::icons::strip_leading(&contact.text);
                let icon = written.or_else(|| {
                    crate::icons::for_contact(contact).filter(|_| self.layout.header.icons)
                });
                if i > 0 {
                    let text = match icon {
                        Some(_) => {
                            format!("{}{}", separator.trim_end(), crate::icons::SPACE_BEFORE)
                        }
                        None => separator.clone(),
                    };
                    let mut piece = style.piece(self.book, text);
                    piece.separator = true;
                    line.push(piece);
                }
                if let Some(icon) = icon {
                    let (size, tracking) = crate::icons::set_beside_text(self.book, icon);
                    let icon_style = TextStyle {
                        size: style.size * size,
                        tracking: style.size * tracking,
                        color: self.layout.colors.accent,
                        ..style.clone()
                    };
                    line.push(icon_style.piece(self.book, icon.to_string()));
                    let space = crate::icons::SPACE_AFTER.to_string();
                    line.push(style.piece(self.book, space));
                }
                // Keep each item whole: breaks go only between items. The no-break spaces
                // read back as plain spaces (see `aligned`).
                let mut piece = style.piece(self.book, text.replace(' ', "\u{a0}"));
                piece.whole = true;
                piece.link = contact.url.clone();
                piece.source = Some(contact.span.clone());
                line.push(piece);
            }
            self.aligned(line, align, node, (x, width));
            any = true;
        }
        if let Some((photo, w, h)) = photo {
            self.place_photo(photo, first, w, h, parent);
            any = true;
        }
        if any {
            self.space(self.layout.header.space_after.resolve(self.em()));
        }
    }

    /// Hangs the photo from the top of the header's first line, on the layout's side, and
    /// makes the header at least as tall as the photo.
    pub(super) fn place_photo(
        &mut self,
        photo: PhotoData,
        first: usize,
        width: f32,
        height: f32,
        parent: usize,
    ) {
        let node = self.arena.open(StructKind::Figure, Some(parent));
        let leading = self.layout.fonts.leading;
        let x = match self.layout.header.photo_side {
            Side::Left => 0.0,
            Side::Right => self.width - width,
        };
        let mut image = photo.image;
        let lines: Vec<usize> = (first..self.out.len())
            .filter(|&i| matches!(self.out[i], VItem::Line(_)))
            .collect();
        let text_height: f32 = lines
            .iter()
            .map(|&i| match &self.out[i] {
                VItem::Line(l) => {
                    let (a, d) = l.extent(leading);
                    a + d
                }
                VItem::Space(s) | VItem::Gap { space: s, .. } => *s,
            })
            .sum();
        match lines.first().map(|&i| &mut self.out[i]) {
            Some(VItem::Line(line)) => {
                let (ascent, _) = line.extent(leading);
                image.rect = Rect {
                    x,
                    y: -ascent,
                    width,
                    height,
                };
                line.items.push((Item::Image(image), node));
            }
            _ => {
                // A header of only a photo: a line of its own.
                let rect = Rect {
                    x,
                    y: -height,
                    width,
                    height,
                };
                self.image_line(image, rect, node);
            }
        }
        if height > text_height {
            self.space(height - text_height);
        }
    }

    /// Lines set centred, left or right within the band `x..x + width`.
    pub(super) fn aligned(
        &mut self,
        pieces: Vec<Piece>,
        align: Align,
        node: usize,
        band: (f32, f32),
    ) {
        let (left, width) = band;
        let mut para = self.shape(pieces, false);
        for line in self.lines(&mut para, false, |_| width) {
            let x = left
                + match align {
                    Align::Left => 0.0,
                    Align::Center => (width - line.width) / 2.0,
                    Align::Right => width - line.width,
                };
            let mut items = line_items(self.book, &para, &line, Point { x, y: 0.0 });
            for item in &mut items {
                if let Item::Text(run) = item {
                    text_layer::no_break_spaces_read_as_spaces(run);
                }
            }
            self.push_line(&line, items, node, false);
        }
    }
}
