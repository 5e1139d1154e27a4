//! Public holidays: each year's South African holidays written when the year is first
//! needed, then kept as the office edits them.

use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::Store;
use crate::calendar::{south_african_holidays, Holiday, WorkingCalendar};
use crate::{Error, Result};

impl Store {
    /// Writes `year`'s public holidays unless that year was written before (so a day the
    /// office removed does not come back).
    pub fn ensure_holidays(&mut self, year: i32) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let added = tx.execute(
            "INSERT OR IGNORE INTO holiday_year (year) VALUES (?1)",
            [year],
        )?;
        if added == 1 {
            for h in south_african_holidays(year) {
                tx.execute(
                    "INSERT OR IGNORE INTO holiday (date, name) VALUES (?1, ?2)",
                    params![h.date, h.name],
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The recorded holidays of `year`, in date order.
    pub fn holidays(&self, year: i32) -> Result<Vec<Holiday>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, name FROM holiday WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
        )?;
        let first = NaiveDate::from_ymd_opt(year, 1, 1);
        let last = NaiveDate::from_ymd_opt(year, 12, 31);
        let rows = stmt.query_map(params![first, last], |r| {
            Ok(Holiday {
                date: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a holiday, or renames or moves the one on `replacing`.
    pub fn save_holiday(&mut self, holiday: &Holiday, replacing: Option<NaiveDate>) -> Result<()> {
        holiday.validate()?;
        let taken: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM holiday WHERE date = ?1 AND date IS NOT ?2",
                params![holiday.date, replacing],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        if let Some(name) = taken {
            return Err(Error::invalid(
                "date",
                format!("{} is already a holiday: {name}.", holiday.date),
            ));
        }
        let tx = self.conn.savepoint()?;
        if let Some(old) = replacing {
            tx.execute("DELETE FROM holiday WHERE date = ?1", [old])?;
        }
        tx.execute(
            "INSERT INTO holiday (date, name) VALUES (?1, ?2)",
            params![holiday.date, holiday.name.trim()],
        )?;
        // A year the office has begun to edit keeps its own list.
        tx.execute(
            "INSERT OR IGNORE INTO holiday_year (year) VALUES (?1)",
            [holiday.date.year()],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn remove_holiday(&mut self, date: NaiveDate) -> Result<()> {
        let removed = self
            .conn
            .execute("DELETE FROM holiday WHERE date = ?1", [date])?;
        if removed == 0 {
            return Err(Error::invalid(
                "date",
                format!("{date} is not a recorded holiday."),
            ));
        }
        Ok(())
    }

    /// The working calendar for the years `from..=to`, writing any year's holidays not yet
    /// recorded.
    pub fn working_calendar(&mut self, from: i32, to: i32) -> Result<WorkingCalendar> {
        let mut days = Vec::new();
        for year in from..=to {
            self.ensure_holidays(year)?;
            days.extend(self.holidays(year)?.into_iter().map(|h| h.date));
        }
        Ok(WorkingCalendar::new(days))
    }
}
