//! `--report json`: what a build produced, for CI and for judging the typesetting.

use serde_json::{Value, json};

use crate::build::Built;

/// TeX's fitness classes by number.
const FITNESS: [&str; 4] = ["very loose", "loose", "decent", "tight"];

/// The JSON report of a build.
pub fn json(built: &Built) -> Value {
    let lines: Vec<Value> = built
        .lines
        .iter()
        .map(|l| {
            let fitness = FITNESS
                .get(usize::from(l.fitness))
                .copied()
                .unwrap_or("decent");
            json!({
                "page": l.page + 1,
                "text": l.text,
                "ratio": round(l.ratio),
                "badness": l.badness,
                "fitness": fitness,
                "hyphenated": l.hyphenated,
                "overfull_pt": round(l.overfull),
                "paragraph_demerits": l.paragraph_demerits,
                "pass": l.pass,
                "justified": l.justified,
            })
        })
        .collect();
    let overfull = built.lines.iter().filter(|l| l.overfull > 0.1).count();
    let hyphenated = built.lines.iter().filter(|l| l.hyphenated).count();
    let knobs: Vec<Value> = built
        .knobs
        .iter()
        .map(|k| json!({ "knob": k.name, "from": k.from, "to": k.to }))
        .collect();
    json!({
        "output": built.path.display().to_string(),
        "pages": built.pages,
        "natural_pages": built.natural_pages,
        "fit": knobs,
        "bytes": built.bytes,
        "warnings": built.warnings,
        "summary": {
            "lines": built.lines.len(),
            "overfull": overfull,
            "hyphenated": hyphenated,
        },
        "lines": lines,
    })
}

/// Three decimals are plenty for a report and keep it stable across platforms.
fn round(value: f32) -> f64 {
    (f64::from(value) * 1000.0).round() / 1000.0
}
