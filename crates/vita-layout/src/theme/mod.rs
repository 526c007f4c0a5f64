//! Layout files (TOML themes): what a résumé looks like, read into a typed [`Layout`].
//!
//! Built-in layouts live in the repository's `layouts/` folder and are compiled in. Every key
//! has a default (the `classic` look), so a user file only states what it changes; unknown
//! keys are errors so that a typo never silently does nothing.

mod keys;
mod length;
mod page_size;
mod ranges;

use serde::{Deserialize, Serialize};

pub use length::{Length, parse_color};
pub use page_size::PageSize;

use crate::display::Color;
use crate::{Code, Diagnostic};

/// A complete layout: page, fonts, colours and how each résumé element is set.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Layout {
    /// The layout's name, as passed to `--layout`.
    pub name: String,
    /// A built-in layout this one starts from; only the keys given here override it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// One line saying what the layout is for.
    pub description: String,
    /// Paper and margins.
    pub page: PageStyle,
    /// Font families and sizes.
    pub fonts: FontStyle,
    /// Colours.
    pub colors: Colors,
    /// Running text.
    pub paragraph: ParagraphStyle,
    /// Name, headline and contact line.
    pub header: HeaderStyle,
    /// Section titles.
    pub section: SectionStyle,
    /// Entries (jobs, degrees).
    pub entry: EntryStyle,
    /// Bulleted lists.
    pub list: ListStyle,
    /// A second column beside the main one (none while its width is 0).
    pub sidebar: SidebarStyle,
}

/// Paper size and margins.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct PageStyle {
    /// `"a4"`, `"letter"`, or `"WIDTH x HEIGHT"` with units (`"210mm x 297mm"`), read into
    /// points when the file loads.
    pub size: PageSize,
    /// Margin on all four sides.
    pub margin: Length,
    /// Cost of a page break after a paragraph's first line (an orphan); 10000 forbids it.
    pub club_penalty: i32,
    /// Cost of a page break before a paragraph's last line (a widow); 10000 forbids it.
    pub widow_penalty: i32,
    /// Cost of a page break after a hyphenated line.
    pub broken_penalty: i32,
    /// Entries of at most this many lines are never split across pages.
    pub keep_entry_lines: u32,
    /// Print "Name — Page N of M" at the foot of every page of a multi-page résumé.
    pub footer: bool,
    /// What to do with the height a page's text leaves empty at the bottom.
    pub fill: Fill,
    /// When the last page would hold less than this share of a page, fit the résumé to one
    /// page fewer if gentle floors allow it (0 never does).
    pub min_last_page: f32,
}

/// What to do with a page's spare height.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Fill {
    /// Leave it empty at the bottom.
    None,
    /// Share it among the vertical spaces (between sections, entries, paragraphs), each
    /// growing to at most 3 times its size.
    Spread,
}

/// A sidebar: a narrower column beside the main one, holding the sections it names, with its
/// own paragraph settings and an optional background tint. Each column flows and paginates
/// on its own below the header.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct SidebarStyle {
    /// Width of the sidebar's text; `0` means no sidebar.
    pub width: Length,
    /// Which side of the page it is on.
    pub side: Side,
    /// Space between the main column's text and the sidebar's text.
    pub gutter: Length,
    /// Background colour of the sidebar band (white: none).
    #[serde(
        deserialize_with = "length::color",
        serialize_with = "length::color_hex"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "length::HexColor"))]
    pub tint: Color,
    /// Section titles (compared without case) that go in the sidebar.
    pub sections: Vec<String>,
    /// Section tags that send a section to the sidebar.
    pub tags: Vec<String>,
    /// Reading order: the sidebar's text before the main column's (`false`: after it).
    pub first: bool,
    /// Body size in the sidebar, relative to the layout's (`em` of the body size).
    pub size: Length,
    /// Justify the sidebar's lines (`false`: ragged-right).
    pub justify: bool,
    /// Move the header's contact items into the sidebar, one a line, under a "Contact" title.
    pub contact: bool,
}

/// Families and sizes.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct FontStyle {
    /// Family for running text.
    pub body: String,
    /// Family for the name and section titles.
    pub heading: String,
    /// Family for code spans; empty: the body's family.
    pub mono: String,
    /// A folder (or font file) to look for families in before `--font-path` and the system's
    /// fonts, relative to the layout file; empty: none.
    pub path: String,
    /// Body text size.
    pub size: Length,
    /// Size of the name in the header.
    pub name_size: Length,
    /// Size of section titles.
    pub section_size: Length,
    /// Baseline-to-baseline distance as a multiple of the font size.
    pub leading: f32,
}

/// Colours, as `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Colors {
    /// Running text.
    #[serde(
        deserialize_with = "length::color",
        serialize_with = "length::color_hex"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "length::HexColor"))]
    pub text: Color,
    /// Name and section titles.
    #[serde(
        deserialize_with = "length::color",
        serialize_with = "length::color_hex"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "length::HexColor"))]
    pub accent: Color,
    /// Secondary text (dates, places, contact line).
    #[serde(
        deserialize_with = "length::color",
        serialize_with = "length::color_hex"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "length::HexColor"))]
    pub muted: Color,
    /// Rules under section titles.
    #[serde(
        deserialize_with = "length::color",
        serialize_with = "length::color_hex"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "length::HexColor"))]
    pub rule: Color,
}

/// Running text and how it is broken into lines (TeX's parameters, with TeX's defaults
/// unless noted).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ParagraphStyle {
    /// Justify lines (true) or set them ragged-right (false).
    pub justify: bool,
    /// Space between paragraphs.
    pub space: Length,
    /// `"optimal"` (Knuth–Plass) or `"greedy"` (first-fit, for comparison).
    pub algorithm: Algorithm,
    /// Hyphenate ordinary lowercase words (never names, technologies, numbers).
    pub hyphenate: bool,
    /// Never split a keyword (a bold word, a word of a `**Key:**` row or skills section, a
    /// front-matter keyword) anywhere it appears, not even at its own hyphens.
    pub keep_keywords_whole: bool,
    /// Let stops, commas and hyphens hang into the right margin of justified text.
    pub protrusion: bool,
    /// Badness limit of the first pass, without hyphenation; -1 skips it.
    pub pretolerance: i64,
    /// Badness limit of the second pass, with hyphenation.
    pub tolerance: i64,
    /// Added to each line's badness before squaring.
    pub line_penalty: i64,
    /// Cost of breaking at a hyphenation point.
    pub hyphen_penalty: i32,
    /// Cost of breaking after an explicit hyphen ("high-|throughput"); such breaks are tried
    /// only from the emergency pass on, because extractors lose the compound.
    pub ex_hyphen_penalty: i32,
    /// How far an inter-word space may stretch, as a fraction of its width (justified text).
    pub space_stretch: f32,
    /// How far an inter-word space may shrink, as a fraction of its width (justified text).
    pub space_shrink: f32,
    /// How far a word may widen on a loose justified line, as a fraction of its width: its
    /// letters' advances grow a little, so the spaces stretch less (0 turns it off).
    pub letter_stretch: f32,
    /// Demerits when adjacent lines differ by more than one fitness class.
    pub adj_demerits: i64,
    /// Demerits for two hyphenated lines in a row.
    pub double_hyphen_demerits: i64,
    /// Demerits for a hyphen at the end of the second-last line.
    pub final_hyphen_demerits: i64,
    /// Extra stretch per line in the third pass (default 1.5em; TeX's is 0).
    pub emergency_stretch: Length,
    /// Lines to add (positive) or remove (negative) from each paragraph when possible.
    pub looseness: i32,
    /// Demerits for a one-word last line (not in TeX; default 5000).
    pub runt_penalty: i64,
    /// How far ragged-right lines may fall short before it counts against them (TeX's
    /// `\rightskip` stretch; default 2em).
    pub ragged_stretch: Length,
}

/// Which line breaker sets paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Algorithm {
    /// Knuth–Plass total fit.
    Optimal,
    /// First fit, line by line.
    Greedy,
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// The header.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct HeaderStyle {
    /// Alignment of name, headline and contacts.
    pub align: Align,
    /// Text between contact items.
    pub separator: String,
    /// Space below the header.
    pub space_after: Length,
    /// Height of the photo, when the résumé has one (its width follows its proportions).
    pub photo_size: Length,
    /// Which side of the header the photo goes on: `"right"` or `"left"`.
    pub photo_side: Side,
    /// An icon before each contact item (envelope, phone, pin, GitHub, LinkedIn …), chosen
    /// by its kind and web address; icons are artifacts, never text.
    pub icons: bool,
}

/// How entry dates are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DateFormat {
    /// As the source writes them.
    AsWritten,
    /// "Jun 2021".
    Short,
    /// "June 2021".
    Long,
    /// "06/2021".
    Numeric,
    /// "2021-06".
    Iso,
    /// "2021".
    Year,
}

/// A side of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The left.
    Left,
    /// The right.
    Right,
}

/// How a section title's letters are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TitleCase {
    /// As written.
    AsWritten,
    /// Small capitals (the font's `smcp` feature; the text stays as written).
    SmallCaps,
    /// Capitals: the text itself is upper-cased, and reads back so.
    Upper,
}

/// Which right-aligned part goes on which line of an entry's heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Arrangement {
    /// Title with the dates on its right, organisation with the place on its right: the
    /// dates run down the right edge, and ATS parsers that take the line under the title as
    /// the company find the organisation there.
    TitleDates,
    /// Title with the place on its right, organisation with the dates on its right.
    TitlePlace,
}

/// Section titles.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct SectionStyle {
    /// Letter case.
    pub case: TitleCase,
    /// Bold titles.
    pub bold: bool,
    /// Extra space after every letter. Keep it small (≤ 0.08em): text extractors split
    /// words whose letters stand further apart than about a tenth of an em.
    pub letter_spacing: Length,
    /// Thickness of the rule under the title; `0` for none.
    pub rule: Length,
    /// Space above the title.
    pub space_before: Length,
    /// Space between the title (or its rule) and the content.
    pub space_after: Length,
}

/// Entries.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct EntryStyle {
    /// Space above each entry after the first in a section. Never less than 0.65 times the
    /// body's baseline-to-baseline distance, however tightly the résumé is fitted, so that
    /// entries stand at least 1.65 lines apart.
    pub space_before: Length,
    /// Which right-aligned part goes with the title and which with the organisation.
    pub arrangement: Arrangement,
    /// Set the organisation line in italics.
    pub italic_organization: bool,
    /// Minimum space between a left part and its right-aligned part (place, dates).
    pub gap: Length,
    /// How dates are shown: as written in the source, or rebuilt in one style.
    pub date_format: DateFormat,
    /// Width of a column on the left for the dates (`0`: dates go right, after the
    /// organisation); the rest of the entry is indented by it.
    pub date_column: Length,
}

/// Lists.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct ListStyle {
    /// The bullet glyph.
    pub bullet: String,
    /// Indent of the item text from the list's left edge (the bullet hangs in it).
    pub indent: Length,
    /// Space between items.
    pub item_space: Length,
    /// Space above and below a list.
    pub space: Length,
}

/// The byte range of `[table] key`'s value in a layout file's text, when the file sets it.
pub fn value_span(source: &str, table: &str, key: &str) -> Option<std::ops::Range<usize>> {
    ranges::value_span(source, table, key)
}

/// A TOML error of the file `source`: what its span points at (a key, a value, or neither)
/// says which kind it is, and gives the hint.
fn syntax_error(error: &toml::de::Error, source: &str) -> Diagnostic {
    let span = error.span();
    let mut message = error.message().trim().to_string();
    let (code, hint) = match span.clone().map(|s| keys::at(source, s)) {
        Some(keys::At::Key { table, key }) => {
            message = match &table {
                Some(table) => format!("unknown key `{key}` in `[{table}]`"),
                None => format!("unknown key `{key}`"),
            };
            (
                Code::LayoutUnknownKey,
                keys::unknown_hint(table.as_deref(), &key),
            )
        }
        Some(keys::At::Value { table, key }) => {
            let name = match &table {
                Some(table) => format!("{table}.{key}"),
                None => key.clone(),
            };
            message = format!("`{name}`: {message}");
            (Code::LayoutValue, keys::value_hint(table.as_deref(), &key))
        }
        None | Some(keys::At::Nothing) => (Code::LayoutSyntax, None),
    };
    let first = span
        .clone()
        .and_then(|s| vita_model::earlier_definition(source, s));
    let d = Diagnostic::error(code, message)
        .at_maybe(span)
        .with_hint_maybe(hint);
    match first {
        Some(first) => d.related(first, "first set here"),
        None => d,
    }
}

/// Overrides `base` with `user`, table by table.
fn merge(base: &mut toml::Table, user: toml::Table) {
    for (key, value) in user {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(inner)), toml::Value::Table(over)) => merge(inner, over),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// The built-in layouts, by name, with their TOML source.
const BUILTIN: &[(&str, &str)] = &[
    ("classic", include_str!("../../../../layouts/classic.toml")),
    ("modern", include_str!("../../../../layouts/modern.toml")),
    ("compact", include_str!("../../../../layouts/compact.toml")),
    ("sidebar", include_str!("../../../../layouts/sidebar.toml")),
    ("dense", include_str!("../../../../layouts/dense.toml")),
];

impl Layout {
    /// Names of the built-in layouts.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(name, _)| *name)
    }

    /// A built-in layout by name.
    pub fn builtin(name: &str) -> Option<Layout> {
        let (_, source) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        Layout::from_toml(source).ok()
    }

    /// Reads a layout file. Keys it does not set come from the layout it `extends`, or else
    /// from the defaults (the classic look).
    pub fn from_toml(source: &str) -> Result<Layout, Diagnostic> {
        // Read the file alone first: its own errors then point into it.
        let own: Layout = toml::from_str(source).map_err(|e| syntax_error(&e, source))?;
        let Some(base_name) = own.extends.clone() else {
            ranges::check(&own, source)?;
            return Ok(own);
        };
        let extends_span = ranges::top_value_span(source, "extends");
        let Some((_, base)) = BUILTIN.iter().find(|(n, _)| *n == base_name) else {
            let names: Vec<&str> = Layout::builtin_names().collect();
            let hint = match vita_model::closest(&base_name, &names) {
                Some(name) => format!("did you mean `{name}`?"),
                None => format!("built-in layouts are {}", names.join(", ")),
            };
            return Err(Diagnostic::error(
                Code::LayoutExtends,
                format!("`extends = \"{base_name}\"` names no built-in layout"),
            )
            .at_maybe(extends_span)
            .with_hint(hint));
        };
        let mut merged: toml::Table = toml::from_str(base).map_err(|e| syntax_error(&e, base))?;
        let user: toml::Table = toml::from_str(source).map_err(|e| syntax_error(&e, source))?;
        merge(&mut merged, user);
        merged.remove("extends");
        let mut layout = Layout::deserialize(merged).map_err(|e| {
            Diagnostic::error(Code::LayoutValue, e.message().trim()).at_maybe(extends_span.clone())
        })?;
        layout.extends = Some(base_name.clone());
        // A value out of range may come from the base, or clash with one from it: say where
        // the other values come from.
        ranges::check(&layout, source).map_err(|d| match (&d.primary, extends_span) {
            (_, None) => d,
            (None, Some(span)) => d.at(span),
            (Some(_), Some(span)) => d.related(
                span,
                format!("the keys this file does not set come from `{base_name}`"),
            ),
        })?;
        Ok(layout)
    }

    /// Page width and height in points, when the size is known and within the limits (one
    /// inch to 200 inches a side).
    pub fn page_size(&self) -> Option<(f32, f32)> {
        let limits = ranges::MIN_PAGE..=ranges::MAX_PAGE;
        let (w, h) = self.page.size.points();
        (limits.contains(&w) && limits.contains(&h)).then_some((w, h))
    }
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            name: "custom".into(),
            extends: None,
            description: String::new(),
            page: PageStyle::default(),
            fonts: FontStyle::default(),
            colors: Colors::default(),
            paragraph: ParagraphStyle::default(),
            header: HeaderStyle::default(),
            section: SectionStyle::default(),
            entry: EntryStyle::default(),
            list: ListStyle::default(),
            sidebar: SidebarStyle::default(),
        }
    }
}

impl Default for SidebarStyle {
    fn default() -> Self {
        SidebarStyle {
            width: Length::Pt(0.0),
            side: Side::Right,
            gutter: Length::Pt(24.0),
            tint: Color::WHITE,
            sections: Vec::new(),
            tags: Vec::new(),
            first: false,
            size: Length::Em(0.92),
            justify: false,
            contact: false,
        }
    }
}

impl Default for PageStyle {
    fn default() -> Self {
        PageStyle {
            size: PageSize::a4(),
            margin: Length::Pt(50.0),
            club_penalty: 10_000,
            widow_penalty: 10_000,
            broken_penalty: 100,
            keep_entry_lines: 4,
            footer: true,
            fill: Fill::None,
            min_last_page: 0.2,
        }
    }
}

impl FontStyle {
    /// The family for code spans: `mono`, or the body's when it is empty.
    pub fn mono_family(&self) -> &str {
        match self.mono.trim() {
            "" => &self.body,
            mono => mono,
        }
    }

    /// The folders to look for families in (`path`), none when it is empty.
    pub fn folders(&self) -> Vec<std::path::PathBuf> {
        match self.path.trim() {
            "" => Vec::new(),
            path => vec![std::path::PathBuf::from(path)],
        }
    }

    /// Each family key with its value: `body`, `heading`, `mono`.
    pub fn named(&self) -> [(&'static str, &str); 3] {
        [
            ("body", &self.body),
            ("heading", &self.heading),
            ("mono", self.mono_family()),
        ]
    }
}

impl Default for FontStyle {
    fn default() -> Self {
        FontStyle {
            body: "Charis SIL".into(),
            heading: "Charis SIL".into(),
            mono: String::new(),
            path: String::new(),
            size: Length::Pt(10.0),
            name_size: Length::Pt(22.0),
            section_size: Length::Pt(12.0),
            leading: 1.3,
        }
    }
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            text: Color::BLACK,
            accent: Color::BLACK,
            muted: Color::BLACK,
            rule: Color::BLACK,
        }
    }
}

impl Default for ParagraphStyle {
    fn default() -> Self {
        ParagraphStyle {
            justify: true,
            space: Length::Pt(4.0),
            algorithm: Algorithm::Optimal,
            hyphenate: true,
            keep_keywords_whole: true,
            protrusion: true,
            pretolerance: 100,
            tolerance: 200,
            line_penalty: 10,
            hyphen_penalty: 50,
            ex_hyphen_penalty: 50,
            space_stretch: 0.5,
            space_shrink: 1.0 / 3.0,
            letter_stretch: 0.04,
            adj_demerits: 10_000,
            double_hyphen_demerits: 10_000,
            final_hyphen_demerits: 5_000,
            emergency_stretch: Length::Em(1.5),
            looseness: 0,
            runt_penalty: 5_000,
            ragged_stretch: Length::Em(2.0),
        }
    }
}

impl Default for HeaderStyle {
    fn default() -> Self {
        HeaderStyle {
            align: Align::Center,
            separator: "·".into(),
            space_after: Length::Pt(8.0),
            photo_size: Length::Pt(30.0 * 72.0 / 25.4),
            photo_side: Side::Right,
            icons: false,
        }
    }
}

impl Default for SectionStyle {
    fn default() -> Self {
        SectionStyle {
            case: TitleCase::SmallCaps,
            bold: false,
            letter_spacing: Length::Pt(0.0),
            rule: Length::Pt(0.5),
            space_before: Length::Pt(10.0),
            space_after: Length::Pt(5.0),
        }
    }
}

impl Default for EntryStyle {
    fn default() -> Self {
        EntryStyle {
            space_before: Length::Pt(7.0),
            arrangement: Arrangement::TitleDates,
            italic_organization: true,
            gap: Length::Em(1.0),
            date_column: Length::Pt(0.0),
            date_format: DateFormat::AsWritten,
        }
    }
}

impl Default for ListStyle {
    fn default() -> Self {
        ListStyle {
            bullet: "•".into(),
            indent: Length::Em(1.2),
            item_space: Length::Pt(1.5),
            space: Length::Pt(3.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_is_built_in_and_complete() {
        let classic = Layout::builtin("classic").expect("classic parses");
        assert_eq!(classic.name, "classic");
        assert_eq!(classic.page_size(), Some((595.276, 841.89)));
        assert!(classic.paragraph.justify);
    }

    #[test]
    fn unknown_key_is_an_error_with_a_span() {
        let src = "[page]\nsise = \"a4\"\n";
        let err = Layout::from_toml(src).unwrap_err();
        assert_eq!(err.code, Code::LayoutUnknownKey);
        let span = err.range().expect("span");
        assert_eq!(&src[span.start..span.start + 4], "sise");
    }

    #[test]
    fn unknown_key_suggests_the_closest() {
        let err = Layout::from_toml("[page]\nsise = \"a4\"\n").unwrap_err();
        assert_eq!(err.hints, ["did you mean `size`?"]);
        let err = Layout::from_toml("[fonts]\nleadin = 1.2\n").unwrap_err();
        assert_eq!(err.hints, ["did you mean `leading`?"]);
    }

    #[test]
    fn every_built_in_parses_and_differs() {
        let all: Vec<Layout> = Layout::builtin_names()
            .map(|n| Layout::builtin(n).unwrap_or_else(|| panic!("{n} does not parse")))
            .collect();
        assert_eq!(all.len(), 5);
        let modern = Layout::builtin("modern").unwrap();
        assert_eq!(modern.fonts.body, "Inter");
        assert!(!modern.paragraph.justify);
        assert_ne!(modern.colors.accent, Color::BLACK);
        let compact = Layout::builtin("compact").unwrap();
        assert!(compact.fonts.size.resolve(10.0) < 10.0);
        // Keys compact does not set come from classic.
        assert_eq!(compact.fonts.body, "Charis SIL");
    }

    #[test]
    fn extends_overrides_only_what_it_sets() {
        let layout =
            Layout::from_toml("extends = \"modern\"\n[colors]\naccent = \"#aa0000\"\n").unwrap();
        assert_eq!(layout.fonts.body, "Inter");
        assert_eq!(
            layout.colors.accent,
            Color {
                r: 0xaa,
                g: 0,
                b: 0
            }
        );
        let err = Layout::from_toml("extends = \"clasic\"\n").unwrap_err();
        assert_eq!(err.code, Code::LayoutExtends);
        assert_eq!(err.hints, ["did you mean `classic`?"]);
        assert_eq!(err.range(), Some(10..18));
    }

    #[test]
    fn range_errors_through_extends_name_the_base_beside_the_value() {
        // The margin is this file's; the page it leaves no room on is the base's.
        let src = "extends = \"sidebar\"\n[page]\nmargin = \"80mm\"\n";
        let err = Layout::from_toml(src).unwrap_err();
        assert_eq!(err.code, Code::LayoutRange);
        assert_eq!(err.range().map(|r| &src[r]), Some("\"sidebar\""));
        assert!(err.secondary.is_empty());
        let src = "extends = \"modern\"\n[fonts]\nsize = \"1pt\"\n";
        let err = Layout::from_toml(src).unwrap_err();
        assert_eq!(err.range().map(|r| &src[r]), Some("\"1pt\""));
        let related = &err.secondary[0];
        assert_eq!(&src[related.span.range.clone()], "\"modern\"");
        assert_eq!(
            related.message.as_deref(),
            Some("the keys this file does not set come from `modern`")
        );
    }

    #[test]
    fn partial_file_keeps_defaults() {
        let layout = Layout::from_toml("[fonts]\nsize = \"11pt\"\n").unwrap();
        assert_eq!(layout.fonts.size, Length::Pt(11.0));
        assert_eq!(layout.fonts.body, "Charis SIL");
    }

    #[test]
    fn custom_page_size() {
        let mut layout = Layout::default();
        layout.page.size = PageSize::parse("210mm x 297mm").unwrap();
        let (w, h) = layout.page_size().unwrap();
        assert!((w - 595.276).abs() < 0.01 && (h - 841.89).abs() < 0.01);
        layout.page.size = PageSize::parse("300in x 11in").unwrap();
        assert_eq!(layout.page_size(), None);
        let err = Layout::from_toml("[page]\nsize = \"tabloid\"\n").unwrap_err();
        assert_eq!(err.code, Code::LayoutValue);
        assert_eq!(err.range(), Some(14..23));
        assert!(err.hints[0].contains("210mm x 297mm"), "{:?}", err.hints);
    }
}

#[cfg(test)]
mod doc_tests {
    use super::*;

    /// Every key the code knows is documented in docs/layouts.md, as `section.key`.
    #[test]
    fn every_key_is_documented() {
        let doc = include_str!("../../../../docs/layouts.md");
        let table = toml::Table::try_from(Layout::default()).expect("serialises");
        let mut missing = Vec::new();
        let mut checked = 0;
        for (key, value) in &table {
            match value {
                toml::Value::Table(inner) => {
                    for sub in inner.keys() {
                        checked += 1;
                        let path = format!("`{key}.{sub}`");
                        if !doc.contains(&path) {
                            missing.push(path);
                        }
                    }
                }
                _ => {
                    if !doc.contains(&format!("`{key}`")) {
                        missing.push(key.clone());
                    }
                }
            }
        }
        for key in ["`extends`"] {
            if !doc.contains(key) {
                missing.push(key.to_string());
            }
        }
        assert!(checked > 40, "only {checked} keys walked");
        assert!(missing.is_empty(), "undocumented layout keys: {missing:?}");
    }
}
