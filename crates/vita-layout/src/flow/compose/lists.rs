//! Running text, hanging lists and key–value rows, and the page-break penalties inside them
//! (club, widow, broken, short entries kept whole).

use super::*;

impl Composer<'_> {
    pub(super) fn paragraph(
        &mut self,
        pieces: Vec<Piece>,
        x: f32,
        width: f32,
        justify: bool,
        node: usize,
    ) {
        let mut para = self.shape(pieces, justify);
        let first = self.out.len();
        let lines = self.lines(&mut para, justify, |_| width);
        let hyphenated: Vec<bool> = lines.iter().map(SetLine::hyphenated).collect();
        for line in lines {
            let items = line_items(self.book, &para, &line, Point { x, y: 0.0 });
            self.push_line(&line, items, node, false);
        }
        self.settle_paragraph(first, &hyphenated);
    }

    /// A label hanging in the left `indent` of a paragraph (bullets, field keys).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn hanging(
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
        let mut para = self.shape(body, justify);
        let lines = self.lines(&mut para, justify, |_| width - indent);
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
    pub(super) fn settle_paragraph(&mut self, first: usize, hyphenated: &[bool]) {
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
    /// Forbids a page break after every line in `from..to`, unless nothing fits on any number
    /// of pages (see [`super::super::breaks::MUST_KEEP`]).
    pub(super) fn must_keep(&mut self, from: usize, to: usize) {
        for item in &mut self.out[from..to] {
            if let VItem::Line(line) = item {
                line.penalty = line.penalty.max(super::super::breaks::MUST_KEEP);
            }
        }
    }

    pub(super) fn keep_short_entry(&mut self, first: usize) {
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

    pub(super) fn list(&mut self, list: &List, x: f32, width: f32, parent: usize) {
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
        // Index in the vertical list of each item's last line.
        let mut item_ends: Vec<usize> = Vec::new();
        for (n, item) in list.items.iter().enumerate() {
            if n > 0 {
                if let Some(end) = self.last_line() {
                    item_ends.push(end);
                }
                self.space(item_space);
            }
            let item_node = self.arena.open(StructKind::ListItem, Some(list_node));
            let label_node = self.arena.open(StructKind::Label, Some(item_node));
            let body_node = self.arena.open(StructKind::ListBody, Some(item_node));
            let label = match list.start {
                Some(start) => format!("{}.", start + n as u64),
                None if self.list_depth > 0 => "–".to_string(),
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
            let justify = self.justify;
            let nodes = (label_node, body_node);
            self.hanging(label, label_x, body, x, indent, width, nodes, justify);
            if !item.children.is_empty() {
                self.space(item_space);
                self.list_depth += 1;
                self.blocks(&item.children, x + indent, width - indent, body_node);
                self.list_depth -= 1;
            }
        }
        // With three items or more, the first item does not stand alone at the foot of a page,
        // nor the last alone at the top of the next (a list's club and widow).
        if item_ends.len() >= 2 {
            for end in [item_ends[0], item_ends[item_ends.len() - 1]] {
                if let VItem::Line(line) = &mut self.out[end] {
                    line.penalty = line.penalty.max(NO_BREAK);
                }
            }
        }
    }

    /// Index of the last line in the vertical list so far.
    fn last_line(&self) -> Option<usize> {
        self.out.iter().rposition(|i| matches!(i, VItem::Line(_)))
    }

    pub(super) fn fields(&mut self, fields: &[Field], x: f32, width: f32, parent: usize) {
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
}
