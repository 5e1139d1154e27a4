// The "Signed paper" card of a mentorship's page and of a mentor's page: each printed document
// that is signed, with its signature blocks (who signed, on which day, or the fields to record
// it), its state, and the scans of the signed paper (attach a new one, open any version).
// Which documents there are, whose blocks they carry and what a valid signature or file is
// are core's; this module shows them and sends what was typed.

import * as api from './api.js';
import { el, pill } from './forms.js';
import { documentBox } from './documents.js';
import { localToday, daysBetween } from './dates.js';

// opts: {id, title, note, list(subjectId) -> the documents}.
// Returns {section, load(subjectId)}; null hides the card (a record not saved yet).
export function paperSection(opts) {
  const state = { subjectId: null, token: 0 };
  const papers = el('div', { class: 'papers' });
  const problem = el('p', { class: 'form-error', role: 'alert' });
  const section = el('section', { class: 'progress-card paper-card', id: opts.id, hidden: true },
    el('h2', { text: opts.title }),
    el('p', { class: 'section-note', text: opts.note }),
    problem,
    papers);

  async function load(subjectId) {
    state.subjectId = subjectId;
    const token = ++state.token;
    section.hidden = subjectId === null;
    problem.textContent = '';
    if (subjectId === null) return;
    try {
      const list = await opts.list(subjectId);
      if (token !== state.token) return;
      papers.replaceChildren(...list.map((doc) => paperBlock(doc)));
    } catch (error) {
      problem.textContent = error.message;
    }
  }

  // One document: its heading, state, blocks, copies and what can be done with it.
  function paperBlock(doc) {
    const prefix = `paper-${doc.paper}-${doc.subject_id}`;
    const status = el('p', { class: 'document-status', role: 'status', 'aria-live': 'polite' });
    const article = el('article', { class: 'paper', id: prefix });
    const say = (text, failed = false) => {
      status.textContent = text;
      status.classList.toggle('error', failed);
    };
    // Replaces this document's block with the document as it now stands, keeping its status.
    const redraw = (updated, text) => {
      const next = paperBlock(updated);
      article.replaceWith(next);
      next.querySelector('.document-status').textContent = text;
    };
    const act = async (work, done) => {
      say('');
      try {
        redraw(await work(), done);
      } catch (error) {
        say(error.message, true);
      }
    };

    const rows = doc.blocks.map((b) => signatureRow(doc, b, prefix, act));
    const table = el('table', { class: 'list paper-blocks' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: 'Block' }),
        el('th', { scope: 'col', text: 'Signed by' }),
        el('th', { scope: 'col', text: 'Signed on' }),
        el('th', { scope: 'col', text: '' }))),
      el('tbody', {}, ...rows));

    const copies = el('ul', { class: 'paper-copies', id: `${prefix}-copies` },
      ...doc.copies.map((c) => el('li', {},
        el('span', {
          text: `Version ${c.version}: ${c.file_name} (${c.size_text}), attached ${c.attached_on}`,
        }),
        el('code', { class: 'sha', title: `SHA-256 ${c.sha256}`, text: c.sha256.slice(0, 12) }),
        el('button', {
          type: 'button', class: 'secondary small', id: `${prefix}-open-${c.version}`, text: 'Open',
          'aria-label': `Open version ${c.version} of the signed copy`,
          onclick: async () => {
            try {
              await api.openSignedCopy(c.id);
              say(`Version ${c.version} opened in the system's viewer.`);
            } catch (error) {
              say(error.message, true);
            }
          },
        }))));
    const attach = el('button', {
      type: 'button', class: 'secondary', id: `${prefix}-attach`, command: 'attach_signed_copy',
      text: doc.copies.length === 0 ? 'Attach signed copy…' : 'Attach a newer signed copy…',
      onclick: async () => {
        say('');
        try {
          const copy = await api.attachSignedCopy(doc.paper, doc.subject_id);
          if (!copy) return;
          const updated = (await opts.list(state.subjectId))
            .find((d) => d.paper === doc.paper && d.subject_id === doc.subject_id);
          redraw(updated, `Version ${copy.version} (${copy.file_name}) is kept with the document.`);
        } catch (error) {
          say(error.message, true);
        }
      },
    });

    const tools = el('div', { class: 'paper-tools' }, attach);
    let box = null;
    if (doc.paper === 'addendum') {
      const printing = documentBox({
        prefix: `${prefix}-print`,
        label: 'Addendum',
        buttonText: 'Print addendum',
        print: () => api.printAddendum(doc.subject_id),
        ready: () => null,
      });
      tools.prepend(printing.button);
      box = printing.box;
    }

    article.append(
      el('h3', { class: 'paper-title' },
        el('code', { class: 'mono', text: doc.reference }), ' ', doc.title, ' ',
        pill(doc.state_label, `paper-${doc.state.code}`)),
      doc.state.code === 'signed' ? null : el('p', {
        class: 'section-note paper-waiting',
        text: `Waiting for signatures since ${doc.since} (${daysBetween(doc.since, localToday())} days).`,
      }),
      table,
      el('p', { class: 'section-note', text: doc.copies.length === 0 ? 'No signed copy attached yet.' : 'Signed copies, newest first:' }),
      copies,
      tools,
      ...(box ? [box] : []),
      status);
    return article;
  }

  return { section, load };
}

// A block's row: the signature as recorded, with Take back; or the name and date to record.
function signatureRow(doc, b, prefix, act) {
  const who = b.signer_label;
  const id = `${prefix}-${b.signer}`;
  if (b.signed) {
    return el('tr', { id },
      el('th', { scope: 'row', text: who }),
      el('td', { text: b.signed.name }),
      el('td', { class: 'nowrap', text: b.signed.signed_on }),
      el('td', {}, el('button', {
        type: 'button', class: 'secondary small', id: `${id}-remove`, text: 'Take back', command: 'remove_signature',
        'aria-label': `Take back the ${who.toLowerCase()}'s signature`,
        onclick: () => act(
          () => api.removeSignature(doc.paper, doc.subject_id, b.signer),
          `The ${who.toLowerCase()}'s signature was taken back.`),
      })));
  }
  const name = el('input', {
    type: 'text', id: `${id}-name`, value: b.printed_name, 'aria-label': `Name of the ${who.toLowerCase()} who signed`,
    command: 'record_signature',
  });
  const day = el('input', {
    type: 'date', id: `${id}-date`, value: localToday(), 'aria-label': `Day the ${who.toLowerCase()} signed`,
    command: 'record_signature',
  });
  return el('tr', { id },
    el('th', { scope: 'row', text: who }),
    el('td', {}, name),
    el('td', {}, day),
    el('td', {}, el('button', {
      type: 'button', class: 'secondary small', id: `${id}-record`, text: 'Record', command: 'record_signature',
      'aria-label': `Record the ${who.toLowerCase()}'s signature`,
      onclick: () => act(
        async () => {
          if (day.value === '') throw new Error(`Give the day the ${who.toLowerCase()} signed.`);
          return api.recordSignature({
            paper: doc.paper, subject_id: doc.subject_id, signer: b.signer, name: name.value, signed_on: day.value,
          });
        },
        `The ${who.toLowerCase()}'s signature is recorded.`),
    })));
}
