//! Gathers the facts of the workload view: every mentor with the open mentorships that have
//! not ended yet.

use chrono::NaiveDate;
use serde::Serialize;

use super::mentors::MENTOR_NAME;
use super::Store;
use crate::workload::{appointment_warnings, MentorFacts, MentorLoad, OpenMentorship, Warning};
use crate::Result;

/// The workload view: one line per mentor and the warnings about appointments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workload {
    pub mentors: Vec<MentorLoad>,
    pub warnings: Vec<Warning>,
}

impl Store {
    pub fn mentor_facts(&self, today: NaiveDate) -> Result<Vec<MentorFacts>> {
        let mut mentors = self.conn.prepare_cached(&format!(
            "SELECT m.id, {MENTOR_NAME}, o.name, m.appointment_start, m.appointment_end
             FROM mentor m
             LEFT JOIN staff ms ON ms.id = m.staff_id
             LEFT JOIN organisation o ON o.id = m.organisation_id
             WHERE m.archived_at IS NULL
             ORDER BY coalesce(ms.surname, m.external_name), m.id"
        ))?;
        let mut facts = mentors
            .query_map([], |r| {
                Ok(MentorFacts {
                    mentor_id: r.get(0)?,
                    name: r.get(1)?,
                    organisation: r.get(2)?,
                    appointment_start: r.get(3)?,
                    appointment_end: r.get(4)?,
                    mentorships: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut open = self.conn.prepare_cached(
            "SELECT x.mentor_id, x.id, ps.first_names || ' ' || ps.surname, x.start_date,
                    x.end_date, x.frequency, x.meeting_minutes, x.capacity_override_reason
             FROM mentorship x
             JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             WHERE x.status IN ('draft', 'active') AND x.archived_at IS NULL AND x.end_date >= ?1
             ORDER BY x.start_date, x.id",
        )?;
        let rows = open.query_map([today], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                OpenMentorship {
                    mentorship_id: r.get(1)?,
                    protege: r.get(2)?,
                    start_date: r.get(3)?,
                    end_date: r.get(4)?,
                    frequency: r.get(5)?,
                    meeting_minutes: r.get(6)?,
                    capacity_override_reason: r.get(7)?,
                },
            ))
        })?;
        let index: std::collections::HashMap<i64, usize> = facts
            .iter()
            .enumerate()
            .map(|(n, f)| (f.mentor_id, n))
            .collect();
        for row in rows {
            let (mentor_id, mentorship) = row?;
            if let Some(&n) = index.get(&mentor_id) {
                facts[n].mentorships.push(mentorship);
            }
        }
        Ok(facts)
    }

    /// Every mentor's load and every appointment warning on `today`.
    pub fn workload(&self, today: NaiveDate) -> Result<Workload> {
        let settings = self.settings()?;
        let facts = self.mentor_facts(today)?;
        Ok(Workload {
            mentors: facts.iter().map(|f| MentorLoad::of(f, &settings)).collect(),
            warnings: facts
                .iter()
                .flat_map(|f| appointment_warnings(f, today, &settings))
                .collect(),
        })
    }
}
