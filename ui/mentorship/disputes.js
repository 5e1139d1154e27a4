// A mentorship's disputes, shown on the mentorship's page: each dispute with where it stands,
// the editor that records or corrects one, the steps taken on the open dispute (raised with the
// programme coordinator, mediation meetings, the decision, a referral to the grievance
// procedure) and the letter to its parties. Whether a dispute or a step may be recorded, the
// route's order and the state are core's. The details and the steps' notes are confidential:
// the shell sends them empty to a role that may not read them, and the style sheet hides their
// fields and the choice to print them from such a role.

import * as api from '../api.js';
import { el } from '../forms.js';
import { recordCard } from '../card.js';
import { documentBox } from '../documents.js';
import { localToday } from '../dates.js';

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's disputes in it (null, for a mentorship not saved yet, hides it).
export function disputesSection(ctx) {
  const kind = (s) => ctx.label('dispute_step', s.kind);
  const outcomeOf = (s) => {
    if (s.kind === 'mediation_meeting') return s.outcome ? ctx.label('dispute_outcome', s.outcome) : '—';
    if (s.kind === 'decision') return `Decided by ${s.decided_by}`;
    return '—';
  };

  // The steps of the dispute open in the editor: a card of their own, below it, whose "load"
  // takes the dispute's id.
  const steps = recordCard(ctx, {
    prefix: 'dispute-step',
    commands: { save: 'save_dispute_step', remove: 'remove_dispute_step' },
    listPrefix: 'dispute-steps',
    id: 'dispute-steps',
    class: 'dispute-steps',
    title: 'Steps taken',
    editorClass: 'progress-editor',
    headingClass: 'progress-editor-title',
    noticeClass: 'progress-notice',
    saveLabel: 'Save step',
    addLabel: 'Record a step',
    fields: [
      {
        name: 'kind', label: 'Step', type: 'select', source: { vocab: 'dispute_step' }, blank: 'Choose…',
        needed: 'Choose the step taken.',
      },
      { name: 'taken_on', label: 'Date', type: 'date', needed: 'Give the date the step was taken.' },
      {
        name: 'outcome', label: 'Outcome of the meeting', type: 'select', source: { vocab: 'dispute_outcome' }, blank: '—',
        hint: 'For a mediation meeting only.',
      },
      {
        name: 'decided_by', label: 'Decided by',
        hint: 'For the decision: the person the department appointed to decide the dispute.',
      },
      {
        name: 'notes', label: 'Confidential notes', type: 'textarea', rows: 3,
        hint: 'What was said or decided. Never listed or exported, and printed only on the file copy of the letter when you include it.',
      },
    ],
    body(block) {
      block.notes.classList.add('confidential');
      return [
        el('div', { class: 'grid termination-grid' }, block.kind, block.taken_on, block.outcome, block.decided_by),
        block.notes,
      ];
    },
    layout: ({ note, problem, notice, table, addButton, editor }) => [
      note, problem, notice, table, addButton, editor,
    ],
    columns: [
      { label: 'Date', value: (s) => s.taken_on, class: 'nowrap' },
      { label: 'Step', value: (s) => kind(s), class: 'step-cell' },
      { label: 'Outcome', value: (s) => outcomeOf(s), class: 'text-cell' },
    ],
    // The list of a dispute's steps comes with the dispute, its notes only for a role that
    // may read them.
    list: async (disputeId) => (await api.getDispute(disputeId)).steps,
    noteOf: (rows) => (rows.length === 0
      ? 'No step recorded yet: a dispute is first raised with the programme coordinator.'
      : 'In the order taken. Open a step to correct or remove it.'),
    // A new step is offered as the next one in the route after the last recorded.
    blank() {
      const kinds = (ctx.vocab.dispute_step ?? []).map((e) => e.code);
      const last = steps.rows.at(-1);
      const next = last ? kinds[Math.min(kinds.indexOf(last.kind) + 1, kinds.length - 1)] : kinds[0];
      return {
        id: null, dispute_id: steps.mentorshipId, kind: next ?? null, taken_on: localToday(),
        outcome: null, decided_by: '', notes: '',
      };
    },
    headingOf: (s) => (s.id === null ? 'Record a step' : `Step taken on ${s.taken_on}`),
    // A step changes where the dispute stands, so the list of disputes is read again.
    async save(s) {
      const id = await api.saveDisputeStep(s);
      await card.refresh();
      return id;
    },
    async remove(id) {
      await api.removeDisputeStep(id);
      await card.refresh();
    },
    removal: (s) => ({
      title: 'Remove this step?',
      message: `"${kind(s)}" on ${s.taken_on} leaves the dispute's history. Only do this for a step recorded in error.`,
      confirm: 'Remove step',
    }),
    removedText: (s) => `"${kind(s)}" on ${s.taken_on} was removed.`,
    backText: (s) => `"${kind(s)}" on ${s.taken_on} is back.`,
  });

  const confidential = el('input', { type: 'checkbox', id: 'dispute-include-confidential' });
  const letter = documentBox({
    prefix: 'dispute-letter',
    label: 'Letter to the parties',
    buttonText: 'Print letter',
    print: async () => {
      // The choice holds for this one document only, so it is undone whatever happens.
      const include = confidential.checked;
      confidential.checked = false;
      return api.printDisputeLetter(card.open.id, include);
    },
    ready: () => (card.open?.id ? null : 'Save the dispute first: the letter prints what is saved.'),
  });

  const card = recordCard(ctx, {
    prefix: 'dispute',
    commands: { save: 'save_dispute', remove: 'remove_dispute' },
    listPrefix: 'disputes',
    id: 'disputes',
    class: 'progress-card',
    title: 'Disputes',
    editorClass: 'progress-editor',
    headingClass: 'progress-editor-title',
    noticeClass: 'progress-notice',
    saveLabel: 'Save dispute',
    addLabel: 'Record a dispute',
    fields: [
      { name: 'raised_on', label: 'Raised on', type: 'date', needed: 'Give the date the dispute was raised.' },
      {
        name: 'parties', label: 'Between', type: 'select', source: { vocab: 'dispute_parties' }, blank: 'Choose…',
        needed: 'Choose the parties to the dispute.',
      },
      {
        name: 'raised_by', label: 'Raised by', type: 'select', source: { vocab: 'dispute_party' }, blank: 'Choose…',
        needed: 'Choose who raised the dispute.',
      },
      {
        name: 'subject', label: 'Subject', wide: true, required: true,
        hint: 'A short heading, listed and printed on the letter: keep what is confidential for the details.',
      },
      {
        name: 'details', label: 'Confidential details', type: 'textarea', rows: 3,
        hint: 'Never listed, exported or sent to the parties; printed only on the file copy of the letter when you include it.',
      },
    ],
    body(block) {
      block.details.classList.add('confidential');
      return [
        el('div', { class: 'grid termination-grid' }, block.raised_on, block.parties, block.raised_by),
        block.subject,
        block.details,
      ];
    },
    after: [
      el('div', { class: 'report-print' },
        el('label', { class: 'report-confidential', for: confidential.id }, confidential,
          el('span', { text: 'Include the confidential details on the file copy of this one letter' })),
        letter.button),
      letter.box,
    ],
    layout: ({ note, problem, notice, table, addButton, editor }) => [
      el('p', {
        class: 'section-note',
        text: 'A dispute is raised with the programme coordinator, who mediates; one that mediation does not '
          + 'settle goes to a person the department appoints, who decides within one month; one still '
          + "unresolved goes to the department's grievance procedure.",
      }),
      note, problem, notice, table, addButton, editor, steps.section,
    ],
    columns: [
      { label: 'Raised on', value: (d) => d.raised_on, class: 'nowrap' },
      {
        label: 'Subject',
        value: (d) => el('span', {}, d.subject,
          el('span', {
            class: 'cell-note',
            text: `${ctx.label('dispute_parties', d.parties)}; raised by the ${ctx.label('dispute_party', d.raised_by).toLowerCase()}`,
          })),
        class: 'text-cell',
      },
      { label: 'State', value: (d) => ctx.label('dispute_state', d.state), class: 'nowrap' },
      {
        label: 'Last step',
        value: (d) => {
          const last = d.steps.at(-1);
          return last ? `${kind(last)}, ${last.taken_on}` : '—';
        },
      },
    ],
    list: api.listDisputes,
    noteOf: (rows) => (rows.length === 0
      ? 'No dispute recorded for this mentorship.'
      : 'Open a dispute to see and record its steps, or to print the letter to its parties.'),
    blank: () => ({
      id: null, mentorship_id: card.mentorshipId, raised_on: localToday(), raised_by: null, parties: 'mentor_protege',
      subject: '', details: '',
    }),
    // The list leaves the confidential details out, so the editor reads the whole dispute.
    get: api.getDispute,
    headingOf: (d) => (d.id === null ? 'Record a dispute' : `Dispute raised on ${d.raised_on}`),
    // The steps follow the dispute the editor shows; a dispute not saved yet has none.
    prepare(d) {
      letter.reset();
      return steps.load(d.id);
    },
    save: api.saveDispute,
    async remove(id) {
      await api.removeDispute(id);
      steps.load(null);
    },
    removal: (d) => ({
      title: 'Remove this dispute?',
      message: `"${d.subject}" leaves the record. Only do this for a dispute recorded by mistake; one with steps keeps its history.`,
      confirm: 'Remove dispute',
    }),
    removedText: (d) => `"${d.subject}" was removed.`,
    backText: (d) => `"${d.subject}" is back.`,
  });
  // Closing the dispute puts its steps and letter away with it.
  card.closeButton.addEventListener('click', () => {
    steps.load(null);
    letter.reset();
  });

  // A document printed for one mentorship is not shown on another's page.
  function load(id) {
    letter.reset();
    steps.load(null);
    return card.load(id);
  }

  return { section: card.section, load };
}
