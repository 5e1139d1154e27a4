//! The printed KPA allocation. (Being written: see the brief for the documents.)

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::{Block, Document};
use crate::store::Store;
use crate::Result;

/// The KPA allocation document for one allocation version, dated `today`.
pub fn kpa_allocation(store: &Store, allocation_id: i64, today: NaiveDate) -> Result<Document> {
    let a = store.kpa_allocation(allocation_id)?;
    Ok(Document {
        title: "KPA allocation".into(),
        reference: format!("{}/KPA/v{}", crate::domain::Mentor::reference(a.mentor_id), a.version),
        organisation: store.settings()?.department_name,
        generated_on: today,
        blocks: vec![Block::Paragraph(String::new())],
    })
}

/// Prints one allocation into `dir` and returns the file's path.
pub fn write_kpa_allocation(
    store: &Store,
    allocation_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let doc = kpa_allocation(store, allocation_id, today)?;
    let path = dir.join(format!("{}.pdf", doc.reference.replace('/', "-")));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}
