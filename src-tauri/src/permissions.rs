//! What the person signed in may do, for the window to show them only the buttons they may use.
//! Which permissions a role holds is core's (`Role::permissions`); which commands each needs is
//! `commands`'s list, and the gate keeps refusing whatever the window might still call.

use tauri::State;

use crate::access::{self, Allowed};
use crate::ipc::{Db, Reply};

#[tauri::command]
pub fn permissions(db: State<'_, Db>) -> Reply<Allowed> {
    let me = db.user().ok_or_else(access::signed_out)?;
    Ok(access::allowed(&me))
}
