// The staff register: every person mentors and protégés are drawn from, with the details
// employment-equity reports need.

import * as api from '../api.js';
import { pill, el } from '../forms.js';
import { registerScreen, emptyText } from '../register.js';

export function staffScreen(ctx) {
  return registerScreen(ctx, {
    name: 'staff',
    register: 'staff',
    title: 'Staff',
    newLabel: 'New staff member',
    noun: 'staff member',
    nounPlural: 'staff members',
    searchPlaceholder: 'Search by name or persal number',
    empty: emptyText('staff', 'New staff member'),
    filters: [{ key: 'unit_id', label: 'Unit', source: { choices: 'units' }, blank: 'All units', ids: true }],
    columns: [
      { label: 'Persal', value: (r) => r.persal, class: 'mono' },
      { label: 'Name', value: (r) => r.name, class: 'strong' },
      { extra: true, label: 'Designation', value: (r) => r.designation },
      { extra: true, label: 'Level', value: (r) => r.salary_level ?? '', class: 'num' },
      { label: 'Unit', value: (r) => r.unit ?? '' },
      { extra: true, label: 'Line manager', value: (r) => r.line_manager ?? '' },
      {
        extra: true,
        label: 'Role',
        value: (r) => el('span', { class: 'pills' },
          r.is_mentor ? pill('Mentor', 'mentor') : null,
          r.is_protege ? pill('Protégé', 'protege') : null,
          r.archived ? pill('Archived', 'muted') : null),
      },
    ],
    list: (q) => api.listStaff({ text: q.text, unit_id: q.unit_id, include_archived: q.include_archived }),
    get: api.getStaff,
    save: api.saveStaff,
    saveCommand: 'save_staff',
    blank: () => ({
      id: null, persal: '', first_names: '', surname: '', gender: null, race: null,
      date_of_birth: null, disability: false, designation: '', salary_level: null, unit_id: null,
      line_manager_id: null, location: null, public_service_start: null, unit_start: null,
      email: '', phone: '', archived: false,
    }),
    titleOf: (r) => `${r.first_names} ${r.surname}`.trim() || 'Staff member',
    sections: [
      {
        legend: 'Person',
        fields: [
          { name: 'persal', label: 'Persal number', required: true, hint: '6 to 10 digits.' },
          { name: 'first_names', label: 'First names', required: true },
          { name: 'surname', label: 'Surname', required: true },
          { name: 'date_of_birth', label: 'Date of birth', type: 'date' },
          { name: 'gender', label: 'Gender', type: 'select', source: { vocab: 'gender' } },
          { name: 'race', label: 'Race', type: 'select', source: { vocab: 'race' } },
          { name: 'disability', label: 'Has a disability', type: 'checkbox', hint: 'For employment-equity reporting; optional.' },
        ],
      },
      {
        legend: 'Post',
        fields: [
          { name: 'designation', label: 'Designation (job title)', wide: true },
          { name: 'salary_level', label: 'Salary level', type: 'number', min: 1, max: 16, limit: 255 },
          { name: 'location', label: 'Location', type: 'select', source: { vocab: 'location' } },
          { name: 'unit_id', label: 'Unit', type: 'select', source: { choices: 'units' }, ids: true },
          {
            name: 'line_manager_id', label: 'Line manager', type: 'select', source: { choices: 'staff' }, ids: true,
            hint: "Leave empty when it is the unit's line manager.",
          },
          { name: 'public_service_start', label: 'Started in the public service', type: 'date' },
          { name: 'unit_start', label: 'Started in the unit', type: 'date' },
        ],
      },
      {
        legend: 'Contact',
        fields: [
          { name: 'email', label: 'E-mail', type: 'email' },
          { name: 'phone', label: 'Telephone', type: 'tel' },
        ],
      },
    ],
  });
}
