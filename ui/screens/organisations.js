// External organisations (private sector, parastatals, leading individuals) that offer mentors.

import * as api from '../api.js';
import { fold, pill } from '../forms.js';
import { registerScreen, emptyText } from '../register.js';

export function organisationsScreen(ctx) {
  return registerScreen(ctx, {
    name: 'organisations',
    register: 'organisation',
    title: 'Organisations',
    newLabel: 'New organisation',
    noun: 'organisation',
    nounPlural: 'organisations',
    searchPlaceholder: 'Search by name or contact person',
    empty: emptyText('organisations', 'New organisation'),
    columns: [
      { label: 'Organisation', value: (r) => r.name, class: 'strong' },
      { label: 'Contact person', value: (r) => r.contact_person },
      { extra: true, label: 'E-mail', value: (r) => r.email },
      { extra: true, label: 'Telephone', value: (r) => r.phone },
      { label: '', value: (r) => (r.archived ? pill('Archived', 'muted') : '') },
    ],
    // Core lists every organisation; there are few, so the search narrows them here.
    list: async (q) => {
      const rows = await api.listOrganisations(q.include_archived);
      const text = fold(q.text.trim());
      return rows.filter((r) => fold(`${r.name} ${r.contact_person}`).includes(text));
    },
    get: api.getOrganisation,
    save: api.saveOrganisation,
    blank: () => ({ id: null, name: '', contact_person: '', email: '', phone: '', archived: false }),
    titleOf: (r) => r.name || 'Organisation',
    sections: [
      {
        legend: 'Organisation',
        fields: [
          { name: 'name', label: 'Name', required: true, wide: true },
          { name: 'contact_person', label: 'Contact person', wide: true },
          { name: 'email', label: 'E-mail', type: 'email' },
          { name: 'phone', label: 'Telephone', type: 'tel' },
        ],
      },
    ],
  });
}
