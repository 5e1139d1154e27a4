// Today: what needs the office's attention, one group per kind in the order core gives them.
// Which lines there are, their words and how many core words at a time are core's
// (`store::dashboard`): each group arrives with its count and its first page of lines, and
// "Show more" asks core for the next page of that kind. This screen lays the groups out and
// makes each line open its record: a mentorship's page, or the mentor for an appointment. It
// is read again whenever it is shown.

import * as api from '../api.js';
import { el } from '../forms.js';
import { todayInWords } from '../dates.js';

// A group longer than this shows its first lines and offers more, so that one busy kind does
// not push the others off the screen.
const SHOWN = 3;

// What an empty group says, by kind code; calm words rather than an empty box.
const NOTHING = {
  overdue_event: 'No work-plan event is overdue.',
  report_due: 'No progress report is due.',
  no_recent_session: 'Every active mentorship has had a recent session.',
  evaluation_due: 'No evaluation form is owed.',
  unsigned: 'Every document in force is signed, or was printed too recently to chase.',
  appointment: 'No appointment needs attention.',
  action_past_due: 'No agreed action is past its due date.',
  dispute_stalled: 'No open dispute has gone a month without a step.',
};

function summaryOf(count) {
  if (count === 0) return 'Nothing needs attention today.';
  return count === 1 ? '1 thing needs attention.' : `${count} things need attention.`;
}

export function dashboardScreen(ctx) {
  const section = document.getElementById('screen-dashboard');
  const title = el('h1', { id: 'dashboard-date' });
  const summary = el('p', { id: 'dashboard-summary', class: 'dashboard-summary', 'aria-live': 'polite' });
  const groups = el('div', { id: 'dashboard-groups', class: 'dashboard-groups' });
  const loadError = el('p', { class: 'screen-error', role: 'alert', hidden: true });

  section.replaceChildren(el('div', { class: 'dashboard-page' },
    el('header', { class: 'dashboard-head' },
      el('p', { class: 'dashboard-eyebrow', text: 'Today' }),
      title,
      summary,
      el('p', {
        class: 'section-note',
        text: 'Choose a line to open its mentorship, or the mentor for an appointment.',
      })),
    loadError,
    groups));

  // An appointment is the mentor's business; every other line is about a mentorship, whose
  // page holds its work plan, sessions and reports.
  function openLine(item) {
    if (item.kind === 'appointment' && item.mentor_id !== null) {
      ctx.openRecord('mentors', item.mentor_id);
    } else if (item.mentorship_id !== null) {
      ctx.openRecord('mentorships', item.mentorship_id);
    } else if (item.mentor_id !== null) {
      ctx.openRecord('mentors', item.mentor_id);
    }
  }

  function line(item) {
    const opens = item.kind === 'appointment' || item.mentorship_id === null ? 'mentor' : 'mentorship';
    return el('li', {},
      el('button', {
        type: 'button',
        class: 'attention-line',
        title: opens === 'mentor' ? 'Open the mentor' : 'Open the mentorship',
        dataset: {
          kind: item.kind,
          mentorshipId: item.mentorship_id ?? '',
          mentorId: item.mentor_id ?? '',
        },
        onclick: () => openLine(item),
      },
      el('span', { class: 'attention-text', text: item.text }),
      el('span', { class: 'attention-about', text: item.about })));
  }

  // "Show more" first shows the rest of the page already here, then asks core for the next
  // page of the kind; it goes once every line is shown. The count is core's as of the last
  // page, in case a line came or went since the screen was read.
  function group(kind, given) {
    let count = given?.count ?? 0;
    const waiting = [...(given?.lines ?? [])];
    const countBadge = el('span', { class: `attention-count${count ? ' some' : ''}`, text: String(count) });
    const block = el('section', {
      id: `dashboard-${kind.code}`,
      class: `attention-group${count ? '' : ' clear'}`,
      'aria-label': kind.label,
    }, el('h2', {}, kind.label, countBadge));
    if (count === 0) {
      block.append(el('p', { class: 'attention-none', text: NOTHING[kind.code] ?? 'Nothing here today.' }));
      return block;
    }
    const list = el('ul', { class: 'attention-list' }, waiting.splice(0, SHOWN).map(line));
    block.append(list);
    const more = el('button', { type: 'button', class: 'quiet small attention-more' });
    const refresh = () => {
      const hidden = count - list.children.length;
      countBadge.textContent = String(count);
      more.textContent = `Show more (${hidden} not shown)`;
      if (hidden <= 0) more.remove();
    };
    more.addEventListener('click', async () => {
      if (waiting.length === 0) {
        more.disabled = true;
        try {
          const page = await api.attentionPage(kind.code, list.children.length);
          count = page.count;
          waiting.push(...page.lines);
          // A page that brings nothing means the kind has shrunk since the screen was read.
          if (page.lines.length === 0) count = list.children.length;
          loadError.hidden = true;
        } catch (error) {
          loadError.textContent = error.message;
          loadError.hidden = false;
        } finally {
          more.disabled = false;
        }
      }
      list.append(...waiting.splice(0).map(line));
      refresh();
    });
    block.append(more);
    refresh();
    return block;
  }

  function render(given) {
    const total = given.reduce((sum, g) => sum + g.count, 0);
    summary.textContent = summaryOf(total);
    const kinds = ctx.vocab.attention_kind ?? [];
    groups.replaceChildren(...kinds.map((kind) => group(kind, given.find((g) => g.kind === kind.code))));
  }

  async function show() {
    title.textContent = todayInWords();
    try {
      render(await api.dashboard());
      loadError.hidden = true;
    } catch (error) {
      loadError.textContent = error.message;
      loadError.hidden = false;
    }
  }

  return { section, show };
}
