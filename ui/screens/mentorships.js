// Mentorships: a mentor and a protégé for a period, with goals, competencies and meeting
// arrangements; and the printed agreement they sign.

import * as api from '../api.js';
import {
  el, pill, nextId, renderTable, markSelected, showError, clearErrors, setStatus, confirmAction,
} from '../forms.js';
import { registerScreen, emptyText } from '../register.js';
import { documentBox } from '../documents.js';
import { sessionLogSection } from './sessions.js';
import { ratingsSection } from './ratings.js';
import { terminationSection } from './termination.js';
import { progressReportsSection } from './reports.js';

const LEVELS = [1, 2, 3, 4, 5];

// Today on this computer as a date input takes it.
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// A saved mentorship's work plan: generated once, then edited event by event. Each change is
// saved at once and apart from the mentorship's own form, so it lives beside that form.
function workPlanSection(ctx) {
  const state = { mentorshipId: null, events: [], open: null };
  const table = el('table', { id: 'workplan-list', class: 'list compact' });
  const note = el('p', { class: 'section-note' });
  const problem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const generateButton = el('button', {
    type: 'button', id: 'workplan-generate', class: 'secondary small', text: 'Generate work plan',
    onclick: () => generate(),
  });
  const addButton = el('button', {
    type: 'button', id: 'workplan-add', class: 'secondary small', text: 'Add event',
    onclick: () => edit({
      id: null, mentorship_id: state.mentorshipId, due_on: localToday(), kind: 'other', title: '',
      signed_off_on: null, sign_off_comment: '',
    }),
  });

  const input = (name, type, label) => {
    const id = `workplan-${name}`;
    const field = type === 'select'
      ? el('select', { id, name })
      : el('input', { id, name, type, autocomplete: 'off' });
    return {
      field,
      block: el('div', { class: 'field', dataset: { field: name } },
        el('label', { for: id, text: label }), field,
        el('p', { class: 'field-error', dataset: { for: name }, 'aria-live': 'polite' })),
    };
  };
  const due = input('due_on', 'date', 'Due on');
  const kind = input('kind', 'select', 'Kind');
  for (const e of ctx.vocab.event_kind ?? []) kind.field.append(el('option', { value: e.code, text: e.label }));
  const title = input('title', 'text', 'Title');
  title.block.classList.add('wide');
  const signedOn = input('signed_off_on', 'date', 'Signed off on');
  const comment = input('sign_off_comment', 'text', 'Comment');
  comment.block.classList.add('wide');
  const removeButton = el('button', { type: 'button', id: 'workplan-remove', class: 'quiet small', text: 'Remove', onclick: () => remove() });
  const closeButton = el('button', { type: 'button', class: 'quiet small', text: 'Close', onclick: () => close() });
  const signOff = el('fieldset', { class: 'workplan-sign-off' },
    el('legend', { text: 'Mentor\'s sign-off' }),
    el('div', { class: 'grid' }, signedOn.block, comment.block),
    el('button', { type: 'button', id: 'workplan-sign-off', class: 'secondary small', text: 'Sign off', onclick: () => signOffOpen() }));
  const editor = el('form', { id: 'workplan-editor', class: 'workplan-editor', novalidate: true, autocomplete: 'off', hidden: true },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'grid three' }, due.block, kind.block, title.block),
    el('div', { class: 'workplan-actions' },
      el('button', { type: 'submit', id: 'workplan-save', class: 'primary small', text: 'Save event' }),
      removeButton,
      closeButton,
      el('span', { class: 'form-status', role: 'status' })),
    signOff);
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  const section = el('section', { class: 'workplan', id: 'workplan', hidden: true },
    el('h2', { text: 'Work plan' }), note, problem, generateButton, table, editor, addButton);

  function statusOf(e) {
    if (e.signed_off_on) return pill(`Signed off on ${e.signed_off_on}`, 'active');
    if (e.overdue) return pill('Overdue', 'overdue');
    return pill('Due', 'muted');
  }
  const columns = [
    { label: 'Date', value: (e) => e.due_on, class: 'nowrap' },
    // The kind is shown under the title only when the title does not already say it.
    {
      label: 'Event',
      value: (e) => {
        const kindLabel = ctx.label('event_kind', e.kind);
        return el('span', {}, e.title,
          e.title === kindLabel ? null : el('span', { class: 'workplan-kind', text: kindLabel }));
      },
    },
    { label: 'Status', value: statusOf, class: 'nowrap' },
  ];

  function showProblem(error) {
    problem.textContent = error ? error.message : '';
    problem.hidden = !error;
  }

  function render() {
    const none = state.events.length === 0;
    generateButton.hidden = !none;
    table.hidden = none;
    addButton.hidden = none;
    note.textContent = none
      ? 'This mentorship has no work plan yet. Generate one from its meeting frequency and the programme\'s template, on working days.'
      : 'Open an event that is not signed off to move, rename, remove or sign it off.';
    renderTable(table, columns, state.events, { onOpen: (id) => openEvent(id), selectedId: state.open?.id ?? null, empty: '' });
  }

  async function refresh() {
    state.events = await api.workPlan(state.mentorshipId);
    render();
  }

  function close() {
    state.open = null;
    editor.hidden = true;
    markSelected(table, null);
  }

  function openEvent(id) {
    const e = state.events.find((x) => x.id === id);
    if (e) edit(e);
  }

  function edit(e) {
    state.open = e;
    clearErrors(editor);
    setStatus(editor, '');
    due.field.value = e.due_on ?? '';
    kind.field.value = e.kind;
    title.field.value = e.title;
    const signed = Boolean(e.signed_off_on);
    for (const f of [due.field, kind.field, title.field]) f.disabled = signed;
    editor.querySelector('#workplan-save').hidden = signed;
    removeButton.hidden = signed || e.id === null;
    signOff.hidden = signed || e.id === null;
    signedOn.field.value = localToday();
    comment.field.value = '';
    if (signed) setStatus(editor, `Signed off on ${e.signed_off_on}${e.sign_off_comment ? `: ${e.sign_off_comment}` : '.'}`);
    editor.hidden = false;
    editor.scrollIntoView({ block: 'nearest' });
    markSelected(table, e.id);
    (signed ? closeButton : due.field).focus();
  }

  // Runs one change; a refusal shows next to the field core names and keeps what was typed.
  async function change(action, done) {
    try {
      const answer = await action();
      await refresh();
      done(answer);
    } catch (error) {
      showError(editor, error);
    }
  }

  function save() {
    const e = { ...state.open, due_on: due.field.value || null, kind: kind.field.value, title: title.field.value };
    if (e.due_on === null) {
      showError(editor, { message: 'Give the date the event is due.' }, 'due_on');
      return;
    }
    delete e.overdue;
    change(() => api.saveWorkPlanEvent(e), (id) => {
      const saved = state.events.find((x) => x.id === id);
      if (saved) edit(saved);
      setStatus(editor, 'Saved.');
    });
  }

  async function remove() {
    const e = state.open;
    const sure = await confirmAction({
      title: 'Remove this event?',
      message: `"${e.title}" on ${e.due_on} leaves the work plan.`,
      confirm: 'Remove event',
    });
    if (sure) change(() => api.removeWorkPlanEvent(e.id), close);
  }

  function signOffOpen() {
    const e = state.open;
    if (!signedOn.field.value) {
      showError(editor, { message: 'Give the date the mentor signed the event off.' }, 'signed_off_on');
      return;
    }
    change(() => api.signOffEvent(e.id, signedOn.field.value, comment.field.value), () => {
      const signed = state.events.find((x) => x.id === e.id);
      if (signed) edit(signed);
    });
  }

  async function generate() {
    generateButton.disabled = true;
    try {
      state.events = await api.generateWorkPlan(state.mentorshipId);
      showProblem(null);
      render();
    } catch (error) {
      showProblem(error);
    } finally {
      generateButton.disabled = false;
    }
  }

  // Shows the plan of the mentorship `id`, or nothing for one not saved yet.
  async function load(id) {
    state.mentorshipId = id;
    close();
    showProblem(null);
    section.hidden = id === null;
    if (id === null) return;
    try {
      await refresh();
    } catch (error) {
      showProblem(error);
    }
  }

  return { section, load };
}

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
      type: 'button', class: 'quiet remove', text: 'Remove', title: `Remove this ${what}`,
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
            type: 'button', id: 'mentorships-add-goal', class: 'secondary small', text: 'Add a goal',
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
      if (error.code === 'capacity') {
        form.querySelector('.field[data-field="capacity_override_reason"]')?.classList.add('attention');
      }
    },
  });
}
