//! Tables: columns as wide as their content allows, cells set ragged-right, a ruled header.
//! A table whose columns cannot fit side by side even at their narrowest (one word wide) is
//! set in parts, each with as many columns as fit, one under the other, with a warning:
//! nothing runs off the page.

use super::*;

impl Composer<'_> {
    /// A table, in parts when it is wider than `width` (see the module comment).
    pub(super) fn table(&mut self, table: &Table, x: f32, width: f32, parent: usize) {
        let columns = column_count(table);
        let gap = self.em();
        let head_style = self.body.clone().bold().unhyphenated();
        let cell_style = self.body.clone().unhyphenated();
        let mut least = vec![0.0f32; columns];
        for (row, style) in std::iter::once((&table.header, &head_style))
            .chain(table.rows.iter().map(|r| (r, &cell_style)))
        {
            for (c, cell) in row.iter().enumerate() {
                for word in cell.plain().split_whitespace() {
                    let (_, line) = self.single_line(vec![style.piece(self.book, word)]);
                    least[c] = least[c].max(line.map_or(0.0, |l| l.width));
                }
            }
        }
        // Columns in parts: as many side by side as their narrowest widths and gaps allow.
        let mut parts: Vec<std::ops::Range<usize>> = Vec::new();
        let mut start = 0;
        let mut used = 0.0f32;
        for (c, w) in least.iter().enumerate() {
            let need = if c == start { *w } else { used + gap + w };
            if c > start && need > width {
                parts.push(start..c);
                start = c;
                used = *w;
            } else {
                used = need;
            }
        }
        if start < columns {
            parts.push(start..columns);
        }
        if parts.len() <= 1 {
            return self.table_part(table, x, width, parent);
        }
        self.warnings.push(
            Diagnostic::warning(
                Code::TableSplit,
                format!(
                    "a table of {columns} columns is wider than the page; it is set in {} parts, one under the other",
                    parts.len()
                ),
            )
            .at(table.span.clone()),
        );
        let cut = |row: &Vec<Text>, range: &std::ops::Range<usize>| -> Vec<Text> {
            row.get(range.clone())
                .map(<[Text]>::to_vec)
                .unwrap_or_default()
        };
        for (i, range) in parts.iter().enumerate() {
            if i > 0 {
                self.space(self.layout.list.space.resolve(self.em()));
            }
            let part = Table {
                header: cut(&table.header, range),
                rows: table.rows.iter().map(|r| cut(r, range)).collect(),
                tags: table.tags.clone(),
                span: table.span.clone(),
            };
            self.table_part(&part, x, width, parent);
        }
    }

    /// A table whose columns fit side by side: columns as wide as their content allows (every
    /// column at least as wide as its longest word), cells set ragged-right, the header row
    /// bold over a hairline.
    fn table_part(&mut self, table: &Table, x: f32, width: f32, parent: usize) {
        let columns = column_count(table);
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
                let plain = cell.plain();
                if plain.contains('\n') {
                    // A cell of several lines (`<br>`, an HTML list) is as wide as its widest.
                    for text in plain.lines() {
                        let (_, line) = self.single_line(vec![style.piece(self.book, text)]);
                        natural[c] = natural[c].max(line.map_or(0.0, |l| l.width));
                    }
                } else {
                    let (_, line) = self.single_line(pieces(self.book, cell, style));
                    natural[c] = natural[c].max(line.map_or(0.0, |l| l.width));
                }
                for word in plain.split_whitespace() {
                    let (_, line) = self.single_line(vec![style.piece(self.book, word)]);
                    least[c] = least[c].max(line.map_or(0.0, |l| l.width));
                }
            }
        }
        for (n, l) in natural.iter_mut().zip(&least) {
            *n = n.max(*l);
        }
        let room = width - gap * (columns - 1) as f32;
        let wanted: f32 = natural.iter().sum();
        let floor: f32 = least.iter().sum();
        let widths: Vec<f32> = if wanted <= room {
            natural
        } else if floor > room {
            // Even the longest words do not fit side by side: every column gets its share of
            // the room by its longest word, and words wider than that are broken (URLs at
            // their punctuation, other words between characters) rather than run off the page.
            least.iter().map(|l| l * room / floor).collect()
        } else {
            // Share what is left after the least widths by how much more each column wants.
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
        let table_node = self.arena.open(StructKind::Table, Some(parent));
        for (r, (row, style)) in rows.iter().enumerate() {
            if r > 0 {
                self.space(self.layout.list.item_space.resolve(self.em()));
            }
            let node = self.arena.open(StructKind::TableRow, Some(table_node));
            let cell_kind = if r == 0 && header.is_some() {
                StructKind::TableHeader
            } else {
                StructKind::TableCell
            };
            let mut cells: Vec<(f32, Paragraph, Vec<SetLine>, usize)> = Vec::new();
            let mut left = x;
            for (c, cell) in row.iter().enumerate() {
                let mut para = self.shape(pieces(self.book, cell, style), false);
                let w = widths[c];
                let lines = self.lines(&mut para, false, |_| w);
                let cell_node = self.arena.open(cell_kind, Some(node));
                cells.push((left, para, lines, cell_node));
                left += w + gap;
            }
            let height = cells.iter().map(|(_, _, l, _)| l.len()).max().unwrap_or(0);
            for i in 0..height {
                let mut items: Vec<(Item, usize)> = Vec::new();
                let mut size: f32 = 0.0;
                let mut overfull: f32 = 0.0;
                for (at, para, lines, cell_node) in &cells {
                    if let Some(line) = lines.get(i) {
                        size = size.max(line.size);
                        overfull = overfull.max(line.overfull);
                        let origin = Point { x: *at, y: 0.0 };
                        items.extend(
                            line_items(self.book, para, line, origin)
                                .into_iter()
                                .map(|it| (it, *cell_node)),
                        );
                    }
                }
                let line = SetLine {
                    fragments: Vec::new(),
                    width,
                    size,
                    overfull,
                    figures: None,
                };
                // A row's lines stay together.
                self.push_tagged(&line, items, i + 1 < height);
            }
            if r == 0 && header.is_some() {
                self.rule_under_table_head(x, width);
            }
        }
    }

    /// A hairline under a table's header row (an artifact).
    pub(super) fn rule_under_table_head(&mut self, x: f32, width: f32) {
        let node = self.arena.open(StructKind::Artifact, None);
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
}

/// The number of columns: the widest row's, header included.
fn column_count(table: &Table) -> usize {
    table
        .rows
        .iter()
        .chain(std::iter::once(&table.header))
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}
