//! `mentordesk-cli`: MentorDesk without a window, for IT support, batch printing and machines
//! without a display. It parses arguments, calls core and reports; it holds no rules of its own.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use mentordesk_core::domain::Status;
use mentordesk_core::store::MentorshipQuery;
use mentordesk_core::{agreement, sample, Store};

/// MentorDesk from the command line: sample data and printed documents, no window needed.
#[derive(Parser)]
#[command(name = "mentordesk-cli", version, about, long_about = None)]
#[command(after_help = "Examples:\n  \
    mentordesk-cli demo --db sample.sqlite3\n  \
    mentordesk-cli agreement --db sample.sqlite3 --mentorship MS-0001 --out MS-0001.pdf\n  \
    mentordesk-cli agreements --db sample.sqlite3 --out agreements/")]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// Date to print on documents and to place the sample around (YYYY-MM-DD); default today.
    #[arg(long, global = true, value_name = "DATE")]
    today: Option<NaiveDate>,
}

#[derive(Subcommand)]
enum Command {
    /// Create the sample programme (30 staff, 6 mentors, 10 protégés, 8 mentorships) in a new database file.
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
        Command::Demo { db } => {
            if db.exists() && !open_existing(&db)?.is_empty().map_err(text)? {
                return Err(format!(
                    "{} already holds a register; give a new file for the sample.",
                    db.display()
                ));
            }
            let mut store = Store::open(&db).map_err(text)?;
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
            std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
            let active = store
                .mentorships(&MentorshipQuery {
                    status: Some(Status::Active),
                    ..Default::default()
                })
                .map_err(text)?;
            let bar = ProgressBar::new(active.len() as u64).with_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} agreements {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            for row in &active {
                bar.set_message(row.reference.clone());
                agreement::write_agreement(&store, row.id, today, &out).map_err(text)?;
                bar.inc(1);
            }
            bar.finish_and_clear();
            println!("Wrote {} agreements to {}", active.len(), out.display());
        }
    }
    Ok(())
}

fn text(err: mentordesk_core::Error) -> String {
    err.to_string()
}

/// Opens a database that must already exist: reading commands never create an empty file.
fn open_existing(db: &Path) -> Result<Store, String> {
    if !db.is_file() {
        return Err(format!("there is no database at {}", db.display()));
    }
    Store::open(db).map_err(|e| format!("{}: {e}", db.display()))
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
