//! `basics` → the [`Header`]: `name`, `label` as the headline, then contacts in this order:
//! email (`mailto:`), phone (`tel:`), `url`/`website` (`https:`), location, profiles.
//! `image`/`picture` is ignored for now. `summary` becomes a "Summary" section.
//!
//! Web addresses are shown without `https://`, `www.` and a trailing slash, and linked in
//! full (`https://` added when the scheme is missing). A profile with a `url` shows the
//! address; one with only `network` and `username` gets the address for well-known networks
//! (GitHub, LinkedIn…) and is shown as "Network: username" otherwise. A location object is
//! shown as "city, region, country" (`country`, else `countryCode`); the street `address`
//! and `postalCode` only when there is no city, region or country.

use super::node::{Kind, Node, Str};
use super::{Cx, make, schema};
use crate::{Code, Contact, ContactKind, Diagnostic, Header, Section};

/// Profile addresses for networks whose profile URL is known from the user name.
const NETWORKS: [(&str, &str); 8] = [
    ("github", "github.com/"),
    ("gitlab", "gitlab.com/"),
    ("linkedin", "linkedin.com/in/"),
    ("twitter", "twitter.com/"),
    ("x", "x.com/"),
    ("codeberg", "codeberg.org/"),
    ("bitbucket", "bitbucket.org/"),
    ("dribbble", "dribbble.com/"),
];

/// The header and the summary section, from `basics` (absent or `null`: an empty header).
pub(super) fn read(
    basics: Option<&Node>,
    root: &Node,
    cx: &mut Cx,
) -> Result<(Header, Option<Section>), Diagnostic> {
    let Some(node) = basics.filter(|n| n.kind() != Kind::Null) else {
        no_name(root.span.start, cx);
        return Ok((Header::default(), None));
    };
    let obj = node.object()?;
    cx.check_keys(&obj, schema::BASICS);
    let name = obj.text("name")?;
    if name.is_none() {
        no_name(node.span.start, cx);
    }
    let mut contacts = Vec::new();
    if let Some(email) = obj.text("email")? {
        let url = email
            .text
            .contains('@')
            .then(|| format!("mailto:{}", email.text));
        contacts.push(contact(ContactKind::Email, email.text.clone(), url, &email));
    }
    if let Some(phone) = obj.text("phone")? {
        contacts.push(contact(
            ContactKind::Phone,
            phone.text.clone(),
            tel(&phone.text),
            &phone,
        ));
    }
    if let Some(url) = obj.text_of(&["url", "website"])? {
        contacts.push(web_contact(&url));
    }
    if let Some(place) = location(obj.get("location"), cx)? {
        contacts.push(contact(
            ContactKind::Location,
            place.text.clone(),
            None,
            &place,
        ));
    }
    if let Some(profiles) = obj.get("profiles") {
        for item in profiles.items()? {
            if item.kind() == Kind::Null {
                continue;
            }
            if let Some(c) = profile(&item, cx)?
                && !contacts.iter().any(|old| old.text == c.text)
            {
                contacts.push(c);
            }
        }
    }
    let summary = obj
        .text("summary")?
        .map(|s| make::section("Summary", make::paragraphs(&s), s.span.clone()));
    let header = Header {
        name: name.as_ref().map(make::text),
        headline: obj.text("label")?.iter().map(make::text).collect(),
        contacts,
        photo: None,
    };
    Ok((header, summary))
}

/// The warning for a résumé without a name, at `offset`.
fn no_name(offset: usize, cx: &mut Cx) {
    cx.warnings.push(
        Diagnostic::warning(Code::NoName, "no name found at the top of the résumé")
            .at(offset..offset)
            .with_hint("add \"name\": \"Your Name\" to \"basics\""),
    );
}

/// A contact item for the value `s`.
fn contact(kind: ContactKind, text: String, url: Option<String>, s: &Str) -> Contact {
    Contact {
        kind,
        text,
        url,
        span: s.span.clone(),
    }
}

/// A web contact: shown short, linked in full.
fn web_contact(url: &Str) -> Contact {
    let (text, link) = web(&url.text);
    contact(ContactKind::Url, text, link, url)
}

/// One `basics.profiles` item (an object, or a bare URL string).
fn profile(node: &Node, cx: &mut Cx) -> Result<Option<Contact>, Diagnostic> {
    let obj = node.object_or("url")?;
    cx.check_keys(&obj, schema::PROFILE);
    if let Some(url) = obj.text("url")? {
        return Ok(Some(web_contact(&url)));
    }
    let Some(user) = obj.text("username")? else {
        return Ok(None);
    };
    let user_name = user.text.trim_start_matches('@');
    let network = obj.text("network")?;
    let known = network.as_ref().and_then(|n| {
        NETWORKS
            .iter()
            .find(|(name, _)| n.text.eq_ignore_ascii_case(name))
    });
    Ok(Some(match (known, &network) {
        (Some((_, prefix)), _) => {
            let address = format!("{prefix}{user_name}");
            let url = format!("https://{address}");
            contact(ContactKind::Url, address, Some(url), &user)
        }
        (None, Some(net)) => {
            let text = format!("{}: {}", net.text, user.text);
            contact(ContactKind::Other, text, None, &user)
        }
        (None, None) => contact(ContactKind::Other, user.text.clone(), None, &user),
    }))
}

/// A `location`: text as written, or an object shown as "city, region, country".
pub(super) fn location(node: Option<&Node>, cx: &mut Cx) -> Result<Option<Str>, Diagnostic> {
    let Some(node) = node else {
        return Ok(None);
    };
    if node.kind() != Kind::Object {
        return node.text();
    }
    let obj = node.object()?;
    cx.check_keys(&obj, schema::LOCATION);
    let country = obj.text_of(&["country", "countryCode"])?;
    let mut parts: Vec<String> = Vec::new();
    for part in [obj.text("city")?, obj.text("region")?, country]
        .into_iter()
        .flatten()
    {
        if !parts.iter().any(|p| p.eq_ignore_ascii_case(&part.text)) {
            parts.push(part.text);
        }
    }
    if parts.is_empty() {
        for part in [obj.text("address")?, obj.text("postalCode")?]
            .into_iter()
            .flatten()
        {
            parts.extend(
                part.text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
        }
    }
    Ok((!parts.is_empty()).then(|| Str {
        text: parts.join(", "),
        span: node.span.clone(),
    }))
}

/// How a web address is shown, and its link: `https://` added when there is no scheme;
/// no link for schemes other than http(s), so a file cannot plant `javascript:` links.
pub(super) fn web(url: &str) -> (String, Option<String>) {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let bare = ["https://", "http://"]
        .iter()
        .find(|scheme| lower.starts_with(*scheme))
        .map(|scheme| &url[scheme.len()..]);
    let (bare, link) = match bare {
        Some(bare) => (bare, Some(url.to_string())),
        None if url.contains(':') || url.contains(char::is_whitespace) => (url, None),
        None => {
            let bare = url.trim_start_matches('/');
            (bare, Some(format!("https://{bare}")))
        }
    };
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    let shown = bare.trim_end_matches('/');
    let shown = if shown.is_empty() { url } else { shown };
    (shown.to_string(), link)
}

/// A `tel:` link for a phone number: its `+` and digits, if it has at least three digits.
fn tel(phone: &str) -> Option<String> {
    let dialled: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (dialled.chars().filter(char::is_ascii_digit).count() >= 3).then(|| format!("tel:{dialled}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_shown_short_and_linked_in_full() {
        assert_eq!(
            web("https://www.ada.dev/"),
            ("ada.dev".into(), Some("https://www.ada.dev/".into()))
        );
        assert_eq!(
            web("github.com/ada"),
            (
                "github.com/ada".into(),
                Some("https://github.com/ada".into())
            )
        );
        assert_eq!(
            web("javascript:alert(1)"),
            ("javascript:alert(1)".into(), None)
        );
        assert_eq!(
            web("https://"),
            ("https://".into(), Some("https://".into()))
        );
    }

    #[test]
    fn phone_links_keep_plus_and_digits() {
        assert_eq!(tel("+1 (555) 010-0199"), Some("tel:+15550100199".into()));
        assert_eq!(tel("ask me"), None);
    }
}
