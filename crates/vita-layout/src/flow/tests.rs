//! Layout tests that read the display list: where entry parts sit, page breaks, warnings.

use super::test_support::{book, lay_with};
use crate::{Document, FontBook, GlyphRun, Item, Layout, LayoutOptions, StructKind, layout};

fn lay(markdown: &str) -> crate::Laid {
    lay_with(markdown, "classic")
}

/// Asserts that no part of a paragraph split across pages is a single line.
fn assert_no_widows_or_orphans(parts: &[(usize, usize)]) {
    if parts.len() > 1 {
        assert!(
            parts.iter().all(|(_, lines)| *lines >= 2),
            "a widow or orphan: {parts:?}"
        );
    }
}

fn runs(doc: &Document) -> Vec<(usize, &GlyphRun)> {
    doc.pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| {
            page.items.iter().filter_map(move |item| match item {
                Item::Text(run) => Some((p, run)),
                _ => None,
            })
        })
        .collect()
}

fn run_with<'a>(doc: &'a Document, text: &str) -> &'a GlyphRun {
    runs(doc)
        .into_iter()
        .map(|(_, r)| r)
        .find(|r| r.text.contains(text))
        .unwrap_or_else(|| panic!("no run with {text:?}"))
}

/// Page furniture: the footer's "Page N of M".
fn is_footer(run: &GlyphRun) -> bool {
    run.text.contains("Page ") && run.text.contains(" of ")
}

const ENTRY: &str = "## Experience\n\n### Staff Software Engineer\n\nSan Francisco, CA\n\nFounding member, Aspire\n\n2018 – 2023\n\n- Joined as the third founding engineer.\n";

/// The positions of an entry's title, organisation, place and dates.
fn entry_parts(doc: &Document) -> [&GlyphRun; 4] {
    [
        run_with(doc, "Staff Software Engineer"),
        run_with(doc, "Founding member"),
        run_with(doc, "San Francisco, CA"),
        run_with(doc, "2018 – 2023"),
    ]
}

#[test]
fn entry_title_left_dates_right_then_organisation_and_place() {
    let laid = lay(ENTRY);
    let doc = &laid.document;
    let margin = 17.0 * 72.0 / 25.4;
    let right_edge = doc.pages[0].width - margin;
    let [title, org, place, dates] = entry_parts(doc);
    assert!((title.origin.x - margin).abs() < 0.01, "{}", title.origin.x);
    assert!((dates.origin.x + dates.width() - right_edge).abs() < 0.01);
    assert_eq!(
        title.origin.y, dates.origin.y,
        "dates on the title's baseline"
    );
    assert_eq!(org.origin.y, place.origin.y, "place on the organisation's");
    assert!(org.origin.y > title.origin.y);
    assert!((place.origin.x + place.width() - right_edge).abs() < 0.01);
}

#[test]
fn the_title_place_arrangement_is_still_available() {
    let parsed = vita_model::parse_markdown(ENTRY).unwrap();
    let mut classic = Layout::builtin("classic").unwrap();
    classic.entry.arrangement = crate::Arrangement::TitlePlace;
    let laid = layout(&parsed.resume, &classic, &book(), &LayoutOptions::default()).unwrap();
    let [title, org, place, dates] = entry_parts(&laid.document);
    assert_eq!(title.origin.y, place.origin.y);
    assert_eq!(org.origin.y, dates.origin.y);
    assert!(org.origin.y > title.origin.y);
}

#[test]
fn a_right_part_reads_right_after_its_left_part_with_no_added_characters() {
    let laid = lay(ENTRY);
    let doc = &laid.document;
    let [title, _, _, dates] = entry_parts(doc);
    // Poppler reads the dates with the title; extractors that ignore ActualText read them
    // as drawn, after the title.
    assert_eq!(
        title.actual_text.as_deref(),
        Some("Staff Software Engineer 2018 – 2023")
    );
    assert_eq!(dates.actual_text.as_deref(), Some(""));
    for (_, run) in runs(doc) {
        assert!(!run.text.contains('\u{200b}'), "{:?}", run.text);
    }
}

#[test]
fn entries_stand_at_least_one_and_a_half_lines_apart_even_when_fitted() {
    let entry = "### Engineer\n\nOrg\n\n2019 – 2021\n\n- Built and ran a service.\n\n";
    for name in ["classic", "modern", "compact"] {
        let layout_file = Layout::builtin(name).unwrap();
        // The fewest entries that spill onto a second page: fitting them into one has to
        // squeeze the spacing.
        let (parsed, natural) = (8..60)
            .find_map(|count| {
                let source = format!("# Ada Lovelace\n\n## Work\n\n{}", entry.repeat(count));
                let parsed = vita_model::parse_markdown(&source).unwrap();
                let laid = layout(
                    &parsed.resume,
                    &layout_file,
                    &book(),
                    &LayoutOptions::default(),
                )
                .unwrap();
                (laid.document.pages.len() > 1).then_some((parsed, laid.document))
            })
            .expect("some count spills");
        let fitted = crate::fit(
            &parsed.resume,
            &layout_file,
            &book(),
            &LayoutOptions::default(),
            &crate::Fit::pages(1),
        )
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        for doc in [&natural, &fitted.laid.document] {
            let baselines = |text: &str| -> Vec<f32> {
                runs(doc)
                    .into_iter()
                    .filter(|(p, r)| *p == 0 && r.text.starts_with(text))
                    .map(|(_, r)| r.origin.y)
                    .collect()
            };
            let bullets = baselines("Built");
            let titles = baselines("Engineer");
            let orgs = baselines("Org");
            // Body line distance: title to organisation line.
            let line = orgs[0] - titles[0];
            let gaps: Vec<f32> = titles[1..]
                .iter()
                .zip(&bullets)
                .map(|(next, last)| next - last)
                .collect();
            let least = gaps.iter().cloned().fold(f32::INFINITY, f32::min);
            assert!(gaps.len() > 4, "{name}: {} gaps", gaps.len());
            assert!(least >= 1.6 * line, "{name}: {least} < 1.6 × {line}");
        }
    }
}

#[test]
fn justified_lines_end_at_the_right_margin() {
    let text = "word ".repeat(200);
    let laid = lay(&format!("## About\n\n{text}\n"));
    let doc = &laid.document;
    let margin = 17.0 * 72.0 / 25.4;
    let right_edge = doc.pages[0].width - margin;
    let body: Vec<&GlyphRun> = runs(doc)
        .into_iter()
        .map(|(_, r)| r)
        .filter(|r| r.text.starts_with("word"))
        .collect();
    assert!(body.len() > 3);
    for run in &body[..body.len() - 1] {
        let end = run.origin.x + run.width();
        assert!(
            (end - right_edge).abs() < 0.05,
            "line ends at {end}, margin at {right_edge}"
        );
    }
}

#[test]
fn long_resume_breaks_pages_and_keeps_headings_with_content() {
    let mut source = String::from("# Ada Lovelace\n\n");
    for section in 0..6 {
        source.push_str(&format!("## Section {section}\n\n"));
        for entry in 0..3 {
            source.push_str(&format!(
                "### Role {section}.{entry} | Org | 2019 – 2021\n\n"
            ));
            for _ in 0..4 {
                source.push_str("- Built and ran a service that many people used every single day without fail.\n");
            }
            source.push('\n');
        }
    }
    let laid = lay(&source);
    let doc = &laid.document;
    assert!(doc.pages.len() >= 2, "{} pages", doc.pages.len());
    // No page ends with a section title or an entry title.
    for page in &doc.pages {
        let last_text = page.items.iter().rev().find_map(|i| match i {
            Item::Text(run) if !is_footer(run) => Some(run),
            _ => None,
        });
        let last = last_text.expect("page has text");
        assert!(
            !last.text.starts_with("SECTION")
                && !last.text.starts_with("Role")
                && !last.text.starts_with("Org"),
            "page ends with a heading: {:?}",
            last.text
        );
    }
    // Every line stays inside the bottom margin; the footer sits in it, on every page.
    let margin = 17.0 * 72.0 / 25.4;
    for (index, page) in doc.pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Text(run) = item {
                if is_footer(run) {
                    assert!(run.origin.y > page.height - margin);
                    let label = format!("Ada Lovelace · Page {} of {}", index + 1, doc.pages.len());
                    assert_eq!(run.text, label);
                } else {
                    assert!(run.origin.y < page.height - margin);
                }
            }
        }
    }
    // One bookmark per section, in order, pointing at the page where the title is.
    assert_eq!(doc.outline.len(), 6);
    for (i, entry) in doc.outline.iter().enumerate() {
        assert_eq!(entry.title, format!("Section {i}"));
        let (page, _) = runs(doc)
            .into_iter()
            .find(|(_, r)| r.text == format!("SECTION {i}"))
            .unwrap();
        assert_eq!(entry.page, page);
    }
}

#[test]
fn structure_tree_has_headings_and_lists() {
    let laid = lay(&format!("# Ada Lovelace\n\n{ENTRY}"));
    let mut kinds = Vec::new();
    fn walk(node: &crate::StructNode, kinds: &mut Vec<StructKind>) {
        kinds.push(node.kind);
        for child in &node.children {
            if let crate::StructChild::Node(n) = child {
                walk(n, kinds);
            }
        }
    }
    for node in &laid.document.structure {
        walk(node, &mut kinds);
    }
    for kind in [
        StructKind::Heading(1),
        StructKind::Heading(2),
        StructKind::Heading(3),
        StructKind::List,
        StructKind::ListItem,
        StructKind::Label,
        StructKind::ListBody,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
    }
}

#[test]
fn characters_without_glyphs_are_warned_about() {
    let src = "# Ada\n\n## Work\n\nSpoke 中文 at meetings.\n";
    let laid = lay(src);
    let at = src.find("中文").unwrap();
    assert!(
        laid.warnings
            .iter()
            .any(|w| w.code == crate::Code::MissingGlyphs
                && w.range().is_some_and(|r| r.start <= at && at < r.end)),
        "{:?}",
        laid.warnings
    );
}

#[test]
fn metadata_names_the_person() {
    let laid = lay("# Ada Lovelace\n\nAnalyst\n\n## Work\n\nWrote.\n");
    let meta = &laid.document.metadata;
    assert_eq!(meta.title.as_deref(), Some("Ada Lovelace — Résumé"));
    assert_eq!(meta.author.as_deref(), Some("Ada Lovelace"));
    assert_eq!(meta.creation_date, None);
}

const SEED: &str = include_str!("../../../../tests/fixtures/seed-resume.md");

/// Mean inter-word gap of a justified line relative to the natural space: spaces stretch by
/// half and shrink by a third of their width.
fn gap(ratio: f32) -> f32 {
    if ratio >= 0.0 {
        1.0 + ratio / 2.0
    } else {
        1.0 + ratio / 3.0
    }
}

#[test]
fn seed_is_set_evenly_without_overfull_lines() {
    let laid = lay(SEED);
    assert!(
        laid.lines.iter().all(|l| l.overfull <= 0.1),
        "overfull line"
    );
    // Justified body lines (those with figures and a stretch or shrink).
    let mut gaps: Vec<f32> = laid
        .lines
        .iter()
        .filter(|l| l.justified && l.ratio != 0.0 && l.text.split_whitespace().count() >= 4)
        .map(|l| gap(l.ratio))
        .collect();
    gaps.sort_by(f32::total_cmp);
    let median = gaps[gaps.len() / 2];
    let p90 = gaps[(gaps.len() - 1) * 9 / 10];
    let max = gaps[gaps.len() - 1];
    assert!(max / median <= 1.5, "max {max} / median {median}");
    assert!(p90 / median <= 1.25, "p90 {p90} / median {median}");
    // ENGINE.md §9: no justified line very loose (r > 1), mean |r| at most 0.5.
    let ratios: Vec<f32> = laid
        .lines
        .iter()
        .filter(|l| l.justified && l.ratio != 0.0)
        .map(|l| l.ratio)
        .collect();
    assert!(ratios.iter().all(|r| *r <= 1.0), "{ratios:?}");
    let mean = ratios.iter().map(|r| r.abs()).sum::<f32>() / ratios.len() as f32;
    assert!(mean <= 0.5, "mean |r| {mean}");
    // Beyond tolerance only where a keyword kept whole could not fit at the line's end; such
    // a line stretches no further than a loose one.
    let parsed = vita_model::parse_markdown(SEED).unwrap();
    let keywords = super::compose::keywords_of(&parsed.resume);
    for pair in laid.lines.windows(2) {
        let [line, next] = pair else { continue };
        if line.badness > 200 {
            let first = next.text.split_whitespace().next().unwrap_or_default();
            let core = first
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            assert!(keywords.contains(&core), "beyond tolerance: {line:?}");
            assert!(line.ratio <= 1.0, "{line:?}");
        }
    }
}

#[test]
fn seed_hyphenates_only_ordinary_words() {
    let laid = lay(SEED);
    let doc = &laid.document;
    let heads: Vec<&str> = runs(doc)
        .into_iter()
        // Hyphenated heads carry their whole word; a title carries its dates (with a space).
        .filter_map(|(_, r)| {
            r.actual_text
                .as_deref()
                .filter(|t| !t.is_empty() && !t.contains(' '))
        })
        .collect();
    assert!(!heads.is_empty(), "the seed needs some hyphens");
    for word in heads {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        assert!(
            core.chars().all(|c| c.is_lowercase() || c == '-'),
            "{word} should not be hyphenated"
        );
    }
}

/// Every bullet and paragraph of the seed as running text in the classic body style.
fn seed_paragraphs(book: &FontBook) -> Vec<crate::inline::Paragraph> {
    let parsed = vita_model::parse_markdown(SEED).unwrap();
    let style = super::text::TextStyle {
        family: crate::Variant::ALL.map(|v| crate::FaceId(v.index())),
        mono: crate::Variant::ALL.map(|v| crate::FaceId(v.index())),
        size: 10.0,

        color: crate::Color::BLACK,
        bold: false,
        italic: false,
        small_caps: false,
        tracking: 0.0,
        hyphenate: true,
    };
    let hyphenator = crate::inline::Hyphenator::new(None, &[]);
    let hyphens = crate::inline::Hyphens {
        hyphenator: &hyphenator,
        penalty: 50,
        hyphenate: true,
    };
    let mut texts = Vec::new();
    fn collect(blocks: &[vita_model::Block], texts: &mut Vec<vita_model::Text>) {
        for block in blocks {
            match block {
                vita_model::Block::Entry(e) => collect(&e.body, texts),
                vita_model::Block::Paragraph(p) => texts.push(p.text.clone()),
                vita_model::Block::List(l) => texts.extend(l.items.iter().map(|i| i.text.clone())),
                _ => {}
            }
        }
    }
    for section in &parsed.resume.sections {
        collect(&section.blocks, &mut texts);
    }
    texts
        .iter()
        .map(|t| {
            let pieces = super::text::pieces(book, t, &style);
            let spacing = crate::inline::Spacing::default();
            crate::inline::Paragraph::new(book, pieces, true, Some(hyphens), spacing)
        })
        .collect()
}

#[test]
fn optimal_demerits_never_exceed_first_fit_on_the_seed() {
    use crate::inline::knuth_plass::{Params, break_optimal, evaluate};
    use crate::inline::linebreak::break_greedy;
    let book = book();
    let paragraphs = seed_paragraphs(&book);
    assert_eq!(paragraphs.len(), 14, "the seed's bullets");
    let params = Params {
        emergency_stretch: 15.0,
        runt_demerits: 5000,
        ..Params::default()
    };
    let measure = 595.276 - 2.0 * 17.0 * 72.0 / 25.4 - 11.0;
    for para in &paragraphs {
        let optimal = break_optimal(&para.items, |_| measure, &[], &params);
        let greedy: Vec<usize> = break_greedy(&para.items, |_| measure)
            .iter()
            .map(|l| l.end)
            .collect();
        let first_fit = evaluate(&para.items, &greedy, |_| measure, &[], &params);
        assert!(
            optimal.demerits <= first_fit,
            "optimal {} > first-fit {first_fit}",
            optimal.demerits
        );
    }
}

#[test]
fn greedy_is_available_and_never_better() {
    let parsed = vita_model::parse_markdown(SEED).unwrap();
    let book = book();
    let mut classic = Layout::builtin("classic").unwrap();
    let optimal = layout(&parsed.resume, &classic, &book, &LayoutOptions::default()).unwrap();
    classic.paragraph.algorithm = crate::Algorithm::Greedy;
    let greedy = layout(&parsed.resume, &classic, &book, &LayoutOptions::default()).unwrap();
    assert!(
        greedy.lines.is_empty(),
        "first-fit has no Knuth–Plass figures"
    );
    assert!(!optimal.lines.is_empty());
}

const THREE_PAGES: &str = include_str!("../../../../samples/three-pages.md");

/// For every structure node of `kind`, the baselines of its text lines on each page.
fn lines_per_page(doc: &Document, kinds: &[StructKind]) -> Vec<Vec<(usize, usize)>> {
    fn walk(
        node: &crate::StructNode,
        kinds: &[StructKind],
        doc: &Document,
        out: &mut Vec<Vec<(usize, usize)>>,
    ) {
        if kinds.contains(&node.kind) {
            let mut baselines: Vec<(usize, i64)> = Vec::new();
            for child in &node.children {
                if let crate::StructChild::Item(page, item) = child
                    && let Item::Text(run) = &doc.pages[*page].items[*item]
                {
                    let key = (*page, (run.origin.y * 100.0) as i64);
                    if !baselines.contains(&key) {
                        baselines.push(key);
                    }
                }
            }
            let mut per_page: Vec<(usize, usize)> = Vec::new();
            for (page, _) in baselines {
                match per_page.last_mut() {
                    Some((p, n)) if *p == page => *n += 1,
                    _ => per_page.push((page, 1)),
                }
            }
            out.push(per_page);
        }
        for child in &node.children {
            if let crate::StructChild::Node(n) = child {
                walk(n, kinds, doc, out);
            }
        }
    }
    let mut out = Vec::new();
    for node in &doc.structure {
        walk(node, kinds, doc, &mut out);
    }
    out
}

#[test]
fn three_page_sample_has_no_stranded_headings_widows_or_orphans() {
    let laid = lay(THREE_PAGES);
    let doc = &laid.document;
    assert_eq!(doc.pages.len(), 3);
    // Headings never split from their content: every heading's page also holds the next
    // line of text after it.
    let parsed = vita_model::parse_markdown(THREE_PAGES).unwrap();
    let mut headings: Vec<String> = Vec::new();
    for section in &parsed.resume.sections {
        headings.push(section.title.plain());
        for block in &section.blocks {
            if let vita_model::Block::Entry(e) = block {
                headings.push(e.title.plain());
                if let Some(org) = &e.organization {
                    headings.push(org.plain());
                }
            }
        }
    }
    for (index, page) in doc.pages.iter().enumerate().take(doc.pages.len() - 1) {
        let last = page
            .items
            .iter()
            .rev()
            .find_map(|i| match i {
                Item::Text(run) if !is_footer(run) && !run.text.starts_with('\u{200b}') => {
                    Some(run)
                }
                _ => None,
            })
            .unwrap();
        // The last line's first run (several runs share its baseline).
        let first_on_line = page
            .items
            .iter()
            .find_map(|i| match i {
                Item::Text(run) if run.origin.y == last.origin.y => Some(run),
                _ => None,
            })
            .unwrap();
        assert!(
            !headings
                .iter()
                .any(|h| first_on_line.text.trim() == h.as_str()),
            "page {} ends with the heading {:?}",
            index + 1,
            first_on_line.text
        );
    }
    // No paragraph or list item leaves a single line alone on a page.
    let kinds = [StructKind::Paragraph, StructKind::ListBody];
    for parts in lines_per_page(doc, &kinds) {
        assert_no_widows_or_orphans(&parts);
    }
}

#[test]
fn fitting_the_seed_into_one_page_keeps_body_text_at_nine_points_or_more() {
    let parsed = vita_model::parse_markdown(SEED).unwrap();
    let book = book();
    let classic = Layout::builtin("classic").unwrap();
    let options = LayoutOptions::default();
    let plain = layout(&parsed.resume, &classic, &book, &options).unwrap();
    assert_eq!(plain.document.pages.len(), 2);
    let fitted = crate::fit(
        &parsed.resume,
        &classic,
        &book,
        &options,
        &crate::Fit::pages(1),
    )
    .unwrap();
    assert_eq!(fitted.laid.document.pages.len(), 1);
    assert_eq!(fitted.natural_pages, 2);
    assert!(!fitted.knobs.is_empty());
    assert_eq!(fitted.knobs[0].name, "vertical spacing");
    let smallest = runs(&fitted.laid.document)
        .into_iter()
        .map(|(_, r)| r.size)
        .fold(f32::INFINITY, f32::min);
    assert!(smallest >= 9.0, "text at {smallest}pt");
    // Two pages allowed: nothing moves, the document is the plain one.
    let roomy = crate::fit(
        &parsed.resume,
        &classic,
        &book,
        &options,
        &crate::Fit::pages(2),
    )
    .unwrap();
    assert!(roomy.knobs.is_empty());
    assert_eq!(roomy.laid.document.pages, plain.document.pages);
}

#[test]
fn fitting_what_cannot_fit_says_how_much_is_over() {
    let mut source = String::from("# Ada Lovelace\n\n## Work\n\n");
    for i in 0..150 {
        source.push_str(&format!(
            "- Item {i}: built and ran a service that many people used every day.\n"
        ));
    }
    let parsed = vita_model::parse_markdown(&source).unwrap();
    let book = book();
    let classic = Layout::builtin("classic").unwrap();
    let err = crate::fit(
        &parsed.resume,
        &classic,
        &book,
        &LayoutOptions::default(),
        &crate::Fit::pages(1),
    )
    .unwrap_err();
    match err {
        crate::FitError::TooLong {
            pages,
            lines,
            at_floors,
            ..
        } => {
            assert_eq!(pages, 1);
            assert!(at_floors >= 2);
            assert!(lines > 20, "{lines}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn paragraphs_split_across_pages_keep_two_lines_on_each_side() {
    let mut source = String::from("# Ada Lovelace\n\n## Notes\n\n");
    for i in 0..14 {
        source.push_str(&format!("Paragraph {i}. "));
        source.push_str(&"The engine weaves algebraic patterns just as the loom weaves flowers and leaves, and it may act upon other things besides number. ".repeat(5));
        source.push_str("\n\n");
    }
    let laid = lay(&source);
    let doc = &laid.document;
    assert!(doc.pages.len() >= 2);
    let parts = lines_per_page(doc, &[StructKind::Paragraph]);
    let split: Vec<&Vec<(usize, usize)>> = parts.iter().filter(|p| p.len() > 1).collect();
    assert!(
        !split.is_empty(),
        "no paragraph straddles a page: {parts:?}"
    );
    for parts in split {
        assert_no_widows_or_orphans(parts);
    }
}

#[test]
fn a_date_column_puts_dates_left_and_indents_the_entry() {
    let parsed = vita_model::parse_markdown(ENTRY).unwrap();
    let book = book();
    let mut classic = Layout::builtin("classic").unwrap();
    classic.entry.date_column = crate::Length::Pt(80.0);
    classic.section.case = crate::TitleCase::Upper;
    classic.section.letter_spacing = crate::Length::Em(0.05);
    let laid = layout(&parsed.resume, &classic, &book, &LayoutOptions::default()).unwrap();
    let doc = &laid.document;
    let margin = 17.0 * 72.0 / 25.4;
    let dates = run_with(doc, "2018 – 2023");
    let title = run_with(doc, "Staff Software Engineer");
    let bullet_text = run_with(doc, "Joined as");
    assert!((dates.origin.x - margin).abs() < 0.01);
    assert_eq!(dates.origin.y, title.origin.y, "dates on the title's line");
    assert!((title.origin.x - (margin + 80.0)).abs() < 0.01);
    assert!(bullet_text.origin.x > margin + 80.0);
    // Upper case with letter-spacing: each glyph advance carries the tracking.
    let heading = run_with(doc, "EXPERIENCE");
    let plain = lay(ENTRY);
    let normal = run_with(&plain.document, "EXPERIENCE");
    assert!(heading.width() > normal.width());
}

#[test]
fn fitting_shortens_the_cheapest_paragraphs_before_the_leading() {
    let words: Vec<&str> = "the quick engine weaves algebraic patterns as the loom weaves flowers and leaves while analysts read its tables carefully".split(' ').collect();
    let mut source = String::from("# Ada Lovelace\n\n## Notes\n\n");
    for i in 0..24 {
        let text: Vec<&str> = (0..34).map(|j| words[(i + j) % words.len()]).collect();
        source.push_str(&format!("Note {i}: {}.\n\n", text.join(" ")));
    }
    let parsed = vita_model::parse_markdown(&source).unwrap();
    let book = book();
    let classic = Layout::builtin("classic").unwrap();
    let options = LayoutOptions::default();
    let fitted = crate::fit(
        &parsed.resume,
        &classic,
        &book,
        &options,
        &crate::Fit::pages(1),
    )
    .unwrap();
    assert_eq!(fitted.natural_pages, 2);
    assert_eq!(fitted.laid.document.pages.len(), 1);
    let names: Vec<&str> = fitted.knobs.iter().map(|k| k.name).collect();
    assert!(names.contains(&"looseness"), "{:?}", fitted.knobs);
    assert!(
        !names.contains(&"leading") && !names.contains(&"body size"),
        "{:?}",
        fitted.knobs
    );
}

#[test]
fn a_photo_hangs_in_the_header_beside_narrower_lines() {
    let png = include_bytes!("../../../../tests/fixtures/photo.png");
    let photo = crate::PhotoData {
        image: crate::Image {
            rect: crate::Rect::default(),
            data: std::sync::Arc::new(png.as_slice()),
            format: crate::ImageFormat::Png,
            alt: "Ada Lovelace".into(),
        },
        width: 60,
        height: 80,
    };
    let parsed =
        vita_model::parse_markdown("# Ada Lovelace\n\nAnalyst\n\n## Work\n\nWrote.\n").unwrap();
    let book = book();
    let classic = Layout::builtin("classic").unwrap();
    let options = LayoutOptions {
        photo: Some(photo),
        ..LayoutOptions::default()
    };
    let laid = layout(&parsed.resume, &classic, &book, &options).unwrap();
    let page = &laid.document.pages[0];
    let image = page
        .items
        .iter()
        .find_map(|i| match i {
            Item::Image(image) => Some(image),
            _ => None,
        })
        .expect("the photo is placed");
    let margin = 17.0 * 72.0 / 25.4;
    let height = 30.0 * 72.0 / 25.4;
    assert!((image.rect.height - height).abs() < 0.01);
    assert!((image.rect.width - height * 60.0 / 80.0).abs() < 0.01);
    assert!(
        (image.rect.x + image.rect.width - (page.width - margin)).abs() < 0.01,
        "right side"
    );
    let name = run_with(&laid.document, "Ada Lovelace");
    assert!(
        name.origin.x + name.width() < image.rect.x,
        "the name clears the photo"
    );
    // The first section starts below the photo.
    let section = run_with(&laid.document, "WORK");
    assert!(section.origin.y > image.rect.y + image.rect.height);
    assert_eq!(image.alt, "Ada Lovelace");
}

#[test]
fn a_page_break_hint_starts_a_new_page() {
    let laid =
        lay("# Ada Lovelace\n\n## One\n\nFirst page.\n\n\\newpage\n\n## Two\n\nSecond page.\n");
    let doc = &laid.document;
    assert_eq!(doc.pages.len(), 2, "the hint breaks the page");
    let (page, _) = runs(doc)
        .into_iter()
        .find(|(_, r)| r.text.contains("Second"))
        .unwrap();
    assert_eq!(page, 1);
}

#[test]
fn a_table_sets_columns_side_by_side_with_a_ruled_header() {
    let laid = lay(
        "# Ada\n\n## Projects\n\n| Project | Role | Result |\n|---|---|---|\n| Engine | Lead | Faster |\n| Notes | Author | Published |\n",
    );
    let doc = &laid.document;
    let exact = |text: &str| {
        runs(doc)
            .into_iter()
            .map(|(_, r)| r)
            .find(|r| r.text == text)
            .unwrap_or_else(|| panic!("no run {text:?}"))
    };
    let (project, role, engine, lead) = (
        exact("Project"),
        exact("Role"),
        exact("Engine"),
        exact("Lead"),
    );
    assert_eq!(project.origin.y, role.origin.y, "header cells on one line");
    assert!(role.origin.x > project.origin.x + project.width());
    assert!(
        (lead.origin.x - role.origin.x).abs() < 0.01,
        "columns line up"
    );
    assert!(engine.origin.y > project.origin.y);
    let rules = doc.pages[0]
        .items
        .iter()
        .filter(|i| matches!(i, Item::Rule(_)))
        .count();
    assert!(rules >= 2, "section rule and header rule");
}

#[test]
fn fitting_reaches_the_margins_last_and_stays_above_the_floors() {
    let words: Vec<&str> = "the quick engine weaves algebraic patterns as the loom weaves flowers and leaves while analysts read its tables carefully".split(' ').collect();
    let mut source = String::from("# Ada Lovelace\n\n## Notes\n\n");
    for i in 0..22 {
        let text: Vec<&str> = (0..58).map(|j| words[(i + j) % words.len()]).collect();
        source.push_str(&format!("Note {i}: {}.\n\n", text.join(" ")));
    }
    let parsed = vita_model::parse_markdown(&source).unwrap();
    let book = book();
    let classic = Layout::builtin("classic").unwrap();
    let fitted = crate::fit(
        &parsed.resume,
        &classic,
        &book,
        &LayoutOptions::default(),
        &crate::Fit::pages(1),
    )
    .unwrap();
    assert_eq!(fitted.laid.document.pages.len(), 1);
    let names: Vec<&str> = fitted.knobs.iter().map(|k| k.name).collect();
    assert_eq!(names.last(), Some(&"margins"), "{:?}", fitted.knobs);
    let smallest = runs(&fitted.laid.document)
        .into_iter()
        .map(|(_, r)| r.size)
        .fold(f32::INFINITY, f32::min);
    assert!(smallest >= 9.0, "{smallest}");
    let page = &fitted.laid.document.pages[0];
    let leftmost = runs(&fitted.laid.document)
        .into_iter()
        .map(|(_, r)| r.origin.x)
        .fold(f32::INFINITY, f32::min);
    assert!(
        (10.0 * 72.0 / 25.4 - 0.01..17.0 * 72.0 / 25.4).contains(&leftmost),
        "{leftmost} on {}",
        page.width
    );
}

#[test]
fn nested_bullets_are_dashes() {
    let laid = lay("# Ada\n\n## Work\n\n- Outer item\n  - Inner item\n");
    let labels: Vec<String> = runs(&laid.document)
        .into_iter()
        .map(|(_, r)| r.text.clone())
        .filter(|t| t == "•" || t == "–")
        .collect();
    assert_eq!(labels, ["•", "–"]);
}

/// Fits `markdown` into `pages` pages with the classic layout.
fn fit_pages(markdown: &str, pages: usize) -> Result<crate::Fitted, crate::FitError> {
    let parsed = vita_model::parse_markdown(markdown).unwrap();
    crate::fit(
        &parsed.resume,
        &Layout::builtin("classic").unwrap(),
        &book(),
        &LayoutOptions::default(),
        &crate::Fit::pages(pages),
    )
}

#[test]
fn forced_page_breaks_count_as_pages_when_fitting() {
    // Four lines and one forced break: two pages, and never "1 lines too long for 1 page".
    let short = "# Ada Lovelace\n\nWrote the first program.\n\n<div class=\"pagebreak\"></div>\n\n## Skills\n\nMathematics.\n";
    let Err(err) = fit_pages(short, 1) else {
        panic!("two pages fit on one")
    };
    assert_eq!(
        err.to_string(),
        "its 1 page break alone need 2 pages, more than 1"
    );
    let crate::FitError::TooLong { at_floors, .. } = err else {
        panic!("{err:?}")
    };
    assert_eq!(at_floors, 2);
    assert_eq!(fit_pages(short, 2).unwrap().laid.document.pages.len(), 2);

    // A break after a short first page: the second stretch is what is too long, and the
    // suggested page count (the count at every floor) then fits.
    let mut long = String::from("# Ada Lovelace\n\nIntro.\n\n\\newpage\n\n## Work\n\n");
    for i in 0..160 {
        long.push_str(&format!(
            "- Item {i}: built a service that many people used.\n"
        ));
    }
    let Err(err) = fit_pages(&long, 2) else {
        panic!("160 items fit on two pages")
    };
    let crate::FitError::TooLong {
        lines, at_floors, ..
    } = err.clone()
    else {
        panic!("{err:?}")
    };
    assert!(
        err.to_string().ends_with("lines too long for 2 pages"),
        "{err}"
    );
    assert!(lines > 1, "{lines}");
    let fitted = fit_pages(&long, at_floors).unwrap();
    assert_eq!(fitted.laid.document.pages.len(), at_floors);
}

/// For entry `n` of [`entry_heading_blocks`]'s résumés: the page of each heading-block line
/// and the page of the first body line.
fn heading_and_body_pages(doc: &Document, n: usize) -> (Vec<usize>, Option<usize>) {
    let page_of = |needle: &str| {
        runs(doc)
            .into_iter()
            .find(|(_, r)| !is_footer(r) && r.text.contains(needle))
            .map(|(p, _)| p)
    };
    let heading = [format!("Role{n}"), format!("Org{n}"), format!("link{n}")]
        .iter()
        .filter_map(|t| page_of(t))
        .collect();
    (heading, page_of(&format!("Did{n}")))
}

/// Résumés whose entries are written three ways, each entry with a heading block of title,
/// organisation, dates and a link line, then two bullets.
fn entry_heading_blocks() -> Vec<(&'static str, String, bool)> {
    let mut hashes = String::from("# Ada Lovelace\n\n## Experience\n\n");
    let mut bold = hashes.clone();
    let mut json = String::from(r#"{"basics": {"name": "Ada Lovelace"}, "work": ["#);
    for n in 0..34 {
        let body = format!(
            "- Did{n} the work of a whole team for a year and wrote it up for others.\n- Led the review.\n"
        );
        hashes.push_str(&format!(
            "### Role{n} | Org{n} | Apr 2021 – Oct 2021\n\n[link{n}.example.com](https://link{n}.example.com)\n\n{body}\n"
        ));
        bold.push_str(&format!(
            "**Org{n}** — *Role{n}*  \n*Apr 2021 – Oct 2021*  \n[link{n}.example.com](https://link{n}.example.com)\n\n{body}\n"
        ));
        if n > 0 {
            json.push(',');
        }
        json.push_str(&format!(
            r#"{{"name": "Org{n}", "position": "Role{n}", "url": "https://link{n}.example.com", "startDate": "2021-04", "endDate": "2021-10", "highlights": ["Did{n} the work of a whole team for a year and wrote it up for others.", "Led the review."]}}"#
        ));
    }
    json.push_str("]}");
    vec![
        ("###", hashes, false),
        ("bold lines", bold, false),
        ("JSON", json, true),
    ]
}

#[test]
fn an_entry_heading_block_never_ends_a_page() {
    let classic = Layout::builtin("classic").unwrap();
    for (syntax, source, is_json) in entry_heading_blocks() {
        let parsed = if is_json {
            vita_model::parse_json_resume(&source).unwrap()
        } else {
            vita_model::parse_markdown(&source).unwrap()
        };
        let natural = layout(&parsed.resume, &classic, &book(), &LayoutOptions::default())
            .unwrap()
            .document;
        let pages = natural.pages.len();
        assert!(pages >= 3, "{syntax}: {pages} pages");
        let fitted = crate::fit(
            &parsed.resume,
            &classic,
            &book(),
            &LayoutOptions::default(),
            &crate::Fit::pages(pages - 1),
        )
        .map(|f| f.laid.document);
        for (how, doc) in [("natural", Some(natural)), ("fitted", fitted.ok())] {
            let Some(doc) = doc else { continue };
            for n in 0..34 {
                let (heading, body) = heading_and_body_pages(&doc, n);
                assert!(
                    !heading.is_empty() && body.is_some(),
                    "{syntax} {how}: entry {n}"
                );
                assert!(
                    heading.iter().all(|&p| Some(p) == body),
                    "{syntax} ({how}): entry {n}'s heading block is on pages {heading:?}, its body starts on page {body:?}"
                );
            }
        }
    }
}

#[test]
fn no_built_in_layout_splits_a_keyword_of_the_seed() {
    let parsed = vita_model::parse_markdown(SEED).unwrap();
    let keywords = super::compose::keywords_of(&parsed.resume);
    assert!(keywords.contains("high-throughput") && keywords.contains("postgresql"));
    let split_keywords = |name: &str, whole: bool| -> Vec<String> {
        let mut chosen = Layout::builtin(name).unwrap();
        chosen.paragraph.keep_keywords_whole = whole;
        let laid = layout(&parsed.resume, &chosen, &book(), &LayoutOptions::default()).unwrap();
        let core = |w: &str| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        // Hyphenated heads carry their whole word as ActualText; a break at a word's own
        // hyphen leaves the line ending in '-'.
        let heads = runs(&laid.document).into_iter().filter_map(|(_, r)| {
            r.actual_text
                .clone()
                .filter(|t| !t.is_empty() && !t.contains(' '))
        });
        let ends = laid.lines.iter().filter_map(|l| {
            let last = l.text.split_whitespace().last()?;
            last.ends_with('-').then(|| last.to_string())
        });
        heads
            .chain(ends)
            .filter(|w| {
                keywords.contains(&core(w))
                    || keywords
                        .iter()
                        .any(|k| k.starts_with(&core(w)) && k.contains('-'))
            })
            .collect()
    };
    for name in Layout::builtin_names() {
        assert_eq!(split_keywords(name, true), Vec::<String>::new(), "{name}");
    }
    // Without the setting classic hyphenates them: the check can fail.
    assert!(!split_keywords("classic", false).is_empty());
}

/// The seed's line that ends before "high-throughput" (bold, kept whole), as classic sets it.
fn line_before_high_throughput(letter_stretch: f32) -> (crate::LineReport, f32) {
    let parsed = vita_model::parse_markdown(SEED).unwrap();
    let mut classic = Layout::builtin("classic").unwrap();
    classic.paragraph.letter_stretch = letter_stretch;
    let laid = layout(&parsed.resume, &classic, &book(), &LayoutOptions::default()).unwrap();
    let at = laid
        .lines
        .iter()
        .position(|l| {
            l.text
                .starts_with("• Architected and implemented a reporting platform")
        })
        .expect("the line");
    assert!(
        laid.lines[at + 1]
            .text
            .starts_with("high-throughput of 40K")
    );
    // The set width of the word "tailored" on that line.
    let word = runs(&laid.document)
        .into_iter()
        .find_map(|(_, r)| {
            let start = r.text.find("tailored")?;
            let glyphs = r
                .glyphs
                .iter()
                .filter(|g| g.text.start >= start && g.text.end <= start + 8);
            Some(glyphs.map(|g| g.advance).sum::<f32>())
        })
        .expect("tailored");
    (laid.lines[at].clone(), word)
}

#[test]
fn a_line_a_kept_keyword_leaves_too_loose_stretches_only_as_a_decent_line() {
    let (line, _) = line_before_high_throughput(0.04);
    assert!(!line.hyphenated, "{line:?}");
    // Without the cap its spaces would stretch to ratio 2.3 (very loose); even at ratio 1 the
    // line would end short, so it is set as a decent line (0.5) and ends short.
    assert!((line.ratio - 0.5).abs() < 1e-6, "{line:?}");
}

#[test]
fn letter_stretch_widens_the_words_of_a_stretched_line() {
    let (_, plain) = line_before_high_throughput(0.0);
    let (line, widened) = line_before_high_throughput(0.04);
    // At ratio 0.5, 4% letter stretch widens each word by 2%.
    let expected = plain * (1.0 + line.ratio * 0.04);
    assert!(
        (widened - expected).abs() < 0.01,
        "{plain} → {widened}, expected {expected}"
    );
}

#[test]
fn a_list_never_leaves_its_last_item_alone_at_the_top_of_a_page() {
    // Filler that ends near the foot of page 1, then a three-item list of short items.
    for filler in 40..56 {
        let mut source = String::from("# Ada Lovelace\n\n## Work\n\n");
        for i in 0..filler {
            source.push_str(&format!("Paragraph {i} of filler text.\n\n"));
        }
        source.push_str("## Links\n\n- Alpha link\n- Beta link\n- Gamma link\n");
        let doc = lay(&source).document;
        let page_of = |needle: &str| {
            runs(&doc)
                .into_iter()
                .find(|(_, r)| r.text.contains(needle))
                .map(|(p, _)| p)
        };
        let pages = [page_of("Alpha"), page_of("Beta"), page_of("Gamma")];
        // Three items: neither the first alone at the foot nor the last alone at the top.
        assert!(
            pages[0] == pages[1] && pages[1] == pages[2],
            "filler {filler}: items on pages {pages:?}"
        );
    }
}

#[test]
fn icons_are_artifacts_in_the_structure_tree() {
    let source = include_str!("../../../../tests/fixtures/icons.md");
    let parsed = vita_model::parse_markdown(source).unwrap();
    let book = book();
    let icon_face = crate::icons::face(&book).expect("bundled");
    let count_icons = |name: &str, icons: bool| {
        let mut chosen = Layout::builtin(name).unwrap();
        chosen.header.icons = icons;
        let laid = layout(&parsed.resume, &chosen, &book, &LayoutOptions::default()).unwrap();
        let doc = laid.document;
        // Items under artifact roots, by page and index.
        let mut artifacts = std::collections::BTreeSet::new();
        fn walk(node: &crate::StructNode, out: &mut std::collections::BTreeSet<(usize, usize)>) {
            for child in &node.children {
                match child {
                    crate::StructChild::Node(inner) => walk(inner, out),
                    crate::StructChild::Item(page, item) => {
                        out.insert((*page, *item));
                    }
                }
            }
        }
        for root in doc
            .structure
            .iter()
            .filter(|r| r.kind == crate::StructKind::Artifact)
        {
            walk(root, &mut artifacts);
        }
        let mut count = 0;
        for (p, page) in doc.pages.iter().enumerate() {
            for (i, item) in page.items.iter().enumerate() {
                if let Item::Text(run) = item
                    && run.font.0 == icon_face.0
                {
                    assert!(
                        artifacts.contains(&(p, i)),
                        "icon run {:?} is not an artifact",
                        run.text
                    );
                    count += run.glyphs.len();
                }
            }
        }
        count
    };
    // Nine contact items, and two icons the markup names (`<i class="fa fa-github">`,
    // `:fa-envelope:`), in every layout that turns icons on.
    assert_eq!(count_icons("modern", true), 11);
    assert_eq!(count_icons("classic", true), 11);
    assert_eq!(count_icons("classic", false), 2);
}

/// The text drawn under a structure node, run by run, and the kinds of its nested nodes.
fn node_text(doc: &Document, node: &crate::StructNode) -> String {
    let mut out = Vec::new();
    for child in &node.children {
        match child {
            crate::StructChild::Node(inner) => out.push(node_text(doc, inner)),
            crate::StructChild::Item(page, item) => {
                if let Item::Text(run) = &doc.pages[*page].items[*item] {
                    out.push(run.text.trim().to_string());
                }
            }
        }
    }
    out.retain(|t| !t.is_empty());
    out.join(" ")
}

/// Every node of `kind` in the tree.
fn nodes_of(doc: &Document, kind: StructKind) -> Vec<&crate::StructNode> {
    fn walk<'a>(
        node: &'a crate::StructNode,
        kind: StructKind,
        out: &mut Vec<&'a crate::StructNode>,
    ) {
        if node.kind == kind {
            out.push(node);
        }
        for child in &node.children {
            if let crate::StructChild::Node(inner) = child {
                walk(inner, kind, out);
            }
        }
    }
    let mut out = Vec::new();
    for root in &doc.structure {
        walk(root, kind, &mut out);
    }
    out
}

#[test]
fn an_entry_heading_holds_its_title_and_the_dates_follow_it() {
    let seed = include_str!("../../../../tests/fixtures/seed-header.md");
    let doc = lay(seed).document;
    let headings: Vec<String> = nodes_of(&doc, StructKind::Heading(3))
        .into_iter()
        .map(|n| node_text(&doc, n))
        .collect();
    assert_eq!(headings[0], "Staff Software Engineer");
    assert!(
        headings
            .iter()
            .all(|h| !h.chars().any(|c| c.is_ascii_digit())),
        "{headings:?}"
    );
    // The dates are the paragraph right after the heading in the entry's section.
    let entry = nodes_of(&doc, StructKind::Section)
        .into_iter()
        .find(|s| matches!(s.children.first(), Some(crate::StructChild::Node(n)) if n.kind == StructKind::Heading(3)))
        .expect("an entry");
    let crate::StructChild::Node(dates) = &entry.children[1] else {
        panic!("no node after the heading")
    };
    assert_eq!(
        (dates.kind, node_text(&doc, dates).as_str()),
        (StructKind::Paragraph, "2018 – 2023")
    );
}

#[test]
fn a_links_text_is_inside_its_link_node_in_reading_order() {
    let seed = include_str!("../../../../tests/fixtures/seed-header.md");
    let doc = lay(seed).document;
    let links = nodes_of(&doc, StructKind::Link);
    let texts: Vec<String> = links.iter().map(|l| node_text(&doc, l)).collect();
    assert_eq!(texts[..2], ["alex.example@example.com", "(415) 555-0142"]);
    for link in &links {
        let areas = link
            .children
            .iter()
            .filter(|c| matches!(c, crate::StructChild::Item(p, i) if matches!(doc.pages[*p].items[*i], Item::Link(_))))
            .count();
        assert_eq!(areas, 1, "one clickable area per link node");
    }
    // The contact paragraph reads in drawn order: link, separator, link, place.
    let contacts = nodes_of(&doc, StructKind::Paragraph)
        .into_iter()
        .find(|p| node_text(&doc, p).starts_with("alex.example"))
        .expect("the contact line");
    assert_eq!(
        node_text(&doc, contacts),
        "alex.example@example.com · (415) 555-0142 · San Francisco, CA"
    );
}

/// The words a paragraph of one piece is cut into (fragments between break points).
fn fragments_of(
    book: &FontBook,
    text: &str,
    piece_hyphenates: bool,
    layout_hyphenates: bool,
) -> Vec<String> {
    let mut hyphenator = crate::inline::Hyphenator::new(None, &[]);
    hyphenator.protect(["turbo-pascal".to_string()]);
    let hyphens = crate::inline::Hyphens {
        hyphenator: &hyphenator,
        penalty: 50,
        hyphenate: layout_hyphenates,
    };
    let piece = crate::inline::Piece {
        text: text.to_string(),
        style: crate::inline::PieceStyle {
            face: crate::FaceId(0),
            size: 10.0,
            color: crate::Color::BLACK,
            small_caps: false,
            tracking: 0.0,
        },
        link: None,
        source: None,
        hyphenate: piece_hyphenates,
        separator: false,
        whole: false,
        verbatim: false,
    };
    let spacing = crate::inline::Spacing::default();
    let para = crate::inline::Paragraph::new(book, vec![piece], true, Some(hyphens), spacing);
    para.contents
        .iter()
        .filter_map(|c| match c {
            crate::inline::Content::Word { text, chars, .. } => {
                Some(text[chars.clone()].to_string())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_keyword_never_breaks_at_its_own_hyphen_in_any_piece() {
    let book = book();
    // Code spans and field rows are not hyphenated, and a layout may not hyphenate at all: the
    // keyword still stays one box there, while an ordinary compound keeps its break point.
    for piece in [true, false] {
        for layout in [true, false] {
            let words = fragments_of(
                &book,
                "Wrote turbo-pascal and rate-limiting code",
                piece,
                layout,
            );
            assert!(
                words.contains(&"turbo-pascal".to_string()),
                "{piece} {layout}: {words:?}"
            );
            assert!(
                words.contains(&"rate-".to_string()),
                "{piece} {layout}: {words:?}"
            );
        }
    }
}
