//! Composing a résumé: header, sections, entries, lists and field rows become stacked lines.
//!
//! This is the only place that knows résumé concepts and the layout's arrangement of them
//! (title left and place right, organisation left and dates right, hanging bullets, aligned
//! field values). Everything below it deals in pieces of text and lines.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use vita_model::{Block, Entry, Field, Header, List, Resume, Section, SplitLine, Table, Text};

use super::breaks::NO_BREAK;
use super::text::{TextStyle, pieces};
use super::vlist::{StructArena, VItem, VLine, translate};
use crate::PhotoData;
use crate::Warning;
use crate::display::{Item, Point, Rect, Rule, StructKind};
use crate::font::{CjkForms, FontBook};
use crate::inline::knuth_plass::Params;
use crate::inline::{
    Breaking, Hyphenator, Hyphens, Paragraph, Piece, SetLine, Spacing, gap_filler, line_items,
};
use crate::theme::{Algorithm, Align, Layout, Side, TitleCase};

/// What setting one paragraph a line shorter would cost (looseness −1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Saving {
    /// The paragraph's number, in the order paragraphs are set.
    pub paragraph: usize,
    /// Lines saved.
    pub lines: usize,
    /// Extra demerits.
    pub cost: i64,
}

/// Builds the vertical list for one résumé.
pub(crate) struct Composer<'a> {
    book: &'a FontBook,
    layout: &'a Layout,
    /// Width of the text area.
    width: f32,
    body: TextStyle,
    hyphenator: Hyphenator,
    justified: Breaking,
    ragged: Breaking,
    /// Width of the date column, widened to the widest dates of the résumé (0: none).
    date_column: f32,
    /// Paragraphs set so far (numbers them for `shorten` and `savings`).
    paragraphs: Cell<usize>,
    /// Paragraphs to set one line shorter if they can be (fitting to a page count).
    pub shorten: BTreeSet<usize>,
    /// Whether to measure what shortening each paragraph would cost.
    pub probe: bool,
    /// What shortening each paragraph would cost, when probing.
    pub savings: RefCell<Vec<Saving>>,
    /// The photo to place in the header, if any.
    pub photo: Option<PhotoData>,
    /// Regional forms for Han characters, from the résumé's language.
    cjk: CjkForms,
    pub out: Vec<VItem>,
    pub arena: StructArena,
    pub warnings: Vec<Warning>,
}

impl<'a> Composer<'a> {
    pub fn new(book: &'a FontBook, layout: &'a Layout, width: f32, hyphenator: Hyphenator) -> Self {
        let size = layout.fonts.size.resolve(10.0);
        let p = &layout.paragraph;
        let params = Params {
            pretolerance: p.pretolerance,
            tolerance: p.tolerance,
            line_penalty: p.line_penalty,
            double_hyphen_demerits: p.double_hyphen_demerits,
            final_hyphen_demerits: p.final_hyphen_demerits,
            adj_demerits: p.adj_demerits,
            emergency_stretch: p.emergency_stretch.resolve(size),
            looseness: p.looseness,
            runt_demerits: p.runt_penalty,
            background_stretch: 0.0,
        };
        let justified = Breaking {
            params: params.clone(),
            greedy: p.algorithm == Algorithm::Greedy,
            protrusion: p.protrusion,
        };
        let ragged = Breaking {
            params: Params {
                background_stretch: p.ragged_stretch.resolve(size),
                ..params
            },
            ..justified.clone()
        };
        let body = TextStyle {
            family: layout.fonts.body.clone(),
            size,
            color: layout.colors.text,
            bold: false,
            italic: false,
            small_caps: false,
            tracking: 0.0,
            hyphenate: true,
        };
        Composer {
            book,
            layout,
            width,
            body,
            hyphenator,
            justified,
            ragged,
            date_column: 0.0,
            paragraphs: Cell::new(0),
            shorten: BTreeSet::new(),
            probe: false,
            savings: RefCell::new(Vec::new()),
            photo: None,
            cjk: CjkForms::default(),
            out: Vec::new(),
            arena: StructArena::default(),
            warnings: Vec::new(),
        }
    }

    fn em(&self) -> f32 {
        self.body.size
    }

    fn space(&mut self, amount: f32) {
        if amount > 0.0 {
            self.out.push(VItem::Space(amount));
        }
    }

    pub fn resume(&mut self, resume: &Resume) {
        self.cjk = CjkForms::from_lang(resume.settings.lang.as_deref());
        self.date_column = self.date_column_width(resume);
        let document = self.arena.open(StructKind::Section, None);
        self.header(&resume.header, document);
        for (index, section) in resume.sections.iter().enumerate() {
            self.section(section, document, index == 0);
        }
    }

    // ----- header -----

    fn header(&mut self, header: &Header, parent: usize) {
        let align = self.layout.header.align;
        let first = self.out.len();
        // With a photo, the header's lines share the width with it.
        let photo = self.photo.clone().map(|p| {
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
            family: self.layout.fonts.heading.clone(),
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
                if i > 0 {
                    line.push(style.piece(self.book, separator.clone()));
                }
                // Keep each item whole: breaks go only between items.
                let mut piece = style.piece(self.book, contact.text.replace(' ', "\u{a0}"));
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
    fn place_photo(
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
                VItem::Space(s) => *s,
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
                image.rect = Rect {
                    x,
                    y: -height,
                    width,
                    height,
                };
                self.out.push(VItem::Line(VLine {
                    size: 0.0,
                    depth_min: 0.0,
                    items: vec![(Item::Image(image), node)],
                    penalty: NO_BREAK,
                    bookmark: None,
                    figures: None,
                }));
            }
        }
        if height > text_height {
            self.space(height - text_height);
        }
    }

    /// Lines set centred, left or right within the band `x..x + width`.
    fn aligned(&mut self, pieces: Vec<Piece>, align: Align, node: usize, band: (f32, f32)) {
        let (left, width) = band;
        let para = self.shape(pieces, false);
        for line in self.lines(&para, false, |_| width) {
            let x = left
                + match align {
                    Align::Left => 0.0,
                    Align::Center => (width - line.width) / 2.0,
                    Align::Right => width - line.width,
                };
            let items = line_items(self.book, &para, &line, Point { x, y: 0.0 });
            self.push_line(&line, items, node, false);
        }
    }

    // ----- sections -----

    fn section(&mut self, section: &Section, parent: usize, first: bool) {
        let node = self.arena.open(StructKind::Section, Some(parent));
        if !first || !self.out.is_empty() {
            self.space(self.layout.section.space_before.resolve(self.em()));
        }
        if !section.title.is_empty() {
            let title = self.arena.open(StructKind::Heading(2), Some(node));
            let style = TextStyle {
                family: self.layout.fonts.heading.clone(),
                size: self.layout.fonts.section_size.resolve(self.em()),
                color: self.layout.colors.accent,
                bold: self.layout.section.bold,
                italic: false,
                small_caps: self.layout.section.case == TitleCase::SmallCaps,
                tracking: self.layout.section.letter_spacing.resolve(self.em()),
                hyphenate: false,
            };
            let mut letters = pieces(self.book, &section.title, &style);
            if self.layout.section.case == TitleCase::Upper {
                for piece in &mut letters {
                    piece.text = piece.text.to_uppercase();
                }
            }
            let para = self.shape(letters, false);
            let width = self.width;
            let lines = self.lines(&para, false, |_| width);
            let count = lines.len();
            for (i, line) in lines.into_iter().enumerate() {
                let items = line_items(self.book, &para, &line, Point::default());
                self.push_line(&line, items, title, true);
                if i == 0
                    && let Some(VItem::Line(l)) = self.out.last_mut()
                {
                    l.bookmark = Some((section.title.plain(), 1));
                }
                if i + 1 == count {
                    self.rule_under_last_line(title);
                }
            }
            self.space(self.layout.section.space_after.resolve(self.em()));
        }
        self.blocks(&section.blocks, 0.0, self.width, node);
    }

    /// Draws the section rule below the last line and makes the line deep enough to hold it.
    fn rule_under_last_line(&mut self, node: usize) {
        let thickness = self.layout.section.rule.resolve(self.em());
        if thickness <= 0.0 {
            return;
        }
        let gap = self.em() * 0.3;
        let color = self.layout.colors.rule;
        let width = self.width;
        if let Some(VItem::Line(line)) = self.out.last_mut() {
            let y = self.body.size * 0.35 + gap * 0.5;
            line.items.push((
                Item::Rule(Rule {
                    rect: Rect {
                        x: 0.0,
                        y,
                        width,
                        height: thickness,
                    },
                    color,
                }),
                node,
            ));
            line.depth_min = line.depth_min.max(y + thickness);
        }
    }

    fn blocks(&mut self, blocks: &[Block], x: f32, width: f32, parent: usize) {
        let mut previous: Option<&Block> = None;
        for block in blocks {
            let gap = match (previous, block) {
                (None, _) => 0.0,
                (Some(Block::Entry(_)), _) | (_, Block::Entry(_)) => {
                    self.layout.entry.space_before.resolve(self.em())
                }
                (Some(Block::Split(_)), Block::Split(_)) => 0.0,
                (Some(Block::List(_)), _) | (_, Block::List(_)) => {
                    self.layout.list.space.resolve(self.em())
                }
                _ => self.layout.paragraph.space.resolve(self.em()),
            };
            self.space(gap);
            match block {
                Block::Entry(entry) => self.entry(entry, x, width, parent),
                Block::Paragraph(p) => {
                    let node = self.arena.open(StructKind::Paragraph, Some(parent));
                    let pieces = pieces(self.book, &p.text, &self.body);
                    self.paragraph(pieces, x, width, self.layout.paragraph.justify, node);
                }
                Block::List(list) => self.list(list, x, width, parent, 0),
                Block::Fields(fields) => self.fields(fields, x, width, parent),
                Block::Split(split) => self.split(split, x, width, parent),
                Block::Table(table) => self.table(table, x, width, parent),
                Block::PageBreak => self.force_page_break(),
            }
            previous = Some(block);
        }
    }

    // ----- entries -----

    fn entry(&mut self, entry: &Entry, x: f32, width: f32, parent: usize) {
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
                super::dates::show(dates, self.layout.entry.date_format),
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
                super::dates::show(dates, self.layout.entry.date_format),
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
    fn date_column_width(&mut self, resume: &Resume) -> f32 {
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
                        super::dates::show(dates, self.layout.entry.date_format),
                    )]);
                    widest = widest.max(line.map_or(0.0, |l| l.width));
                }
            }
        }
        asked.max(widest + self.layout.entry.gap.resolve(self.em()))
    }

    /// A line with text flush left and other text flush right on its first line.
    fn left_right(
        &mut self,
        left: Vec<Piece>,
        right: Vec<Piece>,
        x: f32,
        width: f32,
        node: usize,
        keep: bool,
    ) {
        let (right_para, right_line) = self.single_line(right);
        let right_width = right_line.as_ref().map_or(0.0, |l| l.width);
        let gap = self.layout.entry.gap.resolve(self.em());
        let right_fits = right_width > 0.0 && right_width < width * 0.6;
        let first_width = if right_fits {
            width - right_width - gap
        } else {
            width
        };
        let left_para = self.shape(left, false);
        let lines = self.lines(
            &left_para,
            false,
            |i| if i == 0 { first_width } else { width },
        );
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
        if !right_fits && let Some(r) = right_line.filter(|r| r.width > 0.0) {
            let at = Point {
                x: x + (width - r.width).max(0.0),
                y: 0.0,
            };
            let items = line_items(self.book, &right_para, &r, at);
            self.push_line(&r, items, node, keep);
        }
    }

    fn split(&mut self, split: &SplitLine, x: f32, width: f32, parent: usize) {
        let node = self.arena.open(StructKind::Paragraph, Some(parent));
        let left = pieces(self.book, &split.left, &self.body.clone().unhyphenated());
        let muted = self.body.clone().color(self.layout.colors.muted);
        let right = pieces(self.book, &split.right, &muted);
        self.left_right(left, right, x, width, node, false);
    }

    // ----- paragraphs, lists, fields -----

    fn paragraph(&mut self, pieces: Vec<Piece>, x: f32, width: f32, justify: bool, node: usize) {
        let para = self.shape(pieces, justify);
        let first = self.out.len();
        let lines = self.lines(&para, justify, |_| width);
        let hyphenated: Vec<bool> = lines.iter().map(SetLine::hyphenated).collect();
        for line in lines {
            let items = line_items(self.book, &para, &line, Point { x, y: 0.0 });
            self.push_line(&line, items, node, false);
        }
        self.settle_paragraph(first, &hyphenated);
    }

    /// A label hanging in the left `indent` of a paragraph (bullets, field keys).
    #[allow(clippy::too_many_arguments)]
    fn hanging(
        &mut self,
        label: Vec<Piece>,
        label_x: f32,
        body: Vec<Piece>,
        x: f32,
        indent: f32,
        width: f32,
        nodes: (usize, usize),
        justify: bool,
    ) {
        let (label_para, label_line) = self.single_line(label);
        let para = self.shape(body, justify);
        let lines = self.lines(&para, justify, |_| width - indent);
        let first = self.out.len();
        let hyphenated: Vec<bool> = lines.iter().map(SetLine::hyphenated).collect();
        for (i, line) in lines.iter().enumerate() {
            let mut items: Vec<(Item, usize)> = Vec::new();
            if i == 0
                && let Some(label_line) = &label_line
            {
                let at = Point { x: label_x, y: 0.0 };
                items.extend(
                    line_items(self.book, &label_para, label_line, at)
                        .into_iter()
                        .map(|item| (item, nodes.0)),
                );
            }
            let at = Point {
                x: x + indent,
                y: 0.0,
            };
            items.extend(
                line_items(self.book, &para, line, at)
                    .into_iter()
                    .map(|item| (item, nodes.1)),
            );
            self.push_tagged(line, items, false);
        }
        self.settle_paragraph(first, &hyphenated);
    }

    /// Sets the page-break penalties inside the paragraph whose lines start at `self.out[first]`:
    /// no orphan (club), no widow, a hyphenated line costs extra; the last line keeps the
    /// penalty its caller gave.
    fn settle_paragraph(&mut self, first: usize, hyphenated: &[bool]) {
        let page = &self.layout.page;
        let indices: Vec<usize> = (first..self.out.len())
            .filter(|&i| matches!(self.out[i], VItem::Line(_)))
            .collect();
        let count = indices.len();
        for (n, &i) in indices.iter().enumerate().take(count.saturating_sub(1)) {
            let mut penalty = 0;
            if n == 0 {
                penalty += page.club_penalty;
            }
            if n + 2 == count {
                penalty += page.widow_penalty;
            }
            if hyphenated.get(n).copied().unwrap_or(false) {
                penalty += page.broken_penalty;
            }
            if let VItem::Line(line) = &mut self.out[i] {
                line.penalty = line.penalty.max(penalty);
            }
        }
    }

    /// Keeps an entry of few lines whole: no page break between its lines.
    fn keep_short_entry(&mut self, first: usize) {
        let lines: Vec<usize> = (first..self.out.len())
            .filter(|&i| matches!(self.out[i], VItem::Line(_)))
            .collect();
        if lines.len() as u32 > self.layout.page.keep_entry_lines {
            return;
        }
        for &i in lines.iter().take(lines.len().saturating_sub(1)) {
            if let VItem::Line(line) = &mut self.out[i] {
                line.penalty = line.penalty.max(NO_BREAK);
            }
        }
    }

    fn list(&mut self, list: &List, x: f32, width: f32, parent: usize, depth: usize) {
        let list_node = self.arena.open(StructKind::List, Some(parent));
        let mut indent = self.layout.list.indent.resolve(self.em());
        if let Some(start) = list.start {
            // Room for the widest number and the space after it.
            let widest = format!("{}.", start + list.items.len().saturating_sub(1) as u64);
            let style = self.body.clone();
            let (_, line) = self.single_line(vec![style.piece(self.book, widest)]);
            indent = indent.max(line.map_or(0.0, |l| l.width) + self.em() * 0.6);
        }
        let item_space = self.layout.list.item_space.resolve(self.em());
        for (n, item) in list.items.iter().enumerate() {
            if n > 0 {
                self.space(item_space);
            }
            let item_node = self.arena.open(StructKind::ListItem, Some(list_node));
            let label_node = self.arena.open(StructKind::Label, Some(item_node));
            let body_node = self.arena.open(StructKind::ListBody, Some(item_node));
            let label = match list.start {
                Some(start) => format!("{}.", start + n as u64),
                None if depth > 0 => "–".to_string(),
                None => self.layout.list.bullet.clone(),
            };
            let label_style = self.body.clone().color(self.layout.colors.muted);
            let label = vec![label_style.piece(self.book, label)];
            let label_x = match list.start {
                // Numbers end a clear space before the text (extractors need ≥ 0.1 em to
                // see two words), right-aligned so that 9. and 10. line up.
                Some(_) => {
                    let (_, line) = self.single_line(label.clone());
                    x + indent - line.map_or(0.0, |l| l.width) - self.em() * 0.4
                }
                None => x + indent * 0.2,
            };
            let body = pieces(self.book, &item.text, &self.body);
            let justify = self.layout.paragraph.justify;
            let nodes = (label_node, body_node);
            self.hanging(label, label_x, body, x, indent, width, nodes, justify);
            if !item.children.is_empty() {
                self.space(item_space);
                self.blocks(&item.children, x + indent, width - indent, body_node);
            }
        }
    }

    /// A table: columns as wide as their content allows (every column at least as wide as
    /// its longest word), cells set ragged-right, the header row bold over a hairline.
    fn table(&mut self, table: &Table, x: f32, width: f32, parent: usize) {
        let columns = table
            .rows
            .iter()
            .chain(std::iter::once(&table.header))
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return;
        }
        let gap = self.em();
        let head_style = self.body.clone().bold().unhyphenated();
        let cell_style = self.body.clone().unhyphenated();
        let header = (!table.header.iter().all(Text::is_empty)).then_some(&table.header);
        let rows: Vec<(&Vec<Text>, &TextStyle)> = header
            .map(|h| (h, &head_style))
            .into_iter()
            .chain(table.rows.iter().map(|r| (r, &cell_style)))
            .collect();
        // Widest word (the least a column can be) and natural width of every column.
        let mut least = vec![0.0f32; columns];
        let mut natural = vec![0.0f32; columns];
        for (row, style) in &rows {
            for (c, cell) in row.iter().enumerate() {
                let (_, line) = self.single_line(pieces(self.book, cell, style));
                natural[c] = natural[c].max(line.map_or(0.0, |l| l.width));
                for word in cell.plain().split_whitespace() {
                    let (_, line) = self.single_line(vec![style.piece(self.book, word)]);
                    least[c] = least[c].max(line.map_or(0.0, |l| l.width));
                }
            }
        }
        let room = width - gap * (columns - 1) as f32;
        let wanted: f32 = natural.iter().sum();
        let widths: Vec<f32> = if wanted <= room {
            natural
        } else {
            // Share what is left after the least widths by how much more each column wants.
            let floor: f32 = least.iter().sum();
            let extra: f32 = natural.iter().zip(&least).map(|(n, l)| n - l).sum();
            let spare = (room - floor).max(0.0);
            natural
                .iter()
                .zip(&least)
                .map(|(n, l)| {
                    l + if extra > 0.0 {
                        (n - l) * spare / extra
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        for (r, (row, style)) in rows.iter().enumerate() {
            if r > 0 {
                self.space(self.layout.list.item_space.resolve(self.em()));
            }
            let node = self.arena.open(StructKind::Paragraph, Some(parent));
            let mut cells: Vec<(f32, Paragraph, Vec<SetLine>)> = Vec::new();
            let mut left = x;
            for (c, cell) in row.iter().enumerate() {
                let para = self.shape(pieces(self.book, cell, style), false);
                let w = widths[c];
                let lines = self.lines(&para, false, |_| w);
                cells.push((left, para, lines));
                left += w + gap;
            }
            let height = cells.iter().map(|(_, _, l)| l.len()).max().unwrap_or(0);
            for i in 0..height {
                let mut items: Vec<(Item, usize)> = Vec::new();
                let mut size: f32 = 0.0;
                for (at, para, lines) in &cells {
                    if let Some(line) = lines.get(i) {
                        size = size.max(line.size);
                        let origin = Point { x: *at, y: 0.0 };
                        items.extend(
                            line_items(self.book, para, line, origin)
                                .into_iter()
                                .map(|it| (it, node)),
                        );
                    }
                }
                let line = SetLine {
                    fragments: Vec::new(),
                    width,
                    size,
                    overfull: 0.0,
                    figures: None,
                };
                // A row's lines stay together.
                self.push_tagged(&line, items, i + 1 < height);
            }
            if r == 0 && header.is_some() {
                self.rule_under_table_head(x, width, node);
            }
        }
    }

    /// A hairline under a table's header row.
    fn rule_under_table_head(&mut self, x: f32, width: f32, node: usize) {
        let color = self.layout.colors.rule;
        let y = self.body.size * 0.35;
        if let Some(VItem::Line(line)) = self.out.last_mut() {
            line.items.push((
                Item::Rule(Rule {
                    rect: Rect {
                        x,
                        y,
                        width,
                        height: 0.4,
                    },
                    color,
                }),
                node,
            ));
            line.depth_min = line.depth_min.max(y + 0.4);
        }
    }

    fn fields(&mut self, fields: &[Field], x: f32, width: f32, parent: usize) {
        let key_style = self.body.clone().bold().unhyphenated();
        let value_style = self.body.clone().unhyphenated();
        let keys: Vec<Text> = fields.iter().map(|f| with_colon(&f.key)).collect();
        let widest = keys
            .iter()
            .map(|k| {
                let (_, line) = self.single_line(pieces(self.book, k, &key_style));
                line.map_or(0.0, |l| l.width)
            })
            .fold(0.0, f32::max);
        let column = widest + self.em() * 0.6;
        let aligned = column <= width * 0.4;
        let row_space = self.layout.list.item_space.resolve(self.em());
        for (n, (field, key)) in fields.iter().zip(&keys).enumerate() {
            if n > 0 {
                self.space(row_space);
            }
            let row = self.arena.open(StructKind::Paragraph, Some(parent));
            let key_pieces = pieces(self.book, key, &key_style);
            let value = pieces(self.book, &field.value, &value_style);
            if aligned {
                // Keyword lists read better ragged: no stretched gaps between names.
                self.hanging(key_pieces, x, value, x, column, width, (row, row), false);
            } else {
                let mut run_in = key_pieces;
                run_in.push(self.body.piece(self.book, " "));
                run_in.extend(value);
                self.paragraph(run_in, x, width, false, row);
            }
        }
    }

    // ----- output -----

    /// Shapes a paragraph and reports characters the fonts cannot set.
    fn shape(&mut self, pieces: Vec<Piece>, justify: bool) -> Paragraph {
        let hyphens = self.layout.paragraph.hyphenate.then_some(Hyphens {
            hyphenator: &self.hyphenator,
            penalty: self.layout.paragraph.hyphen_penalty,
        });
        let spacing = Spacing {
            stretch: self.layout.paragraph.space_stretch,
            shrink: self.layout.paragraph.space_shrink,
            ex_hyphen_penalty: self.layout.paragraph.ex_hyphen_penalty,
            cjk: self.cjk,
        };
        let mut para = Paragraph::new(self.book, pieces, justify, hyphens, spacing);
        for (c, word, source) in para.missing.drain(..) {
            let message = format!(
                "no available font has '{c}' (U+{:04X}) in '{word}'; it will show as a box",
                u32::from(c)
            );
            // One warning per character is enough.
            if !self.warnings.iter().any(|w| {
                w.message
                    .starts_with(&message[..message.find(" in '").unwrap_or(0)])
            }) {
                self.warnings.push(Warning {
                    message: format!("{message}; {}", font_advice(c)),
                    source,
                });
            }
        }
        para
    }

    /// Ends the page after the last line so far (a page-break hint in the source); a hint
    /// before any line is ignored.
    pub fn force_page_break(&mut self) {
        if let Some(VItem::Line(line)) = self
            .out
            .iter_mut()
            .rev()
            .find(|i| matches!(i, VItem::Line(_)))
        {
            line.penalty = super::breaks::FORCE_BREAK;
        }
    }

    /// The font book in use.
    pub fn book(&self) -> &FontBook {
        self.book
    }

    /// Whether the layout asks for page footers.
    pub fn footer_wanted(&self) -> bool {
        self.layout.page.footer
    }

    /// A centred footer line ("Ada Lovelace · Page 1 of 2") with its baseline at y = 0. Its
    /// runs carry empty ActualText: page furniture is not part of the résumé's text.
    pub fn footer(&mut self, text: &str) -> Vec<Item> {
        let style = TextStyle {
            size: self.body.size * 0.8,
            ..self.body.clone().color(self.layout.colors.muted)
        };
        let (para, line) = self.single_line(vec![style.piece(self.book, text)]);
        let Some(line) = line else {
            return Vec::new();
        };
        let at = Point {
            x: (self.width - line.width) / 2.0,
            y: 0.0,
        };
        let mut items = line_items(self.book, &para, &line, at);
        for item in &mut items {
            if let Item::Text(run) = item {
                run.actual_text = Some(String::new());
            }
        }
        items
    }

    /// Breaks a shaped paragraph with the layout's settings for its mode.
    fn lines(&self, para: &Paragraph, justify: bool, width: impl Fn(usize) -> f32) -> Vec<SetLine> {
        let breaking = if justify {
            &self.justified
        } else {
            &self.ragged
        };
        let index = self.paragraphs.get();
        self.paragraphs.set(index + 1);
        if self.shorten.contains(&index) {
            let mut shorter = breaking.clone();
            shorter.params.looseness -= 1;
            return para.lines(self.book, &shorter, width);
        }
        let lines = para.lines(self.book, breaking, &width);
        if self.probe && lines.len() > 1 && !breaking.greedy {
            let mut shorter = breaking.clone();
            shorter.params.looseness -= 1;
            let tighter = para.lines(self.book, &shorter, &width);
            let demerits = |l: &[SetLine]| {
                l.first()
                    .and_then(|l| l.figures)
                    .map_or(0, |f| f.paragraph_demerits)
            };
            if tighter.len() < lines.len() {
                self.savings.borrow_mut().push(Saving {
                    paragraph: index,
                    lines: lines.len() - tighter.len(),
                    cost: (demerits(&tighter) - demerits(&lines)).max(0),
                });
            }
        }
        lines
    }

    /// The one line of a piece of text that is never broken (labels, right-aligned parts).
    fn single_line(&mut self, pieces: Vec<Piece>) -> (Paragraph, Option<SetLine>) {
        let para = self.shape(pieces, false);
        let first_fit = Breaking {
            greedy: true,
            ..self.ragged.clone()
        };
        let line = para
            .lines(self.book, &first_fit, |_| f32::INFINITY)
            .into_iter()
            .next();
        (para, line)
    }

    fn push_line(&mut self, line: &SetLine, items: Vec<Item>, node: usize, keep: bool) {
        let items = items.into_iter().map(|item| (item, node)).collect();
        self.push_tagged(line, items, keep);
    }

    fn push_tagged(&mut self, line: &SetLine, items: Vec<(Item, usize)>, keep: bool) {
        let size = if line.size > 0.0 {
            line.size
        } else {
            self.body.size
        };
        if line.overfull > 0.1 {
            let source = items.iter().find_map(|(item, _)| match item {
                Item::Text(run) => run.source.clone(),
                _ => None,
            });
            self.warnings.push(Warning {
                message: format!(
                    "a line is {:.1}pt too wide for the text area",
                    line.overfull
                ),
                source,
            });
        }
        let figures = line.figures.map(|f| {
            let text: String = items
                .iter()
                .filter_map(|(item, _)| match item {
                    Item::Text(run) => run.actual_text.clone().or_else(|| Some(run.text.clone())),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
                .replace('\u{200b}', "");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (f, text, line.overfull)
        });
        self.out.push(VItem::Line(VLine {
            size,
            depth_min: 0.0,
            items,
            penalty: if keep { NO_BREAK } else { 0 },
            bookmark: None,
            figures,
        }));
    }
}

/// What to install for a character no font has.
fn font_advice(c: char) -> &'static str {
    match u32::from(c) {
        0x3000..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => {
            "install a CJK font (Debian: fonts-noto-cjk) or pass --font-path"
        }
        0x1F000..=0x1FAFF | 0x2600..=0x27BF => {
            "install an emoji font (Debian: fonts-noto-color-emoji) or pass --font-path"
        }
        0xE000..=0xF8FF => {
            "it is a private-use character (an icon font's glyph?): write the word instead"
        }
        _ => "install a font that covers it (Debian: fonts-noto) or pass --font-path",
    }
}

/// The key with a colon, as written in the source (`**Languages:**`).
fn with_colon(key: &Text) -> Text {
    let mut key = key.clone();
    if !key.plain().trim_end().ends_with(':')
        && let Some(last) = key.runs.last_mut()
    {
        last.text.push(':');
    }
    key
}

/// Moves every item of a line so that its baseline sits at `y` and its left edge at `x`.
pub(crate) fn place(line: &VLine, x: f32, y: f32) -> Vec<(Item, usize)> {
    line.items
        .iter()
        .map(|(item, node)| {
            let mut item = item.clone();
            translate(&mut item, x, y);
            (item, *node)
        })
        .collect()
}
