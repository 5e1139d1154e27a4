//! External mentoring organisations: private sector, parastatals and leading individuals, with
//! the terms of their agreement with the department.

use rusqlite::Row;

use super::{not_found, Choice, Store};
use crate::domain::Organisation;
use crate::{Error, Result};

const COLUMNS: &str = "id, name, kind, contact_person, email, phone, address, coordinator,
    days_per_year, time_allocation_notes, agreement_start, agreement_end, archived_at IS NOT NULL";

fn organisation_from_row(r: &Row) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        contact_person: r.get(3)?,
        email: r.get(4)?,
        phone: r.get(5)?,
        address: r.get(6)?,
        coordinator: r.get(7)?,
        days_per_year: r.get(8)?,
        time_allocation_notes: r.get(9)?,
        agreement_start: r.get(10)?,
        agreement_end: r.get(11)?,
        archived: r.get(12)?,
    })
}

impl Store {
    pub fn organisation(&self, id: i64) -> Result<Organisation> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM organisation WHERE id = ?1"),
                [id],
                organisation_from_row,
            )
            .map_err(not_found("Organisation", id))
    }

    pub fn organisations(&self, include_archived: bool) -> Result<Vec<Organisation>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM organisation WHERE ?1 OR archived_at IS NULL ORDER BY name"
        ))?;
        let rows = stmt.query_map([include_archived], organisation_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn organisation_choices(&self) -> Result<Vec<Choice>> {
        Ok(self
            .organisations(false)?
            .into_iter()
            .filter_map(|o| {
                Some(Choice {
                    id: o.id?,
                    label: o.name,
                })
            })
            .collect())
    }

    pub fn save_organisation(&mut self, org: &Organisation) -> Result<i64> {
        org.validate()?;
        let name = org.name.trim();
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM organisation WHERE name = ?1 AND id IS NOT ?2)",
            (name, org.id),
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::invalid(
                "name",
                format!("There is already an organisation called \"{name}\"."),
            ));
        }
        let params = rusqlite::params![
            org.id,
            name,
            org.kind,
            org.contact_person.trim(),
            org.email.trim(),
            org.phone.trim(),
            org.address.trim(),
            org.coordinator.trim(),
            org.days_per_year,
            org.time_allocation_notes.trim(),
            org.agreement_start,
            org.agreement_end,
        ];
        match org.id {
            None => {
                self.conn.execute(
                    "INSERT INTO organisation (id, name, kind, contact_person, email, phone, address,
                        coordinator, days_per_year, time_allocation_notes, agreement_start, agreement_end)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    params,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE organisation SET name = ?2, kind = ?3, contact_person = ?4, email = ?5,
                        phone = ?6, address = ?7, coordinator = ?8, days_per_year = ?9,
                        time_allocation_notes = ?10, agreement_start = ?11, agreement_end = ?12
                     WHERE id = ?1",
                    params,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound {
                        what: "Organisation",
                        id,
                    });
                }
                Ok(id)
            }
        }
    }

    /// The mentors an organisation offers, for its page and its agreement with the department.
    pub fn organisation_mentors(&self, organisation_id: i64) -> Result<Vec<crate::domain::Mentor>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM mentor WHERE organisation_id = ?1 AND staff_id IS NULL
               AND archived_at IS NULL ORDER BY external_name",
        )?;
        let ids = stmt
            .query_map([organisation_id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.into_iter().map(|id| self.mentor(id)).collect()
    }
}
