//! What both import targets check once the bytes are a table. It lives outside
//! fuzz_targets/ because scripts/fuzz takes every file there for a target; the targets
//! include it with `#[path]`.

use std::cell::RefCell;

use chrono::NaiveDate;
use mentordesk_core::import::{self, Field, Table};
use mentordesk_core::Store;

/// The register every input starts from: one unit and one staff member, so that lines can
/// match an existing unit and update an existing person.
const SEED: &str = "Persal,Surname,First names,Salary level,Component\n\
                    21004310,Mokoena,Thandi,7,Finance\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a real date")
}

/// A fresh in-memory store with the seed imported.
fn fresh() -> Store {
    let mut store = Store::open_in_memory().expect("an in-memory store opens");
    let seed = import::read_csv(SEED.as_bytes()).expect("the seed reads");
    let mapping = import::recognise(&seed.headers);
    store
        .import_staff(&seed, &mapping, today())
        .expect("the seed imports");
    store
}

thread_local! {
    /// The seeded store, kept between inputs while nothing was written to it: most inputs
    /// are refused, and opening a store for each would make the fuzzer a hundred times slower.
    static PRISTINE: RefCell<Option<(Store, i64)>> = const { RefCell::new(None) };
}

/// Runs `check` on a seeded store that holds nothing but the seed.
fn with_fresh_store(check: impl FnOnce(&mut Store)) {
    let (mut store, seeded) = PRISTINE.with(|p| p.borrow_mut().take()).unwrap_or_else(|| {
        let store = fresh();
        let head = store.audit_head().expect("the trail reads");
        (store, head)
    });
    check(&mut store);
    if store.audit_head().expect("the trail reads") == seeded {
        PRISTINE.with(|p| *p.borrow_mut() = Some((store, seeded)));
    }
}

/// The columns by their headers; when that finds no persal column, by position in the
/// order of `Field::ALL`, so tables without known headers still reach the line checks.
fn mappings(table: &Table) -> Vec<Vec<Option<Field>>> {
    let recognised = import::recognise(&table.headers);
    let positional = (0..table.headers.len())
        .map(|i| Field::ALL.get(i).copied())
        .collect();
    vec![recognised, positional]
}

/// libFuzzer's panic hook aborts on any panic, even one the code catches. calamine 0.31
/// panics on some damaged workbooks, which `import::read_xlsx` catches and reports as a
/// damaged file; those panics (and only those) are let through to be caught.
#[allow(dead_code)] // only the XLSX target reads workbooks
pub fn let_calamine_panics_be_caught() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_calamine = info
                .location()
                .is_some_and(|l| l.file().contains("/calamine-"));
            if !in_calamine {
                fuzzer_hook(info);
            }
        }));
    });
}

pub fn check_import(table: &Table) {
    for mapping in mappings(table) {
        with_fresh_store(|store| check_mapping(store, table, &mapping));
    }
}

fn check_mapping(store: &mut Store, table: &Table, mapping: &[Option<Field>]) {
    let head = store.audit_head().expect("the trail reads");
    let planned = import::plan(store, table, mapping, today());
    assert_eq!(
        store.audit_head().unwrap(),
        head,
        "planning wrote to the store"
    );
    match store.import_staff(table, mapping, today()) {
        Ok(done) => {
            let plan = planned.expect("an import that succeeds was planned");
            assert_eq!(plan.errors, 0, "an import with errors was applied");
            assert_eq!(
                (done.added, done.updated, done.unchanged),
                (plan.added, plan.updated, plan.unchanged),
            );
            if done.added + done.updated > 0 {
                assert!(
                    store.audit_head().unwrap() > head,
                    "an import wrote nothing"
                );
            }
        }
        Err(_) => assert_eq!(
            store.audit_head().unwrap(),
            head,
            "a refused import wrote to the store"
        ),
    }
}
