//! Comparing the words a PDF gives back with the words of its source.
//!
//! Every source word must come back (as a multiset: a layout may legitimately move an entry's
//! place or dates to the right of its title). The share that comes back in source order (the
//! longest common subsequence) is reported as well. Words that do not come back are explained
//! where possible: as *garbled* when a similar word came back near where it should be, or as
//! *letter-spaced* when the PDF gives back a run of single letters that spell it.

use std::collections::HashMap;

use super::words::is_unmapped;

/// Most cells of the in-order table; larger inputs skip the in-order figure (bounded time).
const MAX_ORDER_CELLS: usize = 50_000_000;

/// Fewest single-letter tokens in a row that count as a letter-spaced word.
const MIN_SPACED_LETTERS: usize = 3;

/// What came back and what did not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Words in the source.
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
    /// Extracted words that are not in the source.
    pub extra: usize,
}

impl Comparison {
    /// Share of source words recovered, in percent.
    pub fn percent(&self) -> f64 {
        if self.expected == 0 {
            return 100.0;
        }
        self.recovered as f64 * 100.0 / self.expected as f64
    }

    /// True when nothing was lost or damaged.
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty()
            && self.garbled.is_empty()
            && self.letter_spaced.is_empty()
            && self.unmapped.is_empty()
    }
}

/// Compares the source's words (`expected`, normalised) with the extracted `text`.
pub fn compare(expected: &[String], text: &str) -> Comparison {
    let got = super::words::words(text);
    let missing = unmatched(expected, &got);
    let extra = unmatched(&got, expected);
    let mut out = Comparison {
        expected: expected.len(),
        recovered: expected.len() - missing.len(),
        in_order: (expected.len().saturating_mul(got.len()) <= MAX_ORDER_CELLS)
            .then(|| common_in_order(expected, &got)),
        extra: extra.len(),
        ..Comparison::default()
    };
    out.unmapped = unmapped_chars(text);
    out.letter_spaced = letter_spaced_runs(text);
    let spaced: Vec<String> = out
        .letter_spaced
        .iter()
        .map(|run| run.split_whitespace().collect::<String>().to_lowercase())
        .collect();
    let (missing_words, missing_at): (Vec<String>, Vec<usize>) = missing.into_iter().unzip();
    let mut used = vec![false; extra.len()];
    for (word, at) in missing_words.into_iter().zip(missing_at) {
        if word.chars().count() > 1 && spaced.iter().any(|s| s.contains(&word)) {
            continue;
        }
        // Where the word should have come back, scaled from its source position.
        let near = at * got.len() / expected.len().max(1);
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
            None => out.missing.push(word),
        }
    }
    out
}

/// The words of `a` (with their positions) that `b` does not account for, as multisets.
fn unmatched(a: &[String], b: &[String]) -> Vec<(String, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in b {
        *counts.entry(w).or_default() += 1;
    }
    let mut out = Vec::new();
    for (i, w) in a.iter().enumerate() {
        match counts.get_mut(w.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push((w.clone(), i)),
        }
    }
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
    lw.abs_diff(lg) <= allowed && vita_model::edit_distance(want, got) <= allowed
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
            let single =
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphanumeric());
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

    #[test]
    fn everything_back_is_clean_even_when_reordered() {
        let expected = words("Engineer Acme Berlin 2020 – 2021 Built things");
        let c = compare(
            &expected,
            "Engineer Berlin\nAcme 2020 – 2021\n• Built things",
        );
        assert!(c.is_clean(), "{c:?}");
        assert_eq!((c.recovered, c.expected), (7, 7));
        assert_eq!(c.in_order, Some(6));
        assert_eq!(c.percent(), 100.0);
    }

    #[test]
    fn missing_and_garbled_words() {
        let expected = words("Designed the efficient billing service");
        let c = compare(&expected, "Designed the e\u{fffd}cient billing");
        assert_eq!(c.missing, ["service"]);
        assert_eq!(
            c.garbled,
            [("efficient".to_string(), "e\u{fffd}cient".to_string())]
        );
        assert_eq!(c.unmapped, [('\u{fffd}', "e\u{fffd}cient".to_string())]);
        assert_eq!(c.recovered, 3);
    }

    #[test]
    fn letter_spaced_titles_are_found_and_explain_their_words() {
        let expected = words("Experience Built things");
        let c = compare(&expected, "E X P E R I E N C E\nBuilt things");
        assert_eq!(c.letter_spaced, ["E X P E R I E N C E"]);
        assert!(c.missing.is_empty() && c.garbled.is_empty(), "{c:?}");
        assert!(!c.is_clean());
    }

    #[test]
    fn short_runs_of_single_letters_are_words() {
        let c = compare(&words("a B c plan"), "a B plan c");
        assert!(c.letter_spaced.is_empty());
        assert!(c.is_clean());
    }

    #[test]
    fn similarity() {
        assert!(similar("efficient", "eicient"));
        assert!(similar("postgresql", "postgres"));
        assert!(!similar("go", "rust"));
        assert!(!similar("systems", "sys"));
    }
}
