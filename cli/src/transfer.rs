//! Staff imported from an HR file (planned, reported line by line, applied whole or not at all)
//! and every register exported to CSV or Excel.

use std::path::Path;

use chrono::NaiveDate;
use mentordesk_core::{export, import};

use crate::{count, open_existing, text};

/// Plans importing the file and prints the report; applies it (re-planned in one
/// transaction) unless `dry_run`. Any line with a problem refuses the whole file.
pub fn import_staff(db: &Path, path: &Path, dry_run: bool, today: NaiveDate) -> Result<(), String> {
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
pub fn export(db: &Path, out: &Path, format: &str) -> Result<(), String> {
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
