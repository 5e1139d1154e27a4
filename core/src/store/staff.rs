//! Staff members: the register every mentor and protégé is drawn from.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{like_pattern, not_found, Choice, Store};
use crate::domain::{search_key, Staff};
use crate::{Error, Result};

const COLUMNS: &str = "id, persal, first_names, surname, gender, race, date_of_birth, disability,
    designation, salary_level, unit_id, line_manager_id, location, public_service_start,
    unit_start, email, phone, archived_at IS NOT NULL";

fn staff_from_row(r: &Row) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: r.get(0)?,
        persal: r.get(1)?,
        first_names: r.get(2)?,
        surname: r.get(3)?,
        gender: r.get(4)?,
        race: r.get(5)?,
        date_of_birth: r.get(6)?,
        disability: r.get(7)?,
        designation: r.get(8)?,
        salary_level: r.get(9)?,
        unit_id: r.get(10)?,
        line_manager_id: r.get(11)?,
        location: r.get(12)?,
        public_service_start: r.get(13)?,
        unit_start: r.get(14)?,
        email: r.get(15)?,
        phone: r.get(16)?,
        archived: r.get(17)?,
    })
}

/// What the staff list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct StaffQuery {
    #[serde(default)]
    pub text: String,
    pub unit_id: Option<i64>,
    #[serde(default)]
    pub include_archived: bool,
    /// At most this many rows; all when absent.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffRow {
    pub id: i64,
    pub persal: String,
    pub name: String,
    pub designation: String,
    pub salary_level: Option<u8>,
    pub unit: Option<String>,
    pub line_manager: Option<String>,
    pub is_mentor: bool,
    pub is_protege: bool,
    pub archived: bool,
}

impl Store {
    pub fn staff(&self, id: i64) -> Result<Staff> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"),
                [id],
                staff_from_row,
            )
            .map_err(not_found("Staff member", id))
    }

    pub fn staff_by_persal(&self, persal: &str) -> Result<Option<Staff>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM staff WHERE persal = ?1"),
                [persal.trim()],
                staff_from_row,
            )
            .optional()?)
    }

    /// Staff whose name or persal number contains the search text, accents ignored.
    pub fn staff_list(&self, query: &StaffQuery) -> Result<Vec<StaffRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.persal, s.first_names || ' ' || s.surname, s.designation, s.salary_level,
                    u.name, lm.first_names || ' ' || lm.surname,
                    EXISTS (SELECT 1 FROM mentor m WHERE m.staff_id = s.id AND m.archived_at IS NULL),
                    EXISTS (SELECT 1 FROM protege p WHERE p.staff_id = s.id AND p.archived_at IS NULL),
                    s.archived_at IS NOT NULL
             FROM staff s
             LEFT JOIN unit u ON u.id = s.unit_id
             LEFT JOIN staff lm ON lm.id = coalesce(s.line_manager_id,
                 CASE WHEN u.line_manager_id IS NOT s.id THEN u.line_manager_id END)
             WHERE (?1 = '%%' OR s.search_key LIKE ?1 ESCAPE '\\' OR s.persal LIKE ?1 ESCAPE '\\')
               AND (?2 IS NULL OR s.unit_id = ?2)
               AND (?3 OR s.archived_at IS NULL)
             ORDER BY s.surname, s.first_names, s.persal
             LIMIT ?4",
        )?;
        let limit = query.limit.map_or(-1, i64::from);
        let rows = stmt.query_map(
            (
                like_pattern(&query.text),
                query.unit_id,
                query.include_archived,
                limit,
            ),
            |r| {
                Ok(StaffRow {
                    id: r.get(0)?,
                    persal: r.get(1)?,
                    name: r.get(2)?,
                    designation: r.get(3)?,
                    salary_level: r.get(4)?,
                    unit: r.get(5)?,
                    line_manager: r.get(6)?,
                    is_mentor: r.get(7)?,
                    is_protege: r.get(8)?,
                    archived: r.get(9)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every current staff member as a choice for a drop-down, "Surname, First names (persal)".
    pub fn staff_choices(&self) -> Result<Vec<Choice>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, surname || ', ' || first_names || ' (' || persal || ')' FROM staff
             WHERE archived_at IS NULL ORDER BY surname, first_names",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Choice {
                id: r.get(0)?,
                label: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The person who manages this staff member: their own line manager, or else their unit's.
    pub fn line_manager_of(&self, staff_id: i64) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT coalesce(s.line_manager_id,
                        CASE WHEN u.line_manager_id IS NOT s.id THEN u.line_manager_id END)
                 FROM staff s LEFT JOIN unit u ON u.id = s.unit_id WHERE s.id = ?1",
                [staff_id],
                |r| r.get(0),
            )
            .map_err(not_found("Staff member", staff_id))
    }

    pub fn save_staff(&mut self, staff: &Staff, today: NaiveDate) -> Result<i64> {
        staff.validate(today)?;
        let persal = staff.persal.trim();
        if let Some(other) = self.staff_by_persal(persal)?.filter(|o| o.id != staff.id) {
            return Err(Error::invalid(
                "persal",
                format!(
                    "Persal number {persal} already belongs to {}.",
                    other.full_name()
                ),
            ));
        }
        let first_names = staff.first_names.trim();
        let surname = staff.surname.trim();
        let key = search_key(&format!("{first_names} {surname}"));
        let params = rusqlite::params![
            staff.id,
            persal,
            first_names,
            surname,
            key,
            staff.gender,
            staff.race,
            staff.date_of_birth,
            staff.disability,
            staff.designation.trim(),
            staff.salary_level,
            staff.unit_id,
            staff.line_manager_id,
            staff.location,
            staff.public_service_start,
            staff.unit_start,
            staff.email.trim(),
            staff.phone.trim(),
        ];
        match staff.id {
            None => {
                self.conn.execute(
                    "INSERT INTO staff (id, persal, first_names, surname, search_key, gender, race,
                        date_of_birth, disability, designation, salary_level, unit_id, line_manager_id,
                        location, public_service_start, unit_start, email, phone)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                    params,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE staff SET persal = ?2, first_names = ?3, surname = ?4, search_key = ?5,
                        gender = ?6, race = ?7, date_of_birth = ?8, disability = ?9, designation = ?10,
                        salary_level = ?11, unit_id = ?12, line_manager_id = ?13, location = ?14,
                        public_service_start = ?15, unit_start = ?16, email = ?17, phone = ?18
                     WHERE id = ?1",
                    params,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Staff member",
                        id,
                    });
                }
                Ok(id)
            }
        }
    }
}
