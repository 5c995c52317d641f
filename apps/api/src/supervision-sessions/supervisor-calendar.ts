import { Injectable, OnModuleInit } from '@nestjs/common';
import { addDays, CalendarDate } from '@sws/kernel';
import { SupervisorWorkload, supervisorWorkloadId } from '@sws/reporting';
import { socialWorker, streams } from '@sws/stations-contracts';
import { calendarIdsOf, monthsTouched, SessionFacts, supervisionStreams, supervisorCalendarLedger, TimedSession } from '@sws/supervision';
import { Records } from '../infrastructure/records';
import { LegacyRecords } from '../infrastructure/reservations/legacy-records';
import { KeyReads, Reservation } from '../infrastructure/reservations/reservations';

/**
 * A supervisor's sessions do not overlap: the rule of the `SupervisorCalendar-<supervisorId>-<yyyy-mm>`
 * reservation streams. Two sessions are two streams, so logging a session and a correction that
 * moves one claim every month the session has minutes in, and check the sessions held there.
 */
@Injectable()
export class SupervisorCalendar implements OnModuleInit {
  constructor(
    private readonly records: Records,
    private readonly legacy: LegacyRecords,
  ) {}

  onModuleInit(): void {
    // A month logged before its key existed: the sessions with minutes in it, from the workload of the month and the one before.
    this.legacy.register(supervisorCalendarLedger, async (calendar, document) => {
      const month = calendar.slice(-7);
      const supervisorId = calendar.slice(0, -8);
      const previous = addDays(`${month}-01`, -1).slice(0, 7);
      const documents = await Promise.all(
        [previous, month].map((m) => document<SupervisorWorkload>('supervisor-workload', supervisorWorkloadId(supervisorId, m))),
      );
      return documents
        .flatMap((document) => document?.sessions ?? [])
        .filter((session) => monthsTouched(session).includes(month))
        .map(({ sessionId, heldOn, startTime, durationMinutes }) => ({
          recordStreamId: supervisionStreams.supervisionSession(sessionId),
          value: { sessionId, heldOn, startTime, durationMinutes },
        }));
    });
  }

  /** What the session rules check for a session of `supervisorId` with these supervisees at this time. */
  async factsFor(
    supervisorId: string,
    session: Pick<TimedSession, 'heldOn' | 'startTime' | 'durationMinutes'> & { readonly superviseeIds: readonly string[] },
    keys: KeyReads,
  ): Promise<SessionFacts> {
    const supervisorSessions: TimedSession[] = [];
    for (const id of calendarIdsOf(supervisorId, session)) {
      supervisorSessions.push(...(await keys.entries(supervisorCalendarLedger, id)).map((entry) => entry.value));
    }
    const assignments: Record<string, { stationId: string; contractId: string } | null> = {};
    for (const socialWorkerId of new Set(session.superviseeIds)) {
      assignments[socialWorkerId] = await this.assignmentOn(socialWorkerId, session.heldOn);
    }
    return { assignments, supervisorSessions };
  }

  /** A session's claims on the months it has minutes in. */
  claims(supervisorId: string, session: TimedSession): Reservation {
    const { sessionId, heldOn, startTime, durationMinutes } = session;
    const value = { sessionId, heldOn, startTime, durationMinutes };
    return { claims: calendarIdsOf(supervisorId, session).map((id) => ({ ledger: supervisorCalendarLedger, id, value })) };
  }

  /** The worker's assignment on the day, from their own stream (`until` is the first day away). */
  private async assignmentOn(socialWorkerId: string, day: CalendarDate): Promise<{ stationId: string; contractId: string } | null> {
    const state = await this.records.state(streams.socialWorker(socialWorkerId), socialWorker);
    if (state.status !== 'registered') return null;
    const held = state.assignments.find((a) => a.from <= day && (a.until === null || day < a.until));
    return held ? { stationId: held.stationId, contractId: held.contractId } : null;
  }
}
