// A mentorship's competency ratings, shown on the mentorship's page: each competency rated on a
// day on the programme's rating scale, with the evidence the rating rests on. Which
// competencies may be rated and what counts as a valid rating are core's; this module shows the
// ratings, offers the points of the scale in words and sends what was typed.

import * as api from '../api.js';
import {
  el, fieldBlock, fillFields, readFields, renderTable, markSelected, showError, clearErrors,
  setStatus, timeNow, confirmAction, setOptions,
} from '../forms.js';

const FORM_ID = 'rating';

// Today on this computer as a date input takes it.
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's ratings in it (null, for a mentorship not saved yet, hides the card).
export function ratingsSection(ctx) {
  const state = {
    mentorshipId: null, competencies: [], ratings: [], current: null, open: null, removed: null, token: 0,
  };
  // The words of each point, by scale code. They never change while the window is open.
  const scales = {};

  async function pointsOf(scale) {
    if (!scales[scale]) scales[scale] = (await api.ratingScale(scale)).labels;
    return scales[scale];
  }

  // Reads which scale the settings name now.
  async function currentScale() {
    const { scale, labels } = await api.ratingScale();
    state.current = scale;
    scales[scale] = labels;
  }

  // "3 – Fully effective", as the table and the drop-down show a point.
  function describe(scale, rating) {
    const label = scales[scale]?.[rating - 1];
    return label ? `${rating} – ${label}` : String(rating);
  }

  const fields = [
    { name: 'competency', label: 'Competency', type: 'select', needed: 'Choose the competency rated.' },
    { name: 'rated_on', label: 'Date', type: 'date', needed: 'Give the date of the rating.' },
    { name: 'rating', label: 'Rating', type: 'select', ids: true, needed: 'Choose the rating.' },
    {
      name: 'evidence', label: 'Evidence', type: 'textarea', rows: 3, required: true,
      hint: 'The work, feedback or observation that shows the rating.',
    },
  ];
  const block = Object.fromEntries(fields.map((f) => [f.name, fieldBlock(FORM_ID, f)]));
  const input = (name) => block[name].querySelector(`[name="${name}"]`);
  const scaleNote = el('p', { class: 'hint', id: `${FORM_ID}-scale` });
  block.rating.querySelector('.field-error').before(scaleNote);

  const saveButton = el('button', { type: 'submit', id: 'rating-save', class: 'primary small', text: 'Save rating' });
  const removeButton = el('button', {
    type: 'button', id: 'rating-remove', class: 'quiet small', text: 'Remove', onclick: () => remove(),
  });
  const closeButton = el('button', { type: 'button', id: 'rating-close', class: 'quiet small', text: 'Close', onclick: () => close() });
  const editorTitle = el('h3', { class: 'progress-editor-title' });
  const editor = el('form', { id: 'rating-editor', class: 'progress-editor', novalidate: true, autocomplete: 'off', hidden: true },
    editorTitle,
    el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
    el('div', { class: 'grid rating-grid' }, block.competency, block.rated_on, block.rating),
    block.evidence,
    el('div', { class: 'workplan-actions' },
      saveButton, removeButton, closeButton,
      el('span', { class: 'form-status', role: 'status' })));
  editor.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });

  const table = el('table', { id: 'ratings-list', class: 'list compact' });
  const note = el('p', { class: 'section-note' });
  const problem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const undoButton = el('button', { type: 'button', id: 'ratings-undo', class: 'secondary small', text: 'Undo', onclick: () => undoRemove() });
  const noticeText = el('span');
  const notice = el('p', { class: 'progress-notice', role: 'status', hidden: true }, noticeText, undoButton);
  const addButton = el('button', {
    type: 'button', id: 'ratings-add', class: 'secondary small', text: 'Rate a competency', onclick: () => rateNew(),
  });

  const section = el('section', { class: 'progress-card', id: 'ratings', hidden: true },
    el('h2', { text: 'Competency ratings' }), note, problem, notice, table, addButton, editor);

  const columns = [
    { label: 'Date', value: (r) => r.rated_on, class: 'nowrap' },
    { label: 'Competency', value: (r) => r.competency },
    {
      label: 'Rating',
      // A rating given on another scale than today's keeps it, and says which.
      value: (r) => el('span', {}, describe(r.scale, r.rating),
        r.scale === state.current ? null : el('span', { class: 'cell-note', text: ctx.label('rating_scale', r.scale) })),
      class: 'rating-cell',
    },
    { label: 'Evidence', value: (r) => el('span', { class: 'clamp-3', text: r.evidence }), class: 'text-cell' },
  ];

  function showProblem(error) {
    problem.textContent = error ? error.message : '';
    problem.hidden = !error;
  }

  function showNotice(text, undoable) {
    noticeText.textContent = text;
    undoButton.hidden = !undoable;
    notice.hidden = text === '';
  }

  function render() {
    const none = state.ratings.length === 0;
    const rateable = state.competencies.length > 0;
    table.hidden = none;
    addButton.hidden = !rateable || !editor.hidden;
    if (!rateable) {
      note.textContent = 'This mentorship has no competencies yet. Add them to the mentorship and save it; then they can be rated.';
    } else if (none) {
      note.textContent = 'No ratings yet. Rate each competency on the programme\'s scale, with the evidence the rating rests on.';
    } else {
      note.textContent = 'Newest first. Open a rating to correct or remove it.';
    }
    const newestFirst = [...state.ratings].reverse();
    renderTable(table, columns, newestFirst, { onOpen: (id) => openRating(id), selectedId: state.open?.id ?? null, empty: '' });
  }

  async function refresh() {
    const token = state.token;
    const ratings = await api.listRatings(state.mentorshipId);
    await Promise.all([...new Set(ratings.map((r) => r.scale))].map(pointsOf));
    if (token !== state.token) return;
    state.ratings = ratings;
    render();
  }

  // Fills the rating drop-down with the points of `scale` in words.
  async function offerPoints(scale) {
    const labels = await pointsOf(scale);
    setOptions(input('rating'), labels.map((_, n) => ({ value: String(n + 1), label: describe(scale, n + 1) })), 'Choose…');
    scaleNote.textContent = scale === state.current
      ? `On the ${ctx.label('rating_scale', scale).toLowerCase()}, as set in Settings.`
      : `On the ${ctx.label('rating_scale', scale).toLowerCase()} this rating was given on.`;
  }

  async function edit(r) {
    state.open = r;
    clearErrors(editor);
    setStatus(editor, '');
    showNotice('', false);
    editorTitle.textContent = r.id === null ? 'Rate a competency' : `Rating of ${r.rated_on}`;
    setOptions(input('competency'), state.competencies.map((name) => ({ value: name, label: name })), 'Choose…');
    await offerPoints(r.scale);
    fillFields(editor, fields, r, (f, value) => (f.name === 'competency' ? `${value} (no longer on the mentorship)` : String(value)));
    removeButton.hidden = r.id === null;
    editor.hidden = false;
    addButton.hidden = true;
    markSelected(table, r.id);
    editor.scrollIntoView({ block: 'nearest' });
  }

  function close() {
    state.open = null;
    editor.hidden = true;
    addButton.hidden = state.competencies.length === 0;
    markSelected(table, null);
  }

  // The scale is asked for again: the settings may have changed since the card was loaded.
  async function rateNew() {
    try {
      await currentScale();
    } catch (error) {
      showProblem(error);
      return;
    }
    render();
    await edit({
      id: null, mentorship_id: state.mentorshipId,
      competency: state.competencies.length === 1 ? state.competencies[0] : null,
      rated_on: localToday(), scale: state.current, rating: null, evidence: '',
    });
    input('competency').focus();
  }

  async function openRating(id) {
    const r = state.ratings.find((x) => x.id === id);
    if (!r) return;
    try {
      await edit(r);
    } catch (error) {
      showProblem(error);
    }
  }

  // Saves the editor; a refusal shows next to the field core names and keeps what was typed.
  async function save() {
    clearErrors(editor);
    const { values, problems } = readFields(editor, fields);
    if (problems.length > 0) {
      showError(editor, { code: 'invalid', ...problems[0] });
      return;
    }
    const record = { ...state.open, ...values };
    saveButton.disabled = true;
    setStatus(editor, 'Saving…');
    try {
      const id = await api.saveRating(record);
      await refresh();
      const saved = state.ratings.find((x) => x.id === id);
      if (saved) await edit(saved);
      setStatus(editor, `Saved at ${timeNow()}.`);
    } catch (error) {
      showError(editor, error);
    } finally {
      saveButton.disabled = false;
    }
  }

  // A rating removed by mistake can be given again at once: the notice offers to undo.
  async function remove() {
    const r = state.open;
    const sure = await confirmAction({
      title: 'Remove this rating?',
      message: `The rating of "${r.competency}" on ${r.rated_on} (${describe(r.scale, r.rating)}) leaves the record.`,
      confirm: 'Remove rating',
    });
    if (!sure) return;
    try {
      await api.removeRating(r.id);
      state.removed = r;
      close();
      await refresh();
      showNotice(`The rating of "${r.competency}" on ${r.rated_on} was removed.`, true);
    } catch (error) {
      showError(editor, error);
    }
  }

  async function undoRemove() {
    const r = state.removed;
    if (!r) return;
    try {
      const id = await api.saveRating({ ...r, id: null });
      state.removed = null;
      await refresh();
      showNotice(`The rating of "${r.competency}" on ${r.rated_on} is back.`, false);
      markSelected(table, id);
    } catch (error) {
      showProblem(error);
    }
  }

  // Shows the ratings of the mentorship `id` with its competencies as they are saved now, or
  // hides the card for a mentorship not saved yet.
  async function load(id) {
    state.token += 1;
    const token = state.token;
    state.mentorshipId = id;
    state.competencies = [];
    state.ratings = [];
    state.removed = null;
    close();
    showProblem(null);
    showNotice('', false);
    section.hidden = id === null;
    if (id === null) return;
    try {
      const [mentorship] = await Promise.all([api.getMentorship(id), currentScale()]);
      if (token !== state.token) return;
      state.competencies = mentorship.competencies.map((c) => c.name);
      await refresh();
    } catch (error) {
      if (token === state.token) showProblem(error);
    }
  }

  return { section, load };
}
