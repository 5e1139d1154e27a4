//! The audit trail as a CSV file for an auditor's spreadsheet: one row per line of the trail,
//! newest first as read. It owns the columns and their order; which lines go in is the
//! caller's `AuditQuery`, and the file's place is the person's choice.

use std::path::Path;

use crate::store::AuditEntry;
use crate::{Error, Result};

/// The header row: the names an auditor reads, in the order of the columns.
pub const HEADER: [&str; 8] = [
    "Line",
    "When (UTC)",
    "Who",
    "Table",
    "Record",
    "Action",
    "Before",
    "After",
];

/// Writes `entries` to `path` as CSV with a header row, replacing any file there.
pub fn write_audit_csv(entries: &[AuditEntry], path: &Path) -> Result<()> {
    let mut out = csv::Writer::from_path(path).map_err(|e| csv_error(path, e))?;
    out.write_record(HEADER).map_err(|e| csv_error(path, e))?;
    for e in entries {
        let record = [
            e.id.to_string(),
            e.at.clone(),
            e.actor.clone(),
            e.table_name.clone(),
            e.row_id.map(|id| id.to_string()).unwrap_or_default(),
            e.action.clone(),
            e.before.clone().unwrap_or_default(),
            e.after.clone().unwrap_or_default(),
        ];
        out.write_record(&record).map_err(|e| csv_error(path, e))?;
    }
    out.flush().map_err(|e| Error::file(path, e))
}

fn csv_error(path: &Path, err: csv::Error) -> Error {
    match err.into_kind() {
        csv::ErrorKind::Io(io) => Error::file(path, io),
        other => Error::file(path, std::io::Error::other(format!("{other:?}"))),
    }
}
