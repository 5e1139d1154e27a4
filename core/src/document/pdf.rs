//! Renders a [`Document`] to PDF bytes with printpdf: the embedded fonts, the A4 page
//! geometry, line wrapping by measured glyph widths, pagination and the drawing operations.
//! It owns how a document looks on paper; what a document says is its builder's business
//! (for example `crate::print::agreement`), and where the bytes go is the caller's.
//!
//! Layout happens in two passes. The blocks are first cut into chunks (a line of text, a
//! table row, a row of signature blocks or tick boxes, a chart's plot), the units that are
//! never split; the chunks are then dealt onto pages. Only once the number of pages is known
//! are the page headers and "Page x of y" footers added and the pages turned into PDF
//! operations. Charts are drawn by `chart`, with the same marks as everything else.

mod chart;

use std::rc::Rc;
use std::sync::OnceLock;

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Mm, OffsetDateTime, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Polygon,
    PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};

use chrono::NaiveDate;

use super::{AnswerSpace, Block, Column, Document, Signatory};
use crate::{Error, Result};

static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

// All layout positions are in points and measured from the page's top edge, the way a page
// is read; they are turned into PDF's bottom-up coordinates only when drawn.
const MM: f32 = 72.0 / 25.4;
const PAGE_WIDTH: f32 = 210.0 * MM;
const PAGE_HEIGHT: f32 = 297.0 * MM;
const LEFT: f32 = 20.0 * MM;
const RIGHT: f32 = PAGE_WIDTH - 20.0 * MM;
const TEXT_WIDTH: f32 = RIGHT - LEFT;
const HEADER_BASELINE: f32 = 14.0 * MM;
const HEADER_RULE: f32 = 16.0 * MM;
const CONTENT_TOP: f32 = 22.0 * MM;
const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 20.0 * MM;
const CONTENT_HEIGHT: f32 = CONTENT_BOTTOM - CONTENT_TOP;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 12.0 * MM;

const CELL_PADDING_X: f32 = 4.0;
const CELL_PADDING_Y: f32 = 3.5;
const BULLET_INDENT: f32 = 14.0;
const FIELD_LABEL_WIDTH: f32 = TEXT_WIDTH * 0.3;
const FIELD_GAP: f32 = 10.0;
const SIGNATURE_GAP: f32 = 28.0;
/// A tick box's side, the space between it and its label, and between one option and the
/// next.
const TICK_BOX: f32 = 9.0;
const TICK_BOX_GAP: f32 = 5.0;
const OPTION_GAP: f32 = 22.0;
/// The distance between ruled lines to write on: a comfortable handwritten line.
const WRITING_LINE: f32 = 24.0;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Colour(f32, f32, f32);

const BLACK: Colour = Colour(0.0, 0.0, 0.0);
const GREY: Colour = Colour(0.36, 0.36, 0.36);
const RULE_GREY: Colour = Colour(0.6, 0.6, 0.6);
/// Darker than a table's rules, so that lines to write on survive a photocopy.
const WRITING_GREY: Colour = Colour(0.45, 0.45, 0.45);
const WHITE: Colour = Colour(1.0, 1.0, 1.0);
/// The one accent: a dark navy for the title rule, and a pale tint of it for table headers.
const ACCENT: Colour = Colour(0.12, 0.25, 0.42);
const ACCENT_TINT: Colour = Colour(0.87, 0.9, 0.95);

#[derive(Debug, Clone, Copy, PartialEq)]
enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    weight: Weight,
    size: f32,
    /// The height of one line of this style, from the top of one line to the next.
    leading: f32,
    colour: Colour,
}

const fn style(weight: Weight, size: f32, leading: f32, colour: Colour) -> Style {
    Style {
        weight,
        size,
        leading,
        colour,
    }
}

const TITLE: Style = style(Weight::Bold, 18.0, 23.0, BLACK);
const HEADING: Style = style(Weight::Bold, 11.5, 16.0, BLACK);
const BODY: Style = style(Weight::Regular, 10.0, 14.0, BLACK);
const BODY_BOLD: Style = style(Weight::Bold, 10.0, 14.0, BLACK);
const CELL: Style = style(Weight::Regular, 9.5, 12.5, BLACK);
const CELL_HEADER: Style = style(Weight::Bold, 9.5, 12.5, BLACK);
const NOTE: Style = style(Weight::Regular, 8.5, 12.0, GREY);
const PAGE_FURNITURE: Style = style(Weight::Regular, 8.5, 11.0, GREY);

/// One parsed font and what is needed to measure text set in it.
struct Typeface {
    font: ParsedFont,
    units_per_em: f32,
}

impl Typeface {
    fn parse(bytes: &[u8]) -> Typeface {
        // The fonts are compiled into the program and were parsed by the tests before any
        // release, so a failure here is a broken build, not a condition a user can meet.
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .expect("the embedded Liberation Sans font parses");
        let units_per_em = f32::from(font.font_metrics.units_per_em.max(1));
        Typeface { font, units_per_em }
    }

    /// The advance of `c` in font units; a character the font lacks is measured as the
    /// font's missing-glyph box, which is also what gets drawn.
    fn advance(&self, c: char) -> f32 {
        let glyph = self.font.lookup_glyph_index(u32::from(c)).unwrap_or(0);
        f32::from(self.font.get_horizontal_advance(glyph))
    }
}

struct Typefaces {
    regular: Typeface,
    bold: Typeface,
    /// Ascent and descent as fractions of the font size; the two weights share them.
    ascent: f32,
    descent: f32,
}

/// The fonts are parsed once per process: parsing costs far more than laying out an
/// agreement, and batches print a thousand of them.
fn typefaces() -> &'static Typefaces {
    static TYPEFACES: OnceLock<Typefaces> = OnceLock::new();
    TYPEFACES.get_or_init(|| {
        let regular = Typeface::parse(REGULAR_TTF);
        let metrics = regular.font.font_metrics;
        Typefaces {
            ascent: metrics.ascent / regular.units_per_em,
            descent: metrics.descent.abs() / regular.units_per_em,
            bold: Typeface::parse(BOLD_TTF),
            regular,
        }
    })
}

impl Style {
    fn typeface(self) -> &'static Typeface {
        match self.weight {
            Weight::Regular => &typefaces().regular,
            Weight::Bold => &typefaces().bold,
        }
    }

    fn width(self, text: &str) -> f32 {
        text.chars().map(|c| self.char_width(c)).sum()
    }

    fn char_width(self, c: char) -> f32 {
        let face = self.typeface();
        face.advance(c) * self.size / face.units_per_em
    }

    /// Where the baseline of a line that starts at `top` lies, so that the glyphs sit in
    /// the middle of the line's height.
    fn baseline(self, top: f32) -> f32 {
        let t = typefaces();
        top + (self.leading - (t.ascent + t.descent) * self.size) / 2.0 + t.ascent * self.size
    }
}

/// Something drawn on a page, positioned from the top of its chunk until the chunk is placed.
#[derive(Debug, Clone)]
enum Mark {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        thickness: f32,
        colour: Colour,
    },
    Fill {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        colour: Colour,
    },
    /// A path through `points`: a chart's line, a bar, a marker, a tick box. A closed shape
    /// is filled and/or outlined; an open one is only ever stroked.
    Shape {
        points: Vec<(f32, f32)>,
        closed: bool,
        fill: Option<Colour>,
        stroke: Option<Pen>,
    },
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pen {
    thickness: f32,
    colour: Colour,
    /// Dashes and gaps in points, in turn; empty for a solid line.
    dash: &'static [f32],
}

impl Pen {
    const fn solid(thickness: f32, colour: Colour) -> Pen {
        Pen {
            thickness,
            colour,
            dash: &[],
        }
    }
}

impl Mark {
    fn text(x: f32, top: f32, style: Style, text: String) -> Mark {
        Mark::Text {
            x,
            baseline: style.baseline(top),
            style,
            text,
        }
    }

    fn rule(x1: f32, x2: f32, y: f32, thickness: f32, colour: Colour) -> Mark {
        Mark::segment((x1, y), (x2, y), thickness, colour)
    }

    /// A straight line from one point to another.
    fn segment(from: (f32, f32), to: (f32, f32), thickness: f32, colour: Colour) -> Mark {
        Mark::Line {
            x1: from.0,
            y1: from.1,
            x2: to.0,
            y2: to.1,
            thickness,
            colour,
        }
    }

    fn moved(&self, dx: f32, dy: f32) -> Mark {
        let mut mark = self.clone();
        match &mut mark {
            Mark::Text { x, baseline, .. } => {
                *x += dx;
                *baseline += dy;
            }
            Mark::Line { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *y1 += dy;
                *x2 += dx;
                *y2 += dy;
            }
            Mark::Fill { x, top, .. } => {
                *x += dx;
                *top += dy;
            }
            Mark::Shape { points, .. } => points.iter_mut().for_each(|(x, y)| {
                *x += dx;
                *y += dy;
            }),
        }
        mark
    }

    /// The outline of a rectangle, to be filled or stroked.
    fn rectangle(
        x: f32,
        top: f32,
        width: f32,
        height: f32,
        fill: Option<Colour>,
        stroke: Option<Pen>,
    ) -> Mark {
        Mark::Shape {
            points: vec![
                (x, top),
                (x + width, top),
                (x + width, top + height),
                (x, top + height),
            ],
            closed: true,
            fill,
            stroke,
        }
    }

    /// `text` centred on `x`, sitting on `baseline`.
    fn centred(x: f32, baseline: f32, style: Style, text: String) -> Mark {
        Mark::Text {
            x: x - style.width(&text) / 2.0,
            baseline,
            style,
            text,
        }
    }
}

/// The unit of pagination: drawn whole on one page.
#[derive(Debug, Clone, Default)]
struct Chunk {
    /// Space above the chunk, left out at the top of a page.
    space_before: f32,
    height: f32,
    marks: Vec<Mark>,
    /// Whether a page may not break between this chunk and the next (headings, a
    /// paragraph's first and last two lines, a table's header and first row).
    keep_with_next: bool,
    /// What to draw first when this chunk opens a new page: a table's header row.
    repeat_on_new_page: Option<Rc<Chunk>>,
    /// Whether this chunk starts a new page (unless the page is still empty).
    new_page: bool,
}

/// Renders `doc` to the bytes of a PDF file.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    render_pages(doc, 1, None)
}

/// How many pages `doc` takes, without drawing it.
pub fn page_count(doc: &Document) -> usize {
    paginate(&chunks(doc)).len()
}

/// Renders `doc` as pages of a larger whole (an audit pack): its first page is page `first`
/// of `total`; with no total, its pages are numbered on their own.
pub fn render_pages(doc: &Document, first: usize, total: Option<usize>) -> Result<Vec<u8>> {
    let pages = paginate(&chunks(doc));
    let count = total.unwrap_or(pages.len());
    let pages = pages
        .into_iter()
        .enumerate()
        .map(|(index, mut marks)| {
            marks.extend(page_furniture(doc, first + index, count));
            marks
        })
        .collect();
    save(&doc.title, midnight(doc.generated_on), pages)
}

/// A page holding only `line`, centred in the bottom margin below the footer's line: what the
/// audit pack draws over each page of an attached PDF, whose own footer it leaves legible.
pub fn render_stamp(line: &str, on: NaiveDate) -> Result<Vec<u8>> {
    let style = PAGE_FURNITURE;
    let line = shortened(line, style, TEXT_WIDTH);
    let mark = Mark::Text {
        x: (PAGE_WIDTH - style.width(&line)) / 2.0,
        baseline: PAGE_HEIGHT - 5.0 * MM,
        style,
        text: line,
    };
    save("", midnight(on), vec![vec![mark]])
}

/// The pages' marks as an A4 PDF with Liberation Sans embedded.
fn save(title: &str, date: Option<OffsetDateTime>, pages: Vec<Vec<Mark>>) -> Result<Vec<u8>> {
    let faces = typefaces();
    let mut pdf = PdfDocument::new(title);
    let regular = pdf.add_font(&faces.regular.font);
    let bold = pdf.add_font(&faces.bold.font);
    if let Some(date) = date {
        let info = &mut pdf.metadata.info;
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }
    let pages = pages
        .iter()
        .map(|marks| PdfPage::new(Mm(210.0), Mm(297.0), operations(marks, &regular, &bold)))
        .collect();
    let mut warnings = Vec::new();
    let bytes = pdf
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut warnings);
    // printpdf still returns bytes when it reports an error (a font it could not embed,
    // text drawn outside a text section); such a file would print wrongly, so it is refused.
    let errors: Vec<String> = warnings
        .into_iter()
        .filter(|warning| warning.severity == PdfParseErrorSeverity::Error)
        .map(|warning| warning.msg)
        .collect();
    if !errors.is_empty() {
        return Err(Error::Pdf(errors.join("; ")));
    }
    Ok(bytes)
}

/// The generation date as the PDF's creation date, so that the file's properties agree
/// with its footer rather than with the moment it was written.
fn midnight(day: NaiveDate) -> Option<OffsetDateTime> {
    let timestamp = day.and_hms_opt(0, 0, 0)?.and_utc().timestamp();
    OffsetDateTime::from_unix_timestamp(timestamp).ok()
}

/// Cuts the title and the blocks into chunks, in reading order.
fn chunks(doc: &Document) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    push_lines(&mut chunks, &doc.title, TITLE, LEFT, TEXT_WIDTH, 0.0, true);
    chunks.push(Chunk {
        space_before: 3.0,
        height: 4.0,
        marks: vec![Mark::rule(LEFT, RIGHT, 0.75, 1.5, ACCENT)],
        ..Chunk::default()
    });
    for block in &doc.blocks {
        match block {
            Block::Heading(text) => {
                push_lines(&mut chunks, text, HEADING, LEFT, TEXT_WIDTH, 14.0, true)
            }
            Block::Paragraph(text) => {
                push_lines(&mut chunks, text, BODY, LEFT, TEXT_WIDTH, 7.0, false)
            }
            Block::Caption(text) => {
                push_lines(&mut chunks, text, BODY_BOLD, LEFT, TEXT_WIDTH, 7.0, true)
            }
            Block::Note(text) => push_lines(&mut chunks, text, NOTE, LEFT, TEXT_WIDTH, 7.0, false),
            Block::Centred { text, large } => {
                push_centred(&mut chunks, text, if *large { TITLE } else { BODY })
            }
            Block::Fields(pairs) => push_fields(&mut chunks, pairs),
            Block::Bullets(items) => push_bullets(&mut chunks, items),
            Block::Table { columns, rows } => push_table(&mut chunks, columns, rows),
            Block::Signatures(signatories) => push_signatures(&mut chunks, signatories),
            Block::Chart(content) => chart::push_chart(&mut chunks, content),
            Block::Question { text, answer } => push_question(&mut chunks, text, answer),
            Block::PageBreak => chunks.push(Chunk {
                new_page: true,
                ..Chunk::default()
            }),
        }
    }
    chunks
}

/// Pushes `text` wrapped to `width`, one chunk per line. Unless the whole text is kept
/// with what follows (a heading), its first line is kept with its second and its last with
/// the one before, so that no page starts or ends with a lone line of it.
fn push_lines(
    chunks: &mut Vec<Chunk>,
    text: &str,
    style: Style,
    x: f32,
    width: f32,
    space_before: f32,
    keep_all: bool,
) {
    let lines = wrap(text, style, width);
    let count = lines.len();
    for (index, line) in lines.into_iter().enumerate() {
        chunks.push(Chunk {
            space_before: if index == 0 { space_before } else { 0.0 },
            height: style.leading,
            marks: vec![Mark::text(x, 0.0, style, line)],
            keep_with_next: keep_all || (count > 1 && (index == 0 || index + 2 == count)),
            ..Chunk::default()
        });
    }
}

/// Pushes `text` wrapped to the text width, each line centred on the page and all kept
/// together, with a line's room above it.
fn push_centred(chunks: &mut Vec<Chunk>, text: &str, style: Style) {
    let lines = wrap(text, style, TEXT_WIDTH);
    let count = lines.len();
    for (index, line) in lines.into_iter().enumerate() {
        chunks.push(Chunk {
            space_before: if index == 0 { style.leading } else { 0.0 },
            height: style.leading,
            marks: vec![Mark::centred(
                LEFT + TEXT_WIDTH / 2.0,
                style.baseline(0.0),
                style,
                line,
            )],
            keep_with_next: index + 1 < count,
            ..Chunk::default()
        });
    }
}

/// Pushes label/value pairs, one chunk per line, keeping the lines of a pair together.
fn push_fields(chunks: &mut Vec<Chunk>, pairs: &[(String, String)]) {
    let value_x = LEFT + FIELD_LABEL_WIDTH + FIELD_GAP;
    let value_width = RIGHT - value_x;
    for (index, (label, value)) in pairs.iter().enumerate() {
        let labels = wrap(label, BODY_BOLD, FIELD_LABEL_WIDTH);
        let values = wrap(value, BODY, value_width);
        let count = labels.len().max(values.len());
        let mut labels = labels.into_iter();
        let mut values = values.into_iter();
        for line in 0..count {
            let mut marks = Vec::new();
            marks.extend(
                labels
                    .next()
                    .map(|text| Mark::text(LEFT, 0.0, BODY_BOLD, text)),
            );
            marks.extend(
                values
                    .next()
                    .map(|text| Mark::text(value_x, 0.0, BODY, text)),
            );
            chunks.push(Chunk {
                space_before: match (line, index) {
                    (0, 0) => 7.0,
                    (0, _) => 3.0,
                    _ => 0.0,
                },
                height: BODY.leading,
                marks,
                keep_with_next: line + 1 < count,
                ..Chunk::default()
            });
        }
    }
}

/// Pushes bullet items, each wrapped beside its bullet like a paragraph.
fn push_bullets(chunks: &mut Vec<Chunk>, items: &[String]) {
    for (index, item) in items.iter().enumerate() {
        let first = chunks.len();
        let space_before = if index == 0 { 7.0 } else { 3.0 };
        push_lines(
            chunks,
            item,
            BODY,
            LEFT + BULLET_INDENT,
            TEXT_WIDTH - BULLET_INDENT,
            space_before,
            false,
        );
        if let Some(chunk) = chunks.get_mut(first) {
            chunk
                .marks
                .push(Mark::text(LEFT + 3.0, 0.0, BODY, "•".to_string()));
        }
    }
}

/// Pushes a ruled table: a shaded header row (when any column has a title) kept with the
/// first row and repeated on each page the table continues on, then one chunk per row.
fn push_table(chunks: &mut Vec<Chunk>, columns: &[Column], rows: &[Vec<String>]) {
    if columns.is_empty() {
        return;
    }
    let widths = column_widths(columns);
    let header = table_header(columns, &widths, !rows.is_empty());
    let first = chunks.len();
    chunks.extend(header.as_deref().cloned());
    let room = CONTENT_HEIGHT - header.as_ref().map_or(0.0, |h| h.height);
    for row in rows {
        let cells: Vec<&str> = (0..widths.len())
            .map(|i| row.get(i).map_or("", String::as_str))
            .collect();
        for mut piece in table_row(&widths, &cells, CELL, room) {
            piece.repeat_on_new_page = header.clone();
            chunks.push(piece);
        }
    }
    if let Some(chunk) = chunks.get_mut(first) {
        chunk.space_before = 8.0;
    }
}

/// The shaded header row, kept with the first row if there is one; none when no column
/// has a title.
fn table_header(columns: &[Column], widths: &[f32], has_rows: bool) -> Option<Rc<Chunk>> {
    if columns.iter().all(|c| c.title.trim().is_empty()) {
        return None;
    }
    let titles: Vec<&str> = columns.iter().map(|c| c.title.as_str()).collect();
    // A header taller than a page is absurd; only the part that fits on one is kept.
    let mut header = table_row(widths, &titles, CELL_HEADER, CONTENT_HEIGHT)
        .into_iter()
        .next()?;
    let shading = Mark::Fill {
        x: LEFT,
        top: 0.0,
        width: TEXT_WIDTH,
        height: header.height,
        colour: ACCENT_TINT,
    };
    header.marks.insert(0, shading);
    header.keep_with_next = has_rows;
    Some(Rc::new(header))
}

/// The columns' widths in points: the shares scaled to the text width, so that shares that
/// do not quite sum to 1 still fill it; nonsensical shares count as nothing.
fn column_widths(columns: &[Column]) -> Vec<f32> {
    let shares: Vec<f32> = columns
        .iter()
        .map(|c| {
            if c.width.is_finite() && c.width > 0.0 {
                c.width
            } else {
                0.0
            }
        })
        .collect();
    let total: f32 = shares.iter().sum();
    if total > 0.0 && total.is_finite() {
        shares
            .iter()
            .map(|share| share / total * TEXT_WIDTH)
            .collect()
    } else {
        vec![TEXT_WIDTH / columns.len() as f32; columns.len()]
    }
}

/// One table row with its cell borders. A row is one chunk unless it is taller than
/// `room`; then it is cut into pieces of as many lines as fit, each ruled as a row.
fn table_row(widths: &[f32], cells: &[&str], style: Style, room: f32) -> Vec<Chunk> {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| wrap(cell, style, width - 2.0 * CELL_PADDING_X))
        .collect();
    let line_count = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let lines_per_piece = (((room - 2.0 * CELL_PADDING_Y) / style.leading) as usize).max(1);
    (0..line_count)
        .step_by(lines_per_piece)
        .map(|start| {
            let lines = lines_per_piece.min(line_count - start);
            let height = lines as f32 * style.leading + 2.0 * CELL_PADDING_Y;
            let mut marks = vec![
                Mark::rule(LEFT, RIGHT, 0.0, 0.5, RULE_GREY),
                Mark::rule(LEFT, RIGHT, height, 0.5, RULE_GREY),
            ];
            let mut x = LEFT;
            for (cell, width) in wrapped.iter().zip(widths) {
                marks.push(Mark::segment((x, 0.0), (x, height), 0.5, RULE_GREY));
                for (n, line) in cell.iter().skip(start).take(lines).enumerate() {
                    let top = CELL_PADDING_Y + n as f32 * style.leading;
                    marks.push(Mark::text(x + CELL_PADDING_X, top, style, line.clone()));
                }
                x += width;
            }
            marks.push(Mark::segment((RIGHT, 0.0), (RIGHT, height), 0.5, RULE_GREY));
            Chunk {
                height,
                marks,
                ..Chunk::default()
            }
        })
        .collect()
}

/// Pushes the signature blocks two to a row, each row one chunk, all kept together so that
/// no one signs on a page apart from the others.
fn push_signatures(chunks: &mut Vec<Chunk>, signatories: &[Signatory]) {
    let width = (TEXT_WIDTH - SIGNATURE_GAP) / 2.0;
    let rows = signatories.len().div_ceil(2);
    for (index, pair) in signatories.chunks(2).enumerate() {
        let mut chunk = Chunk {
            space_before: if index == 0 { 16.0 } else { 24.0 },
            keep_with_next: index + 1 < rows,
            ..Chunk::default()
        };
        for (column, signatory) in pair.iter().enumerate() {
            let x = LEFT + column as f32 * (width + SIGNATURE_GAP);
            let mut y = 0.0;
            push_wrapped(
                &mut chunk.marks,
                &signatory.role,
                BODY_BOLD,
                x,
                width,
                &mut y,
            );
            push_wrapped(
                &mut chunk.marks,
                &format!("Name: {}", signatory.name),
                BODY,
                x,
                width,
                &mut y,
            );
            // The room left above the line is for the handwritten signature.
            y += 36.0;
            chunk
                .marks
                .push(Mark::rule(x, x + width * 0.85, y, 0.6, BLACK));
            y += 1.5;
            push_wrapped(&mut chunk.marks, "Signature", NOTE, x, width, &mut y);
            y += 10.0;
            push_wrapped(
                &mut chunk.marks,
                "Date: ____________",
                BODY,
                x,
                width,
                &mut y,
            );
            chunk.height = chunk.height.max(y);
        }
        chunks.push(chunk);
    }
}

/// Pushes a question on a form and the space to answer it. Every chunk is kept with the
/// next, so that a question moves overleaf with its boxes or lines rather than be parted
/// from them.
fn push_question(chunks: &mut Vec<Chunk>, text: &str, answer: &AnswerSpace) {
    push_lines(chunks, text, BODY_BOLD, LEFT, TEXT_WIDTH, 14.0, true);
    match answer {
        AnswerSpace::Boxes(options) => push_tick_boxes(chunks, options),
        AnswerSpace::Lines(count) => chunks.extend((0..*count).map(|n| Chunk {
            space_before: if n == 0 { 2.0 } else { 0.0 },
            height: WRITING_LINE,
            marks: vec![Mark::rule(LEFT, RIGHT, WRITING_LINE, 0.6, WRITING_GREY)],
            keep_with_next: true,
            ..Chunk::default()
        })),
    }
    if let Some(last) = chunks.last_mut() {
        last.keep_with_next = false;
    }
}

/// Pushes a row of empty tick boxes, each with its label beside it, as many to a line as
/// fit; a label too long for a whole line is shortened.
fn push_tick_boxes(chunks: &mut Vec<Chunk>, options: &[String]) {
    let text_top = 4.0;
    // The box's foot is a little below the baseline and its top a little above the
    // capitals, so that it reads as belonging to the line of its label.
    let box_top = BODY.baseline(text_top) - TICK_BOX + 1.2;
    let pen = Pen::solid(0.8, BLACK);
    let items = options.iter().map(|option| {
        let label = shortened(option, BODY, TEXT_WIDTH - TICK_BOX - TICK_BOX_GAP);
        let width = TICK_BOX + TICK_BOX_GAP + BODY.width(&label);
        let tick_box = Mark::rectangle(0.0, box_top, TICK_BOX, TICK_BOX, None, Some(pen));
        let text = Mark::text(TICK_BOX + TICK_BOX_GAP, text_top, BODY, label);
        (width, vec![tick_box, text])
    });
    push_rows(chunks, items, OPTION_GAP, BODY.leading + 8.0);
}

/// Pushes items side by side, `gap` apart, starting a new row where the next would pass the
/// right margin; an item is its width and its marks, drawn from x = 0. Each row is one chunk
/// of `height`, kept with the next so that the rows stay with what they belong to.
fn push_rows(
    chunks: &mut Vec<Chunk>,
    items: impl IntoIterator<Item = (f32, Vec<Mark>)>,
    gap: f32,
    height: f32,
) {
    let mut rows: Vec<Vec<Mark>> = Vec::new();
    let mut x = LEFT;
    for (width, marks) in items {
        if rows.is_empty() || x + width > RIGHT {
            rows.push(Vec::new());
            x = LEFT;
        }
        if let Some(row) = rows.last_mut() {
            row.extend(marks.iter().map(|mark| mark.moved(x, 0.0)));
        }
        x += width + gap;
    }
    chunks.extend(rows.into_iter().enumerate().map(|(n, marks)| Chunk {
        space_before: if n == 0 { 2.0 } else { 0.0 },
        height,
        marks,
        keep_with_next: true,
        ..Chunk::default()
    }));
}

/// Adds `text` wrapped to `width` at `x` below `y`, and moves `y` below it.
fn push_wrapped(marks: &mut Vec<Mark>, text: &str, style: Style, x: f32, width: f32, y: &mut f32) {
    for line in wrap(text, style, width) {
        marks.push(Mark::text(x, *y, style, line));
        *y += style.leading;
    }
}

/// Deals the chunks onto pages, breaking before a chunk when it (with what it is kept
/// with) does not fit below what the page already holds.
fn paginate(chunks: &[Chunk]) -> Vec<Vec<Mark>> {
    let mut pages = Vec::new();
    let mut page = Vec::new();
    let mut y = CONTENT_TOP;
    for (index, chunk) in chunks.iter().enumerate() {
        let page_is_empty = y <= CONTENT_TOP;
        let full = y + chunk.space_before + kept_height(&chunks[index..]) > CONTENT_BOTTOM;
        if !page_is_empty && (chunk.new_page || full) {
            pages.push(std::mem::take(&mut page));
            y = CONTENT_TOP;
            if let Some(header) = &chunk.repeat_on_new_page {
                page.extend(header.marks.iter().map(|mark| mark.moved(0.0, y)));
                y += header.height;
            }
        }
        if y > CONTENT_TOP {
            y += chunk.space_before;
        }
        page.extend(chunk.marks.iter().map(|mark| mark.moved(0.0, y)));
        y += chunk.height;
    }
    pages.push(page);
    pages
}

/// The height that must fit for the first of `following` to stay on the page: that chunk
/// and those it is kept with. A group taller than a whole page cannot be kept together,
/// and then only the chunk itself must fit.
fn kept_height(following: &[Chunk]) -> f32 {
    let mut height = 0.0;
    for (index, chunk) in following.iter().enumerate() {
        height += chunk.height + if index == 0 { 0.0 } else { chunk.space_before };
        if !chunk.keep_with_next || height > CONTENT_HEIGHT {
            break;
        }
    }
    if height <= CONTENT_HEIGHT {
        height
    } else {
        following.first().map_or(0.0, |chunk| chunk.height)
    }
}

/// The header (organisation, reference, rule) and footer (date, page number) of page
/// `number` of `count`.
fn page_furniture(doc: &Document, number: usize, count: usize) -> Vec<Mark> {
    let style = PAGE_FURNITURE;
    let reference = shortened(&doc.reference, style, TEXT_WIDTH * 0.45);
    let reference_width = style.width(&reference);
    let organisation = shortened(
        &doc.organisation,
        style,
        TEXT_WIDTH - reference_width - 12.0,
    );
    let page = format!("Page {number} of {count}");
    let at = |x: f32, baseline: f32, text: String| Mark::Text {
        x,
        baseline,
        style,
        text,
    };
    vec![
        at(LEFT, HEADER_BASELINE, organisation),
        at(RIGHT - reference_width, HEADER_BASELINE, reference),
        Mark::rule(LEFT, RIGHT, HEADER_RULE, 0.5, RULE_GREY),
        at(LEFT, FOOTER_BASELINE, doc.generated_line()),
        at(RIGHT - style.width(&page), FOOTER_BASELINE, page),
    ]
}

/// `text` on one line, cut short with an ellipsis if it is wider than `width`.
fn shortened(text: &str, style: Style, width: f32) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if style.width(&text) <= width {
        return text;
    }
    let budget = width - style.width("…");
    let mut used = 0.0;
    let mut short: String = text
        .chars()
        .take_while(|&c| {
            used += style.char_width(c);
            used <= budget
        })
        .collect();
    short.push('…');
    short
}

/// Breaks `text` into lines no wider than `width`: at spaces where it can, inside a word
/// only when the word alone is wider than a line. Line breaks in the text are kept, and an
/// empty text gives one empty line so that a blank cell still has a row's height.
fn wrap(text: &str, style: Style, width: f32) -> Vec<String> {
    let space = style.width(" ");
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split(is_break).filter(|word| !word.is_empty()) {
            let word_width = style.width(word);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            line_width = 0.0;
            for c in word.chars() {
                let char_width = style.char_width(c);
                if !line.is_empty() && line_width + char_width > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += char_width;
            }
        }
        lines.push(line);
    }
    lines
}

/// Whether a line may break at `c`: at spaces other than the no-break ones, and at control
/// characters such as tabs, which the fonts cannot draw anyway.
fn is_break(c: char) -> bool {
    c.is_control() || (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// The PDF operations of one page: shading and rules first so that text lies on top, then
/// every line of text as one string at its absolute position, which keeps words whole and
/// in reading order for text extraction.
fn operations(marks: &[Mark], regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut ops = Vec::new();
    for mark in marks {
        match mark {
            Mark::Fill {
                x,
                top,
                width,
                height,
                colour,
            } => {
                ops.push(Op::SetFillColor {
                    col: colour.to_pdf(),
                });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        mode: Some(PaintMode::Fill),
                        ..Rect::from_xywh(
                            Pt(*x),
                            Pt(PAGE_HEIGHT - top - height),
                            Pt(*width),
                            Pt(*height),
                        )
                    },
                });
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                thickness,
                colour,
            } => {
                ops.push(Op::SetOutlineColor {
                    col: colour.to_pdf(),
                });
                ops.push(Op::SetOutlineThickness { pt: Pt(*thickness) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![page_point(*x1, *y1), page_point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Mark::Shape {
                points,
                closed,
                fill,
                stroke,
            } => shape_operations(&mut ops, points, *closed, *fill, *stroke),
            Mark::Text { .. } => {}
        }
    }
    ops.push(Op::StartTextSection);
    let mut font = None;
    let mut colour = None;
    for mark in marks {
        let Mark::Text {
            x,
            baseline,
            style,
            text,
        } = mark
        else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        if font != Some((style.weight, style.size)) {
            let id = match style.weight {
                Weight::Regular => regular,
                Weight::Bold => bold,
            };
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(style.size),
            });
            font = Some((style.weight, style.size));
        }
        if colour != Some(style.colour) {
            ops.push(Op::SetFillColor {
                col: style.colour.to_pdf(),
            });
            colour = Some(style.colour);
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(*x), Pt(PAGE_HEIGHT - baseline)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.clone())],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// A layout position as a point on the PDF page, whose y axis runs upwards.
fn page_point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_HEIGHT - y),
        },
        bezier: false,
    }
}

/// The operations that fill and/or stroke a path; a dash pattern is undone afterwards, so
/// that the rules drawn next are solid again.
fn shape_operations(
    ops: &mut Vec<Op>,
    points: &[(f32, f32)],
    closed: bool,
    fill: Option<Colour>,
    stroke: Option<Pen>,
) {
    let mode = match (fill, stroke) {
        (Some(_), Some(_)) => PaintMode::FillStroke,
        (Some(_), None) => PaintMode::Fill,
        (None, Some(_)) => PaintMode::Stroke,
        (None, None) => return,
    };
    if points.len() < 2 || (!closed && stroke.is_none()) {
        return;
    }
    if let Some(colour) = fill {
        ops.push(Op::SetFillColor {
            col: colour.to_pdf(),
        });
    }
    if let Some(pen) = stroke {
        ops.push(Op::SetOutlineColor {
            col: pen.colour.to_pdf(),
        });
        ops.push(Op::SetOutlineThickness {
            pt: Pt(pen.thickness),
        });
        if !pen.dash.is_empty() {
            ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, pen.dash),
            });
        }
    }
    let points: Vec<LinePoint> = points.iter().map(|&(x, y)| page_point(x, y)).collect();
    if closed {
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode,
                winding_order: WindingOrder::NonZero,
            },
        });
    } else {
        ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
    }
    if stroke.is_some_and(|pen| !pen.dash.is_empty()) {
        ops.push(Op::SetLineDashPattern {
            dash: LineDashPattern::solid(),
        });
    }
}

impl Colour {
    fn to_pdf(self) -> Color {
        Color::Rgb(Rgb::new(self.0, self.1, self.2, None))
    }
}
