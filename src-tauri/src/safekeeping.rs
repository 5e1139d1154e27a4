//! Commands that keep the programme's data safe: backing up now into a folder the person
//! chooses, the automatic backups, inspecting and restoring a backup, unlocking an encrypted
//! database, and setting or changing its passphrase. What a backup is and how it is checked
//! is core's (`mentordesk_core::store::backup`); this module only adds the dialogs.
//!
//! The backup a person chose to inspect is kept here, in the shell's state, and restore acts
//! on that file only: the window never sends a path, so it cannot restore an arbitrary file.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use mentordesk_core::store::{backups_dir, new_backup_path, AutoBackup, BackupSummary, Restored};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::dialogs::{choose, Ask};
use crate::ipc::{today, Db, IpcError, Reply};

/// The kinds of file the backup dialog offers.
const BACKUP_FILES: &[(&str, &[&str])] = &[("MentorDesk backup", &["sqlite3", "db"])];

/// The backup file chosen with `inspect_backup`, waiting to be restored.
#[derive(Default)]
pub struct ChosenBackup(Mutex<Option<PathBuf>>);

impl ChosenBackup {
    fn get(&self) -> Option<PathBuf> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set(&self, path: Option<PathBuf>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = path;
    }
}

/// What the "Backup and security" screen shows.
#[derive(Debug, Serialize)]
pub struct SafekeepingStatus {
    pub encrypted: bool,
    /// The folder the automatic backups are kept in.
    pub backups_dir: String,
    pub backups_kept: u32,
    /// The automatic backups, newest first.
    pub backups: Vec<AutoBackup>,
}

/// Writes today's automatic backup when the store is open. Run when the app starts and when
/// an encrypted database is unlocked; a failure is printed, it does not stop the app.
pub fn daily_backup(db: &Db) {
    let Ok(store) = db.store() else {
        return;
    };
    if let Err(e) = store.auto_backup(today()) {
        eprintln!("MentorDesk: today's automatic backup failed: {e}");
    }
}

#[tauri::command]
pub fn safekeeping_status(db: State<'_, Db>) -> Reply<SafekeepingStatus> {
    let store = db.store()?;
    Ok(SafekeepingStatus {
        encrypted: store.is_encrypted(),
        backups_dir: backups_dir(db.path()).display().to_string(),
        backups_kept: store.settings()?.backups_kept,
        backups: store.auto_backups()?,
    })
}

/// Backs the database up into a folder the person chooses (a USB stick, a network share).
/// Returns `None` when they cancel the dialog.
#[tauri::command(async)]
pub fn backup_now(app: AppHandle, db: State<'_, Db>) -> Reply<Option<BackupSummary>> {
    let Some(dir) = choose(&app, "Choose the folder to back up into", Ask::Folder) else {
        return Ok(None);
    };
    let dest = new_backup_path(&dir, today());
    Ok(Some(db.store()?.backup_to(&dest)?))
}

/// Says what a backup file holds, checking it. With `again`, the file chosen last time is
/// read again (with the passphrase just typed) instead of asking for a file.
#[tauri::command(async)]
pub fn inspect_backup(
    app: AppHandle,
    db: State<'_, Db>,
    chosen: State<'_, ChosenBackup>,
    again: bool,
    passphrase: Option<String>,
) -> Reply<Option<BackupSummary>> {
    let path = match (again, chosen.get()) {
        (true, Some(path)) => path,
        _ => match choose(
            &app,
            "Choose the backup to restore",
            Ask::OpenFile(BACKUP_FILES),
        ) {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    chosen.set(Some(path.clone()));
    Ok(Some(
        db.store()?.inspect_backup(&path, passphrase.as_deref())?,
    ))
}

/// Restores the backup inspected last, after backing up what it replaces.
#[tauri::command(async)]
pub fn restore_backup(
    db: State<'_, Db>,
    chosen: State<'_, ChosenBackup>,
    passphrase: Option<String>,
) -> Reply<RestoredHere> {
    let Some(path) = chosen.get() else {
        return Err(IpcError::new(
            "no_backup_chosen",
            "Choose the backup to restore first.",
        ));
    };
    let restored = db
        .store()?
        .restore_from(&path, passphrase.as_deref(), today())?;
    chosen.set(None);
    // The accounts are now the backup's.
    let signed_in = db.recheck_user()?;
    Ok(RestoredHere {
        restored,
        signed_in,
    })
}

/// A restore in place of the programme, and whether whoever restored it is still signed in:
/// only when the restored programme holds their account as it was (`Db::recheck_user`).
#[derive(Debug, Serialize)]
pub struct RestoredHere {
    #[serde(flatten)]
    restored: Restored,
    signed_in: bool,
}

/// Restores the backup inspected last in place of a new, empty programme (the first start on a
/// new computer), taking the backup's encryption and passphrase as the database's own.
#[tauri::command(async)]
pub fn restore_new_programme(
    db: State<'_, Db>,
    chosen: State<'_, ChosenBackup>,
    passphrase: Option<String>,
) -> Reply<()> {
    let Some(path) = chosen.get() else {
        return Err(IpcError::new(
            "no_backup_chosen",
            "Choose the backup to restore first.",
        ));
    };
    db.reopen_after(|store| store.restore_fresh(&path, passphrase.as_deref()))?;
    chosen.set(None);
    // The accounts are now the backup's: whoever restored it signs in again as one of them.
    db.set_user(None)
}

/// Opens the encrypted database with its passphrase, then makes today's automatic backup.
#[tauri::command(async)]
pub fn unlock(db: State<'_, Db>, passphrase: String) -> Reply<()> {
    db.unlock(&passphrase)?;
    daily_backup(&db);
    Ok(())
}

/// Changes the passphrase of an encrypted database, or encrypts a plain one with it.
#[tauri::command(async)]
pub fn set_passphrase(db: State<'_, Db>, passphrase: String) -> Reply<()> {
    if db.store()?.is_encrypted() {
        return Ok(db.store()?.change_passphrase(&passphrase)?);
    }
    db.reopen_after(|store| store.encrypt(&passphrase))
}
