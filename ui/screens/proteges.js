// Protégés of the four kinds, each a staff member with a development profile.

import * as api from '../api.js';
import { el, pill } from '../forms.js';
import { registerScreen, emptyText } from '../register.js';

export function protegesScreen(ctx) {
  return registerScreen(ctx, {
    name: 'proteges',
    register: 'protege',
    title: 'Protégés',
    newLabel: 'New protégé',
    noun: 'protégé',
    nounPlural: 'protégés',
    searchPlaceholder: 'Search by name or persal number',
    empty: emptyText('protégés', 'New protégé'),
    filters: [{ key: 'kind', label: 'Kind', source: { vocab: 'protege_kind' }, blank: 'All kinds' }],
    columns: [
      { label: 'Name', value: (r) => r.name, class: 'strong' },
      { label: 'Persal', value: (r) => r.persal, class: 'mono' },
      { label: 'Kind', value: (r) => r.kind_label },
      { extra: true, label: 'Unit', value: (r) => r.unit ?? '' },
      {
        extra: true,
        label: 'Mentor',
        value: (r) => el('span', {}, r.mentor ?? el('span', { class: 'muted', text: 'None yet' }),
          r.archived ? pill('Archived', 'muted') : null),
      },
    ],
    list: (q) => api.listProteges(q.text, q.kind, q.include_archived),
    get: api.getProtege,
    save: api.saveProtege,
    saveCommand: 'save_protege',
    blank: () => ({
      id: null, staff_id: null, kind: null, programme_detail: '', career_goals: '',
      career_path_plan: '', education: '', work_experience: '', strengths: '', weaknesses: '',
      development_needs: '', archived: false,
    }),
    titleOf: (r, form) => selectedLabel(form, 'staff_id') || 'Protégé',
    sections: [
      {
        legend: 'Protégé',
        fields: [
          {
            name: 'staff_id', label: 'Staff member', type: 'select', source: { choices: 'staff' }, ids: true,
            wide: true, needed: 'Choose the staff member who is the protégé.',
          },
          {
            name: 'kind', label: 'Kind of protégé', type: 'select', source: { vocab: 'protege_kind' },
            wide: true, needed: 'Choose the kind of protégé: each kind has its own agreement.',
          },
          {
            name: 'programme_detail', label: 'Learnership, internship or qualification', wide: true,
            hint: 'Required for interns and learners.',
          },
        ],
      },
      {
        legend: 'Development profile',
        note: 'What the coordinating committee reviews when it selects and matches the protégé.',
        fields: [
          { name: 'career_goals', label: 'Career goals', type: 'textarea' },
          { name: 'career_path_plan', label: 'Career path plan', type: 'textarea' },
          { name: 'education', label: 'Educational background', type: 'textarea' },
          { name: 'work_experience', label: 'Work experience', type: 'textarea' },
          { name: 'strengths', label: 'Strengths', type: 'textarea' },
          { name: 'weaknesses', label: 'Weaknesses', type: 'textarea' },
          { name: 'development_needs', label: 'Development needs', type: 'textarea', required: true },
        ],
      },
    ],
  });
}

function selectedLabel(form, name) {
  const select = form.elements.namedItem(name);
  const option = select?.selectedOptions[0];
  return option && option.value !== '' ? option.textContent : '';
}
