// A mentorship's competency ratings, shown on the mentorship's page: each competency rated on a
// day on the programme's rating scale, with the evidence the rating rests on. Which
// competencies may be rated and what counts as a valid rating are core's; this module shows the
// ratings, offers the points of the scale in words and sends what was typed.

import * as api from '../api.js';
import { el, setOptions } from '../forms.js';
import { recordCard } from '../card.js';
import { localToday } from '../dates.js';

// Returns {section, load(mentorshipId)}: the card to place on the mentorship's page, and what
// shows a mentorship's ratings in it (null, for a mentorship not saved yet, hides the card).
export function ratingsSection(ctx) {
  const state = { competencies: [], current: null };
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

  const scaleNote = el('p', { class: 'hint', id: 'rating-scale' });

  // Fills the rating drop-down with the points of `scale` in words.
  async function offerPoints(scale) {
    const labels = await pointsOf(scale);
    setOptions(card.input('rating'), labels.map((_, n) => ({ value: String(n + 1), label: describe(scale, n + 1) })), 'Choose…');
    scaleNote.textContent = scale === state.current
      ? `On the ${ctx.label('rating_scale', scale).toLowerCase()}, as set in Settings.`
      : `On the ${ctx.label('rating_scale', scale).toLowerCase()} this rating was given on.`;
  }

  const card = recordCard(ctx, {
    prefix: 'rating',
    commands: { save: 'save_rating', remove: 'remove_rating' },
    listPrefix: 'ratings',
    id: 'ratings',
    class: 'progress-card',
    title: 'Competency ratings',
    editorClass: 'progress-editor',
    headingClass: 'progress-editor-title',
    noticeClass: 'progress-notice',
    saveLabel: 'Save rating',
    addLabel: 'Rate a competency',
    fields: [
      { name: 'competency', label: 'Competency', type: 'select', needed: 'Choose the competency rated.' },
      { name: 'rated_on', label: 'Date', type: 'date', needed: 'Give the date of the rating.' },
      { name: 'rating', label: 'Rating', type: 'select', ids: true, needed: 'Choose the rating.' },
      {
        name: 'evidence', label: 'Evidence', type: 'textarea', rows: 3, required: true,
        hint: 'The work, feedback or observation that shows the rating.',
      },
    ],
    body(block) {
      block.rating.querySelector('.field-error').before(scaleNote);
      return [el('div', { class: 'grid rating-grid' }, block.competency, block.rated_on, block.rating), block.evidence];
    },
    layout: ({ note, problem, notice, table, addButton, editor }) => [note, problem, notice, table, addButton, editor],
    columns: [
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
    ],
    async list(mentorshipId) {
      const ratings = await api.listRatings(mentorshipId);
      await Promise.all([...new Set(ratings.map((r) => r.scale))].map(pointsOf));
      return ratings;
    },
    newestFirst: true,
    noteOf(ratings) {
      if (state.competencies.length === 0) {
        return 'This mentorship has no competencies yet. Add them to the mentorship and save it; then they can be rated.';
      }
      if (ratings.length === 0) {
        return 'No ratings yet. Rate each competency on the programme\'s scale, with the evidence the rating rests on.';
      }
      return 'Newest first. Open a rating to correct or remove it.';
    },
    canAdd: () => state.competencies.length > 0,
    // The scale is asked for again: the settings may have changed since the card was loaded.
    async blank() {
      await currentScale();
      card.render();
      return {
        id: null, mentorship_id: card.mentorshipId,
        competency: state.competencies.length === 1 ? state.competencies[0] : null,
        rated_on: localToday(), scale: state.current, rating: null, evidence: '',
      };
    },
    headingOf: (r) => (r.id === null ? 'Rate a competency' : `Rating of ${r.rated_on}`),
    async prepare(r) {
      setOptions(card.input('competency'), state.competencies.map((name) => ({ value: name, label: name })), 'Choose…');
      await offerPoints(r.scale);
    },
    missingLabel: (f, value) => (f.name === 'competency' ? `${value} (no longer on the mentorship)` : String(value)),
    save: api.saveRating,
    remove: api.removeRating,
    removal: (r) => ({
      title: 'Remove this rating?',
      message: `The rating of "${r.competency}" on ${r.rated_on} (${describe(r.scale, r.rating)}) leaves the record.`,
      confirm: 'Remove rating',
    }),
    removedText: (r) => `The rating of "${r.competency}" on ${r.rated_on} was removed.`,
    backText: (r) => `The rating of "${r.competency}" on ${r.rated_on} is back.`,
    // The competencies are read as the mentorship is saved now, with the scale the settings name.
    async load(id, current) {
      const [mentorship] = await Promise.all([api.getMentorship(id), currentScale()]);
      if (!current()) return;
      state.competencies = mentorship.competencies.map((c) => c.name);
      await card.refresh();
    },
  });

  return {
    section: card.section,
    load(id) {
      state.competencies = [];
      return card.load(id);
    },
  };
}
