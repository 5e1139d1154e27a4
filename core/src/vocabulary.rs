//! Every closed list of the programme by name, with its codes and the words an HR officer
//! reads, so that the window never repeats them. It sits above the modules whose lists it
//! gathers; none of them needs it.

use serde::Serialize;

use crate::domain::*;
use crate::evaluation::{AnswerKind, Form};

/// One entry of a closed list, as a form's drop-down shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ListEntry {
    pub code: &'static str,
    pub label: &'static str,
}

/// Every closed list of the register, by name, so the UI never repeats the words.
pub fn vocabulary() -> std::collections::BTreeMap<&'static str, Vec<ListEntry>> {
    fn entries<T: Copy>(
        all: &[T],
        code: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> Vec<ListEntry> {
        all.iter()
            .map(|&v| ListEntry {
                code: code(v),
                label: label(v),
            })
            .collect()
    }
    std::collections::BTreeMap::from([
        ("gender", entries(Gender::ALL, Gender::code, Gender::label)),
        (
            "evaluation_form",
            entries(Form::ALL, Form::code, Form::label),
        ),
        (
            "answer_kind",
            entries(AnswerKind::ALL, AnswerKind::code, AnswerKind::label),
        ),
        ("race", entries(Race::ALL, Race::code, Race::label)),
        (
            "location",
            entries(Location::ALL, Location::code, Location::label),
        ),
        (
            "recruitment",
            entries(Recruitment::ALL, Recruitment::code, Recruitment::label),
        ),
        (
            "protege_kind",
            entries(ProtegeKind::ALL, ProtegeKind::code, ProtegeKind::label),
        ),
        (
            "purpose",
            entries(Purpose::ALL, Purpose::code, Purpose::label),
        ),
        ("mode", entries(Mode::ALL, Mode::code, Mode::label)),
        (
            "frequency",
            entries(Frequency::ALL, Frequency::code, Frequency::label),
        ),
        ("status", entries(Status::ALL, Status::code, Status::label)),
        (
            "organisation_kind",
            entries(
                OrganisationKind::ALL,
                OrganisationKind::code,
                OrganisationKind::label,
            ),
        ),
        (
            "allocation_status",
            entries(
                crate::kpa::AllocationStatus::ALL,
                crate::kpa::AllocationStatus::code,
                crate::kpa::AllocationStatus::label,
            ),
        ),
        (
            "session_kind",
            entries(
                crate::session::SessionKind::ALL,
                crate::session::SessionKind::code,
                crate::session::SessionKind::label,
            ),
        ),
        (
            "action_owner",
            entries(
                crate::session::ActionOwner::ALL,
                crate::session::ActionOwner::code,
                crate::session::ActionOwner::label,
            ),
        ),
        (
            "event_kind",
            entries(
                crate::workplan::EventKind::ALL,
                crate::workplan::EventKind::code,
                crate::workplan::EventKind::label,
            ),
        ),
        (
            "application_entry",
            entries(
                crate::selection::Entry::ALL,
                crate::selection::Entry::code,
                crate::selection::Entry::label,
            ),
        ),
        (
            "application_state",
            entries(
                crate::selection::State::ALL,
                crate::selection::State::code,
                crate::selection::State::label,
            ),
        ),
        (
            "committee_decision",
            entries(
                crate::selection::Decision::ALL,
                crate::selection::Decision::code,
                crate::selection::Decision::label,
            ),
        ),
        (
            "letter_kind",
            entries(
                crate::selection::LetterKind::ALL,
                crate::selection::LetterKind::code,
                crate::selection::LetterKind::label,
            ),
        ),
        (
            "attention_kind",
            entries(
                crate::dashboard::AttentionKind::ALL,
                crate::dashboard::AttentionKind::code,
                crate::dashboard::AttentionKind::label,
            ),
        ),
        (
            "goal_status",
            entries(GoalStatus::ALL, GoalStatus::code, GoalStatus::label),
        ),
        (
            "rating_scale",
            entries(
                crate::progress::RatingScale::ALL,
                crate::progress::RatingScale::code,
                crate::progress::RatingScale::label,
            ),
        ),
        (
            "recommendation",
            entries(
                crate::progress::Recommendation::ALL,
                crate::progress::Recommendation::code,
                crate::progress::Recommendation::label,
            ),
        ),
        (
            "termination_reason",
            entries(
                crate::termination::Reason::ALL,
                crate::termination::Reason::code,
                crate::termination::Reason::label,
            ),
        ),
        (
            "termination_step",
            entries(
                crate::termination::StepKind::ALL,
                crate::termination::StepKind::code,
                crate::termination::StepKind::label,
            ),
        ),
        (
            "dispute_party",
            entries(
                crate::dispute::Party::ALL,
                crate::dispute::Party::code,
                crate::dispute::Party::label,
            ),
        ),
        (
            "dispute_parties",
            entries(
                crate::dispute::Parties::ALL,
                crate::dispute::Parties::code,
                crate::dispute::Parties::label,
            ),
        ),
        (
            "dispute_step",
            entries(
                crate::dispute::StepKind::ALL,
                crate::dispute::StepKind::code,
                crate::dispute::StepKind::label,
            ),
        ),
        (
            "dispute_outcome",
            entries(
                crate::dispute::Outcome::ALL,
                crate::dispute::Outcome::code,
                crate::dispute::Outcome::label,
            ),
        ),
        (
            "dispute_state",
            entries(
                crate::dispute::State::ALL,
                crate::dispute::State::code,
                crate::dispute::State::label,
            ),
        ),
        (
            "warning_kind",
            entries(
                crate::workload::WarningKind::ALL,
                crate::workload::WarningKind::code,
                crate::workload::WarningKind::label,
            ),
        ),
        (
            "consultation_outcome",
            entries(
                crate::kpa::ConsultationOutcome::ALL,
                crate::kpa::ConsultationOutcome::code,
                crate::kpa::ConsultationOutcome::label,
            ),
        ),
    ])
}
