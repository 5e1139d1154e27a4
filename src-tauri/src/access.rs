//! What each command needs of the person signed in. Every command the window may call is
//! listed here; a command that is not listed needs the programme manager (the gate fails
//! closed), and a test checks that every registered command is listed.

use mentordesk_core::access::Permission;

/// What a command needs before it may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Runs before anyone signs in: the window's first questions, unlocking and signing in.
    Nothing,
    /// Needs someone signed in whose role allows this.
    Permission(Permission),
}

/// The need of a command, by its name.
pub fn need(command: &str) -> Need {
    use Permission::*;
    match command {
        "app_status" | "vocabulary" => Need::Nothing,

        "settings_defs" | "get_settings" | "list_units" | "get_unit" | "list_staff"
        | "get_staff" | "staff_choices" | "list_organisations" | "get_organisation"
        | "organisation_choices" | "list_mentors" | "get_mentor" | "mentor_choices"
        | "mentor_appointments" | "organisation_mentors" | "list_proteges" | "get_protege"
        | "protege_choices" | "list_mentorships" | "get_mentorship" | "list_cycles"
        | "get_cycle" | "list_kpa_allocations" | "get_kpa_allocation"
        | "propose_kpa_allocation" | "workload" | "dashboard" | "work_plan" | "holidays"
        | "list_sessions" | "get_session" | "open_actions" | "list_ratings" | "rating_scale"
        | "list_termination_steps" | "report_periods" | "report_period" | "report_entry"
        | "report_entries" | "reportable_mentorships" | "print_progress_report"
        | "print_progress_reports" | "list_applications" | "get_application"
        | "mentor_suggestions" | "intakes" | "cohort_proposal" | "print_agreement"
        | "print_kpa_allocation" | "print_mentor_contract" | "print_organisation_agreement"
        | "open_document" | "save_document_copy" => Need::Permission(Read),

        "create_sample" | "save_unit" | "save_staff" | "save_organisation" | "save_mentor"
        | "renew_appointment" | "save_protege" | "save_mentorship" | "set_archived"
        | "save_cycle" | "ensure_cycle" | "add_next_cycle" | "save_kpa_allocation"
        | "finalise_kpa_allocation" | "generate_work_plan" | "save_work_plan_event"
        | "remove_work_plan_event" | "sign_off_event" | "save_session" | "remove_session"
        | "complete_action" | "save_rating" | "remove_rating" | "save_termination_step"
        | "remove_termination_step" | "save_report_entry" | "remove_report_entry"
        | "save_application" | "start_application_review" | "record_committee_review"
        | "match_application" | "record_mentor_reply" | "accept_cohort" | "print_letter"
        | "print_pending_letters" => Need::Permission(Write),

        "save_settings" | "save_holiday" | "remove_holiday" => Need::Permission(Settings),

        _ => Need::Permission(Administer),
    }
}
