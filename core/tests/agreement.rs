//! The mentorship agreements of the sample programme, printed and read back with poppler and
//! qpdf, the readers an office's PDF viewer would be.

use mentordesk_core::document::long_date;
use mentordesk_core::domain::Status;
use mentordesk_core::print::agreement::{self, CLAUSES};
use mentordesk_core::store::MentorshipQuery;
use mentordesk_core::Store;

use crate::{date, run, sample_store, text_of};

/// The id of the sample's mentorship whose mentor or protégé matches `name`.
fn mentorship_named(store: &Store, name: &str) -> i64 {
    store
        .mentorships(&MentorshipQuery {
            text: name.into(),
            ..Default::default()
        })
        .unwrap()[0]
        .id
}

#[test]
fn every_sample_agreement_prints_its_parties_terms_clauses_and_signatures() {
    let (dir, store) = sample_store();
    let today = date("2026-11-23");
    let rows = store
        .mentorships(&MentorshipQuery {
            status: Some(Status::Active),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 7);
    for row in rows {
        let facts = agreement::AgreementFacts::load(&store, row.id).unwrap();
        let path = agreement::write_agreement(&store, row.id, today, dir.path()).unwrap();
        let text = text_of(&path);
        let expect = |what: &str| {
            assert!(
                text.contains(what),
                "{}: no {what:?} in:\n{text}",
                row.reference
            )
        };

        expect("Mentorship agreement");
        expect(&format!("{}/AGR", row.reference));
        expect(&facts.mentor.name);
        expect(&facts.protege.name);
        expect(facts.protege.persal.as_deref().unwrap());
        if let Some(persal) = &facts.mentor.persal {
            expect(persal);
        }
        expect(&long_date(facts.mentorship.start_date));
        expect(&long_date(facts.mentorship.end_date));
        for goal in &facts.mentorship.goals {
            expect(&goal.description);
        }
        for clause in CLAUSES {
            expect(clause);
        }
        for role in [
            "Mentor",
            "Protégé",
            "Programme manager",
            "Protégé's line manager",
        ] {
            expect(role);
        }
        expect("Refilwe Mokoena");
        if let Some(manager) = &facts.line_manager {
            expect(manager);
        }
        expect("Each party keeps a signed copy");
        expect("23 November 2026");

        run("qpdf", &["--check", path.to_str().unwrap()]);
        let fonts = run("pdffonts", &[path.to_str().unwrap()]);
        assert!(fonts.contains("LiberationSans"), "{fonts}");
        for line in fonts.lines().skip(2) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            assert!(
                cols.iter().rev().nth(3) == Some(&"yes"),
                "font not embedded: {line}"
            );
        }
    }
}

#[test]
fn the_agreement_names_accents_and_apostrophes_as_written() {
    let (dir, store) = sample_store();
    let find = |name: &str| mentorship_named(&store, name);
    // Zoë mentors Mpho, whose unit is managed by Nomvula Dlamini-Müller; Charlene mentors René.
    let mpho =
        agreement::write_agreement(&store, find("Mpho"), date("2026-11-23"), dir.path()).unwrap();
    let text = text_of(&mpho);
    for name in [
        "Zoë van der Merwe",
        "Mpho Maluleke",
        "Nomvula Dlamini-Müller",
        "Graduate internship",
    ] {
        assert!(text.contains(name), "no {name:?} in {text}");
    }
    let rene = text_of(
        &agreement::write_agreement(&store, find("René"), date("2026-11-23"), dir.path()).unwrap(),
    );
    assert!(
        rene.contains("René Fourie") && rene.contains("promoted into a managerial position"),
        "{rene}"
    );
}

#[test]
fn the_wording_fits_each_kind_of_protege() {
    let (_dir, store) = sample_store();
    let wording = |name: &str| {
        agreement::agreement(&store, mentorship_named(&store, name), date("2026-11-23"))
            .unwrap()
            .plain_text()
    };
    assert!(wording("René").contains("promoted into a managerial position"));
    assert!(wording("Andiswa").contains("applied for the programme and was accepted"));
    assert!(wording("Tshepo").contains("is an intern in the department"));
    assert!(wording("Ntombi").contains("registered for a learnership"));
    assert!(wording("Ntombi").contains("portfolio of evidence"));
}

#[test]
fn a_batch_prints_every_active_agreement_and_lists_one_that_fails_then_goes_on() {
    let (dir, store) = sample_store();
    let active = store
        .mentorships(&MentorshipQuery {
            status: Some(Status::Active),
            ..Default::default()
        })
        .unwrap();
    assert!(active.len() > 2);
    // One agreement cannot be written: a folder stands where its PDF would go.
    let folder = dir.path().join("agreements");
    let blocked = folder.join(format!("{}-agreement.pdf", active[1].reference));
    std::fs::create_dir_all(blocked.join("in the way")).unwrap();
    let mut told = Vec::new();
    let batch = agreement::write_agreements(
        || Ok::<_, mentordesk_core::Error>(&store),
        date("2026-11-23"),
        &folder,
        |done, total, name| told.push((done, total, name.to_owned())),
    )
    .unwrap();
    // The files come in the order of the mentorships, whichever finished first.
    let expected: Vec<_> = active
        .iter()
        .filter(|row| row.id != active[1].id)
        .map(|row| folder.join(format!("{}-agreement.pdf", row.reference)))
        .collect();
    assert_eq!(batch.printed, expected);
    assert!(batch.printed.iter().all(|p| p.is_file()));
    assert_eq!(batch.failures.len(), 1, "{:?}", batch.failures);
    assert!(batch.failures[0].name.starts_with(&active[1].reference));
    assert!(!batch.failures[0].message.is_empty());
    assert_eq!(
        told.iter().map(|t| t.0).collect::<Vec<_>>(),
        (1..=active.len()).collect::<Vec<_>>()
    );
    assert!(told.iter().all(|t| t.1 == active.len()));
    assert!(told.iter().any(|t| t.2 == batch.failures[0].name));
}
