//! External mentoring organisations: private sector, parastatals and leading individuals.

use super::{not_found, Choice, Store};
use crate::domain::Organisation;
use crate::{Error, Result};

impl Store {
    pub fn organisation(&self, id: i64) -> Result<Organisation> {
        self.conn
            .query_row(
                "SELECT id, name, contact_person, email, phone, archived_at IS NOT NULL
                 FROM organisation WHERE id = ?1",
                [id],
                |r| {
                    Ok(Organisation {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        contact_person: r.get(2)?,
                        email: r.get(3)?,
                        phone: r.get(4)?,
                        archived: r.get(5)?,
                    })
                },
            )
            .map_err(not_found("Organisation", id))
    }

    pub fn organisations(&self, include_archived: bool) -> Result<Vec<Organisation>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM organisation WHERE ?1 OR archived_at IS NULL ORDER BY name",
        )?;
        let ids = stmt
            .query_map([include_archived], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.into_iter().map(|id| self.organisation(id)).collect()
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
        let params = (
            org.id,
            name,
            org.contact_person.trim(),
            org.email.trim(),
            org.phone.trim(),
        );
        match org.id {
            None => {
                self.conn.execute(
                    "INSERT INTO organisation (id, name, contact_person, email, phone) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params,
                )?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => {
                let changed = self.conn.execute(
                    "UPDATE organisation SET name = ?2, contact_person = ?3, email = ?4, phone = ?5 WHERE id = ?1",
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
}
