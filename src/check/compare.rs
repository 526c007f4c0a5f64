//! Comparing the words a PDF gives back with the words of its source, as multisets.
//!
//! Every required source word must come back ("missing" otherwise); a word may come back no
//! more often than the source has it ("repeated" otherwise: text set twice); and no word may
//! come back that the source does not have ("extra"), except page furniture Vita adds (footers,
//! list numbers) and words it generates on purpose (a JSON Resume's section titles and dates).
//! Optional source words (those a warning said were left out) may or may not come back. The
//! share that comes back in source order (the longest common subsequence) is reported as
//! well. Missing words are explained where possible: as *garbled* when a similar word came
//! back instead, or as *letter-spaced* when the PDF gives back a run of single letters that
//! spell it.

use std::collections::HashMap;

use super::words::{is_unmapped, is_unspaced};

/// Most cells of the in-order table; larger inputs skip the in-order figure (bounded time).
const MAX_ORDER_CELLS: usize = 50_000_000;

/// Fewest single-letter tokens in a row that count as a letter-spaced word.
const MIN_SPACED_LETTERS: usize = 3;

/// Most words listed per kind of finding.
const MAX_LISTED: usize = 200;

/// What the PDF should say, in words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expected {
    /// Source words that must come back, in source order.
    pub required: Vec<String>,
    /// Source words that may come back (a warning said they are left out).
    pub optional: Vec<String>,
    /// Words Vita adds around the text (footers, list labels): taken out of the PDF's words
    /// before comparing.
    pub furniture: Vec<String>,
    /// Words Vita may generate any number of times (JSON Resume section titles, month names).
    pub generated: Vec<String>,
}

/// What came back and what did not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Words in the source that must come back.
    pub expected: usize,
    /// Source words found in the extracted text.
    pub recovered: usize,
    /// Source words found in source order; `None` when the input is too large to tell.
    pub in_order: Option<usize>,
    /// Source words that did not come back, in source order, not explained below.
    pub missing: Vec<String>,
    /// Source words that came back damaged: (source word, what came back).
    pub garbled: Vec<(String, String)>,
    /// Runs of single letters in the extracted text (as extracted, e.g. "E X P E R I E N C E").
    pub letter_spaced: Vec<String>,
    /// Characters in the extracted text that mean nothing to a reader, with the word around
    /// them.
    pub unmapped: Vec<(char, String)>,
    /// Source words that come back more often than the source has them: (word, times in the
    /// source, times extracted).
    pub repeated: Vec<(String, usize, usize)>,
    /// Extracted words the source does not have, in extraction order.
    pub extra: Vec<String>,
}

impl Comparison {
    /// Share of source words recovered, in percent.
    pub fn percent(&self) -> f64 {
        if self.expected == 0 {
            return 100.0;
        }
        self.recovered as f64 * 100.0 / self.expected as f64
    }

    /// True when nothing was lost, damaged, repeated or invented.
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty()
            && self.garbled.is_empty()
            && self.letter_spaced.is_empty()
            && self.unmapped.is_empty()
            && self.repeated.is_empty()
            && self.extra.is_empty()
    }
}

/// Counts of each word.
fn counts(words: &[String]) -> HashMap<&str, usize> {
    let mut out: HashMap<&str, usize> = HashMap::new();
    for w in words {
        *out.entry(w.as_str()).or_default() += 1;
    }
    out
}

/// Compares what the source says (`expected`) with the extracted `text`.
pub fn compare(expected: &Expected, text: &str) -> Comparison {
    let mut got = super::words::words(text);
    // Furniture comes out, last occurrences first (footers end their pages).
    let furniture: Vec<String> = expected
        .furniture
        .iter()
        .flat_map(|t| super::words::words(t))
        .collect();
    for word in &furniture {
        if let Some(i) = got.iter().rposition(|w| w == word) {
            got.remove(i);
        }
    }
    let required = &expected.required;
    let mut left = counts(&got);
    let mut missing = Vec::new();
    for (i, w) in required.iter().enumerate() {
        match left.get_mut(w.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => missing.push((w.clone(), i)),
        }
    }
    for w in &expected.optional {
        if let Some(n) = left.get_mut(w.as_str()) {
            *n = n.saturating_sub(1);
        }
    }
    let in_source: HashMap<&str, usize> = {
        let mut all = counts(required);
        for w in &expected.optional {
            *all.entry(w.as_str()).or_default() += 1;
        }
        all
    };
    let generated: std::collections::HashSet<&str> =
        expected.generated.iter().map(String::as_str).collect();
    // Extra words in extraction order, with their positions (for the garbled search).
    let mut extra: Vec<(String, usize)> = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let totals = counts(&got);
    let mut repeated: Vec<(String, usize, usize)> = Vec::new();
    for (pos, w) in got.iter().enumerate() {
        let over = left.get(w.as_str()).copied().unwrap_or(0);
        if over == 0 || generated.contains(w.as_str()) {
            continue;
        }
        let count = seen.entry(w.as_str()).or_default();
        *count += 1;
        // Only the surplus occurrences are findings: the last `over` of this word.
        let total = totals[w.as_str()];
        if *count <= total - over {
            continue;
        }
        match in_source.get(w.as_str()) {
            Some(&n) => {
                if *count == total - over + 1 {
                    repeated.push((w.clone(), n, total));
                }
            }
            None => extra.push((w.clone(), pos)),
        }
    }
    let mut out = Comparison {
        expected: required.len(),
        recovered: required.len() - missing.len(),
        in_order: (required.len().saturating_mul(got.len()) <= MAX_ORDER_CELLS)
            .then(|| common_in_order(required, &got)),
        ..Comparison::default()
    };
    out.unmapped = unmapped_chars(text);
    // A run of single letters is letter spacing when it spells a word that is missing ("de A à
    // Z" is French, not spacing).
    let missing_words: Vec<&str> = missing
        .iter()
        .map(|(w, _)| w.as_str())
        .filter(|w| w.chars().count() > 1)
        .collect();
    out.letter_spaced = letter_spaced_runs(text)
        .into_iter()
        .filter(|run| {
            let joined = run.split_whitespace().collect::<String>().to_lowercase();
            missing_words.iter().any(|w| joined.contains(w))
        })
        .collect();
    let spaced: Vec<String> = out
        .letter_spaced
        .iter()
        .map(|run| run.split_whitespace().collect::<String>().to_lowercase())
        .collect();
    let mut used = vec![false; extra.len()];
    for (word, at) in missing {
        if word.chars().count() > 1 && spaced.iter().any(|s| s.contains(&word)) {
            continue;
        }
        // Where the word should have come back, scaled from its source position.
        let near = at * got.len() / required.len().max(1);
        let garbled = extra
            .iter()
            .enumerate()
            .filter(|(i, (candidate, _))| !used[*i] && similar(&word, candidate))
            .min_by_key(|(_, (_, pos))| pos.abs_diff(near))
            .map(|(i, (candidate, _))| (i, candidate.clone()));
        match garbled {
            Some((i, candidate)) => {
                used[i] = true;
                out.garbled.push((word, candidate));
            }
            None if out.missing.len() < MAX_LISTED => out.missing.push(word),
            None => {}
        }
    }
    let spaced_letters = |w: &str| w.chars().count() == 1 && !out.letter_spaced.is_empty();
    out.extra = extra
        .into_iter()
        .zip(used)
        .filter(|((w, _), used)| !used && !spaced_letters(w))
        .map(|((w, _), _)| w)
        .take(MAX_LISTED)
        .collect();
    repeated.truncate(MAX_LISTED);
    out.repeated = repeated;
    out
}

/// Whether `got` reads as a damaged `want`: it holds an unmapped character, or is within a
/// quarter of the word's length in edit distance (at least one edit), or one contains the
/// other, is at least half its length and three characters long.
fn similar(want: &str, got: &str) -> bool {
    if got.chars().any(is_unmapped) {
        return true;
    }
    let (lw, lg) = (want.chars().count(), got.chars().count());
    if lw.min(lg) >= 3 && lw.min(lg) * 2 >= lw.max(lg) && (want.contains(got) || got.contains(want))
    {
        return true;
    }
    let allowed = (lw / 4).max(1);
    lw.abs_diff(lg) <= allowed && strsim::levenshtein(want, got) <= allowed
}

/// Length of the longest common subsequence, in one row of memory.
fn common_in_order(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Unmapped characters of `text` with the stretch of text around each (first 20 kept).
fn unmapped_chars(text: &str) -> Vec<(char, String)> {
    text.split_whitespace()
        .flat_map(|token| {
            token
                .chars()
                .filter(|c| is_unmapped(*c))
                .map(move |c| (c, token.to_string()))
        })
        .take(20)
        .collect()
}

/// Runs of at least [`MIN_SPACED_LETTERS`] tokens that are each one letter or digit, as
/// extracted: what a letter-spaced word turns into.
fn letter_spaced_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    for line in text.lines() {
        let mut run: Vec<&str> = Vec::new();
        let tokens = line
            .split(|c: char| c.is_whitespace() || c == '\u{200b}')
            .filter(|t| !t.is_empty());
        for token in tokens.chain(std::iter::once("")) {
            let mut chars = token.chars();
            let single = matches!((chars.next(), chars.next()),
                (Some(c), None) if c.is_alphanumeric() && !is_unspaced(c));
            if single {
                run.push(token);
                continue;
            }
            if run.len() >= MIN_SPACED_LETTERS {
                runs.push(run.join(" "));
            }
            run.clear();
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::words::words;

    fn expect(source: &str) -> Expected {
        Expected {
            required: words(source),
            ..Expected::default()
        }
    }

    #[test]
    fn everything_back_is_clean_even_when_reordered() {
        let c = compare(
            &expect("Engineer Acme Berlin 2020 – 2021 Built things"),
            "Engineer Berlin\nAcme 2020 – 2021\n• Built things",
        );
        assert!(c.is_clean(), "{c:?}");
        assert_eq!((c.recovered, c.expected), (7, 7));
        assert_eq!(c.in_order, Some(6));
        assert_eq!(c.percent(), 100.0);
    }

    #[test]
    fn missing_and_garbled_words() {
        let c = compare(
            &expect("Designed the efficient billing service"),
            "Designed the e\u{fffd}cient billing",
        );
        assert_eq!(c.missing, ["service"]);
        assert_eq!(
            c.garbled,
            [("efficient".to_string(), "e\u{fffd}cient".to_string())]
        );
        assert_eq!(c.unmapped, [('\u{fffd}', "e\u{fffd}cient".to_string())]);
        assert_eq!(c.recovered, 3);
    }

    #[test]
    fn repeated_and_extra_words_fail() {
        let c = compare(&expect("负责 Rust"), "负责负责负 Rust Go");
        assert_eq!(
            c.repeated,
            [("负".to_string(), 1, 3), ("责".to_string(), 1, 2)]
        );
        assert_eq!(c.extra, ["go"]);
        assert!(c.missing.is_empty());
        assert!(!c.is_clean());
    }

    #[test]
    fn furniture_generated_and_optional_words_are_allowed() {
        let expected = Expected {
            required: words("Ada Lovelace Analyst"),
            optional: words("kubernetes"),
            furniture: vec!["Ada Lovelace · Page 1 of 2".into(), "1.".into()],
            generated: words("Experience"),
        };
        let c = compare(
            &expected,
            "Ada Lovelace\nExperience\n1. Analyst\nAda Lovelace · Page 1 of 2",
        );
        assert!(c.is_clean(), "{c:?}");
    }

    #[test]
    fn letter_spaced_titles_are_found_and_explain_their_words() {
        let c = compare(
            &expect("Experience Built things"),
            "E X P E R I E N C E\nBuilt things",
        );
        assert_eq!(c.letter_spaced, ["E X P E R I E N C E"]);
        assert!(c.missing.is_empty() && c.garbled.is_empty(), "{c:?}");
        assert!(c.extra.is_empty(), "{c:?}");
        assert!(!c.is_clean());
    }

    #[test]
    fn short_runs_of_single_letters_are_words() {
        let c = compare(&expect("de A à Z"), "de A à Z");
        assert!(c.letter_spaced.is_empty() && c.is_clean(), "{c:?}");
        let c = compare(&expect("a B c plan"), "a B plan c");
        assert!(c.letter_spaced.is_empty());
        assert!(c.is_clean());
    }

    #[test]
    fn unspaced_characters_are_not_letter_spacing() {
        let c = compare(&expect("데이터 분석 및 수 집"), "데이터 분석 및 수 집");
        assert!(c.is_clean(), "{c:?}");
    }

    #[test]
    fn similarity() {
        assert!(similar("efficient", "eicient"));
        assert!(similar("postgresql", "postgres"));
        assert!(!similar("go", "rust"));
        assert!(!similar("systems", "sys"));
    }
}
