//! Commands about the programme as a whole: where its database lives and whether it is empty,
//! loading the sample programme, the settings and the closed lists the forms offer.

use std::collections::BTreeMap;

use mentordesk_core::settings::{SettingDef, Settings, DEFS};
use mentordesk_core::store::LATEST_VERSION;
use mentordesk_core::vocabulary::{vocabulary as core_vocabulary, ListEntry};
use serde::Serialize;
use tauri::State;

use crate::ipc::{today, Db, IpcError, Reply};

/// What the window needs to know before it shows anything.
#[derive(Debug, Serialize)]
pub struct AppStatus {
    /// MentorDesk's version, the workspace's one number (shown in the About box).
    pub version: &'static str,
    pub database_path: String,
    /// True when the register holds no staff yet: the window offers the welcome screen.
    pub is_empty: bool,
    /// The data version this program writes (the open database has been brought to it).
    pub data_version: i64,
    pub documents_dir: String,
    /// Why the database could not be opened; the window shows it instead of the registers.
    pub open_error: Option<IpcError>,
    /// True while the database is encrypted and waits for its passphrase.
    pub locked: bool,
    /// True when the database's files were readable by other accounts until this program
    /// made them private on opening them: the window says so once.
    pub tightened: bool,
}

#[tauri::command]
pub fn app_status(db: State<'_, Db>) -> Reply<AppStatus> {
    let locked = db.is_locked();
    let open_error = db.open_error();
    let (is_empty, tightened) = match (&open_error, locked) {
        (None, false) => {
            let store = db.store()?;
            (store.is_empty()?, store.was_tightened())
        }
        _ => (false, false),
    };
    Ok(AppStatus {
        version: env!("CARGO_PKG_VERSION"),
        database_path: db.path().display().to_string(),
        is_empty,
        data_version: LATEST_VERSION,
        documents_dir: db.documents_dir().display().to_string(),
        open_error,
        locked,
        tightened,
    })
}

#[tauri::command(async)]
pub fn create_sample(db: State<'_, Db>) -> Reply<()> {
    Ok(mentordesk_core::sample::create(&mut *db.store()?, today())?)
}

#[tauri::command]
pub fn vocabulary() -> BTreeMap<&'static str, Vec<ListEntry>> {
    core_vocabulary()
}

#[tauri::command]
pub fn settings_defs() -> &'static [SettingDef] {
    DEFS
}

#[tauri::command]
pub fn get_settings(db: State<'_, Db>) -> Reply<Settings> {
    Ok(db.store()?.settings()?)
}

#[tauri::command]
pub fn save_settings(db: State<'_, Db>, settings: Settings) -> Reply<()> {
    Ok(db.store()?.save_settings(&settings)?)
}
