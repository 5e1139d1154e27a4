//! Matching: ranked mentor suggestions for one application, each with a score and the reasons
//! in words, with the hard rules that exclude a mentor (and say why); and the exact assignment
//! of a whole cohort within every mentor's capacity. Pure: the facts come from
//! `store::matching`.

use chrono::NaiveDate;
use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use serde::Serialize;

use crate::domain::{search_key, Gender, Location, ProtegeKind};
use crate::settings::Settings;

/// The protégé of an application, as matching sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Seeker {
    pub application_id: i64,
    pub protege_id: i64,
    pub staff_id: i64,
    pub name: String,
    pub kind: ProtegeKind,
    /// The development needs written on the protégé's profile (their career goals when no
    /// needs are written): the words the mentor's expertise is compared with.
    pub needs: String,
    pub location: Option<Location>,
    pub gender: Option<Gender>,
    pub date_of_birth: Option<NaiveDate>,
    /// The protégé's line managers, nearest first (their own, theirs, ...), as staff ids.
    pub reporting_line: Vec<i64>,
    pub preferred_gender: Option<Gender>,
    pub preferred_language: String,
    pub wanted_start: NaiveDate,
    pub wanted_end: NaiveDate,
}

/// A mentor who might be suggested: internal, or offered by an external organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub mentor_id: i64,
    pub name: String,
    pub organisation: Option<String>,
    pub staff_id: Option<i64>,
    pub fields_of_expertise: String,
    pub languages: String,
    pub trained_on: Option<NaiveDate>,
    pub appointment_start: Option<NaiveDate>,
    pub appointment_end: Option<NaiveDate>,
    /// Years of experience in the division, and whether the programme manager recorded an
    /// override for a mentor with fewer than the programme asks.
    pub years_experience: u32,
    pub experience_override: bool,
    /// Protégés the mentor holds (draft or active) during the wanted period.
    pub holding: u32,
    pub location: Option<Location>,
    pub gender: Option<Gender>,
    pub date_of_birth: Option<NaiveDate>,
}

/// One reason behind a score, with the points it gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub points: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub mentor_id: i64,
    pub name: String,
    pub organisation: Option<String>,
    /// The sum of the reasons' points; 0 for an excluded mentor.
    pub score: u32,
    pub reasons: Vec<Reason>,
    /// Why a hard rule excludes this mentor; `None` when the mentor may be matched.
    pub excluded: Option<String>,
}

/// The hard rule that excludes `c` for `s`, in words, if any: the protégé themself; the
/// protégé's own line manager; someone higher in the same reporting line (when the setting says
/// so); no place free; no accredited training by the start; no appointment covering the wanted
/// period; too little experience without an override. The rules agree with
/// `rules::check_pairing`, so a mentor who passes here can be paired when the mentorship is
/// saved (a capacity override, which the pairing rules allow, is the officer's decision and
/// never a suggestion's).
pub fn exclusion(s: &Seeker, c: &Candidate, settings: &Settings) -> Option<String> {
    let mentor = &c.name;
    let protege = &s.name;
    if c.staff_id == Some(s.staff_id) {
        return Some(format!(
            "{mentor} is the protégé themself and cannot mentor their own application."
        ));
    }
    if let Some(staff_id) = c.staff_id {
        if s.reporting_line.first() == Some(&staff_id) {
            return Some(format!(
                "{mentor} is {protege}'s line manager; mentoring supplements supervision and does \
                 not replace it."
            ));
        }
        let higher = s
            .reporting_line
            .iter()
            .skip(1)
            .position(|&id| id == staff_id);
        if let (Some(steps), true) = (higher, settings.exclude_same_reporting_line) {
            // `steps` counts from the line manager's own manager, who is two levels up.
            return Some(format!(
                "{mentor} is {} levels above {protege} in the same reporting line, which the \
                 settings exclude.",
                steps + 2
            ));
        }
    }
    let capacity = settings.mentor_capacity;
    if c.holding >= capacity {
        let noun = if c.holding == 1 {
            "protégé"
        } else {
            "protégés"
        };
        return Some(format!(
            "{mentor} already holds {} {noun} in this period and the capacity is {capacity} \
             per mentor: no place is free.",
            c.holding
        ));
    }
    match c.trained_on {
        None => {
            return Some(format!(
                "{mentor} has not completed accredited mentor training."
            ))
        }
        Some(done) if done > s.wanted_start => {
            return Some(format!(
                "Training completes on {}, after the mentoring would start on {}.",
                long_date(done),
                long_date(s.wanted_start)
            ))
        }
        Some(_) => {}
    }
    match (c.appointment_start, c.appointment_end) {
        (_, None) | (None, _) => {
            return Some(format!("{mentor} has no appointment as mentor recorded."))
        }
        (Some(from), Some(_)) if from > s.wanted_start => {
            return Some(format!(
                "Appointment starts on {}, after the mentoring would start on {}.",
                long_date(from),
                long_date(s.wanted_start)
            ))
        }
        (Some(_), Some(to)) if to < s.wanted_end => {
            return Some(format!(
                "Appointment ends on {}, before the mentoring would end on {}.",
                long_date(to),
                long_date(s.wanted_end)
            ))
        }
        _ => {}
    }
    let needed = settings.mentor_min_years_experience;
    if c.years_experience <= needed && !c.experience_override {
        return Some(format!(
            "{mentor} has {} years of experience in the division; a mentor needs more than \
             {needed} unless an override is recorded.",
            c.years_experience
        ));
    }
    None
}

/// Scores one candidate with its reasons (excluded candidates score 0 and say why).
///
/// Each component is the weight times a share, rounded half up to whole points (7.5 → 8,
/// 7.4 → 7) in integer arithmetic, so the same facts always give the same points and the
/// reasons always add up to the score.
pub fn score(s: &Seeker, c: &Candidate, settings: &Settings) -> Suggestion {
    let needs = NeedWords::of(&s.needs);
    score_with(s, &needs, &words(&c.fields_of_expertise), c, settings)
}

/// `score` with the protégé's need words and the candidate's expertise words already picked
/// out, so a ranking or a cohort reads each text once.
fn score_with(
    s: &Seeker,
    needs: &NeedWords,
    fields: &[String],
    c: &Candidate,
    settings: &Settings,
) -> Suggestion {
    let mut suggestion = Suggestion {
        mentor_id: c.mentor_id,
        name: c.name.clone(),
        organisation: c.organisation.clone(),
        score: 0,
        reasons: Vec::new(),
        excluded: exclusion(s, c, settings),
    };
    if suggestion.excluded.is_some() {
        return suggestion;
    }
    let reasons = vec![
        expertise_reason(needs, fields, settings.match_weight_expertise),
        capacity_reason(c, settings),
        location_reason(s, c, settings.match_weight_location),
        age_reason(s, c, settings),
        gender_reason(s, c, settings.match_weight_gender),
        language_reason(s, c, settings.match_weight_language),
    ];
    suggestion.score = reasons.iter().map(|r| r.points).sum();
    suggestion.reasons = reasons;
    suggestion
}

/// Every candidate scored and ranked: the eligible by score (highest first, then by name and
/// id, so the order never depends on input order), then the excluded.
pub fn suggest(s: &Seeker, candidates: &[Candidate], settings: &Settings) -> Vec<Suggestion> {
    let needs = NeedWords::of(&s.needs);
    let mut all: Vec<Suggestion> = candidates
        .iter()
        .map(|c| score_with(s, &needs, &words(&c.fields_of_expertise), c, settings))
        .collect();
    all.sort_by(|a, b| {
        a.excluded
            .is_some()
            .cmp(&b.excluded.is_some())
            .then(b.score.cmp(&a.score))
            .then_with(|| a.name.cmp(&b.name))
            .then(a.mentor_id.cmp(&b.mentor_id))
    });
    all
}

/// Scores every protégé against every candidate, for a cohort: row `i`, column `j` is
/// `seekers[i]` with `candidates[j]`. `holding(i, j)` gives the protégés candidate `j` holds
/// during protégé `i`'s wanted period (it replaces `candidates[j].holding`), so each row says
/// exactly what `suggest` says for that protégé alone.
pub fn fit_matrix(
    seekers: &[Seeker],
    candidates: &[Candidate],
    holding: impl Fn(usize, usize) -> u32,
    settings: &Settings,
) -> Vec<Vec<Suggestion>> {
    let mut scratch = candidates.to_vec();
    let fields: Vec<Vec<String>> = candidates
        .iter()
        .map(|c| words(&c.fields_of_expertise))
        .collect();
    seekers
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let needs = NeedWords::of(&s.needs);
            scratch
                .iter_mut()
                .enumerate()
                .map(|(j, c)| {
                    c.holding = holding(i, j);
                    score_with(s, &needs, &fields[j], c, settings)
                })
                .collect()
        })
        .collect()
}

/// Assigns protégés (rows) to mentors (columns) so that the total fit is the greatest possible
/// with no mentor above `capacity[column]` and no excluded (`None`) pair used. Returns each
/// protégé's mentor column, or `None` when they are left unassigned.
///
/// Among assignments with the same greatest total fit, one that assigns more protégés wins: a
/// pair weighs `fit × (rows + 1) + 1` and leaving a protégé unassigned weighs 0. The `+ 1`
/// makes every allowed pair worth more than leaving the protégé out, even at fit 0, and the
/// factor `rows + 1` makes those extra points (at most `rows`) too few ever to outweigh one
/// point of fit, so the total fit is maximised first and the number assigned second.
///
/// The problem is solved exactly as an assignment problem (`pathfinding`'s Kuhn–Munkres):
/// each mentor becomes one column per place free, capped at the number of protégés who may
/// take them, plus as many "unassigned" columns (weight 0) as there are protégés, so there are
/// never more rows than columns. Kuhn–Munkres is O(rows² × columns): 300 protégés among 500
/// mentors with four places each take milliseconds.
pub fn assign(fit: &[Vec<Option<u32>>], capacity: &[u32]) -> Vec<Option<usize>> {
    let rows = fit.len();
    if rows == 0 {
        return Vec::new();
    }
    let scale = i64::try_from(rows).unwrap_or(i64::MAX / 4) + 1;
    let weight = |f: u32| i64::from(f) * scale + 1;

    // One column per usable place: a mentor nobody may take, or with no place free, adds none.
    let mut slot_mentor: Vec<usize> = Vec::new();
    for (mentor, &places) in capacity.iter().enumerate() {
        let takers = fit
            .iter()
            .filter(|row| row.get(mentor).copied().flatten().is_some())
            .count();
        let slots = (places as usize).min(takers);
        slot_mentor.extend(std::iter::repeat_n(mentor, slots));
    }
    let columns = slot_mentor.len() + rows;

    // A forbidden pair weighs less than the most any allowed assignment could gain, so the
    // all-unassigned answer (total 0) always beats an answer that uses one.
    let most: i64 = fit
        .iter()
        .map(|row| row.iter().flatten().map(|&f| weight(f)).max().unwrap_or(0))
        .sum();
    let forbidden = -(most + 1);

    let mut values = Vec::with_capacity(rows * columns);
    for row in fit {
        for &mentor in &slot_mentor {
            values.push(row.get(mentor).copied().flatten().map_or(forbidden, weight));
        }
        values.extend(std::iter::repeat_n(0, rows));
    }
    let Ok(matrix) = Matrix::from_vec(rows, columns, values) else {
        // Cannot happen: the vector is built with exactly rows × columns values.
        return vec![None; rows];
    };
    let (_, chosen) = kuhn_munkres(&matrix);
    chosen
        .into_iter()
        .enumerate()
        .map(|(row, column)| {
            let mentor = *slot_mentor.get(column)?;
            // The total beats any answer with a forbidden pair, but check rather than trust.
            fit[row].get(mentor).copied().flatten().map(|_| mentor)
        })
        .collect()
}

/// "31 March 2027", as the reasons write dates.
fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// `weight × part / whole`, rounded half up to whole points; 0 when `whole` is 0.
fn share(weight: u32, part: u64, whole: u64) -> u32 {
    if whole == 0 {
        return 0;
    }
    let points = (u64::from(weight) * part * 2 + whole) / (whole * 2);
    u32::try_from(points).unwrap_or(u32::MAX)
}

fn reason(points: u32, text: String) -> Reason {
    Reason {
        text: format!("{text}: +{points}"),
        points,
    }
}

/// Words too common in a profile to say anything about a match.
const STOP_WORDS: &[&str] = &[
    "able",
    "about",
    "also",
    "been",
    "being",
    "better",
    "could",
    "develop",
    "developing",
    "development",
    "from",
    "have",
    "improve",
    "improving",
    "including",
    "into",
    "more",
    "most",
    "need",
    "needs",
    "other",
    "should",
    "skill",
    "skills",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "they",
    "this",
    "through",
    "very",
    "well",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "within",
    "would",
];

/// Words of fewer letters than this are dropped ("HR", "and", "the").
const MIN_WORD: usize = 4;

/// Two words meet when they share this many first letters (or the whole of the shorter), so
/// "budgeting" meets "budget" and "reporting" meets "reports", but "procurement" does not
/// meet "process".
const STEM: usize = 5;

/// The folded, meaningful words of a text, each once, in the order written.
fn words(text: &str) -> Vec<String> {
    let folded = search_key(text);
    let mut out: Vec<String> = Vec::new();
    for word in folded.split(|ch: char| !ch.is_alphanumeric()) {
        if word.chars().count() < MIN_WORD || STOP_WORDS.contains(&word) {
            continue;
        }
        if !out.iter().any(|w| w == word) {
            out.push(word.to_owned());
        }
    }
    out
}

fn same_stem(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let needed = STEM.min(a.chars().count()).min(b.chars().count());
    common >= needed
}

/// The protégé's development-need words, read once per protégé. Words with the same stem
/// count once ("finance, financial reporting" is one need about finance, not two), the first
/// written standing for them.
struct NeedWords(Vec<String>);

impl NeedWords {
    fn of(needs: &str) -> NeedWords {
        let mut kept: Vec<String> = Vec::new();
        for word in words(needs) {
            if !kept.iter().any(|k| same_stem(k, &word)) {
                kept.push(word);
            }
        }
        NeedWords(kept)
    }
}

fn expertise_reason(needs: &NeedWords, fields: &[String], weight: u32) -> Reason {
    let total = needs.0.len();
    if total == 0 {
        return reason(
            0,
            "No development needs written to compare with expertise".into(),
        );
    }
    let met: Vec<&str> = needs
        .0
        .iter()
        .filter(|need| fields.iter().any(|f| same_stem(need, f)))
        .map(String::as_str)
        .collect();
    let points = share(weight, met.len() as u64, total as u64);
    let noun = if total == 1 { "need" } else { "needs" };
    if met.is_empty() {
        return reason(
            points,
            format!("Expertise covers none of {total} development {noun}"),
        );
    }
    reason(
        points,
        format!(
            "Expertise covers {} of {total} development {noun} ({})",
            met.len(),
            met.join(", ")
        ),
    )
}

fn capacity_reason(c: &Candidate, settings: &Settings) -> Reason {
    let capacity = settings.mentor_capacity;
    let free = capacity.saturating_sub(c.holding);
    let points = share(
        settings.match_weight_capacity,
        u64::from(free),
        u64::from(capacity),
    );
    let noun = if free == 1 { "place" } else { "places" };
    reason(points, format!("{free} of {capacity} {noun} free"))
}

fn location_reason(s: &Seeker, c: &Candidate, weight: u32) -> Reason {
    match (s.location, c.location) {
        (Some(a), Some(b)) if a == b => reason(
            weight,
            format!("Same location ({})", a.label().to_lowercase()),
        ),
        (Some(a), Some(b)) => reason(
            0,
            format!(
                "Different location (mentor {}, protégé {})",
                b.label().to_lowercase(),
                a.label().to_lowercase()
            ),
        ),
        _ => reason(0, "Location unknown".into()),
    }
}

fn age_reason(s: &Seeker, c: &Candidate, settings: &Settings) -> Reason {
    let weight = settings.match_weight_age_gap;
    let wanted = settings.match_age_gap_years;
    let (Some(protege_born), Some(mentor_born)) = (s.date_of_birth, c.date_of_birth) else {
        return reason(0, "Age gap: age unknown".into());
    };
    // Whole years from the mentor's birth to the protégé's: `None` when the mentor is younger.
    let Some(gap) = protege_born.years_since(mentor_born) else {
        return reason(0, "Mentor is younger than the protégé".into());
    };
    let points = if gap >= wanted {
        weight
    } else {
        share(weight, u64::from(gap), u64::from(wanted))
    };
    let noun = if gap == 1 { "year" } else { "years" };
    reason(
        points,
        format!("Mentor is {gap} {noun} older ({wanted} wanted for full points)"),
    )
}

fn gender_reason(s: &Seeker, c: &Candidate, weight: u32) -> Reason {
    match s.preferred_gender {
        None => reason(weight, "No gender preference".into()),
        Some(wanted) if c.gender == Some(wanted) => reason(
            weight,
            format!("A {} mentor, as preferred", wanted.label().to_lowercase()),
        ),
        Some(wanted) => reason(
            0,
            format!(
                "The protégé prefers a {} mentor",
                wanted.label().to_lowercase()
            ),
        ),
    }
}

fn language_reason(s: &Seeker, c: &Candidate, weight: u32) -> Reason {
    let wanted = s.preferred_language.trim();
    let wanted_words: Vec<String> = search_key(wanted)
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if wanted_words.is_empty() {
        return reason(weight, "No language preference".into());
    }
    let spoken = search_key(&c.languages);
    let spoken: Vec<&str> = spoken
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if wanted_words.iter().all(|w| spoken.contains(&w.as_str())) {
        reason(weight, format!("Mentors in {wanted}, as preferred"))
    } else {
        reason(
            0,
            format!("The protégé prefers {wanted}, which the mentor does not list"),
        )
    }
}
