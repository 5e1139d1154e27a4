//! Backups of the programme database and encryption at rest. It owns writing a verified copy
//! (with SQLite's online backup API, safe while the app runs), describing a backup file,
//! restoring one into the live database, the automatic backups kept beside the database, and
//! setting or changing the SQLCipher passphrase. It does not choose files or ask anyone to
//! confirm: the shell and the CLI do that.
//!
//! Every file this module writes is first written under a temporary name next to its final
//! place, checked (`PRAGMA integrity_check` and the MentorDesk tables), and only then renamed;
//! a failure leaves no half file under the final name. A copy of an encrypted database is
//! encrypted with the same passphrase.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;

use super::audit::{self, TrailEnd};
use super::{migrate, Store, LATEST_VERSION};
use crate::{Error, Result};

/// The folder beside the database file that automatic backups are written into.
pub const BACKUPS_DIR: &str = "backups";

/// Automatic backups are named `auto-YYYY-MM-DD-<why>.sqlite3`, so they sort by date and are
/// told apart from backups made by hand, which pruning never touches.
const AUTO_PREFIX: &str = "auto-";
const EXTENSION: &str = "sqlite3";

/// A passphrase shorter than this is refused: it would be guessed too easily.
pub const MIN_PASSPHRASE: usize = 8;

/// Pages copied per step of the backup API; between steps the live database is free for the
/// app's own work, so a large backup does not hold it for its whole length.
const PAGES_PER_STEP: std::os::raw::c_int = 1024;

/// What a backup file holds, shown before it is restored and returned after it is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupSummary {
    pub path: PathBuf,
    /// The file's size in bytes.
    pub size: u64,
    /// The data version the backup was written at (older ones are upgraded on restore).
    pub data_version: i64,
    pub encrypted: bool,
    /// SQLite's `integrity_check` answer: "ok" for a sound file.
    pub integrity: String,
    pub staff: i64,
    pub mentors: i64,
    pub proteges: i64,
    pub mentorships: i64,
    pub sessions: i64,
    /// When the newest line of its audit trail was written (UTC), if it has one.
    pub newest_change: Option<String>,
    /// Its audit trail's length and newest line: the anchor the live trail's end is checked
    /// against.
    pub trail: TrailEnd,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Restored {
    /// The backup that was restored.
    pub restored: BackupSummary,
    /// The backup of the database as it was just before the restore.
    pub previous: BackupSummary,
}

/// An automatic backup in the `backups` folder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AutoBackup {
    pub path: PathBuf,
    pub name: String,
    /// The day it was written, from its name.
    pub day: String,
    pub size: u64,
}

impl Store {
    /// Writes a verified copy of the database to `dest` while the database stays open. The
    /// copy of an encrypted database is encrypted with the same passphrase.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupSummary> {
        write_backup(&self.conn, self.passphrase(), dest)
    }

    /// Writes today's automatic backup into the `backups` folder beside the database, unless
    /// one was written today already, and removes the automatic backups beyond the setting
    /// `backups_kept`. Returns the backup written, if any. An in-memory store has none.
    pub fn auto_backup(&self, today: NaiveDate) -> Result<Option<BackupSummary>> {
        let Some(dir) = self.path().map(backups_dir) else {
            return Ok(None);
        };
        let dest = dir.join(auto_name(today, "daily"));
        if dest.exists() {
            return Ok(None);
        }
        let written = self.backup_to(&dest)?;
        prune(&dir, self.settings()?.backups_kept as usize)?;
        Ok(Some(written))
    }

    /// The automatic backups beside the database, newest first.
    pub fn auto_backups(&self) -> Result<Vec<AutoBackup>> {
        match self.path() {
            Some(path) => auto_backups_in(&backups_dir(path)),
            None => Ok(Vec::new()),
        }
    }

    /// Describes the backup at `path` (its passphrase given when it is encrypted; the
    /// database's own passphrase is tried when none is).
    pub fn inspect_backup(&self, path: &Path, passphrase: Option<&str>) -> Result<BackupSummary> {
        inspect_backup(path, given(passphrase).or(self.passphrase()))
    }

    /// Replaces the whole content of the database with the backup at `from`, after checking
    /// it and backing up what it replaces into the `backups` folder. The copy is made with
    /// the backup API inside one write transaction, so the live file holds either the old or
    /// the new content. An older backup is then upgraded, and the audit triggers reinstalled.
    pub fn restore_from(
        &mut self,
        from: &Path,
        passphrase: Option<&str>,
        today: NaiveDate,
    ) -> Result<Restored> {
        let passphrase = given(passphrase).or(self.passphrase()).map(str::to_owned);
        let incoming = inspect_backup(from, passphrase.as_deref())?;
        let Some(path) = self.path.clone() else {
            return Err(Error::invalid(
                "backup",
                "A database kept only in memory cannot be restored into.",
            ));
        };
        let dir = backups_dir(&path);
        let previous = self.backup_to(&unused(&dir, today, "before-restore"))?;

        // The backup is first copied into a scratch file in this database's encryption (the
        // backup API copies pages, and pages of two different keys cannot be mixed).
        let scratch = temporary(&dir.join("restoring"));
        let key = self.passphrase.clone();
        let live = &mut self.conn;
        let copied = (|| {
            let scratch_conn = import(from, passphrase.as_deref(), &scratch, key.as_deref())?;
            copy_pages(&scratch_conn, live)
        })();
        remove_quietly(&scratch);
        copied?;

        migrate::migrate(&mut self.conn)?;
        let tx = self.conn.transaction()?;
        audit::install_triggers(&tx)?;
        tx.commit()?;
        self.record_restore(&incoming, Some(&previous))?;
        prune(&dir, self.settings()?.backups_kept as usize)?;
        Ok(Restored {
            restored: incoming,
            previous,
        })
    }

    /// Restores the backup at `from` into a new database file at `db`, which must not exist
    /// yet: the day a backup matters most is the day MentorDesk starts on a new computer. The
    /// new database keeps the backup's encryption and passphrase. The backup is checked before
    /// anything is written, so a file that is not a MentorDesk backup, a damaged one or a wrong
    /// passphrase leaves nothing behind. `actor` is who the restore's audit line names.
    pub fn restore_new(
        db: &Path,
        from: &Path,
        passphrase: Option<&str>,
        actor: &str,
    ) -> Result<(Store, BackupSummary)> {
        if db.exists() {
            return Err(Error::invalid(
                "database",
                format!(
                    "{} already exists; restoring into it replaces what it holds, which is \
                     done from the database itself.",
                    db.display()
                ),
            ));
        }
        restore_as_new(from, passphrase, db, actor, || Ok(()))
    }

    /// Restores the backup at `from` in place of this database, which must hold no records
    /// yet (a new programme on a new computer), and returns it open. Unlike `restore_from`,
    /// the database takes the backup's encryption and passphrase as its own.
    pub fn restore_fresh(self, from: &Path, passphrase: Option<&str>) -> Result<Store> {
        let Some(path) = self.path.clone() else {
            return Err(Error::invalid(
                "backup",
                "A database kept only in memory cannot be restored into.",
            ));
        };
        if !self.is_empty()? {
            return Err(Error::invalid(
                "backup",
                "This programme already holds records. Restore from Backup and security \
                 instead, which keeps a copy of what the restore replaces.",
            ));
        }
        let actor = self.actor.get();
        let old = path.clone();
        let make_room = move || {
            // The empty database goes, with its -wal and -shm companions, only once the
            // backup is checked and copied beside it.
            drop(self);
            for suffix in ["", "-wal", "-shm"] {
                let file = with_suffix(&old, suffix);
                match std::fs::remove_file(&file) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(Error::file(&file, e))
                    }
                    _ => {}
                }
            }
            Ok(())
        };
        Ok(restore_as_new(from, passphrase, &path, &actor, make_room)?.0)
    }

    /// Writes the restore's own row, whose audit line says what was restored and by whom,
    /// after the restored trail. `previous` is the backup of what the restore replaced.
    fn record_restore(
        &mut self,
        restored: &BackupSummary,
        previous: Option<&BackupSummary>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO restore (restored_from, data_version, restored_lines, restored_head,
                                  replaced_lines, replaced_head, replaced_kept_in)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![
                restored.path.display().to_string(),
                restored.data_version,
                restored.trail.lines as i64,
                restored.trail.head_hash,
                previous.map(|p| p.trail.lines as i64),
                previous.and_then(|p| p.trail.head_hash.clone()),
                previous.map(|p| p.path.display().to_string()),
            ],
        )?;
        Ok(())
    }

    /// Changes the passphrase of an encrypted database. A plain database is encrypted with
    /// `Store::encrypt` instead, which must close it first.
    pub fn change_passphrase(&mut self, new: &str) -> Result<()> {
        check_passphrase(new)?;
        if !self.is_encrypted() {
            return Err(Error::invalid(
                "passphrase",
                "This database has no passphrase yet: set one to encrypt it.",
            ));
        }
        // SQLCipher rewrites every page under the new key; outside WAL mode it does so in one
        // transaction of the rollback journal, so a crash leaves the old key or the new one.
        self.conn.pragma_update(None, "journal_mode", "DELETE")?;
        let rekeyed = self.conn.pragma_update(None, "rekey", new);
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        rekeyed?;
        self.passphrase = Some(new.to_owned());
        Ok(())
    }

    /// Encrypts a plain database with `passphrase` (or changes the passphrase of an encrypted
    /// one) and returns it open. The encrypted copy is written beside the file, checked to hold
    /// the same records, and renamed over the plain file; the plain file's `-wal` and `-shm`
    /// files are checkpointed and removed first.
    pub fn encrypt(mut self, passphrase: &str) -> Result<Store> {
        check_passphrase(passphrase)?;
        if self.is_encrypted() {
            self.change_passphrase(passphrase)?;
            return Ok(self);
        }
        let Some(path) = self.path.clone() else {
            return Err(Error::invalid(
                "passphrase",
                "A database kept only in memory cannot be encrypted.",
            ));
        };
        let before = describe(&self.conn, &path, false)?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let scratch = temporary(&path);
        let written = (|| {
            export(&self.conn, &scratch, Some(passphrase))?;
            let after = inspect_backup(&scratch, Some(passphrase))?;
            same_records(&before, &after)
        })();
        if let Err(err) = written {
            remove_quietly(&scratch);
            return Err(err);
        }
        // Closing the last connection checkpoints the WAL and removes the -wal and -shm files;
        // any left behind would belong to the plain file and must not meet the encrypted one.
        drop(self);
        for suffix in ["-wal", "-shm"] {
            remove_quietly(&with_suffix(&path, suffix));
        }
        std::fs::rename(&scratch, &path).map_err(|e| Error::file(&path, e))?;
        Store::open_with(&path, Some(passphrase))
    }
}

/// The folder automatic backups of the database at `db` are written into.
pub fn backups_dir(db: &Path) -> PathBuf {
    let beside = db.parent().filter(|p| !p.as_os_str().is_empty());
    beside.unwrap_or(Path::new(".")).join(BACKUPS_DIR)
}

/// Where a backup made by hand on `today` goes in the folder `dir` a person chose: named by
/// the date, with a number when that name is taken, so nothing there is overwritten.
pub fn new_backup_path(dir: &Path, today: NaiveDate) -> PathBuf {
    let name = |n: u32| match n {
        1 => format!("mentordesk-backup-{today}.{EXTENSION}"),
        n => format!("mentordesk-backup-{today}-{n}.{EXTENSION}"),
    };
    (1..)
        .map(|n| dir.join(name(n)))
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(name(1)))
}

/// Writes the backup made before the migrations of an existing database run. Called by
/// `Store::setup`, which has no `today`, so the day is read from the clock here.
pub(super) fn before_migration(
    conn: &Connection,
    db: &Path,
    passphrase: Option<&str>,
    from_version: i64,
) -> Result<BackupSummary> {
    let dir = backups_dir(db);
    let today = chrono::Local::now().date_naive();
    let written = write_backup(
        conn,
        passphrase,
        &unused(&dir, today, &format!("before-upgrade-from-v{from_version}")),
    )?;
    let kept: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = 'backups_kept'",
            [],
            |r| r.get(0),
        )
        .optional()
        .unwrap_or(None);
    prune(&dir, kept.and_then(|k| k.parse().ok()).unwrap_or(10))?;
    Ok(written)
}

/// Restores the backup at `from` as the database at `dest`: checks it, copies it beside
/// `dest` under a temporary name (in its own encryption), lets `make_room` clear the way, then
/// renames the copy into place, opens it (upgrading an older backup) and records the restore.
/// Anything that fails after the copy exists removes what this wrote.
fn restore_as_new(
    from: &Path,
    passphrase: Option<&str>,
    dest: &Path,
    actor: &str,
    make_room: impl FnOnce() -> Result<()>,
) -> Result<(Store, BackupSummary)> {
    let passphrase = given(passphrase);
    let incoming = inspect_backup(from, passphrase)?;
    let key = passphrase.filter(|_| incoming.encrypted);
    let dir = dest.parent().filter(|d| !d.as_os_str().is_empty());
    let made_dir = match dir {
        Some(dir) if !dir.exists() => {
            crate::private::create_dir(dir)?;
            Some(dir)
        }
        _ => None,
    };
    let scratch = temporary(dest);
    // Until the copy is renamed into place, whatever is at `dest` is not this restore's.
    let mut placed_at_dest = false;
    let placed = (|| {
        let copy = import(from, key, &scratch, key)?;
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        drop(copy);
        make_room()?;
        std::fs::rename(&scratch, dest).map_err(|e| Error::file(dest, e))?;
        placed_at_dest = true;
        let mut store = Store::open_with(dest, key)?;
        store.set_actor(actor);
        store.record_restore(&incoming, None)?;
        Ok(store)
    })();
    match placed {
        Ok(store) => Ok((store, incoming)),
        Err(err) => {
            if placed_at_dest {
                for suffix in ["", "-wal", "-shm"] {
                    remove_quietly(&with_suffix(dest, suffix));
                }
            }
            remove_quietly(&scratch);
            if let Some(dir) = made_dir {
                let _ = std::fs::remove_dir(dir);
            }
            Err(err)
        }
    }
}

/// A passphrase field left empty gives none: the database's own is tried instead.
fn given(passphrase: Option<&str>) -> Option<&str> {
    passphrase.filter(|p| !p.is_empty())
}

/// Describes the backup file at `path`, checking it on the way: it must be a sound SQLite
/// file, a MentorDesk database, and not from a newer MentorDesk.
pub fn inspect_backup(path: &Path, passphrase: Option<&str>) -> Result<BackupSummary> {
    let conn = open_checked(path, passphrase, true)?;
    let encrypted = super::is_encrypted(path)?;
    describe(&conn, path, encrypted)
}

/// The automatic backups in `dir`, newest first.
pub fn auto_backups_in(dir: &Path) -> Result<Vec<AutoBackup>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(dir, e)),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::file(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(day) = auto_day(&name) else {
            continue;
        };
        let meta = entry.metadata().map_err(|e| Error::file(entry.path(), e))?;
        found.push((
            meta.modified().ok(),
            AutoBackup {
                path: entry.path(),
                day,
                name,
                size: meta.len(),
            },
        ));
    }
    // By day, and within a day by when the file was written.
    found.sort_by(|(at_a, a), (at_b, b)| (&b.day, at_b).cmp(&(&a.day, at_a)));
    Ok(found.into_iter().map(|(_, b)| b).collect())
}

/// The day of an automatic backup's name, or `None` for any other file.
fn auto_day(name: &str) -> Option<String> {
    let rest = name.strip_prefix(AUTO_PREFIX)?;
    if !name.ends_with(&format!(".{EXTENSION}")) {
        return None;
    }
    let day = rest.get(..10)?;
    day.parse::<NaiveDate>().ok()?;
    Some(day.to_owned())
}

fn auto_name(today: NaiveDate, why: &str) -> String {
    format!("{AUTO_PREFIX}{today}-{why}.{EXTENSION}")
}

/// An automatic backup's path that is not taken yet: a second one of the same kind on the
/// same day gets a number.
fn unused(dir: &Path, today: NaiveDate, why: &str) -> PathBuf {
    let first = dir.join(auto_name(today, why));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(auto_name(today, &format!("{why}-{n}"))))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Removes the oldest automatic backups in `dir` beyond `kept`.
fn prune(dir: &Path, kept: usize) -> Result<()> {
    for old in auto_backups_in(dir)?.into_iter().skip(kept.max(1)) {
        std::fs::remove_file(&old.path).map_err(|e| Error::file(&old.path, e))?;
    }
    Ok(())
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.trim().is_empty() {
        return Err(Error::invalid("passphrase", "Type a passphrase."));
    }
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(Error::invalid(
            "passphrase",
            format!("A passphrase needs at least {MIN_PASSPHRASE} characters; a few words make a good one."),
        ));
    }
    Ok(())
}

/// Writes a checked copy of the database on `conn` to `dest` through a temporary file.
fn write_backup(conn: &Connection, passphrase: Option<&str>, dest: &Path) -> Result<BackupSummary> {
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::private::create_dir(dir)?;
    }
    let scratch = temporary(dest);
    let written = (|| {
        // Made private before SQLite writes into it, which keeps the mode it finds.
        crate::private::write(&scratch, b"")?;
        let mut copy = open_raw(&scratch, passphrase, false)?;
        copy_pages(conn, &mut copy)?;
        // A backup is one self-contained file, without -wal and -shm companions.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        drop(copy);
        inspect_backup(&scratch, passphrase)
    })();
    let summary = match written {
        Ok(summary) => summary,
        Err(err) => {
            remove_quietly(&scratch);
            return Err(err);
        }
    };
    if let Err(e) = std::fs::rename(&scratch, dest) {
        remove_quietly(&scratch);
        return Err(Error::file(dest, e));
    }
    Ok(BackupSummary {
        path: dest.to_owned(),
        ..summary
    })
}

/// Copies every page of `from` into `to` with the online backup API, in steps.
fn copy_pages(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    backup.run_to_completion(PAGES_PER_STEP, std::time::Duration::ZERO, None)?;
    Ok(())
}

/// Writes the database on `conn` into a new file at `dest` encrypted with `key` (or plain
/// without one), through SQLCipher's export.
fn export(conn: &Connection, dest: &Path, key: Option<&str>) -> Result<()> {
    remove_quietly(dest);
    // An empty private file, which SQLite fills and whose mode it keeps.
    crate::private::write(dest, b"")?;
    let dest_text = dest.to_string_lossy();
    conn.execute(
        "ATTACH DATABASE ?1 AS copy KEY ?2",
        rusqlite::params![dest_text, key.unwrap_or("")],
    )?;
    let exported = conn.query_row("SELECT sqlcipher_export('copy')", [], |_| Ok(()));
    conn.execute("DETACH DATABASE copy", [])?;
    exported?;
    Ok(())
}

/// Writes a new file at `dest`, encrypted with `key` (or plain without one), holding the
/// database at `from` (opened with `from_key`), and returns it open. The file at `from` is
/// only read.
fn import(
    from: &Path,
    from_key: Option<&str>,
    dest: &Path,
    key: Option<&str>,
) -> Result<Connection> {
    // Checks the file and tells a wrong passphrase apart before it is attached.
    drop(open_checked(from, from_key, true)?);
    let from_key = from_key.filter(|_| super::is_encrypted(from).unwrap_or(false));
    remove_quietly(dest);
    // An empty private file, which SQLite fills and whose mode it keeps.
    crate::private::write(dest, b"")?;
    let conn = open_raw(dest, key, false)?;
    conn.execute(
        "ATTACH DATABASE ?1 AS source KEY ?2",
        rusqlite::params![from.to_string_lossy(), from_key.unwrap_or("")],
    )?;
    let imported = conn.query_row("SELECT sqlcipher_export('main', 'source')", [], |_| Ok(()));
    conn.execute("DETACH DATABASE source", [])?;
    imported?;
    Ok(conn)
}

/// Opens a database file with SQLCipher's key when one is given, nothing else.
fn open_raw(path: &Path, passphrase: Option<&str>, read_only: bool) -> Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.execute_batch("PRAGMA cipher_log_level = NONE")?;
    if let Some(key) = passphrase {
        conn.pragma_update(None, "key", key)?;
    }
    Ok(conn)
}

/// Opens a file a person chose as a backup, telling apart a missing file, a file that is not
/// a database, an encrypted one without its passphrase and a wrong passphrase.
fn open_checked(path: &Path, passphrase: Option<&str>, read_only: bool) -> Result<Connection> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| Error::file(path, e))?;
    if !meta.is_file() || meta.len() == 0 {
        return Err(Error::BadFile(format!(
            "{shown} is empty or not a file, so it is not a MentorDesk backup."
        )));
    }
    let encrypted = super::is_encrypted(path)?;
    // An encrypted database is a whole number of pages; anything else is some other file.
    if encrypted && meta.len() % 512 != 0 {
        return Err(not_mentordesk(path));
    }
    if encrypted && passphrase.is_none() {
        return Err(Error::Locked);
    }
    let conn = open_raw(path, passphrase.filter(|_| encrypted), read_only)?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(if encrypted {
                Error::WrongPassphrase
            } else {
                not_mentordesk(path)
            })
        }
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::DatabaseCorrupt =>
        {
            Err(Error::BadFile(format!(
                "{shown} is damaged or incomplete (perhaps cut short while it was copied) and \
                 cannot be used."
            )))
        }
        Err(e) => Err(Error::BadFile(format!(
            "{shown} could not be read as a database ({e})."
        ))),
    }
}

/// Opens a backup (already described by `inspect_backup`) to read it.
pub(super) fn open_backup(path: &Path, passphrase: Option<&str>) -> Result<Connection> {
    open_checked(path, passphrase, true)
}

fn not_mentordesk(path: &Path) -> Error {
    Error::BadFile(format!(
        "{} is not a MentorDesk database or backup.",
        path.display()
    ))
}

/// Checks the database on `conn` and counts what it holds.
fn describe(conn: &Connection, path: &Path, encrypted: bool) -> Result<BackupSummary> {
    let damaged = |e: rusqlite::Error| {
        Error::BadFile(format!(
            "{} is damaged and cannot be used ({e}).",
            path.display()
        ))
    };
    let integrity: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(damaged)?;
    if integrity != "ok" {
        return Err(Error::BadFile(format!(
            "{} is damaged and cannot be used (SQLite's check says: {integrity}).",
            path.display()
        )));
    }
    let has = |table: &str| -> Result<bool> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    if !has("schema_version")? || !has("staff")? {
        return Err(not_mentordesk(path));
    }
    let data_version: i64 = conn.query_row(
        "SELECT coalesce(max(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?;
    if data_version > LATEST_VERSION {
        return Err(Error::BadFile(format!(
            "{} was written by a newer MentorDesk (data version {data_version}; this program \
             knows up to {LATEST_VERSION}). Install the newer MentorDesk to restore it.",
            path.display()
        )));
    }
    let count = |table: &str| -> Result<i64> {
        if !has(table)? {
            return Ok(0);
        }
        Ok(
            conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })?,
        )
    };
    let trail = if has("audit_log")? {
        audit::trail_end(conn)?
    } else {
        TrailEnd::default()
    };
    let size = std::fs::metadata(path)
        .map_err(|e| Error::file(path, e))?
        .len();
    Ok(BackupSummary {
        path: path.to_owned(),
        size,
        data_version,
        encrypted,
        integrity,
        staff: count("staff")?,
        mentors: count("mentor")?,
        proteges: count("protege")?,
        mentorships: count("mentorship")?,
        sessions: count("session")?,
        newest_change: trail.head_at.clone(),
        trail,
    })
}

/// Refuses an encrypted copy whose records differ in number from the plain original.
fn same_records(before: &BackupSummary, after: &BackupSummary) -> Result<()> {
    let counts = |s: &BackupSummary| {
        (
            s.data_version,
            s.staff,
            s.mentors,
            s.proteges,
            s.mentorships,
            s.sessions,
            s.newest_change.clone(),
            s.trail.clone(),
        )
    };
    if counts(before) != counts(after) {
        return Err(Error::BadFile(format!(
            "The encrypted copy {} does not hold the same records as the database; the \
             database was left as it was.",
            after.path.display()
        )));
    }
    Ok(())
}

/// The temporary name a file is written under before it is renamed to `dest`.
fn temporary(dest: &Path) -> PathBuf {
    with_suffix(dest, ".partial")
}

pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a scratch file; one that is already gone is what was wanted.
fn remove_quietly(path: &Path) {
    let _ = std::fs::remove_file(path);
}
