//! PDF text strings (`/ActualText`, `/Title`…): UTF-16BE with a byte-order mark, UTF-8 with one
//! (PDF 2.0), or PDFDocEncoding.

/// Decodes a PDF text string; undecodable units become U+FFFD.
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        char::decode_utf16(utf16be(rest))
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|b| pdf_doc_char(*b)).collect()
    }
}

/// Big-endian byte pairs as UTF-16 code units; a dangling odd byte is dropped.
pub(crate) fn utf16be(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks_exact(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
        .collect()
}

/// One byte of PDFDocEncoding: Latin-1 except for the ranges 0x18–0x1F and 0x80–0xA0
/// (PDF 1.7, annex D.2).
fn pdf_doc_char(byte: u8) -> char {
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    const HIGH: [char; 33] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}', '€',
    ];
    match byte {
        0x18..=0x1F => LOW[usize::from(byte - 0x18)],
        0x80..=0xA0 => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_each_encoding() {
        assert_eq!(decode(b"orchestrated"), "orchestrated");
        assert_eq!(decode(&[0xFE, 0xFF, 0x00, 0x52, 0x00, 0xE9]), "Ré");
        assert_eq!(decode("\u{FEFF}Ré".as_bytes()), "Ré");
        assert_eq!(decode(&[0x84, 0xE9]), "—é");
        assert_eq!(decode(&[0xFE, 0xFF, 0xD8]), "");
    }
}
