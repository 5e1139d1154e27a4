//! Commands of the programme report: the report for a period as the window draws it, printed
//! into the documents folder, and its tables exported to CSV files or a workbook in a folder
//! the person chooses. What is counted, how small groups are hidden and how the report reads
//! are core's (`programme`, `print::programme_report`); the shell only supplies today's date,
//! the documents folder and the dialog's answer.

use chrono::NaiveDate;
use mentordesk_core::export::{Exported, Format};
use mentordesk_core::print::programme_report::{write_programme_report, ReportOptions};
use mentordesk_core::programme::ReportView;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Ask};
use crate::documents::documents_dir;
use crate::ipc::{today, Db, Reply};

/// The programme report from `from` to `to`: its sections, and the named appendix when asked.
#[tauri::command(async)]
pub fn programme_report(
    db: State<'_, Db>,
    from: NaiveDate,
    to: NaiveDate,
    options: ReportOptions,
) -> Reply<ReportView> {
    let store = db.store()?;
    let period = store.report_period(from, to)?;
    Ok(store.programme_figures(&period, today())?.view(options))
}

/// Prints the programme report from `from` to `to` and returns where the PDF was written.
#[tauri::command(async)]
pub fn print_programme_report(
    db: State<'_, Db>,
    from: NaiveDate,
    to: NaiveDate,
    options: ReportOptions,
) -> Reply<String> {
    let dir = documents_dir(&db)?;
    let store = db.store()?;
    let period = store.report_period(from, to)?;
    let path = write_programme_report(&store, &period, options, today(), &dir)?;
    Ok(path.display().to_string())
}

/// Asks for a folder and writes the report's tables into it: a CSV file each, or one
/// workbook. `None` when the person cancelled the dialog.
#[tauri::command(async)]
pub fn export_programme_report(
    app: AppHandle,
    db: State<'_, Db>,
    from: NaiveDate,
    to: NaiveDate,
    format: Format,
    options: ReportOptions,
) -> Reply<Option<Exported>> {
    let title = "Export the programme report into a folder";
    let Some(folder) = dialogs::choose(&app, title, Ask::Folder) else {
        return Ok(None);
    };
    let store = db.store()?;
    let period = store.report_period(from, to)?;
    let figures = store.programme_figures(&period, today())?;
    let dir = format.destination(&folder, &figures.folder_name());
    Ok(Some(figures.export(&dir, format, options)?))
}
