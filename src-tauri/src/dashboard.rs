//! The dashboard command: what needs the office's attention today. It adapts one `Store`
//! call; which lines there are and their words are core's (`core::dashboard`).

use mentordesk_core::dashboard::Attention;
use tauri::State;

use crate::ipc::{today, Db, Reply};

/// Everything that needs attention today, grouped in the order the dashboard shows the kinds.
#[tauri::command]
pub fn dashboard(db: State<'_, Db>) -> Reply<Vec<Attention>> {
    Ok(db.store()?.dashboard(today())?)
}
