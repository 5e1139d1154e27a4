// The department's units (components and directorates), each with its line manager.

import * as api from '../api.js';
import { fold, pill } from '../forms.js';
import { registerScreen, emptyText } from '../register.js';

export function unitsScreen(ctx) {
  return registerScreen(ctx, {
    name: 'units',
    register: 'unit',
    title: 'Units',
    newLabel: 'New unit',
    noun: 'unit',
    nounPlural: 'units',
    searchPlaceholder: 'Search by unit or line manager',
    empty: emptyText('units', 'New unit'),
    columns: [
      { label: 'Unit', value: (r) => r.name, class: 'strong' },
      { label: 'Line manager', value: (r) => r.line_manager ?? '' },
      { label: 'Staff', value: (r) => r.staff_count, class: 'num' },
      { label: '', value: (r) => (r.archived ? pill('Archived', 'muted') : '') },
    ],
    // Core lists every unit; a department has few, so the search narrows them here.
    list: async (q) => {
      const rows = await api.listUnits(q.include_archived);
      const text = fold(q.text.trim());
      return rows.filter((r) => fold(`${r.name} ${r.line_manager ?? ''}`).includes(text));
    },
    get: api.getUnit,
    save: api.saveUnit,
    saveCommand: 'save_unit',
    blank: () => ({ id: null, name: '', line_manager_id: null, archived: false }),
    titleOf: (r) => r.name || 'Unit',
    sections: [
      {
        legend: 'Unit',
        fields: [
          { name: 'name', label: 'Name', required: true, wide: true },
          {
            name: 'line_manager_id', label: 'Line manager', type: 'select', source: { choices: 'staff' }, ids: true,
            wide: true, hint: 'Manages the staff of this unit unless a staff member has their own line manager.',
          },
        ],
      },
    ],
  });
}
