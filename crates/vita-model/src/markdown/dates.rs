//! Recognising dates and date ranges in entry headings and meta lines.
//!
//! Accepted dates: a year (1800–2100, wide enough for historical examples), a month and year
//! ("Jun 2021", "June, 2021", "Sept. 2021", "März 2021", "janv. 2021", "июня 2021",
//! "06/2021", "2021-06", "2021.06", "2021/6", also with a day: "2021.06.15", and "2021年6月",
//! "2021년 6월"), a season and year ("Fall 2022", "Spring 2021": the year is read, the season
//! kept in the text). A range joins two with `-`, `–`, `—`, `~`, `〜` or `to` (spaces optional
//! around the dashes); its end may be a "present" word. Month and "present" words are read in
//! every language of the crate's `lang/` files at once (résumés mix languages), in any case
//! and with or without accents: "Present", "heute", "aujourd'hui", "actualidad", "至今".
//!
//! A range one of whose ends is a word Vita does not read — a month or "present" word of a
//! language it has no file for, or a misspelling ("Sep 2021 – Qwer 2022", "2019 – Bisjetzt") —
//! is still one range, with the end [`DateEnd::Unread`], so it is shown exactly as written and never cut
//! into pieces. Such a word is one word of letters (any script) of at most
//! [`MAX_UNREAD_CHARS`] characters, optionally followed by a year; as the start of a range it
//! must open its part of the line (after `|`, `(`, `:` or a dash), so "Acme 2019 – 2021"
//! still reads as a name and a range.
//!
//! The scanner works on ASCII bytes around multi-byte dashes and words, so it never cuts inside
//! a character.

use std::ops::Range;

use crate::lang::{self, DateWord};
use crate::{Date, DateEnd};

/// A date or range found in a string.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    /// Its byte range in the searched string.
    pub range: Range<usize>,
    /// The start (or the single date).
    pub start: Date,
    /// The end of a range.
    pub end: Option<DateEnd>,
}

/// Every date or range in `s`, left to right, without overlaps.
pub(super) fn find_all(s: &str) -> Vec<Found> {
    let bytes = s.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if s.is_char_boundary(i)
            && !s[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            && let Some(f) = range_at(s, i)
        {
            i = f.range.end;
            found.push(f);
            continue;
        }
        i += 1;
    }
    found
}

/// The date or range that makes up all of `s` (surrounding spaces allowed).
pub(super) fn whole(s: &str) -> Option<Found> {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    let found = range_at(s, start)?;
    (found.range.end == end).then_some(found)
}

/// Longest word, in characters, read as a month or "present" word Vita does not know.
const MAX_UNREAD_CHARS: usize = 12;

/// A range or single date starting exactly at `i`.
fn range_at(s: &str, i: usize) -> Option<Found> {
    let (start, after_start, unread_start) = match date_at(s, i) {
        Some((date, end)) => (date, end, false),
        None if opens_part(s, i) => {
            let (date, end) = unread_date_at(s, i)?;
            (date, end, true)
        }
        None => return None,
    };
    let single = Found {
        range: i..after_start,
        start,
        end: None,
    };
    let j = skip_spaces(s, after_start);
    let spaced = j > after_start;
    let rest = &s[j..];
    let sep_len = if rest.starts_with("--") {
        2
    } else if rest.starts_with('-') {
        1
    } else if rest.starts_with(['–', '—', '〜', '～']) {
        3
    } else if rest.starts_with('~') {
        1
    } else if spaced && starts_with_word(rest, "to") {
        2
    } else {
        // A word Vita does not read is a date only as the start of a range.
        return (!unread_start).then_some(single);
    };
    let k = skip_spaces(s, j + sep_len);
    let end = end_at(s, k).or_else(|| unread_end_at(s, k));
    match end {
        Some((end, after_end)) => Some(Found {
            range: i..after_end,
            start,
            end: Some(if unread_start { DateEnd::Unread } else { end }),
        }),
        None if unread_start => None,
        None => Some(single),
    }
}

/// True when `i` opens a part of the line: the start, or after `|`, `(`, `:`, `·`, `•` or a
/// dash (spaces between allowed).
fn opens_part(s: &str, i: usize) -> bool {
    let before = s
        .get(..i)
        .unwrap_or_default()
        .trim_end_matches([' ', '\u{a0}', '\t']);
    before.is_empty() || before.ends_with(['|', '(', ':', '·', '•', '—', '–', '-'])
}

/// The end of a word of letters (any script, with inner `'`, `’` or a final `.`) starting at
/// `i`, if it is one of at most [`MAX_UNREAD_CHARS`] characters ending at a non-word character.
fn unread_word_at(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let mut end = 0;
    let mut count = 0;
    for (at, c) in rest.char_indices() {
        if c.is_alphabetic() || (count > 0 && matches!(c, '\'' | '’')) {
            count += 1;
            end = at + c.len_utf8();
        } else {
            break;
        }
    }
    if !(2..=MAX_UNREAD_CHARS).contains(&count) || rest[..end].ends_with(['\'', '’']) {
        return None;
    }
    if rest[end..].starts_with('.') {
        end += 1;
    }
    let next = rest[end..].chars().next();
    (!next.is_some_and(|c| c.is_alphanumeric() || c == '_')).then_some(i + end)
}

/// A date in words Vita does not read ("Ene 2022"): a word and a year. Only the year is read.
fn unread_date_at(s: &str, i: usize) -> Option<(Date, usize)> {
    let word_end = unread_word_at(s, i)?;
    let k = skip_spaces(s, word_end.min(s.len()));
    let bytes = s.as_bytes();
    if k == word_end || count_digits(bytes, k) != 4 {
        return None;
    }
    let year = number(bytes, k, 4)?;
    (is_year(year) && !bytes.get(k + 4).is_some_and(|&b| is_word_byte(b)))
        .then(|| (date(year, None), k + 4))
}

/// The end of a range in words Vita does not read: a word and a year ("Ene 2022"), or one word
/// that ends its part of the line ("Presente", "heute", "至今").
fn unread_end_at(s: &str, i: usize) -> Option<(DateEnd, usize)> {
    if let Some((_, end)) = unread_date_at(s, i) {
        return Some((DateEnd::Unread, end));
    }
    let end = unread_word_at(s, i)?;
    let after = s
        .get(end..)
        .unwrap_or_default()
        .trim_start_matches([' ', '\u{a0}']);
    let closes = after.is_empty() || after.starts_with(['|', ')', ',', ';', '·', '•', ']']);
    closes.then_some((DateEnd::Unread, end))
}

/// The end of a range at `i`: a date or a "present" word of any language.
fn end_at(s: &str, i: usize) -> Option<(DateEnd, usize)> {
    if let Some((DateWord::Present, end)) = lang::date_word_at(s, i) {
        return Some((DateEnd::Present, end));
    }
    date_at(s, i).map(|(date, end)| (DateEnd::Date(date), end))
}

/// A single date starting exactly at `i`.
fn date_at(s: &str, i: usize) -> Option<(Date, usize)> {
    let bytes = s.as_bytes();
    let first = s.get(i..)?.chars().next()?;
    let (date, end) = if first.is_ascii_digit() {
        numeric_date(s, i)?
    } else if first.is_alphabetic() {
        month_year(s, i)?
    } else {
        return None;
    };
    if bytes.get(end).is_some_and(|&b| is_word_byte(b)) {
        return None;
    }
    Some((date, end))
}

/// "2021", "2021-06", "06/2021", "6/2021", "2021年6月", "2021년 6월".
fn numeric_date(s: &str, i: usize) -> Option<(Date, usize)> {
    let bytes = s.as_bytes();
    let digits = count_digits(bytes, i);
    if digits == 4 {
        let year = number(bytes, i, 4)?;
        if let Some(found) = cjk_month(s, i + 4, year) {
            return Some(found);
        }
        // "2021-06", "2021.06", "2021/6", and a day after the month ("2021.06.15").
        let sep = bytes.get(i + 4).copied();
        let month_digits = count_digits(bytes, i + 5);
        let month_ok = match sep {
            Some(b'-') => month_digits == 2,
            Some(b'.' | b'/') => (1..=2).contains(&month_digits),
            _ => false,
        };
        if month_ok {
            let month = number(bytes, i + 5, month_digits)?;
            let mut end = i + 5 + month_digits;
            if bytes.get(end).copied() == sep
                && let day_digits @ 1..=2 = count_digits(bytes, end + 1)
                && number(bytes, end + 1, day_digits).is_some_and(|d| (1..=31).contains(&d))
            {
                end += 1 + day_digits;
            }
            if (1..=12).contains(&month) && is_year(year) {
                return Some((date(year, Some(month)), end));
            }
        }
        return is_year(year).then(|| (date(year, None), i + 4));
    }
    if (1..=2).contains(&digits)
        && bytes.get(i + digits) == Some(&b'/')
        && count_digits(bytes, i + digits + 1) == 4
    {
        let month = number(bytes, i, digits)?;
        let year = number(bytes, i + digits + 1, 4)?;
        if (1..=12).contains(&month) && is_year(year) {
            return Some((date(year, Some(month)), i + digits + 5));
        }
    }
    None
}

/// The month after a year written with 年 or 년 ("2021年6月", "2021년 6월"), from `at`, just
/// after the year's digits.
fn cjk_month(s: &str, at: usize, year: u16) -> Option<(Date, usize)> {
    let rest = s.get(at..)?;
    let after_year = rest
        .strip_prefix('年')
        .or_else(|| rest.strip_prefix('년'))?;
    let j = skip_spaces(s, s.len() - after_year.len());
    let bytes = s.as_bytes();
    let digits = count_digits(bytes, j);
    if !(1..=2).contains(&digits) {
        return None;
    }
    let month = number(bytes, j, digits)?;
    let after = s.get(j + digits..)?;
    let tail = after
        .strip_prefix('月')
        .or_else(|| after.strip_prefix('월'))?;
    ((1..=12).contains(&month) && is_year(year))
        .then(|| (date(year, Some(month)), s.len() - tail.len()))
}

/// "Jun 2021", "June 2021", "Sept. 2021", "June, 2021", "März 2021", "Fall 2022".
fn month_year(s: &str, i: usize) -> Option<(Date, usize)> {
    let bytes = s.as_bytes();
    let (month, word_end) = match lang::date_word_at(s, i) {
        Some((DateWord::Month(month), end)) => (Some(u16::from(month)), end),
        _ => {
            let end = i + bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            if !is_season(s.get(i..end)?) {
                return None;
            }
            (None, end)
        }
    };
    let mut j = word_end;
    if matches!(bytes.get(j), Some(b'.' | b',')) {
        j += 1;
    }
    let k = skip_spaces(s, j);
    if k == j || count_digits(bytes, k) != 4 {
        return None;
    }
    let year = number(bytes, k, 4)?;
    is_year(year).then(|| (date(year, month), k + 4))
}

/// Season words that stand for a term ("Fall 2022"), any case.
const SEASONS: [&str; 5] = ["spring", "summer", "fall", "autumn", "winter"];

fn is_season(word: &str) -> bool {
    SEASONS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

fn date(year: u16, month: Option<u16>) -> Date {
    Date {
        year,
        month: month.and_then(|m| u8::try_from(m).ok()),
    }
}

fn is_year(year: u16) -> bool {
    (1800..=2100).contains(&year)
}

fn number(bytes: &[u8], i: usize, len: usize) -> Option<u16> {
    let digits = bytes.get(i..i + len)?;
    digits.iter().try_fold(0u16, |n, &b| {
        b.is_ascii_digit()
            .then(|| n.saturating_mul(10).saturating_add(u16::from(b - b'0')))
    })
}

fn count_digits(bytes: &[u8], i: usize) -> usize {
    bytes.get(i..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

/// Skips ASCII spaces and no-break spaces.
fn skip_spaces(s: &str, mut i: usize) -> usize {
    while let Some(rest) = s.get(i..) {
        if rest.starts_with(' ') {
            i += 1;
        } else if rest.starts_with('\u{a0}') {
            i += '\u{a0}'.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// True when `rest` starts with `word` (ASCII, any case) followed by a non-word character.
fn starts_with_word(rest: &str, word: &str) -> bool {
    rest.get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
        && !rest
            .as_bytes()
            .get(word.len())
            .is_some_and(|&b| is_word_byte(b))
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> Date {
        Date {
            year,
            month: Some(month),
        }
    }

    fn y(year: u16) -> Date {
        Date { year, month: None }
    }

    #[test]
    fn date_variants() {
        let cases = [
            ("June 2019 to Present", ym(2019, 6), Some(DateEnd::Present)),
            ("2019–2021", y(2019), Some(DateEnd::Date(y(2021)))),
            ("03/2020 - Current", ym(2020, 3), Some(DateEnd::Present)),
            ("2018 — Now", y(2018), Some(DateEnd::Present)),
            ("Jun 2021 – Present", ym(2021, 6), Some(DateEnd::Present)),
            (
                "2021-06 - 2022-01",
                ym(2021, 6),
                Some(DateEnd::Date(ym(2022, 1))),
            ),
            (
                "Sept. 2020 to Dec 2021",
                ym(2020, 9),
                Some(DateEnd::Date(ym(2021, 12))),
            ),
            ("2013 - 2015", y(2013), Some(DateEnd::Date(y(2015)))),
            ("2019", y(2019), None),
            ("May, 2020", ym(2020, 5), None),
        ];
        for (text, start, end) in cases {
            let found = whole(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((found.start, found.end), (start, end), "{text}");
        }
    }

    #[test]
    fn non_dates_are_not_dates() {
        for text in [
            "3000",
            "12345",
            "Windows2000",
            "Mayday 2020",
            "2019 to",
            "1799",
        ] {
            assert_eq!(whole(text), None, "{text}");
        }
    }

    #[test]
    fn numeric_dates_with_dots_slashes_and_tildes() {
        let cases = [
            (
                "2023.07 - 2023.08",
                ym(2023, 7),
                Some(DateEnd::Date(ym(2023, 8))),
            ),
            (
                "2021/11 — 2022/3",
                ym(2021, 11),
                Some(DateEnd::Date(ym(2022, 3))),
            ),
            ("2018/07/01 ~ 現在", ym(2018, 7), Some(DateEnd::Present)),
            ("2024.03 – 재직", ym(2024, 3), Some(DateEnd::Unread)),
            (
                "2016.07.02〜2017.02.28",
                ym(2016, 7),
                Some(DateEnd::Date(ym(2017, 2))),
            ),
        ];
        for (text, start, end) in cases {
            let found = whole(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((found.start, found.end), (start, end), "{text}");
        }
        for text in ["2021.13", "2021.5.1.2", "v2021.06b"] {
            assert_eq!(whole(text), None, "{text}");
        }
    }

    #[test]
    fn seasons_are_dates() {
        let found = whole("Spring 2021 -- Fall 2022").expect("a range");
        assert_eq!(
            (found.start, found.end),
            (y(2021), Some(DateEnd::Date(y(2022))))
        );
        assert_eq!(whole("Fall 2022").map(|f| f.start), Some(y(2022)));
        assert_eq!(whole("autumn 1999").map(|f| f.start), Some(y(1999)));
    }

    #[test]
    fn ranges_in_words_not_read_are_unread_and_whole() {
        for (text, start) in [
            ("Sep 2021 – Qwer 2022", ym(2021, 9)),
            ("Jun 2024 – Bisjetzt", ym(2024, 6)),
            ("2019 – irgendwann", y(2019)),
            ("Qwer 2021 – Sep 2022", y(2021)),
        ] {
            let found = whole(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (found.start, found.end),
                (start, Some(DateEnd::Unread)),
                "{text}"
            );
        }
        // An unknown word opens a range only at the start of a part.
        let s = "Engineer, Google 2019 – 2021";
        let found = find_all(s);
        assert_eq!(&s[found[0].range.clone()], "2019 – 2021");
        assert_eq!(found[0].end, Some(DateEnd::Date(y(2021))));
        // A word after the dash that does not end the part is no end.
        assert_eq!(whole("2019 – Acme Corp"), None);
        assert_eq!(whole("Qwer 2022"), None);
    }

    #[test]
    fn months_and_present_words_of_other_languages_are_read() {
        let present = Some(DateEnd::Present);
        let cases = [
            (
                "Sep 2021 – Ene 2022",
                ym(2021, 9),
                Some(DateEnd::Date(ym(2022, 1))),
            ),
            ("Jun 2024 – Presente", ym(2024, 6), present),
            ("2019 – heute", y(2019), present),
            ("März 2019 – Heute", ym(2019, 3), present),
            ("03/2019 - bis heute", ym(2019, 3), present),
            ("janv. 2020 – aujourd'hui", ym(2020, 1), present),
            (
                "Févr. 2019 – Mars 2020",
                ym(2019, 2),
                Some(DateEnd::Date(ym(2020, 3))),
            ),
            ("septembre 2018 – présent", ym(2018, 9), present),
            ("enero 2020 – actualidad", ym(2020, 1), present),
            ("2020 - 至今", y(2020), present),
            ("2018/07/01 ~ 現在", ym(2018, 7), present),
            ("2024.03 – 현재", ym(2024, 3), present),
            (
                "2019年3月 - 2021年12月",
                ym(2019, 3),
                Some(DateEnd::Date(ym(2021, 12))),
            ),
            ("2019년 3월 – 현재", ym(2019, 3), present),
            ("июнь 2019 – по настоящее время", ym(2019, 6), present),
            ("Ağustos 2020 – Halen", ym(2020, 8), present),
            ("październik 2017 – obecnie", ym(2017, 10), present),
            ("maart 2016 – heden", ym(2016, 3), present),
            ("ינואר 2020 – היום", ym(2020, 1), present),
            ("مارس 2018 – حتى الآن", ym(2018, 3), present),
        ];
        for (text, start, end) in cases {
            let found = whole(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((found.start, found.end), (start, end), "{text}");
        }
        // Not a month inside a longer word, nor a dotted form without its dot.
        assert_eq!(whole("Maier 2019").map(|f| f.range), None);
        assert_eq!(find_all("Maier 2019")[0].start, y(2019));
    }

    #[test]
    fn every_language_reads_what_it_prints() {
        for tag in [
            "en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "tr",
            "ru", "uk", "zh", "ja", "ko", "he", "ar",
        ] {
            let language = crate::Language::for_tag(Some(tag));
            assert_eq!(language.tag, tag);
            for month in 1..=12 {
                for long in [true, false] {
                    let start = language.month_year(month, 2021, long);
                    let text = format!("{start} – {}", language.present());
                    let found = whole(&text).unwrap_or_else(|| panic!("{tag}: {text}"));
                    assert_eq!(
                        (found.start, found.end),
                        (ym(2021, month), Some(DateEnd::Present)),
                        "{tag}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn finds_dates_inside_text() {
        let s = "Tech Lead | Jun 2021 – Present | Remote";
        let found = find_all(s);
        assert_eq!(found.len(), 1);
        assert_eq!(&s[found[0].range.clone()], "Jun 2021 – Present");
        assert!(find_all("Python 3, 100K QPS, 99.99%").is_empty());
    }
}
