//! Every command the window may call, with what it needs of the person signed in: the one
//! list from which the handler is registered and the gate decides (`access::need`), and which
//! the fuzzer (fuzz/build.rs) and the tests read. A command missing here cannot be called.

use mentordesk_core::access::Permission;

use crate::access::Need;

const NOTHING: Need = Need::Nothing;
const READ: Need = Need::Permission(Permission::Read);
const WRITE: Need = Need::Permission(Permission::Write);
const SETTINGS: Need = Need::Permission(Permission::Settings);
const ADMINISTER: Need = Need::Permission(Permission::Administer);

/// Makes the handler of the listed commands and `NEEDS`, the need of each by name.
macro_rules! commands {
    ($($module:ident::$name:ident => $need:expr,)+) => {
        /// Every command the window may call.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(crate::$module::$name),+]
        }

        /// What each command needs before it may run, by the name the window calls it by.
        pub const NEEDS: &[(&str, Need)] = &[$((stringify!($name), $need)),+];
    };
}

commands! {
    // The window's first questions, before anyone signs in.
    programme::app_status => NOTHING,
    programme::create_sample => WRITE,
    programme::vocabulary => NOTHING,
    programme::settings_defs => READ,
    programme::get_settings => READ,
    programme::save_settings => SETTINGS,

    register::list_units => READ,
    register::get_unit => READ,
    register::save_unit => WRITE,
    register::list_staff => READ,
    register::get_staff => READ,
    register::save_staff => WRITE,
    register::staff_choices => READ,
    register::list_organisations => READ,
    register::get_organisation => READ,
    register::save_organisation => WRITE,
    register::organisation_choices => READ,
    register::list_mentors => READ,
    register::get_mentor => READ,
    register::save_mentor => WRITE,
    register::mentor_choices => READ,
    register::mentor_appointments => READ,
    register::renew_appointment => WRITE,
    register::organisation_mentors => READ,
    register::list_proteges => READ,
    register::get_protege => READ,
    register::save_protege => WRITE,
    register::protege_choices => READ,
    register::list_mentorships => READ,
    register::get_mentorship => READ,
    register::save_mentorship => WRITE,
    register::set_archived => WRITE,

    performance::list_cycles => READ,
    performance::get_cycle => READ,
    performance::save_cycle => WRITE,
    performance::ensure_cycle => WRITE,
    performance::add_next_cycle => WRITE,
    performance::list_kpa_allocations => READ,
    performance::get_kpa_allocation => READ,
    performance::propose_kpa_allocation => READ,
    performance::save_kpa_allocation => WRITE,
    performance::finalise_kpa_allocation => WRITE,
    performance::kpa_weights_note => READ,
    performance::workload => READ,

    dashboard::dashboard => READ,
    dashboard::attention_page => READ,

    workplans::work_plan => READ,
    workplans::generate_work_plan => WRITE,
    workplans::save_work_plan_event => WRITE,
    workplans::remove_work_plan_event => WRITE,
    workplans::sign_off_event => WRITE,
    workplans::holidays => READ,
    workplans::save_holiday => SETTINGS,
    workplans::remove_holiday => SETTINGS,

    sessions::list_sessions => READ,
    sessions::get_session => READ,
    sessions::save_session => WRITE,
    sessions::remove_session => WRITE,
    sessions::open_actions => READ,
    sessions::complete_action => WRITE,

    progress::list_ratings => READ,
    progress::save_rating => WRITE,
    progress::remove_rating => WRITE,
    progress::rating_scale => READ,
    progress::list_termination_steps => READ,
    progress::save_termination_step => WRITE,
    progress::remove_termination_step => WRITE,

    disputes::list_disputes => READ,
    disputes::get_dispute => READ,
    disputes::save_dispute => WRITE,
    disputes::remove_dispute => WRITE,
    disputes::save_dispute_step => WRITE,
    disputes::remove_dispute_step => WRITE,
    disputes::print_dispute_letter => READ,

    evaluations::evaluation_questions => READ,
    evaluations::save_evaluation_question => SETTINGS,
    evaluations::evaluation_forms => READ,
    evaluations::save_evaluation => WRITE,
    evaluations::remove_evaluation => WRITE,
    evaluations::print_evaluation_form => READ,

    reports::report_periods => READ,
    reports::report_period => READ,
    reports::report_entry => READ,
    reports::report_entries => READ,
    reports::save_report_entry => WRITE,
    reports::remove_report_entry => WRITE,
    reports::print_progress_report => READ,
    reports::reportable_mentorships => READ,
    reports::print_progress_reports => READ,

    // Anyone who may read may print and export the programme report: even its named appendix
    // shows no more than the mentorships register does.
    programme_report::programme_report => READ,
    programme_report::print_programme_report => READ,
    programme_report::export_programme_report => READ,

    selection::list_applications => READ,
    selection::get_application => READ,
    selection::save_application => WRITE,
    selection::start_application_review => WRITE,
    selection::record_committee_review => WRITE,
    selection::mentor_suggestions => READ,
    selection::match_application => WRITE,
    selection::record_mentor_reply => WRITE,
    selection::print_letter => WRITE,
    selection::print_pending_letters => WRITE,

    cohort::intakes => READ,
    cohort::cohort_proposal => READ,
    cohort::accept_cohort => WRITE,

    documents::print_agreement => READ,
    documents::print_kpa_allocation => READ,
    documents::print_mentor_contract => READ,
    documents::print_organisation_agreement => READ,
    documents::open_document => READ,
    documents::show_document_in_folder => READ,
    signing::mentorship_papers => READ,
    signing::mentor_papers => READ,
    signing::record_signature => WRITE,
    signing::remove_signature => WRITE,
    signing::attach_signed_copy => WRITE,
    signing::open_signed_copy => READ,
    signing::addenda => READ,
    signing::make_addendum => WRITE,
    signing::print_addendum => READ,
    signing::print_audit_pack => READ,
    endings::print_termination_letters => READ,
    endings::print_certificate => READ,
    documents::save_document_copy => READ,

    safekeeping::safekeeping_status => ADMINISTER,
    safekeeping::backup_now => ADMINISTER,
    safekeeping::inspect_backup => ADMINISTER,
    safekeeping::restore_backup => ADMINISTER,
    safekeeping::restore_new_programme => ADMINISTER,
    // An encrypted database is unlocked before anyone can sign in: the accounts are in it.
    safekeeping::unlock => NOTHING,
    safekeeping::set_passphrase => ADMINISTER,

    transfer::choose_import_file => WRITE,
    transfer::plan_import => WRITE,
    transfer::apply_import => WRITE,
    // Exporting shows no more than the registers' screens do (no confidential notes).
    transfer::export_registers => READ,

    // Signing in comes before anyone is signed in; creating the first account refuses itself
    // once anyone may sign in.
    users::sign_in_status => NOTHING,
    users::create_first_user => NOTHING,
    users::sign_in => NOTHING,
    users::sign_out => NOTHING,
    // Anyone signed in may change their own password, a viewer too.
    users::change_password => READ,
    // What the person signed in may do, so that the window shows only what they may use.
    permissions::permissions => READ,
    users::list_users => ADMINISTER,
    users::add_user => ADMINISTER,
    users::set_user_role => ADMINISTER,
    users::set_user_disabled => ADMINISTER,

    audit::audit_entries => ADMINISTER,
    audit::check_audit_chain => ADMINISTER,
    audit::export_audit => ADMINISTER,
}
