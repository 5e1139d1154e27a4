//! The dashboard commands: what needs the office's attention today, counted per kind with the
//! first page of each, and the next pages of one kind. They adapt `Store` calls; which lines
//! there are, their words and the page size are core's (`core::dashboard`).

use mentordesk_core::dashboard::{AttentionKind, Group};
use tauri::State;

use crate::ipc::{today, Db, Reply};

/// Every kind in the order the dashboard shows them, with its count and first page of lines.
#[tauri::command]
pub fn dashboard(db: State<'_, Db>) -> Reply<Vec<Group>> {
    Ok(db.store()?.attention(today())?)
}

/// The page of one kind's lines from `offset`, for "Show more".
#[tauri::command]
pub fn attention_page(db: State<'_, Db>, kind: AttentionKind, offset: usize) -> Reply<Group> {
    Ok(db.store()?.attention_page(kind, today(), offset)?)
}
