// Mentors: a staff member of the department, or a person an external organisation offers;
// with their expertise, training and appointment; the appointment's history and renewal, and
// the department's contract with an internal mentor.

import * as api from '../api.js';
import {
  el, pill, nextId, confirmAction, showError, clearErrors, setStatus,
} from '../forms.js';
import { registerScreen, emptyText } from '../register.js';
import { documentBox } from '../documents.js';
import { paperSection } from '../paper.js';
import { localToday, timeNow } from '../dates.js';

export function mentorsScreen(ctx) {
  let kindInputs = [];
  const parts = {};

  async function showAppointments(record) {
    parts.appointments.replaceChildren();
    if (record.id === null) return;
    try {
      const past = await api.mentorAppointments(record.id);
      if (parts.screen.record()?.id !== record.id) return;
      if (past.length === 0) {
        parts.appointments.append(el('li', { class: 'muted', text: 'No earlier appointments.' }));
      }
      for (const a of past) {
        parts.appointments.append(el('li', {},
          el('span', { class: 'strong', text: `${a.start_date} – ${a.end_date}` }),
          el('span', { class: 'muted', text: ` reviewed on ${a.reviewed_on}` }),
          a.review_notes ? el('div', { class: 'muted', text: a.review_notes }) : null));
      }
    } catch (error) {
      parts.appointments.append(el('li', { class: 'warn', text: error.message }));
    }
  }

  async function renew(form) {
    const r = parts.screen.record();
    if (!r || r.id === null) return;
    clearErrors(form);
    const reviewedOn = parts.reviewedOn.value;
    if (parts.screen.isDirty()) {
      showError(form, { message: 'Save your changes first; then renew the appointment.' }, 'reviewed_on');
      return;
    }
    if (reviewedOn === '') {
      showError(form, { message: 'Give the date the appointment was reviewed.' }, 'reviewed_on');
      return;
    }
    const name = parts.titleOf(r, form);
    const current = r.appointment_start && r.appointment_end
      ? `The appointment from ${r.appointment_start} to ${r.appointment_end} is kept as reviewed on ${reviewedOn}, `
        + `and ${name} is appointed again from the day after it ends, for the longest appointment Settings allow.`
      : `${name} is appointed again for the next period.`;
    const ok = await confirmAction({ title: `Renew ${name}'s appointment?`, message: current, confirm: 'Renew' });
    if (!ok) return;
    parts.renewButton.disabled = true;
    try {
      await api.renewAppointment(r.id, reviewedOn, parts.reviewNotes.value);
      parts.reviewNotes.value = '';
      await parts.screen.reload();
      const now = parts.screen.record();
      setStatus(form, `Appointment renewed at ${timeNow()}: ${now.appointment_start} to ${now.appointment_end}.`);
    } catch (error) {
      showError(form, error);
    } finally {
      parts.renewButton.disabled = false;
    }
  }

  const kindOf = () => (kindInputs.find((i) => i.checked)?.value ?? 'internal');

  // Shows the fields of the chosen kind of mentor and hides the other kind's.
  function applyKind(form, kind) {
    for (const i of kindInputs) i.checked = i.value === kind;
    for (const field of form.querySelectorAll('.field[data-when]')) {
      field.hidden = field.dataset.when !== kind;
    }
  }

  return registerScreen(ctx, {
    name: 'mentors',
    register: 'mentor',
    title: 'Mentors',
    newLabel: 'New mentor',
    noun: 'mentor',
    nounPlural: 'mentors',
    searchPlaceholder: 'Search by name, persal number or field of expertise',
    empty: emptyText('mentors', 'New mentor'),
    columns: [
      { label: 'Name', value: (r) => r.name, class: 'strong' },
      {
        label: 'Persal / organisation',
        value: (r) => (r.organisation ? el('span', { class: 'external', text: r.organisation }) : r.persal ?? ''),
      },
      { extra: true, label: 'Fields of expertise', value: (r) => r.fields_of_expertise, class: 'clip' },
      { extra: true, label: 'Years', value: (r) => r.years_experience, class: 'num' },
      { extra: true, label: 'Trained', value: (r) => r.training_completed_on ?? el('span', { class: 'warn', text: 'Not yet' }) },
      {
        extra: true,
        label: 'Appointment',
        value: (r) => (r.appointment_start ? `${r.appointment_start} – ${r.appointment_end ?? ''}` : ''),
        class: 'nowrap',
      },
      {
        label: 'Protégés',
        value: (r) => el('span', {}, String(r.open_mentorships), r.archived ? pill('Archived', 'muted') : null),
        class: 'num',
      },
    ],
    list: (q) => api.listMentors(q.text, q.include_archived),
    get: api.getMentor,
    save: api.saveMentor,
    saveCommand: 'save_mentor',
    blank: () => ({
      id: null, staff_id: null, external_name: '', organisation_id: null, fields_of_expertise: '',
      qualifications: '', professional_background: '', scarce_skills: '', years_experience: null,
      recruitment: 'volunteer', nominated_by: '', training_course: '', training_provider: '',
      training_completed_on: null, training_certificate: '', appointment_start: null,
      appointment_end: null, experience_override_reason: '', languages: '', archived: false,
    }),
    titleOf: (r, form) => parts.titleOf(r, form),
    sections: [
      {
        legend: 'Who mentors',
        fields: [
          {
            name: 'staff_id', label: 'Staff member', type: 'select', source: { choices: 'staff' }, ids: true,
            wide: true, required: true,
          },
          {
            name: 'organisation_id', label: 'Organisation', type: 'select', source: { choices: 'organisations' },
            ids: true, wide: true, required: true,
          },
          { name: 'external_name', label: "Mentor's full name", wide: true, required: true },
        ],
      },
      {
        legend: 'Expertise',
        fields: [
          { name: 'fields_of_expertise', label: 'Fields of expertise', required: true, wide: true },
          {
            name: 'years_experience', label: 'Years of experience in the division', type: 'number', min: 0,
            needed: 'Give the years of experience in the division (0 if none).',
          },
          { name: 'scarce_skills', label: 'Scarce skills' },
          {
            name: 'languages', label: 'Languages', wide: true,
            hint: 'Languages the mentor can mentor in, e.g. English, isiZulu',
          },
          { name: 'qualifications', label: 'Qualifications', type: 'textarea', rows: 2 },
          { name: 'professional_background', label: 'Professional background', type: 'textarea', rows: 2 },
          {
            name: 'experience_override_reason', label: 'Experience override reason', type: 'textarea', rows: 2,
            hint: 'Only when the mentor has fewer years than the programme asks: why the programme manager accepts them.',
          },
        ],
      },
      {
        legend: 'Recruitment',
        fields: [
          {
            name: 'recruitment', label: 'Volunteer or nominated', type: 'select', source: { vocab: 'recruitment' },
            needed: 'Choose whether the mentor volunteered or was nominated.',
          },
          { name: 'nominated_by', label: 'Nominated by', hint: 'When nominated.' },
        ],
      },
      {
        legend: 'Mentor training',
        note: 'Accredited training from a registered provider, completed before a mentorship begins.',
        fields: [
          { name: 'training_course', label: 'Course', wide: true },
          { name: 'training_provider', label: 'Provider', wide: true },
          { name: 'training_completed_on', label: 'Completed on', type: 'date' },
          { name: 'training_certificate', label: 'Certificate number' },
        ],
      },
      {
        legend: 'Appointment',
        note: 'A mentor is appointed for at most a year at a time and reviewed when the KPAs are set.',
        fields: [
          { name: 'appointment_start', label: 'From', type: 'date' },
          { name: 'appointment_end', label: 'Until', type: 'date' },
        ],
      },
    ],
    extend({ form, tools, body, screen }) {
      parts.screen = screen;
      parts.titleOf = (r, f) => {
        if (kindOf() === 'external') return r.external_name || 'Mentor';
        const staff = f.elements.namedItem('staff_id').selectedOptions[0];
        return staff && staff.value !== '' ? staff.textContent : 'Mentor';
      };
      parts.contract = documentBox({
        prefix: 'mentors-contract',
        label: 'Mentor contract',
        buttonText: 'Print contract',
        print: () => api.printMentorContract(screen.record().id),
        ready: () => (screen.isDirty() ? 'Save your changes first: the contract prints the saved mentor.' : null),
      });
      tools.prepend(parts.contract.button);
      form.querySelector('.form-error').after(parts.contract.box);
      parts.papers = paperSection({
        id: 'mentor-papers',
        title: 'Signed paper',
        note: 'The contract and each final KPA allocation: record each signature from the signed paper and '
          + 'attach its scan.',
        list: api.mentorPapers,
      });
      form.after(parts.papers.section);

      // The appointment's history and its renewal. The renewal's own fields are not the
      // mentor's, so typing in them does not mark the mentor's form as changed.
      parts.appointments = el('ul', { class: 'appointments', id: 'mentors-appointments' });
      const dateId = nextId('renew');
      parts.reviewedOn = el('input', { type: 'date', name: 'reviewed_on', id: `${dateId}-on` });
      parts.reviewNotes = el('textarea', { name: 'review_notes', id: `${dateId}-notes`, rows: 2 });
      parts.renewButton = el('button', {
        type: 'button', id: 'mentors-renew', class: 'secondary small', text: 'Renew appointment',
        onclick: () => renew(form),
      });
      const renewPanel = el('div', { class: 'renew', command: 'renew_appointment' },
        el('div', { class: 'grid' },
          el('div', { class: 'field', dataset: { field: 'reviewed_on' } },
            el('label', { for: parts.reviewedOn.id, text: 'Reviewed on' }), parts.reviewedOn,
            el('p', { class: 'field-error', dataset: { for: 'reviewed_on' }, 'aria-live': 'polite' })),
          el('div', { class: 'field wide' },
            el('label', { for: parts.reviewNotes.id, text: 'Review notes' }), parts.reviewNotes)),
        parts.renewButton);
      for (const type of ['input', 'change']) renewPanel.addEventListener(type, (event) => event.stopPropagation());
      parts.appointmentSection = el('fieldset', { class: 'section', id: 'mentors-appointment-history' },
        el('legend', { text: 'Earlier appointments and renewal' }),
        el('p', {
          class: 'section-note',
          text: 'The appointment is reviewed when the KPAs are set; renewing keeps the current appointment here '
            + 'and appoints the mentor for the next period.',
        }),
        parts.appointments,
        renewPanel);
      body.append(parts.appointmentSection);

      // Each kind of mentor has its own fields; `applyKind` shows one kind's at a time.
      for (const [name, kind] of [['staff_id', 'internal'], ['organisation_id', 'external'], ['external_name', 'external']]) {
        form.querySelector(`.field[data-field="${name}"]`).dataset.when = kind;
      }
      const group = nextId('mentor-kind');
      const kinds = [
        ['internal', 'A staff member of the department'],
        ['external', 'A person from an external organisation'],
      ];
      kindInputs = kinds.map(([value]) =>
        el('input', { type: 'radio', name: 'mentor_kind', value, id: `${group}-${value}` }));
      const chooser = el('div', { class: 'kind-choice', role: 'radiogroup', 'aria-label': 'The mentor is' },
        el('span', { class: 'kind-label', text: 'The mentor is' }),
        kindInputs.map((input, n) => el('label', { for: input.id }, input, el('span', { text: kinds[n][1] }))));
      const first = body.querySelector('fieldset .grid');
      first.before(chooser);
      for (const input of kindInputs) {
        input.addEventListener('change', () => {
          applyKind(form, input.value);
          screen.markDirty();
        });
      }
    },
    afterFill(form, r) {
      const external = r.id !== null && r.staff_id === null;
      applyKind(form, external ? 'external' : 'internal');
      parts.contract.reset();
      parts.contract.button.hidden = r.id === null || external;
      parts.appointmentSection.hidden = r.id === null;
      parts.papers.load(r.id);
      parts.reviewedOn.value = localToday();
      parts.reviewNotes.value = '';
      showAppointments(r);
    },
    collect(form, record) {
      if (kindOf() === 'internal') {
        record.external_name = '';
        record.organisation_id = null;
      } else {
        record.staff_id = null;
      }
    },
    // Core names the staff member when neither kind is filled in; for an external mentor the
    // missing choice is the organisation.
    errorField(error, form) {
      if (error.field === 'staff_id' && kindOf() === 'external') return 'organisation_id';
      return error.field;
    },
  });
}
