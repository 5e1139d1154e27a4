// The public holidays work plans avoid, shown in the Settings screen: a year's list (this year
// or next), with adding, renaming or moving, and removing a holiday. Which days are holidays
// at first is core's; the office corrects them here.

import * as api from './api.js';
import {
  el, renderTable, markSelected, showError, clearErrors, setStatus, confirmAction,
} from './forms.js';
import { thisYear } from './dates.js';

export function holidaysCard() {
  const state = { year: thisYear(), rows: [], open: null };
  const yearSelect = el('select', { id: 'holidays-year', name: 'year' },
    [state.year, state.year + 1].map((y) => el('option', { value: y, text: String(y) })));
  yearSelect.addEventListener('change', () => {
    state.year = Number(yearSelect.value);
    close();
    refresh();
  });
  const table = el('table', { id: 'holidays-list', class: 'list compact' });
  const loadError = el('p', { class: 'screen-error', role: 'alert', hidden: true });

  const field = (name, type, label) => {
    const input = el('input', { id: `holiday-${name}`, name, type, autocomplete: 'off' });
    return {
      input,
      block: el('div', { class: 'field', dataset: { field: name } },
        el('label', { for: input.id, text: label }), input,
        el('p', { class: 'field-error', dataset: { for: name }, 'aria-live': 'polite' })),
    };
  };
  const date = field('date', 'date', 'Date');
  const name = field('name', 'text', 'Name');
  const removeButton = el('button', {
    type: 'button', id: 'holiday-remove', class: 'quiet small', text: 'Remove', onclick: () => remove(),
  });
  const editor = el('form', { id: 'holiday-editor', class: 'holiday-editor', novalidate: true, autocomplete: 'off', hidden: true },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'grid' }, date.block, name.block),
    el('div', { class: 'workplan-actions' },
      el('button', { type: 'submit', class: 'primary small', text: 'Save holiday' }),
      removeButton,
      el('button', { type: 'button', class: 'quiet small', text: 'Close', onclick: () => close() }),
      el('span', { class: 'form-status', role: 'status' })));
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  const card = el('div', { class: 'card', id: 'holidays' },
    el('h2', { text: 'Public holidays' }),
    el('p', { class: 'section-note', text: 'Work plans skip these days. Correct a year here when a holiday is declared or moved.' }),
    el('label', { class: 'filter', for: yearSelect.id }, el('span', { text: 'Year' }), yearSelect),
    loadError,
    table,
    editor,
    el('button', {
      type: 'button', id: 'holiday-add', class: 'secondary small', text: 'Add a holiday',
      onclick: () => edit(null),
    }));

  // Rows are keyed by date, the holiday's identity.
  const columns = [
    { label: 'Date', value: (h) => h.date, class: 'nowrap' },
    { label: 'Name', value: (h) => h.name },
  ];

  async function refresh() {
    try {
      const list = await api.holidays(state.year);
      state.rows = list.map((h) => ({ ...h, id: h.date }));
      loadError.hidden = true;
      renderTable(table, columns, state.rows, {
        onOpen: (id) => edit(state.rows.find((h) => h.id === id) ?? null),
        selectedId: state.open?.date ?? null,
        empty: `No public holidays are recorded for ${state.year}.`,
      });
    } catch (error) {
      loadError.textContent = error.message;
      loadError.hidden = false;
    }
  }

  function close() {
    state.open = null;
    editor.hidden = true;
    markSelected(table, null);
  }

  // Opens a holiday to rename or move it, or a blank one (null) to add.
  function edit(h) {
    state.open = h;
    clearErrors(editor);
    setStatus(editor, '');
    date.input.value = h?.date ?? '';
    name.input.value = h?.name ?? '';
    removeButton.hidden = h === null;
    editor.hidden = false;
    markSelected(table, h?.date ?? null);
    date.input.focus();
  }

  async function save() {
    if (!date.input.value) {
      showError(editor, { message: 'Give the date of the holiday.' }, 'date');
      return;
    }
    const holiday = { date: date.input.value, name: name.input.value };
    try {
      await api.saveHoliday(holiday, state.open?.date ?? null);
      await refresh();
      edit(state.rows.find((h) => h.date === holiday.date) ?? null);
      setStatus(editor, 'Saved.');
    } catch (error) {
      showError(editor, error);
    }
  }

  async function remove() {
    const h = state.open;
    const sure = await confirmAction({
      title: 'Remove this holiday?',
      message: `${h.name} on ${h.date} becomes a working day for work plans generated from now on.`,
      confirm: 'Remove holiday',
    });
    if (!sure) return;
    try {
      await api.removeHoliday(h.date);
      close();
      await refresh();
    } catch (error) {
      showError(editor, error);
    }
  }

  return { card, show: refresh };
}
