// Mentorships: a mentor and a protégé for a period, with goals, competencies and meeting
// arrangements; and the printed agreement they sign. The cards below the form (work plan,
// sessions, ratings, progress reports, evaluations, termination) are the mentorship/ modules'.

import * as api from '../api.js';
import { el, pill, nextId, setStatus } from '../forms.js';
import { registerScreen, emptyText } from '../register.js';
import { documentBox } from '../documents.js';
import { paperSection } from '../paper.js';
import { localToday } from '../dates.js';
import { workPlanSection } from '../mentorship/workplan.js';
import { sessionLogSection } from '../mentorship/sessions.js';
import { ratingsSection } from '../mentorship/ratings.js';
import { disputesSection } from '../mentorship/disputes.js';
import { terminationSection } from '../mentorship/termination.js';
import { progressReportsSection } from '../mentorship/reports.js';
import { evaluationsSection } from '../mentorship/evaluations.js';

const LEVELS = [1, 2, 3, 4, 5];

export function mentorshipsScreen(ctx) {
  const parts = {};

  function rowField(label, input, wide) {
    input.id = nextId('row');
    return el('div', { class: `field${wide ? ' wide' : ''}` }, el('label', { for: input.id, text: label }), input);
  }

  function levelSelect(name, value) {
    const select = el('select', { name },
      el('option', { value: '', text: '—' }),
      LEVELS.map((n) => el('option', { value: n, text: String(n) })));
    select.value = value === null || value === undefined ? '' : String(value);
    return select;
  }

  function removeButton(what, row) {
    return el('button', {
      type: 'button', class: 'quiet remove', text: 'Remove', title: `Remove this ${what}`, command: 'save_mentorship',
      onclick: () => {
        row().remove();
        renumber();
        parts.screen.markDirty();
      },
    });
  }

  function goalRow(goal = { description: '', measure: '', due_on: null }) {
    const description = el('textarea', { name: 'goal_description', rows: 2 });
    description.value = goal.description;
    const measure = el('input', { name: 'goal_measure', type: 'text' });
    measure.value = goal.measure;
    const due = el('input', { name: 'goal_due_on', type: 'date' });
    due.value = goal.due_on ?? '';
    const status = el('select', { name: 'goal_status' },
      (ctx.vocab.goal_status ?? []).map((e) => el('option', { value: e.code, text: e.label })));
    status.value = goal.status ?? 'not_started';
    const progress = el('input', {
      name: 'goal_progress', type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric',
    });
    progress.value = String(goal.progress ?? 0);
    const row = el('div', { class: 'row-item goal' },
      el('div', { class: 'row-head' }, el('span', { class: 'row-number' }), removeButton('goal', () => row)),
      el('div', { class: 'grid goal-grid' },
        rowField('Goal or deliverable', description, true),
        rowField('How it is measured (quality, quantity, time)', measure, true),
        rowField('Due by', due),
        rowField('Status', status),
        rowField('Progress (%)', progress)));
    return row;
  }

  function competencyRow(c = { name: '', current_level: null, target_level: null }) {
    const name = el('input', { name: 'competency_name', type: 'text' });
    name.value = c.name;
    const row = el('div', { class: 'row-item competency' },
      el('div', { class: 'row-head' }, el('span', { class: 'row-number' }), removeButton('competency', () => row)),
      el('div', { class: 'grid three' },
        rowField('Competency', name, true),
        rowField('Current level', levelSelect('competency_current_level', c.current_level)),
        rowField('Target level', levelSelect('competency_target_level', c.target_level))));
    return row;
  }

  function renumber() {
    parts.goals.querySelectorAll('.row-number').forEach((n, i) => { n.textContent = `Goal ${i + 1}`; });
    parts.competencies.querySelectorAll('.row-number').forEach((n, i) => { n.textContent = `Competency ${i + 1}`; });
  }

  return registerScreen(ctx, {
    name: 'mentorships',
    register: 'mentorship',
    title: 'Mentorships',
    newLabel: 'New mentorship',
    noun: 'mentorship',
    nounPlural: 'mentorships',
    searchPlaceholder: 'Search by mentor or protégé',
    empty: emptyText('mentorships', 'New mentorship'),
    filters: [
      { key: 'status', label: 'Status', source: { vocab: 'status' }, blank: 'All statuses' },
      { key: 'mentor_id', label: 'Mentor', source: { choices: 'mentors' }, blank: 'All mentors', ids: true },
    ],
    columns: [
      { label: 'Ref.', value: (r) => r.reference, class: 'mono nowrap' },
      { label: 'Mentor', value: (r) => r.mentor, class: 'strong' },
      { label: 'Protégé', value: (r) => r.protege },
      { extra: true, label: 'Kind', value: (r) => r.protege_kind },
      { extra: true, label: 'From', value: (r) => r.start_date, class: 'nowrap' },
      { extra: true, label: 'Until', value: (r) => r.end_date, class: 'nowrap' },
      {
        label: 'Status',
        value: (r) => el('span', { class: 'pills' },
          pill(ctx.label('status', r.status), r.status),
          r.archived ? pill('Archived', 'muted') : null),
      },
    ],
    list: (q) => api.listMentorships({
      text: q.text, status: q.status, mentor_id: q.mentor_id, include_archived: q.include_archived,
    }),
    get: api.getMentorship,
    save: api.saveMentorship,
    saveCommand: 'save_mentorship',
    blank: () => ({
      id: null, mentor_id: null, protege_id: null, start_date: null, end_date: null, purpose: null,
      mode: 'face_to_face', frequency: 'monthly', meeting_minutes: 60, meeting_place: '',
      status: 'draft', capacity_override_reason: '',
      goals: [{ description: '', measure: '', due_on: null }], competencies: [], archived: false,
    }),
    titleOf: (r, form) => {
      const protege = form.elements.namedItem('protege_id').selectedOptions[0];
      const name = protege && protege.value !== '' ? protege.textContent : '';
      const reference = r.id === null ? '' : `MS-${String(r.id).padStart(4, '0')}`;
      return [reference, name].filter(Boolean).join(' · ') || 'Mentorship';
    },
    sections: [
      {
        legend: 'Pairing',
        fields: [
          {
            name: 'mentor_id', label: 'Mentor', type: 'select', source: { choices: 'mentors' }, ids: true,
            wide: true, needed: 'Choose the mentor.',
          },
          {
            name: 'protege_id', label: 'Protégé', type: 'select', source: { choices: 'proteges' }, ids: true,
            wide: true, needed: 'Choose the protégé.',
          },
          {
            name: 'status', label: 'Status', type: 'select', source: { vocab: 'status' },
            needed: 'Choose the status.',
          },
          {
            name: 'purpose', label: 'Purpose', type: 'select', source: { vocab: 'purpose' },
            needed: 'Choose the purpose of the mentorship.',
          },
          {
            name: 'capacity_override_reason', label: 'Capacity override reason', type: 'textarea', rows: 2,
            hint: "Only when the mentor already has the programme's maximum of protégés: why one more is allowed.",
          },
        ],
      },
      {
        legend: 'Period',
        note: 'At most a year; it may be renewed.',
        fields: [
          { name: 'start_date', label: 'Start date', type: 'date', needed: 'Give the start date.' },
          { name: 'end_date', label: 'End date', type: 'date', needed: 'Give the end date.' },
        ],
      },
      {
        legend: 'Meetings',
        fields: [
          { name: 'mode', label: 'Mode', type: 'select', source: { vocab: 'mode' }, needed: 'Choose how the pair meets.' },
          {
            name: 'frequency', label: 'How often', type: 'select', source: { vocab: 'frequency' },
            needed: 'Choose how often the pair meets.',
          },
          {
            name: 'meeting_minutes', label: 'Length of a meeting (minutes)', type: 'number', min: 1, max: 480,
            needed: 'Give the length of a meeting in minutes.',
          },
          { name: 'meeting_place', label: 'Place' },
        ],
      },
    ],
    extend({ form, tools, body, screen }) {
      parts.screen = screen;
      parts.document = documentBox({
        prefix: 'agreement',
        label: 'Agreement',
        buttonText: 'Print agreement',
        print: () => api.printAgreement(screen.record().id),
        ready: () => {
          const r = screen.record();
          if (!r || r.id === null) return 'Save the mentorship first; then its agreement can be printed.';
          if (screen.isDirty()) return 'Save your changes first: the agreement prints the saved mentorship.';
          return null;
        },
      });
      tools.prepend(parts.document.button);
      form.querySelector('.form-error').after(parts.document.box);
      parts.workPlan = workPlanSection(ctx);
      form.after(parts.workPlan.section);
      parts.sessions = sessionLogSection(ctx);
      parts.workPlan.section.after(parts.sessions.section);
      parts.ratings = ratingsSection(ctx);
      parts.sessions.section.after(parts.ratings.section);
      parts.reports = progressReportsSection(ctx);
      parts.ratings.section.after(parts.reports.section);
      parts.evaluations = evaluationsSection(ctx);
      parts.reports.section.after(parts.evaluations.section);
      parts.papers = paperSection({
        id: 'mentorship-papers',
        title: 'Signed paper',
        note: 'The agreement, its addenda and each written progress report: record each signature from the '
          + 'signed paper and attach its scan. Once anyone has signed the agreement, its terms change only '
          + 'through an addendum.',
        list: api.mentorshipPapers,
      });
      parts.evaluations.section.after(parts.papers.section);
      // The audit pack gathers the whole record of the mentorship for an auditor or the file.
      parts.pack = documentBox({
        prefix: 'audit-pack',
        label: 'Audit pack',
        buttonText: 'Print audit pack',
        print: () => api.printAuditPack(screen.record().id),
        ready: () => (screen.isDirty() ? 'Save your changes first: the pack prints the saved record.' : null),
      });
      parts.papers.section.querySelector('.section-note').after(
        el('div', { class: 'paper-tools' }, parts.pack.button), parts.pack.box);
      parts.addendum = addendumPanel(screen);
      parts.document.box.after(parts.addendum.panel);
      parts.disputes = disputesSection(ctx);
      form.parentNode.append(parts.disputes.section);
      // Termination closes the page, below every other card.
      parts.termination = terminationSection(ctx);
      form.parentNode.append(parts.termination.section);

      parts.goals = el('div', { class: 'rows' });
      parts.competencies = el('div', { class: 'rows' });
      body.append(
        el('fieldset', { class: 'section' },
          el('legend', { text: 'Goals and deliverables' }),
          el('p', { class: 'section-note', text: 'What the protégé is expected to achieve, measurable in quality, quantity and time.' }),
          parts.goals,
          el('p', { class: 'field-error', dataset: { for: 'goals' }, 'aria-live': 'polite' }),
          el('button', {
            type: 'button', id: 'mentorships-add-goal', class: 'secondary small', text: 'Add a goal', command: 'save_mentorship',
            onclick: () => {
              const row = goalRow();
              parts.goals.append(row);
              renumber();
              row.querySelector('textarea').focus();
              screen.markDirty();
            },
          })),
        el('fieldset', { class: 'section' },
          el('legend', { text: 'Competencies' }),
          el('p', { class: 'section-note', text: 'Levels run from 1 (not yet able) to 5 (able to teach others).' }),
          parts.competencies,
          el('p', { class: 'field-error', dataset: { for: 'competencies' }, 'aria-live': 'polite' }),
          el('button', {
            type: 'button', id: 'mentorships-add-competency', class: 'secondary small', text: 'Add a competency',
            command: 'save_mentorship',
            onclick: () => {
              const row = competencyRow();
              parts.competencies.append(row);
              renumber();
              row.querySelector('input').focus();
              screen.markDirty();
            },
          })));
    },
    afterFill(form, r) {
      parts.goals.replaceChildren(...r.goals.map((g) => goalRow(g)));
      parts.competencies.replaceChildren(...r.competencies.map((c) => competencyRow(c)));
      renumber();
      parts.document.button.disabled = r.id === null;
      parts.document.button.title = r.id === null ? 'Save the mentorship first; then its agreement can be printed.' : '';
      parts.document.reset();
      parts.workPlan.load(r.id);
      parts.sessions.load(r.id);
      parts.ratings.load(r.id);
      parts.reports.load(r.id);
      parts.evaluations.load(r.id);
      parts.papers.load(r.id);
      parts.pack.reset();
      parts.addendum.hide();
      parts.disputes.load(r.id);
      parts.termination.load(r.id);
    },
    collect(form, record, problems) {
      record.goals = [];
      [...parts.goals.querySelectorAll('.goal')].forEach((row, n) => {
        const goal = {
          description: row.querySelector('[name=goal_description]').value,
          measure: row.querySelector('[name=goal_measure]').value,
          due_on: row.querySelector('[name=goal_due_on]').value || null,
          status: row.querySelector('[name=goal_status]').value,
        };
        // A row added and left empty is not a goal.
        if (goal.description.trim() === '' && goal.measure.trim() === '' && goal.due_on === null) return;
        const progress = row.querySelector('[name=goal_progress]').value.trim();
        goal.progress = progress === '' ? 0 : Number(progress);
        if (!Number.isInteger(goal.progress) || goal.progress < 0 || goal.progress > 100) {
          problems.push({ field: 'goals', message: `Goal ${n + 1}: give its progress as a whole number of percent, from 0 to 100.` });
          return;
        }
        record.goals.push(goal);
      });
      record.competencies = [];
      [...parts.competencies.querySelectorAll('.competency')].forEach((row, n) => {
        const name = row.querySelector('[name=competency_name]').value;
        const current = row.querySelector('[name=competency_current_level]').value;
        const target = row.querySelector('[name=competency_target_level]').value;
        if (name.trim() === '' && current === '' && target === '') return;
        if (current === '' || target === '') {
          problems.push({ field: 'competencies', message: `Competency ${n + 1}: choose its current and its target level.` });
          return;
        }
        record.competencies.push({ name, current_level: Number(current), target_level: Number(target) });
      });
    },
    // Over capacity, the way forward is the override reason: point at it.
    onError(error, form) {
      if (error.code === 'signed_agreement') parts.addendum.show();
      if (error.code === 'capacity') {
        form.querySelector('.field[data-field="capacity_override_reason"]')?.classList.add('attention');
      }
    },
  });
}

// Shown when a save is refused because the agreement was signed: makes the changes in the form
// into the next numbered addendum, with the reason the officer gives.
function addendumPanel(screen) {
  const reason = el('textarea', { id: 'addendum-reason', name: 'addendum_reason', rows: 2 });
  const status = el('p', { class: 'document-status', id: 'addendum-status', role: 'status', 'aria-live': 'polite' });
  const button = el('button', {
    type: 'button', id: 'addendum-make', class: 'primary', text: 'Make an addendum with these changes', command: 'make_addendum',
    onclick: () => make(),
  });
  const panel = el('div', { class: 'document-box addendum-panel', id: 'addendum-panel', hidden: true },
    el('p', {
      class: 'document-label',
      text: 'The agreement was signed: the changes above become a numbered addendum, printed for signing.',
    }),
    el('div', { class: 'field wide', dataset: { field: 'reason' } },
      el('label', { for: reason.id, text: 'Why the agreement changes' }), reason),
    button,
    status);
  // Typing the reason does not change the mentorship's form.
  for (const type of ['input', 'change']) panel.addEventListener(type, (event) => event.stopPropagation());

  async function make() {
    status.textContent = '';
    status.classList.remove('error');
    const { record, problems } = screen.gather();
    const failed = (message) => {
      status.textContent = message;
      status.classList.add('error');
    };
    if (problems.length > 0) {
      failed(problems[0].message);
      return;
    }
    button.disabled = true;
    try {
      const made = await api.makeAddendum({ mentorship: record, reason: reason.value, made_on: localToday() });
      screen.load(await api.getMentorship(record.id));
      await screen.refreshList();
      setStatus(screen.form, `Addendum ${made.number} made: ${made.changes.join('; ')}. `
        + 'Print it under Signed paper and have it signed.');
    } catch (error) {
      failed(error.message);
    } finally {
      button.disabled = false;
    }
  }

  return {
    panel,
    show() {
      panel.hidden = false;
      panel.scrollIntoView({ block: 'nearest' });
      reason.focus();
    },
    hide() {
      panel.hidden = true;
      reason.value = '';
      status.textContent = '';
    },
  };
}
