// KPA allocations: each internal mentor's key performance areas for a performance cycle, with
// the mentoring KPA's workload, the line manager's consultation, the versions and the printed
// allocation. Whether an allocation may be final, and what the weights typed come to, are
// core's; this screen shows them as the officer types, and a refusal beside the field it names.

import * as api from '../api.js';
import { el, pill, nextId, confirmAction, showError, clearErrors, setStatus } from '../forms.js';
import { timeNow } from '../dates.js';
import { allows } from '../permissions.js';
import { registerScreen } from '../register.js';
import { documentBox } from '../documents.js';

// Numbers as an officer reads them: at most one decimal, no trailing ".0".
function num(n) {
  return String(Math.round(Number(n) * 10) / 10);
}

export function kpaScreen(ctx) {
  const parts = { view: null, editing: false };

  // The page core gave for the record on the form; `get` keeps it beside the allocation.
  async function getView(id) {
    parts.view = await api.getKpaAllocation(id);
    parts.editing = parts.view.allocation.status === 'draft';
    return parts.view.allocation;
  }

  function statusPill(status) {
    return pill(ctx.label('allocation_status', status), `kpa-${status}`);
  }

  // --- The KPA rows -------------------------------------------------------------------------

  function kpaRow(k = { title: '', outputs: '', indicators: '', weight: null, mentoring: false }) {
    const id = nextId('kpa');
    const title = el('input', { type: 'text', name: 'kpa_title', id: `${id}-title`, 'aria-label': 'KPA title' });
    title.value = k.title;
    const weight = el('input', {
      type: 'number', name: 'kpa_weight', id: `${id}-weight`, min: 0, max: 100, step: 1, inputmode: 'numeric',
      class: 'weight', 'aria-label': 'Weight in percent',
    });
    weight.value = k.weight === null || k.weight === undefined ? '' : String(k.weight);
    const mentoring = el('input', { type: 'checkbox', name: 'kpa_mentoring', id: `${id}-mentoring` });
    mentoring.checked = Boolean(k.mentoring);
    const outputs = el('textarea', { name: 'kpa_outputs', id: `${id}-outputs`, rows: 2 });
    outputs.value = k.outputs;
    const indicators = el('textarea', { name: 'kpa_indicators', id: `${id}-indicators`, rows: 2 });
    indicators.value = k.indicators;
    const rangeNote = el('span', { class: 'kpa-range-note warn' });
    const row = el('div', { class: 'row-item kpa-row' },
      el('div', { class: 'kpa-line' },
        el('span', { class: 'row-number' }),
        el('div', { class: 'field kpa-title' }, el('label', { for: title.id, text: 'Key performance area' }), title),
        el('div', { class: 'field kpa-weight' }, el('label', { for: weight.id, text: 'Weight %' }), weight),
        el('label', { class: 'kpa-mentoring', for: mentoring.id }, mentoring, el('span', { text: 'Mentoring KPA' })),
        el('button', {
          type: 'button', class: 'quiet remove', text: 'Remove', title: 'Remove this KPA', command: 'save_kpa_allocation',
          onclick: () => {
            row.remove();
            renumber();
            parts.screen.markDirty();
          },
        })),
      el('div', { class: 'grid' },
        el('div', { class: 'field' }, el('label', { for: outputs.id, text: 'Outputs' }), outputs),
        el('div', { class: 'field' }, el('label', { for: indicators.id, text: 'Indicators and targets' }), indicators)),
      rangeNote);
    // One KPA carries the mentoring; ticking another moves the tick there.
    mentoring.addEventListener('change', () => {
      if (!mentoring.checked) return;
      for (const other of parts.kpas.querySelectorAll('[name=kpa_mentoring]')) {
        if (other !== mentoring) other.checked = false;
      }
    });
    return row;
  }

  function renumber() {
    parts.kpas.querySelectorAll('.kpa-row').forEach((row, i) => {
      row.querySelector('.row-number').textContent = `KPA ${i + 1}`;
    });
    updateTotal();
  }

  function rows() {
    return [...parts.kpas.querySelectorAll('.kpa-row')];
  }

  // The total as the officer types, how far it is from 100% and each weight's note, as core
  // reckons them; an answer overtaken by later typing is dropped.
  let weightsAsked = 0;
  async function updateTotal() {
    const asked = ++weightsAsked;
    const typed = rows().map((row) => row.querySelector('[name=kpa_weight]').value);
    let note;
    try {
      note = await api.kpaWeightsNote(typed, parts.view?.range ?? null);
    } catch (error) {
      note = { total: 0, words: error.message, adds_up: false, rows: [] };
    }
    if (asked !== weightsAsked) return;
    rows().forEach((row, n) => {
      row.querySelector('.kpa-range-note').textContent = note.rows[n] ?? '';
    });
    parts.total.textContent = `Total ${note.total}%`;
    parts.totalNote.textContent = note.words;
    parts.totalBox.classList.toggle('ok', note.adds_up);
    parts.totalBox.classList.toggle('off', !note.adds_up);
    updateSuggestionButton();
  }

  function updateSuggestionButton() {
    const hasMentoring = rows().some((r) => r.querySelector('[name=kpa_mentoring]').checked);
    parts.useSuggestion.disabled = !parts.editing || !hasMentoring;
    parts.useSuggestion.title = hasMentoring ? '' : 'Tick "Mentoring KPA" on one KPA first.';
  }

  function useSuggestedWeight() {
    const row = rows().find((r) => r.querySelector('[name=kpa_mentoring]').checked);
    if (!row || !parts.view) return;
    const weight = row.querySelector('[name=kpa_weight]');
    weight.value = String(parts.view.workload.suggested_weight);
    weight.focus();
    parts.screen.markDirty();
    updateTotal();
  }

  // --- What core worked out: range, workload, line manager, versions -------------------------

  function showRange(view) {
    parts.range.textContent = view.range
      ? `Each KPA weighs between ${view.range.min}% and ${view.range.max}%, and the weights add up to exactly 100%.`
      : `The weight range does not bind ${view.mentor}, a senior manager: the weights add up to exactly 100% `
        + 'but a KPA may weigh outside the range.';
  }

  function showWorkload(w) {
    const body = parts.workloadLines.tBodies[0];
    body.replaceChildren();
    if (w.lines.length === 0) {
      body.append(el('tr', { class: 'empty' }, el('td', { colspan: 5, text: 'No mentorships in this cycle.' })));
    }
    for (const l of w.lines) {
      body.append(el('tr', {},
        el('td', { text: l.protege }),
        el('td', { class: 'nowrap', text: l.start_date }),
        el('td', { class: 'nowrap', text: l.end_date }),
        el('td', { class: 'num', text: num(l.months) }),
        el('td', { class: 'num', text: num(l.hours_per_month) })));
    }
    const totalHours = w.hours_per_month * w.cycle_months;
    parts.workloadFacts.replaceChildren(
      el('dt', { text: 'Protégés' }), el('dd', { text: String(w.lines.length) }),
      el('dt', { text: 'Hours a month' }),
      el('dd', { text: `${num(w.hours_per_month)} (averaged over the cycle's ${num(w.cycle_months)} months)` }),
      el('dt', { text: 'Hours in the cycle' }), el('dd', { text: num(totalHours) }),
      el('dt', { text: 'Share of working time' }),
      el('dd', { text: `${num(w.share_percent)}% of ${num(w.working_hours_per_month)} working hours a month` }),
      el('dt', { text: 'Suggested weight' }), el('dd', { class: 'strong', text: `${w.suggested_weight}%` }));
    parts.suggestion.textContent = w.suggestion;
  }

  function showHistory(view) {
    const list = parts.history;
    list.replaceChildren();
    const openId = view.allocation.id;
    for (const h of view.history) {
      const current = h.id === openId;
      const button = el('button', {
        type: 'button', class: 'quiet version', dataset: { id: h.id }, 'aria-current': current ? 'true' : null,
        onclick: () => parts.screen.open(h.id),
      },
      el('span', { class: 'strong', text: `Version ${h.version}` }),
      statusPill(h.status),
      el('span', { class: 'muted', text: `${h.total_weight}%` }),
      el('span', { class: 'muted', text: h.finalised_on ? `final on ${h.finalised_on}` : '' }));
      list.append(el('li', {}, button));
    }
    if (view.history.length === 0) list.append(el('li', { class: 'muted', text: 'Not saved yet.' }));
  }

  // A final or superseded version is kept as it was: its fields cannot be typed in.
  function applyEditing(form) {
    const a = parts.screen.record();
    const editing = parts.editing;
    for (const input of form.querySelectorAll('.form-body input, .form-body select, .form-body textarea')) {
      input.disabled = !editing;
    }
    for (const button of form.querySelectorAll('.form-body button.remove, #kpa-add')) button.hidden = !editing;
    form.classList.toggle('read-only', !editing);
    parts.screen.saveButton.hidden = !editing;
    const latest = parts.view.history[0]?.id === a.id;
    parts.finaliseButton.hidden = !(a.id !== null && a.status === 'draft');
    parts.changeButton.hidden = !(a.status === 'final' && latest && !editing);
    parts.changeButton.textContent = `Change (makes version ${(parts.view.history[0]?.version ?? a.version) + 1})`;
    parts.readOnlyNote.hidden = editing && a.status === 'draft';
    if (a.status === 'final' && editing) {
      parts.readOnlyNote.textContent = `You are changing the final version ${a.version}. Saving keeps it as it `
        + `was and writes your change as version ${a.version + 1}, a draft to consult on and finalise.`;
    } else if (a.status === 'final') {
      parts.readOnlyNote.textContent = `Version ${a.version} is final${a.finalised_on ? ` since ${a.finalised_on}` : ''} `
        + 'and is kept as it was. To change it, choose Change: the change becomes the next version.';
    } else if (a.status === 'superseded') {
      parts.readOnlyNote.textContent = `Version ${a.version} was superseded by a later version and is kept as it `
        + 'was. Open the latest version to make a change.';
    }
    updateSuggestionButton();
  }

  // The proposal for the mentor and cycle chosen on a new allocation's form.
  async function propose(form) {
    const mentor = form.elements.namedItem('mentor_id').value;
    const cycle = form.elements.namedItem('cycle_id').value;
    if (mentor === '' || cycle === '') return;
    clearErrors(form);
    try {
      const view = await api.proposeKpaAllocation(Number(mentor), Number(cycle));
      parts.view = view;
      parts.editing = true;
      parts.screen.load(view.allocation);
      parts.screen.markDirty();
    } catch (error) {
      showError(form, error);
    }
  }

  async function finalise(form) {
    const a = parts.screen.record();
    if (!a) return;
    const version = a.id === null ? 1 : a.version;
    const ok = await confirmAction({
      title: `Mark version ${version} final?`,
      message: `${parts.view.mentor}'s KPA allocation for ${parts.view.cycle.name} becomes final and is kept as it `
        + 'is; the mentor and the line manager sign the printed allocation. A later change makes a new version. '
        + 'Your changes are saved first.',
      confirm: 'Mark final',
    });
    if (!ok) return;
    // Whatever is on the form is saved first, so a refusal never loses what was typed.
    let id = a.id;
    if (id === null || parts.screen.isDirty()) {
      id = await parts.screen.save();
      if (id === null) return;
    }
    parts.finaliseButton.disabled = true;
    try {
      await api.finaliseKpaAllocation(id);
      await parts.screen.reload();
      await parts.screen.refreshList();
      setStatus(form, `Marked final at ${timeNow()}.`);
    } catch (error) {
      showError(form, error);
    } finally {
      parts.finaliseButton.disabled = false;
    }
  }

  // The current cycle, recorded first if need be. Whoever may not record it (a viewer) sees
  // every cycle instead, and the screen still opens.
  async function cycleChoice() {
    if (!allows('ensure_cycle')) return null;
    const cycle = await api.ensureCycle(null);
    parts.currentCycle = cycle.id;
    return cycle.id;
  }

  return registerScreen(ctx, {
    name: 'kpa',
    register: null,
    archivable: false,
    title: 'KPA allocations',
    newLabel: 'New allocation',
    noun: 'allocation',
    nounPlural: 'allocations',
    searchPlaceholder: 'Search by mentor',
    empty: (q) => (q.text.trim() !== ''
      ? 'No allocation matches the search.'
      : 'No allocations in this cycle yet. Choose "New allocation" to set a mentor\'s KPAs.'),
    filters: [
      {
        key: 'cycle_id', label: 'Cycle', source: { choices: 'cycles' }, blank: 'All cycles', ids: true,
        initial: cycleChoice,
      },
    ],
    columns: [
      { label: 'Mentor', value: (r) => r.mentor, class: 'strong' },
      { extra: true, label: 'Cycle', value: (r) => r.cycle, class: 'nowrap' },
      { label: 'Version', value: (r) => String(r.version), class: 'num' },
      { label: 'Status', value: (r) => statusPill(r.status) },
      {
        label: 'Total',
        value: (r) => (r.total_weight === 100
          ? `${r.total_weight}%`
          : el('span', { class: 'warn' }, `${r.total_weight}%`, el('span', { class: 'off-total', text: 'not 100%' }))),
        class: 'num',
      },
      { extra: true, label: 'Consulted', value: (r) => r.consulted_on ?? el('span', { class: 'warn', text: 'Not yet' }) },
    ],
    list: (q) => api.listKpaAllocations({
      cycle_id: q.cycle_id, mentor_id: null, text: q.text, latest_only: true,
    }),
    get: getView,
    save: api.saveKpaAllocation,
    saveCommand: 'save_kpa_allocation',
    blank: async () => {
      const cycleId = parts.screen?.section.querySelector('#kpa-filter-cycle_id')?.value || parts.currentCycle;
      parts.view = null;
      parts.editing = true;
      return {
        id: null, mentor_id: null, cycle_id: cycleId ? Number(cycleId) : null, version: 0, status: 'draft', kpas: [],
        consulted_on: null, consultation_outcome: null, consultation_notes: '', finalised_on: null,
      };
    },
    titleOf: (r) => (parts.view ? `${parts.view.mentor} · ${parts.view.cycle.name}` : 'KPA allocation'),
    sections: [
      {
        legend: 'Mentor and cycle',
        note: 'Choose an internal mentor: MentorDesk proposes the KPAs (the latest version\'s, or a mentoring KPA '
          + 'with the suggested weight). External mentors have no KPAs in the department.',
        fields: [
          {
            name: 'mentor_id', label: 'Mentor', type: 'select', source: { choices: 'mentors' }, ids: true,
            wide: true, needed: 'Choose the mentor.',
          },
          {
            name: 'cycle_id', label: 'Cycle', type: 'select', source: { choices: 'cycles' }, ids: true,
            needed: 'Choose the cycle.',
          },
        ],
      },
      {
        legend: "Line manager's consultation",
        note: "The programme manager consults the mentor's line manager about the allocation before it is final.",
        fields: [
          { name: 'consulted_on', label: 'Consulted on', type: 'date' },
          {
            name: 'consultation_outcome', label: 'Outcome', type: 'select', source: { vocab: 'consultation_outcome' },
            blank: '—',
          },
          { name: 'consultation_notes', label: 'Notes', type: 'textarea', rows: 2 },
        ],
      },
    ],
    extend({ form, head, tools, body, screen }) {
      parts.screen = screen;
      parts.form = form;
      const sections = body.querySelectorAll('fieldset.section');
      parts.newSection = sections[0];
      const consultation = sections[1];

      parts.statusPill = el('span', { class: 'kpa-status' });
      head.append(parts.statusPill);
      parts.finaliseButton = el('button', {
        type: 'button', id: 'kpa-finalise', class: 'secondary', text: 'Finalise', onclick: () => finalise(form),
        command: 'save_kpa_allocation finalise_kpa_allocation',
      });
      parts.changeButton = el('button', {
        type: 'button', id: 'kpa-change', class: 'secondary', command: 'save_kpa_allocation',
        onclick: () => {
          parts.editing = true;
          applyEditing(form);
          form.querySelector('[name=kpa_title]')?.focus();
        },
      });
      parts.document = documentBox({
        prefix: 'kpa',
        label: 'KPA allocation',
        buttonText: 'Print',
        print: () => api.printKpaAllocation(screen.record().id),
        ready: () => {
          const r = screen.record();
          if (!r || r.id === null) return 'Save the allocation first; then it can be printed.';
          if (screen.isDirty()) return 'Save your changes first: the allocation prints the saved version.';
          return null;
        },
      });
      tools.prepend(parts.finaliseButton, parts.changeButton, parts.document.button);
      parts.readOnlyNote = el('p', { class: 'read-only-note', id: 'kpa-read-only', hidden: true });
      form.querySelector('.form-error').after(
        el('div', { class: 'kpa-status-line' },
          el('p', { class: 'field-error', dataset: { for: 'status' }, 'aria-live': 'polite' })),
        parts.readOnlyNote,
        parts.document.box);

      // The KPAs.
      parts.kpas = el('div', { class: 'rows', id: 'kpa-rows' });
      parts.total = el('span', { id: 'kpa-total', class: 'kpa-total' });
      parts.totalNote = el('span', { id: 'kpa-total-note' });
      parts.totalBox = el('p', { class: 'kpa-total-box', 'aria-live': 'polite' }, parts.total, parts.totalNote);
      parts.range = el('p', { class: 'section-note', id: 'kpa-range' });
      const kpaSection = el('fieldset', { class: 'section', id: 'kpa-kpas' },
        el('legend', { text: 'Key performance areas' }),
        parts.range,
        el('p', { class: 'field-error', dataset: { for: 'kpas' }, 'aria-live': 'polite' }),
        parts.kpas,
        el('div', { class: 'kpa-foot' },
          el('button', {
            type: 'button', id: 'kpa-add', class: 'secondary small', text: 'Add a KPA', command: 'save_kpa_allocation',
            onclick: () => {
              const row = kpaRow();
              parts.kpas.append(row);
              renumber();
              row.querySelector('[name=kpa_title]').focus();
              screen.markDirty();
            },
          }),
          el('span', { class: 'spacer' }),
          parts.totalBox));
      parts.kpas.addEventListener('input', () => updateTotal());
      parts.kpas.addEventListener('change', () => updateTotal());

      // The mentoring KPA's workload.
      parts.workloadLines = el('table', { class: 'list compact', id: 'kpa-workload-lines' },
        el('thead', {}, el('tr', {},
          el('th', { text: 'Protégé' }), el('th', { text: 'From' }), el('th', { text: 'Until' }),
          el('th', { class: 'num', text: 'Months in cycle' }), el('th', { class: 'num', text: 'Hours a month' }))),
        el('tbody'));
      parts.workloadFacts = el('dl', { class: 'facts', id: 'kpa-workload' });
      parts.suggestion = el('p', { class: 'section-note', id: 'kpa-suggestion' });
      parts.useSuggestion = el('button', {
        type: 'button', id: 'kpa-use-suggestion', class: 'secondary small', text: 'Use the suggested weight',
        command: 'save_kpa_allocation',
        onclick: () => useSuggestedWeight(),
      });
      const workloadSection = el('fieldset', { class: 'section' },
        el('legend', { text: "The mentoring KPA's workload" }),
        el('p', {
          class: 'section-note',
          text: 'Worked out from the mentorships in the cycle and the norms in Settings. Mentoring earns no extra '
            + 'remuneration; working time is allocated to it instead.',
        }),
        parts.workloadLines, parts.workloadFacts, parts.suggestion, parts.useSuggestion);

      // The line manager, shown in the consultation section.
      parts.lineManager = el('p', { class: 'line-manager', id: 'kpa-line-manager' });
      consultation.querySelector('.grid').before(parts.lineManager);

      // The versions.
      parts.history = el('ul', { class: 'versions', id: 'kpa-history' });
      const historySection = el('fieldset', { class: 'section' },
        el('legend', { text: 'Versions' }),
        el('p', { class: 'section-note', text: 'Each version opens as it was kept.' }),
        parts.history);

      parts.newSection.after(kpaSection, workloadSection);
      consultation.after(historySection);

      // A new allocation's mentor or cycle brings its proposal.
      for (const name of ['mentor_id', 'cycle_id']) {
        form.elements.namedItem(name).addEventListener('change', () => propose(form));
      }
    },
    afterFill(form, r) {
      const view = parts.view;
      parts.newSection.hidden = r.id !== null;
      parts.kpas.replaceChildren(...r.kpas.map((k) => kpaRow(k)));
      parts.document.reset();
      parts.statusPill.replaceChildren();
      const shown = Boolean(view);
      for (const node of [parts.range, parts.workloadLines, parts.workloadFacts, parts.suggestion, parts.useSuggestion]) {
        node.hidden = !shown;
      }
      if (view) {
        parts.statusPill.append(
          el('span', { class: 'muted', text: r.id === null ? 'New' : `Version ${r.version}` }),
          statusPill(r.status));
        showRange(view);
        showWorkload(view.workload);
        parts.lineManager.textContent = view.line_manager
          ? `Line manager: ${view.line_manager}`
          : 'No line manager is recorded for this mentor; record one on the staff register.';
        showHistory(view);
      } else {
        parts.lineManager.textContent = '';
        parts.history.replaceChildren(el('li', { class: 'muted', text: 'Choose the mentor first.' }));
      }
      renumber();
      parts.document.button.disabled = r.id === null;
      applyEditing(form);
    },
    collect(form, record, problems) {
      record.kpas = [];
      rows().forEach((row, n) => {
        const title = row.querySelector('[name=kpa_title]').value;
        const outputs = row.querySelector('[name=kpa_outputs]').value;
        const indicators = row.querySelector('[name=kpa_indicators]').value;
        const rawWeight = row.querySelector('[name=kpa_weight]').value.trim();
        const mentoring = row.querySelector('[name=kpa_mentoring]').checked;
        // A row added and left empty is not a KPA.
        if (title.trim() === '' && outputs.trim() === '' && indicators.trim() === '' && rawWeight === '' && !mentoring) {
          return;
        }
        const weight = rawWeight === '' ? 0 : Number(rawWeight);
        if (!Number.isInteger(weight) || weight < 0 || weight > 100) {
          problems.push({ field: 'kpas', message: `KPA ${n + 1}: give the weight as a whole percentage from 0 to 100.` });
          return;
        }
        record.kpas.push({ title, outputs, indicators, weight, mentoring });
      });
    },
  });
}
