//! The stable codes: one per kind of problem, never reused or renumbered, each listed with an
//! example in docs/errors.md.
//!
//! Numbering: `V00xx` reading input files and flags, `V01xx` the résumé's text, `V02xx`
//! variants (tags, overrides, manifests), `V03xx` layout files, `V04xx` setting the résumé on
//! pages, `V05xx` writing the PDF.

use std::fmt;

/// Declares [`Code`], its list and its strings in one place.
macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $text:literal,)*) => {
        /// A stable diagnostic code such as `V0301`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// The code as written: `"V0301"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $text,)*
                }
            }
        }
    };
}

codes! {
    /// A file cannot be read (missing, a folder, too large, a pipe that does not end).
    Unreadable = "V0001",
    /// A file is not valid UTF-8.
    NotUtf8 = "V0002",
    /// The résumé file is empty.
    EmptyInput = "V0003",
    /// The file given as a résumé is a manifest or layout file.
    NotAResume = "V0004",
    /// The input is over a size limit (lines, pages).
    OverLimit = "V0005",
    /// A control character in the text, which is left out.
    ControlCharacter = "V0006",
    /// Too many combining marks on one letter.
    MarkFlood = "V0007",
    /// A YAML alias or anchor in front matter, printed as written.
    YamlAlias = "V0008",
    /// A JSON number no program reads back as written.
    JsonNumber = "V0009",
    /// A command-line flag's value cannot be used (`--set` without `=`).
    FlagValue = "V0010",
    /// `SOURCE_DATE_EPOCH` is not a number of seconds.
    SourceDateEpoch = "V0011",
    /// An output file cannot be written.
    Unwritable = "V0012",
    /// The TOML front matter does not parse.
    FrontMatterSyntax = "V0101",
    /// A front-matter field has the wrong type.
    FrontMatterField = "V0102",
    /// A tag expression (`backend,!frontend`) does not parse.
    TagExpression = "V0103",
    /// A JSON Resume file is not valid JSON.
    JsonSyntax = "V0104",
    /// A JSON Resume field has a type that cannot be read.
    JsonField = "V0105",
    /// No name was found at the top of the résumé.
    NoName = "V0110",
    /// A heading was read as the name, or ignored because front matter names someone else.
    NameGuess = "V0111",
    /// An unknown front-matter key, ignored.
    UnknownFrontMatterKey = "V0112",
    /// A YAML front-matter line that Vita does not read.
    YamlNotRead = "V0113",
    /// A key that is not part of JSON Resume, ignored.
    UnknownJsonKey = "V0114",
    /// A value that is not a date, shown as written.
    NotADate = "V0115",
    /// A section with nothing left in it, left out.
    EmptySection = "V0116",
    /// Template syntax or editor comments, left out.
    TemplateSyntax = "V0117",
    /// Text left out of the PDF: badges and navigation around the résumé, a heading the front
    /// matter overrides.
    LeftOut = "V0118",
    /// A tags comment that is wrong or tags nothing.
    TagComment = "V0119",
    /// An image that is not shown.
    Image = "V0120",
    /// A relative link without `base_url`.
    RelativeLink = "V0121",
    /// Hidden text (white, tiny, `display: none`), left out.
    HiddenText = "V0122",
    /// HTML that is not rendered.
    Html = "V0123",
    /// A table's column titles that are left out.
    TableTitles = "V0124",
    /// A cover letter's `{placeholder}` that has no value.
    Placeholder = "V0125",
    /// A cover-letter field (`to`, `subject` …) in a file that is read as a résumé, ignored.
    LetterField = "V0126",
    /// A tag that no part of the résumé carries.
    UnknownTag = "V0201",
    /// A field override (`--set`, a manifest's `set`) that does not apply.
    Override = "V0202",
    /// A site generator's page layout (Jekyll's `layout: resume`) where a Vita layout belongs.
    PageLayout = "V0203",
    /// A manifest that cannot be used.
    Manifest = "V0204",
    /// A layout file that is not valid TOML.
    LayoutSyntax = "V0301",
    /// A key a layout file does not have.
    LayoutUnknownKey = "V0302",
    /// A layout value of the wrong kind (a size, length, colour or choice that cannot be read).
    LayoutValue = "V0303",
    /// A layout value outside the range that can be set.
    LayoutRange = "V0304",
    /// `extends` names no built-in layout.
    LayoutExtends = "V0305",
    /// A layout name that is neither built in nor a file.
    UnknownLayout = "V0306",
    /// A font family the layout asks for that no font provides.
    UnknownFont = "V0307",
    /// Characters no available font has; they show as boxes.
    MissingGlyphs = "V0401",
    /// A line too wide for the text area.
    Overfull = "V0402",
    /// A table too wide for the page, set in parts.
    TableSplit = "V0403",
    /// Text that reaches outside the text area.
    OutsideTextArea = "V0404",
    /// The résumé does not fit the page limit even at the tightest settings.
    TooLong = "V0405",
    /// A photo that cannot be used, left out.
    Photo = "V0406",
    /// A style the layout's family does not have, made by slanting or thickening another face.
    SyntheticStyle = "V0407",
    /// The PDF cannot be written.
    PdfWrite = "V0501",
    /// The document does not meet the PDF standard asked for.
    PdfStandard = "V0502",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/errors.md lists every code under a `## V0000 — title` heading, with an example,
    /// and no code that does not exist.
    #[test]
    fn every_code_is_documented_and_every_documented_code_exists() {
        let doc = include_str!("../../../docs/errors.md");
        let undocumented: Vec<&str> = Code::ALL
            .iter()
            .map(|c| c.as_str())
            .filter(|c| !doc.contains(&format!("\n## {c} — ")))
            .collect();
        assert!(
            undocumented.is_empty(),
            "codes missing from docs/errors.md: {undocumented:?}"
        );
        let unknown: Vec<&str> = doc
            .lines()
            .filter_map(|l| l.strip_prefix("## V"))
            .map(|l| l.split_whitespace().next().unwrap_or_default())
            .filter(|n| !Code::ALL.iter().any(|c| c.as_str()[1..] == **n))
            .collect();
        assert!(
            unknown.is_empty(),
            "docs/errors.md lists codes that do not exist: {unknown:?}"
        );
    }

    #[test]
    fn codes_are_unique_ordered_and_well_formed() {
        let texts: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        for t in &texts {
            assert!(
                t.len() == 5 && t.starts_with('V') && t[1..].bytes().all(|b| b.is_ascii_digit()),
                "{t}"
            );
        }
        let mut sorted = texts.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, texts, "codes must be unique and in numeric order");
    }
}
