//! The SQL that reads every register for export, one query per register, with human column
//! headers and labels instead of stored codes. Session confidential notes are never selected:
//! no query here names that column, so no export can carry them. Writing the files is
//! `export`'s.

use std::path::Path;

use rusqlite::types::ValueRef;

use super::Store;
use crate::domain::{
    Frequency, Gender, GoalStatus, Location, Mode, OrganisationKind, ProtegeKind, Purpose, Race,
    Recruitment, Status,
};
use crate::evaluation::Form;
use crate::export::{self, Cell, Exported, Format, Sheet};
use crate::kpa::{AllocationStatus, ConsultationOutcome};
use crate::progress::{RatingScale, Recommendation};
use crate::selection::{Decision, Entry, State};
use crate::session::{ActionOwner, SessionKind};
use crate::termination::{Reason, StepKind};
use crate::workplan::EventKind;
use crate::Result;

/// `CASE column WHEN code THEN label ... END` for a closed list, so the files show the words.
macro_rules! labels {
    ($column:expr, $choice:ty) => {
        case(
            $column,
            <$choice>::ALL.iter().map(|c| (c.code(), c.label())),
        )
    };
}

fn case<'a>(column: &str, pairs: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let whens: String = pairs
        .map(|(code, label)| format!(" WHEN {} THEN {}", quote(code), quote(label)))
        .collect();
    format!("(CASE {column}{whens} ELSE {column} END)")
}

const YES_NO: &str = "CASE WHEN {} THEN 'Yes' ELSE 'No' END";

fn yes_no(expression: &str) -> String {
    YES_NO.replace("{}", expression)
}

fn reference(prefix: &str, id: &str) -> String {
    format!("'{prefix}-' || printf('%04d', {id})")
}

/// The name of the staff member aliased `alias`.
fn name(alias: &str) -> String {
    format!("{alias}.first_names || ' ' || {alias}.surname")
}

/// The file the registers' workbook is written to.
pub const REGISTERS_WORKBOOK: &str = "mentordesk-registers.xlsx";

/// The name of mentor `m`: their staff name, or an external mentor's own.
const MENTOR_NAME: &str = "coalesce((SELECT x.first_names || ' ' || x.surname FROM staff x
    WHERE x.id = m.staff_id), m.external_name)";

/// The name of protégé `p`.
const PROTEGE_NAME: &str =
    "(SELECT x.first_names || ' ' || x.surname FROM staff x WHERE x.id = p.staff_id)";

impl Store {
    /// Exports every register into the folder `dir` (created if needed): `<register>.csv`
    /// files, or the workbook `REGISTERS_WORKBOOK`.
    pub fn export_registers(&self, dir: &Path, format: Format) -> Result<Exported> {
        export::write(&self.register_sheets()?, dir, format, REGISTERS_WORKBOOK)
    }

    /// Every register as a sheet, staff first (so that the workbook's first sheet imports back),
    /// then in the order a person would read them.
    pub fn register_sheets(&self) -> Result<Vec<Sheet>> {
        registers()
            .into_iter()
            .map(|(title, sql)| self.sheet(title, &sql))
            .collect()
    }

    fn sheet(&self, title: &'static str, sql: &str) -> Result<Sheet> {
        let mut stmt = self.conn.prepare(sql)?;
        let headers: Vec<String> = stmt.column_names().into_iter().map(str::to_owned).collect();
        let width = headers.len();
        let mut rows = Vec::new();
        let mut result = stmt.query([])?;
        while let Some(row) = result.next()? {
            let mut cells = Vec::with_capacity(width);
            for i in 0..width {
                cells.push(match row.get_ref(i)? {
                    ValueRef::Null => Cell::Empty,
                    ValueRef::Integer(n) => Cell::Integer(n),
                    ValueRef::Real(x) => Cell::Number(x),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => Cell::Empty,
                });
            }
            rows.push(cells);
        }
        Ok(Sheet {
            title: title.to_owned(),
            headers,
            rows,
        })
    }
}

fn registers() -> Vec<(&'static str, String)> {
    vec![
        (
            "Staff",
            format!(
                "SELECT s.persal AS \"Persal number\", s.surname AS \"Surname\",
                s.first_names AS \"First names\", {gender} AS \"Gender\", {race} AS \"Race\",
                s.date_of_birth AS \"Date of birth\", {disability} AS \"Disability\",
                s.designation AS \"Designation\", s.salary_level AS \"Salary level\",
                u.name AS \"Unit\", {lm} AS \"Line manager\", {location} AS \"Location\",
                s.public_service_start AS \"Start in the public service\",
                s.unit_start AS \"Start in the unit\", s.email AS \"Email\", s.phone AS \"Phone\",
                {arch} AS \"Archived\"
             FROM staff s LEFT JOIN unit u ON u.id = s.unit_id
             LEFT JOIN staff l ON l.id = s.line_manager_id
             ORDER BY s.surname, s.first_names, s.persal",
                gender = labels!("s.gender", Gender),
                race = labels!("s.race", Race),
                disability = yes_no("s.disability"),
                lm = name("l"),
                location = labels!("s.location", Location),
                arch = yes_no("s.archived_at IS NOT NULL"),
            ),
        ),
        (
            "Units",
            format!(
                "SELECT u.name AS \"Unit\", {lm} AS \"Line manager\", {arch} AS \"Archived\"
             FROM unit u LEFT JOIN staff s ON s.id = u.line_manager_id ORDER BY u.name",
                lm = name("s"),
                arch = yes_no("u.archived_at IS NOT NULL"),
            ),
        ),
        (
            "Organisations",
            format!(
            "SELECT {reference} AS \"Reference\", o.name AS \"Organisation\", {kind} AS \"Kind\",
                o.contact_person AS \"Contact person\", o.email AS \"Email\", o.phone AS \"Phone\",
                o.address AS \"Address\", o.coordinator AS \"Coordinator\",
                o.days_per_year AS \"Days a year per mentor\",
                o.time_allocation_notes AS \"Time allocation\",
                o.agreement_start AS \"Agreement start\", o.agreement_end AS \"Agreement end\",
                {arch} AS \"Archived\"
             FROM organisation o ORDER BY o.name",
            reference = reference("ORG", "o.id"),
            kind = labels!("o.kind", OrganisationKind),
            arch = yes_no("o.archived_at IS NOT NULL"),
        ),
        ),
        (
            "Mentors",
            format!(
                "SELECT {reference} AS \"Reference\", {mentor} AS \"Mentor\",
                s.persal AS \"Persal number\", o.name AS \"Organisation\",
                m.fields_of_expertise AS \"Fields of expertise\",
                m.qualifications AS \"Qualifications\",
                m.professional_background AS \"Professional background\",
                m.scarce_skills AS \"Scarce skills\", m.years_experience AS \"Years of experience\",
                m.languages AS \"Languages\", {recruitment} AS \"Recruitment\",
                m.nominated_by AS \"Nominated by\", m.training_course AS \"Training course\",
                m.training_provider AS \"Training provider\",
                m.training_completed_on AS \"Training completed on\",
                m.training_certificate AS \"Training certificate\",
                m.appointment_start AS \"Appointment start\",
                m.appointment_end AS \"Appointment end\",
                m.experience_override_reason AS \"Experience override reason\",
                {arch} AS \"Archived\"
             FROM mentor m LEFT JOIN staff s ON s.id = m.staff_id
             LEFT JOIN organisation o ON o.id = m.organisation_id ORDER BY m.id",
                reference = reference("MT", "m.id"),
                mentor = MENTOR_NAME,
                recruitment = labels!("m.recruitment", Recruitment),
                arch = yes_no("m.archived_at IS NOT NULL"),
            ),
        ),
        (
            "Protégés",
            format!(
            "SELECT {protege} AS \"Protégé\", s.persal AS \"Persal number\", {kind} AS \"Kind\",
                p.programme_detail AS \"Programme\", p.career_goals AS \"Career goals\",
                p.career_path_plan AS \"Career path plan\", p.education AS \"Education\",
                p.work_experience AS \"Work experience\", p.strengths AS \"Strengths\",
                p.weaknesses AS \"Weaknesses\", p.development_needs AS \"Development needs\",
                {arch} AS \"Archived\"
             FROM protege p JOIN staff s ON s.id = p.staff_id ORDER BY s.surname, s.first_names",
            protege = PROTEGE_NAME,
            kind = labels!("p.kind", ProtegeKind),
            arch = yes_no("p.archived_at IS NOT NULL"),
        ),
        ),
        (
            "Mentorships",
            format!(
            "SELECT {reference} AS \"Reference\", {mentor} AS \"Mentor\", {protege} AS \"Protégé\",
                ms.start_date AS \"Start\", ms.end_date AS \"End\", {purpose} AS \"Purpose\",
                {mode} AS \"Mode\", {frequency} AS \"Frequency\",
                ms.meeting_minutes AS \"Minutes a meeting\", ms.meeting_place AS \"Meeting place\",
                {status} AS \"Status\",
                ms.capacity_override_reason AS \"Capacity override reason\",
                {arch} AS \"Archived\"
             FROM mentorship ms JOIN mentor m ON m.id = ms.mentor_id
             JOIN protege p ON p.id = ms.protege_id ORDER BY ms.id",
            reference = reference("MS", "ms.id"),
            mentor = MENTOR_NAME,
            protege = PROTEGE_NAME,
            purpose = labels!("ms.purpose", Purpose),
            mode = labels!("ms.mode", Mode),
            frequency = labels!("ms.frequency", Frequency),
            status = labels!("ms.status", Status),
            arch = yes_no("ms.archived_at IS NOT NULL"),
        ),
        ),
        (
            "Goals",
            format!(
                "SELECT {reference} AS \"Mentorship\", g.position + 1 AS \"Goal\",
                g.description AS \"Description\", g.measure AS \"Measure\", g.due_on AS \"Due\",
                {status} AS \"Status\", g.progress AS \"Progress (%)\"
             FROM mentorship_goal g ORDER BY g.mentorship_id, g.position",
                reference = reference("MS", "g.mentorship_id"),
                status = labels!("g.status", GoalStatus),
            ),
        ),
        (
            "Competencies",
            format!(
                "SELECT {reference} AS \"Mentorship\", c.name AS \"Competency\",
                c.current_level AS \"Current level\", c.target_level AS \"Target level\"
             FROM mentorship_competency c ORDER BY c.mentorship_id, c.position",
                reference = reference("MS", "c.mentorship_id"),
            ),
        ),
        (
            "Sessions",
            format!(
                "SELECT {reference} AS \"Mentorship\", x.held_on AS \"Held on\",
                x.minutes AS \"Minutes\", x.place AS \"Place\", {mode} AS \"Mode\",
                {kind} AS \"Kind\", x.topics AS \"Topics\", x.advice AS \"Advice\",
                x.diagnosis_now AS \"Where the protégé is\",
                x.diagnosis_goal AS \"Where the protégé wants to be\"
             FROM session x ORDER BY x.mentorship_id, x.held_on",
                reference = reference("MS", "x.mentorship_id"),
                mode = labels!("x.mode", Mode),
                kind = labels!("x.kind", SessionKind),
            ),
        ),
        (
            "Actions",
            format!(
                "SELECT {reference} AS \"Mentorship\", x.held_on AS \"Session\",
                a.description AS \"Action\", {owner} AS \"Owner\", a.due_on AS \"Due\",
                a.done_on AS \"Done on\"
             FROM session_action a JOIN session x ON x.id = a.session_id
             ORDER BY x.mentorship_id, x.held_on, a.position",
                reference = reference("MS", "x.mentorship_id"),
                owner = labels!("a.owner", ActionOwner),
            ),
        ),
        (
            "Ratings",
            format!(
                "SELECT {reference} AS \"Mentorship\", r.competency AS \"Competency\",
                r.rated_on AS \"Rated on\", {scale} AS \"Scale\", r.rating AS \"Rating\",
                r.evidence AS \"Evidence\"
             FROM competency_rating r ORDER BY r.mentorship_id, r.rated_on",
                reference = reference("MS", "r.mentorship_id"),
                scale = labels!("r.scale", RatingScale),
            ),
        ),
        (
            "Progress reports",
            format!(
                "SELECT {reference} AS \"Mentorship\", r.period_label AS \"Period\",
                r.period_from AS \"From\", r.period_to AS \"To\", r.written_on AS \"Written on\",
                r.mentor_comments AS \"Mentor's comments\",
                r.protege_comments AS \"Protégé's comments\", {scale} AS \"Scale\",
                r.overall_rating AS \"Overall rating\", {recommendation} AS \"Recommendation\",
                r.recommendation_reason AS \"Reason\"
             FROM progress_report r ORDER BY r.mentorship_id, r.period_from",
                reference = reference("MS", "r.mentorship_id"),
                scale = labels!("r.scale", RatingScale),
                recommendation = labels!("r.recommendation", Recommendation),
            ),
        ),
        (
            "Termination steps",
            format!(
            "SELECT {reference} AS \"Mentorship\", {kind} AS \"Step\", t.taken_on AS \"Taken on\",
                t.initiated_by AS \"Initiated by\", {reason} AS \"Reason\", t.notes AS \"Notes\",
                {informed} AS \"Coordinator informed\"
             FROM termination_step t ORDER BY t.mentorship_id, t.taken_on",
            reference = reference("MS", "t.mentorship_id"),
            kind = labels!("t.kind", StepKind),
            reason = labels!("t.reason", Reason),
            informed = yes_no("t.coordinator_informed"),
        ),
        ),
        (
            "Evaluations",
            format!(
                "SELECT {reference} AS \"Mentorship\", {form} AS \"Form\",
                e.answered_on AS \"Answered on\", {paper} AS \"From a printed form\",
                q.position AS \"Question\", q.text AS \"Asked\", a.rating AS \"Rating\",
                CASE a.yes WHEN 1 THEN 'Yes' WHEN 0 THEN 'No' END AS \"Yes or no\",
                a.text AS \"Written answer\"
             FROM evaluation_answer a JOIN evaluation e ON e.id = a.evaluation_id
             JOIN evaluation_question q ON q.id = a.question_id
             ORDER BY e.mentorship_id, e.form, q.position",
                reference = reference("MS", "e.mentorship_id"),
                form = labels!("e.form", Form),
                paper = yes_no("e.from_paper"),
            ),
        ),
        (
            "Applications",
            format!(
            "SELECT {reference} AS \"Reference\", {protege} AS \"Protégé\", {entry} AS \"Entry\",
                a.received_on AS \"Received on\", a.intake AS \"Intake\",
                a.wanted_start AS \"Wanted start\", a.wanted_end AS \"Wanted end\",
                {gender} AS \"Preferred mentor gender\",
                a.preferred_language AS \"Preferred language\", a.motivation AS \"Motivation\",
                {state} AS \"State\", {mentor} AS \"Mentor\", {mentorship} AS \"Mentorship\"
             FROM application a JOIN protege p ON p.id = a.protege_id
             LEFT JOIN mentor m ON m.id = a.mentor_id ORDER BY a.id",
            reference = reference("APP", "a.id"),
            protege = PROTEGE_NAME,
            entry = labels!("a.entry", Entry),
            gender = labels!("a.preferred_gender", Gender),
            state = labels!("a.state", State),
            mentor = MENTOR_NAME,
            mentorship = "CASE WHEN a.mentorship_id IS NOT NULL
                THEN 'MS-' || printf('%04d', a.mentorship_id) END",
        ),
        ),
        (
            "Committee reviews",
            format!(
                "SELECT {reference} AS \"Application\", c.reviewed_on AS \"Reviewed on\",
                c.members_present AS \"Members present\", {decision} AS \"Decision\",
                c.reasons AS \"Reasons\"
             FROM committee_review c ORDER BY c.application_id, c.reviewed_on",
                reference = reference("APP", "c.application_id"),
                decision = labels!("c.decision", Decision),
            ),
        ),
        (
            "Work plans",
            format!(
                "SELECT {reference} AS \"Mentorship\", w.due_on AS \"Due\", {kind} AS \"Kind\",
                w.title AS \"Title\", w.signed_off_on AS \"Signed off on\",
                w.sign_off_comment AS \"Sign-off comment\"
             FROM work_plan_event w ORDER BY w.mentorship_id, w.due_on",
                reference = reference("MS", "w.mentorship_id"),
                kind = labels!("w.kind", EventKind),
            ),
        ),
        (
            "Cycles",
            "SELECT name AS \"Cycle\", start_date AS \"Start\", end_date AS \"End\",
                mid_cycle_review AS \"Mid-cycle review\", annual_assessment AS \"Annual assessment\"
             FROM cycle ORDER BY start_date"
                .to_owned(),
        ),
        (
            "KPA allocations",
            format!(
                "SELECT {mentor} AS \"Mentor\", c.name AS \"Cycle\", k.version AS \"Version\",
                {status} AS \"Status\", k.line_manager AS \"Line manager\",
                k.consulted_on AS \"Consulted on\", {outcome} AS \"Consultation outcome\",
                k.consultation_notes AS \"Consultation notes\", k.finalised_on AS \"Finalised on\",
                k.hours_per_protege AS \"Hours a month per protégé\",
                k.preparation_hours AS \"Preparation hours a month\",
                k.working_hours_per_month AS \"Working hours a month\"
             FROM kpa_allocation k JOIN mentor m ON m.id = k.mentor_id
             JOIN cycle c ON c.id = k.cycle_id ORDER BY c.start_date, k.mentor_id, k.version",
                mentor = MENTOR_NAME,
                status = labels!("k.status", AllocationStatus),
                outcome = labels!("k.consultation_outcome", ConsultationOutcome),
            ),
        ),
        (
            "KPAs",
            format!(
                "SELECT {mentor} AS \"Mentor\", c.name AS \"Cycle\", k.version AS \"Version\",
                a.position + 1 AS \"KPA\", a.title AS \"Title\", a.outputs AS \"Outputs\",
                a.indicators AS \"Indicators\", a.weight AS \"Weight (%)\",
                {mentoring} AS \"Mentoring KPA\"
             FROM kpa a JOIN kpa_allocation k ON k.id = a.allocation_id
             JOIN mentor m ON m.id = k.mentor_id JOIN cycle c ON c.id = k.cycle_id
             ORDER BY c.start_date, k.mentor_id, k.version, a.position",
                mentor = MENTOR_NAME,
                mentoring = yes_no("a.mentoring"),
            ),
        ),
    ]
}
