//! Commands about a mentorship's disputes: the list, one dispute for its form, saving a
//! dispute and a step on it, removing what was recorded by mistake, and printing the letter
//! with the dispute's history. Each adapts one `Store` call; the route's order, the state and
//! keeping the confidential details from a form that did not show them are core's. The shell
//! says whether the person signed in may read them (`access::confidential_for`), as it does for
//! confidential session notes.

use mentordesk_core::dispute::{Dispute, DisputeHistory, Step};
use mentordesk_core::print::dispute_letter::write_dispute_letter;
use mentordesk_core::store::Confidential;
use tauri::State;

use crate::access::{confidential_for, role_of};
use crate::documents::documents_dir;
use crate::ipc::{today, Db, Reply};

/// A mentorship's disputes with their steps and state, without the confidential details and
/// notes: the list shows them to anyone looking at the screen.
#[tauri::command]
pub fn list_disputes(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<DisputeHistory>> {
    Ok(db.store()?.disputes(mentorship_id)?)
}

/// One dispute with its steps, for its form; with the confidential details and notes only for
/// a role that may read them.
#[tauri::command]
pub fn get_dispute(db: State<'_, Db>, id: i64) -> Reply<DisputeHistory> {
    let confidential = confidential_for(role_of(db.user().as_ref()));
    Ok(db.store()?.dispute_for(id, confidential)?)
}

/// Records a dispute (no id) or corrects one; returns its id. A role that may not read the
/// confidential details cannot wipe them either.
#[tauri::command]
pub fn save_dispute(db: State<'_, Db>, dispute: Dispute) -> Reply<i64> {
    let confidential = confidential_for(role_of(db.user().as_ref()));
    Ok(db
        .store()?
        .save_dispute_for(dispute, confidential, today())?)
}

/// Removes a dispute recorded by mistake (one without steps).
#[tauri::command]
pub fn remove_dispute(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_dispute(id)?)
}

/// Records a step on a dispute (no id) or corrects one; returns its id. A role that may not
/// read the confidential notes cannot wipe them either.
#[tauri::command]
pub fn save_dispute_step(db: State<'_, Db>, step: Step) -> Reply<i64> {
    let confidential = confidential_for(role_of(db.user().as_ref()));
    Ok(db
        .store()?
        .save_dispute_step_for(step, confidential, today())?)
}

/// Removes a step recorded in error, unless a later step rests on it.
#[tauri::command]
pub fn remove_dispute_step(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_dispute_step(id)?)
}

/// Prints the letter about a dispute to its parties and returns where the PDF was written.
/// The confidential details go in (on the file copy) only when the person asked for them in
/// this document, and only a role that may read them may ask.
#[tauri::command(async)]
pub fn print_dispute_letter(
    db: State<'_, Db>,
    id: i64,
    include_confidential: bool,
) -> Reply<String> {
    let confidential = Confidential::asked_by(role_of(db.user().as_ref()), include_confidential)?;
    let dir = documents_dir(&db)?;
    let path = write_dispute_letter(&*db.store()?, id, confidential, today(), &dir)?;
    Ok(path.display().to_string())
}

#[cfg(test)]
mod tests {
    use mentordesk_core::access::Role;
    use mentordesk_core::Store;

    use super::*;

    /// The sample's open dispute as each role's form receives it: its confidential details and
    /// notes only for the programme manager, and an HR officer's save keeps them.
    #[test]
    fn only_the_programme_manager_receives_a_disputes_confidential_text() {
        let mut store = Store::open_in_memory().unwrap();
        let today = crate::ipc::today();
        mentordesk_core::sample::create(&mut store, today).unwrap();
        let mentorships = store
            .mentorships(&mentordesk_core::store::MentorshipQuery::default())
            .unwrap();
        let id = mentorships
            .iter()
            .find_map(|m| store.disputes(m.id).unwrap().into_iter().next())
            .and_then(|d| d.dispute.id)
            .expect("the sample has an open dispute");

        let full = store.dispute_for(id, confidential_for(Role::ProgrammeManager));
        let full = full.unwrap();
        assert!(!full.dispute.details.is_empty());
        assert!(full.steps.iter().all(|s| !s.notes.is_empty()));
        for role in [Role::HrOfficer, Role::Viewer] {
            let seen = store.dispute_for(id, confidential_for(role)).unwrap();
            assert_eq!(seen.dispute.details, "", "{role:?}");
            assert!(seen.steps.iter().all(|s| s.notes.is_empty()), "{role:?}");
            assert_eq!(seen.dispute.subject, full.dispute.subject);
            assert_eq!(
                Confidential::asked_by(role, true).unwrap_err().code(),
                "not_allowed"
            );
        }

        // What an HR officer's form sends back has no details; the stored ones stay.
        let seen = store
            .dispute_for(id, confidential_for(Role::HrOfficer))
            .unwrap();
        let confidential = confidential_for(Role::HrOfficer);
        store
            .save_dispute_for(seen.dispute.clone(), confidential, today)
            .unwrap();
        store
            .save_dispute_step_for(seen.steps[0].clone(), confidential, today)
            .unwrap();
        let kept = store.dispute(id).unwrap();
        assert_eq!(kept.dispute.details, full.dispute.details);
        assert_eq!(kept.steps[0].notes, full.steps[0].notes);
    }
}
