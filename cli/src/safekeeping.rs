//! Keeping the data safe from the command line: a checked backup, a restore that shows what it
//! replaces and asks first, and the audit trail listed, exported or checked.

use std::path::Path;

use chrono::NaiveDate;

use mentordesk_core::store::{EndFound, TrailCheck};
use mentordesk_core::Store;

use crate::{cli_actor, count, env_passphrase, open_existing, text};

/// Writes a checked backup of `db` to `out` and says what it holds.
pub fn backup(db: &Path, out: &Path) -> Result<(), String> {
    let store = open_existing(db)?;
    let written = store.backup_to(out).map_err(text)?;
    println!("Wrote a checked backup to {}", written.path.display());
    print_summary(&written);
    Ok(())
}

/// Shows what the backup holds, asks (unless `yes`), and restores it. A database that does not
/// exist yet (MentorDesk on a new computer) is created from the backup, with nothing to ask.
pub fn restore(db: &Path, from: &Path, yes: bool, today: NaiveDate) -> Result<(), String> {
    use std::io::{BufRead, IsTerminal, Write};
    let backup_key = env_passphrase("MENTORDESK_BACKUP_PASSPHRASE");
    if !db.exists() {
        return restore_new(db, from, backup_key.as_deref());
    }
    let mut store = open_existing(db)?;
    let summary = store
        .inspect_backup(from, backup_key.as_deref())
        .map_err(|e| backup_error(from, e))?;
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

/// Creates the database at `db` from the backup at `from`.
fn restore_new(db: &Path, from: &Path, backup_key: Option<&str>) -> Result<(), String> {
    let (_store, restored) = Store::restore_new(db, from, backup_key, &cli_actor())
        .map_err(|e| backup_error(from, e))?;
    println!("The backup {} holds:", from.display());
    print_summary(&restored);
    println!("Restored it into the new database {}.", db.display());
    if restored.encrypted {
        println!(
            "The database is encrypted with the backup's passphrase: set MENTORDESK_PASSPHRASE \
             to it to open the database from the command line."
        );
    }
    Ok(())
}

/// Words for a backup that cannot be read, telling how to give an encrypted one's passphrase.
fn backup_error(from: &Path, e: mentordesk_core::Error) -> String {
    match e {
        mentordesk_core::Error::Locked | mentordesk_core::Error::WrongPassphrase => format!(
            "{}: {e} Set MENTORDESK_BACKUP_PASSPHRASE to the backup's passphrase.",
            from.display()
        ),
        e => text(e),
    }
}

pub fn print_summary(s: &mentordesk_core::store::BackupSummary) {
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

/// Lists the trail, writes it to CSV (`out`), or checks it (`check`): its chain, and its end
/// against the backup `against` or else the newest automatic backup. A broken chain or lines
/// cut from the end are an error naming where.
pub fn audit(
    db: &Path,
    check: bool,
    against: Option<&Path>,
    out: Option<&Path>,
) -> Result<(), String> {
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
    if check || against.is_some() {
        let backup_key = env_passphrase("MENTORDESK_BACKUP_PASSPHRASE");
        let found = store
            .check_audit_trail(against, backup_key.as_deref())
            .map_err(|e| match against {
                Some(from) => backup_error(from, e),
                None => text(e),
            })?;
        return report_check(&found);
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

/// Prints what checking the trail found; a break or a cut end is the error.
fn report_check(found: &TrailCheck) -> Result<(), String> {
    if let Some(line) = found.chain.first_break {
        return Err(format!(
            "the audit trail is broken at line {line}: it was changed or a line before it \
             was removed after it was written. Lines before {line} are intact."
        ));
    }
    println!(
        "The audit trail's chain is intact: {} checked.",
        count(found.chain.lines as usize, "line", "lines")
    );
    let Some(end) = &found.end else {
        println!("There is no backup yet to check the trail's end against.");
        return Ok(());
    };
    let backup = end.backup.display();
    let saw = count(end.anchor.lines as usize, "line", "lines");
    match &end.found {
        EndFound::Holds { since } => {
            println!(
                "Its end is intact: it holds all {saw} of the backup {backup}, and {} since.",
                count(*since as usize, "line", "lines")
            );
            Ok(())
        }
        EndFound::Replaced { from, at, by } => {
            println!(
                "The backup {backup} holds the history that the restore of {at} by {by} \
                 replaced from line {from}, so it cannot vouch for the trail's end; the next \
                 backup will."
            );
            Ok(())
        }
        EndFound::Cut { from, missing } => Err(format!(
            "lines were cut from the end of the audit trail: the backup {backup} holds {saw}, \
             and from line {from} on, {missing} of them {} gone or changed.",
            if *missing == 1 { "is" } else { "are" }
        )),
    }
}
