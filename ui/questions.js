// The questions of the evaluation forms, shown in the Settings screen for the programme manager:
// a form's questions in their order, with the editor that adds one, rewords or moves it, or
// archives it (it is no longer asked; the answers it was given stay). Which changes are allowed
// (a question already answered keeps its kind of answer) is core's.

import * as api from './api.js';
import { el } from './forms.js';
import { recordCard } from './card.js';

// Returns {card, show()}: the card to place in Settings, and what reads the chosen form's
// questions again.
export function questionsCard(ctx) {
  const forms = ctx.vocab.evaluation_form ?? [];
  const formSelect = el('select', { id: 'questions-form', name: 'form' },
    forms.map((f) => el('option', { value: f.code, text: f.label })));
  formSelect.addEventListener('change', () => card.load(formSelect.value));

  // The card is one of a mentorship's page's kind, keyed here by the form instead.
  const card = recordCard(ctx, {
    prefix: 'question',
    commands: { save: 'save_evaluation_question' },
    listPrefix: 'questions',
    id: 'evaluation-questions-card',
    class: 'card questions-card',
    title: 'Evaluation questions',
    editorClass: 'progress-editor',
    headingClass: 'progress-editor-title',
    noticeClass: 'progress-notice',
    saveLabel: 'Save question',
    addLabel: 'Add a question',
    fields: [
      { name: 'text', label: 'Question', type: 'textarea', rows: 2, required: true },
      {
        name: 'answer', label: 'Answer', type: 'select', source: { vocab: 'answer_kind' },
        needed: 'Choose how the question is answered.',
      },
      {
        name: 'position', label: 'Place on the form', type: 'number', min: 1, limit: 999,
        needed: 'Give the question\'s place on the form, from 1.',
      },
      {
        name: 'archived', label: 'Archived: no longer asked', type: 'checkbox',
        hint: 'The answers it was given stay with the forms already answered.',
      },
    ],
    body: (block) => [block.text, el('div', { class: 'grid' }, block.answer, block.position), block.archived],
    layout: ({ note, problem, table, addButton, editor }) => [
      el('p', {
        class: 'section-note',
        text: 'The questions each evaluation form asks, printed on the blank form and shown when its answers are typed in.',
      }),
      el('label', { class: 'filter', for: formSelect.id }, el('span', { text: 'Form' }), formSelect),
      note, problem, table, addButton, editor,
    ],
    columns: [
      { label: 'No.', value: (q) => String(q.position), class: 'num' },
      {
        label: 'Question',
        value: (q) => el('span', {}, q.text, q.archived ? el('span', { class: 'cell-note', text: 'Archived' }) : null),
      },
      { label: 'Answer', value: (q) => ctx.label('answer_kind', q.answer) },
    ],
    list: (form) => api.evaluationQuestions(form, true),
    noteOf: (questions) => (questions.length === 0
      ? 'This form asks no questions yet.'
      : 'In the order they are asked. Open a question to reword, move or archive it.'),
    // A new question is offered the place after the last.
    blank: () => ({
      id: null,
      form: card.mentorshipId,
      position: Math.max(0, ...card.rows.map((q) => q.position)) + 1,
      text: '',
      answer: 'rating',
      archived: false,
    }),
    headingOf: (q) => (q.id === null ? 'Add a question' : `Question ${q.position}`),
    // A question is archived rather than removed, so the answers it was given stay readable.
    prepare() {
      card.removeButton.hidden = true;
    },
    focusOf: () => card.input('text'),
    save: api.saveEvaluationQuestion,
  });

  return {
    card: card.section,
    show: () => card.load(formSelect.value || null),
  };
}
