//! The JSON Resume front-end: a `resume.json` (<https://jsonresume.org/schema>, v1 and the
//! older 0.x key names) read into the same [`Resume`] as Markdown.
//!
//! Steps: [`node`] checks the whole file with serde_json and splits values into spanned
//! source slices ([`syntax`] turns serde_json's line and column into a byte span); [`header`]
//! reads `basics`; [`map`] and [`fields`] read the other top-level keys into sections, built
//! through [`make`]; [`dates`] reads and shows ISO dates; [`schema`] lists the known keys.
//!
//! Mapping decisions (a later layout key may change the wording of titles and dates):
//! - `basics.summary` becomes a first section titled "Summary": the header has no room for
//!   running text, and Markdown résumés put their summary in a section too.
//! - Sections follow the file's order of top-level keys (which is the schema's order in files
//!   written by the JSON Resume tools), so users can reorder them without a layout.
//! - Section titles: Experience (`work`), Volunteering, Education, Awards, Certificates,
//!   Publications, Skills, Languages, Interests, References, Projects.
//! - Spans are the byte range of the JSON value a node came from (quotes included).

mod dates;
mod fields;
mod header;
mod make;
mod map;
mod node;
mod schema;
mod syntax;

use crate::{Code, Diagnostic, Parsed, Resume, closest};
use node::{Kind, Node, Obj};

/// Reads a whole JSON Resume file.
pub(crate) fn parse(source: &str) -> Result<Parsed, Diagnostic> {
    let start = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let root = Node::root(source, start)?;
    if root.kind() != Kind::Object {
        return Err(root.wrong_type(
            "an object `{ … }`",
            Some("start the file like { \"basics\": { \"name\": \"…\" }, \"work\": [ … ] }"),
        ));
    }
    let root = root.object()?;
    let mut cx = Cx::default();
    cx.check_keys(&root, schema::TOP);
    let (header, summary) = header::read(root.get("basics"), &root.node, &mut cx)?;
    let mut sections: Vec<_> = summary.into_iter().collect();
    for (key, node) in root.fields() {
        sections.extend(map::section(key, node, &mut cx)?);
    }
    let mut warnings = cx.warnings;
    warnings.sort_by_key(|w| w.range().map(|r| r.start));
    let left_out = cx.left_out;
    Ok(Parsed {
        resume: Resume {
            header,
            sections,
            settings: Default::default(),
        },
        warnings,
        hidden: Vec::new(),
        left_out,
    })
}

/// What the readers share while walking the file.
#[derive(Debug, Default)]
struct Cx {
    /// Warnings so far, in reading order.
    warnings: Vec<Diagnostic>,
    /// The values of keys this reader does not know, which are left out of the résumé.
    left_out: Vec<std::ops::Range<usize>>,
    /// Paths (`work[].technologies`) of unknown keys already warned about: one warning a key,
    /// however many entries repeat it.
    warned: Vec<String>,
}

impl Cx {
    /// Warns about keys of `obj` that are not in `known`: one close to a known key is a typo
    /// ("did you mean"); any other that holds text is left out, said once per key path so the
    /// text never vanishes unannounced (`vita check` then excuses it).
    fn check_keys(&mut self, obj: &Obj, known: &[&str]) {
        for (key, node) in obj.fields() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let text = node.holds_text();
            if text {
                self.left_out.push(node.span.clone());
            }
            // Long keys are nobody's typo, and edit distance on them is slow.
            let near = if key.len() > 40 {
                None
            } else {
                closest(key, known)
            };
            if !text && near.is_none() {
                continue;
            }
            if let Some(near) = near {
                self.warnings.push(
                    Diagnostic::warning(
                        Code::UnknownJsonKey,
                        format!("`{}` is not a JSON Resume key and is ignored", node.path),
                    )
                    .at(node.span.clone())
                    .with_hint(format!("did you mean `{near}`?")),
                );
                continue;
            }
            let general = general_path(&node.path);
            if self.warned.contains(&general) {
                continue;
            }
            self.warnings.push(
                Diagnostic::warning(
                    Code::UnknownJsonKey,
                    format!(
                        "`{general}` is not a JSON Resume key: its text is left out of the résumé"
                    ),
                )
                .at(node.span.clone())
                .with_hint(format!(
                    "move the text to a key the schema has ({}) to print it",
                    known
                        .iter()
                        .filter(|k| !k.starts_with('$'))
                        .take(6)
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
            self.warned.push(general);
        }
    }
}

/// A key path with its list positions dropped: `work[3].technologies` → `work[].technologies`.
fn general_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
