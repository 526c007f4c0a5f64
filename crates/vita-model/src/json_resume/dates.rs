//! JSON Resume dates: ISO `YYYY`, `YYYY-MM`, `YYYY-MM-DD` read into [`Date`], shown as text.
//!
//! The schema asks for ISO 8601 dates; timestamps (`2021-06-01T00:00:00Z`) are read by their
//! date, and "Jun 2021" / "June 2021" are accepted because hand-written files use them. Dates
//! are shown as "Jun 2021" (English three-letter month, day dropped) or "2021", ranges as
//! "Jun 2021 – Present" with an en dash; the layout's `entry.date-format` rebuilds them in the
//! résumé's language. Month names of every language Vita knows are read ("März 2021"). An
//! `endDate` that is a "present" word of any language ("present", "ongoing", "heute") is an
//! open end, and so is a missing one where the section is open-ended (jobs, studies).

use super::node::Str;
use crate::lang::{self, DateWord};
use crate::{Code, Date, DateEnd, Dates, Diagnostic, Language, Span};

/// The dates of an entry from its start and end values, and the text to keep as a detail line
/// when a value is not a date (a warning then says which).
///
/// With `open_ended`, a start without an end runs to Present; otherwise it is a single date.
/// An end without a start is a single date (a graduation, an award).
pub(super) fn range(
    start: Option<&Str>,
    end: Option<&Str>,
    open_ended: bool,
    warnings: &mut Vec<Diagnostic>,
) -> (Option<Dates>, Option<String>) {
    let start_date = start.map(|s| (s, parse(&s.text)));
    let end_date = end.map(|e| (e, end_of(&e.text)));
    let mut bad = false;
    for (value, ok) in [
        start_date.map(|(s, d)| (s, d.is_some())),
        end_date.map(|(e, d)| (e, d.is_some())),
    ]
    .into_iter()
    .flatten()
    {
        if !ok {
            bad = true;
            warnings.push(not_a_date(value));
        }
    }
    if bad {
        let raw: Vec<&str> = [start, end]
            .into_iter()
            .flatten()
            .map(|s| s.text.as_str())
            .collect();
        return (None, Some(raw.join(" – ")));
    }
    let span = join_spans(start.map(|s| &s.span), end.map(|e| &e.span));
    let start_date = start_date.and_then(|(_, d)| d);
    let end_date = end_date.and_then(|(_, d)| d);
    let (start, end) = match (start_date, end_date) {
        (Some(s), Some(DateEnd::Date(e))) if s == e => (s, None),
        (Some(s), Some(e)) => (s, Some(e)),
        (Some(s), None) if open_ended => (s, Some(DateEnd::Present)),
        (Some(s), None) => (s, None),
        (None, Some(DateEnd::Date(e))) => (e, None),
        (None, _) => return (None, None),
    };
    let text = match end {
        // ISO dates are always read, so JSON Resume never has an unread end.
        None | Some(DateEnd::Unread) => show(start),
        Some(DateEnd::Present) => format!("{} – Present", show(start)),
        Some(DateEnd::Date(e)) => format!("{} – {}", show(start), show(e)),
    };
    let dates = Dates {
        text,
        start,
        end,
        span,
    };
    (Some(dates), None)
}

/// The warning for a value that is not a date.
fn not_a_date(value: &Str) -> Diagnostic {
    Diagnostic::warning(
        Code::NotADate,
        format!("`{}` is not a date; it is shown as written", value.text),
    )
    .at(value.span.clone())
    .with_hint("write dates as YYYY-MM-DD, YYYY-MM or YYYY")
}

/// The span from the first to the last of two optional spans.
fn join_spans(a: Option<&Span>, b: Option<&Span>) -> Span {
    match (a, b) {
        (Some(a), Some(b)) => a.start.min(b.start)..a.end.max(b.end),
        (Some(s), None) | (None, Some(s)) => s.clone(),
        (None, None) => 0..0,
    }
}

/// An end date: a date or a word meaning Present.
fn end_of(text: &str) -> Option<DateEnd> {
    let text = text.trim();
    if lang::date_word_at(text, 0) == Some((DateWord::Present, text.len())) {
        return Some(DateEnd::Present);
    }
    parse(text).map(DateEnd::Date)
}

/// A date as "Jun 2021" or "2021".
pub(super) fn show(date: Date) -> String {
    match date.month {
        Some(month) => Language::for_tag(Some("en")).month_year(month, date.year, false),
        None => date.year.to_string(),
    }
}

/// An ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally with a time after `T`), or a
/// month name and year ("Jun 2021", "June, 2021", "Sept. 2021").
pub(super) fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    iso(text.split_once('T').map_or(text, |(date, _)| date)).or_else(|| named(text))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (one- or two-digit month and day).
fn iso(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let year = year(parts.next()?)?;
    let month = match parts.next() {
        None => return Some(Date { year, month: None }),
        Some(m) => number(m, 1, 12)?,
    };
    if let Some(day) = parts.next() {
        number::<u8>(day, 1, 31)?;
    }
    parts.next().is_none().then_some(Date {
        year,
        month: Some(month),
    })
}

/// "Jun 2021", "June 2021", "June, 2021", "Sept. 2021", "März 2021": a month name of any
/// language and a year.
fn named(text: &str) -> Option<Date> {
    let (DateWord::Month(month), end) = lang::date_word_at(text, 0)? else {
        return None;
    };
    let year_text = text[end..].trim_start_matches([',', '.']);
    (year_text.len() > year_text.trim_start().len()).then_some(())?;
    Some(Date {
        year: year(year_text.trim())?,
        month: Some(month),
    })
}

/// A four-digit year from 1000 to 9999.
fn year(text: &str) -> Option<u16> {
    (text.len() == 4)
        .then(|| number(text, 1000, 9999))
        .flatten()
}

/// A number of one to four ASCII digits within `min..=max`.
fn number<T: TryFrom<u32>>(text: &str, min: u32, max: u32) -> Option<T> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = text.parse().ok()?;
    (min..=max)
        .contains(&n)
        .then(|| T::try_from(n).ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Str {
        Str {
            text: text.into(),
            span: 0..0,
        }
    }

    fn ym(year: u16, month: Option<u8>) -> Date {
        Date { year, month }
    }

    /// The shown text of a range, and the leftover detail.
    fn shown(
        start: Option<&str>,
        end: Option<&str>,
        open: bool,
    ) -> (Option<String>, Option<String>) {
        let (start, end) = (start.map(s), end.map(s));
        let (dates, detail) = range(start.as_ref(), end.as_ref(), open, &mut Vec::new());
        (dates.map(|d| d.text), detail)
    }

    #[test]
    fn iso_forms() {
        assert_eq!(parse("2021"), Some(ym(2021, None)));
        assert_eq!(parse("2021-06"), Some(ym(2021, Some(6))));
        assert_eq!(parse("2021-06-15"), Some(ym(2021, Some(6))));
        assert_eq!(parse(" 2021-6-1 "), Some(ym(2021, Some(6))));
        assert_eq!(parse("2021-06-01T00:00:00.000Z"), Some(ym(2021, Some(6))));
        assert_eq!(parse("Jun 2021"), Some(ym(2021, Some(6))));
        assert_eq!(parse("September, 2019"), Some(ym(2019, Some(9))));
        assert_eq!(parse("Sept. 2019"), Some(ym(2019, Some(9))));
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "21",
            "20210",
            "2021-13",
            "2021-00",
            "2021-06-32",
            "2021-06-01-01",
            "Summer 2021",
            "Ju 2021",
            "2021-",
            "-2021",
            "２０２１",
            "Tomorrow",
            "T",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn shown_as_month_and_year_or_year() {
        assert_eq!(show(ym(2021, Some(6))), "Jun 2021");
        assert_eq!(show(ym(2021, None)), "2021");
        assert_eq!(show(ym(2021, Some(13))), "2021");
    }

    #[test]
    fn ranges() {
        let present = Some("Jun 2021 – Present".to_string());
        assert_eq!(
            shown(Some("2021-06-01"), None, true),
            (present.clone(), None)
        );
        assert_eq!(
            shown(Some("2021-06"), Some("current"), false),
            (present, None)
        );
        assert_eq!(shown(Some("2021-06"), None, false).0.unwrap(), "Jun 2021");
        assert_eq!(
            shown(Some("2019"), Some("2021-02"), true).0.unwrap(),
            "2019 – Feb 2021"
        );
        assert_eq!(shown(None, Some("2020-05"), true).0.unwrap(), "May 2020");
        assert_eq!(
            shown(Some("2020-05"), Some("2020-05-30"), true).0.unwrap(),
            "May 2020"
        );
        assert_eq!(shown(None, None, true), (None, None));
        assert_eq!(shown(None, Some("present"), true), (None, None));
    }

    #[test]
    fn non_dates_become_a_detail_with_a_warning() {
        let mut warnings = Vec::new();
        let start = s("Summer 2019");
        let end = s("2020");
        let (dates, detail) = range(Some(&start), Some(&end), true, &mut warnings);
        assert_eq!(dates, None);
        assert_eq!(detail.unwrap(), "Summer 2019 – 2020");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, crate::Code::NotADate);
        assert_eq!(warnings[0].range().unwrap(), start.span);
    }

    #[test]
    fn range_spans_cover_both_values() {
        let start = Str {
            text: "2020".into(),
            span: 10..16,
        };
        let end = Str {
            text: "2021".into(),
            span: 30..36,
        };
        let (dates, _) = range(Some(&start), Some(&end), true, &mut Vec::new());
        let dates = dates.unwrap();
        assert_eq!(dates.span, 10..36);
        assert_eq!(dates.end, Some(DateEnd::Date(ym(2021, None))));
    }
}
