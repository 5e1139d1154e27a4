//! `mentordesk-cli`: MentorDesk without a window, for IT support, batch printing and machines
//! without a display. It parses arguments, calls core and reports; it holds no rules of its own.
//! This file holds the commands' arguments and what they share; each command runs in the module
//! of its area: `programme` (the sample), `documents` (printing), `packs` (audit packs),
//! `selection` (suggestions and assignment), `safekeeping` (backup, restore, audit trail) and
//! `transfer` (import, export).

mod documents;
mod packs;
mod programme;
mod safekeeping;
mod selection;
mod transfer;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use mentordesk_core::programme::ReportOptions;
use mentordesk_core::Store;

/// MentorDesk from the command line: sample data and printed documents, no window needed.
#[derive(Parser)]
#[command(name = "mentordesk-cli", version, about, long_about = None)]
#[command(after_help = "Examples:\n  \
    mentordesk-cli demo --db sample.sqlite3\n  \
    mentordesk-cli agreement --db sample.sqlite3 --mentorship MS-0001 --out MS-0001.pdf\n  \
    mentordesk-cli agreements --db sample.sqlite3 --out agreements/\n  \
    mentordesk-cli audit-pack --db sample.sqlite3 --mentorship MS-0002 --out MS-0002-audit-pack.pdf\n  \
    mentordesk-cli audit-packs --db sample.sqlite3 --out audit-packs/\n  \
    mentordesk-cli termination-letters --db sample.sqlite3 --mentorship MS-0011 --out MS-0011-letters.pdf\n  \
    mentordesk-cli certificate --db sample.sqlite3 --mentorship MS-0009 --out MS-0009-certificate.pdf\n  \
    mentordesk-cli kpa --db sample.sqlite3 --out kpa/ --cycle 2026/27\n  \
    mentordesk-cli contracts --db sample.sqlite3 --out contracts/\n  \
    mentordesk-cli reports --db sample.sqlite3 --from 2026-10-01 --to 2026-12-31 --out reports/\n  \
    mentordesk-cli suggest --db sample.sqlite3 --protege APP-0001\n  \
    mentordesk-cli assign --db sample.sqlite3 --intake \"December 2026 intake\"\n  \
    mentordesk-cli letters --db sample.sqlite3 --out letters/\n  \
    mentordesk-cli audit --db sample.sqlite3 --check --against /media/usb/mentordesk-backup.sqlite3\n  \
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
    /// Print the termination letters of one mentorship as a PDF: a letter to the mentor, the
    /// protégé and the protégé's line manager, each on its own page. Refused while no decision
    /// to terminate is recorded.
    TerminationLetters {
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
    /// Print the protégé's certificate of completion of one mentorship as a PDF. Refused
    /// unless the mentorship is completed.
    Certificate {
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
    /// Print one mentorship's audit pack: its signed paper, logs, reports, letters and audit trail in one PDF.
    AuditPack {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The mentorship, e.g. MS-0007 or 7.
        #[arg(long, value_name = "MS-NNNN")]
        mentorship: String,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Print the audit pack of every mentorship into a folder.
    AuditPacks {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// The folder to write the PDFs into (created if needed).
        #[arg(long, value_name = "DIR")]
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
        #[command(flatten)]
        period: PeriodArgs,
        /// The folder to write the PDFs into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print the programme report for a period as a PDF: participation, activity, outcomes,
    /// the mentors' workload and employment equity, with charts. No one is named in it unless
    /// --names asks for the appendix.
    ProgrammeReport {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        #[command(flatten)]
        period: PeriodArgs,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Also write every table of the report as a CSV file into this folder.
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// Add the appendix that lists the mentorships under way by name.
        #[arg(long)]
        names: bool,
        /// Add the written answers of the evaluation forms (without names).
        #[arg(long)]
        comments: bool,
    },
    /// Show the audit trail (newest first), export it to CSV, or check its hash chain.
    Audit {
        /// The programme's database file.
        #[arg(long, value_name = "FILE")]
        db: PathBuf,
        /// Check that no line was changed or removed; fails naming the first broken line, or
        /// the lines cut from the end that the newest automatic backup holds.
        #[arg(long)]
        check: bool,
        /// Check the trail's end against this backup instead of the newest automatic one
        /// (an encrypted backup's passphrase from MENTORDESK_BACKUP_PASSPHRASE).
        #[arg(long, value_name = "BACKUP")]
        against: Option<PathBuf>,
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
    /// Print the blank form of every evaluation owed today (mid-point and end forms not yet
    /// answered) into a folder, to be filled in by hand.
    EvaluationForms {
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
    /// what it replaces into the backups folder beside the database; a database that does not
    /// exist yet is created from the backup (MentorDesk on a new computer).
    Restore {
        /// The programme's database file (created when it does not exist yet).
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
        Command::Demo { db } => programme::demo(db, today),
        Command::Agreement {
            db,
            mentorship,
            out,
        } => documents::agreement(db, mentorship, out, today),
        Command::TerminationLetters {
            db,
            mentorship,
            out,
        } => documents::termination_letters(db, mentorship, out, today),
        Command::Certificate {
            db,
            mentorship,
            out,
        } => documents::certificate(db, mentorship, out, today),
        Command::Agreements { db, out } => documents::agreements(db, out, today),
        Command::AuditPack {
            db,
            mentorship,
            out,
        } => packs::audit_pack(db, mentorship, out, today),
        Command::AuditPacks { db, out } => packs::audit_packs(db, out, today),
        Command::Kpa { db, out, cycle } => documents::kpa(db, out, cycle, today),
        Command::Contracts { db, out } => documents::contracts(db, out, today),
        Command::Reports { db, period, out } => documents::reports(db, &period, out, today),
        Command::Letters { db, out } => documents::letters(db, out, today),
        Command::EvaluationForms { db, out } => documents::evaluation_forms(db, out, today),
        Command::ProgrammeReport {
            db,
            period,
            out,
            csv,
            names,
            comments,
        } => {
            let options = ReportOptions {
                with_names: names,
                with_comments: comments,
            };
            documents::programme_report(db, &period, out, csv, options, today)
        }
        Command::Suggest { db, protege } => selection::suggest(db, protege, today),
        Command::Assign { db, intake } => selection::assign(db, intake, today),
        Command::Backup { db, out } => safekeeping::backup(&db, &out),
        Command::Restore { db, from, yes } => safekeeping::restore(&db, &from, yes, today),
        Command::Audit {
            db,
            check,
            against,
            out,
        } => safekeeping::audit(&db, check, against.as_deref(), out.as_deref()),
        Command::ImportStaff { db, path, dry_run } => {
            transfer::import_staff(&db, &path, dry_run, today)
        }
        Command::Export { db, out, format } => transfer::export(&db, &out, &format),
    }
}

/// A date given on the command line, refused in words that name the option.
fn parse_date(option: &str, text: &str) -> Result<NaiveDate, String> {
    text.trim().parse().map_err(|_| {
        format!("{option} \"{text}\" is not a date; write it as YYYY-MM-DD, e.g. 2026-09-30")
    })
}

/// A period given as `--from` and `--to`.
#[derive(clap::Args)]
struct PeriodArgs {
    /// The period's first day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    from: String,
    /// The period's last day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    to: String,
}

impl PeriodArgs {
    /// The first and last day, refused in words that name the options.
    fn dates(&self) -> Result<(NaiveDate, NaiveDate), String> {
        let from = parse_date("--from", &self.from)?;
        let to = parse_date("--to", &self.to)?;
        if to < from {
            return Err(format!(
                "--to {to} is before --from {from}; give the period's first day, then its last"
            ));
        }
        Ok((from, to))
    }
}

/// "1 mentor contract", "5 mentor contracts".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn create_dir(dir: &Path) -> Result<(), String> {
    mentordesk_core::private::create_dir(dir).map_err(|e| e.to_string())
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

/// Who the audit trail names for changes made here: the program and the computer's user, as
/// nobody signs in to the command line.
pub(crate) fn cli_actor() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown user".into());
    format!("mentordesk-cli ({user})")
}
