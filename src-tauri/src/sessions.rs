//! Commands about a mentorship's session log: the sessions held, one session for its form,
//! saving and removing, and the actions that stay open until done. Each adapts one `Store`
//! call; validating a session and deciding which actions are open are core's. The one thing
//! decided here is that confidential notes go only to a role that may read them, and that a
//! role that may not read them cannot wipe them either.

use chrono::NaiveDate;
use mentordesk_core::access::Role;
use mentordesk_core::session::Session;
use mentordesk_core::store::{Confidential, OpenAction};
use mentordesk_core::{Result, Store};
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
    let role = role_of(db.user().as_ref());
    Ok(session_for(&*db.store()?, id, role)?)
}

/// Saves a new session (no id) or changes one; returns its id.
#[tauri::command]
pub fn save_session(db: State<'_, Db>, session: Session) -> Reply<i64> {
    let role = role_of(db.user().as_ref());
    Ok(save_session_as(&mut *db.store()?, session, role)?)
}

fn session_for(store: &Store, id: i64, role: Role) -> Result<Session> {
    let session = store.session(id)?;
    Ok(match confidential_for(role) {
        Confidential::Included => session,
        Confidential::LeftOut => session.without_confidential(),
    })
}

/// Saves the session as `role` may: a role that never saw the confidential notes sent none
/// back, so the notes already stored are kept (and a new session gets none from it).
fn save_session_as(store: &mut Store, mut session: Session, role: Role) -> Result<i64> {
    if confidential_for(role) == Confidential::LeftOut {
        session.confidential_notes = match session.id {
            Some(id) => store.session(id)?.confidential_notes,
            None => String::new(),
        };
    }
    store.save_session(&session, today())
}

/// Removes a session logged by mistake, with its actions.
#[tauri::command]
pub fn remove_session(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_session(id)?)
}

/// The actions of a mentorship still open today, whichever session agreed them.
#[tauri::command]
pub fn open_actions(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<OpenAction>> {
    Ok(db.store()?.open_actions(mentorship_id, today())?)
}

#[tauri::command]
pub fn complete_action(db: State<'_, Db>, id: i64, done_on: NaiveDate) -> Reply<()> {
    Ok(db.store()?.complete_action(id, done_on, today())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sample programme with one of its sessions given confidential notes by the manager.
    fn store_with_notes() -> (Store, Session) {
        let mut store = Store::open_in_memory().unwrap();
        mentordesk_core::sample::create(&mut store, today()).unwrap();
        let mentorship = store
            .mentorships(&Default::default())
            .unwrap()
            .into_iter()
            .find_map(|m| {
                let log = store.session_log(m.id).ok()?;
                log.into_iter().next()
            })
            .expect("the sample programme logs sessions");
        let mut session = store.session(mentorship.id.unwrap()).unwrap();
        session.confidential_notes = "Struggling at home; handle gently.".into();
        store.save_session(&session, today()).unwrap();
        (store, session)
    }

    #[test]
    fn only_the_programme_manager_reads_a_sessions_confidential_notes() {
        let (store, session) = store_with_notes();
        let id = session.id.unwrap();
        let manager = session_for(&store, id, Role::ProgrammeManager).unwrap();
        assert_eq!(
            manager.confidential_notes,
            "Struggling at home; handle gently."
        );
        for role in [Role::HrOfficer, Role::Viewer] {
            let seen = session_for(&store, id, role).unwrap();
            assert_eq!(seen.confidential_notes, "", "{role:?}");
            assert_eq!(seen.topics, manager.topics, "{role:?} still sees the rest");
        }
        for listed in store.session_log(session.mentorship_id).unwrap() {
            assert_eq!(listed.confidential_notes, "");
        }
    }

    #[test]
    fn an_hr_officer_saving_a_session_keeps_the_managers_notes() {
        let (mut store, session) = store_with_notes();
        let id = session.id.unwrap();
        let mut seen = session_for(&store, id, Role::HrOfficer).unwrap();
        seen.topics = "Changed by the HR officer".into();
        save_session_as(&mut store, seen, Role::HrOfficer).unwrap();
        let stored = store.session(id).unwrap();
        assert_eq!(stored.topics, "Changed by the HR officer");
        assert_eq!(
            stored.confidential_notes,
            "Struggling at home; handle gently."
        );

        let mut sneaky = stored.clone();
        sneaky.confidential_notes = "Overwritten".into();
        save_session_as(&mut store, sneaky, Role::HrOfficer).unwrap();
        assert_eq!(
            store.session(id).unwrap().confidential_notes,
            "Struggling at home; handle gently."
        );

        let mut manager = store.session(id).unwrap();
        manager.confidential_notes = String::new();
        save_session_as(&mut store, manager, Role::ProgrammeManager).unwrap();
        assert_eq!(store.session(id).unwrap().confidential_notes, "");
    }

    #[test]
    fn a_new_session_from_an_hr_officer_carries_no_confidential_notes() {
        let (mut store, session) = store_with_notes();
        let mut new = session.clone();
        new.id = None;
        new.actions.clear();
        new.held_on = session.held_on;
        new.confidential_notes = "Should not be kept".into();
        let id = save_session_as(&mut store, new, Role::HrOfficer).unwrap();
        assert_eq!(store.session(id).unwrap().confidential_notes, "");
    }
}
