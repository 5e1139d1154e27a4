//! The programme report: is the programme working? Its figures for a period — participation,
//! activity, outcomes, the mentors' workload and the employment-equity breakdown — counted by
//! `Store::programme_figures` from the records, then laid out here as the tables and charts
//! that the screen, the PDF and the CSV/XLSX export all show alike.
//!
//! Small groups are protected: a count of people in a breakdown that is above nought but
//! under the `report_smallest_count` setting reads "fewer than 3", and when a column would
//! hide only one such cell, the next smallest reads "not shown", so that the total cannot
//! give the hidden one away. No name appears unless the appendix is asked for.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::chart::{self, Chart, ChartKind, Series};
use crate::domain::{Gender, GoalStatus, ProtegeKind, Race};
use crate::evaluation::{AnswerKind, Form};
use crate::export::{self, Cell, Exported, Format, Sheet};
use crate::progress::{Period, Recommendation};
use crate::settings::OccupationalLevel;
use crate::termination::Reason;
use crate::Result;

/// Everything the programme report counts for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgrammeFigures {
    pub period: Period,
    pub participation: Participation,
    pub activity: Activity,
    pub outcomes: Outcomes,
    pub workload: MentorLoads,
    pub equity: Equity,
    pub evaluations: EvaluationFigures,
    /// The smallest count of people printed as a number (the `report_smallest_count` setting).
    pub smallest_count: u32,
    /// The mentorships under way, by name, for the appendix the officer may ask for.
    pub appendix: Vec<AppendixLine>,
}

/// Who came into the programme and how their mentorships went.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Participation {
    pub applications_received: u32,
    /// Applications the committee approved or rejected in the period.
    pub approved: u32,
    pub rejected: u32,
    /// Applications proposed to a mentor in the period.
    pub matched: u32,
    /// Mentorships (not drafts) that started in the period.
    pub started: u32,
    /// Mentorships (not drafts) that ran on at least one day of the period.
    pub under_way: u32,
    /// Mentorships completed, or terminated early, with their end in the period.
    pub completed: u32,
    pub terminated: u32,
    /// The terminations by the reason their decision records (`None`: not recorded).
    pub termination_reasons: Vec<(Option<Reason>, u32)>,
    /// Mentorships a progress report written in the period recommends extending.
    pub extension_recommended: u32,
    /// The protégés of the mentorships under way, by kind.
    pub proteges_by_kind: Vec<(ProtegeKind, u32)>,
}

/// What the mentorships did in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Activity {
    /// Each month the period touches, first to last.
    pub months: Vec<MonthActivity>,
    /// Mentorships under way with no session held in the period.
    pub without_session: u32,
    /// Work-plan events due in the period: signed off by their date, after it, or not yet.
    pub events_on_time: u32,
    pub events_late: u32,
    pub events_open: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthActivity {
    /// The first day of the month.
    pub month: NaiveDate,
    pub sessions: u32,
    pub minutes: u32,
}

impl MonthActivity {
    pub fn hours(&self) -> f64 {
        f64::from(self.minutes) / 60.0
    }
}

/// What the mentorships achieved.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Outcomes {
    /// The goals of the mentorships under way, by status.
    pub goals: Vec<(GoalStatus, u32)>,
    /// Competencies rated at least twice by the period's end: the latest rating against the
    /// first, higher, the same or lower; and those rated once only.
    pub competencies_up: u32,
    pub competencies_same: u32,
    pub competencies_down: u32,
    pub competencies_rated_once: u32,
    /// The recommendations of the progress reports written in the period.
    pub recommendations: Vec<(Recommendation, u32)>,
}

/// How much the mentors carried in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MentorLoads {
    /// The most protégés a mentor takes without a recorded override (the setting).
    pub capacity: u32,
    /// The mentoring hours a month the norm allows each protégé (the setting).
    pub hours_per_month: f64,
    /// The mentors by how many protégés they had under way: `(protégés, mentors)`.
    pub by_proteges: Vec<(u32, u32)>,
    /// Mentors whose session hours in the period reached the norm for their protégés, and
    /// those whose hours fell short of it.
    pub hours_at_norm: u32,
    pub hours_below_norm: u32,
    /// Hours logged and the norm's hours, over all mentors.
    pub hours_logged: f64,
    pub hours_norm: f64,
}

/// What the evaluation forms said.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EvaluationFigures {
    /// Forms of the mentorships (not drafts) that fell due in the period, and of those the
    /// ones answered.
    pub due: u32,
    pub answered: u32,
    /// Each question answered on a form filled in during the period, in the forms' order.
    pub questions: Vec<QuestionFigures>,
    /// The written answers, by form, listed only when the officer asks for them.
    pub comments: Vec<(Form, String)>,
}

/// The answers to one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionFigures {
    pub form: Form,
    pub position: u32,
    pub text: String,
    pub answer: AnswerKind,
    pub answers: u32,
    /// For a rating question, how many gave each point, from 1 up.
    pub spread: Vec<u32>,
    pub yes: u32,
}

impl QuestionFigures {
    pub fn average(&self) -> Option<f64> {
        let total: u32 = self.spread.iter().sum();
        let points: u32 = (1..).zip(&self.spread).map(|(point, n)| point * n).sum();
        (total > 0).then(|| f64::from(points) / f64::from(total))
    }

    /// "Protégé mid-point Q1": the question as a chart's axis names it.
    fn short_name(&self) -> String {
        let who = match self.form {
            Form::ProtegeMidpoint => "Protégé mid-point",
            Form::MentorMidpoint => "Mentor mid-point",
            Form::ProtegeEnd => "Protégé end",
            Form::MentorEnd => "Mentor end",
            Form::MentorSelf => "Self-assessment",
        };
        format!("{who} Q{}", self.position)
    }
}

/// The employment-equity breakdown of the programme's mentors and protégés beside all staff.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Equity {
    pub levels: Vec<OccupationalLevel>,
    /// Mentors on the staff register, protégés and all staff, in that order.
    pub populations: Vec<Population>,
    /// Mentors from external organisations, who are not on the staff register.
    pub external_mentors: u32,
}

/// The people of one population counted the employment-equity report's way.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Population {
    pub name: String,
    pub total: u32,
    /// For each race (`Race::ALL`) the women and the men; then race or gender not recorded.
    pub race_gender: Vec<[u32; 2]>,
    pub not_recorded: u32,
    pub with_disability: u32,
    /// For each occupational level, highest first; then salary level not recorded.
    pub by_level: Vec<u32>,
    pub level_not_recorded: u32,
}

/// A person counted in a population, as the register records them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Person {
    pub race: Option<Race>,
    pub gender: Option<Gender>,
    pub disability: bool,
    pub salary_level: Option<u8>,
}

impl Population {
    pub fn count(name: &str, people: &[Person], levels: &[OccupationalLevel]) -> Population {
        let mut p = Population {
            name: name.to_owned(),
            total: people.len() as u32,
            race_gender: vec![[0, 0]; Race::ALL.len()],
            by_level: vec![0; levels.len()],
            ..Population::default()
        };
        for person in people {
            let race = person
                .race
                .and_then(|r| Race::ALL.iter().position(|&x| x == r));
            match (race, person.gender) {
                (Some(r), Some(Gender::Female)) => p.race_gender[r][0] += 1,
                (Some(r), Some(Gender::Male)) => p.race_gender[r][1] += 1,
                _ => p.not_recorded += 1,
            }
            p.with_disability += u32::from(person.disability);
            let level = person
                .salary_level
                .and_then(|l| levels.iter().position(|band| band.holds(l)));
            match level {
                Some(l) => p.by_level[l] += 1,
                None => p.level_not_recorded += 1,
            }
        }
        p
    }
}

/// One mentorship under way, named, for the appendix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppendixLine {
    pub protege: String,
    pub mentor: String,
    pub kind: ProtegeKind,
    pub status: String,
    pub sessions: u32,
}

/// A table of the report as every output shows it: a title, column headings and rows of text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureTable {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl FigureTable {
    /// The table as a sheet to export: whole numbers and decimals as numbers, so a
    /// spreadsheet can sum them; "fewer than 3", percentages and labels as the report prints
    /// them.
    pub fn sheet(&self) -> Sheet {
        let cell = |text: &String| match (text.parse::<i64>(), text.parse::<f64>()) {
            (Ok(n), _) => Cell::Integer(n),
            (_, Ok(x)) if x.is_finite() => Cell::Number(x),
            _ => Cell::Text(text.clone()),
        };
        Sheet {
            title: self.title.clone(),
            headers: self.columns.clone(),
            rows: self
                .rows
                .iter()
                .map(|row| row.iter().map(cell).collect())
                .collect(),
        }
    }
}

/// The file the report's tables are written to as a workbook.
pub const REPORT_WORKBOOK: &str = "programme-report.xlsx";

/// One part of the report: its heading, tables and charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub title: String,
    pub tables: Vec<FigureTable>,
    /// What a reader must know to read the tables right.
    pub notes: Vec<String>,
    pub charts: Vec<Chart>,
}

/// A count of people as the report prints it: hidden when small, so no one is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Count(u32),
    FewerThan(u32),
    /// Not small, but hidden so that the total cannot give a small one away.
    Withheld,
}

impl Shown {
    fn text(self) -> String {
        match self {
            Shown::Count(n) => n.to_string(),
            Shown::FewerThan(n) => format!("fewer than {n}"),
            Shown::Withheld => "not shown".to_owned(),
        }
    }

    /// The share of `total` as a percentage with one decimal; hidden with the count.
    fn share(self, total: u32) -> String {
        match self {
            Shown::Count(n) if total > 0 => {
                format!("{:.1}%", f64::from(n) * 100.0 / f64::from(total))
            }
            Shown::Count(_) | Shown::FewerThan(_) | Shown::Withheld => "–".to_owned(),
        }
    }
}

/// The counts of one column of people as printed: each count above nought and under
/// `smallest` is hidden, and when that hides exactly one, the smallest other count above
/// nought is hidden as well, so that the column's total does not give the hidden one away.
fn protect(counts: &[u32], smallest: u32) -> Vec<Shown> {
    let small = |n: u32| n > 0 && n < smallest;
    let mut shown: Vec<Shown> = counts
        .iter()
        .map(|&n| {
            if small(n) {
                Shown::FewerThan(smallest)
            } else {
                Shown::Count(n)
            }
        })
        .collect();
    if counts.iter().filter(|&&n| small(n)).count() == 1 {
        let next = counts
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n >= smallest)
            .min_by_key(|&(_, &n)| n);
        if let Some((i, _)) = next {
            shown[i] = Shown::Withheld;
        }
    }
    shown
}

/// The first day of each month from `from`'s to `to`'s.
pub fn months_of(period: &Period) -> Vec<NaiveDate> {
    let first = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let mut months = Vec::new();
    let mut month = first(period.from);
    while month <= period.to {
        months.push(month);
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    months
}

/// A month as a chart's axis and a table name it: "Apr 2026".
fn month_label(month: NaiveDate) -> String {
    month.format("%b %Y").to_string()
}

fn count_rows<T>(counts: &[(T, u32)], label: impl Fn(&T) -> String) -> Vec<Vec<String>> {
    counts
        .iter()
        .map(|(what, n)| vec![label(what), n.to_string()])
        .collect()
}

/// The report as the window shows it: its sections and, when asked for, the named appendix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportView {
    pub period: Period,
    pub sections: Vec<Section>,
    pub comments: Option<FigureTable>,
    pub appendix: Option<FigureTable>,
}

/// What the officer chose to put in the report besides its figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct ReportOptions {
    /// The appendix listing the mentorships under way by name.
    #[serde(default)]
    pub with_names: bool,
    /// The written answers of the evaluation forms (without names).
    #[serde(default)]
    pub with_comments: bool,
}

impl ProgrammeFigures {
    /// The report for the window.
    pub fn view(&self, options: ReportOptions) -> ReportView {
        ReportView {
            period: self.period.clone(),
            sections: self.sections(),
            comments: options.with_comments.then(|| self.comments_table()),
            appendix: options.with_names.then(|| self.appendix_table()),
        }
    }

    /// The report's sections, in the order it is read, with their tables and charts.
    pub fn sections(&self) -> Vec<Section> {
        vec![
            self.participation_section(),
            self.activity_section(),
            self.outcomes_section(),
            self.workload_section(),
            self.equity_section(),
            self.evaluation_section(),
        ]
    }

    /// Every table of the report, in order, for the CSV and XLSX export; the written answers
    /// and the named appendix last, each only when it is asked for.
    pub fn tables(&self, options: ReportOptions) -> Vec<FigureTable> {
        let view = self.view(options);
        let sections = view.sections.into_iter().flat_map(|s| s.tables);
        sections.chain(view.comments).chain(view.appendix).collect()
    }

    /// The folder a window's CSV export of the report goes into: "Programme report 2026-10-01
    /// to 2026-12-31".
    pub fn folder_name(&self) -> String {
        format!(
            "Programme report {} to {}",
            self.period.from, self.period.to
        )
    }

    /// Writes every table into the folder `dir`: a CSV file each, or one workbook
    /// (`REPORT_WORKBOOK`) with a sheet each, under the same titles and headings as printed.
    pub fn export(&self, dir: &Path, format: Format, options: ReportOptions) -> Result<Exported> {
        let sheets: Vec<Sheet> = self
            .tables(options)
            .iter()
            .map(FigureTable::sheet)
            .collect();
        export::write(&sheets, dir, format, REPORT_WORKBOOK)
    }

    /// A breakdown of people, one row per group, each count protected.
    fn people_rows(&self, groups: &[(String, u32)]) -> Vec<Vec<String>> {
        let counts: Vec<u32> = groups.iter().map(|(_, n)| *n).collect();
        let total = counts.iter().sum();
        protect(&counts, self.smallest_count)
            .into_iter()
            .zip(groups)
            .map(|(shown, (label, _))| vec![label.clone(), shown.text(), shown.share(total)])
            .collect()
    }

    fn participation_section(&self) -> Section {
        let p = &self.participation;
        let figures = [
            ("Applications received", p.applications_received),
            ("Applications approved by the committee", p.approved),
            ("Applications rejected by the committee", p.rejected),
            ("Applications matched with a mentor", p.matched),
            ("Mentorships started", p.started),
            ("Mentorships under way", p.under_way),
            ("Mentorships completed", p.completed),
            ("Mentorships terminated early", p.terminated),
            (
                "Mentorships recommended for extension",
                p.extension_recommended,
            ),
        ];
        let kinds: Vec<(String, u32)> = p
            .proteges_by_kind
            .iter()
            .map(|(kind, n)| (kind.label().to_owned(), *n))
            .collect();
        let reasons: Vec<(String, u32)> = p
            .termination_reasons
            .iter()
            .map(|(reason, n)| (reason.map_or("Not recorded", Reason::label).to_owned(), *n))
            .collect();
        let mut tables = vec![
            FigureTable {
                title: "Participation".into(),
                columns: vec!["Figure".into(), "Count".into()],
                rows: count_rows(&figures, |label| (*label).to_owned()),
            },
            FigureTable {
                title: "Protégés of the mentorships under way, by kind".into(),
                columns: vec!["Kind".into(), "Protégés".into(), "Share".into()],
                rows: self.people_rows(&kinds),
            },
        ];
        if !reasons.is_empty() {
            tables.push(FigureTable {
                title: "Early terminations, by reason".into(),
                columns: vec!["Reason".into(), "Mentorships".into(), "Share".into()],
                rows: self.people_rows(&reasons),
            });
        }
        let flow = [p.started, p.under_way, p.completed, p.terminated];
        Section {
            title: "Participation".into(),
            tables,
            notes: Vec::new(),
            charts: vec![Chart {
                title: "Mentorships in the period".into(),
                kind: ChartKind::Bars,
                categories: ["Started", "Under way", "Completed", "Terminated early"]
                    .map(str::to_owned)
                    .to_vec(),
                series: vec![Series::new("Mentorships", &flow.map(f64::from))],
                value_label: "Mentorships".into(),
                empty: "No mentorship ran in this period.".into(),
            }],
        }
    }

    fn activity_section(&self) -> Section {
        let a = &self.activity;
        let months: Vec<String> = a.months.iter().map(|m| month_label(m.month)).collect();
        let sessions: Vec<f64> = a.months.iter().map(|m| f64::from(m.sessions)).collect();
        let hours: Vec<f64> = a.months.iter().map(MonthActivity::hours).collect();
        let total_sessions: u32 = a.months.iter().map(|m| m.sessions).sum();
        let total_hours: f64 = hours.iter().sum();
        let mut rows: Vec<Vec<String>> = a
            .months
            .iter()
            .zip(&months)
            .map(|(m, label)| {
                vec![
                    label.clone(),
                    m.sessions.to_string(),
                    format!("{:.1}", m.hours()),
                ]
            })
            .collect();
        rows.push(vec![
            "Whole period".into(),
            total_sessions.to_string(),
            format!("{total_hours:.1}"),
        ]);
        let events = [
            ("Signed off by their date", a.events_on_time),
            ("Signed off late", a.events_late),
            ("Not signed off yet", a.events_open),
        ];
        Section {
            title: "Activity".into(),
            notes: Vec::new(),
            tables: vec![
                FigureTable {
                    title: "Sessions held and hours, by month".into(),
                    columns: vec!["Month".into(), "Sessions".into(), "Hours".into()],
                    rows,
                },
                FigureTable {
                    title: "Work-plan events due in the period".into(),
                    columns: vec!["Events".into(), "Count".into()],
                    rows: count_rows(&events, |label| (*label).to_owned()),
                },
                FigureTable {
                    title: "Mentorships under way with no session in the period".into(),
                    columns: vec!["Figure".into(), "Count".into()],
                    rows: vec![vec![
                        "Mentorships with no session".into(),
                        a.without_session.to_string(),
                    ]],
                },
            ],
            charts: vec![
                Chart {
                    title: "Sessions held per month".into(),
                    kind: ChartKind::Bars,
                    categories: months.clone(),
                    series: vec![Series::new("Sessions", &sessions)],
                    value_label: "Sessions".into(),
                    empty: "No sessions were held in this period.".into(),
                },
                Chart {
                    title: "Hours of mentoring per month".into(),
                    kind: ChartKind::Lines,
                    categories: months,
                    series: vec![Series::new("Hours", &hours)],
                    value_label: "Hours".into(),
                    empty: "No sessions were held in this period.".into(),
                },
            ],
        }
    }

    fn outcomes_section(&self) -> Section {
        let o = &self.outcomes;
        let competencies = [
            ("Rated higher than at first", o.competencies_up),
            ("Rated the same", o.competencies_same),
            ("Rated lower than at first", o.competencies_down),
            ("Rated once only", o.competencies_rated_once),
        ];
        Section {
            title: "Outcomes".into(),
            notes: Vec::new(),
            tables: vec![
                FigureTable {
                    title: "Goals of the mentorships under way".into(),
                    columns: vec!["Status".into(), "Goals".into()],
                    rows: count_rows(&o.goals, |status| status.label().to_owned()),
                },
                FigureTable {
                    title: "Competencies: the latest rating against the first".into(),
                    columns: vec!["Competencies".into(), "Count".into()],
                    rows: count_rows(&competencies, |label| (*label).to_owned()),
                },
                FigureTable {
                    title: "Recommendations in the progress reports written".into(),
                    columns: vec!["Recommendation".into(), "Reports".into()],
                    rows: count_rows(&o.recommendations, |r| r.label().to_owned()),
                },
            ],
            charts: vec![Chart {
                title: "Goals by status".into(),
                kind: ChartKind::Bars,
                categories: o.goals.iter().map(|(s, _)| s.label().to_owned()).collect(),
                series: vec![Series::new(
                    "Goals",
                    &o.goals
                        .iter()
                        .map(|(_, n)| f64::from(*n))
                        .collect::<Vec<_>>(),
                )],
                value_label: "Goals".into(),
                empty: "The mentorships of this period set no goals.".into(),
            }],
        }
    }

    fn workload_section(&self) -> Section {
        let w = &self.workload;
        let loads: Vec<(String, u32)> = w
            .by_proteges
            .iter()
            .map(|(proteges, mentors)| {
                let over = if *proteges > w.capacity {
                    " (over capacity)"
                } else {
                    ""
                };
                (format!("{proteges} protégé(s){over}"), *mentors)
            })
            .collect();
        let hours = [
            ("Mentors whose hours reached the norm", w.hours_at_norm),
            (
                "Mentors whose hours fell short of the norm",
                w.hours_below_norm,
            ),
        ];
        let mut hour_rows = count_rows(&hours, |label| (*label).to_owned());
        hour_rows.push(vec![
            "Hours logged".into(),
            format!("{:.1}", w.hours_logged),
        ]);
        hour_rows.push(vec![
            "Hours the norm asks for".into(),
            format!("{:.1}", w.hours_norm),
        ]);
        Section {
            title: "Mentor workload".into(),
            notes: vec![format!(
                "The norm is {} hours of mentoring a month for each protégé, over the days each \
                 mentorship ran in the period.",
                chart::format_value(self.workload.hours_per_month)
            )],
            tables: vec![
                FigureTable {
                    title: format!("Mentors by protégés under way (capacity {})", w.capacity),
                    columns: vec!["Protégés".into(), "Mentors".into(), "Share".into()],
                    rows: self.people_rows(&loads),
                },
                FigureTable {
                    title: "Session hours against the norm".into(),
                    columns: vec!["Figure".into(), "Value".into()],
                    rows: hour_rows,
                },
            ],
            charts: vec![Chart {
                title: "Session hours against the norm".into(),
                kind: ChartKind::Bars,
                categories: vec!["Hours logged".into(), "Hours the norm asks for".into()],
                series: vec![Series::new("Hours", &[w.hours_logged, w.hours_norm])],
                value_label: "Hours".into(),
                empty: "No mentor had a protégé in this period.".into(),
            }],
        }
    }

    fn equity_section(&self) -> Section {
        let e = &self.equity;
        let smallest = self.smallest_count;
        let headings = |first: &str| {
            let mut columns = vec![first.to_owned()];
            for p in &e.populations {
                columns.push(p.name.clone());
                columns.push("%".into());
            }
            columns
        };
        // Each population is a column of counts, protected on its own.
        let table = |title: &str,
                     first: &str,
                     labels: &[String],
                     column: &dyn Fn(&Population) -> Vec<u32>| {
            let shown: Vec<(Vec<Shown>, u32)> = e
                .populations
                .iter()
                .map(|p| (protect(&column(p), smallest), p.total))
                .collect();
            let rows = labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let mut row = vec![label.clone()];
                    for (cells, total) in &shown {
                        row.push(cells[i].text());
                        row.push(cells[i].share(*total));
                    }
                    row
                })
                .collect();
            FigureTable {
                title: title.to_owned(),
                columns: headings(first),
                rows,
            }
        };
        let mut race_labels = Vec::new();
        for race in Race::ALL {
            for gender in ["women", "men"] {
                race_labels.push(format!("{} {gender}", race.label()));
            }
        }
        race_labels.push("Race or gender not recorded".into());
        let race_gender = |p: &Population| {
            let mut cells: Vec<u32> = p.race_gender.iter().flatten().copied().collect();
            cells.push(p.not_recorded);
            cells
        };
        let mut level_labels: Vec<String> = e
            .levels
            .iter()
            .map(|l| format!("{} (levels {}–{})", l.name, l.from, l.to))
            .collect();
        level_labels.push("Salary level not recorded".into());
        let by_level = |p: &Population| {
            let mut cells = p.by_level.clone();
            cells.push(p.level_not_recorded);
            cells
        };
        let disability_labels = ["People with disabilities".to_owned(), "Others".to_owned()];
        let disability = |p: &Population| vec![p.with_disability, p.total - p.with_disability];
        let mut totals = vec!["All".to_owned()];
        for p in &e.populations {
            totals.push(p.total.to_string());
            totals.push("100.0%".into());
        }
        let mut race_table = table("Race and gender", "Group", &race_labels, &race_gender);
        race_table.rows.push(totals);
        Section {
            title: "Employment equity".into(),
            notes: if e.external_mentors > 0 {
                vec![format!(
                    "Mentors from external organisations are not on the staff register and are \
                     left out of these tables: {} in this period.",
                    e.external_mentors
                )]
            } else {
                Vec::new()
            },
            tables: vec![
                race_table,
                table("Disability", "Group", &disability_labels, &disability),
                table("Occupational level", "Level", &level_labels, &by_level),
            ],
            charts: vec![self.designated_groups_chart()],
        }
    }

    /// The share of women, of black people (African, Coloured and Indian) and of people with
    /// disabilities in each population; a share resting on a hidden count is left out.
    fn designated_groups_chart(&self) -> Chart {
        let smallest = self.smallest_count;
        let share = |n: u32, total: u32| {
            if total == 0 || (n > 0 && n < smallest) {
                f64::NAN
            } else {
                f64::from(n) * 100.0 / f64::from(total)
            }
        };
        let series = self
            .equity
            .populations
            .iter()
            .map(|p| {
                let women: u32 = p.race_gender.iter().map(|c| c[0]).sum();
                let black: u32 = p.race_gender[..3].iter().flatten().sum();
                Series::new(
                    &p.name,
                    &[
                        share(women, p.total),
                        share(black, p.total),
                        share(p.with_disability, p.total),
                    ],
                )
            })
            .collect();
        Chart {
            title: "Designated groups: share of each population (%)".into(),
            kind: ChartKind::Bars,
            categories: vec![
                "Women".into(),
                "Black (African, Coloured, Indian)".into(),
                "People with disabilities".into(),
            ],
            series,
            value_label: "%".into(),
            empty: "No one is on the register.".into(),
        }
    }

    fn evaluation_section(&self) -> Section {
        let e = &self.evaluations;
        let smallest = self.smallest_count;
        let rate = if e.due > 0 {
            format!("{:.1}%", f64::from(e.answered) * 100.0 / f64::from(e.due))
        } else {
            "–".to_owned()
        };
        let few = format!("fewer than {smallest} answers");
        let ratings: Vec<&QuestionFigures> = e
            .questions
            .iter()
            .filter(|q| q.answer == AnswerKind::Rating)
            .collect();
        Section {
            title: "Evaluations".into(),
            tables: vec![
                FigureTable {
                    title: "Evaluation forms due in the period".into(),
                    columns: vec!["Figure".into(), "Value".into()],
                    rows: vec![
                        vec!["Forms due".into(), e.due.to_string()],
                        vec!["Forms answered".into(), e.answered.to_string()],
                        vec!["Response rate".into(), rate],
                    ],
                },
                FigureTable {
                    title: "Ratings, by question".into(),
                    columns: ["Question", "Asked", "Answers", "Average"]
                        .map(str::to_owned)
                        .to_vec(),
                    rows: ratings
                        .iter()
                        .map(|q| {
                            let average = match (q.answers < smallest, q.average()) {
                                (true, _) => few.clone(),
                                (false, Some(a)) => format!("{a:.2}"),
                                (false, None) => "–".to_owned(),
                            };
                            vec![
                                q.short_name(),
                                q.text.clone(),
                                q.answers.to_string(),
                                average,
                            ]
                        })
                        .collect(),
                },
                FigureTable {
                    title: "Yes-or-no questions".into(),
                    columns: ["Question", "Asked", "Answers", "Yes"]
                        .map(str::to_owned)
                        .to_vec(),
                    rows: e
                        .questions
                        .iter()
                        .filter(|q| q.answer == AnswerKind::YesNo)
                        .map(|q| {
                            let yes = if q.answers < smallest {
                                few.clone()
                            } else {
                                Shown::Count(q.yes).share(q.answers)
                            };
                            vec![q.short_name(), q.text.clone(), q.answers.to_string(), yes]
                        })
                        .collect(),
                },
            ],
            notes: vec![format!(
                "Averages and shares rest on the forms filled in during the period; a question \
                 answered by fewer than {smallest} people shows no average, so that no one's \
                 answer can be read from it."
            )],
            charts: self.spread_charts(&ratings),
        }
    }

    /// How the ratings of each form spread over the scale's points, a stacked bar per question;
    /// a question answered by fewer than the smallest count is left out. One chart saying so
    /// when no form was answered.
    fn spread_charts(&self, ratings: &[&QuestionFigures]) -> Vec<Chart> {
        let smallest = self.smallest_count;
        let chart = |title: String, questions: &[&QuestionFigures]| {
            let points = questions.iter().map(|q| q.spread.len()).max().unwrap_or(0);
            let series = (0..points)
                .map(|point| {
                    let values: Vec<f64> = questions
                        .iter()
                        .map(|q| match q.spread.get(point) {
                            Some(&n) if q.answers >= smallest => f64::from(n),
                            _ => f64::NAN,
                        })
                        .collect();
                    Series::new(&(point + 1).to_string(), &values)
                })
                .collect();
            Chart {
                title,
                kind: ChartKind::StackedBars,
                categories: questions
                    .iter()
                    .map(|q| format!("Q{}", q.position))
                    .collect(),
                series,
                value_label: "Answers".into(),
                empty: format!(
                    "No rating question was answered by {smallest} or more people on the forms \
                     filled in during this period."
                ),
            }
        };
        let charts: Vec<Chart> = Form::ALL
            .iter()
            .filter_map(|&form| {
                let questions: Vec<&QuestionFigures> =
                    ratings.iter().copied().filter(|q| q.form == form).collect();
                (!questions.is_empty()).then(|| {
                    chart(
                        format!("Spread of the ratings: {}", form.label().to_lowercase()),
                        &questions,
                    )
                })
            })
            .collect();
        if charts.is_empty() {
            return vec![chart("Spread of the ratings".into(), &[])];
        }
        charts
    }

    /// The written answers of the evaluation forms, without names, for when the officer asks.
    pub fn comments_table(&self) -> FigureTable {
        FigureTable {
            title: "Evaluations: written answers".into(),
            columns: vec!["Form".into(), "Answer".into()],
            rows: self
                .evaluations
                .comments
                .iter()
                .map(|(form, text)| vec![form.label().to_owned(), text.clone()])
                .collect(),
        }
    }

    /// The named appendix: every mentorship under way, by protégé.
    pub fn appendix_table(&self) -> FigureTable {
        FigureTable {
            title: "Appendix: the mentorships under way".into(),
            columns: ["Protégé", "Mentor", "Kind", "Status", "Sessions"]
                .map(str::to_owned)
                .to_vec(),
            rows: self
                .appendix
                .iter()
                .map(|a| {
                    vec![
                        a.protege.clone(),
                        a.mentor.clone(),
                        a.kind.label().to_owned(),
                        a.status.clone(),
                        a.sessions.to_string(),
                    ]
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden_and_a_lone_one_takes_the_next_smallest_with_it() {
        let text = |counts: &[u32]| -> Vec<String> {
            protect(counts, 3).into_iter().map(Shown::text).collect()
        };
        assert_eq!(text(&[5, 0, 7]), ["5", "0", "7"]);
        assert_eq!(
            text(&[5, 2, 1, 7]),
            ["5", "fewer than 3", "fewer than 3", "7"]
        );
        assert_eq!(text(&[5, 1, 9, 4]), ["5", "fewer than 3", "9", "not shown"]);
        assert_eq!(text(&[1, 0]), ["fewer than 3", "0"]);
        assert_eq!(Shown::FewerThan(3).share(10), "–");
        assert_eq!(Shown::Count(1).share(3), "33.3%");
    }

    #[test]
    fn the_months_of_a_period_run_from_its_first_to_its_last() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let period = Period::range(day(2026, 11, 15), day(2027, 2, 1)).unwrap();
        let months: Vec<String> = months_of(&period).into_iter().map(month_label).collect();
        assert_eq!(months, ["Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027"]);
    }
}
