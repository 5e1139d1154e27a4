// Applications: a staff member's application to the programme (or an intern or learner entered
// as eligible), the selection committee's review, the mentors suggested for it with the reasons,
// the mentor's answer, the decision trail and the letters the decisions owe. Which state an
// application may move to, the scores and the letters' wording are core's; this screen shows
// them and sends what the officer records.

import * as api from '../api.js';
import {
  el, pill, nextId, showError, clearErrors, confirmAction,
} from '../forms.js';
import { registerScreen, emptyText } from '../register.js';
import { documentBox } from '../documents.js';
import { localToday, timeNow } from '../dates.js';

const OPEN_STATES = ['submitted', 'under_review'];

function mentorshipReference(id) {
  return `MS-${String(id).padStart(4, '0')}`;
}

// A field of one of the cards' small forms, with the slot its error is shown in.
function cardField(prefix, { name, label, type = 'text', rows, hint, wide, required }) {
  const id = `${prefix}-${name}`;
  let input;
  if (type === 'textarea') input = el('textarea', { id, name, rows: rows ?? 3 });
  else if (type === 'select') input = el('select', { id, name });
  else input = el('input', { id, name, type, autocomplete: 'off' });
  const hintNode = hint ? el('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hintNode) input.setAttribute('aria-describedby', hintNode.id);
  const block = el('div', { class: `field${wide || type === 'textarea' ? ' wide' : ''}`, dataset: { field: name } },
    el('label', { for: id }, label, required ? el('span', { class: 'required', 'aria-hidden': 'true', text: ' *' }) : null),
    input, hintNode,
    el('p', { class: 'field-error', dataset: { for: name }, 'aria-live': 'polite' }));
  return { input, block };
}

// A read-only table: columns are {label, value(row) -> text or Node, class}.
function plainTable(table, columns, rows, empty) {
  table.replaceChildren(
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.class, text: c.label })))),
    el('tbody', {}, rows.length === 0
      ? el('tr', { class: 'empty' }, el('td', { colspan: columns.length, text: empty }))
      : rows.map((row) => el('tr', { class: row.rowClass ?? null }, columns.map((c) => {
        const value = c.value(row);
        return el('td', { class: c.class }, value instanceof Node ? value : value ?? '');
      })))));
}

function card(id, title) {
  const problem = el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true });
  const section = el('section', { class: 'app-card', id, hidden: true }, el('h2', { text: title }), problem);
  return {
    section,
    problem,
    showProblem(error) {
      problem.textContent = error ? error.message : '';
      problem.hidden = !error;
      if (error) problem.focus();
    },
  };
}

export function applicationsScreen(ctx) {
  const parts = { view: null, needsToken: 0, suggestionsToken: 0 };
  const stateLabel = (code) => ctx.label('application_state', code);
  const statePill = (code) => pill(stateLabel(code), `app-${code}`);

  // a. The committee's review: take the application up, record a decision, past reviews.
  function reviewCard() {
    const c = card('applications-review', 'Committee review');
    const note = el('p', { class: 'section-note' });
    const startButton = el('button', {
      type: 'button', id: 'applications-start-review', class: 'secondary small', text: 'Take up for review',
      onclick: () => startReview(), command: 'start_application_review',
    });
    const prefix = 'applications-review-form';
    const reviewedOn = cardField(prefix, { name: 'reviewed_on', label: 'Reviewed on', type: 'date', required: true });
    const members = cardField(prefix, {
      name: 'members_present', label: 'Members present', wide: true, required: true,
      hint: 'The committee members at the meeting, e.g. N. Dube (chair), P. Naidoo, HR.',
    });
    const notes = cardField(prefix, { name: 'interview_notes', label: 'Interview notes', type: 'textarea' });
    const decision = cardField(prefix, { name: 'decision', label: 'Decision', type: 'select', required: true });
    decision.input.append(el('option', { value: '', text: 'Choose…' }),
      ...(ctx.vocab.committee_decision ?? []).map((e) => el('option', { value: e.code, text: e.label })));
    const reasons = cardField(prefix, {
      name: 'reasons', label: 'Reasons', type: 'textarea', required: true,
      hint: 'Printed in the letter to the applicant and kept in the decision trail.',
    });
    const saveButton = el('button', { type: 'submit', id: 'applications-review-save', class: 'primary small', text: 'Record decision' });
    const editor = el('form', {
      id: prefix, class: 'app-editor', novalidate: true, autocomplete: 'off', hidden: true, command: 'record_committee_review',
    },
      el('h3', { text: 'Record the committee\'s decision' }),
      el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
      el('div', { class: 'grid' }, reviewedOn.block, decision.block, members.block, notes.block, reasons.block),
      el('div', { class: 'app-actions' }, saveButton, el('span', { class: 'form-status', role: 'status' })));
    editor.addEventListener('submit', (event) => {
      event.preventDefault();
      recordReview();
    });
    const pastTitle = el('h3', { text: 'Reviews recorded' });
    const past = el('ul', { id: 'applications-reviews', class: 'review-list' });
    c.section.append(note, startButton, editor, pastTitle, past);

    function load(view) {
      c.showProblem(null);
      const a = view.application;
      const state = a.state;
      const approved = view.ready_for_matching && OPEN_STATES.includes(state);
      startButton.hidden = state !== 'submitted';
      editor.hidden = state !== 'under_review' || approved;
      if (!editor.hidden && editor.dataset.for !== String(a.id)) {
        editor.dataset.for = String(a.id);
        editor.reset();
        clearErrors(editor);
        reviewedOn.input.value = localToday();
      }
      if (state === 'submitted') {
        note.textContent = a.entry === 'eligible'
          ? 'Interns and learners entered as eligible need no review; they may be matched now. The committee may still review them.'
          : 'The selection committee reviews career goals and path, education, work experience, strengths, weaknesses and development needs, and whether a suitable mentor exists.';
      } else if (state === 'under_review' && !approved) {
        note.textContent = 'Under review by the selection committee. Record its decision when it has met; a rejection ends the application and owes a letter.';
      } else if (approved) {
        note.textContent = 'Approved by the committee: choose a mentor from the suggestions below.';
      } else {
        note.textContent = `The application is ${stateLabel(state).toLowerCase()}.`;
      }
      pastTitle.hidden = view.reviews.length === 0;
      past.hidden = view.reviews.length === 0;
      past.replaceChildren(...view.reviews.map((r) => el('li', { class: 'review' },
        el('div', { class: 'review-head' },
          el('span', { class: 'strong', text: r.reviewed_on }),
          pill(ctx.label('committee_decision', r.decision), `decision-${r.decision}`)),
        el('p', { class: 'cell-note', text: `Members present: ${r.members_present}` }),
        el('p', { class: 'review-reasons', text: r.reasons }),
        r.interview_notes ? el('p', { class: 'cell-note', text: `Interview: ${r.interview_notes}` }) : null)));
    }

    async function startReview() {
      const view = parts.view;
      if (unsavedChanges(c.showProblem)) return;
      startButton.disabled = true;
      try {
        await api.startApplicationReview(view.application.id);
        await refreshAll();
      } catch (error) {
        c.showProblem(error);
      } finally {
        startButton.disabled = false;
      }
    }

    async function recordReview() {
      const view = parts.view;
      clearErrors(editor);
      if (unsavedChanges((e) => showError(editor, e))) return;
      if (!reviewedOn.input.value) {
        showError(editor, { message: 'Give the date the committee met.' }, 'reviewed_on');
        return;
      }
      if (!decision.input.value) {
        showError(editor, { message: 'Choose the committee\'s decision.' }, 'decision');
        return;
      }
      const review = {
        id: null,
        application_id: view.application.id,
        reviewed_on: reviewedOn.input.value,
        members_present: members.input.value,
        interview_notes: notes.input.value,
        decision: decision.input.value,
        reasons: reasons.input.value,
      };
      if (review.decision === 'rejected' && review.reasons.trim() !== '') {
        const sure = await confirmAction({
          title: `Reject ${view.reference}?`,
          message: `The application of ${view.protege} ends as rejected and a rejection letter with the committee's reasons is owed. This cannot be undone; the protégé may apply again.`,
          confirm: 'Reject application',
        });
        if (!sure) return;
      }
      saveButton.disabled = true;
      try {
        await api.recordCommitteeReview(review);
        await refreshAll();
      } catch (error) {
        showError(editor, error);
      } finally {
        saveButton.disabled = false;
      }
    }

    return { section: c.section, load };
  }

  // b. Ranked mentor suggestions, with the mentors a rule excludes below them.
  function suggestionsCard() {
    const c = card('applications-suggestions', 'Mentor suggestions');
    const note = el('p', {
      class: 'section-note',
      text: 'Mentors ranked by how well they fit this application; each reason says which criterion is met and the points it gives. Propose one: the mentor then answers.',
    });
    const status = el('p', { class: 'app-loading', role: 'status', 'aria-live': 'polite' });
    const ranking = el('ol', { id: 'applications-suggestion-list', class: 'suggestion-list' });
    const excludedTitle = el('h3', { text: 'Not suggested' });
    const excludedNote = el('p', { class: 'section-note', text: 'A programme rule excludes these mentors for this protégé.' });
    const excluded = el('ul', { id: 'applications-excluded', class: 'excluded-list' });
    c.section.append(note, status, ranking, excludedTitle, excludedNote, excluded);

    function mentorName(s) {
      return el('span', { class: 'suggestion-who' },
        el('span', { class: 'suggestion-name', text: s.name }),
        s.organisation ? el('span', { class: 'cell-note', text: `External: ${s.organisation}` }) : null);
    }

    // Each reason's words end with the points it gave ("Same location (urban): +10").
    function render(list) {
      const ranked = list.filter((s) => !s.excluded);
      const out = list.filter((s) => s.excluded);
      ranking.replaceChildren(...(ranked.length === 0
        ? [el('li', { class: 'empty', text: 'No mentor on the register may be matched with this protégé now; see why below.' })]
        : ranked.map((s, n) => el('li', { class: 'suggestion', dataset: { mentorId: s.mentor_id } },
          el('div', { class: 'suggestion-head' },
            el('span', { class: 'suggestion-rank', text: String(n + 1), 'aria-label': `Rank ${n + 1}` }),
            mentorName(s),
            el('span', { class: 'suggestion-score' }, el('strong', { text: String(s.score) }), ' points'),
            el('button', {
              type: 'button', class: 'secondary small propose', text: 'Propose', command: 'match_application',
              title: `Propose ${s.name} as mentor`, onclick: () => propose(s),
            })),
          el('ul', { class: 'reasons' }, s.reasons.map((r) => el('li', { text: r.text })))))));
      excludedTitle.hidden = out.length === 0;
      excludedNote.hidden = out.length === 0;
      excluded.hidden = out.length === 0;
      excluded.replaceChildren(...out.map((s) => el('li', { class: 'excluded-row', dataset: { mentorId: s.mentor_id } },
        mentorName(s), el('span', { class: 'excluded-why', text: s.excluded }))));
    }

    async function load(view) {
      c.showProblem(null);
      const token = ++parts.suggestionsToken;
      status.textContent = 'Scoring the mentors…';
      ranking.hidden = true;
      excludedTitle.hidden = true;
      excludedNote.hidden = true;
      excluded.hidden = true;
      try {
        const list = await api.mentorSuggestions(view.application.id);
        if (token !== parts.suggestionsToken) return;
        status.textContent = '';
        ranking.hidden = false;
        render(list);
      } catch (error) {
        if (token !== parts.suggestionsToken) return;
        status.textContent = '';
        c.showProblem(error);
      }
    }

    async function propose(s) {
      const view = parts.view;
      if (unsavedChanges(c.showProblem)) return;
      const sure = await confirmAction({
        title: `Propose ${s.name}?`,
        message: `${s.name} is proposed as mentor of ${view.protege} (${view.reference}) and is owed a notice letter. `
          + 'Record the mentor\'s answer on this page when it comes.',
        confirm: 'Propose mentor',
      });
      if (!sure) return;
      try {
        await api.matchApplication(view.application.id, s.mentor_id);
        await refreshAll();
      } catch (error) {
        c.showProblem(error);
      }
    }

    return { section: c.section, load };
  }

  // c. The mentor's answer to the proposal, and the mentorship an acceptance makes.
  function replyCard() {
    const c = card('applications-reply', 'Mentor\'s answer');
    const who = el('p', { class: 'app-who' });
    const external = el('p', { class: 'app-external', hidden: true });
    const prefix = 'applications-reply-form';
    const group = nextId('reply');
    const acceptedInput = el('input', { type: 'radio', name: 'accepted', value: 'yes', id: 'applications-reply-accepted' });
    const declinedInput = el('input', { type: 'radio', name: 'accepted', value: 'no', id: 'applications-reply-declined' });
    const answer = el('div', { class: 'field wide', dataset: { field: 'accepted' } },
      el('span', { class: 'field-label', id: `${group}-label`, text: 'Answer' }),
      el('div', { class: 'app-answer', role: 'radiogroup', 'aria-labelledby': `${group}-label` },
        el('label', { for: acceptedInput.id }, acceptedInput, el('span', { text: 'Accepted' })),
        el('label', { for: declinedInput.id }, declinedInput, el('span', { text: 'Declined' }))),
      el('p', { class: 'field-error', dataset: { for: 'accepted' }, 'aria-live': 'polite' }));
    const on = cardField(prefix, { name: 'on', label: 'Answered on', type: 'date', required: true });
    const reason = cardField(prefix, {
      name: 'reason', label: 'Reason', type: 'textarea', rows: 2,
      hint: 'Required when the mentor declines: the application then goes back to matching.',
    });
    const saveButton = el('button', { type: 'submit', id: 'applications-reply-save', class: 'primary small', text: 'Record answer' });
    const editor = el('form', {
      id: prefix, class: 'app-editor', novalidate: true, autocomplete: 'off', command: 'record_mentor_reply',
    },
      el('p', { class: 'form-error', role: 'alert', tabindex: -1, hidden: true }),
      el('div', { class: 'grid' }, answer, on.block, reason.block),
      el('div', { class: 'app-actions' }, saveButton, el('span', { class: 'form-status', role: 'status' })));
    editor.addEventListener('submit', (event) => {
      event.preventDefault();
      record();
    });
    const accepted = el('div', { class: 'app-accepted', hidden: true });
    c.section.append(who, external, editor, accepted);

    function load(view) {
      c.showProblem(null);
      const a = view.application;
      const m = view.mentor;
      const orgText = m?.organisation ? ` (${m.organisation})` : '';
      if (a.state === 'matched') {
        who.textContent = `${m?.name ?? 'The mentor'}${orgText} is proposed as mentor of ${view.protege}. Record the answer once the programme manager has advised the mentor.`;
        external.hidden = !m?.organisation;
        external.textContent = m?.organisation
          ? `${m.organisation} interviews the protégé first; the organisation's decision after that interview is final. Record it here as the answer.`
          : '';
        editor.hidden = false;
        accepted.hidden = true;
        if (editor.dataset.for !== String(a.id)) {
          editor.dataset.for = String(a.id);
          editor.reset();
          clearErrors(editor);
          on.input.value = localToday();
        }
        return;
      }
      editor.hidden = true;
      external.hidden = true;
      const event = [...view.trail].reverse().find((e) => e.state === 'mentor_accepted');
      who.textContent = `${m?.name ?? 'The mentor'}${orgText} accepted${event ? ` on ${event.happened_on}` : ''}.`;
      accepted.hidden = a.mentorship_id === null;
      if (a.mentorship_id !== null) {
        const reference = mentorshipReference(a.mentorship_id);
        accepted.replaceChildren(
          el('button', {
            type: 'button', id: 'applications-open-mentorship', class: 'link', text: `Open mentorship ${reference}`,
            onclick: () => ctx.openRecord('mentorships', a.mentorship_id),
          }),
          el('span', { class: 'section-note', text: ' The mentorship is a draft: complete it there and print its agreement for signing.' }));
      }
    }

    async function record() {
      const view = parts.view;
      clearErrors(editor);
      if (!acceptedInput.checked && !declinedInput.checked) {
        showError(editor, { message: 'Choose whether the mentor accepted or declined.' }, 'accepted');
        return;
      }
      if (!on.input.value) {
        showError(editor, { message: 'Give the date of the answer.' }, 'on');
        return;
      }
      saveButton.disabled = true;
      try {
        await api.recordMentorReply(view.application.id, {
          accepted: acceptedInput.checked, on: on.input.value, reason: reason.input.value,
        });
        await refreshAll();
      } catch (error) {
        showError(editor, error);
      } finally {
        saveButton.disabled = false;
      }
    }

    return { section: c.section, load };
  }

  // d. Who decided what, when and why.
  function trailCard() {
    const c = card('applications-trail', 'Decision trail');
    const table = el('table', { id: 'applications-trail-list', class: 'list compact' });
    c.section.append(table);
    function load(view) {
      plainTable(table, [
        { label: 'Date', value: (e) => e.happened_on, class: 'nowrap date' },
        { label: 'Who', value: (e) => e.actor, class: 'who' },
        { label: 'What', value: (e) => el('span', {}, e.what, el('span', { class: 'cell-note', text: stateLabel(e.state) })), class: 'what' },
        { label: 'Why', value: (e) => e.why || el('span', { class: 'muted', text: '—' }), class: 'why' },
      ], view.trail, 'Nothing decided yet.');
    }
    return { section: c.section, load };
  }

  // e. The letters this application's decisions owe, and printing every letter owed.
  function lettersCard() {
    const c = card('applications-letters', 'Letters');
    const note = el('p', { class: 'section-note' });
    const list = el('ul', { class: 'letters', id: 'applications-letter-list' });
    const allButton = el('button', {
      type: 'button', id: 'applications-print-letters', class: 'secondary small', text: 'Print all pending letters',
      onclick: () => printAll(), command: 'print_pending_letters',
    });
    const allNote = el('p', { class: 'section-note letters-all-note' });
    const allStatus = el('p', { class: 'document-status', role: 'status', 'aria-live': 'polite' });
    const allPrinted = el('ul', { class: 'letters-printed', id: 'applications-letters-printed' });
    const all = el('div', { class: 'letters-all' }, el('div', { class: 'app-actions' }, allButton, allNote), allStatus, allPrinted);
    c.section.append(note, list, all);

    // "Acceptance letter", "Rejection letter"; the notice's own name already says what it is.
    function letterName(kind) {
      const label = ctx.label('letter_kind', kind);
      return kind === 'mentor_notice' ? label : `${label} letter`;
    }

    function addressee(view, letter) {
      return letter.kind === 'mentor_notice' ? (letter.mentor ?? 'the mentor') : view.protege;
    }

    const printedHere = new Set();

    function showOwed(total) {
      parts.lettersOwed = total;
      allButton.disabled = total === 0;
      allNote.textContent = total === 1
        ? '1 letter is owed across the programme.'
        : `${total} letters are owed across the programme.`;
    }

    function load(view) {
      const owed = view.letters;
      note.textContent = owed.length === 0
        ? 'No letter is owed for this application now. Printed letters are kept in the documents folder.'
        : 'Letters owed by the decisions above. A letter printed here is no longer owed.';
      list.replaceChildren(...owed.map((letter) => {
        const box = documentBox({
          prefix: `letter-${letter.id}`,
          label: letterName(letter.kind),
          buttonText: 'Print',
          command: 'print_letter',
          print: async () => {
            const path = await api.printLetter(letter.id);
            // A letter printed is no longer owed; printing it again only writes it again.
            if (!printedHere.has(letter.id)) {
              printedHere.add(letter.id);
              showOwed(parts.lettersOwed - 1);
            }
            return path;
          },
          ready: () => null,
        });
        return el('li', { class: 'letter', dataset: { letterId: letter.id, kind: letter.kind } },
          el('div', { class: 'letter-line' },
            el('span', {},
              el('span', { class: 'strong', text: letterName(letter.kind) }),
              el('span', { class: 'cell-note', text: `To ${addressee(view, letter)}` })),
            box.button),
          box.box);
      }));
      printedHere.clear();
      showOwed(view.letters_owed_in_programme);
      allStatus.textContent = '';
      allStatus.classList.remove('error');
      allPrinted.replaceChildren();
    }

    async function printAll() {
      allButton.disabled = true;
      allButton.textContent = 'Printing…';
      allStatus.classList.remove('error');
      allStatus.textContent = '';
      try {
        const result = await api.printPendingLetters();
        // The letters printed are no longer owed: the page is read again to show what
        // remains, and only then says what was printed, so the two never disagree.
        await refreshAll();
        allStatus.textContent = result.count === 1
          ? `1 letter printed at ${timeNow()}.`
          : `${result.count} letters printed at ${timeNow()}.`;
        allPrinted.replaceChildren(
          ...result.paths.map((path) => el('li', {},
            el('code', { class: 'path', text: path }),
            el('button', {
              type: 'button', class: 'quiet small', text: 'Open',
              onclick: async () => {
                try {
                  await api.openDocument(path);
                } catch (error) {
                  allStatus.textContent = error.message;
                  allStatus.classList.add('error');
                }
              },
            }))));
      } catch (error) {
        allStatus.textContent = error.message;
        allStatus.classList.add('error');
      } finally {
        allButton.textContent = 'Print all pending letters';
        allButton.disabled = parts.lettersOwed === 0;
      }
    }

    return { section: c.section, load };
  }

  // The protégé's development needs, read from their profile as the form's protégé changes.
  async function showNeeds(protegeId) {
    const token = ++parts.needsToken;
    const text = parts.needs;
    if (!protegeId) {
      text.textContent = 'Choose the protégé to see the development needs on their profile.';
      text.classList.add('muted');
      return;
    }
    try {
      const p = await api.getProtege(protegeId);
      if (token !== parts.needsToken) return;
      const needs = p.development_needs.trim();
      text.textContent = needs || 'None written on the protégé\'s profile yet.';
      text.classList.toggle('muted', needs === '');
    } catch (error) {
      if (token !== parts.needsToken) return;
      text.textContent = error.message;
      text.classList.add('muted');
    }
  }

  // A transition reads the application again, which would drop what is typed in its form.
  function unsavedChanges(showProblem) {
    if (!parts.screen.isDirty()) return false;
    showProblem({ message: 'Save the changes to the application first (or close it without saving); then record the decision.' });
    return true;
  }

  // Reads the open application and its list row again after a transition.
  async function refreshAll() {
    await parts.screen.reload();
    await parts.screen.refreshList();
  }

  function loadCards(view) {
    const cards = parts.cards;
    const hasRecord = view !== null;
    for (const cardPart of Object.values(cards)) cardPart.section.hidden = !hasRecord;
    if (!hasRecord) return;
    const state = view.application.state;
    cards.review.load(view);
    cards.suggestions.section.hidden = !view.ready_for_matching;
    if (view.ready_for_matching) cards.suggestions.load(view);
    else parts.suggestionsToken += 1;
    cards.reply.section.hidden = !['matched', 'mentor_accepted'].includes(state);
    if (!cards.reply.section.hidden) cards.reply.load(view);
    cards.trail.load(view);
    cards.letters.load(view);
  }

  return registerScreen(ctx, {
    name: 'applications',
    register: 'application',
    archivable: false,
    title: 'Applications',
    newLabel: 'New application',
    noun: 'application',
    nounPlural: 'applications',
    searchPlaceholder: 'Search by protégé',
    empty: emptyText('applications', 'New application'),
    filters: [{ key: 'state', label: 'State', source: { vocab: 'application_state' }, blank: 'All states' }],
    columns: [
      { label: 'Ref.', value: (r) => r.reference, class: 'mono nowrap' },
      { label: 'Protégé', value: (r) => r.protege, class: 'strong' },
      { extra: true, label: 'Kind', value: (r) => ctx.label('protege_kind', r.kind) },
      { extra: true, label: 'Received', value: (r) => r.received_on, class: 'nowrap' },
      { extra: true, label: 'Intake', value: (r) => r.intake },
      { label: 'State', value: (r) => statePill(r.state), class: 'nowrap' },
      { extra: true, label: 'Mentor', value: (r) => r.mentor ?? el('span', { class: 'muted', text: '—' }) },
    ],
    list: (q) => api.listApplications({ text: q.text, state: q.state, intake: null }),
    get: async (id) => {
      parts.view = await api.getApplication(id);
      return parts.view.application;
    },
    save: api.saveApplication,
    saveCommand: 'save_application',
    blank: () => {
      parts.view = null;
      return {
        id: null, protege_id: null, entry: 'application', received_on: localToday(), intake: '',
        wanted_start: null, wanted_end: null, preferred_gender: null, preferred_language: '',
        motivation: '', state: 'submitted', mentor_id: null, mentorship_id: null,
      };
    },
    titleOf: (r) => (parts.view ? `${parts.view.reference} · ${parts.view.protege}` : 'Application'),
    sections: [
      {
        legend: 'Applicant',
        fields: [
          {
            name: 'protege_id', label: 'Protégé', type: 'select', source: { choices: 'proteges' }, ids: true,
            wide: true, needed: 'Choose the protégé who applies.',
          },
          {
            name: 'entry', label: 'Entry', type: 'select', source: { vocab: 'application_entry' },
            needed: 'Choose whether this is an application or an intern or learner entered as eligible.',
          },
          { name: 'received_on', label: 'Received on', type: 'date', needed: 'Give the date the application was received.' },
          { name: 'intake', label: 'Intake', hint: 'The intake it belongs to, e.g. 2027 intake.' },
        ],
      },
      {
        legend: 'Mentoring wanted',
        fields: [
          { name: 'wanted_start', label: 'From', type: 'date', needed: 'Give the date the mentoring would start.' },
          { name: 'wanted_end', label: 'Until', type: 'date', needed: 'Give the date the mentoring would end.' },
          { name: 'preferred_gender', label: 'Preferred gender of the mentor', type: 'select', source: { vocab: 'gender' }, blank: 'No preference' },
          { name: 'preferred_language', label: 'Preferred language', hint: 'e.g. isiZulu' },
          { name: 'motivation', label: 'Motivation', type: 'textarea', rows: 4 },
        ],
      },
    ],
    extend({ form, body, screen }) {
      parts.screen = screen;
      parts.closedNote = el('p', { class: 'app-closed', id: 'applications-closed', hidden: true });
      form.querySelector('.form-error').after(parts.closedNote);
      parts.needs = el('p', { class: 'app-needs-text', id: 'applications-needs' });
      const protegeField = body.querySelector('.field[data-field="protege_id"]');
      protegeField.after(el('div', { class: 'field wide app-needs' },
        el('span', { class: 'field-label', text: 'Development needs (from the protégé\'s profile)' }), parts.needs));
      form.elements.namedItem('protege_id').addEventListener('change', (event) => {
        showNeeds(event.target.value === '' ? null : Number(event.target.value));
      });
      parts.cards = {
        review: reviewCard(),
        suggestions: suggestionsCard(),
        reply: replyCard(),
        trail: trailCard(),
        letters: lettersCard(),
      };
      form.after(...Object.values(parts.cards).map((x) => x.section));
    },
    afterFill(form, r, screen) {
      const view = r.id === null ? null : parts.view;
      const open = r.id === null || OPEN_STATES.includes(r.state);
      for (const fieldset of form.querySelectorAll('.form-body fieldset')) fieldset.disabled = !open;
      screen.saveButton.hidden = !open;
      form.querySelector('.legend-required').hidden = !open;
      parts.closedNote.hidden = open;
      parts.closedNote.replaceChildren();
      if (!open) {
        parts.closedNote.append(statePill(r.state),
          ` ${view.reference} is ${stateLabel(r.state).toLowerCase()}: its details can no longer change.`);
      }
      showNeeds(r.protege_id);
      loadCards(view);
    },
  });
}
