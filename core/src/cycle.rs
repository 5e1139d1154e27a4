//! Performance cycles: the financial year in which KPAs are set, with its review dates, and
//! the pro-rata arithmetic of how much of a cycle a mentorship covers. Storage lives in
//! `store::cycles`; this module holds no SQL.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cycle {
    pub id: Option<i64>,
    /// "2026/27" for a financial year that starts in April 2026.
    pub name: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// Quarterly feedback after the first quarter.
    pub q1_review: NaiveDate,
    /// The written mid-cycle review (it is also the second quarter's feedback).
    pub mid_cycle_review: NaiveDate,
    /// Quarterly feedback after the third quarter.
    pub q3_review: NaiveDate,
    /// The written annual assessment, after the cycle ends.
    pub annual_assessment: NaiveDate,
}

impl Cycle {
    /// The cycle that starts on the 1st of `start_month` in `start_year`, with its review
    /// dates at the ends of the first three quarters and the annual assessment at the end of
    /// the month after the cycle.
    pub fn starting(start_year: i32, start_month: u32) -> Option<Cycle> {
        let start = NaiveDate::from_ymd_opt(start_year, start_month, 1)?;
        let quarter_end = |quarters: u32| {
            start
                .checked_add_months(Months::new(3 * quarters))
                .and_then(|d| d.checked_sub_days(Days::new(1)))
        };
        let end = quarter_end(4)?;
        let name = if start_month == 1 {
            start_year.to_string()
        } else {
            format!("{start_year}/{:02}", (start_year + 1).rem_euclid(100))
        };
        Some(Cycle {
            id: None,
            name,
            start_date: start,
            end_date: end,
            q1_review: quarter_end(1)?,
            mid_cycle_review: quarter_end(2)?,
            q3_review: quarter_end(3)?,
            annual_assessment: start
                .checked_add_months(Months::new(13))?
                .checked_sub_days(Days::new(1))?,
        })
    }

    /// The cycle, starting in `start_month`, that contains `day`.
    pub fn containing(day: NaiveDate, start_month: u32) -> Option<Cycle> {
        let year = if day.month() >= start_month {
            day.year()
        } else {
            day.year() - 1
        };
        Cycle::starting(year, start_month)
    }

    /// The review dates with the words printed beside them, in order.
    pub fn reviews(&self) -> [(&'static str, NaiveDate); 4] {
        [
            ("First quarterly feedback", self.q1_review),
            ("Written mid-cycle review", self.mid_cycle_review),
            ("Third quarterly feedback", self.q3_review),
            ("Written annual assessment", self.annual_assessment),
        ]
    }

    pub fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid(
                "name",
                "The cycle's name is required, e.g. 2026/27.",
            ));
        }
        if self.end_date <= self.start_date {
            return Err(Error::invalid(
                "end_date",
                format!(
                    "The cycle's end date {} must be after its start date {}.",
                    self.end_date, self.start_date
                ),
            ));
        }
        let year_later = self.start_date + Months::new(12);
        if self.end_date >= year_later {
            return Err(Error::invalid(
                "end_date",
                format!(
                    "A performance cycle is at most a year: from {} it must end before {year_later}.",
                    self.start_date
                ),
            ));
        }
        let fields = [
            "q1_review",
            "mid_cycle_review",
            "q3_review",
            "annual_assessment",
        ];
        let latest = self.end_date + Months::new(3);
        let mut previous = self.start_date;
        for ((label, date), field) in self.reviews().into_iter().zip(fields) {
            if date < previous || date > latest {
                return Err(Error::invalid(
                    field,
                    format!(
                        "{label} on {date} is out of order: review dates run from the cycle's \
                         start {} to three months after its end ({latest}), each after the one before.",
                        self.start_date
                    ),
                ));
            }
            previous = date;
        }
        Ok(())
    }

    /// How many months of this cycle the span `start..=end` covers, pro rata by month: a month
    /// covered for half its days counts as half a month.
    pub fn months_covered(&self, start: NaiveDate, end: NaiveDate) -> f64 {
        let from = start.max(self.start_date);
        let to = end.min(self.end_date);
        if to < from {
            return 0.0;
        }
        let mut months = 0.0;
        let mut month_start = from.with_day(1).unwrap_or(from);
        while month_start <= to {
            let next = month_start + Months::new(1);
            let days_in_month = (next - month_start).num_days() as f64;
            let covered_from = from.max(month_start);
            let covered_to = to.min(next - Days::new(1));
            months += ((covered_to - covered_from).num_days() + 1) as f64 / days_in_month;
            month_start = next;
        }
        months
    }

    /// The cycle's length in months, counted the same way (12 for a financial year).
    pub fn months(&self) -> f64 {
        self.months_covered(self.start_date, self.end_date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_financial_year_runs_from_april_to_march_with_its_reviews() {
        let c = Cycle::containing(date(2026, 11, 23), 4).unwrap();
        assert_eq!(c.name, "2026/27");
        assert_eq!(
            (c.start_date, c.end_date),
            (date(2026, 4, 1), date(2027, 3, 31))
        );
        assert_eq!(c.q1_review, date(2026, 6, 30));
        assert_eq!(c.mid_cycle_review, date(2026, 9, 30));
        assert_eq!(c.q3_review, date(2026, 12, 31));
        assert_eq!(c.annual_assessment, date(2027, 4, 30));
        assert_eq!(
            Cycle::containing(date(2027, 3, 31), 4).unwrap().name,
            "2026/27"
        );
        assert_eq!(
            Cycle::containing(date(2099, 4, 1), 4).unwrap().name,
            "2099/00"
        );
        assert_eq!(Cycle::containing(date(2026, 2, 1), 1).unwrap().name, "2026");
        c.validate().unwrap();
    }

    #[test]
    fn months_are_counted_pro_rata_by_month() {
        let c = Cycle::starting(2026, 4).unwrap();
        assert_eq!(c.months(), 12.0);
        assert_eq!(c.months_covered(date(2026, 6, 1), date(2026, 12, 31)), 7.0);
        // Half of September (30 days) and all of October.
        assert_eq!(c.months_covered(date(2026, 9, 16), date(2026, 10, 31)), 1.5);
        // Only the part inside the cycle counts.
        assert_eq!(c.months_covered(date(2025, 1, 1), date(2026, 4, 30)), 1.0);
        assert_eq!(c.months_covered(date(2027, 3, 1), date(2028, 1, 1)), 1.0);
        assert_eq!(c.months_covered(date(2027, 4, 1), date(2028, 1, 1)), 0.0);
    }

    #[test]
    fn review_dates_out_of_order_are_refused_by_name() {
        let mut c = Cycle::starting(2026, 4).unwrap();
        c.q3_review = date(2026, 8, 1);
        let err = c.validate().unwrap_err();
        assert_eq!(err.field(), Some("q3_review"));
        assert!(err
            .to_string()
            .contains("Third quarterly feedback on 2026-08-01"));
    }
}
