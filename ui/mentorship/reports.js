// The "Progress reports" card of a mentorship's page: where the comments, overall rating and
// recommendation of a period's report are written and the report is printed, with the reports
// written so far. What a report holds, and which recommendations the record allows, are core's;
// this module shows them and sends what was typed. Printing every mentorship's report at once
// is the Progress reports screen's.

import * as api from '../api.js';
import { el, fillFields, markSelected, clearErrors, setStatus, setOptions } from '../forms.js';
import { recordCard } from '../card.js';
import { documentBox } from '../documents.js';
import { periodPicker, samePeriod } from '../periods.js';
import { localToday } from '../dates.js';

// Returns {section, load(mentorshipId)}: the "Progress reports" card of a mentorship's page, and
// what shows a mentorship's reports in it (null, for a mentorship not saved yet, hides it).
export function progressReportsSection(ctx) {
  const state = { scale: null, dirty: false };
  const fields = [
    { name: 'written_on', label: 'Written on', type: 'date', needed: 'Give the date the report was written.' },
    { name: 'overall_rating', label: 'Overall rating', type: 'select', ids: true },
    {
      name: 'recommendation', label: 'Recommendation', type: 'select', source: { vocab: 'recommendation' },
      blank: 'Choose…', needed: 'Choose what the report recommends.',
    },
    {
      name: 'recommendation_reason', label: 'Reason for the recommendation', type: 'textarea', rows: 3,
      hint: 'Needed to extend, to terminate, or to complete with goals not achieved.',
    },
    { name: 'mentor_comments', label: 'Mentor\'s comments', type: 'textarea', rows: 3 },
    { name: 'protege_comments', label: 'Protégé\'s comments', type: 'textarea', rows: 3 },
  ];

  const picker = periodPicker('report', (period) => openPeriod(period));
  const written = el('p', { class: 'report-written', id: 'report-written', role: 'status' });
  const confidential = el('input', { type: 'checkbox', id: 'report-include-confidential' });
  const printBox = documentBox({
    prefix: 'progress',
    label: 'Progress report',
    buttonText: 'Print report',
    print: async () => {
      // The choice holds for this one document only, so it is undone whatever happens.
      const include = confidential.checked;
      confidential.checked = false;
      return api.printProgressReport(card.mentorshipId, picker.chosen(), include);
    },
    ready: () => {
      if (picker.chosen() === null) return 'Choose the period to report on first.';
      if (state.dirty) return 'Save the report first: it prints what is saved.';
      return null;
    },
  });
  const none = el('p', { class: 'section-note', text: 'No reports written for this mentorship yet.' });

  const recommendation = (code) => ctx.label('recommendation', code);
  const card = recordCard(ctx, {
    prefix: 'report',
    commands: { save: 'save_report_entry', remove: 'remove_report_entry' },
    id: 'progress-reports',
    class: 'progress-reports',
    title: 'Progress reports',
    editorClass: 'report-editor',
    noticeClass: 'session-notice',
    saveLabel: 'Save report',
    alwaysOpen: true,
    fields,
    body(block) {
      // The reason sits beside the recommendation it explains.
      block.recommendation_reason.classList.remove('wide');
      return [
        picker.block,
        written,
        el('div', { class: 'grid report-grid' },
          block.written_on, block.overall_rating, block.recommendation, block.recommendation_reason,
          block.mentor_comments, block.protege_comments),
      ];
    },
    after: [
      el('div', { class: 'report-print' },
        el('label', { class: 'report-confidential', for: confidential.id }, confidential,
          el('span', { text: 'Include confidential session notes in this one document' })),
        printBox.button),
      printBox.box,
    ],
    layout: ({ problem, notice, table, editor }) => [
      el('p', {
        class: 'section-note',
        text: 'A report is filled from the goals, ratings, sessions and actions logged for its period; '
          + 'only the comments, the overall rating and the recommendation are written here.',
      }),
      problem, notice, editor,
      el('h3', { text: 'Reports written' }), none, table,
    ],
    columns: [
      { label: 'Period', value: (e) => e.period_label },
      { label: 'Written on', value: (e) => e.written_on, class: 'nowrap' },
      { label: 'Recommendation', value: (e) => recommendation(e.recommendation), class: 'nowrap' },
      { label: 'Rating', value: (e) => (e.overall_rating === null ? '—' : String(e.overall_rating)), class: 'num' },
    ],
    list: api.reportEntries,
    rendered: (entries) => { none.hidden = entries.length > 0; },
    // The periods are read again with the reports; the chosen period stays.
    more: (mentorshipId) => api.reportPeriods(mentorshipId),
    showMore: (periods) => picker.offer(periods),
    openRow: (id) => openWritten(id),
    collect(values, problems) {
      const period = picker.chosen();
      if (period === null) {
        problems.unshift({ field: 'period', message: 'Choose the period the report covers.' });
        return null;
      }
      return {
        id: card.open?.id ?? null,
        mentorship_id: card.mentorshipId,
        period_from: period.from,
        period_to: period.to,
        period_label: period.label,
        scale: state.scale.scale,
        ...values,
      };
    },
    save: api.saveReportEntry,
    // After a save, a removal or an undo the editor shows the chosen period again; Undo first
    // chooses the period of the report it brought back.
    reopen(restored) {
      if (restored) picker.choose({ from: restored.period_from, to: restored.period_to, label: restored.period_label });
      return openPeriod(picker.chosen());
    },
    remove: api.removeReportEntry,
    removal: (entry) => ({
      title: 'Remove this report?',
      message: `What was written on the report for ${entry.period_label} (comments, rating and recommendation) is removed. The logged sessions and ratings stay.`,
      confirm: 'Remove report',
    }),
    removedText: (entry) => `The report for ${entry.period_label} was removed.`,
    backText: (entry) => `The report for ${entry.period_label} is back.`,
    // The card opens on today's quarter.
    async load(id, current) {
      await card.refresh();
      if (current()) await openPeriod(picker.chosen());
    },
  });
  const { editor } = card;
  // Choosing a period, or whether to print the confidential notes, is not a change to the report.
  editor.addEventListener('input', (event) => {
    if (!picker.block.contains(event.target) && event.target !== confidential) state.dirty = true;
  });

  // The rating drop-down offers the points of the entry's scale, in words.
  function offerRatings(scale) {
    state.scale = scale;
    setOptions(card.input('overall_rating'),
      scale.labels.map((label, n) => ({ value: String(n + 1), label: `${n + 1} – ${label}` })), 'No overall rating');
  }

  // Shows the entry of `period` for the mentorship, or a blank one dated today.
  async function openPeriod(period) {
    const current = card.ticket();
    clearErrors(editor);
    setStatus(editor, '');
    printBox.reset();
    if (period === null) {
      show(null, null);
      return;
    }
    try {
      const entry = await api.reportEntry(card.mentorshipId, period.from, period.to);
      const scale = await api.ratingScale(entry?.scale ?? null);
      if (!current() || !samePeriod(picker.chosen(), period)) return;
      offerRatings(scale);
      show(period, entry);
    } catch (error) {
      if (current()) card.showProblem(error);
    }
  }

  function show(period, entry) {
    card.open = entry;
    state.dirty = false;
    const blank = {
      written_on: localToday(), overall_rating: null, recommendation: null, recommendation_reason: '',
      mentor_comments: '', protege_comments: '',
    };
    fillFields(editor, fields, entry ?? blank);
    for (const f of fields) card.input(f.name).disabled = period === null || card.readOnly;
    card.saveButton.disabled = period === null;
    card.removeButton.hidden = !entry;
    written.replaceChildren();
    if (period !== null) {
      written.append(entry
        ? el('span', { class: 'pill pill-active', text: `Written on ${entry.written_on}` })
        : el('span', { class: 'pill pill-muted', text: 'Not written yet' }));
    }
    markSelected(card.table, entry?.id ?? null);
  }

  function openWritten(id) {
    const entry = card.rows.find((e) => e.id === id);
    if (!entry) return;
    card.showNotice('', false);
    picker.choose({ from: entry.period_from, to: entry.period_to, label: entry.period_label });
    openPeriod(picker.chosen());
    editor.scrollIntoView({ block: 'nearest' });
  }

  return {
    section: card.section,
    load(id) {
      confidential.checked = false;
      return card.load(id);
    },
  };
}
