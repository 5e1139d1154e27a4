//! What each command needs of the person signed in. Every command the window may call is
//! listed here; a command that is not listed needs the programme manager (the gate fails
//! closed), and a test checks that every registered command is listed.

use mentordesk_core::access::{Permission, Role, User};
use mentordesk_core::store::Confidential;

use crate::ipc::IpcError;

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
        // Signing in comes before anyone is signed in; creating the first account refuses
        // itself once anyone may sign in.
        "sign_in_status" | "create_first_user" | "sign_in" | "sign_out" => Need::Nothing,
        // An encrypted database is unlocked before anyone can sign in: the accounts are in it.
        "unlock" => Need::Nothing,

        // Anyone signed in may change their own password, a viewer too.
        "change_password" => Need::Permission(Read),

        "settings_defs"
        | "get_settings"
        | "list_units"
        | "get_unit"
        | "list_staff"
        | "get_staff"
        | "staff_choices"
        | "list_organisations"
        | "get_organisation"
        | "organisation_choices"
        | "list_mentors"
        | "get_mentor"
        | "mentor_choices"
        | "mentor_appointments"
        | "organisation_mentors"
        | "list_proteges"
        | "get_protege"
        | "protege_choices"
        | "list_mentorships"
        | "get_mentorship"
        | "list_cycles"
        | "get_cycle"
        | "list_kpa_allocations"
        | "get_kpa_allocation"
        | "propose_kpa_allocation"
        | "workload"
        | "dashboard"
        | "work_plan"
        | "holidays"
        | "list_sessions"
        | "get_session"
        | "open_actions"
        | "list_ratings"
        | "rating_scale"
        | "list_termination_steps"
        | "report_periods"
        | "report_period"
        | "report_entry"
        | "report_entries"
        | "reportable_mentorships"
        | "print_progress_report"
        | "print_progress_reports"
        | "list_applications"
        | "get_application"
        | "mentor_suggestions"
        | "intakes"
        | "cohort_proposal"
        | "print_agreement"
        | "print_kpa_allocation"
        | "print_mentor_contract"
        | "print_organisation_agreement"
        | "open_document"
        | "save_document_copy" => Need::Permission(Read),

        // Exporting shows no more than the registers' screens do (no confidential notes).
        "export_registers" => Need::Permission(Read),
        "choose_import_file" | "plan_import" | "apply_import" => Need::Permission(Write),

        "create_sample"
        | "save_unit"
        | "save_staff"
        | "save_organisation"
        | "save_mentor"
        | "renew_appointment"
        | "save_protege"
        | "save_mentorship"
        | "set_archived"
        | "save_cycle"
        | "ensure_cycle"
        | "add_next_cycle"
        | "save_kpa_allocation"
        | "finalise_kpa_allocation"
        | "generate_work_plan"
        | "save_work_plan_event"
        | "remove_work_plan_event"
        | "sign_off_event"
        | "save_session"
        | "remove_session"
        | "complete_action"
        | "save_rating"
        | "remove_rating"
        | "save_termination_step"
        | "remove_termination_step"
        | "save_report_entry"
        | "remove_report_entry"
        | "save_application"
        | "start_application_review"
        | "record_committee_review"
        | "match_application"
        | "record_mentor_reply"
        | "accept_cohort"
        | "print_letter"
        | "print_pending_letters" => Need::Permission(Write),

        "save_settings" | "save_holiday" | "remove_holiday" => Need::Permission(Settings),

        "list_users" | "add_user" | "set_user_role" | "set_user_disabled" | "audit_entries"
        | "check_audit_chain" | "export_audit" => Need::Permission(Administer),

        "safekeeping_status" | "backup_now" | "inspect_backup" | "restore_backup"
        | "set_passphrase" => Need::Permission(Administer),

        _ => Need::Permission(Administer),
    }
}

/// The gate's decision for one command: `Ok` when it may run for the person signed in (or for
/// no one, when it needs nothing), otherwise the refusal the window shows.
pub fn check(command: &str, user: Option<&User>) -> Result<(), IpcError> {
    match (need(command), user) {
        (Need::Nothing, _) => Ok(()),
        (Need::Permission(_), None) => Err(signed_out()),
        (Need::Permission(permission), Some(user)) => Ok(user.role.require(permission)?),
    }
}

/// The refusal of a command that needs someone signed in when no one is. The window branches
/// on its code to show the sign-in form again.
pub fn signed_out() -> IpcError {
    IpcError::new(
        "signed_out",
        "Sign in first: MentorDesk shows the programme only to a person signed in.",
    )
}

/// The role commands act for: the signed-in person's, or the least of all when no one is
/// (the gate lets no such command through, so this only keeps a slip from leaking anything).
pub fn role_of(user: Option<&User>) -> Role {
    user.map_or(Role::Viewer, |u| u.role)
}

/// Whether session notes marked confidential may go to a person of this role.
pub fn confidential_for(role: Role) -> Confidential {
    if role.may(Permission::Confidential) {
        Confidential::Included
    } else {
        Confidential::LeftOut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The commands registered in lib.rs's `generate_handler!` list, read from its source so
    /// that a command added there without an entry here fails this test.
    fn registered() -> Vec<&'static str> {
        let lib = include_str!("lib.rs");
        let start = lib
            .find("generate_handler![")
            .expect("lib.rs registers its commands with generate_handler!");
        let list = &lib[start + "generate_handler![".len()..];
        let list = &list[..list.find(']').expect("the list ends with ]")];
        list.split(',')
            .map(str::trim)
            .filter(|path| !path.is_empty())
            .map(|path| path.rsplit("::").next().unwrap_or(path))
            .collect()
    }

    fn user(role: Role) -> User {
        User {
            id: 1,
            name: "Someone".into(),
            role,
            active: true,
        }
    }

    #[test]
    fn every_registered_command_has_its_own_entry() {
        let source = include_str!("access.rs");
        let table = source.split("#[cfg(test)]").next().unwrap_or(source);
        let commands = registered();
        assert!(commands.len() > 90, "{commands:?}");
        for command in commands {
            assert!(
                table.contains(&format!("\"{command}\"")),
                "{command} is registered but has no entry in access::need"
            );
        }
    }

    #[test]
    fn a_command_nobody_listed_needs_the_programme_manager() {
        assert_eq!(
            need("drop_everything"),
            Need::Permission(Permission::Administer)
        );
        assert!(check("drop_everything", Some(&user(Role::HrOfficer))).is_err());
    }

    #[test]
    fn without_anyone_signed_in_only_the_first_questions_and_signing_in_run() {
        let mut free = Vec::new();
        for command in registered() {
            match check(command, None) {
                Ok(()) => free.push(command),
                Err(e) => assert_eq!(e.code, "signed_out", "{command}"),
            }
        }
        // Unlocking an encrypted database comes before signing in too.
        free.retain(|command| !command.contains("unlock"));
        free.sort_unstable();
        let expected = [
            "app_status",
            "create_first_user",
            "sign_in",
            "sign_in_status",
            "sign_out",
            "vocabulary",
        ];
        assert_eq!(free, expected);
    }

    #[test]
    fn the_gate_refuses_each_role_what_it_may_not() {
        use Permission::*;
        for command in registered() {
            let Need::Permission(needed) = need(command) else {
                continue;
            };
            for role in [Role::ProgrammeManager, Role::HrOfficer, Role::Viewer] {
                let decided = check(command, Some(&user(role)));
                assert_eq!(decided.is_ok(), role.may(needed), "{command} as {role:?}");
                if let Err(e) = decided {
                    assert_eq!(e.code, "not_allowed", "{command}");
                }
            }
        }
        let viewer = user(Role::Viewer);
        let hr = user(Role::HrOfficer);
        for write in [
            "save_session",
            "save_staff",
            "ensure_cycle",
            "create_sample",
        ] {
            assert!(check(write, Some(&viewer)).is_err(), "{write}");
            assert!(check(write, Some(&hr)).is_ok(), "{write}");
        }
        for read in [
            "get_session",
            "list_sessions",
            "print_progress_report",
            "dashboard",
        ] {
            assert!(check(read, Some(&viewer)).is_ok(), "{read}");
        }
        for admin in [
            "save_settings",
            "list_users",
            "audit_entries",
            "export_audit",
        ] {
            assert!(check(admin, Some(&hr)).is_err(), "{admin}");
            assert!(check(admin, Some(&user(Role::ProgrammeManager))).is_ok());
        }
        assert!(check("change_password", Some(&viewer)).is_ok());
        assert_eq!(need("save_settings"), Need::Permission(Settings));
    }

    #[test]
    fn only_a_programme_manager_receives_confidential_notes() {
        assert_eq!(
            confidential_for(Role::ProgrammeManager),
            Confidential::Included
        );
        assert_eq!(confidential_for(Role::HrOfficer), Confidential::LeftOut);
        assert_eq!(confidential_for(Role::Viewer), Confidential::LeftOut);
        assert_eq!(role_of(None), Role::Viewer);
    }
}
