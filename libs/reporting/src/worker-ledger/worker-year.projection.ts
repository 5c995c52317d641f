import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import { LEDGER_EVENT_TYPES, LedgerEvent, workerLedgerId, workerYearsOf } from './worker-ledger.projection';

/**
 * A session as compliance counts it. `superviseeIds` is stated only once a correction has
 * changed them: until then every document the session reached is a supervisee's.
 */
export interface YearSession {
  readonly sessionId: string;
  readonly heldOn: CalendarDate;
  readonly startTime: string;
  readonly durationMinutes: number;
  readonly superviseeIds?: readonly string[];
  readonly attestations: ReadonlyArray<{ readonly socialWorkerId: string; readonly eventId: string }>;
  readonly eventIds: readonly string[];
}

/** A training record as compliance counts it: it always names the worker whose year it is in. */
export interface YearTraining {
  readonly trainingId: string;
  readonly heldOn: CalendarDate;
  readonly hoursCredited: number;
  readonly eventId: string;
  /** Only in a ledger assembled with its entries; an index's records always credit its worker. */
  readonly socialWorkerIds?: readonly string[];
}

/**
 * The index of one social worker's calendar year (`<worker>:<year>`): its sessions and training
 * records in ledger order, each with just what the supervision and training compliance need,
 * so contract performance and eligibility read one small document per worker and the ledger
 * query finds the year's entries (`worker-ledger`) by id.
 */
export interface WorkerYear {
  readonly sessions: readonly YearSession[];
  readonly trainings: readonly YearTraining[];
}

function withSession(year: WorkerYear, session: YearSession): WorkerYear {
  const others = year.sessions.filter((s) => s.sessionId !== session.sessionId);
  return { ...year, sessions: [...others, session].sort((a, b) => (a.heldOn + a.startTime).localeCompare(b.heldOn + b.startTime)) };
}

function evolveYear(year: WorkerYear, event: LedgerEvent, eventId: string): WorkerYear {
  const existing = (sessionId: string) => year.sessions.find((s) => s.sessionId === sessionId);
  switch (event.type) {
    case 'SupervisionSessionLogged': {
      const { sessionId, heldOn, startTime, durationMinutes } = event.data;
      return withSession(year, { sessionId, heldOn, startTime, durationMinutes, attestations: [], eventIds: [eventId] });
    }
    case 'SupervisionSessionAttested': {
      const session = existing(event.data.sessionId);
      const { socialWorkerId } = event.data;
      if (!session || session.attestations.some((a) => a.socialWorkerId === socialWorkerId)) return year;
      return withSession(year, { ...session, attestations: [...session.attestations, { socialWorkerId, eventId }] });
    }
    case 'SupervisionSessionCorrected': {
      const { sessionId, after, attestedBy } = event.data;
      const previous = existing(sessionId);
      const attestations = attestedBy.map(
        (socialWorkerId) => previous?.attestations.find((a) => a.socialWorkerId === socialWorkerId) ?? { socialWorkerId, eventId },
      );
      const eventIds = [...(previous?.eventIds ?? []).filter((id) => id !== eventId), eventId];
      const { heldOn, startTime, durationMinutes, superviseeIds } = after;
      return withSession(year, { sessionId, heldOn, startTime, durationMinutes, superviseeIds, attestations, eventIds });
    }
    case 'SupervisionSessionVoided':
      return { ...year, sessions: year.sessions.filter((s) => s.sessionId !== event.data.sessionId) };
    case 'TrainingAttendanceRecorded': {
      const { trainingId, heldOn, hoursCredited } = event.data;
      const others = year.trainings.filter((t) => t.eventId !== eventId);
      return { ...year, trainings: [...others, { trainingId, heldOn, hoursCredited, eventId }] };
    }
    case 'TrainingEffectivenessAssessed':
      return year;
  }
}

/** Read model 2's index: per social worker and calendar year, the compact figures of its sessions and training credits. */
export const workerYearProjection: Projection<WorkerYear> = {
  name: 'worker-year',
  version: 1,
  collection: 'worker-years',
  handles: LEDGER_EVENT_TYPES.filter((type) => type !== 'TrainingEffectivenessAssessed'),
  documentIds: (event: ProjectedEvent) => workerYearsOf(event as unknown as LedgerEvent).map((w) => workerLedgerId(w.socialWorkerId, w.year)),
  evolve(document, projected) {
    return evolveYear(document ?? { sessions: [], trainings: [] }, projected as unknown as LedgerEvent, projected.metadata.eventId);
  },
};
