//! Commands about the signed paper trail: a mentorship's or a mentor's documents with their
//! signature blocks, recording and taking back signatures, attaching the scan of the signed
//! paper (chosen in the system's dialog) and opening it with the system's viewer, and the
//! addenda that change a signed agreement, and the audit pack. What is signed, what a file must be, and what an
//! addendum may change are core's (`signing`, `attachment`, `addendum`).

use mentordesk_core::addendum::{Addendum, Request};
use mentordesk_core::print::addendum::write_addendum;
use mentordesk_core::print::audit_pack::write_audit_pack;
use mentordesk_core::signing::{Copy, Paper, Signable, Signature, Signer};
use tauri::{AppHandle, State};

use crate::dialogs::{self, Ask};
use crate::documents::{documents_dir, show};
use crate::ipc::{today, Db, Reply};

/// A mentorship's agreement, addenda and written progress reports, each with its blocks.
#[tauri::command]
pub fn mentorship_papers(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<Signable>> {
    Ok(db.store()?.mentorship_papers(mentorship_id)?)
}

/// A mentor's contract and final KPA allocations, each with its blocks.
#[tauri::command]
pub fn mentor_papers(db: State<'_, Db>, mentor_id: i64) -> Reply<Vec<Signable>> {
    Ok(db.store()?.mentor_papers(mentor_id)?)
}

/// Records (or corrects) one block's signature; returns the document as it now stands.
#[tauri::command]
pub fn record_signature(db: State<'_, Db>, signature: Signature) -> Reply<Signable> {
    Ok(db.store()?.record_signature(&signature, today())?)
}

/// Takes back a signature recorded in error; returns the document as it now stands.
#[tauri::command]
pub fn remove_signature(
    db: State<'_, Db>,
    paper: Paper,
    subject_id: i64,
    signer: Signer,
) -> Reply<Signable> {
    Ok(db.store()?.remove_signature(paper, subject_id, signer)?)
}

/// The kinds of file a signed copy may be.
const SCANS: &[(&str, &[&str])] = &[
    (
        "Scan or photo (PDF, JPEG, PNG)",
        &["pdf", "jpg", "jpeg", "png"],
    ),
    ("Any file", &["*"]),
];

/// Asks for the scan or photo of the signed paper and keeps it as the document's next copy;
/// `None` when the person cancelled.
#[tauri::command(async)]
pub fn attach_signed_copy(
    app: AppHandle,
    db: State<'_, Db>,
    paper: Paper,
    subject_id: i64,
) -> Reply<Option<Copy>> {
    let title = "Attach the signed copy";
    let Some(path) = dialogs::choose(&app, title, Ask::OpenFile(SCANS)) else {
        return Ok(None);
    };
    let copy = db.store()?.attach_file(paper, subject_id, &path, today())?;
    Ok(Some(copy))
}

/// Opens a signed copy with the system's viewer, from a file written for it in the documents
/// folder.
#[tauri::command(async)]
pub fn open_signed_copy(app: AppHandle, db: State<'_, Db>, copy_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?.join("signed copies");
    let path = db.store()?.write_copy(copy_id, &dir)?;
    show(&app, &path)?;
    Ok(path.display().to_string())
}

/// A mentorship's addenda in their order.
#[tauri::command]
pub fn addenda(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<Addendum>> {
    Ok(db.store()?.addenda(mentorship_id)?)
}

/// Changes a signed agreement's terms through the next numbered addendum.
#[tauri::command]
pub fn make_addendum(db: State<'_, Db>, request: Request) -> Reply<Addendum> {
    Ok(db.store()?.make_addendum(&request, today())?)
}

/// Prints an addendum and returns where the PDF was written.
#[tauri::command(async)]
pub fn print_addendum(db: State<'_, Db>, addendum_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = write_addendum(&*db.store()?, addendum_id, today(), &dir)?;
    Ok(path.display().to_string())
}

/// Prints a mentorship's audit pack and returns where the PDF was written.
#[tauri::command(async)]
pub fn print_audit_pack(db: State<'_, Db>, mentorship_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = write_audit_pack(&*db.store()?, mentorship_id, today(), &dir)?;
    Ok(path.display().to_string())
}
