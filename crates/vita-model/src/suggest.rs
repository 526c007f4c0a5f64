//! "Did you mean" suggestions for misspelled keys (front matter, layout files, manifests).

/// The candidate closest to `word` by edit distance (Levenshtein, over characters, from
/// strsim), if it is within two edits (and closer than the word is long, so short words do not
/// match anything).
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(d, _)| *d <= 2 && *d < word.chars().count())
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_picks_the_nearest_within_two_edits() {
        assert_eq!(closest("sise", &["margin", "size"]), Some("size"));
        assert_eq!(closest("colour", &["color", "leading"]), Some("color"));
        assert_eq!(closest("xyz", &["size"]), None);
        assert_eq!(closest("a", &["b"]), None);
        // Characters, not bytes: one edit each.
        assert_eq!(closest("größe", &["grösse", "farbe"]), Some("grösse"));
        assert_eq!(closest("nmae", &["name"]), Some("name"));
    }
}
