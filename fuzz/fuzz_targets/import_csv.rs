//! Fuzzes importing staff from CSV: the bytes are read as a table, planned against a fresh
//! store holding a unit and a staff member, and imported. What must hold: nothing panics,
//! whatever the bytes; planning writes nothing; an import that is refused (a line with a
//! problem, or a failure while applying) writes nothing either (the audit trail's newest
//! line is the same before and after); one that succeeds did what its plan said.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mentordesk_core::import;

#[path = "../common/import.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = import::read_csv(data) {
        common::check_import(&table);
    }
});
