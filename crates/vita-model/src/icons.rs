//! Icon-font markup: the Font Awesome icons résumés already name (`<i class="fa fa-github">`,
//! `:fa-envelope:`), read as the private-use character that draws them in Vita's bundled icon
//! font ("Vita Icons", a subset of Font Awesome 4.7; `fonts/icons/`).
//!
//! An icon is a picture, not a word: the layout draws these characters as artifacts that no
//! text extractor or screen reader sees. Names of later Font Awesome versions (`fa-linkedin-in`,
//! `fa-location-dot`) map to the 4.7 icon that looks the part; brands 4.7 lacks (ORCID,
//! Mastodon) get a neutral icon (an ID badge, speech bubbles).

/// Font Awesome 4.7 names and their code points; `fonts/icons/subset.py` keeps exactly these.
const ICONS: &[(&str, char)] = &[
    ("envelope", '\u{f0e0}'),
    ("envelope-o", '\u{f003}'),
    ("envelope-square", '\u{f199}'),
    ("at", '\u{f1fa}'),
    ("phone", '\u{f095}'),
    ("phone-square", '\u{f098}'),
    ("mobile", '\u{f10b}'),
    ("map-marker", '\u{f041}'),
    ("map-pin", '\u{f276}'),
    ("home", '\u{f015}'),
    ("globe", '\u{f0ac}'),
    ("link", '\u{f0c1}'),
    ("external-link", '\u{f08e}'),
    ("github", '\u{f09b}'),
    ("github-alt", '\u{f113}'),
    ("github-square", '\u{f092}'),
    ("gitlab", '\u{f296}'),
    ("linkedin", '\u{f0e1}'),
    ("linkedin-square", '\u{f08c}'),
    ("twitter", '\u{f099}'),
    ("twitter-square", '\u{f081}'),
    ("stack-overflow", '\u{f16c}'),
    ("medium", '\u{f23a}'),
    ("youtube", '\u{f167}'),
    ("youtube-play", '\u{f16a}'),
    ("facebook", '\u{f09a}'),
    ("facebook-square", '\u{f082}'),
    ("instagram", '\u{f16d}'),
    ("skype", '\u{f17e}'),
    ("telegram", '\u{f2c6}'),
    ("bitbucket", '\u{f171}'),
    ("code", '\u{f121}'),
    ("briefcase", '\u{f0b1}'),
    ("graduation-cap", '\u{f19d}'),
    ("user", '\u{f007}'),
    ("id-card", '\u{f2c2}'),
    ("id-card-o", '\u{f2c3}'),
    ("id-badge", '\u{f2c1}'),
    ("comments", '\u{f086}'),
    ("comment", '\u{f075}'),
    ("calendar", '\u{f073}'),
    ("book", '\u{f02d}'),
    ("file-text", '\u{f15c}'),
    ("rss", '\u{f09e}'),
    ("google", '\u{f1a0}'),
    ("wordpress", '\u{f19a}'),
    ("codepen", '\u{f1cb}'),
    ("key", '\u{f084}'),
    ("certificate", '\u{f0a3}'),
    ("trophy", '\u{f091}'),
    ("language", '\u{f1ab}'),
    ("flag", '\u{f024}'),
    ("building", '\u{f1ad}'),
    ("university", '\u{f19c}'),
    ("laptop", '\u{f109}'),
    ("desktop", '\u{f108}'),
    ("map", '\u{f279}'),
    ("location-arrow", '\u{f124}'),
];

/// Names of Font Awesome 5 and 6 (and brands 4.7 lacks) → the 4.7 name drawn instead.
const ALIASES: &[(&str, &str)] = &[
    ("envelope-open", "envelope-o"),
    ("envelope-open-text", "envelope-o"),
    ("square-envelope", "envelope-square"),
    ("phone-alt", "phone"),
    ("phone-flip", "phone"),
    ("phone-volume", "phone"),
    ("square-phone", "phone-square"),
    ("mobile-alt", "mobile"),
    ("mobile-android", "mobile"),
    ("mobile-phone", "mobile"),
    ("mobile-screen", "mobile"),
    ("mobile-screen-button", "mobile"),
    ("map-marker-alt", "map-marker"),
    ("location-dot", "map-marker"),
    ("location-pin", "map-marker"),
    ("map-location-dot", "map"),
    ("house", "home"),
    ("home-alt", "home"),
    ("globe-americas", "globe"),
    ("globe-europe", "globe"),
    ("globe-asia", "globe"),
    ("earth-americas", "globe"),
    ("earth-europe", "globe"),
    ("earth-asia", "globe"),
    ("external-link-alt", "external-link"),
    ("arrow-up-right-from-square", "external-link"),
    ("square-github", "github-square"),
    ("linkedin-in", "linkedin"),
    ("square-linkedin", "linkedin-square"),
    ("x-twitter", "twitter"),
    ("square-twitter", "twitter-square"),
    ("square-x-twitter", "twitter-square"),
    ("stack-overflow", "stack-overflow"),
    ("square-facebook", "facebook-square"),
    ("facebook-f", "facebook"),
    ("file-alt", "file-text"),
    ("file-lines", "file-text"),
    ("id-card-alt", "id-card"),
    ("user-circle", "user"),
    ("circle-user", "user"),
    ("user-graduate", "graduation-cap"),
    ("google-scholar", "graduation-cap"),
    ("calendar-alt", "calendar"),
    ("calendar-days", "calendar"),
    ("laptop-code", "laptop"),
    ("orcid", "id-badge"),
    ("mastodon", "comments"),
];

/// The character that draws Font Awesome's icon `name` (`"github"`, `"fa-github"`,
/// `"linkedin-in"`), if Vita has it.
pub fn by_name(name: &str) -> Option<char> {
    let name = name.strip_prefix("fa-").unwrap_or(name);
    let name = ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map_or(name, |(_, to)| to);
    ICONS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The icon an HTML `class` attribute names (`"fa fa-github"`, `"fab fa-linkedin-in fa-lg"`):
/// the first `fa-` class that is an icon, skipping sizes and styles (`fa-lg`, `fa-fw`,
/// `fa-solid`).
pub fn from_classes(classes: &str) -> Option<char> {
    classes
        .split_whitespace()
        .filter(|class| class.starts_with("fa-"))
        .find_map(by_name)
}

/// Every icon: its Font Awesome 4.7 name and character.
pub fn all() -> impl Iterator<Item = (&'static str, char)> {
    ICONS.iter().copied()
}

/// Whether `c` is one of the icon characters (which no reader should see as text).
pub fn is_icon(c: char) -> bool {
    ('\u{f000}'..='\u{f2ff}').contains(&c) && ICONS.iter().any(|(_, i)| *i == c)
}

/// `text` without the icons (and the spaces after them) it starts with.
pub fn strip_leading(text: &str) -> &str {
    let mut rest = text;
    while let Some(c) = rest.chars().next().filter(|&c| is_icon(c)) {
        rest = rest[c.len_utf8()..].trim_start();
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_classes_and_aliases() {
        assert_eq!(by_name("github"), Some('\u{f09b}'));
        assert_eq!(by_name("fa-envelope"), Some('\u{f0e0}'));
        assert_eq!(by_name("linkedin-in"), Some('\u{f0e1}'));
        assert_eq!(by_name("fa-lg"), None);
        assert_eq!(from_classes("fa fa-envelope"), Some('\u{f0e0}'));
        assert_eq!(from_classes("fab fa-fw fa-github fa-lg"), Some('\u{f09b}'));
        assert_eq!(from_classes("fa-solid fa-location-dot"), Some('\u{f041}'));
        assert_eq!(from_classes("highlight"), None);
        assert_eq!(from_classes("fa fa-unicorn-rainbow"), None);
    }

    #[test]
    fn every_icon_and_alias_resolves_and_is_an_icon() {
        for (name, c) in ICONS {
            assert_eq!(by_name(name), Some(*c));
            assert!(is_icon(*c));
        }
        for (alias, to) in ALIASES {
            assert!(by_name(alias).is_some(), "{alias} → {to}");
        }
        assert!(!is_icon('a') && !is_icon('\u{e000}'));
    }

    #[test]
    fn leading_icons_are_stripped() {
        assert_eq!(strip_leading("\u{f0e0} ada@example.com"), "ada@example.com");
        assert_eq!(strip_leading("ada@example.com"), "ada@example.com");
    }
}
