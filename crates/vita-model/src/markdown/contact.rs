//! Recognising contact items (emails, phone numbers, web addresses, places) and the link each
//! one gets (`mailto:`, `tel:`, `https://`).

use super::place;
use crate::{Contact, ContactKind, Span};

/// Top-level domains accepted for a bare host without a path ("ada.dev"); with a path
/// ("github.com/ada") or `www.` any alphabetic top-level domain is accepted.
const TLDS: [&str; 16] = [
    "com", "org", "net", "io", "dev", "me", "app", "co", "ai", "xyz", "page", "site", "blog",
    "info", "tech", "eu",
];

/// A contact read from plain text: kind and link guessed from its shape.
///
/// A short label before a colon ("Email: ada@example.com", "Email : ada@example.com", "手机：138
/// 0000 0000") is looked past for the kind and link but kept in the text, since it is what the
/// user wrote.
pub(super) fn from_text(text: &str, span: Span) -> Contact {
    let text = text.trim();
    // An icon before the item (`<i class="fa fa-envelope"></i> ada@example.com`) is kept in
    // the text but not read for the kind.
    let bare = crate::icons::strip_leading(text);
    let (mut kind, mut url) = classify(bare);
    if kind == ContactKind::Other
        && let Some((label, value)) = bare.split_once(": ").or_else(|| bare.split_once('：'))
        && label.trim().chars().count() <= 12
        && !label.trim().contains(char::is_whitespace)
    {
        (kind, url) = classify(value.trim());
    }
    Contact {
        kind,
        text: text.to_string(),
        url,
        span,
    }
}

/// A contact written as a Markdown link (`[GitHub](https://github.com/ada)`).
pub(super) fn from_link(text: &str, url: &str, span: Span) -> Contact {
    let kind = if url.starts_with("mailto:") {
        ContactKind::Email
    } else if url.starts_with("tel:") {
        ContactKind::Phone
    } else {
        ContactKind::Url
    };
    Contact {
        kind,
        text: text.trim().to_string(),
        url: Some(url.to_string()),
        span,
    }
}

/// The kind of a plain-text contact item and its link.
pub(super) fn classify(text: &str) -> (ContactKind, Option<String>) {
    if is_email(text) {
        let address = text.strip_prefix("mailto:").unwrap_or(text);
        return (ContactKind::Email, Some(format!("mailto:{address}")));
    }
    if let Some(url) = web_url(text) {
        return (ContactKind::Url, Some(url));
    }
    if let Some(url) = phone_url(text) {
        return (ContactKind::Phone, Some(url));
    }
    if place::is_place(text) {
        return (ContactKind::Location, None);
    }
    (ContactKind::Other, None)
}

/// True for `name@host.tld`, optionally with `mailto:`.
pub(super) fn is_email(text: &str) -> bool {
    let text = text.strip_prefix("mailto:").unwrap_or(text);
    let Some((local, host)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.contains(char::is_whitespace)
        && !host.contains('@')
        && host
            .rsplit_once('.')
            .is_some_and(|(name, tld)| !name.is_empty() && is_alpha_tld(tld))
}

/// The `https://` link of a web address, or `None` if `text` is not one.
pub(super) fn web_url(text: &str) -> Option<String> {
    if text.contains(char::is_whitespace) || text.contains('@') {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(text.to_string());
    }
    let (host, path) = match text.find('/') {
        Some(i) => (&text[..i], Some(&text[i..])),
        None => (text, None),
    };
    let (name, tld) = host.rsplit_once('.')?;
    let tld = tld.to_ascii_lowercase();
    let host_ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'))
        && is_alpha_tld(&tld);
    let likely = path.is_some() || lower.starts_with("www.") || TLDS.contains(&tld.as_str());
    (host_ok && likely).then(|| format!("https://{text}"))
}

/// The `tel:` link of a phone number (spaces, dashes, dots and parentheses stripped), or `None`
/// if `text` is not one.
pub(super) fn phone_url(text: &str) -> Option<String> {
    let text = text.strip_prefix("tel:").unwrap_or(text).trim();
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.');
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let plus_ok = text.rfind('+').is_none_or(|i| i == 0);
    (text.chars().all(allowed) && (7..=15).contains(&digits) && plus_ok)
        .then(|| format!("tel:{}", tel_digits(text)))
}

/// A phone number as a `tel:` URL body: the leading `+` and the digits.
pub(super) fn tel_digits(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

fn is_alpha_tld(tld: &str) -> bool {
    tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_contact_items() {
        let cases = [
            (
                "ada@example.com",
                ContactKind::Email,
                Some("mailto:ada@example.com"),
            ),
            ("+1 555 0100", ContactKind::Phone, Some("tel:+15550100")),
            ("(555) 010-0100", ContactKind::Phone, Some("tel:5550100100")),
            (
                "github.com/ada",
                ContactKind::Url,
                Some("https://github.com/ada"),
            ),
            ("ada.dev", ContactKind::Url, Some("https://ada.dev")),
            (
                "https://ada.dev/cv",
                ContactKind::Url,
                Some("https://ada.dev/cv"),
            ),
            ("London, UK", ContactKind::Location, None),
            ("Node.js", ContactKind::Other, None),
            ("Open to relocation", ContactKind::Other, None),
        ];
        for (text, kind, url) in cases {
            assert_eq!(classify(text), (kind, url.map(String::from)), "{text}");
        }
        let labelled = from_text("Email: ada@example.com", 0..0);
        assert_eq!(labelled.kind, ContactKind::Email);
        assert_eq!(labelled.text, "Email: ada@example.com");
        assert_eq!(labelled.url.as_deref(), Some("mailto:ada@example.com"));
        // A space before the colon (as in French, and in many Korean résumés).
        let spaced = from_text("Email : ada@example.com", 0..0);
        assert_eq!(spaced.kind, ContactKind::Email);
        assert_eq!(spaced.text, "Email : ada@example.com");
        assert_eq!(
            from_text("Open to : relocation", 0..0).kind,
            ContactKind::Other
        );
    }
}
