//! The programme report as a PDF: the figures of `programme` for a period, each section's
//! tables and its charts drawn as vector graphics. No person is named in it unless the
//! officer asks for the appendix, and counts of small groups read "fewer than 3".

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::document::{Block, Column, Document};
pub use crate::programme::ReportOptions;
use crate::programme::{FigureTable, ProgrammeFigures};
use crate::progress::Period;
use crate::settings::Settings;
use crate::{Result, Store};

/// The programme report for `period`, seen on `today`.
pub fn programme_report(
    store: &Store,
    period: &Period,
    options: ReportOptions,
    today: NaiveDate,
) -> Result<Document> {
    let figures = store.programme_figures(period, today)?;
    Ok(build(&figures, &store.settings()?, options, today))
}

/// Prints the report into the folder `dir` under `file_name` and returns the file's path.
pub fn write_programme_report(
    store: &Store,
    period: &Period,
    options: ReportOptions,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let path = dir.join(file_name(period));
    crate::document::write_pdf(&programme_report(store, period, options, today)?, &path)?;
    Ok(path)
}

/// The file a period's report is saved as: "programme-report-2026-10-01-to-2026-12-31.pdf".
pub fn file_name(period: &Period) -> String {
    format!("programme-report-{}-to-{}.pdf", period.from, period.to)
}

/// The report of figures already counted, named as the settings name the programme.
pub fn build(
    f: &ProgrammeFigures,
    settings: &Settings,
    options: ReportOptions,
    today: NaiveDate,
) -> Document {
    let mut blocks = vec![
        Block::Paragraph(format!(
            "How the {} is doing in the period {}: who takes part, what the \
             mentorships did and achieved, how much the mentors carried, and whether the \
             programme reaches the designated groups of employment equity.",
            settings.programme_name, f.period.label
        )),
        Block::Note(format!(
            "Counted from MentorDesk's records on {today}. Drafts and archived records are left \
             out. To protect small groups, a count of people above nought and under {n} reads \
             \"fewer than {n}\", and where a column would hide only one such count the next \
             smallest is \"not shown\" either.{names}",
            n = f.smallest_count,
            names = if options.with_names {
                " The appendix names the people in the programme: keep this report confidential."
            } else {
                " No one is named in this report."
            }
        )),
    ];
    let view = f.view(options);
    for (n, section) in view.sections.into_iter().enumerate() {
        blocks.push(Block::Heading(format!("{}. {}", n + 1, section.title)));
        for table in &section.tables {
            push_table(&mut blocks, table);
        }
        blocks.extend(section.notes.into_iter().map(Block::Note));
        blocks.extend(section.charts.into_iter().map(Block::Chart));
    }
    if let Some(comments) = &view.comments {
        push_table(&mut blocks, comments);
    }
    if let Some(appendix) = &view.appendix {
        blocks.push(Block::PageBreak);
        push_table(&mut blocks, appendix);
    }
    Document {
        title: "Programme report".into(),
        reference: format!("Programme report {} to {}", f.period.from, f.period.to),
        organisation: settings.department_name.clone(),
        generated_on: today,
        blocks,
    }
}

/// A table under its own title, each column as wide as its longest text asks, counted
/// between 8 and 40 characters so that no column is starved or takes the whole width.
fn push_table(blocks: &mut Vec<Block>, table: &FigureTable) {
    let longest = |i: usize| {
        let cells = table.rows.iter().filter_map(|row| row.get(i));
        let text = cells.chain(table.columns.get(i)).map(|t| t.chars().count());
        text.max().unwrap_or(0).clamp(8, 40) as f32
    };
    let wanted: Vec<f32> = (0..table.columns.len()).map(longest).collect();
    let total: f32 = wanted.iter().sum();
    let columns = table
        .columns
        .iter()
        .zip(&wanted)
        .map(|(title, w)| Column::new(title, w / total))
        .collect();
    blocks.push(Block::Caption(table.title.clone()));
    blocks.push(Block::Table {
        columns,
        rows: table.rows.clone(),
    });
}
