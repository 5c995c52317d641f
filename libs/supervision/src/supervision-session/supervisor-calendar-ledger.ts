import { foldEvents, reservationLedger } from '@sws/kernel';
import { SupervisionSessionEvent } from './session';
import { mustNotOverlap } from './session-rules';
import { monthsTouched, TimedSession } from './session-time';
import { supervisionSession } from './supervision-session';

/** The id of a supervisor's calendar for a month ('yyyy-mm'). */
export function calendarId(supervisorId: string, month: string): string {
  return `${supervisorId}-${month}`;
}

/** The ids of the calendars a session's minutes fall in. */
export function calendarIdsOf(supervisorId: string, session: Pick<TimedSession, 'heldOn' | 'startTime' | 'durationMinutes'>): string[] {
  return monthsTouched(session).map((month) => calendarId(supervisorId, month));
}

/**
 * `SupervisorCalendar-<supervisorId>-<yyyy-mm>`: a supervisor's sessions do not share a minute.
 * A session claims every month it has minutes in (two when it crosses midnight into the next
 * month); logging and corrections that move it claim, voiding and moving away free, which the
 * session's own stream says when it matters.
 */
export const supervisorCalendarLedger = reservationLedger<TimedSession>({
  category: 'SupervisorCalendar',
  types: { opened: 'SupervisorCalendarOpened', reserved: 'SupervisorCalendarSlotReserved', settled: 'SupervisorCalendarSlotsSettled' },
  refusals: ['SESSION_OVERLAPS'],
  check(claim, others) {
    mustNotOverlap(claim.value, others.map((entry) => entry.value));
  },
  valueOf(calendar, _recordStreamId, events) {
    const state = foldEvents(supervisionSession, events as SupervisionSessionEvent[]);
    if (state.status !== 'logged') return null;
    const { heldOn, startTime, durationMinutes } = state.session;
    if (!monthsTouched(state.session).includes(calendar.slice(-7))) return null;
    return { sessionId: state.sessionId, heldOn, startTime, durationMinutes };
  },
});
