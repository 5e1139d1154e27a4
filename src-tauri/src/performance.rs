//! Commands about mentoring as a key performance area: performance cycles, mentors' KPA
//! allocations and their versions, and the workload of every mentor. Each adapts one `Store`
//! call; the arithmetic of the mentoring KPA and the rules for a final allocation are core's.

use chrono::NaiveDate;
use mentordesk_core::cycle::Cycle;
use mentordesk_core::kpa::{weights_note, Allocation, WeightRange, WeightsNote};
use mentordesk_core::store::{AllocationQuery, AllocationRow, AllocationView, Workload};
use tauri::State;

use crate::ipc::{today, Db, Reply};

#[tauri::command]
pub fn list_cycles(db: State<'_, Db>) -> Reply<Vec<Cycle>> {
    Ok(db.store()?.cycles()?)
}

#[tauri::command]
pub fn get_cycle(db: State<'_, Db>, id: i64) -> Reply<Cycle> {
    Ok(db.store()?.cycle(id)?)
}

#[tauri::command]
pub fn save_cycle(db: State<'_, Db>, cycle: Cycle) -> Reply<i64> {
    Ok(db.store()?.save_cycle(&cycle)?)
}

/// The cycle that contains `day` (today when none is given), recorded first if it is missing.
#[tauri::command]
pub fn ensure_cycle(db: State<'_, Db>, day: Option<NaiveDate>) -> Reply<Cycle> {
    Ok(db.store()?.ensure_cycle(day.unwrap_or_else(today))?)
}

/// Records the cycle after the latest one (the current one when there is none yet).
#[tauri::command]
pub fn add_next_cycle(db: State<'_, Db>) -> Reply<Cycle> {
    Ok(db.store()?.add_next_cycle(today())?)
}

#[tauri::command]
pub fn list_kpa_allocations(
    db: State<'_, Db>,
    query: AllocationQuery,
) -> Reply<Vec<AllocationRow>> {
    Ok(db.store()?.kpa_allocations(&query)?)
}

#[tauri::command]
pub fn get_kpa_allocation(db: State<'_, Db>, id: i64) -> Reply<AllocationView> {
    let store = db.store()?;
    Ok(store.kpa_allocation_view(store.kpa_allocation(id)?)?)
}

/// A new, unsaved allocation for the mentor and cycle, with its page.
#[tauri::command]
pub fn propose_kpa_allocation(
    db: State<'_, Db>,
    mentor_id: i64,
    cycle_id: i64,
) -> Reply<AllocationView> {
    let store = db.store()?;
    Ok(store.kpa_allocation_view(store.propose_kpa_allocation(mentor_id, cycle_id)?)?)
}

/// Saves an allocation and returns the id of the version written (a change to a final
/// version is written as the next version), which the window then opens.
#[tauri::command]
pub fn save_kpa_allocation(db: State<'_, Db>, allocation: Allocation) -> Reply<i64> {
    Ok(db.store()?.save_kpa_allocation(&allocation)?)
}

#[tauri::command]
pub fn finalise_kpa_allocation(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.finalise_kpa_allocation(id, today())?)
}

#[tauri::command]
pub fn workload(db: State<'_, Db>) -> Reply<Workload> {
    Ok(db.store()?.workload(today())?)
}

/// What the weights typed so far come to against the range that binds them, while the officer
/// types.
#[tauri::command]
pub fn kpa_weights_note(weights: Vec<String>, range: Option<WeightRange>) -> WeightsNote {
    weights_note(&weights, range)
}
