//! Selection: applications to the programme (and interns and learners entered as eligible
//! without one), the selection committee's reviews, and the decision trail. An application
//! moves through its states only by the store's transitions (`store::selection`), each of which
//! appends an `Event` saying who decided what, when and why, and records the letters owed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::domain::{Gender, ProtegeKind};
use crate::{Error, Result};

choice!(Entry {
    Application = "application": "Application",
    Eligible = "eligible": "Entered as eligible (intern or learner)",
});

choice!(State {
    Submitted = "submitted": "Submitted",
    UnderReview = "under_review": "Under review",
    Rejected = "rejected": "Rejected",
    Matched = "matched": "Matched",
    MentorAccepted = "mentor_accepted": "Mentor accepted",
    MentorDeclined = "mentor_declined": "Mentor declined",
});

choice!(Decision {
    Approved = "approved": "Approved for matching",
    Rejected = "rejected": "Rejected",
});

choice!(LetterKind {
    Acceptance = "acceptance": "Acceptance",
    Rejection = "rejection": "Rejection",
    MentorNotice = "mentor_notice": "Notice to the mentor of a proposed protégé",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub id: Option<i64>,
    pub protege_id: i64,
    pub entry: Entry,
    pub received_on: NaiveDate,
    /// The intake (cohort) the application belongs to, e.g. "2027 intake".
    #[serde(default)]
    pub intake: String,
    /// The period the mentoring would cover.
    pub wanted_start: NaiveDate,
    pub wanted_end: NaiveDate,
    #[serde(default)]
    pub preferred_gender: Option<Gender>,
    #[serde(default)]
    pub preferred_language: String,
    #[serde(default)]
    pub motivation: String,
    /// Set only by the store's transitions; ignored when an application is saved.
    #[serde(default = "State::initial")]
    pub state: State,
    #[serde(default)]
    pub mentor_id: Option<i64>,
    #[serde(default)]
    pub mentorship_id: Option<i64>,
}

impl State {
    fn initial() -> State {
        State::Submitted
    }

    /// States in which the application's own details may still change.
    pub fn is_open(self) -> bool {
        matches!(self, State::Submitted | State::UnderReview)
    }
}

impl Application {
    pub fn reference(id: i64) -> String {
        format!("APP-{id:04}")
    }

    pub fn validate(&self, kind: ProtegeKind, max_months: u32, today: NaiveDate) -> Result<()> {
        if self.entry == Entry::Eligible
            && !matches!(kind, ProtegeKind::Intern | ProtegeKind::Learner)
        {
            return Err(Error::invalid(
                "entry",
                "Only interns and learners are entered as eligible without an application; this protégé applies.",
            ));
        }
        if self.received_on > today {
            return Err(Error::invalid(
                "received_on",
                format!("{} is in the future.", self.received_on),
            ));
        }
        if self.wanted_end < self.wanted_start {
            return Err(Error::invalid(
                "wanted_end",
                format!(
                    "The period ends on {}, before it starts on {}.",
                    self.wanted_end, self.wanted_start
                ),
            ));
        }
        let longest = self
            .wanted_start
            .checked_add_months(chrono::Months::new(max_months))
            .unwrap_or(NaiveDate::MAX);
        if self.wanted_end >= longest {
            return Err(Error::invalid(
                "wanted_end",
                format!("A mentorship runs at most {max_months} months; end the period before {longest}."),
            ));
        }
        Ok(())
    }
}

/// The selection committee's review of an application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub id: Option<i64>,
    pub application_id: i64,
    pub reviewed_on: NaiveDate,
    pub members_present: String,
    #[serde(default)]
    pub interview_notes: String,
    pub decision: Decision,
    pub reasons: String,
}

impl Review {
    pub fn validate(&self, received_on: NaiveDate, today: NaiveDate) -> Result<()> {
        if self.reviewed_on > today {
            return Err(Error::invalid(
                "reviewed_on",
                format!("{} is in the future.", self.reviewed_on),
            ));
        }
        if self.reviewed_on < received_on {
            return Err(Error::invalid(
                "reviewed_on",
                format!(
                    "The application was received on {received_on}; it cannot be reviewed before that."
                ),
            ));
        }
        if self.members_present.trim().is_empty() {
            return Err(Error::invalid(
                "members_present",
                "Name the committee members present.",
            ));
        }
        if self.reasons.trim().is_empty() {
            return Err(Error::invalid(
                "reasons",
                "Give the committee's reasons: they are printed in the letter and the decision trail.",
            ));
        }
        Ok(())
    }
}

/// One step of an application's decision trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub application_id: i64,
    pub happened_on: NaiveDate,
    /// Who decided: a person, the committee or an organisation.
    pub actor: String,
    /// The state the application was in after this step.
    pub state: State,
    pub mentor_id: Option<i64>,
    pub what: String,
    pub why: String,
}

/// A letter owed by a decision and not yet printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingLetter {
    pub id: i64,
    pub application_id: i64,
    pub kind: LetterKind,
    pub mentor_id: Option<i64>,
    pub event_id: i64,
}
