import { addDays, CalendarDate, Command, daysBetween, refuse } from '@sws/kernel';

/** The bounds of a session's length, in whole minutes. */
export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 480;
/** A session logged more than this many days after it was held is flagged late. */
export const LATE_AFTER_DAYS = 30;

/** A session as far as its time goes: enough to tell whether two overlap. */
export interface TimedSession {
  readonly sessionId: string;
  readonly heldOn: CalendarDate;
  readonly startTime: string;
  readonly durationMinutes: number;
}

const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const EPOCH: CalendarDate = '2000-01-01';

/** Minutes after midnight of 'HH:mm', or null when it is not a time of day. */
export function minuteOfDay(startTime: string): number | null {
  const match = START_TIME.exec(startTime);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Start and end on one minute scale, so that a session crossing midnight compares as it should. */
function span(session: TimedSession): { start: number; end: number } {
  const start = daysBetween(EPOCH, session.heldOn) * 1440 + (minuteOfDay(session.startTime) ?? 0);
  return { start, end: start + session.durationMinutes };
}

/** The first of `others` (the session itself left out) that shares a minute with `session`; touching is not sharing. */
export function firstOverlap(session: TimedSession, others: readonly TimedSession[]): TimedSession | undefined {
  const own = span(session);
  return others.find((other) => {
    if (other.sessionId === session.sessionId) return false;
    const theirs = span(other);
    return own.start < theirs.end && theirs.start < own.end;
  });
}

/**
 * The days whose sessions may overlap one held on `heldOn` (both ends inclusive): since no
 * session lasts a day, only the day before and the day after can reach into it.
 */
export function overlapWindow(heldOn: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const reach = Math.ceil(MAX_DURATION_MINUTES / 1440);
  return { from: addDays(heldOn, -reach), to: addDays(heldOn, reach) };
}

/**
 * The calendar months ('yyyy-mm') a session has minutes in: its own day's, and the next day's
 * too when it runs past midnight into another month. Two sessions that overlap share a minute,
 * hence a month.
 */
export function monthsTouched(session: Pick<TimedSession, 'heldOn' | 'startTime' | 'durationMinutes'>): string[] {
  const lastMinute = (minuteOfDay(session.startTime) ?? 0) + Math.max(session.durationMinutes, 1) - 1;
  const lastDay = addDays(session.heldOn, Math.floor(lastMinute / 1440));
  return [...new Set([session.heldOn.slice(0, 7), lastDay.slice(0, 7)])];
}

export function isLate(heldOn: CalendarDate, loggedOn: CalendarDate): boolean {
  return daysBetween(heldOn, loggedOn) > LATE_AFTER_DAYS;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The moment a session ends (epoch milliseconds): its date and start time are China time. */
export function endOf(session: Pick<TimedSession, 'heldOn' | 'startTime' | 'durationMinutes'>): number {
  return Date.parse(`${session.heldOn}T${session.startTime}:00+08:00`) + session.durationMinutes * 60_000;
}

/**
 * A session is logged and attested only once it is over: what has not happened yet is not a
 * fact. It may end at the very moment of the command.
 */
export function mustHaveEnded(session: Pick<TimedSession, 'heldOn' | 'startTime' | 'durationMinutes'>, command: Pick<Command, 'metadata'>): void {
  const end = endOf(session);
  if (end <= Date.parse(command.metadata.now)) return;
  const endsAt = `${new Date(end + CHINA_OFFSET_MS).toISOString().slice(0, 16)}+08:00`;
  const { heldOn, startTime, durationMinutes } = session;
  refuse('SESSION_NOT_ENDED', `the session on ${heldOn} from ${startTime} for ${durationMinutes} minutes ends at ${endsAt.slice(11, 16)} China time on ${endsAt.slice(0, 10)}; it is not over yet`, {
    heldOn,
    startTime,
    durationMinutes,
    endsAt,
    now: command.metadata.now,
  });
}
