//! Dashes typed on a keyboard: `--` is an en dash (–) and `---` an em dash (—) in running text,
//! as TeX and SmartyPants read them.
//!
//! Left alone: code (the caller never passes it), words that look like addresses (`://`,
//! `www.`, an `@`, a path with `/`), a run of four or more hyphens, a command-line option
//! (`--verbose`: the dashes start a word and a letter follows), and arrows (`-->`, `<--`).

use std::borrow::Cow;

/// `text` with typed dashes made typographic.
pub(super) fn typographic(text: &str) -> Cow<'_, str> {
    if !text.contains("--") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut word_start = 0;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            out.push_str(&word(&text[word_start..i]));
            out.push(c);
            word_start = i + c.len_utf8();
        }
    }
    out.push_str(&word(&text[word_start..]));
    Cow::Owned(out)
}

/// One whitespace-free word with its dashes converted, unless it looks like an address.
fn word(word: &str) -> Cow<'_, str> {
    let address = word.contains("://")
        || word.starts_with("www.")
        || word.contains('@')
        || (word.contains('/') && word.contains('.'));
    if address || !word.contains("--") {
        return Cow::Borrowed(word);
    }
    let bytes = word.as_bytes();
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'-' {
            let c = word[i..].chars().next().unwrap_or('-');
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let run = bytes[i..].iter().take_while(|&&b| b == b'-').count();
        let before = word[..i].chars().next_back();
        let after = word[i + run..].chars().next();
        let option = before.is_none() && after.is_some_and(char::is_alphabetic);
        let arrow = before == Some('<') || after == Some('>');
        let dash = match run {
            2 if !option && !arrow => "–",
            3 if !option && !arrow => "—",
            _ => &word[i..i + run],
        };
        out.push_str(dash);
        i += run;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::typographic;

    #[test]
    fn typed_dashes() {
        let cases = [
            ("2019--2021", "2019–2021"),
            ("2019 -- 2021", "2019 – 2021"),
            ("Rust --- and Go", "Rust — and Go"),
            ("fast---and safe", "fast—and safe"),
            ("run it with --verbose", "run it with --verbose"),
            ("see https://x.org/a--b", "see https://x.org/a--b"),
            ("www.a--b.com", "www.a--b.com"),
            ("a---- b", "a---- b"),
            ("A --> B", "A --> B"),
            ("single - hyphen", "single - hyphen"),
            ("é--ü\tx", "é–ü\tx"),
        ];
        for (input, want) in cases {
            assert_eq!(typographic(input), want, "{input}");
        }
    }
}
