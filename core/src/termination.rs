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
        if self.notes.trim().is_empty() {
            return Err(Error::invalid(
                "notes",
                "Record what was said, asked or decided at this step.",
            ));
        }
        Ok(())
    }
}
