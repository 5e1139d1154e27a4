//! The printed documents' layout model: a document is a title, a reference and a list of
//! blocks (headings, paragraphs, tables, signature blocks, charts, questions on a form, ...).
//! Builders such as `agreement` fill this model; `pdf` turns it into pages. This module owns
//! only the model's shape and its plain text; it knows nothing of fonts, pages or PDF.

pub mod pdf;

use std::path::Path;

use chrono::NaiveDate;

use crate::chart::{format_value, Chart};

pub use pdf::render as render_pdf;

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Printed large on the first page, e.g. "Mentorship agreement".
    pub title: String,
    /// Printed at the right of every page's header, e.g. "MS-0007/AGR".
    pub reference: String,
    /// The department's name, printed at the left of every page's header.
    pub organisation: String,
    /// Printed in every page's footer; passed in so that a document never reads the clock.
    pub generated_on: NaiveDate,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A numbered-clause heading, e.g. "3. Purpose"; never left alone at a page's foot.
    Heading(String),
    /// Body text, wrapped to the page; a line break in the text starts a new line.
    Paragraph(String),
    /// The title of the table, chart or list that follows, in bold; never left alone at a
    /// page's foot.
    Caption(String),
    /// Label/value pairs in two columns, the label in bold.
    Fields(Vec<(String, String)>),
    Bullets(Vec<String>),
    /// A ruled table whose header row is shaded and repeated on every page it spans. A row
    /// is never split across pages; cells beyond the number of columns are not printed.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    /// Signature blocks, two side by side per row; a row is never split across pages.
    Signatures(Vec<Signatory>),
    /// A bar or line chart drawn with its axes, value labels and legend, or its `empty` note
    /// in a frame when it has no data; a chart is never split across pages.
    Chart(Chart),
    /// A question on a form printed to be filled in by hand, with the space for its answer;
    /// a question is never split from its answer space across pages.
    Question {
        text: String,
        answer: AnswerSpace,
    },
    /// Smaller grey text for remarks that are not part of the agreement's clauses.
    Note(String),
    /// Text set in the middle of the page, as on a certificate, each wrapped line centred;
    /// `large` sets it in the title's size and weight.
    Centred {
        text: String,
        large: bool,
    },
    /// What follows starts on a new page (a letter's file copy, for example).
    PageBreak,
}

/// Where a printed question is answered.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerSpace {
    /// A row of empty tick boxes, each with its label beside it ("1", "2", ... or "Yes",
    /// "No"), continuing on further lines when they do not fit on one.
    Boxes(Vec<String>),
    /// This many ruled lines to write on.
    Lines(u8),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// The column's share of the text width; the shares of a table sum to 1.
    pub width: f32,
}

impl Column {
    pub fn new(title: &str, width: f32) -> Column {
        Column {
            title: title.to_owned(),
            width,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signatory {
    pub role: String,
    pub name: String,
}

impl Document {
    /// The footer's date line, e.g. "Generated 23 November 2026".
    pub fn generated_line(&self) -> String {
        format!("Generated {}", self.generated_on.format("%-d %B %Y"))
    }

    /// All text of the document, one line per heading, paragraph, pair, item, row or
    /// signatory, so that tests can check a builder's wording without reading a PDF.
    pub fn plain_text(&self) -> String {
        let mut lines = vec![
            self.organisation.clone(),
            self.reference.clone(),
            self.title.clone(),
        ];
        for block in &self.blocks {
            match block {
                Block::Heading(text)
                | Block::Paragraph(text)
                | Block::Caption(text)
                | Block::Note(text)
                | Block::Centred { text, .. } => lines.push(text.clone()),
                Block::Fields(pairs) => lines.extend(
                    pairs
                        .iter()
                        .map(|(label, value)| format!("{label}: {value}")),
                ),
                Block::Bullets(items) => lines.extend(items.iter().map(|item| format!("• {item}"))),
                Block::Table { columns, rows } => {
                    let titles: Vec<&str> = columns.iter().map(|c| c.title.as_str()).collect();
                    lines.push(titles.join(" | "));
                    lines.extend(rows.iter().map(|row| row.join(" | ")));
                }
                Block::Chart(chart) => chart_text(chart, &mut lines),
                Block::Question { text, answer } => {
                    lines.push(text.clone());
                    if let AnswerSpace::Boxes(options) = answer {
                        let boxes: Vec<String> =
                            options.iter().map(|option| format!("☐ {option}")).collect();
                        lines.push(boxes.join("  "));
                    }
                }
                Block::PageBreak => {}
                Block::Signatures(signatories) => {
                    for signatory in signatories {
                        lines.push(signatory.role.clone());
                        lines.push(format!("Name: {}", signatory.name));
                    }
                }
            }
        }
        lines.push(self.generated_line());
        lines.join("\n")
    }
}

/// A chart as text: its title, then a row naming the categories and a row per series with
/// its values ("Held | 4 | 7"), or its empty note when it has no data.
fn chart_text(chart: &Chart, lines: &mut Vec<String>) {
    lines.push(chart.title.clone());
    if !chart.has_data() {
        lines.push(chart.empty.clone());
        return;
    }
    let header = std::iter::once(chart.value_label.as_str())
        .chain(chart.categories.iter().map(String::as_str));
    lines.push(header.collect::<Vec<_>>().join(" | "));
    for (index, series) in chart.series.iter().enumerate() {
        let values = (0..chart.categories.len()).map(|category| {
            chart
                .value(index, category)
                .map_or("–".into(), format_value)
        });
        let row: Vec<String> = std::iter::once(series.name.clone()).chain(values).collect();
        lines.push(row.join(" | "));
    }
}

/// Renders `doc` and writes the PDF to `path`, replacing any file there. The bytes go to a
/// temporary file beside it first, so a crash or a full disk never leaves half a PDF under the
/// real name.
pub fn write_pdf(doc: &Document, path: &Path) -> crate::Result<()> {
    write_bytes(&render_pdf(doc)?, path)
}

/// Writes a PDF's bytes to `path` as `write_pdf` does.
pub fn write_bytes(bytes: &[u8], path: &Path) -> crate::Result<()> {
    let partial = path.with_extension("pdf.partial");
    crate::private::write(&partial, bytes)?;
    std::fs::rename(&partial, path).map_err(|source| {
        // The partial file is of no use to anyone once the rename has failed.
        let _ = std::fs::remove_file(&partial);
        crate::Error::file(path, source)
    })
}

/// A date as it is written in a letter: "1 April 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}
