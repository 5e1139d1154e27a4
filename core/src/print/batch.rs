//! Printing a batch of documents on every core: a period's progress reports, every active
//! mentorship's agreement, a cycle's KPA allocations. It owns the order of the work, the
//! progress told and the failures listed; what each document holds and how it is laid out are
//! its own module's.
//!
//! A `Store` is one SQLite connection, which one thread uses at a time, so each document's
//! facts are read from the store in turn on the calling thread, asking for the store before
//! each document and letting it go after (a window sharing the store stays usable). Laying the
//! document out, rendering the PDF and writing it, most of the work, run on rayon's pool as
//! soon as its facts are in. A document that fails is listed with why and the batch goes on;
//! `told(done, total, name)` is called on the calling thread as each document is done, in the
//! order they finish, so `done` counts up from 1 to `total`.

use std::fmt::Display;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, TryRecvError};

use serde::Serialize;

use crate::store::Store;
use crate::{Error, Result};

/// A document of a batch that could not be printed, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BatchFailure {
    /// Whom the document is for, as the progress names it.
    pub name: String,
    pub message: String,
}

/// What printing a batch did: the files written in the order the documents were asked for,
/// and the documents that could not be printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Batch {
    pub folder: PathBuf,
    pub printed: Vec<PathBuf>,
    pub failures: Vec<BatchFailure>,
}

/// One document of a batch: the record it is printed from and whom it is for.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: i64,
    pub name: String,
}

/// Prints one document per item into `folder` (created if needed): `load` reads an item's facts
/// from the store, on the calling thread; `write` lays them out, renders and writes the PDF
/// into the folder, on the pool. Fails only when the folder cannot be made.
pub fn print<S, E, F>(
    store: impl Fn() -> std::result::Result<S, E>,
    folder: &Path,
    items: &[Item],
    load: impl Fn(&Store, i64) -> Result<F>,
    write: impl Fn(F, &Path) -> Result<PathBuf> + Sync,
    mut told: impl FnMut(usize, usize, &str),
) -> std::result::Result<Batch, E>
where
    S: Deref<Target = Store>,
    E: From<Error> + Display,
    F: Send,
{
    crate::private::create_dir(folder)?;
    let total = items.len();
    let mut outcomes: Vec<Option<std::result::Result<PathBuf, String>>> = vec![None; total];
    let mut done = 0;
    let mut record = |n: usize, outcome| {
        outcomes[n] = Some(outcome);
        done += 1;
        told(done, total, &items[n].name);
    };
    let write = &write;
    rayon::in_place_scope(|scope| {
        let (sender, finished) = mpsc::channel();
        for (n, item) in items.iter().enumerate() {
            let facts = store().and_then(|store| load(&store, item.id).map_err(E::from));
            match facts {
                Ok(facts) => {
                    let sender = sender.clone();
                    scope.spawn(move |_| {
                        let outcome = write(facts, folder).map_err(|e| e.to_string());
                        // The batch waits for every document, so the receiver is still there.
                        let _ = sender.send((n, outcome));
                    });
                }
                Err(e) => record(n, Err(e.to_string())),
            }
            while let Ok((n, outcome)) = finished.try_recv() {
                record(n, outcome);
            }
        }
        // Each document still on the pool holds a sender; once the last is done (or one has
        // panicked, which the scope passes on when it ends), the channel closes.
        drop(sender);
        loop {
            match finished.try_recv() {
                Ok((n, outcome)) => record(n, outcome),
                Err(TryRecvError::Disconnected) => break,
                // On one of the pool's threads (a pool of one, say), the documents left may be
                // waiting for this very thread: do one of them rather than wait.
                Err(TryRecvError::Empty) => match rayon::yield_now() {
                    Some(rayon::Yield::Executed) => {}
                    _ => match finished.recv() {
                        Ok((n, outcome)) => record(n, outcome),
                        Err(_) => break,
                    },
                },
            }
        }
    });
    let mut batch = Batch {
        folder: folder.to_owned(),
        printed: Vec::new(),
        failures: Vec::new(),
    };
    for (item, outcome) in items.iter().zip(outcomes) {
        match outcome {
            Some(Ok(path)) => batch.printed.push(path),
            Some(Err(message)) => batch.failures.push(BatchFailure {
                name: item.name.clone(),
                message,
            }),
            // Only a panic on the pool leaves a document without an outcome, and the scope
            // has passed it on before this point.
            None => {}
        }
    }
    Ok(batch)
}
