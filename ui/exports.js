// The pair of export buttons (CSV files or one Excel workbook) and the line that says what was
// written, shared by every screen that exports. The shell asks for the folder in the system's
// dialog and core writes the files; this only starts the export and reports its answer
// ({files, registers, rows}, or null when the person cancelled the dialog).

import { el } from './forms.js';

// opts: {prefix, noun (what each file or sheet is, e.g. "registers"), csvText, xlsxText,
//        run(format) -> the answer}. Returns {csvButton, xlsxButton, result, disable(off)}: the
// caller places the buttons and the result line.
export function exportButtons(opts) {
  const csvButton = el('button', { type: 'button', class: 'secondary', id: `${opts.prefix}-csv`, text: opts.csvText });
  const xlsxButton = el('button', { type: 'button', class: 'secondary', id: `${opts.prefix}-xlsx`, text: opts.xlsxText });
  const result = el('p', { class: 'section-note', id: `${opts.prefix}-result`, role: 'status' });
  const state = { off: false, running: false };

  function settle() {
    for (const button of [csvButton, xlsxButton]) button.disabled = state.off || state.running;
  }

  async function exportTo(format) {
    state.running = true;
    settle();
    result.textContent = '';
    try {
      const done = await opts.run(format);
      if (done) {
        const where = format === 'csv' ? `${done.files.length} CSV files in ${done.files[0]?.replace(/[\\/][^\\/]*$/, '')}` : done.files[0];
        result.textContent = `Exported ${done.registers} ${opts.noun} (${done.rows} rows): ${where}.`;
      }
    } catch (error) {
      result.textContent = error.message;
    } finally {
      state.running = false;
      settle();
    }
  }
  csvButton.addEventListener('click', () => exportTo('csv'));
  xlsxButton.addEventListener('click', () => exportTo('xlsx'));

  function disable(off) {
    state.off = off;
    settle();
  }

  return { csvButton, xlsxButton, result, disable };
}
