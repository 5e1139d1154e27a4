// Building blocks shared by the screens: elements, form fields described as data, reading
// and filling forms, showing errors next to their field, tables and the in-page confirmation.
// It knows nothing of any register; the screens say which fields they have.

import { mark } from './permissions.js';

// Creates an element. Text always goes in as text nodes, never as markup. `command` names the
// command a control calls, which hides it from a person who may not (see permissions.js).
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'command') mark(node, value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// Folds text for searching in the window, so "zoe" finds "Zoë" as core's search does.
export function fold(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

let uniqueId = 0;
export function nextId(prefix) {
  uniqueId += 1;
  return `${prefix}-${uniqueId}`;
}

// A field is described as {name, label, type, hint, source, blank, needed, ids, wide, rows,
// min, max, limit, required}. `type` is text, email, tel, date, number (whole), hours (a number
// of hours, halves allowed), textarea, select or checkbox. `needed` is the message shown when the field is left empty although the record
// cannot be sent without it; `required` only marks the label.
export function fieldBlock(formId, f) {
  const id = `${formId}-${f.name}`;
  let input;
  switch (f.type) {
    case 'textarea':
      input = el('textarea', { id, name: f.name, rows: f.rows ?? 3 });
      break;
    case 'select':
      input = el('select', { id, name: f.name });
      break;
    case 'checkbox':
      input = el('input', { id, name: f.name, type: 'checkbox' });
      break;
    case 'number':
      input = el('input', {
        id, name: f.name, type: 'number', min: f.min, max: f.max, step: 1, inputmode: 'numeric',
      });
      break;
    case 'hours':
      input = el('input', {
        id, name: f.name, type: 'number', min: f.min ?? 0, max: f.max, step: 0.5, inputmode: 'decimal',
      });
      break;
    default:
      input = el('input', { id, name: f.name, type: f.type ?? 'text', autocomplete: 'off' });
  }
  const hint = f.hint ? el('p', { class: 'hint', id: `${id}-hint`, text: f.hint }) : null;
  if (hint) input.setAttribute('aria-describedby', hint.id);
  const error = el('p', { class: 'field-error', dataset: { for: f.name }, 'aria-live': 'polite' });
  const mark = f.required || f.needed
    ? el('span', { class: 'required', 'aria-hidden': 'true', text: ' *' })
    : null;
  const classes = ['field'];
  if (f.type === 'checkbox') classes.push('check');
  if (f.wide || f.type === 'textarea') classes.push('wide');
  const block = el('div', { class: classes.join(' '), dataset: { field: f.name } });
  if (f.type === 'checkbox') {
    block.append(...[el('label', { for: id }, input, el('span', { text: f.label })), hint, error].filter(Boolean));
  } else {
    block.append(...[el('label', { for: id }, f.label, mark), input, hint, error].filter(Boolean));
  }
  return block;
}

// Fills a drop-down with [{value, label}], keeping its current choice where it still exists.
export function setOptions(select, options, blank) {
  const current = select.value;
  select.replaceChildren();
  if (blank !== undefined && blank !== null) select.append(el('option', { value: '', text: blank }));
  for (const o of options) select.append(el('option', { value: o.value, text: o.label }));
  select.value = current;
  if (select.value !== current) select.selectedIndex = 0;
}

// Chooses `value` in a drop-down. A value the list no longer offers (an archived person, for
// example) is added under `missingLabel`, so saving the form never drops it silently.
export function chooseOption(select, value, missingLabel) {
  const wanted = value === null || value === undefined ? '' : String(value);
  if (wanted !== '' && ![...select.options].some((o) => o.value === wanted)) {
    select.append(el('option', { value: wanted, text: missingLabel ?? wanted }));
  }
  select.value = wanted;
}

export function fillFields(form, fields, record, missingLabel) {
  for (const f of fields) {
    const input = form.elements.namedItem(f.name);
    if (!input) continue;
    const value = record[f.name];
    if (f.type === 'checkbox') input.checked = Boolean(value);
    else if (f.type === 'select') chooseOption(input, value, missingLabel?.(f, value));
    else input.value = value === null || value === undefined ? '' : String(value);
  }
}

// Reads the fields as the record's JSON wants them; `problems` lists values that cannot be
// sent at all (a word in a number box, a drop-down the record cannot do without). Everything
// else is checked by core.
export function readFields(form, fields) {
  const values = {};
  const problems = [];
  for (const f of fields) {
    const input = form.elements.namedItem(f.name);
    if (!input) continue;
    let value;
    if (f.type === 'checkbox') {
      value = input.checked;
    } else if (f.type === 'number') {
      value = readWholeNumber(input, f, problems);
    } else if (f.type === 'hours') {
      value = readHours(input, f, problems);
    } else if (f.type === 'select') {
      value = input.value === '' ? null : f.ids ? Number(input.value) : input.value;
    } else if (f.type === 'date') {
      if (input.validity && input.validity.badInput) {
        problems.push({ field: f.name, message: `${f.label}: write the date as year-month-day, for example 2025-04-01.` });
      }
      value = input.value === '' ? null : input.value;
    } else {
      value = input.value;
    }
    if (value === null && f.needed) problems.push({ field: f.name, message: f.needed });
    values[f.name] = value;
  }
  return { values, problems };
}

function readWholeNumber(input, f, problems) {
  const raw = input.value.trim();
  const limit = f.limit ?? 4294967295;
  if (raw === '' && !(input.validity && input.validity.badInput)) return null;
  const n = Number(raw);
  if (raw === '' || !Number.isInteger(n) || n < 0 || n > limit) {
    problems.push({ field: f.name, message: `${f.label}: give a whole number from 0 to ${limit}.` });
    return null;
  }
  return n;
}

// Hours may have decimals ("1.5"); a comma is read as the decimal mark too, as many South
// African officers write it.
function readHours(input, f, problems) {
  const raw = input.value.trim().replace(',', '.');
  if (raw === '' && !(input.validity && input.validity.badInput)) return null;
  const n = Number(raw);
  if (raw === '' || !Number.isFinite(n) || n < 0) {
    problems.push({ field: f.name, message: `${f.label}: give a number of hours, for example 2 or 1.5.` });
    return null;
  }
  return n;
}

function isShown(node) {
  return node.closest('[hidden]') === null;
}

export function clearErrors(form) {
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const field of form.querySelectorAll('.field.has-error, fieldset.has-error')) {
    field.classList.remove('has-error');
  }
  const top = form.querySelector('.form-error');
  if (top) {
    top.textContent = '';
    top.hidden = true;
  }
}

// Shows a refused save: the message next to the field it names, which gets the focus, or at
// the top of the form when no visible field has that name. Nothing the person typed changes.
export function showError(form, error, field = error.field) {
  clearErrors(form);
  setStatus(form, '');
  const slot = field ? form.querySelector(`.field-error[data-for="${CSS.escape(field)}"]`) : null;
  if (slot && isShown(slot)) {
    slot.textContent = error.message;
    const holder = slot.closest('.field, fieldset');
    holder?.classList.add('has-error');
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`)
      ?? holder?.querySelector('input, select, textarea')
      ?? holder?.querySelector('button');
    if (input && input.name === field) input.setAttribute('aria-invalid', 'true');
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
    return;
  }
  const top = form.querySelector('.form-error');
  if (top) {
    top.textContent = error.message;
    top.hidden = false;
    top.focus();
    top.scrollIntoView({ block: 'nearest' });
  }
}

export function setStatus(form, text) {
  const status = form.querySelector('.form-status');
  if (status) status.textContent = text;
}

// Renders rows into a table. Columns are {label, value(row) -> text or Node, class, extra}. A row
// opens with a click, Enter or Space.
export function renderTable(table, columns, rows, { onOpen, selectedId, empty }) {
  if (!table.tHead) {
    table.append(el('thead', {}, el('tr', {}, columns.map((c) =>
      el('th', { scope: 'col', class: columnClass(c), text: c.label })))));
    table.append(el('tbody'));
  }
  const body = table.tBodies[0];
  body.replaceChildren();
  if (rows.length === 0) {
    body.append(el('tr', { class: 'empty' }, el('td', { colspan: columns.length, text: empty })));
    return;
  }
  for (const row of rows) {
    const tr = el('tr', {
      tabindex: 0,
      dataset: { id: row.id },
      class: row.archived ? 'archived' : null,
      'aria-selected': row.id === selectedId ? 'true' : null,
    }, columns.map((c) => {
      const value = c.value(row);
      return el('td', { class: columnClass(c) }, value instanceof Node ? value : value ?? '');
    }));
    tr.addEventListener('click', () => onOpen(row.id));
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onOpen(row.id);
      }
    });
    body.append(tr);
  }
}

// Columns marked `extra` make way for the form when a record is open.
function columnClass(c) {
  return [c.class, c.extra ? 'extra' : null].filter(Boolean).join(' ') || null;
}

export function markSelected(table, id) {
  for (const tr of table.querySelectorAll('tbody tr[data-id]')) {
    if (tr.dataset.id === String(id)) tr.setAttribute('aria-selected', 'true');
    else tr.removeAttribute('aria-selected');
  }
}

export function pill(text, kind) {
  return el('span', { class: `pill${kind ? ` pill-${kind}` : ''}`, text });
}

// Asks a yes/no question in the window's own dialog; resolves to true when confirmed. The
// dialog is modal (the keyboard stays in it; Escape cancels), and the focus goes back to where
// it was, so a keyboard user carries on from the button that asked. With `cancel: null` it
// only tells, with one button.
export function confirmAction({ title, message, confirm = 'OK', cancel = 'Cancel' }) {
  const dialog = document.getElementById('confirm-dialog');
  const before = document.activeElement;
  dialog.querySelector('.confirm-title').textContent = title;
  dialog.querySelector('.confirm-message').textContent = message;
  const ok = dialog.querySelector('.confirm-ok');
  const no = dialog.querySelector('.confirm-cancel');
  ok.textContent = confirm;
  no.textContent = cancel ?? '';
  no.hidden = cancel === null;
  return new Promise((resolve) => {
    const finish = (answer) => {
      ok.onclick = null;
      no.onclick = null;
      dialog.oncancel = null;
      if (dialog.open) dialog.close();
      before?.focus?.();
      resolve(answer);
    };
    ok.onclick = () => finish(true);
    no.onclick = () => finish(false);
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish(false);
    };
    dialog.showModal();
    (no.hidden ? ok : no).focus();
  });
}
