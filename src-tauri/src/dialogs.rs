//! The system's file dialogs, opened by the shell itself. The window never hands the shell a
//! path: a command that reads or writes a file the person chooses opens the dialog here, so
//! the only paths the shell touches are ones a person picked (or the app's own folders).
//!
//! End-to-end tests cannot click in a system dialog, so when `MENTORDESK_TEST_DIALOGS` names a
//! folder, a dialog is not shown: it answers with the path written in that folder's `answer`
//! file (and removes the file), or is cancelled when there is none. Only whoever starts the
//! program can set that, never the window.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// What a dialog asks for.
pub enum Ask<'a> {
    /// An existing file to read, of one of these kinds (a name and its extensions).
    OpenFile(&'a [(&'a str, &'a [&'a str])]),
    /// A folder to write into.
    Folder,
    /// A file to write, suggested by this name, of one of these kinds.
    SaveFile(&'a str, &'a [(&'a str, &'a [&'a str])]),
}

/// Shows the dialog with `title` and returns the chosen path, or `None` when the person
/// cancelled. Blocks until they answer, so only `async` commands (run off the main thread)
/// call it.
pub fn choose(app: &AppHandle, title: &str, ask: Ask<'_>) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("MENTORDESK_TEST_DIALOGS") {
        let answer = PathBuf::from(dir).join("answer");
        let chosen = std::fs::read_to_string(&answer).ok()?;
        let _ = std::fs::remove_file(&answer);
        let chosen = chosen.trim();
        return (!chosen.is_empty()).then(|| PathBuf::from(chosen));
    }
    let with_filters = |mut dialog: FileDialogBuilder<_>, kinds: &[(&str, &[&str])]| {
        for (name, extensions) in kinds {
            dialog = dialog.add_filter(*name, extensions);
        }
        dialog
    };
    let dialog = app.dialog().file().set_title(title);
    let chosen = match ask {
        Ask::OpenFile(kinds) => with_filters(dialog, kinds).blocking_pick_file(),
        Ask::Folder => dialog.blocking_pick_folder(),
        Ask::SaveFile(name, kinds) => {
            with_filters(dialog.set_file_name(name), kinds).blocking_save_file()
        }
    };
    chosen.and_then(|path| path.into_path().ok())
}
