//! Performance cycles with their review dates.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};

use super::{not_found, Store};
use crate::cycle::Cycle;
use crate::{Error, Result};

const COLUMNS: &str =
    "id, name, start_date, end_date, q1_review, mid_cycle_review, q3_review, annual_assessment";

fn cycle_from_row(r: &Row) -> rusqlite::Result<Cycle> {
    Ok(Cycle {
        id: r.get(0)?,
        name: r.get(1)?,
        start_date: r.get(2)?,
        end_date: r.get(3)?,
        q1_review: r.get(4)?,
        mid_cycle_review: r.get(5)?,
        q3_review: r.get(6)?,
        annual_assessment: r.get(7)?,
    })
}

impl Store {
    pub fn cycle(&self, id: i64) -> Result<Cycle> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM cycle WHERE id = ?1"),
                [id],
                cycle_from_row,
            )
            .map_err(not_found("Performance cycle", id))
    }

    /// Every cycle, the latest first.
    pub fn cycles(&self) -> Result<Vec<Cycle>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM cycle ORDER BY start_date DESC"
        ))?;
        let rows = stmt.query_map([], cycle_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The cycle called `name` (e.g. "2026/27").
    pub fn cycle_named(&self, name: &str) -> Result<Cycle> {
        let found = self.cycles()?.into_iter().find(|c| c.name == name.trim());
        found.ok_or_else(|| {
            Error::invalid(
                "cycle",
                format!("There is no performance cycle called \"{}\".", name.trim()),
            )
        })
    }

    /// The recorded cycle that contains `day`, if any; reading commands use this so that
    /// they never write.
    pub fn cycle_containing(&self, day: NaiveDate) -> Result<Option<Cycle>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM cycle WHERE start_date <= ?1 AND ?1 <= end_date"),
                [day],
                cycle_from_row,
            )
            .optional()?)
    }

    /// The cycle recorded for `day`, or the one the settings' first month gives when none is;
    /// it writes nothing.
    pub fn cycle_for(&self, day: NaiveDate) -> Result<Cycle> {
        if let Some(cycle) = self.cycle_containing(day)? {
            return Ok(cycle);
        }
        let start_month = self.settings()?.cycle_start_month;
        Cycle::containing(day, start_month).ok_or_else(|| {
            Error::invalid(
                "cycle_start_month",
                format!("No performance cycle starting in month {start_month} contains {day}."),
            )
        })
    }

    /// The cycle that contains `day`; if none is recorded yet, the financial year of the
    /// settings is recorded and returned.
    pub fn ensure_cycle(&mut self, day: NaiveDate) -> Result<Cycle> {
        if let Some(cycle) = self.cycle_containing(day)? {
            return Ok(cycle);
        }
        let start_month = self.settings()?.cycle_start_month;
        let mut cycle = Cycle::containing(day, start_month).ok_or_else(|| {
            Error::invalid("cycle", format!("No performance cycle can contain {day}."))
        })?;
        cycle.id = Some(self.save_cycle(&cycle)?);
        Ok(cycle)
    }

    /// Records the cycle that follows the latest one, or the one containing `today` when
    /// there is none yet.
    pub fn add_next_cycle(&mut self, today: NaiveDate) -> Result<Cycle> {
        let day = match self.cycles()?.first() {
            Some(latest) => latest.end_date + chrono::Days::new(1),
            None => today,
        };
        self.ensure_cycle(day)
    }

    /// Saves a cycle; its name is unique and it may not overlap another cycle.
    pub fn save_cycle(&mut self, c: &Cycle) -> Result<i64> {
        c.validate()?;
        let name = c.name.trim();
        let clash: Option<String> = self
            .conn
            .query_row(
                "SELECT name FROM cycle WHERE id IS NOT ?1
                   AND (name = ?2 OR (start_date <= ?4 AND ?3 <= end_date))",
                rusqlite::params![c.id, name, c.start_date, c.end_date],
                |r| r.get(0),
            )
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        if let Some(other) = clash {
            let message = if other == name {
                format!("There is already a cycle called \"{name}\".")
            } else {
                format!(
                    "The cycle from {} to {} overlaps the cycle {other}; cycles may not overlap.",
                    c.start_date, c.end_date
                )
            };
            return Err(Error::invalid("name", message));
        }
        let params = rusqlite::params![
            c.id,
            name,
            c.start_date,
            c.end_date,
            c.q1_review,
            c.mid_cycle_review,
            c.q3_review,
            c.annual_assessment
        ];
        match c.id {
            None => {
                self.conn.execute(
                    "INSERT INTO cycle (id, name, start_date, end_date, q1_review, mid_cycle_review,
                        q3_review, annual_assessment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE cycle SET name = ?2, start_date = ?3, end_date = ?4, q1_review = ?5,
                        mid_cycle_review = ?6, q3_review = ?7, annual_assessment = ?8 WHERE id = ?1",
                    params,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Performance cycle",
                        id,
                    });
                }
                Ok(id)
            }
        }
    }
}
