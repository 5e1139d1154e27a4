//! The audit pack: one PDF per mentorship for an auditor or the file. A cover page with the
//! index, then the agreement as amended and its addenda, the signatures recorded, the signed
//! copies (scans and photos drawn on a page of their own, attached PDFs' pages as they are),
//! the session summary (no confidential notes), the progress reports, the evaluations, the
//! selection letters with their decision trail, the ending and the audit-trail lines of the
//! mentorship's records. Page numbers run through the whole pack.
//!
//! Each part is a document of the layout model rendered with the pack's page numbers, or the
//! pages of an attached PDF; `lopdf` joins them into one file. An attached PDF's pages get the
//! pack's header and page number drawn over them (the printpdf-rendered furniture, put on the
//! page as a form XObject); a photo is downscaled to print resolution, encoded as JPEG and
//! drawn below its page's heading.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use lopdf::{dictionary, Dictionary, Object, ObjectId, Stream};

use super::{addendum, agreement, certificate, letters, progress_report, termination_letter};
use crate::attachment::FileKind;
use crate::document::pdf::{page_count, render_pages, render_stamp};
use crate::document::{long_date, Block, Column, Document};
use crate::domain::{Mentorship, Status};
use crate::session::Confidential;
use crate::signing::{Copy, Signable};
use crate::store::{AuditEntry, Store};
use crate::{Error, Result};

/// One line of the cover's index: a part and the pages it takes in the pack.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndexLine {
    pub title: String,
    pub first_page: usize,
    pub pages: usize,
}

/// A built pack: its bytes and index (the cover is the index's first line).
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub bytes: Vec<u8>,
    pub index: Vec<IndexLine>,
    pub pages: usize,
}

/// A part of the pack as it is gathered, before its pages are numbered.
enum Content {
    /// A document of the layout model.
    Own(Document),
    /// A photo or image scan: the heading page and the picture drawn below it.
    Picture(Document, Jpeg),
    /// An attached PDF's pages, each with a line giving the part and the pack's page number
    /// drawn in its bottom margin (the words before the number).
    Attached(String, Box<lopdf::Document>),
}

struct Part {
    title: String,
    content: Content,
}

impl Part {
    fn pages(&self) -> usize {
        match &self.content {
            Content::Own(doc) => page_count(doc),
            Content::Picture(..) => 1,
            Content::Attached(_, pdf) => pdf.get_pages().len(),
        }
    }
}

/// A picture ready to be drawn: JPEG bytes and their size in pixels.
struct Jpeg {
    bytes: Vec<u8>,
    width: u32,
    height: u32,
    grey: bool,
}

/// Where a picture is drawn on its page, in points: left, bottom, width, height (below the
/// heading, within the margins).
const PICTURE_AREA: (f32, f32, f32, f32) = (56.7, 56.7, 481.9, 572.6);
/// The picture's greatest size in pixels: the area at 150 dots per inch.
const PICTURE_PIXELS: (u32, u32) = (1004, 1193);
const JPEG_QUALITY: u8 = 70;

/// The audit pack of one mentorship, dated `today`.
pub fn audit_pack(store: &Store, mentorship_id: i64, today: NaiveDate) -> Result<Pack> {
    let facts = agreement::AgreementFacts::load(store, mentorship_id)?;
    let department = facts.settings.department_name.clone();
    let reference = Mentorship::reference(mentorship_id);
    let mut parts = vec![Part {
        title: "Mentorship agreement, as amended".into(),
        content: Content::Own(agreement::build(&facts, today)),
    }];
    for a in &facts.addenda {
        parts.push(Part {
            title: format!("Addendum {} ({})", a.number, long_date(a.made_on)),
            content: Content::Own(addendum::build(a, &facts, today)),
        });
    }
    let papers = store.mentorship_papers(mentorship_id)?;
    parts.push(Part {
        title: "Signatures recorded".into(),
        content: Content::Own(signatures(&papers, &department, &reference, today)),
    });
    for paper in &papers {
        for copy in paper.copies.iter().rev() {
            parts.push(signed_copy(
                store,
                paper,
                copy,
                &department,
                &reference,
                today,
            )?);
        }
    }
    parts.push(Part {
        title: "Session summary".into(),
        content: Content::Own(sessions(store, &facts.mentorship, &department, today)?),
    });
    for entry in store.report_entries(mentorship_id)?.into_iter().rev() {
        parts.push(Part {
            title: format!("Progress report, {}", entry.period_label),
            content: Content::Own(progress_report::progress_report(
                store,
                mentorship_id,
                &entry.period(),
                Confidential::LeftOut,
                today,
            )?),
        });
    }
    if let Some(doc) = evaluations(store, mentorship_id, &department, today)? {
        parts.push(Part {
            title: "Evaluations".into(),
            content: Content::Own(doc),
        });
    }
    for letter_id in store.protege_letters(facts.mentorship.protege_id)? {
        let doc = letters::letter(store, letter_id, today)?;
        parts.push(Part {
            title: format!("Selection: {}", doc.title),
            content: Content::Own(doc),
        });
    }
    if let Some(part) = ending(store, &facts.mentorship, today)? {
        parts.push(part);
    }
    parts.push(Part {
        title: "Audit trail of the mentorship's records".into(),
        content: Content::Own(trail(
            &store.mentorship_trail(mentorship_id)?,
            &department,
            &reference,
            today,
        )),
    });
    assemble(&facts, parts, today)
}

/// How the mentorship ended on paper: the termination letters, or the certificate of
/// completion; `None` while it runs, or when what the letters need is not recorded yet.
fn ending(store: &Store, m: &Mentorship, today: NaiveDate) -> Result<Option<Part>> {
    let id = m.id.unwrap_or_default();
    let (title, printed) = match m.status {
        Status::Terminated => (
            "Ending: termination letters",
            termination_letter::termination_letters(store, id, today),
        ),
        Status::Completed => (
            "Ending: certificate of completion",
            certificate::certificate(store, id, today),
        ),
        Status::Draft | Status::Active => return Ok(None),
    };
    match printed {
        Ok(doc) => Ok(Some(Part {
            title: title.into(),
            content: Content::Own(doc),
        })),
        Err(Error::Invalid { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Numbers the parts' pages, writes the cover with the index and joins everything.
fn assemble(facts: &agreement::AgreementFacts, parts: Vec<Part>, today: NaiveDate) -> Result<Pack> {
    let counts: Vec<usize> = parts.iter().map(Part::pages).collect();
    // The cover's own length decides where the parts start; the numbers in its index do not
    // change its length, which is checked once they are in.
    let mut cover_pages = page_count(&cover(facts, &index(&parts, &counts, 1), today));
    let (lines, cover_doc) = loop {
        let lines = index(&parts, &counts, cover_pages + 1);
        let doc = cover(facts, &lines, today);
        let pages = page_count(&doc);
        if pages == cover_pages {
            break (lines, doc);
        }
        cover_pages = pages;
    };
    let total = cover_pages + counts.iter().sum::<usize>();
    let mut pack = Merger::new();
    pack.append(load(&render_pages(&cover_doc, 1, Some(total))?)?);
    for (part, line) in parts.into_iter().zip(&lines) {
        let first = line.first_page;
        match part.content {
            Content::Own(doc) => {
                pack.append(load(&render_pages(&doc, first, Some(total))?)?);
            }
            Content::Picture(heading, jpeg) => {
                let pages = pack.append(load(&render_pages(&heading, first, Some(total))?)?);
                if let Some(&page) = pages.first() {
                    pack.draw_picture(page, &jpeg)?;
                }
            }
            Content::Attached(words, pdf) => {
                let pages = pack.append(*pdf);
                for (n, &page) in pages.iter().enumerate() {
                    let line = format!("{words} · Page {} of {total}", first + n);
                    pack.overlay(page, load(&render_stamp(&line, today)?)?)?;
                }
            }
        }
    }
    let mut index_lines = vec![IndexLine {
        title: "Cover and index".into(),
        first_page: 1,
        pages: cover_pages,
    }];
    index_lines.extend(lines);
    Ok(Pack {
        bytes: pack.finish(&format!(
            "Audit pack {}",
            Mentorship::reference(facts.mentorship_id)
        ))?,
        index: index_lines,
        pages: total,
    })
}

fn index(parts: &[Part], counts: &[usize], first: usize) -> Vec<IndexLine> {
    let mut next = first;
    parts
        .iter()
        .zip(counts)
        .map(|(part, &pages)| {
            let line = IndexLine {
                title: part.title.clone(),
                first_page: next,
                pages,
            };
            next += pages;
            line
        })
        .collect()
}

fn cover(facts: &agreement::AgreementFacts, lines: &[IndexLine], today: NaiveDate) -> Document {
    let m = &facts.mentorship;
    let reference = Mentorship::reference(facts.mentorship_id);
    let rows = lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let pages = match line.pages {
                0 => "–".to_owned(),
                1 => line.first_page.to_string(),
                k => format!("{}–{}", line.first_page, line.first_page + k - 1),
            };
            vec![(n + 1).to_string(), line.title.clone(), pages]
        })
        .collect();
    Document {
        title: "Audit pack".into(),
        reference: format!("{reference}/PACK"),
        organisation: facts.settings.department_name.clone(),
        generated_on: today,
        blocks: vec![
            Block::Paragraph(format!(
                "The record of mentorship {reference} under the {} as the office holds it on \
                 {}: the signed agreement and its changes, the signed copies, what was logged \
                 and reported, how it was decided and ended, and every recorded change to its \
                 records. Confidential session notes and dispute details are left out.",
                facts.settings.programme_name,
                long_date(today)
            )),
            Block::Fields(vec![
                ("Mentorship".into(), reference.clone()),
                ("Mentor".into(), facts.mentor.name.clone()),
                ("Protégé".into(), facts.protege.name.clone()),
                (
                    "Period".into(),
                    format!("{} to {}", long_date(m.start_date), long_date(m.end_date)),
                ),
                ("Status".into(), m.status.label().into()),
            ]),
            Block::Caption("Contents".into()),
            Block::Table {
                columns: vec![
                    Column::new("No.", 0.08),
                    Column::new("Part", 0.72),
                    Column::new("Pages", 0.2),
                ],
                rows,
            },
        ],
    }
}

/// Each document's blocks: who signed it and when.
fn signatures(
    papers: &[Signable],
    department: &str,
    reference: &str,
    today: NaiveDate,
) -> Document {
    let mut blocks = vec![Block::Paragraph(
        "The signatures recorded from the wet-signed paper, block by block, and the copies of \
         the signed paper kept with each document (with the SHA-256 of each file)."
            .into(),
    )];
    for paper in papers {
        blocks.push(Block::Caption(format!(
            "{} {}: {}",
            paper.reference, paper.title, paper.state_label
        )));
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Block", 0.28),
                Column::new("Printed name", 0.26),
                Column::new("Signed by", 0.26),
                Column::new("Signed on", 0.2),
            ],
            rows: paper
                .blocks
                .iter()
                .map(|b| match &b.signed {
                    Some(s) => vec![
                        b.signer_label.into(),
                        b.printed_name.clone(),
                        s.name.clone(),
                        long_date(s.signed_on),
                    ],
                    None => vec![
                        b.signer_label.into(),
                        b.printed_name.clone(),
                        "Not signed".into(),
                        String::new(),
                    ],
                })
                .collect(),
        });
        if !paper.copies.is_empty() {
            blocks.push(Block::Bullets(
                paper
                    .copies
                    .iter()
                    .map(|c| {
                        format!(
                            "Signed copy version {}: {} ({}, {}), attached {}; SHA-256 {}",
                            c.version,
                            c.file_name,
                            c.kind.label(),
                            c.size_text,
                            long_date(c.attached_on),
                            c.sha256
                        )
                    })
                    .collect(),
            ));
        }
    }
    Document {
        title: "Signatures recorded".into(),
        reference: format!("{reference}/PACK"),
        organisation: department.into(),
        generated_on: today,
        blocks,
    }
}

/// A signed copy as a part: a picture on a page of its own, or the attached PDF's pages.
fn signed_copy(
    store: &Store,
    paper: &Signable,
    copy: &Copy,
    department: &str,
    reference: &str,
    today: NaiveDate,
) -> Result<Part> {
    let title = format!(
        "Signed copy of {}, version {} ({})",
        paper.reference, copy.version, copy.file_name
    );
    let file = store.copy_file(copy.id)?;
    let content = match file.kind {
        FileKind::Pdf => Content::Attached(
            format!(
                "Audit pack {reference}: signed copy of {}, version {}",
                paper.reference, copy.version
            ),
            Box::new(load(&file.bytes)?),
        ),
        FileKind::Jpeg | FileKind::Png => Content::Picture(
            Document {
                title: format!("Signed copy: {}", paper.title),
                reference: format!("{} signed copy v{}", paper.reference, copy.version),
                organisation: department.into(),
                generated_on: today,
                blocks: vec![Block::Fields(vec![
                    (
                        "File".into(),
                        format!("{} ({})", copy.file_name, copy.size_text),
                    ),
                    ("Attached on".into(), long_date(copy.attached_on)),
                    ("SHA-256".into(), copy.sha256.clone()),
                ])],
            },
            print_jpeg(&file.bytes)?,
        ),
    };
    Ok(Part { title, content })
}

/// The picture downscaled to fit its area at print resolution and encoded as JPEG, so that a
/// pack of phone photos stays small.
fn print_jpeg(bytes: &[u8]) -> Result<Jpeg> {
    let picture = image::load_from_memory(bytes)
        .map_err(|e| Error::Pdf(format!("a signed copy could not be read: {e}")))?;
    let (max_w, max_h) = PICTURE_PIXELS;
    let picture = if picture.width() > max_w || picture.height() > max_h {
        picture.resize(max_w, max_h, image::imageops::FilterType::Triangle)
    } else {
        picture
    };
    let grey = !picture.color().has_color();
    let picture = if grey {
        image::DynamicImage::ImageLuma8(picture.to_luma8())
    } else {
        image::DynamicImage::ImageRgb8(picture.to_rgb8())
    };
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
        .encode_image(&picture)
        .map_err(|e| {
            Error::Pdf(format!(
                "a signed copy could not be prepared for print: {e}"
            ))
        })?;
    Ok(Jpeg {
        bytes: out,
        width: picture.width(),
        height: picture.height(),
        grey,
    })
}

/// Dates, kinds, hours and topics of every session; never the confidential notes.
fn sessions(store: &Store, m: &Mentorship, department: &str, today: NaiveDate) -> Result<Document> {
    let id = m.id.unwrap_or_default();
    let logged = store.sessions(
        id,
        m.start_date,
        m.end_date.max(today),
        Confidential::LeftOut,
    )?;
    let minutes: u32 = logged.iter().map(|s| s.minutes).sum();
    let rows: Vec<Vec<String>> = logged
        .iter()
        .map(|s| {
            vec![
                long_date(s.held_on),
                s.kind.label().into(),
                s.mode.label().into(),
                s.minutes.to_string(),
                s.topics.clone(),
            ]
        })
        .collect();
    let mut blocks = vec![Block::Fields(vec![
        ("Sessions logged".into(), logged.len().to_string()),
        (
            "Time spent".into(),
            format!("{:.1} hours", f64::from(minutes) / 60.0),
        ),
    ])];
    if rows.is_empty() {
        blocks.push(Block::Paragraph("No session has been logged.".into()));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Date", 0.18),
                Column::new("Kind", 0.13),
                Column::new("Mode", 0.17),
                Column::new("Minutes", 0.1),
                Column::new("Topics", 0.42),
            ],
            rows,
        });
    }
    blocks.push(Block::Note(
        "Confidential session notes are never part of the pack.".into(),
    ));
    Ok(Document {
        title: "Session summary".into(),
        reference: format!("{}/PACK", Mentorship::reference(id)),
        organisation: department.into(),
        generated_on: today,
        blocks,
    })
}

/// Each answered evaluation form with its questions and answers; `None` when none is answered.
fn evaluations(
    store: &Store,
    mentorship_id: i64,
    department: &str,
    today: NaiveDate,
) -> Result<Option<Document>> {
    let mut blocks = Vec::new();
    for state in store.evaluation_forms(mentorship_id, today)? {
        let Some(e) = state.evaluation else { continue };
        let questions = store.evaluation_questions(e.form, true)?;
        let labels = e.scale.labels();
        blocks.push(Block::Caption(format!(
            "{}, answered on {}{}",
            e.form.label(),
            long_date(e.answered_on),
            if e.from_paper {
                " (typed in from paper)"
            } else {
                ""
            }
        )));
        let rows = e
            .answers
            .iter()
            .map(|a| {
                let question = questions
                    .iter()
                    .find(|q| q.id == Some(a.question_id))
                    .map_or_else(String::new, |q| q.text.clone());
                let answer = match (a.rating, a.yes) {
                    (Some(r), _) => {
                        let label = labels.get(usize::from(r).saturating_sub(1)).copied();
                        format!("{r} ({})", label.unwrap_or_default())
                    }
                    (None, Some(true)) => "Yes".into(),
                    (None, Some(false)) => "No".into(),
                    (None, None) => a.text.clone(),
                };
                vec![question, answer]
            })
            .collect();
        blocks.push(Block::Table {
            columns: vec![Column::new("Question", 0.6), Column::new("Answer", 0.4)],
            rows,
        });
    }
    if blocks.is_empty() {
        return Ok(None);
    }
    Ok(Some(Document {
        title: "Evaluations".into(),
        reference: format!("{}/PACK", Mentorship::reference(mentorship_id)),
        organisation: department.into(),
        generated_on: today,
        blocks,
    }))
}

/// The audit trail's lines as a table: when, who, which record, and what changed.
fn trail(lines: &[AuditEntry], department: &str, reference: &str, today: NaiveDate) -> Document {
    let rows = lines
        .iter()
        .map(|e| {
            vec![
                e.at.get(..16).unwrap_or(&e.at).replace('T', " "),
                e.actor.clone(),
                format!("{} {}", e.table_name, e.row_id.unwrap_or_default()),
                e.action.clone(),
                changed(e),
            ]
        })
        .collect();
    Document {
        title: "Audit trail of the mentorship's records".into(),
        reference: format!("{reference}/PACK"),
        organisation: department.into(),
        generated_on: today,
        blocks: vec![
            Block::Paragraph(format!(
                "Every change to the records of {reference}, as the audit trail holds it (times \
                 in UTC). Confidential text is withheld in the trail itself; a file is given by \
                 its size."
            )),
            Block::Table {
                columns: vec![
                    Column::new("When (UTC)", 0.17),
                    Column::new("Who", 0.15),
                    Column::new("Record", 0.15),
                    Column::new("Action", 0.09),
                    Column::new("What changed", 0.44),
                ],
                rows,
            },
        ],
    }
}

/// What a line changed: each field's old and new value for an update, the values written for
/// an insert.
fn changed(e: &AuditEntry) -> String {
    type Row = serde_json::Map<String, serde_json::Value>;
    let parse = |text: &Option<String>| -> Row {
        text.as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default()
    };
    let (before, after) = (parse(&e.before), parse(&e.after));
    let shown = |v: Option<&serde_json::Value>| {
        let text = match v {
            None | Some(serde_json::Value::Null) => "—".to_owned(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        };
        if text.chars().count() > 60 {
            format!("{}…", text.chars().take(59).collect::<String>())
        } else {
            text
        }
    };
    let fields: Vec<String> = match e.action.as_str() {
        "delete" => vec!["removed".into()],
        "insert" => after
            .iter()
            .filter(|(k, v)| *k != "id" && !v.is_null() && v.as_str() != Some(""))
            .map(|(k, v)| format!("{k}: {}", shown(Some(v))))
            .collect(),
        _ => after
            .iter()
            .filter(|(k, v)| before.get(*k) != Some(*v))
            .map(|(k, v)| format!("{k}: {} → {}", shown(before.get(k)), shown(Some(v))))
            .collect(),
    };
    fields.join("; ")
}

fn load(bytes: &[u8]) -> Result<lopdf::Document> {
    lopdf::Document::load_mem(bytes)
        .map_err(|e| Error::Pdf(format!("a part of the pack could not be read: {e}")))
}

/// Joins the parts' pages into one PDF.
struct Merger {
    doc: lopdf::Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
}

impl Merger {
    fn new() -> Merger {
        let mut doc = lopdf::Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        Merger {
            doc,
            pages_id,
            kids: Vec::new(),
        }
    }

    /// Adds a document's pages at the end and returns their ids in the pack.
    fn append(&mut self, part: lopdf::Document) -> Vec<ObjectId> {
        let pages = self.absorb(part);
        for &page in &pages {
            if let Ok(dict) = self.doc.get_dictionary_mut(page) {
                dict.set("Parent", self.pages_id);
            }
            self.kids.push(page.into());
        }
        pages
    }

    /// Takes a document's objects in (without its catalogue and page tree, whose inherited
    /// attributes each page is given) and returns its pages' ids, in order.
    fn absorb(&mut self, mut part: lopdf::Document) -> Vec<ObjectId> {
        part.renumber_objects_with(self.doc.max_id + 1);
        let pages: Vec<ObjectId> = part.get_pages().into_values().collect();
        for &page in &pages {
            inherit(&mut part, page);
        }
        for (id, object) in std::mem::take(&mut part.objects) {
            let kind = object
                .as_dict()
                .ok()
                .and_then(|d| d.get(b"Type").ok())
                .and_then(|t| t.as_name().ok());
            if matches!(kind, Some(b"Catalog" | b"Pages")) {
                continue;
            }
            self.doc.objects.insert(id, object);
        }
        self.doc.max_id = self.doc.max_id.max(part.max_id);
        pages
    }

    /// Draws a rendered page (the pack's line in the bottom margin) over `page`.
    fn overlay(&mut self, page: ObjectId, stamp: lopdf::Document) -> Result<()> {
        let Some(&stamp_page) = stamp.get_pages().values().next() else {
            return Ok(());
        };
        let content = stamp.get_page_content(stamp_page);
        let ids = self.absorb(stamp);
        let stamp_page = ids.first().copied().unwrap_or(stamp_page);
        let dict = self
            .doc
            .get_dictionary(stamp_page)
            .map_err(pdf_error)?
            .clone();
        self.doc.objects.remove(&stamp_page);
        let resources = dict
            .get(b"Resources")
            .cloned()
            .unwrap_or(Object::Dictionary(Dictionary::new()));
        let bbox = dict
            .get(b"MediaBox")
            .cloned()
            .unwrap_or_else(|_| vec![0.into(), 0.into(), 595.28.into(), 841.89.into()].into());
        let form = self.doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => bbox,
                "Resources" => resources,
            },
            content,
        ));
        self.draw(page, "MDPackStamp", form, "q /MDPackStamp Do Q".into())
    }

    /// Draws the picture in its area of `page`, keeping its proportions.
    fn draw_picture(&mut self, page: ObjectId, jpeg: &Jpeg) -> Result<()> {
        let mut stream = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => jpeg.width,
                "Height" => jpeg.height,
                "ColorSpace" => if jpeg.grey { "DeviceGray" } else { "DeviceRGB" },
                "BitsPerComponent" => 8,
                "Filter" => "DCTDecode",
            },
            jpeg.bytes.clone(),
        );
        stream.allows_compression = false;
        let image = self.doc.add_object(stream);
        let (left, bottom, width, height) = PICTURE_AREA;
        let scale = (width / jpeg.width as f32).min(height / jpeg.height as f32);
        let (w, h) = (jpeg.width as f32 * scale, jpeg.height as f32 * scale);
        let (x, y) = (left + (width - w) / 2.0, bottom + height - h);
        self.draw(
            page,
            "MDPackScan",
            image,
            format!("q {w:.2} 0 0 {h:.2} {x:.2} {y:.2} cm /MDPackScan Do Q"),
        )
    }

    /// Gives `page` the XObject under `name` and draws it with `ops` after the page's own
    /// content (kept in its own graphics state).
    fn draw(&mut self, page: ObjectId, name: &str, xobject: ObjectId, ops: String) -> Result<()> {
        let page_dict = self.doc.get_dictionary(page).map_err(pdf_error)?.clone();
        let mut resources = self.inline(page_dict.get(b"Resources").ok());
        let mut xobjects = self.inline(resources.get(b"XObject").ok());
        xobjects.set(name, xobject);
        resources.set("XObject", xobjects);
        let mut contents: Vec<Object> = match page_dict.get(b"Contents") {
            Ok(Object::Array(items)) => items.clone(),
            Ok(other) => vec![other.clone()],
            Err(_) => Vec::new(),
        };
        let before = self
            .doc
            .add_object(Stream::new(dictionary! {}, b"q\n".to_vec()));
        let after = self.doc.add_object(Stream::new(
            dictionary! {},
            format!("\nQ\n{ops}\n").into_bytes(),
        ));
        contents.insert(0, before.into());
        contents.push(after.into());
        let dict = self.doc.get_dictionary_mut(page).map_err(pdf_error)?;
        dict.set("Resources", resources);
        dict.set("Contents", contents);
        Ok(())
    }

    /// A dictionary given inline or by reference, as a copy this page may change alone.
    fn inline(&self, object: Option<&Object>) -> Dictionary {
        match object {
            Some(Object::Dictionary(d)) => d.clone(),
            Some(Object::Reference(id)) => {
                self.doc.get_dictionary(*id).cloned().unwrap_or_default()
            }
            _ => Dictionary::new(),
        }
    }

    fn finish(mut self, title: &str) -> Result<Vec<u8>> {
        let count = self.kids.len();
        self.doc.objects.insert(
            self.pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => self.kids,
                "Count" => count as i64,
            }),
        );
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages_id,
        });
        let info = self.doc.add_object(dictionary! {
            "Title" => Object::string_literal(title),
            "Producer" => Object::string_literal("MentorDesk"),
        });
        self.doc.trailer.set("Root", catalog);
        self.doc.trailer.set("Info", info);
        self.doc.prune_objects();
        self.doc.compress();
        let mut out = Vec::new();
        self.doc
            .save_to(&mut out)
            .map_err(|e| Error::Pdf(format!("the pack could not be written: {e}")))?;
        Ok(out)
    }
}

/// Gives a page the attributes it inherits from its page tree, which the pack does not keep.
fn inherit(doc: &mut lopdf::Document, page: ObjectId) {
    for key in [&b"Resources"[..], b"MediaBox", b"CropBox", b"Rotate"] {
        let Ok(dict) = doc.get_dictionary(page) else {
            return;
        };
        if dict.has(key) {
            continue;
        }
        let mut parent = dict.get(b"Parent").and_then(Object::as_reference).ok();
        let mut found = None;
        while let Some(id) = parent {
            let Ok(node) = doc.get_dictionary(id) else {
                break;
            };
            if let Ok(value) = node.get(key) {
                found = Some(value.clone());
                break;
            }
            parent = node.get(b"Parent").and_then(Object::as_reference).ok();
        }
        if let (Some(value), Ok(dict)) = (found, doc.get_dictionary_mut(page)) {
            dict.set(key.to_vec(), value);
        }
    }
}

fn pdf_error(e: lopdf::Error) -> Error {
    Error::Pdf(format!("the pack could not be put together: {e}"))
}

/// Writes the pack of one mentorship into `dir` and returns the file's path.
pub fn write_audit_pack(
    store: &Store,
    mentorship_id: i64,
    today: NaiveDate,
    dir: &Path,
) -> Result<PathBuf> {
    let path = dir.join(format!(
        "{}-audit-pack.pdf",
        Mentorship::reference(mentorship_id)
    ));
    save_audit_pack(store, mentorship_id, today, &path)?;
    Ok(path)
}

/// Writes the pack of one mentorship to `path`.
pub fn save_audit_pack(
    store: &Store,
    mentorship_id: i64,
    today: NaiveDate,
    path: &Path,
) -> Result<Pack> {
    let pack = audit_pack(store, mentorship_id, today)?;
    crate::document::write_bytes(&pack.bytes, path)?;
    Ok(pack)
}
