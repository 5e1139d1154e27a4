//! Commands about a mentorship's work plan and the public holidays its dates avoid: listing,
//! generating and editing the plan, the mentor's sign-off, and the office's holiday list. Each
//! adapts one `Store` call; generating the dates and the checks on them are core's.

use chrono::NaiveDate;
use mentordesk_core::calendar::Holiday;
use mentordesk_core::workplan::{planned, PlannedEvent, WorkPlanEvent};
use tauri::State;

use crate::ipc::{today, Db, Reply};

/// A mentorship's work plan in date order.
#[tauri::command]
pub fn work_plan(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<PlannedEvent>> {
    Ok(planned(db.store()?.work_plan(mentorship_id)?, today()))
}

/// Writes a new work plan for a mentorship that has none and returns it.
#[tauri::command]
pub fn generate_work_plan(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<PlannedEvent>> {
    Ok(planned(
        db.store()?.generate_work_plan(mentorship_id)?,
        today(),
    ))
}

/// Adds an event (no id) or moves or renames one not signed off; returns its id.
#[tauri::command]
pub fn save_work_plan_event(db: State<'_, Db>, event: WorkPlanEvent) -> Reply<i64> {
    Ok(db.store()?.save_work_plan_event(&event)?)
}

#[tauri::command]
pub fn remove_work_plan_event(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_work_plan_event(id)?)
}

#[tauri::command]
pub fn sign_off_event(
    db: State<'_, Db>,
    id: i64,
    signed_off_on: NaiveDate,
    comment: String,
) -> Reply<()> {
    Ok(db
        .store()?
        .sign_off_event(id, signed_off_on, &comment, today())?)
}

/// The public holidays of `year`, written first if the year has not been needed before.
#[tauri::command]
pub fn holidays(db: State<'_, Db>, year: i32) -> Reply<Vec<Holiday>> {
    let mut store = db.store()?;
    store.ensure_holidays(year)?;
    Ok(store.holidays(year)?)
}

/// Adds a holiday, or renames or moves the one on `replacing`.
#[tauri::command]
pub fn save_holiday(
    db: State<'_, Db>,
    holiday: Holiday,
    replacing: Option<NaiveDate>,
) -> Reply<()> {
    Ok(db.store()?.save_holiday(&holiday, replacing)?)
}

#[tauri::command]
pub fn remove_holiday(db: State<'_, Db>, date: NaiveDate) -> Reply<()> {
    Ok(db.store()?.remove_holiday(date)?)
}
