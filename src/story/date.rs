//! Calendar dates as stories write them (`YYYY-MM-DD`), and the short forms cards show.

use super::problem::{Problem, What};

/// A calendar date, checked for a real day of a real month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a date does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    value: String,
    what: What,
    month: u32,
}

impl DateError {
    /// The problem at a JSON path.
    pub fn problem(&self, path: String) -> Problem {
        Problem::new(path, self.what, &[("value", &self.value), ("month", &self.month.to_string())])
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.problem(String::new()).message())
    }
}

/// The days a stop lasts, start and end included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
}

impl Date {
    /// Parses `YYYY-MM-DD`; the error says why.
    ///
    /// ```
    /// use tripmap::story::Date;
    /// assert_eq!(Date::parse("2022-10-03").unwrap().day, 3);
    /// assert!(Date::parse("2022-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let bad = || DateError { value: s.to_string(), what: What::NotADate, month: 0 };
        let parts: Vec<&str> = s.split('-').collect();
        if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(bad());
        }
        let num = |p: &str| p.parse::<u32>().ok().filter(|_| p.bytes().all(|b| b.is_ascii_digit()));
        let (Some(year), Some(month), Some(day)) = (num(parts[0]), num(parts[1]), num(parts[2])) else {
            return Err(bad());
        };
        if !(1..=12).contains(&month) {
            return Err(DateError { value: s.to_string(), what: What::NoMonth, month });
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1];
        if day == 0 || day > days {
            return Err(DateError { value: s.to_string(), what: What::NoDay, month });
        }
        Ok(Date { year: year as i32, month: month as u8, day: day as u8 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert_eq!(Date::parse("2023-02-29").unwrap_err().to_string(), "\"2023-02-29\" is not a day of that month");
        assert_eq!(Date::parse("2022-13-01").unwrap_err().to_string(), "\"2022-13-01\" has no month 13");
        assert_eq!(Date::parse("3 Oct").unwrap_err().to_string(), "\"3 Oct\" is not a date like 2022-10-03");
        assert!(Date::parse("2022-1-03").is_err());
        assert!(Date::parse("+022-10-03").is_err());
    }
}
