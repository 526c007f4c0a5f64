//! Tags and selection: which parts of one résumé a variant keeps.
//!
//! Sections, entries, paragraphs, list items, key–value rows and TAB lines carry the tags of
//! their `<!-- tags: … -->` comments. A [`TagExpr`] such as `backend,!frontend` decides what
//! stays:
//!
//! - an element with no tags is always kept;
//! - a tagged element is dropped when any of its tags is excluded (`!name`);
//! - otherwise it is kept when the expression includes at least one of its tags, or includes
//!   no tag at all (an expression of exclusions only keeps everything not excluded).
//!
//! Dropping an element drops everything inside it. A section, list or block of key–value rows
//! that loses all its content is dropped too, so no empty heading is left behind.
//!
//! ```
//! let src = "# Ada\n\n## Work\n\n- Rust services <!-- tags: backend -->\n- React UI <!-- tags: frontend -->\n- Led the team\n";
//! let parsed = vita_model::parse_markdown(src).unwrap();
//! let expr = vita_model::TagExpr::parse("backend").unwrap();
//! let selection = vita_model::select(&parsed.resume, &expr);
//! let vita_model::Block::List(list) = &selection.resume.sections[0].blocks[0] else { panic!() };
//! let kept: Vec<String> = list.items.iter().map(|i| i.text.plain()).collect();
//! assert_eq!(kept, ["Rust services", "Led the team"]);
//! ```

use std::collections::BTreeSet;
use std::fmt;

use crate::{Block, Code, Diagnostic, Entry, List, ListItem, Resume, Section, closest};

/// Characters a tag name may hold besides letters and digits.
const NAME_PUNCTUATION: [char; 6] = ['-', '_', '.', '+', '#', '/'];

/// A tag name in its compared form (lower case), or `None` when `word` is not a tag name:
/// letters, digits and `-`, `_`, `.`, `+`, `#`, `/`, starting with a letter or digit.
pub(crate) fn normalize_tag(word: &str) -> Option<String> {
    let first = word.chars().next()?;
    let valid = first.is_alphanumeric()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || NAME_PUNCTUATION.contains(&c));
    valid.then(|| word.to_lowercase())
}

/// A tag expression: names to include and names to exclude (`backend,lead,!frontend`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagExpr {
    include: Vec<String>,
    exclude: Vec<String>,
}

impl TagExpr {
    /// Reads an expression: terms separated by commas, each a tag name (include) or `!` and a
    /// tag name (exclude); white space around terms is ignored, names are compared in lower
    /// case. The empty expression selects everything.
    ///
    /// # Errors
    ///
    /// A [`Diagnostic`] with code [`Code::TagExpression`] whose span is a byte range of `text`,
    /// for an empty term or a name with characters a tag cannot have.
    pub fn parse(text: &str) -> Result<TagExpr, Diagnostic> {
        let mut expr = TagExpr::default();
        if text.trim().is_empty() {
            return Ok(expr);
        }
        let mut at = 0;
        for term in text.split(',') {
            let span = at..at + term.len();
            at += term.len() + 1;
            let trimmed = term.trim();
            let (negated, name) = match trimmed.strip_prefix('!') {
                Some(rest) => (true, rest.trim_start()),
                None => (false, trimmed),
            };
            let error = |message: String, hint: &str| {
                Diagnostic::error(Code::TagExpression, message)
                    .at(span.clone())
                    .with_hint(hint.to_string())
            };
            if name.is_empty() {
                let message = if negated {
                    "`!` must be followed by a tag name".to_string()
                } else {
                    format!("empty term in tag expression `{text}`")
                };
                return Err(error(
                    message,
                    "write tags separated by commas, `!` before a tag to leave it out: `backend,!frontend`",
                ));
            }
            let Some(name) = normalize_tag(name) else {
                return Err(error(
                    format!("`{name}` is not a tag name"),
                    "tag names are letters, digits and `-`, `_`, `.`, `+`, `#`, `/`; separate them with commas",
                ));
            };
            let list = if negated {
                &mut expr.exclude
            } else {
                &mut expr.include
            };
            if !list.contains(&name) {
                list.push(name);
            }
        }
        Ok(expr)
    }

    /// The included names, in the order written.
    pub fn includes(&self) -> &[String] {
        &self.include
    }

    /// The excluded names, in the order written.
    pub fn excludes(&self) -> &[String] {
        &self.exclude
    }

    /// True when the expression names no tag (it selects everything).
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    /// Whether an element with these (normalised) tags is kept; see the module docs.
    pub fn keeps(&self, tags: &[String]) -> bool {
        if tags.is_empty() {
            return true;
        }
        if tags.iter().any(|t| self.exclude.contains(t)) {
            return false;
        }
        self.include.is_empty() || tags.iter().any(|t| self.include.contains(t))
    }
}

impl fmt::Display for TagExpr {
    /// The canonical form: includes, then excludes, comma-separated (`backend,!frontend`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let terms: Vec<String> = self
            .include
            .iter()
            .cloned()
            .chain(self.exclude.iter().map(|n| format!("!{n}")))
            .collect();
        f.write_str(&terms.join(","))
    }
}

/// A tag named in an expression that no element of the résumé carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTag {
    /// The name as normalised.
    pub name: String,
    /// The closest tag the résumé does use, if one is within two edits.
    pub suggestion: Option<String>,
}

/// What [`select`] kept, and the expression's names the résumé does not use.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// The résumé with dropped elements removed.
    pub resume: Resume,
    /// Tags in the expression that are nowhere in the résumé (likely typos), in expression
    /// order.
    pub unknown: Vec<UnknownTag>,
}

/// Every tag used anywhere in `resume`, sorted.
pub fn tags_in(resume: &Resume) -> Vec<String> {
    let mut set = BTreeSet::new();
    for section in &resume.sections {
        set.extend(section.tags.iter().cloned());
        collect_blocks(&section.blocks, &mut set);
    }
    set.into_iter().collect()
}

fn collect_blocks(blocks: &[Block], set: &mut BTreeSet<String>) {
    for block in blocks {
        match block {
            Block::Entry(entry) => {
                set.extend(entry.tags.iter().cloned());
                collect_blocks(&entry.body, set);
            }
            Block::Paragraph(p) => set.extend(p.tags.iter().cloned()),
            Block::List(list) => {
                for item in &list.items {
                    set.extend(item.tags.iter().cloned());
                    collect_blocks(&item.children, set);
                }
            }
            Block::Fields(rows) => {
                set.extend(rows.iter().flat_map(|r| r.tags.iter().cloned()));
            }
            Block::Split(split) => set.extend(split.tags.iter().cloned()),
            Block::Table(table) => set.extend(table.tags.iter().cloned()),
            Block::Code(_) | Block::PageBreak => {}
        }
    }
}

/// The part of `resume` that `expr` keeps (see the module docs), with the expression's names
/// that the résumé never uses.
pub fn select(resume: &Resume, expr: &TagExpr) -> Selection {
    let used = tags_in(resume);
    let candidates: Vec<&str> = used.iter().map(String::as_str).collect();
    let unknown = expr
        .include
        .iter()
        .chain(&expr.exclude)
        .filter(|name| !used.contains(name))
        .map(|name| UnknownTag {
            name: name.clone(),
            suggestion: closest(name, &candidates).map(String::from),
        })
        .collect();
    let sections = if expr.is_empty() {
        resume.sections.clone()
    } else {
        resume
            .sections
            .iter()
            .filter_map(|s| select_section(s, expr))
            .collect()
    };
    Selection {
        resume: Resume {
            header: resume.header.clone(),
            sections,
            settings: resume.settings.clone(),
        },
        unknown,
    }
}

fn select_section(section: &Section, expr: &TagExpr) -> Option<Section> {
    if !expr.keeps(&section.tags) {
        return None;
    }
    let blocks = select_blocks(&section.blocks, expr);
    // A page-break hint is no content: a section left with nothing else is dropped too.
    let has_content = |blocks: &[Block]| blocks.iter().any(|b| !matches!(b, Block::PageBreak));
    if !has_content(&blocks) && has_content(&section.blocks) {
        return None;
    }
    Some(Section {
        title: section.title.clone(),
        blocks,
        tags: section.tags.clone(),
        span: section.span.clone(),
    })
}

fn select_blocks(blocks: &[Block], expr: &TagExpr) -> Vec<Block> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Entry(entry) => expr.keeps(&entry.tags).then(|| {
                Block::Entry(Entry {
                    body: select_blocks(&entry.body, expr),
                    ..entry.clone_head()
                })
            }),
            Block::Paragraph(p) => expr.keeps(&p.tags).then(|| block.clone()),
            Block::List(list) => {
                let items: Vec<ListItem> = list
                    .items
                    .iter()
                    .filter(|item| expr.keeps(&item.tags))
                    .map(|item| ListItem {
                        text: item.text.clone(),
                        children: select_blocks(&item.children, expr),
                        tags: item.tags.clone(),
                        span: item.span.clone(),
                    })
                    .collect();
                (!items.is_empty()).then(|| {
                    Block::List(List {
                        start: list.start,
                        items,
                        span: list.span.clone(),
                    })
                })
            }
            Block::Fields(rows) => {
                let rows: Vec<_> = rows
                    .iter()
                    .filter(|row| expr.keeps(&row.tags))
                    .cloned()
                    .collect();
                (!rows.is_empty()).then_some(Block::Fields(rows))
            }
            Block::Split(split) => expr.keeps(&split.tags).then(|| block.clone()),
            Block::Table(table) => expr.keeps(&table.tags).then(|| block.clone()),
            // Untagged: in every variant.
            Block::Code(_) | Block::PageBreak => Some(block.clone()),
        })
        .collect()
}

impl Entry {
    /// A copy without the body (which selection rebuilds), so the body is not cloned twice.
    fn clone_head(&self) -> Entry {
        Entry {
            title: self.title.clone(),
            organization: self.organization.clone(),
            place: self.place.clone(),
            dates: self.dates.clone(),
            details: self.details.clone(),
            body: Vec::new(),
            tags: self.tags.clone(),
            span: self.span.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_markdown;

    const SOURCE: &str = "# Ada\n\n\
        ## Experience\n\n\
        ### Backend Lead | Acme | 2020 – Present <!-- tags: backend, lead -->\n\n\
        - Designed the billing service <!-- tags: backend -->\n\
        - Rebuilt the dashboard in React <!-- tags: frontend -->\n\
        - Mentored four engineers\n\n\
        ### UI Engineer | Initech | 2017 – 2020\n<!-- tags: frontend -->\n\n\
        - Shipped the design system\n\n\
        ### Intern | Hooli | 2016\n\n\
        - Wrote tests\n\n\
        ## Talks <!-- tags: speaking -->\n\n\
        Spoke at RustConf.\n\n\
        ## Frontend Work\n\n\
        ### Widget Kit | 2019 <!-- tags: frontend -->\n\n\
        A component library.\n\n\
        ## Skills\n\n\
        **Languages:** Rust, Go <!-- tags: backend -->\n\
        **Web:** TypeScript <!-- tags: frontend -->\n";

    fn chosen(expr: &str) -> Resume {
        let parsed = parse_markdown(SOURCE).unwrap();
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        select(&parsed.resume, &TagExpr::parse(expr).unwrap()).resume
    }

    fn titles(resume: &Resume) -> Vec<String> {
        resume.sections.iter().map(|s| s.title.plain()).collect()
    }

    fn entries(section: &Section) -> Vec<String> {
        section
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Entry(e) => Some(e.title.plain()),
                _ => None,
            })
            .collect()
    }

    fn bullets(block: &Block) -> Vec<String> {
        let Block::Entry(entry) = block else {
            panic!("{block:?}")
        };
        let Some(Block::List(list)) = entry.body.first() else {
            return Vec::new();
        };
        list.items.iter().map(|i| i.text.plain()).collect()
    }

    #[test]
    fn the_empty_expression_keeps_everything() {
        let all = chosen("");
        assert_eq!(
            titles(&all),
            ["Experience", "Talks", "Frontend Work", "Skills"]
        );
        assert_eq!(bullets(&all.sections[0].blocks[0]).len(), 3);
    }

    #[test]
    fn sections_are_selected_and_emptied_sections_dropped() {
        let backend = chosen("backend");
        // Talks is tagged `speaking` only; Frontend Work is untagged but all its entries are
        // frontend, so it is dropped rather than left as an empty heading.
        assert_eq!(titles(&backend), ["Experience", "Skills"]);
        // Skills has only tagged rows, none of them `speaking`: it goes too.
        assert_eq!(titles(&chosen("speaking")), ["Experience", "Talks"]);
    }

    #[test]
    fn entries_are_selected_untagged_ones_always_stay() {
        let backend = chosen("backend");
        assert_eq!(entries(&backend.sections[0]), ["Backend Lead", "Intern"]);
        let frontend = chosen("frontend");
        assert_eq!(entries(&frontend.sections[0]), ["UI Engineer", "Intern"]);
        let either = chosen("backend, frontend");
        assert_eq!(
            entries(&either.sections[0]),
            ["Backend Lead", "UI Engineer", "Intern"]
        );
    }

    #[test]
    fn bullets_are_selected_inside_kept_entries() {
        let backend = chosen("backend");
        assert_eq!(
            bullets(&backend.sections[0].blocks[0]),
            ["Designed the billing service", "Mentored four engineers"]
        );
        // `lead` keeps the entry; its backend and frontend bullets have no `lead` tag.
        let lead = chosen("lead");
        assert_eq!(
            bullets(&lead.sections[0].blocks[0]),
            ["Mentored four engineers"]
        );
    }

    #[test]
    fn exclusions_win_and_exclusions_alone_keep_the_rest() {
        let not_frontend = chosen("!frontend");
        assert_eq!(
            entries(&not_frontend.sections[0]),
            ["Backend Lead", "Intern"]
        );
        assert_eq!(titles(&not_frontend), ["Experience", "Talks", "Skills"]);
        // The entry is tagged backend and lead: excluding lead drops it though backend is in.
        let mixed = chosen("backend,!lead");
        assert_eq!(entries(&mixed.sections[0]), ["Intern"]);
    }

    #[test]
    fn key_value_rows_are_selected() {
        let backend = chosen("backend");
        let Block::Fields(rows) = &backend.sections[1].blocks[0] else {
            panic!()
        };
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].key.plain(), "Languages");
    }

    #[test]
    fn unknown_tags_are_reported_with_a_suggestion() {
        let parsed = parse_markdown(SOURCE).unwrap();
        let expr = TagExpr::parse("bakend,!design").unwrap();
        let selection = select(&parsed.resume, &expr);
        assert_eq!(
            selection.unknown,
            [
                UnknownTag {
                    name: "bakend".into(),
                    suggestion: Some("backend".into())
                },
                UnknownTag {
                    name: "design".into(),
                    suggestion: None
                }
            ]
        );
        assert_eq!(
            tags_in(&parsed.resume),
            ["backend", "frontend", "lead", "speaking"]
        );
    }

    #[test]
    fn expressions_parse_and_print() {
        let expr = TagExpr::parse(" Backend , !frontend,lead,backend").unwrap();
        assert_eq!(expr.includes(), ["backend", "lead"]);
        assert_eq!(expr.excludes(), ["frontend"]);
        assert_eq!(expr.to_string(), "backend,lead,!frontend");
        assert!(TagExpr::parse("  ").unwrap().is_empty());
        for (bad, at) in [
            ("a,,b", 2..2),
            ("a,!", 2..3),
            ("a,b c", 2..5),
            ("!!x", 0..3),
        ] {
            let err = TagExpr::parse(bad).unwrap_err();
            assert_eq!(
                (err.code, err.range().unwrap()),
                (Code::TagExpression, at),
                "{bad}"
            );
        }
    }
}
