//! Entries: title, organisation, place and dates arranged in lines with right-aligned parts
//! (or a date column), then the entry's body.

use super::*;

impl Composer<'_> {
    pub(super) fn entry(&mut self, entry: &Entry, x: f32, width: f32, parent: usize) {
        let first = self.out.len();
        let node = self.arena.open(StructKind::Section, Some(parent));
        let muted = self.body.clone().color(self.layout.colors.muted);
        // With a date column, the dates hang left of the entry and everything else moves in.
        let column = self.date_column;
        let dates_left = column > 0.0 && column < width / 2.0 && entry.dates.is_some();
        let (x, width, outer_x) = if dates_left {
            (x + column, width - column, x)
        } else {
            (x, width, x)
        };
        let mut lefts: Vec<(Vec<Piece>, usize)> = Vec::new();
        let heading = self.arena.open(StructKind::Heading(3), Some(node));
        lefts.push((
            pieces(self.book, &entry.title, &self.body.clone().bold()),
            heading,
        ));
        if let Some(org) = &entry.organization {
            let style = if self.layout.entry.italic_organization {
                self.body.clone().italic()
            } else {
                self.body.clone()
            };
            let org_node = self.arena.open(StructKind::Paragraph, Some(node));
            lefts.push((pieces(self.book, org, &style.unhyphenated()), org_node));
        }
        let mut rights: Vec<Vec<Piece>> = Vec::new();
        if let Some(place) = &entry.place {
            rights.push(pieces(self.book, place, &muted.clone().italic()));
        }
        if let Some(dates) = entry.dates.as_ref().filter(|_| !dates_left) {
            rights.push(vec![muted.piece(
                self.book,
                crate::flow::dates::show(dates, self.layout.entry.date_format),
            )]);
        }
        // More right-hand items than lines to pair them with: join them on the first line.
        if rights.len() > lefts.len() {
            let mut joined = Vec::new();
            for (i, right) in rights.drain(..).enumerate() {
                if i > 0 {
                    joined.push(muted.piece(self.book, ", "));
                }
                joined.extend(right);
            }
            rights.push(joined);
        }
        let mut rights = rights.into_iter();
        let heading_lines = lefts.len();
        for (i, (left, node)) in lefts.into_iter().enumerate() {
            let right = rights.next().unwrap_or_default();
            // The heading stays with its meta lines and its first line of body.
            let keep = i + 1 < heading_lines || !entry.body.is_empty() || !entry.details.is_empty();
            self.left_right(left, right, x, width, node, keep);
        }
        if dates_left && let Some(dates) = &entry.dates {
            let (para, line) = self.single_line(vec![muted.piece(
                self.book,
                crate::flow::dates::show(dates, self.layout.entry.date_format),
            )]);
            let first_line =
                (first..self.out.len()).find(|&i| matches!(self.out[i], VItem::Line(_)));
            if let (Some(line), Some(index)) = (line, first_line) {
                let items = line_items(self.book, &para, &line, Point { x: outer_x, y: 0.0 });
                if let VItem::Line(vline) = &mut self.out[index] {
                    // Dates first: they are read before the title, as they are seen.
                    let mut placed: Vec<(Item, usize)> =
                        items.into_iter().map(|i| (i, heading)).collect();
                    placed.append(&mut vline.items);
                    vline.items = placed;
                }
            }
        }
        for detail in &entry.details {
            let detail_node = self.arena.open(StructKind::Paragraph, Some(node));
            let pieces = pieces(self.book, detail, &self.body.clone().italic());
            self.paragraph(pieces, x, width, false, detail_node);
        }
        if !entry.body.is_empty() {
            self.space(self.layout.list.space.resolve(self.em()));
        }
        self.blocks(&entry.body, x, width, node);
        self.keep_short_entry(first);
    }

    /// The date column: as wide as the layout asks, and at least as wide as the widest dates
    /// plus the gap, so that every entry's text starts at one edge.
    pub(super) fn date_column_width(&mut self, resume: &Resume) -> f32 {
        let asked = self.layout.entry.date_column.resolve(self.em());
        if asked <= 0.0 {
            return 0.0;
        }
        let muted = self.body.clone().color(self.layout.colors.muted);
        let mut widest: f32 = 0.0;
        for section in &resume.sections {
            for block in &section.blocks {
                if let Block::Entry(Entry {
                    dates: Some(dates), ..
                }) = block
                {
                    let (_, line) = self.single_line(vec![muted.piece(
                        self.book,
                        crate::flow::dates::show(dates, self.layout.entry.date_format),
                    )]);
                    widest = widest.max(line.map_or(0.0, |l| l.width));
                }
            }
        }
        asked.max(widest + self.layout.entry.gap.resolve(self.em()))
    }

    /// A line with text flush left and other text flush right on its first line.
    pub(super) fn left_right(
        &mut self,
        left: Vec<Piece>,
        right: Vec<Piece>,
        x: f32,
        width: f32,
        node: usize,
        keep: bool,
    ) {
        let (mut right_para, right_line) = self.single_line(right);
        let right_width = right_line.as_ref().map_or(0.0, |l| l.width);
        let gap = self.layout.entry.gap.resolve(self.em());
        let right_fits = right_width > 0.0 && right_width < width * 0.6;
        let first_width = if right_fits {
            width - right_width - gap
        } else {
            width
        };
        let mut left_para = self.shape(left, false);
        let lines = self.lines(&mut left_para, false, |i| {
            if i == 0 { first_width } else { width }
        });
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut items = line_items(self.book, &left_para, &line, Point { x, y: 0.0 });
            if i == 0
                && right_fits
                && let Some(r) = &right_line
            {
                let at = Point {
                    x: x + width - right_width,
                    y: 0.0,
                };
                let style = self.body.piece_style(self.book, false, false);
                items.extend(gap_filler(self.book, style, x + line.width, at.x, 0.0));
                items.extend(line_items(self.book, &right_para, r, at));
            }
            let merged = SetLine {
                size: line.size.max(right_line.as_ref().map_or(0.0, |r| r.size)),
                ..line
            };
            self.push_line(&merged, items, node, keep || i + 1 < count);
        }
        if !right_fits && right_width > 0.0 {
            // Too long to share a line: the right part gets lines of its own below, broken at
            // the full width, each flush right.
            let lines = self.lines(&mut right_para, false, |_| width);
            let count = lines.len();
            for (i, r) in lines.into_iter().enumerate() {
                let at = Point {
                    x: x + (width - r.width).max(0.0),
                    y: 0.0,
                };
                let items = line_items(self.book, &right_para, &r, at);
                self.push_line(&r, items, node, keep || i + 1 < count);
            }
        }
    }

    pub(super) fn split(&mut self, split: &SplitLine, x: f32, width: f32, parent: usize) {
        let node = self.arena.open(StructKind::Paragraph, Some(parent));
        let left = pieces(self.book, &split.left, &self.body.clone().unhyphenated());
        let muted = self.body.clone().color(self.layout.colors.muted);
        let right = pieces(self.book, &split.right, &muted);
        self.left_right(left, right, x, width, node, false);
    }
}
