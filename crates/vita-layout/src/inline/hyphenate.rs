//! Where a word may be hyphenated: TeX patterns (hypher), our exception list, the résumé's own
//! words, and the rule that words a keyword search looks for are never split.
//!
//! Most text extractors do not rejoin a hyphenated word (EXTRACTION.md), so only ordinary
//! lowercase words are hyphenated: never words with capitals, digits or symbols (names,
//! technologies, URLs, emails, version numbers), never code or link text (the caller decides
//! that per piece).

use std::collections::{BTreeSet, HashMap};

/// Minimum letters before the first and after the last hyphen (TeX's left/right hyphenmin).
const LEFT_MIN: usize = 2;
const RIGHT_MIN: usize = 3;
/// Shorter words are never hyphenated.
const MIN_WORD: usize = 5;

/// Words whose patterns split them badly, mostly compounds common in résumés.
const EXCEPTIONS: &[&str] = &[
    "hy-phen-ation",
    "mi-cro-ser-vice",
    "mi-cro-ser-vices",
    "data-base",
    "data-bases",
    "data-set",
    "data-sets",
    "time-stamp",
    "time-stamps",
    "work-flow",
    "work-flows",
    "soft-ware",
    "hard-ware",
    "web-site",
    "web-sites",
    "pipe-line",
    "pipe-lines",
    "frame-work",
    "frame-works",
    "life-cycle",
    "through-put",
    "sched-uler",
];

/// Finds hyphenation points for one language.
#[derive(Debug, Clone)]
pub struct Hyphenator {
    lang: hypher::Lang,
    /// Lowercase word → byte offsets of its hyphenation points.
    exceptions: HashMap<String, Vec<usize>>,
    /// Lowercase words never to split: the résumé's keywords.
    protected: BTreeSet<String>,
}

impl Hyphenator {
    /// A hyphenator for a BCP 47 language tag (`"en"`, `"de-CH"`); unknown or missing tags
    /// fall back to English. `words` are extra exceptions written with hyphens
    /// (`"mi-cro-ser-vice"`); they take precedence over the built-in list.
    pub fn new(lang: Option<&str>, words: &[String]) -> Hyphenator {
        let lang = lang
            .and_then(|tag| {
                let bytes = tag.as_bytes();
                let code = [
                    bytes.first()?.to_ascii_lowercase(),
                    bytes.get(1)?.to_ascii_lowercase(),
                ];
                hypher::Lang::from_iso(code)
            })
            .unwrap_or(hypher::Lang::English);
        let mut exceptions = HashMap::new();
        for word in EXCEPTIONS
            .iter()
            .copied()
            .chain(words.iter().map(String::as_str))
        {
            let mut points = Vec::new();
            let mut plain = String::new();
            for part in word.split('-') {
                if !plain.is_empty() {
                    points.push(plain.len());
                }
                plain.push_str(&part.to_lowercase());
            }
            exceptions.insert(plain, points);
        }
        Hyphenator {
            lang,
            exceptions,
            protected: BTreeSet::new(),
        }
    }

    /// Whether `word` (with any surrounding punctuation) is one [`Hyphenator::protect`]ed.
    pub fn is_protected(&self, word: &str) -> bool {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        !self.protected.is_empty() && self.protected.contains(&core.to_lowercase())
    }

    /// Never splits these words (lowercase, without surrounding punctuation), nor a compound
    /// that is one of them.
    pub fn protect(&mut self, words: impl IntoIterator<Item = String>) {
        self.protected.extend(words);
    }

    /// Byte offsets inside `word` where a hyphen may be inserted; empty when the word must not
    /// be split. Leading and trailing punctuation ("(orchestrated),") is allowed around it.
    pub fn points(&self, word: &str) -> Vec<usize> {
        let (start, core) = core_of(word);
        if !self.protected.is_empty() && self.protected.contains(&core.to_lowercase()) {
            return Vec::new();
        }
        self.points_of(start, core)
    }

    /// Whether `word` is a keyword kept whole that could otherwise break: at a hyphenation
    /// point or at a hyphen of its own.
    pub fn keeps_whole(&self, word: &str) -> bool {
        if !self.is_protected(word) {
            return false;
        }
        let (start, core) = core_of(word);
        core.contains('-') || !self.points_of(start, core).is_empty()
    }

    /// The hyphenation points of `core`, a word's letters from byte `start` of the word,
    /// whether or not it is a keyword.
    fn points_of(&self, start: usize, core: &str) -> Vec<usize> {
        if core.contains('-') {
            // A compound: each ordinary part on its own ("high-through-put"); the explicit
            // hyphens themselves are the caller's business.
            let mut offset = 0;
            let mut points = Vec::new();
            for part in core.split('-') {
                points.extend(self.points(part).into_iter().map(|p| start + offset + p));
                offset += part.len() + 1;
            }
            return points;
        }
        if !hyphenatable(core) {
            return Vec::new();
        }
        let points: Vec<usize> = match self.exceptions.get(core) {
            Some(points) => points.clone(),
            None => {
                let mut offset = 0;
                let mut points = Vec::new();
                for syllable in hypher::hyphenate(core, self.lang) {
                    offset += syllable.len();
                    points.push(offset);
                }
                points.pop();
                points
            }
        };
        points
            .into_iter()
            .filter(|&p| {
                core[..p].chars().count() >= LEFT_MIN && core[p..].chars().count() >= RIGHT_MIN
            })
            .map(|p| start + p)
            .collect()
    }
}

/// Where a word's letters start, and the letters with what lies between them: the word
/// without its surrounding punctuation.
fn core_of(word: &str) -> (usize, &str) {
    let start = word.find(char::is_alphabetic).unwrap_or(word.len());
    let end = word.rfind(char::is_alphabetic).map_or(start, |i| {
        i + word[i..].chars().next().map_or(1, char::len_utf8)
    });
    (start, &word[start..end.max(start)])
}

/// Ordinary lowercase words only: a keyword search must find names, technologies and numbers
/// whole.
fn hyphenatable(core: &str) -> bool {
    core.chars().count() >= MIN_WORD && core.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(h: &Hyphenator, word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for p in h.points(word) {
            out.push_str(&word[last..p]);
            out.push('-');
            last = p;
        }
        out.push_str(&word[last..]);
        out
    }

    #[test]
    fn english_patterns_and_minimums() {
        let h = Hyphenator::new(None, &[]);
        assert_eq!(split(&h, "orchestrated"), "or-ches-trated");
        assert_eq!(split(&h, "collaborating"), "col-lab-o-rat-ing");
        assert_eq!(split(&h, "infrastructure,"), "in-fra-struc-ture,");
        // Right minimum of three letters.
        assert!(!split(&h, "observability").ends_with("-ty"));
    }

    #[test]
    fn keywords_are_never_split() {
        let h = Hyphenator::new(None, &[]);
        for word in [
            "PostgreSQL",
            "Kubernetes",
            "APIs",
            "99.99%",
            "GPT-4",
            "ada@example.com",
            "https://example.com/observability",
            "SLOs",
            "short",
        ] {
            assert!(h.points(word).is_empty(), "{word} was split");
        }
    }

    #[test]
    fn compounds_are_hyphenated_part_by_part() {
        let h = Hyphenator::new(None, &[]);
        assert_eq!(split(&h, "high-throughput"), "high-through-put");
        assert_eq!(split(&h, "campaign-critical"), "cam-paign-crit-i-cal");
    }

    #[test]
    fn exceptions_and_user_words_win_over_patterns() {
        let h = Hyphenator::new(Some("en"), &["ob-serv-abil-ity".to_string()]);
        assert_eq!(split(&h, "microservice"), "mi-cro-ser-vice");
        assert_eq!(split(&h, "observability"), "ob-serv-abil-ity");
        assert_eq!(split(&h, "databases"), "data-bases");
    }

    #[test]
    fn protected_words_and_compounds_stay_whole() {
        let mut h = Hyphenator::new(None, &[]);
        assert!(!h.points("orchestrated").is_empty());
        h.protect(["orchestrated".to_string(), "high-throughput".to_string()]);
        assert!(h.points("(Orchestrated),").is_empty());
        assert!(h.points("high-throughput").is_empty());
        assert!(!h.points("collaborating").is_empty());
    }

    #[test]
    fn language_comes_from_the_tag() {
        let de = Hyphenator::new(Some("de-DE"), &[]);
        assert!(!de.points("entwicklung").is_empty());
        let unknown = Hyphenator::new(Some("x"), &[]);
        assert_eq!(split(&unknown, "orchestrated"), "or-ches-trated");
    }
}
