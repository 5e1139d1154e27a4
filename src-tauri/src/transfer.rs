//! Commands that move data in and out: importing staff from an HR system's CSV or XLSX file
//! (choose the file, preview with a mapping, apply), and exporting every register to CSV
//! files or a workbook. Reading, planning and writing are core's (`import`, `export`); the
//! shell keeps only the path of the file the person chose, so the window never names a path,
//! and passes on how far an import has got.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use mentordesk_core::export::{self, Exported, Format};
use mentordesk_core::import::{self, Field, Plan, Preview, Table};
use mentordesk_core::Error;
use tauri::{AppHandle, Emitter, State};

use crate::dialogs::{self, Ask};
use crate::ipc::{today, Db, Reply};

const SPREADSHEETS: &[(&str, &[&str])] = &[
    ("Spreadsheets (CSV, Excel)", &["csv", "xlsx", "txt"]),
    ("All files", &["*"]),
];

/// The file chosen for import, kept by the shell between the preview and the import.
#[derive(Default)]
pub struct ChosenFile(Mutex<Option<PathBuf>>);

impl ChosenFile {
    fn set(&self, path: PathBuf) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(path);
    }

    /// The chosen file read again, so the plan always reflects the file as it is now.
    fn table(&self) -> Reply<Table> {
        let path = self
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let path =
            path.ok_or_else(|| Error::invalid("file", "Choose the file to import first."))?;
        Ok(import::read_file(&path)?)
    }
}

/// Asks for the file to import, reads it and recognises its columns; `None` when the person
/// cancelled the dialog.
#[tauri::command(async)]
pub fn choose_import_file(app: AppHandle, chosen: State<'_, ChosenFile>) -> Reply<Option<Preview>> {
    let Some(path) = dialogs::choose(
        &app,
        "Import staff from a file",
        Ask::OpenFile(SPREADSHEETS),
    ) else {
        return Ok(None);
    };
    let table = import::read_file(&path)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let preview = Preview::of(table, &name);
    chosen.set(path);
    Ok(Some(preview))
}

/// What importing the chosen file with `mapping` would do, line by line. Writes nothing.
#[tauri::command]
pub fn plan_import(
    db: State<'_, Db>,
    chosen: State<'_, ChosenFile>,
    mapping: Vec<Option<Field>>,
) -> Reply<Plan> {
    let table = chosen.table()?;
    Ok(import::plan(&*db.store()?, &table, &mapping, today())?)
}

/// Imports the chosen file with `mapping`: planned again and applied in one transaction, or
/// refused whole while any line has a problem. The window hears how far the checking and the
/// saving have got (`import-progress`); the command runs off the main thread so that it can
/// draw them meanwhile.
#[tauri::command(async)]
pub fn apply_import(
    app: AppHandle,
    db: State<'_, Db>,
    chosen: State<'_, ChosenFile>,
    mapping: Vec<Option<Field>>,
) -> Reply<Plan> {
    let table = chosen.table()?;
    Ok(db
        .store()?
        .import_staff_with_progress(&table, &mapping, today(), |progress| {
            // The import is worth finishing even when the window is not listening any more.
            let _ = app.emit("import-progress", progress);
        })?)
}

/// Asks for a folder and exports every register into it: a folder of CSV files named with
/// today's date, or one workbook. `None` when the person cancelled the dialog.
#[tauri::command(async)]
pub fn export_registers(
    app: AppHandle,
    db: State<'_, Db>,
    format: Format,
) -> Reply<Option<Exported>> {
    let Some(folder) = dialogs::choose(&app, "Export the registers into a folder", Ask::Folder)
    else {
        return Ok(None);
    };
    let dir = format.destination(&folder, &export::registers_folder(today()));
    Ok(Some(db.store()?.export_registers(&dir, format)?))
}
