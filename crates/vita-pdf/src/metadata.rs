//! Document information: title, author, subject, keywords, language and creation date.
//!
//! krilla writes these twice, into the `/Info` dictionary and into an XMP metadata stream
//! (uncompressed, as the XMP specification wants it readable), and puts the language in the
//! catalog's `/Lang`. A date is written only when the display list has one, so output stays
//! reproducible: nothing here reads the clock.

use krilla::metadata::{DateTime, Metadata};

use crate::Error;

/// The creator tool named in `/Info` and XMP. No version number, so that the same document
/// gives the same bytes across Vita releases.
const CREATOR: &str = "Vita";

/// Converts the display list's metadata to krilla's.
pub(crate) fn convert(metadata: &vita_layout::Metadata) -> Result<Metadata, Error> {
    let mut out = Metadata::new().creator(CREATOR.to_owned());
    if let Some(title) = &metadata.title {
        out = out.title(title.clone());
    }
    if let Some(author) = &metadata.author {
        out = out.authors(vec![author.clone()]);
    }
    if let Some(subject) = &metadata.subject {
        // krilla's "description" is written as `/Subject` and XMP `dc:description`.
        out = out.description(subject.clone());
    }
    if !metadata.keywords.is_empty() {
        out = out.keywords(metadata.keywords.clone());
    }
    if let Some(language) = &metadata.language {
        out = out.language(language.clone());
    }
    if let Some(seconds) = metadata.creation_date {
        out = out.creation_date(date_time(seconds)?);
    }
    Ok(out)
}

/// A Unix timestamp as a UTC date and time (krilla writes it with a `Z` offset).
fn date_time(seconds: i64) -> Result<DateTime, Error> {
    let out_of_range = || Error::CreationDate { seconds };
    let (year, month, day, second_of_day) = civil(seconds);
    let year = u16::try_from(year)
        .ok()
        .filter(|y| *y <= 9999)
        .ok_or_else(out_of_range)?;
    // Each narrowing below is in range by construction of `civil`.
    let narrow = |v: i64| u8::try_from(v).map_err(|_| out_of_range());
    Ok(DateTime::new(year)
        .month(narrow(month)?)
        .day(narrow(day)?)
        .hour(narrow(second_of_day / 3600)?)
        .minute(narrow(second_of_day / 60 % 60)?)
        .second(narrow(second_of_day % 60)?)
        .utc_offset_hour(0)
        .utc_offset_minute(0))
}

/// Splits a Unix timestamp into (year, month 1–12, day 1–31, second of the day) in the
/// proleptic Gregorian calendar, after Howard Hinnant's `civil_from_days`. Written out here
/// rather than pulling in a date crate for one conversion.
fn civil(seconds: i64) -> (i64, i64, i64, i64) {
    let days = seconds.div_euclid(86_400);
    let second_of_day = seconds.rem_euclid(86_400);
    // Shift the epoch to 0000-03-01 so leap days fall at the end of a 400-year era.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day, second_of_day)
}

#[cfg(test)]
mod tests {
    use super::civil;

    #[test]
    fn epoch_is_1970_01_01() {
        assert_eq!(civil(0), (1970, 1, 1, 0));
    }

    #[test]
    fn known_dates() {
        // 2000-02-29T12:34:56Z, a leap day in a year divisible by 400.
        assert_eq!(civil(951_827_696), (2000, 2, 29, 45_296));
        // 2024-12-31T23:59:59Z.
        assert_eq!(civil(1_735_689_599), (2024, 12, 31, 86_399));
        // 1969-12-31T23:59:59Z, one second before the epoch.
        assert_eq!(civil(-1), (1969, 12, 31, 86_399));
        // 2100-03-01T00:00:00Z, after a non-leap century.
        assert_eq!(civil(4_107_542_400), (2100, 3, 1, 0));
    }

    #[test]
    fn dates_outside_pdf_years_are_errors() {
        assert!(super::date_time(i64::MIN).is_err());
        assert!(super::date_time(i64::MAX).is_err());
        assert!(super::date_time(253_402_300_799).is_ok()); // 9999-12-31T23:59:59Z
        assert!(super::date_time(253_402_300_800).is_err()); // 10000-01-01
    }
}
