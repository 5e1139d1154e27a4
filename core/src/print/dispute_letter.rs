//! The letter about a dispute, to each of its two parties on its own page, signed by the
//! programme manager: the dispute's subject, who raised it and when, its history (each step
//! with its date and outcome), where it stands and what follows. The dispute's details and the
//! steps' notes are confidential: they are printed only when the caller passes
//! `Confidential::Included` for this one document, and then only on the programme's file copy
//! at the end, never in a letter to a party. Whether a step follows the route is `dispute`'s;
//! this module only gathers what was recorded and lays it out.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::agreement::AgreementFacts;
use super::{staff_party, Party};
use crate::dispute::{self, DisputeHistory, Outcome, State, Step, StepKind};
use crate::document::{long_date, Block, Column, Document, Signatory};
use crate::domain::Mentorship;
use crate::session::Confidential;
use crate::store::Store;
use crate::Result;

/// Every heading of a letter, in order; each letter prints them all.
pub const HEADINGS: [&str; 2] = ["The history of the dispute", "Where the dispute stands"];

/// The heading of the file copy that prints the confidential details, when they were included.
pub const CONFIDENTIAL_HEADING: &str =
    "File copy: the confidential details (included at the person's request for this document)";

/// Everything printed in the letter, gathered from the register.
#[derive(Debug, Clone, PartialEq)]
pub struct DisputeFacts {
    /// The parties, the mentorship and the settings, as the agreement names them.
    pub agreement: AgreementFacts,
    /// The protégé's line manager, when one is recorded.
    pub line_manager: Option<Party>,
    /// The dispute with its steps; the confidential text only when it was included.
    pub history: DisputeHistory,
}

impl DisputeFacts {
    pub fn load(
        store: &Store,
        dispute_id: i64,
        confidential: Confidential,
    ) -> Result<DisputeFacts> {
        let history = store.dispute_for(dispute_id, confidential)?;
        let agreement = AgreementFacts::load(store, history.dispute.mentorship_id)?;
        let protege = store.protege(agreement.mentorship.protege_id)?;
        let line_manager = match store.line_manager_of(protege.staff_id)? {
            Some(id) => Some(staff_party(store, &store.staff(id)?)?),
            None => None,
        };
        Ok(DisputeFacts {
            agreement,
            line_manager,
            history,
        })
    }

    /// A party to the dispute as the letter names them; a line manager not recorded in the
    /// register is addressed by role.
    fn party(&self, who: dispute::Party) -> Party {
        match (who, &self.line_manager) {
            (dispute::Party::Mentor, _) => self.agreement.mentor.clone(),
            (dispute::Party::Protege, _) => self.agreement.protege.clone(),
            (dispute::Party::LineManager, Some(manager)) => manager.clone(),
            (dispute::Party::LineManager, None) => Party {
                name: "The protégé's line manager".into(),
                persal: None,
                designation: String::new(),
                unit: String::new(),
                organisation: None,
            },
        }
    }

    /// A party's name with their part in the mentorship, e.g. "Thabo Nkosi (protégé)".
    fn named(&self, who: dispute::Party) -> String {
        format!("{} ({})", self.party(who).name, who.label().to_lowercase())
    }
}

/// The letter's reference, e.g. "MS-0007/DSP-2".
pub fn reference(mentorship_id: i64, dispute_id: i64) -> String {
    format!("{}/DSP-{dispute_id}", Mentorship::reference(mentorship_id))
}

/// One letter to each party, each from a new page, dated `today`, and the file copy with the
/// confidential details when they were included.
pub fn build(f: &DisputeFacts, today: NaiveDate) -> Document {
    let mut blocks = Vec::new();
    for (n, to) in f.history.dispute.parties.both().into_iter().enumerate() {
        if n > 0 {
            blocks.push(Block::PageBreak);
        }
        blocks.extend(letter(f, to, today));
    }
    blocks.extend(file_copy(f));
    Document {
        title: "A dispute in a mentorship".into(),
        reference: letter_reference(f),
        organisation: f.agreement.settings.department_name.clone(),
        generated_on: today,
        blocks,
    }
}

fn letter_reference(f: &DisputeFacts) -> String {
    reference(
        f.agreement.mentorship_id,
        f.history.dispute.id.unwrap_or_default(),
    )
}

fn letter(f: &DisputeFacts, to: dispute::Party, today: NaiveDate) -> Vec<Block> {
    let d = &f.history.dispute;
    let party = f.party(to);
    let [one, other] = d.parties.both();
    let mentorship = Mentorship::reference(f.agreement.mentorship_id);
    vec![
        Block::Paragraph(party.address()),
        Block::Fields(vec![
            ("Date".into(), long_date(today)),
            ("Our reference".into(), letter_reference(f)),
            ("Mentorship".into(), mentorship.clone()),
        ]),
        Block::Paragraph(format!("Dear {},", party.name)),
        Block::Heading(format!("Dispute: {}", d.subject.trim())),
        Block::Paragraph(format!(
            "I write about the dispute between {} and {} in mentorship {mentorship}, which {} \
             raised on {}. The programme handles a dispute in this order: it is raised with the \
             programme coordinator, who mediates between the parties; a dispute that mediation \
             does not settle goes to a person the department appoints, who decides within one \
             month; and one that is still unresolved goes to the department's grievance \
             procedure.",
            f.named(one),
            f.named(other),
            f.named(d.raised_by),
            long_date(d.raised_on)
        )),
        Block::Heading(HEADINGS[0].into()),
        Block::Table {
            columns: vec![
                Column::new("Date", 0.22),
                Column::new("Step", 0.4),
                Column::new("Outcome", 0.38),
            ],
            rows: history_rows(&f.history),
        },
        Block::Note(
            "What each party said stays confidential to the programme; this letter gives only the \
             steps taken and their outcome."
                .into(),
        ),
        Block::Heading(HEADINGS[1].into()),
        Block::Fields(vec![("State".into(), f.history.state.label().into())]),
        Block::Paragraph(what_follows(f)),
        Block::Paragraph("Yours sincerely,".into()),
        Block::Signatures(vec![Signatory {
            role: "Programme manager".into(),
            name: f.agreement.settings.programme_manager.clone(),
        }]),
        Block::Note(format!(
            "Each party receives this letter: {} and {}; a copy is kept on the programme's file.",
            f.named(one),
            f.named(other)
        )),
    ]
}

/// A row per step, oldest first, with its outcome in words.
fn history_rows(h: &DisputeHistory) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        long_date(h.dispute.raised_on),
        format!(
            "Raised by the {}",
            h.dispute.raised_by.label().to_lowercase()
        ),
        "—".to_owned(),
    ]];
    rows.extend(
        h.steps
            .iter()
            .map(|s| vec![long_date(s.taken_on), s.kind.label().to_owned(), outcome(s)]),
    );
    rows
}

fn outcome(s: &Step) -> String {
    match s.kind {
        StepKind::MediationMeeting => s.outcome.map_or("—", Outcome::label).to_owned(),
        StepKind::Decision => format!("Decided by {}", s.decided_by.trim()),
        StepKind::RaisedWithCoordinator | StepKind::ReferredToGrievance => "—".to_owned(),
    }
}

fn what_follows(f: &DisputeFacts) -> String {
    let steps = &f.history.steps;
    let last = |kind: StepKind| steps.iter().rev().find(|s| s.kind == kind);
    let manager = match f.agreement.settings.programme_manager.trim() {
        "" => "the programme manager".to_owned(),
        name => format!("the programme manager, {name}"),
    };
    match f.history.state {
        State::Open => format!(
            "The dispute is still open: the programme coordinator continues to mediate between \
             the parties. If mediation does not settle it, a person the department appoints \
             decides it within one month. Write to {manager}, quoting the reference above, with \
             anything the programme should know."
        ),
        State::Resolved => {
            let how = match last(StepKind::Decision) {
                Some(d) => format!(
                    "by the decision {} took on {}",
                    d.decided_by.trim(),
                    long_date(d.taken_on)
                ),
                None => last(StepKind::MediationMeeting).map_or_else(String::new, |m| {
                    format!("at the mediation meeting of {}", long_date(m.taken_on))
                }),
            };
            format!(
                "The dispute was resolved {how}. If you do not accept the outcome, the \
                 department's grievance procedure is open to you: write to {manager}, quoting the \
                 reference above."
            )
        }
        State::Referred => format!(
            "The dispute was referred to the department's grievance procedure on {}. It \
             continues under that procedure, which will write to you; the programme records no \
             further step.",
            last(StepKind::ReferredToGrievance).map_or_else(String::new, |r| long_date(r.taken_on))
        ),
    }
}

/// The programme's file copy of the confidential details, on its own page, printed only when
/// they were included (a history read without them has none to print).
fn file_copy(f: &DisputeFacts) -> Vec<Block> {
    let details = f.history.dispute.details.trim();
    let notes: Vec<Vec<String>> = f
        .history
        .steps
        .iter()
        .filter(|s| !s.notes.trim().is_empty())
        .map(|s| {
            vec![
                long_date(s.taken_on),
                s.kind.label().to_owned(),
                s.notes.trim().to_owned(),
            ]
        })
        .collect();
    if details.is_empty() && notes.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![
        Block::PageBreak,
        Block::Heading(CONFIDENTIAL_HEADING.into()),
        Block::Paragraph(
            "These details are confidential. They are printed in this one document, for the \
             programme's file only, because the person printing it asked for them; they are not \
             sent to the parties, and are not copied or passed on without the permission of the \
             person who shared them."
                .into(),
        ),
    ];
    if !details.is_empty() {
        blocks.push(Block::Fields(vec![(
            "Details of the dispute".into(),
            details.to_owned(),
        )]));
    }
    if !notes.is_empty() {
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Date", 0.2),
                Column::new("Step", 0.25),
                Column::new("Notes", 0.55),
            ],
            rows: notes,
        });
    }
    blocks
}

/// The letter about one dispute, dated `today`, with the confidential details only when
/// `confidential` includes them.
pub fn dispute_letter(
    store: &Store,
    dispute_id: i64,
    confidential: Confidential,
    today: NaiveDate,
) -> Result<Document> {
    Ok(build(
        &DisputeFacts::load(store, dispute_id, confidential)?,
        today,
    ))
}

/// Prints the letter about one dispute into `dir` and returns the file's path.
pub fn write_dispute_letter(
    store: &Store,
    dispute_id: i64,
    confidential: Confidential,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let facts = DisputeFacts::load(store, dispute_id, confidential)?;
    let path = dir.join(format!(
        "{}-dispute-{dispute_id}.pdf",
        Mentorship::reference(facts.agreement.mentorship_id)
    ));
    crate::document::write_pdf(&build(&facts, today), &path)?;
    Ok(path)
}
