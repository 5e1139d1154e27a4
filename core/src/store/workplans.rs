//! Work-plan events of mentorships: generating a new plan from the template, adding, moving and
//! removing events, the mentor's sign-off, and what is overdue.

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Row};
use serde::Serialize;

use super::mentors::MENTOR_NAME;
use super::{not_found, Store};
use crate::domain::Mentorship;
use crate::workplan::{generate, Template, WorkPlanEvent};
use crate::{Error, Result};

const COLUMNS: &str = "id, mentorship_id, due_on, kind, title, signed_off_on, sign_off_comment";

fn event_from_row(r: &Row) -> rusqlite::Result<WorkPlanEvent> {
    Ok(WorkPlanEvent {
        id: r.get(0)?,
        mentorship_id: r.get(1)?,
        due_on: r.get(2)?,
        kind: r.get(3)?,
        title: r.get(4)?,
        signed_off_on: r.get(5)?,
        sign_off_comment: r.get(6)?,
    })
}

/// An event past its date without the mentor's sign-off, with whom it concerns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverdueEvent {
    pub event: WorkPlanEvent,
    pub reference: String,
    pub mentor: String,
    pub protege: String,
    pub days_overdue: i64,
}

impl Store {
    pub fn work_plan_event(&self, id: i64) -> Result<WorkPlanEvent> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM work_plan_event WHERE id = ?1"),
                [id],
                event_from_row,
            )
            .map_err(not_found("Work-plan event", id))
    }

    /// A mentorship's work plan in date order.
    pub fn work_plan(&self, mentorship_id: i64) -> Result<Vec<WorkPlanEvent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM work_plan_event WHERE mentorship_id = ?1 ORDER BY due_on, id"
        ))?;
        let rows = stmt.query_map([mentorship_id], event_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes a new work plan for a mentorship that has none, from its meeting frequency and
    /// the settings' template, on working days. Returns the plan.
    pub fn generate_work_plan(&mut self, mentorship_id: i64) -> Result<Vec<WorkPlanEvent>> {
        let m = self.mentorship(mentorship_id)?;
        if !self.work_plan(mentorship_id)?.is_empty() {
            return Err(Error::invalid(
                "work_plan",
                format!(
                    "{} already has a work plan; add, move or remove its events instead.",
                    Mentorship::reference(mentorship_id)
                ),
            ));
        }
        let settings = self.settings()?;
        let template = Template {
            feedback_working_day: settings.workplan_feedback_working_day,
            review_every_months: settings.workplan_review_every_months,
        };
        let calendar = self.working_calendar(m.start_date.year(), m.end_date.year())?;
        let events = generate(&m, mentorship_id, &calendar, &template);
        let tx = self.conn.savepoint()?;
        for e in &events {
            tx.execute(
                "INSERT INTO work_plan_event (mentorship_id, due_on, kind, title) VALUES (?1, ?2, ?3, ?4)",
                params![mentorship_id, e.due_on, e.kind, e.title],
            )?;
        }
        tx.commit()?;
        self.work_plan(mentorship_id)
    }

    /// Adds an event or changes one that is not signed off; returns its id.
    pub fn save_work_plan_event(&mut self, e: &WorkPlanEvent) -> Result<i64> {
        let m = self.mentorship(e.mentorship_id)?;
        e.validate(&m)?;
        match e.id {
            None => {
                self.conn.execute(
                    "INSERT INTO work_plan_event (mentorship_id, due_on, kind, title) VALUES (?1, ?2, ?3, ?4)",
                    params![e.mentorship_id, e.due_on, e.kind, e.title.trim()],
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let old = self.work_plan_event(id)?;
                if old.mentorship_id != e.mentorship_id {
                    return Err(Error::invalid(
                        "mentorship_id",
                        "An event stays with its mentorship.",
                    ));
                }
                if let Some(day) = old.signed_off_on {
                    return Err(Error::invalid(
                        "due_on",
                        format!("The mentor signed this event off on {day}; it is kept as it was."),
                    ));
                }
                self.conn.execute(
                    "UPDATE work_plan_event SET due_on = ?2, kind = ?3, title = ?4 WHERE id = ?1",
                    params![id, e.due_on, e.kind, e.title.trim()],
                )?;
                Ok(id)
            }
        }
    }

    /// Removes an event that is not signed off.
    pub fn remove_work_plan_event(&mut self, id: i64) -> Result<()> {
        if let Some(day) = self.work_plan_event(id)?.signed_off_on {
            return Err(Error::invalid(
                "due_on",
                format!("The mentor signed this event off on {day}, so it stays in the plan."),
            ));
        }
        self.conn
            .execute("DELETE FROM work_plan_event WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Records the mentor's sign-off of an event, on a day not after `today`.
    pub fn sign_off_event(
        &mut self,
        id: i64,
        signed_off_on: NaiveDate,
        comment: &str,
        today: NaiveDate,
    ) -> Result<()> {
        let e = self.work_plan_event(id)?;
        let m = self.mentorship(e.mentorship_id)?;
        if signed_off_on > today {
            return Err(Error::invalid(
                "signed_off_on",
                format!("{signed_off_on} is in the future; record the sign-off once it is given."),
            ));
        }
        if signed_off_on < m.start_date {
            return Err(Error::invalid(
                "signed_off_on",
                format!(
                    "{signed_off_on} is before the mentorship began on {}.",
                    m.start_date
                ),
            ));
        }
        if e.signed_off_on.is_some() {
            return Err(Error::invalid(
                "signed_off_on",
                "This event is already signed off.",
            ));
        }
        self.conn.execute(
            "UPDATE work_plan_event SET signed_off_on = ?2, sign_off_comment = ?3 WHERE id = ?1",
            params![id, signed_off_on, comment.trim()],
        )?;
        Ok(())
    }

    /// Events of open mentorships past their date without a sign-off, the oldest first.
    pub fn overdue_events(&self, today: NaiveDate) -> Result<Vec<OverdueEvent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT e.id, e.mentorship_id, e.due_on, e.kind, e.title, e.signed_off_on,
                    e.sign_off_comment, {MENTOR_NAME}, ps.first_names || ' ' || ps.surname
             FROM work_plan_event e
             JOIN mentorship x ON x.id = e.mentorship_id
             JOIN mentor m ON m.id = x.mentor_id
             LEFT JOIN staff ms ON ms.id = m.staff_id
             JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             WHERE e.signed_off_on IS NULL AND e.due_on < ?1
               AND x.status IN ('draft', 'active') AND x.archived_at IS NULL
             ORDER BY e.due_on, e.id"
        ))?;
        let rows = stmt.query_map([today], |r| {
            let event = event_from_row(r)?;
            Ok(OverdueEvent {
                reference: Mentorship::reference(event.mentorship_id),
                days_overdue: (today - event.due_on).num_days(),
                mentor: r.get(7)?,
                protege: r.get(8)?,
                event,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
