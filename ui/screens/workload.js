// Workload: every mentor's protégés against the capacity, the hours their meetings take
// against the norm, when their appointment ends, and the warnings about appointments. The
// flags are core's; a line opens the mentor.

import * as api from '../api.js';
import { el, pill } from '../forms.js';

function num(n) {
  return String(Math.round(Number(n) * 10) / 10);
}

export function workloadScreen(ctx) {
  const section = document.getElementById('screen-workload');
  const table = el('table', { id: 'workload-list', class: 'list' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'Mentor' }),
      el('th', { scope: 'col', class: 'num', text: 'Protégés / capacity' }),
      el('th', { scope: 'col', class: 'num', text: 'Hours a month: planned / norm' }),
      el('th', { scope: 'col', text: 'Appointment ends' }),
      el('th', { scope: 'col', text: 'Capacity overrides' }))),
    el('tbody'));
  const warnings = el('ul', { id: 'workload-warnings', class: 'warnings' });
  const loadError = el('p', { class: 'screen-error', role: 'alert', hidden: true });
  const summary = el('p', { class: 'list-count', 'aria-live': 'polite' });

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Workload' })),
    el('p', {
      class: 'section-note',
      text: 'Protégés against the capacity in Settings, and the hours the meeting arrangements take (with '
        + 'preparation) against the norm. Choose a mentor to open their record.',
    }),
    loadError,
    el('div', { class: 'workload-layout' },
      el('div', { class: 'list-pane' }, table, summary),
      el('div', { class: 'card' }, el('h2', { text: 'Warnings' }), warnings)));

  function openMentor(id) {
    ctx.openRecord('mentors', id);
  }

  function clickable(tr, id) {
    tr.tabIndex = 0;
    tr.dataset.id = id;
    tr.addEventListener('click', () => openMentor(id));
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        openMentor(id);
      }
    });
    return tr;
  }

  function render(w) {
    const body = table.tBodies[0];
    body.replaceChildren();
    if (w.mentors.length === 0) {
      body.append(el('tr', { class: 'empty' }, el('td', { colspan: 5, text: 'No mentors yet.' })));
    }
    for (const m of w.mentors) {
      body.append(clickable(el('tr', { class: m.over_capacity || m.over_hours ? 'flagged' : null },
        el('td', { class: 'strong' }, m.name,
          m.organisation ? el('div', { class: 'external', text: m.organisation }) : null),
        el('td', { class: 'num nowrap' }, `${m.proteges} / ${m.capacity}`,
          m.over_capacity ? el('div', {}, pill('Over capacity', 'over')) : null),
        el('td', { class: 'num nowrap' }, `${num(m.planned_hours)} / ${num(m.norm_hours)}`,
          m.over_hours ? el('div', {}, pill('Over the norm', 'over')) : null),
        el('td', { class: 'nowrap' }, m.appointment_end ?? el('span', { class: 'warn', text: 'Not appointed' })),
        el('td', { class: 'clip' }, m.capacity_overrides.length
          ? el('ul', { class: 'plain' }, m.capacity_overrides.map((o) => el('li', { text: o })))
          : el('span', { class: 'muted', text: '—' }))), m.mentor_id));
    }
    const over = w.mentors.filter((m) => m.over_capacity || m.over_hours).length;
    summary.textContent = `${w.mentors.length} mentor${w.mentors.length === 1 ? '' : 's'}`
      + (over ? `, ${over} over capacity or over the norm` : '');

    warnings.replaceChildren();
    if (w.warnings.length === 0) warnings.append(el('li', { class: 'muted', text: 'No warnings.' }));
    for (const warning of w.warnings) {
      const item = el('li', { class: 'warning' },
        el('span', { class: 'warning-kind', text: ctx.label('warning_kind', warning.kind) }),
        el('span', { text: warning.message }));
      warnings.append(clickable(item, warning.mentor_id));
    }
  }

  async function show() {
    try {
      render(await api.workload());
      loadError.hidden = true;
    } catch (error) {
      loadError.textContent = error.message;
      loadError.hidden = false;
    }
  }

  return { section, show };
}
