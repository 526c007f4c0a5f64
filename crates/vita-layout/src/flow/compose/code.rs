//! Code blocks: set as written, line for line, in the layout's monospaced family.
//!
//! A code block is never justified or hyphenated, its spaces and indentation keep their
//! widths, and a line longer than the measure wraps at a space (or, with none, between
//! characters as for any word too long for its line) rather than running off the page.

use vita_model::CodeBlock;

use super::*;

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
        let mut para = self.shape(pieces, false);
        let first = self.out.len();
        let lines = self.lines(&mut para, false, |_| width);
        let hyphenated = vec![false; lines.len()];
        for mut line in lines {
            // A blank line of the code is as tall as the others.
            if line.fragments.is_empty() {
                line.size = size;
            }
            let items = line_items(self.book, &para, &line, Point { x, y: 0.0 });
            self.push_line(&line, items, node, false);
        }
        self.settle_paragraph(first, &hyphenated);
    }
}
