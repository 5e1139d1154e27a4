//! The PDF renderer, checked with the tools a reader's machine would use: poppler's
//! `pdftotext`, `pdfinfo` and `pdffonts`, and `qpdf --check`.

use std::io::Write;
use std::process::Command;

use mentordesk_core::document::{render_pdf, Block, Column, Document, Signatory};

use crate::date;

const NAMES: [&str; 4] = [
    "Nomvula Dlamini-Müller",
    "Zoë van der Merwe",
    "Pieter O'Neill",
    "Sipho Mkhize–Ndlovu",
];

const HEADINGS: [&str; 8] = [
    "1. Parties",
    "2. Purpose",
    "3. Period and meetings",
    "4. Goals and deliverables",
    "5. Duties of the mentor",
    "6. Duties of the protégé",
    "7. Confidentiality",
    "8. Signatures",
];

fn words(count: usize) -> String {
    let text = "The mentor and the protégé agree to meet as planned, to keep a record of each \
                meeting, and to review progress against the goals below at least once a quarter";
    text.split(' ')
        .cycle()
        .take(count)
        .collect::<Vec<_>>()
        .join(" ")
}

fn signatories() -> Vec<Signatory> {
    let roles = ["Mentor", "Protégé", "Line manager", "Programme coordinator"];
    roles
        .iter()
        .zip(NAMES)
        .map(|(role, name)| Signatory {
            role: role.to_string(),
            name: name.to_string(),
        })
        .collect()
}

/// An agreement-like document with every kind of block, long enough for three pages.
fn sample() -> Document {
    let goals = (1..=14)
        .map(|n| {
            vec![
                n.to_string(),
                words(8 + n % 5 * 6),
                words(6),
                format!("{n} March 2027"),
            ]
        })
        .collect();
    Document {
        title: "Mentorship agreement".into(),
        reference: "MS-0007/AGR".into(),
        organisation: "Department of Public Works and Infrastructure".into(),
        generated_on: date("2026-11-23"),
        blocks: vec![
            Block::Paragraph("This agreement is made between the parties named below.".into()),
            Block::Heading(HEADINGS[0].into()),
            Block::Table {
                columns: vec![
                    Column::new("", 0.22),
                    Column::new("Mentor", 0.39),
                    Column::new("Protégé", 0.39),
                ],
                rows: vec![
                    vec!["Name".into(), NAMES[0].into(), NAMES[1].into()],
                    vec!["Persal number".into(), "21345678".into(), "23456789".into()],
                    vec![
                        "Unit".into(),
                        "Chief Directorate: Property Management".into(),
                        "Facilities".into(),
                    ],
                ],
            },
            Block::Heading(HEADINGS[1].into()),
            Block::Paragraph(words(120)),
            Block::Paragraph(words(90)),
            Block::Heading(HEADINGS[2].into()),
            Block::Fields(vec![
                ("Start".into(), "1 December 2026".into()),
                ("End".into(), "30 November 2027".into()),
                (
                    "Meetings".into(),
                    "Monthly, face to face, at the regional office".into(),
                ),
                ("Line manager".into(), NAMES[2].into()),
            ]),
            Block::Heading(HEADINGS[3].into()),
            Block::Table {
                columns: vec![
                    Column::new("No.", 0.07),
                    Column::new("Goal or deliverable", 0.5),
                    Column::new("Measure (quality, quantity, time)", 0.28),
                    Column::new("Due", 0.15),
                ],
                rows: goals,
            },
            Block::Note(
                "The goals may be revised at a quarterly review with both parties' consent.".into(),
            ),
            Block::Heading(HEADINGS[4].into()),
            Block::Bullets((0..6).map(|n| words(12 + n * 7)).collect()),
            Block::Heading(HEADINGS[5].into()),
            Block::Bullets((0..6).map(|n| words(30 - n * 3)).collect()),
            Block::Heading(HEADINGS[6].into()),
            Block::Paragraph(words(150)),
            Block::Heading(HEADINGS[7].into()),
            Block::Signatures(signatories()),
        ],
    }
}

/// Runs `tool` on `bytes` saved as a file, with `args` before the file's path and
/// `after` behind it, and returns what it printed.
fn run(tool: &str, args: &[&str], bytes: &[u8], after: &[&str]) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("temp file");
    file.write_all(bytes).expect("write the PDF");
    let output = Command::new(tool)
        .args(args)
        .arg(file.path())
        .args(after)
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not run: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{tool} failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

fn pdftotext(bytes: &[u8]) -> String {
    run("pdftotext", &["-layout", "-enc", "UTF-8"], bytes, &["-"])
}

fn page_count(bytes: &[u8]) -> usize {
    let info = run("pdfinfo", &[], bytes, &[]);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gave no page count:\n{info}"))
}

fn render(doc: &Document) -> Vec<u8> {
    render_pdf(doc).unwrap_or_else(|e| panic!("render failed: {e}"))
}

/// The text of each page; pdftotext ends every page with a form feed.
fn pages(text: &str) -> Vec<&str> {
    let mut pages: Vec<&str> = text.split('\u{c}').collect();
    pages.pop();
    pages
}

#[test]
fn a_long_document_numbers_its_pages() {
    let bytes = render(&sample());
    let count = page_count(&bytes);
    assert!(
        count >= 3,
        "the sample should fill at least three pages, not {count}"
    );
    let text = pdftotext(&bytes);
    let pages = pages(&text);
    assert_eq!(pages.len(), count);
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Page {} of {count}", index + 1)),
            "page {}:\n{page}",
            index + 1
        );
        assert!(page.contains("Generated 23 November 2026"));
        assert!(page.contains("Department of Public Works and Infrastructure"));
        assert!(page.contains("MS-0007/AGR"));
    }
}

#[test]
fn names_keep_their_accents_and_punctuation() {
    let text = pdftotext(&render(&sample()));
    for name in NAMES {
        assert!(text.contains(name), "{name} is missing from:\n{text}");
        assert!(
            text.contains(&format!("Name: {name}")),
            "{name} has no signature block"
        );
    }
}

#[test]
fn the_title_and_headings_come_out_whole_and_in_order() {
    let text = pdftotext(&render(&sample()));
    let mut from = text.find("Mentorship agreement").expect("the title");
    for heading in HEADINGS {
        let at = text[from..]
            .find(heading)
            .unwrap_or_else(|| panic!("{heading} missing or out of order"));
        from += at + heading.len();
    }
    assert!(text.contains("This agreement is made between the parties named below."));
}

#[test]
fn the_file_passes_qpdf_and_embeds_both_fonts_as_subsets() {
    let bytes = render(&sample());
    run("qpdf", &["--check"], &bytes, &[]);
    let fonts = run("pdffonts", &[], &bytes, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for weight in ["LiberationSans ", "LiberationSans-Bold "] {
        let row = rows
            .iter()
            .find(|row| row.contains(&format!("+{weight}")))
            .unwrap_or_else(|| panic!("{weight}is not a subset font:\n{fonts}"));
        let flags: Vec<&str> = row.split_whitespace().rev().skip(2).take(3).collect();
        assert_eq!(
            flags,
            ["yes", "yes", "yes"],
            "emb, sub and uni should be yes:\n{fonts}"
        );
    }
    assert!(
        bytes.len() < 100_000,
        "{} bytes is too big for subset fonts",
        bytes.len()
    );
}

#[test]
fn a_table_repeats_its_header_on_every_page_it_spans() {
    let rows = (1..=120)
        .map(|n| vec![format!("Row {n}"), words(10)])
        .collect();
    let doc = Document {
        blocks: vec![Block::Table {
            columns: vec![Column::new("Item", 0.3), Column::new("Description", 0.7)],
            rows,
        }],
        ..sample()
    };
    let text = pdftotext(&render(&doc));
    let pages = pages(&text);
    assert!(pages.len() >= 3);
    for page in &pages {
        assert!(
            page.contains("Item") && page.contains("Description"),
            "no header row:\n{page}"
        );
    }
    for n in 1..=120 {
        let row = format!("Row {n} ");
        assert_eq!(
            pages.iter().filter(|page| page.contains(&row)).count(),
            1,
            "{row} is not on one page"
        );
    }
}

/// Shifting the same content down line by line puts every heading and signature row at a
/// page's foot in one of the variants. A signature block that fits on a page is never split
/// (a lone signatory overleaf would be signed apart from the others), and its heading stays
/// with it.
#[test]
fn no_page_ends_with_a_heading_or_splits_a_signature_block() {
    for filler in 0..36 {
        let mut doc = sample();
        doc.blocks
            .splice(0..0, (0..filler).map(|_| Block::Paragraph(words(4))));
        doc.blocks
            .push(Block::Heading("9. Signatures once more".into()));
        doc.blocks.push(Block::Signatures(signatories()));
        let text = pdftotext(&render(&doc));
        let last_block = pages(&text)
            .into_iter()
            .find_map(|page| {
                page.split_once("9. Signatures once more")
                    .map(|(_, rest)| rest)
            })
            .unwrap_or_else(|| panic!("filler {filler}: the last heading is missing"));
        assert_eq!(
            last_block.matches("Name: ").count(),
            signatories().len(),
            "filler {filler}: the signature block is split from its heading or itself"
        );
        for page in pages(&text) {
            let body: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty() && !line.starts_with("Generated"))
                .collect();
            let last = body.last().copied().unwrap_or_default();
            assert!(
                !HEADINGS.contains(&last) && !last.starts_with("9. "),
                "filler {filler}: a page ends with the heading {last:?}"
            );
            let count = |needle: &str| page.matches(needle).count();
            let captions = count("Signature") - count("Signatures");
            for part in [count("Date: ____________"), captions] {
                assert_eq!(
                    count("Name: "),
                    part,
                    "filler {filler}: a signature row is split:\n{page}"
                );
            }
        }
    }
}

/// Keeping a paragraph's first and last lines together must not chain one-line items
/// into a block that jumps to the next page, leaving a gap.
#[test]
fn one_line_items_fill_the_page_before_breaking() {
    let doc = Document {
        blocks: vec![
            Block::Paragraph(words(650)),
            Block::Bullets((1..=20).map(|n| format!("Item {n}")).collect()),
        ],
        ..sample()
    };
    let text = pdftotext(&render(&doc));
    let pages = pages(&text);
    assert_eq!(pages.len(), 2);
    assert!(
        pages[0].contains("Item 1\n"),
        "the first page ends early:\n{}",
        pages[0]
    );
}

#[test]
fn an_empty_document_is_one_page_with_its_header_and_footer() {
    let doc = Document {
        title: String::new(),
        reference: String::new(),
        organisation: String::new(),
        generated_on: date("2026-11-23"),
        blocks: Vec::new(),
    };
    let bytes = render(&doc);
    assert_eq!(page_count(&bytes), 1);
    assert!(pdftotext(&bytes).contains("Page 1 of 1"));
}

#[test]
fn a_page_break_starts_a_new_page_but_never_an_empty_one() {
    let doc = Document {
        title: "Letter".into(),
        reference: "APP-0001/REJ".into(),
        organisation: "Department".into(),
        generated_on: date("2026-11-23"),
        blocks: vec![
            Block::Paragraph("Dear applicant".into()),
            Block::PageBreak,
            Block::PageBreak,
            Block::Heading("File copy".into()),
        ],
    };
    let bytes = render(&doc);
    assert_eq!(page_count(&bytes), 2);
    let text = pdftotext(&bytes);
    let pages = pages(&text);
    assert!(pages[0].contains("Dear applicant") && !pages[0].contains("File copy"));
    assert!(pages[1].contains("File copy"));
}

#[test]
fn pathological_input_renders_without_panicking() {
    let long_word = "Ä".repeat(250) + &"x".repeat(250);
    let doc = Document {
        title: long_word.clone(),
        reference: long_word.clone(),
        organisation: "Tabs\tand\nnew lines\r\n and \u{0} nulls".into(),
        generated_on: date("2026-11-23"),
        blocks: vec![
            Block::Heading(String::new()),
            Block::Paragraph(long_word.clone()),
            Block::Paragraph(String::new()),
            Block::Fields(vec![
                (String::new(), String::new()),
                (long_word.clone(), long_word.clone()),
            ]),
            Block::Bullets(vec![String::new(), long_word.clone()]),
            Block::Table {
                columns: Vec::new(),
                rows: vec![vec!["lost".into()]],
            },
            Block::Table {
                columns: vec![Column::new("Empty", 1.0)],
                rows: Vec::new(),
            },
            Block::Table {
                columns: vec![
                    Column::new("Narrow", 0.0),
                    Column {
                        title: "Odd".into(),
                        width: f32::NAN,
                    },
                    Column {
                        title: "Wide".into(),
                        width: -3.0,
                    },
                ],
                rows: vec![vec![long_word.repeat(4)], Vec::new(), vec!["a".into(); 9]],
            },
            Block::Table {
                columns: vec![Column::new("No.", 0.2), Column::new("Row", 0.8)],
                rows: (0..2_000)
                    .map(|n| vec![n.to_string(), format!("Row number {n}")])
                    .collect(),
            },
            Block::Signatures(vec![
                Signatory {
                    role: String::new(),
                    name: String::new(),
                },
                Signatory {
                    role: long_word.clone(),
                    name: long_word.clone(),
                },
                Signatory {
                    role: "Alone".into(),
                    name: "Odd one out".into(),
                },
            ]),
            Block::Note(String::new()),
            Block::Heading("A heading at the very end".into()),
        ],
    };
    let bytes = render(&doc);
    run("qpdf", &["--check"], &bytes, &[]);
    let text = pdftotext(&bytes);
    assert!(text.contains("Row number 1999"));
    let count = page_count(&bytes);
    assert!(text.contains(&format!("Page {count} of {count}")));
}

#[test]
fn plain_text_holds_every_name_and_heading() {
    let text = sample().plain_text();
    for needle in NAMES.iter().chain(HEADINGS.iter()) {
        assert!(text.contains(needle), "{needle}");
    }
    assert!(text.contains("Generated 23 November 2026"));
}
