//! Showing an entry's dates the way the layout asks: as written, or rebuilt from the parsed
//! dates in one style for the whole résumé (useful for JSON Resume's ISO dates and for
//! sources that mix "06/2021" with "June 2021").

use vita_model::{Date, DateEnd, Dates};

use crate::theme::DateFormat;

const SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The text to show for `dates`.
pub(crate) fn show(dates: &Dates, format: DateFormat) -> String {
    let start = one(dates.start, format);
    match dates.end {
        _ if format == DateFormat::AsWritten => dates.text.clone(),
        // Words Vita does not read yet cannot be rebuilt: as written.
        Some(DateEnd::Unread) => dates.text.clone(),
        None => start,
        Some(DateEnd::Present) => format!("{start} – Present"),
        Some(DateEnd::Date(end)) => format!("{start} – {}", one(end, format)),
    }
}

fn one(date: Date, format: DateFormat) -> String {
    let month = date.month.filter(|m| (1..=12).contains(m)).map(usize::from);
    match (format, month) {
        (_, None) | (DateFormat::AsWritten, _) => date.year.to_string(),
        (DateFormat::Short, Some(m)) => format!("{} {}", SHORT[m - 1], date.year),
        (DateFormat::Long, Some(m)) => format!("{} {}", LONG[m - 1], date.year),
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
