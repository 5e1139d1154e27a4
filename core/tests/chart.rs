//! Charts and form questions in printed documents, checked on the real PDF with poppler and
//! qpdf: the words a reader looks for can be found, nothing is an image, no two words print
//! over each other and no chart or question is split across pages.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mentordesk_core::chart::{Chart, ChartKind, Series};
use mentordesk_core::document::{write_pdf, AnswerSpace, Block, Document};

use crate::{check_pdf, run, text_of};

const RATING: [&str; 4] = [
    "1 Not yet",
    "2 Partly competent",
    "3 Competent",
    "4 Beyond expectations",
];

fn chart(kind: ChartKind, title: &str, categories: &[&str], series: &[(&str, &[f64])]) -> Chart {
    Chart {
        title: title.into(),
        kind,
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series: series
            .iter()
            .map(|(name, values)| Series::new(name, values))
            .collect(),
        value_label: "Sessions".into(),
        empty: "No sessions were held in this period.".into(),
    }
}

fn sessions_per_quarter() -> Chart {
    chart(
        ChartKind::Bars,
        "Sessions held per quarter",
        &[
            "April–June",
            "July–September",
            "October–December",
            "January–March",
        ],
        &[
            ("Held", &[37.0, 41.0, 29.0, 46.0]),
            ("Cancelled", &[3.0, 8.0, 12.0, 5.0]),
        ],
    )
}

fn pairings_by_unit() -> Chart {
    chart(
        ChartKind::StackedBars,
        "Pairings by unit and kind of protégé",
        &[
            "Facilities",
            "Finance",
            "Property Management",
            "Human Resources",
            "Legal",
        ],
        &[
            ("Interns", &[6.0, 4.0, 9.0, 3.0, 2.0]),
            ("Learners", &[5.0, 7.0, 6.0, 0.0, 1.0]),
            ("Staff", &[4.0, 3.0, 8.0, 5.0, 0.0]),
        ],
    )
}

fn ratings_over_time() -> Chart {
    chart(
        ChartKind::Lines,
        "Average competency rating per review",
        &["First quarter", "Mid-cycle", "Third quarter", "Annual"],
        &[
            ("Technical skills", &[1.8, 2.4, 2.9, 3.3]),
            ("Report writing", &[2.1, 2.2, 2.7, 3.1]),
            ("Planning", &[1.5, f64::NAN, 2.5, 2.8]),
        ],
    )
}

fn nothing_held() -> Chart {
    let mut chart = chart(
        ChartKind::Bars,
        "Sessions held in the new cycle",
        &["April–June"],
        &[("Held", &[0.0])],
    );
    chart.value_label = "Meetings".into();
    chart
}

fn questions() -> Vec<Block> {
    vec![
        Block::Question {
            text: "1. How well does the protégé plan their work?".into(),
            answer: AnswerSpace::Boxes(RATING.map(String::from).to_vec()),
        },
        Block::Question {
            text: "2. Did the mentor and protégé meet as often as agreed?".into(),
            answer: AnswerSpace::Boxes(vec!["Yes".into(), "No".into()]),
        },
        Block::Question {
            text: "3. What should the programme do differently next year?".into(),
            answer: AnswerSpace::Lines(5),
        },
    ]
}

fn document(blocks: Vec<Block>) -> Document {
    Document {
        title: "Programme report 2026/27".into(),
        reference: "PR-2026/27".into(),
        organisation: "Department of Public Works and Infrastructure".into(),
        generated_on: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        blocks,
    }
}

/// The report's charts and the form's questions, as the next feature will print them.
fn report() -> Document {
    let mut blocks = vec![
        Block::Chart(sessions_per_quarter()),
        Block::Chart(pairings_by_unit()),
        Block::Chart(ratings_over_time()),
        Block::Chart(nothing_held()),
        Block::PageBreak,
    ];
    blocks.extend(questions());
    document(blocks)
}

/// Writes `doc` as a PDF in a fresh temporary folder, which lives as long as the first value.
fn written(doc: &Document) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    write_pdf(doc, &path).unwrap_or_else(|e| panic!("render failed: {e}"));
    (dir, path)
}

/// The text of each page; pdftotext ends every page with a form feed.
fn pages(pdf: &Path) -> Vec<String> {
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text
        .split('\u{c}')
        .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    pages.pop();
    pages
}

/// A word on a page with its box, as poppler sees it (points, from the page's top).
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
}

fn words(pdf: &Path) -> Vec<Word> {
    let html = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let attribute = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let mut page = 0;
    let mut found = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        } else if let Some(word) = line.strip_prefix("<word ") {
            let (tag, rest) = word.split_once('>').unwrap();
            found.push(Word {
                page,
                text: rest.trim_end_matches("</word>").to_owned(),
                x_min: attribute(tag, "xMin"),
                y_min: attribute(tag, "yMin"),
                x_max: attribute(tag, "xMax"),
                y_max: attribute(tag, "yMax"),
            });
        }
    }
    found
}

/// Every pair of words on the same page whose boxes overlap: text printed over text.
fn overlapping(words: &[Word]) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    for (n, a) in words.iter().enumerate() {
        for b in &words[n + 1..] {
            let apart = a.page != b.page
                || a.x_max <= b.x_min + 0.5
                || b.x_max <= a.x_min + 0.5
                || a.y_max <= b.y_min + 0.5
                || b.y_max <= a.y_min + 0.5;
            if !apart {
                pairs.push((a.text.as_str(), b.text.as_str()));
            }
        }
    }
    pairs
}

#[test]
fn charts_and_questions_make_a_valid_pdf_with_embedded_fonts() {
    let (_dir, pdf) = written(&report());
    check_pdf(&pdf);
}

/// Prints `blocks` and checks that pdftotext finds each of `phrases`, that each of `alone` is
/// a word of its own on the page (a bar's value, a tick) and that none of `absent` is.
fn check(blocks: Vec<Block>, phrases: &[String], alone: &[&str], absent: &[&str]) {
    let (_dir, pdf) = written(&document(blocks));
    let text = text_of(&pdf);
    for phrase in phrases {
        assert!(text.contains(phrase), "{phrase} is missing from:\n{text}");
    }
    let found: Vec<String> = words(&pdf).into_iter().map(|w| w.text).collect();
    for word in alone {
        assert!(found.iter().any(|w| w == word), "no word {word}: {found:?}");
    }
    for word in absent {
        assert!(
            !found.iter().any(|w| w == word),
            "{word} is printed: {found:?}"
        );
    }
}

/// Prints `chart` alone and checks that its title, value axis, legend and categories can be
/// found, and each of `values` (a bar's value, a tick) as a word of its own.
fn check_chart(chart: Chart, values: &[&str]) {
    let mut phrases = vec![chart.title.clone(), chart.value_label.clone()];
    phrases.extend(chart.series.iter().map(|series| series.name.clone()));
    phrases.extend(chart.categories.iter().cloned());
    check(vec![Block::Chart(chart)], &phrases, values, &[]);
}

#[test]
fn a_bar_chart_prints_its_title_legend_categories_and_every_value() {
    let values = ["37", "41", "29", "46", "3", "8", "12", "5"];
    check_chart(sessions_per_quarter(), &values);
}

#[test]
fn a_stacked_bar_chart_prints_each_part_and_each_total() {
    // The totals 15, 14, 23, 8 and 3, and parts tall enough to carry their value.
    let values = ["15", "14", "23", "8", "3", "9", "6", "7"];
    check_chart(pairings_by_unit(), &values);
}

#[test]
fn a_line_chart_prints_its_legend_categories_and_axis() {
    check_chart(ratings_over_time(), &["0", "1", "2", "3", "4"]);
}

#[test]
fn a_chart_without_data_prints_its_note_instead_of_axes() {
    let chart = nothing_held();
    let phrases = [chart.title.clone(), chart.empty.clone()];
    let axes = ["0", "Held", "Meetings", "April–June"];
    check(vec![Block::Chart(chart)], &phrases, &[], &axes);
}

#[test]
fn questions_print_their_text_and_every_option_to_tick() {
    let mut phrases: Vec<String> = RATING.map(String::from).to_vec();
    for block in questions() {
        if let Block::Question { text, .. } = block {
            phrases.push(text);
        }
    }
    check(questions(), &phrases, &["Yes", "No"], &[]);
}

#[test]
fn many_options_continue_on_a_second_line_in_order() {
    let options: Vec<String> = (1..=14).map(|n| format!("Option number {n}")).collect();
    let doc = document(vec![Block::Question {
        text: "Which of these apply?".into(),
        answer: AnswerSpace::Boxes(options.clone()),
    }]);
    let (_dir, pdf) = written(&doc);
    let found = words(&pdf);
    let mut numbers: Vec<&Word> = found
        .iter()
        .filter(|w| w.y_min < 700.0 && w.text.parse::<u32>().is_ok())
        .collect();
    numbers.sort_by(|a, b| (a.y_min, a.x_min).partial_cmp(&(b.y_min, b.x_min)).unwrap());
    let order: Vec<&str> = numbers.iter().map(|w| w.text.as_str()).collect();
    let expected: Vec<String> = (1..=14).map(|n| n.to_string()).collect();
    assert_eq!(order, expected, "the options are not in reading order");
    let rows = numbers
        .iter()
        .filter(|w| w.x_min < numbers[0].x_min + 1.0)
        .count();
    assert!(rows >= 2, "fourteen options cannot fit on one line");
    assert!(overlapping(&found).is_empty(), "{:?}", overlapping(&found));
    let text = text_of(&pdf);
    for option in options {
        assert!(text.contains(&option), "{option} is missing from:\n{text}");
    }
}

#[test]
fn charts_and_tick_boxes_are_vector_graphics_without_images() {
    let (_dir, pdf) = written(&report());
    let list = run("pdfimages", &["-list", pdf.to_str().unwrap()]);
    assert_eq!(list.lines().count(), 2, "the PDF holds images:\n{list}");
}

#[test]
fn no_words_of_a_chart_or_form_print_over_each_other() {
    let long_units = chart(
        ChartKind::Bars,
        "Protégés per unit",
        &[
            "Chief Directorate: Property Management and Facilities Maintenance in every region",
            "Supply Chain Management",
            "Office of the Director-General",
            "Internationalisation",
            "Construction Project Management",
            "Human Resource Development and Training",
        ],
        &[("Protégés", &[12.0, 7.0, 3.0, 1.0, 9.0, 14.0])],
    );
    let months = [
        "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar",
    ];
    let hours = |start: f64| -> Vec<f64> { (0..12).map(|n| start + f64::from(n) * 61.0).collect() };
    let narrow = chart(
        ChartKind::Bars,
        "Mentoring hours per month",
        &months,
        &[
            ("Planned", &hours(312.0)),
            ("Held", &hours(287.0)),
            ("Reported", &hours(255.0)),
        ],
    );
    let mut blocks = report().blocks;
    blocks.push(Block::Chart(long_units));
    blocks.push(Block::Chart(narrow));
    let (_dir, pdf) = written(&document(blocks));
    let found = words(&pdf);
    assert!(overlapping(&found).is_empty(), "{:?}", overlapping(&found));
    let text = text_of(&pdf);
    // A label too long for three lines under its bar is shortened, and a word too long
    // for the bar's width is cut with an ellipsis rather than broken over lines.
    assert!(text.contains("Chief Directorate: Property"), "{text}");
    assert!(!text.contains("every region"), "{text}");
    assert!(text.contains('…'), "{text}");
    assert!(text.contains("Supply Chain Management"), "{text}");
    let found: Vec<String> = found.into_iter().map(|w| w.text).collect();
    for value in ["312", "983", "958", "926"] {
        assert!(found.contains(&value.to_owned()), "no bar says {value}");
    }
}

/// What marks the chart `n` of `kind` in a long document: its title, the value axis's note
/// at the top of its plot and its last category at the foot.
fn chart_marks(n: usize, kind: ChartKind) -> [String; 3] {
    let id = format!("{n}{}", if kind == ChartKind::Bars { "a" } else { "b" });
    [
        format!("Chart {id} "),
        format!("Sessions {id}"),
        format!("Last {id}"),
    ]
}

fn marked(mut chart: Chart, n: usize) -> Chart {
    let [title, top, foot] = chart_marks(n, chart.kind);
    chart.title = title.trim_end().to_owned();
    chart.value_label = top;
    if let Some(last) = chart.categories.last_mut() {
        *last = foot;
    }
    chart
}

/// Shifting the same content down line by line puts every chart and question at a page's
/// foot in one of the variants; each must then move overleaf whole.
#[test]
fn no_chart_or_question_is_split_across_pages() {
    let bottom = (297.0 - 20.0) * 72.0 / 25.4;
    for filler in 0..30 {
        let mut blocks: Vec<Block> = (0..filler)
            .map(|_| Block::Paragraph("The programme in figures.".into()))
            .collect();
        for n in 1..=4 {
            let rated = Block::Question {
                text: format!("Question {n}: how well does the protégé plan?"),
                answer: AnswerSpace::Boxes(RATING.map(String::from).to_vec()),
            };
            let open = Block::Question {
                text: format!("Written {n}: what would you change?"),
                answer: AnswerSpace::Lines(4),
            };
            blocks.push(Block::Chart(marked(sessions_per_quarter(), n)));
            blocks.push(rated);
            blocks.push(Block::Chart(marked(pairings_by_unit(), n)));
            blocks.push(open);
        }
        let (_dir, pdf) = written(&document(blocks));
        let pages = pages(&pdf);
        assert!(pages.len() >= 3, "filler {filler}: {} pages", pages.len());
        for n in 1..=4 {
            for kind in [ChartKind::Bars, ChartKind::StackedBars] {
                let [title, top, foot] = chart_marks(n, kind);
                let page = pages
                    .iter()
                    .find(|page| page.contains(&title))
                    .unwrap_or_else(|| panic!("filler {filler}: {title} is missing"));
                assert!(
                    page.contains(&top) && page.contains(&foot),
                    "filler {filler}: {title} is split:\n{page}"
                );
            }
            let question = format!("Question {n}:");
            let page = pages
                .iter()
                .find(|page| page.contains(&question))
                .unwrap_or_else(|| panic!("filler {filler}: {question} is missing"));
            let answer = page.split_once(&question).unwrap().1;
            let answer = answer.split("Chart ").next().unwrap_or_default();
            assert!(
                RATING.iter().all(|option| answer.contains(option)),
                "filler {filler}: {question} is split from its boxes:\n{page}"
            );
        }
        // The ruled lines are not text: the last word of a written question must leave
        // room for its four lines below it on its page.
        let found = words(&pdf);
        for word in found.iter().filter(|w| w.text == "change?") {
            assert!(
                word.y_max + 4.0 * 24.0 <= bottom + 1.0,
                "filler {filler}: a written question is split from its lines on page {}",
                word.page
            );
        }
    }
}

#[test]
fn plain_text_lists_a_charts_values_and_a_questions_options() {
    let text = report().plain_text();
    for needle in [
        "Sessions held per quarter",
        "Sessions | April–June | July–September | October–December | January–March",
        "Held | 37 | 41 | 29 | 46",
        "Planning | 1.5 | – | 2.5 | 2.8",
        "Sessions held in the new cycle\nNo sessions were held in this period.",
        "3. What should the programme do differently next year?",
        "☐ Yes  ☐ No",
    ] {
        assert!(text.contains(needle), "{needle} is missing from:\n{text}");
    }
}

#[test]
fn four_charts_stay_a_small_file() {
    let doc = document(vec![
        Block::Chart(sessions_per_quarter()),
        Block::Chart(pairings_by_unit()),
        Block::Chart(ratings_over_time()),
        Block::Chart(sessions_per_quarter()),
    ]);
    let (_dir, pdf) = written(&doc);
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 60_000, "{size} bytes for four charts");
}

#[test]
fn pathological_charts_and_questions_render_without_panicking() {
    let long = "Ä".repeat(300);
    let huge = chart(
        ChartKind::StackedBars,
        &long,
        &[&long, "", "Tabs\tand\nnew lines"],
        &[
            (&long, &[f64::MAX, 1e300, f64::NEG_INFINITY]),
            ("", &[f64::MAX, f64::NAN, -0.0]),
        ],
    );
    let many: Vec<String> = (0..200).map(|n| format!("Category {n}")).collect();
    let crowded = Chart {
        categories: many,
        series: (0..40)
            .map(|n| Series::new(&format!("Series {n}"), &[f64::from(n) / 1e4; 200]))
            .collect(),
        ..sessions_per_quarter()
    };
    let blocks = vec![
        Block::Chart(huge.clone()),
        Block::Chart(Chart {
            kind: ChartKind::Lines,
            ..huge
        }),
        Block::Chart(crowded.clone()),
        Block::Chart(Chart {
            kind: ChartKind::StackedBars,
            ..crowded
        }),
        Block::Chart(chart(ChartKind::Bars, "", &[], &[])),
        Block::Question {
            text: long.clone(),
            answer: AnswerSpace::Lines(255),
        },
        Block::Question {
            text: String::new(),
            answer: AnswerSpace::Boxes(vec![long.repeat(3); 300]),
        },
        Block::Question {
            text: "Last".into(),
            answer: AnswerSpace::Boxes(Vec::new()),
        },
    ];
    let (dir, pdf) = written(&document(blocks));
    run("qpdf", &["--check", pdf.to_str().unwrap()]);
    // qpdf's check reads no drawing operations; a coordinate that is not a number shows
    // only in the uncompressed content.
    let plain = dir.path().join("plain.pdf");
    let arguments = ["--qdf", "--object-streams=disable", pdf.to_str().unwrap()];
    run(
        "qpdf",
        &[&arguments[..], &[plain.to_str().unwrap()]].concat(),
    );
    let content = String::from_utf8_lossy(&std::fs::read(&plain).unwrap()).into_owned();
    let broken = content
        .split_whitespace()
        .filter(|token| token.eq_ignore_ascii_case("nan") || token.ends_with("inf"))
        .count();
    assert_eq!(broken, 0, "coordinates that are not numbers");
    let pages = pages(&pdf);
    let last = pages.last().unwrap();
    assert!(last.contains("Last"), "{last}");
    assert!(last.contains(&format!("Page {} of {}", pages.len(), pages.len())));
}
