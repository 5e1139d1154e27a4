// Cohort matching: the officer chooses an intake, asks core for the best assignment of its
// applications ready for matching, edits it (another eligible mentor for a row, or a row left
// out) and accepts it; every pair is then saved in one step, or none. Scores, reasons and the
// assignment are core's; this screen only counts the edited rows against each mentor's places
// free (from the workload) so the officer sees an overloaded mentor before saving.

import * as api from '../api.js';
import { el, confirmAction, pill } from '../forms.js';

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function mentorLabel(s) {
  return s.organisation ? `${s.name} (${s.organisation})` : s.name;
}

// Each reason's words already end with the points it gives.
function reasonList(reasons) {
  if (reasons.length === 0) return el('span', { class: 'muted', text: '—' });
  return el('ul', { class: 'cohort-reasons' }, reasons.map((r) => el('li', { text: r.text })));
}

export function cohortScreen(ctx) {
  const section = document.getElementById('screen-cohort');
  const intakeSelect = el('select', { id: 'cohort-intake', name: 'intake' });
  const proposeButton = el('button', {
    type: 'button', id: 'cohort-propose', class: 'primary', text: 'Propose assignment',
  });
  const loadError = el('p', { class: 'screen-error', role: 'alert', hidden: true });
  const summary = el('p', { id: 'cohort-summary', class: 'cohort-summary', 'aria-live': 'polite' });
  const table = el('table', { id: 'cohort-rows', class: 'list cohort-rows' },
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: 'Include' }),
      el('th', { scope: 'col', text: 'Application' }),
      el('th', { scope: 'col', text: 'Proposed mentor' }),
      el('th', { scope: 'col', class: 'num', text: 'Score' }),
      el('th', { scope: 'col', text: 'Why' }))),
    el('tbody'));
  const unmatched = el('ul', { id: 'cohort-unmatched', class: 'plain cohort-unmatched' });
  const unmatchedBlock = el('div', { class: 'cohort-block', hidden: true },
    el('h2', { text: 'Left unmatched' }), unmatched);
  const capacity = el('div', { id: 'cohort-capacity', class: 'cohort-capacity', 'aria-live': 'polite' });
  const acceptButton = el('button', {
    type: 'button', id: 'cohort-accept', class: 'primary', text: 'Accept and save', command: 'accept_cohort',
  });
  const saveError = el('p', { class: 'form-error', id: 'cohort-save-error', role: 'alert', hidden: true });
  const proposalPane = el('div', { id: 'cohort-proposal', class: 'cohort-proposal', hidden: true },
    summary, table, unmatchedBlock,
    el('div', { class: 'cohort-block' }, el('h2', { text: 'Mentors\' places' }), capacity),
    saveError,
    el('div', { class: 'cohort-actions' }, acceptButton,
      el('span', { class: 'muted', text: 'Nothing is saved until you accept.' })));
  const savedList = el('table', { id: 'cohort-saved-list', class: 'list' });
  const savedNote = el('p', { id: 'cohort-saved-note', class: 'cohort-saved-note' });
  const savedPane = el('div', { id: 'cohort-saved', class: 'cohort-proposal', hidden: true },
    el('h2', { text: 'Saved' }), savedNote, savedList,
    el('div', { class: 'cohort-actions' },
      el('button', {
        type: 'button', id: 'cohort-open-applications', class: 'secondary',
        text: 'Open Applications to print the notices', onclick: () => ctx.navigate('applications'),
      })));

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Cohort matching' })),
    el('p', {
      class: 'section-note',
      text: 'Proposes a mentor for every application of an intake that is ready for matching (approved by the '
        + 'committee, an intern or learner entered as eligible, or declined by the last mentor), with the '
        + 'highest total score that keeps every mentor within their places. Change a row\'s mentor or leave '
        + 'a row out, then accept: all the pairs are saved at once, or none.',
    }),
    el('div', { class: 'toolbar' },
      el('label', { class: 'filter', for: 'cohort-intake' }, 'Intake', intakeSelect),
      proposeButton),
    loadError,
    el('div', { class: 'cohort-scroll' }, proposalPane, savedPane));

  // The proposal as the officer has edited it: one entry per row, with the application's
  // eligible suggestions (excluded mentors are never offered) and why any were excluded.
  let rows = [];
  let places = new Map();
  let proposedTotal = 0;

  function fail(error) {
    loadError.textContent = error.message;
    loadError.hidden = false;
  }

  async function loadIntakes() {
    const chosen = intakeSelect.value;
    const names = await api.intakes();
    intakeSelect.replaceChildren(
      ...names.map((n) => el('option', { value: n, text: n })),
      el('option', { value: '', text: 'Every intake' }));
    if (names.includes(chosen) || chosen === '') intakeSelect.value = chosen;
    proposeButton.disabled = false;
  }

  function chosenSuggestion(row) {
    return row.eligible.find((s) => s.mentor_id === row.mentorId) ?? null;
  }

  function includedRows() {
    return rows.filter((r) => r.included && chosenSuggestion(r) !== null);
  }

  // Counts the edited rows per mentor against their places free and says it in words.
  function checkCapacity() {
    const counts = new Map();
    for (const r of includedRows()) counts.set(r.mentorId, (counts.get(r.mentorId) ?? 0) + 1);
    const lines = [];
    let over = 0;
    for (const [mentorId, taken] of counts) {
      const name = mentorLabel(chosenSuggestion(rows.find((r) => r.included && r.mentorId === mentorId)));
      const free = places.get(mentorId);
      const tooMany = free !== undefined && taken > free;
      if (tooMany) over += 1;
      const text = free === undefined
        ? `${name} would take ${plural(taken, 'protégé')}.`
        : `${name} would take ${plural(taken, 'protégé')} of ${plural(free, 'place')} free${tooMany
          ? `: ${plural(taken - free, 'protégé')} too many. Choose another mentor for a row or leave one out.`
          : '.'}`;
      lines.push(el('li', { class: tooMany ? 'over' : null },
        tooMany ? pill('Over capacity', 'over') : null, text));
    }
    capacity.replaceChildren(
      el('p', {
        class: over ? 'cohort-verdict warn' : 'cohort-verdict',
        text: counts.size === 0
          ? 'No pair is included.'
          : over
            ? `${plural(over, 'mentor')} would have more protégés than places free.`
            : 'Every mentor stays within their places free.',
      }),
      el('ul', { class: 'plain cohort-places' }, lines));
    return over === 0;
  }

  function refresh() {
    const included = includedRows();
    const total = included.reduce((sum, r) => sum + chosenSuggestion(r).score, 0);
    const left = rows.length - included.length;
    summary.textContent = `${plural(rows.length, 'application')} ready for matching; `
      + `${included.length} to be matched with a total score of ${total}`
      + (total === proposedTotal ? '' : ` (the proposal's: ${proposedTotal})`)
      + (left ? `, ${left} left out or without a mentor.` : '.');
    const withinPlaces = checkCapacity();
    acceptButton.disabled = included.length === 0 || !withinPlaces;
  }

  function renderRow(row) {
    const include = el('input', {
      type: 'checkbox', class: 'cohort-include', checked: row.included,
      disabled: row.mentorId === null, 'aria-label': `Include ${row.reference}`,
    });
    const select = el('select', { class: 'cohort-mentor', 'aria-label': `Mentor for ${row.reference}` },
      el('option', { value: '', text: row.eligible.length ? '— No mentor —' : 'No mentor may be matched' }),
      row.eligible.map((s) => el('option', {
        value: String(s.mentor_id), text: `${s.name} · score ${s.score}`,
      })));
    select.value = row.mentorId === null ? '' : String(row.mentorId);
    select.disabled = row.eligible.length === 0;
    const score = el('td', { class: 'num strong cohort-score' });
    const leftOut = el('div', { class: 'cohort-left-out' }, pill('Left out', 'muted'));
    const chosen = chosenSuggestion(row);
    const why = el('td', { class: 'cohort-why' });
    const tr = el('tr', { dataset: { application: row.application_id } },
      el('td', { class: 'cohort-check' }, include),
      el('td', {},
        el('div', { class: 'mono', text: row.reference }),
        el('div', { class: 'strong', text: row.protege }),
        leftOut),
      el('td', { class: 'cohort-mentor-cell' }, select,
        chosen?.organisation ? el('div', { class: 'external cohort-note', text: chosen.organisation }) : null,
        row.proposedId !== null && row.mentorId !== row.proposedId
          ? el('div', { class: 'muted cohort-note cohort-was', text: `Proposed: ${row.proposedName}` })
          : null),
      score, why);
    const paint = () => {
      const s = chosenSuggestion(row);
      score.textContent = s ? String(s.score) : '—';
      why.replaceChildren(s ? reasonList(s.reasons) : el('span', { class: 'muted', text: row.whyUnmatched }));
      tr.classList.toggle('left-out', !row.included || s === null);
      leftOut.hidden = row.included && s !== null;
    };
    include.addEventListener('change', () => {
      row.included = include.checked;
      paint();
      refresh();
    });
    select.addEventListener('change', () => {
      row.mentorId = select.value === '' ? null : Number(select.value);
      row.included = row.mentorId !== null;
      tr.replaceWith(renderRow(row));
      refresh();
    });
    paint();
    return tr;
  }

  function render(proposal) {
    const body = table.tBodies[0];
    body.replaceChildren();
    if (rows.length === 0) {
      body.append(el('tr', { class: 'empty' }, el('td', {
        colspan: 5,
        text: 'No application of this intake is ready for matching. The committee approves applications '
          + 'first; interns and learners entered as eligible need no review.',
      })));
    }
    for (const row of rows) body.append(renderRow(row));
    const left = rows.filter((r) => r.proposedId === null);
    unmatched.replaceChildren(...left.map((r) => el('li', {},
      el('span', { class: 'strong', text: `${r.reference} ${r.protege}: ` }), r.whyUnmatched)));
    unmatchedBlock.hidden = left.length === 0;
    proposedTotal = proposal.total_score;
    refresh();
  }

  // Why core left a row without a mentor, from that application's suggestions.
  function whyUnmatched(eligible, excluded) {
    if (eligible.length > 0) {
      return 'The mentors who could take this protégé have no places left once the higher-scoring pairs are '
        + 'placed. Choose one instead of another row, or match this application later.';
    }
    const reasons = [...new Set(excluded.map((s) => `${s.name}: ${s.excluded.replace(/\.$/, '')}`))];
    return `No mentor may be matched. ${reasons.join('; ')}.`;
  }

  async function propose() {
    loadError.hidden = true;
    saveError.hidden = true;
    savedPane.hidden = true;
    proposeButton.disabled = true;
    try {
      const intake = intakeSelect.value === '' ? null : intakeSelect.value;
      const [proposal, workload] = await Promise.all([api.cohortProposal(intake), api.workload()]);
      places = new Map(workload.mentors.map((m) => [m.mentor_id, Math.max(0, m.capacity - m.proteges)]));
      rows = await Promise.all(proposal.rows.map(async (r) => {
        const suggestions = await api.mentorSuggestions(r.application_id);
        const eligible = suggestions.filter((s) => s.excluded === null);
        const excluded = suggestions.filter((s) => s.excluded !== null);
        return {
          application_id: r.application_id,
          reference: r.reference,
          protege: r.protege,
          proposedId: r.mentor_id,
          proposedName: r.mentor,
          mentorId: r.mentor_id,
          included: r.mentor_id !== null,
          eligible,
          whyUnmatched: r.mentor_id === null ? whyUnmatched(eligible, excluded) : 'No mentor chosen.',
        };
      }));
      render(proposal);
      proposalPane.hidden = false;
    } catch (error) {
      fail(error);
    } finally {
      proposeButton.disabled = false;
    }
  }

  async function accept() {
    const pairs = includedRows().map((r) => [r.application_id, r.mentorId]);
    const confirmed = await confirmAction({
      title: 'Accept and save the cohort?',
      message: `${plural(pairs.length, 'application')} will be matched with the mentors shown, all at once; `
        + 'each mentor is then owed a notice of the proposed protégé. Rows left out stay ready for matching.',
      confirm: 'Accept and save',
    });
    if (!confirmed) return;
    saveError.hidden = true;
    acceptButton.disabled = true;
    try {
      const saved = await api.acceptCohort(pairs);
      showSaved(saved);
    } catch (error) {
      saveError.textContent = `Nothing was saved. ${error.message}`;
      saveError.hidden = false;
      refresh();
    }
  }

  function showSaved(saved) {
    proposalPane.hidden = true;
    savedNote.textContent = `${plural(saved.applications.length, 'application')} matched. `
      + `${plural(saved.notices, 'notice')} to the mentors ${saved.notices === 1 ? 'is' : 'are'} now pending `
      + 'letters: print them on the Applications screen. Each mentor then accepts or declines.';
    savedList.replaceChildren(
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: 'Application' }),
        el('th', { scope: 'col', text: 'Protégé' }),
        el('th', { scope: 'col', text: 'Mentor' }),
        el('th', { scope: 'col', text: 'State' }))),
      el('tbody', {}, saved.applications.map((a) => {
        const tr = el('tr', { dataset: { id: a.id }, tabindex: 0 },
          el('td', { class: 'mono nowrap', text: a.reference }),
          el('td', { class: 'strong', text: a.protege }),
          el('td', { text: a.mentor ?? '' }),
          el('td', { class: 'cohort-state nowrap' }, pill(ctx.label('application_state', a.state), `app-${a.state}`)));
        const open = () => ctx.openRecord('applications', a.id);
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') open();
        });
        return tr;
      })));
    savedPane.hidden = false;
    rows = [];
  }

  proposeButton.addEventListener('click', propose);
  acceptButton.addEventListener('click', accept);
  intakeSelect.addEventListener('change', () => {
    proposalPane.hidden = true;
    savedPane.hidden = true;
  });

  async function show() {
    try {
      await loadIntakes();
      loadError.hidden = true;
    } catch (error) {
      fail(error);
    }
  }

  return { section, show };
}
