//! The manifest (`vita.toml`) as its JSON Schema describes it (`schemas/manifest.schema.json`),
//! for tests only: the reader in [`super::spec`] works on toml's spanned tree, and these types
//! mirror the keys and shapes it accepts. A test checks the keys against the reader's lists;
//! `src/schemas.rs` writes the schema.

// The types are only ever described, never built.
#![allow(dead_code)]

use std::collections::BTreeMap;

use schemars::JsonSchema;
use vita_model::FrontMatterSchema;

/// The variants of one or more résumés that `vita batch` builds. Paths are relative to this
/// file; the top-level keys are defaults for every variant. Unknown keys are errors.
#[derive(JsonSchema)]
#[schemars(title = "Vita manifest (vita.toml)", deny_unknown_fields)]
pub struct Manifest {
    /// The résumé every variant reads unless it names its own.
    input: Option<String>,
    /// A built-in layout (classic, modern, compact) or the path of a layout file.
    layout: Option<String>,
    /// Which tagged lines to keep: `"backend,!frontend"`, or a list of terms.
    tags: Option<Tags>,
    /// Fit each variant into at most this many pages.
    #[schemars(range(min = 1, max = 20))]
    pages: Option<u32>,
    /// Where each PDF goes; `{name}`, `{layout}` and `{tags}` are filled in.
    output: Option<String>,
    /// What to write: the PDF at `output`, the others beside it (`pdf`, `png`, `svg`, `txt`).
    format: Option<Formats>,
    /// Front-matter fields to set, e.g. `{ headline = "Backend engineer" }`.
    set: Option<FrontMatterSchema>,
    /// The variants, each with a unique `name`.
    variant: Option<Vec<Variant>>,
    /// Every layout with every tag set.
    matrix: Option<Matrix>,
    /// What every input is, unless a variant says: `"letter"` builds it as a cover letter.
    kind: Option<Kind>,
}

/// One `[[variant]]`: the top-level keys it does not set are taken from the top level.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Variant {
    /// A unique name (letters, digits, `-`, `_`, `.`): names the output and the summary line.
    #[schemars(length(min = 1))]
    name: String,
    /// The résumé to read.
    input: Option<String>,
    /// A built-in layout (classic, modern, compact) or the path of a layout file.
    layout: Option<String>,
    /// Which tagged lines to keep: `"backend,!frontend"`, or a list of terms.
    tags: Option<Tags>,
    /// Fit the variant into at most this many pages.
    #[schemars(range(min = 1, max = 20))]
    pages: Option<u32>,
    /// Where the PDF goes; `{name}`, `{layout}` and `{tags}` are filled in.
    output: Option<String>,
    /// What to write (`pdf`, `png`, `svg`, `txt`).
    format: Option<Formats>,
    /// Front-matter fields to set, after the top level's; for a letter also the values of
    /// its `{placeholders}` (`{ company = "Acme" }`).
    set: Option<FrontMatterSchema>,
    /// What the input is: `"letter"` builds it as a cover letter (the file's own
    /// `kind = "letter"` does too).
    kind: Option<Kind>,
}

/// What an input is.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
pub enum Kind {
    /// A résumé (the default).
    Resume,
    /// A cover letter.
    Letter,
}

/// `[matrix]`: a variant for every layout and every tag set.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Matrix {
    /// The layouts, built-in names or paths.
    layouts: Option<Vec<String>>,
    /// Tag sets by name: `{ backend = "backend,!frontend", full = "" }`.
    tags: Option<BTreeMap<String, Tags>>,
    /// The variants' names, from `{tags}` and `{layout}` (default `"{tags}-{layout}"`).
    name: Option<String>,
}

/// A tag selection.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum Tags {
    /// Terms separated by commas: `"backend,!frontend"`.
    Expression(String),
    /// One term per item: `["backend", "!frontend"]`.
    Terms(Vec<String>),
}

/// One output format, or a list.
#[derive(JsonSchema)]
#[schemars(untagged)]
pub enum Formats {
    /// One format.
    One(Format),
    /// Several formats.
    Many(Vec<Format>),
}

/// An output format.
#[derive(JsonSchema)]
#[schemars(rename_all = "lowercase")]
pub enum Format {
    /// The PDF.
    Pdf,
    /// A PNG picture per page.
    Png,
    /// An SVG picture per page.
    Svg,
    /// The text an applicant tracking system reads.
    Txt,
}

#[cfg(test)]
mod tests {
    use super::super::spec::{MATRIX_KEYS, TOP_KEYS, VARIANT_KEYS};
    use schemars::JsonSchema;

    /// The property names of `T`'s schema, sorted.
    fn properties<T: JsonSchema>() -> Vec<String> {
        let schema = schemars::schema_for!(T);
        let mut keys: Vec<String> = schema
            .get("properties")
            .and_then(|p| p.as_object())
            .expect("an object schema")
            .keys()
            .cloned()
            .collect();
        keys.sort_unstable();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn the_schema_names_every_key_the_reader_knows() {
        assert_eq!(properties::<super::Manifest>(), sorted(&TOP_KEYS));
        assert_eq!(properties::<super::Variant>(), sorted(&VARIANT_KEYS));
        assert_eq!(properties::<super::Matrix>(), sorted(&MATRIX_KEYS));
    }

    #[test]
    fn the_schema_lists_every_output_format() {
        let schema = schemars::schema_for!(super::Format);
        // One `{ "const": name, "description": … }` per format.
        let names: Vec<&str> = schema
            .get("oneOf")
            .and_then(|e| e.as_array())
            .expect("a choice of constants")
            .iter()
            .filter_map(|v| v.get("const")?.as_str())
            .collect();
        let known: Vec<&str> = crate::output_kind::NAMES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, known);
    }
}
