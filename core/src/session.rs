//! The session log: each mentoring session with its topics, advice, diagnosis and the actions
//! agreed, which stay open (and carry over to later sessions) until done. A session's
//! confidential notes are for the form alone: `Session::without_confidential` is what every
//! report and export receives unless the person includes the notes for that one document.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::access::{Permission, Role};
use crate::choice::choice;
use crate::domain::{Mentorship, Mode};
use crate::{Error, Result};

choice!(SessionKind {
    Planned = "planned": "Planned",
    Situational = "situational": "Situational",
});

choice!(ActionOwner {
    Protege = "protege": "Protégé",
    Mentor = "mentor": "Mentor",
    Both = "both": "Mentor and protégé",
    LineManager = "line_manager": "Line manager",
});

/// An action agreed in a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: Option<i64>,
    pub description: String,
    pub owner: ActionOwner,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

impl Action {
    /// Open on `day`: agreed and not done by then.
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.done_on.is_none_or(|done| done > day)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: Option<i64>,
    pub mentorship_id: i64,
    pub held_on: NaiveDate,
    pub minutes: u32,
    #[serde(default)]
    pub place: String,
    pub mode: Mode,
    pub kind: SessionKind,
    pub topics: String,
    /// Advice and guidance the mentor gave.
    #[serde(default)]
    pub advice: String,
    /// Diagnosis: where the protégé is now.
    #[serde(default)]
    pub diagnosis_now: String,
    /// Diagnosis: where the protégé wants to be.
    #[serde(default)]
    pub diagnosis_goal: String,
    /// Never printed or exported unless included for one document.
    #[serde(default)]
    pub confidential_notes: String,
    /// The actions agreed in this session.
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl Session {
    /// The session as reports and exports see it: the confidential notes left out.
    pub fn without_confidential(mut self) -> Session {
        self.confidential_notes.clear();
        self
    }

    /// Checks the session against its mentorship and `today`.
    pub fn validate(&self, m: &Mentorship, today: NaiveDate) -> Result<()> {
        if self.held_on > today {
            return Err(Error::invalid(
                "held_on",
                format!(
                    "{} is in the future; log a session once it has been held.",
                    self.held_on
                ),
            ));
        }
        if self.held_on < m.start_date || self.held_on > m.end_date {
            return Err(Error::invalid(
                "held_on",
                format!(
                    "{} is outside the mentorship, which runs from {} to {}.",
                    self.held_on, m.start_date, m.end_date
                ),
            ));
        }
        if !(1..=480).contains(&self.minutes) {
            return Err(Error::invalid(
                "minutes",
                format!(
                    "A session lasts from 1 to 480 minutes, not {}.",
                    self.minutes
                ),
            ));
        }
        if self.topics.trim().is_empty() {
            return Err(Error::invalid("topics", "Say what the session was about."));
        }
        for (n, action) in self.actions.iter().enumerate() {
            if action.description.trim().is_empty() {
                return Err(Error::invalid(
                    "actions",
                    format!(
                        "Action {} has no description; describe it or remove the row.",
                        n + 1
                    ),
                ));
            }
            if let Some(done) = action.done_on.filter(|&d| d < self.held_on) {
                return Err(Error::invalid(
                    "actions",
                    format!(
                        "Action {} is marked done on {done}, before the session on {} that agreed it.",
                        n + 1,
                        self.held_on
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// An action still open on a day, with the session that agreed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenAction {
    pub action: Action,
    pub session_id: i64,
    pub agreed_on: NaiveDate,
}

/// An open action as the session log lists it, with when it is due in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenActionDue {
    #[serde(flatten)]
    pub open: OpenAction,
    pub due: Due,
}

/// When an action is due, in words, on a day: "Overdue by 3 days", "Due today", "Due in 2
/// days" or "No due date"; `late` once the due date has passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub text: String,
    pub late: bool,
}

impl Action {
    pub fn due(&self, today: NaiveDate) -> Due {
        let days = |n: i64| {
            if n == 1 {
                "1 day".to_owned()
            } else {
                format!("{n} days")
            }
        };
        let (text, late) = match self.due_on.map(|due| (due - today).num_days()) {
            None => ("No due date".to_owned(), false),
            Some(left) if left < 0 => (format!("Overdue by {}", days(-left)), true),
            Some(0) => ("Due today".to_owned(), false),
            Some(left) => (format!("Due in {}", days(left)), false),
        };
        Due { text, late }
    }
}

/// An action agreed in a session and done within a period.
pub type CompletedAction = OpenAction;

/// Whether the confidential notes go with the sessions read for a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidential {
    LeftOut,
    /// Included, because the person asked for them in this one document.
    Included,
}

impl Confidential {
    /// Whether a document `role` prints carries the sessions' confidential notes: only when the
    /// person asked for them, and asking is refused to a role that may not read them.
    pub fn asked_by(role: Role, include: bool) -> Result<Confidential> {
        if !include {
            return Ok(Confidential::LeftOut);
        }
        role.require(Permission::Confidential)?;
        Ok(Confidential::Included)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_programme_manager_may_ask_for_confidential_notes() {
        assert_eq!(
            Confidential::asked_by(Role::ProgrammeManager, true).unwrap(),
            Confidential::Included
        );
        for role in [Role::HrOfficer, Role::Viewer] {
            let err = Confidential::asked_by(role, true).unwrap_err();
            assert_eq!(err.code(), "not_allowed", "{role:?}");
            assert_eq!(
                Confidential::asked_by(role, false).unwrap(),
                Confidential::LeftOut
            );
        }
        assert_eq!(
            Confidential::asked_by(Role::ProgrammeManager, false).unwrap(),
            Confidential::LeftOut
        );
    }
}
