//! Showing an entry's dates the way the layout asks: as written, or rebuilt from the parsed
//! dates in one style for the whole résumé (useful for JSON Resume's ISO dates and for
//! sources that mix "06/2021" with "June 2021"), with month names and the "present" word in
//! the résumé's language.

use vita_model::{Date, DateEnd, Dates, Language};

use crate::theme::DateFormat;

/// The text to show for `dates`, month names and the "present" word in `language`.
pub(crate) fn show(dates: &Dates, format: DateFormat, language: &Language) -> String {
    let start = one(dates.start, format, language);
    match dates.end {
        _ if format == DateFormat::AsWritten => dates.text.clone(),
        // Words Vita does not read cannot be rebuilt: as written.
        Some(DateEnd::Unread) => dates.text.clone(),
        None => start,
        Some(DateEnd::Present) => format!("{start} – {}", language.present()),
        Some(DateEnd::Date(end)) => format!("{start} – {}", one(end, format, language)),
    }
}

fn one(date: Date, format: DateFormat, language: &Language) -> String {
    let month = date.month.filter(|m| (1..=12).contains(m));
    match (format, month) {
        (_, None) | (DateFormat::AsWritten, _) => date.year.to_string(),
        (DateFormat::Short, Some(m)) => language.month_year(m, date.year, false),
        (DateFormat::Long, Some(m)) => language.month_year(m, date.year, true),
        (DateFormat::Numeric, Some(m)) => format!("{m:02}/{}", date.year),
        (DateFormat::Iso, Some(m)) => format!("{}-{m:02}", date.year),
        (DateFormat::Year, Some(_)) => date.year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, start: (u16, Option<u8>), end: Option<DateEnd>) -> Dates {
        Dates {
            text: text.into(),
            start: Date {
                year: start.0,
                month: start.1,
            },
            end,
            span: 0..0,
        }
    }

    fn show(dates: &Dates, format: DateFormat) -> String {
        super::show(dates, format, Language::for_tag(None))
    }

    #[test]
    fn in_the_resume_language() {
        let d = dates("2021-06 – heute", (2021, Some(6)), Some(DateEnd::Present));
        let de = Language::for_tag(Some("de"));
        assert_eq!(super::show(&d, DateFormat::Long, de), "Juni 2021 – heute");
        assert_eq!(
            super::show(&d, DateFormat::AsWritten, de),
            "2021-06 – heute"
        );
        let fr = Language::for_tag(Some("fr"));
        assert_eq!(
            super::show(&d, DateFormat::Short, fr),
            "juin 2021 – aujourd’hui"
        );
        let ko = Language::for_tag(Some("ko"));
        assert_eq!(super::show(&d, DateFormat::Long, ko), "2021년 6월 – 현재");
    }

    #[test]
    fn every_style() {
        let d = dates("2021-06 – Present", (2021, Some(6)), Some(DateEnd::Present));
        assert_eq!(show(&d, DateFormat::AsWritten), "2021-06 – Present");
        assert_eq!(show(&d, DateFormat::Short), "Jun 2021 – Present");
        assert_eq!(show(&d, DateFormat::Long), "June 2021 – Present");
        assert_eq!(show(&d, DateFormat::Numeric), "06/2021 – Present");
        assert_eq!(show(&d, DateFormat::Iso), "2021-06 – Present");
        assert_eq!(show(&d, DateFormat::Year), "2021 – Present");
        let years = dates(
            "2013 - 2015",
            (2013, None),
            Some(DateEnd::Date(Date {
                year: 2015,
                month: None,
            })),
        );
        assert_eq!(show(&years, DateFormat::Short), "2013 – 2015");
    }
}
