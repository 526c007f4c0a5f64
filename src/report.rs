//! `--format json`: machine-readable reports of build, check and batch, for CI and for judging
//! the typesetting.

use std::path::Path;

use serde_json::{Value, json};

use crate::batch::Outcome;
use crate::build::Built;
use crate::check::Findings;
use crate::compile::Compiled;
use crate::diagnostics::{self, Located};
use crate::failure::Failure;

/// The JSON report of a build.
pub fn build(built: &Built) -> Value {
    let c = &built.compiled;
    let lines: Vec<Value> = c
        .lines
        .iter()
        .map(|l| {
            json!({
                "page": l.page + 1,
                "text": l.text,
                "ratio": round(l.ratio),
                "badness": l.badness,
                "fitness": l.fitness.as_str(),
                "hyphenated": l.hyphenated,
                "overfull_pt": round(l.overfull),
                "paragraph_demerits": l.paragraph_demerits,
                "pass": l.pass,
                "justified": l.justified,
            })
        })
        .collect();
    json!({
        "output": built.path.display().to_string(),
        "pages": c.pages,
        "natural_pages": c.natural_pages,
        "layout": c.layout,
        "fit": knobs(c),
        "bytes": built.bytes,
        "warnings": diagnostics::json::array(&built.warnings),
        "millis": round(built.millis as f32),
        "summary": summary(c),
        "letter": letter(c),
        "lines": lines,
    })
}

/// The JSON report of a command that failed: its exit code and the diagnostic.
pub fn failure(failure: &Failure) -> Value {
    json!({
        "exit_code": failure.code,
        "diagnostics": [diagnostics::json::object(&failure.diagnostic)],
    })
}

/// For a cover letter: its date, where the date came from, and the résumé of its header.
fn letter(c: &Compiled) -> Value {
    match &c.letter {
        Some(l) => json!({
            "date": l.date,
            "date_from": l.date_from.key(),
            "resume": l.resume.as_ref().map(|p| p.display().to_string()),
        }),
        None => Value::Null,
    }
}

/// The JSON report of a check.
pub fn check(
    input: &Path,
    compiled: &Compiled,
    findings: &Findings,
    warnings: &[Located],
    millis: f64,
) -> Value {
    json!({
        "input": input.display().to_string(),
        "passed": findings.passed(),
        "pages": compiled.pages,
        "page_limit": compiled.page_limit,
        "layout": compiled.layout,
        "warnings": diagnostics::json::array(warnings),
        "millis": round(millis as f32),
        "summary": summary(compiled),
        "check": findings_json(findings),
    })
}

/// The findings of a check as JSON.
pub fn findings_json(f: &Findings) -> Value {
    let w = &f.words;
    let code = |c: &char| format!("U+{:04X}", u32::from(*c));
    json!({
        "words": w.expected,
        "recovered": w.recovered,
        "recovered_percent": (w.percent() * 10.0).round() / 10.0,
        "in_order": w.in_order,
        "missing": w.missing,
        "garbled": w.garbled.iter().map(|(want, got)| json!({ "source": want, "extracted": got })).collect::<Vec<_>>(),
        "letter_spaced": w.letter_spaced,
        "unmapped": w.unmapped.iter().map(|(c, t)| json!({ "char": code(c), "in": t })).collect::<Vec<_>>(),
        "source_unmapped": f.source_unmapped.iter().map(|(c, t)| json!({ "char": code(c), "in": t })).collect::<Vec<_>>(),
        "missing_glyphs": f.missing_glyphs.iter().map(|c| json!({ "char": c.to_string(), "code": code(c) })).collect::<Vec<_>>(),
        "overflow": f.overflow.as_ref().map(diagnostics::json::object),
        "hidden_text": f.hidden.iter().map(|h| json!({ "line": h.line, "text": h.text })).collect::<Vec<_>>(),
        "repeated": w.repeated.iter().map(|(word, source, extracted)| json!({ "word": word, "source": source, "extracted": extracted })).collect::<Vec<_>>(),
        "extra": w.extra,
        "extra_words": w.extra.len(),
        "split_words": f.split_words,
        "split_keywords": f.split_keywords,
        "keywords_must_stay_whole": f.keywords_must_stay_whole,
        "outside": f.outside.iter().map(|o| json!({ "page": o.page, "text": o.text, "by": round(o.by) })).collect::<Vec<_>>(),
    })
}

/// The JSON report of a batch: every variant in manifest order, then totals.
pub fn batch(manifest: &Path, outcomes: &[Outcome], millis: f64) -> Value {
    let variants: Vec<Value> = outcomes
        .iter()
        .map(|o| {
            let mut v = json!({
                "name": o.name,
                "output": o.output.display().to_string(),
                "exit_code": o.code(),
                "millis": round(o.millis as f32),
            });
            match &o.result {
                Ok(done) => {
                    v["status"] = json!(if o.code() == 0 { "ok" } else { "check failed" });
                    v["pages"] = json!(done.pages);
                    v["bytes"] = json!(done.bytes);
                    v["warnings"] = diagnostics::json::array(&done.warnings);
                    if let Some(f) = &done.findings {
                        v["check"] = findings_json(f);
                    }
                }
                Err(failure) => {
                    v["status"] = json!("failed");
                    v["error"] = diagnostics::json::object(&failure.diagnostic);
                }
            }
            v
        })
        .collect();
    let failed = outcomes.iter().filter(|o| o.code() != 0).count();
    json!({
        "manifest": manifest.display().to_string(),
        "variants": variants,
        "built": outcomes.len() - failed,
        "failed": failed,
        "millis": round(millis as f32),
    })
}

/// What fitting moved.
fn knobs(c: &Compiled) -> Vec<Value> {
    c.knobs
        .iter()
        .map(|k| json!({ "knob": k.name, "from": k.from, "to": k.to }))
        .collect()
}

/// Line counts: all, overfull, hyphenated.
fn summary(c: &Compiled) -> Value {
    let overfull = c.lines.iter().filter(|l| l.overfull > 0.1).count();
    let hyphenated = c.lines.iter().filter(|l| l.hyphenated).count();
    json!({
        "lines": c.lines.len(),
        "overfull": overfull,
        "hyphenated": hyphenated,
    })
}

/// Three decimals are plenty for a report and keep it stable across platforms.
fn round(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}
