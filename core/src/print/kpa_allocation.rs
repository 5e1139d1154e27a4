//! The printed KPA allocation: one version of a mentor's key performance areas for a cycle,
//! with the mentoring KPA's protégés and hours, the line manager's consultation and the
//! signatures. This module turns an allocation into the layout model; the rules an allocation
//! meets live in `kpa`, its storage in `store::kpa` and the drawing of pages in `document`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::batch::{Batch, Item};
use crate::cycle::Cycle;
use crate::document::{long_date, Block, Column, Document, Signatory};
use crate::domain::{Mentor, Mentorship};
use crate::kpa::{Allocation, AllocationStatus, MentoringWorkload, WeightRange};
use crate::settings::Settings;
use crate::store::{AllocationQuery, AllocationRow, Store};
use crate::Result;

/// An internal mentor as the department's documents name them.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorDetails {
    pub name: String,
    /// `None` for an external mentor, who has no persal number.
    pub persal: Option<String>,
    pub designation: String,
    pub unit: String,
    pub salary_level: Option<u8>,
    /// The mentor's line manager now: their own, or else their unit's.
    pub line_manager: Option<String>,
}

impl MentorDetails {
    pub fn load(store: &Store, mentor: &Mentor) -> Result<MentorDetails> {
        let Some(staff_id) = mentor.staff_id else {
            return Ok(MentorDetails {
                name: mentor.external_name.clone(),
                persal: None,
                designation: mentor.professional_background.clone(),
                unit: match mentor.organisation_id {
                    Some(id) => store.organisation(id)?.name,
                    None => String::new(),
                },
                salary_level: None,
                line_manager: None,
            });
        };
        let staff = store.staff(staff_id)?;
        let unit = match staff.unit_id {
            Some(id) => store.unit(id)?.name,
            None => String::new(),
        };
        let line_manager = match store.line_manager_of(staff_id)? {
            Some(id) => Some(store.staff(id)?.full_name()),
            None => None,
        };
        Ok(MentorDetails {
            name: staff.full_name(),
            persal: Some(staff.persal.clone()),
            designation: staff.designation.clone(),
            unit,
            salary_level: staff.salary_level,
            line_manager,
        })
    }

    /// The label/value lines that identify the mentor on a document.
    pub fn fields(&self) -> Vec<(String, String)> {
        vec![
            ("Name".into(), self.name.clone()),
            (
                "Persal number".into(),
                self.persal
                    .clone()
                    .unwrap_or_else(|| "None (external mentor)".into()),
            ),
            ("Designation".into(), or_not_recorded(&self.designation)),
            ("Unit".into(), or_not_recorded(&self.unit)),
            (
                "Salary level".into(),
                self.salary_level
                    .map_or_else(|| "Not recorded".into(), |level| level.to_string()),
            ),
        ]
    }
}

fn or_not_recorded(text: &str) -> String {
    if text.trim().is_empty() {
        "Not recorded".into()
    } else {
        text.trim().to_owned()
    }
}

/// Everything printed in one KPA allocation, gathered from the register.
#[derive(Debug, Clone, PartialEq)]
pub struct KpaFacts {
    pub allocation_id: i64,
    pub allocation: Allocation,
    pub mentor: MentorDetails,
    pub cycle: Cycle,
    pub workload: MentoringWorkload,
    pub range: Option<WeightRange>,
    /// The line manager recorded when the version was finalised, or the mentor's line
    /// manager now for a draft.
    pub line_manager: Option<String>,
    /// For a superseded version: the later final version that replaced it and when.
    pub superseded_by: Option<(u32, Option<NaiveDate>)>,
    pub settings: Settings,
}

impl KpaFacts {
    pub fn load(store: &Store, allocation_id: i64) -> Result<KpaFacts> {
        let allocation = store.kpa_allocation(allocation_id)?;
        let mentor = store.mentor(allocation.mentor_id)?;
        let superseded_by = match allocation.status {
            AllocationStatus::Superseded => store
                .kpa_history(allocation.mentor_id, allocation.cycle_id)?
                .into_iter()
                .filter(|row| {
                    row.version > allocation.version && row.status != AllocationStatus::Draft
                })
                .min_by_key(|row| row.version)
                .map(|row| (row.version, row.finalised_on)),
            _ => None,
        };
        Ok(KpaFacts {
            allocation_id,
            mentor: MentorDetails::load(store, &mentor)?,
            cycle: store.cycle(allocation.cycle_id)?,
            workload: store.allocation_workload(&allocation)?,
            range: store.kpa_range(allocation.mentor_id)?,
            line_manager: store.allocation_line_manager(&allocation)?,
            superseded_by,
            settings: store.settings()?,
            allocation,
        })
    }
}

/// The KPA allocation document for one allocation version, dated `today`.
pub fn kpa_allocation(store: &Store, allocation_id: i64, today: NaiveDate) -> Result<Document> {
    Ok(build(&KpaFacts::load(store, allocation_id)?, today))
}

pub use crate::kpa::reference;

/// Every clause heading of the document, in order; tests check that each one is printed.
pub const CLAUSES: [&str; 7] = [
    "1. The mentor",
    "2. The performance cycle",
    "3. Key performance areas",
    "4. The mentoring KPA",
    "5. Consultation with the line manager",
    "6. Version and status",
    "7. Signatures",
];

pub fn build(f: &KpaFacts, today: NaiveDate) -> Document {
    let a = &f.allocation;
    let mentor = &f.mentor.name;
    let cycle = &f.cycle;
    let mut blocks = Vec::new();
    if let Some(warning) = status_warning(f) {
        blocks.push(Block::Paragraph(warning));
    }
    blocks.extend([
        Block::Paragraph(format!(
            "The key performance areas (KPAs) of {mentor} for the {} performance cycle and their \
             weights, as part of the mentor's performance agreement.",
            cycle.name
        )),
        Block::Heading(CLAUSES[0].into()),
        Block::Fields(f.mentor.fields()),
        Block::Heading(CLAUSES[1].into()),
        Block::Fields(cycle_fields(cycle)),
        Block::Heading(CLAUSES[2].into()),
    ]);
    blocks.push(kpa_table(a));
    blocks.push(Block::Note(weights_note(a, f.range)));
    blocks.push(Block::Heading(CLAUSES[3].into()));
    blocks.extend(mentoring_section(f));
    blocks.push(Block::Heading(CLAUSES[4].into()));
    blocks.push(Block::Fields(consultation_fields(f)));
    blocks.push(Block::Heading(CLAUSES[5].into()));
    blocks.push(Block::Fields(version_fields(f)));
    blocks.push(Block::Heading(CLAUSES[6].into()));
    blocks.push(Block::Signatures(vec![
        Signatory {
            role: "Mentor".into(),
            name: mentor.clone(),
        },
        Signatory {
            role: "Line manager".into(),
            name: f.line_manager.clone().unwrap_or_default(),
        },
        Signatory {
            role: "Programme manager".into(),
            name: f.settings.programme_manager.clone(),
        },
    ]));
    blocks.push(Block::Note(match a.status {
        AllocationStatus::Draft => "This version is a draft for discussion: sign only the final \
             version."
            .into(),
        _ => "By signing, the mentor and the line manager agree to these KPAs and their weights, \
              and the programme manager confirms the working time given to mentoring."
            .into(),
    }));
    Document {
        title: "KPA allocation".into(),
        reference: reference(a.mentor_id, &cycle.name, a.version),
        organisation: f.settings.department_name.clone(),
        generated_on: today,
        blocks,
    }
}

/// The line that opens a version that is not in force, so no one mistakes it for one that is.
fn status_warning(f: &KpaFacts) -> Option<String> {
    let a = &f.allocation;
    match a.status {
        AllocationStatus::Draft => Some(format!(
            "DRAFT: version {} is a draft and not yet final. It takes effect only when the line \
             manager has been consulted and the programme manager marks it final.",
            a.version
        )),
        AllocationStatus::Superseded => Some(format!(
            "SUPERSEDED: {} It is kept as a record and no longer applies.",
            superseded_words(f)
        )),
        AllocationStatus::Final => None,
    }
}

/// The cycle's name, period and review dates.
fn cycle_fields(cycle: &Cycle) -> Vec<(String, String)> {
    let mut fields = vec![
        ("Cycle".into(), cycle.name.clone()),
        (
            "Period".into(),
            format!(
                "{} to {}",
                long_date(cycle.start_date),
                long_date(cycle.end_date)
            ),
        ),
    ];
    fields.extend(
        cycle
            .reviews()
            .iter()
            .map(|(label, day)| ((*label).to_owned(), long_date(*day))),
    );
    fields
}

fn superseded_words(f: &KpaFacts) -> String {
    let version = f.allocation.version;
    match f.superseded_by {
        Some((later, Some(on))) => format!(
            "version {version} was replaced by version {later}, finalised on {}.",
            long_date(on)
        ),
        Some((later, None)) => format!("version {version} was replaced by version {later}."),
        None => format!("version {version} was replaced by a later version."),
    }
}

fn kpa_table(a: &Allocation) -> Block {
    let mut rows: Vec<Vec<String>> = a
        .kpas
        .iter()
        .enumerate()
        .map(|(n, k)| {
            let title = if k.mentoring {
                format!("{} (the mentoring KPA)", k.title)
            } else {
                k.title.clone()
            };
            vec![
                (n + 1).to_string(),
                title,
                k.outputs.clone(),
                k.indicators.clone(),
                format!("{}%", k.weight),
            ]
        })
        .collect();
    rows.push(vec![
        String::new(),
        "Total".into(),
        String::new(),
        String::new(),
        format!("{}%", a.total_weight()),
    ]);
    Block::Table {
        columns: vec![
            Column::new("No.", 0.06),
            Column::new("KPA", 0.24),
            Column::new("Outputs", 0.29),
            Column::new("Performance indicators and targets", 0.29),
            Column::new("Weight", 0.12),
        ],
        rows,
    }
}

fn weights_note(a: &Allocation, range: Option<WeightRange>) -> String {
    let total = a.total_weight();
    let sum = if total == 100 {
        "The weights add up to 100%".to_owned()
    } else {
        format!("The weights add up to {total}%, not yet the 100% a final version needs")
    };
    match range {
        Some(r) => format!("{sum}; each KPA weighs between {}% and {}%.", r.min, r.max),
        None => {
            format!("{sum}; as a senior manager the mentor's KPAs are not bound to a weight range.")
        }
    }
}

fn mentoring_section(f: &KpaFacts) -> Vec<Block> {
    let a = &f.allocation;
    let w = &f.workload;
    let mentor = &f.mentor.name;
    let recorded = if a.status == AllocationStatus::Draft {
        "worked out from the mentorships as they stand"
    } else {
        "as recorded when this version was finalised"
    };
    let mut blocks = vec![Block::Paragraph(
        match a.kpas.iter().position(|k| k.mentoring) {
            Some(n) => format!(
                "KPA {} is the mentoring KPA and weighs {}%. Mentoring is part of {mentor}'s key \
             performance areas and earns no additional remuneration. Its protégés and hours, \
             {recorded}:",
                n + 1,
                a.kpas[n].weight
            ),
            None => format!(
            "No KPA of this version is marked as the mentoring KPA. Mentoring, when assigned, is \
             part of {mentor}'s key performance areas and earns no additional remuneration. Its \
             protégés and hours, {recorded}:"
        ),
        },
    )];
    if w.lines.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "No mentorship of {mentor} falls in the {} cycle.",
            f.cycle.name
        )));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Protégé", 0.26),
                Column::new("Mentorship", 0.14),
                Column::new("Period", 0.34),
                Column::new("Months in the cycle", 0.13),
                Column::new("Hours a month", 0.13),
            ],
            rows: w
                .lines
                .iter()
                .map(|l| {
                    vec![
                        l.protege.clone(),
                        Mentorship::reference(l.mentorship_id),
                        format!("{} to {}", long_date(l.start_date), long_date(l.end_date)),
                        number(l.months),
                        number(l.hours_per_month),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Fields(vec![
        (
            "Norm per protégé".into(),
            format!(
                "{} mentoring + {} preparation = {} a month",
                hours(w.mentoring_hours_per_protege),
                hours(w.preparation_hours_per_protege),
                hours(w.mentoring_hours_per_protege + w.preparation_hours_per_protege)
            ),
        ),
        (
            "Total hours a month".into(),
            format!(
                "{}, averaged over the cycle's {} months",
                hours(w.hours_per_month),
                number(w.cycle_months)
            ),
        ),
        (
            "Share of working time".into(),
            format!(
                "{}% of {} working hours a month",
                number(w.share_percent),
                number(w.working_hours_per_month)
            ),
        ),
    ]));
    blocks
}

fn consultation_fields(f: &KpaFacts) -> Vec<(String, String)> {
    let a = &f.allocation;
    vec![
        (
            "Line manager".into(),
            f.line_manager
                .clone()
                .unwrap_or_else(|| "Not recorded".into()),
        ),
        (
            "Consulted on".into(),
            a.consulted_on
                .map_or_else(|| "Not yet consulted".into(), long_date),
        ),
        (
            "Outcome".into(),
            a.consultation_outcome
                .map_or_else(|| "Not yet recorded".into(), |o| o.label().to_owned()),
        ),
        ("Notes".into(), or_none(&a.consultation_notes)),
    ]
}

fn or_none(text: &str) -> String {
    if text.trim().is_empty() {
        "None".into()
    } else {
        text.trim().to_owned()
    }
}

fn version_fields(f: &KpaFacts) -> Vec<(String, String)> {
    let a = &f.allocation;
    let mut fields = vec![
        ("Version".into(), a.version.to_string()),
        ("Status".into(), status_words(f)),
    ];
    if let Some(on) = a.finalised_on {
        fields.push(("Finalised on".into(), long_date(on)));
    }
    fields
}

/// The status with what it means for the reader.
fn status_words(f: &KpaFacts) -> String {
    match f.allocation.status {
        AllocationStatus::Draft => "Draft, not yet final: it takes effect only once the line \
             manager has been consulted and the programme manager has marked it final"
            .into(),
        AllocationStatus::Final => format!(
            "Final: this version applies for the {} cycle until a later version replaces it",
            f.cycle.name
        ),
        AllocationStatus::Superseded => format!(
            "Superseded: {} This version no longer applies",
            superseded_words(f)
        ),
    }
}

/// A number without trailing zeros: "3", "2.5", "2.92".
pub use crate::chart::format_value as number;

/// Hours with their unit: "1 hour", "2.5 hours".
pub fn hours(x: f64) -> String {
    let n = number(x);
    if n == "1" {
        "1 hour".into()
    } else {
        format!("{n} hours")
    }
}

/// Prints one allocation into `dir` and returns the file's path, named after the reference
/// (e.g. MT-0003-KPA-2026-27-v2.pdf).
pub fn write_kpa_allocation(
    store: &Store,
    allocation_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    write_built(&KpaFacts::load(store, allocation_id)?, today, dir)
}

/// Lays out the allocation of `f` and writes it into `dir`.
fn write_built(f: &KpaFacts, today: NaiveDate, dir: &Path) -> Result<PathBuf> {
    let doc = build(f, today);
    let path = dir.join(format!("{}.pdf", file_stem(&doc.reference)));
    crate::document::write_pdf(&doc, &path)?;
    Ok(path)
}

/// Prints the allocations `rows` (a cycle's, from `cycle_allocations`) into `folder`, created
/// if needed, on every core; one that fails is listed and the batch goes on, and `told(done,
/// total, mentor)` follows each one (see `batch::print`).
pub fn write_kpa_allocations<S, E>(
    store: impl Fn() -> std::result::Result<S, E>,
    rows: &[AllocationRow],
    today: NaiveDate,
    folder: &Path,
    told: impl FnMut(usize, usize, &str),
) -> std::result::Result<Batch, E>
where
    S: std::ops::Deref<Target = Store>,
    E: From<crate::Error> + std::fmt::Display,
{
    let items: Vec<Item> = rows
        .iter()
        .map(|row| Item {
            id: row.id,
            name: row.mentor.clone(),
        })
        .collect();
    super::batch::print(
        store,
        folder,
        &items,
        KpaFacts::load,
        |facts, dir| write_built(&facts, today, dir),
        told,
    )
}

/// A reference made safe as a file name on any system: a cycle's name is typed by a person
/// and may hold characters a file name cannot.
fn file_stem(reference: &str) -> String {
    reference
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// What a batch print of one cycle's allocations covers.
#[derive(Debug, Clone, PartialEq)]
pub struct CycleAllocations {
    /// The latest version of each mentor's allocation for the cycle.
    pub latest: Vec<AllocationRow>,
    /// The internal mentors (not archived) who have no allocation in the cycle, by name.
    pub without_allocation: Vec<String>,
}

/// The latest version of every mentor's allocation for `cycle_id`, and the internal mentors
/// who have none yet.
pub fn cycle_allocations(store: &Store, cycle_id: i64) -> Result<CycleAllocations> {
    store.cycle(cycle_id)?;
    let latest = store.kpa_allocations(&AllocationQuery {
        cycle_id: Some(cycle_id),
        latest_only: true,
        ..AllocationQuery::default()
    })?;
    let mut without_allocation = Vec::new();
    for row in store.mentors("", false)? {
        if latest.iter().any(|a| a.mentor_id == row.id) {
            continue;
        }
        if !store.mentor(row.id)?.is_external() {
            without_allocation.push(row.name);
        }
    }
    Ok(CycleAllocations {
        latest,
        without_allocation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_without_trailing_zeros() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(2.916), "2.92");
        assert_eq!(number(-0.001), "0");
        assert_eq!(hours(1.0), "1 hour");
        assert_eq!(hours(2.0), "2 hours");
    }

    #[test]
    fn the_reference_and_file_name_carry_mentor_cycle_and_version() {
        let r = reference(3, "2026/27", 2);
        assert_eq!(r, "MT-0003/KPA/2026-27/v2");
        assert_eq!(file_stem(&r), "MT-0003-KPA-2026-27-v2");
        assert_eq!(file_stem("MT-0001/KPA/a:b*c/v1"), "MT-0001-KPA-a-b-c-v1");
    }
}
