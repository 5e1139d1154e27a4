//! The department's contracts: with a public-service mentor, and with an external mentoring
//! organisation. (Being written: see the brief for the documents.)

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::{Block, Document};
use crate::domain::{Mentor, Organisation};
use crate::store::Store;
use crate::Result;

/// The department–mentor contract for a mentor's current appointment.
pub fn mentor_contract(store: &Store, mentor_id: i64, today: NaiveDate) -> Result<Document> {
    Ok(Document {
        title: "Mentor contract".into(),
        reference: format!("{}/CON", Mentor::reference(mentor_id)),
        organisation: store.settings()?.department_name,
        generated_on: today,
        blocks: vec![Block::Paragraph(String::new())],
    })
}

/// The department–external organisation agreement.
pub fn organisation_agreement(
    store: &Store,
    organisation_id: i64,
    today: NaiveDate,
) -> Result<Document> {
    Ok(Document {
        title: "Agreement with an external mentoring organisation".into(),
        reference: format!("{}/AGR", Organisation::reference(organisation_id)),
        organisation: store.settings()?.department_name,
        generated_on: today,
        blocks: vec![Block::Paragraph(String::new())],
    })
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
