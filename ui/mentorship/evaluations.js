// The "Evaluations" card of a mentorship's page: the five forms (the protégé's and the mentor's
// at the mid-point and at the end, and the mentor's self-assessment), each with the day it falls
// due and whether it is answered; a blank form to print for someone who fills it in by hand;
// and the editor where a form's answers are typed in from the paper or filled in on the screen.
// When a form is due, which questions it asks and what a valid answer is are core's; this module
// shows them and sends what was typed.

import * as api from '../api.js';
import { el, markSelected } from '../forms.js';
import { recordCard } from '../card.js';
import { documentBox } from '../documents.js';
import { localToday } from '../dates.js';

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's forms in it (null, for a mentorship not saved yet, hides the card).
export function evaluationsSection(ctx) {
  const formName = (code) => ctx.label('evaluation_form', code);
  // The words of each point, by scale code; they never change while the window is open.
  const scales = {};
  const state = { current: null };

  // The points of `scale`, or of the scale the settings name now when null (asked each time,
  // as the settings may have changed since the card was loaded).
  async function pointsOf(scale) {
    if (scale && scales[scale]) return { scale, labels: scales[scale] };
    const points = await api.ratingScale(scale);
    scales[points.scale] = points.labels;
    if (scale === null) state.current = points.scale;
    return points;
  }

  const questions = el('div', { class: 'evaluation-questions', id: 'evaluation-questions' });
  const scaleNote = el('p', { class: 'hint', id: 'evaluation-scale' });

  // One blank form to print per form, each with its own box for the printed file; printing one
  // puts the others' boxes away, so only the last printed shows.
  const printing = Object.fromEntries((ctx.vocab.evaluation_form ?? []).map(({ code, label }) => {
    const box = documentBox({
      prefix: `evaluation-${code}`,
      label: `Blank form: ${label}`,
      buttonText: 'Print blank form',
      print: () => {
        for (const [other, b] of Object.entries(printing)) if (other !== code) b.reset();
        return api.printEvaluationForm(card.mentorshipId, code);
      },
      ready: () => null,
    });
    box.button.classList.add('small');
    // The button sits in the form's row, which opens the form when clicked or keyed.
    const mine = (event) => event.stopPropagation();
    box.button.addEventListener('click', mine);
    box.button.addEventListener('keydown', mine);
    return [code, box];
  }));

  // Whether a form is answered (and how), or owed, overdue, or not due yet, as core says.
  function answeredCell(r) {
    const e = r.evaluation;
    if (!e && r.overdue) return el('span', { class: 'pill pill-overdue', text: 'Overdue' });
    if (!e && r.owed) return el('span', { class: 'pill pill-due', text: 'Due' });
    if (!e) return el('span', { class: 'pill pill-muted', text: 'Not yet' });
    const how = e.from_paper ? 'typed in from a printed form' : 'filled in on screen';
    return el('span', {},
      el('span', { class: 'pill pill-active', text: 'Answered' }),
      el('span', { class: 'cell-note', text: `On ${e.answered_on}, ${how}` }));
  }

  // The answer of each question, as the editor shows it: radio buttons for a rating (the
  // scale's points) or a yes or no, each with "No answer" to leave it blank, or lines to write.
  function questionBlock(q, number, answer, labels) {
    const id = `evaluation-q${q.id}`;
    const words = `${number}. ${q.text}`;
    if (q.answer === 'text') {
      const text = el('textarea', { id, name: id, rows: 3 });
      text.value = answer?.text ?? '';
      return el('div', { class: 'field wide evaluation-question', dataset: { question: q.id, kind: q.answer } },
        el('label', { for: id }, words, q.archived ? el('span', { class: 'cell-note', text: 'No longer asked' }) : null),
        text);
    }
    const options = q.answer === 'rating'
      ? labels.map((label, n) => [String(n + 1), `${n + 1} – ${label}`])
      : [['yes', 'Yes'], ['no', 'No']];
    options.push(['', 'No answer']);
    let given = '';
    if (q.answer === 'rating' && answer?.rating) given = String(answer.rating);
    if (q.answer === 'yes_no' && answer?.yes !== null && answer?.yes !== undefined) given = answer.yes ? 'yes' : 'no';
    return el('div', {
      class: 'kind-choice evaluation-question', role: 'radiogroup', 'aria-labelledby': `${id}-text`,
      dataset: { question: q.id, kind: q.answer },
    },
    el('span', { class: 'kind-label', id: `${id}-text`, text: words },
      q.archived ? el('span', { class: 'cell-note', text: 'No longer asked' }) : null),
    options.map(([value, text]) => el('label', { for: `${id}-${value || 'none'}` },
      el('input', {
        type: 'radio', name: id, id: `${id}-${value || 'none'}`, value, checked: given === value,
      }),
      el('span', { text }))));
  }

  // Shows the questions of the evaluation's form: those asked now and, on a form answered
  // before a question was archived, that question with the answer it was given.
  function showQuestions(evaluation, asked, points) {
    const answers = new Map(evaluation.answers.map((a) => [a.question_id, a]));
    const shown = asked.filter((q) => !q.archived || answers.has(q.id));
    questions.replaceChildren(...shown.map((q, n) => questionBlock(q, n + 1, answers.get(q.id), points.labels)));
    scaleNote.textContent = points.scale === state.current
      ? `Ratings on the ${ctx.label('rating_scale', points.scale).toLowerCase()}, as set in Settings.`
      : `Ratings on the ${ctx.label('rating_scale', points.scale).toLowerCase()} this form was answered on.`;
  }

  function readAnswers() {
    return [...questions.querySelectorAll('[data-question]')].map((block) => {
      const answer = { question_id: Number(block.dataset.question), rating: null, yes: null, text: '' };
      const { kind } = block.dataset;
      if (kind === 'text') {
        answer.text = block.querySelector('textarea').value;
        return answer;
      }
      const chosen = block.querySelector('input:checked')?.value ?? '';
      if (chosen !== '' && kind === 'rating') answer.rating = Number(chosen);
      if (chosen !== '' && kind === 'yes_no') answer.yes = chosen === 'yes';
      return answer;
    });
  }

  async function get(form) {
    const row = card.rows.find((r) => r.id === form);
    if (row?.evaluation) return row.evaluation;
    const { scale } = await pointsOf(null);
    return {
      id: null, mentorship_id: card.mentorshipId, form, answered_on: localToday(), scale, from_paper: false, answers: [],
    };
  }

  const card = recordCard(ctx, {
    prefix: 'evaluation',
    commands: { save: 'save_evaluation', remove: 'remove_evaluation' },
    listPrefix: 'evaluations',
    id: 'evaluations',
    class: 'progress-card evaluations',
    title: 'Evaluations',
    editorClass: 'progress-editor evaluation-editor',
    headingClass: 'progress-editor-title',
    noticeClass: 'progress-notice',
    saveLabel: 'Save answers',
    fields: [
      {
        name: 'answered_on', label: 'Filled in on', type: 'date', needed: 'Give the date the form was filled in.',
        hint: 'The date written on a printed form, or today.',
      },
      { name: 'from_paper', label: 'Typed in from a printed form', type: 'checkbox' },
    ],
    body: (block) => [
      el('div', { class: 'grid' }, block.answered_on, block.from_paper),
      scaleNote,
      questions,
      el('p', { class: 'field-error', dataset: { for: 'answers' }, 'aria-live': 'polite' }),
    ],
    layout: ({ note, problem, notice, table, editor }) => [
      el('p', {
        class: 'section-note',
        text: 'The protégé and the mentor each evaluate the mentorship at its mid-point and at its end, and the '
          + 'mentor assesses themself at the end. Print a blank form for someone who fills it in by hand, and '
          + 'type the answers in when it comes back.',
      }),
      note, problem, notice, table, ...Object.values(printing).map((p) => p.box), editor,
    ],
    columns: [
      // The due date sits under the form's name, so the narrow pane keeps room for the rest.
      {
        label: 'Form',
        value: (r) => el('span', {}, formName(r.form), el('span', { class: 'cell-note', text: `Due ${r.due_on}` })),
      },
      { label: 'Answered', value: answeredCell },
      { label: 'Blank form', value: (r) => printing[r.form]?.button ?? null, class: 'nowrap' },
    ],
    // The rows are the forms, each with its answers when it is answered.
    async list(mentorshipId) {
      const forms = await api.evaluationForms(mentorshipId);
      return forms.map((f) => ({ id: f.form, ...f }));
    },
    noteOf: () => 'Open a form to type in its answers, or to correct or remove them.',
    get,
    headingOf: (e) => (e.id === null
      ? `${formName(e.form)}: type in the answers`
      : `${formName(e.form)}, filled in on ${e.answered_on}`),
    // The settings' scale is read again too, to say whether the form's is still the programme's.
    async prepare(e) {
      const [asked, points] = await Promise.all([
        api.evaluationQuestions(e.form, true), pointsOf(e.scale), pointsOf(null),
      ]);
      showQuestions(e, asked, points);
    },
    // The table's rows are the forms, not the answered evaluations the editor holds, so the
    // row is marked by the form's code.
    focusOf(e) {
      markSelected(card.table, e.form);
      return card.input('answered_on');
    },
    unsaved: 'The answers typed into this form are not saved.',
    collect: (values) => ({ ...card.open, ...values, answers: readAnswers() }),
    save: api.saveEvaluation,
    // After a save or an undo the editor shows the form as saved; after a removal it stays closed.
    async reopen(restored) {
      const form = restored?.form ?? card.open?.form;
      if (form) await card.edit(await get(form));
    },
    remove: api.removeEvaluation,
    removal: (e) => ({
      title: 'Remove these answers?',
      message: `The answers to the ${formName(e.form).toLowerCase()} filled in on ${e.answered_on} leave the record.`,
      confirm: 'Remove answers',
    }),
    removedText: (e) => `The answers to the ${formName(e.form).toLowerCase()} were removed.`,
    backText: (e) => `The answers to the ${formName(e.form).toLowerCase()} are back.`,
  });

  return {
    section: card.section,
    load(id) {
      for (const p of Object.values(printing)) p.reset();
      return card.load(id);
    },
  };
}
