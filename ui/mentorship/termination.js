// The steps of terminating a mentorship, shown on the mentorship's page: what the programme
// asks for, the steps recorded so far, the editor that records or corrects one, and the ending
// on paper (the termination letters and the certificate of completion). Whether a step may be
// recorded, and whether either document may be printed, is core's; this module shows the steps,
// sends what was typed and shows core's answer.

import * as api from '../api.js';
import { el } from '../forms.js';
import { recordCard } from '../card.js';
import { documentBox } from '../documents.js';
import { localToday } from '../dates.js';

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's termination steps in it (null, for a mentorship not saved yet, hides it).
export function terminationSection(ctx) {
  const step = (s) => ctx.label('termination_step', s.kind);
  // The two documents of a mentorship's ending; core refuses the letters until a decision is
  // recorded and the certificate unless the mentorship is completed, and the box shows why.
  // Printing one puts the other's box away, so only the last printed shows.
  const letters = documentBox({
    prefix: 'termination-letters',
    label: 'Termination letters (one per party)',
    buttonText: 'Print termination letters',
    print: () => {
      certificate.reset();
      return api.printTerminationLetters(card.mentorshipId);
    },
    ready: () => null,
  });
  const certificate = documentBox({
    prefix: 'certificate',
    label: 'Certificate of completion',
    buttonText: 'Print certificate of completion',
    print: () => {
      letters.reset();
      return api.printCertificate(card.mentorshipId);
    },
    ready: () => null,
  });
  const ending = el('div', { class: 'ending-on-paper', id: 'ending-on-paper' },
    el('h3', { text: 'Ending on paper' }),
    el('p', {
      class: 'section-note',
      text: 'A mentorship ends as completed or terminated early (an extension is an addendum to the agreement). '
        + 'Once the decision is recorded, print the letter to each party; once the mentorship is completed, print '
        + "the protégé's certificate.",
    }),
    el('div', { class: 'document-actions' }, letters.button, certificate.button),
    letters.box,
    certificate.box);
  const card = recordCard(ctx, {
    prefix: 'termination',
    commands: { save: 'save_termination_step', remove: 'remove_termination_step' },
    id: 'termination',
    class: 'progress-card',
    title: 'Termination',
    editorClass: 'progress-editor',
    headingClass: 'progress-editor-title',
    noticeClass: 'progress-notice',
    saveLabel: 'Save step',
    addLabel: 'Record a step',
    fields: [
      {
        name: 'kind', label: 'Step', type: 'select', source: { vocab: 'termination_step' }, blank: 'Choose…',
        needed: 'Choose the step taken.',
      },
      { name: 'taken_on', label: 'Date', type: 'date', needed: 'Give the date the step was taken.' },
      {
        name: 'initiated_by', label: 'Initiated by',
        hint: 'Who asked for the termination: the protégé, the mentor, the line manager…',
      },
      {
        name: 'reason', label: 'Reason', type: 'select', source: { vocab: 'termination_reason' }, blank: '—',
        hint: 'Why the mentorship ends: needed with the decision, and reported grouped by reason.',
      },
      { name: 'notes', label: 'Notes', type: 'textarea', rows: 3, required: true, hint: 'What was said, asked or decided.' },
      { name: 'coordinator_informed', label: 'The programme coordinator was informed of this step', type: 'checkbox' },
    ],
    body: (block) => [
      el('div', { class: 'grid termination-grid' }, block.kind, block.taken_on, block.initiated_by),
      block.reason,
      block.notes,
      block.coordinator_informed,
    ],
    layout: ({ note, problem, notice, table, addButton, editor }) => [
      el('p', {
        class: 'section-note',
        text: 'Ending a mentorship early takes four steps: a discussion between the protégé and the programme '
          + 'coordinator, a written request with specific reasons, separate meetings with each party, and the '
          + 'decision recorded; the coordinator is informed at each step.',
      }),
      note, problem, notice, table, addButton, editor, ending,
    ],
    columns: [
      { label: 'Date', value: (s) => s.taken_on, class: 'nowrap' },
      // Who asked for the termination is shown under the step, so the narrow table keeps room
      // for the notes.
      {
        label: 'Step',
        value: (s) => el('span', {}, step(s),
          el('span', { class: 'cell-note', text: `Initiated by: ${s.initiated_by || '—'}` })),
        class: 'step-cell',
      },
      { label: 'Notes', value: (s) => el('span', { class: 'clamp-3', text: s.notes }), class: 'text-cell' },
      { label: 'Coordinator informed', value: (s) => (s.coordinator_informed ? 'Yes' : 'No') },
    ],
    list: api.listTerminationSteps,
    noteOf: (steps) => (steps.length === 0
      ? 'No steps recorded: the mentorship is not being terminated.'
      : 'In the order taken. Open a step to correct or remove it.'),
    // A new step is offered as the next one in the programme's order after the last recorded.
    blank() {
      const kinds = (ctx.vocab.termination_step ?? []).map((e) => e.code);
      const last = card.rows.at(-1);
      const next = last ? kinds[Math.min(kinds.indexOf(last.kind) + 1, kinds.length - 1)] : kinds[0];
      return {
        id: null, mentorship_id: card.mentorshipId, kind: next ?? null, taken_on: localToday(),
        initiated_by: last?.initiated_by ?? '', reason: last?.reason ?? null, notes: '', coordinator_informed: false,
      };
    },
    headingOf: (s) => (s.id === null ? 'Record a termination step' : `Step taken on ${s.taken_on}`),
    save: api.saveTerminationStep,
    remove: api.removeTerminationStep,
    removal: (s) => ({
      title: 'Remove this step?',
      message: `"${step(s)}" on ${s.taken_on} leaves the record. Only do this for a step recorded by mistake.`,
      confirm: 'Remove step',
    }),
    removedText: (s) => `"${step(s)}" on ${s.taken_on} was removed.`,
    backText: (s) => `"${step(s)}" on ${s.taken_on} is back.`,
  });

  // A document printed for one mentorship is not shown on another's page.
  function load(id) {
    letters.reset();
    certificate.reset();
    return card.load(id);
  }

  return { section: card.section, load };
}
