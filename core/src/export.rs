//! Exporting every register for use outside MentorDesk: one CSV file per register in a folder,
//! or one Excel workbook with a sheet per register. The queries (with their human headers,
//! and without confidential session notes) are `store::export`'s, which hands its sheets to
//! `write`; this module only writes.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{Format as CellFormat, Workbook, XlsxError};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// One register as a table: a title, the column headers a person reads, and the rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Integer(i64),
    Number(f64),
    Text(String),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Integer(n) => n.to_string(),
            Cell::Number(x) => x.to_string(),
            Cell::Text(t) => t.clone(),
        }
    }
}

/// The kind of file to export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// Where an export chosen into `folder` goes: the CSV files into a new folder called
    /// `name` (one export never mixes with another), the one workbook into `folder`.
    pub fn destination(self, folder: &Path, name: &str) -> PathBuf {
        match self {
            Format::Csv => folder.join(name),
            Format::Xlsx => folder.to_owned(),
        }
    }
}

/// The folder the registers' CSV files go into, named with the day's date.
pub fn registers_folder(today: NaiveDate) -> String {
    format!("MentorDesk registers {today}")
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize)]
pub struct Exported {
    pub files: Vec<PathBuf>,
    /// The number of registers (CSV files or sheets) written.
    pub registers: usize,
    /// The rows written over all registers.
    pub rows: usize,
}

/// Writes `sheets` into the folder `dir` (created if needed): a `<title>.csv` file each, or
/// one workbook called `workbook`.
pub fn write(sheets: &[Sheet], dir: &Path, format: Format, workbook: &str) -> Result<Exported> {
    crate::private::create_dir(dir)?;
    let files = match format {
        Format::Csv => sheets
            .iter()
            .map(|sheet| {
                let path = dir.join(format!("{}.csv", file_name(&sheet.title)));
                write_csv(sheet, &path).map(|()| path)
            })
            .collect::<Result<Vec<_>>>()?,
        Format::Xlsx => {
            let path = dir.join(workbook);
            write_xlsx(sheets, &path)?;
            vec![path]
        }
    };
    Ok(Exported {
        files,
        registers: sheets.len(),
        rows: sheets.iter().map(|s| s.rows.len()).sum(),
    })
}

/// "Protégés" → "proteges", "KPA allocations" → "kpa-allocations".
fn file_name(title: &str) -> String {
    crate::domain::search_key(title)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A worksheet's name for `title`: Excel allows 31 characters and none of []:*?/\, and no
/// two sheets of a book may share a name (whatever the case), so a long title is shortened
/// and a repeated one numbered.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let shortened = |limit: usize| clean.trim().chars().take(limit).collect::<String>();
    let mut name = shortened(31);
    let mut n = 1;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        n += 1;
        let suffix = format!(" ({n})");
        name = format!(
            "{}{suffix}",
            shortened(31 - suffix.chars().count()).trim_end()
        );
    }
    name
}

/// Writes one register as UTF-8 CSV with a byte-order mark, so that Excel shows accented
/// names (Protégé, Müller) as they are.
pub fn write_csv(sheet: &Sheet, path: &Path) -> Result<()> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut bytes);
        let failed = |e: csv::Error| {
            Error::invalid("file", format!("The CSV file could not be written: {e}"))
        };
        writer.write_record(&sheet.headers).map_err(failed)?;
        for row in &sheet.rows {
            writer
                .write_record(row.iter().map(Cell::text))
                .map_err(failed)?;
        }
        writer.flush().map_err(|e| Error::file(path, e))?;
    }
    crate::private::write(path, &bytes)
}

/// Writes every register as a sheet of one workbook, headers in bold and frozen.
pub fn write_xlsx(sheets: &[Sheet], path: &Path) -> Result<()> {
    let failed =
        |e: XlsxError| Error::invalid("file", format!("The Excel file could not be written: {e}"));
    let mut book = Workbook::new();
    let bold = CellFormat::new().set_bold();
    let mut names: Vec<String> = Vec::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        let name = sheet_name(&sheet.title, &names);
        ws.set_name(&name).map_err(failed)?;
        names.push(name);
        for (c, header) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, header, &bold)
                .map_err(failed)?;
            ws.set_column_width(c as u16, 18).map_err(failed)?;
        }
        ws.set_freeze_panes(1, 0).map_err(failed)?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = (r + 1) as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Integer(n) => {
                        ws.write_number(r, c, *n as f64).map_err(failed)?;
                    }
                    Cell::Number(x) => {
                        ws.write_number(r, c, *x).map_err(failed)?;
                    }
                    Cell::Text(t) => {
                        ws.write_string(r, c, t).map_err(failed)?;
                    }
                }
            }
        }
    }
    book.save(path).map_err(failed)
}
