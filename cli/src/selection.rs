//! Selection from the command line: the ranked mentors for one application, with why the
//! others are excluded, and the best assignment of a whole intake, which saves nothing.

use std::path::PathBuf;

use chrono::NaiveDate;
use mentordesk_core::domain::Mentor;
use mentordesk_core::selection::Application;
use mentordesk_core::Store;

use crate::{open_existing, text};

/// Lists the mentors for one application, best first, and those a rule excludes.
pub fn suggest(db: PathBuf, protege: String, today: NaiveDate) -> Result<(), String> {
    let store = open_existing(&db)?;
    let application_id = application_of(&store, &protege)?;
    let a = store.application(application_id).map_err(text)?;
    let name = store
        .protege(a.protege_id)
        .and_then(|p| store.staff(p.staff_id))
        .map_err(text)?
        .full_name();
    let suggestions = store.suggestions(application_id, today).map_err(text)?;
    println!(
        "Mentors for {} ({name}), mentoring from {} to {}:",
        Application::reference(application_id),
        a.wanted_start,
        a.wanted_end
    );
    let (eligible, excluded): (Vec<_>, Vec<_>) =
        suggestions.iter().partition(|s| s.excluded.is_none());
    if eligible.is_empty() {
        println!("  No mentor on the register may be matched.");
    }
    for (rank, s) in eligible.iter().enumerate() {
        let mentor = mentor_label(s.mentor_id, &s.name, s.organisation.as_deref());
        println!("{:>3}. {mentor}: score {}", rank + 1, s.score);
        for reason in &s.reasons {
            println!("       {}", reason.text);
        }
    }
    if !excluded.is_empty() {
        println!("Excluded:");
        for s in &excluded {
            let mentor = mentor_label(s.mentor_id, &s.name, s.organisation.as_deref());
            let why = s.excluded.as_deref().unwrap_or_default();
            println!("  - {mentor}: {why}");
        }
    }
    Ok(())
}

/// Proposes the best assignment of an intake; nothing is saved.
pub fn assign(db: PathBuf, intake: Option<String>, today: NaiveDate) -> Result<(), String> {
    let store = open_existing(&db)?;
    let proposal = store
        .cohort_proposal(intake.as_deref(), today)
        .map_err(text)?;
    let cohort = intake.map_or_else(|| "every intake".to_owned(), |i| format!("\"{i}\""));
    if proposal.rows.is_empty() {
        println!("No application of {cohort} is ready for matching.");
        return Ok(());
    }
    println!("Proposed assignment for {cohort} (nothing is saved):");
    for row in &proposal.rows {
        match (row.mentor_id, &row.mentor) {
            (Some(id), Some(mentor)) => println!(
                "  {} {} → {}: score {}",
                row.reference,
                row.protege,
                mentor_label(id, mentor, None),
                row.score
            ),
            _ => println!(
                "  {} {} → no mentor with a place free whom the rules allow",
                row.reference, row.protege
            ),
        }
        for reason in &row.reasons {
            println!("       {}", reason.text);
        }
    }
    println!(
        "Total score {}: {} matched, {} without a mentor.",
        proposal.total_score,
        proposal.rows.len() - proposal.unmatched,
        proposal.unmatched
    );
    Ok(())
}

/// The application a `--protege` value names: "APP-0001" (any case) is an application; a bare
/// number is a protégé, whose latest application still open for matching is taken.
pub fn application_of(store: &Store, given: &str) -> Result<i64, String> {
    let trimmed = given.trim();
    let number = |digits: &str| digits.parse::<i64>().ok().filter(|n| *n > 0);
    if let Some(digits) = trimmed
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("APP-"))
        .and_then(|_| trimmed.get(4..))
    {
        let id = number(digits).ok_or_else(|| {
            format!("\"{given}\" is not an application reference; give it as APP-0001")
        })?;
        store.application(id).map_err(|_| {
            format!(
                "there is no application {} in the register",
                Application::reference(id)
            )
        })?;
        return Ok(id);
    }
    let protege = number(trimmed).ok_or_else(|| {
        format!("\"{given}\" is neither an application (APP-0001) nor a protégé's number (7)")
    })?;
    store.protege(protege).map_err(text)?;
    store
        .latest_open_application(protege)
        .map_err(text)?
        .ok_or_else(|| {
            format!(
                "protégé {protege} has no application open for matching; give an application as APP-0001"
            )
        })
}

/// "Olive Okay (MT-0004)", or "Eve External of Mentors Inc (MT-0008)" for an external mentor.
pub fn mentor_label(id: i64, name: &str, organisation: Option<&str>) -> String {
    match organisation {
        Some(org) => format!("{name} of {org} ({})", Mentor::reference(id)),
        None => format!("{name} ({})", Mentor::reference(id)),
    }
}
