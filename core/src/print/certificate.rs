//! The certificate of completion a protégé receives once a mentorship is completed: the
//! programme and the department, the protégé, the period, the mentor and the goals achieved,
//! signed by the programme manager. Whether a mentorship is completed is the register's (its
//! status); this module refuses any other and lays the certificate out with the blocks every
//! document uses.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::agreement::AgreementFacts;
use super::Party;
use crate::document::{long_date, Block, Document, Signatory};
use crate::domain::{GoalStatus, Mentorship, Status};
use crate::store::Store;
use crate::{Error, Result};

/// The caption over the goals achieved.
pub const GOALS_CAPTION: &str = "Goals achieved";

/// Printed instead of the list when no goal is recorded as achieved.
pub const NO_GOALS: &str = "No goal of this mentorship is recorded as achieved.";

/// The certificate's facts: those of the agreement, refused unless the mentorship is
/// completed.
pub fn load(store: &Store, mentorship_id: i64) -> Result<AgreementFacts> {
    let facts = AgreementFacts::load(store, mentorship_id)?;
    let reference = Mentorship::reference(mentorship_id);
    let why = match facts.mentorship.status {
        Status::Completed => return Ok(facts),
        Status::Terminated => format!(
            "Mentorship {reference} was terminated early, so it earns no certificate of \
             completion; the termination letters tell the parties what follows."
        ),
        Status::Draft | Status::Active => format!(
            "Mentorship {reference} is {}, not completed. A certificate of completion is \
             issued once the mentorship is marked completed.",
            facts.mentorship.status.label().to_lowercase()
        ),
    };
    Err(Error::invalid("status", why))
}

/// The certificate's reference, e.g. "MS-0007/CERT".
pub fn reference(mentorship_id: i64) -> String {
    format!("{}/CERT", Mentorship::reference(mentorship_id))
}

/// The certificate of one completed mentorship, dated `today`.
pub fn build(f: &AgreementFacts, today: NaiveDate) -> Document {
    let m = &f.mentorship;
    let settings = &f.settings;
    let protege = &f.protege;
    let achieved: Vec<String> = m
        .goals
        .iter()
        .filter(|g| g.status == GoalStatus::Achieved)
        .map(|g| g.description.trim().to_owned())
        .collect();
    let centred = |text: String, large: bool| Block::Centred { text, large };
    let post = [protege.designation.trim(), protege.unit.trim()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let mut blocks = vec![
        centred(
            format!("The {} certifies that", settings.department_name.trim()),
            false,
        ),
        centred(protege.name.clone(), true),
    ];
    if !post.is_empty() {
        blocks.push(centred(post, false));
    }
    blocks.extend([
        centred("has completed the".into(), false),
        centred(settings.programme_name.trim().to_owned(), true),
        centred(
            format!(
                "mentored by {} from {} to {}.",
                mentor_words(&f.mentor),
                long_date(m.start_date),
                long_date(m.end_date)
            ),
            false,
        ),
        Block::Heading(GOALS_CAPTION.into()),
    ]);
    if achieved.is_empty() {
        blocks.push(Block::Paragraph(NO_GOALS.into()));
    } else {
        blocks.push(Block::Bullets(achieved));
    }
    blocks.extend([
        Block::Fields(vec![
            ("Mentorship".into(), Mentorship::reference(f.mentorship_id)),
            ("Purpose".into(), m.purpose.label().to_owned()),
            ("Given on".into(), long_date(today)),
        ]),
        Block::Signatures(vec![Signatory {
            role: "Programme manager".into(),
            name: settings.programme_manager.clone(),
        }]),
    ]);
    Document {
        title: "Certificate of completion".into(),
        reference: reference(f.mentorship_id),
        organisation: settings.department_name.clone(),
        generated_on: today,
        blocks,
    }
}

/// The mentor as the certificate names them: with their organisation when external.
fn mentor_words(p: &Party) -> String {
    match &p.organisation {
        Some(org) => format!("{} of {org}", p.name),
        None => p.name.clone(),
    }
}

/// The certificate of one mentorship, dated `today`; refused unless it is completed.
pub fn certificate(store: &Store, mentorship_id: i64, today: NaiveDate) -> Result<Document> {
    Ok(build(&load(store, mentorship_id)?, today))
}

/// Prints one mentorship's certificate into `dir` and returns the file's path.
pub fn write_certificate(
    store: &Store,
    mentorship_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let doc = certificate(store, mentorship_id, today)?;
    let path = dir.join(format!(
        "{}-certificate.pdf",
        Mentorship::reference(mentorship_id)
    ));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}
