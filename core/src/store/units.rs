//! Units (components and directorates) of the department, each with a line manager.

use serde::Serialize;

use super::{not_found, Store};
use crate::domain::Unit;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitRow {
    pub id: i64,
    pub name: String,
    pub line_manager_id: Option<i64>,
    pub line_manager: Option<String>,
    pub staff_count: i64,
    pub archived: bool,
}

impl Store {
    pub fn unit(&self, id: i64) -> Result<Unit> {
        self.conn
            .query_row(
                "SELECT id, name, line_manager_id, archived_at IS NOT NULL FROM unit WHERE id = ?1",
                [id],
                |r| {
                    Ok(Unit {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        line_manager_id: r.get(2)?,
                        archived: r.get(3)?,
                    })
                },
            )
            .map_err(not_found("Unit", id))
    }

    pub fn units(&self, include_archived: bool) -> Result<Vec<UnitRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.id, u.name, u.line_manager_id, m.first_names || ' ' || m.surname,
                    (SELECT count(*) FROM staff s WHERE s.unit_id = u.id AND s.archived_at IS NULL),
                    u.archived_at IS NOT NULL
             FROM unit u LEFT JOIN staff m ON m.id = u.line_manager_id
             WHERE ?1 OR u.archived_at IS NULL
             ORDER BY u.name",
        )?;
        let rows = stmt.query_map([include_archived], |r| {
            Ok(UnitRow {
                id: r.get(0)?,
                name: r.get(1)?,
                line_manager_id: r.get(2)?,
                line_manager: r.get(3)?,
                staff_count: r.get(4)?,
                archived: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn save_unit(&mut self, unit: &Unit) -> Result<i64> {
        unit.validate()?;
        let name = unit.name.trim();
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM unit WHERE name = ?1 AND id IS NOT ?2)",
            (name, unit.id),
            |r| r.get(0),
        )?;
        if taken {
            return Err(Error::invalid(
                "name",
                format!("There is already a unit called \"{name}\"."),
            ));
        }
        let params = (unit.id, name, unit.line_manager_id);
        match unit.id {
            None => {
                self.conn.execute(
                    "INSERT INTO unit (id, name, line_manager_id) VALUES (?1, ?2, ?3)",
                    params,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE unit SET name = ?2, line_manager_id = ?3 WHERE id = ?1",
                    params,
                )?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "Unit", id });
                }
                Ok(id)
            }
        }
    }
}
