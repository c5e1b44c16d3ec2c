//! Calendar dates as days since 1970-01-01 (proleptic Gregorian), through
//! `xunyue_core::date`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (`xunyue_core::date`, the calendar the engine reads dates with).
    pub fn days(self) -> i64 {
        i64::from(xunyue_core::date::from_civil(self.year, self.month, self.day))
    }

    pub fn from_days(z: i64) -> Date {
        let (year, month, day) = xunyue_core::date::civil(z as xunyue_core::date::Day);
        Date { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7) as u32
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// `YYYY-MM-DD`
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `YYYYMMDD`
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        assert_eq!(Date::new(1970, 1, 1).days(), 0);
        assert_eq!(Date::new(2000, 3, 1).days(), 11_017);
        assert_eq!(Date::new(2024, 2, 29).add_days(1), Date::new(2024, 3, 1));
        assert_eq!(Date::new(2019, 1, 3).weekday(), 3); // a Thursday
        for d in Date::new(2018, 12, 1).days()..Date::new(2025, 2, 1).days() {
            assert_eq!(Date::from_days(d).days(), d);
        }
    }
}
