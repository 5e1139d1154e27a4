//! KPA allocations: the weight and range rules, the mentoring KPA worked out pro rata from the
//! mentorships, the line manager's consultation and the versions of final allocations.

use mentordesk_core::cycle::Cycle;
use mentordesk_core::kpa::*;
use mentordesk_core::store::AllocationQuery;
use mentordesk_core::{sample, Rule, Store};

use crate::date;

fn kpa(title: &str, weight: u32, mentoring: bool) -> Kpa {
    Kpa {
        title: title.into(),
        outputs: "Outputs".into(),
        indicators: "Targets".into(),
        weight,
        mentoring,
    }
}

fn allocation(kpas: Vec<Kpa>) -> Allocation {
    Allocation {
        id: None,
        mentor_id: 1,
        cycle_id: 1,
        version: 0,
        status: AllocationStatus::Draft,
        kpas,
        consulted_on: Some(date("2026-04-15")),
        consultation_outcome: Some(ConsultationOutcome::Agreed),
        consultation_notes: String::new(),
        finalised_on: None,
    }
}

fn workload(proteges: usize) -> MentoringWorkload {
    let cycle = Cycle::starting(2026, 4).unwrap();
    let spans: Vec<MentorshipSpan> = (0..proteges)
        .map(|n| MentorshipSpan {
            mentorship_id: n as i64 + 1,
            protege: format!("Protégé {n}"),
            start_date: date("2026-04-01"),
            end_date: date("2027-03-31"),
        })
        .collect();
    MentoringWorkload::compute(&cycle, &spans, norms(), Some(RANGE))
}

fn norms() -> Norms {
    Norms {
        mentoring_hours_per_protege: 2.0,
        preparation_hours_per_protege: 1.0,
        working_hours_per_month: 173.0,
    }
}

const RANGE: WeightRange = WeightRange { min: 10, max: 30 };

/// Checks `a` for finalising; `expected` is the rule that must refuse it with words the
/// message must hold, or `None` when it must pass.
fn check(
    a: &Allocation,
    range: Option<WeightRange>,
    proteges: usize,
    expected: Option<(Rule, &str)>,
) {
    let w = workload(proteges);
    let result = check_final(
        a,
        &FinalFacts {
            mentor_name: "Thabo Nkosi",
            cycle_name: "2026/27",
            range,
            workload: &w,
            today: date("2026-11-23"),
        },
    );
    match (result, expected) {
        (Ok(()), None) => {}
        (Err(err), Some((rule, words))) => {
            assert_eq!(err.code(), rule.code(), "{err}");
            assert!(err.to_string().contains(words), "{err:?} lacks {words:?}");
        }
        (result, expected) => panic!("got {result:?}, expected {expected:?}"),
    }
}

fn good() -> Vec<Kpa> {
    vec![
        kpa("Budget planning", 30, false),
        kpa("Expenditure", 30, false),
        kpa("Reporting", 30, false),
        kpa("Mentoring", 10, true),
    ]
}

#[test]
fn an_allocation_whose_weights_make_100_within_the_range_can_be_final() {
    check(&allocation(good()), Some(RANGE), 2, None);
}

#[test]
fn weights_that_do_not_add_up_to_100_are_refused_with_the_total() {
    let mut kpas = good();
    kpas[0].weight = 25;
    check(
        &allocation(kpas),
        Some(RANGE),
        2,
        Some((Rule::KpaWeights, "add up to 95%")),
    );
    let mut kpas = good();
    kpas[0].weight = 35;
    check(
        &allocation(kpas),
        None,
        2,
        Some((Rule::KpaWeights, "5% too much")),
    );
    check(
        &allocation(vec![]),
        Some(RANGE),
        0,
        Some((Rule::KpaWeights, "no KPAs")),
    );
}

#[test]
fn a_kpa_outside_the_range_is_refused_unless_the_range_does_not_bind() {
    let kpas = vec![
        kpa("Budget planning", 40, false),
        kpa("Expenditure", 25, false),
        kpa("Reporting", 30, false),
        kpa("Mentoring", 5, true),
    ];
    check(
        &allocation(kpas.clone()),
        Some(RANGE),
        2,
        Some((
            Rule::KpaRange,
            "KPA 1 (Budget planning) weighs 40%; each KPA must weigh between 10% and 30%",
        )),
    );
    // A senior manager: the range does not bind, the 100% still does.
    check(&allocation(kpas), None, 2, None);
}

#[test]
fn the_range_binds_senior_managers_only_when_the_settings_say_so() {
    let mut settings = Store::open_in_memory().unwrap().settings().unwrap();
    assert_eq!(WeightRange::for_level(&settings, Some(12)), Some(RANGE));
    assert_eq!(WeightRange::for_level(&settings, None), Some(RANGE));
    assert_eq!(WeightRange::for_level(&settings, Some(13)), None);
    settings.kpa_range_for_senior_managers = true;
    assert_eq!(WeightRange::for_level(&settings, Some(14)), Some(RANGE));
}

#[test]
fn a_mentor_with_protégés_needs_a_mentoring_kpa() {
    let kpas = vec![
        kpa("Budget planning", 30, false),
        kpa("Expenditure", 30, false),
        kpa("Reporting", 20, false),
        kpa("People", 20, false),
    ];
    check(
        &allocation(kpas.clone()),
        Some(RANGE),
        3,
        Some((
            Rule::MentoringKpa,
            "Thabo Nkosi mentors 3 protégés in 2026/27",
        )),
    );
    check(&allocation(kpas), Some(RANGE), 0, None);
}

#[test]
fn the_line_managers_consultation_comes_before_final() {
    let mut a = allocation(good());
    a.consulted_on = None;
    check(
        &a,
        Some(RANGE),
        2,
        Some((Rule::Consultation, "line manager")),
    );
    a.consulted_on = Some(date("2026-12-01"));
    check(
        &a,
        Some(RANGE),
        2,
        Some((Rule::Consultation, "in the future")),
    );
    a.consulted_on = Some(date("2026-11-01"));
    a.consultation_outcome = Some(ConsultationOutcome::NotAgreed);
    check(
        &a,
        Some(RANGE),
        2,
        Some((Rule::Consultation, "did not agree")),
    );
}

#[test]
fn hours_and_share_come_from_the_norm_for_each_protégé() {
    let w = workload(3);
    assert_eq!(w.lines.len(), 3);
    assert!(w
        .lines
        .iter()
        .all(|l| l.months == 12.0 && l.hours_per_month == 3.0));
    assert_eq!(w.hours_per_month, 9.0);
    assert_eq!(w.share_percent, 5.2);
    // 5.2% rounds up to 10%, which is also the least a KPA may weigh.
    assert_eq!(w.suggested_weight, 10);
    assert!(
        w.suggestion.contains("5.2% of working time"),
        "{}",
        w.suggestion
    );
}

#[test]
fn mentorships_that_start_or_end_inside_the_cycle_count_pro_rata_by_month() {
    let cycle = Cycle::starting(2026, 4).unwrap();
    let spans = [
        // From the previous cycle into June: April, May and June count.
        MentorshipSpan {
            mentorship_id: 1,
            protege: "Anél Pretorius".into(),
            start_date: date("2025-07-01"),
            end_date: date("2026-06-30"),
        },
        // From the middle of September into the next cycle: 6.5 months count.
        MentorshipSpan {
            mentorship_id: 2,
            protege: "Zoë van der Merwe".into(),
            start_date: date("2026-09-16"),
            end_date: date("2027-09-15"),
        },
        // Wholly in the next cycle: it does not count at all.
        MentorshipSpan {
            mentorship_id: 3,
            protege: "René Naidoo".into(),
            start_date: date("2027-04-01"),
            end_date: date("2027-12-31"),
        },
    ];
    let w = MentoringWorkload::compute(&cycle, &spans, norms(), Some(RANGE));
    let months: Vec<f64> = w.lines.iter().map(|l| l.months).collect();
    assert_eq!(months, [3.0, 6.5]);
    // (3 + 6.5) months × 3 hours over 12 months.
    assert_eq!(w.hours_per_month, 2.38);
    assert_eq!(w.share_percent, 1.38);
}

#[test]
fn a_heavy_load_suggests_at_most_the_greatest_weight() {
    let norms = Norms {
        working_hours_per_month: 40.0,
        ..norms()
    };
    let cycle = Cycle::starting(2026, 4).unwrap();
    let spans: Vec<MentorshipSpan> = (0..5)
        .map(|n| MentorshipSpan {
            mentorship_id: n,
            protege: "P".into(),
            start_date: cycle.start_date,
            end_date: cycle.end_date,
        })
        .collect();
    let w = MentoringWorkload::compute(&cycle, &spans, norms, Some(RANGE));
    assert_eq!(w.share_percent, 37.5);
    assert_eq!(w.suggested_weight, 30);
    let unbound = MentoringWorkload::compute(&cycle, &spans, norms, None);
    assert_eq!(unbound.suggested_weight, 40);
}

fn sample_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("kpa.sqlite3")).unwrap();
    sample::create(&mut store, date("2026-11-23")).unwrap();
    (dir, store)
}

/// The sample's draft allocation (the last internal mentor's).
fn draft(store: &Store) -> Allocation {
    let rows = store
        .kpa_allocations(&AllocationQuery {
            latest_only: true,
            ..AllocationQuery::default()
        })
        .unwrap();
    let row = rows
        .iter()
        .find(|r| r.status == AllocationStatus::Draft)
        .expect("a draft in the sample");
    store.kpa_allocation(row.id).unwrap()
}

#[test]
fn the_sample_gives_every_internal_mentor_an_allocation_for_the_cycle() {
    let (_dir, store) = sample_store();
    let cycle = store.cycle_named("2026/27").unwrap();
    let rows = store
        .kpa_allocations(&AllocationQuery {
            cycle_id: cycle.id,
            latest_only: true,
            ..AllocationQuery::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.total_weight == 100), "{rows:?}");
    assert_eq!(
        rows.iter()
            .filter(|r| r.status == AllocationStatus::Final)
            .count(),
        4
    );
    let revised = rows
        .iter()
        .find(|r| r.version == 2)
        .expect("a revised allocation");
    let history = store
        .kpa_history(revised.mentor_id, cycle.id.unwrap())
        .unwrap();
    let statuses: Vec<_> = history.iter().map(|r| (r.version, r.status)).collect();
    assert_eq!(
        statuses,
        [
            (2, AllocationStatus::Final),
            (1, AllocationStatus::Superseded)
        ]
    );
}

#[test]
fn a_change_to_a_final_allocation_makes_a_new_version_and_keeps_the_old_one() {
    let (_dir, mut store) = sample_store();
    let mut a = draft(&store);
    a.consulted_on = Some(date("2026-11-20"));
    a.consultation_outcome = Some(ConsultationOutcome::Agreed);
    let id = store.save_kpa_allocation(&a).unwrap();
    assert_eq!(Some(id), a.id, "a draft is changed in place");
    store
        .finalise_kpa_allocation(id, date("2026-11-23"))
        .unwrap();
    let v1 = store.kpa_allocation(id).unwrap();
    assert_eq!(
        (v1.status, v1.finalised_on),
        (AllocationStatus::Final, Some(date("2026-11-23")))
    );

    // Finalising twice is refused; changing it writes version 2 and leaves version 1 as it was.
    let err = store
        .finalise_kpa_allocation(id, date("2026-11-23"))
        .unwrap_err();
    assert_eq!(err.code(), "final_allocation");
    let mut changed = v1.clone();
    changed.kpas[0].title = "A changed title".into();
    let v2_id = store.save_kpa_allocation(&changed).unwrap();
    assert_ne!(v2_id, id);
    assert_eq!(store.kpa_allocation(id).unwrap(), v1);
    let v2 = store.kpa_allocation(v2_id).unwrap();
    assert_eq!((v2.version, v2.status), (2, AllocationStatus::Draft));

    // While version 2 is a draft, a second change to version 1 is sent to it.
    let err = store.save_kpa_allocation(&changed).unwrap_err();
    assert!(
        err.to_string().contains("already has a draft allocation"),
        "{err}"
    );

    store
        .finalise_kpa_allocation(v2_id, date("2026-11-24"))
        .unwrap();
    assert_eq!(
        store.kpa_allocation(id).unwrap().status,
        AllocationStatus::Superseded
    );
    let err = store.save_kpa_allocation(&v1).unwrap_err();
    assert!(err.to_string().contains("superseded"), "{err}");
}

#[test]
fn a_final_allocation_keeps_its_protégés_when_the_mentorships_change() {
    let (_dir, mut store) = sample_store();
    let row = store
        .kpa_allocations(&AllocationQuery {
            latest_only: true,
            ..AllocationQuery::default()
        })
        .unwrap()
        .into_iter()
        .find(|r| r.status == AllocationStatus::Final)
        .unwrap();
    let a = store.kpa_allocation(row.id).unwrap();
    let before = store.allocation_workload(&a).unwrap();
    assert!(!before.lines.is_empty());
    // Archive one of its mentorships and change the norm: the final record stands.
    store
        .set_archived(
            mentordesk_core::store::Register::Mentorship,
            before.lines[0].mentorship_id,
            true,
        )
        .unwrap();
    let mut settings = store.settings().unwrap();
    settings.mentoring_hours_per_protege = 4.0;
    store.save_settings(&settings).unwrap();
    assert_eq!(store.allocation_workload(&a).unwrap(), before);
    let cycle = store.cycle(a.cycle_id).unwrap();
    let live = store.mentoring_workload(a.mentor_id, &cycle).unwrap();
    assert_eq!(live.lines.len(), before.lines.len() - 1);
}

#[test]
fn an_allocation_for_an_external_mentor_is_refused() {
    let (_dir, store) = sample_store();
    let external = store
        .mentors("Sibiya", false)
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    let cycle = store.cycle_named("2026/27").unwrap();
    let err = store
        .propose_kpa_allocation(external.id, cycle.id.unwrap())
        .unwrap_err();
    assert_eq!(err.field(), Some("mentor_id"));
    assert!(
        err.to_string().contains("organisation's agreement"),
        "{err}"
    );
}

#[test]
fn a_refused_finalisation_changes_nothing() {
    let (_dir, mut store) = sample_store();
    let a = draft(&store);
    let err = store
        .finalise_kpa_allocation(a.id.unwrap(), date("2026-11-23"))
        .unwrap_err();
    assert_eq!(err.code(), "consultation");
    assert_eq!(store.kpa_allocation(a.id.unwrap()).unwrap(), a);
}

#[test]
fn a_draft_with_a_nameless_kpa_is_refused_by_row() {
    let (_dir, mut store) = sample_store();
    let mut a = draft(&store);
    a.kpas[2].title = "  ".into();
    let err = store.save_kpa_allocation(&a).unwrap_err();
    assert_eq!(err.field(), Some("kpas"));
    assert!(err.to_string().contains("KPA 3 has no title"), "{err}");
}

#[test]
fn the_weights_typed_are_totalled_against_100_percent_and_the_range() {
    use mentordesk_core::kpa::{weights_note, WeightRange};
    let typed = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let range = Some(WeightRange { min: 10, max: 30 });
    let note = weights_note(&typed(&["30", "25", "20", "15", "10"]), range);
    assert_eq!((note.total, note.adds_up), (100, true));
    assert_eq!(note.words, "Adds up to 100%.");
    assert!(note.rows.iter().all(String::is_empty));

    let note = weights_note(&typed(&["30", "25", "20", "15", ""]), range);
    assert_eq!((note.total, note.adds_up), (90, false));
    assert_eq!(note.words, "10% still to be given.");

    let note = weights_note(&typed(&["40", "25", "20", "15", "10"]), range);
    assert_eq!(note.words, "10% too much is given.");
    assert_eq!(note.rows[0], "Outside the range of 10% to 30%.");
    assert_eq!(weights_note(&typed(&["40"]), None).rows[0], "");

    let note = weights_note(&typed(&["30", "12.5", "-5", "x"]), range);
    assert!(!note.adds_up);
    assert_eq!(note.total, 30);
    assert_eq!(note.words, "A weight is not a whole number.");
    assert_eq!(
        note.rows[1..],
        ["Give the weight as a whole percentage."; 3]
    );
}
