//! What a command needs of the person signed in, as `commands` lists it, and the gate's
//! decision; a command that is not listed needs the programme manager (the gate fails
//! closed).

use mentordesk_core::access::{Permission, Role, User};
use mentordesk_core::store::Confidential;
use serde::Serialize;

use crate::commands::NEEDS;
use crate::ipc::IpcError;

/// What a command needs before it may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Runs before anyone signs in: the window's first questions, unlocking and signing in.
    Nothing,
    /// Needs someone signed in whose role allows this.
    Permission(Permission),
}

/// The need of a command, by its name (`commands::NEEDS`); a command not listed needs the
/// programme manager, so the gate fails closed.
pub fn need(command: &str) -> Need {
    NEEDS
        .iter()
        .find(|(name, _)| *name == command)
        .map_or(Need::Permission(Permission::Administer), |&(_, need)| need)
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

/// What the person signed in may do: their role, its permissions (core's `Role::permissions`)
/// and every command the gate lets them call. The window shows only the buttons whose command
/// is listed; the gate still decides each call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allowed {
    pub role: Role,
    pub permissions: Vec<Permission>,
    pub commands: Vec<&'static str>,
}

/// What `user` may do, read from the same list and the same decision as the gate's, so the
/// window can never offer a command the gate refuses.
pub fn allowed(user: &User) -> Allowed {
    Allowed {
        role: user.role,
        permissions: user.role.permissions(),
        commands: NEEDS
            .iter()
            .map(|&(name, _)| name)
            .filter(|name| check(name, Some(user)).is_ok())
            .collect(),
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

    /// The commands the window may call, as `commands` registers them.
    fn registered() -> Vec<&'static str> {
        NEEDS.iter().map(|&(name, _)| name).collect()
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
    fn every_command_is_listed_once() {
        let mut commands = registered();
        assert!(commands.len() > 90, "{commands:?}");
        commands.sort_unstable();
        let twice: Vec<_> = commands.windows(2).filter(|w| w[0] == w[1]).collect();
        assert!(twice.is_empty(), "listed twice: {twice:?}");
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
    fn what_a_role_is_told_it_may_do_is_what_the_gate_lets_through() {
        for role in [Role::ProgrammeManager, Role::HrOfficer, Role::Viewer] {
            let me = user(role);
            let told = allowed(&me);
            assert_eq!(told.role, role);
            assert_eq!(told.permissions, role.permissions());
            for command in registered() {
                assert_eq!(
                    told.commands.contains(&command),
                    check(command, Some(&me)).is_ok(),
                    "{command} as {role:?}"
                );
            }
        }
        let viewer = allowed(&user(Role::Viewer));
        assert!(viewer.commands.contains(&"list_staff"));
        assert!(viewer.commands.contains(&"print_agreement"));
        assert!(!viewer.commands.contains(&"save_staff"));
        assert!(
            !viewer.commands.contains(&"print_letter"),
            "printing a letter records it"
        );
        let manager = allowed(&user(Role::ProgrammeManager));
        assert_eq!(manager.commands.len(), registered().len());
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
