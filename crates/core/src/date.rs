//! Dates: ISO `YYYY-MM-DD` strings as day numbers, the buckets of a
//! timeline, and date ranges. Build time checks every date of an archive
//! with [`parse`]; runtime buckets and filters with the rest.
//!
//! A [`Day`] counts days since 1970-01-01 in the proleptic Gregorian
//! calendar (after Howard Hinnant's `days_from_civil`), years 0000–9999:
//! what four ISO digits spell. Sorted ISO strings and their day numbers are
//! in the same order.
//!
//! # Buckets
//!
//! A [`Grain`] cuts time into buckets: days, ISO weeks (Monday to Sunday,
//! numbered in the year of their Thursday: `2024-W05`), calendar months
//! (`2024-01`) and years (`2024`); a day's key is itself (`2024-01-31`).
//! [`Grain::choose`] picks the finest grain that cuts a span into few enough
//! buckets ([`Grain::max_buckets`]): up to 60 days by day, up to 60 weeks
//! (about 14 months) by week, up to 72 months (6 years, so that an archive
//! of a few years reads month by month) by month, longer by year. A grain is
//! chosen only when the finer one has too many buckets, so a chart has 7–72
//! buckets (but for spans of under 9 days, or over 72 years).
//!
//! # Periods and ranges
//!
//! [`period`] reads any bucket key back as its first and last day (`2024` is
//! 2024-01-01 … 2024-12-31), so `from`/`to` accept a day, a week, a month or
//! a year. A [`DateRange`] is inclusive at both ends, either end open.

/// Days since 1970-01-01.
pub type Day = i32;

/// Why a string is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD` (nor `YYYY`, `YYYY-MM`, `YYYY-Www` where a period is read).
    Shape,
    /// A month outside 01–12.
    Month,
    /// A day the month does not have (`2023-02-29`, `2024-04-31`).
    Day,
    /// A week the year does not have (`2021-W53`).
    Week,
}

impl DateError {
    /// What is wrong, in English (errors of build time and of the CLI).
    pub fn message(self) -> &'static str {
        match self {
            DateError::Shape => "not a date (expected YYYY-MM-DD)",
            DateError::Month => "no such month (01-12)",
            DateError::Day => "no such day in that month",
            DateError::Week => "no such ISO week in that year",
        }
    }
}

/// The day number of a civil date (no checks).
pub fn from_civil(year: i32, month: u32, day: u32) -> Day {
    let y = year - i32::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day number.
pub fn civil(z: Day) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i32::from(month <= 2), month, day)
}

/// Days in a month of a year.
pub fn month_days(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// 0 = Monday … 6 = Sunday.
pub fn weekday(day: Day) -> u32 {
    // 1970-01-01 was a Thursday.
    (day + 3).rem_euclid(7) as u32
}

/// `n` ASCII digits at the start of `b`.
fn digits(b: &[u8], n: usize) -> Option<u32> {
    let d = b.get(..n)?;
    let mut v = 0u32;
    for &c in d {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(c - b'0');
    }
    Some(v)
}

/// An ISO date `YYYY-MM-DD` as its day number.
pub fn parse(s: &str) -> Result<Day, DateError> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateError::Shape);
    }
    let (Some(y), Some(m), Some(d)) = (digits(b, 4), digits(&b[5..], 2), digits(&b[8..], 2)) else {
        return Err(DateError::Shape);
    };
    if !(1..=12).contains(&m) {
        return Err(DateError::Month);
    }
    if d == 0 || d > month_days(y as i32, m) {
        return Err(DateError::Day);
    }
    Ok(from_civil(y as i32, m, d))
}

fn push_num(out: &mut String, v: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut n = v;
    let mut i = buf.len();
    while n > 0 || i == buf.len() {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for _ in (buf.len() - i)..width {
        out.push('0');
    }
    for &c in &buf[i..] {
        out.push(c as char);
    }
}

/// Appends `v` in decimal (the runtime's one number formatter, no `format!`).
pub fn push_decimal(out: &mut String, v: u64) {
    let mut buf = [0u8; 20];
    let mut n = v;
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &c in &buf[i..] {
        out.push(c as char);
    }
}

/// The ISO date `YYYY-MM-DD` of a day number.
pub fn iso(day: Day) -> String {
    let (y, m, d) = civil(day);
    let mut s = String::with_capacity(10);
    push_num(&mut s, y.max(0) as u32, 4);
    s.push('-');
    push_num(&mut s, m, 2);
    s.push('-');
    push_num(&mut s, d, 2);
    s
}

/// The ISO week of a day: `(week-year, week 1–53)`.
pub fn iso_week(day: Day) -> (i32, u32) {
    let thursday = day - weekday(day) as Day + 3;
    let year = civil(thursday).0;
    (year, ((thursday - from_civil(year, 1, 1)) / 7 + 1) as u32)
}

/// The Monday of week 1 of an ISO week-year.
fn week_one(year: i32) -> Day {
    let jan4 = from_civil(year, 1, 4);
    jan4 - weekday(jan4) as Day
}

/// How a timeline cuts time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grain {
    Day,
    Week,
    Month,
    Year,
}

impl Grain {
    pub const ALL: [Grain; 4] = [Grain::Day, Grain::Week, Grain::Month, Grain::Year];

    /// Its name (`day`, `week`, `month`, `year`).
    pub fn code(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Year => "year",
        }
    }

    pub fn parse(s: &str) -> Option<Grain> {
        Grain::ALL.into_iter().find(|g| g.code() == s)
    }

    /// The first day of the bucket holding `day`.
    pub fn start(self, day: Day) -> Day {
        match self {
            Grain::Day => day,
            Grain::Week => day - weekday(day) as Day,
            Grain::Month => {
                let (y, m, _) = civil(day);
                from_civil(y, m, 1)
            }
            Grain::Year => from_civil(civil(day).0, 1, 1),
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    pub fn next(self, start: Day) -> Day {
        match self {
            Grain::Day => start + 1,
            Grain::Week => start + 7,
            Grain::Month => {
                let (y, m, _) = civil(start);
                if m == 12 {
                    from_civil(y + 1, 1, 1)
                } else {
                    from_civil(y, m + 1, 1)
                }
            }
            Grain::Year => from_civil(civil(start).0 + 1, 1, 1),
        }
    }

    /// The last day of the bucket holding `day`.
    pub fn last(self, day: Day) -> Day {
        self.next(self.start(day)) - 1
    }

    /// The key of the bucket holding `day`: `2024-01-31`, `2024-W05`,
    /// `2024-01`, `2024`.
    pub fn key(self, day: Day) -> String {
        let mut s = String::with_capacity(10);
        match self {
            Grain::Day => return iso(day),
            Grain::Week => {
                let (y, w) = iso_week(day);
                push_num(&mut s, y.max(0) as u32, 4);
                s.push_str("-W");
                push_num(&mut s, w, 2);
            }
            Grain::Month => {
                let (y, m, _) = civil(day);
                push_num(&mut s, y.max(0) as u32, 4);
                s.push('-');
                push_num(&mut s, m, 2);
            }
            Grain::Year => push_num(&mut s, civil(day).0.max(0) as u32, 4),
        }
        s
    }

    /// How many buckets of this grain `first..=last` touches.
    pub fn count(self, first: Day, last: Day) -> u32 {
        if last < first {
            return 0;
        }
        let (a, b) = (civil(first), civil(last));
        let n = match self {
            Grain::Day => last - first + 1,
            Grain::Week => (self.start(last) - self.start(first)) / 7 + 1,
            Grain::Month => (b.0 * 12 + b.1 as i32) - (a.0 * 12 + a.1 as i32) + 1,
            Grain::Year => b.0 - a.0 + 1,
        };
        n as u32
    }

    /// Most buckets [`Grain::choose`] makes of a span with this grain.
    pub fn max_buckets(self) -> u32 {
        match self {
            Grain::Month => 72,
            Grain::Year => u32::MAX,
            _ => 60,
        }
    }

    /// The finest grain that cuts `first..=last` into at most its
    /// [`Grain::max_buckets`].
    pub fn choose(first: Day, last: Day) -> Grain {
        Grain::ALL.into_iter().find(|g| g.count(first, last) <= g.max_buckets()).unwrap_or(Grain::Year)
    }
}

/// The first and last day of a period written as a bucket key: a day
/// (`2024-01-31`), an ISO week (`2024-W05`), a month (`2024-01`) or a year
/// (`2024`).
pub fn period(s: &str) -> Result<(Day, Day), DateError> {
    let b = s.as_bytes();
    let year = digits(b, 4).ok_or(DateError::Shape)? as i32;
    match b.len() {
        4 => Ok((from_civil(year, 1, 1), from_civil(year, 12, 31))),
        7 if b[4] == b'-' => {
            let m = digits(&b[5..], 2).ok_or(DateError::Shape)?;
            if !(1..=12).contains(&m) {
                return Err(DateError::Month);
            }
            Ok((from_civil(year, m, 1), from_civil(year, m, month_days(year, m))))
        }
        8 if b[4] == b'-' && (b[5] == b'W' || b[5] == b'w') => {
            let w = digits(&b[6..], 2).ok_or(DateError::Shape)?;
            let start = week_one(year) + (w as Day - 1) * 7;
            if w == 0 || iso_week(start) != (year, w) {
                return Err(DateError::Week);
            }
            Ok((start, start + 6))
        }
        _ => parse(s).map(|d| (d, d)),
    }
}

/// Days from `from` to `to`, inclusive; either end open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl DateRange {
    /// Every day.
    pub const ALL: DateRange = DateRange { from: None, to: None };

    /// The range from the start of period `from` to the end of period `to`
    /// (see [`period`]); an empty string leaves that end open.
    pub fn parse(from: &str, to: &str) -> Result<DateRange, DateError> {
        let end = |s: &str, last: bool| -> Result<Option<Day>, DateError> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            let (a, b) = period(s)?;
            Ok(Some(if last { b } else { a }))
        };
        Ok(DateRange { from: end(from, false)?, to: end(to, true)? })
    }

    /// True for a day in the range.
    pub fn contains(&self, day: Day) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    /// True when neither end is set.
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_read_iso() {
        assert_eq!(from_civil(1970, 1, 1), 0);
        assert_eq!(from_civil(2000, 3, 1), 11_017);
        for d in from_civil(1899, 12, 1)..from_civil(2101, 2, 1) {
            let (y, m, day) = civil(d);
            assert_eq!(from_civil(y, m, day), d);
            assert!(parse(&iso(d)) == Ok(d), "{}", iso(d));
        }
        assert_eq!(iso(from_civil(24, 2, 29)), "0024-02-29");
        assert!(parse("0000-01-01") == Ok(from_civil(0, 1, 1)));
        assert!(parse("9999-12-31") == Ok(from_civil(9999, 12, 31)));
    }

    #[test]
    fn bad_dates_are_refused_with_why() {
        for (s, e) in [
            ("2024-02-30", DateError::Day),
            ("2023-02-29", DateError::Day),
            ("1900-02-29", DateError::Day),
            ("2024-04-31", DateError::Day),
            ("2024-01-00", DateError::Day),
            ("2024-13-01", DateError::Month),
            ("2024-00-10", DateError::Month),
            ("2024-1-31", DateError::Shape),
            ("2024/01/31", DateError::Shape),
            ("24-01-31", DateError::Shape),
            ("2024-01-31T", DateError::Shape),
            ("２０２４-01-31", DateError::Shape),
            ("+024-01-31", DateError::Shape),
            ("", DateError::Shape),
        ] {
            assert!(parse(s) == Err(e), "{s}: {}", parse(s).map_or_else(|e| e.message(), |_| "a date"));
        }
        assert!(parse("2000-02-29").is_ok());
    }

    #[test]
    fn weeks_are_iso_weeks() {
        // 2021-01-03 is a Sunday of week 53 of 2020; 2021-01-04 starts 2021-W01.
        assert_eq!(iso_week(from_civil(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(from_civil(2021, 1, 4)), (2021, 1));
        assert_eq!(iso_week(from_civil(2024, 12, 30)), (2025, 1));
        assert_eq!(iso_week(from_civil(2024, 1, 31)), (2024, 5));
        assert_eq!(Grain::Week.key(from_civil(2024, 1, 31)), "2024-W05");
        assert_eq!(weekday(from_civil(2024, 1, 29)), 0, "a Monday");
        assert_eq!(Grain::Week.start(from_civil(2024, 2, 4)), from_civil(2024, 1, 29));
        assert!(period("2020-W53") == Ok((from_civil(2020, 12, 28), from_civil(2021, 1, 3))));
        assert!(period("2021-W53") == Err(DateError::Week));
        assert!(period("2021-W00") == Err(DateError::Week));
        // Every week from 1990 to 2030 reads back from its key.
        let mut d = Grain::Week.start(from_civil(1990, 1, 1));
        while d < from_civil(2030, 1, 1) {
            assert!(period(&Grain::Week.key(d)) == Ok((d, d + 6)), "{}", Grain::Week.key(d));
            d += 7;
        }
    }

    #[test]
    fn buckets_have_keys_and_bounds() {
        let d = from_civil(2024, 1, 31);
        let keys: Vec<String> = Grain::ALL.iter().map(|g| g.key(d)).collect();
        assert_eq!(keys, ["2024-01-31", "2024-W05", "2024-01", "2024"]);
        assert_eq!(iso(Grain::Month.start(d)), "2024-01-01");
        assert_eq!(iso(Grain::Month.last(d)), "2024-01-31");
        assert_eq!(iso(Grain::Month.last(from_civil(2024, 2, 10))), "2024-02-29");
        assert_eq!(iso(Grain::Month.next(from_civil(2024, 12, 1))), "2025-01-01");
        assert_eq!(iso(Grain::Year.last(d)), "2024-12-31");
        assert_eq!(iso(Grain::Week.last(d)), "2024-02-04");
        for g in Grain::ALL {
            assert!(Grain::parse(g.code()) == Some(g));
            // Every key reads back as its bucket.
            for day in [d, from_civil(2020, 12, 31), from_civil(2021, 1, 1)] {
                assert!(period(&g.key(day)) == Ok((g.start(day), g.last(day))), "{}", g.key(day));
            }
        }
        assert!(Grain::parse("decade").is_none());
    }

    #[test]
    fn the_grain_follows_the_span() {
        let at = |y, m, d| from_civil(y, m, d);
        let base = at(2021, 3, 4);
        assert!(Grain::choose(base, base) == Grain::Day);
        assert!(Grain::choose(base, base + 59) == Grain::Day);
        assert!(Grain::choose(base, base + 60) == Grain::Week);
        assert!(Grain::choose(base, at(2022, 3, 4)) == Grain::Week);
        assert!(Grain::choose(base, at(2022, 6, 1)) == Grain::Month);
        assert!(Grain::choose(at(2019, 1, 1), at(2024, 12, 31)) == Grain::Month, "six years by month");
        assert!(Grain::choose(at(2019, 1, 1), at(2025, 1, 1)) == Grain::Year);
        assert!(Grain::choose(at(1900, 1, 1), at(2024, 1, 1)) == Grain::Year);
        // Between 7 and 72 buckets whenever the span is 9 days to 70 years.
        for span in (8..25_500).step_by(7) {
            let g = Grain::choose(base, base + span);
            let n = g.count(base, base + span);
            assert!((7..=72).contains(&n), "{span} days: {n} buckets by {}", g.code());
        }
        assert_eq!(Grain::Month.count(at(2020, 1, 31), at(2020, 2, 1)), 2);
        assert_eq!(Grain::Week.count(at(2024, 1, 28), at(2024, 1, 29)), 2, "Sunday, then Monday");
        assert_eq!(Grain::Day.count(base, base - 1), 0);
    }

    #[test]
    fn ranges_read_periods_and_are_inclusive() {
        let r = DateRange::parse("2021", "2021-03").map_err(|e| e.message()).expect("a range");
        assert!(r.from == Some(from_civil(2021, 1, 1)) && r.to == Some(from_civil(2021, 3, 31)));
        assert!(r.contains(from_civil(2021, 3, 31)) && r.contains(from_civil(2021, 1, 1)));
        assert!(!r.contains(from_civil(2021, 4, 1)) && !r.contains(from_civil(2020, 12, 31)));
        let open = DateRange::parse("", " ").map_err(|e| e.message()).expect("open");
        assert!(open.is_all() && open == DateRange::ALL && open.contains(i32::MIN) && open.contains(i32::MAX));
        let to = DateRange::parse("", "2021-02-03").map_err(|e| e.message()).expect("to only");
        assert!(to.contains(from_civil(1000, 1, 1)) && !to.contains(from_civil(2021, 2, 4)));
        assert!(DateRange::parse("2021-02-30", "") == Err(DateError::Day));
        assert!(DateRange::parse("", "2021-1") == Err(DateError::Shape));
        assert!(period("2021-13") == Err(DateError::Month));
    }

    #[test]
    fn numbers_format_without_format() {
        let mut s = String::new();
        for v in [0u64, 7, 10, 1234, u64::MAX] {
            push_decimal(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "0 7 10 1234 18446744073709551615 ");
    }
}
