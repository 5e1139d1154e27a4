//! The writer the crash test (`tests/crash.rs`) kills. It opens a database file through the
//! real store, as the app does (WAL, audit triggers), and writes groups of records until it is
//! killed: each group is one transaction holding a unit, three staff members in it and then
//! the unit's line manager (a change to a row written earlier in the same transaction). Only
//! after a group's commit returns does it print `committed <n>`, so every number printed is a
//! promise the file must keep whatever moment the kill lands at.
//!
//! Usage: `crash_writer FILE`; the passphrase of an encrypted file in `CRASH_PASSPHRASE`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use mentordesk_core::domain::{Staff, Unit};
use mentordesk_core::{Result, Store};

/// How many staff members each group holds.
const STAFF_PER_GROUP: usize = 3;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: crash_writer FILE");
        return ExitCode::FAILURE;
    };
    match write_until_killed(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crash_writer: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_until_killed(path: &std::path::Path) -> Result<()> {
    let passphrase = std::env::var("CRASH_PASSPHRASE").ok();
    let mut store = Store::open_with(path, passphrase.as_deref())?;
    store.set_actor("crash writer");
    let mut group = next_group(&store)?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "open").and_then(|()| out.flush());
    loop {
        store.in_transaction(|store| write_group(store, group))?;
        // Printed and flushed only once the commit has returned.
        if writeln!(out, "committed {group}")
            .and_then(|()| out.flush())
            .is_err()
        {
            return Ok(()); // The test stopped listening.
        }
        group += 1;
    }
}

/// One past the highest group already in the file, so rounds on the same file never clash.
fn next_group(store: &Store) -> Result<u64> {
    let last = store
        .units(true)?
        .iter()
        .filter_map(|unit| unit.name.strip_prefix("Crash unit ")?.parse::<u64>().ok())
        .max();
    Ok(last.map_or(1, |n| n + 1))
}

fn write_group(store: &mut Store, group: u64) -> Result<()> {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default();
    let mut unit = Unit {
        id: None,
        name: format!("Crash unit {group}"),
        line_manager_id: None,
        archived: false,
    };
    unit.id = Some(store.save_unit(&unit)?);
    let mut first = None;
    for member in 0..STAFF_PER_GROUP {
        let id = store.save_staff(&staff(group, member, unit.id), today)?;
        first = first.or(Some(id));
    }
    unit.line_manager_id = first;
    store.save_unit(&unit)?;
    Ok(())
}

/// Staff member `member` of `group`: persal `1gggggggm`, surname `Crash g`.
fn staff(group: u64, member: usize, unit_id: Option<i64>) -> Staff {
    Staff {
        id: None,
        persal: format!("1{group:08}{member}"),
        first_names: format!("Member {member}"),
        surname: format!("Crash {group}"),
        gender: None,
        race: None,
        date_of_birth: None,
        disability: false,
        designation: "Clerk".to_owned(),
        salary_level: Some(5),
        unit_id,
        line_manager_id: None,
        location: None,
        public_service_start: None,
        unit_start: None,
        email: String::new(),
        phone: String::new(),
        archived: false,
    }
}
