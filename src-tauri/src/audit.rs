//! Commands about the audit trail: reading its lines with filters, checking its hash chain,
//! and exporting it to a CSV file the person chooses. Writing the trail is core's (triggers in
//! `store::audit`); nothing here can change it.

use mentordesk_core::audit_export::write_audit_csv;
use mentordesk_core::store::{AuditEntry, AuditQuery, TrailCheck};
use tauri::{AppHandle, State};

use crate::dialogs::{choose, Ask};
use crate::ipc::{today, Db, Reply};

/// Lines of the trail, newest first, as the filters ask.
#[tauri::command]
pub fn audit_entries(db: State<'_, Db>, query: AuditQuery) -> Reply<Vec<AuditEntry>> {
    Ok(db.store()?.audit_entries(&query)?)
}

/// Checks the trail's chain, and its end against the newest automatic backup.
#[tauri::command(async)]
pub fn check_audit_chain(db: State<'_, Db>) -> Reply<TrailCheck> {
    Ok(db.store()?.check_audit_trail(None, None)?)
}

/// Writes the lines the filters select (all of them, whatever the window's limit) to a CSV
/// file chosen in the system's dialog; returns its path, or nothing when the person cancelled.
#[tauri::command(async)]
pub fn export_audit(app: AppHandle, db: State<'_, Db>, query: AuditQuery) -> Reply<Option<String>> {
    let name = format!("MentorDesk audit trail {}.csv", today());
    let kinds: &[(&str, &[&str])] = &[("CSV file", &["csv"])];
    let Some(path) = choose(&app, "Export the audit trail", Ask::SaveFile(&name, kinds)) else {
        return Ok(None);
    };
    let query = AuditQuery {
        limit: None,
        ..query
    };
    let entries = db.store()?.audit_entries(&query)?;
    write_audit_csv(&entries, &path)?;
    Ok(Some(path.display().to_string()))
}
