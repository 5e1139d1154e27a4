// A mentorship's session log, shown on the mentorship's page: the sessions held, newest first;
// the editor that logs or changes one with the actions agreed in it; and the actions still
// open from earlier sessions, which carry over until someone marks them done. What counts as
// valid or open is core's; this module shows it and sends what was typed.

import * as api from '../api.js';
import {
  el, nextId, fieldBlock, fillFields, readFields, renderTable, markSelected, showError, clearErrors,
  setStatus, timeNow, confirmAction,
} from '../forms.js';

const FORM_ID = 'session';

// Today on this computer as a date input takes it.
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Whole days from one year-month-day to another, counted in UTC so summer time cannot shift it.
function daysBetween(from, to) {
  const utc = (text) => {
    const [y, m, d] = text.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86400000);
}

// The first words of a long text, so that a row of the list stays a line or two high.
function shortened(text, most) {
  if (text.length <= most) return text;
  const cut = text.slice(0, most);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : most)}…`;
}

function days(n) {
  return n === 1 ? '1 day' : `${n} days`;
}

// When an open action is due, in words, with how late it is when it is late.
function dueInWords(dueOn, today) {
  if (!dueOn) return { text: 'No due date', late: false };
  const left = daysBetween(today, dueOn);
  if (left < 0) return { text: `Overdue by ${days(-left)}`, late: true };
  if (left === 0) return { text: 'Due today', late: false };
  return { text: `Due in ${days(left)}`, late: false };
}

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's log in it (null for a mentorship not saved yet hides the card).
export function sessionLogSection(ctx) {
  const state = {
    mentorshipId: null, mentorship: null, sessions: [], open: null, dirty: false, removed: null, token: 0,
  };

  const fields = [
    { name: 'held_on', label: 'Date', type: 'date', needed: 'Give the date the session was held.' },
    {
      name: 'minutes', label: 'Duration (minutes)', type: 'number', min: 1, max: 480,
      needed: 'Give the length of the session in minutes.',
    },
    { name: 'kind', label: 'Planned or situational', type: 'select', needed: 'Choose whether the session was planned.' },
    { name: 'mode', label: 'Mode', type: 'select', needed: 'Choose how the pair met.' },
    { name: 'place', label: 'Place', wide: true },
    { name: 'topics', label: 'Topics discussed', type: 'textarea', rows: 2, required: true },
    { name: 'advice', label: 'Advice and guidance', type: 'textarea', rows: 2 },
    { name: 'diagnosis_now', label: 'Where the protégé is now', type: 'textarea', rows: 2 },
    { name: 'diagnosis_goal', label: 'Where they want to be', type: 'textarea', rows: 2 },
    {
      name: 'confidential_notes', label: 'Confidential notes', type: 'textarea', rows: 2,
      hint: 'Never printed or exported, unless you include them for one document. The session list does not show them either.',
    },
  ];
  const block = Object.fromEntries(fields.map((f) => [f.name, fieldBlock(FORM_ID, f)]));
  const input = (name) => block[name].querySelector(`[name="${name}"]`);
  const fillSelect = (name, list) => {
    input(name).append(
      el('option', { value: '', text: 'Choose…' }),
      ...(ctx.vocab[list] ?? []).map((e) => el('option', { value: e.code, text: e.label })));
  };
  fillSelect('kind', 'session_kind');
  fillSelect('mode', 'mode');
  block.confidential_notes.classList.add('confidential');

  // The actions agreed in the session, one row each.
  const actionRows = el('div', { class: 'rows', id: 'session-actions' });
  const addActionButton = el('button', {
    type: 'button', id: 'session-add-action', class: 'secondary small', text: 'Add an action',
    onclick: () => {
      const row = actionRow();
      actionRows.append(row);
      renumber();
      row.querySelector('input').focus();
      state.dirty = true;
    },
  });

  function rowField(label, control, wide) {
    control.id = nextId(`${FORM_ID}-action`);
    return el('div', { class: `field${wide ? ' wide' : ''}` }, el('label', { for: control.id, text: label }), control);
  }

  function actionRow(a = { id: null, description: '', owner: 'protege', due_on: null, done_on: null }) {
    const description = el('input', { name: 'action_description', type: 'text', autocomplete: 'off' });
    description.value = a.description;
    const owner = el('select', { name: 'action_owner' },
      (ctx.vocab.action_owner ?? []).map((e) => el('option', { value: e.code, text: e.label })));
    owner.value = a.owner;
    const due = el('input', { name: 'action_due_on', type: 'date' });
    due.value = a.due_on ?? '';
    const done = el('input', { name: 'action_done_on', type: 'date' });
    done.value = a.done_on ?? '';
    const row = el('div', { class: 'row-item session-action', dataset: { id: a.id ?? '' } },
      el('div', { class: 'row-head' },
        el('span', { class: 'row-number' }),
        el('button', {
          type: 'button', class: 'quiet remove', text: 'Remove', title: 'Remove this action',
          onclick: () => {
            row.remove();
            renumber();
            state.dirty = true;
          },
        })),
      el('div', { class: 'grid session-action-grid' },
        rowField('What was agreed', description, true),
        rowField('Who', owner),
        rowField('Due by', due),
        rowField('Done on', done)));
    return row;
  }

  function renumber() {
    actionRows.querySelectorAll('.row-number').forEach((n, i) => { n.textContent = `Action ${i + 1}`; });
  }

  function collectActions() {
    return [...actionRows.querySelectorAll('.session-action')].map((row) => ({
      id: row.dataset.id === '' ? null : Number(row.dataset.id),
      description: row.querySelector('[name=action_description]').value,
      owner: row.querySelector('[name=action_owner]').value,
      due_on: row.querySelector('[name=action_due_on]').value || null,
      done_on: row.querySelector('[name=action_done_on]').value || null,
    }));
  }

  const saveButton = el('button', { type: 'submit', id: 'session-save', class: 'primary small', text: 'Save session' });
  const removeButton = el('button', {
    type: 'button', id: 'session-remove', class: 'quiet small', text: 'Remove', onclick: () => remove(),
  });
  const closeButton = el('button', {
    type: 'button', id: 'session-close', class: 'quiet small', text: 'Close', onclick: () => closeAsked(),
  });
  const editorTitle = el('h3', { class: 'session-editor-title' });
  const editor = el('form', { id: 'session-editor', class: 'session-editor', novalidate: true, autocomplete: 'off', hidden: true },
    editorTitle,
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'grid' }, block.held_on, block.minutes, block.kind, block.mode, block.place),
    el('div', { class: 'grid' }, block.topics, block.advice),
    el('fieldset', { class: 'section' },
      el('legend', { text: 'Diagnosis' }),
      el('div', { class: 'grid' }, block.diagnosis_now, block.diagnosis_goal)),
    el('fieldset', { class: 'section' },
      el('legend', { text: 'Actions agreed' }),
      el('p', { class: 'section-note', text: 'An action stays open, and carries over to later sessions, until it has a done date.' }),
      actionRows,
      el('p', { class: 'field-error', dataset: { for: 'actions' }, 'aria-live': 'polite' }),
      addActionButton),
    block.confidential_notes,
    el('div', { class: 'workplan-actions session-editor-actions' },
      saveButton, removeButton, closeButton,
      el('span', { class: 'form-status', role: 'status' })));
  editor.addEventListener('input', () => { state.dirty = true; });
  editor.addEventListener('change', () => { state.dirty = true; });
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  // The sessions held.
  const table = el('table', { id: 'sessions-list', class: 'list compact' });
  const note = el('p', { class: 'section-note' });
  const problem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const undoButton = el('button', { type: 'button', id: 'sessions-undo', class: 'secondary small', text: 'Undo', onclick: () => undoRemove() });
  const noticeText = el('span');
  const notice = el('p', { class: 'session-notice', role: 'status', hidden: true }, noticeText, undoButton);
  const addButton = el('button', {
    type: 'button', id: 'sessions-add', class: 'secondary small', text: 'Log a session', onclick: () => logNew(),
  });

  // The actions still open, from whichever session agreed them.
  const openList = el('table', { id: 'session-open-actions', class: 'list compact' });
  const openProblem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const openNone = el('p', { class: 'section-note', text: 'No open actions: everything agreed so far is done.' });
  const openBlock = el('div', { class: 'open-actions', id: 'open-actions' },
    el('h3', { text: 'Open actions' }),
    el('p', { class: 'section-note', text: 'Agreed in sessions so far and not done yet; they carry over until marked done.' }),
    openProblem, openNone, openList);

  const section = el('section', { class: 'sessions', id: 'sessions', hidden: true },
    el('h2', { text: 'Sessions' }), note, problem, notice, openBlock, addButton, editor, table);

  const columns = [
    { label: 'Date', value: (s) => s.held_on, class: 'nowrap' },
    { label: 'Duration', value: (s) => `${s.minutes} min`, class: 'nowrap' },
    { label: 'Kind', value: (s) => ctx.label('session_kind', s.kind) },
    { label: 'Topics', value: (s) => el('span', { title: s.topics, text: shortened(s.topics, 90) }) },
    {
      label: 'Actions',
      value: (s) => {
        if (s.actions.length === 0) return '—';
        const done = s.actions.filter((a) => a.done_on !== null).length;
        const notDone = s.actions.length - done;
        return [notDone ? `${notDone} open` : null, done ? `${done} done` : null].filter(Boolean).join(', ');
      },
      class: 'nowrap',
    },
  ];

  function showProblem(target, error) {
    target.textContent = error ? error.message : '';
    target.hidden = !error;
  }

  function showNotice(text, undoable) {
    noticeText.textContent = text;
    undoButton.hidden = !undoable;
    notice.hidden = text === '';
  }

  function renderSessions() {
    const none = state.sessions.length === 0;
    table.hidden = none;
    note.textContent = none
      ? 'No sessions logged yet. Log each session the pair holds, with the actions they agree.'
      : 'The sessions held, newest first. Open one to change it or to record an action done.';
    const newestFirst = [...state.sessions].reverse();
    renderTable(table, columns, newestFirst, { onOpen: (id) => openSession(id), selectedId: state.open?.id ?? null, empty: '' });
  }

  function renderOpenActions(open) {
    const today = localToday();
    openNone.hidden = open.length > 0;
    openList.hidden = open.length === 0;
    openList.replaceChildren(
      el('thead', {}, el('tr', {},
        ['Action', 'Who', 'Due', ''].map((label) => el('th', { scope: 'col', text: label })))),
      el('tbody', {}, open.map((o) => {
        const a = o.action;
        const due = dueInWords(a.due_on, today);
        return el('tr', { dataset: { action: a.id } },
          el('td', {}, a.description, el('span', { class: 'open-action-agreed', text: `Agreed on ${o.agreed_on}` })),
          el('td', { text: ctx.label('action_owner', a.owner) }),
          el('td', { class: 'nowrap' }, a.due_on ?? '',
            el('span', { class: `open-action-due${due.late ? ' late' : ''}`, text: due.text })),
          el('td', { class: 'nowrap' }, el('button', {
            type: 'button', class: 'secondary small', id: `open-action-done-${a.id}`, text: 'Done',
            title: `Mark "${a.description}" done today`,
            onclick: (event) => markDone(a, event.currentTarget),
          })));
      })));
  }

  async function refresh() {
    const token = state.token;
    const [sessions, open] = await Promise.all([
      api.listSessions(state.mentorshipId), api.openActions(state.mentorshipId),
    ]);
    if (token !== state.token) return;
    state.sessions = sessions;
    renderSessions();
    renderOpenActions(open);
    // With nothing logged yet there is nothing to carry over, so the block would only be noise.
    openBlock.hidden = open.length === 0 && sessions.length === 0;
  }

  function edit(s) {
    state.open = s;
    clearErrors(editor);
    setStatus(editor, '');
    editorTitle.textContent = s.id === null ? 'Log a session' : `Session of ${s.held_on}`;
    fillFields(editor, fields, s);
    actionRows.replaceChildren(...s.actions.map((a) => actionRow(a)));
    renumber();
    removeButton.hidden = s.id === null;
    editor.hidden = false;
    addButton.hidden = true;
    markSelected(table, s.id);
    editor.scrollIntoView({ block: 'nearest' });
    state.dirty = false;
  }

  // Asks before what was typed in the editor and not saved is thrown away.
  async function leaveEditor() {
    if (editor.hidden || !state.dirty) return true;
    return confirmAction({
      title: 'Discard your changes?',
      message: 'The session has changes that are not saved yet. If you go on, they are lost.',
      confirm: 'Discard changes',
      cancel: 'Keep editing',
    });
  }

  async function closeAsked() {
    if (await leaveEditor()) close();
  }

  function close() {
    state.open = null;
    state.dirty = false;
    editor.hidden = true;
    addButton.hidden = false;
    markSelected(table, null);
  }

  // A new session starts from the mentorship's own arrangements: its meeting length, mode and place.
  function logNew() {
    const m = state.mentorship;
    showNotice('', false);
    edit({
      id: null, mentorship_id: state.mentorshipId, held_on: localToday(), minutes: m?.meeting_minutes ?? 60,
      place: m?.meeting_place ?? '', mode: m?.mode ?? null, kind: 'planned', topics: '', advice: '',
      diagnosis_now: '', diagnosis_goal: '', confidential_notes: '', actions: [],
    });
    input('held_on').focus();
  }

  async function openSession(id) {
    if (state.open?.id === id && !editor.hidden) return;
    if (!(await leaveEditor())) {
      markSelected(table, state.open?.id ?? null);
      return;
    }
    try {
      showNotice('', false);
      edit(await api.getSession(id));
    } catch (error) {
      showProblem(problem, error);
    }
  }

  // Saves the editor; a refusal shows next to the field core names and keeps what was typed.
  async function save() {
    clearErrors(editor);
    const { values, problems } = readFields(editor, fields);
    if (problems.length > 0) {
      showError(editor, { code: 'invalid', ...problems[0] });
      return;
    }
    const record = { ...state.open, ...values, actions: collectActions() };
    saveButton.disabled = true;
    setStatus(editor, 'Saving…');
    try {
      const id = await api.saveSession(record);
      await refresh();
      edit(await api.getSession(id));
      setStatus(editor, `Saved at ${timeNow()}.`);
    } catch (error) {
      showError(editor, error);
    } finally {
      saveButton.disabled = false;
    }
  }

  // Removing a session logged by mistake can be undone at once: the notice offers to log the
  // removed session again, as it was last saved.
  async function remove() {
    const s = state.open;
    const agreed = s.actions.length === 0 ? '' : ` with the ${s.actions.length === 1 ? 'action' : `${s.actions.length} actions`} agreed in it`;
    const sure = await confirmAction({
      title: 'Remove this session?',
      message: `The session of ${s.held_on}${agreed} leaves the log. Only do this for a session logged by mistake.`,
      confirm: 'Remove session',
    });
    if (!sure) return;
    try {
      await api.removeSession(s.id);
      state.removed = s;
      close();
      await refresh();
      showNotice(`The session of ${s.held_on} was removed.`, true);
    } catch (error) {
      showError(editor, error);
    }
  }

  async function undoRemove() {
    const s = state.removed;
    if (!s) return;
    try {
      const again = { ...s, id: null, actions: s.actions.map((a) => ({ ...a, id: null })) };
      const id = await api.saveSession(again);
      state.removed = null;
      showNotice(`The session of ${s.held_on} is back in the log.`, false);
      await refresh();
      markSelected(table, id);
    } catch (error) {
      showProblem(problem, error);
    }
  }

  async function markDone(action, button) {
    button.disabled = true;
    const today = localToday();
    try {
      await api.completeAction(action.id, today);
      showProblem(openProblem, null);
      // When the session that agreed the action is open in the editor, its row shows the done
      // date too, so that saving the editor afterwards does not clear it.
      const row = editor.hidden ? null : actionRows.querySelector(`.session-action[data-id="${action.id}"]`);
      if (row) row.querySelector('[name=action_done_on]').value = today;
      await refresh();
    } catch (error) {
      showProblem(openProblem, error);
      button.disabled = false;
    }
  }

  // Shows the log of the mentorship `id`, or hides the card for a mentorship not saved yet.
  async function load(id) {
    state.token += 1;
    const token = state.token;
    state.mentorshipId = id;
    state.mentorship = null;
    state.sessions = [];
    state.removed = null;
    close();
    showProblem(problem, null);
    showProblem(openProblem, null);
    showNotice('', false);
    section.hidden = id === null;
    if (id === null) return;
    try {
      const [mentorship] = await Promise.all([api.getMentorship(id), refresh()]);
      if (token === state.token) state.mentorship = mentorship;
    } catch (error) {
      if (token === state.token) showProblem(problem, error);
    }
  }

  return { section, load };
}
