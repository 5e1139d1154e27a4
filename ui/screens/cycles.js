// Performance cycles: the financial years in which KPAs are set, with their review dates.
// "Add the next cycle" records the cycle that follows the latest one, as the settings shape it.

import * as api from '../api.js';
import { fold } from '../forms.js';
import { registerScreen } from '../register.js';

export function cyclesScreen(ctx) {
  const needed = (label) => `Give the ${label.toLowerCase()} date.`;
  const date = (name, label) => ({ name, label, type: 'date', needed: needed(label) });
  return registerScreen(ctx, {
    name: 'cycles',
    register: null,
    archivable: false,
    title: 'Performance cycles',
    newLabel: 'Add the next cycle',
    noun: 'cycle',
    nounPlural: 'cycles',
    searchPlaceholder: 'Search by name, e.g. 2026/27',
    empty: (q) => (q.text.trim() !== ''
      ? 'No cycle matches the search.'
      : 'No cycles yet. Choose "Add the next cycle" to record the current financial year.'),
    columns: [
      { label: 'Cycle', value: (r) => r.name, class: 'strong' },
      { label: 'From', value: (r) => r.start_date, class: 'nowrap' },
      { label: 'Until', value: (r) => r.end_date, class: 'nowrap' },
      { extra: true, label: 'Mid-cycle review', value: (r) => r.mid_cycle_review, class: 'nowrap' },
      { extra: true, label: 'Annual assessment', value: (r) => r.annual_assessment, class: 'nowrap' },
    ],
    // There are few cycles, so the search narrows them here.
    list: async (q) => {
      const rows = await api.listCycles();
      const text = fold(q.text.trim());
      return rows.filter((r) => fold(r.name).includes(text));
    },
    get: api.getCycle,
    save: api.saveCycle,
    saveCommand: 'save_cycle',
    newCommand: 'add_next_cycle',
    blank: () => null,
    // The cycle after the latest one, or the one containing today when there is none yet.
    create: async () => {
      const cycle = await api.addNextCycle();
      return cycle.id;
    },
    titleOf: (r) => `Cycle ${r.name}`,
    sections: [
      {
        legend: 'Cycle',
        note: 'A performance cycle is at most a year, normally the financial year.',
        fields: [
          { name: 'name', label: 'Name', required: true, wide: true, hint: 'For example 2026/27.' },
          date('start_date', 'Start'),
          date('end_date', 'End'),
        ],
      },
      {
        legend: 'Reviews',
        note: 'Quarterly feedback, a written mid-cycle review and a written annual assessment, in that order.',
        fields: [
          date('q1_review', 'First quarterly feedback'),
          date('mid_cycle_review', 'Written mid-cycle review'),
          date('q3_review', 'Third quarterly feedback'),
          date('annual_assessment', 'Written annual assessment'),
        ],
      },
    ],
  });
}
