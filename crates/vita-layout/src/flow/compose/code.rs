//! Code blocks: set as written, line for line, in the layout's monospaced family.
//!
//! A code block is never justified or hyphenated, its spaces and indentation keep their
//! widths, and a line longer than the measure wraps at a space (or, with none, between
//! characters as for any word too long for its line) rather than running off the page, its
//! continuation lines hanging in from the line's indentation. Its groups of lines between blank
//! ones break across pages as paragraphs do.

use vita_model::CodeBlock;

use super::*;
use crate::inline::TAB_COLUMNS;

/// How many columns the lines a long code line wraps into hang in from its indentation.
const CONTINUATION: usize = 4;

/// The columns of indentation a source line of code starts with (a tab to the next multiple
/// of [`TAB_COLUMNS`], as a verbatim piece is set).
fn columns(line: &[Piece]) -> usize {
    let text: String = line.iter().map(|p| p.text.as_str()).collect();
    let mut column = 0;
    for c in text.chars() {
        match c {
            ' ' => column += 1,
            '\t' => column = (column / TAB_COLUMNS + 1) * TAB_COLUMNS,
            _ => break,
        }
    }
    column
}

impl Composer<'_> {
    pub(super) fn code_block(&mut self, code: &CodeBlock, x: f32, width: f32, parent: usize) {
        let node = self.arena.open(StructKind::Paragraph, Some(parent));
        // The code's runs are code: the monospaced family at the size that matches its
        // x-height to the body's (see `text::code_scale`).
        let mut pieces = pieces(self.book, &code.text, &self.body.clone().unhyphenated());
        for piece in &mut pieces {
            piece.verbatim = true;
            piece.whole = true;
            piece.hyphenate = false;
        }
        let size = self.body.size
            * super::super::text::code_scale(self.book, self.body.family[0], self.body.mono[0]);
        let space = pieces
            .iter()
            .find(|p| p.text != "\n")
            .map_or(size * 0.6, |p| {
                let face = self.book.face(p.style.face);
                let shaped = self.book.shape(p.style.face, false, " ");
                shaped.width * p.style.size / face.units_per_em
            });
        // One source line at a time, so that the lines a long one wraps into can be told
        // apart: they hang CONTINUATION columns further in than the line's own indentation.
        let mut source_lines: Vec<Vec<Piece>> = vec![Vec::new()];
        for piece in pieces {
            if piece.text == "\n" {
                source_lines.push(Vec::new());
            } else if let Some(line) = source_lines.last_mut() {
                line.push(piece);
            }
        }
        // Each run of lines between blank ones is a paragraph of its own for page breaking
        // (no club or widow line), and a page breaks at a blank line more readily.
        let mut first = self.out.len();
        for line in source_lines {
            if line.iter().all(|p| p.text.is_empty()) {
                let none = vec![false; self.out.len() - first];
                self.settle_paragraph(first, &none);
                // A blank line of the code is as tall as the others.
                let blank = SetLine {
                    fragments: Vec::new(),
                    width: 0.0,
                    size,
                    overfull: 0.0,
                    figures: None,
                };
                self.push_line(&blank, Vec::new(), node, false);
                first = self.out.len();
                continue;
            }
            let indent = columns(&line) as f32 * space;
            let hang = (indent + CONTINUATION as f32 * space).min(width / 2.0);
            let mut para = self.shape(line, false);
            let set = self.lines(
                &mut para,
                false,
                |i| if i == 0 { width } else { width - hang },
            );
            for (i, set_line) in set.iter().enumerate() {
                let at = Point {
                    x: if i == 0 { x } else { x + hang },
                    y: 0.0,
                };
                let items = line_items(self.book, &para, set_line, at);
                self.push_line(set_line, items, node, false);
            }
        }
        let none = vec![false; self.out.len() - first];
        self.settle_paragraph(first, &none);
    }
}
