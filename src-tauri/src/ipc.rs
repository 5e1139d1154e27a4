//! What every command shares: the open database held as Tauri state, the error shape the
//! window receives, and today's date. It does not decide anything about the programme.

use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;
use mentordesk_core::access::User;
use mentordesk_core::store::{is_encrypted, NO_ONE_SIGNED_IN};
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

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
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

/// The programme database, locked (encrypted and not yet unlocked), open, or why it could
/// not be opened; and the person signed in.
pub struct Db {
    path: PathBuf,
    state: Mutex<Opened>,
    user: Mutex<Option<User>>,
}

enum Opened {
    Open(Store),
    Locked,
    Failed(IpcError),
}

/// The open store, locked for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Opened>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Opened::Open(store) => store,
            // `Db::store` hands out a guard only over an open store, and holds the lock.
            _ => unreachable!("a StoreGuard over a store that is not open"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Opened::Open(store) => store,
            _ => unreachable!("a StoreGuard over a store that is not open"),
        }
    }
}

impl Db {
    /// Opens the database file, unless it is encrypted: then it waits for `unlock`.
    pub fn open(path: PathBuf) -> Db {
        let state = match is_encrypted(&path) {
            Ok(true) => Opened::Locked,
            Ok(false) => Db::opened(Store::open(&path)),
            Err(e) => Opened::Failed(e.into()),
        };
        Db {
            path,
            state: Mutex::new(state),
            user: Mutex::new(None),
        }
    }

    fn opened(store: mentordesk_core::Result<Store>) -> Opened {
        match store {
            Ok(store) => Opened::Open(store),
            Err(Error::Locked) => Opened::Locked,
            Err(e) => Opened::Failed(e.into()),
        }
    }

    fn state(&self) -> MutexGuard<'_, Opened> {
        // A command that panicked cannot have left half a change behind: every write runs in
        // a transaction that rolls back when dropped. So the store stays usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The database file, whether or not it could be opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True while the database is encrypted and waits for its passphrase.
    pub fn is_locked(&self) -> bool {
        matches!(*self.state(), Opened::Locked)
    }

    /// Why the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<IpcError> {
        match &*self.state() {
            Opened::Failed(e) => Some(e.clone()),
            _ => None,
        }
    }

    /// Opens an encrypted database with its passphrase. A wrong passphrase leaves it locked.
    pub fn unlock(&self, passphrase: &str) -> Reply<()> {
        let mut state = self.state();
        if let Opened::Locked = *state {
            *state = Opened::Open(Store::open_with(&self.path, Some(passphrase))?);
        }
        Ok(())
    }

    /// The open store, locked for one command.
    pub fn store(&self) -> Reply<StoreGuard<'_>> {
        let state = self.state();
        match &*state {
            Opened::Open(_) => Ok(StoreGuard(state)),
            Opened::Locked => Err(Error::Locked.into()),
            Opened::Failed(e) => Err(e.clone()),
        }
    }

    /// Closes the store, lets `work` change the file (a restore, an encryption), and opens
    /// what `work` returns in its place. No other command runs meanwhile. When `work` fails
    /// the file it left is opened again as it was.
    pub fn reopen_after(
        &self,
        work: impl FnOnce(Store) -> mentordesk_core::Result<Store>,
    ) -> Reply<()> {
        let mut state = self.state();
        let Opened::Open(store) = std::mem::replace(&mut *state, Opened::Locked) else {
            return Err(Error::Locked.into());
        };
        let passphrase = store.passphrase().map(str::to_owned);
        let (reopened, result) = match work(store) {
            Ok(store) => (Opened::Open(store), Ok(())),
            Err(err) => (
                Db::opened(Store::open_with(&self.path, passphrase.as_deref())),
                Err(err.into()),
            ),
        };
        *state = reopened;
        // A store opened afresh names no one in the audit trail until told who is signed in.
        if let (Opened::Open(store), Some(user)) = (&mut *state, self.user()) {
            store.set_actor(&user.name);
        }
        result
    }

    /// The person signed in, if anyone is.
    pub fn user(&self) -> Option<User> {
        self.user
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Records who is signed in (or that no one is), and names them in the audit trail.
    pub fn set_user(&self, user: Option<User>) -> Reply<()> {
        let name = user.as_ref().map_or(NO_ONE_SIGNED_IN, |u| u.name.as_str());
        if let Ok(mut store) = self.store() {
            store.set_actor(name);
        }
        *self.user.lock().unwrap_or_else(PoisonError::into_inner) = user;
        Ok(())
    }

    /// After the programme's content was replaced by a restore, keeps the person signed in
    /// only as the same account in it (same number and name, not disabled), with the role it
    /// holds there; otherwise no one is signed in. Says whether they still are.
    pub fn recheck_user(&self) -> Reply<bool> {
        let same = self.user().and_then(|me| {
            let there = self.store().ok()?.user(me.id).ok()?;
            (there.name == me.name && there.active).then_some(there)
        });
        let signed_in = same.is_some();
        self.set_user(same)?;
        Ok(signed_in)
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
