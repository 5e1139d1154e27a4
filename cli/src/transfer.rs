//! Staff imported from an HR file (planned, reported line by line, applied whole or not at all,
//! with a progress bar on a terminal) and every register exported to CSV or Excel.

use std::path::Path;

use chrono::NaiveDate;
use indicatif::ProgressBar;
use mentordesk_core::{export, import};

use crate::{count, open_existing, progress, text};

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
    let bar = progress(table.rows.len(), "staff import,");
    let plan = import::plan_with_progress(&store, &table, &mapping, today, &mut |p| tell(&bar, p))
        .map_err(text)?;
    bar.finish_and_clear();
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
    let bar = progress(table.rows.len(), "staff import,");
    let done = store
        .import_staff_with_progress(&table, &mapping, today, |p| tell(&bar, p))
        .map_err(text)?;
    bar.finish_and_clear();
    println!(
        "Imported: {} added, {} updated, {} unchanged.",
        done.added, done.updated, done.unchanged
    );
    Ok(())
}

/// Moves the import's progress bar. The bar draws on stderr only when it is a terminal
/// (indicatif hides it otherwise), so a script or a log gets the final line alone.
fn tell(bar: &ProgressBar, p: import::Progress) {
    bar.set_length(p.total as u64);
    bar.set_position(p.done as u64);
    bar.set_message(p.stage.label());
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
