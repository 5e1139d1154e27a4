//! The audit packs: one mentorship's, or every mentorship's into a folder with a progress bar.

use std::path::PathBuf;

use chrono::NaiveDate;
use mentordesk_core::domain::Mentorship;
use mentordesk_core::print::audit_pack::{save_audit_pack, write_audit_pack};
use mentordesk_core::store::MentorshipQuery;

use crate::documents::parse_mentorship;
use crate::{create_dir, open_existing, progress, text};

/// Writes one mentorship's audit pack to `out`.
pub fn audit_pack(
    db: PathBuf,
    mentorship: String,
    out: PathBuf,
    today: NaiveDate,
) -> Result<(), String> {
    let store = open_existing(&db)?;
    let id = parse_mentorship(&mentorship)?;
    let pack = save_audit_pack(&store, id, today, &out).map_err(text)?;
    println!(
        "Wrote {} ({} pages, {} parts)",
        out.display(),
        pack.pages,
        pack.index.len()
    );
    Ok(())
}

/// Writes the audit pack of every mentorship, archived ones too, into the folder `out`.
pub fn audit_packs(db: PathBuf, out: PathBuf, today: NaiveDate) -> Result<(), String> {
    let store = open_existing(&db)?;
    create_dir(&out)?;
    let all = store
        .mentorships(&MentorshipQuery {
            include_archived: true,
            ..Default::default()
        })
        .map_err(text)?;
    let bar = progress(all.len(), "audit packs");
    for row in &all {
        bar.set_message(Mentorship::reference(row.id));
        write_audit_pack(&store, row.id, today, &out).map_err(text)?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!("Wrote {} audit packs to {}", all.len(), out.display());
    Ok(())
}
