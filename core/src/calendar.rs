//! Working days: weekends and public holidays. South Africa's public holidays under the Public
//! Holidays Act 36 of 1994 are worked out here for any year (Easter by the Gregorian
//! computus), with the Act's rule that a holiday on a Sunday makes the Monday after it a
//! holiday too. The office may edit the list; `store::holidays` keeps it.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

impl Holiday {
    pub fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid("name", "The holiday's name is required."));
        }
        Ok(())
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous algorithm of 1876).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// South Africa's public holidays in `year`, in date order, with the Mondays that follow a
/// holiday on a Sunday. A Monday that is already a holiday (the Day of Goodwill after a
/// Christmas on Sunday) is not doubled.
pub fn south_african_holidays(year: i32) -> Vec<Holiday> {
    let fixed = [
        (1, 1, "New Year's Day"),
        (3, 21, "Human Rights Day"),
        (4, 27, "Freedom Day"),
        (5, 1, "Workers' Day"),
        (6, 16, "Youth Day"),
        (8, 9, "National Women's Day"),
        (9, 24, "Heritage Day"),
        (12, 16, "Day of Reconciliation"),
        (12, 25, "Christmas Day"),
        (12, 26, "Day of Goodwill"),
    ];
    let mut days: Vec<Holiday> = fixed
        .iter()
        .filter_map(|&(month, day, name)| {
            Some(Holiday {
                date: NaiveDate::from_ymd_opt(year, month, day)?,
                name: name.to_owned(),
            })
        })
        .collect();
    if let Some(easter) = easter_sunday(year) {
        days.extend([
            Holiday {
                date: easter - Days::new(2),
                name: "Good Friday".into(),
            },
            Holiday {
                date: easter + Days::new(1),
                name: "Family Day".into(),
            },
        ]);
    }
    let taken: BTreeSet<NaiveDate> = days.iter().map(|h| h.date).collect();
    let observed: Vec<Holiday> = days
        .iter()
        .filter(|h| h.date.weekday() == Weekday::Sun)
        .map(|h| Holiday {
            date: h.date + Days::new(1),
            name: format!("{} (observed)", h.name),
        })
        .filter(|h| !taken.contains(&h.date))
        .collect();
    days.extend(observed);
    days.sort_by_key(|h| h.date);
    days
}

/// The days on which the office works: Monday to Friday, except public holidays.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkingCalendar {
    holidays: BTreeSet<NaiveDate>,
}

impl WorkingCalendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> WorkingCalendar {
        WorkingCalendar {
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&day)
    }

    /// The first working day on or after `day`.
    pub fn on_or_after(&self, day: NaiveDate) -> Option<NaiveDate> {
        day.iter_days().take(366).find(|&d| self.is_working_day(d))
    }

    /// The `n`th working day (counting from 1) of the month that contains `day`, if the month
    /// has that many.
    pub fn nth_working_day_of_month(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        let first = day.with_day(1)?;
        let index = usize::try_from(n.checked_sub(1)?).ok()?;
        first
            .iter_days()
            .take_while(|d| d.month() == first.month())
            .filter(|&d| self.is_working_day(d))
            .nth(index)
    }

    /// The working day `n` working days after `day` (0: `day` itself if it is a working day,
    /// else the next one).
    pub fn add_working_days(&self, day: NaiveDate, n: u32) -> Option<NaiveDate> {
        let mut current = self.on_or_after(day)?;
        for _ in 0..n {
            current = self.on_or_after(current.succ_opt()?)?;
        }
        Some(current)
    }

    /// Working days from `from` to `to`, both included.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        if to < from {
            return 0;
        }
        let days = from.iter_days().take_while(|&d| d <= to);
        u32::try_from(days.filter(|&d| self.is_working_day(d)).count()).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn easter_falls_on_the_published_sundays() {
        for (year, easter) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), Some(date(easter)), "{year}");
        }
    }
}
