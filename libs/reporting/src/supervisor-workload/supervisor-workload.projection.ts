import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import { Month, monthOf } from '@sws/stations-contracts';
import {
  overlapWindow,
  SessionSnapshot,
  SupervisionSessionCorrected,
  SupervisionSessionLogged,
  SupervisionSessionVoided,
  TimedSession,
} from '@sws/supervision';

export interface WorkloadSession extends TimedSession {
  readonly format: SessionSnapshot['format'];
  readonly stationId: string;
  readonly contractId: string;
  readonly superviseeIds: readonly string[];
  /** Its logging and every correction since. */
  readonly eventIds: readonly string[];
}

/** A supervisor's month: the sessions held in it and what they add up to. */
export interface SupervisorWorkload {
  readonly id: string;
  readonly supervisorId: string;
  readonly month: Month;
  readonly sessions: readonly WorkloadSession[];
  readonly sessionCount: number;
  readonly minutes: number;
  readonly hours: number;
  /** Distinct supervisees and stations, sorted. */
  readonly superviseeIds: readonly string[];
  readonly stationIds: readonly string[];
}

export function supervisorWorkloadId(supervisorId: string, month: Month): string {
  return `${supervisorId}:${month}`;
}

type Handled = SupervisionSessionLogged | SupervisionSessionCorrected | SupervisionSessionVoided;

/** The session as the event leaves it, and the day that names the month of a document it creates. */
function after(event: Handled): { heldOn: CalendarDate; session: (SessionSnapshot & { sessionId: string }) | null } {
  switch (event.type) {
    case 'SupervisionSessionLogged':
      return { heldOn: event.data.heldOn, session: event.data };
    case 'SupervisionSessionCorrected':
      return { heldOn: event.data.after.heldOn, session: { ...event.data.after, sessionId: event.data.sessionId } };
    case 'SupervisionSessionVoided':
      return { heldOn: event.data.session.heldOn, session: null };
  }
}

function summed(document: Omit<SupervisorWorkload, 'sessionCount' | 'minutes' | 'hours' | 'superviseeIds' | 'stationIds'>): SupervisorWorkload {
  const sessions = [...document.sessions].sort((a, b) => (a.heldOn + a.startTime).localeCompare(b.heldOn + b.startTime));
  const minutes = sessions.reduce((sum, s) => sum + s.durationMinutes, 0);
  return {
    ...document,
    sessions,
    sessionCount: sessions.length,
    minutes,
    hours: Math.round((minutes / 60) * 100) / 100,
    superviseeIds: [...new Set(sessions.flatMap((s) => s.superviseeIds))].sort(),
    stationIds: [...new Set(sessions.map((s) => s.stationId))].sort(),
  };
}

/**
 * Per supervisor and month (SPEC issue 4): sessions, hours, distinct supervisees and stations.
 * A void removes a session; a correction may move it to another month's document. A fold does
 * not learn which document it folds, so a document takes its month from the first event that
 * creates it; `workloadOf` checks it when read.
 */
export const supervisorWorkloadProjection: Projection<SupervisorWorkload> = {
  name: 'supervisor-workload',
  version: 1,
  collection: 'supervisor-workloads',
  handles: ['SupervisionSessionLogged', 'SupervisionSessionCorrected', 'SupervisionSessionVoided'],
  documentIds(projected: ProjectedEvent) {
    const event = projected as unknown as Handled;
    const { supervisorId } = event.data;
    const days = event.type === 'SupervisionSessionCorrected' ? [event.data.before.heldOn, event.data.after.heldOn] : [after(event).heldOn];
    return [...new Set(days.map((day) => supervisorWorkloadId(supervisorId, monthOf(day))))];
  },

  evolve(document, projected) {
    const event = projected as unknown as Handled;
    const { heldOn, session } = after(event);
    const supervisorId = document?.supervisorId ?? event.data.supervisorId;
    const month = document?.month ?? monthOf(heldOn);
    const sessionId = event.data.sessionId;
    const previous = document?.sessions.find((s) => s.sessionId === sessionId);
    const sessions = (document?.sessions ?? []).filter((s) => s.sessionId !== sessionId);
    if (session !== null && monthOf(session.heldOn) === month) {
      const { heldOn: day, startTime, durationMinutes, format, stationId, contractId, superviseeIds } = session;
      const eventIds = [...(previous?.eventIds ?? []), projected.metadata.eventId];
      sessions.push({ sessionId, heldOn: day, startTime, durationMinutes, format, stationId, contractId, superviseeIds, eventIds });
    }
    return summed({ id: supervisorWorkloadId(supervisorId, month), supervisorId, month, sessions });
  },
};

/** A document read for a supervisor and month, or an empty month when there is none (or it is another month's). */
export function workloadOf(document: SupervisorWorkload | null, supervisorId: string, month: Month): SupervisorWorkload {
  if (document !== null && document.supervisorId === supervisorId && document.month === month) return document;
  return summed({ id: supervisorWorkloadId(supervisorId, month), supervisorId, month, sessions: [] });
}

/** The workload documents that hold every session that could overlap one held on `heldOn`. */
export function workloadIdsAround(supervisorId: string, heldOn: CalendarDate): string[] {
  const { from, to } = overlapWindow(heldOn);
  return [...new Set([from, heldOn, to].map((day) => supervisorWorkloadId(supervisorId, monthOf(day))))];
}

/** `facts.supervisorSessions` for a session held on `heldOn`, gathered from those documents. */
export function sessionsAround(documents: ReadonlyArray<SupervisorWorkload | null>, heldOn: CalendarDate): TimedSession[] {
  const { from, to } = overlapWindow(heldOn);
  return documents
    .flatMap((d) => d?.sessions ?? [])
    .filter((s) => s.heldOn >= from && s.heldOn <= to)
    .map(({ sessionId, heldOn: day, startTime, durationMinutes }) => ({ sessionId, heldOn: day, startTime, durationMinutes }));
}
