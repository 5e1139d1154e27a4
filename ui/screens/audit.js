// The audit trail (Administer, programme manager only): its lines newest first, filtered by
// table, person and dates, each showing the record, the action, when (local time), who and the
// fields changed before → after; checking the hash chain; exporting the lines to CSV. The
// trail is written by core's triggers; nothing here can change it.

import * as api from '../api.js';
import { el, setOptions, renderTable } from '../forms.js';
import { dayOf, addDays, localDateTime, timeNow } from '../dates.js';

// The window shows at most this many lines; the export holds every line the filters select.
const SHOWN = 500;

const TABLES = [
  ['staff', 'Staff'], ['unit', 'Units'], ['mentor', 'Mentors'], ['protege', 'Protégés'],
  ['organisation', 'Organisations'], ['mentorship', 'Mentorships'], ['application', 'Applications'],
  ['session', 'Sessions'], ['session_action', 'Session actions'], ['kpa_allocation', 'KPA allocations'],
  ['cycle', 'Cycles'], ['competency_rating', 'Ratings'], ['progress_report', 'Progress reports'],
  ['work_plan_event', 'Work plans'], ['termination_step', 'Termination steps'],
  ['letter', 'Letters'], ['setting', 'Settings'], ['holiday', 'Holidays'], ['app_user', 'Users'],
];

const ACTIONS = { insert: 'Added', update: 'Changed', delete: 'Removed' };

function parse(json) {
  try {
    return json ? JSON.parse(json) : {};
  } catch {
    return {};
  }
}

function shown(value) {
  if (value === null || value === undefined || value === '') return '—';
  return String(value);
}

// The fields a line changed, as "field: before → after" (an addition lists what it set, a
// removal what the row held).
export function changes(entry) {
  const before = parse(entry.before);
  const after = parse(entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const lines = [];
  for (const key of keys) {
    const b = before[key];
    const a = after[key];
    if (entry.action === 'update' && JSON.stringify(a) === JSON.stringify(b)) continue;
    if (entry.action === 'insert') {
      if (a !== null && a !== '') lines.push(`${key}: ${shown(a)}`);
    } else if (entry.action === 'delete') {
      if (b !== null && b !== '') lines.push(`${key}: ${shown(b)}`);
    } else {
      lines.push(`${key}: ${shown(b)} → ${shown(a)}`);
    }
  }
  return lines;
}

export function auditScreen() {
  const section = document.getElementById('screen-audit');
  const table = el('select', { id: 'audit-table', 'aria-label': 'Table' });
  setOptions(table, TABLES.map(([value, label]) => ({ value, label })), 'Every table');
  const person = el('select', { id: 'audit-person', 'aria-label': 'Person' });
  const from = el('input', { type: 'date', id: 'audit-from', 'aria-label': 'From' });
  const to = el('input', { type: 'date', id: 'audit-to', 'aria-label': 'To' });
  const lines = el('table', { class: 'list audit-lines', id: 'audit-lines' });
  const count = el('p', { class: 'section-note', id: 'audit-count', role: 'status' });
  const chain = el('p', { class: 'audit-chain', id: 'audit-chain', role: 'status' });
  const problem = el('p', { class: 'screen-error', role: 'alert', hidden: true });
  const checkButton = el('button', { type: 'button', class: 'secondary', id: 'audit-check', text: 'Check the chain' });
  const exportButton = el('button', { type: 'button', class: 'secondary', id: 'audit-export', text: 'Export to CSV' });

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Audit trail' }),
      el('div', { class: 'head-actions' }, checkButton, exportButton)),
    el('p', {
      class: 'section-note',
      text: 'Every change to the programme\'s records, newest first: who made it, when, and each field before and after. Confidential notes and passwords are never written here, only that they changed.',
    }),
    el('div', { class: 'toolbar audit-filters' },
      el('label', {}, 'Table ', table), el('label', {}, 'Person ', person),
      el('label', {}, 'From ', from), el('label', {}, 'To ', to)),
    chain, problem, count,
    el('div', { class: 'table-wrap' }, lines));

  // The trail stores UTC, and an office two hours ahead of UTC writes "today" from 22:00 UTC
  // yesterday. Asking core for a day more on each side and filtering exactly on the local day
  // here keeps the date filters honest.
  function query() {
    return {
      table_name: table.value || null,
      actor: person.value || null,
      from: from.value ? addDays(from.value, -1) : null,
      to: to.value ? addDays(to.value, 1) : null,
    };
  }

  function failed(error) {
    problem.textContent = error.message;
    problem.hidden = false;
  }

  async function reload() {
    problem.hidden = true;
    try {
      const entries = (await api.auditEntries({ ...query(), limit: SHOWN * 2 }))
        .filter((e) => (!from.value || dayOf(e.at) >= from.value)
          && (!to.value || dayOf(e.at) <= to.value))
        .slice(0, SHOWN);
      count.textContent = entries.length === SHOWN
        ? `The newest ${SHOWN} lines; narrow the filters or export to see more.`
        : `${entries.length} ${entries.length === 1 ? 'line' : 'lines'}.`;
      renderTable(lines, [
        { label: 'Line', value: (e) => e.id, class: 'num' },
        { label: 'When', value: (e) => localDateTime(e.at) },
        { label: 'Who', value: (e) => e.actor },
        { label: 'Record', value: (e) => `${e.table_name} ${e.row_id ?? ''}`.trim() },
        { label: 'Action', value: (e) => ACTIONS[e.action] ?? e.action },
        {
          label: 'Changes',
          value: (e) => el('ul', { class: 'audit-changes' }, changes(e).map((c) => el('li', { text: c }))),
        },
      ], entries, { empty: 'No line matches the filters.', onOpen: () => {} });
    } catch (error) {
      failed(error);
    }
  }

  async function people() {
    const users = await api.listUsers();
    const chosen = person.value;
    setOptions(person, users.map((u) => ({ value: u.name, label: u.name })), 'Everyone');
    person.value = chosen;
  }

  for (const input of [table, person, from, to]) input.addEventListener('change', reload);

  checkButton.addEventListener('click', async () => {
    checkButton.disabled = true;
    chain.className = 'audit-chain';
    try {
      const found = await api.checkAuditChain();
      const end = endWords(found.end);
      if (found.chain.first_break === null) {
        chain.textContent = `The chain is intact: all ${found.chain.lines} lines follow from the ones before them (checked at ${timeNow()}). ${end.text}`;
        chain.classList.add(end.cut ? 'broken' : 'intact');
      } else {
        chain.textContent = `The chain is broken at line ${found.chain.first_break}: that line was changed, or one before it removed, after it was written. Lines before it are intact. ${end.text}`;
        chain.classList.add('broken');
      }
    } catch (error) {
      failed(error);
    } finally {
      checkButton.disabled = false;
    }
  });

  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    try {
      const path = await api.exportAudit(query());
      if (path) chain.textContent = `Exported to ${path}.`;
    } catch (error) {
      failed(error);
    } finally {
      exportButton.disabled = false;
    }
  });

  return {
    async show() {
      try {
        await people();
      } catch (error) {
        failed(error);
      }
      await reload();
    },
  };
}

// What comparing the trail's end with the newest automatic backup found, in words.
function endWords(end) {
  if (!end) return { text: 'There is no backup yet to check the trail\u2019s end against.', cut: false };
  const saw = `${end.anchor.lines} line${end.anchor.lines === 1 ? '' : 's'}`;
  const found = end.found;
  if (found.found === 'holds') {
    return { text: `Its end is intact: it holds all ${saw} of the backup ${end.backup}, and ${found.since} since.`, cut: false };
  }
  if (found.found === 'replaced') {
    return { text: `The newest backup, ${end.backup}, holds the history that the restore of ${found.at} by ${found.by} replaced, so it cannot vouch for the trail\u2019s end; the next backup will.`, cut: false };
  }
  return {
    text: `Lines were cut from its end: the backup ${end.backup} holds ${saw}, and from line ${found.from} on, ${found.missing} of them ${found.missing === 1 ? 'is' : 'are'} gone or changed.`,
    cut: true,
  };
}
