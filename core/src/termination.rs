//! The steps of terminating a mentorship, in the order the programme sets: a discussion between
//! the protégé and the programme coordinator, a written request with specific reasons, separate
//! meetings with each party, and the decision. A recommendation to terminate in a progress
//! report rests on these steps having started.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::domain::Mentorship;
use crate::{Error, Result};

choice!(StepKind {
    Discussion = "discussion": "Discussion between protégé and programme coordinator",
    WrittenRequest = "written_request": "Written request with specific reasons",
    SeparateMeetings = "separate_meetings": "Separate meetings with each party",
    Decision = "decision": "Decision recorded",
});

choice!(
    /// Why a mentorship was ended early, as the decision records it: the grounds the
    /// programme names for replacing a mentor, and the protégé's side.
    Reason {
        ProtegeRequest = "protege_request": "The protégé's own request",
        MentorRequest = "mentor_request": "The mentor's own request",
        FailureOfDuties = "failure_of_duties": "The mentor did not carry out the duties",
        Absence = "absence": "Absence of more than a month",
        Transfer = "transfer": "Transfer to another post or office",
        Disciplinary = "disciplinary": "Disciplinary action",
        Dismissal = "dismissal": "Dismissal",
        Relationship = "relationship": "The relationship did not work",
        Other = "other": "Another reason, given in the notes",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: Option<i64>,
    pub mentorship_id: i64,
    pub kind: StepKind,
    pub taken_on: NaiveDate,
    /// The party who asked for the termination (protégé, mentor, line manager, ...).
    #[serde(default)]
    pub initiated_by: String,
    /// What was said, asked or decided.
    pub notes: String,
    /// The programme coordinator was told of this step.
    #[serde(default)]
    pub coordinator_informed: bool,
    /// Why the mentorship ends: recorded with the decision.
    #[serde(default)]
    pub reason: Option<Reason>,
}

impl Step {
    pub fn validate(&self, m: &Mentorship, today: NaiveDate) -> Result<()> {
        if self.taken_on > today {
            return Err(Error::invalid(
                "taken_on",
                format!(
                    "{} is in the future; record a step once it has been taken.",
                    self.taken_on
                ),
            ));
        }
        if self.taken_on < m.start_date {
            return Err(Error::invalid(
                "taken_on",
                format!(
                    "{} is before the mentorship started on {}.",
                    self.taken_on, m.start_date
                ),
            ));
        }
        if self.kind == StepKind::Decision && self.reason.is_none() {
            return Err(Error::invalid(
                "reason",
                "Give the reason the mentorship ends: it is reported, grouped by reason.",
            ));
        }
        if self.notes.trim().is_empty() {
            return Err(Error::invalid(
                "notes",
                "Record what was said, asked or decided at this step.",
            ));
        }
        Ok(())
    }
}
