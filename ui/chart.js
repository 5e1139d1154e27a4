// Draws a chart that core sends (`core::chart::Chart` as JSON: title, kind, categories, series,
// value_label, empty) as an SVG figure built with DOM calls, looking like the same chart on
// paper (`core/src/document/pdf/chart.rs`): bars told apart by grey and hatching, lines by dash
// and marker, never by colour alone, and every bar with its value. The figure says what it
// shows in its aria-label and carries the numbers in a table only screen readers announce.
// Which figures a chart holds is core's; this module only draws them.

import { el } from './forms.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const PLOT_HEIGHT = 200;
const TEXT = 12;
const SMALL = 11;
const CATEGORY_LINES = 3;
const INK = 'currentColor';
const GRID = '#d1d5db';
const NOTE = '#4f5d6b';

// The series' looks in the order core's `chart::print_style` gives them, so that the screen
// and the printed report agree on which grey, hatching, dashes and marker a series has.
const STYLES = [
  { grey: 0.3, hatch: null, dash: null, marker: 'disc' },
  { grey: 1.0, hatch: 'rising', dash: '5 3', marker: 'square' },
  { grey: 0.72, hatch: null, dash: '1.2 2.2', marker: 'triangle' },
  { grey: 1.0, hatch: 'crossed', dash: '9 3 1.5 3', marker: 'diamond' },
  { grey: 0.5, hatch: 'falling', dash: '10 4', marker: 'cross' },
  { grey: 0.88, hatch: 'horizontal', dash: '8 3 1.5 3 1.5 3', marker: 'ring' },
];

const styleOf = (index) => STYLES[index % STYLES.length];

const KIND_WORDS = { bars: 'Bar chart', stacked_bars: 'Stacked bar chart', lines: 'Line chart' };

let figures = 0;

// Creates an SVG element; text goes in as a text node, never as markup.
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

// The value of a series in a category as core counts it (`Chart::value`): missing, not a
// number or negative is no value.
function value(chart, series, category) {
  if (category >= chart.categories.length) return null;
  const v = chart.series[series]?.values[category];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function values(chart) {
  const found = [];
  chart.series.forEach((_, s) => chart.categories.forEach((__, c) => {
    const v = value(chart, s, c);
    if (v !== null) found.push(v);
  }));
  return found;
}

function total(chart, category) {
  return chart.series.reduce((sum, _, s) => sum + (value(chart, s, category) ?? 0), 0);
}

// As `Chart::has_data`: some value above zero.
const hasData = (chart) => values(chart).some((v) => v > 0);

// As `Chart::ticks`: from 0 to a round maximum (at most 10^300) in four to six steps of 1, 2 or 5
// times a power of ten, whole when every value is whole, never finer than 0.01.
function ticks(chart) {
  const all = values(chart);
  const max = chart.kind === 'stacked_bars'
    ? Math.max(0, ...chart.categories.map((_, c) => total(chart, c)))
    : Math.max(0, ...all);
  const top = max > 0 ? Math.min(max, 1e300) : 1;
  const counts = all.every((v) => Number.isInteger(v));
  const scaled = (mantissa, exponent) => (exponent >= 0
    ? mantissa * 10 ** exponent : mantissa / 10 ** -exponent);
  for (let e = Math.max(Math.floor(Math.log10(top)) - 1, counts ? 0 : -2); ; e += 1) {
    for (const mantissa of [1, 2, 5]) {
      const intervals = Math.max(1, Math.ceil(top / scaled(mantissa, e) - 1e-9));
      if (intervals <= 5) {
        return Array.from({ length: Math.max(intervals, 3) + 1 }, (_, i) => scaled(i * mantissa, e));
      }
    }
  }
}

// As `chart::format_value`: whole numbers without decimals, others with at most two.
const formatValue = (v) => String(Number(v.toFixed(2)));

// An estimate of a text's width: the window draws with the system's font, which a script
// cannot measure without a canvas, and a label only needs to be about right to wrap.
const textWidth = (text, size) => text.length * size * 0.56;

// A category's label in at most `most` lines of about `width`, the last one shortened with an
// ellipsis when the label needs more.
function labelLines(text, size, width, most) {
  const perLine = Math.max(3, Math.floor(width / (size * 0.56)));
  const words = text.split(/\s+/).filter(Boolean)
    .map((w) => (w.length > perLine ? `${w.slice(0, perLine - 1)}…` : w));
  const lines = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= perLine) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  if (lines.length > most) {
    const rest = lines.slice(most - 1).join(' ');
    lines.length = most - 1;
    lines.push(`${rest.slice(0, perLine - 1)}…`);
  }
  return lines.length ? lines : [''];
}

const hex = (grey) => {
  const level = Math.round(Math.min(1, Math.max(0, grey)) * 255).toString(16).padStart(2, '0');
  return `#${level}${level}${level}`;
};

// A <pattern> for each hatched series: its grey behind black lines.
function patterns(id, count) {
  const defs = svg('defs');
  for (let index = 0; index < count; index += 1) {
    const style = styleOf(index);
    if (!style.hatch) continue;
    const angle = { rising: 45, falling: -45, crossed: 45, horizontal: 0 }[style.hatch];
    defs.append(svg('pattern', {
      id: `${id}-s${index}`, width: 5, height: 5, patternUnits: 'userSpaceOnUse',
      patternTransform: angle ? `rotate(${angle})` : null,
    },
    svg('rect', { width: 5, height: 5, fill: hex(style.grey) }),
    style.hatch === 'horizontal'
      ? svg('line', { x1: 0, y1: 2.5, x2: 5, y2: 2.5, stroke: '#000', 'stroke-width': 0.9 })
      : svg('line', { x1: 0, y1: 0, x2: 0, y2: 5, stroke: '#000', 'stroke-width': 1.2 }),
    style.hatch === 'crossed'
      ? svg('line', { x1: 0, y1: 0, x2: 5, y2: 0, stroke: '#000', 'stroke-width': 1.2 }) : null));
  }
  return defs;
}

const barFill = (id, index) => (styleOf(index).hatch ? `url(#${id}-s${index})` : hex(styleOf(index).grey));

function bar(id, index, x, y, width, height) {
  return svg('rect', {
    x, y, width: Math.max(0, width), height: Math.max(0, height),
    fill: barFill(id, index), stroke: '#000', 'stroke-width': 0.8,
  });
}

function marker(kind, x, y) {
  const r = 3.6;
  const h = r * 1.3;
  const outline = { fill: '#fff', stroke: '#000', 'stroke-width': 1.1 };
  const polygon = (corners, paint) => svg('polygon', { points: corners.map((p) => p.join(',')).join(' '), ...paint });
  switch (kind) {
    case 'disc': return svg('circle', { cx: x, cy: y, r, fill: '#000' });
    case 'ring': return svg('circle', { cx: x, cy: y, r, ...outline });
    case 'square':
      return svg('rect', { x: x - r * 0.9, y: y - r * 0.9, width: r * 1.8, height: r * 1.8, ...outline });
    case 'triangle':
      return polygon([[x, y - h], [x + r * 1.2, y + r * 0.8], [x - r * 1.2, y + r * 0.8]], { fill: '#000' });
    case 'diamond': return polygon([[x, y - h], [x + h, y], [x, y + h], [x - h, y]], outline);
    default: return svg('path', { d: `M${x - h} ${y}H${x + h}M${x} ${y - h}V${y + h}`, stroke: '#000', 'stroke-width': 1.6 });
  }
}

function swatch(id, chart, index, x, y) {
  if (chart.kind === 'lines') {
    const style = styleOf(index);
    return svg('g', {},
      svg('line', { x1: x, y1: y, x2: x + 26, y2: y, stroke: '#000', 'stroke-width': 1.8, 'stroke-dasharray': style.dash }),
      marker(style.marker, x + 13, y));
  }
  return bar(id, index, x + 3, y - 6, 20, 12);
}

// Text at (x, y): `anchor` is start, middle or end, and `extra` adds attributes.
const label = (x, y, size, text, anchor = 'start', extra = {}) => svg('text', {
  x, y, 'font-size': size, 'text-anchor': anchor === 'start' ? null : anchor, fill: INK, text, ...extra,
});

// The legend's rows: each series' swatch and name, as many to a row as fit.
function legend(id, chart, top) {
  const group = svg('g');
  let x = 0;
  let y = top;
  chart.series.forEach((series, index) => {
    const width = 32 + textWidth(series.name, TEXT);
    if (x > 0 && x + width > WIDTH) {
      x = 0;
      y += 20;
    }
    group.append(swatch(id, chart, index, x, y), label(x + 32, y + 4, TEXT, series.name));
    x += width + 18;
  });
  return { group, bottom: y + 14 };
}

function bars(id, chart, plot, group) {
  const count = Math.max(1, chart.series.length);
  const width = Math.min(plot.slot * 0.75 / count, 48);
  chart.categories.forEach((_, c) => {
    const start = plot.centre(c) - (width * count) / 2;
    chart.series.forEach((__, s) => {
      const v = value(chart, s, c);
      if (v === null) return;
      const x = start + s * width;
      const gap = Math.min(width * 0.08, 2);
      group.append(bar(id, s, x + gap, plot.y(v), width - 2 * gap, plot.bottom - plot.y(v)),
        label(x + width / 2, plot.y(v) - 4, SMALL, formatValue(v), 'middle'));
    });
  });
}

function stackedBars(id, chart, plot, group) {
  const width = Math.min(plot.slot * 0.5, 64);
  chart.categories.forEach((_, c) => {
    const x = plot.centre(c) - width / 2;
    let below = 0;
    const labels = [];
    chart.series.forEach((__, s) => {
      const v = value(chart, s, c);
      if (v === null || v === 0) return;
      const bottom = plot.y(below);
      below += v;
      const top = plot.y(below);
      group.append(bar(id, s, x, top, width, bottom - top));
      // A part's value sits on a white patch so that it reads over any fill or hatching; a
      // part too thin for it goes without, the total above the stack still being written.
      const text = formatValue(v);
      const wide = textWidth(text, SMALL);
      if (chart.series.length > 1 && bottom - top >= SMALL + 4 && wide + 6 <= width) {
        const middle = (top + bottom) / 2;
        labels.push(
          svg('rect', { x: plot.centre(c) - wide / 2 - 2, y: middle - SMALL / 2 - 1, width: wide + 4, height: SMALL + 2, fill: '#fff' }),
          label(plot.centre(c), middle + SMALL * 0.36, SMALL, text, 'middle', { fill: '#000' }));
      }
    });
    const sum = total(chart, c);
    group.append(...labels,
      label(plot.centre(c), plot.y(sum) - 4, SMALL, formatValue(sum), 'middle', { 'font-weight': 600 }));
  });
}

function lines(chart, plot, group) {
  const points = chart.series.map((_, s) => chart.categories.map((__, c) => {
    const v = value(chart, s, c);
    return v === null ? null : [plot.centre(c), plot.y(v)];
  }));
  points.forEach((series, s) => {
    let run = [];
    const flush = () => {
      if (run.length > 1) {
        group.append(svg('polyline', {
          points: run.map((p) => p.join(',')).join(' '),
          fill: 'none',
          stroke: '#000',
          'stroke-width': 1.8,
          'stroke-dasharray': styleOf(s).dash,
        }));
      }
      run = [];
    };
    for (const point of series) {
      if (point) run.push(point);
      else flush();
    }
    flush();
  });
  points.forEach((series, s) => {
    for (const point of series) if (point) group.append(marker(styleOf(s).marker, point[0], point[1]));
  });
}

// The numbers as a table, for screen readers: a row per category, a column per series (and
// the total of a stack).
function dataTable(chart) {
  const stacked = chart.kind === 'stacked_bars';
  const cell = (s, c) => {
    const v = value(chart, s, c);
    return v === null ? '–' : formatValue(v);
  };
  return el('table', { class: 'visually-hidden' },
    el('caption', { text: `${chart.title} (${chart.value_label})` }),
    el('thead', {}, el('tr', {},
      el('td'),
      chart.series.map((s) => el('th', { scope: 'col', text: s.name })),
      stacked ? el('th', { scope: 'col', text: 'Total' }) : null)),
    el('tbody', {}, chart.categories.map((category, c) => el('tr', {},
      el('th', { scope: 'row', text: category }),
      chart.series.map((_, s) => el('td', { text: cell(s, c) })),
      stacked ? el('td', { text: formatValue(total(chart, c)) }) : null))));
}

function summary(chart) {
  const categories = chart.categories;
  const span = categories.length > 1 ? `${categories[0]} to ${categories[categories.length - 1]}` : categories[0];
  const names = chart.series.map((s) => s.name).join(', ');
  return `${chart.title}. ${KIND_WORDS[chart.kind] ?? 'Chart'} of ${chart.value_label} for ${span}; `
    + `series: ${names}. The values follow in a table.`;
}

// The chart as a <figure>: the drawing, and for screen readers a table of its numbers. A chart
// without data is its title and its `empty` note in a frame, as on paper.
export function chartFigure(chart) {
  figures += 1;
  const id = `chart-${figures}`;
  const title = label(0, 16, 14, chart.title, 'start', { 'font-weight': 600 });
  if (!hasData(chart)) {
    const height = 100;
    const drawing = svg('svg', {
      viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': `${chart.title}. ${chart.empty}`,
    }, title,
    svg('rect', { x: 0.5, y: 28.5, width: WIDTH - 1, height: 64, fill: 'none', stroke: GRID, 'stroke-width': 1 }),
    label(WIDTH / 2, 65, 13, chart.empty, 'middle', { fill: NOTE }));
    return el('figure', { class: 'chart' }, drawing);
  }

  const { group: key, bottom: legendBottom } = legend(id, chart, 36);
  const axis = ticks(chart);
  const labelWidth = Math.max(...axis.map((t) => textWidth(formatValue(t), TEXT)));
  const noteTop = legendBottom + 16;
  const left = labelWidth + 10;
  const top = noteTop + 20;
  const max = axis[axis.length - 1];
  const plot = {
    top,
    bottom: top + PLOT_HEIGHT,
    slot: (WIDTH - left) / Math.max(1, chart.categories.length),
    y(v) { return this.bottom - Math.min(1, Math.max(0, v / max)) * PLOT_HEIGHT; },
    centre(c) { return left + (c + 0.5) * this.slot; },
  };

  const grid = svg('g', {});
  for (const tick of axis) {
    const y = plot.y(tick);
    if (tick > 0) grid.append(svg('line', { x1: left, y1: y, x2: WIDTH, y2: y, stroke: GRID, 'stroke-width': 1 }));
    grid.append(label(left - 6, y + 4, TEXT, formatValue(tick), 'end'));
  }
  const marks = svg('g', {});
  if (chart.kind === 'bars') bars(id, chart, plot, marks);
  else if (chart.kind === 'stacked_bars') stackedBars(id, chart, plot, marks);
  else lines(chart, plot, marks);

  const categories = svg('g', {});
  let bottom = plot.bottom;
  chart.categories.forEach((category, c) => {
    const rows = labelLines(category, TEXT, plot.slot - 6, CATEGORY_LINES);
    const name = svg('text', { 'text-anchor': 'middle', 'font-size': TEXT, fill: INK },
      svg('title', { text: category }),
      rows.map((row, n) => svg('tspan', { x: plot.centre(c), y: plot.bottom + 16 + n * 14, text: row })));
    categories.append(name);
    bottom = Math.max(bottom, plot.bottom + 20 + (rows.length - 1) * 14);
  });

  const height = Math.ceil(bottom + 4);
  const drawing = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': summary(chart),
  },
  patterns(id, chart.series.length),
  title,
  key,
  label(0, noteTop + 4, SMALL, chart.value_label, 'start', { fill: NOTE }),
  grid,
  marks,
  svg('line', { x1: left, y1: plot.bottom, x2: WIDTH, y2: plot.bottom, stroke: '#000', 'stroke-width': 1.2 }),
  svg('line', { x1: left, y1: plot.top - 6, x2: left, y2: plot.bottom, stroke: '#000', 'stroke-width': 1.2 }),
  categories);
  return el('figure', { class: 'chart' }, drawing, dataTable(chart));
}
