//! A mentorship's disputes and the steps taken on each. The details of a dispute and the notes
//! of its steps are confidential: they leave this module only through `dispute` (the form) or
//! when a caller includes them by name (`Confidential::Included`), and a save from a form that
//! left them out keeps what is stored. Whether a step follows the route is `dispute`'s.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::{not_found, Store};
use crate::dispute::{Dispute, DisputeHistory, Step};
use crate::session::Confidential;
use crate::{Error, Result};

const DISPUTE_COLUMNS: &str = "id, mentorship_id, raised_on, raised_by, parties, subject, details";
const STEP_COLUMNS: &str = "id, dispute_id, kind, taken_on, outcome, decided_by, notes";

fn dispute_from_row(r: &Row) -> rusqlite::Result<Dispute> {
    Ok(Dispute {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        raised_on: r.get(2)?,
        raised_by: r.get(3)?,
        parties: r.get(4)?,
        subject: r.get(5)?,
        details: r.get(6)?,
    })
}

fn step_from_row(r: &Row) -> rusqlite::Result<Step> {
    Ok(Step {
        id: r.get(0)?,
        dispute_id: r.get(1)?,
        kind: r.get(2)?,
        taken_on: r.get(3)?,
        outcome: r.get(4)?,
        decided_by: r.get(5)?,
        notes: r.get(6)?,
    })
}

/// Checks that every step still follows the route once `steps` are what the dispute holds: a
/// correction or a removal may not leave a later step without the step it rests on.
fn check_route(dispute: &Dispute, m: &crate::domain::Mentorship, steps: &[Step]) -> Result<()> {
    for (n, step) in steps.iter().enumerate() {
        let others: Vec<Step> = steps
            .iter()
            .enumerate()
            .filter(|&(o, _)| o != n)
            .map(|(_, s)| s.clone())
            .collect();
        // The dates were checked against the day each step was recorded.
        if let Err(Error::Invalid { message, .. }) =
            step.validate(dispute, m, &others, NaiveDate::MAX)
        {
            return Err(Error::invalid(
                "kind",
                format!(
                    "The step \"{}\" of {} would no longer follow the route: {message}",
                    step.kind.label(),
                    step.taken_on
                ),
            ));
        }
    }
    Ok(())
}

impl Store {
    /// A mentorship's disputes, oldest first, each with its steps and state, without the
    /// confidential details and notes: the list shows them to anyone looking at the screen.
    pub fn disputes(&self, mentorship_id: i64) -> Result<Vec<DisputeHistory>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {DISPUTE_COLUMNS} FROM dispute WHERE mentorship_id = ?1 ORDER BY raised_on, id"
        ))?;
        let disputes = stmt
            .query_map([mentorship_id], dispute_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        disputes
            .into_iter()
            .map(|d| {
                let steps = self.dispute_steps(d.id.unwrap_or_default())?;
                Ok(DisputeHistory::new(d, steps).without_confidential())
            })
            .collect()
    }

    /// One dispute with its steps, for its form or one document, with the confidential text
    /// only when `confidential` says so.
    pub fn dispute_for(&self, id: i64, confidential: Confidential) -> Result<DisputeHistory> {
        let history = self.dispute(id)?;
        Ok(match confidential {
            Confidential::Included => history,
            Confidential::LeftOut => history.without_confidential(),
        })
    }

    /// One dispute with its steps and all their confidential text.
    pub fn dispute(&self, id: i64) -> Result<DisputeHistory> {
        let dispute = self
            .conn
            .query_row(
                &format!("SELECT {DISPUTE_COLUMNS} FROM dispute WHERE id = ?1"),
                [id],
                dispute_from_row,
            )
            .map_err(not_found("Dispute", id))?;
        Ok(DisputeHistory::new(dispute, self.dispute_steps(id)?))
    }

    /// A dispute's steps in the order they were taken.
    fn dispute_steps(&self, dispute_id: i64) -> Result<Vec<Step>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STEP_COLUMNS} FROM dispute_step WHERE dispute_id = ?1 ORDER BY taken_on, id"
        ))?;
        let rows = stmt.query_map([dispute_id], step_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a dispute from a form that showed its details or not (`confidential`): a form that
    /// left them out sent none back, so the details already stored are kept, and a new dispute
    /// gets none from it.
    pub fn save_dispute_for(
        &mut self,
        mut dispute: Dispute,
        confidential: Confidential,
        today: NaiveDate,
    ) -> Result<i64> {
        if confidential == Confidential::LeftOut {
            dispute.details = match dispute.id {
                Some(id) => self.dispute(id)?.dispute.details,
                None => String::new(),
            };
        }
        self.save_dispute(&dispute, today)
    }

    /// Records a dispute (no id) or corrects one; returns its id.
    pub fn save_dispute(&mut self, d: &Dispute, today: NaiveDate) -> Result<i64> {
        let m = self.mentorship(d.mentorship_id)?;
        let steps = match d.id {
            Some(id) => self.dispute_steps(id)?,
            None => Vec::new(),
        };
        d.validate(&m, &steps, today)?;
        let tx = self.conn.savepoint()?;
        let values = params![
            d.id,
            d.mentorship_id,
            d.raised_on,
            d.raised_by,
            d.parties,
            d.subject.trim(),
            d.details.trim()
        ];
        let id = match d.id {
            None => {
                tx.execute(
                    "INSERT INTO dispute (id, mentorship_id, raised_on, raised_by, parties, subject,
                         details)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    values,
                )?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE dispute SET raised_on = ?3, raised_by = ?4, parties = ?5, subject = ?6,
                         details = ?7
                     WHERE id = ?1 AND mentorship_id = ?2",
                    values,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Dispute",
                        id,
                    });
                }
                id
            }
        };
        tx.commit()?;
        Ok(id)
    }

    /// Removes a dispute recorded by mistake. One with steps recorded keeps its history: its
    /// steps are removed first, each on its own.
    pub fn remove_dispute(&mut self, id: i64) -> Result<()> {
        let history = self.dispute(id)?;
        if !history.steps.is_empty() {
            return Err(Error::invalid(
                "dispute",
                format!(
                    "The dispute \"{}\" has {} step(s) recorded; remove them first if the whole \
                     dispute was recorded by mistake.",
                    history.dispute.subject,
                    history.steps.len()
                ),
            ));
        }
        let tx = self.conn.savepoint()?;
        tx.execute("DELETE FROM dispute WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Saves a step from a form that showed its notes or not (`confidential`): a form that
    /// left them out sent none back, so the notes already stored are kept, and a new step gets
    /// none from it.
    pub fn save_dispute_step_for(
        &mut self,
        mut step: Step,
        confidential: Confidential,
        today: NaiveDate,
    ) -> Result<i64> {
        if confidential == Confidential::LeftOut {
            step.notes = match step.id {
                Some(id) => self
                    .conn
                    .query_row("SELECT notes FROM dispute_step WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .map_err(not_found("Dispute step", id))?,
                None => String::new(),
            };
        }
        self.save_dispute_step(&step, today)
    }

    /// Records a step on a dispute (no id) or corrects one, checked against the route with the
    /// dispute's other steps; returns its id.
    pub fn save_dispute_step(&mut self, s: &Step, today: NaiveDate) -> Result<i64> {
        let history = self.dispute(s.dispute_id)?;
        let m = self.mentorship(history.dispute.mentorship_id)?;
        let mut steps: Vec<Step> = history
            .steps
            .into_iter()
            .filter(|o| s.id.is_none() || o.id != s.id)
            .collect();
        s.validate(&history.dispute, &m, &steps, today)?;
        steps.push(s.clone());
        check_route(&history.dispute, &m, &steps)?;
        let tx = self.conn.savepoint()?;
        let values = params![
            s.id,
            s.dispute_id,
            s.kind,
            s.taken_on,
            s.outcome,
            s.decided_by.trim(),
            s.notes.trim()
        ];
        let id = match s.id {
            None => {
                tx.execute(
                    "INSERT INTO dispute_step (id, dispute_id, kind, taken_on, outcome, decided_by,
                         notes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    values,
                )?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE dispute_step SET kind = ?3, taken_on = ?4, outcome = ?5,
                         decided_by = ?6, notes = ?7
                     WHERE id = ?1 AND dispute_id = ?2",
                    values,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Dispute step",
                        id,
                    });
                }
                id
            }
        };
        tx.commit()?;
        Ok(id)
    }

    /// Removes a step recorded in error, unless a later step rests on it (the referral on the
    /// decision, every step on raising the dispute with the coordinator).
    pub fn remove_dispute_step(&mut self, id: i64) -> Result<()> {
        let dispute_id: i64 = self
            .conn
            .query_row(
                "SELECT dispute_id FROM dispute_step WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(not_found("Dispute step", id))?;
        let history = self.dispute(dispute_id)?;
        let m = self.mentorship(history.dispute.mentorship_id)?;
        let left: Vec<Step> = history
            .steps
            .into_iter()
            .filter(|s| s.id != Some(id))
            .collect();
        check_route(&history.dispute, &m, &left)?;
        let tx = self.conn.savepoint()?;
        tx.execute("DELETE FROM dispute_step WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }
}
