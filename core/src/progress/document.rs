//! The printed progress report of one protégé for one period.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Period, ProgressFacts};
use crate::document::Document;
use crate::store::{Confidential, Store};
use crate::Result;

/// The report's layout, dated `today`.
pub fn build(f: &ProgressFacts, today: NaiveDate) -> Document {
    let _ = (f, today);
    todo!("being written")
}

/// The progress report of a mentorship for a period.
pub fn progress_report(
    store: &Store,
    mentorship_id: i64,
    period: &Period,
    confidential: Confidential,
    today: NaiveDate,
) -> Result<Document> {
    Ok(build(
        &ProgressFacts::load(store, mentorship_id, period, confidential)?,
        today,
    ))
}

/// Prints the report into `dir` and returns the PDF's path.
pub fn write_progress_report(
    store: &Store,
    mentorship_id: i64,
    period: &Period,
    confidential: Confidential,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let _ = (store, mentorship_id, period, confidential, today, dir);
    todo!("being written")
}
