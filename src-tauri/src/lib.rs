//! The Tauri shell of MentorDesk: it opens the programme database, registers the commands the
//! window may call and starts the window. It holds no rules of the programme; those live in
//! `mentordesk-core`, and each command here only adapts one core call to IPC.
//!
//! - `ipc`: the shared state (the open database) and the error the window receives.
//! - `programme`: status, first start, settings and the closed lists.
//! - `register`: lists, records and saves of the six registers, and archiving.
//! - `performance`: cycles, KPA allocations and the mentors' workload.
//! - `dashboard`: what needs the office's attention today.
//! - `workplans`: mentorships' work plans, the mentor's sign-off, and the public holidays.
//! - `sessions`: a mentorship's session log and the actions agreed, open until done.
//! - `progress`: competency ratings, the rating scale's points, and termination steps.
//! - `disputes`: a mentorship's disputes, the steps on each, and the letter with its history.
//! - `evaluations`: the evaluation forms' questions, a mentorship's answered forms and when
//!   each falls due, and the blank form printed to fill in by hand.
//! - `reports`: progress reports: their periods, what is written on them, printing one or all.
//! - `programme_report`: the programme report for a period: shown, printed and exported.
//! - `selection`: applications, the committee's review, mentor suggestions, the mentor's
//!   answer, the decision trail and the letters owed.
//! - `cohort`: matching a whole intake at once: the proposal, edited in the window, accepted
//!   in one transaction.
//! - `documents`: printing agreements, KPA allocations and contracts, and handing the PDFs to
//!   the person.
//! - `users`: first start, signing in and out, passwords, and the people who may sign in.
//! - `permissions`: what the person signed in may do, for the window to show only that.
//! - `audit`: reading, checking and exporting the audit trail.
//! - `transfer`: importing staff from HR files (choose, preview, apply) and exporting every
//!   register to CSV or Excel.
//! - `safekeeping`: backing up now, the automatic backups, inspecting and restoring a backup,
//!   unlocking an encrypted database and setting its passphrase.
//! - `dialogs`: the system's file dialogs, opened by the shell, so that the window never hands
//!   it a path.
//! - `commands`: every command the window may call, with what it needs.
//! - `access`: what a command needs of the person signed in; `gate` below asks it before every
//!   command runs.

mod access;
mod audit;
mod cohort;
mod commands;
mod dashboard;
mod dialogs;
mod disputes;
mod documents;
mod endings;
mod evaluations;
mod ipc;
mod performance;
mod permissions;
mod programme;
mod programme_report;
mod progress;
mod register;
mod reports;
mod safekeeping;
mod selection;
mod sessions;
mod signing;
mod transfer;
mod users;
mod workplans;

use ipc::Db;

/// Opens the database and runs the window until it is closed. A database that cannot be
/// opened does not stop the window: the error is kept and shown in it (see `app_status`).
pub fn run() -> tauri::Result<()> {
    let db = Db::open(mentordesk_core::store::default_path());
    safekeeping::daily_backup(&db);
    let handler = commands::handler();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(db)
        .manage(transfer::ChosenFile::default())
        .manage(safekeeping::ChosenBackup::default())
        .invoke_handler(move |invoke| gate(&handler, invoke))
        .run(tauri::generate_context!())
}

/// Runs a command only when the person signed in may (see `access::check`); otherwise the
/// window receives the refusal and the command never runs.
fn gate<R: tauri::Runtime>(
    handler: &dyn Fn(tauri::ipc::Invoke<R>) -> bool,
    invoke: tauri::ipc::Invoke<R>,
) -> bool {
    use tauri::Manager;
    let webview = invoke.message.webview();
    let user = webview.state::<Db>().user();
    match access::check(invoke.message.command(), user.as_ref()) {
        Ok(()) => handler(invoke),
        Err(refusal) => {
            invoke.resolver.reject(refusal);
            true
        }
    }
}
