//! The documents printed from the command line, one command each: an agreement or all of
//! them, a cycle's KPA allocations, the contracts in force, a period's progress reports, the
//! letters owed (each batch with a progress bar; agreements, allocations and reports printed
//! on every core by core's `print::batch`, which lists a document that fails and goes on), and
//! how one mentorship ended: its termination letters or its certificate of completion.

use std::path::PathBuf;

use chrono::NaiveDate;
use indicatif::ProgressBar;
use mentordesk_core::document::{write_pdf, Document};
use mentordesk_core::domain::{Mentor, Organisation};
use mentordesk_core::export::Format;
use mentordesk_core::kpa::AllocationStatus;
use mentordesk_core::print::batch::Batch;
use mentordesk_core::print::kpa_allocation as kpa_document;
use mentordesk_core::print::programme_report::{self, ReportOptions};
use mentordesk_core::print::progress_report as progress_document;
use mentordesk_core::print::{
    self, agreement, certificate, evaluation_form, letters, mentor_contract,
    organisation_agreement, termination_letter,
};
use mentordesk_core::selection::LetterKind;
use mentordesk_core::Store;

use crate::{count, create_dir, open_existing, progress, text, PeriodArgs};

/// Prints one mentorship's agreement where asked.
pub fn agreement(
    db: PathBuf,
    mentorship: String,
    out: PathBuf,
    today: NaiveDate,
) -> Result<(), String> {
    mentorship_document(db, &mentorship, out, today, agreement::agreement)
}

/// Prints one mentorship's termination letters, one per party, where asked; refused while no
/// decision is recorded.
pub fn termination_letters(
    db: PathBuf,
    mentorship: String,
    out: PathBuf,
    today: NaiveDate,
) -> Result<(), String> {
    mentorship_document(
        db,
        &mentorship,
        out,
        today,
        termination_letter::termination_letters,
    )
}

/// Prints the protégé's certificate of completion where asked; refused unless the mentorship
/// is completed.
pub fn certificate(
    db: PathBuf,
    mentorship: String,
    out: PathBuf,
    today: NaiveDate,
) -> Result<(), String> {
    mentorship_document(db, &mentorship, out, today, certificate::certificate)
}

/// Prints the document `make` lays out for one mentorship into the file `out`.
fn mentorship_document(
    db: PathBuf,
    mentorship: &str,
    out: PathBuf,
    today: NaiveDate,
    make: fn(&Store, i64, NaiveDate) -> mentordesk_core::Result<Document>,
) -> Result<(), String> {
    let store = open_existing(&db)?;
    let id = parse_mentorship(mentorship)?;
    let doc = make(&store, id, today).map_err(text)?;
    write_pdf(&doc, &out).map_err(text)?;
    println!("Wrote {}", out.display());
    Ok(())
}

/// Prints the agreement of every active mentorship into a folder, on every core.
pub fn agreements(db: PathBuf, out: PathBuf, today: NaiveDate) -> Result<(), String> {
    let store = open_existing(&db)?;
    create_dir(&out)?;
    let bar = progress(0, "agreements");
    let batch = agreement::write_agreements(
        || Ok::<_, mentordesk_core::Error>(&store),
        today,
        &out,
        |done, total, name| tell(&bar, done, total, name),
    )
    .map_err(text)?;
    bar.finish_and_clear();
    println!(
        "Wrote {} to {}",
        count(batch.printed.len(), "agreement", "agreements"),
        out.display()
    );
    failed(&batch, "agreement", "agreements")
}

/// Moves a batch's progress bar to `done` of `total`, naming the document just done; the
/// documents finish in any order, so the bar is set rather than stepped.
fn tell(bar: &ProgressBar, done: usize, total: usize, name: &str) {
    bar.set_length(total as u64);
    bar.set_position(done as u64);
    bar.set_message(name.to_owned());
}

/// Lists on stderr the documents of a batch that could not be printed, and fails then.
fn failed(batch: &Batch, one: &str, many: &str) -> Result<(), String> {
    if batch.failures.is_empty() {
        return Ok(());
    }
    for failure in &batch.failures {
        eprintln!("{}: {}", failure.name, failure.message);
    }
    Err(format!(
        "{} could not be printed (see above)",
        count(batch.failures.len(), one, many)
    ))
}

/// Prints the latest version of every KPA allocation of a cycle (today's by default).
pub fn kpa(
    db: PathBuf,
    out: PathBuf,
    cycle: Option<String>,
    today: NaiveDate,
) -> Result<(), String> {
    let store = open_existing(&db)?;
    let cycle = match cycle {
        Some(name) => store.cycle_named(&name).map_err(text)?,
        None => store
            .cycle_containing(today)
            .map_err(text)?
            .ok_or_else(|| {
                format!(
                    "no performance cycle recorded in {} contains {today}; name one with --cycle",
                    db.display()
                )
            })?,
    };
    let cycle_id = cycle
        .id
        .ok_or_else(|| format!("the cycle {} has no number", cycle.name))?;
    let batch = kpa_document::cycle_allocations(&store, cycle_id).map_err(text)?;
    create_dir(&out)?;
    let bar = progress(batch.latest.len(), "KPA allocations");
    let printed = kpa_document::write_kpa_allocations(
        || Ok::<_, mentordesk_core::Error>(&store),
        &batch.latest,
        today,
        &out,
        |done, total, name| tell(&bar, done, total, name),
    )
    .map_err(text)?;
    bar.finish_and_clear();
    let drafts = batch
        .latest
        .iter()
        .filter(|row| row.status == AllocationStatus::Draft)
        .count();
    println!(
        "Wrote {} for {} to {} ({drafts} still draft)",
        count(printed.printed.len(), "KPA allocation", "KPA allocations"),
        cycle.name,
        out.display()
    );
    match batch.without_allocation.len() {
        0 => println!("Every internal mentor has an allocation in {}.", cycle.name),
        n => println!(
            "{} no allocation in {}: {}",
            count(n, "internal mentor has", "internal mentors have"),
            cycle.name,
            batch.without_allocation.join(", ")
        ),
    }
    failed(&printed, "KPA allocation", "KPA allocations")
}

/// Prints every mentor contract and organisation agreement in force today.
pub fn contracts(db: PathBuf, out: PathBuf, today: NaiveDate) -> Result<(), String> {
    let store = open_existing(&db)?;
    let current = print::current(&store, today).map_err(text)?;
    create_dir(&out)?;
    let bar = progress(
        current.mentors.len() + current.organisations.len(),
        "contracts and agreements",
    );
    for &id in &current.mentors {
        bar.set_message(Mentor::reference(id));
        mentor_contract::write_mentor_contract(&store, id, today, &out).map_err(text)?;
        bar.inc(1);
    }
    for &id in &current.organisations {
        bar.set_message(Organisation::reference(id));
        organisation_agreement::write_organisation_agreement(&store, id, today, &out)
            .map_err(text)?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "Wrote {} and {} to {}",
        count(current.mentors.len(), "mentor contract", "mentor contracts"),
        count(
            current.organisations.len(),
            "organisation agreement",
            "organisation agreements"
        ),
        out.display()
    );
    Ok(())
}

/// Prints the progress report of every mentorship under way in a period.
pub fn reports(
    db: PathBuf,
    period: &PeriodArgs,
    out: PathBuf,
    today: NaiveDate,
) -> Result<(), String> {
    let (from, to) = period.dates()?;
    let store = open_existing(&db)?;
    let period = store.report_period(from, to).map_err(text)?;
    let total = store.reportable_mentorships(from, to).map_err(text)?.len();
    let bar = progress(total, "progress reports");
    let batch = progress_document::write_progress_reports(
        || Ok::<_, mentordesk_core::Error>(&store),
        &period,
        today,
        &out,
        |done, total, name| tell(&bar, done, total, name),
    )
    .map_err(text)?;
    bar.finish_and_clear();
    println!(
        "Wrote {} for {} to {}",
        count(batch.printed.len(), "progress report", "progress reports"),
        period.label,
        batch.folder.display()
    );
    failed(&batch, "progress report", "progress reports")
}

/// Prints every letter owed, each marked printed once its PDF is written.
pub fn letters(db: PathBuf, out: PathBuf, today: NaiveDate) -> Result<(), String> {
    let mut store = open_existing(&db)?;
    if store.pending_letters().map_err(text)?.is_empty() {
        println!("No letters are waiting to be printed in {}.", db.display());
        return Ok(());
    }
    create_dir(&out)?;
    let bar = progress(0, "letters");
    let mut kinds = Vec::new();
    let written = letters::write_pending_letters(&mut store, today, &out, |letter, n, total| {
        bar.set_length(total as u64);
        bar.set_position(n as u64 - 1);
        bar.set_message(letters::file_name(letter));
        kinds.push(letter.kind);
    });
    bar.finish_and_clear();
    let written = written.map_err(|e| {
        // The letters printed before the failure are marked printed; say so, so that
        // no one prints them twice.
        format!(
            "{e} ({} printed before it; the rest are still owed)",
            count(kinds.len().saturating_sub(1), "letter was", "letters were")
        )
    })?;
    let of = |kind| kinds.iter().filter(|&&k| k == kind).count();
    println!(
        "Wrote {} to {}: {}, {} and {}",
        count(written.len(), "letter", "letters"),
        out.display(),
        count(of(LetterKind::Acceptance), "acceptance", "acceptances"),
        count(of(LetterKind::Rejection), "rejection", "rejections"),
        count(
            of(LetterKind::MentorNotice),
            "notice to a mentor",
            "notices to mentors"
        )
    );
    Ok(())
}

/// Accepts "7", "0007" or "MS-0007".
pub fn parse_mentorship(text: &str) -> Result<i64, String> {
    let digits = text
        .trim()
        .trim_start_matches("MS-")
        .trim_start_matches("ms-");
    digits
        .parse()
        .map_err(|_| format!("\"{text}\" is not a mentorship number; give it as 7 or MS-0007"))
}

/// Prints the programme report for `period` into `out`, and its tables as CSV
/// files into `csv` when asked.
pub fn programme_report(
    db: PathBuf,
    period: &PeriodArgs,
    out: PathBuf,
    csv: Option<PathBuf>,
    options: ReportOptions,
    today: NaiveDate,
) -> Result<(), String> {
    let (from, to) = period.dates()?;
    let store = open_existing(&db)?;
    let period = store.report_period(from, to).map_err(text)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_dir(dir)?;
    }
    let figures = store.programme_figures(&period, today).map_err(text)?;
    let settings = store.settings().map_err(text)?;
    let doc = programme_report::build(&figures, &settings, options, today);
    write_pdf(&doc, &out).map_err(text)?;
    println!(
        "Wrote the programme report for {} to {}",
        period.label,
        out.display()
    );
    if let Some(dir) = csv {
        let written = figures.export(&dir, Format::Csv, options).map_err(text)?;
        println!(
            "Wrote {} to {}",
            count(written.files.len(), "table", "tables"),
            dir.display()
        );
    }
    Ok(())
}

/// Prints the blank form of every evaluation owed today into `out`.
pub fn evaluation_forms(db: PathBuf, out: PathBuf, today: NaiveDate) -> Result<(), String> {
    let store = open_existing(&db)?;
    let bar = progress(0, "evaluation forms");
    let written = evaluation_form::write_owed_forms(&store, today, &out, |owed, n, total| {
        bar.set_length(total as u64);
        bar.set_position(n as u64 - 1);
        bar.set_message(owed.protege.clone());
    })
    .map_err(text)?;
    bar.finish_and_clear();
    match written.len() {
        0 => println!("No evaluation forms are owed on {today}."),
        n => println!(
            "Wrote {} to {}",
            count(n, "evaluation form", "evaluation forms"),
            out.display()
        ),
    }
    Ok(())
}
