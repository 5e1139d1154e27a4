//! Gathers the facts of the workload view: every mentor with the open mentorships that have
//! not ended yet.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::mentors::MENTOR_NAME;
use super::Store;
use crate::workload::{appointment_warnings, MentorFacts, MentorLoad, OpenMentorship, Warning};
use crate::Result;

/// The workload's order of mentors, by surname (an external mentor's name), of `mentor m`
/// joined to its staff record as `ms`.
pub(super) const MENTOR_ORDER: &str = "coalesce(ms.surname, m.external_name), m.id";

/// A mentorship `x` the workload counts on `?1`: a draft or active one, not archived, that has
/// not ended.
pub(super) const OPEN: &str =
    "x.status IN ('draft', 'active') AND x.archived_at IS NULL AND x.end_date >= ?1";

/// The workload view: one line per mentor and the warnings about appointments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workload {
    pub mentors: Vec<MentorLoad>,
    pub warnings: Vec<Warning>,
}

impl Store {
    /// Every mentor not archived, in the workload's order (by surname), with the open
    /// mentorships that have not ended by `today`.
    pub fn mentor_facts(&self, today: NaiveDate) -> Result<Vec<MentorFacts>> {
        self.facts_where(today, None)
    }

    /// One mentor's facts, as `mentor_facts` gives them.
    pub(super) fn mentor_facts_of(&self, mentor_id: i64, today: NaiveDate) -> Result<MentorFacts> {
        self.facts_where(today, Some(mentor_id))?
            .pop()
            .ok_or(crate::Error::NotFound {
                what: "Mentor",
                id: mentor_id,
            })
    }

    /// The facts of every mentor, or of the one given.
    fn facts_where(&self, today: NaiveDate, mentor_id: Option<i64>) -> Result<Vec<MentorFacts>> {
        // One statement each way, so that one mentor's facts are read through its key and the
        // mentorships' index rather than by a scan of every mentor. Both bind the mentor's id,
        // which every mentor's statement only finds empty.
        let (one_mentor, one_mentorship) = match mentor_id {
            Some(_) => ("AND m.id = ?1", "AND x.mentor_id = ?2"),
            None => ("AND ?1 IS NULL", "AND ?2 IS NULL"),
        };
        let mut mentors = self.conn.prepare_cached(&format!(
            "SELECT m.id, {MENTOR_NAME}, o.name, m.appointment_start, m.appointment_end
             FROM mentor m
             LEFT JOIN staff ms ON ms.id = m.staff_id
             LEFT JOIN organisation o ON o.id = m.organisation_id
             WHERE m.archived_at IS NULL {one_mentor}
             ORDER BY {MENTOR_ORDER}"
        ))?;
        let mut facts = mentors
            .query_map([mentor_id], |r| {
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
        let mut open = self.conn.prepare_cached(&format!(
            "SELECT x.mentor_id, x.id, ps.first_names || ' ' || ps.surname, x.start_date,
                    x.end_date, x.frequency, x.meeting_minutes, x.capacity_override_reason
             FROM mentorship x
             JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             WHERE {OPEN} {one_mentorship}
             ORDER BY x.start_date, x.id",
        ))?;
        let rows = open.query_map(params![today, mentor_id], |r| {
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
