// The window's only door to the Rust side. Every command has one function here, so command
// names, argument names and error handling live in this one file. A refused call throws an
// ApiError carrying the stable `code`, the `message` for the person and the form `field`.

export class ApiError extends Error {
  constructor({ code, message, field }) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field ?? null;
  }
}

function tauri() {
  const t = window.__TAURI__;
  if (!t || !t.core) {
    throw new ApiError({
      code: 'no_shell',
      message: 'This page only works inside the MentorDesk application.',
    });
  }
  return t;
}

// Core's errors arrive as {code, message, field}; Tauri's own (for example arguments that do
// not fit the command) arrive as a plain string.
function toApiError(raw) {
  if (raw instanceof ApiError) return raw;
  if (raw && typeof raw === 'object' && typeof raw.message === 'string') {
    return new ApiError({ code: raw.code ?? 'unknown', message: raw.message, field: raw.field });
  }
  return new ApiError({ code: 'ipc', message: String(raw) });
}

// How much work is waiting for an answer: every call, and every screen while it loads. It is
// published as <body data-calls="N">, so that the end-to-end tests can wait for a screen to
// finish loading instead of sleeping for a while.
let inFlight = 0;

function publish() {
  document.body.dataset.calls = String(inFlight);
}

export async function track(work) {
  inFlight += 1;
  publish();
  try {
    return await work;
  } finally {
    inFlight -= 1;
    publish();
  }
}

async function call(command, args = {}) {
  try {
    return await track(tauri().core.invoke(command, args));
  } catch (raw) {
    throw toApiError(raw);
  }
}

// The programme as a whole.
export const appStatus = () => call('app_status');
export const createSample = () => call('create_sample');
export const vocabulary = () => call('vocabulary');
export const settingsDefs = () => call('settings_defs');
export const getSettings = () => call('get_settings');
export const saveSettings = (settings) => call('save_settings', { settings });

// Units.
export const listUnits = (includeArchived = false) => call('list_units', { includeArchived });
export const getUnit = (id) => call('get_unit', { id });
export const saveUnit = (unit) => call('save_unit', { unit });

// Staff. `query` is {text, unit_id, include_archived, limit}.
export const listStaff = (query) => call('list_staff', { query });
export const getStaff = (id) => call('get_staff', { id });
export const saveStaff = (staff) => call('save_staff', { staff });
export const staffChoices = () => call('staff_choices');

// External organisations.
export const listOrganisations = (includeArchived = false) =>
  call('list_organisations', { includeArchived });
export const getOrganisation = (id) => call('get_organisation', { id });
export const saveOrganisation = (organisation) => call('save_organisation', { organisation });
export const organisationChoices = () => call('organisation_choices');
export const organisationMentors = (id) => call('organisation_mentors', { id });

// Mentors.
export const listMentors = (text = '', includeArchived = false) =>
  call('list_mentors', { text, includeArchived });
export const getMentor = (id) => call('get_mentor', { id });
export const saveMentor = (mentor) => call('save_mentor', { mentor });
export const mentorChoices = () => call('mentor_choices');
export const mentorAppointments = (mentorId) => call('mentor_appointments', { mentorId });
export const renewAppointment = (mentorId, reviewedOn, reviewNotes) =>
  call('renew_appointment', { mentorId, reviewedOn, reviewNotes });

// Protégés. `kind` is a protege_kind code or null for every kind.
export const listProteges = (text = '', kind = null, includeArchived = false) =>
  call('list_proteges', { text, kind, includeArchived });
export const getProtege = (id) => call('get_protege', { id });
export const saveProtege = (protege) => call('save_protege', { protege });
export const protegeChoices = () => call('protege_choices');

// Mentorships. `query` is {text, status, mentor_id, include_archived}.
export const listMentorships = (query) => call('list_mentorships', { query });
export const getMentorship = (id) => call('get_mentorship', { id });
export const saveMentorship = (mentorship) => call('save_mentorship', { mentorship });

// Applications and selection. `query` is {text, state, intake}. An application's page is
// {application, reference, reviews, trail, ready_for_matching, mentor: {id, name, organisation}
// or null, letters: [{id, kind, mentor}], letters_owed_in_programme}. A suggestion is {mentor_id,
// name, organisation, score, reasons: [{points, text}], excluded} (`excluded` says why, or null).
// `recordMentorReply` resolves to the new mentorship's id on acceptance, otherwise null.
// `printLetter` marks the letter printed; `printPendingLetters` prints every letter the programme
// owes and resolves to {count, paths}.
export const listApplications = (query) => call('list_applications', { query });
export const getApplication = (id) => call('get_application', { id });
export const saveApplication = (application) => call('save_application', { application });
export const startApplicationReview = (id) => call('start_application_review', { id });
export const recordCommitteeReview = (review) => call('record_committee_review', { review });
export const mentorSuggestions = (applicationId) => call('mentor_suggestions', { applicationId });
export const matchApplication = (applicationId, mentorId) =>
  call('match_application', { applicationId, mentorId });
export const recordMentorReply = (applicationId, reply) =>
  call('record_mentor_reply', { applicationId, reply });
export const printLetter = (letterId) => call('print_letter', { letterId });
export const printPendingLetters = () => call('print_pending_letters');

// Matching a whole intake. `cohortProposal(intake)` (null: every intake) resolves to {rows:
// [{application_id, reference, protege, mentor_id, mentor, score, reasons}], total_score,
// unmatched} and saves nothing; `acceptCohort(pairs)` takes [[application_id, mentor_id], ...],
// saves all or none, and resolves to {applications: [application rows], notices}.
export const intakes = () => call('intakes');
export const cohortProposal = (intake) => call('cohort_proposal', { intake });
export const acceptCohort = (pairs) => call('accept_cohort', { pairs });

// Archiving; `register` is one of unit, staff, organisation, mentor, protege, mentorship.
export const setArchived = (register, id, archived) =>
  call('set_archived', { register, id, archived });

// Performance cycles. `ensureCycle(day)` returns the cycle containing `day` (today when null),
// recording it first when it is missing.
export const listCycles = () => call('list_cycles');
export const getCycle = (id) => call('get_cycle', { id });
export const saveCycle = (cycle) => call('save_cycle', { cycle });
export const ensureCycle = (day = null) => call('ensure_cycle', { day });
export const addNextCycle = () => call('add_next_cycle');

// KPA allocations. `query` is {cycle_id, mentor_id, text, latest_only}. An allocation's page
// (`view`) is {allocation, mentor, cycle, workload, range, line_manager, history}. Saving returns
// the id of the version written, which is a new one when a final version was changed.
export const listKpaAllocations = (query) => call('list_kpa_allocations', { query });
export const getKpaAllocation = (id) => call('get_kpa_allocation', { id });
export const proposeKpaAllocation = (mentorId, cycleId) =>
  call('propose_kpa_allocation', { mentorId, cycleId });
export const saveKpaAllocation = (allocation) => call('save_kpa_allocation', { allocation });
export const finaliseKpaAllocation = (id) => call('finalise_kpa_allocation', { id });
export const kpaWeightsNote = (weights, range) => call('kpa_weights_note', { weights, range });

// A mentorship's work plan, in date order; each event carries `overdue` as core decides it.
// Saving an event without an id adds it; with one, moves or renames it.
export const workPlan = (mentorshipId) => call('work_plan', { mentorshipId });
export const generateWorkPlan = (mentorshipId) => call('generate_work_plan', { mentorshipId });
export const saveWorkPlanEvent = (event) => call('save_work_plan_event', { event });
export const removeWorkPlanEvent = (id) => call('remove_work_plan_event', { id });
export const signOffEvent = (id, signedOffOn, comment) =>
  call('sign_off_event', { id, signedOffOn, comment });

// Public holidays. `holidays(year)` writes the year's holidays first if it is new; `replacing`
// is the date of the holiday being renamed or moved, or null to add one.
export const holidays = (year) => call('holidays', { year });
export const saveHoliday = (holiday, replacing = null) => call('save_holiday', { holiday, replacing });
export const removeHoliday = (date) => call('remove_holiday', { date });

// A mentorship's session log. The list leaves the confidential notes out; `getSession` is the
// form's copy with them. `openActions` are the actions still open today, from any session.
export const listSessions = (mentorshipId) => call('list_sessions', { mentorshipId });
export const getSession = (id) => call('get_session', { id });
export const saveSession = (session) => call('save_session', { session });
export const removeSession = (id) => call('remove_session', { id });
export const openActions = (mentorshipId) => call('open_actions', { mentorshipId });
export const completeAction = (id, doneOn) => call('complete_action', { id, doneOn });

// Competency ratings, oldest first. `ratingScale(scale)` is {scale, labels} with the words of
// each point from 1 up: of the scale named, or of the one the settings name when null.
export const listRatings = (mentorshipId) => call('list_ratings', { mentorshipId });
export const saveRating = (rating) => call('save_rating', { rating });
export const removeRating = (id) => call('remove_rating', { id });
export const ratingScale = (scale = null) => call('rating_scale', { scale });

// A mentorship's termination steps, in the order they were taken.
export const listTerminationSteps = (mentorshipId) => call('list_termination_steps', { mentorshipId });
export const saveTerminationStep = (step) => call('save_termination_step', { step });
export const removeTerminationStep = (id) => call('remove_termination_step', { id });

// Evaluations. `form` is an evaluation_form code. A question is {id, form, position, text,
// answer (an answer_kind code), archived}; an evaluation is {id, mentorship_id, form,
// answered_on, scale, from_paper, answers: [{question_id, rating, yes, text}]}.
// `evaluationForms` is [{form, due_on, evaluation, owed, overdue}] for every form, in order
// (`evaluation` null until it is answered); `printEvaluationForm`
// prints the blank form and resolves to the PDF's path.
export const evaluationQuestions = (form, withArchived = false) =>
  call('evaluation_questions', { form, withArchived });
export const saveEvaluationQuestion = (question) => call('save_evaluation_question', { question });
export const evaluationForms = (mentorshipId) => call('evaluation_forms', { mentorshipId });
export const saveEvaluation = (evaluation) => call('save_evaluation', { evaluation });
export const removeEvaluation = (id) => call('remove_evaluation', { id });
export const printEvaluationForm = (mentorshipId, form) =>
  call('print_evaluation_form', { mentorshipId, form });

// Progress reports. A period is {from, to, label}; `reportPeriods(mentorshipId)` offers the
// periods of this cycle and the last (only those the mentorship runs in, with `written`, when
// one is named; `current` marks today's quarter); `reportPeriod(from, to)` names any range.
export const reportPeriods = (mentorshipId = null) => call('report_periods', { mentorshipId });
export const reportPeriod = (from, to) => call('report_period', { from, to });
export const reportEntry = (mentorshipId, from, to) => call('report_entry', { mentorshipId, from, to });
export const reportEntries = (mentorshipId) => call('report_entries', { mentorshipId });
export const saveReportEntry = (entry) => call('save_report_entry', { entry });
export const removeReportEntry = (id) => call('remove_report_entry', { id });
export const printProgressReport = (mentorshipId, period, includeConfidential) =>
  call('print_progress_report', { mentorshipId, period, includeConfidential });
export const reportableMentorships = (from, to) => call('reportable_mentorships', { from, to });
// Prints every report of the period; resolves to {folder, count, first, failures: [{name,
// message}]}. `onProgress({done, total, name})` hears after each report.
export async function printProgressReports(period, onProgress) {
  const stop = await tauri().event.listen('reports-progress', (event) => onProgress(event.payload));
  try {
    return await call('print_progress_reports', { period });
  } finally {
    stop();
  }
}

// The programme report for a period ({from, to, label}): `programmeReport` resolves to {period,
// sections: [{title, tables: [{title, columns, rows}], notes, charts}], comments, appendix} (the
// evaluations' written answers only when `options.with_comments`, the appendix naming the
// mentorships under way only when `options.with_names`); `printProgrammeReport` to the
// PDF's path; `exportProgrammeReport` asks for a folder in the system's dialog and resolves to
// {files, registers, rows}, or null when cancelled. `format` is 'csv' or 'xlsx'.
export const programmeReport = (period, options) =>
  call('programme_report', { from: period.from, to: period.to, options });
export const printProgrammeReport = (period, options) =>
  call('print_programme_report', { from: period.from, to: period.to, options });
export const exportProgrammeReport = (period, format, options) =>
  call('export_programme_report', { from: period.from, to: period.to, format, options });

// Every mentor's protégés and hours against the norms, and the appointment warnings.
export const workload = () => call('workload');

// What needs attention today: one group per kind, in the order the screen shows them,
// [{kind, count, offset, lines: [{kind, text, about, date, mentorship_id, mentor_id}]}], with
// the first page of each kind's lines; `attentionPage` is the group of one kind with the page
// of its lines from `offset`.
export const dashboard = () => call('dashboard');
export const attentionPage = (kind, offset) => call('attention_page', { kind, offset });

// Documents.
export const printAgreement = (mentorshipId) => call('print_agreement', { mentorshipId });
export const printKpaAllocation = (allocationId) => call('print_kpa_allocation', { allocationId });
export const printMentorContract = (mentorId) => call('print_mentor_contract', { mentorId });
export const printOrganisationAgreement = (organisationId) =>
  call('print_organisation_agreement', { organisationId });
export const openDocument = (path) => call('open_document', { path });
export const showDocumentInFolder = (path) => call('show_document_in_folder', { path });

// The signed paper trail.
export const mentorshipPapers = (mentorshipId) => call('mentorship_papers', { mentorshipId });
export const mentorPapers = (mentorId) => call('mentor_papers', { mentorId });
export const recordSignature = (signature) => call('record_signature', { signature });
export const removeSignature = (paper, subjectId, signer) =>
  call('remove_signature', { paper, subjectId, signer });
export const attachSignedCopy = (paper, subjectId) => call('attach_signed_copy', { paper, subjectId });
export const openSignedCopy = (copyId) => call('open_signed_copy', { copyId });
export const addenda = (mentorshipId) => call('addenda', { mentorshipId });
export const makeAddendum = (request) => call('make_addendum', { request });
export const printAddendum = (addendumId) => call('print_addendum', { addendumId });
export const printAuditPack = (mentorshipId) => call('print_audit_pack', { mentorshipId });
export const printTerminationLetters = (mentorshipId) =>
  call('print_termination_letters', { mentorshipId });
export const printCertificate = (mentorshipId) => call('print_certificate', { mentorshipId });
// Asks in the system's save dialog (opened by the shell) where a copy goes; resolves to the
// path written, or null when the person cancelled.
export const saveDocumentCopy = (from) => call('save_document_copy', { from });

// Signing in. `signInStatus()` is {has_users, user}; a user is {id, name, role, active}.
export const signInStatus = () => call('sign_in_status');
export const createFirstUser = (name, password) => call('create_first_user', { name, password });
export const signIn = (name, password) => call('sign_in', { name, password });
export const signOut = () => call('sign_out');
export const changePassword = (oldPassword, newPassword) =>
  call('change_password', { oldPassword, newPassword });
// What the person signed in may do: {role, permissions, commands}.
export const permissions = () => call('permissions');
// The people who may sign in (programme manager only).
export const listUsers = () => call('list_users');
export const addUser = (name, role, password) => call('add_user', { name, role, password });
export const setUserRole = (id, role) => call('set_user_role', { id, role });
export const setUserDisabled = (id, disabled) => call('set_user_disabled', { id, disabled });

// The audit trail (programme manager only). `query` is {table_name, actor, from, to, limit}.
export const auditEntries = (query) => call('audit_entries', { query });
// Resolves to {lines, first_break}: first_break is the first line that does not follow.
export const checkAuditChain = () => call('check_audit_chain');
// Asks in the system's save dialog where the CSV goes; resolves to its path, or null.
export const exportAudit = (query) => call('export_audit', { query });

// Importing staff from an HR file. `chooseImportFile()` asks in the system's dialog and resolves
// to {file_name, headers, mapping, fields, rows, row_count}, or null when cancelled; `mapping`
// is the field code of each column (null to leave it out).
export const chooseImportFile = () => call('choose_import_file');
// Resolves to the plan {lines, new_units, added, updated, unchanged, errors}; writes nothing.
export const planImport = (mapping) => call('plan_import', { mapping });
// Imports all or nothing; resolves to the plan applied. `onProgress({stage, done, total})`
// hears how far the checking of the lines (stage 'checking') and then the saving of the staff
// ('saving') have got, a hundred times a stage at most.
export async function applyImport(mapping, onProgress) {
  const stop = await tauri().event.listen('import-progress', (event) => onProgress(event.payload));
  try {
    return await call('apply_import', { mapping });
  } finally {
    stop();
  }
}
// Asks for a folder and exports every register: `format` is 'csv' or 'xlsx'. Resolves to
// {files, registers, rows}, or null when cancelled.
export const exportRegisters = (format) => call('export_registers', { format });

// Backup and security. `backupNow()` asks for a folder and resolves to the backup's summary
// {path, size, data_version, encrypted, integrity, staff, mentors, proteges, mentorships,
// sessions, newest_change}, or null when cancelled.
export const safekeepingStatus = () => call('safekeeping_status');
export const backupNow = () => call('backup_now');
// Asks for a backup file (or, `again`, reads the one chosen last with `passphrase`); resolves
// to its summary, or null when cancelled. The shell keeps the file; restore acts on it.
export const inspectBackup = (again = false, passphrase = null) =>
  call('inspect_backup', { again, passphrase });
// Resolves to {restored, previous}: the summaries of the backup and of what it replaced.
export const restoreBackup = (passphrase = null) => call('restore_backup', { passphrase });
export const restoreNewProgramme = (passphrase = null) => call('restore_new_programme', { passphrase });
export const unlock = (passphrase) => call('unlock', { passphrase });
// Encrypts a plain database with the passphrase, or changes an encrypted one's.
export const setPassphrase = (passphrase) => call('set_passphrase', { passphrase });

// A mentorship's disputes, each with its steps and state. The list leaves the confidential
// details and notes out; `getDispute` carries them to a role that may read them. A dispute is
// {id, mentorship_id, raised_on, raised_by, parties, subject, details, steps, state}.
export const listDisputes = (mentorshipId) => call('list_disputes', { mentorshipId });
export const getDispute = (id) => call('get_dispute', { id });
export const saveDispute = (dispute) => call('save_dispute', { dispute });
export const removeDispute = (id) => call('remove_dispute', { id });
export const saveDisputeStep = (step) => call('save_dispute_step', { step });
export const removeDisputeStep = (id) => call('remove_dispute_step', { id });
export const printDisputeLetter = (id, includeConfidential) =>
  call('print_dispute_letter', { id, includeConfidential });
