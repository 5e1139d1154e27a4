//! Commands about signing in and the people who may: whether anyone may sign in yet, creating
//! the programme manager's account on first start, signing in and out, changing one's own
//! password, and the programme manager's list of users with their roles. Checking names and
//! passwords is core's (`store::users`); deciding what a role may do is `access`'s.

use mentordesk_core::access::{Role, User};
use serde::Serialize;
use tauri::State;

use crate::ipc::{Db, Reply};

/// Who is signed in, and whether anyone could be: the window shows the first-account form,
/// the sign-in form or the programme.
#[derive(Debug, Serialize)]
pub struct SignInStatus {
    /// False until the programme manager's account exists.
    pub has_users: bool,
    pub user: Option<User>,
}

#[tauri::command]
pub fn sign_in_status(db: State<'_, Db>) -> Reply<SignInStatus> {
    Ok(SignInStatus {
        has_users: db.store()?.has_users()?,
        user: db.user(),
    })
}

/// Creates the programme manager's account on a database nobody can sign in to yet, and signs
/// them in. Refused once anyone may sign in, so it cannot be used to make a second manager.
#[tauri::command]
pub fn create_first_user(db: State<'_, Db>, name: String, password: String) -> Reply<User> {
    let user = db.store()?.create_first_user(&name, &password)?;
    db.set_user(Some(user.clone()))?;
    Ok(user)
}

#[tauri::command]
pub fn sign_in(db: State<'_, Db>, name: String, password: String) -> Reply<User> {
    let user = db.store()?.sign_in(&name, &password)?;
    db.set_user(Some(user.clone()))?;
    Ok(user)
}

#[tauri::command]
pub fn sign_out(db: State<'_, Db>) -> Reply<()> {
    db.set_user(None)
}

/// Changes the signed-in person's own password.
#[tauri::command]
pub fn change_password(db: State<'_, Db>, old_password: String, new_password: String) -> Reply<()> {
    let me = signed_in(&db)?;
    Ok(db
        .store()?
        .change_password(me.id, &old_password, &new_password)?)
}

#[tauri::command]
pub fn list_users(db: State<'_, Db>) -> Reply<Vec<User>> {
    Ok(db.store()?.users()?)
}

#[tauri::command(async)]
pub fn add_user(db: State<'_, Db>, name: String, role: Role, password: String) -> Reply<User> {
    Ok(db.store()?.create_user(&name, role, &password)?)
}

#[tauri::command]
pub fn set_user_role(db: State<'_, Db>, id: i64, role: Role) -> Reply<User> {
    let user = db.store()?.set_user_role(id, role)?;
    refresh_if_me(&db, &user)?;
    Ok(user)
}

#[tauri::command]
pub fn set_user_disabled(db: State<'_, Db>, id: i64, disabled: bool) -> Reply<User> {
    let user = db.store()?.set_user_disabled(id, disabled)?;
    refresh_if_me(&db, &user)?;
    Ok(user)
}

fn signed_in(db: &Db) -> Reply<User> {
    db.user().ok_or_else(crate::access::signed_out)
}

/// A manager who changes their own role or disables themselves keeps what they now have, not
/// what they had when they signed in.
fn refresh_if_me(db: &Db, user: &User) -> Reply<()> {
    match db.user() {
        Some(me) if me.id == user.id => db.set_user(user.active.then(|| user.clone())),
        _ => Ok(()),
    }
}
