//! Importing staff from HR exports: header recognition, the line-by-line plan, all or
//! nothing, updates by persal number, and real CSV and XLSX files.

use mentordesk_core::import::{self, Field, Outcome, Plan, Stage, Table};
use mentordesk_core::store::StaffQuery;
use mentordesk_core::Store;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::{date, sample_store};

const TODAY: &str = "2026-11-23";

/// A PERSAL extract as a department's HR office saves it from Excel: semicolons, capitals,
/// initials rather than first names, dates as YYYYMMDD.
const EXTRACT: &str =
    "PERSAL NO;SURNAME;INITIALS;GENDER;RACE;DATE OF BIRTH;SALARY LEVEL;DESIGNATION;COMPONENT
31000017;Ndlovu;T.M.;F;A;19880412;07;Administration Officer;Human Resource Development
31000025;van Wyk;J;M;W;03/11/1979;9;Assistant Director;Provincial Liaison
31000033;Pillay;R;F;I;1990-02-01;Level 6;Clerk;provincial   liaison
";

fn csv(text: &str) -> Table {
    import::read_csv(text.as_bytes()).expect("the CSV reads")
}

fn plan(store: &Store, table: &Table) -> Plan {
    let mapping = import::recognise(&table.headers);
    import::plan(store, table, &mapping, date(TODAY)).expect("the file plans")
}

fn staff_count(store: &Store) -> usize {
    store
        .staff_list(&StaffQuery {
            include_archived: true,
            ..StaffQuery::default()
        })
        .unwrap()
        .len()
}

fn messages(plan: &Plan) -> Vec<String> {
    plan.lines
        .iter()
        .filter_map(|l| match &l.outcome {
            Outcome::Error { problems } => Some(problems.iter().map(|p| p.message.clone())),
            _ => None,
        })
        .flatten()
        .collect()
}

#[test]
fn a_persal_extract_is_recognised_and_planned_as_new_staff_with_a_new_unit() {
    let (_dir, store) = sample_store();
    let table = csv(EXTRACT);
    assert_eq!(table.rows.len(), 3);
    let plan = plan(&store, &table);
    assert_eq!(
        (plan.added, plan.updated, plan.errors),
        (3, 0, 0),
        "{:?}",
        plan.report()
    );
    assert_eq!(plan.new_units, vec!["Provincial Liaison".to_string()]);
    assert_eq!(plan.lines[0].name, "T.M. Ndlovu");
    assert_eq!(plan.lines[0].line, 2);
}

#[test]
fn an_applied_import_writes_every_line_and_creates_the_new_component_once() {
    let (_dir, mut store) = sample_store();
    let before = staff_count(&store);
    let table = csv(EXTRACT);
    let mapping = import::recognise(&table.headers);
    let done = store.import_staff(&table, &mapping, date(TODAY)).unwrap();
    assert_eq!(done.added, 3);
    assert_eq!(staff_count(&store), before + 3);
    let pillay = store.staff_by_persal("31000033").unwrap().unwrap();
    let van_wyk = store.staff_by_persal("31000025").unwrap().unwrap();
    assert_eq!(
        pillay.unit_id, van_wyk.unit_id,
        "one unit for both spellings"
    );
    assert_eq!(
        store.unit(pillay.unit_id.unwrap()).unwrap().name,
        "Provincial Liaison"
    );
    assert_eq!(van_wyk.date_of_birth, Some(date("1979-11-03")));
    assert_eq!(pillay.salary_level, Some(6));
    let ndlovu = store.staff_by_persal("31000017").unwrap().unwrap();
    assert_eq!(ndlovu.first_names, "T.M.");
    assert_eq!(ndlovu.gender.map(|g| g.code()), Some("female"));
}

#[test]
fn bad_lines_are_reported_with_line_column_and_words_and_nothing_is_written() {
    let (_dir, mut store) = sample_store();
    let text = "Persal_Number,Surname,First Names,DOB,Salary Level,Sex
31000017,Ndlovu,Thandeka,31/02/1990,7,F
31000025,,Johan,1979-11-03,9,M
31000017,Ndlovu,Thandi,1988-04-12,17,F
12AB,Smith,Ann,1988-04-12,7,Q
31000041,Dube,Sipho,1988-04-12,8,M
";
    let table = csv(text);
    let plan = plan(&store, &table);
    let found = messages(&plan);
    let expected = [
        "Line 2, Date of birth: '31/02/1990' is not a date.",
        "Line 3, Surname: Surname is required.",
        "Line 4, Persal number: 31000017 is also on line 2; a staff member may appear once.",
        "Line 5, Gender: 'Q' is not a gender",
        "Line 5, Persal number: Persal number \"12AB\" should be 6 to 10 digits",
    ];
    for want in expected {
        assert!(
            found.iter().any(|m| m.starts_with(want)),
            "{want:?} not in {found:#?}"
        );
    }
    assert_eq!((plan.added, plan.errors), (1, 4), "{found:#?}");
    let head = store.audit_head().unwrap();
    let before = staff_count(&store);
    let mapping = import::recognise(&table.headers);
    let err = store
        .import_staff(&table, &mapping, date(TODAY))
        .unwrap_err();
    assert!(err.to_string().contains("nothing was imported"), "{err}");
    assert_eq!(store.audit_head().unwrap(), head, "nothing was written");
    assert_eq!(staff_count(&store), before);
    assert!(store.staff_by_persal("31000041").unwrap().is_none());
}

#[test]
fn a_salary_level_outside_the_public_services_levels_names_its_column() {
    let (_dir, store) = sample_store();
    let plan = plan(
        &store,
        &csv("Persal,Surname,Initials,Level\n31000017,Ndlovu,T,17\n"),
    );
    let problems = match &plan.lines[0].outcome {
        Outcome::Error { problems } => problems.clone(),
        other => panic!("expected an error, got {other:?}"),
    };
    assert_eq!(problems[0].column, Some(3));
    assert!(problems[0]
        .message
        .starts_with("Line 2, Salary level: Salary level 17"));
}

#[test]
fn importing_again_updates_by_persal_and_says_what_changed() {
    let (_dir, mut store) = sample_store();
    let first = store.staff_by_persal("21004310").unwrap().unwrap();
    let second = store.staff_by_persal("21012229").unwrap().unwrap();
    let new_level = first.salary_level.unwrap() % 16 + 1;
    let text = format!(
        "Persal No,Surname,First names,Salary level,Designation\n\
         {},{},{},{},Chief Director\n{},{},{},{},{}\n",
        first.persal,
        first.surname,
        first.first_names,
        new_level,
        second.persal,
        second.surname,
        second.first_names,
        second.salary_level.unwrap(),
        second.designation,
    );
    let table = csv(&text);
    let plan = plan(&store, &table);
    assert_eq!(
        (plan.updated, plan.unchanged),
        (1, 1),
        "{:?}",
        plan.report()
    );
    let Outcome::Update { changes } = &plan.lines[0].outcome else {
        panic!("line 2 should update: {:?}", plan.lines[0]);
    };
    let fields: Vec<&str> = changes.iter().map(|c| c.field).collect();
    assert_eq!(fields, ["Salary level", "Designation"]);
    assert_eq!(changes[0].old, first.salary_level.unwrap().to_string());
    assert_eq!(changes[0].new, new_level.to_string());
    assert_eq!(changes[1].new, "Chief Director");

    let mapping = import::recognise(&table.headers);
    store.import_staff(&table, &mapping, date(TODAY)).unwrap();
    let after = store.staff_by_persal(&first.persal).unwrap().unwrap();
    assert_eq!(after.salary_level, Some(new_level));
    assert_eq!(after.designation, "Chief Director");
    assert_eq!(
        after.email, first.email,
        "a column the file does not have is kept"
    );
    assert_eq!(after.id, first.id);
    let again = import::plan(&store, &table, &mapping, date(TODAY)).unwrap();
    assert_eq!((again.updated, again.unchanged), (0, 2));
}

#[test]
fn initials_do_not_replace_the_first_names_of_someone_already_registered() {
    let (_dir, store) = sample_store();
    let first = store.staff_by_persal("21004310").unwrap().unwrap();
    let text = format!(
        "Persal,Surname,Initials\n{},{},X\n",
        first.persal, first.surname
    );
    let plan = plan(&store, &csv(&text));
    assert_eq!(plan.unchanged, 1, "{:?}", plan.report());
}

#[test]
fn a_mapping_chosen_by_hand_fills_columns_the_headers_do_not_name() {
    let (_dir, store) = sample_store();
    let table = csv("Nommer,Van,Voorname,Geslag\n31000017,Ndlovu,Thandeka,F\n");
    assert_eq!(import::recognise(&table.headers), vec![None; 4]);
    let refused = import::plan(
        &store,
        &table,
        &[None, None, Some(Field::FirstNames)],
        date(TODAY),
    );
    assert!(refused.unwrap_err().to_string().contains("persal number"));
    let twice = [
        Some(Field::Persal),
        Some(Field::Surname),
        Some(Field::Surname),
    ];
    let refused = import::plan(&store, &table, &twice, date(TODAY)).unwrap_err();
    assert!(
        refused.to_string().contains("both chosen as Surname"),
        "{refused}"
    );
    let mapping = [
        Some(Field::Persal),
        Some(Field::Surname),
        Some(Field::FirstNames),
        Some(Field::Gender),
    ];
    let plan = import::plan(&store, &table, &mapping, date(TODAY)).unwrap();
    assert_eq!(plan.added, 1, "{:?}", plan.report());
}

#[test]
fn a_workbook_with_numbers_and_date_cells_imports_like_its_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("persal.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in [
        "Persal Nr",
        "Surname",
        "First Names",
        "Date of Birth",
        "Salary Level",
        "Unit",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_number(1, 0, 31000017.0).unwrap();
    ws.write_string(1, 1, "Ndlovu").unwrap();
    ws.write_string(1, 2, "Thandeka Maria").unwrap();
    let born = ExcelDateTime::from_ymd(1988, 4, 12).unwrap();
    ws.write_datetime_with_format(1, 3, &born, &date_format)
        .unwrap();
    ws.write_number(1, 4, 7.0).unwrap();
    ws.write_string(1, 5, "Corporate Services").unwrap();
    // Row 3 is left blank, as spreadsheets often have; row 4 holds a date typed as a serial.
    ws.write_string(3, 0, "31000025").unwrap();
    ws.write_string(3, 1, "van Wyk").unwrap();
    ws.write_string(3, 2, "Johan").unwrap();
    ws.write_number(3, 3, 29162.0).unwrap();
    book.save(&path).unwrap();

    let table = import::read_file(&path).unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].cells[0], "31000017");
    assert_eq!(table.rows[0].cells[3], "1988-04-12");
    assert_eq!(table.rows[1].line, 4);

    let (_dir, mut store) = sample_store();
    let mapping = import::recognise(&table.headers);
    let done = store.import_staff(&table, &mapping, date(TODAY)).unwrap();
    assert_eq!((done.added, done.errors), (2, 0), "{:?}", done.report());
    assert!(
        done.new_units.is_empty(),
        "Corporate Services exists in the sample"
    );
    let ndlovu = store.staff_by_persal("31000017").unwrap().unwrap();
    assert_eq!(ndlovu.date_of_birth, Some(date("1988-04-12")));
    assert_eq!(
        store.unit(ndlovu.unit_id.unwrap()).unwrap().name,
        "Corporate Services"
    );
    let van_wyk = store.staff_by_persal("31000025").unwrap().unwrap();
    assert_eq!(van_wyk.date_of_birth, Some(date("1979-11-03")));
}

#[test]
fn files_that_are_not_tables_are_refused_in_words() {
    assert!(import::read_xlsx(b"PK\x03\x04 not really a zip")
        .unwrap_err()
        .to_string()
        .contains("not an Excel workbook"));
    assert!(import::read_csv(b"\n\n")
        .unwrap_err()
        .to_string()
        .contains("empty"));
    let latin1 = b"Persal,Surname,First names\n31000017,M\xfcller,Hans\n";
    assert_eq!(import::read_csv(latin1).unwrap().rows[0].cells[1], "Müller");
}

#[test]
fn a_damaged_workbook_that_makes_calamine_panic_is_refused_in_words() {
    // Found by fuzzing: a cell points past the end of the shared-string table.
    let bytes = include_bytes!("data/damaged-shared-strings.xlsx");
    let err = import::read_xlsx(bytes).unwrap_err();
    assert!(err.to_string().contains("workbook is damaged"), "{err}");
}

#[test]
fn the_preview_shows_the_recognised_columns_every_field_and_the_first_lines() {
    let lines: String = (0..12)
        .map(|n| format!("3100{n:04};Ndlovu;T;F;A;19880412;07;Clerk;Registry\n"))
        .collect();
    let extract = format!("{}\n{lines}", EXTRACT.lines().next().unwrap());
    let preview = import::Preview::of(csv(&extract), "persal.csv");
    assert_eq!(preview.file_name, "persal.csv");
    assert_eq!(preview.mapping[0], Some(Field::Persal));
    assert_eq!(preview.mapping.len(), preview.headers.len());
    assert_eq!(preview.fields.len(), Field::ALL.len());
    assert_eq!(preview.row_count, 12);
    assert_eq!(preview.rows.len(), import::PREVIEW_ROWS);
    assert_eq!(preview.rows[0].cells[0], "31000000");
}

#[test]
fn a_large_import_tells_how_far_checking_then_saving_have_got() {
    let (_dir, mut store) = crate::fixtures::new_store("import.sqlite3");
    let table = csv(&crate::fixtures::persal_extract(1_000));
    let mapping = import::recognise(&table.headers);
    let mut told = Vec::new();
    let done = store
        .import_staff_with_progress(&table, &mapping, date(TODAY), |p| told.push(p))
        .unwrap();
    assert_eq!(done.added, 1_000);
    let stage = |stage| -> Vec<usize> {
        told.iter()
            .filter(|p| p.stage == stage && p.total == 1_000)
            .map(|p| p.done)
            .collect()
    };
    let (checking, saving) = (stage(Stage::Checking), stage(Stage::Saving));
    // Every line is checked before any staff member is saved, each stage from 0 to its end
    // in at most a hundred steps, counting up.
    assert_eq!(told.len(), checking.len() + saving.len());
    assert!(told[..checking.len()]
        .iter()
        .all(|p| p.stage == Stage::Checking));
    for counted in [&checking, &saving] {
        assert_eq!(counted.first(), Some(&0));
        assert_eq!(counted.last(), Some(&1_000));
        assert!(counted.len() <= 101 && counted.windows(2).all(|w| w[0] < w[1]));
    }
    assert_eq!(staff_count(&store), 1_000);
}

#[test]
fn a_refused_import_tells_of_its_checking_only() {
    let (_dir, mut store) = sample_store();
    let table = csv("PERSAL NO;SURNAME;INITIALS\n31000017;;T.M.\n");
    let mapping = import::recognise(&table.headers);
    let mut told = Vec::new();
    store
        .import_staff_with_progress(&table, &mapping, date(TODAY), |p| told.push(p))
        .unwrap_err();
    assert!(!told.is_empty());
    assert!(told.iter().all(|p| p.stage == Stage::Checking), "{told:?}");
}
