//! Fuzzes importing staff from an Excel workbook: the bytes are read as the first sheet of an
//! XLSX file, planned against a fresh store holding a unit and a staff member, and imported.
//! What must hold: nothing panics, whatever the bytes (a broken zip, a sheet with odd
//! cells); planning writes nothing; a refused import writes nothing (the audit trail's newest
//! line is unchanged); one that succeeds did what its plan said.

#![no_main]

use libfuzzer_sys::fuzz_target;
use mentordesk_core::import;

#[path = "../common/import.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::let_calamine_panics_be_caught();
    if let Ok(table) = import::read_xlsx(data) {
        common::check_import(&table);
    }
});
