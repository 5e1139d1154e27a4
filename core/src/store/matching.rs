//! The facts matching needs: the protégé of an application with their reporting line, and
//! every mentor who might be suggested with the protégés they hold in the wanted period; and
//! the proposal of a whole cohort's assignment, which saves nothing.
//!
//! A handful of queries whatever the size of the register: one for the application, one per
//! step up the reporting line, and one for all the mentors (with their holdings counted by
//! SQLite), never one per mentor.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::mentors::MENTOR_NAME;
use super::{not_found, Store};
use crate::matching::{self, Candidate, Reason, Seeker, Suggestion};
use crate::selection::Application;
use crate::Result;

/// The proposed assignment of a cohort: one row per application ready for matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CohortProposal {
    pub rows: Vec<ProposalRow>,
    /// The sum of the proposed pairs' scores.
    pub total_score: u32,
    /// Applications left without a mentor.
    pub unmatched: usize,
}

/// One application of a cohort proposal, with the mentor proposed (if any) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalRow {
    pub application_id: i64,
    pub reference: String,
    pub protege: String,
    pub mentor_id: Option<i64>,
    pub mentor: Option<String>,
    pub score: u32,
    /// The proposed pair's reasons, as `suggestions` gives them; empty when unmatched.
    pub reasons: Vec<Reason>,
}

const SEEKER: &str = "SELECT a.id, p.id, s.id, s.first_names || ' ' || s.surname, p.kind,
        CASE WHEN trim(p.development_needs) <> '' THEN p.development_needs ELSE p.career_goals END,
        s.location, s.gender, s.date_of_birth, a.preferred_gender, a.preferred_language,
        a.wanted_start, a.wanted_end
    FROM application a
    JOIN protege p ON p.id = a.protege_id
    JOIN staff s ON s.id = p.staff_id
    WHERE a.id = ?1";

fn seeker_from_row(r: &Row) -> rusqlite::Result<Seeker> {
    Ok(Seeker {
        application_id: r.get(0)?,
        protege_id: r.get(1)?,
        staff_id: r.get(2)?,
        name: r.get(3)?,
        kind: r.get(4)?,
        needs: r.get(5)?,
        location: r.get(6)?,
        gender: r.get(7)?,
        date_of_birth: r.get(8)?,
        reporting_line: Vec::new(),
        preferred_gender: r.get(9)?,
        preferred_language: r.get(10)?,
        wanted_start: r.get(11)?,
        wanted_end: r.get(12)?,
    })
}

/// The draft and active mentorships that count against a mentor's capacity.
/// The places a mentor holds: draft and active mentorships, and protégés proposed to the
/// mentor (matched) who have not been answered yet, each with its period.
const HELD_PERIODS: &str = "SELECT mentor_id, start_date, end_date FROM mentorship
        WHERE status IN ('draft', 'active') AND archived_at IS NULL
    UNION ALL
    SELECT mentor_id, wanted_start, wanted_end FROM application WHERE state = 'matched'";

impl Store {
    /// Every mentor on the register scored for one application, ranked (`matching::suggest`).
    ///
    /// `today` is not needed: every rule is judged against the wanted period, so a suggestion
    /// made today and one made next week agree as long as the register does.
    pub fn suggestions(&self, application_id: i64, today: NaiveDate) -> Result<Vec<Suggestion>> {
        let _ = today;
        let seeker = self.seeker(application_id)?;
        let candidates = self.candidates(seeker.wanted_start, seeker.wanted_end)?;
        Ok(matching::suggest(&seeker, &candidates, &self.settings()?))
    }

    /// The best assignment of the applications ready for matching (of one intake, or all when
    /// `intake` is none or empty) to mentors within their places free (`matching::assign`).
    /// Saves nothing: the officer accepts it with `accept_cohort`.
    ///
    /// Each pair is scored against its own application's wanted period, so a row's score and
    /// reasons are those `suggestions` shows. The places a mentor has left, though, are counted
    /// over the cohort's widest period (earliest start to latest end): the proposal then never
    /// gives a mentor more protégés than they can take at any moment of it, whichever of the
    /// cohort's periods overlap. Counting per application cannot be expressed as one capacity
    /// per mentor, and for an intake, whose periods are alike, the two counts agree.
    pub fn cohort_proposal(
        &self,
        intake: Option<&str>,
        today: NaiveDate,
    ) -> Result<CohortProposal> {
        let _ = today;
        let settings = self.settings()?;
        let intake = intake.filter(|i| !i.is_empty());
        let applications = self.matchable_applications(intake)?;
        let seekers = applications
            .iter()
            .map(|a| self.seeker(a.id.unwrap_or_default()))
            .collect::<Result<Vec<_>>>()?;
        let (Some(from), Some(to)) = (
            seekers.iter().map(|s| s.wanted_start).min(),
            seekers.iter().map(|s| s.wanted_end).max(),
        ) else {
            return Ok(CohortProposal {
                rows: Vec::new(),
                total_score: 0,
                unmatched: 0,
            });
        };
        let candidates = self.candidates(from, to)?;
        let held = self.held_periods(from, to)?;
        let holding = |i: usize, j: usize| -> u32 {
            let s = &seekers[i];
            let periods = held
                .get(&candidates[j].mentor_id)
                .map_or(&[][..], Vec::as_slice);
            let overlapping = periods
                .iter()
                .filter(|(start, end)| *start <= s.wanted_end && s.wanted_start <= *end)
                .count();
            u32::try_from(overlapping).unwrap_or(u32::MAX)
        };
        let scored = matching::fit_matrix(&seekers, &candidates, holding, &settings);
        let fit: Vec<Vec<Option<u32>>> = scored
            .iter()
            .map(|row| {
                row.iter()
                    .map(|s| s.excluded.is_none().then_some(s.score))
                    .collect()
            })
            .collect();
        let places: Vec<u32> = candidates
            .iter()
            .map(|c| settings.mentor_capacity.saturating_sub(c.holding))
            .collect();
        let chosen = matching::assign(&fit, &places);

        let mut rows = Vec::with_capacity(seekers.len());
        for ((seeker, column), mut suggestions) in seekers.iter().zip(chosen).zip(scored) {
            let mut row = ProposalRow {
                application_id: seeker.application_id,
                reference: Application::reference(seeker.application_id),
                protege: seeker.name.clone(),
                mentor_id: None,
                mentor: None,
                score: 0,
                reasons: Vec::new(),
            };
            if let Some(j) = column {
                let s = suggestions.swap_remove(j);
                row.mentor_id = Some(s.mentor_id);
                row.mentor = Some(s.name);
                row.score = s.score;
                row.reasons = s.reasons;
            }
            rows.push(row);
        }
        Ok(CohortProposal {
            total_score: rows.iter().map(|r| r.score).sum(),
            unmatched: rows.iter().filter(|r| r.mentor_id.is_none()).count(),
            rows,
        })
    }

    /// The protégé of an application as matching sees them, with their reporting line.
    fn seeker(&self, application_id: i64) -> Result<Seeker> {
        let mut seeker = self
            .conn
            .prepare_cached(SEEKER)?
            .query_row([application_id], seeker_from_row)
            .map_err(not_found("Application", application_id))?;
        seeker.reporting_line = self.reporting_line(seeker.staff_id)?;
        Ok(seeker)
    }

    /// The staff member's line managers, nearest first, by the same rule the pairing rules use
    /// (`line_manager_of`: their own, or their unit's). A register whose lines loop back stops
    /// at the first person met twice.
    fn reporting_line(&self, staff_id: i64) -> Result<Vec<i64>> {
        let mut line = Vec::new();
        let mut current = staff_id;
        while let Some(manager) = self.line_manager_of(current)? {
            if manager == staff_id || line.contains(&manager) {
                break;
            }
            line.push(manager);
            current = manager;
        }
        Ok(line)
    }

    /// Every mentor not archived, with the protégés they hold between `from` and `to`.
    fn candidates(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Candidate>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.id, {MENTOR_NAME}, o.name, m.staff_id, m.fields_of_expertise, m.languages,
                    m.training_completed_on, m.appointment_start, m.appointment_end,
                    m.years_experience, trim(m.experience_override_reason) <> '',
                    coalesce(h.held, 0), ms.location, ms.gender, ms.date_of_birth
             FROM mentor m
             LEFT JOIN staff ms ON ms.id = m.staff_id
             LEFT JOIN organisation o ON o.id = m.organisation_id
             LEFT JOIN (SELECT mentor_id, count(*) AS held FROM ({HELD_PERIODS})
                        WHERE start_date <= ?2 AND ?1 <= end_date
                        GROUP BY mentor_id) h ON h.mentor_id = m.id
             WHERE m.archived_at IS NULL
             ORDER BY m.id"
        ))?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok(Candidate {
                mentor_id: r.get(0)?,
                name: r.get(1)?,
                organisation: r.get(2)?,
                staff_id: r.get(3)?,
                fields_of_expertise: r.get(4)?,
                languages: r.get(5)?,
                trained_on: r.get(6)?,
                appointment_start: r.get(7)?,
                appointment_end: r.get(8)?,
                years_experience: r.get(9)?,
                experience_override: r.get(10)?,
                holding: r.get(11)?,
                location: r.get(12)?,
                gender: r.get(13)?,
                date_of_birth: r.get(14)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The periods of the mentorships each mentor holds that touch `from`..=`to`.
    fn held_periods(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<HashMap<i64, Vec<(NaiveDate, NaiveDate)>>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT mentor_id, start_date, end_date FROM ({HELD_PERIODS})
             WHERE start_date <= ?2 AND ?1 <= end_date"
        ))?;
        let mut held: HashMap<i64, Vec<(NaiveDate, NaiveDate)>> = HashMap::new();
        let rows = stmt.query_map(params![from, to], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?))
        })?;
        for row in rows {
            let (mentor, start, end) = row?;
            held.entry(mentor).or_default().push((start, end));
        }
        Ok(held)
    }
}

impl Store {
    /// The protégé's most recent application that can still be matched (submitted, under
    /// review, or declined by the last mentor proposed), if any.
    pub fn latest_open_application(&self, protege_id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id FROM application
                 WHERE protege_id = ?1 AND state IN ('submitted', 'under_review', 'mentor_declined')
                 ORDER BY received_on DESC, id DESC LIMIT 1",
            )?
            .query_row([protege_id], |r| r.get(0))
            .optional()?)
    }
}
