// A mentorship's session log, shown on the mentorship's page: the sessions held, newest first;
// the editor that logs or changes one with the actions agreed in it; and the actions still
// open from earlier sessions, which carry over until someone marks them done. What counts as
// valid or open is core's; this module shows it and sends what was typed.

import * as api from '../api.js';
import { el, nextId } from '../forms.js';
import { recordCard } from '../card.js';
import { localToday } from '../dates.js';

// The first words of a long text, so that a row of the list stays a line or two high.
function shortened(text, most) {
  if (text.length <= most) return text;
  const cut = text.slice(0, most);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : most)}…`;
}

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's log in it (null for a mentorship not saved yet hides the card).
export function sessionLogSection(ctx) {
  // The mentorship's own arrangements, which a new session starts from.
  let mentorship = null;

  // The actions agreed in the session, one row each.
  const actionRows = el('div', { class: 'rows', id: 'session-actions' });
  const addActionButton = el('button', {
    type: 'button', id: 'session-add-action', class: 'secondary small', text: 'Add an action', command: 'save_session',
    onclick: () => {
      const row = actionRow();
      actionRows.append(row);
      renumber();
      row.querySelector('input').focus();
      card.markDirty();
    },
  });

  function rowField(label, control, wide) {
    control.id = nextId('session-action');
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
          type: 'button', class: 'quiet remove', text: 'Remove', title: 'Remove this action', command: 'save_session',
          onclick: () => {
            row.remove();
            renumber();
            card.markDirty();
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

  // The actions still open, from whichever session agreed them.
  const openList = el('table', { id: 'session-open-actions', class: 'list compact' });
  const openProblem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const openNone = el('p', { class: 'section-note', text: 'No open actions: everything agreed so far is done.' });
  const openBlock = el('div', { class: 'open-actions', id: 'open-actions' },
    el('h3', { text: 'Open actions' }),
    el('p', { class: 'section-note', text: 'Agreed in sessions so far and not done yet; they carry over until marked done.' }),
    openProblem, openNone, openList);

  function showOpenProblem(error) {
    openProblem.textContent = error ? error.message : '';
    openProblem.hidden = !error;
  }

  // Core says when each action is due, in words, and whether it is late.
  function renderOpenActions(open) {
    openNone.hidden = open.length > 0;
    openList.hidden = open.length === 0;
    openList.replaceChildren(
      el('thead', {}, el('tr', {},
        ['Action', 'Who', 'Due', ''].map((label) => el('th', { scope: 'col', text: label })))),
      el('tbody', {}, open.map((o) => {
        const { action: a, due } = o;
        return el('tr', { dataset: { action: a.id } },
          el('td', {}, a.description, el('span', { class: 'open-action-agreed', text: `Agreed on ${o.agreed_on}` })),
          el('td', { text: ctx.label('action_owner', a.owner) }),
          el('td', { class: 'nowrap' }, a.due_on ?? '',
            el('span', { class: `open-action-due${due.late ? ' late' : ''}`, text: due.text })),
          el('td', { class: 'nowrap' }, el('button', {
            type: 'button', class: 'secondary small', id: `open-action-done-${a.id}`, text: 'Done', command: 'complete_action',
            title: `Mark "${a.description}" done today`,
            onclick: (event) => markDone(a, event.currentTarget),
          })));
      })));
  }

  const agreedIn = (s) => (s.actions.length === 0 ? '' : ` with the ${s.actions.length === 1 ? 'action' : `${s.actions.length} actions`} agreed in it`);

  const card = recordCard(ctx, {
    prefix: 'session',
    commands: { save: 'save_session', remove: 'remove_session' },
    listPrefix: 'sessions',
    id: 'sessions',
    class: 'sessions',
    title: 'Sessions',
    editorClass: 'session-editor',
    headingClass: 'session-editor-title',
    noticeClass: 'session-notice',
    actionsClass: 'workplan-actions session-editor-actions',
    saveLabel: 'Save session',
    addLabel: 'Log a session',
    fields: [
      { name: 'held_on', label: 'Date', type: 'date', needed: 'Give the date the session was held.' },
      {
        name: 'minutes', label: 'Duration (minutes)', type: 'number', min: 1, max: 480,
        needed: 'Give the length of the session in minutes.',
      },
      {
        name: 'kind', label: 'Planned or situational', type: 'select', source: { vocab: 'session_kind' }, blank: 'Choose…',
        needed: 'Choose whether the session was planned.',
      },
      { name: 'mode', label: 'Mode', type: 'select', source: { vocab: 'mode' }, blank: 'Choose…', needed: 'Choose how the pair met.' },
      { name: 'place', label: 'Place', wide: true },
      { name: 'topics', label: 'Topics discussed', type: 'textarea', rows: 2, required: true },
      { name: 'advice', label: 'Advice and guidance', type: 'textarea', rows: 2 },
      { name: 'diagnosis_now', label: 'Where the protégé is now', type: 'textarea', rows: 2 },
      { name: 'diagnosis_goal', label: 'Where they want to be', type: 'textarea', rows: 2 },
      {
        name: 'confidential_notes', label: 'Confidential notes', type: 'textarea', rows: 2,
        hint: 'Never printed or exported, unless you include them for one document. The session list does not show them either.',
      },
    ],
    body(block) {
      block.confidential_notes.classList.add('confidential');
      return [
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
      ];
    },
    layout: ({ note, problem, notice, table, addButton, editor }) => [
      note, problem, notice, openBlock, addButton, editor, table,
    ],
    columns: [
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
    ],
    list: api.listSessions,
    more: api.openActions,
    showMore(open, sessions) {
      renderOpenActions(open);
      // With nothing logged yet there is nothing to carry over, so the block would only be noise.
      openBlock.hidden = open.length === 0 && sessions.length === 0;
    },
    newestFirst: true,
    noteOf: (sessions) => (sessions.length === 0
      ? 'No sessions logged yet. Log each session the pair holds, with the actions they agree.'
      : 'The sessions held, newest first. Open one to change it or to record an action done.'),
    // A new session starts from the mentorship's own arrangements: its meeting length, mode and place.
    blank: () => ({
      id: null, mentorship_id: card.mentorshipId, held_on: localToday(), minutes: mentorship?.meeting_minutes ?? 60,
      place: mentorship?.meeting_place ?? '', mode: mentorship?.mode ?? null, kind: 'planned', topics: '', advice: '',
      diagnosis_now: '', diagnosis_goal: '', confidential_notes: '', actions: [],
    }),
    // The list leaves the confidential notes out, so the editor reads the whole session.
    get: api.getSession,
    headingOf: (s) => (s.id === null ? 'Log a session' : `Session of ${s.held_on}`),
    prepare(s) {
      actionRows.replaceChildren(...s.actions.map((a) => actionRow(a)));
      renumber();
    },
    unsaved: 'The session has changes that are not saved yet. If you go on, they are lost.',
    collect: (values) => ({ ...card.open, ...values, actions: collectActions() }),
    save: api.saveSession,
    remove: api.removeSession,
    removal: (s) => ({
      title: 'Remove this session?',
      message: `The session of ${s.held_on}${agreedIn(s)} leaves the log. Only do this for a session logged by mistake.`,
      confirm: 'Remove session',
    }),
    // Undo logs the removed session again, as it was last saved.
    removedText: (s) => `The session of ${s.held_on} was removed.`,
    backText: (s) => `The session of ${s.held_on} is back in the log.`,
    again: (s) => ({ ...s, id: null, actions: s.actions.map((a) => ({ ...a, id: null })) }),
    async load(id, current) {
      const [arrangements] = await Promise.all([api.getMentorship(id), card.refresh()]);
      if (current()) mentorship = arrangements;
    },
  });

  async function markDone(action, button) {
    button.disabled = true;
    const today = localToday();
    try {
      await api.completeAction(action.id, today);
      showOpenProblem(null);
      // When the session that agreed the action is open in the editor, its row shows the done
      // date too, so that saving the editor afterwards does not clear it.
      const row = card.editor.hidden ? null : actionRows.querySelector(`.session-action[data-id="${action.id}"]`);
      if (row) row.querySelector('[name=action_done_on]').value = today;
      await card.refresh();
    } catch (error) {
      showOpenProblem(error);
      button.disabled = false;
    }
  }

  return {
    section: card.section,
    load(id) {
      mentorship = null;
      showOpenProblem(null);
      return card.load(id);
    },
  };
}
