// The period chooser of progress reports, shared by a mentorship's report card and the Progress
// reports screen: the periods core offers, grouped by cycle, then "Other dates…" with a from and
// a to date, which core names. Which periods there are, and what a range is called, are core's.

import * as api from './api.js';
import { el } from './forms.js';

const OTHER = 'other';

export const samePeriod = (a, b) => a !== null && b !== null && a.from === b.from && a.to === b.to;

// `onChange(period)` hears the period chosen, or null while other dates are incomplete or
// refused (the refusal shows beside them).
export function periodPicker(prefix, onChange) {
  const select = el('select', { id: `${prefix}-period`, name: 'period' });
  const from = el('input', { id: `${prefix}-period_from`, name: 'period_from', type: 'date' });
  const to = el('input', { id: `${prefix}-period_to`, name: 'period_to', type: 'date' });
  const field = (name, label, control, extra = '') => el('div', { class: `field${extra}`, dataset: { field: name } },
    el('label', { for: control.id, text: label }), control,
    el('p', { class: 'field-error', dataset: { for: name }, 'aria-live': 'polite' }));
  const dates = el('div', { class: 'grid report-dates', hidden: true },
    field('period_from', 'From', from), field('period_to', 'To', to));
  const block = el('div', { class: 'report-period' }, field('period', 'Period', select, ' wide'), dates);
  const state = { offered: [], chosen: null, token: 0 };

  function clearDateError() {
    for (const slot of dates.querySelectorAll('.field-error')) slot.textContent = '';
  }

  // Offers `periods` ({from, to, label, cycle, current, written}); the choice stays where it
  // still can, or falls on today's quarter.
  function offer(periods) {
    state.offered = periods;
    const keep = select.value === OTHER ? OTHER : null;
    const groups = new Map();
    periods.forEach((p, n) => {
      if (!groups.has(p.cycle)) groups.set(p.cycle, el('optgroup', { label: `Cycle ${p.cycle}` }));
      groups.get(p.cycle).append(el('option', {
        value: String(n), text: p.written ? `${p.label} (written)` : p.label,
      }));
    });
    select.replaceChildren(...groups.values(), el('option', { value: OTHER, text: 'Other dates…' }));
    const again = state.chosen === null ? -1 : periods.findIndex((p) => samePeriod(p, state.chosen));
    if (keep === OTHER && again === -1) {
      select.value = OTHER;
    } else if (again !== -1) {
      select.value = String(again);
    } else {
      const current = periods.findIndex((p) => p.current);
      select.value = periods.length === 0 ? OTHER : String(Math.max(current, 0));
    }
    dates.hidden = select.value !== OTHER;
    if (select.value !== OTHER) state.chosen = plain(state.offered[Number(select.value)]);
    else if (from.value === '' || to.value === '') state.chosen = null;
    return state.chosen;
  }

  const plain = (p) => ({ from: p.from, to: p.to, label: p.label });

  async function chooseDates() {
    clearDateError();
    state.chosen = null;
    if (from.value === '' || to.value === '') {
      onChange(null);
      return;
    }
    state.token += 1;
    const token = state.token;
    try {
      const period = await api.reportPeriod(from.value, to.value);
      if (token !== state.token) return;
      state.chosen = period;
      onChange(period);
    } catch (error) {
      if (token !== state.token) return;
      const slot = dates.querySelector(`.field-error[data-for="${error.field === 'period_from' ? 'period_from' : 'period_to'}"]`);
      slot.textContent = error.message;
      onChange(null);
    }
  }

  select.addEventListener('change', () => {
    clearDateError();
    dates.hidden = select.value !== OTHER;
    if (select.value === OTHER) {
      from.focus();
      chooseDates();
      return;
    }
    state.chosen = plain(state.offered[Number(select.value)]);
    onChange(state.chosen);
  });
  from.addEventListener('change', chooseDates);
  to.addEventListener('change', chooseDates);

  // Shows `period` as chosen: one of those offered, or its dates under "Other dates…".
  function choose(period) {
    clearDateError();
    const n = state.offered.findIndex((p) => samePeriod(p, period));
    select.value = n === -1 ? OTHER : String(n);
    dates.hidden = n !== -1;
    if (n === -1) {
      from.value = period.from;
      to.value = period.to;
    }
    state.chosen = plain(period);
  }

  function disable(off) {
    for (const control of [select, from, to]) control.disabled = off;
  }

  return { block, offer, choose, disable, chosen: () => state.chosen };
}
