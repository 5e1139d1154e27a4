//! Commands about a mentorship's session log: the sessions held, one session for its form,
//! saving and removing, and the actions that stay open until done. Each adapts one `Store`
//! call; validating a session, deciding which actions are open and keeping the confidential
//! notes from a form that did not show them are core's. The shell says whether the person
//! signed in may read the notes (`access::confidential_for`).

use chrono::NaiveDate;
use mentordesk_core::session::OpenActionDue;
use mentordesk_core::session::Session;
use tauri::State;

use crate::access::{confidential_for, role_of};
use crate::ipc::{today, Db, Reply};

/// A mentorship's sessions, oldest first, without their confidential notes: the list shows
/// them to anyone looking at the screen.
#[tauri::command]
pub fn list_sessions(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<Session>> {
    Ok(db.store()?.session_log(mentorship_id)?)
}

/// One session with its actions, for the session's form; with its confidential notes only
/// for a role that may read them.
#[tauri::command]
pub fn get_session(db: State<'_, Db>, id: i64) -> Reply<Session> {
    let confidential = confidential_for(role_of(db.user().as_ref()));
    Ok(db.store()?.session_for(id, confidential)?)
}

/// Saves a new session (no id) or changes one; returns its id. A role that may not read the
/// confidential notes cannot wipe them either.
#[tauri::command]
pub fn save_session(db: State<'_, Db>, session: Session) -> Reply<i64> {
    let confidential = confidential_for(role_of(db.user().as_ref()));
    Ok(db
        .store()?
        .save_session_for(session, confidential, today())?)
}

/// Removes a session logged by mistake, with its actions.
#[tauri::command]
pub fn remove_session(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_session(id)?)
}

/// The actions of a mentorship still open today, whichever session agreed them, each with
/// when it is due in words.
#[tauri::command]
pub fn open_actions(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<OpenActionDue>> {
    Ok(db.store()?.open_actions_due(mentorship_id, today())?)
}

#[tauri::command]
pub fn complete_action(db: State<'_, Db>, id: i64, done_on: NaiveDate) -> Reply<()> {
    Ok(db.store()?.complete_action(id, done_on, today())?)
}
