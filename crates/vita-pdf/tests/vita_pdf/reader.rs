//! `extract_text` on small PDFs written by hand, exercising operators krilla never emits.

use vita_pdf::extract_text;

/// Assembles a PDF from object bodies (object `n` is `objects[n - 1]`; object 1 must be the
/// catalog), with a correct cross-reference table.
fn assemble(objects: &[String]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// An unfiltered stream object.
fn stream(dict: &str, content: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}

/// A one-page PDF: a simple font with 500-unit widths and no `ToUnicode` (so bytes read as
/// Latin-1), a form XObject and a named property list.
fn simple_pdf(content: &str) -> Vec<u8> {
    let widths = vec!["500"; 95].join(" ");
    assemble(&[
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> \
         /Properties << /P1 << /ActualText (replaced) >> >> >> >>"
            .to_owned(),
        stream("", content),
        format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 \
             /Widths [{widths}] >>"
        ),
        stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 0 0]",
            "BT /F1 12 Tf 100 500 Td (in form) Tj ET",
        ),
    ])
}

#[test]
fn text_positioning_operators() {
    let content = "BT /F1 12 Tf 14 TL 72 700 Td (Hello) Tj ( world) Tj T* (second line) Tj \
                   0 -14 TD [(kerned) -3000 (gap)] TJ (third) ' 5 2 (fourth) \" ET";
    assert_eq!(
        extract_text(&simple_pdf(content)).expect("readable"),
        ["Hello world\nsecond line\nkerned gap\nthird\nfourth"]
    );
}

#[test]
fn actual_text_inline_and_named() {
    let content = "BT /F1 12 Tf 72 700 Td /Span << /ActualText (whole) >> BDC (wh-) Tj EMC \
                   ( next) Tj ET \
                   BT /F1 12 Tf 72 600 Td /Span /P1 BDC (xyz) Tj EMC ET \
                   BT /F1 12 Tf 72 500 Td /Span << /ActualText <FEFF00E9> >> BDC \
                   /Span << /ActualText (inner) >> BDC (abc) Tj EMC EMC ET";
    assert_eq!(
        extract_text(&simple_pdf(content)).expect("readable"),
        ["whole next\nreplaced\né"]
    );
}

#[test]
fn forms_are_entered_with_their_transform() {
    let content = "BT /F1 12 Tf 72 700 Td (above) Tj ET q 1 0 0 1 0 -200 cm /X1 Do Q \
                   BT /F1 12 Tf 72 100 Td (below) Tj ET";
    assert_eq!(
        extract_text(&simple_pdf(content)).expect("readable"),
        ["above\nin form\nbelow"]
    );
}

#[test]
fn unbalanced_and_broken_content_is_tolerated() {
    let content = "Q Q EMC q q q BT /F1 12 Tf 72 700 Td (ok) Tj /Nope 3 Tf (lost) Tj \
                   /F1 12 Tf [(still) (here)] TJ 1 0 0 Tm ET /Missing Do (end";
    assert_eq!(
        extract_text(&simple_pdf(content)).expect("readable"),
        ["okstillhere"]
    );
}
