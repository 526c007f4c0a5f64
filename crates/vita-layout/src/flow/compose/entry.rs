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
        // The dates in a column left of the entry are read first: a paragraph of their own.
        let left_dates = dates_left.then(|| self.arena.open(StructKind::Paragraph, Some(node)));
        let heading = self.arena.open(StructKind::Heading(3), Some(node));
        // What is set flush right on the title's line (dates or place) is not the title: a
        // paragraph of its own after the heading.
        let title_right = if entry.organization.is_some() {
            match self.layout.entry.arrangement {
                Arrangement::TitleDates => entry.dates.is_some() && !dates_left,
                Arrangement::TitlePlace => entry.place.is_some(),
            }
        } else {
            entry.place.is_some() || (entry.dates.is_some() && !dates_left)
        };
        let heading_right = if title_right {
            self.arena.open(StructKind::Paragraph, Some(node))
        } else {
            heading
        };
        let title = pieces(self.book, &entry.title, &self.body.clone().bold());
        let organization = entry.organization.as_ref().map(|org| {
            let style = if self.layout.entry.italic_organization {
                self.body.clone().italic()
            } else {
                self.body.clone()
            };
            let org_node = self.arena.open(StructKind::Paragraph, Some(node));
            (pieces(self.book, org, &style.unhyphenated()), org_node)
        });
        let place = entry
            .place
            .as_ref()
            .map(|place| pieces(self.book, place, &muted.clone().italic()));
        let dates = entry.dates.as_ref().filter(|_| !dates_left).map(|dates| {
            vec![muted.piece(
                self.book,
                crate::flow::dates::show(dates, self.layout.entry.date_format, self.language),
            )]
        });
        // Each left part with the right part that goes on its line.
        let mut rows: Vec<(Vec<Piece>, usize, Vec<Piece>, usize)> = Vec::new();
        match organization {
            Some((org, org_node)) => {
                let (with_title, with_org) = match self.layout.entry.arrangement {
                    Arrangement::TitleDates => (dates, place),
                    Arrangement::TitlePlace => (place, dates),
                };
                rows.push((
                    title,
                    heading,
                    with_title.unwrap_or_default(),
                    heading_right,
                ));
                rows.push((org, org_node, with_org.unwrap_or_default(), org_node));
            }
            None => {
                // No second line to carry one of them: both share the title's line, the
                // dates last so that they still end at the right edge.
                let mut right = Vec::new();
                for part in [place, dates].into_iter().flatten() {
                    if !right.is_empty() {
                        right.push(muted.piece(self.book, ", "));
                    }
                    right.extend(part);
                }
                rows.push((title, heading, right, heading_right));
            }
        }
        let heading_lines = rows.len();
        for (i, (left, node, right, right_node)) in rows.into_iter().enumerate() {
            // The heading stays with its meta lines and its first line of body.
            let keep = i + 1 < heading_lines || !entry.body.is_empty() || !entry.details.is_empty();
            self.left_right(left, right, x, width, (node, right_node), keep);
        }
        if dates_left && let Some(dates) = &entry.dates {
            let (para, line) = self.single_line(vec![muted.piece(
                self.book,
                crate::flow::dates::show(dates, self.layout.entry.date_format, self.language),
            )]);
            let first_line =
                (first..self.out.len()).find(|&i| matches!(self.out[i], VItem::Line(_)));
            if let (Some(line), Some(index)) = (line, first_line) {
                let items = line_items(self.book, &para, &line, Point { x: outer_x, y: 0.0 });
                if let VItem::Line(vline) = &mut self.out[index] {
                    // Dates first: they are read before the title, as they are seen.
                    let dates_node = left_dates.unwrap_or(heading);
                    let mut placed: Vec<(Item, usize)> =
                        items.into_iter().map(|i| (i, dates_node)).collect();
                    placed.append(&mut vline.items);
                    vline.items = placed;
                }
            }
        }
        let heading_end = self.out.len();
        for detail in &entry.details {
            let detail_node = self.arena.open(StructKind::Paragraph, Some(node));
            let pieces = pieces(self.book, detail, &self.body.clone().italic());
            self.paragraph(pieces, x, width, false, detail_node);
        }
        // The heading block (title, organisation, dates, detail lines) never ends a page: it
        // stays with the detail lines and the first line of the body after it.
        let block_end = if entry.body.is_empty() {
            heading_end
        } else {
            self.out.len()
        };
        if !entry.body.is_empty() || !entry.details.is_empty() {
            self.must_keep(first, block_end);
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
                        crate::flow::dates::show(
                            dates,
                            self.layout.entry.date_format,
                            self.language,
                        ),
                    )]);
                    widest = widest.max(line.map_or(0.0, |l| l.width));
                }
            }
        }
        asked.max(widest + self.layout.entry.gap.resolve(self.em()))
    }

    /// A line with text flush left and other text flush right on its line. A left part that
    /// wraps keeps its lines clear of the right part and carries it on its last line, so that
    /// every extractor reads the left part whole, then the right part (the source's order).
    /// The left part's items belong to structure node `nodes.0`, the right part's to `nodes.1`.
    pub(super) fn left_right(
        &mut self,
        left: Vec<Piece>,
        right: Vec<Piece>,
        x: f32,
        width: f32,
        nodes: (usize, usize),
        keep: bool,
    ) {
        let (node, right_node) = nodes;
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
        let lines = self.lines(&mut left_para, false, |_| first_width);
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut items = line_items(self.book, &left_para, &line, Point { x, y: 0.0 });
            let left_count = items.len();
            if i + 1 == count
                && right_fits
                && let Some(r) = &right_line
            {
                let at = Point {
                    x: x + width - right_width,
                    y: 0.0,
                };
                let right_items = line_items(self.book, &right_para, r, at);
                read_across_gap(&mut items, right_items, self.language.is_rtl());
            }
            let merged = SetLine {
                size: line.size.max(right_line.as_ref().map_or(0.0, |r| r.size)),
                ..line
            };
            let items = items
                .into_iter()
                .enumerate()
                .map(|(n, item)| (item, if n < left_count { node } else { right_node }))
                .collect();
            self.push_tagged(&merged, items, keep || i + 1 < count);
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
                self.push_line(&r, items, right_node, keep || i + 1 < count);
            }
        }
    }

    pub(super) fn split(&mut self, split: &SplitLine, x: f32, width: f32, parent: usize) {
        let node = self.arena.open(StructKind::Paragraph, Some(parent));
        let left = pieces(self.book, &split.left, &self.body.clone().unhyphenated());
        let muted = self.body.clone().color(self.layout.colors.muted);
        let right = pieces(self.book, &split.right, &muted);
        self.left_right(left, right, x, width, (node, node), false);
    }
}

/// Appends a right-aligned part to its line so that every extractor reads it right after the
/// left part.
///
/// Layout-analysing extractors (poppler's default mode) cut a line at a gap wider than about
/// 1.5 em and read a column of right-aligned dates after the whole left column. So the last
/// run of the left part carries `/ActualText` with its own text, a space and the right
/// part's, and the right part's runs carry an empty one: poppler, which honours ActualText,
/// reads the whole line where the left part ends. Extractors that ignore ActualText (pdf.js,
/// mutool, pypdf) read the runs as drawn, left part first. No character is added that the
/// page does not show (the U+200B bridge this replaces gave poppler thousands of them).
///
/// On a right-to-left line (`rtl`) the replacement text is written in the visual order that
/// poppler reorders back to the logical one (see [`crate::inline::bidi::visual_for_poppler`]).
pub(super) fn read_across_gap(items: &mut Vec<Item>, right: Vec<Item>, rtl: bool) {
    let right_text: String = right
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) => Some(run.actual_text.clone().unwrap_or_else(|| run.text.clone())),
            _ => None,
        })
        .collect();
    let right_text = right_text.trim();
    let last_left = items.iter_mut().rev().find_map(|item| match item {
        Item::Text(run) => Some(run),
        _ => None,
    });
    let Some(last_left) = last_left.filter(|_| !right_text.is_empty()) else {
        items.extend(right);
        return;
    };
    let own = last_left
        .actual_text
        .clone()
        .unwrap_or_else(|| last_left.text.clone());
    let joined = format!("{} {right_text}", own.trim_end());
    last_left.actual_text = Some(if rtl {
        crate::inline::bidi::visual_for_poppler(&joined)
    } else {
        joined
    });
    items.extend(right.into_iter().map(|mut item| {
        if let Item::Text(run) = &mut item {
            run.actual_text = Some(String::new());
        }
        item
    }));
}
