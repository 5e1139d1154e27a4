//! The department–mentor contract for a public-service mentor's current appointment. This
//! module gathers its facts and turns them into the layout model; it decides no rule of the
//! programme (those live in `rules` and `kpa`) and draws no page (that is `document`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::kpa_allocation::{hours, number, MentorDetails};
use super::or_blank;
use crate::document::{long_date, Block, Column, Document, Signatory};
use crate::domain::{Appointment, Mentor, Organisation};
use crate::kpa::AllocationStatus;
use crate::settings::Settings;
use crate::store::{MentorshipQuery, MentorshipRow, Store};
use crate::{Error, Result};

/// The grounds on which the department may end an appointment and replace a mentor.
pub const REPLACEMENT_GROUNDS: [&str; 6] = [
    "at the mentor's own request;",
    "where the mentor fails to carry out the duties of this contract;",
    "where the mentor is absent for more than a month;",
    "on the mentor's transfer out of the unit or the department;",
    "where disciplinary action is taken against the mentor;",
    "on the mentor's dismissal.",
];

/// The mentoring KPA of the cycle that contains the contract's date, as far as it is set.
#[derive(Debug, Clone, PartialEq)]
pub struct KpaTime {
    pub cycle: String,
    pub version: u32,
    pub status: AllocationStatus,
    /// The mentoring KPA's weight, if the allocation has one.
    pub weight: Option<u32>,
    pub hours_per_month: f64,
    pub share_percent: f64,
}

/// Everything printed in one department–mentor contract, gathered from the register.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorContractFacts {
    pub mentor_id: i64,
    pub mentor: Mentor,
    pub details: MentorDetails,
    pub appointment_start: NaiveDate,
    pub appointment_end: NaiveDate,
    /// The appointments before this one, latest first; empty for a first appointment.
    pub previous: Vec<Appointment>,
    /// The open mentorships that have not ended by the contract's date.
    pub proteges: Vec<MentorshipRow>,
    /// The cycle containing the contract's date, if one is recorded.
    pub cycle: Option<String>,
    pub kpa: Option<KpaTime>,
    pub settings: Settings,
}

impl MentorContractFacts {
    /// Gathers the facts, refusing a mentor who cannot have a contract with the department:
    /// an external mentor, or one without a current appointment.
    pub fn load(store: &Store, mentor_id: i64, today: NaiveDate) -> Result<MentorContractFacts> {
        let mentor = store.mentor(mentor_id)?;
        let name = store.mentor_name(mentor_id)?;
        if mentor.is_external() {
            let organisation = match mentor.organisation_id {
                Some(id) => format!(
                    "{} ({})",
                    store.organisation(id)?.name,
                    Organisation::reference(id)
                ),
                None => "their organisation".into(),
            };
            return Err(Error::invalid(
                "mentor_id",
                format!(
                    "{name} is an external mentor, so no mentor contract can be printed: the \
                     terms of an external mentor are in the department's agreement with \
                     {organisation}. Print that agreement instead."
                ),
            ));
        }
        let (Some(start), Some(end)) = (mentor.appointment_start, mentor.appointment_end) else {
            return Err(Error::invalid(
                "appointment_start",
                format!(
                    "{name} has no appointment as a mentor, so no contract can be printed. Enter \
                     the appointment's start and end dates on the mentor's page first."
                ),
            ));
        };
        if end < today {
            return Err(Error::invalid(
                "appointment_end",
                format!(
                    "{name}'s appointment ended on {}, so no contract can be printed for it. \
                     Renew the appointment at the annual review first.",
                    long_date(end)
                ),
            ));
        }
        let proteges = store
            .mentorships(&MentorshipQuery {
                mentor_id: Some(mentor_id),
                ..MentorshipQuery::default()
            })?
            .into_iter()
            .filter(|m| m.status.is_open() && m.end_date >= today)
            .rev()
            .collect();
        let cycle = store.cycle_containing(today)?;
        let kpa = match &cycle {
            Some(c) => kpa_time(store, mentor_id, c)?,
            None => None,
        };
        Ok(MentorContractFacts {
            mentor_id,
            details: MentorDetails::load(store, &mentor)?,
            mentor,
            appointment_start: start,
            appointment_end: end,
            previous: store.appointments(mentor_id)?,
            proteges,
            cycle: cycle.map(|c| c.name),
            kpa,
            settings: store.settings()?,
        })
    }
}

/// The mentoring KPA of the mentor's allocation for `cycle`: the final version if there is
/// one, otherwise the latest draft.
fn kpa_time(store: &Store, mentor_id: i64, cycle: &crate::cycle::Cycle) -> Result<Option<KpaTime>> {
    let Some(cycle_id) = cycle.id else {
        return Ok(None);
    };
    let history = store.kpa_history(mentor_id, cycle_id)?;
    let chosen = history
        .iter()
        .find(|row| row.status == AllocationStatus::Final)
        .or_else(|| history.first());
    let Some(row) = chosen else {
        return Ok(None);
    };
    let allocation = store.kpa_allocation(row.id)?;
    let workload = store.allocation_workload(&allocation)?;
    Ok(Some(KpaTime {
        cycle: cycle.name.clone(),
        version: allocation.version,
        status: allocation.status,
        weight: allocation.mentoring_kpa().map(|k| k.weight),
        hours_per_month: workload.hours_per_month,
        share_percent: workload.share_percent,
    }))
}

/// The department–mentor contract for a mentor's current appointment.
pub fn mentor_contract(store: &Store, mentor_id: i64, today: NaiveDate) -> Result<Document> {
    Ok(build_mentor_contract(
        &MentorContractFacts::load(store, mentor_id, today)?,
        today,
    ))
}

/// Every clause heading of the mentor contract, in order.
pub const MENTOR_CLAUSES: [&str; 11] = [
    "1. The parties",
    "2. Appointment",
    "3. Expected deliverables",
    "4. Protégés assigned",
    "5. Time allocation",
    "6. Training completed",
    "7. Remuneration",
    "8. Confidentiality",
    "9. Ending the appointment and replacing a mentor",
    "10. Disputes",
    "11. Signatures",
];

pub fn build_mentor_contract(f: &MentorContractFacts, today: NaiveDate) -> Document {
    let s = &f.settings;
    let department = &s.department_name;
    let programme = &s.programme_name;
    let mentor = &f.details.name;
    let per_protege = s.mentoring_hours_per_protege + s.preparation_hours_per_protege;
    let mut blocks = vec![
        Block::Paragraph(format!(
            "This contract is made between the {department} and {mentor}, whom the department \
             appoints as a mentor in the {programme}. It sets out what the mentor delivers, the \
             working time given to it and how the appointment ends. It changes no other term \
             of the mentor's employment."
        )),
        Block::Heading(MENTOR_CLAUSES[0].into()),
        Block::Paragraph(format!(
            "The department: the {department}, represented by {}, programme manager of the {programme}.",
            or_blank(&s.programme_manager, "the programme manager")
        )),
        Block::Paragraph("The mentor:".into()),
        Block::Fields(f.details.fields()),
        Block::Heading(MENTOR_CLAUSES[1].into()),
        Block::Paragraph(appointment_clause(f)),
        Block::Heading(MENTOR_CLAUSES[2].into()),
        Block::Paragraph("During the appointment the mentor:".into()),
        Block::Bullets(vec![
            "meets each protégé as the mentorship agreement arranges, and keeps a record of every session (date, duration, place, topics and agreed actions);".into(),
            "helps each protégé set and reach the goals in the mentorship agreement, sharing knowledge and experience and giving honest, timely feedback;".into(),
            "keeps to each protégé's work plan and signs off each event when it is done;".into(),
            "gives the programme manager a progress report on each protégé every quarter, a written mid-cycle review and a written annual assessment;".into(),
            "takes part in the programme's evaluation, including the mentor's self-assessment;".into(),
            "respects the role of each protégé's line manager and raises concerns about a mentorship with the programme coordinator.".into(),
        ]),
        Block::Heading(MENTOR_CLAUSES[3].into()),
    ];
    if f.proteges.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "No protégé is assigned to {mentor} at present. The programme manager proposes each \
             protégé to the mentor, who may accept or decline; each accepted assignment is set \
             out in its own mentorship agreement."
        )));
    } else {
        blocks.push(Block::Paragraph(format!(
            "These protégés are assigned to {mentor} at present; each mentorship has its own \
             agreement. The mentor takes at most {} protégés at once unless the programme \
             manager records a reason to allow more.",
            s.mentor_capacity
        )));
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Protégé", 0.25),
                Column::new("Mentorship", 0.14),
                Column::new("Kind of protégé", 0.27),
                Column::new("Period", 0.34),
            ],
            rows: f
                .proteges
                .iter()
                .map(|m| {
                    vec![
                        m.protege.clone(),
                        m.reference.clone(),
                        m.protege_kind.clone(),
                        format!("{} to {}", long_date(m.start_date), long_date(m.end_date)),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Heading(MENTOR_CLAUSES[4].into()));
    blocks.push(Block::Paragraph(format!(
        "Working time commensurate with the responsibility is allocated to mentoring: {} a month \
         for each protégé, with {} a month to prepare, {} a month per protégé in all, within \
         working hours.",
        hours(s.mentoring_hours_per_protege),
        hours(s.preparation_hours_per_protege),
        hours(per_protege)
    )));
    blocks.push(Block::Paragraph(kpa_clause(f)));
    blocks.push(Block::Heading(MENTOR_CLAUSES[5].into()));
    blocks.push(Block::Fields(training_fields(&f.mentor)));
    if f.mentor.training_completed_on.is_none() {
        blocks.push(Block::Paragraph(
            "The mentor has not yet completed accredited mentor training. No mentorship begins \
             until the training is completed and recorded."
                .into(),
        ));
    }
    blocks.extend([
        Block::Heading(MENTOR_CLAUSES[6].into()),
        Block::Paragraph(format!(
            "Mentoring is part of the mentor's key performance areas in the performance \
             agreement and earns no additional remuneration. {mentor} remains in the same post, \
             on the same salary level and conditions of service."
        )),
        Block::Heading(MENTOR_CLAUSES[7].into()),
        Block::Paragraph(
            "The relationship with each protégé rests on trust. What a protégé shares in the \
             mentorship is not disclosed to anyone without the protégé's permission, except \
             where the law requires it. Session notes and the protégé's records are kept \
             confidential and used only for the programme."
                .into(),
        ),
        Block::Heading(MENTOR_CLAUSES[8].into()),
        Block::Paragraph(format!(
            "The appointment ends on {} unless it is renewed at the annual review. The \
             department may end it earlier and replace the mentor on these grounds:",
            long_date(f.appointment_end)
        )),
        Block::Bullets(
            REPLACEMENT_GROUNDS
                .iter()
                .map(|g| (*g).to_owned())
                .collect(),
        ),
        Block::Paragraph(
            "Before a mentor is replaced for failing in the duties of this contract, the \
             programme manager discusses the concern with the mentor and records the outcome. \
             When a mentor is replaced, each protégé is matched with another mentor and the \
             coordinator informs the protégé and the protégé's line manager."
                .into(),
        ),
        Block::Heading(MENTOR_CLAUSES[9].into()),
        Block::Paragraph(
            "A dispute about this contract is first discussed with the programme manager. If \
             it is not resolved, it is referred to a person the department appoints, who \
             decides within one month; after that the mentor may use the department's formal \
             grievance procedure."
                .into(),
        ),
        Block::Heading(MENTOR_CLAUSES[10].into()),
        Block::Signatures(vec![
            Signatory {
                role: "Mentor".into(),
                name: mentor.clone(),
            },
            Signatory {
                role: "Programme manager, for the department".into(),
                name: s.programme_manager.clone(),
            },
            Signatory {
                role: "Mentor's line manager".into(),
                name: f.details.line_manager.clone().unwrap_or_default(),
            },
        ]),
        Block::Note(
            "By signing, the mentor and the programme manager accept this contract, and the \
             mentor's line manager agrees to the working time it gives to mentoring. The mentor \
             keeps a signed copy; the programme manager files the original."
                .into(),
        ),
    ]);
    Document {
        title: "Mentor contract".into(),
        reference: format!("{}/CON", Mentor::reference(f.mentor_id)),
        organisation: department.clone(),
        generated_on: today,
        blocks,
    }
}

fn appointment_clause(f: &MentorContractFacts) -> String {
    let months = f.settings.max_appointment_months;
    let mut text = format!(
        "The department appoints {} as a mentor from {} to {}. An appointment runs for at \
         most {months} months at a time. It is reviewed each year at the annual review, when \
         the mentor's key performance areas are set, and may then be renewed for up to \
         {months} months more.",
        f.details.name,
        long_date(f.appointment_start),
        long_date(f.appointment_end),
    );
    if let Some(last) = f.previous.first() {
        text.push_str(&format!(
            " This appointment renews the one from {} to {}, reviewed on {}.",
            long_date(last.start_date),
            long_date(last.end_date),
            long_date(last.reviewed_on)
        ));
    }
    text
}

fn kpa_clause(f: &MentorContractFacts) -> String {
    match (&f.kpa, &f.cycle) {
        (Some(k), _) => {
            let version = match k.status {
                AllocationStatus::Draft => format!("version {}, a draft not yet final", k.version),
                _ => format!("version {}", k.version),
            };
            let weight = match k.weight {
                Some(w) => format!("the mentoring KPA weighs {w}% and"),
                None => "no KPA is yet marked as mentoring; the protégés".into(),
            };
            format!(
                "In the {} performance cycle ({version} of the KPA allocation) {weight} takes \
                 {} a month averaged over the cycle, {}% of the mentor's working time.",
                k.cycle,
                hours(k.hours_per_month),
                number(k.share_percent)
            )
        }
        (None, Some(cycle)) => format!(
            "No KPA allocation is recorded for {} in the {cycle} cycle yet. The programme \
             manager sets the mentoring KPA with the mentor's line manager, with its protégés, \
             hours and share of working time.",
            f.details.name
        ),
        (None, None) => "The mentoring KPA, with its protégés, hours and share of working time, \
             is set with the mentor's line manager in the KPA allocation of each performance \
             cycle."
            .into(),
    }
}

fn training_fields(m: &Mentor) -> Vec<(String, String)> {
    vec![
        (
            "Course".into(),
            or_blank(&m.training_course, "Not recorded"),
        ),
        (
            "Provider".into(),
            or_blank(&m.training_provider, "Not recorded"),
        ),
        (
            "Completed on".into(),
            m.training_completed_on
                .map_or_else(|| "Not yet completed".into(), long_date),
        ),
        (
            "Certificate number".into(),
            or_blank(&m.training_certificate, "Not recorded"),
        ),
    ]
}

pub fn write_mentor_contract(
    store: &Store,
    mentor_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let doc = mentor_contract(store, mentor_id, today)?;
    let path = dir.join(format!("{}-contract.pdf", Mentor::reference(mentor_id)));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}
