// The About box: which MentorDesk this is (the workspace's one version number), the data
// version it writes, where the programme's file is kept, and the licences.

import { el } from './forms.js';

export function aboutBox(status) {
  const close = el('button', { type: 'button', class: 'primary', id: 'about-close', text: 'Close' });
  const dialog = el('dialog', { id: 'about-dialog', 'aria-labelledby': 'about-title' },
    el('h2', { class: 'confirm-title', id: 'about-title', text: 'About MentorDesk' }),
    el('dl', { class: 'facts' },
      el('dt', { text: 'Version' }), el('dd', { id: 'about-version', text: status.version }),
      el('dt', { text: 'Data version' }), el('dd', { text: String(status.data_version) }),
      el('dt', { text: 'Programme file' }), el('dd', {}, el('code', { class: 'path', text: status.database_path }))),
    el('p', {
      class: 'confirm-message',
      text: 'MentorDesk runs a workplace mentorship programme offline on this computer. It is free software under the MIT licence; its printed documents use the Liberation Sans font (SIL Open Font License).',
    }),
    el('div', { class: 'confirm-actions' }, close));
  document.body.append(dialog);
  close.addEventListener('click', () => dialog.close());
  return { open: () => dialog.showModal() };
}
