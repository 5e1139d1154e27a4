//! The SQLite store: one file, opened in one place, migrated on open. Each submodule owns the
//! SQL of one table or aggregate; no SQL lives outside this module.

mod audit;
mod backup;
mod cycles;
mod dashboard;
mod disputes;
mod evaluations;
mod export;
mod holidays;
mod import;
mod kpa;
mod matching;
mod mentors;
mod mentorships;
mod migrate;
mod organisations;
mod programme;
mod progress;
mod proteges;
mod selection;
mod sessions;
mod settings;
mod signing;
mod staff;
mod units;
mod users;
mod workload;
mod workplans;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

pub use crate::session::{Confidential, OpenAction};
pub use audit::{AuditEntry, AuditQuery, ChainCheck, EndCheck, EndFound, TrailCheck, TrailEnd};
pub use backup::{
    auto_backups_in, backups_dir, inspect_backup, new_backup_path, AutoBackup, BackupSummary,
    Restored, MIN_PASSPHRASE,
};
pub use kpa::{AllocationQuery, AllocationRow, AllocationView};
pub use matching::{CohortProposal, ProposalRow};
pub use mentors::MentorRow;
pub use mentorships::{MentorshipQuery, MentorshipRow};
pub use migrate::LATEST_VERSION;
pub use progress::OfferedPeriod;
pub use proteges::ProtegeRow;
pub use selection::{
    ApplicationQuery, ApplicationRow, ApplicationView, CohortSaved, LetterOwed, MentorNamed,
    MentorReply,
};
pub use signing::Unsigned;
pub use staff::{StaffQuery, StaffRow};
pub use units::UnitRow;
pub use users::MIN_PASSWORD;
pub use workload::Workload;
pub use workplans::OverdueEvent;

use crate::{Error, Result};

/// The registers whose records are archived rather than deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    Unit,
    Staff,
    Organisation,
    Mentor,
    Protege,
    Mentorship,
}

impl Register {
    fn table(self) -> &'static str {
        match self {
            Register::Unit => "unit",
            Register::Staff => "staff",
            Register::Organisation => "organisation",
            Register::Mentor => "mentor",
            Register::Protege => "protege",
            Register::Mentorship => "mentorship",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Register::Unit => "Unit",
            Register::Staff => "Staff member",
            Register::Organisation => "Organisation",
            Register::Mentor => "Mentor",
            Register::Protege => "Protégé",
            Register::Mentorship => "Mentorship",
        }
    }
}

/// A short choice for a drop-down: an id and the words shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    pub id: i64,
    pub label: String,
}

/// An open programme database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The passphrase of an encrypted database, kept to open its backups the same way.
    passphrase: Option<String>,
    actor: audit::Actor,
    /// The database file (or its -wal or -shm) was readable by others and was made private
    /// when it was opened.
    tightened: bool,
}

/// Who the audit trail names for changes before anyone is named with `Store::set_actor`.
pub const NO_ONE_SIGNED_IN: &str = "MentorDesk (no one signed in)";

impl Store {
    /// Opens (creating if needed) an unencrypted database file and brings it to the latest
    /// version. An encrypted file is refused with `Error::Locked`.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, None)
    }

    /// Opens (creating if needed) the database file with its passphrase, if it has one, and
    /// brings it to the latest version. A new file opened with a passphrase is encrypted.
    /// An empty passphrase is refused before the file is touched.
    pub fn open_with(path: &Path, passphrase: Option<&str>) -> Result<Store> {
        if passphrase == Some("") {
            return Err(Error::invalid("passphrase", "Type the passphrase."));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::private::create_dir(dir)?;
        }
        // A new file is made private before SQLite creates it (its -wal and -shm files take
        // its mode); an existing one readable by others is tightened.
        if !path.exists() {
            crate::private::write(path, b"")?;
        }
        let mut tightened = false;
        for suffix in ["", "-wal", "-shm"] {
            let file = backup::with_suffix(path, suffix);
            tightened |= crate::private::restrict(&file)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        let mut store = Store::setup(conn, Some(path.to_owned()), passphrase)?;
        store.tightened = tightened;
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None, None)
    }

    fn setup(
        mut conn: Connection,
        path: Option<PathBuf>,
        passphrase: Option<&str>,
    ) -> Result<Store> {
        // A wrong passphrase is reported as an error; SQLCipher need not also print it.
        conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
        if let Some(key) = passphrase {
            // SQLCipher takes the key before anything else is read.
            conn.pragma_update(None, "key", key)?;
        }
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        readable(&conn, passphrase.is_some())?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Up to 32 MiB of pages kept between reads (SQLite's default is 2 MiB), so that Today
        // on a large register reads its indexes from memory rather than the file each time.
        conn.pragma_update(None, "cache_size", -32768)?;
        if path.is_some() {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        let actor = audit::Actor::new(NO_ONE_SIGNED_IN);
        audit::register_functions(&conn, &actor)?;
        // An existing database is backed up before it is upgraded, so an upgrade that goes
        // wrong can be undone by restoring it.
        if let Some(path) = path.as_deref() {
            let (version, pending) = migrate::pending(&conn)?;
            if version > 0 && pending > 0 {
                backup::before_migration(&conn, path, passphrase, version)?;
            }
        }
        let applied = migrate::migrate(&mut conn)?;
        if applied > 0 || !audit::has_triggers(&conn)? {
            let tx = conn.transaction()?;
            audit::install_triggers(&tx)?;
            tx.commit()?;
        }
        Ok(Store {
            conn,
            path,
            passphrase: passphrase.map(str::to_owned),
            actor,
            tightened: false,
        })
    }

    /// The passphrase the database was opened with, if it is encrypted.
    /// Whether the database's files were readable by other accounts on this computer until
    /// this store opened them (and made them private), so that the window can say so once.
    pub fn was_tightened(&self) -> bool {
        self.tightened
    }

    pub fn passphrase(&self) -> Option<&str> {
        self.passphrase.as_deref()
    }

    /// True when the database is encrypted with a passphrase.
    pub fn is_encrypted(&self) -> bool {
        self.passphrase.is_some()
    }

    /// The file this store reads and writes, if it is not in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the register holds no staff yet, so the app offers the sample programme.
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM staff", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    /// Archives or restores a record. Archived records keep their history but leave the lists.
    pub fn set_archived(&mut self, register: Register, id: i64, archived: bool) -> Result<()> {
        let sql = format!(
            "UPDATE {} SET archived_at = CASE WHEN ?2 THEN coalesce(archived_at, datetime('now')) END WHERE id = ?1",
            register.table()
        );
        let changed = self.conn.execute(&sql, rusqlite::params![id, archived])?;
        if changed == 0 {
            return Err(Error::NotFound {
                what: register.noun(),
                id,
            });
        }
        Ok(())
    }
}

/// True when the file at `path` is an encrypted database: it exists, is not empty, and does
/// not start with SQLite's plain header. It says nothing of whether the file is a database.
pub fn is_encrypted(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::file(path, e)),
    };
    let read = file.read(&mut head).map_err(|e| Error::file(path, e))?;
    Ok(read > 0 && head[..read] != b"SQLite format 3\0"[..read])
}

/// Reads the schema once, so that a wrong or missing passphrase is told apart from other
/// failures before anything else is tried.
fn readable(conn: &Connection, with_passphrase: bool) -> Result<()> {
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(if with_passphrase {
                Error::WrongPassphrase
            } else {
                Error::Locked
            })
        }
        Err(e) => Err(e.into()),
    }
}

/// Where the app keeps its database unless `MENTORDESK_DB` says otherwise.
pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os("MENTORDESK_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
    base.join("MentorDesk").join("mentordesk.sqlite3")
}

fn not_found(what: &'static str, id: i64) -> impl FnOnce(rusqlite::Error) -> Error {
    move |e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what, id },
        other => Error::Database(other),
    }
}

/// `LIKE` pattern for a search text, folded like `domain::search_key`.
fn like_pattern(text: &str) -> String {
    let folded = crate::domain::search_key(text.trim());
    let escaped = folded
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    /// Runs `work` so that everything it writes lands together or not at all. The save methods
    /// each run in their own transaction; inside `work` they become savepoints of this one, as
    /// does `work` itself when it runs inside another's.
    pub fn in_transaction<T>(&mut self, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let (begin, commit, rollback) = if self.conn.is_autocommit() {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        } else {
            (
                "SAVEPOINT work",
                "RELEASE work",
                "ROLLBACK TO work; RELEASE work",
            )
        };
        self.conn.execute_batch(begin)?;
        match work(self) {
            Ok(value) => {
                self.conn.execute_batch(commit)?;
                Ok(value)
            }
            Err(err) => {
                // The rollback's own failure would hide the first error, which matters more.
                let _ = self.conn.execute_batch(rollback);
                Err(err)
            }
        }
    }
}
