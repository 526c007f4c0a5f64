//! `ToUnicode` CMaps: which text a character code stands for.
//!
//! Only the parts a `ToUnicode` map uses are read: `bfchar` pairs and `bfrange` triples (with a
//! start string or an array of strings). Ranges are kept as ranges and looked up on demand, so
//! a map covering `<0000> <FFFF>` costs one entry, not 65,536.

use std::collections::HashMap;

use super::textstr::utf16be;

/// A parsed `ToUnicode` map.
#[derive(Debug, Default)]
pub(crate) struct ToUnicode {
    chars: HashMap<u32, String>,
    ranges: Vec<Range>,
}

/// One `bfrange` entry.
#[derive(Debug)]
struct Range {
    low: u32,
    high: u32,
    target: Target,
}

/// What a `bfrange` maps to.
#[derive(Debug)]
enum Target {
    /// `<lo> <hi> <dst>`: code `lo + n` maps to `dst` with its last UTF-16 unit raised by `n`.
    Start(Vec<u16>),
    /// `<lo> <hi> [<d0> <d1> …]`: code `lo + n` maps to the n-th string.
    Each(Vec<String>),
}

impl ToUnicode {
    /// Parses a CMap program. Anything not understood is skipped, never an error: a partial
    /// map still extracts most text.
    pub(crate) fn parse(data: &[u8]) -> Self {
        let tokens = tokenize(data);
        let mut map = Self::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word(w) if w == b"beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        map.chars
                            .insert(code(src), utf16be_units(dst).into_string());
                        i += 2;
                    }
                }
                Token::Word(w) if w == b"beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(low)), Some(Token::Hex(high)), Some(dst)) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        let target = match dst {
                            Token::Hex(dst) => Target::Start(utf16be_units(dst).0),
                            Token::Array(items) => Target::Each(
                                items
                                    .iter()
                                    .map(|d| utf16be_units(d).into_string())
                                    .collect(),
                            ),
                            Token::Word(_) => break,
                        };
                        map.ranges.push(Range {
                            low: code(low),
                            high: code(high),
                            target,
                        });
                        i += 3;
                    }
                }
                _ => i += 1,
            }
        }
        map
    }

    /// The text for a character code, if the map has one.
    pub(crate) fn get(&self, code: u32) -> Option<String> {
        if let Some(text) = self.chars.get(&code) {
            return Some(text.clone());
        }
        let range = self
            .ranges
            .iter()
            .find(|r| (r.low..=r.high).contains(&code))?;
        let offset = code - range.low;
        match &range.target {
            Target::Start(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.wrapping_add(u16::try_from(offset).ok()?);
                Some(Units(units).into_string())
            }
            Target::Each(strings) => strings.get(usize::try_from(offset).ok()?).cloned(),
        }
    }
}

/// UTF-16 code units, decoded to a string only when needed.
struct Units(Vec<u16>);

impl Units {
    fn into_string(self) -> String {
        char::decode_utf16(self.0.iter().copied())
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    }
}

/// Splits big-endian bytes into UTF-16 units (a dangling odd byte is dropped).
fn utf16be_units(bytes: &[u8]) -> Units {
    Units(utf16be(bytes))
}

/// A character code from its bytes, big-endian; codes are at most four bytes long.
fn code(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0, |acc, b| (acc << 8) | u32::from(*b))
}

/// The few token kinds a `ToUnicode` map needs.
#[derive(Debug)]
enum Token {
    /// `<…>`: decoded bytes.
    Hex(Vec<u8>),
    /// `[ <…> <…> ]`: the hex strings inside.
    Array(Vec<Vec<u8>>),
    /// Any other run of regular characters (operators, numbers, names).
    Word(Vec<u8>),
}

/// Tokenises a CMap. Dictionaries, literal strings and comments are skipped over.
fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut array: Option<Vec<Vec<u8>>> = None;
    let mut i = 0;
    while let Some(&byte) = data.get(i) {
        match byte {
            b'%' => {
                while data.get(i).is_some_and(|b| *b != b'\n' && *b != b'\r') {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = data[i + 1..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(data.len(), |p| i + 1 + p);
                let bytes = hex(&data[i + 1..end]);
                match &mut array {
                    Some(items) => items.push(bytes),
                    None => tokens.push(Token::Hex(bytes)),
                }
                i = end + 1;
            }
            b'[' => {
                array = Some(Vec::new());
                i += 1;
            }
            b']' => {
                if let Some(items) = array.take() {
                    tokens.push(Token::Array(items));
                }
                i += 1;
            }
            b'(' => i = skip_literal(data, i),
            b if b.is_ascii_whitespace() || b == b'{' || b == b'}' || b == b'>' => i += 1,
            _ => {
                let start = i;
                while data.get(i).is_some_and(|b| is_regular(*b)) {
                    i += 1;
                }
                // A lone delimiter we do not model (`)`, `/` on its own): step over it.
                i = i.max(start + 1);
                if array.is_none() {
                    tokens.push(Token::Word(data[start..i].to_vec()));
                }
            }
        }
    }
    tokens
}

/// Whether a byte can be part of a word (not whitespace, not a delimiter).
fn is_regular(b: u8) -> bool {
    !b.is_ascii_whitespace() && !b"()<>[]{}/%".contains(&b)
}

/// Returns the index just past a balanced `( … )` literal starting at `start`.
fn skip_literal(data: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    while let Some(&b) = data.get(i) {
        match b {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    data.len()
}

/// Decodes hex digits, ignoring whitespace; an odd final digit is padded with 0 as the PDF
/// specification says.
fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|d| (*d as char).to_digit(16))
        .filter_map(|n| u8::try_from(n).ok())
        .collect();
    nibbles
        .chunks(2)
        .map(|pair| (pair[0] << 4) | pair.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::ToUnicode;

    const CMAP: &[u8] = b"%!PS-Adobe-3.0 Resource-CMap
/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <0041>
<0002> <00660066 0069>
<0003> <D835DC00>
endbfchar
2 beginbfrange
<0010> <0012> <0061>
<0020> <0021> [<0078> <00790079>]
endbfrange
endcmap";

    #[test]
    fn bfchar_including_ligatures_and_surrogates() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.get(1).as_deref(), Some("A"));
        assert_eq!(map.get(2).as_deref(), Some("ffi"));
        assert_eq!(map.get(3).as_deref(), Some("\u{1D400}"));
        assert_eq!(map.get(4), None);
    }

    #[test]
    fn bfrange_with_start_and_with_array() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.get(0x10).as_deref(), Some("a"));
        assert_eq!(map.get(0x12).as_deref(), Some("c"));
        assert_eq!(map.get(0x13), None);
        assert_eq!(map.get(0x20).as_deref(), Some("x"));
        assert_eq!(map.get(0x21).as_deref(), Some("yy"));
    }

    #[test]
    fn garbage_gives_an_empty_map() {
        let map = ToUnicode::parse(b"beginbfchar <01 endbfchar ( unbalanced [ <zz");
        assert_eq!(map.get(1), None);
        let map = ToUnicode::parse(&[0xff, b'<', b'[', b'(', b'\\']);
        assert_eq!(map.get(0), None);
    }
}
