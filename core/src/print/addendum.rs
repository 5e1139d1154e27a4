//! An addendum to a signed mentorship agreement: what changed and why, the terms as they now
//! read, and the same signature blocks as the agreement.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::agreement::AgreementFacts;
use crate::addendum::Addendum;
use crate::document::{long_date, Block, Document, Signatory};
use crate::domain::Mentorship;
use crate::store::Store;
use crate::Result;

/// Every clause heading of the addendum, in order.
pub const CLAUSES: [&str; 4] = [
    "1. What changes",
    "2. Why",
    "3. The terms as amended",
    "4. Signatures",
];

pub fn build(a: &Addendum, f: &AgreementFacts, today: NaiveDate) -> Document {
    let m = &f.mentorship;
    let reference = Mentorship::reference(a.mentorship_id);
    let goals: Vec<String> = m
        .goals
        .iter()
        .enumerate()
        .map(|(n, g)| format!("Goal {}: {}", n + 1, g.description.trim()))
        .collect();
    let mut blocks = vec![
        Block::Paragraph(format!(
            "This addendum changes the mentorship agreement {reference} between {} (mentor) and \
             {} (protégé). Everything in the agreement that it does not change stays as signed.",
            f.mentor.name, f.protege.name
        )),
        Block::Fields(vec![
            ("Agreement".into(), format!("{reference}/AGR")),
            ("Addendum".into(), format!("Number {}", a.number)),
            ("Made on".into(), long_date(a.made_on)),
        ]),
        Block::Heading(CLAUSES[0].into()),
        Block::Bullets(a.changes.iter().map(|c| sentence(c)).collect()),
        Block::Heading(CLAUSES[1].into()),
        Block::Paragraph(a.reason.clone()),
        Block::Heading(CLAUSES[2].into()),
        Block::Fields(vec![
            (
                "Period".into(),
                format!("{} to {}", long_date(m.start_date), long_date(m.end_date)),
            ),
            (
                "Meetings".into(),
                format!(
                    "{}, {}, {} minutes",
                    m.frequency.label(),
                    m.mode.label().to_lowercase(),
                    m.meeting_minutes
                ),
            ),
        ]),
    ];
    if !goals.is_empty() {
        blocks.push(Block::Bullets(goals));
    }
    blocks.extend([
        Block::Heading(CLAUSES[3].into()),
        Block::Signatures(agreement_signatories(f)),
        Block::Note(
            "Each party keeps a signed copy of this addendum with the agreement; the programme \
             manager files the original."
                .into(),
        ),
    ]);
    Document {
        title: format!("Addendum {} to the mentorship agreement", a.number),
        reference: a.reference(),
        organisation: f.settings.department_name.clone(),
        generated_on: today,
        blocks,
    }
}

/// The agreement's signature blocks: the mentor, the protégé, the programme manager and the
/// protégé's line manager.
pub(crate) fn agreement_signatories(f: &AgreementFacts) -> Vec<Signatory> {
    vec![
        Signatory {
            role: "Mentor".into(),
            name: f.mentor.name.clone(),
        },
        Signatory {
            role: "Protégé".into(),
            name: f.protege.name.clone(),
        },
        Signatory {
            role: "Programme manager".into(),
            name: f.settings.programme_manager.clone(),
        },
        Signatory {
            role: "Protégé's line manager".into(),
            name: f.line_manager.clone().unwrap_or_default(),
        },
    ]
}

/// "the period is extended …" as a sentence of its own.
fn sentence(change: &str) -> String {
    let mut chars = change.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

pub fn addendum(store: &Store, addendum_id: i64, today: NaiveDate) -> Result<Document> {
    let a = store.addendum(addendum_id)?;
    let facts = AgreementFacts::load(store, a.mentorship_id)?;
    Ok(build(&a, &facts, today))
}

/// Prints an addendum into `dir` and returns the file's path.
pub fn write_addendum(
    store: &Store,
    addendum_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let doc = addendum(store, addendum_id, today)?;
    let path = dir.join(format!("{}.pdf", doc.reference.replace('/', "-")));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}
