//! Commands about how a mentorship progresses apart from its sessions: competency ratings, the
//! words of each point of a rating scale, and the steps of terminating a mentorship. Each adapts
//! one `Store` call; checking a rating or a step against its mentorship is core's.

use mentordesk_core::progress::Rating;
use mentordesk_core::settings::{RatingScale, ScalePoints};
use mentordesk_core::termination::Step;
use tauri::State;

use crate::ipc::{today, Db, Reply};

/// A mentorship's competency ratings, oldest first.
#[tauri::command]
pub fn list_ratings(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<Rating>> {
    Ok(db.store()?.ratings(mentorship_id)?)
}

/// Adds a rating (no id) or corrects one; returns its id.
#[tauri::command]
pub fn save_rating(db: State<'_, Db>, rating: Rating) -> Reply<i64> {
    Ok(db.store()?.save_rating(&rating, today())?)
}

#[tauri::command]
pub fn remove_rating(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_rating(id)?)
}

/// The points of `scale`, or of the scale the settings name when `scale` is null.
#[tauri::command]
pub fn rating_scale(db: State<'_, Db>, scale: Option<RatingScale>) -> Reply<ScalePoints> {
    Ok(db.store()?.settings()?.scale_points(scale))
}

/// The termination steps recorded for a mentorship, in the order they were taken.
#[tauri::command]
pub fn list_termination_steps(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<Step>> {
    Ok(db.store()?.termination_steps(mentorship_id)?)
}

/// Records a termination step (no id) or corrects one; returns its id.
#[tauri::command]
pub fn save_termination_step(db: State<'_, Db>, step: Step) -> Reply<i64> {
    Ok(db.store()?.save_termination_step(&step, today())?)
}

#[tauri::command]
pub fn remove_termination_step(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_termination_step(id)?)
}
