//! The programme's rules for pairing a mentor with a protégé. They are pure: the store gathers
//! the facts, these functions decide, so every refusal can be tested without a database.

use crate::domain::{Mentor, Mentorship};
use crate::settings::Settings;
use crate::{Error, Result, Rule};

/// Everything the pairing rules look at, gathered from the register.
#[derive(Debug, Clone)]
pub struct PairingFacts<'a> {
    pub mentorship: &'a Mentorship,
    pub mentor: &'a Mentor,
    pub mentor_name: &'a str,
    pub protege_name: &'a str,
    /// The protégé's line manager (their own, or their unit's), as a staff id.
    pub protege_line_manager: Option<i64>,
    /// The mentor's other draft or active mentorships that overlap this one's period.
    pub mentor_overlapping: usize,
    /// References of the protégé's other draft or active mentorships overlapping this one.
    pub protege_overlapping: Vec<String>,
    pub settings: &'a Settings,
}

/// Refuses the pairing with the first rule it breaks, in words that name the rule and numbers.
pub fn check_pairing(f: &PairingFacts) -> Result<()> {
    let m = f.mentorship;
    m.validate(f.settings.max_mentorship_months)?;
    let mentor = f.mentor_name;
    let protege = f.protege_name;

    if f.mentor.staff_id.is_some() && f.mentor.staff_id == f.protege_line_manager {
        return Err(Error::refused(
            Rule::LineManager,
            "mentor_id",
            format!(
                "{mentor} is {protege}'s line manager. Mentoring supplements supervision, so a \
                 line manager may not mentor their own staff; choose another mentor."
            ),
        ));
    }

    match f.mentor.training_completed_on {
        None => {
            return Err(Error::refused(
                Rule::Training,
                "mentor_id",
                format!(
                    "{mentor} has not completed accredited mentor training. Training must be \
                     completed before a mentorship begins; record it on the mentor's page first."
                ),
            ))
        }
        Some(done) if done > m.start_date => {
            return Err(Error::refused(
                Rule::Training,
                "start_date",
                format!(
                    "{mentor} completes mentor training on {done}, after this mentorship would \
                     start on {}. Start the mentorship on or after {done}.",
                    m.start_date
                ),
            ))
        }
        Some(_) => {}
    }

    match (f.mentor.appointment_start, f.mentor.appointment_end) {
        (Some(from), Some(to)) if from <= m.start_date && m.end_date <= to => {}
        (Some(from), Some(to)) => {
            return Err(Error::refused(
                Rule::Appointment,
                "end_date",
                format!(
                    "{mentor}'s appointment as mentor runs from {from} to {to}, which does not \
                     cover this mentorship from {} to {}. Shorten the mentorship or renew the \
                     appointment.",
                    m.start_date, m.end_date
                ),
            ))
        }
        _ => {
            return Err(Error::refused(
                Rule::Appointment,
                "mentor_id",
                format!("{mentor} has no appointment as mentor recorded; record the appointment period first."),
            ))
        }
    }

    let needed = f.settings.mentor_min_years_experience;
    if f.mentor.years_experience <= needed && f.mentor.experience_override_reason.trim().is_empty()
    {
        return Err(Error::refused(
            Rule::Experience,
            "mentor_id",
            format!(
                "{mentor} has {} years of experience in the division; a mentor needs more than \
                 {needed}. The programme manager may record an override with a reason on the \
                 mentor's page.",
                f.mentor.years_experience
            ),
        ));
    }

    let capacity = f.settings.mentor_capacity as usize;
    if f.mentor_overlapping >= capacity && m.capacity_override_reason.trim().is_empty() {
        return Err(Error::refused(
            Rule::Capacity,
            "mentor_id",
            format!(
                "{mentor} already has {} protégés in this period and the programme's capacity is \
                 {capacity} per mentor; this would be protégé number {}. Choose another mentor, \
                 or record a capacity override with a reason.",
                f.mentor_overlapping,
                f.mentor_overlapping + 1
            ),
        ));
    }

    if !f.protege_overlapping.is_empty() && !f.settings.allow_concurrent_mentorships {
        return Err(Error::refused(
            Rule::ProtegeAlreadyMentored,
            "protege_id",
            format!(
                "{protege} already has a mentorship in this period ({}). A protégé has one \
                 mentorship at a time unless the settings allow more.",
                f.protege_overlapping.join(", ")
            ),
        ));
    }
    Ok(())
}
