//! The JSON Schemas in `schemas/`, for editors (Taplo's `#:schema`, VS Code, JetBrains): made
//! here from the Rust types of the layout file, front matter and manifest, in tests only, so
//! the binary never links schemars. The drift test fails when a committed schema differs from
//! what the types give, and rewrites it when `VITA_UPDATE_SCHEMAS=1` is set; the other tests
//! validate the repository's samples, the built-in layouts and `vita init`'s files with them,
//! and check that the layout schema refuses what the layout reader refuses.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::Value;

/// The command that rewrites the schemas, quoted in the drift test's failure.
const REGENERATE: &str = "VITA_UPDATE_SCHEMAS=1 cargo test -p vita --bin vita schemas";

/// One schema file: its name in `schemas/`, its title, and the schema the types give.
fn all() -> Vec<(&'static str, Value)> {
    vec![
        (
            "layout.schema.json",
            schema::<vita_layout::Layout>("Vita layout file"),
        ),
        (
            "front-matter.schema.json",
            schema::<vita_model::FrontMatterSchema>("Vita front matter"),
        ),
        (
            "manifest.schema.json",
            schema::<crate::manifest::schema::Manifest>("Vita manifest (vita.toml)"),
        ),
    ]
}

/// The JSON Schema (draft 2020-12) of `T`. TOML has no null, so an optional key is just its
/// type, not "its type or null".
fn schema<T: JsonSchema>(title: &str) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    let mut value = schema.to_value();
    drop_null(&mut value);
    value
}

/// Removes `null` from every `type` list and `anyOf` (schemars allows it for `Option`), and an
/// `anyOf` left with one choice becomes that choice.
fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(choices)) = map.get_mut("anyOf") {
                choices.retain(|c| c.get("type").is_none_or(|t| t != "null"));
                if let [only] = choices.as_slice() {
                    let only = only.clone();
                    map.remove("anyOf");
                    if let Value::Object(inner) = only {
                        map.extend(inner);
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A schema file's text as committed.
fn text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema serialises");
    text.push('\n');
    text
}

#[test]
fn committed_schemas_match_the_types() {
    let update = std::env::var_os("VITA_UPDATE_SCHEMAS").is_some();
    let mut stale = Vec::new();
    for (name, schema) in all() {
        let path = root().join("schemas").join(name);
        let want = text(&schema);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(want.as_str()) {
            continue;
        }
        if update {
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("schemas/");
            std::fs::write(&path, want).expect("schema written");
        } else {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "schemas/{} out of date with the Rust types; regenerate with `{REGENERATE}` and commit",
        stale.join(", schemas/")
    );
}

/// A validator for the committed schema `name` (the one editors see).
fn validator(name: &str) -> jsonschema::Validator {
    let path = root().join("schemas").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

/// TOML text as the JSON value a schema sees.
fn toml_value(text: &str) -> Value {
    toml::from_str(text).expect("valid TOML")
}

/// The schema's complaints about `value`, as "path: message" lines.
fn complaints(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The TOML front matter of a Markdown file, if it has one.
fn front_matter(markdown: &str) -> Option<&str> {
    let rest = markdown.strip_prefix("+++\n")?;
    let end = rest.find("\n+++")?;
    Some(&rest[..end + 1])
}

fn files(folder: &str, extension: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    out.sort();
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn built_in_layouts_are_valid() {
    let layouts = validator("layout.schema.json");
    let paths = files("layouts", "toml");
    assert!(paths.len() >= 3, "{paths:?}");
    for path in paths {
        let value = toml_value(&read(&path));
        let found = complaints(&layouts, &value);
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }
}

#[test]
fn samples_and_the_starter_front_matter_are_valid() {
    let front = validator("front-matter.schema.json");
    let mut sources: Vec<(String, String)> = files("samples", "md")
        .into_iter()
        .map(|p| (p.display().to_string(), read(&p)))
        .collect();
    sources.push(("vita init's resume.md".into(), crate::init::RESUME.into()));
    let mut checked = 0;
    for (name, source) in &sources {
        let Some(toml) = front_matter(source) else {
            continue;
        };
        let value = toml_value(toml);
        assert!(value.as_object().is_some_and(|o| !o.is_empty()), "{name}");
        let found = complaints(&front, &value);
        assert!(found.is_empty(), "{name}: {found:?}");
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} files with front matter");
}

#[test]
fn sample_and_starter_manifests_are_valid() {
    let manifest = validator("manifest.schema.json");
    for (name, text) in [
        ("samples/vita.toml", read(&root().join("samples/vita.toml"))),
        ("vita init's vita.toml", crate::init::MANIFEST.to_string()),
    ] {
        let found = complaints(&manifest, &toml_value(&text));
        assert!(found.is_empty(), "{name}: {found:?}");
    }
}

#[test]
fn a_wrong_key_or_value_in_a_layout_is_flagged_where_it_is() {
    let layouts = validator("layout.schema.json");
    let found = complaints(&layouts, &toml_value("[page]\nsise = \"a4\"\n"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("/page: ") && found[0].contains("sise"),
        "{found:?}"
    );
    let found = complaints(&layouts, &toml_value("[colours]\ntext = \"#000\"\n"));
    assert!(found.iter().any(|c| c.contains("colours")), "{found:?}");
    let found = complaints(&layouts, &toml_value("[fonts]\nsize = \"11px\"\n"));
    assert!(
        found.iter().any(|c| c.starts_with("/fonts/size")),
        "{found:?}"
    );
}

/// The layout schema accepts what the layout reader accepts and refuses what it refuses:
/// keys, types, lengths, colours and names of choices. (Ranges and the page size are checked
/// by the reader alone.)
#[test]
fn the_layout_schema_agrees_with_the_layout_reader() {
    let layouts = validator("layout.schema.json");
    let cases = [
        "[fonts]\nsize = \"11pt\"\n",
        "[fonts]\nsize = \"11 pt\"\n",
        "[fonts]\nsize = \"11\"\n",
        "[fonts]\nsize = 11\n",
        "[fonts]\nsize = \"11px\"\n",
        "[fonts]\nsize = \"1e1pt\"\n",
        "[fonts]\nsize = \".5in\"\n",
        "[section]\nrule = 0\n",
        "[section]\nrule = \"0\"\n",
        "[section]\nrule = \"0.0\"\n",
        "[entry]\ngap = \"1.2em\"\n",
        "[entry]\ngap = \"1.2EM\"\n",
        "[colors]\naccent = \"#1f4e79\"\n",
        "[colors]\naccent = \"#abc\"\n",
        "[colors]\naccent = \"1f4e79\"\n",
        "[colors]\naccent = \"#12345\"\n",
        "[colors]\naccent = \"red\"\n",
        "[paragraph]\nalgorithm = \"greedy\"\n",
        "[paragraph]\nalgorithm = \"fast\"\n",
        "[paragraph]\njustify = \"yes\"\n",
        "[header]\nalign = \"center\"\n",
        "[header]\nalign = \"centre\"\n",
        "[header]\nphoto-side = \"left\"\n",
        "[section]\ncase = \"small-caps\"\n",
        "[section]\ncase = \"smallcaps\"\n",
        "[entry]\ndate-format = \"iso\"\n",
        "[entry]\narrangement = \"title-place\"\n",
        "[list]\nbullet = \"–\"\n",
        "[list]\nbulet = \"–\"\n",
        "[page]\nfooter = false\n",
        "[page]\nkeep-entry-lines = -1\n",
        "page = \"a4\"\n",
        "name = \"mine\"\nextends = \"modern\"\n",
        "colour = \"red\"\n",
    ];
    for case in cases {
        let by_reader = vita_layout::Layout::from_toml(case).is_ok();
        let by_schema = layouts.is_valid(&toml_value(case));
        assert_eq!(
            by_schema,
            by_reader,
            "schema and reader disagree on {case:?} (reader: {:?})",
            vita_layout::Layout::from_toml(case).err()
        );
    }
}

#[test]
fn a_wrong_key_in_a_manifest_or_front_matter_type_is_flagged() {
    let manifest = validator("manifest.schema.json");
    let found = complaints(
        &manifest,
        &toml_value("input = \"a.md\"\n[[variant]]\nname = \"x\"\npage = 1\n"),
    );
    assert!(
        found
            .iter()
            .any(|c| c.starts_with("/variant/0") && c.contains("page")),
        "{found:?}"
    );
    let found = complaints(&manifest, &toml_value("[[variant]]\ninput = \"a.md\"\n"));
    assert!(found.iter().any(|c| c.contains("name")), "{found:?}");
    let found = complaints(&manifest, &toml_value("format = [\"pdf\", \"docx\"]\n"));
    assert!(!found.is_empty());
    let front = validator("front-matter.schema.json");
    let found = complaints(&front, &toml_value("pages = 0\nphoto = \"no\"\n"));
    assert_eq!(found.len(), 2, "{found:?}");
    // Unknown front matter keys are warnings, not errors: the schema lets them through.
    assert!(front.is_valid(&toml_value("nickname = \"Ada\"\n")));
}
