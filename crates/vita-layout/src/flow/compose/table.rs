//! Tables: columns as wide as their content allows, cells set ragged-right, a ruled header.

use super::*;

impl Composer<'_> {
    /// A table: columns as wide as their content allows (every column at least as wide as
    /// its longest word), cells set ragged-right, the header row bold over a hairline.
    pub(super) fn table(&mut self, table: &Table, x: f32, width: f32, parent: usize) {
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
                let para = self.shape(pieces(self.book, cell, style), false);
                let w = widths[c];
                let lines = self.lines(&para, false, |_| w);
                let cell_node = self.arena.open(cell_kind, Some(node));
                cells.push((left, para, lines, cell_node));
                left += w + gap;
            }
            let height = cells.iter().map(|(_, _, l, _)| l.len()).max().unwrap_or(0);
            for i in 0..height {
                let mut items: Vec<(Item, usize)> = Vec::new();
                let mut size: f32 = 0.0;
                for (at, para, lines, cell_node) in &cells {
                    if let Some(line) = lines.get(i) {
                        size = size.max(line.size);
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
                    overfull: 0.0,
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
