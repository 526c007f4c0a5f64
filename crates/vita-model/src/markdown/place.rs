//! A small heuristic for "this looks like a place": work modes ("Remote", "Hybrid (Berlin)"),
//! "City, ST" with a two- or three-letter code, "City, Country" from a short list of countries,
//! or a country alone.
//!
//! It errs towards "no": a missed place ends up as the organisation or a detail line and still
//! prints, while a false place would move text into the wrong column.

/// Work modes that count as a place on their own.
const MODES: [&str; 6] = [
    "remote", "hybrid", "onsite", "on-site", "on site", "anywhere",
];

/// Words that mark an organisation, not a place ("University Of Southern California, USA").
const ORGANISATION_WORDS: [&str; 16] = [
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "corp",
    "corp.",
    "labs",
    "bank",
    "technologies",
    "gmbh",
];

/// Lower-case particles allowed inside place names ("Rio de Janeiro").
const PARTICLES: [&str; 9] = ["de", "da", "do", "del", "la", "le", "am", "upon", "sur"];

/// Countries and regions written after a city. Short on purpose; two- and three-letter codes
/// ("CA", "UK", "USA") are accepted without a list.
const COUNTRIES: [&str; 62] = [
    "argentina",
    "australia",
    "austria",
    "bangladesh",
    "belgium",
    "brazil",
    "canada",
    "chile",
    "china",
    "colombia",
    "czechia",
    "czech republic",
    "denmark",
    "egypt",
    "england",
    "estonia",
    "finland",
    "france",
    "germany",
    "greece",
    "hong kong",
    "hungary",
    "india",
    "indonesia",
    "ireland",
    "israel",
    "italy",
    "japan",
    "kenya",
    "korea",
    "south korea",
    "malaysia",
    "mexico",
    "netherlands",
    "the netherlands",
    "new zealand",
    "nigeria",
    "norway",
    "pakistan",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "romania",
    "scotland",
    "singapore",
    "south africa",
    "spain",
    "sri lanka",
    "sweden",
    "switzerland",
    "taiwan",
    "thailand",
    "turkey",
    "ukraine",
    "united arab emirates",
    "united kingdom",
    "united states",
    "uruguay",
    "vietnam",
    "wales",
    "europe",
];

/// True when `text` reads as a place.
pub(super) fn is_place(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 60 || text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if is_mode(text) {
        return true;
    }
    if text.contains(['(', ')', '|', ':', ';', '@', '/']) {
        return false;
    }
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let Some((last, towns)) = parts.split_last() else {
        return false;
    };
    if towns.is_empty() {
        return is_country(last);
    }
    towns.iter().all(|town| is_town(town)) && (is_code(last) || is_country(last))
}

/// "Remote", "remote (US)", "Hybrid – Berlin", "Remote, Europe".
fn is_mode(text: &str) -> bool {
    let lower = text.to_lowercase();
    MODES.iter().any(|mode| {
        lower.strip_prefix(mode).is_some_and(|rest| {
            rest.is_empty()
                || [" (", ", ", " - ", " – ", " — ", " / "]
                    .iter()
                    .any(|sep| rest.starts_with(sep))
        })
    })
}

/// A town part: one to three capitalised words, particles allowed between them.
fn is_town(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised <= 3
        && words.iter().all(|word| {
            let lower = word.to_lowercase();
            let is_name = word.chars().next().is_some_and(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
            (is_name || PARTICLES.contains(&lower.as_str()))
                && !ORGANISATION_WORDS.contains(&lower.as_str())
        })
}

/// "CA", "NY", "UK", "USA", "U.S.".
fn is_code(part: &str) -> bool {
    let letters: String = part.chars().filter(|c| *c != '.').collect();
    (2..=3).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase())
}

fn is_country(part: &str) -> bool {
    COUNTRIES.contains(&part.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places() {
        for text in [
            "San Francisco, CA",
            "Bangalore, India",
            "London, UK",
            "Remote",
            "remote (EU)",
            "Hybrid – Berlin",
            "Rio de Janeiro, Brazil",
            "Palo Alto, CA, USA",
            "Germany",
        ] {
            assert!(is_place(text), "{text}");
        }
    }

    #[test]
    fn not_places() {
        for text in [
            "Founding member, Aspire (Python, Typescript, NodeJS, PostgreSQL, Redis)",
            "Tech Lead, Incubyte",
            "University Of Southern California, USA",
            "Staff Software Engineer",
            "2018 – 2023",
            "Remotely managed teams",
            "",
        ] {
            assert!(!is_place(text), "{text}");
        }
    }
}
