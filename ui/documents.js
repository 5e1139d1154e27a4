// The printed-document box a form shows after Print: the path of the PDF, Open (the system's
// viewer), Show in folder (Explorer or the file manager) and Save a copy…, and what happened. The documents' content is core's; this only
// hands the printed file to the person; every screen that prints uses it.

import * as api from './api.js';
import { el } from './forms.js';
import { timeNow } from './dates.js';

// opts: {prefix, label (the document's name, e.g. "KPA allocation"), buttonText, print() -> path,
//        ready() -> null or the sentence why printing must wait (e.g. unsaved changes),
//        command (the command print() calls, when printing writes something, as a letter's
//        printing records it: the button is then hidden from whoever may not call it)}.
// Returns {button, box, reset()}: the caller places the button and the box in its form.
export function documentBox(opts) {
  let printed = null;
  const button = el('button', {
    type: 'button', id: `${opts.prefix}-print`, class: 'secondary', text: opts.buttonText, command: opts.command,
  });
  const path = el('code', { id: `${opts.prefix}-document-path`, class: 'path' });
  const status = el('p', { class: 'document-status', role: 'status', 'aria-live': 'polite' });
  const actions = el('div', { class: 'document-actions' },
    el('button', {
      type: 'button', id: `${opts.prefix}-document-open`, class: 'secondary', text: 'Open', onclick: () => openPrinted(),
    }),
    el('button', {
      type: 'button', id: `${opts.prefix}-document-show`, class: 'secondary', text: 'Show in folder',
      onclick: () => showInFolder(),
    }),
    el('button', {
      type: 'button', id: `${opts.prefix}-document-save-copy`, class: 'secondary', text: 'Save a copy…',
      onclick: () => saveCopy(),
    }));
  const box = el('div', { class: 'document-box', id: `${opts.prefix}-document`, hidden: true },
    el('p', { class: 'document-label', text: opts.label }), path, actions, status);

  function report(text, failed = false) {
    status.textContent = text;
    status.classList.toggle('error', failed);
  }

  function reset() {
    box.hidden = true;
    path.textContent = '';
    report('');
    printed = null;
  }

  async function print() {
    report('');
    const wait = opts.ready();
    if (wait) {
      printed = null;
      box.hidden = false;
      path.textContent = '';
      actions.hidden = true;
      report(wait, true);
      return;
    }
    button.disabled = true;
    button.textContent = 'Printing…';
    try {
      printed = await opts.print();
      path.textContent = printed;
      actions.hidden = false;
      report(`Printed at ${timeNow()}.`);
    } catch (error) {
      printed = null;
      path.textContent = '';
      actions.hidden = true;
      report(error.message, true);
    } finally {
      box.hidden = false;
      button.disabled = false;
      button.textContent = opts.buttonText;
    }
  }

  async function openPrinted() {
    if (!printed) return;
    try {
      await api.openDocument(printed);
      report('Opened in the PDF viewer.');
    } catch (error) {
      report(error.message, true);
    }
  }

  async function showInFolder() {
    if (!printed) return;
    try {
      await api.showDocumentInFolder(printed);
      report('Shown in its folder.');
    } catch (error) {
      report(error.message, true);
    }
  }

  async function saveCopy() {
    if (!printed) return;
    try {
      const to = await api.saveDocumentCopy(printed);
      if (!to) return;
      report(`A copy was saved as ${to}.`);
    } catch (error) {
      report(error.message, true);
    }
  }

  button.addEventListener('click', () => print());
  return { button, box, reset };
}
