//! GitHub's emoji shortcodes (`:office:`, `:link:`, `:pencil:`): GitHub shows them as emoji,
//! so Vita reads them as the emoji they stand for, from the `emojis` crate's copy of GitHub's
//! table (gemoji). Unknown `:words:` stay as written, and so does anything inside a web or
//! mail address (`https://x.org/a:b:c`); code never reaches here. `:fa-name:` names a Font
//! Awesome icon ([`crate::icons`]).

use std::borrow::Cow;

/// Longest shortcode name looked up (GitHub's longest is under 40 characters).
const MAX_NAME: usize = 40;

/// `text` with every known `:shortcode:` replaced by its emoji.
pub(crate) fn replace(text: &str) -> Cow<'_, str> {
    if !text.contains(':') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    // Word by word, so addresses are skipped whole; white space is copied as it is.
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_len);
        if is_address(word) {
            out.push_str(word);
        } else {
            changed |= replace_in_word(word, &mut out);
        }
        let space_len = after.len() - after.trim_start().len();
        out.push_str(&after[..space_len]);
        rest = &after[space_len..];
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// True for a word that is (part of) a web or mail address.
fn is_address(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    lower.contains("://") || lower.starts_with("www.") || lower.contains('@')
}

/// Copies `word` to `out` with its shortcodes replaced; true when one was.
fn replace_in_word(word: &str, out: &mut String) -> bool {
    let mut changed = false;
    let mut rest = word;
    while let Some(open) = rest.find(':') {
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')))
            .unwrap_or(after.len());
        let closes = after[name_len..].starts_with(':');
        let name = &after[..name_len];
        // `:fa-github:` names an icon of the bundled icon font (crate::icons).
        let found = (closes && (1..=MAX_NAME).contains(&name_len))
            .then(|| match name.strip_prefix("fa-") {
                Some(_) => crate::icons::by_name(name).map(String::from),
                None => emojis::get_by_shortcode(name).map(|e| e.as_str().to_string()),
            })
            .flatten();
        match found {
            Some(emoji) => {
                out.push_str(&rest[..open]);
                out.push_str(&emoji);
                rest = &after[name_len + 1..];
                changed = true;
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_awesome_shortcodes_become_icons() {
        assert_eq!(replace(":fa-github: ada"), "\u{f09b} ada");
        assert_eq!(replace(":fa-nothing-such: x"), ":fa-nothing-such: x");
    }

    #[test]
    fn known_shortcodes_become_emoji() {
        assert_eq!(replace(":office: Acme :link: site"), "🏢 Acme 🔗 site");
        assert_eq!(replace("(:pencil:)"), "(📝)");
        assert_eq!(replace(":+1::tada:"), "👍🎉");
    }

    #[test]
    fn unknown_words_addresses_and_times_stay() {
        for text in [
            ":notanemoji: stays",
            "https://x.org/a:link:b",
            "mail:me@x.org:link:",
            "at 10:30:45 sharp",
            "Ratio 1:2",
            "::",
        ] {
            assert_eq!(replace(text), text);
        }
    }
}
