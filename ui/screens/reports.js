// Progress reports: the card on a mentorship's page where the comments, overall rating and
// recommendation of a period's report are written and the report is printed, and the screen
// that prints the reports of every mentorship under way in a period. What a report holds, and
// which recommendations the record allows, are core's; this module shows them and sends what
// was typed.

import * as api from '../api.js';
import {
  el, fieldBlock, fillFields, readFields, renderTable, markSelected, showError, clearErrors,
  setStatus, timeNow, confirmAction, setOptions,
} from '../forms.js';
import { documentBox } from '../documents.js';

const OTHER = 'other';

// Today on this computer as a date input takes it.
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const samePeriod = (a, b) => a !== null && b !== null && a.from === b.from && a.to === b.to;

// The period chooser both places share: the periods offered, grouped by cycle, then "Other
// dates…" with a from and a to date, which core names. `onChange(period)` hears the period
// chosen, or null while other dates are incomplete or refused (the refusal shows beside them).
function periodPicker(prefix, onChange) {
  const select = el('select', { id: `${prefix}-period`, name: 'period' });
  const from = el('input', { id: `${prefix}-period_from`, name: 'period_from', type: 'date' });
  const to = el('input', { id: `${prefix}-period_to`, name: 'period_to', type: 'date' });
  const field = (name, label, control, extra = '') => el('div', { class: `field${extra}`, dataset: { field: name } },
    el('label', { for: control.id, text: label }), control,
    el('p', { class: 'field-error', dataset: { for: name }, 'aria-live': 'polite' }));
  const dates = el('div', { class: 'grid report-dates', hidden: true },
    field('period_from', 'From', from), field('period_to', 'To', to));
  const block = el('div', { class: 'report-period' }, field('period', 'Period', select, ' wide'), dates);
  const state = { offered: [], chosen: null, token: 0 };

  function clearDateError() {
    for (const slot of dates.querySelectorAll('.field-error')) slot.textContent = '';
  }

  // Offers `periods` ({from, to, label, cycle, current, written}); the choice stays where it
  // still can, or falls on today's quarter.
  function offer(periods) {
    state.offered = periods;
    const keep = select.value === OTHER ? OTHER : null;
    const groups = new Map();
    periods.forEach((p, n) => {
      if (!groups.has(p.cycle)) groups.set(p.cycle, el('optgroup', { label: `Cycle ${p.cycle}` }));
      groups.get(p.cycle).append(el('option', {
        value: String(n), text: p.written ? `${p.label} (written)` : p.label,
      }));
    });
    select.replaceChildren(...groups.values(), el('option', { value: OTHER, text: 'Other dates…' }));
    const again = state.chosen === null ? -1 : periods.findIndex((p) => samePeriod(p, state.chosen));
    if (keep === OTHER && again === -1) {
      select.value = OTHER;
    } else if (again !== -1) {
      select.value = String(again);
    } else {
      const current = periods.findIndex((p) => p.current);
      select.value = periods.length === 0 ? OTHER : String(Math.max(current, 0));
    }
    dates.hidden = select.value !== OTHER;
    if (select.value !== OTHER) state.chosen = plain(state.offered[Number(select.value)]);
    else if (from.value === '' || to.value === '') state.chosen = null;
    return state.chosen;
  }

  const plain = (p) => ({ from: p.from, to: p.to, label: p.label });

  async function chooseDates() {
    clearDateError();
    state.chosen = null;
    if (from.value === '' || to.value === '') {
      onChange(null);
      return;
    }
    state.token += 1;
    const token = state.token;
    try {
      const period = await api.reportPeriod(from.value, to.value);
      if (token !== state.token) return;
      state.chosen = period;
      onChange(period);
    } catch (error) {
      if (token !== state.token) return;
      const slot = dates.querySelector(`.field-error[data-for="${error.field === 'period_from' ? 'period_from' : 'period_to'}"]`);
      slot.textContent = error.message;
      onChange(null);
    }
  }

  select.addEventListener('change', () => {
    clearDateError();
    dates.hidden = select.value !== OTHER;
    if (select.value === OTHER) {
      from.focus();
      chooseDates();
      return;
    }
    state.chosen = plain(state.offered[Number(select.value)]);
    onChange(state.chosen);
  });
  from.addEventListener('change', chooseDates);
  to.addEventListener('change', chooseDates);

  // Shows `period` as chosen: one of those offered, or its dates under "Other dates…".
  function choose(period) {
    clearDateError();
    const n = state.offered.findIndex((p) => samePeriod(p, period));
    select.value = n === -1 ? OTHER : String(n);
    dates.hidden = n !== -1;
    if (n === -1) {
      from.value = period.from;
      to.value = period.to;
    }
    state.chosen = plain(period);
  }

  function disable(off) {
    for (const control of [select, from, to]) control.disabled = off;
  }

  return { block, offer, choose, disable, chosen: () => state.chosen };
}

// Returns {section, load(mentorshipId)}: the "Progress reports" card of a mentorship's page, and
// what shows a mentorship's reports in it (null, for a mentorship not saved yet, hides it).
export function progressReportsSection(ctx) {
  const state = {
    mentorshipId: null, entry: null, scale: null, entries: [], removed: null, dirty: false, token: 0,
  };
  const FORM_ID = 'report';
  const fields = [
    { name: 'written_on', label: 'Written on', type: 'date', needed: 'Give the date the report was written.' },
    { name: 'overall_rating', label: 'Overall rating', type: 'select', ids: true },
    { name: 'recommendation', label: 'Recommendation', type: 'select', needed: 'Choose what the report recommends.' },
    {
      name: 'recommendation_reason', label: 'Reason for the recommendation', type: 'textarea', rows: 3,
      hint: 'Needed to extend, to terminate, or to complete with goals not achieved.',
    },
    { name: 'mentor_comments', label: 'Mentor\'s comments', type: 'textarea', rows: 3 },
    { name: 'protege_comments', label: 'Protégé\'s comments', type: 'textarea', rows: 3 },
  ];
  const block = Object.fromEntries(fields.map((f) => [f.name, fieldBlock(FORM_ID, f)]));
  const input = (name) => block[name].querySelector(`[name="${name}"]`);
  // The reason sits beside the recommendation it explains.
  block.recommendation_reason.classList.remove('wide');
  setOptions(input('recommendation'),
    (ctx.vocab.recommendation ?? []).map((e) => ({ value: e.code, label: e.label })), 'Choose…');

  const picker = periodPicker(FORM_ID, (period) => openPeriod(period));
  const written = el('p', { class: 'report-written', id: 'report-written', role: 'status' });
  const saveButton = el('button', { type: 'submit', id: 'report-save', class: 'primary small', text: 'Save report' });
  const removeButton = el('button', {
    type: 'button', id: 'report-remove', class: 'quiet small', text: 'Remove', onclick: () => remove(),
  });
  const confidential = el('input', { type: 'checkbox', id: 'report-include-confidential' });
  const printBox = documentBox({
    prefix: 'progress',
    label: 'Progress report',
    buttonText: 'Print report',
    print: async () => {
      // The choice holds for this one document only, so it is undone whatever happens.
      const include = confidential.checked;
      confidential.checked = false;
      return api.printProgressReport(state.mentorshipId, picker.chosen(), include);
    },
    ready: () => {
      if (picker.chosen() === null) return 'Choose the period to report on first.';
      if (state.dirty) return 'Save the report first: it prints what is saved.';
      return null;
    },
  });
  const editor = el('form', { id: 'report-editor', class: 'report-editor', novalidate: true, autocomplete: 'off' },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    picker.block,
    written,
    el('div', { class: 'grid report-grid' },
      block.written_on, block.overall_rating, block.recommendation, block.recommendation_reason,
      block.mentor_comments, block.protege_comments),
    el('div', { class: 'workplan-actions' },
      saveButton, removeButton, el('span', { class: 'form-status', role: 'status' })),
    el('div', { class: 'report-print' },
      el('label', { class: 'report-confidential', for: confidential.id }, confidential,
        el('span', { text: 'Include confidential session notes in this one document' })),
      printBox.button),
    printBox.box);
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
  // Choosing a period, or whether to print the confidential notes, is not a change to the report.
  editor.addEventListener('input', (event) => {
    if (!picker.block.contains(event.target) && event.target !== confidential) state.dirty = true;
  });

  const problem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const undoButton = el('button', { type: 'button', id: 'report-undo', class: 'secondary small', text: 'Undo', onclick: () => undoRemove() });
  const noticeText = el('span');
  const notice = el('p', { class: 'session-notice', role: 'status', hidden: true }, noticeText, undoButton);
  const table = el('table', { id: 'report-list', class: 'list compact' });
  const none = el('p', { class: 'section-note', text: 'No reports written for this mentorship yet.' });
  const section = el('section', { class: 'progress-reports', id: 'progress-reports', hidden: true },
    el('h2', { text: 'Progress reports' }),
    el('p', {
      class: 'section-note',
      text: 'A report is filled from the goals, ratings, sessions and actions logged for its period; '
        + 'only the comments, the overall rating and the recommendation are written here.',
    }),
    problem, notice, editor,
    el('h3', { text: 'Reports written' }), none, table);

  const recommendation = (code) => ctx.label('recommendation', code);
  const columns = [
    { label: 'Period', value: (e) => e.period_label },
    { label: 'Written on', value: (e) => e.written_on, class: 'nowrap' },
    { label: 'Recommendation', value: (e) => recommendation(e.recommendation), class: 'nowrap' },
    { label: 'Rating', value: (e) => (e.overall_rating === null ? '—' : String(e.overall_rating)), class: 'num' },
  ];

  function showProblem(error) {
    problem.textContent = error ? error.message : '';
    problem.hidden = !error;
  }

  function showNotice(text, undoable) {
    noticeText.textContent = text;
    undoButton.hidden = !undoable;
    notice.hidden = text === '';
  }

  // The rating drop-down offers the points of the entry's scale, in words.
  function offerRatings(scale) {
    state.scale = scale;
    setOptions(input('overall_rating'),
      scale.labels.map((label, n) => ({ value: String(n + 1), label: `${n + 1} – ${label}` })), 'No overall rating');
  }

  function renderList() {
    none.hidden = state.entries.length > 0;
    table.hidden = state.entries.length === 0;
    renderTable(table, columns, state.entries, {
      onOpen: (id) => openWritten(id), selectedId: state.entry?.id ?? null, empty: '',
    });
  }

  // Shows the entry of `period` for the mentorship, or a blank one dated today.
  async function openPeriod(period) {
    const token = state.token;
    clearErrors(editor);
    setStatus(editor, '');
    printBox.reset();
    if (period === null) {
      show(null, null);
      return;
    }
    try {
      const entry = await api.reportEntry(state.mentorshipId, period.from, period.to);
      const scale = await api.ratingScale(entry?.scale ?? null);
      if (token !== state.token || !samePeriod(picker.chosen(), period)) return;
      offerRatings(scale);
      show(period, entry);
    } catch (error) {
      if (token === state.token) showProblem(error);
    }
  }

  function show(period, entry) {
    state.entry = entry;
    state.dirty = false;
    const blank = {
      written_on: localToday(), overall_rating: null, recommendation: null, recommendation_reason: '',
      mentor_comments: '', protege_comments: '',
    };
    fillFields(editor, fields, entry ?? blank);
    for (const f of fields) input(f.name).disabled = period === null;
    saveButton.disabled = period === null;
    removeButton.hidden = !entry;
    written.replaceChildren();
    if (period !== null) {
      written.append(entry
        ? el('span', { class: 'pill pill-active', text: `Written on ${entry.written_on}` })
        : el('span', { class: 'pill pill-muted', text: 'Not written yet' }));
    }
    markSelected(table, entry?.id ?? null);
  }

  function openWritten(id) {
    const entry = state.entries.find((e) => e.id === id);
    if (!entry) return;
    showNotice('', false);
    picker.choose({ from: entry.period_from, to: entry.period_to, label: entry.period_label });
    openPeriod(picker.chosen());
    editor.scrollIntoView({ block: 'nearest' });
  }

  // Reads the periods and the reports written again; the chosen period stays.
  async function refresh() {
    const token = state.token;
    const [periods, entries] = await Promise.all([
      api.reportPeriods(state.mentorshipId), api.reportEntries(state.mentorshipId),
    ]);
    if (token !== state.token) return null;
    state.entries = entries;
    renderList();
    return picker.offer(periods);
  }

  // Saves the report; a refusal shows next to the field core names and keeps what was typed.
  async function save() {
    clearErrors(editor);
    const period = picker.chosen();
    if (period === null) {
      showError(editor, { message: 'Choose the period the report covers.' }, 'period');
      return;
    }
    const { values, problems } = readFields(editor, fields);
    if (problems.length > 0) {
      showError(editor, { code: 'invalid', ...problems[0] });
      return;
    }
    const entry = {
      id: state.entry?.id ?? null,
      mentorship_id: state.mentorshipId,
      period_from: period.from,
      period_to: period.to,
      period_label: period.label,
      scale: state.scale.scale,
      ...values,
    };
    saveButton.disabled = true;
    setStatus(editor, 'Saving…');
    try {
      await api.saveReportEntry(entry);
      await refresh();
      await openPeriod(period);
      setStatus(editor, `Saved at ${timeNow()}.`);
    } catch (error) {
      showError(editor, error);
    } finally {
      saveButton.disabled = false;
    }
  }

  // A report removed by mistake can be written back at once from the notice.
  async function remove() {
    const entry = state.entry;
    const sure = await confirmAction({
      title: 'Remove this report?',
      message: `What was written on the report for ${entry.period_label} (comments, rating and recommendation) is removed. The logged sessions and ratings stay.`,
      confirm: 'Remove report',
    });
    if (!sure) return;
    try {
      await api.removeReportEntry(entry.id);
      state.removed = entry;
      await refresh();
      await openPeriod(picker.chosen());
      showNotice(`The report for ${entry.period_label} was removed.`, true);
    } catch (error) {
      showError(editor, error);
    }
  }

  async function undoRemove() {
    const entry = state.removed;
    if (!entry) return;
    try {
      await api.saveReportEntry({ ...entry, id: null });
      state.removed = null;
      showNotice(`The report for ${entry.period_label} is back.`, false);
      picker.choose({ from: entry.period_from, to: entry.period_to, label: entry.period_label });
      await refresh();
      await openPeriod(picker.chosen());
    } catch (error) {
      showProblem(error);
    }
  }

  // Shows the reports of the mentorship `id`, opening today's quarter.
  async function load(id) {
    state.token += 1;
    state.mentorshipId = id;
    state.entries = [];
    state.removed = null;
    showProblem(null);
    showNotice('', false);
    confidential.checked = false;
    section.hidden = id === null;
    if (id === null) return;
    const token = state.token;
    try {
      const period = await refresh();
      if (token === state.token) await openPeriod(period);
    } catch (error) {
      if (token === state.token) showProblem(error);
    }
  }

  return { section, load };
}

// The "Progress reports" screen: prints the report of every mentorship under way in a period,
// with a progress bar fed by the shell as each report is written.
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
