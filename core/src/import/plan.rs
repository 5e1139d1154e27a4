//! The plan of an import: for each line of the file, a new staff member, an update with what
//! changes, unchanged, or the problems that refuse it, in words naming the line and the
//! column. Planning only reads what is registered (`Registered`, which the store answers);
//! `Store::import_staff` applies a plan.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::progress::{Progress, Stage, Ticker};
use super::value::{self, parse_date};
use super::{Field, Row, Table};
use crate::domain::{Staff, Unit};
use crate::{Error, Result};

/// What an import would do (or, returned by `Store::import_staff`, what it did).
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub lines: Vec<PlannedLine>,
    /// Components named in the file that are not units yet; the import creates them.
    pub new_units: Vec<String>,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Lines with at least one problem. The import is refused while this is not zero.
    pub errors: usize,
}

/// One line of the file and what becomes of it.
#[derive(Debug, Clone, Serialize)]
pub struct PlannedLine {
    pub line: usize,
    pub persal: String,
    pub name: String,
    /// The post and unit as they will be, so a person can check a new line at a glance.
    pub designation: String,
    pub unit: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The record to save, with the name of a unit still to be created.
    #[serde(skip)]
    pub(crate) record: Option<(Staff, Option<String>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Add,
    Update { changes: Vec<Change> },
    Unchanged,
    Error { problems: Vec<Problem> },
}

/// A field an update changes, as a person reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub field: &'static str,
    pub old: String,
    pub new: String,
}

/// Something wrong on a line. `column` is the file's column, when one is to blame.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub column: Option<usize>,
    pub message: String,
}

/// What an applied import did: its plan, with nothing left in error.
pub type ImportResult = Plan;

impl Plan {
    /// One sentence of counts, e.g. "3 to add, 1 to update, 6 unchanged, 0 with errors".
    pub fn summary(&self) -> String {
        let mut text = format!(
            "{} to add, {} to update, {} unchanged, {} with errors",
            self.added, self.updated, self.unchanged, self.errors
        );
        if !self.new_units.is_empty() {
            text.push_str(&format!("; new units: {}", self.new_units.join(", ")));
        }
        text
    }

    /// The report as lines of text: every problem, then every change, then the summary.
    pub fn report(&self) -> Vec<String> {
        let mut out = Vec::new();
        for line in &self.lines {
            if let Outcome::Error { problems } = &line.outcome {
                out.extend(problems.iter().map(|p| p.message.clone()));
            }
        }
        for line in &self.lines {
            let who = format!("Line {}, {} {}", line.line, line.persal, line.name);
            match &line.outcome {
                Outcome::Add => out.push(format!("{who}: new staff member")),
                Outcome::Update { changes } => {
                    let what: Vec<String> = changes
                        .iter()
                        .map(|c| format!("{} '{}' → '{}'", c.field, c.old, c.new))
                        .collect();
                    out.push(format!("{who}: {}", what.join("; ")));
                }
                _ => {}
            }
        }
        out.push(self.summary());
        out
    }
}

/// The columns of the file that fill each field, checked: a field at most once, and the
/// persal number, the surname and the first names or initials present.
struct Columns(HashMap<Field, usize>);

impl Columns {
    fn new(table: &Table, mapping: &[Option<Field>]) -> Result<Columns> {
        if mapping.len() > table.headers.len() {
            return Err(Error::invalid(
                "mapping",
                "The column choices do not match the file's columns; choose the file again.",
            ));
        }
        let mut columns = HashMap::new();
        for (index, field) in mapping.iter().enumerate() {
            let Some(field) = field else { continue };
            if let Some(first) = columns.insert(*field, index) {
                return Err(Error::invalid(
                    "mapping",
                    format!(
                        "Columns '{}' and '{}' are both chosen as {}; choose one.",
                        table.headers[first],
                        table.headers[index],
                        field.label()
                    ),
                ));
            }
        }
        for (needed, what) in [
            (Field::Persal, "the persal number"),
            (Field::Surname, "the surname"),
        ] {
            if !columns.contains_key(&needed) {
                return Err(Error::invalid(
                    "mapping",
                    format!("Choose the column that holds {what}."),
                ));
            }
        }
        if !columns.contains_key(&Field::FirstNames) && !columns.contains_key(&Field::Initials) {
            return Err(Error::invalid(
                "mapping",
                "Choose the column that holds the first names or the initials.",
            ));
        }
        Ok(Columns(columns))
    }

    fn of(&self, field: Field) -> Option<usize> {
        self.0.get(&field).copied()
    }

    /// The cell of `field` on `row`, when the field is mapped and the cell is not blank.
    fn cell<'r>(&self, row: &'r Row, field: Field) -> Option<&'r str> {
        self.of(field)
            .map(|c| row.cell(c))
            .filter(|s| !s.is_empty())
    }
}

/// What planning reads of the register: the units (id and name, archived ones too) and the
/// staff member a persal number names. `store::import` answers it from the database.
pub trait Registered {
    fn units(&self) -> Result<Vec<(i64, String)>>;
    fn staff_by_persal(&self, persal: &str) -> Result<Option<Staff>>;
}

/// The units by folded name, and their names by id, read once for the whole file.
struct Units {
    by_name: HashMap<String, (i64, String)>,
    names: HashMap<i64, String>,
}

impl Units {
    fn load(register: &impl Registered) -> Result<Units> {
        let rows = register.units()?;
        Ok(Units {
            by_name: rows
                .iter()
                .map(|(id, name)| (unit_key(name), (*id, name.clone())))
                .collect(),
            names: rows.into_iter().collect(),
        })
    }

    fn name(&self, id: Option<i64>) -> String {
        id.and_then(|id| self.names.get(&id).cloned())
            .unwrap_or_default()
    }
}

fn unit_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Plans importing `table` with `mapping` (the field of each column, `None` to leave it out).
/// A blank cell leaves the stored value as it is, so a file never erases what it does not
/// hold; initials fill the first names only of a staff member who has none yet.
pub fn plan(
    register: &impl Registered,
    table: &Table,
    mapping: &[Option<Field>],
    today: NaiveDate,
) -> Result<Plan> {
    plan_with_progress(register, table, mapping, today, &mut |_| {})
}

/// `plan`, telling `told` how many of the file's lines have been checked.
pub fn plan_with_progress(
    register: &impl Registered,
    table: &Table,
    mapping: &[Option<Field>],
    today: NaiveDate,
    told: &mut dyn FnMut(Progress),
) -> Result<Plan> {
    let columns = Columns::new(table, mapping)?;
    let units = Units::load(register)?;
    let mut new_units: Vec<String> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut lines = Vec::with_capacity(table.rows.len());
    let mut ticker = Ticker::start(Stage::Checking, table.rows.len(), told);
    for (n, row) in table.rows.iter().enumerate() {
        let line = plan_line(register, &columns, &units, row, today, &mut seen)?;
        ticker.reached(n + 1);
        if let Some((_, Some(unit))) = &line.record {
            if !new_units.iter().any(|u| unit_key(u) == unit_key(unit)) {
                new_units.push(unit.clone());
            }
        }
        lines.push(line);
    }
    let count = |f: fn(&Outcome) -> bool| lines.iter().filter(|l| f(&l.outcome)).count();
    Ok(Plan {
        added: count(|o| matches!(o, Outcome::Add)),
        updated: count(|o| matches!(o, Outcome::Update { .. })),
        unchanged: count(|o| matches!(o, Outcome::Unchanged)),
        errors: count(|o| matches!(o, Outcome::Error { .. })),
        new_units,
        lines,
    })
}

fn blank_staff(persal: &str) -> Staff {
    Staff {
        id: None,
        persal: persal.to_owned(),
        first_names: String::new(),
        surname: String::new(),
        gender: None,
        race: None,
        date_of_birth: None,
        disability: false,
        designation: String::new(),
        salary_level: None,
        unit_id: None,
        line_manager_id: None,
        location: None,
        public_service_start: None,
        unit_start: None,
        email: String::new(),
        phone: String::new(),
        archived: false,
    }
}

fn plan_line(
    register: &impl Registered,
    columns: &Columns,
    units: &Units,
    row: &Row,
    today: NaiveDate,
    seen: &mut HashMap<String, usize>,
) -> Result<PlannedLine> {
    let persal = value::persal(columns.cell(row, Field::Persal).unwrap_or(""));
    let mut problems = Vec::new();
    let problem = |field: Field, what: String| Problem {
        column: columns.of(field),
        message: format!("Line {}, {}: {what}", row.line, field.label()),
    };
    if let Some(first) = seen.get(&persal).filter(|_| !persal.is_empty()) {
        problems.push(problem(
            Field::Persal,
            format!("{persal} is also on line {first}; a staff member may appear once."),
        ));
    } else {
        seen.insert(persal.clone(), row.line);
    }
    let existing = match persal.is_empty() {
        true => None,
        false => register.staff_by_persal(&persal)?,
    };
    let mut staff = existing.clone().unwrap_or_else(|| blank_staff(&persal));
    let mut new_unit = None;
    for &field in Field::ALL {
        let Some(text) = columns.cell(row, field) else {
            continue;
        };
        if let Err(what) = fill(&mut staff, field, text, units, &mut new_unit) {
            problems.push(problem(field, what));
        }
    }
    // Validation stops at its first error; one the cells already explained is not repeated.
    if let Err(Error::Invalid { field, message }) = staff.validate(today) {
        let field = blamed(columns, field);
        if !problems
            .iter()
            .any(|p| p.column.is_some() && p.column == columns.of(field))
        {
            problems.push(problem(field, message));
        }
    }
    let name = staff.full_name().trim().to_owned();
    let designation = staff.designation.trim().to_owned();
    let unit = new_unit
        .clone()
        .unwrap_or_else(|| units.name(staff.unit_id));
    let outcome = match (&existing, problems.is_empty()) {
        (_, false) => Outcome::Error { problems },
        (None, true) => Outcome::Add,
        (Some(old), true) => match changes(old, &staff, units, new_unit.as_deref()) {
            changes if changes.is_empty() => Outcome::Unchanged,
            changes => Outcome::Update { changes },
        },
    };
    let record =
        matches!(outcome, Outcome::Add | Outcome::Update { .. }).then(|| (staff, new_unit));
    Ok(PlannedLine {
        line: row.line,
        persal,
        name,
        designation,
        unit,
        outcome,
        record,
    })
}

/// The column to blame for a validation error on `field` (a `Staff` field name).
fn blamed(columns: &Columns, field: &str) -> Field {
    match field {
        "first_names" if columns.of(Field::FirstNames).is_none() => Field::Initials,
        "first_names" => Field::FirstNames,
        "surname" => Field::Surname,
        "salary_level" => Field::SalaryLevel,
        "date_of_birth" => Field::DateOfBirth,
        "unit_start" => Field::UnitStart,
        "public_service_start" => Field::PublicServiceStart,
        _ => Field::Persal,
    }
}

/// Sets `field` of `staff` from a cell that is not blank.
fn fill(
    staff: &mut Staff,
    field: Field,
    text: &str,
    units: &Units,
    new_unit: &mut Option<String>,
) -> std::result::Result<(), String> {
    let date = |text: &str| parse_date(text).ok_or_else(|| format!("'{text}' is not a date."));
    match field {
        Field::Persal => {}
        Field::Surname => staff.surname = text.to_owned(),
        Field::FirstNames => staff.first_names = text.to_owned(),
        Field::Initials if staff.first_names.trim().is_empty() => {
            staff.first_names = text.to_owned()
        }
        Field::Initials => {}
        Field::Gender => staff.gender = Some(value::parse_gender(text)?),
        Field::Race => staff.race = Some(value::parse_race(text)?),
        Field::DateOfBirth => staff.date_of_birth = Some(date(text)?),
        Field::Disability => staff.disability = value::parse_yes_no(text)?,
        Field::SalaryLevel => staff.salary_level = Some(value::parse_level(text)?),
        Field::Designation => staff.designation = text.to_owned(),
        Field::Component => match units.by_name.get(&unit_key(text)) {
            Some((id, _)) => staff.unit_id = Some(*id),
            None => {
                staff.unit_id = None;
                *new_unit = Some(text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        },
        Field::Location => staff.location = Some(value::parse_location(text)?),
        Field::PublicServiceStart => staff.public_service_start = Some(date(text)?),
        Field::UnitStart => staff.unit_start = Some(date(text)?),
        Field::Email => staff.email = text.to_owned(),
        Field::Phone => staff.phone = text.to_owned(),
    }
    Ok(())
}

/// What differs between the stored record and the planned one, as a person reads it.
fn changes(old: &Staff, new: &Staff, units: &Units, new_unit: Option<&str>) -> Vec<Change> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let unit_of_new = new_unit.map_or_else(|| units.name(new.unit_id), str::to_owned);
    let pairs: [(Field, String, String); 15] = [
        (Field::Surname, old.surname.clone(), new.surname.clone()),
        (
            Field::FirstNames,
            old.first_names.clone(),
            new.first_names.clone(),
        ),
        (
            Field::Gender,
            label(old.gender.map(|g| g.label())),
            label(new.gender.map(|g| g.label())),
        ),
        (
            Field::Race,
            label(old.race.map(|r| r.label())),
            label(new.race.map(|r| r.label())),
        ),
        (
            Field::DateOfBirth,
            date(old.date_of_birth),
            date(new.date_of_birth),
        ),
        (
            Field::Disability,
            yes_no(old.disability),
            yes_no(new.disability),
        ),
        (
            Field::SalaryLevel,
            level(old.salary_level),
            level(new.salary_level),
        ),
        (
            Field::Designation,
            old.designation.clone(),
            new.designation.clone(),
        ),
        (Field::Component, units.name(old.unit_id), unit_of_new),
        (
            Field::Location,
            label(old.location.map(|l| l.label())),
            label(new.location.map(|l| l.label())),
        ),
        (
            Field::PublicServiceStart,
            date(old.public_service_start),
            date(new.public_service_start),
        ),
        (Field::UnitStart, date(old.unit_start), date(new.unit_start)),
        (Field::Email, old.email.clone(), new.email.clone()),
        (Field::Phone, old.phone.clone(), new.phone.clone()),
        (Field::Persal, old.persal.clone(), new.persal.clone()),
    ];
    pairs
        .into_iter()
        .filter(|(_, old, new)| old.trim() != new.trim())
        .map(|(field, old, new)| Change {
            field: field.label(),
            old: old.trim().to_owned(),
            new: new.trim().to_owned(),
        })
        .collect()
}

fn label(l: Option<&str>) -> String {
    l.unwrap_or_default().to_owned()
}

fn yes_no(b: bool) -> String {
    if b { "Yes" } else { "No" }.to_owned()
}

fn level(l: Option<u8>) -> String {
    l.map(|l| l.to_string()).unwrap_or_default()
}

/// A new unit for a component the file names, with no line manager yet.
pub(crate) fn unit_named(name: &str) -> Unit {
    Unit {
        id: None,
        name: name.to_owned(),
        line_manager_id: None,
        archived: false,
    }
}
