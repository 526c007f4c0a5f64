//! Docs that stay true: every path `docs/architecture.md` names exists (and every repository
//! path the other docs name), and `docs/dependencies.md` lists every direct dependency of
//! every `Cargo.toml`, and nothing else.

use std::collections::BTreeSet;
use std::path::Path;

use crate::util::repo;

/// Words in `text` that name a file or folder of the repository: in backticks, a path with a
/// `/` whose first part has no dot (`crates/vita-pdf/src/`, `fuzz/`; not `host.tld/path` or
/// `/`); anywhere, a `/`-separated path ending in a file extension (`docs/fuzzing.md`).
fn paths_named(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let is_path_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/');
    for (i, quoted) in text.split('`').enumerate() {
        let first = quoted.split('/').next().unwrap_or("");
        if i % 2 == 1
            && quoted.contains('/')
            && !first.is_empty()
            && !first.contains('.')
            && quoted.chars().all(is_path_char)
        {
            out.insert(quoted.to_string());
        }
    }
    for word in text.split(|c: char| !is_path_char(c)) {
        let word = word.trim_end_matches('.');
        let extension = word.rsplit_once('.').map(|(_, e)| e);
        let first = word.split('/').next().unwrap_or("");
        if word.contains('/')
            && !first.is_empty()
            && !first.contains('.')
            && matches!(
                extension,
                Some("rs" | "md" | "toml" | "sh" | "py" | "json" | "png")
            )
        {
            out.insert(word.to_string());
        }
    }
    out
}

/// The paths named in `doc` that do not exist, from the repository's root.
fn missing_paths(doc: &str, strict: bool) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(repo(doc)).expect("readable");
    let mut checked = 0;
    let mut missing = Vec::new();
    for path in paths_named(&text) {
        // Outside docs/architecture.md, examples (`DIR/resume.md`, `pdf/backend.pdf`) and
        // paths within a crate (`blocks/mod.rs` in a table of vita-model's tests) are not from
        // the root: only paths into a top-level folder are checked, and PDFs are build outputs.
        let first = path.split('/').next().unwrap_or("");
        if !strict && (!repo(first).exists() || path.ends_with(".pdf")) {
            continue;
        }
        checked += 1;
        if !repo(&path).exists() {
            missing.push(format!("{doc}: {path}"));
        }
    }
    (checked, missing)
}

#[test]
fn architecture_md_names_only_paths_that_exist() {
    let (checked, missing) = missing_paths("docs/architecture.md", true);
    assert!(checked >= 15, "only {checked} paths found");
    assert!(
        missing.is_empty(),
        "paths that do not exist (write them from the repository's root):\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_other_docs_name_only_repository_paths_that_exist() {
    let mut docs: Vec<String> = std::fs::read_dir(repo("docs"))
        .expect("docs/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| format!("docs/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    docs.sort();
    docs.push("README.md".into());
    let mut checked = 0;
    let mut missing = Vec::new();
    for doc in &docs {
        let (n, gone) = missing_paths(doc, false);
        checked += n;
        missing.extend(gone);
    }
    assert!(checked >= 30, "only {checked} paths found");
    assert!(
        missing.is_empty(),
        "paths that do not exist (write them from the repository's root):\n{}",
        missing.join("\n")
    );
}

#[test]
fn paths_are_found_where_they_are_named() {
    let found = paths_named(
        "see `crates/vita-pdf/src/` and `fuzz/`, not `/` or `host.tld/path`; (docs/fuzzing.md).",
    );
    let found: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(found, ["crates/vita-pdf/src/", "docs/fuzzing.md", "fuzz/"]);
}

/// The direct dependencies (normal, dev and build, on every target) of one `Cargo.toml`, less
/// the workspace's own crates.
fn dependencies_of(manifest: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(manifest).expect("readable");
    let doc: toml::Table = toml::from_str(&text).expect("TOML");
    let mut owners: Vec<&toml::Table> = vec![&doc];
    if let Some(toml::Value::Table(targets)) = doc.get("target") {
        owners.extend(targets.values().filter_map(toml::Value::as_table));
    }
    let tables: Vec<&toml::Table> = owners
        .into_iter()
        .flat_map(|owner| {
            ["dependencies", "dev-dependencies", "build-dependencies"]
                .into_iter()
                .filter_map(|kind| owner.get(kind).and_then(toml::Value::as_table))
        })
        .collect();
    tables
        .into_iter()
        .flat_map(|deps| deps.iter())
        .filter(|(_, spec)| {
            // Path dependencies (ours) and `workspace = true` pointing at a path are not listed.
            let table = spec.as_table();
            !table.is_some_and(|t| t.contains_key("path"))
        })
        .map(|(name, _)| name.clone())
        .filter(|name| !name.starts_with("vita"))
        .collect()
}

/// The crate names in the first column of `docs/dependencies.md`'s tables.
fn dependencies_listed() -> BTreeSet<String> {
    let doc = std::fs::read_to_string(repo("docs/dependencies.md")).expect("docs/dependencies.md");
    let mut out = BTreeSet::new();
    for line in doc.lines() {
        let Some(first) = line.strip_prefix('|').and_then(|l| l.split('|').next()) else {
            continue;
        };
        if first.trim() == "crate" || first.trim_start().starts_with("---") {
            continue;
        }
        // "hypher 0.1.8 (all languages, its default)": the name and version, not the note.
        let mut cell = String::new();
        let mut depth = 0usize;
        for c in first.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => cell.push(c),
                _ => {}
            }
        }
        for part in cell.split(',') {
            if let Some(name) = part.split_whitespace().next() {
                out.insert(name.trim_matches('`').to_string());
            }
        }
    }
    out
}

#[test]
fn dependencies_md_lists_every_direct_dependency_and_no_other() {
    let mut manifests = vec![repo("Cargo.toml"), repo("fuzz/Cargo.toml")];
    let mut crates: Vec<_> = std::fs::read_dir(repo("crates"))
        .expect("crates/")
        .map(|e| e.expect("entry").path().join("Cargo.toml"))
        .filter(|p| p.exists())
        .collect();
    crates.sort();
    manifests.extend(crates);
    let mut used = BTreeSet::new();
    for manifest in &manifests {
        used.extend(dependencies_of(manifest));
    }
    assert!(used.len() >= 20, "{used:?}");
    let listed = dependencies_listed();
    let unlisted: Vec<&String> = used.difference(&listed).collect();
    let stale: Vec<&String> = listed.difference(&used).collect();
    assert!(
        unlisted.is_empty() && stale.is_empty(),
        "docs/dependencies.md is out of step with the Cargo.toml files:\n  \
         used but not listed (add a row with the reason): {unlisted:?}\n  \
         listed but no Cargo.toml uses them: {stale:?}"
    );
}
