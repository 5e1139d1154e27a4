//! The people who may sign in on the office's PC, with their roles and passwords. Passwords
//! are kept only as Argon2id hashes (PHC strings); this module never returns a hash. It does
//! not decide what a role may do (that is `access`), nor who is signed in (that is the shell's).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rusqlite::{params, OptionalExtension};

use super::{not_found, Store};
use crate::access::{Role, User};
use crate::domain::search_key;
use crate::{Error, Result};

/// The shortest password accepted: long enough that guessing it at the PC takes more than an
/// afternoon, short enough that people write a sentence rather than a sticky note.
pub const MIN_PASSWORD: usize = 8;

const COLUMNS: &str = "id, name, role, disabled_at IS NULL";

fn user_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        role: r.get(2)?,
        active: r.get(3)?,
    })
}

/// The name as people are told apart: case, accents and spacing do not make a second person.
fn name_key(name: &str) -> String {
    search_key(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn check_password(field: &'static str, password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD {
        return Err(Error::invalid(
            field,
            format!("The password must be at least {MIN_PASSWORD} characters long."),
        ));
    }
    Ok(())
}

fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| Error::invalid("password", format!("The password could not be kept: {e}")))
}

/// True when `password` matches the stored hash. A hash that cannot be read matches nothing.
fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

impl Store {
    /// True when no one may sign in yet: the window then asks for the programme manager's
    /// account first.
    pub fn has_users(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM app_user", [], |r| r.get(0))?;
        Ok(n > 0)
    }

    pub fn user(&self, id: i64) -> Result<User> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM app_user WHERE id = ?1"),
                [id],
                user_from_row,
            )
            .map_err(not_found("User", id))
    }

    /// Everyone who may or once could sign in, active people first, by name.
    pub fn users(&self) -> Result<Vec<User>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM app_user ORDER BY disabled_at IS NOT NULL, name_key"
        ))?;
        let rows = stmt.query_map([], user_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Creates the programme manager's account on a database nobody can sign in to yet.
    /// Refused once anyone may sign in, so it cannot be used to make a second manager.
    pub fn create_first_user(&mut self, name: &str, password: &str) -> Result<User> {
        if self.has_users()? {
            return Err(Error::NotAllowed(
                "Someone may already sign in: sign in, and ask the programme manager to add you."
                    .into(),
            ));
        }
        self.create_user(name, Role::ProgrammeManager, password)
    }

    /// Adds a person who may sign in. The very first person must be a programme manager, so
    /// that someone can always manage the others.
    pub fn create_user(&mut self, name: &str, role: Role, password: &str) -> Result<User> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(Error::invalid("name", "Type the person's name."));
        }
        check_password("password", password)?;
        if !self.has_users()? && role != Role::ProgrammeManager {
            return Err(Error::invalid(
                "role",
                "The first person to sign in must be a programme manager.",
            ));
        }
        let key = name_key(&name);
        let taken: Option<i64> = self
            .conn
            .query_row("SELECT id FROM app_user WHERE name_key = ?1", [&key], |r| {
                r.get(0)
            })
            .optional()?;
        if taken.is_some() {
            return Err(Error::invalid(
                "name",
                format!("{name} may already sign in; give the new person a different name."),
            ));
        }
        let hash = hash_password(password)?;
        self.conn.execute(
            "INSERT INTO app_user (name, name_key, role, password_hash) VALUES (?1, ?2, ?3, ?4)",
            params![name, key, role, hash],
        )?;
        self.user(self.conn.last_insert_rowid())
    }

    /// The active person with this name and password. Every failure (unknown name, wrong
    /// password, disabled) gives the same `Error::SignIn`, so the window tells nobody which
    /// names exist.
    pub fn sign_in(&self, name: &str, password: &str) -> Result<User> {
        let found: Option<(User, String)> = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS}, password_hash FROM app_user WHERE name_key = ?1"),
                [name_key(name)],
                |r| Ok((user_from_row(r)?, r.get(4)?)),
            )
            .optional()?;
        match found {
            Some((user, hash)) if user.active && password_matches(password, &hash) => Ok(user),
            _ => Err(Error::SignIn),
        }
    }

    /// Changes a person's own password; the old one must be given, so that a PC left signed
    /// in does not let a passer-by lock its owner out.
    pub fn change_password(&mut self, id: i64, old: &str, new: &str) -> Result<()> {
        let hash: String = self
            .conn
            .query_row(
                "SELECT password_hash FROM app_user WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(not_found("User", id))?;
        if !password_matches(old, &hash) {
            return Err(Error::invalid(
                "old_password",
                "That is not your current password.",
            ));
        }
        check_password("new_password", new)?;
        self.conn.execute(
            "UPDATE app_user SET password_hash = ?2 WHERE id = ?1",
            params![id, hash_password(new)?],
        )?;
        Ok(())
    }

    /// Gives a person another role. Refused when it would leave no active programme manager.
    pub fn set_user_role(&mut self, id: i64, role: Role) -> Result<User> {
        self.in_transaction(|store| {
            store.user(id)?;
            store.conn.execute(
                "UPDATE app_user SET role = ?2 WHERE id = ?1",
                params![id, role],
            )?;
            store.keep_a_manager("role")?;
            store.user(id)
        })
    }

    /// Stops a person from signing in (or lets them again); their name stays in the trail.
    /// Refused when it would leave no active programme manager.
    pub fn set_user_disabled(&mut self, id: i64, disabled: bool) -> Result<User> {
        self.in_transaction(|store| {
            store.user(id)?;
            store.conn.execute(
                "UPDATE app_user SET disabled_at =
                     CASE WHEN ?2 THEN coalesce(disabled_at, datetime('now')) END
                 WHERE id = ?1",
                params![id, disabled],
            )?;
            store.keep_a_manager("active")?;
            store.user(id)
        })
    }

    /// Fails (rolling the change back with its transaction) when no active programme manager
    /// is left, because then no one could manage users, settings or backups again.
    fn keep_a_manager(&self, field: &'static str) -> Result<()> {
        let managers: i64 = self.conn.query_row(
            "SELECT count(*) FROM app_user WHERE role = ?1 AND disabled_at IS NULL",
            [Role::ProgrammeManager],
            |r| r.get(0),
        )?;
        if managers == 0 {
            return Err(Error::invalid(
                field,
                "MentorDesk needs at least one active programme manager: make someone else \
                 programme manager first.",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differing_in_case_accents_and_spacing_are_one_person() {
        assert_eq!(name_key("  Thandi   Mokoena "), name_key("thandi mokoena"));
        assert_eq!(name_key("Zoë"), name_key("zoe"));
    }
}
