/**
 * Calendar dates as ISO strings (`2026-03-31`). Pure functions: no clock is read here; the
 * caller passes "today" in.
 */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * The answers of the pure functions below for inputs seen lately: a history or a busy service
 * asks about the same few thousand dates again and again. Each is cleared when it grows past
 * MEMO_LIMIT, so memory stays bounded whatever the input.
 */
const MEMO_LIMIT = 8192;

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

const validDates = new Map<string, boolean>();

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const known = validDates.get(value);
  if (known !== undefined) return known;
  return remember(validDates, value, checkCalendarDate(value));
}

function checkCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const dayNumbers = new Map<CalendarDate, number>();
const datesOfDays = new Map<number, CalendarDate>();

function toDayNumber(date: CalendarDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const [y, m, d] = date.split('-').map(Number);
  return remember(dayNumbers, date, Math.floor(Date.UTC(y, m - 1, d) / DAY_MS));
}

function fromDayNumber(day: number): CalendarDate {
  const known = datesOfDays.get(day);
  if (known !== undefined) return known;
  // Not remembered when it throws (a day out of the Date range, NaN): the next call throws again.
  return remember(datesOfDays, day, new Date(day * DAY_MS).toISOString().slice(0, 10));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

/** A moment written in China's own offset, as the service's clock writes it: its date is the one it names. */
const CHINA_MOMENT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?\+08:00$/;

/** The calendar date of a moment, in China Standard Time (UTC+8), where the service's users are. */
export function dateInChina(isoTimestamp: string): CalendarDate {
  // The service's own timestamps (+08:00, a real date, a time of day before 24:00) name their
  // China date already; anything else is parsed as before.
  const own = CHINA_MOMENT.exec(isoTimestamp);
  if (own !== null && isCalendarDate(own[1])) return own[1];
  return new Date(Date.parse(isoTimestamp) + 8 * 3_600_000).toISOString().slice(0, 10);
}
