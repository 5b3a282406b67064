//! Time as a value passed in by the driver.
//!
//! `SystemTime::now()` panics on wasm32-unknown-unknown and makes tests depend on the day
//! they run, so nothing in this crate reads a clock: the web app, the native server and the
//! tests each hand a [`Timestamp`] to every call that needs one.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Seconds since 1970-01-01T00:00:00Z. Facteur shows every date in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

const DAY: i64 = 86_400;
const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date and time of day in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// 0 is Thursday, the weekday of 1970-01-01.
    weekday_from_thursday: usize,
}

impl Timestamp {
    /// Midnight UTC of a calendar day.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Timestamp {
        Timestamp(days_from_civil(year, month, day) * DAY)
    }

    /// This instant plus some seconds.
    pub fn plus_seconds(self, seconds: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(seconds))
    }

    /// The date and time of day it is, in UTC.
    pub fn civil(self) -> Civil {
        let days = self.0.div_euclid(DAY);
        let secs = self.0.rem_euclid(DAY);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: (secs / 60 % 60) as u32,
            second: (secs % 60) as u32,
            weekday_from_thursday: days.rem_euclid(7) as usize,
        }
    }

    /// The date form of RFC 5322 §3.3, as in `Date:` and `Received:` headers:
    /// `Fri, 27 Nov 2026 16:51:58 +0000`.
    pub fn rfc5322(self) -> String {
        let c = self.civil();
        format!(
            "{}, {} {} {} {:02}:{:02}:{:02} +0000",
            WEEKDAYS[c.weekday_from_thursday],
            c.day,
            MONTHS[(c.month - 1) as usize],
            c.year,
            c.hour,
            c.minute,
            c.second
        )
    }
}

/// Text that is not a `YYYY-MM-DDTHH:MM:SSZ` date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadTimestamp(pub String);

impl std::str::FromStr for Timestamp {
    type Err = BadTimestamp;

    /// Reads the ISO 8601 form that [`Timestamp`]'s `Display` writes, in UTC.
    fn from_str(text: &str) -> Result<Timestamp, BadTimestamp> {
        let bad = || BadTimestamp(text.to_owned());
        let b = text.as_bytes();
        let shape_ok = b.len() == 20
            && [4, 7].iter().all(|&i| b[i] == b'-')
            && b[10] == b'T'
            && [13, 16].iter().all(|&i| b[i] == b':')
            && b[19] == b'Z';
        if !shape_ok {
            return Err(bad());
        }
        let num = |range: std::ops::Range<usize>| -> Result<i64, BadTimestamp> {
            text.get(range)
                .filter(|t| t.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|t| t.parse().ok())
                .ok_or_else(bad)
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&month)
            || !(1..=31).contains(&day)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return Err(bad());
        }
        let midnight = Timestamp::from_ymd(year, month as u32, day as u32);
        if midnight.civil().day != day as u32 {
            return Err(bad());
        }
        Ok(midnight.plus_seconds(hour * 3600 + minute * 60 + second))
    }
}

impl fmt::Display for Timestamp {
    /// ISO 8601 in UTC, for logs and transcripts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.civil();
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            c.year, c.month, c.day, c.hour, c.minute, c.second
        )
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (eras of 400 years, March-based years).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_was_a_thursday() {
        assert_eq!(Timestamp(0).rfc5322(), "Thu, 1 Jan 1970 00:00:00 +0000");
    }

    #[test]
    fn dates_format_as_rfc_5322_headers_expect() {
        let t = Timestamp::from_ymd(2026, 11, 27).plus_seconds(16 * 3600 + 51 * 60 + 58);
        assert_eq!(t.rfc5322(), "Fri, 27 Nov 2026 16:51:58 +0000");
        assert_eq!(t.to_string(), "2026-11-27T16:51:58Z");
    }

    #[test]
    fn iso_text_round_trips_and_nonsense_is_refused() {
        let t: Timestamp = "2026-11-20T09:14:00Z".parse().expect("valid");
        assert_eq!(t.to_string(), "2026-11-20T09:14:00Z");
        for bad in [
            "2026-02-30T00:00:00Z",
            "2026-11-20 09:14:00Z",
            "2026-13-01T00:00:00Z",
            "yesterday",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn leap_days_and_year_ends_round_trip() {
        for (y, m, d) in [
            (2024, 2, 29),
            (2000, 2, 29),
            (1999, 12, 31),
            (2100, 3, 1),
            (1969, 12, 31),
        ] {
            let t = Timestamp::from_ymd(y, m, d);
            let c = t.civil();
            assert_eq!((c.year, c.month, c.day), (y, m, d));
        }
    }

    #[test]
    fn every_day_for_a_few_centuries_round_trips() {
        for days in -50_000..120_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
