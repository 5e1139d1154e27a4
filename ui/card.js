// The layout and behaviour every card of a mentorship's page shares: a heading, the records of
// one kind in a table, the inline editor that adds, changes or removes one (Save, Remove,
// Close), a line for problems and a notice that offers to undo a removal. It is the twin of
// register.js for the records that belong to a mentorship: a card module describes its ids,
// words, fields and calls and calls `recordCard`. What is valid is core's; a refusal shows
// beside the field core names and everything typed is kept.

import {
  el, fieldBlock, fillFields, readFields, renderTable, markSelected, showError,
  clearErrors, setStatus, confirmAction,
} from './forms.js';
import { timeNow } from './dates.js';
import { allows } from './permissions.js';

// cfg: {
//   prefix (ids of the editor, its buttons and fields: rating-editor, rating-save, rating-evidence),
//   listPrefix (ids of the list, Add and Undo: ratings-list, ratings-add, ratings-undo),
//   id, class, title: the section; editorClass, headingClass (no heading without it),
//   noticeClass, actionsClass, saveLabel, addLabel (no Add button without it),
//   fields (forms.js fields; a select with `source: {vocab}` is filled with `blank` first),
//   body(block) -> what the editor holds between its problem line and its buttons, `block`
//   being each field's block by name; after: what follows the buttons,
//   layout({note, problem, notice, table, addButton, editor}) -> what follows the heading,
//   columns, list(mentorshipId) -> rows, newestFirst, noteOf(rows), rendered(rows),
//   more(mentorshipId) -> what else is read with the rows, showMore(answer, rows),
//   canAdd(), addWhileEditing, blank() -> a new record (may be async; a refusal is shown),
//   get(id) -> the record to edit (default: its row), headingOf(record),
//   prepare(record) -> before the fields are filled (may be async), focusOf(record),
//   missingLabel(field, value), unsaved: the words asking before changes are thrown away,
//   collect(values, problems) -> the record to save (default: the open one with the values),
//   save(record) -> id, saying: {busy, done()} (what the status line says),
//   commands: {save, remove}: the commands save and remove call (Add, Save, Undo and Remove are
//   hidden from whoever may not call them),
//   remove(id), removal(record) -> the confirmation, removedText(record), backText(record)
//   (no Undo without them), again(record) -> what Undo saves (default: the record without id),
//   alwaysOpen: the editor never closes; reopen(restored) then shows it again after a save,
//   a removal or an undo (`restored` is the record Undo brought back),
//   openRow(id), load(mentorshipId, current) -> reads what the card shows (default: the rows),
// }
export function recordCard(ctx, cfg) {
  const listPrefix = cfg.listPrefix ?? cfg.prefix;
  const saying = cfg.saying ?? { busy: 'Saving…', done: () => `Saved at ${timeNow()}.` };
  const state = { mentorshipId: null, rows: [], open: null, removed: null, dirty: false, token: 0 };

  const block = Object.fromEntries(cfg.fields.map((f) => [f.name, fieldBlock(cfg.prefix, f)]));
  const input = (name) => block[name].querySelector(`[name="${name}"]`);
  for (const f of cfg.fields) {
    if (!f.source?.vocab) continue;
    const options = (ctx.vocab[f.source.vocab] ?? []).map((e) => el('option', { value: e.code, text: e.label }));
    if (f.blank) options.unshift(el('option', { value: '', text: f.blank }));
    input(f.name).append(...options);
  }

  // The editor.
  const heading = cfg.headingClass ? el('h3', { class: cfg.headingClass }) : null;
  const saveButton = el('button', {
    type: 'submit', id: `${cfg.prefix}-save`, class: 'primary small', text: cfg.saveLabel, command: cfg.commands.save,
  });
  const removeButton = el('button', {
    type: 'button', id: `${cfg.prefix}-remove`, class: 'quiet small', text: 'Remove', onclick: () => remove(),
    command: cfg.commands.remove,
  });
  const closeButton = cfg.alwaysOpen ? null : el('button', {
    type: 'button', id: `${cfg.prefix}-close`, class: 'quiet small', text: 'Close', onclick: () => closeAsked(),
  });
  const editorProps = {
    id: `${cfg.prefix}-editor`, class: cfg.editorClass, novalidate: true, autocomplete: 'off', hidden: !cfg.alwaysOpen,
    'data-record-fields': '',
  };
  const editor = el('form', editorProps,
    heading,
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    cfg.body(block),
    el('div', { class: cfg.actionsClass ?? 'workplan-actions' },
      saveButton, removeButton, closeButton,
      el('span', { class: 'form-status', role: 'status' })),
    cfg.after ?? []);
  // Whoever may not save the card's records reads them: nothing in the editor can be changed.
  // (Signing out reloads the window, so a control disabled here is never needed again.)
  const readOnly = () => !allows(cfg.commands.save);
  function readOnlyUnlessAllowed() {
    if (!readOnly()) return;
    for (const control of editor.querySelectorAll('input, select, textarea')) control.disabled = true;
  }
  if (cfg.alwaysOpen) readOnlyUnlessAllowed();
  editor.addEventListener('input', () => { state.dirty = true; });
  editor.addEventListener('change', () => { state.dirty = true; });
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  // The list and the lines about it.
  const table = el('table', { id: `${listPrefix}-list`, class: 'list compact' });
  const note = el('p', { class: 'section-note' });
  const problem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const undoButton = el('button', {
    type: 'button', id: `${listPrefix}-undo`, class: 'secondary small', text: 'Undo', onclick: () => undo(),
    command: cfg.commands.save,
  });
  const noticeText = el('span');
  const notice = el('p', { class: cfg.noticeClass, role: 'status', hidden: true }, noticeText, undoButton);
  const addButton = cfg.addLabel ? el('button', {
    type: 'button', id: `${listPrefix}-add`, class: 'secondary small', text: cfg.addLabel, onclick: () => addNew(),
    command: cfg.commands.save,
  }) : null;

  const section = el('section', { class: cfg.class, id: cfg.id, hidden: true },
    el('h2', { text: cfg.title }),
    cfg.layout({ note, problem, notice, table, addButton, editor }));

  function showProblem(error) {
    problem.textContent = error ? error.message : '';
    problem.hidden = !error;
  }

  function showNotice(text, undoable) {
    noticeText.textContent = text;
    undoButton.hidden = !undoable;
    notice.hidden = text === '';
  }

  // Returns a test that stays true while the card shows the mentorship it showed when asked,
  // so that an answer arriving after another mentorship was opened is dropped.
  function ticket() {
    const token = state.token;
    return () => token === state.token;
  }

  // One record is edited at a time, so Add makes way while the editor is open (the work plan's
  // stays, below the list it adds to).
  function showAdd() {
    if (!addButton) return;
    addButton.hidden = !(cfg.canAdd?.() ?? true) || (!editor.hidden && !cfg.addWhileEditing);
  }

  function render(rows = state.rows) {
    state.rows = rows;
    table.hidden = rows.length === 0;
    if (cfg.noteOf) note.textContent = cfg.noteOf(rows);
    renderTable(table, cfg.columns, cfg.newestFirst ? [...rows].reverse() : rows, {
      onOpen: (id) => (cfg.openRow ?? openRow)(id), selectedId: state.open?.id ?? null, empty: '',
    });
    showAdd();
    cfg.rendered?.(rows);
  }

  async function refresh() {
    const current = ticket();
    const [rows, more] = await Promise.all([cfg.list(state.mentorshipId), cfg.more?.(state.mentorshipId)]);
    if (!current()) return;
    render(rows);
    cfg.showMore?.(more, rows);
  }

  async function edit(record) {
    state.open = record;
    clearErrors(editor);
    setStatus(editor, '');
    showNotice('', false);
    if (heading) heading.textContent = cfg.headingOf(record);
    removeButton.hidden = record.id === null;
    await cfg.prepare?.(record);
    fillFields(editor, cfg.fields, record, cfg.missingLabel);
    readOnlyUnlessAllowed();
    editor.hidden = false;
    showAdd();
    markSelected(table, record.id);
    editor.scrollIntoView({ block: 'nearest' });
    state.dirty = false;
    cfg.focusOf?.(record).focus();
  }

  // Asks before what was typed in the editor and not saved is thrown away, on a card that
  // keeps much typing (a session's).
  async function leaveEditor() {
    if (!cfg.unsaved || editor.hidden || !state.dirty) return true;
    return confirmAction({
      title: 'Discard your changes?',
      message: cfg.unsaved,
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
    if (!cfg.alwaysOpen) editor.hidden = true;
    showAdd();
    markSelected(table, null);
  }

  async function addNew() {
    let record;
    try {
      record = await cfg.blank();
    } catch (error) {
      showProblem(error);
      return;
    }
    await edit(record);
    input(cfg.fields[0].name).focus();
  }

  async function openRow(id) {
    if (cfg.unsaved) {
      if (state.open?.id === id && !editor.hidden) return;
      if (!(await leaveEditor())) {
        markSelected(table, state.open?.id ?? null);
        return;
      }
    }
    showNotice('', false);
    try {
      const record = cfg.get ? await cfg.get(id) : state.rows.find((x) => x.id === id);
      if (record) await edit(record);
    } catch (error) {
      showProblem(error);
    }
  }

  // Saves the editor and opens what core wrote.
  async function save() {
    clearErrors(editor);
    const { values, problems } = readFields(editor, cfg.fields);
    const record = cfg.collect ? cfg.collect(values, problems) : { ...state.open, ...values };
    if (problems.length > 0) {
      showError(editor, { code: 'invalid', ...problems[0] });
      return;
    }
    if (saying.busy) {
      saveButton.disabled = true;
      setStatus(editor, saying.busy);
    }
    try {
      const id = await cfg.save(record);
      await refresh();
      if (cfg.reopen) {
        await cfg.reopen();
      } else {
        const saved = cfg.get ? await cfg.get(id) : state.rows.find((x) => x.id === id);
        if (saved) await edit(saved);
      }
      setStatus(editor, saying.done());
    } catch (error) {
      showError(editor, error);
    } finally {
      saveButton.disabled = false;
    }
  }

  // A record removed by mistake can be saved again at once: the notice offers to undo.
  async function remove() {
    const r = state.open;
    if (!(await confirmAction(cfg.removal(r)))) return;
    try {
      await cfg.remove(r.id);
      state.removed = r;
      close();
      await refresh();
      await cfg.reopen?.();
      if (cfg.removedText) showNotice(cfg.removedText(r), true);
    } catch (error) {
      showError(editor, error);
    }
  }

  async function undo() {
    const r = state.removed;
    if (!r) return;
    try {
      const id = await cfg.save(cfg.again ? cfg.again(r) : { ...r, id: null });
      state.removed = null;
      await refresh();
      if (cfg.reopen) await cfg.reopen(r);
      else markSelected(table, id);
      showNotice(cfg.backText(r), false);
    } catch (error) {
      showProblem(error);
    }
  }

  // Shows the records of the mentorship `id`, or hides the card for a mentorship not saved yet.
  async function load(id) {
    state.token += 1;
    const current = ticket();
    state.mentorshipId = id;
    state.rows = [];
    state.removed = null;
    close();
    showProblem(null);
    showNotice('', false);
    section.hidden = id === null;
    if (id === null) return;
    try {
      await (cfg.load ? cfg.load(id, current) : refresh());
    } catch (error) {
      if (current()) showProblem(error);
    }
  }

  return {
    section, editor, table, saveButton, removeButton, closeButton,
    input, render, refresh, edit, load, showProblem, showNotice, ticket,
    markDirty() { state.dirty = true; },
    // Whether the person may only read the card's records (a card that fills its own editor
    // keeps its fields disabled then).
    get readOnly() { return readOnly(); },
    get mentorshipId() { return state.mentorshipId; },
    get rows() { return state.rows; },
    // The record the editor shows: what Save starts from and Remove removes.
    get open() { return state.open; },
    set open(record) { state.open = record; },
  };
}
