//! The records of the programme register and their own validation: units, staff, external
//! organisations, mentors, protégés and mentorships. Rules that look across records (capacity,
//! line management, overlapping mentorships) live in `rules`; storage lives in `store`.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

use crate::choice::choice;

choice!(Gender {
    Female = "female": "Female",
    Male = "male": "Male",
});

choice!(
    /// The population groups of the Employment Equity Act, for equity reporting.
    Race {
        African = "african": "African",
        Coloured = "coloured": "Coloured",
        Indian = "indian": "Indian",
        White = "white": "White",
    }
);

choice!(Location {
    Urban = "urban": "Urban",
    Rural = "rural": "Rural",
});

choice!(Recruitment {
    Volunteer = "volunteer": "Volunteer",
    Nominated = "nominated": "Nominated",
});

choice!(
    /// The four kinds of protégé; each has its own agreement wording.
    ProtegeKind {
        PromotedManager = "promoted_manager": "Public servant promoted into a managerial position",
        Applicant = "applicant": "Public servant accepted on the programme",
        Intern = "intern": "Intern",
        Learner = "learner": "Learner on a learnership",
    }
);

choice!(Purpose {
    Induction = "induction": "Induction",
    SkillsTransfer = "skills_transfer": "Skills transfer",
    CareerDevelopment = "career_development": "Career development",
    LeadershipDevelopment = "leadership_development": "Leadership development",
    EducationSupport = "education_support": "Education support",
    EmploymentEquity = "employment_equity": "Employment-equity advancement",
    Retention = "retention": "Retention",
});

choice!(Mode {
    FaceToFace = "face_to_face": "Face to face, one-to-one",
    Group = "group": "Face to face, in a group",
    Telephone = "telephone": "Telephone",
    EMentoring = "e_mentoring": "E-mentoring",
    Blended = "blended": "Blended (face to face and remote)",
});

choice!(Frequency {
    Weekly = "weekly": "Weekly",
    Fortnightly = "fortnightly": "Every two weeks",
    Monthly = "monthly": "Monthly",
});

impl Frequency {
    /// Meetings in an average month: 52 weeks of the year spread over 12 months.
    pub fn meetings_per_month(self) -> f64 {
        match self {
            Frequency::Weekly => 52.0 / 12.0,
            Frequency::Fortnightly => 26.0 / 12.0,
            Frequency::Monthly => 1.0,
        }
    }
}

choice!(
    /// What kind of body offers external mentors.
    OrganisationKind {
        PrivateSector = "private_sector": "Private sector",
        Parastatal = "parastatal": "Parastatal",
        Individual = "individual": "Leading individual",
        Other = "other": "Other",
    }
);

choice!(Status {
    Draft = "draft": "Draft",
    Active = "active": "Active",
    Completed = "completed": "Completed",
    Terminated = "terminated": "Terminated",
});

impl Status {
    /// Draft and active mentorships hold a mentor's place and a protégé's time.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Draft | Status::Active)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Unit {
    pub id: Option<i64>,
    pub name: String,
    pub line_manager_id: Option<i64>,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Staff {
    pub id: Option<i64>,
    pub persal: String,
    pub first_names: String,
    pub surname: String,
    pub gender: Option<Gender>,
    pub race: Option<Race>,
    pub date_of_birth: Option<NaiveDate>,
    #[serde(default)]
    pub disability: bool,
    pub designation: String,
    pub salary_level: Option<u8>,
    pub unit_id: Option<i64>,
    pub line_manager_id: Option<i64>,
    pub location: Option<Location>,
    pub public_service_start: Option<NaiveDate>,
    pub unit_start: Option<NaiveDate>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: Option<i64>,
    pub name: String,
    pub kind: OrganisationKind,
    #[serde(default)]
    pub contact_person: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub address: String,
    /// The person who liaises between the department and the organisation.
    #[serde(default)]
    pub coordinator: String,
    /// The time each of its mentors gives, agreed in days a year.
    pub days_per_year: Option<u32>,
    /// How that time is spread, e.g. "two hours a month, in working hours".
    #[serde(default)]
    pub time_allocation_notes: String,
    pub agreement_start: Option<NaiveDate>,
    pub agreement_end: Option<NaiveDate>,
    #[serde(default)]
    pub archived: bool,
}

impl Organisation {
    /// A new organisation with only its name and kind; the rest is left blank.
    pub fn new(name: impl Into<String>, kind: OrganisationKind) -> Organisation {
        Organisation {
            id: None,
            name: name.into(),
            kind,
            contact_person: String::new(),
            email: String::new(),
            phone: String::new(),
            address: String::new(),
            coordinator: String::new(),
            days_per_year: None,
            time_allocation_notes: String::new(),
            agreement_start: None,
            agreement_end: None,
            archived: false,
        }
    }

    /// The organisation's file reference, e.g. "ORG-0001".
    pub fn reference(id: i64) -> String {
        format!("ORG-{id:04}")
    }

    /// Whether the agreement with the organisation runs on `day`.
    pub fn agreement_covers(&self, day: NaiveDate) -> bool {
        matches!((self.agreement_start, self.agreement_end), (Some(s), Some(e)) if s <= day && day <= e)
    }
}

/// A mentor is either a staff member (`staff_id`) or a person offered by an external
/// organisation (`external_name` with `organisation_id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mentor {
    pub id: Option<i64>,
    pub staff_id: Option<i64>,
    #[serde(default)]
    pub external_name: String,
    pub organisation_id: Option<i64>,
    #[serde(default)]
    pub fields_of_expertise: String,
    #[serde(default)]
    pub qualifications: String,
    #[serde(default)]
    pub professional_background: String,
    #[serde(default)]
    pub scarce_skills: String,
    pub years_experience: u32,
    pub recruitment: Recruitment,
    #[serde(default)]
    pub nominated_by: String,
    #[serde(default)]
    pub training_course: String,
    #[serde(default)]
    pub training_provider: String,
    pub training_completed_on: Option<NaiveDate>,
    #[serde(default)]
    pub training_certificate: String,
    pub appointment_start: Option<NaiveDate>,
    pub appointment_end: Option<NaiveDate>,
    /// Why the programme manager accepted this mentor with fewer years of experience than the
    /// programme asks; empty when no override was granted.
    #[serde(default)]
    pub experience_override_reason: String,
    /// The languages the mentor can mentor in, e.g. "English, isiZulu, Sesotho".
    #[serde(default)]
    pub languages: String,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Protege {
    pub id: Option<i64>,
    pub staff_id: i64,
    pub kind: ProtegeKind,
    /// The learnership, qualification or internship programme, for interns and learners.
    #[serde(default)]
    pub programme_detail: String,
    #[serde(default)]
    pub career_goals: String,
    #[serde(default)]
    pub career_path_plan: String,
    #[serde(default)]
    pub education: String,
    #[serde(default)]
    pub work_experience: String,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub weaknesses: String,
    #[serde(default)]
    pub development_needs: String,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub description: String,
    /// How achievement is measured: quality, quantity and time.
    #[serde(default)]
    pub measure: String,
    pub due_on: Option<NaiveDate>,
    #[serde(default = "GoalStatus::default")]
    pub status: GoalStatus,
    /// How far along the goal is, in percent.
    #[serde(default)]
    pub progress: u8,
}

choice!(GoalStatus {
    NotStarted = "not_started": "Not started",
    InProgress = "in_progress": "In progress",
    Achieved = "achieved": "Achieved",
    NotAchieved = "not_achieved": "Not achieved",
});

impl GoalStatus {
    fn default() -> GoalStatus {
        GoalStatus::NotStarted
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competency {
    pub name: String,
    pub current_level: u8,
    pub target_level: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mentorship {
    pub id: Option<i64>,
    pub mentor_id: i64,
    pub protege_id: i64,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub purpose: Purpose,
    pub mode: Mode,
    pub frequency: Frequency,
    pub meeting_minutes: u32,
    #[serde(default)]
    pub meeting_place: String,
    pub status: Status,
    /// Why the mentor may take more protégés than the programme's capacity; empty otherwise.
    #[serde(default)]
    pub capacity_override_reason: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub competencies: Vec<Competency>,
    #[serde(default)]
    pub archived: bool,
}

impl Mentorship {
    pub fn reference(id: i64) -> String {
        format!("MS-{id:04}")
    }

    pub fn overlaps(&self, start: NaiveDate, end: NaiveDate) -> bool {
        self.start_date <= end && start <= self.end_date
    }
}

/// Competency levels run from 1 (not yet able) to 5 (able to teach others).
pub const COMPETENCY_LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

fn required(field: &'static str, label: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, format!("{label} is required.")));
    }
    Ok(())
}

/// Checks that `end` is not before `start` and that the span is at most `months` long.
pub fn check_span(
    field: &'static str,
    what: &str,
    start: NaiveDate,
    end: NaiveDate,
    months: u32,
) -> Result<()> {
    if end < start {
        return Err(Error::invalid(
            field,
            format!("End date {end} is before start date {start}."),
        ));
    }
    let limit = start
        .checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX);
    if end > limit {
        return Err(Error::invalid(
            field,
            format!(
                "{what} may run at most {months} months: from {start} it must end by {limit}, not {end}."
            ),
        ));
    }
    Ok(())
}

impl Unit {
    pub fn validate(&self) -> Result<()> {
        required("name", "The unit's name", &self.name)
    }
}

impl Organisation {
    pub fn validate(&self) -> Result<()> {
        required("name", "The organisation's name", &self.name)?;
        if self.days_per_year.is_some_and(|d| d > 366) {
            return Err(Error::invalid(
                "days_per_year",
                "The time allocation is in days a year, so it cannot be more than 366.",
            ));
        }
        match (self.agreement_start, self.agreement_end) {
            (Some(start), Some(end)) if end < start => Err(Error::invalid(
                "agreement_end",
                format!("The agreement's end date {end} is before its start date {start}."),
            )),
            (Some(_), None) => Err(Error::invalid(
                "agreement_end",
                "The agreement's end date is required when it has a start date.",
            )),
            (None, Some(_)) => Err(Error::invalid(
                "agreement_start",
                "The agreement's start date is required when it has an end date.",
            )),
            _ => Ok(()),
        }
    }
}

impl Staff {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_names.trim(), self.surname.trim())
    }

    pub fn validate(&self, today: NaiveDate) -> Result<()> {
        let persal = self.persal.trim();
        required("persal", "Persal number", persal)?;
        if !persal.chars().all(|c| c.is_ascii_digit()) || !(6..=10).contains(&persal.len()) {
            return Err(Error::invalid(
                "persal",
                format!("Persal number \"{persal}\" should be 6 to 10 digits, with no spaces or letters."),
            ));
        }
        required("first_names", "First names", &self.first_names)?;
        required("surname", "Surname", &self.surname)?;
        if let Some(level) = self.salary_level {
            if !(1..=16).contains(&level) {
                return Err(Error::invalid(
                    "salary_level",
                    format!("Salary level {level} is outside the public service's levels 1 to 16."),
                ));
            }
        }
        if let Some(born) = self.date_of_birth {
            if born >= today {
                return Err(Error::invalid(
                    "date_of_birth",
                    format!("Date of birth {born} is not in the past."),
                ));
            }
        }
        if let (Some(service), Some(unit)) = (self.public_service_start, self.unit_start) {
            if unit < service {
                return Err(Error::invalid(
                    "unit_start",
                    format!("Start in the unit ({unit}) is before the start in the public service ({service})."),
                ));
            }
        }
        if self.id.is_some() && self.line_manager_id == self.id {
            return Err(Error::invalid(
                "line_manager_id",
                "A staff member cannot be their own line manager.",
            ));
        }
        Ok(())
    }
}

impl Mentor {
    /// The mentor's file reference, e.g. "MT-0003".
    pub fn reference(id: i64) -> String {
        format!("MT-{id:04}")
    }

    pub fn is_external(&self) -> bool {
        self.staff_id.is_none()
    }

    pub fn validate(&self, max_appointment_months: u32) -> Result<()> {
        match (self.staff_id, self.organisation_id) {
            (Some(_), _) => {}
            (None, Some(_)) => required("external_name", "The external mentor's name", &self.external_name)?,
            (None, None) => {
                return Err(Error::invalid(
                    "staff_id",
                    "Choose the staff member who mentors, or for an external mentor the organisation and the person's name.",
                ))
            }
        }
        required(
            "fields_of_expertise",
            "Fields of expertise",
            &self.fields_of_expertise,
        )?;
        if self.recruitment == Recruitment::Nominated {
            required(
                "nominated_by",
                "Who nominated the mentor",
                &self.nominated_by,
            )?;
        }
        if self.training_completed_on.is_some() {
            required(
                "training_course",
                "The training course",
                &self.training_course,
            )?;
            required(
                "training_provider",
                "The training provider",
                &self.training_provider,
            )?;
        }
        match (self.appointment_start, self.appointment_end) {
            (Some(start), Some(end)) => check_span(
                "appointment_end",
                "An appointment",
                start,
                end,
                max_appointment_months,
            )?,
            (Some(_), None) => {
                return Err(Error::invalid(
                    "appointment_end",
                    "The appointment's end date is required.",
                ))
            }
            (None, Some(_)) => {
                return Err(Error::invalid(
                    "appointment_start",
                    "The appointment's start date is required.",
                ))
            }
            (None, None) => {}
        }
        Ok(())
    }
}

impl Protege {
    /// A new protégé with only what every kind needs; the rest of the profile is left blank.
    pub fn new(staff_id: i64, kind: ProtegeKind, development_needs: impl Into<String>) -> Protege {
        Protege {
            id: None,
            staff_id,
            kind,
            programme_detail: String::new(),
            career_goals: String::new(),
            career_path_plan: String::new(),
            education: String::new(),
            work_experience: String::new(),
            strengths: String::new(),
            weaknesses: String::new(),
            development_needs: development_needs.into(),
            archived: false,
        }
    }

    pub fn validate(&self) -> Result<()> {
        if matches!(self.kind, ProtegeKind::Intern | ProtegeKind::Learner) {
            let what = if self.kind == ProtegeKind::Learner {
                "The learnership"
            } else {
                "The internship programme or qualification"
            };
            required("programme_detail", what, &self.programme_detail)?;
        }
        required(
            "development_needs",
            "Development needs",
            &self.development_needs,
        )
    }
}

impl Mentorship {
    /// Checks the mentorship on its own; rules that need other records are in `rules`.
    pub fn validate(&self, max_months: u32) -> Result<()> {
        if self.meeting_minutes == 0 || self.meeting_minutes > 8 * 60 {
            return Err(Error::invalid(
                "meeting_minutes",
                format!("A meeting of {} minutes is not workable; give a length between 1 and 480 minutes.", self.meeting_minutes),
            ));
        }
        if self.goals.is_empty() {
            return Err(Error::invalid(
                "goals",
                "Give at least one goal or deliverable.",
            ));
        }
        for (n, goal) in self.goals.iter().enumerate() {
            if goal.description.trim().is_empty() {
                return Err(Error::invalid(
                    "goals",
                    format!("Goal {} has no description.", n + 1),
                ));
            }
            if goal.progress > 100 {
                return Err(Error::invalid(
                    "goals",
                    format!(
                        "Goal {} is {}% along; progress runs from 0 to 100%.",
                        n + 1,
                        goal.progress
                    ),
                ));
            }
            if goal.status == GoalStatus::Achieved && goal.progress < 100 {
                return Err(Error::invalid(
                    "goals",
                    format!(
                        "Goal {} is marked achieved but only {}% along; set its progress to 100% or choose another status.",
                        n + 1,
                        goal.progress
                    ),
                ));
            }
        }
        for (n, c) in self.competencies.iter().enumerate() {
            if c.name.trim().is_empty() {
                return Err(Error::invalid(
                    "competencies",
                    format!("Competency {} has no name.", n + 1),
                ));
            }
            for level in [c.current_level, c.target_level] {
                if !COMPETENCY_LEVELS.contains(&level) {
                    return Err(Error::invalid(
                        "competencies",
                        format!(
                            "Competency \"{}\" has level {level}; levels run from 1 to 5.",
                            c.name.trim()
                        ),
                    ));
                }
            }
            if c.target_level < c.current_level {
                return Err(Error::invalid(
                    "competencies",
                    format!(
                        "Competency \"{}\" has a target level ({}) below its current level ({}).",
                        c.name.trim(),
                        c.target_level,
                        c.current_level
                    ),
                ));
            }
        }
        if self.start_date > self.end_date {
            return Err(Error::refused(
                crate::Rule::Period,
                "end_date",
                format!(
                    "End date {} is before start date {}.",
                    self.end_date, self.start_date
                ),
            ));
        }
        let limit = self
            .start_date
            .checked_add_months(Months::new(max_months))
            .unwrap_or(NaiveDate::MAX);
        if self.end_date > limit {
            return Err(Error::refused(
                crate::Rule::Period,
                "end_date",
                format!(
                    "A mentorship may run at most {max_months} months: from {} it must end by {limit}, not {}.",
                    self.start_date, self.end_date
                ),
            ));
        }
        Ok(())
    }
}

/// Folds a name to lower-case ASCII for searching, so "zoe" finds "Zoë" and "muller" finds
/// "Müller".
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'š' | 'ś' => 's',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ý' | 'ÿ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            '’' | '‘' => '\'',
            '–' | '—' => '-',
            other => other,
        };
        out.push(plain);
    }
    out
}

/// A past appointment of a mentor, closed by the annual review that renewed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Appointment {
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub reviewed_on: NaiveDate,
    pub review_notes: String,
}
