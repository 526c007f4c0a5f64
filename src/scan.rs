//! Characters and values that parse but would print badly, found before the reader sees the
//! text: control characters (NUL, ESC, …), floods of combining marks on one letter, YAML
//! aliases in front matter, and numbers in JSON Resume that no program reads back as written.
//! Each gets a warning at its place. Control characters and the marks past the limit are
//! replaced by spaces of the same byte length, so every offset the reader reports still
//! points at the file as written.

use unicode_linebreak::{BreakClass, break_property};

use crate::diagnostics::{Code, Diagnostic};

/// Most combining marks kept on one letter (real scripts stack a handful).
pub const MAX_MARKS: usize = 16;
/// Most warnings of one kind; the rest are counted in one more.
const MAX_WARNINGS: usize = 10;

/// A warning of the scan: the shared diagnostic, placed at an empty range (between two
/// characters) where the problem starts.
fn finding(code: Code, offset: usize, message: String, hint: Option<String>) -> Diagnostic {
    Diagnostic::warning(code, message)
        .at(offset..offset)
        .with_hint_maybe(hint)
}

/// Where a finding starts.
fn offset(d: &Diagnostic) -> usize {
    d.range().map_or(0, |r| r.start)
}

/// The text with control characters and excess combining marks blanked out, and what was
/// found. `json` adds the check of numbers.
pub fn clean(text: &str, json: bool) -> (String, Vec<Diagnostic>) {
    let mut out = String::with_capacity(text.len());
    let mut findings = Vec::new();
    let mut controls = Tally::new(Code::ControlCharacter, "control characters");
    let mut floods = Tally::new(Code::MarkFlood, "floods of combining marks");
    let mut marks = 0usize;
    let mut flood_at: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if c.is_control() && !matches!(c, '\n' | '\t' | '\r') {
            controls.add(&mut findings, at, || {
                (
                    format!("{} is left out", describe(c)),
                    Some("delete it; it cannot be printed or read back".into()),
                )
            });
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            continue;
        }
        if is_mark(c) {
            marks += 1;
            if marks > MAX_MARKS {
                flood_at.get_or_insert(at);
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
                continue;
            }
        } else {
            end_flood(&mut floods, &mut findings, flood_at.take(), marks);
            marks = 0;
        }
        out.push(c);
    }
    end_flood(&mut floods, &mut findings, flood_at, marks);
    controls.finish(&mut findings);
    floods.finish(&mut findings);
    findings.extend(yaml_aliases(text));
    if json {
        findings.extend(json_numbers(text));
    }
    findings.sort_by_key(offset);
    (out, findings)
}

fn end_flood(tally: &mut Tally, findings: &mut Vec<Diagnostic>, at: Option<usize>, marks: usize) {
    if let Some(at) = at {
        tally.add(findings, at, || {
            (
                format!(
                    "{marks} combining marks on one letter; only the first {MAX_MARKS} are kept"
                ),
                Some("remove the marks; they pile up over the lines above".into()),
            )
        });
    }
}

/// Counts findings of one kind, keeping the first few.
struct Tally {
    code: Code,
    many: &'static str,
    count: usize,
    /// Where the first finding not reported one by one is.
    first: usize,
}

impl Tally {
    fn new(code: Code, many: &'static str) -> Tally {
        Tally {
            code,
            many,
            count: 0,
            first: 0,
        }
    }

    fn add(
        &mut self,
        findings: &mut Vec<Diagnostic>,
        offset: usize,
        what: impl FnOnce() -> (String, Option<String>),
    ) {
        self.count += 1;
        if self.count == MAX_WARNINGS + 1 {
            self.first = offset;
        }
        if self.count <= MAX_WARNINGS {
            let (message, hint) = what();
            findings.push(finding(self.code, offset, message, hint));
        }
    }

    fn finish(&self, findings: &mut Vec<Diagnostic>) {
        if self.count > MAX_WARNINGS {
            let message = format!(
                "{} more {} from here on are left out",
                self.count - MAX_WARNINGS,
                self.many
            );
            findings.push(finding(self.code, self.first, message, None));
        }
    }
}

/// A combining mark: it draws on the letter before it.
fn is_mark(c: char) -> bool {
    !c.is_ascii() && break_property(u32::from(c)) == BreakClass::CombiningMark && c != '\u{200D}'
}

/// "NUL (U+0000)", "ESC (U+001B)", "U+0085".
fn describe(c: char) -> String {
    let name = match c {
        '\0' => "NUL ",
        '\u{7}' => "BEL ",
        '\u{8}' => "backspace ",
        '\u{b}' => "vertical tab ",
        '\u{c}' => "form feed ",
        '\u{1b}' => "ESC ",
        '\u{7f}' => "DEL ",
        _ => "",
    };
    format!("the control character {name}(U+{:04X})", u32::from(c))
}

/// `key: *name` and `key: &name` in YAML front matter: Vita does not follow aliases.
fn yaml_aliases(text: &str) -> Vec<Diagnostic> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let skip = text.len() - body.len();
    if !body.starts_with("---") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = skip;
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        if i == 0 {
            continue;
        }
        if line.trim_end() == "---" || line.trim_end() == "..." {
            break;
        }
        let Some((_, value)) = line.split_once(": ") else {
            continue;
        };
        let value = value.trim();
        let Some(name) = value.strip_prefix('*').or_else(|| value.strip_prefix('&')) else {
            continue;
        };
        if name.is_empty() || !name.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let offset = start + line.len() - line.trim_start().len()
            + line.trim_start().find(value).unwrap_or(0);
        out.push(finding(
            Code::YamlAlias,
            offset,
            format!("`{value}` is a YAML alias or anchor, which Vita does not follow; it is printed as written"),
            Some(format!("write the value out, or quote it (\"{value}\") if the text is meant")),
        ));
        if out.len() >= MAX_WARNINGS {
            break;
        }
    }
    out
}

/// Numbers in JSON that no program reads back as written: too large for a number (`1e999`)
/// or with more digits than a number keeps.
fn json_numbers(text: &str) -> Vec<Diagnostic> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut in_string = false;
    let mut last_key: Option<(usize, usize)> = None;
    let mut string_start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => {
                    in_string = false;
                    last_key = Some((string_start, i));
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                let token = &text[start..i];
                let digits = token
                    .split(['e', 'E'])
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(char::is_ascii_digit)
                    .skip_while(|&d| d == '0')
                    .count();
                let value: f64 = token.parse().unwrap_or(f64::NAN);
                let key_name = last_key.map(|(s, e)| &text[s..e]);
                let text_key = key_name.is_some_and(|k| TEXT_KEYS.contains(&k));
                if value.is_finite() && digits <= 15 && !text_key {
                    continue;
                }
                let key = key_name.map(|k| format!("`{k}` ")).unwrap_or_default();
                let why = if !value.is_finite() {
                    "which is too large for any number"
                } else if digits > 15 {
                    "which has more digits than a number keeps"
                } else {
                    "where JSON Resume expects text"
                };
                out.push(finding(
                    Code::JsonNumber,
                    start,
                    format!("{key}is the number {token}, {why}; it is printed as written"),
                    Some(format!("put text in double quotes: \"{token}\"")),
                ));
                if out.len() >= MAX_WARNINGS {
                    break;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// JSON Resume keys whose values are text: a number there (`"position": 7`) is printed as
/// written, but is most likely a slip (scores and GPAs are often numbers, and are not here).
const TEXT_KEYS: [&str; 24] = [
    "name",
    "label",
    "position",
    "company",
    "organization",
    "institution",
    "area",
    "studyType",
    "title",
    "summary",
    "description",
    "issuer",
    "publisher",
    "awarder",
    "network",
    "username",
    "language",
    "fluency",
    "city",
    "region",
    "address",
    "phone",
    "postalCode",
    "reference",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_blanked_and_named_once_per_place() {
        let (text, found) = clean("# Ada\u{0}Lovelace\n\u{1b}[31mred\n", false);
        assert_eq!(text, "# Ada Lovelace\n [31mred\n");
        let placed: Vec<(Code, usize)> = found.iter().map(|f| (f.code, offset(f))).collect();
        assert_eq!(
            placed,
            [(Code::ControlCharacter, 5), (Code::ControlCharacter, 15)]
        );
    }

    #[test]
    fn many_control_characters_give_a_bounded_number_of_warnings() {
        let (text, found) = clean(&"\u{0}".repeat(10_000), false);
        assert_eq!(text, " ".repeat(10_000));
        assert_eq!(found.len(), MAX_WARNINGS + 1);
        assert!(found.iter().all(|f| f.code == Code::ControlCharacter));
        // The last one counts the rest.
        assert!(found.last().unwrap().message.contains("9990 more"));
    }

    #[test]
    fn combining_floods_are_cut_keeping_offsets() {
        let source = format!("## Title\na{}b\n", "\u{301}".repeat(1000));
        let (text, found) = clean(&source, false);
        assert_eq!(text.len(), source.len());
        assert_eq!(text.matches('\u{301}').count(), MAX_MARKS);
        assert_eq!(found.len(), 1);
        // At the first mark cut (after `a` and the marks kept), counting them.
        let first_cut = "## Title\na".len() + MAX_MARKS * '\u{301}'.len_utf8();
        assert_eq!(
            (found[0].code, offset(&found[0])),
            (Code::MarkFlood, first_cut)
        );
        assert!(
            found[0].message.contains("1000 combining marks"),
            "{:?}",
            found[0]
        );
        // A few marks (Vietnamese, IPA) are nothing to warn about.
        assert!(clean("Nguyễn a\u{301}\u{302}", false).1.is_empty());
    }

    #[test]
    fn yaml_aliases_and_huge_json_numbers_are_named() {
        let found = clean("---\nname: Ada\nheadline: *j\n---\n", false).1;
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].code, offset(&found[0])), (Code::YamlAlias, 24));
        let json = "{\"work\": [{\"position\": 1e999, \"x\": 12, \"y\": \"1e999\"}]}";
        let found = clean(json, true).1;
        assert_eq!(found.len(), 1, "{found:?}");
        let at = json.find("1e999").unwrap();
        assert_eq!((found[0].code, offset(&found[0])), (Code::JsonNumber, at));
        assert_eq!(found[0].hints, ["put text in double quotes: \"1e999\""]);
        assert!(clean(json, false).1.is_empty());
    }

    #[test]
    fn numbers_where_text_belongs_are_named_but_scores_are_not() {
        let json =
            "{\"work\": [{\"position\": 7, \"name\": \"Acme\"}], \"education\": [{\"gpa\": 3.8}]}";
        let found = clean(json, true).1;
        assert_eq!(found.len(), 1, "{found:?}");
        let at = json.find('7').unwrap();
        assert_eq!((found[0].code, offset(&found[0])), (Code::JsonNumber, at));
    }
}
