//! A dispute between the parties of a mentorship (the mentor, the protégé, the protégé's line
//! manager) and the route the programme prescribes for it: raised with the programme
//! coordinator, mediation meetings with their outcome, a decision by the person appointed to
//! decide within one month, and a referral to the department's grievance procedure when it
//! stays unresolved. The dispute's details and each step's notes are confidential, under the
//! same rules as confidential session notes: `without_confidential` is what lists and
//! documents receive unless the person includes them for one document. Storing is `store`'s.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::choice::choice;
use crate::domain::Mentorship;
use crate::{Error, Result};

choice!(
    /// One party to a dispute.
    Party {
        Mentor = "mentor": "Mentor",
        Protege = "protege": "Protégé",
        LineManager = "line_manager": "Line manager",
    }
);

choice!(
    /// The two parties a dispute is between.
    Parties {
        MentorProtege = "mentor_protege": "Mentor and protégé",
        MentorLineManager = "mentor_line_manager": "Mentor and line manager",
        ProtegeLineManager = "protege_line_manager": "Protégé and line manager",
    }
);

impl Parties {
    /// The two parties, in the order the label names them.
    pub fn both(self) -> [Party; 2] {
        match self {
            Parties::MentorProtege => [Party::Mentor, Party::Protege],
            Parties::MentorLineManager => [Party::Mentor, Party::LineManager],
            Parties::ProtegeLineManager => [Party::Protege, Party::LineManager],
        }
    }
}

choice!(
    /// The steps of the programme's route for a dispute, in their order.
    StepKind {
        RaisedWithCoordinator = "raised_with_coordinator": "Raised with the programme coordinator",
        MediationMeeting = "mediation_meeting": "Mediation meeting",
        Decision = "decision": "Decision by the person appointed",
        ReferredToGrievance = "referred_to_grievance": "Referred to the grievance procedure",
    }
);

choice!(
    /// How a mediation meeting ended.
    Outcome {
        Settled = "settled": "Settled at the meeting",
        Continuing = "continuing": "Another meeting agreed",
        NotSettled = "not_settled": "Not settled",
    }
);

choice!(
    /// Where a dispute stands, read from its steps.
    State {
        Open = "open": "Open",
        Resolved = "resolved": "Resolved",
        Referred = "referred": "Referred to the grievance procedure",
    }
);

/// A dispute as recorded: who raised it, between whom, and what about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dispute {
    pub id: Option<i64>,
    pub mentorship_id: i64,
    pub raised_on: NaiveDate,
    pub raised_by: Party,
    pub parties: Parties,
    /// A short heading, not confidential: it is listed and printed.
    pub subject: String,
    /// What the dispute is about in full: confidential.
    #[serde(default)]
    pub details: String,
}

/// One step taken on a dispute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub id: Option<i64>,
    pub dispute_id: i64,
    pub kind: StepKind,
    pub taken_on: NaiveDate,
    /// How a mediation meeting ended; only a mediation meeting has one.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// Who took the decision: the person the department appointed.
    #[serde(default)]
    pub decided_by: String,
    /// What was said or decided: confidential.
    #[serde(default)]
    pub notes: String,
}

/// A dispute with its steps in the order taken and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisputeHistory {
    #[serde(flatten)]
    pub dispute: Dispute,
    pub steps: Vec<Step>,
    pub state: State,
}

impl DisputeHistory {
    pub fn new(dispute: Dispute, steps: Vec<Step>) -> DisputeHistory {
        DisputeHistory {
            state: state(&steps),
            dispute,
            steps,
        }
    }

    /// The history as lists and documents see it: the details and the steps' notes left out.
    pub fn without_confidential(mut self) -> DisputeHistory {
        self.dispute.details.clear();
        for step in &mut self.steps {
            step.notes.clear();
        }
        self
    }

    /// The day of the last step, or of raising the dispute when no step is recorded.
    pub fn last_moved_on(&self) -> NaiveDate {
        self.steps
            .iter()
            .map(|s| s.taken_on)
            .max()
            .unwrap_or(self.dispute.raised_on)
            .max(self.dispute.raised_on)
    }
}

/// Where a dispute stands after `steps`: referred once a referral is recorded, resolved by a
/// decision or a mediation meeting that settled it, open otherwise.
pub fn state(steps: &[Step]) -> State {
    if steps
        .iter()
        .any(|s| s.kind == StepKind::ReferredToGrievance)
    {
        State::Referred
    } else if steps.iter().any(|s| {
        s.kind == StepKind::Decision
            || (s.kind == StepKind::MediationMeeting && s.outcome == Some(Outcome::Settled))
    }) {
        State::Resolved
    } else {
        State::Open
    }
}

impl Dispute {
    /// Checks the dispute against its mentorship, the steps already recorded and `today`.
    pub fn validate(&self, m: &Mentorship, steps: &[Step], today: NaiveDate) -> Result<()> {
        if self.raised_on > today {
            return Err(Error::invalid(
                "raised_on",
                format!(
                    "{} is in the future; record a dispute once it has been raised.",
                    self.raised_on
                ),
            ));
        }
        if self.raised_on < m.start_date {
            return Err(Error::invalid(
                "raised_on",
                format!(
                    "{} is before the mentorship started on {}.",
                    self.raised_on, m.start_date
                ),
            ));
        }
        if let Some(first) = steps.iter().map(|s| s.taken_on).min() {
            if first < self.raised_on {
                return Err(Error::invalid(
                    "raised_on",
                    format!(
                        "The first step on this dispute was taken on {first}, so it was raised \
                         on that day or before, not on {}.",
                        self.raised_on
                    ),
                ));
            }
        }
        if !self.parties.both().contains(&self.raised_by) {
            return Err(Error::invalid(
                "raised_by",
                format!(
                    "The dispute is between the {}; it is raised by one of them, not by the {}.",
                    self.parties.label().to_lowercase(),
                    self.raised_by.label().to_lowercase()
                ),
            ));
        }
        if self.subject.trim().is_empty() {
            return Err(Error::invalid(
                "subject",
                "Give the dispute a short subject: it is listed and printed on the letter, so \
                 keep what is confidential for the details.",
            ));
        }
        Ok(())
    }
}

impl Step {
    /// Checks the step against its dispute, its mentorship, the dispute's other steps and
    /// `today`, in the route's order: raised with the coordinator first, a decision naming who
    /// took it, a referral only after a decision or a mediation meeting that did not settle it,
    /// and nothing after the referral.
    pub fn validate(
        &self,
        dispute: &Dispute,
        m: &Mentorship,
        others: &[Step],
        today: NaiveDate,
    ) -> Result<()> {
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
        if self.taken_on < dispute.raised_on {
            return Err(Error::invalid(
                "taken_on",
                format!(
                    "{} is before the dispute was raised on {}.",
                    self.taken_on, dispute.raised_on
                ),
            ));
        }
        // The step being corrected is not one of the others.
        let others: Vec<&Step> = others
            .iter()
            .filter(|s| self.id.is_none() || s.id != self.id)
            .collect();
        let before = |kind: StepKind| {
            others
                .iter()
                .filter(|s| s.kind == kind && s.taken_on <= self.taken_on)
                .copied()
                .collect::<Vec<_>>()
        };
        if let Some(referral) = others
            .iter()
            .find(|s| s.kind == StepKind::ReferredToGrievance)
        {
            if self.kind == StepKind::ReferredToGrievance || self.taken_on > referral.taken_on {
                return Err(Error::invalid(
                    "kind",
                    format!(
                        "The dispute was referred to the grievance procedure on {}; the \
                         programme records no further step after that.",
                        referral.taken_on
                    ),
                ));
            }
        }
        match self.kind {
            StepKind::RaisedWithCoordinator => {
                if let Some(raised) = others
                    .iter()
                    .find(|s| s.kind == StepKind::RaisedWithCoordinator)
                {
                    return Err(Error::invalid(
                        "kind",
                        format!(
                            "The dispute was already raised with the programme coordinator on \
                             {}; record a mediation meeting or the decision instead.",
                            raised.taken_on
                        ),
                    ));
                }
                if let Some(earlier) = others.iter().find(|s| s.taken_on < self.taken_on) {
                    return Err(Error::invalid(
                        "taken_on",
                        format!(
                            "Raising the dispute with the programme coordinator comes first, \
                             but a step was recorded on {}, before {}.",
                            earlier.taken_on, self.taken_on
                        ),
                    ));
                }
            }
            kind => {
                if before(StepKind::RaisedWithCoordinator).is_empty() {
                    return Err(Error::invalid(
                        "kind",
                        format!(
                            "A dispute is first raised with the programme coordinator; record \
                             that step, on or before {}, before \"{}\".",
                            self.taken_on,
                            kind.label()
                        ),
                    ));
                }
            }
        }
        if self.kind == StepKind::MediationMeeting && self.outcome.is_none() {
            return Err(Error::invalid(
                "outcome",
                "Say how the mediation meeting ended: settled, another meeting agreed, or not \
                 settled.",
            ));
        }
        if self.kind != StepKind::MediationMeeting && self.outcome.is_some() {
            return Err(Error::invalid(
                "outcome",
                format!(
                    "Only a mediation meeting has an outcome; leave it empty for \"{}\".",
                    self.kind.label()
                ),
            ));
        }
        if self.kind == StepKind::Decision && self.decided_by.trim().is_empty() {
            return Err(Error::invalid(
                "decided_by",
                "Say who took the decision: the person the department appointed to decide the \
                 dispute.",
            ));
        }
        if self.kind == StepKind::ReferredToGrievance {
            let decided = !before(StepKind::Decision).is_empty();
            let failed = before(StepKind::MediationMeeting)
                .iter()
                .any(|s| s.outcome == Some(Outcome::NotSettled));
            if !decided && !failed {
                return Err(Error::invalid(
                    "kind",
                    "A dispute goes to the grievance procedure only when the programme could not \
                     resolve it: record first the decision of the person appointed, or a \
                     mediation meeting that did not settle it.",
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(kind: StepKind, outcome: Option<Outcome>) -> Step {
        Step {
            id: None,
            dispute_id: 1,
            kind,
            taken_on: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default(),
            outcome,
            decided_by: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn a_dispute_is_open_until_settled_decided_or_referred() {
        use StepKind::*;
        assert_eq!(state(&[]), State::Open);
        let raised = step(RaisedWithCoordinator, None);
        let continuing = step(MediationMeeting, Some(Outcome::Continuing));
        assert_eq!(state(&[raised.clone(), continuing.clone()]), State::Open);
        let settled = step(MediationMeeting, Some(Outcome::Settled));
        assert_eq!(state(&[raised.clone(), settled]), State::Resolved);
        let decided = step(Decision, None);
        assert_eq!(state(&[raised.clone(), decided.clone()]), State::Resolved);
        let referred = step(ReferredToGrievance, None);
        assert_eq!(state(&[raised, decided, referred]), State::Referred);
    }
}
