// The steps of terminating a mentorship, shown on the mentorship's page: what the programme
// asks for, the steps recorded so far, and the editor that records or corrects one. Whether a
// step may be recorded is core's; this module shows the steps and sends what was typed.

import * as api from '../api.js';
import {
  el, fieldBlock, fillFields, readFields, renderTable, markSelected, showError, clearErrors,
  setStatus, timeNow, confirmAction,
} from '../forms.js';

const FORM_ID = 'termination';

// Today on this computer as a date input takes it.
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's termination steps in it (null, for a mentorship not saved yet, hides it).
export function terminationSection(ctx) {
  const state = { mentorshipId: null, steps: [], open: null, removed: null, token: 0 };

  const fields = [
    { name: 'kind', label: 'Step', type: 'select', needed: 'Choose the step taken.' },
    { name: 'taken_on', label: 'Date', type: 'date', needed: 'Give the date the step was taken.' },
    {
      name: 'initiated_by', label: 'Initiated by',
      hint: 'Who asked for the termination: the protégé, the mentor, the line manager…',
    },
    { name: 'notes', label: 'Notes', type: 'textarea', rows: 3, required: true, hint: 'What was said, asked or decided.' },
    { name: 'coordinator_informed', label: 'The programme coordinator was informed of this step', type: 'checkbox' },
  ];
  const block = Object.fromEntries(fields.map((f) => [f.name, fieldBlock(FORM_ID, f)]));
  block.kind.querySelector('select').append(
    el('option', { value: '', text: 'Choose…' }),
    ...(ctx.vocab.termination_step ?? []).map((e) => el('option', { value: e.code, text: e.label })));

  const saveButton = el('button', { type: 'submit', id: 'termination-save', class: 'primary small', text: 'Save step' });
  const removeButton = el('button', {
    type: 'button', id: 'termination-remove', class: 'quiet small', text: 'Remove', onclick: () => remove(),
  });
  const closeButton = el('button', { type: 'button', id: 'termination-close', class: 'quiet small', text: 'Close', onclick: () => close() });
  const editorTitle = el('h3', { class: 'progress-editor-title' });
  const editor = el('form', { id: 'termination-editor', class: 'progress-editor', novalidate: true, autocomplete: 'off', hidden: true },
    editorTitle,
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'grid termination-grid' }, block.kind, block.taken_on, block.initiated_by),
    block.notes,
    block.coordinator_informed,
    el('div', { class: 'workplan-actions' },
      saveButton, removeButton, closeButton,
      el('span', { class: 'form-status', role: 'status' })));
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  const table = el('table', { id: 'termination-list', class: 'list compact' });
  const note = el('p', { class: 'section-note' });
  const problem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const undoButton = el('button', { type: 'button', id: 'termination-undo', class: 'secondary small', text: 'Undo', onclick: () => undoRemove() });
  const noticeText = el('span');
  const notice = el('p', { class: 'progress-notice', role: 'status', hidden: true }, noticeText, undoButton);
  const addButton = el('button', {
    type: 'button', id: 'termination-add', class: 'secondary small', text: 'Record a step', onclick: () => recordNew(),
  });

  const section = el('section', { class: 'progress-card', id: 'termination', hidden: true },
    el('h2', { text: 'Termination' }),
    el('p', {
      class: 'section-note',
      text: 'Ending a mentorship early takes four steps: a discussion between the protégé and the programme '
        + 'coordinator, a written request with specific reasons, separate meetings with each party, and the '
        + 'decision recorded; the coordinator is informed at each step.',
    }),
    note, problem, notice, table, addButton, editor);

  const columns = [
    { label: 'Date', value: (s) => s.taken_on, class: 'nowrap' },
    // Who asked for the termination is shown under the step, so the narrow table keeps room
    // for the notes.
    {
      label: 'Step',
      value: (s) => el('span', {}, ctx.label('termination_step', s.kind),
        el('span', { class: 'cell-note', text: `Initiated by: ${s.initiated_by || '—'}` })),
      class: 'step-cell',
    },
    { label: 'Notes', value: (s) => el('span', { class: 'clamp-3', text: s.notes }), class: 'text-cell' },
    { label: 'Coordinator informed', value: (s) => (s.coordinator_informed ? 'Yes' : 'No') },
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

  function render() {
    const none = state.steps.length === 0;
    table.hidden = none;
    note.textContent = none
      ? 'No steps recorded: the mentorship is not being terminated.'
      : 'In the order taken. Open a step to correct or remove it.';
    renderTable(table, columns, state.steps, { onOpen: (id) => openStep(id), selectedId: state.open?.id ?? null, empty: '' });
  }

  async function refresh() {
    const token = state.token;
    const steps = await api.listTerminationSteps(state.mentorshipId);
    if (token !== state.token) return;
    state.steps = steps;
    render();
  }

  function edit(s) {
    state.open = s;
    clearErrors(editor);
    setStatus(editor, '');
    showNotice('', false);
    editorTitle.textContent = s.id === null ? 'Record a termination step' : `Step taken on ${s.taken_on}`;
    fillFields(editor, fields, s);
    removeButton.hidden = s.id === null;
    editor.hidden = false;
    addButton.hidden = true;
    markSelected(table, s.id);
    editor.scrollIntoView({ block: 'nearest' });
  }

  function close() {
    state.open = null;
    editor.hidden = true;
    addButton.hidden = false;
    markSelected(table, null);
  }

  // A new step is offered as the next one in the programme's order after the last recorded.
  function recordNew() {
    const kinds = (ctx.vocab.termination_step ?? []).map((e) => e.code);
    const last = state.steps.at(-1);
    const next = last ? kinds[Math.min(kinds.indexOf(last.kind) + 1, kinds.length - 1)] : kinds[0];
    edit({
      id: null, mentorship_id: state.mentorshipId, kind: next ?? null, taken_on: localToday(),
      initiated_by: last?.initiated_by ?? '', notes: '', coordinator_informed: false,
    });
    block.kind.querySelector('select').focus();
  }

  function openStep(id) {
    const s = state.steps.find((x) => x.id === id);
    if (s) edit(s);
  }

  // Saves the editor; a refusal shows next to the field core names and keeps what was typed.
  async function save() {
    clearErrors(editor);
    const { values, problems } = readFields(editor, fields);
    if (problems.length > 0) {
      showError(editor, { code: 'invalid', ...problems[0] });
      return;
    }
    const record = { ...state.open, ...values };
    saveButton.disabled = true;
    setStatus(editor, 'Saving…');
    try {
      const id = await api.saveTerminationStep(record);
      await refresh();
      const saved = state.steps.find((x) => x.id === id);
      if (saved) edit(saved);
      setStatus(editor, `Saved at ${timeNow()}.`);
    } catch (error) {
      showError(editor, error);
    } finally {
      saveButton.disabled = false;
    }
  }

  // A step removed by mistake can be recorded again at once: the notice offers to undo.
  async function remove() {
    const s = state.open;
    const step = ctx.label('termination_step', s.kind);
    const sure = await confirmAction({
      title: 'Remove this step?',
      message: `"${step}" on ${s.taken_on} leaves the record. Only do this for a step recorded by mistake.`,
      confirm: 'Remove step',
    });
    if (!sure) return;
    try {
      await api.removeTerminationStep(s.id);
      state.removed = s;
      close();
      await refresh();
      showNotice(`"${step}" on ${s.taken_on} was removed.`, true);
    } catch (error) {
      showError(editor, error);
    }
  }

  async function undoRemove() {
    const s = state.removed;
    if (!s) return;
    try {
      const id = await api.saveTerminationStep({ ...s, id: null });
      state.removed = null;
      await refresh();
      showNotice(`"${ctx.label('termination_step', s.kind)}" on ${s.taken_on} is back.`, false);
      markSelected(table, id);
    } catch (error) {
      showProblem(error);
    }
  }

  // Shows the steps of the mentorship `id`, or hides the card for a mentorship not saved yet.
  async function load(id) {
    state.token += 1;
    const token = state.token;
    state.mentorshipId = id;
    state.steps = [];
    state.removed = null;
    close();
    showProblem(null);
    showNotice('', false);
    section.hidden = id === null;
    if (id === null) return;
    try {
      await refresh();
    } catch (error) {
      if (token === state.token) showProblem(error);
    }
  }

  return { section, load };
}
