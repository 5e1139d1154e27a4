// Dates and times as the window reads and writes them: today on this computer, a day as
// YYYY-MM-DD (the way a date field holds it and core writes it), a day some days later, and
// the words for a day, a moment and the time of day. It is the only module that reads the
// clock; what a date means for the programme (overdue, due, in a cycle) is core's.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// A moment's day on this computer as YYYY-MM-DD. The day is the local one, not the UTC one
// `toISOString` gives, which is yesterday's in the early hours east of Greenwich.
function dayText(moment) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

// Today on this computer as a date field takes it.
export function localToday() {
  return dayText(new Date());
}

// The day on this computer of a moment core wrote (an RFC 3339 timestamp, in UTC).
export function dayOf(at) {
  return dayText(new Date(at));
}

export function thisYear() {
  return new Date().getFullYear();
}

// Counted in UTC, so that summer time cannot make a day 23 or 25 hours long.
function utc(day) {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

// The YYYY-MM-DD `days` after `day` (before it, when negative).
export function addDays(day, days) {
  return new Date(utc(day) + days * 86400000).toISOString().slice(0, 10);
}

// Whole days from the YYYY-MM-DD `from` to `to`.
export function daysBetween(from, to) {
  return Math.round((utc(to) - utc(from)) / 86400000);
}

// Today as "Tuesday 14 July 2026", the way documents write dates, with the day of the week.
export function todayInWords() {
  const d = new Date();
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

// A moment core wrote (an RFC 3339 timestamp) in this computer's time; text that is not one
// is shown as it is.
export function localDateTime(at) {
  const moment = new Date(at);
  if (Number.isNaN(moment.getTime())) return at;
  return moment.toLocaleString('en-ZA', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

// The time of day, as a status line says when something was saved or printed.
export function timeNow() {
  return new Date().toLocaleTimeString('en-ZA', { hour: '2-digit', minute: '2-digit' });
}
