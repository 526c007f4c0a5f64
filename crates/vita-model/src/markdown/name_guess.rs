//! A name to suggest, never to print, when none is found: the one a sentence near the top gives
//! ("My name is Jane Roe, …", "Меня зовут Игорь Гофман, …", "村上玄徳の…職務経歴"). The "no name found" warning
//! suggests it as `name = "…"`; Vita does not take a name out of a sentence, which would print
//! it twice.

use super::name::looks_like_name;

/// Phrases that introduce one's name in a sentence, lower case.
const INTRODUCTIONS: [&str; 15] = [
    "my name is",
    "меня зовут",
    "мене звати",
    "je m'appelle",
    "je m’appelle",
    "ich heiße",
    "ich heisse",
    "mein name ist",
    "me llamo",
    "mi nombre es",
    "meu nome é",
    "mi chiamo",
    "il mio nome è",
    "mijn naam is",
    "nazywam się",
];

/// How far into the text, in characters, the sentence is looked for.
const REACH: usize = 1500;

/// Words that make a sentence "X's work history" in Japanese and Chinese ("村上玄徳の職務経歴").
const HISTORY_WORDS: [&str; 4] = ["経歴", "履歴", "简历", "履历"];

/// The name a sentence near the top of `body` gives: the capitalised words after "My name is",
/// or X in a line "Xの…職務経歴" (Japanese "X's work history").
pub(super) fn from_prose(body: &str) -> Option<String> {
    introduced(body).or_else(|| possessive(body))
}

/// X in the first lines of text when one reads "Xの…経歴": two to five Han or Kana letters
/// before `の`.
fn possessive(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .take(3)
        .find_map(|line| {
            let (name, rest) = line.split_once('の')?;
            let letters = name.chars().count();
            ((2..=5).contains(&letters)
                && name.chars().all(|c| {
                    super::name::is_unspaced_letter(c) && c != '·' && !matches!(c, 'ぁ'..='ゖ')
                })
                && HISTORY_WORDS.iter().any(|w| rest.contains(w)))
            .then(|| name.to_string())
        })
}

/// The capitalised words after "My name is" near the top of `body`, when they look like a name.
fn introduced(body: &str) -> Option<String> {
    let head: String = body.chars().take(REACH).collect();
    let lower = head.to_lowercase();
    // Offsets in `lower` are offsets in `head` only when lower-casing kept every length.
    if lower.len() != head.len() {
        return None;
    }
    INTRODUCTIONS.iter().find_map(|phrase| {
        let at = lower.find(phrase)? + phrase.len();
        let rest = head.get(at..)?;
        let words: Vec<&str> = rest
            .split_whitespace()
            .map(|w| w.trim_start_matches(['*', '_']))
            .take_while(|w| w.starts_with(char::is_uppercase))
            .take(4)
            .collect();
        // The name ends at the first punctuation mark or closing emphasis ("Jane Roe, a …").
        let mut name = Vec::new();
        for word in words {
            let bare = word.trim_end_matches([',', '.', ';', ':', '!', ')', '*', '_']);
            name.push(bare);
            if bare.len() != word.len() {
                break;
            }
        }
        let name = name.join(" ");
        looks_like_name(&name).then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::super::testutil::{no_name_hint, parse_ok};
    use super::from_prose;

    #[test]
    fn a_name_in_an_introduction_is_suggested_not_printed() {
        assert_eq!(
            from_prose("Меня зовут Игорь Гофман, я разработчик игр.").as_deref(),
            Some("Игорь Гофман")
        );
        assert_eq!(
            from_prose("Hello! My name is **Jane Roe**. I build tools.").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(from_prose("My name is not important here."), None);
        assert_eq!(
            from_prose("# 職務経歴書\n\n村上玄徳の2022年3月5日現在の職務経歴。\n").as_deref(),
            Some("村上玄徳")
        );
        assert_eq!(from_prose("これまでの職務経歴です。\n"), None);
        let parsed = parse_ok("Hi, my name is Jane Roe, and I write software.\n\n## Work\n\nHi.\n");
        assert_eq!(parsed.resume.header.name, None);
        let hint = no_name_hint(&parsed);
        assert!(hint.contains("name = \"Jane Roe\""), "{hint}");
    }
}
