//! What every command shares: the open database held as Tauri state, the error shape the
//! window receives, and today's date. It does not decide anything about the programme.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;
use mentordesk_core::{Error, Store};
use serde::Serialize;

/// An error as the window receives it: a stable `code` the UI may branch on, the `message`
/// for the person, and the form `field` it belongs next to.
#[derive(Debug, Clone, Serialize)]
pub struct IpcError {
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
}

impl IpcError {
    pub fn new(code: &'static str, message: impl Into<String>) -> IpcError {
        IpcError {
            code,
            message: message.into(),
            field: None,
        }
    }
}

impl From<Error> for IpcError {
    fn from(err: Error) -> IpcError {
        IpcError {
            code: err.code(),
            message: err.to_string(),
            field: err.field().map(str::to_owned),
        }
    }
}

/// A command's answer to the window.
pub type Reply<T> = Result<T, IpcError>;

/// The programme database, or why it could not be opened.
pub struct Db {
    path: PathBuf,
    store: Result<Mutex<Store>, IpcError>,
}

impl Db {
    pub fn open(path: PathBuf) -> Db {
        let store = Store::open(&path).map(Mutex::new).map_err(IpcError::from);
        Db { path, store }
    }

    /// The database file, whether or not it could be opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&IpcError> {
        self.store.as_ref().err()
    }

    /// The open store, locked for one command.
    pub fn store(&self) -> Reply<MutexGuard<'_, Store>> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A command that panicked cannot have left half a change behind: every write runs in
        // a transaction that rolls back when dropped. So the store stays usable.
        Ok(store.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// The folder beside the database file that printed documents are written into.
    pub fn documents_dir(&self) -> PathBuf {
        let beside = self.path.parent().filter(|p| !p.as_os_str().is_empty());
        beside.unwrap_or(Path::new(".")).join("documents")
    }
}

/// Today's date on this computer. Core never reads the clock, so the shell reads it here.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
