// A saved mentorship's work plan, shown on the mentorship's page: generated once, then edited
// event by event, and each event signed off by the mentor. Each change is saved at once and
// apart from the mentorship's own form, so it lives beside that form. Which days an event may
// fall on and when it is overdue are core's; this module shows the plan and sends what was typed.

import * as api from '../api.js';
import { el, pill, fieldBlock, showError, setStatus } from '../forms.js';
import { recordCard } from '../card.js';
import { localToday } from '../dates.js';

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's plan in it (null, for a mentorship not saved yet, hides the card).
export function workPlanSection(ctx) {
  const generateButton = el('button', {
    type: 'button', id: 'workplan-generate', class: 'secondary small', text: 'Generate work plan',
    onclick: () => generate(), command: 'generate_work_plan',
  });

  // The mentor's sign-off is an action of its own, not a part of Save.
  const signedOnBlock = fieldBlock('workplan', { name: 'signed_off_on', label: 'Signed off on', type: 'date' });
  const commentBlock = fieldBlock('workplan', { name: 'sign_off_comment', label: 'Comment', wide: true });
  const signedOn = signedOnBlock.querySelector('input');
  const comment = commentBlock.querySelector('input');
  const signOff = el('fieldset', { class: 'workplan-sign-off', command: 'sign_off_event' },
    el('legend', { text: 'Mentor\'s sign-off' }),
    el('div', { class: 'grid' }, signedOnBlock, commentBlock),
    el('button', { type: 'button', id: 'workplan-sign-off', class: 'secondary small', text: 'Sign off', onclick: () => signOffOpen() }));

  function statusOf(e) {
    if (e.signed_off_on) return pill(`Signed off on ${e.signed_off_on}`, 'active');
    if (e.overdue) return pill('Overdue', 'overdue');
    return pill('Due', 'muted');
  }

  const card = recordCard(ctx, {
    prefix: 'workplan',
    commands: { save: 'save_work_plan_event', remove: 'remove_work_plan_event' },
    id: 'workplan',
    class: 'workplan',
    title: 'Work plan',
    editorClass: 'workplan-editor',
    saveLabel: 'Save event',
    addLabel: 'Add event',
    fields: [
      { name: 'due_on', label: 'Due on', type: 'date' },
      { name: 'kind', label: 'Kind', type: 'select', source: { vocab: 'event_kind' } },
      { name: 'title', label: 'Title', wide: true },
    ],
    body: (block) => [el('div', { class: 'grid three' }, block.due_on, block.kind, block.title)],
    after: [signOff],
    layout: ({ note, problem, table, addButton, editor }) => [note, problem, generateButton, table, editor, addButton],
    columns: [
      { label: 'Date', value: (e) => e.due_on, class: 'nowrap' },
      // The kind is shown under the title only when the title does not already say it.
      {
        label: 'Event',
        value: (e) => {
          const kindLabel = ctx.label('event_kind', e.kind);
          return el('span', {}, e.title,
            e.title === kindLabel ? null : el('span', { class: 'workplan-kind', text: kindLabel }));
        },
      },
      { label: 'Status', value: statusOf, class: 'nowrap' },
    ],
    list: api.workPlan,
    noteOf: (events) => (events.length === 0
      ? 'This mentorship has no work plan yet. Generate one from its meeting frequency and the programme\'s template, on working days.'
      : 'Open an event that is not signed off to move, rename, remove or sign it off.'),
    rendered: (events) => { generateButton.hidden = events.length > 0; },
    // Events are added to a plan that exists; an empty plan is generated first.
    canAdd: () => card.rows.length > 0,
    addWhileEditing: true,
    blank: () => ({
      id: null, mentorship_id: card.mentorshipId, due_on: localToday(), kind: 'other', title: '',
      signed_off_on: null, sign_off_comment: '',
    }),
    // A signed-off event is kept as it was signed: it can be read, not changed.
    prepare(e) {
      const signed = Boolean(e.signed_off_on);
      for (const name of ['due_on', 'kind', 'title']) card.input(name).disabled = signed;
      card.saveButton.hidden = signed;
      card.removeButton.hidden = signed || e.id === null;
      signOff.hidden = signed || e.id === null;
      signedOn.value = localToday();
      comment.value = '';
      if (signed) setStatus(card.editor, `Signed off on ${e.signed_off_on}${e.sign_off_comment ? `: ${e.sign_off_comment}` : '.'}`);
    },
    focusOf: (e) => (e.signed_off_on ? card.closeButton : card.input('due_on')),
    collect(values, problems) {
      if (values.due_on === null) problems.push({ field: 'due_on', message: 'Give the date the event is due.' });
      const e = { ...card.open, ...values };
      delete e.overdue;
      return e;
    },
    save: api.saveWorkPlanEvent,
    // An event is a date, a kind and a title, saved in a blink: the plan only says it is saved.
    saying: { busy: null, done: () => 'Saved.' },
    remove: api.removeWorkPlanEvent,
    removal: (e) => ({
      title: 'Remove this event?',
      message: `"${e.title}" on ${e.due_on} leaves the work plan.`,
      confirm: 'Remove event',
    }),
  });

  // Signing off reopens the event as signed, with the date and comment in its status line.
  async function signOffOpen() {
    const e = card.open;
    if (!signedOn.value) {
      showError(card.editor, { message: 'Give the date the mentor signed the event off.' }, 'signed_off_on');
      return;
    }
    try {
      await api.signOffEvent(e.id, signedOn.value, comment.value);
      await card.refresh();
      const signed = card.rows.find((x) => x.id === e.id);
      if (signed) await card.edit(signed);
    } catch (error) {
      showError(card.editor, error);
    }
  }

  async function generate() {
    generateButton.disabled = true;
    try {
      const events = await api.generateWorkPlan(card.mentorshipId);
      card.showProblem(null);
      card.render(events);
    } catch (error) {
      card.showProblem(error);
    } finally {
      generateButton.disabled = false;
    }
  }

  return { section: card.section, load: card.load };
}
