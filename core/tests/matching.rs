//! Matching: the hard rules one by one (pure and through the store), scores that are
//! deterministic and explain themselves, the refusal of an excluded mentor, the cohort proposal
//! that saves nothing, and the exact assignment checked against brute force.

use chrono::NaiveDate;
use mentordesk_core::domain::*;
use mentordesk_core::matching::{assign, exclusion, score, suggest, Candidate, Seeker};
use mentordesk_core::selection::Application;
use mentordesk_core::settings::Settings;
use mentordesk_core::{Error, Rule, Store};
use proptest::prelude::*;

use crate::{date, fixtures};

fn today() -> NaiveDate {
    date("2026-11-23")
}

fn settings() -> Settings {
    Settings::from_pairs([
        ("mentor_capacity", "4"),
        ("mentor_min_years_experience", "5"),
    ])
    .unwrap()
}

/// A protégé (staff 10) whose line manager is staff 20, who reports to staff 30.
fn seeker() -> Seeker {
    Seeker {
        application_id: 1,
        protege_id: 1,
        staff_id: 10,
        name: "Thandi Nkosi".into(),
        kind: ProtegeKind::Applicant,
        needs: "Budgeting, procurement, reporting, negotiation and leadership".into(),
        location: Some(Location::Rural),
        gender: Some(Gender::Female),
        date_of_birth: Some(date("1995-06-01")),
        reporting_line: vec![20, 30],
        preferred_gender: None,
        preferred_language: String::new(),
        wanted_start: date("2027-01-01"),
        wanted_end: date("2027-06-30"),
    }
}

/// A mentor no hard rule excludes.
fn candidate() -> Candidate {
    Candidate {
        mentor_id: 7,
        name: "Sipho Dlamini".into(),
        organisation: None,
        staff_id: Some(40),
        fields_of_expertise: "Budget planning, public procurement, monthly reports".into(),
        languages: "English, isiZulu".into(),
        trained_on: Some(date("2026-05-01")),
        appointment_start: Some(date("2026-10-01")),
        appointment_end: Some(date("2027-09-30")),
        years_experience: 12,
        experience_override: false,
        holding: 2,
        location: Some(Location::Rural),
        gender: Some(Gender::Male),
        date_of_birth: Some(date("1988-06-01")),
    }
}

/// The exclusion of `c` (for the usual protégé and settings) contains `expected`, or is none.
fn check(c: Candidate, settings: &Settings, expected: Option<&str>) {
    let got = exclusion(&seeker(), &c, settings);
    match (expected, &got) {
        (None, None) => {}
        (Some(words), Some(why)) if why.contains(words) => {}
        _ => panic!("expected exclusion {expected:?}, got {got:?}"),
    }
}

#[test]
fn a_mentor_who_meets_every_rule_is_not_excluded() {
    check(candidate(), &settings(), None);
}

#[test]
fn the_protege_s_own_line_manager_is_excluded() {
    let c = Candidate {
        staff_id: Some(20),
        ..candidate()
    };
    check(
        c,
        &settings(),
        Some("Sipho Dlamini is Thandi Nkosi's line manager"),
    );
}

#[test]
fn someone_higher_in_the_reporting_line_is_excluded_only_when_the_setting_says_so() {
    let c = Candidate {
        staff_id: Some(30),
        ..candidate()
    };
    check(
        c.clone(),
        &settings(),
        Some("2 levels above Thandi Nkosi in the same reporting line"),
    );
    let off = Settings {
        exclude_same_reporting_line: false,
        ..settings()
    };
    check(c, &off, None);
}

#[test]
fn a_mentor_with_no_place_free_is_excluded() {
    let c = Candidate {
        holding: 4,
        ..candidate()
    };
    check(
        c,
        &settings(),
        Some("already holds 4 protégés in this period and the capacity is 4"),
    );
}

#[test]
fn a_mentor_without_training_or_trained_after_the_start_is_excluded() {
    let untrained = Candidate {
        trained_on: None,
        ..candidate()
    };
    check(
        untrained,
        &settings(),
        Some("has not completed accredited mentor training"),
    );
    let late = Candidate {
        trained_on: Some(date("2027-02-15")),
        ..candidate()
    };
    check(
        late,
        &settings(),
        Some("Training completes on 15 February 2027, after the mentoring would start on 1 January 2027."),
    );
}

#[test]
fn a_mentor_without_an_appointment_covering_the_period_is_excluded() {
    let none = Candidate {
        appointment_start: None,
        appointment_end: None,
        ..candidate()
    };
    check(
        none,
        &settings(),
        Some("has no appointment as mentor recorded"),
    );
    let ends_early = Candidate {
        appointment_end: Some(date("2027-03-31")),
        ..candidate()
    };
    check(
        ends_early,
        &settings(),
        Some("Appointment ends on 31 March 2027, before the mentoring would end on 30 June 2027."),
    );
}

#[test]
fn the_protege_themself_is_excluded() {
    let c = Candidate {
        staff_id: Some(10),
        ..candidate()
    };
    check(c, &settings(), Some("is the protégé themself"));
}

#[test]
fn a_mentor_with_too_little_experience_is_excluded_unless_overridden() {
    let junior = Candidate {
        years_experience: 5,
        ..candidate()
    };
    check(
        junior.clone(),
        &settings(),
        Some("has 5 years of experience in the division; a mentor needs more than 5"),
    );
    let overridden = Candidate {
        experience_override: true,
        ..junior
    };
    check(overridden, &settings(), None);
}

#[test]
fn a_score_is_the_sum_of_reasons_that_name_what_matched() {
    let s = score(&seeker(), &candidate(), &settings());
    let texts: Vec<&str> = s.reasons.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Expertise covers 3 of 5 development needs (budgeting, procurement, reporting): +30",
            "2 of 4 places free: +8",
            "Same location (rural): +10",
            "Mentor is 7 years older (10 wanted for full points): +7",
            "No gender preference: +10",
            "No language preference: +5",
        ]
    );
    assert_eq!(s.score, 70);
    assert_eq!(s.score, s.reasons.iter().map(|r| r.points).sum::<u32>());
    assert_eq!(s.excluded, None);
}

#[test]
fn preferences_not_met_and_unknown_facts_give_no_points_and_say_so() {
    let seeker = Seeker {
        preferred_gender: Some(Gender::Female),
        preferred_language: "Sesotho".into(),
        ..seeker()
    };
    let c = Candidate {
        location: None,
        date_of_birth: None,
        ..candidate()
    };
    let s = score(&seeker, &c, &settings());
    let texts: Vec<&str> = s.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(texts.contains(&"Location unknown: +0"), "{texts:?}");
    assert!(texts.contains(&"Age gap: age unknown: +0"), "{texts:?}");
    assert!(
        texts.contains(&"The protégé prefers a female mentor: +0"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"The protégé prefers Sesotho, which the mentor does not list: +0"),
        "{texts:?}"
    );
    assert_eq!(s.score, 38);
}

#[test]
fn a_language_preference_is_met_whatever_the_case_or_accents() {
    let seeker = Seeker {
        preferred_language: "ISIZULU".into(),
        preferred_gender: Some(Gender::Male),
        ..seeker()
    };
    let c = Candidate {
        languages: "English; IsiZúlu".into(),
        ..candidate()
    };
    let s = score(&seeker, &c, &settings());
    let texts: Vec<&str> = s.reasons.iter().map(|r| r.text.as_str()).collect();
    assert!(
        texts.contains(&"Mentors in ISIZULU, as preferred: +5"),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"A male mentor, as preferred: +10"),
        "{texts:?}"
    );
}

#[test]
fn the_ranking_does_not_depend_on_the_order_of_the_candidates() {
    let mut candidates = Vec::new();
    for n in 0..12 {
        candidates.push(Candidate {
            mentor_id: 100 - n,
            // Pairs of mentors share a name and a score, so the id must break the tie.
            name: format!("Mentor {}", n / 2),
            holding: u32::try_from(n % 5).unwrap(),
            fields_of_expertise: if n % 3 == 0 {
                "Leadership".into()
            } else {
                "Budget and procurement".into()
            },
            ..candidate()
        });
    }
    let ranking = |cs: &[Candidate]| -> Vec<(i64, u32, Option<String>)> {
        suggest(&seeker(), cs, &settings())
            .into_iter()
            .map(|s| (s.mentor_id, s.score, s.excluded))
            .collect()
    };
    let first = ranking(&candidates);
    for turn in 1..candidates.len() {
        let mut shuffled = candidates.clone();
        shuffled.rotate_left(turn);
        if turn % 2 == 0 {
            shuffled.reverse();
        }
        assert_eq!(ranking(&shuffled), first);
    }
    // The eligible come first by score, the excluded (holding 4) last with score 0.
    let scores: Vec<u32> = first.iter().map(|r| r.1).collect();
    let eligible = first.iter().take_while(|r| r.2.is_none()).count();
    assert!(
        scores[..eligible].windows(2).all(|w| w[0] >= w[1]),
        "{scores:?}"
    );
    assert!(first[eligible..].iter().all(|r| r.1 == 0 && r.2.is_some()));
    assert_eq!(first.len() - eligible, 2);
}

// The store: one protégé and a mentor for each rule.

struct Programme {
    _dir: tempfile::TempDir,
    store: Store,
    application: i64,
    /// Mentor ids by name.
    mentors: Vec<(&'static str, i64)>,
}

impl Programme {
    fn mentor(&self, name: &str) -> i64 {
        self.mentors.iter().find(|m| m.0 == name).unwrap().1
    }

    /// The reason the store's suggestions give for excluding `name`, if any.
    fn excluded(&self, name: &str) -> Option<String> {
        let id = self.mentor(name);
        self.store
            .suggestions(self.application, today())
            .unwrap()
            .into_iter()
            .find(|s| s.mentor_id == id)
            .unwrap()
            .excluded
    }
}

fn staff(store: &mut Store, persal: &str, name: &str, manager: Option<i64>, born: &str) -> i64 {
    let (first, surname) = name.split_once(' ').unwrap();
    store
        .save_staff(
            &Staff {
                persal: persal.into(),
                first_names: first.into(),
                surname: surname.into(),
                gender: Some(Gender::Female),
                date_of_birth: Some(date(born)),
                line_manager_id: manager,
                location: Some(Location::Urban),
                ..fixtures::staff(0)
            },
            today(),
        )
        .unwrap()
}

/// A trained mentor appointed from October 2026 to September 2027: internal when `staff_id`
/// is given, otherwise `name` of `organisation`.
fn mentor(staff_id: Option<i64>, organisation: Option<i64>, name: &str) -> Mentor {
    Mentor {
        staff_id,
        external_name: if staff_id.is_none() {
            name.into()
        } else {
            String::new()
        },
        organisation_id: organisation,
        fields_of_expertise: "Budget planning and procurement".into(),
        appointment_start: Some(date("2026-10-01")),
        appointment_end: Some(date("2027-09-30")),
        languages: "English".into(),
        ..fixtures::mentor(0)
    }
}

fn protege(store: &mut Store, staff_id: i64, needs: &str) -> i64 {
    store
        .save_protege(&Protege::new(staff_id, ProtegeKind::Applicant, needs))
        .unwrap()
}

/// An application for January to June 2027, approved by the committee.
fn approved_application(store: &mut Store, protege_id: i64, intake: &str) -> i64 {
    let application = Application {
        intake: intake.into(),
        wanted_start: date("2027-01-01"),
        wanted_end: date("2027-06-30"),
        ..fixtures::application(protege_id)
    };
    fixtures::approved_application(store, &application).unwrap()
}

fn programme() -> Programme {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("matching.sqlite3")).unwrap();
    let mut s = store.settings().unwrap();
    s.department_name = "Test department".into();
    s.mentor_capacity = 1;
    store.save_settings(&s).unwrap();

    let director = staff(&mut store, "30000001", "Dora Director", None, "1965-01-01");
    let manager = staff(
        &mut store,
        "30000002",
        "Mandla Manager",
        Some(director),
        "1975-01-01",
    );
    let me = staff(
        &mut store,
        "30000003",
        "Thandi Nkosi",
        Some(manager),
        "1995-01-01",
    );
    let peer = staff(&mut store, "30000004", "Peter Peer", None, "1996-01-01");
    let org = store
        .save_organisation(&Organisation::new(
            "Mentors Inc",
            OrganisationKind::PrivateSector,
        ))
        .unwrap();
    let mut others = Vec::new();
    for (n, name) in [
        "Olive Okay",
        "Ursula Untrained",
        "Ada Appointed",
        "Frank Full",
    ]
    .into_iter()
    .enumerate()
    {
        others.push(staff(
            &mut store,
            &format!("4000000{n}"),
            name,
            None,
            "1970-01-01",
        ));
    }

    let mut mentors = Vec::new();
    let mut add = |store: &mut Store, name: &'static str, m: Mentor| {
        mentors.push((name, store.save_mentor(&m).unwrap()));
    };
    add(&mut store, "manager", mentor(Some(manager), None, ""));
    add(&mut store, "director", mentor(Some(director), None, ""));
    add(&mut store, "themself", mentor(Some(me), None, ""));
    add(&mut store, "okay", mentor(Some(others[0]), None, ""));
    add(
        &mut store,
        "untrained",
        Mentor {
            training_completed_on: None,
            ..mentor(Some(others[1]), None, "")
        },
    );
    add(
        &mut store,
        "appointment",
        Mentor {
            appointment_end: Some(date("2027-03-31")),
            ..mentor(Some(others[2]), None, "")
        },
    );
    add(&mut store, "full", mentor(Some(others[3]), None, ""));
    add(
        &mut store,
        "external",
        mentor(None, Some(org), "Eve External"),
    );

    let my_protege = protege(&mut store, me, "Budgeting and procurement");
    let application = approved_application(&mut store, my_protege, "2027 intake");

    // "Frank Full" already mentors Peter from February to May 2027: capacity 1 is used.
    let peer_protege = protege(&mut store, peer, "Report writing");
    let full = mentors.iter().find(|m| m.0 == "full").unwrap().1;
    store
        .save_mentorship(&Mentorship {
            start_date: date("2027-02-01"),
            end_date: date("2027-05-31"),
            status: Status::Draft,
            ..fixtures::mentorship(full, peer_protege)
        })
        .unwrap();
    Programme {
        _dir: dir,
        store,
        application,
        mentors,
    }
}

#[test]
fn the_store_excludes_each_mentor_a_hard_rule_forbids_and_says_why() {
    let p = programme();
    let why = |name: &str| p.excluded(name).unwrap_or_default();
    assert!(why("manager").contains("Mandla Manager is Thandi Nkosi's line manager"));
    assert!(why("director").contains("2 levels above Thandi Nkosi in the same reporting line"));
    assert!(why("themself").contains("is the protégé themself"));
    assert!(why("untrained").contains("has not completed accredited mentor training"));
    assert_eq!(
        why("appointment"),
        "Appointment ends on 31 March 2027, before the mentoring would end on 30 June 2027."
    );
    assert!(why("full").contains("already holds 1 protégé in this period and the capacity is 1"));
    assert_eq!(p.excluded("okay"), None);
    assert_eq!(p.excluded("external"), None);
}

#[test]
fn the_store_suggests_the_reporting_line_when_the_setting_is_off() {
    let mut p = programme();
    let mut s = p.store.settings().unwrap();
    s.exclude_same_reporting_line = false;
    p.store.save_settings(&s).unwrap();
    assert_eq!(p.excluded("director"), None);
    assert!(
        p.excluded("manager").is_some(),
        "the own line manager stays excluded"
    );
}

#[test]
fn the_store_ranks_eligible_mentors_first_with_reasons_and_names_the_organisation() {
    let p = programme();
    let all = p.store.suggestions(p.application, today()).unwrap();
    assert_eq!(all.len(), 8);
    let eligible: Vec<_> = all.iter().take_while(|s| s.excluded.is_none()).collect();
    let names: Vec<&str> = eligible.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Olive Okay", "Eve External"]);
    assert_eq!(eligible[1].organisation.as_deref(), Some("Mentors Inc"));
    assert_eq!(eligible[0].organisation, None);
    for s in &all {
        assert_eq!(s.score, s.reasons.iter().map(|r| r.points).sum::<u32>());
    }
    assert!(eligible[0].reasons[0]
        .text
        .starts_with("Expertise covers 2 of 2 development needs (budgeting, procurement)"));
    // The external mentor's age and location are not on the register.
    assert!(eligible[1]
        .reasons
        .iter()
        .any(|r| r.text == "Location unknown: +0"));
    assert!(eligible[0].score > eligible[1].score);
}

#[test]
fn match_mentor_refuses_an_excluded_mentor_with_the_reason() {
    let mut p = programme();
    let manager = p.mentor("manager");
    let err = p
        .store
        .match_mentor(p.application, manager, "Programme office", today())
        .unwrap_err();
    match &err {
        Error::Refused { rule, message, .. } => {
            assert_eq!(*rule, Rule::Matching);
            assert!(message.contains("Thandi Nkosi's line manager"), "{message}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    let okay = p.mentor("okay");
    p.store
        .match_mentor(p.application, okay, "Programme office", today())
        .unwrap();
    assert_eq!(
        p.store.application(p.application).unwrap().mentor_id,
        Some(okay)
    );
}

#[test]
fn a_protege_proposed_to_a_mentor_takes_a_place_until_the_mentor_answers() {
    let mut p = programme();
    let okay = p.mentor("okay");
    p.store
        .match_mentor(p.application, okay, "Programme office", today())
        .unwrap();
    // A second approved protégé of the intake may not be proposed to the same mentor,
    // whose one place the first proposal holds.
    let other_staff = staff(&mut p.store, "30000008", "Sizwe Second", None, "1997-01-01");
    let other = protege(&mut p.store, other_staff, "Budgeting");
    let second = approved_application(&mut p.store, other, "2027 intake");
    let err = p
        .store
        .match_mentor(second, okay, "Programme office", today())
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already holds 1 protégé in this period"),
        "{err}"
    );
    // A cohort with both pairs is refused whole.
    let before = p.store.decision_trail(second).unwrap().len();
    assert!(p
        .store
        .accept_cohort(&[(second, okay)], "Programme office", today())
        .is_err());
    assert_eq!(p.store.decision_trail(second).unwrap().len(), before);
}

#[test]
fn the_cohort_proposal_fills_places_and_saves_nothing() {
    let mut p = programme();
    // A second protégé in the intake, whose line manager is nobody on the register.
    let other_staff = staff(&mut p.store, "30000009", "Zola Zulu", None, "1998-01-01");
    let other = protege(&mut p.store, other_staff, "Procurement");
    let second = approved_application(&mut p.store, other, "2027 intake");
    let trail = p.store.decision_trail(second).unwrap();

    let proposal = p
        .store
        .cohort_proposal(Some("2027 intake"), today())
        .unwrap();
    assert_eq!(proposal.rows.len(), 2);
    assert_eq!(proposal.unmatched, 0);
    // Capacity 1: no mentor takes both, and Thandi gets one her rules allow.
    let mentors: Vec<i64> = proposal.rows.iter().filter_map(|r| r.mentor_id).collect();
    assert_eq!(mentors.len(), 2);
    assert_ne!(mentors[0], mentors[1]);
    assert!([p.mentor("okay"), p.mentor("external")].contains(&mentors[0]));
    assert_eq!(
        proposal.total_score,
        proposal.rows.iter().map(|r| r.score).sum::<u32>()
    );
    assert_eq!(
        proposal.rows[0].reference,
        Application::reference(p.application)
    );
    for row in &proposal.rows {
        assert_eq!(row.score, row.reasons.iter().map(|r| r.points).sum::<u32>());
    }

    assert_eq!(p.store.decision_trail(second).unwrap(), trail);
    assert_eq!(p.store.matchable_applications(None).unwrap().len(), 2);
    let empty = p
        .store
        .cohort_proposal(Some("no such intake"), today())
        .unwrap();
    assert!(empty.rows.is_empty());
}

// The assignment against brute force.

/// The greatest (total fit, protégés assigned), in that order, over every assignment.
fn brute_force(fit: &[Vec<Option<u32>>], capacity: &[u32]) -> (u32, usize) {
    fn go(
        row: usize,
        fit: &[Vec<Option<u32>>],
        left: &mut [u32],
        best: &mut (u32, usize),
        now: (u32, usize),
    ) {
        if row == fit.len() {
            *best = (*best).max(now);
            return;
        }
        go(row + 1, fit, left, best, now);
        for (mentor, f) in fit[row].iter().enumerate() {
            if let (Some(f), true) = (f, left[mentor] > 0) {
                left[mentor] -= 1;
                go(row + 1, fit, left, best, (now.0 + f, now.1 + 1));
                left[mentor] += 1;
            }
        }
    }
    let mut best = (0, 0);
    go(0, fit, &mut capacity.to_vec(), &mut best, (0, 0));
    best
}

fn cases() -> impl Strategy<Value = (Vec<Vec<Option<u32>>>, Vec<u32>)> {
    (0usize..=6, 1usize..=4).prop_flat_map(|(rows, mentors)| {
        (
            prop::collection::vec(
                prop::collection::vec(prop::option::weighted(0.7, 0u32..=100), mentors),
                rows,
            ),
            prop::collection::vec(0u32..=3, mentors),
        )
    })
}

proptest! {
    #[test]
    fn assign_finds_the_best_total_within_capacity_and_the_rules((fit, capacity) in cases()) {
        let chosen = assign(&fit, &capacity);
        prop_assert_eq!(chosen.len(), fit.len());
        let mut used = vec![0u32; capacity.len()];
        let mut total = 0;
        let mut assigned = 0;
        for (row, mentor) in chosen.iter().enumerate() {
            if let Some(m) = *mentor {
                let f = fit[row][m];
                prop_assert!(f.is_some(), "excluded pair ({}, {}) used", row, m);
                total += f.unwrap_or(0);
                assigned += 1;
                used[m] += 1;
            }
        }
        for (m, &u) in used.iter().enumerate() {
            prop_assert!(u <= capacity[m], "mentor {} over capacity", m);
        }
        prop_assert_eq!((total, assigned), brute_force(&fit, &capacity));
    }
}

#[test]
fn assign_prefers_more_proteges_among_equal_totals() {
    // Both protégés fit mentor 0 at 5 (one place); mentor 1 fits protégé 1 at 0.
    let fit = vec![vec![Some(5), None], vec![Some(5), Some(0)]];
    assert_eq!(assign(&fit, &[1, 1]), [Some(0), Some(1)]);
    assert!(assign(&[], &[2]).is_empty());
}
