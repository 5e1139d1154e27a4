//! The agreement between the department and an external organisation that offers mentors:
//! the mentors, the time they give, consent before the protégé's information is shared, the
//! organisation's interview and final say, the liaison and how the agreement ends. This module
//! gathers its facts and turns them into the layout model.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::mentor_contract::REPLACEMENT_GROUNDS;
use super::or_blank;
use crate::document::{long_date, Block, Column, Document, Signatory};
use crate::domain::{Mentor, Organisation};
use crate::settings::Settings;
use crate::store::Store;
use crate::{Error, Result};

/// Everything printed in one agreement with an external organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationFacts {
    pub organisation_id: i64,
    pub organisation: Organisation,
    pub agreement_start: NaiveDate,
    pub agreement_end: NaiveDate,
    /// The mentors it offers, not archived.
    pub mentors: Vec<Mentor>,
    pub settings: Settings,
}

impl OrganisationFacts {
    /// Gathers the facts, refusing an organisation whose agreement has no period yet.
    pub fn load(store: &Store, organisation_id: i64) -> Result<OrganisationFacts> {
        let organisation = store.organisation(organisation_id)?;
        let (Some(start), Some(end)) = (organisation.agreement_start, organisation.agreement_end)
        else {
            return Err(Error::invalid(
                "agreement_start",
                format!(
                    "The agreement with {} has no period yet, so it cannot be printed. Enter the \
                     agreement's start and end dates on the organisation's page first.",
                    organisation.name
                ),
            ));
        };
        Ok(OrganisationFacts {
            organisation_id,
            mentors: store.organisation_mentors(organisation_id)?,
            organisation,
            agreement_start: start,
            agreement_end: end,
            settings: store.settings()?,
        })
    }
}

/// The department–external organisation agreement.
pub fn organisation_agreement(
    store: &Store,
    organisation_id: i64,
    today: NaiveDate,
) -> Result<Document> {
    Ok(build_organisation_agreement(
        &OrganisationFacts::load(store, organisation_id)?,
        today,
    ))
}

/// Every clause heading of the organisation agreement, in order.
pub const ORGANISATION_CLAUSES: [&str; 13] = [
    "1. The parties",
    "2. Purpose",
    "3. Mentors offered",
    "4. Time allocation",
    "5. Schedule",
    "6. Protégé information and written consent",
    "7. Selecting protégés",
    "8. Liaison",
    "9. Period",
    "10. Termination and replacing a mentor",
    "11. Confidentiality",
    "12. Disputes",
    "13. Signatures",
];

pub fn build_organisation_agreement(f: &OrganisationFacts, today: NaiveDate) -> Document {
    let s = &f.settings;
    let o = &f.organisation;
    let department = &s.department_name;
    let programme = &s.programme_name;
    let name = &o.name;
    let coordinator = or_blank(&o.coordinator, "the programme manager");
    let mut blocks = vec![
        Block::Paragraph(format!(
            "This agreement is made between the {department} and {name}, which offers mentors \
             to the department's protégés in the {programme}. It is not a contract of \
             employment: the mentors remain with the organisation, and no protégé becomes its \
             employee."
        )),
        Block::Heading(ORGANISATION_CLAUSES[0].into()),
        Block::Paragraph(format!(
            "The department: the {department}, represented by {}, programme manager of the {programme}.",
            or_blank(&s.programme_manager, "the programme manager")
        )),
        Block::Paragraph("The organisation:".into()),
        Block::Fields(vec![
            ("Name".into(), name.clone()),
            ("Kind".into(), o.kind.label().to_owned()),
            ("Address".into(), or_blank(&o.address, "Not recorded")),
            (
                "Contact person".into(),
                or_blank(&o.contact_person, "Not recorded"),
            ),
            ("E-mail".into(), or_blank(&o.email, "Not recorded")),
            ("Telephone".into(), or_blank(&o.phone, "Not recorded")),
        ]),
        Block::Heading(ORGANISATION_CLAUSES[1].into()),
        Block::Paragraph(format!(
            "The organisation's mentors share knowledge, skills and experience that the \
             department needs to develop in its people. Each mentorship has its own agreement \
             between the mentor and the protégé, made under the {programme} and on the same \
             terms as the department's own mentors."
        )),
        Block::Heading(ORGANISATION_CLAUSES[2].into()),
    ];
    if f.mentors.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "{name} has not yet named the mentors it offers. Each mentor is added to the \
             department's register, with qualifications and fields of expertise, before a \
             protégé is proposed to them."
        )));
    } else {
        blocks.push(Block::Paragraph(format!(
            "{name} offers these mentors; a mentor is added or withdrawn by written notice to \
             the programme manager."
        )));
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Mentor", 0.24),
                Column::new("Qualifications", 0.26),
                Column::new("Fields of expertise", 0.34),
                Column::new("Years of experience", 0.16),
            ],
            rows: f
                .mentors
                .iter()
                .map(|m| {
                    vec![
                        m.external_name.clone(),
                        or_blank(&m.qualifications, "Not recorded"),
                        or_blank(&m.fields_of_expertise, "Not recorded"),
                        m.years_experience.to_string(),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Paragraph(
        "Each mentor completes accredited mentor training before a mentorship begins; the \
         programme manager records the course, provider, date and certificate number."
            .into(),
    ));
    blocks.push(Block::Heading(ORGANISATION_CLAUSES[3].into()));
    let mut time = vec![(
        "Time per mentor".to_owned(),
        match o.days_per_year {
            Some(1) => "1 day a year".to_owned(),
            Some(days) => format!("{days} days a year"),
            None => "Agreed with the programme manager for each mentorship".to_owned(),
        },
    )];
    if !o.time_allocation_notes.trim().is_empty() {
        time.push((
            "How it is spread".into(),
            o.time_allocation_notes.trim().to_owned(),
        ));
    }
    blocks.push(Block::Fields(time));
    blocks.extend([
        Block::Heading(ORGANISATION_CLAUSES[4].into()),
        Block::Paragraph(
            "Sessions are held at times and places agreed with the protégé and the protégé's \
             line manager, so that they do not interfere with the protégé's duties. The \
             protégé's work comes first: a session that would clash with it is moved."
                .into(),
        ),
        Block::Heading(ORGANISATION_CLAUSES[5].into()),
        Block::Paragraph(
            "No information about a protégé is given to the organisation or its mentors \
             without the protégé's prior written consent. The consent records what \
             information is disclosed, to whom and on what date; the programme manager keeps \
             it on the protégé's file. The organisation uses the information only for the \
             mentorship and gives it to no one else."
                .into(),
        ),
        Block::Heading(ORGANISATION_CLAUSES[6].into()),
        Block::Paragraph(format!(
            "The department proposes a protégé for one of the organisation's mentors. {name} \
             interviews the proposed protégé and decides whether to accept them; its \
             acceptance decision is final. The department informs the protégé of the decision."
        )),
        Block::Heading(ORGANISATION_CLAUSES[7].into()),
        Block::Paragraph(format!(
            "{coordinator} is the coordinator who liaises between the department and the \
             organisation: proposals, interviews, schedules, progress reports and any concern \
             pass through the coordinator. The organisation's contact person is {}.",
            or_blank(&o.contact_person, "to be named by the organisation")
        )),
        Block::Heading(ORGANISATION_CLAUSES[8].into()),
        Block::Paragraph(format!(
            "This agreement runs from {} to {}. It may be renewed by a new agreement; a \
             mentorship does not run beyond the agreement's end.",
            long_date(f.agreement_start),
            long_date(f.agreement_end)
        )),
        Block::Heading(ORGANISATION_CLAUSES[9].into()),
        Block::Paragraph(
            "Either party may end this agreement by giving the other one month's written \
             notice, so that each protégé can be handed to another mentor. The department may \
             ask the organisation to withdraw and replace a mentor on these grounds:"
                .into(),
        ),
        Block::Bullets(
            REPLACEMENT_GROUNDS
                .iter()
                .map(|g| (*g).to_owned())
                .collect(),
        ),
        Block::Paragraph(
            "A mentor who leaves the organisation is replaced by agreement with the programme \
             manager, or the protégé is matched again. The coordinator informs each party at \
             every step."
                .into(),
        ),
        Block::Heading(ORGANISATION_CLAUSES[10].into()),
        Block::Paragraph(
            "What a protégé shares in a mentorship is not disclosed without the protégé's \
             permission, except where the law requires it. The organisation and its mentors \
             keep the department's information confidential during and after this agreement."
                .into(),
        ),
        Block::Heading(ORGANISATION_CLAUSES[11].into()),
        Block::Paragraph(
            "A dispute about this agreement is first discussed by the coordinator and the \
             organisation's contact person. If it is not resolved, it is referred to a person \
             the department appoints, who decides within one month."
                .into(),
        ),
        Block::Heading(ORGANISATION_CLAUSES[12].into()),
        Block::Signatures(vec![
            Signatory {
                role: "For the department: programme manager".into(),
                name: s.programme_manager.clone(),
            },
            Signatory {
                role: "For the organisation: contact person".into(),
                name: o.contact_person.clone(),
            },
            Signatory {
                role: "Liaison coordinator".into(),
                name: o.coordinator.clone(),
            },
        ]),
        Block::Note(
            "By signing, the parties accept this agreement and the coordinator accepts the role \
             of liaison. Each party keeps a signed copy; the programme manager files the original."
                .into(),
        ),
    ]);
    Document {
        title: "Agreement with an external mentoring organisation".into(),
        reference: format!("{}/AGR", Organisation::reference(f.organisation_id)),
        organisation: department.clone(),
        generated_on: today,
        blocks,
    }
}

pub fn write_organisation_agreement(
    store: &Store,
    organisation_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let doc = organisation_agreement(store, organisation_id, today)?;
    let path = dir.join(format!(
        "{}-agreement.pdf",
        Organisation::reference(organisation_id)
    ));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}
