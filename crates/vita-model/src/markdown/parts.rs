//! Cutting an entry heading or meta line into parts ("Tech Lead, Incubyte | Jun 2021 – Present |
//! Remote" → three parts).
//!
//! Dates are found first so that the dash inside "Jun 2021 – Present" is never taken for a
//! separator. A date at the end of a part ("Acme, 2019 – 2021", "BSc (2015)") becomes a part of
//! its own.

use std::ops::Range;

use super::dates;
use super::inline::trim_range;

/// Field separators. `|` and the middle dots work with or without spaces; dashes only spaced,
/// because unspaced ones join words ("full-stack") and dates.
const SEPARATORS: [&str; 7] = ["|", " · ", " • ", " — ", " – ", " - ", " -- "];

/// Characters trimmed off the edges of a part.
const EDGE: [char; 5] = [' ', '\u{a0}', ',', ';', '\t'];

/// Characters trimmed off the text before a trailing date ("BSc (2015)").
const BEFORE_DATE: [char; 6] = [' ', '\u{a0}', ',', ';', '\t', '('];

/// The parts of `plain`, as byte ranges, trimmed and non-empty.
pub(super) fn cut(plain: &str) -> Vec<Range<usize>> {
    let protected: Vec<Range<usize>> = dates::find_all(plain)
        .into_iter()
        .map(|f| f.range)
        .collect();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Dates ahead of `i`; the scan only moves forward, so the ones behind are dropped.
    let mut ahead = protected.as_slice();
    while i < plain.len() {
        while ahead.first().is_some_and(|p| p.end <= i) {
            ahead = &ahead[1..];
        }
        let rest = plain.get(i..).unwrap_or_default();
        // A colon right after dates ends them: "June 2019 – August 2019: Intern".
        let colon = rest.starts_with(':') && protected.iter().any(|p| p.end == i);
        let sep = SEPARATORS
            .iter()
            .find(|sep| rest.starts_with(**sep))
            .or(colon.then_some(&":"));
        // A dash between two years Vita does not read as one range ("2015年11月 - 2016年9月")
        // joins them: cutting there would scramble the dates.
        let between_years = sep.is_some_and(|sep| {
            sep.contains(['-', '–', '—'])
                && year_ends(&plain[..i])
                && year_starts(&rest[sep.len()..])
        });
        match sep {
            Some(sep) if !between_years && !overlaps(ahead.first(), i..i + sep.len()) => {
                parts.push(start..i);
                i += sep.len();
                start = i;
            }
            _ => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    parts.push(start..plain.len());
    let mut out = Vec::new();
    for part in parts {
        split_trailing_date(plain, part, &mut out);
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Pushes `part` trimmed, or its text and a date that ends it as two parts.
fn split_trailing_date(plain: &str, part: Range<usize>, out: &mut Vec<Range<usize>>) {
    let part = trim_range(plain, part, &EDGE);
    let text = plain.get(part.clone()).unwrap_or_default();
    if dates::whole(text).is_none()
        && let Some(found) = dates::find_all(text).pop()
    {
        let date = part.start + found.range.start..part.start + found.range.end;
        let after = plain.get(date.end..part.end).unwrap_or_default();
        let before = plain.get(part.start..date.start).unwrap_or_default();
        // "BSc (2015)" splits; "(parallel to my studies from 06/2023)" and "Ene 2022" (a word
        // Vita may not read as a month) stay whole, brackets and all.
        let closes =
            after.trim().is_empty() || (after.trim() == ")" && before.trim_end().ends_with('('));
        let opened = before.trim_end().ends_with([',', '(']) || before.ends_with(' ');
        let one_word = !before.trim().contains(char::is_whitespace)
            && before.trim().chars().all(char::is_alphabetic);
        let open_bracket = before.matches('(').count() > before.matches(')').count()
            && !before.trim_end().ends_with('(');
        if closes && opened && !before.trim().is_empty() && !one_word && !open_bracket {
            out.push(trim_range(plain, part.start..date.start, &BEFORE_DATE));
            out.push(date);
            return;
        }
    }
    out.push(trim_range(plain, part, &EDGE));
}

/// True when a four-digit year is among the last few characters of `before` (after it only
/// letters of a date such as 年, 月, a month number or a dot).
fn year_ends(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let digits: Vec<usize> = tail
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .collect();
    digits.contains(&4) && !tail.chars().any(|c| c.is_ascii_alphabetic())
}

/// True when `after` starts with a four-digit year.
fn year_starts(after: &str) -> bool {
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    digits == 4 && !after[4..].starts_with(|c: char| c.is_ascii_alphabetic())
}

/// True when the separator at `sep` touches the next date. Dates do not overlap and are
/// sorted, so the first one not yet passed is the only candidate.
fn overlaps(next_date: Option<&Range<usize>>, sep: Range<usize>) -> bool {
    next_date.is_some_and(|p| sep.start < p.end && p.start < sep.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(plain: &str) -> Vec<&str> {
        cut(plain).into_iter().map(|r| &plain[r]).collect()
    }

    #[test]
    fn pipes_and_dashes_but_not_inside_dates() {
        assert_eq!(
            texts("Tech Lead, Incubyte | Jun 2021 – Present | Remote"),
            ["Tech Lead, Incubyte", "Jun 2021 – Present", "Remote"]
        );
        assert_eq!(
            texts("Engineer — Acme — 2019 - 2021"),
            ["Engineer", "Acme", "2019 - 2021"]
        );
        assert_eq!(texts("Engineer – 2019 – 2021"), ["Engineer", "2019 – 2021"]);
        assert_eq!(texts("Full-stack developer"), ["Full-stack developer"]);
    }

    #[test]
    fn trailing_dates_become_parts() {
        assert_eq!(
            texts("Acme Corp, 2019 – 2021"),
            ["Acme Corp", "2019 – 2021"]
        );
        assert_eq!(texts("BSc Physics (2015)"), ["BSc Physics", "2015"]);
        assert_eq!(
            texts("Founding member, Aspire (Python, Redis)"),
            ["Founding member, Aspire (Python, Redis)"]
        );
    }

    #[test]
    fn dates_not_fully_read_stay_whole() {
        assert_eq!(
            texts("Werkstudent (parallel zum Studium ab 06/2023)"),
            ["Werkstudent (parallel zum Studium ab 06/2023)"]
        );
        assert_eq!(texts("Ene 2022"), ["Ene 2022"]);
        assert_eq!(
            texts("Dev | Sep 2021 – Ene 2022 | Madrid"),
            ["Dev", "Sep 2021 – Ene 2022", "Madrid"]
        );
        assert_eq!(
            texts("Acme Corp | Jun 2024 – Presente"),
            ["Acme Corp", "Jun 2024 – Presente"]
        );
        assert_eq!(
            texts("Spring 2021 -- Fall 2022"),
            ["Spring 2021 -- Fall 2022"]
        );
        assert_eq!(
            texts("June 2019–August 2019: Software Engineer Intern"),
            ["June 2019–August 2019", "Software Engineer Intern"]
        );
        assert_eq!(
            texts("米袋子有限公司 （ 2015年11月 - 2016年9月 ）"),
            ["米袋子有限公司 （ 2015年11月 - 2016年9月 ）"]
        );
        assert_eq!(
            texts("Software Engineer, Google 2019 – 2021"),
            ["Software Engineer, Google", "2019 – 2021"]
        );
    }
}
