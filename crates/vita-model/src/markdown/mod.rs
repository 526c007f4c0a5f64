//! The Markdown front-end: front matter, then pulldown-cmark events read into a small node tree
//! ([`blocks`], which also reads raw HTML, hidden text, templates and page-break hints), then
//! the résumé readings — bold lines as headings when there are no `##` ([`bold_titles`]), the
//! photo ([`images`]), header, sections, entries, meta lines, dates and places, tab splits,
//! key–value rows, tables — turn that tree into a [`Resume`].
//!
//! Every span is a byte offset into the original file, BOM and front matter included: the body
//! is parsed as a slice and its spans shifted by where it starts. Line endings may be CRLF and
//! the last line needs no newline (pulldown-cmark reads both).

mod blocks;
mod body;
mod bold_titles;
mod contact;
mod dashes;
mod dates;
mod entry;
pub(crate) mod front_matter;
mod header;
mod html_tags;
mod images;
mod inline;
mod letter;
mod links;
mod name;
mod name_guess;
mod name_rows;
mod parts;
mod place;
mod preamble;
mod section;
mod shortcodes;
mod tables;
mod tags;
mod templates;
#[cfg(test)]
mod testutil;
mod words;

pub use front_matter::{FieldOverride, FieldValue, apply_overrides, is_front_matter_key};
pub use letter::DocumentKind;
pub(crate) use letter::{kind as document_kind, parse as parse_letter};
pub(crate) use shortcodes::replace as emoji_shortcodes;

use crate::{Diagnostic, Parsed, Resume, Text};
use blocks::Node;

/// Reads a whole Markdown résumé. Only front matter can fail.
pub(crate) fn parse(source: &str) -> Result<Parsed, Diagnostic> {
    let start = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut warnings = Vec::new();
    let (front, body_start) = front_matter::read(source, start, &mut warnings)?;
    let settings = front
        .as_ref()
        .map(|f| f.settings.clone())
        .unwrap_or_default();
    let photo_allowed = front.as_ref().and_then(|f| f.photo) != Some(false);
    if let Some(front) = &front
        && front.letter.kind.as_ref().map(|(k, _)| *k) != Some(DocumentKind::Letter)
        && let Some((key, span)) = &front.letter.first_key
    {
        warnings.push(letter::letter_fields_in_resume(key, span.clone()));
    }
    let body = source.get(body_start..).unwrap_or_default();
    let read = blocks::read(
        body,
        body_start,
        settings.base_url.as_deref(),
        &mut warnings,
    );
    let mut nodes = read.nodes;
    let preamble = preamble::strip(&mut nodes, source, &mut warnings);
    bold_titles::promote(&mut nodes);
    let front_name = front
        .as_ref()
        .and_then(|f| f.name.as_ref())
        .map(Text::plain);
    let arranged = name::arrange(&mut nodes, front_name.as_deref());
    if let Some(span) = &arranged.tagged {
        warnings.push(tags::in_header(span));
    }
    warnings.extend(arranged.note.clone());
    name::shift_levels(&mut nodes);
    // The photo comes from the header or the first section: up to the second section heading.
    let photo_scope = section_starts(&nodes).nth(1).unwrap_or(nodes.len());
    let photo = images::take_photo(&mut nodes, photo_scope, photo_allowed, &mut warnings);
    // The header reaches up to the first section heading.
    let first_section = section_starts(&nodes).next().unwrap_or(nodes.len());
    let rest = nodes.split_off(first_section);
    let heading = arranged.name.or(match (&front, preamble.title) {
        // Pelican's title names the page; it is the name only when nothing better is found.
        (None, Some(title)) if name::looks_like_name(&title.0.plain()) => Some(title),
        _ => None,
    });
    let guess = name::hidden_guess(source, &read.hidden).or_else(|| name_guess::from_prose(body));
    let (mut header, untitled) = header::read(
        nodes,
        heading,
        front,
        guess,
        source,
        body_start,
        &mut warnings,
    );
    header.photo = photo;
    let mut untitled_all = arranged.intro;
    untitled_all.extend(untitled);
    let sections = section::read(untitled_all, rest, source, &mut warnings);
    warnings.sort_by_key(|w| w.range().map(|r| r.start));
    Ok(Parsed {
        resume: Resume {
            header,
            sections,
            settings,
        },
        warnings,
        hidden: read.hidden,
        left_out: Vec::new(),
    })
}

/// Indices of the top-level headings that start sections: `#` or `##` (the name is out by now).
fn section_starts(nodes: &[Node]) -> impl Iterator<Item = usize> + '_ {
    nodes.iter().enumerate().filter_map(|(i, node)| {
        matches!(node, Node::Heading { level, .. } if *level <= 2).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::testutil::{entry, entry_of, parse_ok};
    use crate::{Block, ContactKind, Date, DateEnd, Dates, Text};

    const SEED: &str = include_str!("../../../../tests/fixtures/seed-resume.md");

    fn year(year: u16) -> Date {
        Date { year, month: None }
    }

    #[test]
    fn definition_lists_are_key_value_rows() {
        let parsed = parse_ok(
            "# Ada Lovelace\n\n## Details\n\nE-mail\n: ada@example.com\n\n2012-2014\n:\t*MSc*  \n\tTallinn\n",
        );
        let blocks = &parsed.resume.sections[0].blocks;
        let [Block::Fields(rows)] = &blocks[..] else {
            panic!("{blocks:#?}")
        };
        let pairs: Vec<(String, String)> = rows
            .iter()
            .map(|r| (r.key.plain(), r.value.plain()))
            .collect();
        assert_eq!(pairs[0], ("E-mail".into(), "ada@example.com".into()));
        assert_eq!(pairs[1].0, "2012-2014");
        assert_eq!(
            pairs[1].1.lines().map(str::trim).collect::<Vec<_>>(),
            ["MSc", "Tallinn"]
        );
    }

    fn assert_seed(src: &str) {
        let parsed = parse_ok(src);
        let resume = &parsed.resume;
        assert!(resume.header.name.is_none());
        assert_eq!(parsed.warnings.len(), 1);
        assert!(parsed.warnings[0].code == crate::Code::NoName);
        let titles: Vec<_> = resume.sections.iter().map(|s| s.title.plain()).collect();
        assert_eq!(
            titles,
            [
                "Professional Experience",
                "Programming Languages, Frameworks and Tools",
                "Education"
            ]
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()[..]
        );
        let job = entry_of(&resume.sections[0].blocks[0]);
        assert_eq!(job.title.plain(), "Staff Software Engineer");
        assert_eq!(
            job.place.as_ref().map(Text::plain).as_deref(),
            Some("San Francisco, CA")
        );
        assert_eq!(
            job.organization.as_ref().map(Text::plain).as_deref(),
            Some("Founding member, Aspire (Python, Typescript, NodeJS, PostgreSQL, Redis)")
        );
        let dates = job.dates.as_ref().expect("dates");
        assert_eq!(dates.text, "2018 – 2023");
        assert_eq!(&src[dates.span.clone()], "2018 – 2023");
        assert_eq!(dates.start, year(2018));
        assert_eq!(dates.end, Some(DateEnd::Date(year(2023))));
        let [Block::List(bullets)] = job.body.as_slice() else {
            panic!("one list: {:?}", job.body)
        };
        assert_eq!(bullets.items.len(), 6);
        let bold = bullets.items[1]
            .text
            .runs
            .iter()
            .find(|r| r.style.strong)
            .unwrap();
        assert_eq!(bold.text, "messaging microservice");
        assert_eq!(&src[bold.span.clone()], "messaging microservice");
        assert_eq!(resume.sections[0].blocks.len(), 4);

        let adserv = entry_of(&resume.sections[0].blocks[1]);
        let Block::List(list) = &adserv.body[0] else {
            panic!()
        };
        assert!(
            list.items[0]
                .text
                .plain()
                .contains("cost savings of $2 million by")
        );

        let [Block::Fields(rows)] = resume.sections[1].blocks.as_slice() else {
            panic!("one Fields block: {:?}", resume.sections[1].blocks)
        };
        let keys: Vec<_> = rows.iter().map(|r| r.key.plain()).collect();
        assert_eq!(
            keys,
            ["Programming Languages", "Databases", "Cloud platforms"]
        );
        assert_eq!(rows[2].value.plain(), "GCP, AWS");
        assert_eq!(
            &src[rows[0].key.runs[0].span.clone()],
            "Programming Languages"
        );

        let rights: Vec<_> = resume.sections[2]
            .blocks
            .iter()
            .map(|b| match b {
                Block::Split(split) => split.right.plain(),
                other => panic!("not a split line: {other:?}"),
            })
            .collect();
        assert_eq!(rights, ["2013 - 2015", "2005 - 2009"]);
        let Block::Split(first) = &resume.sections[2].blocks[0] else {
            panic!()
        };
        assert_eq!(
            first.left.plain(),
            "Masters in Computer Science University Of Southern California, USA"
        );
    }

    #[test]
    fn seed_resume() {
        assert_seed(SEED);
    }

    #[test]
    fn seed_resume_with_bom_and_crlf() {
        assert_seed(&format!("\u{feff}{}", SEED.replace('\n', "\r\n")));
    }

    #[test]
    fn crlf_bom_html_and_no_final_newline() {
        let src = "\u{feff}# Ada\r\n\r\n## Work\r\n\r\n<p align=\"center\">Centred\r\nline</p>\r\n\r\n\
                   - Kept <span style=\"display:none\">gone</span>\r\n- Last bullet";
        let parsed = parse_ok(src);
        let blocks = &parsed.resume.sections[0].blocks;
        let [Block::Paragraph(p), Block::List(list)] = &blocks[..] else {
            panic!("{blocks:#?}")
        };
        assert_eq!(p.text.plain(), "Centred line");
        let items: Vec<String> = list.items.iter().map(|i| i.text.plain()).collect();
        assert_eq!(items, ["Kept", "Last bullet"]);
        let hidden: Vec<&str> = parsed.hidden.iter().map(|s| &src[s.clone()]).collect();
        assert_eq!(hidden, ["gone"]);
    }

    #[test]
    fn name_contact_line_and_pipe_entries() {
        let src = "# Ada Lovelace\n\nada@example.com | +1 555 0100 | \
                   [GitHub](https://github.com/ada) | London, UK\n\n## Experience\n\n\
                   ### Tech Lead, Incubyte | Jun 2021 – Present | Remote\n\n- Led things.\n\n\
                   ### Staff Engineer at Stripe\n\nDublin, Ireland\n\n2019 - 2021\n\n- Shipped.\n";
        let parsed = parse_ok(src);
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let header = &parsed.resume.header;
        assert_eq!(header.name.as_ref().unwrap().plain(), "Ada Lovelace");
        assert!(header.headline.is_empty());
        let contacts: Vec<_> = header
            .contacts
            .iter()
            .map(|c| (c.kind, c.text.as_str(), c.url.as_deref()))
            .collect();
        assert_eq!(
            contacts,
            [
                (
                    ContactKind::Email,
                    "ada@example.com",
                    Some("mailto:ada@example.com")
                ),
                (ContactKind::Phone, "+1 555 0100", Some("tel:+15550100")),
                (ContactKind::Url, "GitHub", Some("https://github.com/ada")),
                (ContactKind::Location, "London, UK", None),
            ]
        );
        let blocks = &parsed.resume.sections[0].blocks;
        let lead = entry_of(&blocks[0]);
        assert_eq!(lead.title.plain(), "Tech Lead");
        assert_eq!(lead.organization.as_ref().unwrap().plain(), "Incubyte");
        assert_eq!(lead.place.as_ref().unwrap().plain(), "Remote");
        let Dates {
            text,
            start,
            end,
            span,
        } = lead.dates.clone().unwrap();
        assert_eq!(text, "Jun 2021 – Present");
        assert_eq!(&src[span], "Jun 2021 – Present");
        assert_eq!(
            start,
            Date {
                year: 2021,
                month: Some(6)
            }
        );
        assert_eq!(end, Some(DateEnd::Present));
        assert!(lead.details.is_empty());
        assert_eq!(&src[lead.span.clone()][..4], "### ");
        let stripe = entry_of(&blocks[1]);
        assert_eq!(stripe.title.plain(), "Staff Engineer");
        assert_eq!(stripe.organization.as_ref().unwrap().plain(), "Stripe");
        assert_eq!(stripe.place.as_ref().unwrap().plain(), "Dublin, Ireland");
        assert_eq!(stripe.dates.as_ref().unwrap().text, "2019 - 2021");
        assert!(matches!(stripe.body[..], [Block::List(_)]));
    }

    #[test]
    fn front_matter_wins_and_spans_cover_the_whole_file() {
        let src = "+++\nname = \"Ada Lovelace\"\nemail = \"ada@example.com\"\npages = 1\n+++\n\
                   # Ada Lovelace\n\nAnalyst | github.com/ada\n\n## Work\n\nHello.\n";
        let parsed = parse_ok(src);
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        let header = &parsed.resume.header;
        assert_eq!(header.name.as_ref().unwrap().plain(), "Ada Lovelace");
        let texts: Vec<_> = header.contacts.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["ada@example.com", "Analyst", "github.com/ada"]);
        assert_eq!(parsed.resume.settings.pages, Some(1));
        let section = &parsed.resume.sections[0];
        assert_eq!(&src[section.span.clone()], "## Work\n");
    }

    #[test]
    fn front_matter_errors_come_through_parse() {
        let err = crate::parse_markdown("+++\npages = \"two\"\n+++\n").unwrap_err();
        assert_eq!(err.code, crate::Code::FrontMatterField);
        let src = "+++\nname = \"Ada\"\n\nlinks = [\n+++\n# Body\n";
        let err = crate::parse_markdown(src).unwrap_err();
        assert_eq!(err.code, crate::Code::FrontMatterSyntax);
        assert!(crate::line_col(src, err.range().unwrap().start).0 >= 4);
    }

    #[test]
    fn yaml_front_matter_is_never_body_text() {
        let src = "---\nname: Ada\ntitle: x\nlinks:\n  - url: https://x.y\n---\n## Work\n\nHi.\n";
        let parsed = parse_ok(src);
        assert_eq!(parsed.resume.header.name.as_ref().unwrap().plain(), "Ada");
        assert_eq!(parsed.resume.sections.len(), 1);
        assert_eq!(parsed.resume.sections[0].blocks.len(), 1);
        assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
    }

    #[test]
    fn blank_lines_before_front_matter() {
        let parsed = parse_ok("\n\n---\nname: Ada Roe\n---\n\n## Work\n\nHi.\n");
        assert_eq!(
            parsed.resume.header.name.as_ref().unwrap().plain(),
            "Ada Roe"
        );
        let titles: Vec<String> = parsed
            .resume
            .sections
            .iter()
            .map(|s| s.title.plain())
            .collect();
        assert_eq!(titles, ["Work"]);
    }

    #[test]
    fn content_before_sections() {
        let long = "A summary sentence that goes on. ".repeat(6);
        let src =
            format!("# Ada\n\nAnalyst\n\n{long}\n\n### Lone entry | 2020\n\n## Work\n\nHi.\n");
        let parsed = parse_ok(&src);
        assert_eq!(parsed.resume.header.headline[0].plain(), "Analyst");
        let untitled = &parsed.resume.sections[0];
        assert!(untitled.title.is_empty());
        assert!(matches!(untitled.blocks[0], Block::Paragraph(_)));
        assert_eq!(entry_of(&untitled.blocks[1]).title.plain(), "Lone entry");
        assert_eq!(parsed.resume.sections[1].title.plain(), "Work");
        let lone = parse_ok("### Only | 2020\n");
        assert_eq!(
            entry_of(&lone.resume.sections[0].blocks[0]).title.plain(),
            "Only"
        );
    }

    #[test]
    fn meta_lines_written_on_consecutive_lines() {
        let job =
            entry("### Engineer\nAcme Corp\nBerlin, Germany\nJan 2020 – Dec 2021\n\n- Did.\n");
        assert_eq!(job.organization.unwrap().plain(), "Acme Corp");
        assert_eq!(job.place.unwrap().plain(), "Berlin, Germany");
        assert_eq!(job.dates.unwrap().text, "Jan 2020 – Dec 2021");
        let job = entry("### Project X\n\nA tool that does a thing for people.\n");
        assert!(job.organization.is_none());
        assert!(matches!(job.body[..], [Block::Paragraph(_)]));
    }

    /// Checks what holds for every parse: spans inside the file, text trimmed.
    fn check_invariants(src: &str, parsed: &crate::Parsed) {
        let check_text = |text: &Text| {
            let plain = text.plain();
            assert_eq!(plain.trim(), plain, "untrimmed text {plain:?} in {src:?}");
            for run in &text.runs {
                assert!(
                    run.span.start <= run.span.end && run.span.end <= src.len(),
                    "{src:?}"
                );
            }
        };
        fn walk(blocks: &[Block], f: &dyn Fn(&Text)) {
            for block in blocks {
                match block {
                    Block::Entry(e) => {
                        f(&e.title);
                        e.organization
                            .iter()
                            .chain(&e.place)
                            .chain(&e.details)
                            .for_each(f);
                        walk(&e.body, f);
                    }
                    Block::Paragraph(p) => f(&p.text),
                    Block::List(l) => l.items.iter().for_each(|i| {
                        f(&i.text);
                        walk(&i.children, f);
                    }),
                    Block::Fields(rows) => rows.iter().for_each(|r| {
                        f(&r.key);
                        f(&r.value);
                    }),
                    Block::Split(s) => {
                        f(&s.left);
                        f(&s.right);
                    }
                    Block::Table(t) => t.header.iter().chain(t.rows.iter().flatten()).for_each(f),
                    Block::Code(c) => f(&c.text),
                    Block::PageBreak => {}
                }
            }
        }
        for section in &parsed.resume.sections {
            check_text(&section.title);
            walk(&section.blocks, &check_text);
        }
        parsed.resume.header.headline.iter().for_each(check_text);
        for w in &parsed.warnings {
            assert!(w.range().unwrap().end <= src.len(), "{src:?}");
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let mut cases: Vec<String> = [
            "",
            "\u{feff}",
            "\u{feff}+++\n+++\n",
            "+++",
            "---",
            "---\n---\n",
            "###",
            "### \n- ## x\n  ### y\n",
            "## A\n- ## B\n  - # C\n",
            "**unclosed *emph `code",
            "a\r\nb\r\n\r\n\tcode\r\n",
            "\t\t\n\tx\ty\n",
            "x\t\ny\t\t\n",
            "**:** x\n\n**K:**\n\n**K**:",
            "# \n## \n### |||\n",
            "### 2019 – 2020 – 2021 | | — | at at at\n",
            "### Jun 2021 – \n### – Present\n### é – ü | ß\n",
            "<!--\n## hidden\n",
            "[a](<>) <> <@> <http://>",
            "* * *\n- - -\n1) 2) 3)\n",
            "<span style=\"color:#fff\">x<div hidden>\n\ny\n\n</span>",
            "<style>\n\n## A\n<img src=\"../a.png\"><img src=x.png width=2>",
            "| a |\n|-|\n| <b hidden>x</b> |\n\\newpage\n{{ %% {% %}",
            "<a href=rel>x</a> [y](#z) ![](photo.jpg?raw=true) <i class=fa></i>",
            "**A**\n\n**B | 2020**\n\n- ### H\n\n<div style=\"page-break-after:always\">",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        cases.push("- ".repeat(2000));
        cases.push(">".repeat(3000));
        cases.push(format!("{}x{}", "*".repeat(500), "*".repeat(499)));
        cases.push(
            (0..300)
                .map(|i| format!("{}1. x\n", "   ".repeat(i)))
                .collect(),
        );
        // A small xorshift generator keeps the garbage reproducible without a dependency.
        let alphabet: Vec<char> = "#*_`[]()<>!-–—|:·•\\\t\r\n +=12aZé0/@.\u{feff}{}%\"'"
            .chars()
            .collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            let mut s = String::new();
            let len = (state % 120) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                s.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            cases.push(s);
        }
        for case in &cases {
            if let Ok(parsed) = crate::parse_markdown(case) {
                check_invariants(case, &parsed);
            }
        }
    }
}
