//! Mentorships with their goals and competencies, saved whole in one transaction after the
//! pairing rules have agreed.

use chrono::NaiveDate;
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};

use super::mentors::MENTOR_NAME;
use super::{like_pattern, not_found, Store};
use crate::domain::{Competency, Goal, Mentorship, Status};
use crate::rules::{check_pairing, PairingFacts};
use crate::{Error, Result};

const COLUMNS: &str = "id, mentor_id, protege_id, start_date, end_date, purpose, mode, frequency,
    meeting_minutes, meeting_place, status, capacity_override_reason, archived_at IS NOT NULL";

fn mentorship_from_row(r: &Row) -> rusqlite::Result<Mentorship> {
    Ok(Mentorship {
        id: r.get(0)?,
        mentor_id: r.get(1)?,
        protege_id: r.get(2)?,
        start_date: r.get(3)?,
        end_date: r.get(4)?,
        purpose: r.get(5)?,
        mode: r.get(6)?,
        frequency: r.get(7)?,
        meeting_minutes: r.get(8)?,
        meeting_place: r.get(9)?,
        status: r.get(10)?,
        capacity_override_reason: r.get(11)?,
        archived: r.get(12)?,
        goals: Vec::new(),
        competencies: Vec::new(),
    })
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct MentorshipQuery {
    #[serde(default)]
    pub text: String,
    pub status: Option<Status>,
    pub mentor_id: Option<i64>,
    #[serde(default)]
    pub include_archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentorshipRow {
    pub id: i64,
    pub reference: String,
    pub mentor: String,
    pub protege: String,
    pub protege_kind: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub status: Status,
    pub archived: bool,
}

impl Store {
    pub fn mentorship(&self, id: i64) -> Result<Mentorship> {
        let mut m = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM mentorship WHERE id = ?1"),
                [id],
                mentorship_from_row,
            )
            .map_err(not_found("Mentorship", id))?;
        let mut goals = self.conn.prepare_cached(
            "SELECT description, measure, due_on, status, progress FROM mentorship_goal WHERE mentorship_id = ?1 ORDER BY position",
        )?;
        m.goals = goals
            .query_map([id], |r| {
                Ok(Goal {
                    description: r.get(0)?,
                    measure: r.get(1)?,
                    due_on: r.get(2)?,
                    status: r.get(3)?,
                    progress: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut competencies = self.conn.prepare_cached(
            "SELECT name, current_level, target_level FROM mentorship_competency
             WHERE mentorship_id = ?1 ORDER BY position",
        )?;
        m.competencies = competencies
            .query_map([id], |r| {
                Ok(Competency {
                    name: r.get(0)?,
                    current_level: r.get(1)?,
                    target_level: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(m)
    }

    pub fn mentorships(&self, query: &MentorshipQuery) -> Result<Vec<MentorshipRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT x.id, {MENTOR_NAME}, ps.first_names || ' ' || ps.surname, p.kind,
                    x.start_date, x.end_date, x.status, x.archived_at IS NOT NULL
             FROM mentorship x
             JOIN mentor m ON m.id = x.mentor_id
             LEFT JOIN staff ms ON ms.id = m.staff_id
             JOIN protege p ON p.id = x.protege_id
             JOIN staff ps ON ps.id = p.staff_id
             WHERE (?1 = '%%' OR ps.search_key LIKE ?1 ESCAPE '\\'
                    OR coalesce(ms.search_key, lower(m.external_name)) LIKE ?1 ESCAPE '\\')
               AND (?2 IS NULL OR x.status = ?2)
               AND (?3 IS NULL OR x.mentor_id = ?3)
               AND (?4 OR x.archived_at IS NULL)
             ORDER BY x.start_date DESC, x.id DESC"
        ))?;
        let rows = stmt.query_map(
            (
                like_pattern(&query.text),
                query.status,
                query.mentor_id,
                query.include_archived,
            ),
            |r| {
                let id: i64 = r.get(0)?;
                let kind: crate::domain::ProtegeKind = r.get(3)?;
                Ok(MentorshipRow {
                    id,
                    reference: Mentorship::reference(id),
                    mentor: r.get(1)?,
                    protege: r.get(2)?,
                    protege_kind: kind.label().to_owned(),
                    start_date: r.get(4)?,
                    end_date: r.get(5)?,
                    status: r.get(6)?,
                    archived: r.get(7)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Checks the programme's rules and saves the mentorship with its goals and competencies,
    /// all or nothing. Once its agreement carries a signature, its terms change only through
    /// an addendum (`make_addendum`).
    pub fn save_mentorship(&mut self, m: &Mentorship) -> Result<i64> {
        self.check_not_signed(m)?;
        self.save_terms(m)
    }

    /// Saves the mentorship as `save_mentorship` does, signed or not.
    pub(super) fn save_terms(&mut self, m: &Mentorship) -> Result<i64> {
        let settings = self.settings()?;
        m.validate(settings.max_mentorship_months)?;
        if m.status.is_open() && !m.archived {
            self.check_pairing(m, &settings)?;
        }
        let tx = self.conn.savepoint()?;
        let row = params![
            m.id,
            m.mentor_id,
            m.protege_id,
            m.start_date,
            m.end_date,
            m.purpose,
            m.mode,
            m.frequency,
            m.meeting_minutes,
            m.meeting_place.trim(),
            m.status,
            m.capacity_override_reason.trim(),
        ];
        let id = match m.id {
            None => {
                tx.execute(
                    "INSERT INTO mentorship (id, mentor_id, protege_id, start_date, end_date, purpose,
                        mode, frequency, meeting_minutes, meeting_place, status, capacity_override_reason)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    row,
                )?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE mentorship SET mentor_id = ?2, protege_id = ?3, start_date = ?4,
                        end_date = ?5, purpose = ?6, mode = ?7, frequency = ?8, meeting_minutes = ?9,
                        meeting_place = ?10, status = ?11, capacity_override_reason = ?12
                     WHERE id = ?1",
                    row,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Mentorship",
                        id,
                    });
                }
                tx.execute("DELETE FROM mentorship_goal WHERE mentorship_id = ?1", [id])?;
                tx.execute(
                    "DELETE FROM mentorship_competency WHERE mentorship_id = ?1",
                    [id],
                )?;
                id
            }
        };
        for (position, g) in (0_i64..).zip(&m.goals) {
            tx.execute(
                "INSERT INTO mentorship_goal
                     (mentorship_id, position, description, measure, due_on, status, progress)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    position,
                    g.description.trim(),
                    g.measure.trim(),
                    g.due_on,
                    g.status,
                    g.progress
                ],
            )?;
        }
        for (position, c) in (0_i64..).zip(&m.competencies) {
            tx.execute(
                "INSERT INTO mentorship_competency (mentorship_id, position, name, current_level, target_level)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, position, c.name.trim(), c.current_level, c.target_level],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    fn check_pairing(&self, m: &Mentorship, settings: &crate::settings::Settings) -> Result<()> {
        let mentor = self
            .mentor(m.mentor_id)
            .map_err(|_| Error::invalid("mentor_id", "Choose the mentor."))?;
        let protege = self
            .protege(m.protege_id)
            .map_err(|_| Error::invalid("protege_id", "Choose the protégé."))?;
        if mentor.archived {
            return Err(Error::invalid(
                "mentor_id",
                "This mentor is archived; restore the mentor first.",
            ));
        }
        if protege.archived {
            return Err(Error::invalid(
                "protege_id",
                "This protégé is archived; restore the protégé first.",
            ));
        }
        let mentor_name = self.mentor_name(m.mentor_id)?;
        let protege_name = self.staff(protege.staff_id)?.full_name();
        let mentor_overlapping: i64 = self.conn.query_row(
            "SELECT count(*) FROM mentorship WHERE mentor_id = ?1 AND id IS NOT ?2
               AND status IN ('draft', 'active') AND archived_at IS NULL
               AND start_date <= ?4 AND ?3 <= end_date",
            params![m.mentor_id, m.id, m.start_date, m.end_date],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM mentorship WHERE protege_id = ?1 AND id IS NOT ?2
               AND status IN ('draft', 'active') AND archived_at IS NULL
               AND start_date <= ?4 AND ?3 <= end_date ORDER BY id",
        )?;
        let protege_overlapping = stmt
            .query_map(params![m.protege_id, m.id, m.start_date, m.end_date], |r| {
                r.get::<_, i64>(0)
            })?
            .map(|id| id.map(Mentorship::reference))
            .collect::<rusqlite::Result<Vec<_>>>()?;
        check_pairing(&PairingFacts {
            mentorship: m,
            mentor: &mentor,
            mentor_name: &mentor_name,
            protege_name: &protege_name,
            protege_line_manager: self.line_manager_of(protege.staff_id)?,
            mentor_overlapping: usize::try_from(mentor_overlapping).unwrap_or(usize::MAX),
            protege_overlapping,
            settings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mentorship_whose_last_row_fails_leaves_no_row_behind() {
        let mut store = Store::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        crate::sample::create(&mut store, today).unwrap();
        let before = store
            .mentorships(&MentorshipQuery::default())
            .unwrap()
            .len();
        let mut m = store
            .mentorship(store.mentorships(&MentorshipQuery::default()).unwrap()[0].id)
            .unwrap();
        // Completed mentorships skip the pairing rules, so the new row reaches the database.
        m.id = None;
        m.status = Status::Completed;
        m.competencies.push(Competency {
            name: "Fails on insert".into(),
            current_level: 1,
            target_level: 2,
        });
        // Make the database itself refuse the last competency, after the mentorship and its
        // goals were written, as a full disk or a crash would.
        store
            .conn
            .execute_batch(
                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON mentorship_competency
                 WHEN NEW.name = 'Fails on insert' BEGIN SELECT RAISE(ABORT, 'refused'); END;",
            )
            .unwrap();
        let goals_before: i64 = store
            .conn
            .query_row("SELECT count(*) FROM mentorship_goal", [], |r| r.get(0))
            .unwrap();
        assert!(store.save_mentorship(&m).is_err());
        assert_eq!(
            store
                .mentorships(&MentorshipQuery::default())
                .unwrap()
                .len(),
            before
        );
        let goals_after: i64 = store
            .conn
            .query_row("SELECT count(*) FROM mentorship_goal", [], |r| r.get(0))
            .unwrap();
        assert_eq!(goals_after, goals_before);
    }
}
