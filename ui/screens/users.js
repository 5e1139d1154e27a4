// The people who may sign in (Administer, programme manager only): adding someone with a
// role and a first password, changing a role, disabling and enabling. Also the "Change my
// password" dialog everyone may open. Core refuses leaving no active programme manager; the
// screen shows that refusal next to the field it names.

import * as api from '../api.js';
import {
  el, fieldBlock, setOptions, readFields, clearErrors, showError, setStatus, renderTable, pill,
} from '../forms.js';
import { timeNow } from '../dates.js';

const ADD_FIELDS = [
  { name: 'name', label: 'Name', required: true },
  { name: 'role', label: 'Role', type: 'select', required: true },
  {
    name: 'password', label: 'First password', type: 'password', required: true,
    hint: 'At least 8 characters. Give it to the person; they can change it after signing in.',
  },
];

const ROLES = [
  { value: 'programme_manager', label: 'Programme manager' },
  { value: 'hr_officer', label: 'HR officer' },
  { value: 'viewer', label: 'Viewer' },
];

export function usersScreen(ctx) {
  const section = document.getElementById('screen-users');
  const table = el('table', { class: 'list', id: 'users-table' });
  const listError = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const listForm = el('form', { id: 'users-list', novalidate: true },
    listError, table,
    el('p', { class: 'field-error', dataset: { for: 'role' }, 'aria-live': 'polite' }),
    el('p', { class: 'field-error', dataset: { for: 'active' }, 'aria-live': 'polite' }),
    el('span', { class: 'form-status', role: 'status' }));
  const addForm = el('form', { id: 'user-add', novalidate: true, autocomplete: 'off' },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'form-grid' }, ADD_FIELDS.map((f) => fieldBlock('user-add', f))),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'primary', id: 'user-add-save', text: 'Add this person' }),
      el('span', { class: 'form-status', role: 'status' })));
  setOptions(addForm.elements.role, ROLES);
  addForm.elements.role.value = 'hr_officer';

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Users' })),
    el('div', { class: 'settings-layout' },
      el('div', { class: 'card' },
        el('h2', { text: 'People who may sign in' }),
        el('p', {
          class: 'section-note',
          text: 'A programme manager may do everything; an HR officer keeps the records but neither changes settings nor reads confidential notes; a viewer reads and prints.',
        }),
        listForm),
      el('div', { class: 'card' }, el('h2', { text: 'Add a person' }), addForm)));

  function roleSelect(user) {
    const select = el('select', { 'aria-label': `Role of ${user.name}`, dataset: { user: user.id } });
    setOptions(select, ROLES);
    select.value = user.role;
    select.addEventListener('change', async () => {
      clearErrors(listForm);
      try {
        await api.setUserRole(user.id, select.value);
        setStatus(listForm, `${user.name} is now ${ROLES.find((r) => r.value === select.value).label.toLowerCase()} (${timeNow()}).`);
      } catch (error) {
        select.value = user.role;
        showError(listForm, error);
      }
      await reload();
    });
    return select;
  }

  function activeButton(user) {
    return el('button', {
      type: 'button', class: 'secondary', dataset: { user: user.id },
      text: user.active ? 'Disable' : 'Enable',
      onclick: async () => {
        clearErrors(listForm);
        try {
          await api.setUserDisabled(user.id, user.active);
          setStatus(listForm, `${user.name} ${user.active ? 'may no longer' : 'may again'} sign in (${timeNow()}).`);
        } catch (error) {
          showError(listForm, error);
        }
        await reload();
      },
    });
  }

  async function reload() {
    try {
      const users = await api.listUsers();
      renderTable(table, [
        { label: 'Name', value: (u) => u.name, class: 'strong' },
        { label: 'Role', value: (u) => roleSelect(u) },
        { label: '', value: (u) => (u.active ? '' : pill('Disabled', 'muted')) },
        { label: '', value: (u) => activeButton(u) },
      ], users, { empty: 'No one may sign in yet.', onOpen: () => {} });
    } catch (error) {
      showError(listForm, error);
    }
  }

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(addForm);
    const { name, role, password } = readFields(addForm, ADD_FIELDS).values;
    try {
      const user = await api.addUser(name ?? '', role ?? 'viewer', password ?? '');
      addForm.elements.name.value = '';
      addForm.elements.password.value = '';
      setStatus(addForm, `${user.name} may sign in (${timeNow()}).`);
      await reload();
    } catch (error) {
      showError(addForm, error);
    }
  });

  return { show: reload };
}

// The "Change my password" dialog, for whoever is signed in. Built once, opened on request.
export function changePasswordDialog() {
  const fields = [
    { name: 'old_password', label: 'Current password', type: 'password', required: true, wide: true },
    {
      name: 'new_password', label: 'New password', type: 'password', required: true, wide: true,
      hint: 'At least 8 characters.',
    },
    { name: 'again', label: 'New password again', type: 'password', required: true, wide: true },
  ];
  const form = el('form', { id: 'password-form', method: 'dialog', novalidate: true, autocomplete: 'off' },
    el('h2', { text: 'Change my password' }),
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    fields.map((f) => fieldBlock('password-form', f)),
    el('div', { class: 'confirm-actions' },
      el('button', { type: 'button', class: 'secondary', id: 'password-cancel', text: 'Cancel' }),
      el('button', { type: 'submit', class: 'primary', id: 'password-save', text: 'Change password' })),
    el('span', { class: 'form-status', role: 'status' }));
  const dialog = el('dialog', { id: 'password-dialog', 'aria-label': 'Change my password' }, form);
  document.body.append(dialog);
  // However the dialog closes (Cancel, Escape, a change made), the focus returns to the button
  // that opened it.
  let opener = null;
  dialog.addEventListener('close', () => opener?.focus());
  form.querySelector('#password-cancel').addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = Object.fromEntries(fields.map((f) => [f.name, form.elements[f.name].value]));
    if (values.new_password !== values.again) {
      showError(form, { message: 'The two new passwords differ: type the same one twice.' }, 'again');
      return;
    }
    try {
      await api.changePassword(values.old_password, values.new_password);
      for (const f of fields) form.elements[f.name].value = '';
      dialog.close();
      document.getElementById('signed-in-status').textContent = `Password changed at ${timeNow()}.`;
    } catch (error) {
      showError(form, error);
    }
  });
  return {
    open() {
      opener = document.activeElement;
      clearErrors(form);
      for (const f of fields) form.elements[f.name].value = '';
      dialog.showModal();
      form.elements.old_password.focus();
    },
  };
}
