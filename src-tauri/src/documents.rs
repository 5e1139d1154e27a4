//! Commands that print documents (mentorship agreements, KPA allocations, mentor contracts and
//! organisation agreements) and hand them to the person: the PDFs are written into the
//! `documents` folder beside the database file; the window may open them with the system's
//! viewer or copy them elsewhere, but only files inside that folder, so the window can never
//! be used to open or read any other file. Where a copy goes is asked in the system's save
//! dialog by the shell itself, so the window never names a file to write either. The
//! documents' content is core's.

use std::path::{Path, PathBuf};

use mentordesk_core::Error;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::{self, Ask};
use crate::ipc::{today, Db, IpcError, Reply};

/// Prints a mentorship's agreement and returns where the PDF was written.
#[tauri::command(async)]
pub fn print_agreement(db: State<'_, Db>, mentorship_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = mentordesk_core::print::agreement::write_agreement(
        &*db.store()?,
        mentorship_id,
        today(),
        &dir,
    )?;
    Ok(path.display().to_string())
}

/// Prints one version of a mentor's KPA allocation and returns where the PDF was written.
#[tauri::command(async)]
pub fn print_kpa_allocation(db: State<'_, Db>, allocation_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = mentordesk_core::print::kpa_allocation::write_kpa_allocation(
        &*db.store()?,
        allocation_id,
        today(),
        &dir,
    )?;
    Ok(path.display().to_string())
}

/// Prints the department's contract with an internal mentor.
#[tauri::command(async)]
pub fn print_mentor_contract(db: State<'_, Db>, mentor_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = mentordesk_core::print::mentor_contract::write_mentor_contract(
        &*db.store()?,
        mentor_id,
        today(),
        &dir,
    )?;
    Ok(path.display().to_string())
}

/// Prints the department's agreement with an external mentoring organisation.
#[tauri::command(async)]
pub fn print_organisation_agreement(db: State<'_, Db>, organisation_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = mentordesk_core::print::organisation_agreement::write_organisation_agreement(
        &*db.store()?,
        organisation_id,
        today(),
        &dir,
    )?;
    Ok(path.display().to_string())
}

/// The documents folder, created if it is not there yet.
pub(crate) fn documents_dir(db: &Db) -> Reply<PathBuf> {
    let dir = db.documents_dir();
    mentordesk_core::private::create_dir(&dir)?;
    Ok(dir)
}

/// Opens a printed document with the system's PDF viewer.
#[tauri::command]
pub fn open_document(app: AppHandle, db: State<'_, Db>, path: String) -> Reply<()> {
    show(&app, &printed_document(&db, &path)?)
}

/// Shows a printed document in its folder: Explorer on Windows, the file manager elsewhere,
/// with the file selected, so that it can be attached to an email or moved to a share.
#[tauri::command]
pub fn show_document_in_folder(app: AppHandle, db: State<'_, Db>, path: String) -> Reply<()> {
    let file = printed_document(&db, &path)?;
    app.opener().reveal_item_in_dir(&file).map_err(|e| {
        let message = format!(
            "The folder could not be shown on this computer ({e}). The file is saved at {}.",
            file.display()
        );
        IpcError::new("open_failed", message)
    })
}

/// Opens a file the shell wrote with the system's viewer.
pub(crate) fn show(app: &AppHandle, file: &Path) -> Reply<()> {
    let shown = file.display().to_string();
    app.opener()
        .open_path(shown.clone(), None::<&str>)
        .map_err(|e| {
            let message = format!(
                "No viewer could be started on this computer ({e}). The file is saved at \
                 {shown}; open it from there, or save a copy elsewhere."
            );
            IpcError::new("open_failed", message)
        })
}

/// Copies a printed document to where the person chooses in the system's save dialog, and
/// returns where; `None` when they cancelled. The window names only the printed document,
/// which must lie in the documents folder; the destination comes from the dialog alone.
#[tauri::command(async)]
pub fn save_document_copy(
    app: AppHandle,
    db: State<'_, Db>,
    from: String,
) -> Reply<Option<String>> {
    let from = printed_document(&db, &from)?;
    let name = from.file_name().map(|n| n.to_string_lossy().into_owned());
    let name = name.unwrap_or_default();
    let title = format!("Save a copy of {name}");
    let Some(to) = dialogs::choose(&app, &title, Ask::SaveFile(&name, PDF)) else {
        return Ok(None);
    };
    // Copying a file onto itself would empty it; choosing the printed file itself is a no-op.
    if !to.canonicalize().is_ok_and(|to| to == from) {
        std::fs::copy(&from, &to).map_err(|e| Error::file(&to, e))?;
    }
    Ok(Some(to.display().to_string()))
}

/// The kinds of file a copy of a printed document may be saved as.
const PDF: &[(&str, &[&str])] = &[("PDF document", &["pdf"])];

fn printed_document(db: &Db, path: &str) -> Reply<PathBuf> {
    inside(&db.documents_dir(), Path::new(path)).ok_or_else(|| {
        IpcError::new(
            "not_a_document",
            format!("{path} is not a document MentorDesk printed, so it was left alone."),
        )
    })
}

/// The file at `path`, resolved, if it exists and lies inside `dir` (links and `..` included).
fn inside(dir: &Path, path: &Path) -> Option<PathBuf> {
    let dir = dir.canonicalize().ok()?;
    let file = path.canonicalize().ok()?;
    (file.starts_with(&dir) && file.is_file()).then_some(file)
}

#[cfg(test)]
mod tests {
    use super::inside;

    #[test]
    fn only_files_inside_the_documents_folder_are_handed_out() {
        let root = tempfile::tempdir().unwrap();
        let docs = root.path().join("documents");
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("MS-0001-agreement.pdf"), b"%PDF").unwrap();
        std::fs::write(root.path().join("mentordesk.sqlite3"), b"").unwrap();

        assert!(inside(&docs, &docs.join("MS-0001-agreement.pdf")).is_some());
        assert!(inside(&docs, &docs.join("../mentordesk.sqlite3")).is_none());
        assert!(inside(&docs, &root.path().join("mentordesk.sqlite3")).is_none());
        assert!(inside(&docs, &docs.join("missing.pdf")).is_none());
        assert!(inside(&docs, &docs).is_none());
    }
}
