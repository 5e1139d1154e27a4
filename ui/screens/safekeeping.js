// Backup and security: backing up now into a folder (a USB stick, a network share), the
// automatic backups MentorDesk keeps beside the database, restoring a backup after showing what
// it holds, and the passphrase that encrypts the database. Checking, writing and restoring
// backups is the shell's and core's; this screen only asks and shows.

import * as api from '../api.js';
import {
  el, fieldBlock, clearErrors, showError, setStatus, confirmAction,
} from '../forms.js';
import { timeNow } from '../dates.js';

function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// One line saying what a backup holds, for the confirmation and the results.
export function describeBackup(s) {
  const change = s.newest_change ? `last change ${s.newest_change.slice(0, 16).replace('T', ' ')} UTC` : 'no changes recorded';
  return `${s.staff} staff, ${s.mentors} mentors, ${s.proteges} protégés, ${s.mentorships} mentorships, `
    + `${s.sessions} sessions; data version ${s.data_version}; ${s.encrypted ? 'encrypted' : 'not encrypted'}; `
    + `integrity ${s.integrity}; ${change}; ${megabytes(s.size)}.`;
}

export function safekeepingScreen(ctx) {
  const section = document.getElementById('screen-safekeeping');
  const loadError = el('p', { class: 'screen-error', role: 'alert', hidden: true });

  // Back up now.
  const backupResult = el('p', { class: 'section-note', id: 'safekeeping-backup-result', role: 'status' });
  const backupButton = el('button', {
    type: 'button', class: 'primary', id: 'safekeeping-backup-now', text: 'Back up now…',
    onclick: () => backupNow(),
  });

  // The automatic backups.
  const autoNote = el('p', { class: 'section-note', id: 'safekeeping-auto-note' });
  const autoTable = el('table', { class: 'data', id: 'safekeeping-backups' });

  // Restore.
  const restoreForm = el('form', { id: 'safekeeping-restore-form', novalidate: true, autocomplete: 'off' },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'field wide', dataset: { field: 'backup_passphrase' }, hidden: true, id: 'safekeeping-backup-passphrase-field' },
      el('label', { for: 'safekeeping-backup-passphrase', text: 'The backup\'s passphrase' }),
      el('input', { id: 'safekeeping-backup-passphrase', name: 'backup_passphrase', type: 'password' }),
      el('p', { class: 'field-error', dataset: { for: 'backup_passphrase' }, 'aria-live': 'polite' })),
    el('div', { class: 'form-actions' },
      el('button', { type: 'button', class: 'secondary', id: 'safekeeping-restore', text: 'Restore…', onclick: () => restore(false) }),
      el('button', { type: 'button', class: 'secondary', id: 'safekeeping-read-backup', text: 'Read the backup', hidden: true, onclick: () => restore(true) }),
      el('span', { class: 'form-status', role: 'status', id: 'safekeeping-restore-status' })));
  const passphraseField = restoreForm.querySelector('#safekeeping-backup-passphrase-field');
  const readButton = restoreForm.querySelector('#safekeeping-read-backup');

  // The passphrase.
  const encryptionNote = el('p', { class: 'section-note', id: 'safekeeping-encryption-note' });
  const passForm = el('form', { id: 'safekeeping-passphrase-form', novalidate: true, autocomplete: 'off' },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    fieldBlock('safekeeping', {
      name: 'passphrase', label: 'New passphrase', type: 'password', required: true, wide: true,
      hint: 'At least 8 characters; a few words make a good one. Write it down somewhere safe: without it the data cannot be opened.',
    }),
    fieldBlock('safekeeping', { name: 'again', label: 'The same passphrase again', type: 'password', required: true, wide: true }),
    el('div', { class: 'form-actions' },
      el('button', { type: 'submit', class: 'primary', id: 'safekeeping-set-passphrase', text: 'Set the passphrase' }),
      el('span', { class: 'form-status', role: 'status' })));

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Backup and security' })),
    loadError,
    el('div', { class: 'settings-layout' },
      el('div', { class: 'card' },
        el('h2', { text: 'Back up now' }),
        el('p', { class: 'section-note', text: 'Writes a checked copy of the whole programme into a folder you choose, such as a USB stick. It is safe while MentorDesk is in use. A copy of an encrypted database is encrypted with the same passphrase.' }),
        el('div', { class: 'form-actions' }, backupButton),
        backupResult),
      el('div', { class: 'card' },
        el('h2', { text: 'Automatic backups' }),
        autoNote,
        autoTable),
      el('div', { class: 'card' },
        el('h2', { text: 'Restore a backup' }),
        el('p', { class: 'section-note', text: 'Replaces everything in the programme with a backup. You see what the backup holds before anything changes, and what it replaces is backed up first.' }),
        restoreForm),
      el('div', { class: 'card' },
        el('h2', { text: 'Passphrase' }),
        encryptionNote,
        passForm)));

  async function load() {
    try {
      const status = await api.safekeepingStatus();
      loadError.hidden = true;
      autoNote.textContent = `MentorDesk backs up on each day it is used and before every upgrade, keeping the last ${status.backups_kept} in ${status.backups_dir}. Backups you make yourself are never removed.`;
      autoTable.replaceChildren(
        el('thead', {}, el('tr', {}, ['Day', 'File', 'Size'].map((t) => el('th', { scope: 'col', text: t })))),
        el('tbody', {}, status.backups.length === 0
          ? el('tr', { class: 'empty' }, el('td', { colspan: 3, text: 'No automatic backups yet.' }))
          : status.backups.map((b) => el('tr', {},
            el('td', { text: b.day }), el('td', { text: b.name }), el('td', { class: 'num', text: megabytes(b.size) })))));
      encryptionNote.textContent = status.encrypted
        ? 'The database is encrypted: it opens only with its passphrase. You may change the passphrase here.'
        : 'The database is not encrypted: anyone who copies the file can read it. Set a passphrase to encrypt it.';
      passForm.querySelector('#safekeeping-set-passphrase').textContent = status.encrypted ? 'Change the passphrase' : 'Encrypt with this passphrase';
    } catch (error) {
      loadError.textContent = error.message;
      loadError.hidden = false;
    }
  }

  async function backupNow() {
    backupButton.disabled = true;
    backupResult.textContent = 'Backing up…';
    try {
      const written = await api.backupNow();
      backupResult.textContent = written
        ? `Backed up at ${timeNow()} to ${written.path}: ${describeBackup(written)}`
        : '';
    } catch (error) {
      backupResult.textContent = error.message;
    } finally {
      backupButton.disabled = false;
    }
  }

  // Chooses (or, `again`, reads with the passphrase typed) a backup, shows what it holds,
  // and restores it once confirmed.
  async function restore(again) {
    clearErrors(restoreForm);
    setStatus(restoreForm, '');
    const passphrase = again ? restoreForm.elements.backup_passphrase.value : null;
    let summary;
    try {
      summary = await api.inspectBackup(again, passphrase);
    } catch (error) {
      if (error.code === 'locked' || error.code === 'wrong_passphrase') {
        passphraseField.hidden = false;
        readButton.hidden = false;
        showError(restoreForm, error, 'backup_passphrase');
      } else {
        showError(restoreForm, error, null);
      }
      return;
    }
    if (!summary) return;
    passphraseField.hidden = true;
    readButton.hidden = true;
    const go = await confirmAction({
      title: 'Restore this backup?',
      message: `${summary.path} holds ${describeBackup(summary)} Everything in the programme now is replaced by it; what it replaces is backed up first.`,
      confirm: 'Restore',
    });
    if (!go) {
      setStatus(restoreForm, 'Nothing was restored.');
      return;
    }
    try {
      const done = await api.restoreBackup(passphrase);
      const restored = `Restored at ${timeNow()}. What it replaced is kept in ${done.previous.path}.`;
      if (!done.signed_in) {
        await confirmAction({
          title: 'Sign in to the restored programme',
          message: `${restored} The restored programme has its own accounts, and yours is not among them as it was: sign in with one of its accounts.`,
          confirm: 'Sign in',
          cancel: null,
        });
        // A fresh window forgets everything the last person had open.
        window.location.reload();
        return;
      }
      setStatus(restoreForm, restored);
      ctx.settingsChanged(await api.getSettings());
      await load();
    } catch (error) {
      showError(restoreForm, error, null);
    }
  }

  passForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(passForm);
    const passphrase = passForm.elements.passphrase.value;
    if (passphrase !== passForm.elements.again.value) {
      showError(passForm, { message: 'The two passphrases differ: type the same passphrase twice.' }, 'again');
      return;
    }
    const button = passForm.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api.setPassphrase(passphrase);
      passForm.reset();
      setStatus(passForm, `Passphrase set at ${timeNow()}.`);
      await load();
    } catch (error) {
      showError(passForm, error);
    } finally {
      button.disabled = false;
    }
  });

  return { show: load };
}
