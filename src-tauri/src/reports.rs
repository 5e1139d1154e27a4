//! Commands about progress reports: the periods a report may cover, what is written on one (the
//! comments, overall rating and recommendation), printing one report, and printing the reports
//! of every mentorship under way in a period with its progress shown in the window. Checking an
//! entry against the record and filling a report from the logs are core's.

use chrono::NaiveDate;
use mentordesk_core::print::progress_report::{
    batch_folder, write_progress_report, write_progress_reports, BatchFailure,
};
use mentordesk_core::progress::{Period, ReportEntry};
use mentordesk_core::store::{Confidential, OfferedPeriod};
use serde::Serialize;
use tauri::{AppHandle, Emitter, State};

use crate::access::role_of;
use crate::documents::documents_dir;
use crate::ipc::{today, Db, Reply};

/// The quarters, mid-cycle and annual periods of this cycle and the one before that have
/// begun; with a mentorship, only those it runs in, each saying whether its report is written.
#[tauri::command]
pub fn report_periods(db: State<'_, Db>, mentorship_id: Option<i64>) -> Reply<Vec<OfferedPeriod>> {
    Ok(db.store()?.offered_periods(mentorship_id, today())?)
}

/// Any range of dates as a period, named by its dates.
#[tauri::command]
pub fn report_period(from: NaiveDate, to: NaiveDate) -> Reply<Period> {
    Ok(Period::range(from, to)?)
}

/// What is written on the report of a mentorship for exactly this period, if anything.
#[tauri::command]
pub fn report_entry(
    db: State<'_, Db>,
    mentorship_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Reply<Option<ReportEntry>> {
    Ok(db.store()?.report_entry(mentorship_id, from, to)?)
}

/// Every report written for a mentorship, latest period first.
#[tauri::command]
pub fn report_entries(db: State<'_, Db>, mentorship_id: i64) -> Reply<Vec<ReportEntry>> {
    Ok(db.store()?.report_entries(mentorship_id)?)
}

/// Writes a report's comments, rating and recommendation; returns the entry's id.
#[tauri::command]
pub fn save_report_entry(db: State<'_, Db>, entry: ReportEntry) -> Reply<i64> {
    Ok(db.store()?.save_report_entry(&entry, today())?)
}

#[tauri::command]
pub fn remove_report_entry(db: State<'_, Db>, id: i64) -> Reply<()> {
    Ok(db.store()?.remove_report_entry(id)?)
}

/// Prints one mentorship's report for a period and returns where the PDF was written. The
/// sessions' confidential notes go in only when the person asked for them in this document,
/// and only a role that may read them may ask.
#[tauri::command(async)]
pub fn print_progress_report(
    db: State<'_, Db>,
    mentorship_id: i64,
    period: Period,
    include_confidential: bool,
) -> Reply<String> {
    let confidential = Confidential::asked_by(role_of(db.user().as_ref()), include_confidential)?;
    let dir = documents_dir(&db)?;
    let path = write_progress_report(
        &*db.store()?,
        mentorship_id,
        &period,
        confidential,
        today(),
        &dir,
    )?;
    Ok(path.display().to_string())
}

/// The mentorships a batch for this period would report on, by protégé.
#[tauri::command]
pub fn reportable_mentorships(db: State<'_, Db>, from: NaiveDate, to: NaiveDate) -> Reply<usize> {
    Ok(db.store()?.reportable_mentorships(from, to)?.len())
}

/// How far a batch has come, sent to the window after each report.
#[derive(Debug, Clone, Serialize)]
struct BatchProgress {
    done: usize,
    total: usize,
    /// The protégé whose report was just printed or failed.
    name: String,
}

#[derive(Debug, Serialize)]
pub struct BatchResult {
    pub folder: String,
    pub count: usize,
    /// The first report printed, for the window to open.
    pub first: Option<String>,
    pub failures: Vec<BatchFailure>,
}

/// Prints the report of every mentorship under way in the period into a folder named after
/// the period inside the documents folder, telling the window after each one
/// (`reports-progress`); see `write_progress_reports`.
#[tauri::command(async)]
pub fn print_progress_reports(
    app: AppHandle,
    db: State<'_, Db>,
    period: Period,
) -> Reply<BatchResult> {
    let folder = documents_dir(&db)?.join(batch_folder(&period));
    let batch = write_progress_reports(
        || db.store(),
        &period,
        today(),
        &folder,
        |done, total, name| {
            // The batch is worth finishing even when the window is not listening any more.
            let _ = app.emit(
                "reports-progress",
                BatchProgress {
                    done,
                    total,
                    name: name.to_owned(),
                },
            );
        },
    )?;
    Ok(BatchResult {
        folder: batch.folder.display().to_string(),
        count: batch.printed.len(),
        first: batch.printed.first().map(|p| p.display().to_string()),
        failures: batch.failures,
    })
}

#[cfg(test)]
mod tests {
    use mentordesk_core::store::MentorshipQuery;
    use mentordesk_core::Store;

    use mentordesk_core::access::Role;
    use mentordesk_core::Error;

    use super::*;

    /// The document a role prints carries the confidential notes exactly when it may.
    #[test]
    fn a_printed_report_holds_confidential_notes_only_for_the_programme_manager() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let today = crate::ipc::today();
        mentordesk_core::sample::create(&mut store, today).unwrap();
        let (mentorship_id, mut session) = store
            .mentorships(&MentorshipQuery::default())
            .unwrap()
            .into_iter()
            .find_map(|m| Some((m.id, store.session_log(m.id).ok()?.into_iter().next()?)))
            .expect("the sample programme logs sessions");
        session = store.session(session.id.unwrap()).unwrap();
        session.confidential_notes = "Zanele confided something".into();
        store.save_session(&session, today).unwrap();
        let period = Period::range(session.held_on, session.held_on).unwrap();

        let printed_text = |role: Role| -> Result<String, Error> {
            let confidential = Confidential::asked_by(role, true)?;
            let path = write_progress_report(
                &store,
                mentorship_id,
                &period,
                confidential,
                today,
                dir.path(),
            )?;
            let text = std::process::Command::new("pdftotext")
                .arg(&path)
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils) reads the printed report");
            Ok(String::from_utf8_lossy(&text.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "))
        };
        let printed = printed_text(Role::ProgrammeManager).unwrap();
        assert!(printed.contains("Zanele confided something"), "{printed}");
        for role in [Role::HrOfficer, Role::Viewer] {
            assert_eq!(printed_text(role).unwrap_err().code(), "not_allowed");
        }
    }
}
