// The layout and behaviour every register screen shares: a searchable, filterable list, the
// record's form beside it (below it in a narrow window), New, Save, Archive and Restore. A
// screen module describes its own columns, filters and fields and calls `registerScreen`.

import * as api from './api.js';
import {
  el, debounce, fieldBlock, setOptions, fillFields, readFields, clearErrors, showError,
  setStatus, renderTable, markSelected, confirmAction,
} from './forms.js';
import { timeNow } from './dates.js';
import { allows } from './permissions.js';

// cfg: {
//   name, register, title, newLabel, noun, searchPlaceholder, archivable (default true),
//   saveCommand (the command Save calls: New and Save are hidden from whoever may not call it),
//   newCommand (the command New calls, when it makes the record in core: see `create`),
//   columns, filters: [{key, label, source, blank, ids, initial() -> value chosen first}],
//   list(query) -> rows, get(id) -> record, save(record) -> id, blank() -> record (may be async),
//   create() -> id (when set, the New button makes the record in core and opens it),
//   sections: [{legend, fields, note}], titleOf(record, form),
//   extend({form, head, body, screen}), afterFill(form, record), collect(form, record, problems),
//   errorField(error, form), onError(error, form), empty(query) -> text,
// }
export function registerScreen(ctx, cfg) {
  const { name } = cfg;
  const section = document.getElementById(`screen-${name}`);
  const fields = cfg.sections.flatMap((s) => s.fields);
  const state = { record: null, dirty: false, token: 0, rows: [], filtersChosen: false };
  const archivable = cfg.archivable !== false;

  // The list and its tools.
  const search = el('input', {
    type: 'search', id: `${name}-search`, class: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: cfg.searchPlaceholder, 'aria-label': cfg.searchPlaceholder,
  });
  const filters = (cfg.filters ?? []).map((f) => ({
    ...f,
    select: el('select', { id: `${name}-filter-${f.key}`, 'aria-label': f.label }),
  }));
  const archivedBox = el('input', { type: 'checkbox', id: `${name}-show-archived` });
  const newButton = el('button', {
    type: 'button', id: `${name}-new`, class: 'primary', text: cfg.newLabel, command: cfg.newCommand ?? cfg.saveCommand,
  });
  const table = el('table', { id: `${name}-list`, class: 'list' });
  const count = el('p', { class: 'list-count', 'aria-live': 'polite' });
  const listError = el('p', { class: 'screen-error', role: 'alert', hidden: true });

  // The form.
  const title = el('h2', { class: 'form-title' });
  const archivedBadge = el('span', { class: 'pill pill-muted', text: 'Archived', hidden: true });
  const archiveButton = el('button', { type: 'button', id: `${name}-archive`, class: 'secondary', command: 'set_archived' });
  const closeButton = el('button', { type: 'button', class: 'quiet', text: 'Close', title: 'Close the form' });
  const head = el('div', { class: 'form-head' }, title, archivedBadge, el('span', { class: 'spacer' }));
  const tools = el('div', { class: 'form-tools' }, archiveButton, closeButton);
  const body = el('div', { class: 'form-body' });
  const saveButton = el('button', { type: 'submit', class: 'primary', text: 'Save', command: cfg.saveCommand });
  const form = el('form', { id: `${name}-form`, novalidate: true, autocomplete: 'off' },
    el('div', { class: 'form-top' }, head, tools),
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    body,
    el('div', { class: 'form-actions' },
      saveButton,
      el('span', { class: 'form-status', role: 'status', 'aria-live': 'polite' }),
      el('span', { class: 'spacer' }),
      el('span', { class: 'legend-required', text: '* required' })));
  for (const s of cfg.sections) {
    body.append(el('fieldset', { class: 'section', 'data-record-fields': '' },
      s.legend ? el('legend', { text: s.legend }) : null,
      s.note ? el('p', { class: 'section-note', text: s.note }) : null,
      el('div', { class: 'grid' }, s.fields.map((f) => fieldBlock(form.id, f)))));
  }
  const formPane = el('div', { class: 'form-pane', hidden: true }, form);
  const split = el('div', { class: 'split' },
    el('div', { class: 'list-pane' }, table, count),
    formPane);

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: cfg.title }), el('span', { class: 'spacer' }), newButton),
    el('div', { class: 'toolbar' },
      search,
      filters.map((f) => el('label', { class: 'filter' }, el('span', { text: f.label }), f.select)),
      archivable
        ? el('label', { class: 'filter check', for: archivedBox.id }, archivedBox, el('span', { text: 'Show archived' }))
        : null),
    listError,
    split);

  const screen = {
    section,
    form,
    isDirty: () => state.dirty,
    record: () => state.record,
    markDirty() {
      state.dirty = true;
      setStatus(form, '');
    },
    show,
    open,
    load: (record) => fill(record),
    reload,
    save,
    gather,
    refreshList,
    saveButton,
    listError,
  };
  cfg.extend?.({ form, head, tools, body, screen });

  function query() {
    const q = { text: search.value, include_archived: archivedBox.checked };
    for (const f of filters) {
      const v = f.select.value;
      q[f.key] = v === '' ? null : f.ids ? Number(v) : v;
    }
    return q;
  }

  async function refreshList() {
    const token = ++state.token;
    const q = query();
    try {
      const rows = await cfg.list(q);
      if (token !== state.token) return;
      listError.hidden = true;
      state.rows = rows;
      renderTable(table, cfg.columns, rows, {
        onOpen: (id) => open(id),
        selectedId: state.record?.id ?? null,
        empty: cfg.empty(q),
      });
      count.textContent = rows.length === 1 ? `1 ${cfg.noun}` : `${rows.length} ${cfg.nounPlural}`;
    } catch (error) {
      if (token !== state.token) return;
      listError.textContent = error.message;
      listError.hidden = false;
    }
  }

  async function refreshFilterOptions() {
    for (const f of filters) setOptions(f.select, await ctx.options(f.source), f.blank);
    // A filter with a first choice (the current cycle, say) takes it once; after that the
    // person's own choice stays.
    if (state.filtersChosen) return;
    state.filtersChosen = true;
    for (const f of filters) {
      if (!f.initial) continue;
      const value = await f.initial();
      if (value !== null && value !== undefined) {
        setOptions(f.select, await ctx.options(f.source), f.blank);
        f.select.value = String(value);
      }
    }
  }

  async function refreshFieldOptions() {
    for (const f of fields) {
      if (f.type !== 'select' || !f.source) continue;
      const blank = f.blank ?? (f.needed || f.required ? 'Choose…' : '—');
      setOptions(form.elements.namedItem(f.name), await ctx.options(f.source), blank);
    }
  }

  function missingLabel(f, value) {
    return `${f.label}: record no. ${value} (archived)`;
  }

  function updateHead() {
    const r = state.record;
    title.textContent = r.id === null ? cfg.newLabel : cfg.titleOf(r, form);
    archivedBadge.hidden = !r.archived;
    archiveButton.hidden = r.id === null || !archivable;
    archiveButton.textContent = r.archived ? 'Restore' : 'Archive';
  }

  function fill(record) {
    state.record = structuredClone(record);
    clearErrors(form);
    setStatus(form, '');
    fillFields(form, fields, record, missingLabel);
    for (const attention of form.querySelectorAll('.attention')) attention.classList.remove('attention');
    cfg.afterFill?.(form, record, screen);
    // Whoever may not save the record reads it: its fields cannot be changed, whatever the
    // screen allows for the record itself. (Signing out reloads the window.)
    if (!allows(cfg.saveCommand)) {
      for (const fieldset of body.querySelectorAll('[data-record-fields]')) fieldset.disabled = true;
    }
    state.dirty = false;
    updateHead();
  }

  // Asks before the person's unsaved changes are thrown away.
  async function leaveForm() {
    if (!state.dirty) return true;
    return confirmAction({
      title: 'Discard your changes?',
      message: 'The form has changes that are not saved yet. If you go on, they are lost.',
      confirm: 'Discard changes',
      cancel: 'Keep editing',
    });
  }

  async function open(id) {
    if (state.record && id !== null && state.record.id === id && !formPane.hidden) return;
    if (!(await leaveForm())) return;
    try {
      const record = id === null ? await cfg.blank() : await cfg.get(id);
      await refreshFieldOptions();
      fill(record);
      formPane.hidden = false;
      split.classList.add('editing');
      markSelected(table, id);
      const first = form.querySelector('.form-body input:not([type=radio]), .form-body select, .form-body textarea');
      if (id === null) first?.focus();
      formPane.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      listError.textContent = error.message;
      listError.hidden = false;
    }
  }

  // Reads the open record again from core, after an action that changed it in core.
  async function reload() {
    const r = state.record;
    if (!r || r.id === null) return;
    fill(await cfg.get(r.id));
    markSelected(table, r.id);
  }

  async function close() {
    if (!(await leaveForm())) return;
    state.record = null;
    state.dirty = false;
    formPane.hidden = true;
    split.classList.remove('editing');
    markSelected(table, null);
  }

  async function show() {
    try {
      await refreshFilterOptions();
    } catch (error) {
      listError.textContent = error.message;
      listError.hidden = false;
    }
    await refreshList();
  }

  form.addEventListener('input', () => screen.markDirty());
  form.addEventListener('change', () => screen.markDirty());

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await save();
  });

  // Saves the form and opens what core wrote; resolves to the id, or null when the save was
  // refused (the message is then beside its field and everything typed is kept).
  // The record as the form now holds it, with what is missing or wrong in it.
  function gather() {
    const { values, problems } = readFields(form, fields);
    const record = { ...state.record, ...values };
    cfg.collect?.(form, record, problems);
    return { record, problems };
  }

  async function save() {
    if (saveButton.disabled) return null;
    clearErrors(form);
    const { record, problems } = gather();
    if (problems.length > 0) {
      showError(form, { code: 'invalid', ...problems[0] });
      return null;
    }
    saveButton.disabled = true;
    setStatus(form, 'Saving…');
    try {
      const id = await cfg.save(record);
      fill(await cfg.get(id));
      setStatus(form, `Saved at ${timeNow()}.`);
      await refreshList();
      markSelected(table, id);
      return id;
    } catch (error) {
      showError(form, error, cfg.errorField?.(error, form) ?? error.field);
      cfg.onError?.(error, form);
      return null;
    } finally {
      saveButton.disabled = false;
    }
  }

  archiveButton.addEventListener('click', async () => {
    const r = state.record;
    if (!r || r.id === null) return;
    const archive = !r.archived;
    if (archive) {
      const ok = await confirmAction({
        title: `Archive ${cfg.titleOf(r, form)}?`,
        message: `The ${cfg.noun} leaves the lists and drop-downs but keeps all its history. `
          + 'You can restore the record at any time: tick "Show archived", open it and choose Restore.',
        confirm: 'Archive',
      });
      if (!ok) return;
    }
    try {
      await api.setArchived(cfg.register, r.id, archive);
      // Only the archived mark changes, so anything typed but not yet saved stays in the form.
      state.record.archived = archive;
      updateHead();
      setStatus(form, archive ? `Archived at ${timeNow()}.` : `Restored at ${timeNow()}.`);
      await refreshList();
      markSelected(table, r.id);
    } catch (error) {
      showError(form, error);
    }
  });

  newButton.addEventListener('click', async () => {
    if (!cfg.create) {
      open(null);
      return;
    }
    if (!(await leaveForm())) return;
    try {
      const id = await cfg.create();
      state.dirty = false;
      await refreshList();
      await open(id);
    } catch (error) {
      listError.textContent = error.message;
      listError.hidden = false;
    }
  });
  closeButton.addEventListener('click', () => close());
  search.addEventListener('input', debounce(() => refreshList(), 250));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && search.value !== '') {
      search.value = '';
      refreshList();
    }
  });
  for (const f of filters) f.select.addEventListener('change', () => refreshList());
  archivedBox.addEventListener('change', () => refreshList());

  return screen;
}

// The words for an empty list: nothing yet, or nothing matching the search.
export function emptyText(noun, newLabel) {
  return (q) => {
    const narrowed = q.text.trim() !== '' || Object.entries(q).some(([k, v]) =>
      k !== 'text' && k !== 'include_archived' && v !== null && v !== '');
    return narrowed
      ? `No ${noun} match the search or filters.`
      : `No ${noun} yet. Choose "${newLabel}" to add the first.`;
  };
}
