//! The letters that tell each party that a mentorship was terminated early: one PDF with a
//! letter to the mentor, one to the protégé and one to the protégé's line manager (when there
//! is one), each on its own page. A letter gives the decision (its date, its reason and what
//! was decided), the steps taken before it and what follows, and is signed by the programme
//! manager. Whether a mentorship may be terminated, and which steps it takes, is
//! `termination`'s and the store's; this module only gathers what was recorded and lays it out.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::agreement::AgreementFacts;
use super::{staff_party, Party};
use crate::document::{long_date, Block, Column, Document, Signatory};
use crate::domain::Mentorship;
use crate::store::Store;
use crate::termination::{Step, StepKind};
use crate::{Error, Result};

/// The steps the programme asks for before the decision, in their order.
pub const STEPS_BEFORE: [StepKind; 3] = [
    StepKind::Discussion,
    StepKind::WrittenRequest,
    StepKind::SeparateMeetings,
];

/// Every heading of a letter, in order; each letter prints them all.
pub const HEADINGS: [&str; 3] = [
    "The decision",
    "The steps taken before the decision",
    "What follows",
];

/// Whom a letter is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Addressee {
    Mentor,
    Protege,
    LineManager,
}

/// Everything printed in the letters, gathered from the register.
#[derive(Debug, Clone, PartialEq)]
pub struct TerminationFacts {
    /// The parties, the mentorship and the settings, as the agreement names them.
    pub agreement: AgreementFacts,
    /// The protégé's line manager, who receives a letter too.
    pub line_manager: Option<Party>,
    /// The steps recorded before the decision, oldest first.
    pub steps: Vec<Step>,
    /// The decision the letters announce: the last one recorded.
    pub decision: Step,
}

impl TerminationFacts {
    /// The facts of one mentorship's letters, refused while no decision is recorded.
    pub fn load(store: &Store, mentorship_id: i64) -> Result<TerminationFacts> {
        let agreement = AgreementFacts::load(store, mentorship_id)?;
        let mut steps = store.termination_steps(mentorship_id)?;
        let Some(at) = steps.iter().rposition(|s| s.kind == StepKind::Decision) else {
            return Err(Error::invalid(
                "decision",
                format!(
                    "No decision to terminate mentorship {} is recorded, so there is nothing to \
                     tell the parties yet. Record the decision, with its reason, as the last \
                     termination step, then print the letters.",
                    Mentorship::reference(mentorship_id)
                ),
            ));
        };
        let decision = steps.remove(at);
        steps.retain(|s| s.kind != StepKind::Decision && s.taken_on <= decision.taken_on);
        let protege = store.protege(agreement.mentorship.protege_id)?;
        let line_manager = match store.line_manager_of(protege.staff_id)? {
            Some(id) => Some(staff_party(store, &store.staff(id)?)?),
            None => None,
        };
        Ok(TerminationFacts {
            agreement,
            line_manager,
            steps,
            decision,
        })
    }

    /// The parties who receive a letter, in the order they are printed.
    pub fn addressees(&self) -> Vec<Addressee> {
        let mut to = vec![Addressee::Mentor, Addressee::Protege];
        if self.line_manager.is_some() {
            to.push(Addressee::LineManager);
        }
        to
    }

    fn party(&self, to: Addressee) -> &Party {
        match (to, &self.line_manager) {
            (Addressee::Mentor, _) => &self.agreement.mentor,
            (Addressee::LineManager, Some(manager)) => manager,
            (Addressee::Protege | Addressee::LineManager, _) => &self.agreement.protege,
        }
    }
}

/// The letters' reference, e.g. "MS-0007/TRM".
pub fn reference(mentorship_id: i64) -> String {
    format!("{}/TRM", Mentorship::reference(mentorship_id))
}

/// One letter per party, each from a new page, dated `today`.
pub fn build(f: &TerminationFacts, today: NaiveDate) -> Document {
    let mut blocks = Vec::new();
    for (n, to) in f.addressees().into_iter().enumerate() {
        if n > 0 {
            blocks.push(Block::PageBreak);
        }
        blocks.extend(letter(f, to, today));
    }
    Document {
        title: "Termination of a mentorship".into(),
        reference: reference(f.agreement.mentorship_id),
        organisation: f.agreement.settings.department_name.clone(),
        generated_on: today,
        blocks,
    }
}

fn letter(f: &TerminationFacts, to: Addressee, today: NaiveDate) -> Vec<Block> {
    let m = &f.agreement.mentorship;
    let mentorship = Mentorship::reference(f.agreement.mentorship_id);
    let party = f.party(to);
    let mentor = &f.agreement.mentor.name;
    let protege = &f.agreement.protege.name;
    let decided = long_date(f.decision.taken_on);
    let began = long_date(m.start_date);
    // The register may keep the agreed end date or the day the mentorship actually ended.
    let early = if m.end_date > f.decision.taken_on {
        format!(", before its agreed end on {}", long_date(m.end_date))
    } else {
        String::new()
    };
    let opening = match to {
        Addressee::Mentor => format!(
            "I write to confirm that your mentorship of {protege}, which began on {began}, was \
             terminated by the decision of {decided}{early}."
        ),
        Addressee::Protege => format!(
            "I write to confirm that your mentorship with {mentor} as your mentor, which began \
             on {began}, was terminated by the decision of {decided}{early}."
        ),
        Addressee::LineManager => format!(
            "I write to let you know that the mentorship of {protege}, who reports to you, with \
             {mentor} as mentor, which began on {began}, was terminated by the decision of \
             {decided}{early}."
        ),
    };
    let reason = f
        .decision
        .reason
        .map_or_else(|| "Not recorded".to_owned(), |r| r.label().to_owned());
    let mut blocks = vec![
        Block::Paragraph(party.address()),
        Block::Fields(vec![
            ("Date".into(), long_date(today)),
            ("Our reference".into(), reference(f.agreement.mentorship_id)),
        ]),
        Block::Paragraph(format!("Dear {},", party.name)),
        Block::Caption(format!("Termination of mentorship {mentorship}")),
        Block::Paragraph(opening),
        Block::Heading(HEADINGS[0].into()),
        Block::Fields(vec![
            ("Decided on".into(), decided.clone()),
            ("Reason".into(), reason),
        ]),
        Block::Paragraph(f.decision.notes.trim().to_owned()),
        // What each party said at the earlier steps stays with the programme: the letters give
        // only the steps' dates.
        Block::Heading(HEADINGS[1].into()),
        Block::Table {
            columns: vec![
                Column::new("Step", 0.6),
                Column::new("Date", 0.2),
                Column::new("Coordinator told", 0.2),
            ],
            rows: step_rows(f),
        },
        Block::Heading(HEADINGS[2].into()),
        Block::Bullets(what_follows(f, to)),
        Block::Paragraph(format!(
            "If you disagree, write to {} quoting our reference; a dispute not resolved goes to \
             a person the department appoints, then to the grievance procedure.",
            manager(f)
        )),
        Block::Paragraph("Yours sincerely,".into()),
        Block::Signatures(vec![Signatory {
            role: "Programme manager".into(),
            name: f.agreement.settings.programme_manager.clone(),
        }]),
    ];
    blocks.push(Block::Note(copies(f)));
    blocks
}

/// A row per recorded step before the decision, oldest first, and one for each step the
/// programme asks for that was not recorded.
fn step_rows(f: &TerminationFacts) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = f
        .steps
        .iter()
        .map(|s| {
            vec![
                s.kind.label().to_owned(),
                long_date(s.taken_on),
                if s.coordinator_informed { "Yes" } else { "No" }.to_owned(),
            ]
        })
        .collect();
    for kind in STEPS_BEFORE {
        if !f.steps.iter().any(|s| s.kind == kind) {
            rows.push(vec![
                kind.label().to_owned(),
                "Not recorded".into(),
                "—".into(),
            ]);
        }
    }
    rows
}

fn what_follows(f: &TerminationFacts, to: Addressee) -> Vec<String> {
    let decided = long_date(f.decision.taken_on);
    let protege = &f.agreement.protege.name;
    let mut follows = vec![format!(
        "The mentorship ended on {decided}; its work plan and open actions lapse."
    )];
    match to {
        Addressee::Mentor => follows.extend([
            match &f.agreement.mentor.organisation {
                Some(org) => format!(
                    "{org} is told of the decision under its agreement with the department."
                ),
                None => "Your mentoring KPA is revised at its next review.".to_owned(),
            },
            "What the protégé shared with you stays confidential.".into(),
        ]),
        Addressee::Protege => follows.push(
            "A protégé whose mentorship is terminated may be matched again: if you wish to \
             continue with another mentor, tell the programme manager."
                .to_owned(),
        ),
        Addressee::LineManager => follows.push(format!(
            "A protégé whose mentorship is terminated may be matched again: {protege}'s \
             development needs remain in the personal development plan."
        )),
    }
    follows
}

/// The programme manager as a letter names them, ending before a comma or a full stop.
fn manager(f: &TerminationFacts) -> String {
    match f.agreement.settings.programme_manager.trim() {
        "" => "the programme manager".into(),
        name => format!("the programme manager, {name}"),
    }
}

/// Who receives a copy: every party written to, and the programme's file.
fn copies(f: &TerminationFacts) -> String {
    let mut to = vec![
        format!("{} (mentor)", f.agreement.mentor.name),
        format!("{} (protégé)", f.agreement.protege.name),
    ];
    if let Some(manager) = &f.line_manager {
        to.push(format!("{} (line manager)", manager.name));
    }
    format!("Copies: {}; the programme's file.", to.join(", "))
}

/// The letters of one mentorship, dated `today`; refused while no decision is recorded.
pub fn termination_letters(
    store: &Store,
    mentorship_id: i64,
    today: NaiveDate,
) -> Result<Document> {
    Ok(build(&TerminationFacts::load(store, mentorship_id)?, today))
}

/// Prints one mentorship's termination letters into `dir` and returns the file's path.
pub fn write_termination_letters(
    store: &Store,
    mentorship_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let doc = termination_letters(store, mentorship_id, today)?;
    let path = dir.join(format!(
        "{}-termination-letters.pdf",
        Mentorship::reference(mentorship_id)
    ));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}
