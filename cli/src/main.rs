//! `mentordesk-cli`: MentorDesk without a window, for IT support, batch printing and machines
//! without a display. It parses arguments, calls core and reports; it holds no rules of its own.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use mentordesk_core::domain::{Mentor, Organisation, Status};
use mentordesk_core::kpa::AllocationStatus;
use mentordesk_core::print::kpa_allocation as kpa_document;
use mentordesk_core::print::progress_report as progress_document;
use mentordesk_core::print::{self, agreement, letters, mentor_contract, organisation_agreement};
use mentordesk_core::selection::Application;
use mentordesk_core::selection::LetterKind;
use mentordesk_core::store::MentorshipQuery;
use mentordesk_core::{export, import, sample, Store};

/// MentorDesk from the command line: sample data and printed documents, no window needed.
#[derive(Parser)]
#[command(name = "mentordesk-cli", version, about, long_about = None)]
#[command(after_help = "Examples:\n  \
    mentordesk-cli demo --db sample.sqlite3\n  \
    mentordesk-cli agreement --db sample.sqlite3 --mentorship MS-0001 --out MS-0001.pdf\n  \
    mentordesk-cli agreements --db sample.sqlite3 --out agreements/\n  \
    mentordesk-cli kpa --db sample.sqlite3 --out kpa/ --cycle 2026/27\n  \
    mentordesk-cli contracts --db sample.sqlite3 --out contracts/\n  \
    mentordesk-cli reports --db sample.sqlite3 --from 2026-10-01 --to 2026-12-31 --out reports/\n  \
    mentordesk-cli suggest --db sample.sqlite3 --protege APP-0001\n  \
    mentordesk-cli assign --db sample.sqlite3 --intake \"December 2026 intake\"\n  \
    mentordesk-cli letters --db sample.sqlite3 --out letters/\n  \
    mentordesk-cli audit --db sample.sqlite3 --check\n  \
    mentordesk-cli backup --db sample.sqlite3 --out /media/usb/mentordesk-backup.sqlite3\n  \
    mentordesk-cli restore --db sample.sqlite3 --from /media/usb/mentordesk-backup.sqlite3\n    mentordesk-cli import-staff --db sample.sqlite3 persal-extract.csv --dry-run\n  \
    mentordesk-cli export --db sample.sqlite3 --out registers/ --format xlsx\n\n\
An encrypted database is opened with the passphrase in the environment variable\n\
MENTORDESK_PASSPHRASE (a backup with another passphrase: MENTORDESK_BACKUP_PASSPHRASE).")]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// Date to print on documents and to place the sample around (YYYY-MM-DD); default today.
    #[arg(long, global = true, value_name = "DATE")]
    today: Option<NaiveDate>,
}

#[derive(Subcommand)]
enum Command {
    /// Create the sample programme (36 staff, 6 mentors, 16 protégés, 8 mentorships) in a new database file.
    Demo {
        /// The database file to create.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
    },
    /// Print one mentorship's agreement as a PDF.
    Agreement {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The mentorship, by number (7) or reference (MS-0007).
        #[arg(long, value_name = "ID")]
        mentorship: String,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Print the agreement of every active mentorship into a folder.
    Agreements {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write the PDFs into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print the latest version of every mentor's KPA allocation for a cycle into a folder.
    Kpa {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write the PDFs into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The performance cycle by name, e.g. 2026/27; default the cycle that contains --today.
        #[arg(long, value_name = "NAME")]
        cycle: Option<String>,
    },
    /// Print every current mentor contract and external-organisation agreement into a folder.
    Contracts {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write the PDFs into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Rank the mentors for one application, with each score's reasons, then the mentors a
    /// hard rule excludes and why. Saves nothing.
    Suggest {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The application (APP-0001), or a protégé by number (7: their latest open
        /// application).
        #[arg(long, value_name = "ID")]
        protege: String,
    },
    /// Propose the best assignment of the applications ready for matching to mentors, within
    /// every mentor's places free, with the total score. Saves nothing.
    Assign {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// Only this intake, e.g. "2027 intake"; default every application ready for matching.
        #[arg(long, value_name = "NAME")]
        intake: Option<String>,
    },
    /// Print the progress report of every mentorship under way in a period into a folder
    /// (confidential session notes left out).
    Reports {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The period's first day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: String,
        /// The period's last day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: String,
        /// The folder to write the PDFs into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Show the audit trail (newest first), export it to CSV, or check its hash chain.
    Audit {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// Check that no line was changed or removed; fails naming the first broken line.
        #[arg(long)]
        check: bool,
        /// Write the whole trail to this CSV file instead of listing it.
        #[arg(long, value_name = "FILE.csv")]
        out: Option<PathBuf>,
    },
    /// Print every selection letter still owed (acceptances, rejections, notices to mentors)
    /// into a folder and mark each printed.
    Letters {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write the PDFs into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Write a checked copy of the database (safe while MentorDesk is open); the copy of an
    /// encrypted database is encrypted with the same passphrase.
    Backup {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The backup file to write (its folder is created if needed).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Show what a backup holds and replace the database's content with it, after backing up
    /// what it replaces into the backups folder beside the database.
    Restore {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The backup to restore.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
        /// Restore without asking (needed when no one can answer, e.g. in a script).
        #[arg(long)]
        yes: bool,
    },
    /// Import staff from an HR system's CSV or Excel (.xlsx) file, e.g. a PERSAL extract:
    /// prints what is added, updated and why lines are refused. Nothing is written while any
    /// line has a problem (the exit status is then 1).
    ImportStaff {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The CSV or .xlsx file; its columns are recognised by their headers.
        #[arg(value_name = "PATH")]
        path: PathBuf,
        /// Only print the report; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export every register (confidential session notes left out) into a folder: one CSV
    /// file per register, or one Excel workbook.
    Export {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// csv (a file per register) or xlsx (one workbook).
        #[arg(long, value_name = "csv|xlsx", default_value = "csv")]
        format: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    match run(cli.command, today) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mentordesk-cli: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, today: NaiveDate) -> Result<(), String> {
    match command {
        Command::Backup { db, out } => backup(&db, &out)?,
        Command::Restore { db, from, yes } => restore(&db, &from, yes, today)?,
        Command::ImportStaff { db, path, dry_run } => import_staff(&db, &path, dry_run, today)?,
        Command::Export { db, out, format } => export(&db, &out, &format)?,
        Command::Demo { db } => {
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
        }
        Command::Agreement {
            db,
            mentorship,
            out,
        } => {
            let store = open_existing(&db)?;
            let id = parse_mentorship(&mentorship)?;
            let doc = agreement::agreement(&store, id, today).map_err(text)?;
            mentordesk_core::document::write_pdf(&doc, &out).map_err(text)?;
            println!("Wrote {}", out.display());
        }
        Command::Agreements { db, out } => {
            let store = open_existing(&db)?;
            create_dir(&out)?;
            let active = store
                .mentorships(&MentorshipQuery {
                    status: Some(Status::Active),
                    ..Default::default()
                })
                .map_err(text)?;
            let bar = progress(active.len(), "agreements");
            for row in &active {
                bar.set_message(row.reference.clone());
                agreement::write_agreement(&store, row.id, today, &out).map_err(text)?;
                bar.inc(1);
            }
            bar.finish_and_clear();
            println!("Wrote {} agreements to {}", active.len(), out.display());
        }
        Command::Kpa { db, out, cycle } => {
            let store = open_existing(&db)?;
            let cycle = match cycle {
                Some(name) => store.cycle_named(&name).map_err(text)?,
                None => store.cycle_containing(today)
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
            for row in &batch.latest {
                bar.set_message(row.mentor.clone());
                kpa_document::write_kpa_allocation(&store, row.id, today, &out).map_err(text)?;
                bar.inc(1);
            }
            bar.finish_and_clear();
            let drafts = batch
                .latest
                .iter()
                .filter(|row| row.status == AllocationStatus::Draft)
                .count();
            println!(
                "Wrote {} for {} to {} ({drafts} still draft)",
                count(batch.latest.len(), "KPA allocation", "KPA allocations"),
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
        }
        Command::Contracts { db, out } => {
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
        }
        Command::Suggest { db, protege } => {
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
        }
        Command::Assign { db, intake } => {
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
        }
        Command::Reports { db, from, to, out } => {
            let from = parse_date("--from", &from)?;
            let to = parse_date("--to", &to)?;
            if to < from {
                return Err(format!(
                    "--to {to} is before --from {from}; give the period's first day, then its last"
                ));
            }
            let store = open_existing(&db)?;
            let period = store.report_period(from, to).map_err(text)?;
            let total = store.reportable_mentorships(from, to).map_err(text)?.len();
            let bar = progress(total, "progress reports");
            let batch = progress_document::write_progress_reports(
                || Ok::<_, mentordesk_core::Error>(&store),
                &period,
                today,
                &out,
                |_, _, name| {
                    bar.set_message(name.to_owned());
                    bar.inc(1);
                },
            )
            .map_err(text)?;
            bar.finish_and_clear();
            println!(
                "Wrote {} for {} to {}",
                count(batch.printed.len(), "progress report", "progress reports"),
                period.label,
                batch.folder.display()
            );
            if !batch.failures.is_empty() {
                for failure in &batch.failures {
                    eprintln!("{}: {}", failure.name, failure.message);
                }
                return Err(format!(
                    "{} could not be printed (see above)",
                    count(batch.failures.len(), "progress report", "progress reports")
                ));
            }
        }
        Command::Audit { db, check, out } => audit(&db, check, out.as_deref())?,
        Command::Letters { db, out } => {
            let mut store = open_existing(&db)?;
            if store.pending_letters().map_err(text)?.is_empty() {
                println!("No letters are waiting to be printed in {}.", db.display());
                return Ok(());
            }
            create_dir(&out)?;
            let bar = progress(0, "letters");
            let mut kinds = Vec::new();
            let written =
                letters::write_pending_letters(&mut store, today, &out, |letter, n, total| {
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
        }
    }
    Ok(())
}

/// A date given on the command line, refused in words that name the option.
fn parse_date(option: &str, text: &str) -> Result<NaiveDate, String> {
    text.trim().parse().map_err(|_| {
        format!("{option} \"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-09-30")
    })
}

/// The period from `from` to `to`: named as the quarter, mid-cycle or annual period of the
/// performance cycle when it is exactly one of them, otherwise by its dates.
/// "1 mentor contract", "5 mentor contracts".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn create_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// A bar of `len` steps that names the document being printed.
fn progress(len: usize, what: &str) -> ProgressBar {
    ProgressBar::new(len as u64).with_style(
        ProgressStyle::with_template(&format!("{{bar:40}} {{pos}}/{{len}} {what} {{msg}}"))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    )
}

fn text(err: mentordesk_core::Error) -> String {
    err.to_string()
}

/// Opens a database that must already exist: reading commands never create an empty file.
fn open_existing(db: &Path) -> Result<Store, String> {
    if !db.is_file() {
        return Err(format!("there is no database at {}", db.display()));
    }
    let mut store = Store::open_with(db, env_passphrase("MENTORDESK_PASSPHRASE").as_deref())
        .map_err(|e| match e {
            mentordesk_core::Error::Locked => format!(
                "{}: {e} Set the environment variable MENTORDESK_PASSPHRASE to it.",
                db.display()
            ),
            e => format!("{}: {e}", db.display()),
        })?;
    store.set_actor(&cli_actor());
    Ok(store)
}

/// A passphrase from the environment: a command line would show it to every user of the
/// computer (and keep it in the shell's history).
fn env_passphrase(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|p| !p.is_empty())
}

/// Writes a checked backup of `db` to `out` and says what it holds.
fn backup(db: &Path, out: &Path) -> Result<(), String> {
    let store = open_existing(db)?;
    let written = store.backup_to(out).map_err(text)?;
    println!("Wrote a checked backup to {}", written.path.display());
    print_summary(&written);
    Ok(())
}

/// Shows what the backup holds, asks (unless `yes`), and restores it.
fn restore(db: &Path, from: &Path, yes: bool, today: NaiveDate) -> Result<(), String> {
    use std::io::{BufRead, IsTerminal, Write};
    let mut store = open_existing(db)?;
    let backup_key = env_passphrase("MENTORDESK_BACKUP_PASSPHRASE");
    let summary = store
        .inspect_backup(from, backup_key.as_deref())
        .map_err(|e| match e {
            mentordesk_core::Error::Locked | mentordesk_core::Error::WrongPassphrase => format!(
                "{}: {e} Set MENTORDESK_BACKUP_PASSPHRASE to the backup's passphrase.",
                from.display()
            ),
            e => text(e),
        })?;
    println!("The backup {} holds:", from.display());
    print_summary(&summary);
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(
                "nothing was restored: add --yes to restore without being asked".to_owned(),
            );
        }
        print!(
            "Replace everything in {} with this backup? Type yes to restore: ",
            db.display()
        );
        std::io::stdout().flush().map_err(|e| e.to_string())?;
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| e.to_string())?;
        if answer.trim() != "yes" {
            return Err("nothing was restored".to_owned());
        }
    }
    let restored = store
        .restore_from(from, backup_key.as_deref(), today)
        .map_err(text)?;
    println!(
        "Restored {} into {}. What it replaced is kept in {}",
        from.display(),
        db.display(),
        restored.previous.path.display()
    );
    Ok(())
}

fn print_summary(s: &mentordesk_core::store::BackupSummary) {
    println!(
        "  data version {}, {}, integrity {}, {} bytes",
        s.data_version,
        if s.encrypted {
            "encrypted"
        } else {
            "not encrypted"
        },
        s.integrity,
        s.size
    );
    println!(
        "  {}, {}, {}, {}, {}",
        count(s.staff as usize, "staff member", "staff members"),
        count(s.mentors as usize, "mentor", "mentors"),
        count(s.proteges as usize, "protégé", "protégés"),
        count(s.mentorships as usize, "mentorship", "mentorships"),
        count(s.sessions as usize, "session", "sessions"),
    );
    match &s.newest_change {
        Some(at) => println!("  last change {at}"),
        None => println!("  no changes recorded"),
    }
}

/// Who the audit trail names for changes made here: the program and the computer's user, as
/// nobody signs in to the command line.
fn cli_actor() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown user".into());
    format!("mentordesk-cli ({user})")
}

/// Lists the trail, writes it to CSV (`out`), or checks its chain (`check`); a broken chain
/// is an error naming the first line that does not follow from the ones before it.
fn audit(db: &Path, check: bool, out: Option<&Path>) -> Result<(), String> {
    let store = open_existing(db)?;
    let entries = store
        .audit_entries(&mentordesk_core::store::AuditQuery::default())
        .map_err(text)?;
    if let Some(out) = out {
        mentordesk_core::audit_export::write_audit_csv(&entries, out).map_err(text)?;
        println!(
            "Wrote {} to {}",
            count(entries.len(), "audit line", "audit lines"),
            out.display()
        );
    }
    if check {
        let found = store.check_audit_chain().map_err(text)?;
        return match found.first_break {
            None => {
                println!(
                    "The audit trail is intact: {} checked.",
                    count(found.lines as usize, "line", "lines")
                );
                Ok(())
            }
            Some(line) => Err(format!(
                "the audit trail is broken at line {line}: it was changed or a line before it \
                 was removed after it was written. Lines before {line} are intact."
            )),
        };
    }
    if out.is_none() {
        for e in &entries {
            let record = e.row_id.map_or_else(String::new, |id| format!(" {id}"));
            println!(
                "{:>6}  {}  {}  {} {}{}",
                e.id, e.at, e.actor, e.action, e.table_name, record
            );
        }
    }
    Ok(())
}

/// Accepts "7", "0007" or "MS-0007".
fn parse_mentorship(text: &str) -> Result<i64, String> {
    let digits = text
        .trim()
        .trim_start_matches("MS-")
        .trim_start_matches("ms-");
    digits
        .parse()
        .map_err(|_| format!("\"{text}\" is not a mentorship number; give it as 7 or MS-0007"))
}

/// The application a `--protege` value names: "APP-0001" (any case) is an application; a bare
/// number is a protégé, whose latest application still open for matching is taken.
fn application_of(store: &Store, given: &str) -> Result<i64, String> {
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
fn mentor_label(id: i64, name: &str, organisation: Option<&str>) -> String {
    match organisation {
        Some(org) => format!("{name} of {org} ({})", Mentor::reference(id)),
        None => format!("{name} ({})", Mentor::reference(id)),
    }
}

/// Plans importing the file and prints the report; applies it (re-planned in one
/// transaction) unless `dry_run`. Any line with a problem refuses the whole file.
fn import_staff(db: &Path, path: &Path, dry_run: bool, today: NaiveDate) -> Result<(), String> {
    let mut store = open_existing(db)?;
    let table = import::read_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mapping = import::recognise(&table.headers);
    let unmapped: Vec<&str> = table
        .headers
        .iter()
        .zip(&mapping)
        .filter(|(_, field)| field.is_none())
        .map(|(header, _)| header.as_str())
        .collect();
    if !unmapped.is_empty() {
        println!("Columns left out (not recognised): {}", unmapped.join(", "));
    }
    let plan = import::plan(&store, &table, &mapping, today).map_err(text)?;
    for line in plan.report() {
        println!("{line}");
    }
    if plan.errors > 0 {
        return Err(format!(
            "{} with problems; nothing was imported.",
            count(plan.errors, "line", "lines")
        ));
    }
    if dry_run {
        println!("Dry run: nothing was written.");
        return Ok(());
    }
    let done = store.import_staff(&table, &mapping, today).map_err(text)?;
    println!(
        "Imported: {} added, {} updated, {} unchanged.",
        done.added, done.updated, done.unchanged
    );
    Ok(())
}

/// Exports every register into `out` as CSV files or one workbook.
fn export(db: &Path, out: &Path, format: &str) -> Result<(), String> {
    let format = match format.to_lowercase().as_str() {
        "csv" => export::Format::Csv,
        "xlsx" | "excel" => export::Format::Xlsx,
        other => return Err(format!("--format {other}: use csv or xlsx")),
    };
    let store = open_existing(db)?;
    let done = store.export_registers(out, format).map_err(text)?;
    println!(
        "Exported {} ({} rows) to {}:",
        count(done.registers, "register", "registers"),
        done.rows,
        out.display()
    );
    for file in &done.files {
        println!("  {}", file.display());
    }
    Ok(())
}
