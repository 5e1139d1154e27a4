//! The mentorship agreement: the performance contract between mentor and protégé that the
//! office prints, signs and files. This module turns a mentorship into the layout model; the
//! drawing of the page belongs to `document`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::batch::{Batch, Item};
use super::{staff_party, Party};
use crate::addendum::Addendum;
use crate::document::{long_date, Block, Column, Document};
use crate::domain::{Mentorship, ProtegeKind, Status};
use crate::settings::Settings;
use crate::store::{MentorshipQuery, Store};
use crate::Result;

/// Everything printed in one agreement, gathered from the register.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementFacts {
    pub mentorship_id: i64,
    pub mentorship: Mentorship,
    pub mentor: Party,
    pub protege: Party,
    pub kind: ProtegeKind,
    pub programme_detail: String,
    pub line_manager: Option<String>,
    pub settings: Settings,
    /// The addenda that changed the agreement after it was signed, in order.
    pub addenda: Vec<Addendum>,
}

impl AgreementFacts {
    pub fn load(store: &Store, mentorship_id: i64) -> Result<AgreementFacts> {
        let mentorship = store.mentorship(mentorship_id)?;
        let mentor = store.mentor(mentorship.mentor_id)?;
        let protege = store.protege(mentorship.protege_id)?;
        let protege_staff = store.staff(protege.staff_id)?;
        let mentor_party = match mentor.staff_id {
            Some(staff_id) => staff_party(store, &store.staff(staff_id)?)?,
            None => {
                let organisation = match mentor.organisation_id {
                    Some(id) => Some(store.organisation(id)?.name),
                    None => None,
                };
                Party {
                    name: mentor.external_name.clone(),
                    persal: None,
                    designation: mentor.professional_background.clone(),
                    unit: String::new(),
                    organisation,
                }
            }
        };
        let line_manager = match store.line_manager_of(protege.staff_id)? {
            Some(id) => Some(store.staff(id)?.full_name()),
            None => None,
        };
        Ok(AgreementFacts {
            mentorship_id,
            mentorship,
            mentor: mentor_party,
            protege: staff_party(store, &protege_staff)?,
            kind: protege.kind,
            programme_detail: protege.programme_detail,
            line_manager,
            settings: store.settings()?,
            addenda: store.addenda(mentorship_id)?,
        })
    }
}

/// The agreement for one mentorship, dated `today`.
pub fn agreement(store: &Store, mentorship_id: i64, today: NaiveDate) -> Result<Document> {
    Ok(build(&AgreementFacts::load(store, mentorship_id)?, today))
}

/// Every clause heading of the agreement, in order; tests check that each one is printed.
pub const CLAUSES: [&str; 14] = [
    "1. The parties",
    "2. The programme",
    "3. Purpose",
    "4. Period",
    "5. Meeting arrangements",
    "6. Goals and deliverables",
    "7. Competencies to develop",
    "8. Duties of the mentor",
    "9. Duties of the protégé",
    "10. Confidentiality",
    "11. Ending the mentorship",
    "12. Disputes",
    "13. Evaluation and reporting",
    "14. Signatures",
];

pub fn build(f: &AgreementFacts, today: NaiveDate) -> Document {
    let m = &f.mentorship;
    let programme = &f.settings.programme_name;
    let department = &f.settings.department_name;
    let mentor = &f.mentor.name;
    let protege = &f.protege.name;
    let mut blocks = amended_note(&f.addenda);
    blocks.extend(vec![
        Block::Paragraph(format!(
            "This agreement is made under the {programme} of the {department} between the mentor \
             and the protégé named below. It sets out what each party undertakes for the period \
             of the mentorship. It is not a contract of employment and changes no term of either \
             party's employment."
        )),
        Block::Heading(CLAUSES[0].into()),
        Block::Table {
            columns: vec![
                Column::new("", 0.22),
                Column::new("Mentor", 0.39),
                Column::new("Protégé", 0.39),
            ],
            rows: vec![
                vec!["Name".into(), mentor.clone(), protege.clone()],
                vec![
                    "Persal number".into(),
                    persal(&f.mentor),
                    persal(&f.protege),
                ],
                vec![
                    "Designation".into(),
                    f.mentor.designation.clone(),
                    f.protege.designation.clone(),
                ],
                vec!["Unit".into(), unit(&f.mentor), unit(&f.protege)],
            ],
        },
        Block::Heading(CLAUSES[1].into()),
        Block::Paragraph(programme_clause(f)),
        Block::Heading(CLAUSES[2].into()),
        Block::Paragraph(format!(
            "The purpose of this mentorship is {}. Mentoring supplements the supervision of the \
             protégé's line manager{}; it does not replace it.",
            m.purpose.label().to_lowercase(),
            f.line_manager
                .as_ref()
                .map(|n| format!(", {n}"))
                .unwrap_or_default()
        )),
        Block::Heading(CLAUSES[3].into()),
        Block::Paragraph(format!(
            "The mentorship runs from {} to {}. It may be renewed by a new agreement after a \
             review of progress; it may end earlier as clause 11 provides.",
            long_date(m.start_date),
            long_date(m.end_date)
        )),
        Block::Heading(CLAUSES[4].into()),
        Block::Fields(vec![
            ("Mode".into(), m.mode.label().into()),
            ("Frequency".into(), m.frequency.label().into()),
            ("Length of a meeting".into(), minutes(m.meeting_minutes)),
            (
                "Place".into(),
                if m.meeting_place.is_empty() {
                    "As the parties agree".into()
                } else {
                    m.meeting_place.clone()
                },
            ),
        ]),
        Block::Paragraph(
            "Meetings are held in working time at times that do not interfere with the \
             protégé's duties. A party who cannot attend gives notice as early as possible and \
             the meeting is rescheduled within two weeks."
                .into(),
        ),
        Block::Heading(CLAUSES[5].into()),
    ]);
    blocks.push(Block::Table {
        columns: vec![
            Column::new("No.", 0.07),
            Column::new("Goal or deliverable", 0.5),
            Column::new("Measure (quality, quantity, time)", 0.28),
            Column::new("Due", 0.15),
        ],
        rows: m
            .goals
            .iter()
            .enumerate()
            .map(|(n, g)| {
                vec![
                    (n + 1).to_string(),
                    g.description.clone(),
                    g.measure.clone(),
                    g.due_on
                        .map(long_date)
                        .unwrap_or_else(|| "By the end date".into()),
                ]
            })
            .collect(),
    });
    blocks.push(Block::Heading(CLAUSES[6].into()));
    if m.competencies.is_empty() {
        blocks.push(Block::Paragraph(
            "No competencies are listed; the goals above describe the development sought.".into(),
        ));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Competency", 0.6),
                Column::new("Current level", 0.2),
                Column::new("Target level", 0.2),
            ],
            rows: m
                .competencies
                .iter()
                .map(|c| {
                    vec![
                        c.name.clone(),
                        c.current_level.to_string(),
                        c.target_level.to_string(),
                    ]
                })
                .collect(),
        });
        blocks.push(Block::Note(
            "Levels: 1 not yet able, 2 developing, 3 competent, 4 highly competent, 5 able to teach others.".into(),
        ));
    }
    blocks.extend([
        Block::Heading(CLAUSES[7].into()),
        Block::Bullets(mentor_duties(f)),
        Block::Heading(CLAUSES[8].into()),
        Block::Bullets(protege_duties(f)),
        Block::Heading(CLAUSES[9].into()),
        Block::Paragraph(
            "The relationship rests on trust. What either party shares in the mentorship is not \
             disclosed to anyone without the permission of the person who shared it, except \
             where the law requires it. Session notes are confidential. Information about the \
             protégé is given to an external organisation only with the protégé's written \
             consent, which records what is disclosed, to whom and when."
                .into(),
        ),
        Block::Heading(CLAUSES[10].into()),
        Block::Paragraph(
            "The mentorship ends on its end date, or earlier by agreement. Either party may end \
             it without fault by giving the other and the programme coordinator two weeks' \
             written notice. Where difficulties cannot be resolved, termination follows these \
             steps, and the coordinator is informed at each one:"
                .into(),
        ),
        Block::Bullets(vec![
            "a discussion between the protégé and the programme coordinator;".into(),
            "a written request for termination giving the specific reasons;".into(),
            "separate meetings of the coordinator with each party;".into(),
            "a decision, recorded with its reasons. A protégé whose mentorship is terminated may be matched again.".into(),
        ]),
        Block::Heading(CLAUSES[11].into()),
        Block::Paragraph(
            "A dispute about this agreement is first discussed by the parties with the programme \
             coordinator. If it is not resolved, it is referred to a person appointed by the \
             department, who decides within one month. If it is still not resolved, either party \
             may use the department's formal grievance procedure."
                .into(),
        ),
        Block::Heading(CLAUSES[12].into()),
        Block::Paragraph(
            "The mentor and the protégé keep a record of each session (date, duration, place, \
             topics and agreed actions). Progress is reviewed every quarter, in writing at \
             mid-cycle and at the end of the mentorship, and the programme manager receives \
             each progress report. Both parties take part in the programme's evaluation of \
             the mentorship."
                .into(),
        ),
        Block::Heading(CLAUSES[13].into()),
        Block::Paragraph(
            "By signing, the parties accept this agreement; the programme manager and the \
             protégé's line manager confirm that they support it."
                .into(),
        ),
        Block::Signatures(super::addendum::agreement_signatories(f)),
        Block::Note(
            "Each party keeps a signed copy of this agreement; the programme manager files the original."
                .into(),
        ),
    ]);
    Document {
        title: "Mentorship agreement".into(),
        reference: format!("{}/AGR", Mentorship::reference(f.mentorship_id)),
        organisation: department.clone(),
        generated_on: today,
        blocks,
    }
}

fn persal(p: &Party) -> String {
    p.persal
        .clone()
        .unwrap_or_else(|| "(external mentor)".into())
}

fn unit(p: &Party) -> String {
    match &p.organisation {
        Some(org) => format!("{org} (external organisation)"),
        None => p.unit.clone(),
    }
}

fn minutes(total: u32) -> String {
    match (total / 60, total % 60) {
        (0, m) => format!("{m} minutes"),
        (1, 0) => "1 hour".into(),
        (h, 0) => format!("{h} hours"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The paragraph that places the protégé in the programme, worded for their kind.
fn programme_clause(f: &AgreementFacts) -> String {
    let protege = &f.protege.name;
    let designation = if f.protege.designation.is_empty() {
        "a manager".to_owned()
    } else {
        f.protege.designation.clone()
    };
    match f.kind {
        ProtegeKind::PromotedManager => format!(
            "{protege} has been promoted into a managerial position as {designation}. The \
             mentorship supports the move into management: leading people, managing resources \
             and delivering the unit's objectives, while the protégé carries the full \
             responsibilities of the post."
        ),
        ProtegeKind::Applicant => format!(
            "{protege} applied for the programme and was accepted by the coordinating committee \
             after a review of career goals, career path plan, education, work experience, \
             strengths, weaknesses and development needs. The mentorship serves the \
             development needs recorded in that review."
        ),
        ProtegeKind::Intern => format!(
            "{protege} is an intern in the department ({}), gaining workplace experience. The \
             mentorship guides the intern's learning and career choices; the intern's \
             supervisor remains responsible for the intern's daily work.",
            detail(f)
        ),
        ProtegeKind::Learner => format!(
            "{protege} is a learner registered for a learnership ({}). The mentor supports the \
             learner's workplace learning alongside the training provider and the workplace \
             assessor, and helps the learner meet the learnership's workplace requirements.",
            detail(f)
        ),
    }
}

fn detail(f: &AgreementFacts) -> &str {
    if f.programme_detail.is_empty() {
        "details on file"
    } else {
        &f.programme_detail
    }
}

fn mentor_duties(f: &AgreementFacts) -> Vec<String> {
    let mut duties = vec![
        "Meet the protégé as arranged in clause 5 and keep to the work plan.".to_owned(),
        "Share knowledge, experience and networks; advise and guide, without doing the protégé's work.".into(),
        "Help the protégé set and reach the goals in clause 6, and give honest, timely feedback.".into(),
        "Sign off each work-plan event when it is done and record each session.".into(),
        "Respect the line manager's role and raise concerns about the mentorship with the programme coordinator.".into(),
        "Take part in reviews and evaluations; mentoring is part of the mentor's key performance areas and earns no additional remuneration.".into(),
    ];
    if f.mentor.organisation.is_some() {
        duties.push(
            "As an external mentor, keep to the agreement between the department and the organisation, and to the department's rules on access and information."
                .into(),
        );
    }
    duties
}

fn protege_duties(f: &AgreementFacts) -> Vec<String> {
    let mut duties = vec![
        "Take responsibility for their own development and come prepared to every meeting."
            .to_owned(),
        "Work towards the goals in clause 6 and carry out agreed actions by their due dates."
            .into(),
        "Be open to feedback and tell the mentor what is and is not working.".into(),
        "Keep the line manager informed of development activities that affect their duties.".into(),
    ];
    match f.kind {
        ProtegeKind::Intern => duties.push("Keep to the internship's programme and the department's conditions for interns.".into()),
        ProtegeKind::Learner => duties.push("Attend the learnership's training and assessments and keep the portfolio of evidence up to date.".into()),
        ProtegeKind::PromotedManager => duties.push("Apply what is learnt in managing the unit's people and resources.".into()),
        ProtegeKind::Applicant => {}
    }
    duties.push("Take part in reviews and in the evaluation of the programme.".into());
    duties
}

/// Under the title of an agreement changed after it was signed: which addenda it reads with.
fn amended_note(addenda: &[Addendum]) -> Vec<Block> {
    if addenda.is_empty() {
        return Vec::new();
    }
    let list: Vec<String> = addenda
        .iter()
        .map(|a| format!("Addendum {} of {}", a.number, long_date(a.made_on)))
        .collect();
    vec![Block::Note(format!(
        "As amended by {}: this copy shows the terms as they now read; the copy first signed \
         and each signed addendum are kept on file.",
        list.join(", ")
    ))]
}

/// Prints one mentorship's agreement into `dir` and returns the file's path.
pub fn write_agreement(
    store: &Store,
    mentorship_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    write_built(&AgreementFacts::load(store, mentorship_id)?, today, dir)
}

/// Lays out the agreement of `f` and writes it into `dir`.
fn write_built(f: &AgreementFacts, today: NaiveDate, dir: &Path) -> Result<PathBuf> {
    let doc = build(f, today);
    let path = dir.join(format!(
        "{}-agreement.pdf",
        Mentorship::reference(f.mentorship_id)
    ));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}

/// Prints the agreement of every active mentorship into `folder`, created if needed, on every
/// core; an agreement that fails is listed and the batch goes on, and `told(done, total,
/// mentorship)` follows each one (see `batch::print`).
pub fn write_agreements<S, E>(
    store: impl Fn() -> std::result::Result<S, E>,
    today: NaiveDate,
    folder: &Path,
    told: impl FnMut(usize, usize, &str),
) -> std::result::Result<Batch, E>
where
    S: std::ops::Deref<Target = Store>,
    E: From<crate::Error> + std::fmt::Display,
{
    let items: Vec<Item> = store()?
        .mentorships(&MentorshipQuery {
            status: Some(Status::Active),
            ..Default::default()
        })?
        .into_iter()
        .map(|row| Item {
            id: row.id,
            name: format!("{}, {}", row.reference, row.protege),
        })
        .collect();
    super::batch::print(
        store,
        folder,
        &items,
        AgreementFacts::load,
        |facts, dir| write_built(&facts, today, dir),
        told,
    )
}
