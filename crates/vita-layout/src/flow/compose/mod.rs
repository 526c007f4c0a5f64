//! Composing a résumé: header, sections, entries, lists and field rows become stacked lines.
//!
//! This is the only place that knows résumé concepts and the layout's arrangement of them
//! (title left and place right, organisation left and dates right, hanging bullets, aligned
//! field values). Everything below it deals in pieces of text and lines.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use vita_model::{
    Block, Entry, Field, Header, Language, List, Resume, Section, SplitLine, Table, Text,
};

mod code;
mod entry;
mod header;
mod keywords;
mod letter;

pub use keywords::keywords as keywords_of;
mod lists;
mod sidebar;
mod table;
mod text_layer;

pub(crate) use sidebar::Columns;

use super::breaks::NO_BREAK;

/// Most lines of text before a list that are kept with it (a heading written as text).
const MAX_LEAD_LINES: usize = 3;
use super::text::{TextStyle, pieces};
use super::vlist::{StructArena, VItem, VLine, translate};
use crate::PhotoData;
use crate::display::{Item, Point, Rect, Rule, StructKind};
use crate::font::{CjkForms, FaceId, FontBook, Variant};
use crate::inline::knuth_plass::Params;
use crate::inline::{
    Breaking, Hyphenator, Hyphens, Paragraph, Piece, SetLine, Spacing, line_items,
};
use crate::theme::{Algorithm, Align, Arrangement, Layout, Side, TitleCase};
use crate::{Code, Diagnostic};

/// The least space between two entries, as a share of the body's baseline-to-baseline
/// distance: entries then stand at least 1.65 lines apart, above the ~1.4 that parsers use
/// to tell a new entry from the next line of the same one (issue #18).
pub(crate) const ENTRY_RHYTHM: f32 = 0.65;

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
    /// The résumé's language: month names and the "present" word of dates, default words.
    pub language: &'static Language,
    /// How many list items the current block sits inside (nested bullets are dashes).
    list_depth: usize,
    /// Scripts (see [`script_name`]) already warned about as missing from every font.
    missing_reported: BTreeSet<String>,
    /// Characters no font has, once each (see [`crate::Laid::missing_glyphs`]).
    pub missing: Vec<char>,
    /// Justify running text (the layout's setting, or the sidebar's while composing it).
    justify: bool,
    /// The bundled icon font's face: runs set in it are artifacts (see [`crate::icons`]).
    icon_face: Option<crate::font::FaceId>,
    /// The main column's list (with the header at its start, see `header_len`).
    pub out: Vec<VItem>,
    /// How many items at the start of `out` are the header (set only with a sidebar).
    pub header_len: usize,
    /// The sidebar's list (empty without a sidebar).
    pub side: Vec<VItem>,
    /// Where the columns stand, when the layout has a sidebar.
    pub columns: Option<Columns>,
    pub arena: StructArena,
    pub warnings: Vec<Diagnostic>,
    /// The heading family's faces, in [`Variant::ALL`] order.
    heading: [FaceId; 4],
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
            letter_stretch: p.letter_stretch,
        };
        let justified = Breaking {
            params: params.clone(),
            greedy: p.algorithm == Algorithm::Greedy,
            protrusion: p.protrusion,
        };
        let ragged = Breaking {
            params: Params {
                background_stretch: p.ragged_stretch.resolve(size),
                letter_stretch: 0.0,
                ..params
            },
            ..justified.clone()
        };
        let folders = layout.fonts.folders();
        let mut warnings = Vec::new();
        let mut faces = |name: &str| match book.family(name, &folders) {
            Ok(family) => {
                for message in family.warnings {
                    let warning = Diagnostic::warning(Code::SyntheticStyle, message);
                    if !warnings.contains(&warning) {
                        warnings.push(warning);
                    }
                }
                family.faces
            }
            // Unknown families are reported before composing; Charis SIL stands in.
            Err(_) => Variant::ALL.map(|v| FaceId(v.index())),
        };
        let heading = faces(&layout.fonts.heading);
        let family = faces(&layout.fonts.body);
        let mono = faces(layout.fonts.mono_family());
        let body = TextStyle {
            family,
            mono,
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
            language: Language::for_tag(None),
            list_depth: 0,
            missing_reported: BTreeSet::new(),
            missing: Vec::new(),
            justify: layout.paragraph.justify,
            icon_face: crate::icons::face(book),
            out: Vec::new(),
            header_len: 0,
            side: Vec::new(),
            columns: None,
            arena: StructArena::default(),
            warnings,
            heading,
        }
    }

    fn em(&self) -> f32 {
        self.body.size
    }

    /// A line of no height holding only `image` at `rect` (a header photo alone, a letter's
    /// signature): the room above its baseline is the caller's to leave.
    fn image_line(&mut self, mut image: crate::display::Image, rect: Rect, node: usize) {
        image.rect = rect;
        self.out.push(VItem::Line(VLine {
            size: 0.0,
            depth_min: 0.0,
            items: vec![(Item::Image(image), node)],
            penalty: NO_BREAK,
            bookmark: None,
            figures: None,
        }));
    }

    fn space(&mut self, amount: f32) {
        if amount > 0.0 {
            self.out.push(VItem::Space(amount));
        }
    }

    /// The space before or after an entry: the layout's, but never below [`ENTRY_RHYTHM`]
    /// of the body's baseline-to-baseline distance, even when fitting squeezes spacing.
    fn entry_gap(&mut self) {
        let space = self.layout.entry.space_before.resolve(self.em());
        self.out.push(VItem::Gap {
            space,
            floor: ENTRY_RHYTHM * self.body.size,
        });
    }

    pub fn resume(&mut self, resume: &Resume) {
        self.cjk = CjkForms::from_lang(resume.settings.lang.as_deref());
        self.language = Language::for_tag(resume.settings.lang.as_deref());
        if self.layout.paragraph.keep_keywords_whole {
            self.hyphenator.protect(keywords::keywords(resume));
        }
        self.date_column = self.date_column_width(resume);
        let document = self.arena.open(StructKind::Section, None);
        if let Some(columns) = self.columns {
            self.regions(resume, document, columns);
            return;
        }
        self.header(&resume.header, document);
        for (index, section) in resume.sections.iter().enumerate() {
            self.section(section, document, index == 0);
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
                family: self.heading,
                mono: self.body.mono,
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
            let mut para = self.shape(letters, false);
            let width = self.width;
            let lines = self.lines(&mut para, false, |_| width);
            let count = lines.len();
            let small_caps = self.layout.section.case == TitleCase::SmallCaps;
            for (i, line) in lines.into_iter().enumerate() {
                let mut items = line_items(self.book, &para, &line, Point::default());
                if small_caps {
                    for item in &mut items {
                        if let Item::Text(run) = item {
                            text_layer::small_caps_read_as_capitals(self.book, run);
                        }
                    }
                }
                self.push_line(&line, items, title, true);
                if i == 0
                    && let Some(VItem::Line(l)) = self.out.last_mut()
                {
                    l.bookmark = Some((section.title.plain(), 1));
                }
                if i + 1 == count {
                    self.rule_under_last_line();
                }
            }
            self.space(self.layout.section.space_after.resolve(self.em()));
        }
        self.blocks(&section.blocks, 0.0, self.width, node);
    }

    /// Draws the section rule below the last line and makes the line deep enough to hold it.
    /// The rule is decoration: an artifact, not part of the title.
    fn rule_under_last_line(&mut self) {
        let thickness = self.layout.section.rule.resolve(self.em());
        if thickness <= 0.0 {
            return;
        }
        let gap = self.em() * 0.3;
        let color = self.layout.colors.rule;
        let width = self.width;
        let node = self.arena.open(StructKind::Artifact, None);
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
        // Where the short paragraphs and left–right lines just before this block began: an
        // entry heading written as lines of text (`**Org** — *Role*` and its dates) or a
        // lead-in ("Responsibilities:") stays with the list after it.
        let mut lead: Option<usize> = None;
        for block in blocks {
            if matches!(block, Block::List(_) | Block::Table(_))
                && let Some(from) = lead
            {
                let lines = self.out[from..]
                    .iter()
                    .filter(|i| matches!(i, VItem::Line(_)))
                    .count();
                if lines <= MAX_LEAD_LINES {
                    self.must_keep(from, self.out.len());
                }
            }
            let leads = matches!(block, Block::Paragraph(_) | Block::Split(_));
            if !leads {
                lead = None;
            } else if lead.is_none() {
                lead = Some(self.out.len());
            }
            let gap = match (previous, block) {
                (None, _) => 0.0,
                (Some(Block::Entry(_)), _) | (_, Block::Entry(_)) => {
                    self.entry_gap();
                    0.0
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
                    self.paragraph(pieces, x, width, self.justify, node);
                }
                Block::List(list) => self.list(list, x, width, parent),
                Block::Fields(fields) => self.fields(fields, x, width, parent),
                Block::Split(split) => self.split(split, x, width, parent),
                Block::Table(table) => self.table(table, x, width, parent),
                Block::Code(code) => self.code_block(code, x, width, parent),
                Block::PageBreak => self.force_page_break(),
            }
            previous = Some(block);
        }
    }

    // ----- output -----

    /// Shapes a paragraph and reports characters the fonts cannot set.
    fn shape(&mut self, pieces: Vec<Piece>, justify: bool) -> Paragraph {
        let p = &self.layout.paragraph;
        let hyphens = (p.hyphenate || p.keep_keywords_whole).then_some(Hyphens {
            hyphenator: &self.hyphenator,
            penalty: p.hyphen_penalty,
            hyphenate: p.hyphenate,
        });
        let spacing = Spacing {
            stretch: self.layout.paragraph.space_stretch,
            shrink: self.layout.paragraph.space_shrink,
            ex_hyphen_penalty: self.layout.paragraph.ex_hyphen_penalty,
            cjk: self.cjk,
            rtl: self.language.is_rtl(),
        };
        let mut para = Paragraph::new(self.book, pieces, justify, hyphens, spacing);
        for (c, word, source) in para.missing.drain(..) {
            if !c.is_whitespace()
                && self.missing.len() < crate::MAX_MISSING_GLYPHS
                && !self.missing.contains(&c)
            {
                self.missing.push(c);
            }
            // One warning per script is enough: a Korean résumé without a Korean font would
            // otherwise get one per syllable.
            // Marks and punctuation shared by scripts count with the word's own script.
            let script = std::iter::once(c)
                .chain(word.chars())
                .map(script_name)
                .find(|s| s != "symbol")
                .unwrap_or_else(|| "symbol".into());
            if self.missing_reported.insert(script.clone()) {
                let message = format!(
                    "no available font has {script} characters such as '{c}' (U+{:04X}) in '{word}'; they will show as boxes",
                    u32::from(c),
                );
                self.warnings.push(
                    Diagnostic::warning(Code::MissingGlyphs, message)
                        .at_maybe(source)
                        .with_hint(font_advice(c)),
                );
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
    /// The heading family's faces.
    pub(crate) fn heading_faces(&self) -> [FaceId; 4] {
        self.heading
    }

    pub fn book(&self) -> &FontBook {
        self.book
    }

    /// The layout being set.
    pub fn layout(&self) -> &Layout {
        self.layout
    }

    /// The body size in points.
    pub fn body_size(&self) -> f32 {
        self.body.size
    }

    /// Whether the layout asks for page footers.
    pub fn footer_wanted(&self) -> bool {
        self.layout.page.footer
    }

    /// A centred footer line ("Ada Lovelace · Page 1 of 2") with its baseline at y = 0. The
    /// caller makes it an artifact, and its runs carry empty ActualText for backends that read
    /// text from the display list: page furniture is not part of the résumé's text.
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
    fn lines(
        &self,
        para: &mut Paragraph,
        justify: bool,
        width: impl Fn(usize) -> f32,
    ) -> Vec<SetLine> {
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
            let tighter = para.break_lines(self.book, &shorter, &width);
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
        let mut para = self.shape(pieces, false);
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

    /// Puts each link's clickable area and the text runs under it (a link's text is a run of
    /// its own) into one Link node, so that the link's text is inside its Link element.
    fn group_links(&mut self, items: &mut [(Item, usize)]) {
        let areas: Vec<(usize, Rect, usize)> = items
            .iter()
            .enumerate()
            .filter_map(|(i, (item, node))| match item {
                Item::Link(link) => Some((i, link.rect, *node)),
                _ => None,
            })
            .collect();
        for (index, rect, parent) in areas {
            let link = self.arena.open(StructKind::Link, Some(parent));
            items[index].1 = link;
            for (item, node) in items.iter_mut() {
                if let Item::Text(run) = item
                    && *node == parent
                    && run.origin.x >= rect.x - 0.01
                    && run.origin.x + run.width() <= rect.x + rect.width + 0.01
                    && (rect.y..=rect.y + rect.height).contains(&run.origin.y)
                {
                    *node = link;
                }
            }
        }
    }

    fn push_tagged(&mut self, line: &SetLine, mut items: Vec<(Item, usize)>, keep: bool) {
        // Icons are pictures: artifacts, drawn as outlines, read by no extractor.
        let mut artifact = None;
        for (item, node) in &mut items {
            if crate::icons::is_icon_run(item, self.icon_face) {
                *node =
                    *artifact.get_or_insert_with(|| self.arena.open(StructKind::Artifact, None));
            }
        }
        self.group_links(&mut items);
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
            let warning = Diagnostic::warning(
                Code::Overfull,
                format!(
                    "a line is {:.1}pt too wide for the text area",
                    line.overfull
                ),
            )
            .at_maybe(source);
            // The lines of one table row or paragraph say it once.
            if self.warnings.last() != Some(&warning) {
                self.warnings.push(warning);
            }
        }
        let figures = line.figures.map(|f| {
            let text: String = items
                .iter()
                .filter(|(item, _)| !crate::icons::is_icon_run(item, self.icon_face))
                .filter_map(|(item, _)| match item {
                    Item::Text(run) => run.actual_text.clone().or_else(|| Some(run.text.clone())),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
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

/// The name of the writing system of `c`, for a warning about characters no font has:
/// emoji and private-use characters are named as such, others by their Unicode script.
fn script_name(c: char) -> String {
    let code = u32::from(c);
    if matches!(code, 0x1F000..=0x1FAFF | 0x2600..=0x27BF) {
        return "emoji".into();
    }
    if matches!(code, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF) {
        return "private-use".into();
    }
    let tag = harfrust::unicode::script(code).tag().to_string();
    let name = match tag.as_str() {
        "Hang" => "Korean (Hangul)",
        "Hani" => "Chinese (Han)",
        "Hira" | "Kana" => "Japanese (kana)",
        "Arab" => "Arabic",
        "Hebr" => "Hebrew",
        "Deva" => "Devanagari",
        "Thai" => "Thai",
        "Cyrl" => "Cyrillic",
        "Grek" => "Greek",
        "Zyyy" | "Zinh" | "Zzzz" => "symbol",
        other => return other.to_string(),
    };
    name.into()
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
