//! Competency ratings, what is written on progress reports, termination steps, and the queries
//! a progress report needs beyond the session log.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

use super::sessions::agreed_action_from_row;
use super::{not_found, OpenAction, Store};
use crate::progress::{Period, Rating, ReportEntry};
use crate::termination::Step;
use crate::{Error, Result};

const RATING_COLUMNS: &str = "id, mentorship_id, competency, rated_on, scale, rating, evidence";

fn rating_from_row(r: &Row) -> rusqlite::Result<Rating> {
    Ok(Rating {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        competency: r.get(2)?,
        rated_on: r.get(3)?,
        scale: r.get(4)?,
        rating: r.get(5)?,
        evidence: r.get(6)?,
    })
}

const ENTRY_COLUMNS: &str = "id, mentorship_id, period_from, period_to, period_label, written_on,
    mentor_comments, protege_comments, scale, overall_rating, recommendation, recommendation_reason";

fn entry_from_row(r: &Row) -> rusqlite::Result<ReportEntry> {
    Ok(ReportEntry {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        period_from: r.get(2)?,
        period_to: r.get(3)?,
        period_label: r.get(4)?,
        written_on: r.get(5)?,
        mentor_comments: r.get(6)?,
        protege_comments: r.get(7)?,
        scale: r.get(8)?,
        overall_rating: r.get(9)?,
        recommendation: r.get(10)?,
        recommendation_reason: r.get(11)?,
    })
}

const STEP_COLUMNS: &str =
    "id, mentorship_id, kind, taken_on, initiated_by, notes, coordinator_informed, reason";

fn step_from_row(r: &Row) -> rusqlite::Result<Step> {
    Ok(Step {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        kind: r.get(2)?,
        taken_on: r.get(3)?,
        initiated_by: r.get(4)?,
        notes: r.get(5)?,
        coordinator_informed: r.get(6)?,
        reason: r.get(7)?,
    })
}

/// A period offered for a report.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OfferedPeriod {
    #[serde(flatten)]
    pub period: Period,
    /// The cycle the period belongs to, for grouping the choices.
    pub cycle: String,
    /// The quarter that contains today: the period chosen first.
    pub current: bool,
    /// Whether a report is written for it (always false when no mentorship was named).
    pub written: bool,
}

impl Store {
    /// The quarters, mid-cycle and annual periods of the cycle containing `today` and of the
    /// one before it, latest cycle first, leaving out periods that have not begun. With a
    /// mentorship, only the periods it runs in, each saying whether its report is written.
    pub fn offered_periods(
        &self,
        mentorship_id: Option<i64>,
        today: NaiveDate,
    ) -> Result<Vec<OfferedPeriod>> {
        let current = self.cycle_for(today)?;
        let previous = match current.start_date.pred_opt() {
            Some(day) => Some(self.cycle_for(day)?),
            None => None,
        };
        let this_quarter = Period::quarter_containing(&current, today);
        let (mentorship, written) = match mentorship_id {
            Some(id) => (Some(self.mentorship(id)?), self.report_entries(id)?),
            None => (None, Vec::new()),
        };
        Ok([Some(current), previous]
            .into_iter()
            .flatten()
            .flat_map(|cycle| {
                Period::of_cycle(&cycle)
                    .into_iter()
                    .map(move |period| (cycle.name.clone(), period))
            })
            .filter(|(_, p)| p.from <= today)
            .filter(|(_, p)| mentorship.as_ref().is_none_or(|m| m.overlaps(p.from, p.to)))
            .map(|(cycle, period)| OfferedPeriod {
                current: this_quarter.as_ref() == Some(&period),
                written: written
                    .iter()
                    .any(|e| e.period_from == period.from && e.period_to == period.to),
                cycle,
                period,
            })
            .collect())
    }

    /// The period from `from` to `to`: the quarter, mid-cycle or annual period of the cycle
    /// containing `from` when the dates are exactly one of them, with its name; otherwise the
    /// range, named by its dates.
    pub fn report_period(&self, from: NaiveDate, to: NaiveDate) -> Result<Period> {
        let of_cycle = match self.cycle_for(from) {
            Ok(cycle) => Period::of_cycle(&cycle),
            Err(_) => Vec::new(),
        };
        match of_cycle.into_iter().find(|p| p.from == from && p.to == to) {
            Some(period) => Ok(period),
            None => Period::range(from, to),
        }
    }

    /// A mentorship's competency ratings, oldest first.
    pub fn ratings(&self, mentorship_id: i64) -> Result<Vec<Rating>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {RATING_COLUMNS} FROM competency_rating WHERE mentorship_id = ?1
             ORDER BY rated_on, id"
        ))?;
        let rows = stmt.query_map([mentorship_id], rating_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a rating (no id) or corrects one; returns its id.
    pub fn save_rating(&mut self, r: &Rating, today: NaiveDate) -> Result<i64> {
        r.validate(&self.mentorship(r.mentorship_id)?, today)?;
        let values = params![
            r.id,
            r.mentorship_id,
            r.competency.trim(),
            r.rated_on,
            r.scale,
            r.rating,
            r.evidence.trim()
        ];
        match r.id {
            None => {
                self.conn.execute(
                    "INSERT INTO competency_rating (id, mentorship_id, competency, rated_on, scale, rating, evidence)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    values,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE competency_rating SET competency = ?3, rated_on = ?4, scale = ?5,
                         rating = ?6, evidence = ?7
                     WHERE id = ?1 AND mentorship_id = ?2",
                    values,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "Rating", id });
                }
                Ok(id)
            }
        }
    }

    pub fn remove_rating(&mut self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM competency_rating WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound { what: "Rating", id });
        }
        Ok(())
    }

    /// What was written on the report of a mentorship for exactly this period, if anything.
    pub fn report_entry(
        &self,
        mentorship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Option<ReportEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM progress_report
             WHERE mentorship_id = ?1 AND period_from = ?2 AND period_to = ?3"
        ))?;
        Ok(stmt
            .query_row(params![mentorship_id, from, to], entry_from_row)
            .optional()?)
    }

    /// Every report written for a mentorship, latest period first.
    pub fn report_entries(&self, mentorship_id: i64) -> Result<Vec<ReportEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ENTRY_COLUMNS} FROM progress_report WHERE mentorship_id = ?1
             ORDER BY period_to DESC, period_from DESC"
        ))?;
        let rows = stmt.query_map([mentorship_id], entry_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes a report's comments, rating and recommendation after checking them against the
    /// record; a second entry for the same mentorship and period replaces the first.
    pub fn save_report_entry(&mut self, e: &ReportEntry, today: NaiveDate) -> Result<i64> {
        let m = self.mentorship(e.mentorship_id)?;
        e.validate(&m, &self.termination_steps(e.mentorship_id)?, today)?;
        let tx = self.conn.savepoint()?;
        if let Some(id) = e.id {
            let changed = tx.execute(
                "DELETE FROM progress_report WHERE id = ?1 AND mentorship_id = ?2",
                params![id, e.mentorship_id],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "Progress report",
                    id,
                });
            }
        }
        tx.execute(
            "INSERT INTO progress_report (id, mentorship_id, period_from, period_to, period_label,
                 written_on, mentor_comments, protege_comments, scale, overall_rating,
                 recommendation, recommendation_reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (mentorship_id, period_from, period_to) DO UPDATE SET
                 period_label = excluded.period_label, written_on = excluded.written_on,
                 mentor_comments = excluded.mentor_comments,
                 protege_comments = excluded.protege_comments, scale = excluded.scale,
                 overall_rating = excluded.overall_rating,
                 recommendation = excluded.recommendation,
                 recommendation_reason = excluded.recommendation_reason",
            params![
                e.id,
                e.mentorship_id,
                e.period_from,
                e.period_to,
                e.period_label.trim(),
                e.written_on,
                e.mentor_comments.trim(),
                e.protege_comments.trim(),
                e.scale,
                e.overall_rating,
                e.recommendation,
                e.recommendation_reason.trim()
            ],
        )?;
        let id = tx.query_row(
            "SELECT id FROM progress_report
             WHERE mentorship_id = ?1 AND period_from = ?2 AND period_to = ?3",
            params![e.mentorship_id, e.period_from, e.period_to],
            |r| r.get(0),
        )?;
        tx.commit()?;
        Ok(id)
    }

    pub fn remove_report_entry(&mut self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM progress_report WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound {
                what: "Progress report",
                id,
            });
        }
        Ok(())
    }

    /// The termination steps recorded for a mentorship, in the order they were taken.
    pub fn termination_steps(&self, mentorship_id: i64) -> Result<Vec<Step>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STEP_COLUMNS} FROM termination_step WHERE mentorship_id = ?1
             ORDER BY taken_on, id"
        ))?;
        let rows = stmt.query_map([mentorship_id], step_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn termination_step(&self, id: i64) -> Result<Step> {
        self.conn
            .query_row(
                &format!("SELECT {STEP_COLUMNS} FROM termination_step WHERE id = ?1"),
                [id],
                step_from_row,
            )
            .map_err(not_found("Termination step", id))
    }

    /// Records a termination step (no id) or corrects one; returns its id.
    pub fn save_termination_step(&mut self, s: &Step, today: NaiveDate) -> Result<i64> {
        s.validate(&self.mentorship(s.mentorship_id)?, today)?;
        let values = params![
            s.id,
            s.mentorship_id,
            s.kind,
            s.taken_on,
            s.initiated_by.trim(),
            s.notes.trim(),
            s.coordinator_informed,
            s.reason
        ];
        match s.id {
            None => {
                self.conn.execute(
                    "INSERT INTO termination_step (id, mentorship_id, kind, taken_on, initiated_by,
                         notes, coordinator_informed, reason)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    values,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE termination_step SET kind = ?3, taken_on = ?4, initiated_by = ?5,
                         notes = ?6, coordinator_informed = ?7, reason = ?8
                     WHERE id = ?1 AND mentorship_id = ?2",
                    values,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Termination step",
                        id,
                    });
                }
                Ok(id)
            }
        }
    }

    pub fn remove_termination_step(&mut self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM termination_step WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound {
                what: "Termination step",
                id,
            });
        }
        Ok(())
    }

    /// Actions of a mentorship done from `from` to `to`, with the sessions that agreed them.
    pub fn completed_actions(
        &self,
        mentorship_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<OpenAction>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.description, a.owner, a.due_on, a.done_on, s.id, s.held_on
             FROM session_action a JOIN session s ON s.id = a.session_id
             WHERE s.mentorship_id = ?1 AND a.done_on BETWEEN ?2 AND ?3
             ORDER BY a.done_on, a.id",
        )?;
        let rows = stmt.query_map(params![mentorship_id, from, to], agreed_action_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The mentorships reported on for a range: every one under way in it (active, completed
    /// or terminated, not archived), by protégé's surname.
    pub fn reportable_mentorships(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.id FROM mentorship x
             JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             WHERE x.status <> 'draft' AND x.archived_at IS NULL
               AND x.start_date <= ?2 AND x.end_date >= ?1
             ORDER BY ps.surname, ps.first_names, x.id",
        )?;
        let rows = stmt.query_map(params![from, to], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
