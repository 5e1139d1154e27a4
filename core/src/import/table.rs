//! Reading a CSV or XLSX file as a table of text: a header row and the lines under it, each
//! with the line number a person sees when they open the file. It knows nothing of staff.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use serde::Serialize;

use crate::{Error, Result};

/// A file's header row and its lines, every cell as text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// One line of the file under the header.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The line (CSV) or row (spreadsheet) number as the file shows it, counting from 1.
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in `column`, trimmed; empty when the line is shorter than the header.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |c| c.trim())
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

impl Table {
    /// Builds a table from raw lines: the first line with anything in it is the header, and
    /// blank lines are left out (spreadsheets often end with some).
    fn from_lines(lines: impl Iterator<Item = Row>) -> Result<Table> {
        let mut lines = lines.filter(|r| !r.is_blank());
        let Some(header) = lines.next() else {
            return Err(Error::invalid(
                "file",
                "The file is empty: it has no header row.",
            ));
        };
        let headers: Vec<String> = header.cells.iter().map(|c| c.trim().to_owned()).collect();
        Ok(Table {
            headers,
            rows: lines.collect(),
        })
    }
}

/// Reads the file at `path` by its extension: `.xlsx`/`.xlsm` as a workbook, anything else
/// as CSV.
pub fn read_file(path: &Path) -> Result<Table> {
    let bytes = std::fs::read(path).map_err(|e| Error::file(path, e))?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" => read_xlsx(&bytes),
        _ => read_csv(&bytes),
    }
}

/// Reads CSV as exported by HR systems and spreadsheets: comma, semicolon or tab separated,
/// UTF-8 with or without a byte-order mark, or Windows Latin-1 when it is not UTF-8.
pub fn read_csv(bytes: &[u8]) -> Result<Table> {
    let text = decode(bytes);
    let delimiter = guess_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    let mut counter = LineCounter::new(&text);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e
                .position()
                .map_or(0, |p| counter.line_at(p.byte() as usize));
            Error::invalid(
                "file",
                format!("Line {line} of the CSV file cannot be read: {e}"),
            )
        })?;
        let line = record
            .position()
            .map_or(lines.len() + 1, |p| counter.line_at(p.byte() as usize));
        lines.push(Row {
            line,
            cells: record.iter().map(str::to_owned).collect(),
        });
    }
    Table::from_lines(lines.into_iter())
}

/// The text of the file: UTF-8 without its byte-order mark, or else each byte as Latin-1,
/// which is what Windows spreadsheets write for names such as "Müller".
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Tells the line a text editor shows for a byte of the file. The csv reader's own line count
/// is one short after a CRLF (the line ends Windows writes): it counts the LF only once it reads
/// on into the next record. Lines are counted here from the text instead, moving forward from
/// the last record, so a whole file costs one pass. A line break is LF, CRLF or a lone CR.
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the record that starts at `byte` (or just before it, at the line breaks
    /// the reader has not counted yet); records come in the order of the file.
    fn line_at(&mut self, byte: usize) -> usize {
        let text = self.text;
        let mut start = byte.clamp(self.at, text.len());
        while matches!(text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        for i in self.at..start {
            let lone_cr = text[i] == b'\r' && text.get(i + 1) != Some(&b'\n');
            if text[i] == b'\n' || lone_cr {
                self.line += 1;
            }
        }
        self.at = start;
        self.line
    }
}

/// The separator that occurs most on the first line: Excel in South Africa writes `;`
/// when the decimal separator is a comma.
fn guess_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| first.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',')
}

/// Reads the first sheet of an XLSX workbook. Date cells become `YYYY-MM-DD`, whole numbers
/// lose Excel's ".0", so a persal number typed as a number reads as it was typed.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table> {
    // calamine 0.31 panics on some damaged workbooks (a shared-string index past the end of
    // the table, found by fuzzing). A file must never bring the app down, so such a panic is
    // caught here and reported as a damaged file.
    std::panic::catch_unwind(|| read_workbook(bytes)).unwrap_or_else(|_| {
        Err(Error::invalid(
            "file",
            "The Excel workbook is damaged and cannot be read. Open it in Excel, save it again \
             (or save it as CSV) and choose it again.",
        ))
    })
}

fn read_workbook(bytes: &[u8]) -> Result<Table> {
    let not_a_workbook = |e: calamine::XlsxError| {
        Error::invalid(
            "file",
            format!("The file is not an Excel workbook (.xlsx) that can be read: {e}"),
        )
    };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(not_a_workbook)?;
    let Some(range) = book.worksheet_range_at(0) else {
        return Err(Error::invalid("file", "The workbook has no sheets."));
    };
    let range = range.map_err(not_a_workbook)?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_col = range.start().map_or(0, |(_, col)| col as usize);
    let lines = range.rows().enumerate().map(|(i, cells)| Row {
        line: first_row + i + 1,
        // Columns left of the used range are empty, so the cells keep their column letters.
        cells: std::iter::repeat_n(String::new(), first_col)
            .chain(cells.iter().map(cell_text))
            .collect(),
    });
    Table::from_lines(lines)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e}"),
    }
}

/// A number as a person typed it: 12345678 rather than 12345678.0.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}
