//! Front matter as its JSON Schema describes it (`schemas/front-matter.schema.json` in the
//! repository): one field per key with the shapes [`super::fields`] accepts. Compiled only with
//! the `schema` feature; the test below checks that it names exactly the keys the reader knows.

use std::num::NonZeroU32;

use schemars::JsonSchema;

/// The keys of a résumé's front matter (TOML between `+++` lines, or simple YAML between `---`
/// lines). Every key is optional. A key Vita does not know is a warning, not an error, so the
/// schema allows other keys too.
#[derive(JsonSchema)]
#[schemars(title = "Vita front matter")]
pub struct FrontMatter {
    /// The name at the top of the résumé; wins over a Markdown `# Name`.
    pub name: Option<String>,
    /// A family name printed after `name` (R `vitae` templates write `name` and `surname`).
    pub surname: Option<String>,
    /// The line (or lines) under the name.
    pub headline: Option<OneOrMany>,
    /// An email address for the contact line (linked with `mailto:`).
    pub email: Option<String>,
    /// A phone number for the contact line (linked with `tel:`).
    pub phone: Option<String>,
    /// Where you live, for the contact line.
    pub location: Option<String>,
    /// Web links for the contact line, in order.
    pub links: Option<Vec<Link>>,
    /// A built-in layout (classic, modern, compact) or the path of a layout file.
    pub layout: Option<String>,
    /// The résumé's language (BCP 47, e.g. `en`, `de`): hyphenation patterns and the PDF's
    /// language.
    pub lang: Option<String>,
    /// Fit the résumé into at most this many pages.
    pub pages: Option<NonZeroU32>,
    /// Words never hyphenated or split: a list, or one comma-separated string.
    pub keywords: Option<OneOrMany>,
    /// Hyphenation exceptions, with hyphens where words may break (`mi-cro-ser-vice`).
    pub hyphenation: Option<Vec<String>>,
    /// The http(s) address relative links are resolved against.
    #[schemars(regex(pattern = r"^\s*[hH][tT][tT][pP][sS]?://"))]
    pub base_url: Option<String>,
    /// `false` leaves out the photo the résumé's header shows.
    pub photo: Option<bool>,
}

/// A string, or a list of strings.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum OneOrMany {
    /// One string.
    One(String),
    /// A list of strings.
    Many(Vec<String>),
}

/// One entry of `links`.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum Link {
    /// The address alone, shown as written.
    Url(String),
    /// An address with the text shown for it.
    Labelled {
        /// The text shown (the address when left out).
        label: Option<String>,
        /// The address.
        url: String,
    },
}

#[cfg(test)]
mod tests {
    use super::super::fields::KEYS;

    /// The schema's properties are the reader's keys, no more and no fewer.
    #[test]
    fn the_schema_names_every_key_the_reader_knows() {
        let schema = schemars::schema_for!(super::FrontMatter);
        let properties = schema
            .get("properties")
            .and_then(|p| p.as_object())
            .expect("an object schema");
        let mut in_schema: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut known: Vec<&str> = KEYS.iter().map(|(key, _)| *key).collect();
        in_schema.sort_unstable();
        known.sort_unstable();
        assert_eq!(in_schema, known);
    }
}
