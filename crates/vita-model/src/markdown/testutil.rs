//! Test helpers shared by the Markdown tests.

use crate::{Block, Entry, Parsed};

/// Parses `src`, which must not fail.
pub(super) fn parse_ok(src: &str) -> Parsed {
    crate::parse_markdown(src).unwrap_or_else(|e| panic!("parse failed: {e:?}"))
}

/// The first hint of the "no name found" warning of `parsed`, or a panic.
pub(super) fn no_name_hint(parsed: &Parsed) -> String {
    let warning = parsed
        .warnings
        .iter()
        .find(|w| w.code == crate::Code::NoName)
        .unwrap_or_else(|| panic!("no V0110 in {:?}", parsed.warnings));
    warning.hints.first().cloned().unwrap_or_default()
}

/// The entry of `block`, or a panic.
pub(super) fn entry_of(block: &Block) -> &Entry {
    match block {
        Block::Entry(entry) => entry,
        other => panic!("not an entry: {other:?}"),
    }
}

/// The first entry of `## S` followed by `entry_src`.
pub(super) fn entry(entry_src: &str) -> Entry {
    let parsed = parse_ok(&format!("## S\n\n{entry_src}"));
    let section = parsed
        .resume
        .sections
        .into_iter()
        .next()
        .expect("a section");
    match section.blocks.into_iter().next() {
        Some(Block::Entry(entry)) => entry,
        other => panic!("not an entry: {other:?}"),
    }
}

/// Each warning's code with the source text its span covers, in order: what a test of a
/// warning asserts instead of its wording.
pub(super) fn placed<'s>(
    src: &'s str,
    warnings: &[crate::Diagnostic],
) -> Vec<(&'static str, &'s str)> {
    warnings
        .iter()
        .map(|w| (w.code.as_str(), src.get(w.range().unwrap()).unwrap_or("")))
        .collect()
}
