//! Commands for matching a whole intake at once: the intakes on the register, the proposed
//! assignment (which saves nothing) and accepting the edited proposal in one transaction. A
//! row's other candidates come from `selection::mentor_suggestions`. The scoring, the
//! assignment and the checks before each pair is saved are core's (`store::matching`,
//! `Store::accept_cohort`).

use mentordesk_core::store::{CohortProposal, CohortSaved};
use tauri::State;

use crate::ipc::{today, Db, Reply};

/// The intakes named on applications, most recently received first, each once.
#[tauri::command(async)]
pub fn intakes(db: State<'_, Db>) -> Reply<Vec<String>> {
    Ok(db.store()?.intakes()?)
}

/// The best assignment of an intake's applications ready for matching (of every intake when
/// `intake` is absent) to mentors with places free.
#[tauri::command(async)]
pub fn cohort_proposal(db: State<'_, Db>, intake: Option<String>) -> Reply<CohortProposal> {
    Ok(db.store()?.cohort_proposal(intake.as_deref(), today())?)
}

/// Matches every `(application, mentor)` pair, or none if one is refused; the programme
/// manager named in Settings is recorded as having decided.
#[tauri::command(async)]
pub fn accept_cohort(db: State<'_, Db>, pairs: Vec<(i64, i64)>) -> Reply<CohortSaved> {
    let mut store = db.store()?;
    let actor = store.settings()?.office().to_owned();
    Ok(store.accept_cohort(&pairs, &actor, today())?)
}
