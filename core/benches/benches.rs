//! Benchmarks with the targets of the foundation issue: one agreement (under 10 ms), a batch
//! of 1,000 agreements, and a search over 10,000 staff (under 20 ms); and the KPA
//! allocations of 500 mentors printed in one batch (`cargo bench -p mentordesk-core -- kpa`);
//! and the progress reports of 1,000 protégés over a log of 100,000 sessions
//! (`cargo bench -p mentordesk-core --bench benches -- progress`); and matching: one
//! protégé's suggestions among 2,000 mentors and a cohort of 300 protégés assigned among 500
//! (`cargo bench -p mentordesk-core --bench benches -- matching`); and the programme report
//! (figures, layout and PDF) of a register of 10,000 staff, 2,000 mentors and 100,000 sessions,
//! under 1 s (`cargo bench -p mentordesk-core --bench benches -- programme`); and the audit
//! packs of 100 mentorships, each with two attached two-page scans, and the size of a pack with
//! phone photos (`cargo bench -p mentordesk-core --bench benches -- audit`); and the batches
//! of 1,000 agreements, 1,000 progress reports and 500 KPA allocations on one thread and on
//! every core, side by side (`cargo bench -p mentordesk-core --bench benches -- cores`); and
//! Today on the programme report's register, under 20 ms (`cargo bench -p mentordesk-core
//! --bench benches -- today`).
//!
//! The registers are built by the integration tests' fixtures (`tests/fixtures.rs`), which test
//! the builders at a small size, so a benchmark measures data that every rule accepts.

use std::hint::black_box;
use std::sync::Mutex;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use mentordesk_core::cycle::Cycle;
use mentordesk_core::dashboard::{AttentionKind, PAGE};
use mentordesk_core::matching;
use mentordesk_core::print::audit_pack::audit_pack;
use mentordesk_core::print::programme_report::{self, ReportOptions};
use mentordesk_core::print::{agreement, kpa_allocation, progress_report};
use mentordesk_core::progress::Period;
use mentordesk_core::signing::Paper;
use mentordesk_core::store::{Confidential, MentorshipQuery, StaffQuery};
use mentordesk_core::{document, Store};

// The tests use builders the benchmarks do not.
#[allow(dead_code)]
#[path = "../tests/fixtures.rs"]
mod fixtures;

use fixtures::Shape;

/// A register of 10,000 staff in 20 units, with 250 mentors and 1,000 mentorships and nothing
/// logged yet.
const REGISTER: Shape = Shape {
    staff: 10_000,
    units: 20,
    mentors: 250,
    proteges_per_mentor: 4,
    sessions_per_mentorship: 0,
};

/// A programme in full swing, for benches that read a large log: 250 mentors with four
/// protégés each (1,000 mentorships) and 100 sessions logged in each between 1 April and
/// 23 November 2026 (100,000 in all), with their actions, ratings and second-quarter reports
/// (see `fixtures::programme`). It is built once per bench that uses it.
const LOGGED: Shape = Shape {
    staff: 1_250,
    units: 1,
    mentors: 250,
    proteges_per_mentor: 4,
    sessions_per_mentorship: 100,
};

/// 100 mentorships (25 mentors with four protégés each) with ten sessions logged in each, for
/// the audit packs.
const PACKS: Shape = Shape {
    staff: 125,
    units: 5,
    mentors: 25,
    proteges_per_mentor: 4,
    sessions_per_mentorship: 10,
};

/// A large department's programme for the programme report: 10,000 staff, 2,000 mentors with
/// two protégés each and 25 sessions logged in each of the 4,000 mentorships (100,000 in all);
/// every other mentorship has its mid-point evaluations answered (4,000 forms).
const DEPARTMENT: Shape = Shape {
    staff: 10_000,
    units: 40,
    mentors: 2_000,
    proteges_per_mentor: 2,
    sessions_per_mentorship: 25,
};

/// Runs `batch` (a batch print, told nothing) on a pool of one thread and on every core, side
/// by side in the group "cores" as "`name` / 1 thread" and "`name` / all cores". On one
/// thread the facts are read and every document is printed by the pool's only thread; on
/// every core the bench's thread reads the facts and the global pool prints, as the window and
/// the CLI do.
fn on_one_thread_and_every_core(c: &mut Criterion, name: &str, batch: impl Fn() + Sync) {
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool of one thread");
    let mut group = c.benchmark_group("cores");
    // A batch takes seconds: each sample is one run of it.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(40));
    group.bench_function(format!("{name} / 1 thread"), |b| {
        b.iter(|| one.install(&batch))
    });
    group.bench_function(format!("{name} / all cores"), |b| b.iter(&batch));
    group.finish();
}

/// The programme report of the cycle so far: its figures alone, and the whole report counted,
/// laid out and drawn as a PDF with its charts.
fn programme_benches(c: &mut Criterion) {
    let (_dir, store, ids) = fixtures::programme(&DEPARTMENT);
    assert_eq!(ids.len() * DEPARTMENT.sessions_per_mentorship, 100_000);
    let today = fixtures::today();
    let period = Period::range(fixtures::date("2026-04-01"), today).expect("period");
    let mut group = c.benchmark_group("programme");
    group.sample_size(10);
    group.bench_function("figures of 10,000 staff and 100,000 sessions", |b| {
        b.iter(|| black_box(store.programme_figures(&period, today).expect("figures")))
    });
    group.bench_function("report of 10,000 staff and 100,000 sessions (PDF)", |b| {
        b.iter(|| {
            let doc = programme_report::programme_report(
                &store,
                &period,
                ReportOptions::default(),
                today,
            )
            .expect("report");
            black_box(document::render_pdf(&doc).expect("pdf"))
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let (_dir, store, _) = fixtures::programme(&REGISTER);
    let today = fixtures::today();
    let ids: Vec<i64> = store
        .mentorships(&MentorshipQuery::default())
        .expect("mentorships")
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(ids.len(), 1_000);

    c.bench_function("one agreement (load, lay out, render)", |b| {
        b.iter(|| {
            let doc = agreement::agreement(&store, ids[0], today).expect("agreement");
            black_box(document::render_pdf(&doc).expect("pdf"))
        })
    });

    let mut group = c.benchmark_group("batch");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("1,000 agreements", |b| {
        b.iter(|| {
            for &id in &ids {
                let doc = agreement::agreement(&store, id, today).expect("agreement");
                black_box(document::render_pdf(&doc).expect("pdf"));
            }
        })
    });
    group.finish();

    c.bench_function("search 10,000 staff by name", |b| {
        let query = StaffQuery {
            text: "zoe van der merwe 12".into(),
            ..Default::default()
        };
        b.iter(|| black_box(store.staff_list(&query).expect("search")))
    });
    c.bench_function("list 10,000 staff (first 200)", |b| {
        let query = StaffQuery {
            limit: Some(200),
            ..Default::default()
        };
        b.iter(|| black_box(store.staff_list(&query).expect("list")))
    });

    // The batch as the CLI prints it: load, lay out, render and write every agreement.
    let folder = tempfile::tempdir().expect("folder");
    let store = Mutex::new(store);
    on_one_thread_and_every_core(c, "1,000 agreements", || {
        let batch = agreement::write_agreements(
            || Ok::<_, mentordesk_core::Error>(store.lock().expect("store")),
            today,
            folder.path(),
            |_, _, _| {},
        )
        .expect("agreements");
        assert_eq!(batch.printed.len(), 1_000);
    });
}

fn kpa_benches(c: &mut Criterion) {
    let (_dir, store, ids) = fixtures::kpa_register(500);
    let today = fixtures::today();
    let mut group = c.benchmark_group("kpa");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("500 KPA allocations (load, lay out, render)", |b| {
        b.iter(|| {
            for &id in &ids {
                let doc = kpa_allocation::kpa_allocation(&store, id, today).expect("allocation");
                black_box(document::render_pdf(&doc).expect("pdf"));
            }
        })
    });
    group.bench_function("workload view of 500 mentors with warnings", |b| {
        b.iter(|| black_box(store.workload(today).expect("workload")))
    });
    group.finish();

    // The batch as the CLI prints a cycle: load, lay out, render and write every allocation.
    let cycle_id = store.kpa_allocation(ids[0]).expect("allocation").cycle_id;
    let rows = kpa_allocation::cycle_allocations(&store, cycle_id)
        .expect("the cycle's allocations")
        .latest;
    assert_eq!(rows.len(), 500);
    let folder = tempfile::tempdir().expect("folder");
    let store = Mutex::new(store);
    on_one_thread_and_every_core(c, "500 KPA allocations", || {
        let batch = kpa_allocation::write_kpa_allocations(
            || Ok::<_, mentordesk_core::Error>(store.lock().expect("store")),
            &rows,
            today,
            folder.path(),
            |_, _, _| {},
        )
        .expect("allocations");
        assert_eq!(batch.printed.len(), 500);
    });
}

fn progress_benches(c: &mut Criterion) {
    let (_dir, store, ids) = fixtures::programme(&LOGGED);
    assert_eq!(ids.len(), 1_000);
    let today = fixtures::today();
    let quarter = Period::of_cycle(&Cycle::starting(2026, 4).expect("cycle"))[1].clone();
    let report = |id: i64| {
        let doc =
            progress_report::progress_report(&store, id, &quarter, Confidential::LeftOut, today)
                .expect("progress report");
        document::render_pdf(&doc).expect("pdf")
    };
    let mut group = c.benchmark_group("progress");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function(
        "progress reports for 1,000 protégés (load, lay out, render)",
        |b| {
            b.iter(|| {
                for &id in &ids {
                    black_box(report(id));
                }
            })
        },
    );
    group.bench_function("one progress report (load, lay out, render)", |b| {
        b.iter(|| black_box(report(ids[0])))
    });
    group.finish();

    let mut group = c.benchmark_group("dashboard");
    group.bench_function(
        "dashboard of 1,000 mentorships with 100,000 sessions",
        |b| b.iter(|| black_box(store.dashboard(today).expect("dashboard"))),
    );
    group.finish();

    // The batch as the window prints a period: load, lay out, render and write every report.
    let folder = tempfile::tempdir().expect("folder");
    let store = Mutex::new(store);
    on_one_thread_and_every_core(c, "1,000 progress reports", || {
        let batch = progress_report::write_progress_reports(
            || Ok::<_, mentordesk_core::Error>(store.lock().expect("store")),
            &quarter,
            today,
            folder.path(),
            |_, _, _| {},
        )
        .expect("reports");
        assert_eq!(batch.printed.len(), 1_000);
    });
}

/// A fit matrix of `rows` protégés by `columns` mentors, about one pair in five excluded, and
/// each mentor's places left (0 to 4), from a fixed pseudo-random sequence.
fn fit_matrix(rows: usize, columns: usize) -> (Vec<Vec<Option<u32>>>, Vec<u32>) {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let fit = (0..rows)
        .map(|_| {
            (0..columns)
                .map(|_| {
                    let r = next();
                    (r % 5 != 0).then_some(((r >> 8) % 101) as u32)
                })
                .collect()
        })
        .collect();
    let capacity = (0..columns).map(|_| (next() % 5) as u32).collect();
    (fit, capacity)
}

fn matching_benches(c: &mut Criterion) {
    let today = fixtures::today();
    let mut group = c.benchmark_group("matching");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));

    let (_dir, store, applications) = fixtures::matching_register(2_000, 1);
    group.bench_function("suggestions for one protégé among 2,000 mentors", |b| {
        b.iter(|| {
            black_box(
                store
                    .suggestions(applications[0], today)
                    .expect("suggestions"),
            )
        })
    });

    let (fit, capacity) = fit_matrix(300, 500);
    group.bench_function("assign 300 protégés to 500 mentors (fit matrix)", |b| {
        b.iter(|| black_box(matching::assign(&fit, &capacity)))
    });

    let (_dir, store, applications) = fixtures::matching_register(500, 300);
    assert_eq!(applications.len(), 300);
    group.bench_function(
        "cohort proposal of 300 protégés and 500 mentors (store)",
        |b| {
            b.iter(|| {
                black_box(
                    store
                        .cohort_proposal(Some("2027 intake"), today)
                        .expect("proposal"),
                )
            })
        },
    );
    group.finish();
}

/// A checked backup (copy, integrity check, counts) of the programme with 100,000 sessions,
/// plain and encrypted with SQLCipher.
fn backup_benches(c: &mut Criterion) {
    let (dir, store, _) = fixtures::programme(&LOGGED);
    let size = std::fs::metadata(store.path().expect("a file"))
        .expect("database size")
        .len();
    eprintln!("backup bench: the database holds {size} bytes");
    let encrypted_path = dir.path().join("encrypted.sqlite3");
    store.backup_to(&encrypted_path).expect("plain copy");
    let encrypted = Store::open(&encrypted_path)
        .expect("open the copy")
        .encrypt("benchmark passphrase")
        .expect("encrypt the copy");
    let mut group = c.benchmark_group("backup");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("checked backup of 100,000 sessions", |b| {
        b.iter(|| {
            black_box(
                store
                    .backup_to(&dir.path().join("plain-backup.sqlite3"))
                    .expect("backup"),
            )
        })
    });
    group.bench_function("checked backup of 100,000 sessions, encrypted", |b| {
        b.iter(|| {
            black_box(
                encrypted
                    .backup_to(&dir.path().join("encrypted-backup.sqlite3"))
                    .expect("backup"),
            )
        })
    });
    group.finish();
}

/// 100 mentorships with ten sessions each, whose agreements carry two attached two-page scans:
/// every audit pack printed (load, lay out, render, join); and the size of one pack with two
/// phone photos of signed pages, printed once.
fn audit_pack_benches(c: &mut Criterion) {
    let (_dir, mut store, ids) = fixtures::programme(&PACKS);
    let today = fixtures::today();
    let scan = fixtures::scanned_pdf();
    for &id in &ids {
        for name in ["page-1-2.pdf", "page-3-4.pdf"] {
            store
                .attach_copy(Paper::Agreement, id, name, &scan, today)
                .unwrap();
        }
    }
    let mut group = c.benchmark_group("audit packs");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function(
        "100 audit packs, each with two attached 2-page scans",
        |b| {
            b.iter(|| {
                for &id in &ids {
                    black_box(audit_pack(&store, id, today).unwrap());
                }
            })
        },
    );
    group.finish();

    let id = ids[0];
    let before = audit_pack(&store, id, today).unwrap();
    let photo = fixtures::phone_photo();
    for name in ["IMG_2041.jpg", "IMG_2042.jpg"] {
        store
            .attach_copy(Paper::Agreement, id, name, &photo, today)
            .unwrap();
    }
    let after = audit_pack(&store, id, today).unwrap();
    eprintln!(
        "audit pack with two phone photos ({} KB each): {} pages, {} KB; {} KB per photo page",
        photo.len() / 1024,
        after.pages,
        after.bytes.len() / 1024,
        (after.bytes.len() - before.bytes.len()) / 2 / 1024
    );
}

criterion_group!(
    all,
    benches,
    kpa_benches,
    progress_benches,
    matching_benches,
    backup_benches,
    import_benches,
    programme_benches,
    audit_pack_benches,
    today_benches
);
criterion_main!(all);

/// Importing 10,000 staff into an empty register (read, plan, apply in one transaction),
/// and planning the same file again once they are all registered (every line unchanged).
fn import_benches(c: &mut Criterion) {
    let today = fixtures::today();
    let extract = fixtures::persal_extract(10_000);
    let mut group = c.benchmark_group("import");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("import 10,000 staff from CSV into an empty register", |b| {
        b.iter_batched(
            || fixtures::new_store("import.sqlite3"),
            |(dir, mut store)| {
                let table = mentordesk_core::import::read_csv(extract.as_bytes()).expect("csv");
                let mapping = mentordesk_core::import::recognise(&table.headers);
                let done = store.import_staff(&table, &mapping, today).expect("import");
                assert_eq!(done.added, 10_000);
                (dir, store)
            },
            criterion::BatchSize::PerIteration,
        )
    });
    let (_dir, mut store) = fixtures::new_store("import.sqlite3");
    let table = mentordesk_core::import::read_csv(extract.as_bytes()).expect("csv");
    let mapping = mentordesk_core::import::recognise(&table.headers);
    store.import_staff(&table, &mapping, today).expect("import");
    group.bench_function(
        "plan 10,000 staff already registered (all unchanged)",
        |b| {
            b.iter(|| {
                let plan =
                    mentordesk_core::import::plan(&store, &table, &mapping, today).expect("plan");
                assert_eq!(plan.unchanged, 10_000);
                black_box(plan)
            })
        },
    );
    group.finish();
}

/// Today on the department's register (10,000 staff, 2,000 mentors, 4,000 mentorships and
/// 100,000 sessions, a quarter of whose actions are still open: 24,000 past their due date),
/// under 20 ms: every kind counted and its first page worded; and the next page of the
/// longest kind, as "Show more" asks for it.
fn today_benches(c: &mut Criterion) {
    let (_dir, store, _) = fixtures::programme(&DEPARTMENT);
    let today = fixtures::today();
    let actions = store
        .attention_page(AttentionKind::ActionPastDue, today, 0)
        .expect("actions");
    assert_eq!(actions.count, 24_000);
    let mut group = c.benchmark_group("today");
    group.bench_function("Today on 10,000 staff / 100,000 sessions", |b| {
        b.iter(|| black_box(store.attention(today).expect("today")))
    });
    // Where Today's time goes: each kind counted and its first page worded on its own.
    for &kind in AttentionKind::ALL {
        group.bench_function(format!("first page of {}", kind.label()), |b| {
            b.iter(|| black_box(store.attention_page(kind, today, 0).expect("kind")))
        });
    }
    group.bench_function("next page of 24,000 actions past due", |b| {
        b.iter(|| {
            black_box(
                store
                    .attention_page(AttentionKind::ActionPastDue, today, PAGE)
                    .expect("page"),
            )
        })
    });
    // What Today did before it paged: every line of every kind worded.
    group.sample_size(10);
    group.bench_function(
        "every line worded on 10,000 staff / 100,000 sessions",
        |b| b.iter(|| black_box(store.dashboard(today).expect("every line"))),
    );
    group.finish();
}
