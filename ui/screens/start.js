// The welcome screen of a new, empty programme: begin empty, load the sample programme, or
// restore a backup (MentorDesk on a new computer).

import * as api from '../api.js';
import { el, clearErrors, showError, confirmAction } from '../forms.js';
import { describeBackup } from './safekeeping.js';

export function startScreen(ctx) {
  const section = document.getElementById('screen-start');
  const status = el('p', { class: 'start-status', role: 'status', 'aria-live': 'polite' });
  const empty = el('button', { type: 'button', id: 'start-empty', class: 'choice-card' },
    el('span', { class: 'choice-title', text: 'Start an empty programme' }),
    el('span', {
      class: 'choice-text',
      text: "Begin with your own department: add its units and staff, then mentors, protégés and mentorships. Check the programme's settings first.",
    }));
  const sample = el('button', { type: 'button', id: 'start-sample', class: 'choice-card', command: 'create_sample' },
    el('span', { class: 'choice-title', text: 'Load the sample programme' }),
    el('span', {
      class: 'choice-text',
      text: 'Explore a fictitious department with five units, thirty staff, six mentors, ten protégés and eight mentorships. Useful for training; start a real programme in a new database.',
    }));
  const restore = el('button', { type: 'button', id: 'start-restore', class: 'choice-card' },
    el('span', { class: 'choice-title', text: 'Restore from a backup' }),
    el('span', {
      class: 'choice-text',
      text: 'Moving to a new computer, or starting again after a loss? Choose a MentorDesk backup (from a USB stick or a network folder): the whole programme comes back as it was, with its passphrase if it had one.',
    }));
  // Asked for only when the chosen backup is encrypted.
  const restoreForm = el('form', { id: 'start-restore-form', novalidate: true, autocomplete: 'off', hidden: true },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'field wide', dataset: { field: 'backup_passphrase' } },
      el('label', { for: 'start-backup-passphrase', text: 'The backup is encrypted: type its passphrase' }),
      el('input', { id: 'start-backup-passphrase', name: 'backup_passphrase', type: 'password' }),
      el('p', { class: 'field-error', dataset: { for: 'backup_passphrase' }, 'aria-live': 'polite' })),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'primary', id: 'start-read-backup', text: 'Read the backup' })));
  const databasePath = el('code', { class: 'path' });

  section.replaceChildren(el('div', { class: 'welcome' },
    el('h1', { text: 'Welcome to MentorDesk' }),
    el('p', {
      class: 'lead',
      text: "MentorDesk keeps the register of your department's mentorship programme: staff, mentors, protégés and their mentorships. It checks the programme's rules and prints the agreements the parties sign.",
    }),
    el('div', { class: 'choices' }, empty, sample, restore),
    restoreForm,
    status,
    el('p', { class: 'section-note' }, 'The programme is kept in one file on this computer: ', databasePath)));

  empty.addEventListener('click', () => ctx.navigate('staff'));
  sample.addEventListener('click', async () => {
    empty.disabled = true;
    sample.disabled = true;
    ctx.setBusy(true);
    status.classList.remove('error');
    status.textContent = 'Loading the sample programme…';
    try {
      await api.createSample();
      status.textContent = '';
      await ctx.settingsChanged(await api.getSettings());
      ctx.setBusy(false);
      ctx.navigate('staff');
    } catch (error) {
      status.classList.add('error');
      status.textContent = error.message;
    } finally {
      ctx.setBusy(false);
      empty.disabled = false;
      sample.disabled = false;
    }
  });

  const choices = [empty, sample, restore];

  // Chooses (or, `again`, reads with the passphrase typed) a backup, says what it holds and,
  // once confirmed, makes it this computer's programme; the window then starts afresh, to
  // sign in to the accounts the backup holds.
  async function restoreBackup(again) {
    clearErrors(restoreForm);
    status.classList.remove('error');
    status.textContent = '';
    const passphrase = again ? restoreForm.elements.backup_passphrase.value : null;
    let summary;
    try {
      summary = await api.inspectBackup(again, passphrase);
    } catch (error) {
      if (error.code === 'locked' || error.code === 'wrong_passphrase') {
        restoreForm.hidden = false;
        showError(restoreForm, error, 'backup_passphrase');
        restoreForm.elements.backup_passphrase.focus();
      } else {
        restoreForm.hidden = true;
        status.classList.add('error');
        status.textContent = error.message;
      }
      return;
    }
    if (!summary) return;
    const go = await confirmAction({
      title: 'Restore this backup?',
      message: `${summary.path} holds ${describeBackup(summary)} It becomes the programme on this computer.`,
      confirm: 'Restore',
    });
    if (!go) {
      status.textContent = 'Nothing was restored.';
      return;
    }
    for (const button of choices) button.disabled = true;
    ctx.setBusy(true);
    status.textContent = 'Restoring the backup…';
    try {
      await api.restoreNewProgramme(passphrase);
      window.location.reload();
    } catch (error) {
      status.classList.add('error');
      status.textContent = error.message;
      ctx.setBusy(false);
      for (const button of choices) button.disabled = false;
    }
  }

  restore.addEventListener('click', () => restoreBackup(false));
  restoreForm.addEventListener('submit', (event) => {
    event.preventDefault();
    restoreBackup(true);
  });

  return {
    section,
    show() {
      databasePath.textContent = ctx.status.database_path;
    },
  };
}
