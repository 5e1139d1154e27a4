// The Programme report screen: how the programme did in a period, drawn section by section
// (each table with its caption, the notes, each chart), with the named appendix only when asked
// for; printed as a PDF or exported as CSV files or one Excel workbook. What is counted, which
// counts read "fewer than 3" and how every table and chart reads are core's (`programme`);
// this screen only draws what core sends, the same report the PDF prints.

import * as api from '../api.js';
import { el } from '../forms.js';
import { periodPicker } from '../periods.js';
import { chartFigure } from '../chart.js';
import { documentBox } from '../documents.js';
import { exportButtons } from '../exports.js';

// Whether column `i` of a table holds only figures (counts, shares, averages, or the words
// that stand in for a hidden count), which line up on the right; a column of words does not.
const FIGURE = /^([\d.,%–-]+|fewer than .*|not shown)$/;
function figures(table, i) {
  return table.rows.every((row) => FIGURE.test(row[i] ?? ''));
}

// A table of the report under its title. The first cell of a row names it; `numeric(i)` says
// which columns hold figures, which line up on the right.
function figureTable(table, numeric) {
  const cell = (text, i) => (i === 0
    ? el('th', { scope: 'row', text })
    : el('td', { class: numeric(i) ? 'num' : null, text }));
  const rows = table.rows.length === 0
    ? [el('tr', { class: 'empty' }, el('td', { colspan: table.columns.length, text: 'Nothing to count in this period.' }))]
    : table.rows.map((row) => el('tr', {}, row.map(cell)));
  return el('table', { class: 'list compact figure-table' },
    el('caption', { text: table.title }),
    el('thead', {}, el('tr', {}, table.columns.map((column, i) => el('th', {
      scope: 'col', class: i > 0 && numeric(i) ? 'num' : null, text: column,
    })))),
    el('tbody', {}, rows));
}

// A section as the PDF numbers it: its heading, tables, notes and charts, in that order.
function reportSection(section, n) {
  const id = `programme-section-${n}`;
  return el('section', { class: 'programme-section', id, 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title`, text: `${n}. ${section.title}` }),
    section.tables.map((table) => figureTable(table, (i) => i > 0 && figures(table, i))),
    section.notes.map((note) => el('p', { class: 'section-note', text: note })),
    section.charts.map(chartFigure));
}

// The evaluations' written answers, without names, when the officer asks for them.
function commentsSection(table) {
  return el('section', {
    class: 'programme-section', id: 'programme-comments', 'aria-labelledby': 'programme-comments-title',
  },
  el('h2', { id: 'programme-comments-title', text: 'Written answers' }),
  figureTable(table, () => false));
}

// The named appendix: names and kinds, then each mentorship's sessions.
function appendixSection(table) {
  return el('section', {
    class: 'programme-section', id: 'programme-appendix', 'aria-labelledby': 'programme-appendix-title',
  },
  el('h2', { id: 'programme-appendix-title', text: 'Appendix' }),
  el('p', { class: 'section-note', text: 'The appendix names people: keep what you print or export of it confidential.' }),
  figureTable(table, (i) => i === table.columns.length - 1));
}

export function programmeReportScreen() {
  const section = document.getElementById('screen-programme');
  const state = { token: 0 };
  const picker = periodPicker('programme', () => load());
  const withNames = el('input', { type: 'checkbox', id: 'programme-with-names' });
  const withComments = el('input', { type: 'checkbox', id: 'programme-with-comments' });
  const options = () => ({ with_names: withNames.checked, with_comments: withComments.checked });
  const printBox = documentBox({
    prefix: 'programme',
    label: 'Programme report',
    buttonText: 'Print',
    print: () => api.printProgrammeReport(picker.chosen(), options()),
    ready: () => (picker.chosen() === null ? 'Choose the period to report on first.' : null),
  });
  const exporting = exportButtons({
    prefix: 'programme-export',
    noun: 'tables',
    csvText: 'Export CSV',
    xlsxText: 'Export Excel',
    run: (format) => api.exportProgrammeReport(picker.chosen(), format, options()),
  });
  const status = el('p', { class: 'programme-status', id: 'programme-status', role: 'status', 'aria-live': 'polite' });
  const report = el('div', { class: 'programme-report', id: 'programme-report' });
  const problem = el('p', { class: 'screen-error', role: 'alert', hidden: true });

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Programme report' })),
    el('p', {
      class: 'section-note',
      text: 'How the programme did in a period: who takes part, what the mentorships did and achieved, '
        + 'how much the mentors carried, and employment equity beside all staff. To protect small groups, '
        + 'a count of a few people reads "fewer than" the smallest count in Settings. No one is named '
        + 'unless you include the appendix.',
    }),
    problem,
    el('div', { class: 'card programme-card' },
      picker.block,
      el('label', { class: 'filter check programme-names', for: withNames.id }, withNames,
        el('span', { text: 'Include the named appendix' })),
      el('label', { class: 'filter check programme-names', for: withComments.id }, withComments,
        el('span', { text: 'Include the written answers of the evaluations' })),
      el('div', { class: 'toolbar programme-actions' }, printBox.button, exporting.csvButton, exporting.xlsxButton),
      printBox.box,
      exporting.result),
    status,
    report);

  function showProblem(error) {
    problem.textContent = error ? error.message : '';
    problem.hidden = !error;
  }

  function render(view) {
    report.replaceChildren(
      ...view.sections.map((s, n) => reportSection(s, n + 1)),
      view.comments ? commentsSection(view.comments) : null,
      view.appendix ? appendixSection(view.appendix) : null);
  }

  // Counts the report for the chosen period again; a later choice wins over an earlier answer.
  async function load() {
    state.token += 1;
    const token = state.token;
    const period = picker.chosen();
    printBox.reset();
    printBox.button.disabled = period === null;
    exporting.disable(period === null);
    if (period === null) {
      status.textContent = 'Choose the period to report on.';
      report.replaceChildren();
      return;
    }
    status.textContent = `Counting the figures for ${period.label}…`;
    report.setAttribute('aria-busy', 'true');
    try {
      const view = await api.programmeReport(period, options());
      if (token !== state.token) return;
      render(view);
      status.textContent = `Figures for ${view.period.label}, counted from today's records.`;
      showProblem(null);
    } catch (error) {
      if (token !== state.token) return;
      status.textContent = '';
      report.replaceChildren();
      showProblem(error);
    } finally {
      if (token === state.token) report.removeAttribute('aria-busy');
    }
  }

  withNames.addEventListener('change', () => load());
  withComments.addEventListener('change', () => load());

  async function show() {
    try {
      picker.offer(await api.reportPeriods(null));
      await load();
    } catch (error) {
      showProblem(error);
    }
  }

  return { section, show };
}
