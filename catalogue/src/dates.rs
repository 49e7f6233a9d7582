//! Days of the calendar (UTC) and the unix seconds bundle headers carry.
//!
//! The sources write days (`issued_at = "2026-11-28"`), headers carry seconds, and people read
//! days again: in the change log, in `catalogue stats`, and in every refusal that names a date.

use time::{Date, Month, OffsetDateTime, Time};

/// Unix seconds at 00:00 UTC of a `YYYY-MM-DD` date, or `None` when it is not a real date.
pub fn unix_day(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
    Some(date.with_time(Time::MIDNIGHT).assume_utc().unix_timestamp())
}

/// `YYYY-MM-DD` (UTC) of unix seconds: the inverse of [`unix_day`]. Seconds beyond the years the
/// calendar covers (±9999), which only a damaged header holds, are shown as seconds.
pub fn civil_date(seconds: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(seconds) {
        Ok(moment) => moment.date().to_string(),
        Err(_) => format!("{seconds} (unix seconds)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_day_matches_known_dates() {
        assert_eq!(unix_day("1970-01-01"), Some(0));
        assert_eq!(unix_day("2026-11-28"), Some(1_795_824_000));
        assert_eq!(unix_day("2024-02-29"), Some(1_709_164_800));
        assert_eq!(unix_day(" 2024-02-29\n"), Some(1_709_164_800));
        assert_eq!(unix_day("2025-02-29"), None);
        assert_eq!(unix_day("2026-13-01"), None);
        assert_eq!(unix_day("2026-04-31"), None);
        assert_eq!(unix_day("2026-11"), None);
        assert_eq!(unix_day("soon"), None);
        for date in ["1970-01-01", "2024-02-29", "2026-11-28", "2100-12-31"] {
            assert_eq!(civil_date(unix_day(date).expect("a real date")), date);
        }
    }

    #[test]
    fn civil_date_reads_any_second_of_the_day_and_never_fails() {
        assert_eq!(civil_date(1_795_824_000 + 86_399), "2026-11-28");
        assert_eq!(civil_date(-1), "1969-12-31");
        assert_eq!(civil_date(i64::MAX), format!("{} (unix seconds)", i64::MAX));
    }
}
