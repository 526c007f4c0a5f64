//! Code blocks: set as written, line for line, in the layout's monospaced family.
//!
//! A code block is never justified or hyphenated, its spaces and indentation keep their
//! widths, and a line longer than the measure wraps at a space (or, with none, between
//! characters as for any word too long for its line) rather than running off the page. Its
//! groups of lines between blank ones break across pages as paragraphs do.

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
        let lines = self.lines(&mut para, false, |_| width);
        let none = vec![false; lines.len()];
        // Each run of lines between blank ones is a paragraph of its own for page breaking
        // (no club or widow line), and a page breaks at a blank line more readily.
        let mut first = self.out.len();
        for mut line in lines {
            let blank = line.fragments.is_empty();
            if blank {
                self.settle_paragraph(first, &none);
                // A blank line of the code is as tall as the others.
                line.size = size;
            }
            let items = line_items(self.book, &para, &line, Point { x, y: 0.0 });
            self.push_line(&line, items, node, false);
            if blank {
                first = self.out.len();
            }
        }
        self.settle_paragraph(first, &none);
    }
}
