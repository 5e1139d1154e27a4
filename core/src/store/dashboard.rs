//! The dashboard's queries: each finds one kind of thing that needs attention on `today`.
//! Only active mentorships (not archived) are looked at, apart from appointments, which
//! follow the workload's warnings.

use chrono::{Days, NaiveDate};
use rusqlite::params;

use super::mentors::MENTOR_NAME;
use super::Store;
use crate::dashboard::{self, Attention, AttentionKind};
use crate::progress::Period;
use crate::session::ActionOwner;
use crate::settings::Settings;
use crate::workload::appointment_warnings;
use crate::Result;

/// The joins that name a mentorship's mentor (`mentor_name`) and protégé (`protege_name`).
const PAIR: &str = "JOIN mentor m ON m.id = x.mentor_id
    LEFT JOIN staff ms ON ms.id = m.staff_id
    JOIN protege p ON p.id = x.protege_id
    JOIN staff ps ON ps.id = p.staff_id";

const PROTEGE_NAME: &str = "ps.first_names || ' ' || ps.surname";

impl Store {
    /// Everything that needs attention on `today`, grouped in the order of `AttentionKind`.
    pub fn dashboard(&self, today: NaiveDate) -> Result<Vec<Attention>> {
        let settings = self.settings()?;
        let mut items = Vec::new();
        self.overdue_event_lines(today, &mut items)?;
        self.report_due_lines(today, &mut items)?;
        self.evaluation_lines(today, &mut items)?;
        self.unsigned_lines(today, &mut items)?;
        self.no_recent_session_lines(today, settings.no_session_warning_days, &mut items)?;
        self.appointment_lines(today, &settings, &mut items)?;
        self.action_lines(today, &mut items)?;
        self.dispute_lines(today, &mut items)?;
        Ok(items)
    }

    fn overdue_event_lines(&self, today: NaiveDate, items: &mut Vec<Attention>) -> Result<()> {
        for e in self.overdue_events(today)? {
            items.push(Attention {
                kind: AttentionKind::OverdueEvent,
                text: dashboard::overdue_event(&e.event.title, e.event.due_on, today),
                about: dashboard::about(e.event.mentorship_id, &e.protege, &e.mentor),
                date: Some(e.event.due_on),
                mentorship_id: Some(e.event.mentorship_id),
                mentor_id: None,
            });
        }
        Ok(())
    }

    /// Reports not yet written for the quarter containing `today` (due by its end) and for
    /// the quarter before it (overdue).
    fn report_due_lines(&self, today: NaiveDate, items: &mut Vec<Attention>) -> Result<()> {
        let quarter_of = |day: NaiveDate| -> Result<Option<Period>> {
            Ok(Period::quarter_containing(&self.cycle_for(day)?, day))
        };
        let Some(current) = quarter_of(today)? else {
            return Ok(());
        };
        let mut periods = Vec::new();
        if let Some(previous) = current
            .from
            .checked_sub_days(Days::new(1))
            .map(quarter_of)
            .transpose()?
            .flatten()
        {
            periods.push(previous);
        }
        periods.push(current);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.id, {MENTOR_NAME}, {PROTEGE_NAME} FROM mentorship x {PAIR}
             WHERE x.status = 'active' AND x.archived_at IS NULL
               AND x.start_date <= ?2 AND x.end_date >= ?1
               AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.mentorship_id = x.id
                               AND r.period_from = ?1 AND r.period_to = ?2)
             ORDER BY x.start_date, x.id"
        ))?;
        for period in periods {
            let rows = stmt.query_map(params![period.from, period.to], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (id, mentor, protege) = row?;
                items.push(Attention {
                    kind: AttentionKind::ReportDue,
                    text: dashboard::report_due(&period.label, period.to, today),
                    about: dashboard::about(id, &protege, &mentor),
                    date: Some(period.to),
                    mentorship_id: Some(id),
                    mentor_id: None,
                });
            }
        }
        Ok(())
    }

    /// Active mentorships that have run for the setting's number of days without a session
    /// in that time.
    fn no_recent_session_lines(
        &self,
        today: NaiveDate,
        days: u32,
        items: &mut Vec<Attention>,
    ) -> Result<()> {
        let Some(cutoff) = today.checked_sub_days(Days::new(u64::from(days))) else {
            return Ok(());
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.id, {MENTOR_NAME}, {PROTEGE_NAME}, x.start_date,
                    (SELECT max(s.held_on) FROM session s WHERE s.mentorship_id = x.id) AS last
             FROM mentorship x {PAIR}
             WHERE x.status = 'active' AND x.archived_at IS NULL
               AND x.start_date <= ?1 AND x.end_date >= ?2
               AND coalesce(last, '') < ?1
             ORDER BY last, x.start_date, x.id"
        ))?;
        let rows = stmt.query_map(params![cutoff, today], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, NaiveDate>(3)?,
                r.get::<_, Option<NaiveDate>>(4)?,
            ))
        })?;
        for row in rows {
            let (id, mentor, protege, start, last) = row?;
            items.push(Attention {
                kind: AttentionKind::NoRecentSession,
                text: dashboard::no_recent_session(last, start, today),
                about: dashboard::about(id, &protege, &mentor),
                date: last.or(Some(start)),
                mentorship_id: Some(id),
                mentor_id: None,
            });
        }
        Ok(())
    }

    fn appointment_lines(
        &self,
        today: NaiveDate,
        settings: &Settings,
        items: &mut Vec<Attention>,
    ) -> Result<()> {
        for facts in self.mentor_facts(today)? {
            for w in appointment_warnings(&facts, today, settings) {
                items.push(Attention {
                    kind: AttentionKind::Appointment,
                    text: w.message,
                    about: facts.name.clone(),
                    date: w.date,
                    mentorship_id: w.mentorship_id,
                    mentor_id: Some(w.mentor_id),
                });
            }
        }
        Ok(())
    }

    fn evaluation_lines(&self, today: NaiveDate, items: &mut Vec<Attention>) -> Result<()> {
        for o in self.evaluations_owed(today)? {
            items.push(Attention {
                kind: AttentionKind::EvaluationDue,
                text: dashboard::evaluation_due(o.form, o.due_on, o.overdue, today),
                about: dashboard::about(o.mentorship_id, &o.protege, &o.mentor),
                date: Some(o.due_on),
                mentorship_id: Some(o.mentorship_id),
                mentor_id: None,
            });
        }
        Ok(())
    }

    fn unsigned_lines(&self, today: NaiveDate, items: &mut Vec<Attention>) -> Result<()> {
        for u in self.unsigned_papers(today)? {
            let doc = &u.document;
            items.push(Attention {
                kind: AttentionKind::Unsigned,
                text: doc.reminder(u.days),
                about: format!("{}: {}", doc.reference, doc.title),
                date: Some(doc.since),
                mentorship_id: u.mentorship_id,
                mentor_id: u.mentor_id,
            });
        }
        Ok(())
    }

    fn action_lines(&self, today: NaiveDate, items: &mut Vec<Attention>) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.id, {MENTOR_NAME}, {PROTEGE_NAME}, a.description, a.owner, a.due_on
             FROM session_action a
             JOIN session s ON s.id = a.session_id
             JOIN mentorship x ON x.id = s.mentorship_id {PAIR}
             WHERE a.done_on IS NULL AND a.due_on < ?1
               AND x.status = 'active' AND x.archived_at IS NULL
             ORDER BY a.due_on, a.id"
        ))?;
        let rows = stmt.query_map([today], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, ActionOwner>(4)?,
                r.get::<_, NaiveDate>(5)?,
            ))
        })?;
        for row in rows {
            let (id, mentor, protege, description, owner, due_on) = row?;
            items.push(Attention {
                kind: AttentionKind::ActionPastDue,
                text: dashboard::action_past_due(&description, owner.label(), due_on, today),
                about: dashboard::about(id, &protege, &mentor),
                date: Some(due_on),
                mentorship_id: Some(id),
                mentor_id: None,
            });
        }
        Ok(())
    }

    /// Open disputes of mentorships not archived whose last step (or raising, without one) is
    /// more than a month before `today`, the longest waiting first.
    fn dispute_lines(&self, today: NaiveDate, items: &mut Vec<Attention>) -> Result<()> {
        let Some(cutoff) = today.checked_sub_months(chrono::Months::new(1)) else {
            return Ok(());
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT d.id, x.id, {MENTOR_NAME}, {PROTEGE_NAME}
             FROM dispute d JOIN mentorship x ON x.id = d.mentorship_id {PAIR}
             WHERE x.archived_at IS NULL AND d.raised_on < ?1
             ORDER BY d.raised_on, d.id"
        ))?;
        let rows = stmt
            .query_map([cutoff], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stalled = Vec::new();
        for (dispute_id, mentorship_id, mentor, protege) in rows {
            let history = self.dispute(dispute_id)?;
            let last = history.last_moved_on();
            if history.state == crate::dispute::State::Open && last < cutoff {
                stalled.push(Attention {
                    kind: AttentionKind::DisputeStalled,
                    text: dashboard::dispute_stalled(&history.dispute.subject, last, today),
                    about: dashboard::about(mentorship_id, &protege, &mentor),
                    date: Some(last),
                    mentorship_id: Some(mentorship_id),
                    mentor_id: None,
                });
            }
        }
        stalled.sort_by_key(|a| a.date);
        items.extend(stalled);
        Ok(())
    }
}
