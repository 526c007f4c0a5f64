//! PDF standards (PDF/UA-1, PDF/A-2b, PDF/A-3b): krilla's validator for each, and its
//! findings worded for a person.

use krilla::configure::{
    Accessibility, Archival, Configuration, ConfigurationBuilder, ValidationError, Validator,
    Validators,
};

use crate::{Error, Standard};

/// krilla's configuration validating `standard`.
pub(crate) fn configuration(standard: Standard) -> Result<Configuration, Error> {
    let validator = match standard {
        Standard::PdfUa1 => Validator::Ua(Accessibility::UA1),
        Standard::PdfA2b => Validator::A(Archival::A2_B),
        Standard::PdfA3b => Validator::A(Archival::A3_B),
    };
    ConfigurationBuilder::new()
        .set_validator(validator)
        .finish()
        .map_err(|e| Error::Write {
            message: format!("{} cannot be configured: {e:?}", standard.name()),
        })
}

/// One sentence per distinct problem krilla found, saying what to add or change.
pub(crate) fn describe(problems: &[(ValidationError, Validators)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (problem, _) in problems {
        let sentence = match problem {
            ValidationError::NoDocumentLanguage => {
                "the document has no language: set `lang` in the front matter".to_string()
            }
            ValidationError::NoDocumentTitle => {
                "the document has no title: start the résumé with `# Your Name`".to_string()
            }
            ValidationError::MissingAltText(_) => {
                "an image has no alternative text: write one in `![…](photo.jpg)`".to_string()
            }
            ValidationError::MissingHeadingTitle => "a heading has no text".to_string(),
            ValidationError::MissingAnnotationAltText(_) => "a link has no description".to_string(),
            ValidationError::MissingDocumentDate => {
                "the document has no date: set SOURCE_DATE_EPOCH (seconds since 1970)".to_string()
            }
            ValidationError::MissingTagging => "the document is not tagged".to_string(),
            ValidationError::Transparency(_) => {
                "something is drawn with transparency, which PDF/A-1 forbids".to_string()
            }
            ValidationError::ContainsNotDefGlyph(_, _, text) => {
                format!("'{text}' is drawn with a glyph its font lacks: install a font that has it")
            }
            ValidationError::UnicodePrivateArea(_, _, c, _) => format!(
                "the private-use character U+{:04X} has no meaning to a reader",
                u32::from(*c)
            ),
            other => format!("{other:?}"),
        };
        if !out.contains(&sentence) {
            out.push(sentence);
        }
    }
    out
}
