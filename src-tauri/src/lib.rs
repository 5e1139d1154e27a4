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
//! - `reports`: progress reports: their periods, what is written on them, printing one or all.
//! - `selection`: applications, the committee's review, mentor suggestions, the mentor's
//!   answer, the decision trail and the letters owed.
//! - `cohort`: matching a whole intake at once: the proposal, edited in the window, accepted
//!   in one transaction.
//! - `documents`: printing agreements, KPA allocations and contracts, and handing the PDFs to
//!   the person.
//! - `users`: first start, signing in and out, passwords, and the people who may sign in.
//! - `audit`: reading, checking and exporting the audit trail.
//! - `transfer`: importing staff from HR files (choose, preview, apply) and exporting every
//!   register to CSV or Excel.
//! - `safekeeping`: backing up now, the automatic backups, inspecting and restoring a backup,
//!   unlocking an encrypted database and setting its passphrase.
//! - `dialogs`: the system's file dialogs, opened by the shell, so that the window never hands
//!   it a path.
//! - `access`: what each command needs; `gate` below asks it before every command runs.

mod access;
mod audit;
mod cohort;
mod dashboard;
mod dialogs;
mod documents;
mod ipc;
mod performance;
mod programme;
mod progress;
mod register;
mod reports;
mod safekeeping;
mod selection;
mod sessions;
mod transfer;
mod users;
mod workplans;

use ipc::Db;

/// Opens the database and runs the window until it is closed. A database that cannot be
/// opened does not stop the window: the error is kept and shown in it (see `app_status`).
pub fn run() -> tauri::Result<()> {
    let db = Db::open(mentordesk_core::store::default_path());
    safekeeping::daily_backup(&db);
    let handler = handler();
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

/// Every command the window may call; each needs an entry in `access::need`.
fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        programme::app_status,
        programme::create_sample,
        programme::vocabulary,
        programme::settings_defs,
        programme::get_settings,
        programme::save_settings,
        register::list_units,
        register::get_unit,
        register::save_unit,
        register::list_staff,
        register::get_staff,
        register::save_staff,
        register::staff_choices,
        register::list_organisations,
        register::get_organisation,
        register::save_organisation,
        register::organisation_choices,
        register::list_mentors,
        register::get_mentor,
        register::save_mentor,
        register::mentor_choices,
        register::mentor_appointments,
        register::renew_appointment,
        register::organisation_mentors,
        register::list_proteges,
        register::get_protege,
        register::save_protege,
        register::protege_choices,
        register::list_mentorships,
        register::get_mentorship,
        register::save_mentorship,
        register::set_archived,
        performance::list_cycles,
        performance::get_cycle,
        performance::save_cycle,
        performance::ensure_cycle,
        performance::add_next_cycle,
        performance::list_kpa_allocations,
        performance::get_kpa_allocation,
        performance::propose_kpa_allocation,
        performance::save_kpa_allocation,
        performance::finalise_kpa_allocation,
        performance::workload,
        dashboard::dashboard,
        workplans::work_plan,
        workplans::generate_work_plan,
        workplans::save_work_plan_event,
        workplans::remove_work_plan_event,
        workplans::sign_off_event,
        workplans::holidays,
        workplans::save_holiday,
        workplans::remove_holiday,
        sessions::list_sessions,
        sessions::get_session,
        sessions::save_session,
        sessions::remove_session,
        sessions::open_actions,
        sessions::complete_action,
        progress::list_ratings,
        progress::save_rating,
        progress::remove_rating,
        progress::rating_scale,
        progress::list_termination_steps,
        progress::save_termination_step,
        progress::remove_termination_step,
        reports::report_periods,
        reports::report_period,
        reports::report_entry,
        reports::report_entries,
        reports::save_report_entry,
        reports::remove_report_entry,
        reports::print_progress_report,
        reports::reportable_mentorships,
        reports::print_progress_reports,
        selection::list_applications,
        selection::get_application,
        selection::save_application,
        selection::start_application_review,
        selection::record_committee_review,
        selection::mentor_suggestions,
        selection::match_application,
        selection::record_mentor_reply,
        selection::print_letter,
        selection::print_pending_letters,
        cohort::intakes,
        cohort::cohort_proposal,
        cohort::accept_cohort,
        documents::print_agreement,
        documents::print_kpa_allocation,
        documents::print_mentor_contract,
        documents::print_organisation_agreement,
        documents::open_document,
        documents::save_document_copy,
        safekeeping::safekeeping_status,
        safekeeping::backup_now,
        safekeeping::inspect_backup,
        safekeeping::restore_backup,
        safekeeping::unlock,
        safekeeping::set_passphrase,
        transfer::choose_import_file,
        transfer::plan_import,
        transfer::apply_import,
        transfer::export_registers,
        users::sign_in_status,
        users::create_first_user,
        users::sign_in,
        users::sign_out,
        users::change_password,
        users::list_users,
        users::add_user,
        users::set_user_role,
        users::set_user_disabled,
        audit::audit_entries,
        audit::check_audit_chain,
        audit::export_audit,
    ]
}
