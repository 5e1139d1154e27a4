//! Who may do what. Three roles share the office's one PC: the programme manager may do
//! everything; an HR officer keeps the registers and the programme's records but neither
//! changes the settings nor reads confidential session notes; a viewer reads and prints, and
//! changes nothing. The shell asks `Role::may` before every command; core never guesses who is
//! signed in.

use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::{Error, Result};

choice! {
    /// A person's role in MentorDesk.
    Role {
        ProgrammeManager = "programme_manager": "Programme manager",
        HrOfficer = "hr_officer": "HR officer",
        Viewer = "viewer": "Viewer",
    }
}

/// What a command needs of the person signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Reading the registers and the programme's records, and printing them.
    Read,
    /// Adding, changing, archiving or removing records, and importing them.
    Write,
    /// Reading confidential session notes (on screen, in documents and in exports).
    Confidential,
    /// Changing the programme's settings (its norms, holidays, weights).
    Settings,
    /// Managing the people who sign in, backups, restores, encryption and the audit trail.
    Administer,
}

impl Permission {
    /// Every permission, from the least to the most a role can hold.
    pub const ALL: [Permission; 5] = [
        Permission::Read,
        Permission::Write,
        Permission::Confidential,
        Permission::Settings,
        Permission::Administer,
    ];
}

impl Role {
    /// What the role may do, in the order of `Permission::ALL`: the window shows a person only
    /// what these allow (the shell's gate still refuses the rest).
    pub fn permissions(self) -> Vec<Permission> {
        Permission::ALL
            .into_iter()
            .filter(|&permission| self.may(permission))
            .collect()
    }

    pub fn may(self, permission: Permission) -> bool {
        match self {
            Role::ProgrammeManager => true,
            Role::HrOfficer => matches!(permission, Permission::Read | Permission::Write),
            Role::Viewer => permission == Permission::Read,
        }
    }

    /// `Ok` when the role may, otherwise the refusal in words that say what the role allows.
    pub fn require(self, permission: Permission) -> Result<()> {
        if self.may(permission) {
            return Ok(());
        }
        let what = match permission {
            Permission::Read => "read the programme's records",
            Permission::Write => "change records",
            Permission::Confidential => "read confidential session notes",
            Permission::Settings => "change the programme's settings",
            Permission::Administer => "manage users, backups, encryption or the audit trail",
        };
        let allowed = match self {
            Role::ProgrammeManager => "everything",
            Role::HrOfficer => "keeping the registers and the programme's records",
            Role::Viewer => "reading and printing, without changing anything",
        };
        Err(Error::NotAllowed(format!(
            "As {} you may not {what}: your role allows {allowed}. Ask the programme manager.",
            a_or_an(self.label())
        )))
    }
}

fn a_or_an(label: &str) -> String {
    let article = match label.chars().next() {
        Some('H') => "an",
        _ => "a",
    };
    format!("{article} {}", label.to_lowercase().replace("hr ", "HR "))
}

/// A person who may sign in, without the password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub active: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_may_exactly_its_own() {
        use Permission::*;
        let all = [Read, Write, Confidential, Settings, Administer];
        let allowed = |role: Role| all.iter().filter(|&&p| role.may(p)).count();
        assert_eq!(allowed(Role::ProgrammeManager), 5);
        assert!(Role::HrOfficer.may(Write) && !Role::HrOfficer.may(Confidential));
        assert!(!Role::HrOfficer.may(Settings) && !Role::HrOfficer.may(Administer));
        assert_eq!(allowed(Role::Viewer), 1);
    }

    #[test]
    fn a_role_lists_exactly_the_permissions_it_may_use() {
        use Permission::*;
        assert_eq!(Role::ProgrammeManager.permissions(), Permission::ALL);
        assert_eq!(Role::HrOfficer.permissions(), [Read, Write]);
        assert_eq!(Role::Viewer.permissions(), [Read]);
        for role in [Role::ProgrammeManager, Role::HrOfficer, Role::Viewer] {
            for permission in Permission::ALL {
                assert_eq!(
                    role.permissions().contains(&permission),
                    role.require(permission).is_ok(),
                    "{role:?} and {permission:?}"
                );
            }
        }
    }

    #[test]
    fn a_refusal_says_what_the_role_allows() {
        let err = Role::Viewer.require(Permission::Write).unwrap_err();
        assert_eq!(err.code(), "not_allowed");
        assert!(err
            .to_string()
            .starts_with("As a viewer you may not change records"));
        let err = Role::HrOfficer
            .require(Permission::Confidential)
            .unwrap_err();
        assert!(err
            .to_string()
            .starts_with("As an HR officer you may not read confidential"));
    }
}
