// The Progress reports screen: prints the report of every mentorship under way in a period, with
// a progress bar fed by the shell as each report is written. What a report holds is core's; the
// comments, ratings and recommendations are written on each mentorship's page
// (mentorship/reports.js).

import * as api from '../api.js';
import { el } from '../forms.js';
import { periodPicker } from '../periods.js';

export function progressReportsScreen() {
  const section = window.document.getElementById('screen-reports');
  const state = { printing: false, first: null, token: 0 };
  const picker = periodPicker('reports', () => count());
  const counted = el('p', { class: 'reports-count', id: 'reports-count', 'aria-live': 'polite' });
  const printButton = el('button', {
    type: 'button', id: 'reports-print-all', class: 'primary', text: 'Print all', onclick: () => printAll(),
  });
  const bar = el('progress', { id: 'reports-progress', max: 1, value: 0 });
  const barText = el('span', { id: 'reports-progress-text', class: 'reports-progress-text', 'aria-live': 'polite' });
  const progress = el('div', { class: 'reports-progress', hidden: true }, bar, barText);
  const folder = el('code', { id: 'reports-folder', class: 'path' });
  const summary = el('p', { id: 'reports-summary', class: 'reports-summary' });
  const failures = el('ul', { id: 'reports-failures', class: 'reports-failures' });
  const openButton = el('button', {
    type: 'button', id: 'reports-open-first', class: 'secondary small', text: 'Open the first report',
    onclick: () => openFirst(),
  });
  const status = el('p', { class: 'document-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { class: 'document-box reports-result', id: 'reports-result', hidden: true },
    summary, folder, failures, el('div', { class: 'document-actions' }, openButton), status);
  const problem = el('p', { class: 'screen-error', role: 'alert', hidden: true });

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Progress reports' })),
    el('p', {
      class: 'section-note',
      text: 'Prints the progress report of every mentorship under way in a period, each filled from its '
        + 'goals, ratings, sessions and actions. Comments, ratings and recommendations are written on '
        + 'each mentorship\'s page; confidential session notes are never printed here.',
    }),
    problem,
    el('div', { class: 'card reports-card' },
      picker.block, counted,
      el('div', { class: 'reports-actions' }, printButton, progress),
      result));

  function showProblem(error) {
    problem.textContent = error ? error.message : '';
    problem.hidden = !error;
  }

  // Says how many mentorships the chosen period reports on.
  async function count() {
    state.token += 1;
    const token = state.token;
    const period = picker.chosen();
    printButton.disabled = period === null || state.printing;
    if (period === null) {
      counted.textContent = 'Choose the period to report on.';
      return;
    }
    try {
      const n = await api.reportableMentorships(period.from, period.to);
      if (token !== state.token) return;
      counted.textContent = n === 0
        ? `No mentorship is under way from ${period.from} to ${period.to}: there is nothing to print.`
        : `${n === 1 ? '1 mentorship is' : `${n} mentorships are`} under way in ${period.label}: `
          + `${n === 1 ? 'its report' : `${n} reports`} will be printed.`;
      printButton.disabled = n === 0 || state.printing;
      showProblem(null);
    } catch (error) {
      if (token === state.token) showProblem(error);
    }
  }

  function showProgress({ done, total, name }) {
    // A late word from the shell must not cover the final count.
    if (!state.printing) return;
    bar.max = Math.max(total, 1);
    bar.value = done;
    barText.textContent = `${done} of ${total} printed — ${name}`;
  }

  async function printAll() {
    const period = picker.chosen();
    if (period === null || state.printing) return;
    state.printing = true;
    printButton.disabled = true;
    picker.disable(true);
    result.hidden = true;
    status.textContent = '';
    bar.removeAttribute('value');
    barText.textContent = 'Starting…';
    progress.hidden = false;
    try {
      const answer = await api.printProgressReports(period, showProgress);
      state.printing = false;
      state.first = answer.first;
      const total = answer.count + answer.failures.length;
      bar.max = Math.max(total, 1);
      bar.value = total;
      barText.textContent = `Finished: ${answer.count} of ${total} printed.`;
      summary.textContent = `${answer.count === 1 ? '1 report' : `${answer.count} reports`} for ${period.label} printed into:`;
      folder.textContent = answer.folder;
      failures.replaceChildren(...answer.failures.map((f) => el('li', {},
        el('strong', { text: `${f.name}: ` }), f.message)));
      if (answer.failures.length > 0) {
        failures.prepend(el('li', {
          class: 'reports-failures-head',
          text: `${answer.failures.length === 1 ? 'One report' : `${answer.failures.length} reports`} could not be printed:`,
        }));
      }
      openButton.hidden = answer.first === null;
      result.hidden = false;
      showProblem(null);
    } catch (error) {
      progress.hidden = true;
      showProblem(error);
    } finally {
      state.printing = false;
      picker.disable(false);
      printButton.disabled = picker.chosen() === null;
    }
  }

  async function openFirst() {
    if (!state.first) return;
    try {
      await api.openDocument(state.first);
      status.textContent = 'Opened in the PDF viewer.';
      status.classList.remove('error');
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('error');
    }
  }

  async function show() {
    if (state.printing) return;
    try {
      picker.offer(await api.reportPeriods(null));
      await count();
    } catch (error) {
      showProblem(error);
    }
  }

  return { section, show };
}
