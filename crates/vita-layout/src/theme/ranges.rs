//! Range checks of a loaded layout: every length, size, factor and penalty within what the
//! typesetter and the PDF can use, so that no value that parses as TOML (a negative margin, a
//! zero or NaN leading, a 100000pt font) reaches layout or the PDF backend. An error names the
//! key, quotes the value as the user wrote it (in their unit), points at it, and says what
//! range is allowed.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{Diagnostic, Layout, Length};

/// Smallest page side and smallest text area side: one inch.
pub const MIN_PAGE: f32 = 72.0;
/// Largest page side: 200 inches, the PDF limit (ISO 32000-1, annex C).
pub const MAX_PAGE: f32 = 14_400.0;

/// Where keys are in the user's file, to point errors at them.
struct Spans<'s> {
    source: &'s str,
    doc: Option<DeTable<'s>>,
}

impl<'s> Spans<'s> {
    fn new(source: &'s str) -> Spans<'s> {
        let doc = DeTable::parse(source).ok().map(|d| d.into_inner());
        Spans { source, doc }
    }

    /// The span of `[table] key`'s value, when the file sets it.
    fn of(&self, table: &str, key: &str) -> Option<Range<usize>> {
        let doc = self.doc.as_ref()?;
        let DeValue::Table(inner) = doc.get(table)?.get_ref() else {
            return None;
        };
        Some(inner.get(key)?.span())
    }

    /// The value as written, or `fallback` (the value in points) when the file does not set it.
    fn written(&self, span: &Option<Range<usize>>, fallback: impl FnOnce() -> String) -> String {
        span.as_ref()
            .and_then(|s| self.source.get(s.clone()))
            .map(|s| s.trim_matches('"').to_string())
            .unwrap_or_else(fallback)
    }
}

/// The span of the top-level `key`'s value in `source` (`extends`), when the file sets it.
pub(super) fn top_value_span(source: &str, key: &str) -> Option<Range<usize>> {
    let doc = DeTable::parse(source).ok()?.into_inner();
    Some(doc.get(key)?.span())
}

/// The span of `[table] key`'s value in `source`, when the file sets it.
pub(super) fn value_span(source: &str, table: &str, key: &str) -> Option<Range<usize>> {
    Spans::new(source).of(table, key)
}

/// One failed check, before it is worded.
struct Problem<'a> {
    table: &'a str,
    key: &'a str,
    what: String,
    hint: String,
}

/// The unit the user wrote in `written` (`pt` when none or unknown), to word limits in it.
fn unit_of(written: &str) -> &'static str {
    let t = written.trim().trim_matches('"').trim_end();
    ["mm", "cm", "in", "em", "pt"]
        .into_iter()
        .find(|u| t.ends_with(u))
        .unwrap_or("pt")
}

/// `points` in `unit` (em relative to `em_size`), rounded for people.
fn show(points: f32, unit: &str, em_size: f32) -> String {
    let value = match unit {
        "mm" => points * 25.4 / 72.0,
        "cm" => points * 2.54 / 72.0,
        "in" => points / 72.0,
        "em" if em_size > 0.0 => points / em_size,
        _ => return format!("{}pt", round(points)),
    };
    format!("{}{unit}", round(value))
}

fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Checks every range of `layout`, whose own file is `source`.
pub fn check(layout: &Layout, source: &str) -> Result<(), Diagnostic> {
    let spans = Spans::new(source);
    match problem(layout, &spans) {
        None => Ok(()),
        Some(p) => {
            let span = spans.of(p.table, p.key);
            Err(Diagnostic::error(
                super::Code::LayoutRange,
                format!("`{}.{}` {}", p.table, p.key, p.what),
            )
            .at_maybe(span)
            .with_hint(p.hint))
        }
    }
}

/// The first value out of range, in file order of the tables.
fn problem<'a>(layout: &Layout, spans: &Spans<'_>) -> Option<Problem<'a>> {
    let body = layout.fonts.size.resolve(10.0);
    // Font sizes first: other lengths in em are relative to the body size.
    let sizes: [(&str, Length, f32, f32); 3] = [
        ("size", layout.fonts.size, 4.0, 72.0),
        ("name-size", layout.fonts.name_size, 4.0, 144.0),
        ("section-size", layout.fonts.section_size, 4.0, 144.0),
    ];
    for (key, length, min, max) in sizes {
        let pt = length.resolve(body);
        if !(min..=max).contains(&pt) {
            let written = spans.written(&spans.of("fonts", key), || format!("{pt}pt"));
            let unit = unit_of(&written);
            let em = if key == "size" { 10.0 } else { body };
            return Some(Problem {
                table: "fonts",
                key,
                what: format!("is \"{written}\", outside the sizes text can be set at"),
                hint: format!(
                    "use a size from {} to {}, e.g. \"{}\"",
                    show(min, unit, em),
                    show(max, unit, em),
                    if key == "size" { "10pt" } else { "14pt" }
                ),
            });
        }
    }
    let leading = layout.fonts.leading;
    if !(leading.is_finite() && (0.8..=3.0).contains(&leading)) {
        let written = spans.written(&spans.of("fonts", "leading"), || leading.to_string());
        return Some(Problem {
            table: "fonts",
            key: "leading",
            what: format!("is {written}: lines would overlap or drift apart"),
            hint: "leading is baseline distance as a multiple of the font size, from 0.8 to 3; \
                   1.2 is usual"
                .into(),
        });
    }
    if let Some(p) = page_problem(layout, spans, body) {
        return Some(p);
    }
    lengths_problem(layout, spans, body)
        .or_else(|| numbers_problem(layout, spans))
        .or_else(|| sidebar_problem(layout, spans, body))
}

/// A sidebar that leaves the main column less than an inch, or is itself narrower than half
/// an inch (the composer's own limits, checked here so that the error has its place).
fn sidebar_problem<'a>(layout: &Layout, spans: &Spans<'_>, body: f32) -> Option<Problem<'a>> {
    let side = layout.sidebar.width.resolve(body);
    if side <= 0.0 {
        return None;
    }
    let (w, _) = layout.page.size.points();
    let gutter = layout.sidebar.gutter.resolve(body);
    let main = w - 2.0 * layout.page.margin.resolve(body) - side - gutter;
    if main >= MIN_PAGE && side >= MIN_PAGE / 2.0 {
        return None;
    }
    // Point at the width, or at the gutter when only the gutter is this file's.
    let key = match (spans.of("sidebar", "width"), spans.of("sidebar", "gutter")) {
        (None, Some(_)) => "gutter",
        _ => "width",
    };
    let written = spans.written(&spans.of("sidebar", key), || {
        show(if key == "width" { side } else { gutter }, "pt", body)
    });
    let unit = unit_of(&written);
    let what = if side < MIN_PAGE / 2.0 {
        format!(
            "is \"{written}\", narrower than the {} a sidebar needs",
            show(MIN_PAGE / 2.0, unit, body)
        )
    } else {
        format!(
            "is \"{written}\", which leaves the main column {}",
            show(main.max(0.0), unit, body)
        )
    };
    Some(Problem {
        table: "sidebar",
        key,
        what,
        hint: format!(
            "the main column needs at least {} and the sidebar {}: make `sidebar.width` or \
             `sidebar.gutter` smaller, or set `sidebar.width = 0` for no sidebar",
            show(MIN_PAGE, unit, body),
            show(MIN_PAGE / 2.0, unit, body)
        ),
    })
}

/// Page size and margins.
fn page_problem<'a>(layout: &Layout, spans: &Spans<'_>, body: f32) -> Option<Problem<'a>> {
    // A size that is no size does not load (see `PageSize`); here only its range is checked.
    let (w, h) = layout.page.size.points();
    if !((MIN_PAGE..=MAX_PAGE).contains(&w) && (MIN_PAGE..=MAX_PAGE).contains(&h)) {
        let unit = unit_of(
            layout
                .page
                .size
                .as_written()
                .split('x')
                .next()
                .unwrap_or(""),
        );
        return Some(Problem {
            table: "page",
            key: "size",
            what: format!(
                "is \"{}\", {} a page can be",
                layout.page.size,
                if w < MIN_PAGE || h < MIN_PAGE {
                    "smaller than"
                } else {
                    "larger than"
                }
            ),
            hint: format!(
                "each side must be from {} to {} (the PDF limit); \"a4\" is 210mm x 297mm",
                show(MIN_PAGE, unit, body),
                show(MAX_PAGE, unit, body)
            ),
        });
    }
    let margin = layout.page.margin.resolve(body);
    let span = spans.of("page", "margin");
    let written = spans.written(&span, || format!("{margin}pt"));
    let unit = unit_of(&written);
    if !(margin.is_finite() && margin >= 0.0) {
        return Some(Problem {
            table: "page",
            key: "margin",
            what: format!("is \"{written}\": text would be set outside the page"),
            hint: format!(
                "margins are 0 or more, e.g. \"{}\"",
                match unit {
                    "mm" => "18mm",
                    "cm" => "1.8cm",
                    "in" => "0.7in",
                    "em" => "5em",
                    _ => "50pt",
                }
            ),
        });
    }
    let room = w.min(h) - 2.0 * margin;
    if room < MIN_PAGE {
        let most = ((w.min(h) - MIN_PAGE) / 2.0).max(0.0);
        return Some(Problem {
            table: "page",
            key: "margin",
            what: format!(
                "is \"{written}\", which leaves {} for text on a {} x {} page",
                show(room.max(0.0), unit, body),
                show(w, unit, body),
                show(h, unit, body)
            ),
            hint: format!(
                "text needs at least {} each way: use a margin of at most {}",
                show(MIN_PAGE, unit, body),
                show(most, unit, body)
            ),
        });
    }
    None
}

/// Spacing, indents, rules and stretch: finite, not negative, and not larger than a page
/// could hold.
fn lengths_problem<'a>(layout: &Layout, spans: &Spans<'_>, body: f32) -> Option<Problem<'a>> {
    let section = layout.fonts.section_size.resolve(body);
    let checks: [(&'a str, &'a str, Length, f32, f32, f32); 14] = [
        (
            "paragraph",
            "space",
            layout.paragraph.space,
            0.0,
            144.0,
            body,
        ),
        (
            "paragraph",
            "emergency-stretch",
            layout.paragraph.emergency_stretch,
            0.0,
            144.0,
            body,
        ),
        (
            "paragraph",
            "ragged-stretch",
            layout.paragraph.ragged_stretch,
            0.0,
            144.0,
            body,
        ),
        (
            "header",
            "space-after",
            layout.header.space_after,
            0.0,
            144.0,
            body,
        ),
        (
            "header",
            "photo-size",
            layout.header.photo_size,
            0.0,
            288.0,
            body,
        ),
        (
            "section",
            "letter-spacing",
            layout.section.letter_spacing,
            -0.1 * section,
            0.5 * section,
            section,
        ),
        ("section", "rule", layout.section.rule, 0.0, 12.0, body),
        (
            "section",
            "space-before",
            layout.section.space_before,
            0.0,
            144.0,
            body,
        ),
        (
            "section",
            "space-after",
            layout.section.space_after,
            0.0,
            144.0,
            body,
        ),
        (
            "entry",
            "space-before",
            layout.entry.space_before,
            0.0,
            144.0,
            body,
        ),
        ("entry", "gap", layout.entry.gap, 0.0, 144.0, body),
        (
            "entry",
            "date-column",
            layout.entry.date_column,
            0.0,
            216.0,
            body,
        ),
        ("list", "indent", layout.list.indent, 0.0, 144.0, body),
        (
            "list",
            "item-space",
            layout.list.item_space,
            0.0,
            144.0,
            body,
        ),
    ];
    let list_space = ("list", "space", layout.list.space, 0.0, 144.0, body);
    let sidebar = [
        ("sidebar", "width", layout.sidebar.width, 0.0, 576.0, body),
        ("sidebar", "gutter", layout.sidebar.gutter, 0.0, 144.0, body),
        ("sidebar", "size", layout.sidebar.size, 4.0, 72.0, body),
    ];
    for (table, key, length, min, max, em) in checks.into_iter().chain([list_space]).chain(sidebar)
    {
        let pt = length.resolve(em);
        if pt.is_finite() && (min..=max).contains(&pt) {
            continue;
        }
        let written = spans.written(&spans.of(table, key), || format!("{pt}pt"));
        let unit = unit_of(&written);
        return Some(Problem {
            table,
            key,
            what: format!("is \"{written}\", out of range"),
            hint: format!(
                "use a length from {} to {}",
                show(min, unit, em),
                show(max, unit, em)
            ),
        });
    }
    None
}

/// Stretch factors, penalties and counts.
fn numbers_problem<'a>(layout: &Layout, spans: &Spans<'_>) -> Option<Problem<'a>> {
    let p = &layout.paragraph;
    let factors: [(&'a str, f32, f32, f32); 3] = [
        ("space-stretch", p.space_stretch, 0.0, 10.0),
        ("letter-stretch", p.letter_stretch, 0.0, 0.1),
        ("space-shrink", p.space_shrink, 0.0, 0.9),
    ];
    for (key, value, min, max) in factors {
        if !(value.is_finite() && (min..=max).contains(&value)) {
            let written = spans.written(&spans.of("paragraph", key), || value.to_string());
            return Some(Problem {
                table: "paragraph",
                key,
                what: format!("is {written}, out of range"),
                hint: format!(
                    "a fraction of {} width from {min} to {max}",
                    if key == "letter-stretch" {
                        "a word's"
                    } else {
                        "a space's"
                    }
                ),
            });
        }
    }
    let page = &layout.page;
    let last = page.min_last_page;
    if !(last.is_finite() && (0.0..=0.5).contains(&last)) {
        let written = spans.written(&spans.of("page", "min-last-page"), || last.to_string());
        return Some(Problem {
            table: "page",
            key: "min-last-page",
            what: format!("is {written}, out of range"),
            hint: "a share of a page from 0 (never fit to fewer pages) to 0.5; 0.2 is usual".into(),
        });
    }
    let integers: [(&'a str, &'a str, i64, i64, i64); 14] = [
        (
            "page",
            "club-penalty",
            page.club_penalty.into(),
            -10_000,
            10_000,
        ),
        (
            "page",
            "widow-penalty",
            page.widow_penalty.into(),
            -10_000,
            10_000,
        ),
        (
            "page",
            "broken-penalty",
            page.broken_penalty.into(),
            -10_000,
            10_000,
        ),
        (
            "page",
            "keep-entry-lines",
            page.keep_entry_lines.into(),
            0,
            100,
        ),
        ("paragraph", "pretolerance", p.pretolerance, -1, 10_000),
        ("paragraph", "tolerance", p.tolerance, 0, 10_000),
        ("paragraph", "line-penalty", p.line_penalty, 0, 10_000),
        (
            "paragraph",
            "hyphen-penalty",
            p.hyphen_penalty.into(),
            -10_000,
            10_000,
        ),
        (
            "paragraph",
            "ex-hyphen-penalty",
            p.ex_hyphen_penalty.into(),
            -10_000,
            10_000,
        ),
        (
            "paragraph",
            "adj-demerits",
            p.adj_demerits,
            0,
            1_000_000_000,
        ),
        (
            "paragraph",
            "double-hyphen-demerits",
            p.double_hyphen_demerits,
            0,
            1_000_000_000,
        ),
        (
            "paragraph",
            "final-hyphen-demerits",
            p.final_hyphen_demerits,
            0,
            1_000_000_000,
        ),
        ("paragraph", "looseness", p.looseness.into(), -10, 10),
        (
            "paragraph",
            "runt-penalty",
            p.runt_penalty,
            0,
            1_000_000_000,
        ),
    ];
    for (table, key, value, min, max) in integers {
        if !(min..=max).contains(&value) {
            return Some(Problem {
                table,
                key,
                what: format!("is {value}, out of range"),
                hint: format!("use a whole number from {min} to {max}"),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    /// The error's code, the text its span covers, and its hint.
    fn error(source: &str) -> (Code, String, String) {
        let e = Layout::from_toml(source).unwrap_err();
        let at = e.range().map(|s| source[s].to_string()).unwrap_or_default();
        (e.code, at, e.hints.join("\n"))
    }

    /// The text of `[table] key`'s value in `source`.
    fn value<'s>(source: &'s str, table: &str, key: &str) -> &'s str {
        &source[value_span(source, table, key).expect("the key is set")]
    }

    #[test]
    fn negative_and_too_wide_margins_are_errors_in_the_unit_written() {
        let (code, at, hint) = error("[page]\nmargin = \"-10mm\"\n");
        assert_eq!(code, Code::LayoutRange);
        assert_eq!(at, "\"-10mm\"");
        assert!(hint.contains("e.g. \"18mm\""), "{hint}");
        let (code, at, hint) = error("[page]\nmargin = \"100mm\"\n");
        assert_eq!((code, at.as_str()), (Code::LayoutRange, "\"100mm\""));
        // The largest margin that leaves an inch of text, in the unit written.
        assert!(hint.contains("at most 92.3mm"), "{hint}");
    }

    #[test]
    fn sizes_and_leading_are_bounded() {
        for (source, table, key) in [
            ("[fonts]\nsize = \"0pt\"\n", "fonts", "size"),
            ("[fonts]\nsize = \"100000pt\"\n", "fonts", "size"),
            ("[fonts]\nleading = 0\n", "fonts", "leading"),
            ("[fonts]\nleading = nan\n", "fonts", "leading"),
            (
                "[fonts]\nname-size = \"3em\"\nsize = \"60pt\"\n",
                "fonts",
                "name-size",
            ),
            ("[section]\nrule = \"-1pt\"\n", "section", "rule"),
            (
                "[paragraph]\nspace-shrink = 1.5\n",
                "paragraph",
                "space-shrink",
            ),
            ("[paragraph]\ntolerance = -5\n", "paragraph", "tolerance"),
        ] {
            let (code, at, _) = error(source);
            assert_eq!(code, Code::LayoutRange, "{source}");
            assert_eq!(at, value(source, table, key), "{source}");
        }
        let (_, _, hint) = error("[fonts]\nsize = \"0mm\"\n");
        assert!(hint.contains("mm"), "{hint}");
    }

    #[test]
    fn page_sizes_have_their_real_limits() {
        let (code, at, hint) = error("[page]\nsize = \"1mm x 1mm\"\n");
        assert_eq!(code, Code::LayoutRange);
        assert_eq!(at, "\"1mm x 1mm\"");
        assert!(hint.contains("25.4mm"), "{hint}");
        let (code, at, hint) = error("[page]\nsize = \"300in x 11in\"\n");
        assert_eq!((code, at.as_str()), (Code::LayoutRange, "\"300in x 11in\""));
        assert!(hint.contains("to 200in"), "{hint}");
        let (code, at, _) = error("[page]\nsize = \"tabloid\"\n");
        assert_eq!((code, at.as_str()), (Code::LayoutValue, "\"tabloid\""));
    }

    #[test]
    fn built_ins_pass_and_extends_is_checked_merged() {
        for name in Layout::builtin_names() {
            assert!(Layout::builtin(name).is_some(), "{name}");
        }
        let source = "extends = \"modern\"\n[page]\nmargin = \"-1in\"\n";
        let (code, at, _) = error(source);
        assert_eq!((code, at.as_str()), (Code::LayoutRange, "\"-1in\""));
    }

    #[test]
    fn a_sidebar_too_wide_for_the_page_fails_at_its_width_or_gutter() {
        let (code, at, hint) = error("extends = \"sidebar\"\n[sidebar]\nwidth = \"160mm\"\n");
        assert_eq!((code, at.as_str()), (Code::LayoutRange, "\"160mm\""));
        assert!(hint.contains("at least 25.4mm"), "{hint}");
        let (code, at, _) = error("extends = \"sidebar\"\n[sidebar]\ngutter = \"7in\"\n");
        assert_eq!((code, at.as_str()), (Code::LayoutRange, "\"7in\""));
        let (code, at, _) = error("[sidebar]\nwidth = \"10pt\"\n");
        assert_eq!((code, at.as_str()), (Code::LayoutRange, "\"10pt\""));
        assert!(Layout::from_toml("[sidebar]\nwidth = \"0pt\"\n").is_ok());
    }
}
