// Import and export: staff from an HR system's CSV or Excel file (choose the file, check which
// column holds what, read the line-by-line preview, then import all or nothing), and every
// register exported to CSV files or one Excel workbook. Reading, checking and writing are
// core's; the shell keeps the chosen file, so this screen never names a path. A large file's
// import shows a progress bar fed by the shell, as the progress reports' batch does.

import * as api from '../api.js';
import { el, renderTable } from '../forms.js';
import { exportButtons } from '../exports.js';

const OUTCOMES = { add: 'New', update: 'Update', unchanged: 'Unchanged', error: 'Error' };

// What the progress bar says of each stage of an import, by core's stage code.
const STAGES = { checking: 'lines checked', saving: 'staff saved' };

// What a line's "Details" cell says: its problems, or the fields that change.
function details(line) {
  if (line.outcome === 'error') {
    return el('ul', { class: 'import-problems' }, line.problems.map((p) => el('li', { text: p.message })));
  }
  if (line.outcome === 'update') {
    return el('ul', { class: 'import-changes' },
      line.changes.map((c) => el('li', { text: `${c.field}: ${c.old || '—'} → ${c.new || '—'}` })));
  }
  if (line.outcome !== 'add') return '';
  const post = [line.designation, line.unit].filter(Boolean).join(', ');
  return post ? `New staff member: ${post}` : 'New staff member';
}

function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

export function importScreen() {
  const section = document.getElementById('screen-import');
  const chooseButton = el('button', { type: 'button', id: 'import-choose', text: 'Choose a CSV or Excel file…' });
  const fileInfo = el('p', { class: 'section-note', id: 'import-file', role: 'status' });
  const mappingTable = el('table', { class: 'list import-mapping', id: 'import-mapping' });
  const mappingPart = el('div', { class: 'import-part', hidden: true },
    el('h2', { text: 'Which column holds what' }),
    el('p', {
      class: 'section-note',
      text: 'Recognised columns are chosen for you; choose the rest, or leave a column out. The persal number, the surname and the first names or initials are needed. A blank cell keeps what the register holds.',
    }),
    el('div', { class: 'table-wrap' }, mappingTable));
  const summary = el('p', { class: 'import-summary', id: 'import-summary', role: 'status' });
  const reportTable = el('table', { class: 'list import-report', id: 'import-report' });
  const applyButton = el('button', { type: 'button', id: 'import-apply', disabled: true, text: 'Import' });
  // The progress bar wears the progress reports' classes, so that both bars look alike.
  const bar = el('progress', { id: 'import-progress', max: 1, value: 0 });
  const barText = el('span', { id: 'import-progress-text', class: 'reports-progress-text', 'aria-live': 'polite' });
  const progress = el('div', { class: 'reports-progress', hidden: true }, bar, barText);
  const reportPart = el('div', { class: 'import-part', hidden: true },
    el('h2', { text: 'What the import will do' }), summary,
    el('div', { class: 'table-wrap' }, reportTable),
    el('div', { class: 'import-actions' }, applyButton, progress));
  const result = el('p', { class: 'import-result', id: 'import-result', role: 'status' });
  const problem = el('p', { class: 'screen-error', id: 'import-problem', role: 'alert', hidden: true });
  const exporting = exportButtons({
    prefix: 'export',
    noun: 'registers',
    csvText: 'Export registers to CSV',
    xlsxText: 'Export registers to Excel',
    run: (format) => api.exportRegisters(format),
  });

  section.replaceChildren(
    el('header', { class: 'screen-head' }, el('h1', { text: 'Import and export' })),
    el('div', { class: 'import-staff', command: 'choose_import_file plan_import apply_import' },
      el('h2', { text: 'Import staff from an HR file' }),
      el('p', {
        class: 'section-note',
        text: 'A PERSAL extract or any spreadsheet with one staff member a line. Staff already registered are matched by persal number and updated; new components become units. Nothing is written until you import, and nothing at all while a line has a problem.',
      }),
      el('div', { class: 'toolbar' }, chooseButton), fileInfo, problem, mappingPart, reportPart, result),
    el('div', { class: 'export-registers' },
      el('h2', { text: 'Export the registers' }),
      el('p', {
        class: 'section-note',
        text: 'Every register (staff, units, mentors, protégés, mentorships, sessions, applications, KPA allocations …) as one CSV file each in a new folder, or as one Excel workbook with a sheet each. Confidential session notes are never exported.',
      }),
      el('div', { class: 'toolbar' }, exporting.csvButton, exporting.xlsxButton), exporting.result));

  let preview = null;
  let selects = [];
  let importing = false;

  function showProgress({ stage, done, total }) {
    // A late word from the shell must not bring back a bar the answer has put away.
    if (!importing) return;
    bar.max = Math.max(total, 1);
    bar.value = done;
    barText.textContent = `${done} of ${total} ${STAGES[stage] ?? ''}`;
  }

  function failed(error) {
    problem.textContent = error.message;
    problem.hidden = false;
  }

  function mapping() {
    return selects.map((s) => s.value || null);
  }

  function showMapping() {
    const samples = (i) => preview.rows.slice(0, 3).map((r) => r.cells[i] ?? '').filter(Boolean).join(' · ');
    selects = preview.headers.map((header, i) => {
      const select = el('select', { id: `import-map-${i}`, 'aria-label': `Field for column ${header || i + 1}` },
        el('option', { value: '', text: 'Leave out' }),
        preview.fields.map((f) => el('option', { value: f.code, text: f.label })));
      select.value = preview.mapping[i] ?? '';
      select.addEventListener('change', check);
      return select;
    });
    // Built by hand rather than with renderTable, whose rows take Space and Enter for
    // themselves and would keep the keyboard from the drop-downs.
    mappingTable.replaceChildren(
      el('thead', {}, el('tr', {}, ['Column in the file', 'First values', 'Staff field']
        .map((text) => el('th', { scope: 'col', text })))),
      el('tbody', {}, preview.headers.map((header, i) => el('tr', {},
        el('td', { class: 'strong', text: header || `Column ${i + 1}` }),
        el('td', { text: samples(i) }),
        el('td', {}, selects[i])))));
    mappingPart.hidden = false;
  }

  function showPlan(plan) {
    const ready = plan.added + plan.updated;
    summary.textContent = `${count(plan.added, 'new staff member', 'new staff members')}, ${count(plan.updated, 'update', 'updates')}, ${plan.unchanged} unchanged, ${count(plan.errors, 'line with problems', 'lines with problems')}.`
      + (plan.new_units.length ? ` New units: ${plan.new_units.join(', ')}.` : '')
      + (plan.errors ? ' Correct the file (or the column choices) and choose it again; nothing is imported while a line has a problem.' : '');
    summary.classList.toggle('has-errors', plan.errors > 0);
    // Lines with problems first, then what changes; unchanged lines last.
    const order = { error: 0, update: 1, add: 2, unchanged: 3 };
    const lines = [...plan.lines].sort((a, b) => order[a.outcome] - order[b.outcome] || a.line - b.line);
    reportTable.replaceChildren();
    renderTable(reportTable, [
      { label: 'Line', value: (l) => l.line, class: 'num' },
      { label: 'Persal', value: (l) => l.persal, class: 'mono' },
      { label: 'Name', value: (l) => l.name },
      { label: 'Result', value: (l) => OUTCOMES[l.outcome] ?? l.outcome },
      { label: 'Details', value: details },
    ], lines.map((l) => ({ ...l, id: l.line })), { empty: 'The file has no lines under its header.', onOpen: () => {} });
    for (const tr of reportTable.querySelectorAll('tbody tr[data-id]')) {
      const line = lines.find((l) => String(l.line) === tr.dataset.id);
      if (line) tr.classList.add(`import-${line.outcome}`);
    }
    applyButton.textContent = `Import ${count(ready, 'staff member', 'staff members')}`;
    applyButton.disabled = plan.errors > 0 || ready === 0;
    reportPart.hidden = false;
  }

  async function check() {
    problem.hidden = true;
    result.textContent = '';
    applyButton.disabled = true;
    try {
      showPlan(await api.planImport(mapping()));
    } catch (error) {
      reportPart.hidden = true;
      failed(error);
    }
  }

  chooseButton.addEventListener('click', async () => {
    problem.hidden = true;
    result.textContent = '';
    chooseButton.disabled = true;
    try {
      const chosen = await api.chooseImportFile();
      if (!chosen) return;
      preview = chosen;
      fileInfo.textContent = `${chosen.file_name}: ${count(chosen.row_count, 'line', 'lines')} under the header.`;
      showMapping();
      await check();
    } catch (error) {
      failed(error);
    } finally {
      chooseButton.disabled = false;
    }
  });

  applyButton.addEventListener('click', async () => {
    applyButton.disabled = true;
    chooseButton.disabled = true;
    problem.hidden = true;
    importing = true;
    bar.removeAttribute('value');
    barText.textContent = 'Starting…';
    progress.hidden = false;
    try {
      const done = await api.applyImport(mapping(), showProgress);
      showPlan(done);
      applyButton.disabled = true;
      applyButton.textContent = 'Imported';
      result.textContent = `Imported: ${count(done.added, 'staff member added', 'staff members added')}, ${done.updated} updated, ${done.unchanged} unchanged`
        + (done.new_units.length ? `; units created: ${done.new_units.join(', ')}.` : '.');
    } catch (error) {
      failed(error);
    } finally {
      importing = false;
      progress.hidden = true;
      chooseButton.disabled = false;
    }
  });

  return { show() {} };
}
