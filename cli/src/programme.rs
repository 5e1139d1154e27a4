//! The sample programme, created in a new database file for trying MentorDesk out.

use std::path::PathBuf;

use chrono::NaiveDate;
use mentordesk_core::domain::Status;
use mentordesk_core::store::MentorshipQuery;
use mentordesk_core::{sample, Store};

use crate::{cli_actor, open_existing, text};

/// Creates the sample programme in a new database file.
pub fn demo(db: PathBuf, today: NaiveDate) -> Result<(), String> {
    if db.exists() && !open_existing(&db)?.is_empty().map_err(text)? {
        return Err(format!(
            "{} already holds a register; give a new file for the sample.",
            db.display()
        ));
    }
    let mut store = Store::open(&db).map_err(text)?;
    store.set_actor(&cli_actor());
    sample::create(&mut store, today).map_err(text)?;
    let active = store
        .mentorships(&MentorshipQuery {
            status: Some(Status::Active),
            ..Default::default()
        })
        .map_err(text)?;
    println!(
        "Created the sample programme in {} ({} active mentorships).",
        db.display(),
        active.len()
    );
    Ok(())
}
