//! The manifest's `[matrix]`: every layout × every named tag set becomes a variant, named by
//! a template (`{tags}-{layout}` by default), and `{name}`/`{layout}`/`{tags}` placeholders in
//! names and output paths.

use super::values::{self, Value};
use super::{Diagnostic, Fields, Span, Spec, problem};

/// Keys of `[matrix]`.
pub(crate) const MATRIX_KEYS: [&str; 3] = ["layouts", "tags", "name"];

/// The variants of a `[matrix]` table, tag set by tag set, layout by layout.
pub(super) fn expand(defaults: &Fields, value: &Value<'_>) -> Result<Vec<Spec>, Diagnostic> {
    let table = values::table(
        "matrix",
        value,
        "{ layouts = [\"classic\", \"modern\"], tags = { backend = \"backend\" } }",
    )?;
    values::known_keys(table, &MATRIX_KEYS, "the matrix")?;
    let mut layouts: Option<Vec<(String, Span)>> = None;
    /// Each tag set: its name, where the name is, its selection and where that is written.
    type TagSet = (String, Span, vita_model::TagExpr, Span);
    let mut tag_sets: Option<Vec<TagSet>> = None;
    let mut template: Option<(String, Span)> = None;
    for (key, _, v) in values::entries(table) {
        match key {
            "layouts" => layouts = Some(values::strings(key, v, "[\"classic\", \"modern\"]")?),
            "name" => template = Some((values::string(key, v, "\"{tags}-{layout}\"")?, v.span())),
            "tags" => {
                let sets = values::table(key, v, "{ backend = \"backend,!frontend\" }")?;
                let mut out = Vec::new();
                for (name, span, expr) in values::entries(sets) {
                    super::check_name(name, &span)?;
                    out.push((name.to_string(), span, super::tags(expr)?, expr.span()));
                }
                tag_sets = Some(out);
            }
            _ => {}
        }
    }
    let default_template = match (&layouts, &tag_sets) {
        (Some(_), Some(_)) => "{tags}-{layout}",
        (Some(_), None) => "{layout}",
        (None, Some(_)) => "{tags}",
        (None, None) => {
            return Err(problem(
                "the matrix has neither `layouts` nor `tags`".into(),
                value.span(),
                Some("add `layouts = [\"classic\", \"modern\"]`, a `tags` table, or both".into()),
            ));
        }
    };
    let (template, template_span) =
        template.unwrap_or_else(|| (default_template.to_string(), value.span()));
    let layouts: Vec<Option<(String, Span)>> = match layouts {
        Some(list) => list.into_iter().map(Some).collect(),
        None => vec![None],
    };
    let tag_sets: Vec<Option<TagSet>> = match tag_sets {
        Some(list) => list.into_iter().map(Some).collect(),
        None => vec![None],
    };
    let count = layouts.len().saturating_mul(tag_sets.len());
    if count > super::MAX_VARIANTS {
        return Err(super::too_many(count, value.span()));
    }
    let mut specs = Vec::with_capacity(count);
    for tag_set in &tag_sets {
        for layout in &layouts {
            let mut own = Fields::default();
            let mut span = value.span();
            if let Some((_, name_span, expr, expr_span)) = tag_set {
                own.tags = Some((expr.clone(), expr_span.clone()));
                span = name_span.clone();
            }
            if let Some((layout, layout_span)) = layout {
                own.layout = Some(layout.clone());
                if tag_set.is_none() {
                    span = layout_span.clone();
                }
            }
            let fields = defaults.with(own);
            let layout_var = fields.layout.clone().unwrap_or_else(|| "classic".into());
            let layout_var = std::path::Path::new(&layout_var)
                .file_stem()
                .map_or(layout_var.clone(), |s| s.to_string_lossy().into_owned());
            let tags_var = tag_set
                .as_ref()
                .map_or("all".to_string(), |(n, ..)| n.clone());
            let vars = [("layout", layout_var.as_str()), ("tags", tags_var.as_str())];
            let name = fill(&template, &vars, &template_span)?;
            super::check_name(&name, &template_span)?;
            specs.push(super::finish(name, span, fields, &vars)?);
        }
    }
    Ok(specs)
}

/// `template` with each `{var}` replaced; an unknown or unclosed placeholder is an error.
pub(super) fn fill(
    template: &str,
    vars: &[(&str, &str)],
    span: &Span,
) -> Result<String, Diagnostic> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(placeholder_error(template, "an unclosed `{`", span, vars));
        };
        let key = &after[..close];
        let Some((_, value)) = vars.iter().find(|(k, _)| *k == key) else {
            return Err(placeholder_error(
                template,
                &format!("`{{{key}}}`"),
                span,
                vars,
            ));
        };
        out.push_str(value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn placeholder_error(template: &str, what: &str, span: &Span, vars: &[(&str, &str)]) -> Diagnostic {
    let known: Vec<String> = vars.iter().map(|(k, _)| format!("{{{k}}}")).collect();
    problem(
        format!("`{template}` has {what}, which is not a placeholder"),
        span.clone(),
        Some(format!("placeholders are {}", known.join(", "))),
    )
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    fn names_and_outputs(text: &str) -> Vec<(String, String, Option<String>, String)> {
        parse(text)
            .unwrap_or_else(|e| panic!("{e:?}"))
            .into_iter()
            .map(|s| (s.name, s.output, s.layout, s.tags.to_string()))
            .collect()
    }

    fn row(
        name: &str,
        output: &str,
        layout: Option<&str>,
        tags: &str,
    ) -> (String, String, Option<String>, String) {
        (
            name.into(),
            output.into(),
            layout.map(String::from),
            tags.into(),
        )
    }

    #[test]
    fn layouts_times_tag_sets_in_order() {
        let got = names_and_outputs(
            "input = \"cv.md\"\noutput = \"pdf/{name}.pdf\"\n\n[matrix]\n\
             layouts = [\"classic\", \"modern\"]\n\
             tags = { backend = \"backend,!frontend\", web = [\"frontend\", \"!backend\"] }\n",
        );
        assert_eq!(
            got,
            [
                row(
                    "backend-classic",
                    "pdf/backend-classic.pdf",
                    Some("classic"),
                    "backend,!frontend"
                ),
                row(
                    "backend-modern",
                    "pdf/backend-modern.pdf",
                    Some("modern"),
                    "backend,!frontend"
                ),
                row(
                    "web-classic",
                    "pdf/web-classic.pdf",
                    Some("classic"),
                    "frontend,!backend"
                ),
                row(
                    "web-modern",
                    "pdf/web-modern.pdf",
                    Some("modern"),
                    "frontend,!backend"
                ),
            ]
        );
    }

    #[test]
    fn one_dimension_and_custom_names() {
        let got = names_and_outputs(
            "input = \"cv.md\"\nlayout = \"compact\"\n[matrix]\ntags = { a = \"a\", b = \"b\" }\n",
        );
        assert_eq!(
            got,
            [
                row("a", "a.pdf", Some("compact"), "a"),
                row("b", "b.pdf", Some("compact"), "b")
            ]
        );
        let got = names_and_outputs(
            "input = \"cv.md\"\n[matrix]\nlayouts = [\"classic\", \"styles/mine.toml\"]\nname = \"cv-{layout}\"\n",
        );
        assert_eq!(
            got,
            [
                row("cv-classic", "cv-classic.pdf", Some("classic"), ""),
                row("cv-mine", "cv-mine.pdf", Some("styles/mine.toml"), ""),
            ]
        );
    }

    #[test]
    fn variants_come_before_the_matrix_and_names_stay_unique() {
        let text = "input = \"cv.md\"\n[[variant]]\nname = \"full\"\n\
                    [matrix]\nlayouts = [\"modern\"]\ntags = { full = \"x\" }\nname = \"{tags}\"\n";
        let e = parse(text).unwrap_err();
        // The matrix's `full` (from its tag set's name) clashes with the variant's.
        let first = e.secondary[0].span.range.clone();
        assert_eq!(&text[first], "\"full\"");
        assert_eq!(e.hints, ["rename one of them"]);
        let got = names_and_outputs(&text.replace("name = \"{tags}\"", ""));
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, "full-modern");
    }

    #[test]
    fn bad_matrices() {
        for (text, needle) in [
            ("input = \"a\"\n[matrix]\n", "neither"),
            (
                "input = \"a\"\n[matrix]\nlayout = [\"x\"]\n",
                "did you mean",
            ),
            (
                "input = \"a\"\n[matrix]\nlayouts = [\"x\"]\nname = \"{who}\"\n",
                "{who}",
            ),
            (
                "input = \"a\"\n[matrix]\nlayouts = \"x\"\n",
                "list of strings",
            ),
        ] {
            let e = parse(text).unwrap_err();
            let all = format!("{} {}", e.message, e.hints.join(" "));
            assert!(all.contains(needle), "{text}: {all}");
        }
    }
}
