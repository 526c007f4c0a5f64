//! The second reading: the PDF read as the extractors that ignore `/ActualText` read it
//! (mutool, pypdf, pdfminer.six, pdf.js), where a hyphenated word comes back as two parts.
//! Every such split is reported; a split keyword (bold, a `**Key:**` row, a skills section, a
//! front-matter keyword) fails the check when the layout promises to keep keywords whole.

use std::collections::BTreeSet;

/// Words that come back split at a line end ("high-through-" / "put" as `high-through-|put`),
/// in reading order.
pub fn split_words(pages: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for page in pages {
        let lines: Vec<&str> = page.lines().collect();
        for pair in lines.windows(2) {
            let head = pair[0].split_whitespace().last().unwrap_or_default();
            let tail = pair[1].split_whitespace().next().unwrap_or_default();
            let head_core = head.trim_start_matches(|c: char| !c.is_alphanumeric());
            if head_core.len() > 1
                && head_core.ends_with('-')
                && tail.chars().next().is_some_and(char::is_lowercase)
            {
                out.push(format!("{head_core}|{tail}"));
            }
        }
    }
    out
}

/// The splits whose word is a keyword: the joined word (or the compound, when the split is at
/// its own hyphen), without surrounding punctuation, lowercased.
pub fn split_keywords(splits: &[String], keywords: &BTreeSet<String>) -> Vec<String> {
    splits
        .iter()
        .filter(|split| {
            let (head, tail) = split.split_once('|').unwrap_or((split.as_str(), ""));
            let tail = tail.trim_end_matches(|c: char| !c.is_alphanumeric());
            let joined = format!("{}{tail}", head.trim_end_matches('-')).to_lowercase();
            let compound = format!("{head}{tail}").to_lowercase();
            keywords.contains(&joined) || keywords.contains(&compound)
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_line_ends_and_which_are_keywords() {
        let pages = vec![
            "achieving high-through-\nput of 40K QPS, which re-\nduced toil. Done.\nNext"
                .to_string(),
        ];
        let splits = split_words(&pages);
        assert_eq!(splits, ["high-through-|put", "re-|duced"]);
        let keywords: BTreeSet<String> = ["high-throughput".to_string()].into();
        assert_eq!(split_keywords(&splits, &keywords), ["high-through-|put"]);
        assert!(split_keywords(&splits, &BTreeSet::new()).is_empty());
    }
}
