//! The text layer holds each character of the source exactly as often as the source does:
//! text set in several fonts, text without spaces broken over lines and emoji runs, read back
//! with vita-pdf's own reader.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{Dir, assert_ok};

/// Whether Debian's Noto CJK is installed (CI installs it; the CJK cases need a CJK font,
/// since a character drawn as a box has no reliable text in any extractor).
fn cjk_font() -> bool {
    Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists()
}

/// How often each character other than white space and invisible bridges occurs.
fn counts(text: &str) -> BTreeMap<char, usize> {
    let mut map = BTreeMap::new();
    for c in text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
    {
        *map.entry(c).or_default() += 1;
    }
    map
}

/// Builds `markdown` and returns the text of its PDF.
fn built_text(markdown: &str) -> String {
    let dir = Dir::new();
    let input = dir.write("cv.md", markdown);
    let pdf = dir.path("cv.pdf");
    let out = dir.vita(&[
        "build",
        &input.to_string_lossy(),
        "-o",
        &pdf.to_string_lossy(),
    ]);
    assert_ok(&out);
    let bytes = std::fs::read(&pdf).expect("PDF written");
    vita_pdf::extract_text(&bytes)
        .expect("PDF reads back")
        .join("\n")
}

/// Asserts the PDF's text is `shown` (the source less its markup), character for character.
fn assert_same_characters(markdown: &str, shown: &str) {
    let text = built_text(markdown);
    let (got, want) = (counts(&text), counts(shown));
    let wrong: Vec<String> = want
        .keys()
        .chain(got.keys())
        .filter(|c| got.get(c) != want.get(c))
        .map(|c| {
            format!(
                "{c:?}: {} for {}",
                got.get(c).unwrap_or(&0),
                want.get(c).unwrap_or(&0)
            )
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "characters differ: {wrong:?}\nPDF text:\n{text}"
    );
}

const CHINESE: &str = "负责支付清算系统的设计与开发，带领团队完成核心账务模块重构，系统吞吐量提升三倍，\
                       故障率下降百分之八十，并推动持续集成与自动化测试在全部门落地实施，获得年度优秀员工称号。";
const KOREAN: &str = "대규모 결제 시스템의 설계와 개발을 담당했으며 핵심 회계 모듈을 재구성하여 처리량을 \
                      세 배로 늘리고 장애율을 크게 줄였습니다. 그치지 않고 지속적인 통합과 자동화된 \
                      테스트를 전 부서에 도입했습니다.";

#[test]
fn a_chinese_and_a_korean_paragraph_come_back_once() {
    if !cjk_font() {
        eprintln!("skipped: no Noto CJK on this machine");
        return;
    }
    let long = [CHINESE; 3].concat();
    let markdown = format!("# Wang Lin\n\n## 工作经历\n\n{long}\n\n## 경력\n\n{KOREAN} {KOREAN}\n");
    let shown = format!("Wang Lin 工作经历 {long} 경력 {KOREAN} {KOREAN}");
    assert_same_characters(&markdown, &shown);
}

#[test]
fn latin_beside_cjk_punctuation_builds_and_comes_back_once() {
    if !cjk_font() {
        eprintln!("skipped: no Noto CJK on this machine");
        return;
    }
    let body = "ab（英） a「英 1（英 A設， DB設計、クラス";
    let markdown = format!("# Tanaka Hiro\n\n## S\n\n{body}\n");
    assert_same_characters(&markdown, &format!("Tanaka Hiro S {body}"));
}

#[test]
fn symbols_from_a_fallback_font_beside_links_come_back_once() {
    // ★ and ✉ are in no bundled font: with a font that has them they are set from it, and
    // either way the file is written.
    let markdown = "# Mira Castellane\n\n★ [site](https://x.example.com) · ✉ [mail](mailto:m@example.com)\n\n## Work\n\nαβγ Ԕx\n";
    let text = built_text(markdown);
    for word in ["Mira Castellane", "site", "mail", "αβγ", "Ԕx"] {
        assert!(text.contains(word), "{word} missing from {text}");
    }
}
