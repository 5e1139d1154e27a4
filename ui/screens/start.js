// The welcome screen of a new, empty programme: begin empty or load the sample programme.

import * as api from '../api.js';
import { el } from '../forms.js';

export function startScreen(ctx) {
  const section = document.getElementById('screen-start');
  const status = el('p', { class: 'start-status', role: 'status', 'aria-live': 'polite' });
  const empty = el('button', { type: 'button', id: 'start-empty', class: 'choice-card' },
    el('span', { class: 'choice-title', text: 'Start an empty programme' }),
    el('span', {
      class: 'choice-text',
      text: "Begin with your own department: add its units and staff, then mentors, protégés and mentorships. Check the programme's settings first.",
    }));
  const sample = el('button', { type: 'button', id: 'start-sample', class: 'choice-card' },
    el('span', { class: 'choice-title', text: 'Load the sample programme' }),
    el('span', {
      class: 'choice-text',
      text: 'Explore a fictitious department with five units, thirty staff, six mentors, ten protégés and eight mentorships. Useful for training; start a real programme in a new database.',
    }));
  const databasePath = el('code', { class: 'path' });

  section.replaceChildren(el('div', { class: 'welcome' },
    el('h1', { text: 'Welcome to MentorDesk' }),
    el('p', {
      class: 'lead',
      text: "MentorDesk keeps the register of your department's mentorship programme: staff, mentors, protégés and their mentorships. It checks the programme's rules and prints the agreements the parties sign.",
    }),
    el('div', { class: 'choices' }, empty, sample),
    status,
    el('p', { class: 'section-note' }, 'The programme is kept in one file on this computer: ', databasePath)));

  empty.addEventListener('click', () => ctx.navigate('staff'));
  sample.addEventListener('click', async () => {
    empty.disabled = true;
    sample.disabled = true;
    ctx.setBusy(true);
    status.classList.remove('error');
    status.textContent = 'Loading the sample programme…';
    try {
      await api.createSample();
      status.textContent = '';
      await ctx.settingsChanged(await api.getSettings());
      ctx.setBusy(false);
      ctx.navigate('staff');
    } catch (error) {
      status.classList.add('error');
      status.textContent = error.message;
    } finally {
      ctx.setBusy(false);
      empty.disabled = false;
      sample.disabled = false;
    }
  });

  return {
    section,
    show() {
      databasePath.textContent = ctx.status.database_path;
    },
  };
}
