// External organisations (private sector, parastatals, leading individuals) that offer mentors:
// the terms of the department's agreement with them, the mentors they offer, and the printed
// agreement.

import * as api from '../api.js';
import { el, fold, pill } from '../forms.js';
import { registerScreen, emptyText } from '../register.js';
import { documentBox } from '../documents.js';

export function organisationsScreen(ctx) {
  const parts = {};

  async function showMentors(record) {
    parts.mentors.replaceChildren();
    if (record.id === null) {
      parts.mentors.append(el('li', { class: 'muted', text: 'Save the organisation first; its mentors are added on the Mentors screen.' }));
      return;
    }
    try {
      const mentors = await api.organisationMentors(record.id);
      if (parts.screen.record()?.id !== record.id) return;
      if (mentors.length === 0) {
        parts.mentors.append(el('li', { class: 'muted', text: 'No mentors yet; add them on the Mentors screen.' }));
      }
      for (const m of mentors) {
        parts.mentors.append(el('li', {},
          el('span', { class: 'strong', text: m.external_name }),
          m.fields_of_expertise ? el('span', { class: 'muted', text: ` · ${m.fields_of_expertise}` }) : null));
      }
    } catch (error) {
      parts.mentors.append(el('li', { class: 'warn', text: error.message }));
    }
  }

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
      { label: 'Kind', value: (r) => ctx.label('organisation_kind', r.kind) },
      { extra: true, label: 'Contact person', value: (r) => r.contact_person },
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
    saveCommand: 'save_organisation',
    blank: () => ({
      id: null, name: '', kind: null, contact_person: '', email: '', phone: '', address: '', coordinator: '',
      days_per_year: null, time_allocation_notes: '', agreement_start: null, agreement_end: null, archived: false,
    }),
    titleOf: (r) => r.name || 'Organisation',
    sections: [
      {
        legend: 'Organisation',
        fields: [
          { name: 'name', label: 'Name', required: true, wide: true },
          {
            name: 'kind', label: 'Kind', type: 'select', source: { vocab: 'organisation_kind' },
            needed: 'Choose the kind of organisation.',
          },
          { name: 'contact_person', label: 'Contact person' },
          { name: 'email', label: 'E-mail', type: 'email' },
          { name: 'phone', label: 'Telephone', type: 'tel' },
          { name: 'address', label: 'Address', type: 'textarea', rows: 2 },
        ],
      },
      {
        legend: 'Agreement',
        note: "The terms of the department's agreement with the organisation, printed in the agreement.",
        fields: [
          {
            name: 'coordinator', label: 'Coordinator', wide: true,
            hint: 'The person who liaises between the department and the organisation.',
          },
          { name: 'agreement_start', label: 'Agreement from', type: 'date' },
          { name: 'agreement_end', label: 'Agreement until', type: 'date' },
          { name: 'days_per_year', label: 'Days a year per mentor', type: 'number', min: 0, max: 366, limit: 366 },
          {
            name: 'time_allocation_notes', label: 'Time allocation', type: 'textarea', rows: 2,
            hint: 'How the time is spread, e.g. two hours a month per protégé, in working hours.',
          },
        ],
      },
    ],
    extend({ form, tools, body, screen }) {
      parts.screen = screen;
      parts.document = documentBox({
        prefix: 'organisations-agreement',
        label: 'Agreement',
        buttonText: 'Print agreement',
        print: () => api.printOrganisationAgreement(screen.record().id),
        ready: () => (screen.isDirty() ? 'Save your changes first: the agreement prints the saved organisation.' : null),
      });
      tools.prepend(parts.document.button);
      form.querySelector('.form-error').after(parts.document.box);
      parts.mentors = el('ul', { class: 'plain-list', id: 'organisations-mentors' });
      body.append(el('fieldset', { class: 'section' },
        el('legend', { text: 'Mentors it offers' }),
        parts.mentors));
    },
    afterFill(form, r) {
      parts.document.reset();
      parts.document.button.hidden = r.id === null;
      showMentors(r);
    },
  });
}
