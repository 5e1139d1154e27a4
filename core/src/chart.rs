//! A chart as data: its title, its kind (bars, stacked bars or lines), the categories along
//! the x axis, one or more named series of numbers and what to say when there is nothing to
//! show. It also owns the arithmetic every drawing of a chart shares: which values count,
//! the value axis's round ticks, how numbers are written and how each series is told apart
//! in black and white. It draws nothing: `document::pdf` draws a chart on paper and
//! `ui/chart.js` on screen, both from this same data. It knows nothing of the store or the
//! domain; whoever gathers the figures builds the chart.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// Printed above the chart, e.g. "Sessions held per quarter".
    pub title: String,
    pub kind: ChartKind,
    /// The labels along the x axis, e.g. the quarters or the units, in order.
    pub categories: Vec<String>,
    /// One or more series; the n-th value of a series belongs to the n-th category.
    pub series: Vec<Series>,
    /// What the value axis counts or measures, e.g. "Sessions".
    pub value_label: String,
    /// Shown in place of the chart when it has no data, e.g. "No sessions were held in this
    /// period."
    pub empty: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// The series' bars side by side in each category.
    Bars,
    /// The series' bars on top of each other in each category, so that the bar's height is
    /// the category's total.
    StackedBars,
    /// One line per series through its values.
    Lines,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Named in the legend, e.g. "Held" or "Cancelled".
    pub name: String,
    pub values: Vec<f64>,
}

impl Series {
    pub fn new(name: &str, values: &[f64]) -> Series {
        Series {
            name: name.to_owned(),
            values: values.to_vec(),
        }
    }
}

/// The fewest and the most intervals between the value axis's ticks (four to six ticks).
const FEWEST_INTERVALS: u32 = 3;
const MOST_INTERVALS: u32 = 5;
/// The highest top tick; far beyond any count a programme has, and far enough below the
/// largest `f64` that the ticks' arithmetic never overflows.
const AXIS_LIMIT: f64 = 1e300;

impl Chart {
    /// The value of `series` in `category`, if it has one that can be drawn: a value that is
    /// missing, not a number or negative is no value (a bar is not drawn below the axis).
    pub fn value(&self, series: usize, category: usize) -> Option<f64> {
        if category >= self.categories.len() {
            return None;
        }
        let value = *self.series.get(series)?.values.get(category)?;
        (value.is_finite() && value >= 0.0).then_some(value)
    }

    /// The sum of the series' values in `category`: the height of a stacked bar.
    pub fn total(&self, category: usize) -> f64 {
        (0..self.series.len())
            .filter_map(|series| self.value(series, category))
            .sum()
    }

    /// Whether there is anything to draw: some value above zero. A chart of zeros says no
    /// more than its `empty` note and is shown as the note.
    pub fn has_data(&self) -> bool {
        (0..self.series.len())
            .any(|s| (0..self.categories.len()).any(|c| self.value(s, c).unwrap_or(0.0) > 0.0))
    }

    /// Whether every value is a whole number (sessions, protégés): then the ticks are whole
    /// numbers too, and values are written without decimals.
    pub fn counts(&self) -> bool {
        self.values().all(|value| value.fract() == 0.0)
    }

    /// The largest height the value axis must reach: the tallest stack for stacked bars,
    /// the largest value otherwise.
    pub fn max_value(&self) -> f64 {
        match self.kind {
            ChartKind::StackedBars => (0..self.categories.len())
                .map(|category| self.total(category))
                .fold(0.0, f64::max),
            ChartKind::Bars | ChartKind::Lines => self.values().fold(0.0, f64::max),
        }
    }

    /// The value axis's ticks: from 0 up to a round maximum at or above the largest value,
    /// in four to six steps of 1, 2 or 5 times a power of ten. The steps are whole numbers
    /// when the values are counts and never finer than 0.01, so that two decimals always
    /// write a tick exactly.
    pub fn ticks(&self) -> Vec<f64> {
        // A stack of huge values can add up to infinity; an axis stops at a round 10^300,
        // and what lies beyond it is drawn at its top.
        let max = self.max_value().min(AXIS_LIMIT);
        let max = if max > 0.0 { max } else { 1.0 };
        let smallest = if self.counts() { 0 } else { -2 };
        // The first power of ten whose largest step still gives more intervals than
        // allowed; the steps are tried from there upwards.
        let mut exponent = (max.log10().floor() as i32 - 1).max(smallest);
        loop {
            for mantissa in [1, 2, 5] {
                let step = scaled(mantissa, exponent);
                let intervals = (max / step - 1e-9).ceil().max(1.0) as u32;
                if intervals <= MOST_INTERVALS {
                    return (0..=intervals.max(FEWEST_INTERVALS))
                        .map(|i| scaled(i64::from(i) * mantissa, exponent))
                        .collect();
                }
            }
            exponent += 1;
        }
    }

    fn values(&self) -> impl Iterator<Item = f64> + '_ {
        (0..self.series.len())
            .flat_map(move |s| (0..self.categories.len()).filter_map(move |c| self.value(s, c)))
    }
}

/// `mantissa` × 10^`exponent`, computed so that 0.6 comes out as the literal 0.6 rather
/// than 0.6000000000000001 (a division by an exact power of ten rounds once).
fn scaled(mantissa: i64, exponent: i32) -> f64 {
    let power = 10f64.powi(exponent.abs());
    if exponent >= 0 {
        mantissa as f64 * power
    } else {
        mantissa as f64 / power
    }
}

/// A value as a bar's label or a tick: whole numbers without decimals, other values with
/// at most two ("3.25", "0.5").
pub fn format_value(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// How a series is told apart when printed in black and white, where colour cannot help: a
/// bar's fill grey and hatching, a line's dashes and marker. Every chart of every document
/// gives its first series the first style, its second the second, and so on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PrintStyle {
    /// A bar's fill, from 0.0 (black) to 1.0 (white); every bar is also outlined in black.
    pub grey: f32,
    /// Lines drawn across a bar on top of its fill.
    pub hatch: Option<Hatch>,
    /// A line's dashes and gaps in points, in turn; empty for a solid line.
    pub dash: &'static [f32],
    /// Drawn on a line at each of its values.
    pub marker: Marker,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hatch {
    /// Lines rising to the right: ////
    Rising,
    /// Lines falling to the right: \\\\
    Falling,
    /// Both, crossing.
    Crossed,
    Horizontal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// A filled circle.
    Disc,
    /// A square outline with a white inside.
    Square,
    /// A filled triangle standing on its base.
    Triangle,
    /// A diamond outline with a white inside.
    Diamond,
    /// An upright cross: +.
    Cross,
    /// A circle outline with a white inside.
    Ring,
}

/// The styles in the order series receive them. The greys alternate between dark and light
/// so that neighbouring bars differ even on a poor copier, and the hatched ones are white
/// or pale behind their lines; no two entries share a dash pattern or a marker.
const PRINT_STYLES: [PrintStyle; 6] = [
    PrintStyle {
        grey: 0.3,
        hatch: None,
        dash: &[],
        marker: Marker::Disc,
    },
    PrintStyle {
        grey: 1.0,
        hatch: Some(Hatch::Rising),
        dash: &[5.0, 3.0],
        marker: Marker::Square,
    },
    PrintStyle {
        grey: 0.72,
        hatch: None,
        dash: &[1.2, 2.2],
        marker: Marker::Triangle,
    },
    PrintStyle {
        grey: 1.0,
        hatch: Some(Hatch::Crossed),
        dash: &[9.0, 3.0, 1.5, 3.0],
        marker: Marker::Diamond,
    },
    PrintStyle {
        grey: 0.5,
        hatch: Some(Hatch::Falling),
        dash: &[10.0, 4.0],
        marker: Marker::Cross,
    },
    PrintStyle {
        grey: 0.88,
        hatch: Some(Hatch::Horizontal),
        dash: &[8.0, 3.0, 1.5, 3.0, 1.5, 3.0],
        marker: Marker::Ring,
    },
];

/// The print style of the series at `index`; after the sixth the styles start again, which
/// a legend of seven or more series makes plain.
pub fn print_style(index: usize) -> PrintStyle {
    PRINT_STYLES[index % PRINT_STYLES.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(kind: ChartKind, series: &[&[f64]]) -> Chart {
        let categories = series.iter().map(|s| s.len()).max().unwrap_or(0);
        Chart {
            title: "Sessions held".into(),
            kind,
            categories: (1..=categories).map(|n| format!("Q{n}")).collect(),
            series: series
                .iter()
                .enumerate()
                .map(|(n, values)| Series::new(&format!("Series {n}"), values))
                .collect(),
            value_label: "Sessions".into(),
            empty: "No sessions were held in this period.".into(),
        }
    }

    fn check(values: &[f64], expected: &[f64]) {
        assert_eq!(
            chart(ChartKind::Bars, &[values]).ticks(),
            expected,
            "{values:?}"
        );
    }

    #[test]
    fn counts_get_whole_ticks_from_zero_to_a_round_maximum() {
        check(&[1.0], &[0.0, 1.0, 2.0, 3.0]);
        check(&[3.0, 1.0], &[0.0, 1.0, 2.0, 3.0]);
        check(&[5.0], &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        check(&[6.0], &[0.0, 2.0, 4.0, 6.0]);
        check(&[7.0, 2.0], &[0.0, 2.0, 4.0, 6.0, 8.0]);
        check(&[11.0], &[0.0, 5.0, 10.0, 15.0]);
        check(&[48.0], &[0.0, 10.0, 20.0, 30.0, 40.0, 50.0]);
        check(&[413.0], &[0.0, 100.0, 200.0, 300.0, 400.0, 500.0]);
    }

    #[test]
    fn fractions_get_round_decimal_ticks() {
        check(&[0.8], &[0.0, 0.2, 0.4, 0.6, 0.8]);
        check(&[3.4, 2.5], &[0.0, 1.0, 2.0, 3.0, 4.0]);
        check(&[87.5], &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        check(&[0.004], &[0.0, 0.01, 0.02, 0.03]);
    }

    #[test]
    fn every_maximum_gets_four_to_six_ticks_reaching_it() {
        for n in 1..5_000 {
            for max in [f64::from(n), f64::from(n) / 7.0] {
                let c = chart(ChartKind::Bars, &[&[max]]);
                let ticks = c.ticks();
                assert!((4..=6).contains(&ticks.len()), "{max}: {ticks:?}");
                assert_eq!(ticks[0], 0.0);
                let top = *ticks.last().unwrap();
                assert!(top >= max, "{max}: {ticks:?}");
                let step = ticks[1];
                assert!(top < max + 3.0 * step, "{max}: {ticks:?}");
                if c.counts() {
                    assert!(ticks.iter().all(|t| t.fract() == 0.0), "{max}: {ticks:?}");
                }
                for tick in &ticks {
                    let written: f64 = format_value(*tick).parse().unwrap();
                    assert_eq!(written, *tick, "{max}: {ticks:?}");
                }
            }
        }
    }

    #[test]
    fn stacked_bars_scale_to_the_tallest_stack() {
        let c = chart(ChartKind::StackedBars, &[&[4.0, 1.0], &[5.0, 2.0]]);
        assert_eq!(c.max_value(), 9.0);
        assert_eq!(c.ticks(), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        let side_by_side = Chart {
            kind: ChartKind::Bars,
            ..c
        };
        assert_eq!(side_by_side.ticks(), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
    }

    #[test]
    fn a_chart_without_categories_series_or_values_above_zero_is_empty() {
        assert!(!chart(ChartKind::Bars, &[]).has_data());
        assert!(!chart(ChartKind::Bars, &[&[]]).has_data());
        assert!(!chart(ChartKind::Lines, &[&[0.0, 0.0], &[0.0]]).has_data());
        assert!(!chart(ChartKind::StackedBars, &[&[f64::NAN, -3.0, f64::INFINITY]]).has_data());
        let mut no_categories = chart(ChartKind::Bars, &[&[4.0]]);
        no_categories.categories.clear();
        assert!(!no_categories.has_data());
        assert!(chart(ChartKind::Bars, &[&[0.0], &[0.5]]).has_data());
    }

    #[test]
    fn values_too_large_to_add_up_still_get_a_finite_axis() {
        let c = chart(ChartKind::StackedBars, &[&[f64::MAX], &[f64::MAX]]);
        let ticks = c.ticks();
        assert!(ticks.iter().all(|tick| tick.is_finite()), "{ticks:?}");
        let top = ticks.last().copied().unwrap_or_default();
        assert!((1e300..1.01e300).contains(&top), "{ticks:?}");
    }

    #[test]
    fn an_empty_chart_still_has_an_axis() {
        assert_eq!(chart(ChartKind::Bars, &[]).ticks(), [0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn missing_negative_and_non_numbers_are_no_value() {
        let c = chart(ChartKind::Bars, &[&[2.0, -1.0, f64::NAN], &[1.0]]);
        assert_eq!(c.value(0, 0), Some(2.0));
        assert_eq!(c.value(0, 1), None);
        assert_eq!(c.value(0, 2), None);
        assert_eq!(c.value(1, 1), None);
        assert_eq!(c.value(2, 0), None);
        assert_eq!(c.value(0, 3), None);
        assert!(c.counts());
    }

    #[test]
    fn values_are_written_with_at_most_two_decimals() {
        assert_eq!(format_value(12.0), "12");
        assert_eq!(format_value(3.25), "3.25");
        assert_eq!(format_value(0.5), "0.5");
        assert_eq!(format_value(10.0 / 3.0), "3.33");
        assert_eq!(format_value(0.0), "0");
        assert_eq!(format_value(-0.001), "0");
    }

    #[test]
    fn neighbouring_series_never_share_a_grey_dash_or_marker() {
        for index in 0..12 {
            let (a, b) = (print_style(index), print_style(index + 1));
            assert!((a.grey - b.grey).abs() >= 0.2 || a.hatch != b.hatch);
            assert_ne!(a.dash, b.dash);
            assert_ne!(a.marker, b.marker);
        }
    }
}
