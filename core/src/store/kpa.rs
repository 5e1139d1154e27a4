//! KPA allocations, kept as versions: a draft is changed in place; a final version never is.
//! Saving a change to a final version writes the next version as a draft, and finalising that
//! draft marks the version before it as superseded, so every version stays readable.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::mentors::MENTOR_NAME;
use super::{like_pattern, not_found, Store};
use crate::cycle::Cycle;
use crate::domain::Mentor;
use crate::kpa::{
    check_final, mentoring_kpa, Allocation, AllocationStatus, FinalFacts, Kpa, MentoringWorkload,
    MentorshipSpan, Norms, WeightRange, WorkloadLine,
};
use crate::{Error, Result, Rule};

const COLUMNS: &str = "id, mentor_id, cycle_id, version, status, consulted_on,
    consultation_outcome, consultation_notes, finalised_on";

fn allocation_from_row(r: &Row) -> rusqlite::Result<Allocation> {
    Ok(Allocation {
        id: r.get(0)?,
        mentor_id: r.get(1)?,
        cycle_id: r.get(2)?,
        version: r.get(3)?,
        status: r.get(4)?,
        consulted_on: r.get(5)?,
        consultation_outcome: r.get(6)?,
        consultation_notes: r.get(7)?,
        finalised_on: r.get(8)?,
        kpas: Vec::new(),
    })
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct AllocationQuery {
    pub cycle_id: Option<i64>,
    pub mentor_id: Option<i64>,
    #[serde(default)]
    pub text: String,
    /// Only the latest version of each mentor's allocation for a cycle.
    #[serde(default)]
    pub latest_only: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationRow {
    pub id: i64,
    pub mentor_id: i64,
    pub mentor: String,
    pub cycle_id: i64,
    pub cycle: String,
    pub version: u32,
    pub status: AllocationStatus,
    pub total_weight: u32,
    pub consulted_on: Option<NaiveDate>,
    pub finalised_on: Option<NaiveDate>,
}

impl Store {
    pub fn kpa_allocation(&self, id: i64) -> Result<Allocation> {
        let mut a = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM kpa_allocation WHERE id = ?1"),
                [id],
                allocation_from_row,
            )
            .map_err(not_found("KPA allocation", id))?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT title, outputs, indicators, weight, mentoring FROM kpa
             WHERE allocation_id = ?1 ORDER BY position",
        )?;
        a.kpas = stmt
            .query_map([id], |r| {
                Ok(Kpa {
                    title: r.get(0)?,
                    outputs: r.get(1)?,
                    indicators: r.get(2)?,
                    weight: r.get(3)?,
                    mentoring: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(a)
    }

    pub fn kpa_allocations(&self, q: &AllocationQuery) -> Result<Vec<AllocationRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.id, a.mentor_id, {MENTOR_NAME}, a.cycle_id, c.name, a.version, a.status,
                    (SELECT coalesce(sum(weight), 0) FROM kpa WHERE allocation_id = a.id),
                    a.consulted_on, a.finalised_on
             FROM kpa_allocation a
             JOIN cycle c ON c.id = a.cycle_id
             JOIN mentor m ON m.id = a.mentor_id
             LEFT JOIN staff ms ON ms.id = m.staff_id
             WHERE (?1 IS NULL OR a.cycle_id = ?1)
               AND (?2 IS NULL OR a.mentor_id = ?2)
               AND (?3 = '%%' OR ms.search_key LIKE ?3 ESCAPE '\\')
               AND (NOT ?4 OR a.version = (SELECT max(version) FROM kpa_allocation b
                                           WHERE b.mentor_id = a.mentor_id AND b.cycle_id = a.cycle_id))
             ORDER BY c.start_date DESC, ms.surname, ms.first_names, a.version DESC"
        ))?;
        let rows = stmt.query_map(
            params![
                q.cycle_id,
                q.mentor_id,
                like_pattern(&q.text),
                q.latest_only
            ],
            |r| {
                Ok(AllocationRow {
                    id: r.get(0)?,
                    mentor_id: r.get(1)?,
                    mentor: r.get(2)?,
                    cycle_id: r.get(3)?,
                    cycle: r.get(4)?,
                    version: r.get(5)?,
                    status: r.get(6)?,
                    total_weight: r.get(7)?,
                    consulted_on: r.get(8)?,
                    finalised_on: r.get(9)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every version of one mentor's allocation for one cycle, the latest first.
    pub fn kpa_history(&self, mentor_id: i64, cycle_id: i64) -> Result<Vec<AllocationRow>> {
        self.kpa_allocations(&AllocationQuery {
            cycle_id: Some(cycle_id),
            mentor_id: Some(mentor_id),
            ..AllocationQuery::default()
        })
    }

    /// The weight range that binds this mentor's KPAs, from the settings and salary level.
    pub fn kpa_range(&self, mentor_id: i64) -> Result<Option<WeightRange>> {
        let mentor = self.mentor(mentor_id)?;
        let level = match mentor.staff_id {
            Some(id) => self.staff(id)?.salary_level,
            None => None,
        };
        Ok(WeightRange::for_level(&self.settings()?, level))
    }

    /// The mentoring KPA worked out now from the mentor's mentorships that touch the cycle.
    pub fn mentoring_workload(&self, mentor_id: i64, cycle: &Cycle) -> Result<MentoringWorkload> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.id, ps.first_names || ' ' || ps.surname, x.start_date, x.end_date
             FROM mentorship x
             JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             WHERE x.mentor_id = ?1 AND x.archived_at IS NULL
               AND x.start_date <= ?3 AND ?2 <= x.end_date
             ORDER BY x.start_date, x.id",
        )?;
        let spans = stmt
            .query_map(params![mentor_id, cycle.start_date, cycle.end_date], |r| {
                Ok(MentorshipSpan {
                    mentorship_id: r.get(0)?,
                    protege: r.get(1)?,
                    start_date: r.get(2)?,
                    end_date: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let settings = self.settings()?;
        Ok(MentoringWorkload::compute(
            cycle,
            &spans,
            Norms::from_settings(&settings),
            self.kpa_range(mentor_id)?,
        ))
    }

    /// The mentoring KPA of an allocation: as recorded when it was finalised, or worked out now
    /// for a draft.
    pub fn allocation_workload(&self, a: &Allocation) -> Result<MentoringWorkload> {
        let cycle = self.cycle(a.cycle_id)?;
        let id = match (a.id, a.status) {
            (Some(id), AllocationStatus::Final | AllocationStatus::Superseded) => id,
            _ => return self.mentoring_workload(a.mentor_id, &cycle),
        };
        let norms = self.conn.query_row(
            "SELECT hours_per_protege, preparation_hours, working_hours_per_month
             FROM kpa_allocation WHERE id = ?1",
            [id],
            |r| {
                Ok(Norms {
                    mentoring_hours_per_protege: r.get::<_, Option<f64>>(0)?.unwrap_or_default(),
                    preparation_hours_per_protege: r.get::<_, Option<f64>>(1)?.unwrap_or_default(),
                    working_hours_per_month: r.get::<_, Option<f64>>(2)?.unwrap_or_default(),
                })
            },
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT mentorship_id, protege, start_date, end_date, months, hours_per_month
             FROM kpa_workload_line WHERE allocation_id = ?1 ORDER BY position",
        )?;
        let lines = stmt
            .query_map([id], |r| {
                Ok(WorkloadLine {
                    mentorship_id: r.get(0)?,
                    protege: r.get(1)?,
                    start_date: r.get(2)?,
                    end_date: r.get(3)?,
                    months: r.get(4)?,
                    hours_per_month: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(MentoringWorkload::from_lines(
            lines,
            cycle.months(),
            norms,
            self.kpa_range(a.mentor_id)?,
        ))
    }

    /// The line manager recorded on a final allocation, or the mentor's line manager now.
    pub fn allocation_line_manager(&self, a: &Allocation) -> Result<Option<String>> {
        if let Some(id) = a.id.filter(|_| a.status != AllocationStatus::Draft) {
            let recorded: String = self.conn.query_row(
                "SELECT line_manager FROM kpa_allocation WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            return Ok(Some(recorded).filter(|n| !n.is_empty()));
        }
        let mentor = self.mentor(a.mentor_id)?;
        let Some(staff_id) = mentor.staff_id else {
            return Ok(None);
        };
        match self.line_manager_of(staff_id)? {
            Some(id) => Ok(Some(self.staff(id)?.full_name())),
            None => Ok(None),
        }
    }

    /// A new, unsaved allocation for the mentor and cycle: a copy of the latest version's KPAs
    /// if there is one, otherwise a mentoring KPA with the suggested weight.
    pub fn propose_kpa_allocation(&self, mentor_id: i64, cycle_id: i64) -> Result<Allocation> {
        self.internal_mentor(mentor_id)?;
        let cycle = self.cycle(cycle_id)?;
        let latest = self.kpa_history(mentor_id, cycle_id)?.into_iter().next();
        let kpas = match latest {
            Some(row) => self.kpa_allocation(row.id)?.kpas,
            None => {
                let workload = self.mentoring_workload(mentor_id, &cycle)?;
                if workload.lines.is_empty() {
                    Vec::new()
                } else {
                    vec![mentoring_kpa(&workload)]
                }
            }
        };
        Ok(Allocation {
            id: None,
            mentor_id,
            cycle_id,
            version: 0,
            status: AllocationStatus::Draft,
            kpas,
            consulted_on: None,
            consultation_outcome: None,
            consultation_notes: String::new(),
            finalised_on: None,
        })
    }

    fn internal_mentor(&self, mentor_id: i64) -> Result<Mentor> {
        let mentor = self
            .mentor(mentor_id)
            .map_err(|_| Error::invalid("mentor_id", "Choose the mentor."))?;
        let name = self.mentor_name(mentor_id)?;
        if mentor.is_external() {
            return Err(Error::invalid(
                "mentor_id",
                format!(
                    "{name} is an external mentor. External mentors have no KPAs in the \
                     department; their time is set in their organisation's agreement."
                ),
            ));
        }
        if mentor.archived {
            return Err(Error::invalid(
                "mentor_id",
                format!("{name} is archived; restore the mentor first."),
            ));
        }
        Ok(mentor)
    }

    fn draft_version(&self, mentor_id: i64, cycle_id: i64) -> Result<Option<u32>> {
        Ok(self
            .conn
            .query_row(
                "SELECT version FROM kpa_allocation
                 WHERE mentor_id = ?1 AND cycle_id = ?2 AND status = 'draft'",
                [mentor_id, cycle_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Saves an allocation and returns the id of the version written: the same draft, a new
    /// allocation's first version, or, for a change to a final version, the next version.
    pub fn save_kpa_allocation(&mut self, a: &Allocation) -> Result<i64> {
        a.validate_draft()?;
        let cycle = self.cycle(a.cycle_id)?;
        let stored = match a.id {
            Some(id) => Some(self.kpa_allocation(id)?),
            None => None,
        };
        if let Some(old) = &stored {
            if (old.mentor_id, old.cycle_id) != (a.mentor_id, a.cycle_id) {
                return Err(Error::invalid(
                    "mentor_id",
                    "An allocation stays with its mentor and cycle; start a new allocation instead.",
                ));
            }
            if old.status == AllocationStatus::Superseded {
                return Err(Error::refused(
                    Rule::FinalAllocation,
                    "kpas",
                    format!(
                        "Version {} was superseded by a later version and is kept as it was; open \
                         the latest version to make a change.",
                        old.version
                    ),
                ));
            }
        }
        self.internal_mentor(a.mentor_id)?;
        let draft = self.draft_version(a.mentor_id, a.cycle_id)?;
        let in_place = stored
            .as_ref()
            .filter(|old| old.status == AllocationStatus::Draft)
            .and(a.id);
        if let (None, Some(version)) = (in_place, draft) {
            let name = self.mentor_name(a.mentor_id)?;
            return Err(Error::refused(
                Rule::FinalAllocation,
                "kpas",
                format!(
                    "{name} already has a draft allocation for {} (version {version}); open it \
                     and make the change there.",
                    cycle.name
                ),
            ));
        }
        let tx = self.conn.savepoint()?;
        let id = match in_place {
            Some(id) => {
                tx.execute(
                    "UPDATE kpa_allocation SET consulted_on = ?2, consultation_outcome = ?3,
                        consultation_notes = ?4 WHERE id = ?1",
                    params![
                        id,
                        a.consulted_on,
                        a.consultation_outcome,
                        a.consultation_notes.trim()
                    ],
                )?;
                tx.execute("DELETE FROM kpa WHERE allocation_id = ?1", [id])?;
                id
            }
            None => {
                let version: u32 = tx.query_row(
                    "SELECT coalesce(max(version), 0) + 1 FROM kpa_allocation
                     WHERE mentor_id = ?1 AND cycle_id = ?2",
                    [a.mentor_id, a.cycle_id],
                    |r| r.get(0),
                )?;
                tx.execute(
                    "INSERT INTO kpa_allocation (mentor_id, cycle_id, version, status, consulted_on,
                        consultation_outcome, consultation_notes)
                     VALUES (?1, ?2, ?3, 'draft', ?4, ?5, ?6)",
                    params![
                        a.mentor_id,
                        a.cycle_id,
                        version,
                        a.consulted_on,
                        a.consultation_outcome,
                        a.consultation_notes.trim()
                    ],
                )?;
                tx.last_insert_rowid()
            }
        };
        for (position, k) in (0_i64..).zip(&a.kpas) {
            tx.execute(
                "INSERT INTO kpa (allocation_id, position, title, outputs, indicators, weight, mentoring)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    position,
                    k.title.trim(),
                    k.outputs.trim(),
                    k.indicators.trim(),
                    k.weight,
                    k.mentoring
                ],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// Marks a draft final once every rule agrees, recording the line manager, the norms and
    /// the mentoring KPA's protégés as they stand; the version before it becomes superseded.
    pub fn finalise_kpa_allocation(&mut self, id: i64, today: NaiveDate) -> Result<()> {
        let a = self.kpa_allocation(id)?;
        if a.status != AllocationStatus::Draft {
            return Err(Error::refused(
                Rule::FinalAllocation,
                "status",
                format!(
                    "Version {} is already {}; change it to make a new version.",
                    a.version,
                    a.status.label().to_lowercase()
                ),
            ));
        }
        self.internal_mentor(a.mentor_id)?;
        let cycle = self.cycle(a.cycle_id)?;
        let workload = self.mentoring_workload(a.mentor_id, &cycle)?;
        let mentor_name = self.mentor_name(a.mentor_id)?;
        check_final(
            &a,
            &FinalFacts {
                mentor_name: &mentor_name,
                cycle_name: &cycle.name,
                range: self.kpa_range(a.mentor_id)?,
                workload: &workload,
                today,
            },
        )?;
        let line_manager = self.allocation_line_manager(&a)?.unwrap_or_default();
        let tx = self.conn.savepoint()?;
        tx.execute(
            "UPDATE kpa_allocation SET status = 'superseded'
             WHERE mentor_id = ?1 AND cycle_id = ?2 AND status = 'final'",
            [a.mentor_id, a.cycle_id],
        )?;
        tx.execute(
            "UPDATE kpa_allocation SET status = 'final', finalised_on = ?2, line_manager = ?3,
                hours_per_protege = ?4, preparation_hours = ?5, working_hours_per_month = ?6
             WHERE id = ?1",
            params![
                id,
                today,
                line_manager,
                workload.mentoring_hours_per_protege,
                workload.preparation_hours_per_protege,
                workload.working_hours_per_month
            ],
        )?;
        for (position, l) in (0_i64..).zip(&workload.lines) {
            tx.execute(
                "INSERT INTO kpa_workload_line (allocation_id, position, mentorship_id, protege,
                    start_date, end_date, months, hours_per_month)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    position,
                    l.mentorship_id,
                    l.protege,
                    l.start_date,
                    l.end_date,
                    l.months,
                    l.hours_per_month
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// An allocation with everything its page shows: the mentor and cycle, the mentoring KPA's
/// workload, the weight range that binds it, the line manager and every version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationView {
    pub allocation: Allocation,
    pub mentor: String,
    pub cycle: Cycle,
    pub workload: MentoringWorkload,
    pub range: Option<WeightRange>,
    pub line_manager: Option<String>,
    pub history: Vec<AllocationRow>,
}

impl Store {
    /// The page of an allocation, saved or only proposed.
    pub fn kpa_allocation_view(&self, allocation: Allocation) -> Result<AllocationView> {
        Ok(AllocationView {
            mentor: self.mentor_name(allocation.mentor_id)?,
            cycle: self.cycle(allocation.cycle_id)?,
            workload: self.allocation_workload(&allocation)?,
            range: self.kpa_range(allocation.mentor_id)?,
            line_manager: self.allocation_line_manager(&allocation)?,
            history: self.kpa_history(allocation.mentor_id, allocation.cycle_id)?,
            allocation,
        })
    }
}
