//! The words of each language Vita knows, kept as data: one TOML file per language in the
//! crate's `lang/` folder (month names, "present" words, the footer, default alternative text,
//! section and job-title words). [`Language::for_tag`] gives the words to print for a résumé's
//! `lang`; reading (dates, headings) uses every language at once, since résumés mix them.

mod read;

use std::sync::OnceLock;

pub(crate) use read::{DateWord, date_word_at};

/// Every language file, by its tag. A file added to `lang/` must be listed here (a test checks).
const FILES: [(&str, &str); 21] = [
    ("en", include_str!("../../lang/en.toml")),
    ("de", include_str!("../../lang/de.toml")),
    ("fr", include_str!("../../lang/fr.toml")),
    ("es", include_str!("../../lang/es.toml")),
    ("it", include_str!("../../lang/it.toml")),
    ("pt", include_str!("../../lang/pt.toml")),
    ("nl", include_str!("../../lang/nl.toml")),
    ("pl", include_str!("../../lang/pl.toml")),
    ("sv", include_str!("../../lang/sv.toml")),
    ("da", include_str!("../../lang/da.toml")),
    ("nb", include_str!("../../lang/nb.toml")),
    ("fi", include_str!("../../lang/fi.toml")),
    ("cs", include_str!("../../lang/cs.toml")),
    ("tr", include_str!("../../lang/tr.toml")),
    ("ru", include_str!("../../lang/ru.toml")),
    ("uk", include_str!("../../lang/uk.toml")),
    ("zh", include_str!("../../lang/zh.toml")),
    ("ja", include_str!("../../lang/ja.toml")),
    ("ko", include_str!("../../lang/ko.toml")),
    ("he", include_str!("../../lang/he.toml")),
    ("ar", include_str!("../../lang/ar.toml")),
];

/// Which way a language's lines run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (Latin, Cyrillic, CJK…).
    #[default]
    Ltr,
    /// Right to left (Hebrew, Arabic): paragraphs and the layout are mirrored.
    Rtl,
}

/// One language's words, as its file in `lang/` gives them (every key is required).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The tag the file is named by ("de").
    #[serde(skip)]
    pub tag: String,
    /// The language's own name ("Deutsch").
    pub name: String,
    /// Which way its lines run.
    pub direction: Direction,
    months: Vec<String>,
    months_short: Vec<String>,
    month_forms: Vec<Vec<String>>,
    month_year: String,
    present: String,
    present_words: Vec<String>,
    page: String,
    photo: String,
    photo_untitled: String,
    resume: String,
    pub(crate) sections: Vec<String>,
    pub(crate) documents: Vec<String>,
    pub(crate) roles: Vec<String>,
    pub(crate) name_keys: Vec<String>,
}

/// Every language file read, English first. A file that does not parse is left out (a test
/// makes sure none does).
pub(crate) fn all() -> &'static [Language] {
    static ALL: OnceLock<Vec<Language>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(tag, text)| {
                let mut language: Language = toml::from_str(text).ok()?;
                language.tag = (*tag).to_string();
                Some(language)
            })
            .collect()
    })
}

impl Language {
    /// The language for a `lang` tag ("de", "de-AT", "pt_BR", "iw"), by its primary subtag in
    /// any case; English when the tag is missing or not one Vita has words for.
    ///
    /// ```
    /// use vita_model::Language;
    /// assert_eq!(Language::for_tag(Some("de-AT")).page_of(1, 2), "Seite 1 von 2");
    /// assert_eq!(Language::for_tag(Some("xx")).page_of(1, 2), "Page 1 of 2");
    /// ```
    pub fn for_tag(tag: Option<&str>) -> &'static Language {
        static FALLBACK: OnceLock<Language> = OnceLock::new();
        let primary = tag
            .unwrap_or("en")
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let primary = match primary.as_str() {
            "no" | "nn" => "nb",
            "iw" => "he",
            other => other,
        };
        let all = all();
        all.iter()
            .find(|l| l.tag == primary)
            .or_else(|| all.iter().find(|l| l.tag == "en"))
            .unwrap_or_else(|| FALLBACK.get_or_init(Language::default))
    }

    /// True when lines run right to left.
    pub fn is_rtl(&self) -> bool {
        self.direction == Direction::Rtl
    }

    /// A month (1–12) and year as the language writes them, with the full month name when
    /// `long`, else the short one ("Juni 2021", "Jan. 2021", "2021年6月"); the year alone for a
    /// month out of range.
    pub fn month_year(&self, month: u8, year: u16, long: bool) -> String {
        let names = if long {
            &self.months
        } else {
            &self.months_short
        };
        match usize::from(month).checked_sub(1).and_then(|m| names.get(m)) {
            Some(name) => self
                .month_year
                .replace("{year}", &year.to_string())
                .replace("{month}", name),
            None => year.to_string(),
        }
    }

    /// The word printed for the open end of a range ("Present", "heute").
    pub fn present(&self) -> &str {
        &self.present
    }

    /// The footer's page count ("Page 1 of 2", "Seite 1 von 2").
    pub fn page_of(&self, page: usize, pages: usize) -> String {
        self.page
            .replace("{pages}", &pages.to_string())
            .replace("{page}", &page.to_string())
    }

    /// The photo's alternative text when the résumé gives none ("Photo of Ada Lovelace").
    pub fn photo_alt(&self, name: Option<&str>) -> String {
        match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => self.photo.replace("{name}", name),
            None => self.photo_untitled.clone(),
        }
    }

    /// The document's kind, for its title ("Résumé", "Lebenslauf").
    pub fn resume_word(&self) -> &str {
        &self.resume
    }
}

#[cfg(test)]
mod tests;
