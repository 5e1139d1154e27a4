//! Commands about how a mentorship ends on paper: the termination letters to each party and
//! the protégé's certificate of completion, printed into the documents folder. Whether a
//! decision is recorded and whether a mentorship is completed, and so whether either may be
//! printed, are core's (`print::termination_letter`, `print::certificate`).

use mentordesk_core::print::certificate::write_certificate;
use mentordesk_core::print::termination_letter::write_termination_letters;
use tauri::State;

use crate::documents::documents_dir;
use crate::ipc::{today, Db, Reply};

/// Prints the termination letters of a mentorship (one per party) and returns where the PDF
/// was written.
#[tauri::command(async)]
pub fn print_termination_letters(db: State<'_, Db>, mentorship_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = write_termination_letters(&*db.store()?, mentorship_id, today(), &dir)?;
    Ok(path.display().to_string())
}

/// Prints the protégé's certificate of completion and returns where the PDF was written.
#[tauri::command(async)]
pub fn print_certificate(db: State<'_, Db>, mentorship_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = write_certificate(&*db.store()?, mentorship_id, today(), &dir)?;
    Ok(path.display().to_string())
}
