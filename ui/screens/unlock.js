// Unlocking an encrypted database: before anything else, the passphrase. A wrong one is said
// plainly and the form stays, with what was typed cleared; nothing else can be done meanwhile
// because every register is inside the encrypted file.

import * as api from '../api.js';
import { el, fieldBlock, clearErrors, showError } from '../forms.js';

// Shows the unlock screen in `section` and resolves once the database is open.
export function unlockDatabase(section, databasePath) {
  return new Promise((resolve) => {
    const form = el('form', { id: 'unlock', novalidate: true, autocomplete: 'off' },
      el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
      fieldBlock('unlock', {
        name: 'passphrase', label: 'Passphrase', type: 'password', required: true, wide: true,
      }),
      el('div', { class: 'form-actions' },
        el('button', { type: 'submit', class: 'primary', id: 'unlock-submit', text: 'Unlock' })));
    section.replaceChildren(el('div', { class: 'welcome signin' },
      el('h1', { text: 'This programme\'s data is encrypted' }),
      el('p', {
        class: 'section-note',
        text: 'Type the passphrase to open it. Without the passphrase no one can read the file, not even MentorDesk.',
      }),
      el('p', { class: 'section-note' }, 'Database file: ', el('code', { class: 'path', text: databasePath ?? '' })),
      el('div', { class: 'card' }, form)));
    for (const other of document.querySelectorAll('main > section')) other.hidden = other !== section;
    document.body.dataset.signedIn = 'no';
    const input = form.elements.passphrase;
    input.focus();

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await api.unlock(input.value);
        section.hidden = true;
        resolve();
      } catch (error) {
        // A wrong passphrase belongs next to the field, in the shell's own plain words.
        showError(form, error, error.field ?? 'passphrase');
        input.value = '';
        input.focus();
      } finally {
        button.disabled = false;
      }
    });
  });
}
