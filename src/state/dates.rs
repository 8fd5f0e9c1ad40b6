//! Calendar dates as whole days: no time of day and no time zone, so a change to or
//! from daylight saving time can never move a session to another day. Civil-date
//! arithmetic from days since 1970-01-01 (Howard Hinnant's algorithms), in the
//! proleptic Gregorian calendar.

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i64,
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Years a reader may plan in: enough for any real plan, small enough that no
/// arithmetic can overflow.
pub const FIRST_YEAR: i64 = 1900;
pub const LAST_YEAR: i64 = 2200;

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date with this year, month (1-12) and day, if there is one.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<Date> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        // Days from civil (Hinnant): years start in March, so the leap day is last.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date {
            days: era * 146_097 + doe - 719_468,
        })
    }

    /// Parses an ISO date, `YYYY-MM-DD`, as a date input gives it.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Date::from_ymd(i64::from(digits(0..4)?), digits(5..7)?, digits(8..10)?)
    }

    /// Year, month (1-12) and day.
    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    /// The date `days` later (or earlier, if negative).
    pub fn plus_days(self, days: i64) -> Date {
        Date {
            days: self.days + days,
        }
    }

    /// Days from `self` to `later`.
    pub fn days_until(self, later: Date) -> i64 {
        later.days - self.days
    }

    /// 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday).
    pub fn weekday_index(self) -> usize {
        (self.days + 3).rem_euclid(7) as usize
    }

    pub fn weekday(self) -> &'static str {
        WEEKDAYS[self.weekday_index()]
    }

    /// `2026-12-07`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// `20261207`, as iCalendar writes a date.
    pub fn compact(self) -> String {
        self.iso().replace('-', "")
    }

    /// `Monday 7 December 2026`.
    pub fn long(self) -> String {
        let date = crate::content::text::human_date(&self.iso()).unwrap_or_default();
        format!("{} {date}", self.weekday())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(iso: &str) -> Date {
        Date::parse_iso(iso).unwrap()
    }

    #[test]
    fn the_epoch_and_known_weekdays() {
        assert_eq!(date("1970-01-01").days, 0);
        assert_eq!(date("1970-01-01").weekday(), "Thursday");
        assert_eq!(date("2026-12-07").weekday(), "Monday");
        assert_eq!(date("2000-02-29").weekday(), "Tuesday");
        assert_eq!(date("1969-12-31").weekday(), "Wednesday");
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = date("1900-01-01");
        let mut previous = start;
        for offset in 1..(300 * 366) {
            let day = start.plus_days(offset);
            let (y, m, d) = day.ymd();
            assert_eq!(Date::from_ymd(y, m, d), Some(day), "{y}-{m}-{d}");
            assert_eq!(day.weekday_index(), (previous.weekday_index() + 1) % 7);
            previous = day;
            if y == LAST_YEAR {
                break;
            }
        }
    }

    #[test]
    fn crosses_month_and_year_ends() {
        assert_eq!(date("2026-12-28").plus_days(7).iso(), "2027-01-04");
        assert_eq!(date("2026-01-29").plus_days(3).iso(), "2026-02-01");
        assert_eq!(date("2028-02-27").plus_days(2).iso(), "2028-02-29");
        assert_eq!(date("2027-02-27").plus_days(2).iso(), "2027-03-01");
        assert_eq!(date("2100-02-28").plus_days(1).iso(), "2100-03-01");
        assert_eq!(date("2000-02-28").plus_days(1).iso(), "2000-02-29");
        assert_eq!(date("2026-12-31").days_until(date("2027-01-01")), 1);
    }

    #[test]
    fn invalid_dates_are_refused() {
        for bad in [
            "",
            "2026-02-30",
            "2027-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-12-07",
            "2026/12/07",
            "2026-12-7",
            "abcd-ef-gh",
            "2026-12-07x",
            "1899-12-31",
            "2201-01-01",
            "+026-12-07",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
        assert!(Date::parse_iso(" 2028-02-29 ").is_some());
    }

    #[test]
    fn formats_for_people_and_for_calendars() {
        let day = date("2027-01-04");
        assert_eq!(day.long(), "Monday 4 January 2027");
        assert_eq!(day.compact(), "20270104");
        assert_eq!(day.iso(), "2027-01-04");
    }
}
