//! Commands about selection: recording applications, the committee's review, ranked mentor
//! suggestions, proposing a mentor and the mentor's answer, the decision trail, and printing
//! the letters the decisions owe. Each adapts `Store` calls; the states an application may move
//! through, the scores and the letters' wording are core's.

use mentordesk_core::matching::Suggestion;
use mentordesk_core::print::letters;
use mentordesk_core::selection::{Application, Review};
use mentordesk_core::store::{ApplicationQuery, ApplicationRow, ApplicationView, MentorReply};
use mentordesk_core::Store;
use serde::Serialize;
use tauri::State;

use crate::documents::documents_dir;
use crate::ipc::{today, Db, Reply};

/// The applications the list shows, latest received first.
#[tauri::command]
pub fn list_applications(db: State<'_, Db>, query: ApplicationQuery) -> Reply<Vec<ApplicationRow>> {
    Ok(db.store()?.applications(&query)?)
}

#[tauri::command]
pub fn get_application(db: State<'_, Db>, id: i64) -> Reply<ApplicationView> {
    Ok(db.store()?.application_view(id)?)
}

/// Records a new application or corrects an open one; returns its id.
#[tauri::command]
pub fn save_application(db: State<'_, Db>, application: Application) -> Reply<i64> {
    let mut store = db.store()?;
    let actor = actor(&store)?;
    Ok(store.save_application(&application, &actor, today())?)
}

/// The committee takes a submitted application up for review.
#[tauri::command]
pub fn start_application_review(db: State<'_, Db>, id: i64) -> Reply<()> {
    let mut store = db.store()?;
    let actor = actor(&store)?;
    Ok(store.start_review(id, &actor, today())?)
}

/// Records the committee's decision on an application; returns the review's id.
#[tauri::command]
pub fn record_committee_review(db: State<'_, Db>, review: Review) -> Reply<i64> {
    Ok(db.store()?.record_review(&review, today())?)
}

/// Every mentor on the register scored for the application, best first, with the excluded
/// ones saying why.
#[tauri::command(async)]
pub fn mentor_suggestions(db: State<'_, Db>, application_id: i64) -> Reply<Vec<Suggestion>> {
    Ok(db.store()?.suggestions(application_id, today())?)
}

/// Proposes a mentor for the application; the hard rules are checked again in core.
#[tauri::command(async)]
pub fn match_application(db: State<'_, Db>, application_id: i64, mentor_id: i64) -> Reply<()> {
    let mut store = db.store()?;
    let actor = actor(&store)?;
    Ok(store.match_mentor(application_id, mentor_id, &actor, today())?)
}

/// Records the mentor's (or the organisation's) answer; returns the new mentorship's id when
/// the mentor accepted.
#[tauri::command]
pub fn record_mentor_reply(
    db: State<'_, Db>,
    application_id: i64,
    reply: MentorReply,
) -> Reply<Option<i64>> {
    Ok(db
        .store()?
        .record_mentor_reply(application_id, &reply, today())?)
}

/// Prints one letter an application owes, marks it printed, and returns where the PDF was
/// written.
#[tauri::command(async)]
pub fn print_letter(db: State<'_, Db>, letter_id: i64) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let path = letters::print_letter(&mut *db.store()?, letter_id, today(), &dir)?;
    Ok(path.display().to_string())
}

/// The letters printed in one go.
#[derive(Debug, Serialize)]
pub struct LettersPrinted {
    pub count: usize,
    pub paths: Vec<String>,
}

/// Prints every letter the programme still owes, oldest first, each marked printed once its
/// PDF is written; a failure stops the run and leaves that letter and the rest owed.
#[tauri::command(async)]
pub fn print_pending_letters(db: State<'_, Db>) -> Reply<LettersPrinted> {
    let dir = documents_dir(&db)?;
    let paths = letters::write_pending_letters(&mut *db.store()?, today(), &dir, |_, _, _| {})?;
    Ok(LettersPrinted {
        count: paths.len(),
        paths: paths.iter().map(|p| p.display().to_string()).collect(),
    })
}

/// Who decides in the office: the programme manager the settings name, or the programme
/// office when none is named.
fn actor(store: &Store) -> Reply<String> {
    Ok(store.settings()?.office().to_owned())
}
