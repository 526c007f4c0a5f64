//! Reading manifest text into variant specs: the keys, their types, defaults, the matrix and
//! placeholders, each problem a [`Diagnostic`] at its byte span. Nothing here touches the
//! file system, so the fuzz target `manifest` includes this module as it is.

mod matrix;
#[cfg(test)]
pub(crate) use matrix::MATRIX_KEYS;
mod values;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};
use vita_model::{Code, Diagnostic, DocumentKind, FieldOverride, FieldValue, TagExpr};

use crate::output_kind::Kind;
use values::Value;

/// A byte range of the manifest.
pub type Span = Range<usize>;

/// Most variants one manifest may list (a matrix counts each layout × tag set).
pub const MAX_VARIANTS: usize = 100_000;

/// The error for a manifest with more than [`MAX_VARIANTS`] variants.
fn too_many(count: usize, span: Span) -> Diagnostic {
    problem(
        format!("the manifest lists {count} variants, more than the {MAX_VARIANTS} allowed"),
        span,
        Some("split it into several manifests".into()),
    )
}

/// Keys of the top level.
pub(crate) const TOP_KEYS: [&str; 10] = [
    "input", "layout", "tags", "pages", "output", "format", "set", "variant", "matrix", "kind",
];
/// Keys of a `[[variant]]`.
pub(crate) const VARIANT_KEYS: [&str; 9] = [
    "name", "input", "layout", "tags", "pages", "output", "format", "set", "kind",
];

/// A manifest problem: the shared diagnostic, code V0204, at its byte span of the manifest.
fn problem(message: String, span: Span, hint: Option<String>) -> Diagnostic {
    Diagnostic::error(Code::Manifest, message)
        .at(span)
        .with_hint_maybe(hint)
}

/// One variant as the manifest describes it, before paths are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// Unique name (letters, digits, `-`, `_`, `.`).
    pub name: String,
    /// The résumé, as written.
    pub input: String,
    /// Layout name or path, as written.
    pub layout: Option<String>,
    /// Tag selection.
    pub tags: TagExpr,
    /// Where the tag selection's value is written, when the manifest gives one.
    pub tags_span: Option<Span>,
    /// Page limit.
    pub pages: Option<u32>,
    /// Output path with placeholders filled in.
    pub output: String,
    /// Where the output path (or its template) was written.
    pub output_span: Span,
    /// What to write: the PDF at `output`, the others beside it with their own extension.
    pub formats: Vec<Kind>,
    /// Front-matter fields to set, in order (later ones win); for a letter also its
    /// placeholder values (`set = { company = "Acme" }` fills `{company}`).
    pub set: Vec<FieldOverride>,
    /// What the input is, when the manifest says (`kind = "letter"`).
    pub kind: Option<DocumentKind>,
    /// Where the variant's name was given (or its matrix), for messages.
    pub span: Span,
}

/// What the top level and a `[[variant]]` may both say.
#[derive(Debug, Clone, Default)]
struct Fields {
    input: Option<(String, Span)>,
    layout: Option<String>,
    /// The selection and where its value is written.
    tags: Option<(TagExpr, Span)>,
    pages: Option<u32>,
    output: Option<(String, Span)>,
    formats: Option<Vec<Kind>>,
    set: Vec<FieldOverride>,
    kind: Option<DocumentKind>,
}

impl Fields {
    /// `self` (the defaults) overridden by `own`.
    fn with(&self, own: Fields) -> Fields {
        let mut set = self.set.clone();
        set.extend(own.set);
        Fields {
            input: own.input.or_else(|| self.input.clone()),
            layout: own.layout.or_else(|| self.layout.clone()),
            tags: own.tags.or_else(|| self.tags.clone()),
            pages: own.pages.or(self.pages),
            output: own.output.or_else(|| self.output.clone()),
            formats: own.formats.or_else(|| self.formats.clone()),
            set,
            kind: own.kind.or(self.kind),
        }
    }
}

/// Reads manifest text into variant specs, in order: `[[variant]]` entries, then the matrix.
/// (The binary calls [`parse_with`]; the tests and the fuzz target call this.)
#[allow(dead_code)]
pub fn parse(text: &str) -> Result<Vec<Spec>, Diagnostic> {
    parse_with(text, &|_| false)
}

/// [`parse`], with `is_letter` telling whether an input file (as written) is a cover letter
/// by its own front matter: a letter's `set` may hold placeholder values besides
/// front-matter fields.
pub fn parse_with(text: &str, is_letter: &dyn Fn(&str) -> bool) -> Result<Vec<Spec>, Diagnostic> {
    let specs = parse_specs(text)?;
    for spec in &specs {
        let letter = spec.kind == Some(DocumentKind::Letter)
            || (spec.kind.is_none() && is_letter(&spec.input));
        if !letter {
            check_set(&spec.set)?;
        }
    }
    Ok(specs)
}

/// The specs of a manifest, `set` tables not yet checked.
fn parse_specs(text: &str) -> Result<Vec<Spec>, Diagnostic> {
    let doc = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let d = problem(
            format!("invalid TOML: {}", e.message().trim_end()),
            span.clone(),
            Some("a manifest is TOML: `key = \"value\"` lines and `[[variant]]` tables".into()),
        );
        match vita_model::earlier_definition(text, span) {
            Some(first) => d.related(first, "first set here"),
            None => d,
        }
    })?;
    let top = doc.get_ref();
    values::known_keys(top, &TOP_KEYS, "the manifest")?;
    let defaults = fields(top)?;
    let mut specs = Vec::new();
    for (key, _, value) in values::entries(top) {
        match key {
            "variant" => {
                let DeValue::Array(tables) = value.get_ref() else {
                    return Err(values::wrong(
                        "variant",
                        "a list of tables",
                        value,
                        "[{ name = \"backend\" }]` or `[[variant]]",
                    ));
                };
                for table in tables {
                    specs.push(variant(&defaults, table)?);
                }
            }
            "matrix" => specs.extend(matrix::expand(&defaults, value)?),
            _ => {}
        }
    }
    if specs.len() > MAX_VARIANTS {
        return Err(too_many(specs.len(), 0..0));
    }
    if specs.is_empty() {
        return Err(problem(
            "the manifest lists no variant".into(),
            0..0,
            Some("add a `[[variant]]` table with a `name`, or a `[matrix]`".into()),
        ));
    }
    check_unique(&specs)?;
    Ok(specs)
}

/// One `[[variant]]` table.
fn variant(defaults: &Fields, value: &Value<'_>) -> Result<Spec, Diagnostic> {
    let table = values::table("variant", value, "{ name = \"backend\" }")?;
    values::known_keys(table, &VARIANT_KEYS, "a variant")?;
    let name = values::entries(table)
        .into_iter()
        .find(|(k, _, _)| *k == "name")
        .map(|(_, _, v)| Ok::<_, Diagnostic>((values::string("name", v, "\"backend\"")?, v.span())))
        .transpose()?;
    let Some((name, name_span)) = name else {
        return Err(problem(
            "this variant has no `name`".into(),
            value.span(),
            Some("add `name = \"backend\"`; it names the PDF and the summary line".into()),
        ));
    };
    check_name(&name, &name_span)?;
    let merged = defaults.with(fields(table)?);
    finish(name, name_span, merged, &[])
}

/// Fills placeholders and checks what every spec needs.
fn finish(
    name: String,
    span: Span,
    fields: Fields,
    vars: &[(&str, &str)],
) -> Result<Spec, Diagnostic> {
    let Some((input, _)) = fields.input else {
        return Err(problem(
            format!("variant `{name}` has no `input`"),
            span,
            Some("add `input = \"resume.md\"` at the top of the manifest or in the variant".into()),
        ));
    };
    let layout_var = fields.layout.as_deref().map_or("classic".to_string(), |l| {
        Path::new(l)
            .file_stem()
            .map_or(l.to_string(), |s| s.to_string_lossy().into_owned())
    });
    let (template, template_span) = fields
        .output
        .unwrap_or_else(|| ("{name}.pdf".to_string(), span.clone()));
    let mut all_vars = vec![("name", name.as_str()), ("layout", layout_var.as_str())];
    all_vars.extend_from_slice(vars);
    if !vars.iter().any(|(k, _)| *k == "tags") {
        all_vars.push(("tags", name.as_str()));
    }
    let output = matrix::fill(&template, &all_vars, &template_span)?;
    Ok(Spec {
        name,
        input,
        layout: fields.layout,
        tags_span: fields.tags.as_ref().map(|(_, span)| span.clone()),
        tags: fields.tags.map(|(tags, _)| tags).unwrap_or_default(),
        pages: fields.pages,
        output,
        output_span: template_span,
        formats: fields.formats.unwrap_or_else(|| vec![Kind::Pdf]),
        set: fields.set,
        kind: fields.kind,
        span,
    })
}

/// Reads the keys shared by the top level and variants.
fn fields(table: &DeTable<'_>) -> Result<Fields, Diagnostic> {
    let mut out = Fields::default();
    for (key, _, value) in values::entries(table) {
        match key {
            "input" => {
                out.input = Some((values::string(key, value, "\"resume.md\"")?, value.span()))
            }
            "layout" => out.layout = Some(values::string(key, value, "\"classic\"")?),
            "output" => {
                out.output = Some((
                    values::string(key, value, "\"pdf/{name}.pdf\"")?,
                    value.span(),
                ))
            }
            "pages" => {
                let n = values::integer(key, value, "1")?;
                out.pages = Some(
                    u32::try_from(n)
                        .ok()
                        .filter(|n| (1..=20).contains(n))
                        .ok_or_else(|| {
                            values::wrong(key, "a whole number from 1 to 20", value, "1")
                        })?,
                );
            }
            "tags" => out.tags = Some((tags(value)?, value.span())),
            "format" => out.formats = Some(formats(value)?),
            "set" => out.set = set(value)?,
            "kind" => {
                out.kind = Some(match values::string(key, value, "\"letter\"")?.as_str() {
                    "letter" => DocumentKind::Letter,
                    "resume" => DocumentKind::Resume,
                    _ => {
                        return Err(values::wrong(
                            key,
                            "\"resume\" or \"letter\"",
                            value,
                            "\"letter\"",
                        ));
                    }
                })
            }
            _ => {}
        }
    }
    Ok(out)
}

/// A `format` list: `["pdf", "png"]`, or one name.
fn formats(value: &Value<'_>) -> Result<Vec<Kind>, Diagnostic> {
    let example = "[\"pdf\", \"png\"]";
    let names = match value.get_ref() {
        DeValue::String(s) => vec![(s.to_string(), value.span())],
        _ => values::strings("format", value, example)?,
    };
    let mut out = Vec::new();
    for (name, span) in names {
        let kind = Kind::named(&name).ok_or_else(|| {
            let known: Vec<&str> = crate::output_kind::NAMES.iter().map(|(n, _)| *n).collect();
            problem(
                format!("`{name}` is not an output format"),
                span,
                Some(format!("use {}", known.join(", "))),
            )
        })?;
        if !out.contains(&kind) {
            out.push(kind);
        }
    }
    if out.is_empty() {
        return Err(values::wrong("format", "a list of formats", value, example));
    }
    Ok(out)
}

/// A tag expression: a string (`"backend,!frontend"`) or a list of terms.
fn tags(value: &Value<'_>) -> Result<TagExpr, Diagnostic> {
    let example = "\"backend,!frontend\"";
    let terms: Vec<(String, Span)> = match value.get_ref() {
        DeValue::String(s) => vec![(s.to_string(), value.span())],
        DeValue::Array(_) => values::strings("tags", value, example)?,
        _ => {
            return Err(values::wrong(
                "tags",
                "a string or a list of strings",
                value,
                example,
            ));
        }
    };
    for (term, span) in &terms {
        TagExpr::parse(term).map_err(|e| {
            // Inside a basic string the expression starts after the opening quote.
            let start = e.range().map_or(0, |r| r.start);
            let at = (span.start + 1 + start).min(span.end);
            problem(e.message, at..at, e.hints.into_iter().next())
        })?;
    }
    let joined: Vec<&str> = terms.iter().map(|(t, _)| t.as_str()).collect();
    TagExpr::parse(&joined.join(","))
        .map_err(|e| problem(e.message, value.span(), e.hints.into_iter().next()))
}

/// A `set` table of front-matter fields, checked against the front-matter rules now so that
/// a typo stops the whole manifest rather than one variant.
fn set(value: &Value<'_>) -> Result<Vec<FieldOverride>, Diagnostic> {
    let table = values::table("set", value, "{ headline = \"Backend engineer\" }")?;
    let mut out = Vec::new();
    for (key, span, v) in values::entries(table) {
        let value = match v.get_ref() {
            DeValue::String(s) => FieldValue::Text(s.to_string()),
            DeValue::Integer(_) => FieldValue::Number(values::integer(key, v, "1")?),
            DeValue::Boolean(on) => FieldValue::Flag(*on),
            DeValue::Array(_) => FieldValue::List(
                values::strings(key, v, "[\"rust\", \"go\"]")?
                    .into_iter()
                    .map(|(s, _)| s)
                    .collect(),
            ),
            _ => {
                return Err(values::wrong(
                    key,
                    "a string, a number, a boolean or a list of strings",
                    v,
                    "\"…\"",
                ));
            }
        };
        out.push(FieldOverride {
            key: key.to_string(),
            value,
            span: span.start..v.span().end,
        });
    }
    Ok(out)
}

/// Checks a résumé variant's `set` against the front-matter rules, so that a typo stops the
/// whole manifest rather than one variant. (A letter's `set` also holds placeholder values.)
fn check_set(set: &[FieldOverride]) -> Result<(), Diagnostic> {
    vita_model::apply_overrides(&mut vita_model::Resume::default(), set).map_err(|e| {
        let span = e.range().unwrap_or(0..0);
        problem(
            format!("in `set`: {}", e.message),
            span,
            e.hints.into_iter().next(),
        )
    })
}

/// Variant names become file names and summary lines.
fn check_name(name: &str, span: &Span) -> Result<(), Diagnostic> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        return Ok(());
    }
    Err(problem(
        format!("`{name}` cannot be a variant name"),
        span.clone(),
        Some("use letters, digits, `-`, `_` and `.`, e.g. `backend-1page`".into()),
    ))
}

/// No two variants may share a name or an output file (one pass with hash maps, so a matrix
/// of 100,000 variants is checked at once).
fn check_unique(specs: &[Spec]) -> Result<(), Diagnostic> {
    let mut names: HashMap<&str, &Spec> = HashMap::with_capacity(specs.len());
    let mut outputs: HashMap<&str, &Spec> = HashMap::with_capacity(specs.len());
    for spec in specs {
        if let Some(first) = names.insert(&spec.name, spec) {
            return Err(problem(
                format!("a second variant is named `{}`", spec.name),
                spec.span.clone(),
                Some("rename one of them".into()),
            )
            .related(first.span.clone(), "the first is named here"));
        }
        if let Some(first) = outputs.insert(&spec.output, spec) {
            return Err(problem(
                format!(
                    "variants `{}` and `{}` both write {}",
                    first.name, spec.name, spec.output
                ),
                spec.span.clone(),
                Some(
                    "give them different `output` paths, e.g. `output = \"pdf/{name}.pdf\"`".into(),
                ),
            )
            .related(
                first.span.clone(),
                format!("`{}` is named here", first.name),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs(text: &str) -> Vec<Spec> {
        parse(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// The error's message, line and column, and hint. Every manifest error is V0204.
    fn error(text: &str) -> (String, (usize, usize), Option<String>) {
        let e = parse(text).unwrap_err();
        assert_eq!(e.code, Code::Manifest);
        let at = e.range().expect("placed").start;
        (
            e.message,
            vita_model::line_col(text, at),
            e.hints.first().cloned(),
        )
    }

    /// The error's line and column, and its hint.
    fn at(text: &str) -> ((usize, usize), String) {
        let (_, at, hint) = error(text);
        (at, hint.unwrap_or_default())
    }

    #[test]
    fn variants_take_the_defaults_and_override_them() {
        let got = specs(
            "input = \"cv.md\"\nlayout = \"modern\"\npages = 2\noutput = \"pdf/{name}.pdf\"\n\
             set = { name = \"Ada\" }\n\n\
             [[variant]]\nname = \"backend\"\ntags = \"backend,!frontend\"\npages = 1\n\
             set = { headline = \"Backend engineer\" }\n\n\
             [[variant]]\nname = \"all\"\nlayout = \"classic\"\noutput = \"{name}-{layout}.pdf\"\n",
        );
        assert_eq!(got.len(), 2);
        let b = &got[0];
        assert_eq!(
            (
                b.name.as_str(),
                b.input.as_str(),
                b.layout.as_deref(),
                b.pages
            ),
            ("backend", "cv.md", Some("modern"), Some(1))
        );
        assert_eq!(b.tags.to_string(), "backend,!frontend");
        assert_eq!(b.output, "pdf/backend.pdf");
        let keys: Vec<&str> = b.set.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["name", "headline"]);
        let a = &got[1];
        assert_eq!((a.pages, a.output.as_str()), (Some(2), "all-classic.pdf"));
        assert!(a.tags.is_empty());
    }

    #[test]
    fn unknown_keys_are_errors_with_a_suggestion() {
        let (message, at, hint) =
            error("input = \"cv.md\"\n\n[[variant]]\nname = \"a\"\ntgas = \"x\"\n");
        assert_eq!(message, "unknown key `tgas` in a variant");
        assert_eq!(at, (5, 1));
        assert_eq!(hint.as_deref(), Some("did you mean `tags`?"));
        let (message, at, _) = error("inputs = \"cv.md\"\n");
        assert_eq!(
            (message.as_str(), at),
            ("unknown key `inputs` in the manifest", (1, 1))
        );
        let (at, hint) =
            self::at("input = \"cv.md\"\n[[variant]]\nname = \"a\"\nset = { headlin = \"x\" }\n");
        assert_eq!((at, hint.as_str()), ((4, 9), "did you mean `headline`?"));
    }

    #[test]
    fn wrong_values_are_errors_at_the_value() {
        let (at, hint) =
            self::at("input = \"cv.md\"\n[[variant]]\nname = \"a\"\npages = \"one\"\n");
        assert_eq!((at, hint.as_str()), ((4, 9), "write it like `pages = 1`"));
        // A tag expression's error points into the expression: at the empty term.
        let (at, _) = self::at("input = \"cv.md\"\n[[variant]]\nname = \"a\"\ntags = \"x,,y\"\n");
        assert_eq!(at, (4, 11));
        let (at, hint) = self::at("input = \"cv.md\"\n[[variant]]\nname = \"a b\"\n");
        assert_eq!(at, (3, 8));
        assert!(hint.starts_with("use letters, digits"), "{hint}");
        let (message, at, _) = error("input = \"cv.md\"\nlayout = [\n");
        assert!(message.starts_with("invalid TOML"), "{message}");
        assert_eq!(at.0, 2);
    }

    #[test]
    fn a_letter_variant_may_set_placeholder_values() {
        let text =
            "input = \"letter.md\"\n[[variant]]\nname = \"a\"\nset = { company = \"Acme\" }\n";
        // For a résumé, `company` is no front-matter key.
        assert_eq!(self::at(text).0, (4, 9));
        let letter = specs(&format!("kind = \"letter\"\n{text}"));
        assert_eq!(letter[0].kind, Some(DocumentKind::Letter));
        assert_eq!(letter[0].set[0].key, "company");
        let by_file = parse_with(text, &|input| input == "letter.md").unwrap();
        assert_eq!(by_file[0].set.len(), 1);
        let (at, hint) = self::at("input = \"a.md\"\nkind = \"note\"\n[[variant]]\nname = \"a\"\n");
        assert_eq!(
            (at, hint.as_str()),
            ((2, 8), "write it like `kind = \"letter\"`")
        );
    }

    #[test]
    fn missing_names_inputs_and_duplicates_are_errors() {
        // Each says what to add, at the variant that lacks it.
        let (at, hint) = self::at("[[variant]]\nname = \"a\"\n");
        assert_eq!(at, (2, 8));
        assert!(hint.starts_with("add `input = "), "{hint}");
        let (at, hint) = self::at("input = \"cv.md\"\n[[variant]]\ntags = \"x\"\n");
        // At the `[[variant]]` that has no name.
        assert_eq!(at.0, 2);
        assert!(hint.starts_with("add `name = "), "{hint}");
        let (at, hint) = self::at("input = \"cv.md\"\n");
        assert_eq!(at, (1, 1));
        assert!(hint.starts_with("add a `[[variant]]` table"), "{hint}");
        // A second name or output points at the second, with the first as a related place.
        let text = "input = \"cv.md\"\n[[variant]]\nname = \"a\"\n[[variant]]\nname = \"a\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(vita_model::line_col(text, e.range().unwrap().start), (5, 8));
        let first = &e.secondary[0];
        assert_eq!(vita_model::line_col(text, first.span.range.start), (3, 8));
        assert_eq!(first.message.as_deref(), Some("the first is named here"));
        let text = "input = \"cv.md\"\noutput = \"cv.pdf\"\n[[variant]]\nname = \"a\"\n[[variant]]\nname = \"b\"\n";
        let e = parse(text).unwrap_err();
        assert_eq!(vita_model::line_col(text, e.range().unwrap().start), (6, 8));
        assert_eq!(
            vita_model::line_col(text, e.secondary[0].span.range.start),
            (4, 8)
        );
        assert!(e.hints[0].starts_with("give them different `output` paths"));
    }
}
