//! Commands that move data in and out: importing staff from an HR system's CSV or XLSX file
//! (choose the file, preview with a mapping, apply), and exporting every register to CSV
//! files or a workbook. Reading, planning and writing are core's (`import`, `export`); the
//! shell keeps only the path of the file the person chose, so the window never names a path.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use mentordesk_core::export::{Exported, Format};
use mentordesk_core::import::{self, Field, Plan, Row, Table};
use mentordesk_core::Error;
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Ask};
use crate::ipc::{today, Db, Reply};

const SPREADSHEETS: &[(&str, &[&str])] = &[
    ("Spreadsheets (CSV, Excel)", &["csv", "xlsx", "txt"]),
    ("All files", &["*"]),
];

/// How many lines of the file the mapping screen shows under the headers.
const SAMPLE_ROWS: usize = 8;

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

/// A staff field as the mapping table offers it.
#[derive(Debug, Serialize)]
pub struct FieldChoice {
    pub code: &'static str,
    pub label: &'static str,
}

/// What the mapping screen shows of a chosen file.
#[derive(Debug, Serialize)]
pub struct ImportPreview {
    pub file_name: String,
    pub headers: Vec<String>,
    /// The field recognised for each column, `null` where none was.
    pub mapping: Vec<Option<Field>>,
    pub fields: Vec<FieldChoice>,
    pub rows: Vec<Row>,
    pub row_count: usize,
}

/// Asks for the file to import, reads it and recognises its columns; `None` when the person
/// cancelled the dialog.
#[tauri::command(async)]
pub fn choose_import_file(
    app: AppHandle,
    chosen: State<'_, ChosenFile>,
) -> Reply<Option<ImportPreview>> {
    let Some(path) = dialogs::choose(
        &app,
        "Import staff from a file",
        Ask::OpenFile(SPREADSHEETS),
    ) else {
        return Ok(None);
    };
    let table = import::read_file(&path)?;
    chosen.set(path.clone());
    Ok(Some(ImportPreview {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        mapping: import::recognise(&table.headers),
        fields: Field::ALL
            .iter()
            .map(|f| FieldChoice {
                code: f.code(),
                label: f.label(),
            })
            .collect(),
        row_count: table.rows.len(),
        rows: table.rows.iter().take(SAMPLE_ROWS).cloned().collect(),
        headers: table.headers,
    }))
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
/// refused whole while any line has a problem.
#[tauri::command]
pub fn apply_import(
    db: State<'_, Db>,
    chosen: State<'_, ChosenFile>,
    mapping: Vec<Option<Field>>,
) -> Reply<Plan> {
    let table = chosen.table()?;
    Ok(db.store()?.import_staff(&table, &mapping, today())?)
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
    let dir = match format {
        Format::Csv => folder.join(format!("MentorDesk registers {}", today())),
        Format::Xlsx => folder,
    };
    Ok(Some(db.store()?.export_registers(&dir, format)?))
}
