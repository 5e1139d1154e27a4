//! Importing staff from the spreadsheets HR systems export (a PERSAL extract as CSV or XLSX).
//! Three steps, each a value the window or the command line can show: the file read as a
//! `Table` of text (`table`), its columns mapped to staff fields (`Field`, `recognise`), and
//! a `Plan` saying line by line what would be added, updated or refused (`plan`). Nothing is
//! written until `Store::import_staff` re-plans and applies in one transaction; the SQL of
//! that lives in `store::import`. A large file's checking and saving tell how far they have
//! got (`progress`). Exporting the registers is `export`'s, not this module's.

mod plan;
mod progress;
mod table;
mod value;

use serde::{Deserialize, Serialize};

pub(crate) use plan::unit_named;
pub use plan::{
    plan, plan_with_progress, Change, ImportResult, Outcome, Plan, PlannedLine, Problem, Registered,
};
pub(crate) use progress::Ticker;
pub use progress::{Progress, Stage};
pub use table::{read_csv, read_file, read_xlsx, Row, Table};
pub use value::parse_date;

/// A staff field a column of the file can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Persal,
    Surname,
    FirstNames,
    Initials,
    Gender,
    Race,
    DateOfBirth,
    Disability,
    SalaryLevel,
    Designation,
    Component,
    Location,
    PublicServiceStart,
    UnitStart,
    Email,
    Phone,
}

impl Field {
    pub const ALL: &'static [Field] = &[
        Field::Persal,
        Field::Surname,
        Field::FirstNames,
        Field::Initials,
        Field::Gender,
        Field::Race,
        Field::DateOfBirth,
        Field::Disability,
        Field::SalaryLevel,
        Field::Designation,
        Field::Component,
        Field::Location,
        Field::PublicServiceStart,
        Field::UnitStart,
        Field::Email,
        Field::Phone,
    ];

    /// The words a person reads in the mapping table and in the report.
    pub fn label(self) -> &'static str {
        match self {
            Field::Persal => "Persal number",
            Field::Surname => "Surname",
            Field::FirstNames => "First names",
            Field::Initials => "Initials",
            Field::Gender => "Gender",
            Field::Race => "Race",
            Field::DateOfBirth => "Date of birth",
            Field::Disability => "Disability",
            Field::SalaryLevel => "Salary level",
            Field::Designation => "Designation",
            Field::Component => "Component (unit)",
            Field::Location => "Location",
            Field::PublicServiceStart => "Start in the public service",
            Field::UnitStart => "Start in the unit",
            Field::Email => "Email",
            Field::Phone => "Phone",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Field::Persal => "persal",
            Field::Surname => "surname",
            Field::FirstNames => "first_names",
            Field::Initials => "initials",
            Field::Gender => "gender",
            Field::Race => "race",
            Field::DateOfBirth => "date_of_birth",
            Field::Disability => "disability",
            Field::SalaryLevel => "salary_level",
            Field::Designation => "designation",
            Field::Component => "component",
            Field::Location => "location",
            Field::PublicServiceStart => "public_service_start",
            Field::UnitStart => "unit_start",
            Field::Email => "email",
            Field::Phone => "phone",
        }
    }

    /// Header names HR systems use for this field, folded by `fold`.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Persal => &[
                "persal",
                "persalno",
                "persalnr",
                "persalnum",
                "persalnumber",
                "persalid",
                "employeeno",
                "employeenumber",
                "employeenr",
                "staffno",
                "staffnumber",
            ],
            Field::Surname => &["surname", "lastname", "familyname"],
            Field::FirstNames => &[
                "firstnames",
                "firstname",
                "forenames",
                "forename",
                "givennames",
                "givenname",
                "fullnames",
                "names",
            ],
            Field::Initials => &["initials", "initial", "init"],
            Field::Gender => &["gender", "sex"],
            Field::Race => &["race", "populationgroup", "racegroup", "equitygroup"],
            Field::DateOfBirth => &["dateofbirth", "dob", "birthdate", "datebirth", "birthday"],
            Field::Disability => &["disability", "disabled", "disabilitystatus", "pwd"],
            Field::SalaryLevel => &[
                "salarylevel",
                "salarylvl",
                "level",
                "sl",
                "postlevel",
                "salarygrade",
                "grade",
            ],
            Field::Designation => &[
                "designation",
                "rank",
                "jobtitle",
                "post",
                "position",
                "posttitle",
                "occupation",
                "jobdescription",
            ],
            Field::Component => &[
                "component",
                "directorate",
                "unit",
                "subcomponent",
                "division",
                "section",
                "chiefdirectorate",
                "orgunit",
                "organisationalunit",
                "organizationalunit",
            ],
            Field::Location => &["location", "urbanrural", "area", "geographiclocation"],
            Field::PublicServiceStart => &[
                "publicservicestart",
                "startinpublicservice",
                "startinthepublicservice",
                "dateofappointment",
                "appointmentdate",
                "dateappointed",
                "dateenteredservice",
                "servicestartdate",
                "psstartdate",
            ],
            Field::UnitStart => &[
                "unitstart",
                "startinunit",
                "startintheunit",
                "dateinunit",
                "componentstartdate",
                "unitstartdate",
                "dateincomponent",
            ],
            Field::Email => &["email", "emailaddress", "mail", "epos"],
            Field::Phone => &[
                "phone",
                "telephone",
                "tel",
                "telno",
                "phonenumber",
                "cell",
                "cellphone",
                "cellno",
                "mobile",
                "contactnumber",
                "contactno",
            ],
        }
    }
}

/// A header folded for comparison: lower case, letters and digits only, so that "PERSAL NO",
/// "Persal_Number" and "persal no." all meet their synonyms.
fn fold(header: &str) -> String {
    crate::domain::search_key(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field each column holds, by its header; `None` for a header not recognised. A field
/// is given to the first column that names it only, so a mapping never fills a field twice.
pub fn recognise(headers: &[String]) -> Vec<Option<Field>> {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|header| {
            let folded = fold(header);
            let field = Field::ALL
                .iter()
                .copied()
                .find(|f| !taken.contains(f) && f.synonyms().contains(&folded.as_str()))?;
            taken.push(field);
            Some(field)
        })
        .collect()
}

/// How many lines of the file the mapping screen shows under the headers.
pub const PREVIEW_ROWS: usize = 8;

/// A staff field as the mapping screen offers it.
#[derive(Debug, Clone, Serialize)]
pub struct FieldChoice {
    pub code: &'static str,
    pub label: &'static str,
}

/// What the mapping screen shows of a file read for import: its columns with the field
/// recognised for each, the fields a column may be given, and its first lines.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub file_name: String,
    pub headers: Vec<String>,
    /// The field recognised for each column, `None` where none was.
    pub mapping: Vec<Option<Field>>,
    pub fields: Vec<FieldChoice>,
    /// The first `PREVIEW_ROWS` lines.
    pub rows: Vec<Row>,
    pub row_count: usize,
}

impl Preview {
    /// The preview of `table`, read from the file called `file_name`.
    pub fn of(table: Table, file_name: &str) -> Preview {
        Preview {
            file_name: file_name.to_owned(),
            mapping: recognise(&table.headers),
            fields: Field::ALL
                .iter()
                .map(|f| FieldChoice {
                    code: f.code(),
                    label: f.label(),
                })
                .collect(),
            row_count: table.rows.len(),
            rows: table.rows.into_iter().take(PREVIEW_ROWS).collect(),
            headers: table.headers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn persal_headers_are_recognised_whatever_their_case_and_spacing() {
        let found = recognise(&headers(&[
            "PERSAL NO",
            "Persal_Number",
            "SURNAME",
            "First Names",
            "INITIALS",
            "Sex",
            "D.O.B.",
            "Salary Level",
            "Job title",
            "Directorate",
            "Shoe size",
        ]));
        assert_eq!(
            found,
            vec![
                Some(Field::Persal),
                None,
                Some(Field::Surname),
                Some(Field::FirstNames),
                Some(Field::Initials),
                Some(Field::Gender),
                Some(Field::DateOfBirth),
                Some(Field::SalaryLevel),
                Some(Field::Designation),
                Some(Field::Component),
                None,
            ]
        );
    }
}
