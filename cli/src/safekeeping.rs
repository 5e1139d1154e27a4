//! Keeping the data safe from the command line: a checked backup, a restore that shows what it
//! replaces and asks first, and the audit trail listed, exported or checked.

use std::path::Path;

use chrono::NaiveDate;

use crate::{count, env_passphrase, open_existing, text};

/// Writes a checked backup of `db` to `out` and says what it holds.
pub fn backup(db: &Path, out: &Path) -> Result<(), String> {
    let store = open_existing(db)?;
    let written = store.backup_to(out).map_err(text)?;
    println!("Wrote a checked backup to {}", written.path.display());
    print_summary(&written);
    Ok(())
}

/// Shows what the backup holds, asks (unless `yes`), and restores it.
pub fn restore(db: &Path, from: &Path, yes: bool, today: NaiveDate) -> Result<(), String> {
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

/// Lists the trail, writes it to CSV (`out`), or checks its chain (`check`); a broken chain
/// is an error naming the first line that does not follow from the ones before it.
pub fn audit(db: &Path, check: bool, out: Option<&Path>) -> Result<(), String> {
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
