//! MentorDesk's core: the domain of a workplace mentorship programme, its rules, the SQLite
//! store and the printed documents. It knows nothing of windows or IPC; the Tauri shell and
//! the command-line program are thin callers of this crate.

pub mod access;
pub mod addendum;
pub mod attachment;
pub mod audit_export;
pub mod calendar;
pub mod chart;
mod choice;
pub mod cycle;
pub mod dashboard;
pub mod dispute;
pub mod document;
pub mod domain;
pub mod error;
pub mod evaluation;
pub mod export;
pub mod import;
pub mod kpa;
pub mod matching;
pub mod print;
pub mod private;
pub mod programme;
pub mod progress;
pub mod rules;
pub mod sample;
pub mod selection;
pub mod session;
pub mod settings;
pub mod signing;
pub mod store;
pub mod termination;
pub mod vocabulary;
pub mod workload;
pub mod workplan;

pub use error::{Error, Result, Rule};
pub use store::Store;
