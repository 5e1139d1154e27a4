// The programme's settings (its norms and the names printed on documents), where the database
// file lives, the public holidays and the evaluation forms' questions.

import * as api from '../api.js';
import {
  el, fieldBlock, fillFields, readFields, clearErrors, showError, setStatus,
} from '../forms.js';
import { holidaysCard } from '../holidays.js';
import { questionsCard } from '../questions.js';
import { timeNow } from '../dates.js';

const INPUT = { text: 'text', count: 'number', hours: 'hours', flag: 'checkbox', choice: 'select' };

// A setting's kind arrives as a word ("count") or, for one of a closed list, as
// {"choice": "<list>"} naming the list in the vocabulary.
function kindOf(d) {
  return typeof d.kind === 'string' ? d.kind : Object.keys(d.kind)[0];
}

export function settingsScreen(ctx) {
  const section = document.getElementById('screen-settings');
  const state = { defs: [], fields: [], settings: null };
  const body = el('div', { class: 'form-body' });
  const saveButton = el('button', { type: 'submit', class: 'primary', text: 'Save settings' });
  const form = el('form', { id: 'settings-form', novalidate: true, autocomplete: 'off' },
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    body,
    el('div', { class: 'form-actions' }, saveButton, el('span', { class: 'form-status', role: 'status' })));
  const databasePath = el('code', { id: 'database-path', class: 'path' });
  const documentsPath = el('code', { class: 'path' });
  const dataVersion = el('span');
  const loadError = el('p', { class: 'screen-error', role: 'alert', hidden: true });
  const holidays = holidaysCard();
  const questions = questionsCard(ctx);

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Settings' })),
    loadError,
    el('div', { class: 'settings-layout' },
      el('div', { class: 'card' },
        el('h2', { text: 'Programme' }),
        el('p', { class: 'section-note', text: 'The programme manager may change these norms; the defaults follow the DPSA guide.' }),
        form),
      el('div', { class: 'card' },
        el('h2', { text: 'Database' }),
        el('dl', { class: 'facts' },
          el('dt', { text: 'Database file' }), el('dd', {}, databasePath),
          el('dt', { text: 'Printed documents' }), el('dd', {}, documentsPath),
          el('dt', { text: 'Data version' }), el('dd', {}, dataVersion)),
        el('p', {
          class: 'section-note',
          text: 'Everything MentorDesk keeps is in this one file. Back it up by copying it while MentorDesk is closed.',
        })),
      holidays.card,
      questions.card));

  async function show() {
    holidays.show();
    questions.show();
    try {
      const [defs, settings, status] = await Promise.all([
        state.defs.length ? state.defs : api.settingsDefs(),
        api.getSettings(),
        api.appStatus(),
      ]);
      if (state.defs.length === 0) {
        state.defs = defs;
        state.fields = defs.map((d) => ({
          name: d.key, label: d.label, hint: d.help, type: INPUT[kindOf(d)] ?? 'text', wide: true,
          choices: d.kind.choice ? ctx.vocab[d.kind.choice] ?? [] : null,
          needed: {
            count: `${d.label}: give a whole number.`,
            hours: `${d.label}: give a number of hours, for example 2 or 1.5.`,
            choice: `${d.label}: choose one.`,
          }[kindOf(d)],
        }));
        body.replaceChildren(el('div', { class: 'grid' }, state.fields.map((f) => {
          const block = fieldBlock(form.id, f);
          if (f.choices) {
            block.querySelector('select').append(...f.choices.map((e) => el('option', { value: e.code, text: e.label })));
          }
          return block;
        })));
      }
      state.settings = settings;
      clearErrors(form);
      fillFields(form, state.fields, settings);
      databasePath.textContent = status.database_path;
      documentsPath.textContent = status.documents_dir;
      dataVersion.textContent = String(status.data_version);
      loadError.hidden = true;
    } catch (error) {
      loadError.textContent = error.message;
      loadError.hidden = false;
    }
  }

  form.addEventListener('input', () => setStatus(form, ''));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const { values, problems } = readFields(form, state.fields);
    if (problems.length > 0) {
      showError(form, { code: 'invalid', ...problems[0] });
      return;
    }
    const settings = { ...state.settings, ...values };
    saveButton.disabled = true;
    try {
      await api.saveSettings(settings);
      state.settings = settings;
      setStatus(form, `Saved at ${timeNow()}.`);
      ctx.settingsChanged(settings);
    } catch (error) {
      showError(form, error);
    } finally {
      saveButton.disabled = false;
    }
  });

  return { section, show };
}
