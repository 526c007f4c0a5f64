//! The words of each language Vita knows, kept as data: one TOML file per language in the
//! crate's `lang/` folder (month names, "present" words, the footer, default alternative text,
//! section and job-title words). [`Language::for_tag`] gives the words to print for a résumé's
//! `lang`; reading (dates, headings) uses every language at once, since résumés mix them.

mod read;

pub(crate) use read::{DateWord, date_word_at};

// The languages, compiled from lang/*.toml by build.rs: `static LANGUAGES: [Language; N]`.
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// Which way a language's lines run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Direction {
    /// Left to right (Latin, Cyrillic, CJK…).
    #[default]
    Ltr,
    /// Right to left (Hebrew, Arabic): paragraphs and the layout are mirrored.
    Rtl,
}

/// One language's words, as its file in `lang/` gives them (every key is required).
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// The tag the file is named by ("de").
    pub tag: &'static str,
    /// The language's own name ("Deutsch").
    pub name: &'static str,
    /// Which way its lines run.
    pub direction: Direction,
    months: &'static [&'static str],
    months_short: &'static [&'static str],
    month_forms: &'static [&'static [&'static str]],
    month_year: &'static str,
    present: &'static str,
    present_words: &'static [&'static str],
    page: &'static str,
    photo: &'static str,
    photo_untitled: &'static str,
    resume: &'static str,
    pub(crate) sections: &'static [&'static str],
    pub(crate) documents: &'static [&'static str],
    pub(crate) roles: &'static [&'static str],
    pub(crate) name_keys: &'static [&'static str],
    pub(crate) details: &'static [&'static str],
    pub(crate) given_name_keys: &'static [&'static str],
    pub(crate) family_name_keys: &'static [&'static str],
}

/// Every language, English first.
pub(crate) fn all() -> &'static [Language] {
    &LANGUAGES
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
            .unwrap_or(&LANGUAGES[0])
    }

    /// True when lines run right to left.
    pub fn is_rtl(&self) -> bool {
        self.direction == Direction::Rtl
    }

    /// A month (1–12) and year as the language writes them, with the full month name when
    /// `long`, else the short one ("Juni 2021", "Jan. 2021", "2021年6月"); the year alone for a
    /// month out of range.
    pub fn month_year(&self, month: u8, year: u16, long: bool) -> String {
        let names = if long { self.months } else { self.months_short };
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
        self.present
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
            None => self.photo_untitled.to_string(),
        }
    }

    /// The document's kind, for its title ("Résumé", "Lebenslauf").
    pub fn resume_word(&self) -> &str {
        self.resume
    }
}

#[cfg(test)]
mod tests;
