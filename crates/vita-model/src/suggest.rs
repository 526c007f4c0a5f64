//! "Did you mean" suggestions for misspelled keys (front matter, layout files, manifests).

/// The candidate closest to `word` by edit distance, if it is within two edits (and closer
/// than the word is long, so short words do not match anything).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= 2 && *d < word.chars().count())
        .min()
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters (also used to tell a garbled word from a missing one).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (prev + cost).min(row[j] + 1).min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("nmae", "name"), 2);
        assert_eq!(edit_distance("page", "pages"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn closest_picks_the_nearest_within_two_edits() {
        assert_eq!(closest("sise", &["margin", "size"]), Some("size"));
        assert_eq!(closest("colour", &["color", "leading"]), Some("color"));
        assert_eq!(closest("xyz", &["size"]), None);
        assert_eq!(closest("a", &["b"]), None);
    }
}
