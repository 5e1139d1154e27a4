//! Draws a [`Chart`] on paper, in black and white: the title, a legend naming each series
//! beside its swatch, the value axis with its ticks and grid, the bars (each with its value)
//! or lines, and the category labels wrapped under their place; a chart without data is its
//! `empty` note in a frame. It only turns a chart into chunks of marks; the page it lands
//! on and the PDF operations are the renderer's. Which numbers the axis shows and how a
//! series looks come from `crate::chart`, which the screen's drawing shares.

use std::f32::consts::{PI, SQRT_2};

use super::{
    push_lines, push_rows, shortened, style, wrap, Chunk, Colour, Mark, Pen, Style, Weight, BLACK,
    GREY, LEFT, RIGHT, RULE_GREY, TEXT_WIDTH, WHITE,
};
use crate::chart::{format_value, print_style, Chart, ChartKind, Hatch, Marker, PrintStyle};

const CHART_TITLE: Style = style(Weight::Bold, 10.5, 14.0, BLACK);
const CHART_TEXT: Style = style(Weight::Regular, 8.0, 10.0, BLACK);
const AXIS_NOTE: Style = style(Weight::Regular, 8.0, 10.0, GREY);
const VALUE: Style = style(Weight::Regular, 7.5, 9.0, BLACK);
const TOTAL: Style = style(Weight::Bold, 7.5, 9.0, BLACK);
const EMPTY_NOTE: Style = style(Weight::Regular, 10.0, 14.0, GREY);

/// The plot's height from the zero line to the top tick.
const PLOT_HEIGHT: f32 = 120.0;
/// Room above the top tick for the values written on the tallest bars.
const HEADROOM: f32 = 11.0;
/// A category's label takes at most this many lines; a longer one is shortened.
const CATEGORY_LINES: usize = 3;
const LEGEND_ROW: f32 = 14.0;
/// A legend's sample of a bar, and the longer one of a line, long enough to show its dashes
/// on both sides of its marker.
const BAR_SWATCH: f32 = 16.0;
const LINE_SWATCH: f32 = 32.0;
const HATCH_SPACING: f32 = 3.6;
const MARKER_RADIUS: f32 = 2.8;
const GRID: Colour = Colour(0.82, 0.82, 0.82);
const OUTLINE: Pen = Pen::solid(0.6, BLACK);
const HATCH_PEN: Pen = Pen::solid(0.5, BLACK);

/// Pushes a chart: its title kept with its legend and plot (or its empty note), so that a
/// chart moves to the next page whole.
pub(super) fn push_chart(chunks: &mut Vec<Chunk>, chart: &Chart) {
    let first = chunks.len();
    push_lines(
        chunks,
        &chart.title,
        CHART_TITLE,
        LEFT,
        TEXT_WIDTH,
        0.0,
        true,
    );
    if chart.has_data() {
        push_legend(chunks, chart);
        chunks.push(plot(chart));
    } else {
        chunks.push(empty(&chart.empty));
    }
    if let Some(title) = chunks.get_mut(first) {
        title.space_before = 16.0;
    }
}

/// Pushes the legend: each series' swatch and name, as many to a row as fit.
fn push_legend(chunks: &mut Vec<Chunk>, chart: &Chart) {
    let sample = match chart.kind {
        ChartKind::Bars | ChartKind::StackedBars => BAR_SWATCH,
        ChartKind::Lines => LINE_SWATCH,
    };
    let top = (LEGEND_ROW - CHART_TEXT.leading) / 2.0;
    let items = chart.series.iter().enumerate().map(|(index, series)| {
        let name = shortened(&series.name, CHART_TEXT, TEXT_WIDTH - sample - 5.0);
        let width = sample + 5.0 + CHART_TEXT.width(&name);
        let mut marks = Vec::new();
        swatch(&mut marks, chart.kind, print_style(index), 0.0);
        marks.push(Mark::text(sample + 5.0, top, CHART_TEXT, name));
        (width, marks)
    });
    push_rows(chunks, items, 16.0, LEGEND_ROW);
}

/// A series' sample in the legend: a small bar, or a stretch of its line with its marker.
fn swatch(marks: &mut Vec<Mark>, kind: ChartKind, style: PrintStyle, x: f32) {
    let middle = LEGEND_ROW / 2.0;
    match kind {
        ChartKind::Bars | ChartKind::StackedBars => {
            bar(marks, x, middle - 5.0, BAR_SWATCH, 10.0, style)
        }
        ChartKind::Lines => {
            marks.push(line(vec![(x, middle), (x + LINE_SWATCH, middle)], style));
            marker(marks, x + LINE_SWATCH / 2.0, middle, style.marker);
        }
    }
}

/// Where the plot lies in its chunk and how a value maps onto it.
struct Plot {
    left: f32,
    top: f32,
    bottom: f32,
    /// The top tick's value.
    max: f64,
    /// The width of one category's place along the x axis.
    slot: f32,
}

impl Plot {
    /// Where `value` lies; a value beyond the top tick (only ever a stack of huge numbers
    /// that adds up to more than an axis can show) lies at the top.
    fn y(&self, value: f64) -> f32 {
        let share = (value / self.max).clamp(0.0, 1.0) as f32;
        self.bottom - share * (self.bottom - self.top)
    }

    fn centre(&self, category: usize) -> f32 {
        self.left + (category as f32 + 0.5) * self.slot
    }
}

/// The value axis's note, the ticks and grid, the bars or lines, the axes and the category
/// labels: one chunk, never split.
fn plot(chart: &Chart) -> Chunk {
    let ticks = chart.ticks();
    let labels: Vec<String> = ticks.iter().map(|&tick| format_value(tick)).collect();
    let label_width = labels
        .iter()
        .map(|label| CHART_TEXT.width(label))
        .fold(0.0, f32::max);
    let left = LEFT + label_width + 6.0;
    let top = AXIS_NOTE.leading + HEADROOM;
    let plot = Plot {
        left,
        top,
        bottom: top + PLOT_HEIGHT,
        max: ticks.last().copied().unwrap_or(1.0),
        slot: (RIGHT - left) / chart.categories.len().max(1) as f32,
    };
    let note = shortened(&chart.value_label, AXIS_NOTE, TEXT_WIDTH);
    let mut marks = vec![Mark::text(LEFT, 0.0, AXIS_NOTE, note)];
    for (&tick, label) in ticks.iter().zip(labels) {
        let y = plot.y(tick);
        if tick > 0.0 {
            marks.push(Mark::rule(left, RIGHT, y, 0.4, GRID));
        }
        marks.push(Mark::Text {
            x: left - 4.0 - CHART_TEXT.width(&label),
            baseline: y + CHART_TEXT.size * 0.35,
            style: CHART_TEXT,
            text: label,
        });
    }
    match chart.kind {
        ChartKind::Bars => bars(&mut marks, chart, &plot),
        ChartKind::StackedBars => stacked_bars(&mut marks, chart, &plot),
        ChartKind::Lines => lines(&mut marks, chart, &plot),
    }
    marks.push(Mark::rule(left, RIGHT, plot.bottom, 0.8, BLACK));
    marks.push(Mark::segment(
        (left, plot.top - 4.0),
        (left, plot.bottom),
        0.8,
        BLACK,
    ));
    let mut height = plot.bottom;
    for (index, category) in chart.categories.iter().enumerate() {
        let mut y = plot.bottom + 4.0;
        for line in label_lines(category, CHART_TEXT, plot.slot - 4.0, CATEGORY_LINES) {
            let baseline = CHART_TEXT.baseline(y);
            marks.push(Mark::centred(
                plot.centre(index),
                baseline,
                CHART_TEXT,
                line,
            ));
            y += CHART_TEXT.leading;
        }
        height = height.max(y);
    }
    Chunk {
        space_before: 4.0,
        height: height + 2.0,
        marks,
        ..Chunk::default()
    }
}

/// The series' bars side by side in each category, each with its value above it.
fn bars(marks: &mut Vec<Mark>, chart: &Chart, plot: &Plot) {
    let count = chart.series.len().max(1) as f32;
    let width = (plot.slot * 0.75 / count).min(40.0);
    for category in 0..chart.categories.len() {
        let start = plot.centre(category) - width * count / 2.0;
        for index in 0..chart.series.len() {
            let Some(value) = chart.value(index, category) else {
                continue;
            };
            let x = start + index as f32 * width;
            let top = plot.y(value);
            let gap = (width * 0.08).min(1.5);
            bar(
                marks,
                x + gap,
                top,
                width - 2.0 * gap,
                plot.bottom - top,
                print_style(index),
            );
            let label = format_value(value);
            let style = fitted(VALUE, &label, width);
            marks.push(Mark::centred(x + width / 2.0, top - 2.5, style, label));
        }
    }
}

/// `style` made smaller, down to a legible least, when `text` is wider than `width`: a
/// bar's value wider than the bar would run into its neighbour's.
fn fitted(style: Style, text: &str, width: f32) -> Style {
    let natural = style.width(text);
    if natural <= width {
        return style;
    }
    let size = (style.size * width / natural).max(5.5);
    Style {
        size,
        leading: style.leading * size / style.size,
        ..style
    }
}

/// The series' bars on top of each other in each category, the total above the stack and
/// each part's value inside it where it fits.
fn stacked_bars(marks: &mut Vec<Mark>, chart: &Chart, plot: &Plot) {
    let width = (plot.slot * 0.5).min(56.0);
    for category in 0..chart.categories.len() {
        let x = plot.centre(category) - width / 2.0;
        let mut below = 0.0;
        let mut parts = Vec::new();
        for index in 0..chart.series.len() {
            let Some(value) = chart.value(index, category).filter(|&v| v > 0.0) else {
                continue;
            };
            let bottom = plot.y(below);
            below += value;
            let top = plot.y(below);
            bar(marks, x, top, width, bottom - top, print_style(index));
            parts.push((value, top, bottom));
        }
        // A part's value is written on a white patch so that it reads over any fill or
        // hatching; a part too thin for it goes without, the total still being written.
        if chart.series.len() > 1 {
            for (value, top, bottom) in parts {
                let label = format_value(value);
                let label_width = VALUE.width(&label);
                if bottom - top < VALUE.size + 3.0 || label_width + 4.0 > width {
                    continue;
                }
                let middle = (top + bottom) / 2.0;
                marks.push(Mark::Fill {
                    x: x + width / 2.0 - label_width / 2.0 - 1.5,
                    top: middle - VALUE.size / 2.0 - 1.0,
                    width: label_width + 3.0,
                    height: VALUE.size + 2.0,
                    colour: WHITE,
                });
                let baseline = middle + VALUE.size * 0.35;
                marks.push(Mark::centred(x + width / 2.0, baseline, VALUE, label));
            }
        }
        let total = chart.total(category);
        let label = format_value(total);
        let baseline = plot.y(total) - 2.5;
        marks.push(Mark::centred(x + width / 2.0, baseline, TOTAL, label));
    }
}

/// One line per series through its values, broken where a value is missing, with a marker
/// on every value. The lines are drawn before any marker, so that no line crosses one.
fn lines(marks: &mut Vec<Mark>, chart: &Chart, plot: &Plot) {
    let points: Vec<Vec<Option<(f32, f32)>>> = (0..chart.series.len())
        .map(|index| {
            (0..chart.categories.len())
                .map(|category| {
                    let value = chart.value(index, category)?;
                    Some((plot.centre(category), plot.y(value)))
                })
                .collect()
        })
        .collect();
    for (index, series) in points.iter().enumerate() {
        for run in series.split(Option::is_none).filter(|run| run.len() > 1) {
            marks.push(line(
                run.iter().flatten().copied().collect(),
                print_style(index),
            ));
        }
    }
    for (index, series) in points.iter().enumerate() {
        for &(x, y) in series.iter().flatten() {
            marker(marks, x, y, print_style(index).marker);
        }
    }
}

fn line(points: Vec<(f32, f32)>, style: PrintStyle) -> Mark {
    Mark::Shape {
        points,
        closed: false,
        fill: None,
        stroke: Some(Pen {
            thickness: 1.3,
            colour: BLACK,
            dash: style.dash,
        }),
    }
}

/// A bar filled with its series' grey, hatched, and outlined in black so that a white bar
/// still has an edge.
fn bar(marks: &mut Vec<Mark>, x: f32, top: f32, width: f32, height: f32, style: PrintStyle) {
    if width <= 0.0 || height <= 0.0 {
        return;
    }
    let grey = style.grey.clamp(0.0, 1.0);
    marks.push(Mark::rectangle(
        x,
        top,
        width,
        height,
        Some(Colour(grey, grey, grey)),
        None,
    ));
    match style.hatch {
        None => {}
        Some(Hatch::Rising) => diagonals(marks, (x, top, width, height), -1.0),
        Some(Hatch::Falling) => diagonals(marks, (x, top, width, height), 1.0),
        Some(Hatch::Crossed) => {
            diagonals(marks, (x, top, width, height), -1.0);
            diagonals(marks, (x, top, width, height), 1.0);
        }
        Some(Hatch::Horizontal) => {
            let mut y = top + HATCH_SPACING;
            while y < top + height {
                marks.push(Mark::rule(
                    x,
                    x + width,
                    y,
                    HATCH_PEN.thickness,
                    HATCH_PEN.colour,
                ));
                y += HATCH_SPACING;
            }
        }
    }
    marks.push(Mark::rectangle(x, top, width, height, None, Some(OUTLINE)));
}

/// Hatching lines of `slope` across the rectangle `(x, top, width, height)`, cut at its
/// edges. On the page y grows downwards, so a slope of -1 rises to the right.
fn diagonals(marks: &mut Vec<Mark>, (x, top, width, height): (f32, f32, f32, f32), slope: f32) {
    // Each line is y = slope · x + c; the lines are HATCH_SPACING apart across their
    // direction, and c runs over the values whose lines cross the rectangle.
    let step = HATCH_SPACING * SQRT_2;
    let (right, bottom) = (x + width, top + height);
    let reach =
        [(x, top), (right, top), (x, bottom), (right, bottom)].map(|(px, py)| py - slope * px);
    let lowest = reach.iter().copied().fold(f32::INFINITY, f32::min);
    let highest = reach.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut c = (lowest / step).ceil() * step;
    while c < highest {
        let (a, b) = ((top - c) / slope, (bottom - c) / slope);
        let (from, to) = (a.min(b).max(x), a.max(b).min(right));
        if to > from {
            let ends = ((from, slope * from + c), (to, slope * to + c));
            marks.push(Mark::segment(
                ends.0,
                ends.1,
                HATCH_PEN.thickness,
                HATCH_PEN.colour,
            ));
        }
        c += step;
    }
}

/// A series' marker centred on `(x, y)`: filled shapes in black, open ones white inside so
/// that the line does not show through.
fn marker(marks: &mut Vec<Mark>, x: f32, y: f32, marker: Marker) {
    let r = MARKER_RADIUS;
    let open = Pen::solid(0.9, BLACK);
    let circle = || {
        (0..16)
            .map(|n| {
                let angle = n as f32 * PI / 8.0;
                (x + r * angle.cos(), y + r * angle.sin())
            })
            .collect()
    };
    let (points, fill, stroke) = match marker {
        Marker::Disc => (circle(), Some(BLACK), None),
        Marker::Ring => (circle(), Some(WHITE), Some(open)),
        Marker::Square => {
            let h = r * 0.9;
            let corners = vec![
                (x - h, y - h),
                (x + h, y - h),
                (x + h, y + h),
                (x - h, y + h),
            ];
            (corners, Some(WHITE), Some(open))
        }
        Marker::Triangle => {
            let corners = vec![
                (x, y - r * 1.3),
                (x + r * 1.2, y + r * 0.8),
                (x - r * 1.2, y + r * 0.8),
            ];
            (corners, Some(BLACK), None)
        }
        Marker::Diamond => {
            let h = r * 1.3;
            let corners = vec![(x, y - h), (x + h, y), (x, y + h), (x - h, y)];
            (corners, Some(WHITE), Some(open))
        }
        Marker::Cross => {
            let h = r * 1.3;
            marks.push(Mark::rule(x - h, x + h, y, 1.3, BLACK));
            marks.push(Mark::segment((x, y - h), (x, y + h), 1.3, BLACK));
            return;
        }
    };
    marks.push(Mark::Shape {
        points,
        closed: true,
        fill,
        stroke,
    });
}

/// What a chart without data shows: its note in the middle of a frame as wide as the text.
fn empty(note: &str) -> Chunk {
    let lines = wrap(note, EMPTY_NOTE, TEXT_WIDTH - 32.0);
    let text_height = lines.len() as f32 * EMPTY_NOTE.leading;
    let height = (text_height + 32.0).max(64.0);
    let frame = Pen::solid(0.8, RULE_GREY);
    let mut marks = vec![Mark::rectangle(
        LEFT,
        0.0,
        TEXT_WIDTH,
        height,
        None,
        Some(frame),
    )];
    let mut y = (height - text_height) / 2.0;
    for line in lines {
        let baseline = EMPTY_NOTE.baseline(y);
        marks.push(Mark::centred(
            LEFT + TEXT_WIDTH / 2.0,
            baseline,
            EMPTY_NOTE,
            line,
        ));
        y += EMPTY_NOTE.leading;
    }
    Chunk {
        space_before: 4.0,
        height,
        marks,
        ..Chunk::default()
    }
}

/// A category's label in at most `most` lines no wider than `width`: wrapped at spaces, a
/// word too long for a line shortened with an ellipsis rather than broken, and the last
/// line shortened too when the label needs more lines than that.
fn label_lines(text: &str, style: Style, width: f32, most: usize) -> Vec<String> {
    let words: Vec<String> = text
        .split(super::is_break)
        .filter(|word| !word.is_empty())
        .map(|word| shortened(word, style, width))
        .collect();
    let mut lines = wrap(&words.join(" "), style, width);
    if lines.len() > most {
        let rest = lines.split_off(most.saturating_sub(1)).join(" ");
        lines.push(shortened(&rest, style, width));
    }
    lines
}
