// Signing in: on a database nobody may sign in to yet, the form that creates the programme
// manager's account (name, password twice); afterwards name and password. It resolves once
// someone is signed in; what they may do is the shell's to decide, not this screen's.

import * as api from '../api.js';
import { el, fieldBlock, clearErrors, showError } from '../forms.js';

// Shows the sign-in screen in `section` (unless someone is signed in already) and resolves to
// the person signed in.
export async function signIn(section) {
  const status = await api.signInStatus();
  if (status.user) return status.user;
  return new Promise((resolve) => {
    const first = !status.has_users;
    const form = el('form', { id: 'signin', novalidate: true, autocomplete: 'off' },
      el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
      fieldBlock('signin', { name: 'name', label: 'Your name', required: true, wide: true }),
      fieldBlock('signin', { name: 'password', label: 'Password', type: 'password', required: true, wide: true }),
      first
        ? fieldBlock('signin', {
          name: 'again', label: 'Password again', type: 'password', required: true, wide: true,
          hint: 'At least 8 characters. Keep it to yourself: the trail names you for every change.',
        })
        : null,
      el('div', { class: 'form-actions' },
        el('button', {
          type: 'submit', class: 'primary', id: 'signin-submit',
          text: first ? 'Create my account' : 'Sign in',
        })));
    section.replaceChildren(el('div', { class: 'welcome signin' },
      el('h1', { text: first ? 'Create the programme manager\'s account' : 'Sign in to MentorDesk' }),
      el('p', {
        class: 'section-note',
        text: first
          ? 'No one may sign in to this programme yet. You will be its programme manager: you may do everything, and add the HR officers and viewers who share this PC.'
          : 'Type the name and password the programme manager gave you.',
      }),
      el('div', { class: 'card' }, form)));
    for (const other of document.querySelectorAll('main > section')) other.hidden = other !== section;
    document.body.dataset.signedIn = 'no';
    form.elements.name.focus();

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(form);
      const name = form.elements.name.value;
      const password = form.elements.password.value;
      if (first && password !== form.elements.again.value) {
        showError(form, { message: 'The two passwords differ: type the same password twice.' }, 'again');
        return;
      }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const user = first
          ? await api.createFirstUser(name, password)
          : await api.signIn(name, password);
        section.hidden = true;
        document.body.dataset.signedIn = 'yes';
        resolve(user);
      } catch (error) {
        // One message for a wrong name or password, shown above the form, with the password
        // cleared so the next attempt starts clean.
        showError(form, error, error.code === 'sign_in' ? null : error.field);
        if (error.code === 'sign_in') form.elements.password.value = '';
      } finally {
        button.disabled = false;
      }
    });
  });
}
