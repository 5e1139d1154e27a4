// Starts the window: asks the shell how the database is, shows the welcome screen for an empty
// programme or what needs attention today otherwise, and switches screens from the left-hand menu.

import * as api from './api.js';
import { setAllowed } from './permissions.js';
import { startScreen } from './screens/start.js';
import { aboutBox } from './about.js';
import { dashboardScreen } from './screens/dashboard.js';
import { staffScreen } from './screens/staff.js';
import { unitsScreen } from './screens/units.js';
import { mentorsScreen } from './screens/mentors.js';
import { protegesScreen } from './screens/proteges.js';
import { applicationsScreen } from './screens/applications.js';
import { cohortScreen } from './screens/cohort.js';
import { mentorshipsScreen } from './screens/mentorships.js';
import { organisationsScreen } from './screens/organisations.js';
import { settingsScreen } from './screens/settings.js';
import { kpaScreen } from './screens/kpa.js';
import { workloadScreen } from './screens/workload.js';
import { cyclesScreen } from './screens/cycles.js';
import { progressReportsScreen } from './screens/reports.js';
import { programmeReportScreen } from './screens/programme-report.js';
import { signIn } from './screens/signin.js';
import { usersScreen, changePasswordDialog } from './screens/users.js';
import { auditScreen } from './screens/audit.js';
import { importScreen } from './screens/import.js';
import { unlockDatabase } from './screens/unlock.js';
import { safekeepingScreen } from './screens/safekeeping.js';

const NAV = [
  'dashboard', 'staff', 'units', 'mentors', 'proteges', 'applications', 'cohort',
  'mentorships', 'organisations', 'import', 'kpa', 'workload', 'reports', 'programme', 'cycles',
  'settings', 'users', 'audit', 'safekeeping',
];

// What every screen may use: the closed lists, drop-down options and navigation.
const ctx = {
  status: null,
  vocab: {},
  label(list, code) {
    return (this.vocab[list] ?? []).find((e) => e.code === code)?.label ?? code ?? '';
  },
  async options(source) {
    if (source.vocab) {
      return (this.vocab[source.vocab] ?? []).map((e) => ({ value: e.code, label: e.label }));
    }
    const choices = {
      staff: api.staffChoices,
      organisations: api.organisationChoices,
      mentors: api.mentorChoices,
      proteges: api.protegeChoices,
      units: async () => (await api.listUnits(false)).map((u) => ({ id: u.id, label: u.name })),
      cycles: async () => (await api.listCycles()).map((c) => ({ id: c.id, label: c.name })),
    }[source.choices];
    return (await choices()).map((c) => ({ value: String(c.id), label: c.label }));
  },
  navigate,
  // While a long action changes the whole programme (loading the sample), the menu waits.
  setBusy(busy) {
    for (const item of NAV) document.getElementById(`nav-${item}`).disabled = busy;
  },
  // Shows another screen with one of its records open, e.g. a mentor from the workload.
  async openRecord(name, id) {
    navigate(name);
    await screens[name]?.open?.(id);
  },
  settingsChanged(settings) {
    document.getElementById('department-name').textContent = settings.department_name;
  },
};

const screens = {};
let current = null;

function navigate(name) {
  current = name;
  for (const section of document.querySelectorAll('main > section')) {
    section.hidden = section.id !== `screen-${name}`;
  }
  // The focus never stays behind in a screen that is hidden now (a choice on the welcome
  // screen, a line of Today, the sign-in form): it moves to the screen shown.
  if (document.activeElement?.closest('main > section[hidden]')) focusScreen(name);
  for (const item of NAV) {
    const button = document.getElementById(`nav-${item}`);
    if (item === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const shown = screens[name]?.show?.();
  if (shown) api.track(shown).catch((error) => console.error(error));
}

// Takes the keyboard into a screen: to its heading, or to the screen itself while it is still
// drawn. Whoever chose the screen from the menu with the keyboard goes on from there, without
// tabbing through the whole menu again.
function focusScreen(name) {
  const section = document.getElementById(`screen-${name}`);
  const target = section.querySelector('h1') ?? section;
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
}

function showProblem(message, path) {
  document.getElementById('problem-message').textContent = message;
  document.getElementById('problem-path').textContent = path ?? '';
  for (const item of NAV) document.getElementById(`nav-${item}`).disabled = true;
  navigate('problem');
}

// Waits for someone to sign in (after the database is open), then shows who in the sidebar.
// What they may do is asked of the shell before any screen is drawn, so that no screen shows
// a button they may not use; the shell's gate refuses it regardless.
async function signedIn() {
  ctx.user = await signIn(document.getElementById('screen-signin'));
  setAllowed(await api.permissions());
  document.getElementById('signed-in-name').textContent = ctx.user.name;
  document.getElementById('signed-in-role').textContent = {
    programme_manager: 'Programme manager', hr_officer: 'HR officer', viewer: 'Viewer',
  }[ctx.user.role] ?? ctx.user.role;
  document.getElementById('signed-in').hidden = false;
  const password = changePasswordDialog();
  document.getElementById('change-password').addEventListener('click', () => password.open());
  document.getElementById('sign-out').addEventListener('click', async () => {
    await api.signOut();
    // A fresh window forgets everything the last person had open.
    window.location.reload();
  });
}

async function boot() {
  let status;
  try {
    status = await api.appStatus();
  } catch (error) {
    showProblem(error.message);
    return;
  }
  if (status.open_error) {
    showProblem(status.open_error.message, status.database_path);
    return;
  }
  if (status.locked) {
    await unlockDatabase(document.getElementById('screen-unlock'), status.database_path);
    status = await api.appStatus();
  }
  ctx.status = status;
  const about = aboutBox(status);
  document.getElementById('about-open').addEventListener('click', () => about.open());
  try {
    await signedIn();
  } catch (error) {
    showProblem(error.message, status.database_path);
    return;
  }
  if (status.tightened) {
    document.getElementById('signed-in-status').textContent = 'The database file could be read by other '
      + 'accounts on this computer; MentorDesk has made it private to you.';
  }
  try {
    ctx.vocab = await api.vocabulary();
    ctx.settingsChanged(await api.getSettings());
  } catch (error) {
    showProblem(error.message, status.database_path);
    return;
  }
  screens.start = startScreen(ctx);
  screens.dashboard = dashboardScreen(ctx);
  screens.staff = staffScreen(ctx);
  screens.units = unitsScreen(ctx);
  screens.mentors = mentorsScreen(ctx);
  screens.proteges = protegesScreen(ctx);
  screens.applications = applicationsScreen(ctx);
  screens.cohort = cohortScreen(ctx);
  screens.mentorships = mentorshipsScreen(ctx);
  screens.organisations = organisationsScreen(ctx);
  screens.settings = settingsScreen(ctx);
  screens.kpa = kpaScreen(ctx);
  screens.workload = workloadScreen(ctx);
  screens.cycles = cyclesScreen(ctx);
  screens.reports = progressReportsScreen(ctx);
  screens.programme = programmeReportScreen(ctx);
  screens.users = usersScreen(ctx);
  screens.audit = auditScreen(ctx);
  screens.import = importScreen(ctx);
  screens.safekeeping = safekeepingScreen(ctx);
  for (const item of NAV) {
    document.getElementById(`nav-${item}`).addEventListener('click', (event) => {
      if (current !== item) navigate(item);
      // A button pressed with Enter or Space clicks without a mouse's click count.
      if (event.detail === 0) focusScreen(item);
    });
  }
  navigate(status.is_empty ? 'start' : 'dashboard');
}

boot();
