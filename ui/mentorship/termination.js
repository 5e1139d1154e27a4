// The steps of terminating a mentorship, shown on the mentorship's page: what the programme
// asks for, the steps recorded so far, and the editor that records or corrects one. Whether a
// step may be recorded is core's; this module shows the steps and sends what was typed.

import * as api from '../api.js';
import { el } from '../forms.js';
import { recordCard } from '../card.js';
import { localToday } from '../dates.js';

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's termination steps in it (null, for a mentorship not saved yet, hides it).
export function terminationSection(ctx) {
  const step = (s) => ctx.label('termination_step', s.kind);
  const card = recordCard(ctx, {
    prefix: 'termination',
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
      note, problem, notice, table, addButton, editor,
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

  return { section: card.section, load: card.load };
}
