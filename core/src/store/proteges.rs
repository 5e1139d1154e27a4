//! Protégés of the four kinds, each a staff member with a development profile.

use rusqlite::Row;
use serde::Serialize;

use super::{like_pattern, not_found, Choice, Store};
use crate::domain::{Protege, ProtegeKind};
use crate::{Error, Result};

const COLUMNS: &str = "id, staff_id, kind, programme_detail, career_goals, career_path_plan,
    education, work_experience, strengths, weaknesses, development_needs, archived_at IS NOT NULL";

fn protege_from_row(r: &Row) -> rusqlite::Result<Protege> {
    Ok(Protege {
        id: r.get(0)?,
        staff_id: r.get(1)?,
        kind: r.get(2)?,
        programme_detail: r.get(3)?,
        career_goals: r.get(4)?,
        career_path_plan: r.get(5)?,
        education: r.get(6)?,
        work_experience: r.get(7)?,
        strengths: r.get(8)?,
        weaknesses: r.get(9)?,
        development_needs: r.get(10)?,
        archived: r.get(11)?,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProtegeRow {
    pub id: i64,
    pub name: String,
    pub persal: String,
    pub kind: ProtegeKind,
    pub kind_label: &'static str,
    pub unit: Option<String>,
    /// The mentor of the protégé's current draft or active mentorship, if any.
    pub mentor: Option<String>,
    pub archived: bool,
}

impl Store {
    pub fn protege(&self, id: i64) -> Result<Protege> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM protege WHERE id = ?1"),
                [id],
                protege_from_row,
            )
            .map_err(not_found("Protégé", id))
    }

    pub fn proteges(
        &self,
        text: &str,
        kind: Option<ProtegeKind>,
        include_archived: bool,
    ) -> Result<Vec<ProtegeRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT p.id, s.first_names || ' ' || s.surname, s.persal, p.kind, u.name,
                    (SELECT {} FROM mentorship x JOIN mentor m ON m.id = x.mentor_id
                        LEFT JOIN staff ms ON ms.id = m.staff_id
                     WHERE x.protege_id = p.id AND x.status IN ('draft', 'active') AND x.archived_at IS NULL
                     ORDER BY x.start_date DESC LIMIT 1),
                    p.archived_at IS NOT NULL
             FROM protege p
             JOIN staff s ON s.id = p.staff_id
             LEFT JOIN unit u ON u.id = s.unit_id
             WHERE (?1 = '%%' OR s.search_key LIKE ?1 ESCAPE '\\' OR s.persal LIKE ?1 ESCAPE '\\')
               AND (?2 IS NULL OR p.kind = ?2)
               AND (?3 OR p.archived_at IS NULL)
             ORDER BY s.surname, s.first_names",
            super::mentors::MENTOR_NAME
        ))?;
        let rows = stmt.query_map((like_pattern(text), kind, include_archived), |r| {
            let kind: ProtegeKind = r.get(3)?;
            Ok(ProtegeRow {
                id: r.get(0)?,
                name: r.get(1)?,
                persal: r.get(2)?,
                kind,
                kind_label: kind.label(),
                unit: r.get(4)?,
                mentor: r.get(5)?,
                archived: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn protege_choices(&self) -> Result<Vec<Choice>> {
        Ok(self
            .proteges("", None, false)?
            .into_iter()
            .map(|p| Choice {
                id: p.id,
                label: format!("{} ({})", p.name, p.persal),
            })
            .collect())
    }

    pub fn save_protege(&mut self, protege: &Protege) -> Result<i64> {
        protege.validate()?;
        let staff = self.staff(protege.staff_id).map_err(|_| {
            Error::invalid("staff_id", "Choose the staff member who is the protégé.")
        })?;
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM protege WHERE staff_id = ?1 AND id IS NOT ?2)",
            (protege.staff_id, protege.id),
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::invalid(
                "staff_id",
                format!("{} is already registered as a protégé.", staff.full_name()),
            ));
        }
        let params = rusqlite::params![
            protege.id,
            protege.staff_id,
            protege.kind,
            protege.programme_detail.trim(),
            protege.career_goals.trim(),
            protege.career_path_plan.trim(),
            protege.education.trim(),
            protege.work_experience.trim(),
            protege.strengths.trim(),
            protege.weaknesses.trim(),
            protege.development_needs.trim(),
        ];
        match protege.id {
            None => {
                self.conn.execute(
                    "INSERT INTO protege (id, staff_id, kind, programme_detail, career_goals,
                        career_path_plan, education, work_experience, strengths, weaknesses,
                        development_needs)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE protege SET staff_id = ?2, kind = ?3, programme_detail = ?4,
                        career_goals = ?5, career_path_plan = ?6, education = ?7,
                        work_experience = ?8, strengths = ?9, weaknesses = ?10, development_needs = ?11
                     WHERE id = ?1",
                    params,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Protégé",
                        id,
                    });
                }
                Ok(id)
            }
        }
    }
}
