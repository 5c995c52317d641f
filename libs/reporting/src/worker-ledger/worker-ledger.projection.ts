import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import {
  SessionSnapshot,
  SupervisionSessionAttested,
  SupervisionSessionCorrected,
  SupervisionSessionLogged,
  SupervisionSessionVoided,
} from '@sws/supervision';
import { TrainingAttendanceRecorded, TrainingEffectivenessAssessed, TrainingKind } from '@sws/training';

/** A session as the ledger shows it, with its supervisees' attestations and the events behind it. */
export interface LedgerSession extends SessionSnapshot {
  readonly sessionId: string;
  readonly attestations: ReadonlyArray<{ readonly socialWorkerId: string; readonly eventId: string }>;
  /** Its logging and every correction since, oldest first. */
  readonly eventIds: readonly string[];
}

/**
 * One attendance record of a training that credited the worker: the hours, and the worker's
 * effectiveness scores. It lists no attendees: a worker's training document holds only records that
 * credited that worker (the whole class in each attendee's document was 100 MB nationally).
 */
export interface LedgerTraining {
  readonly trainingId: string;
  readonly title: string;
  readonly kind: TrainingKind;
  readonly heldOn: CalendarDate;
  readonly hoursCredited: number;
  readonly eventId: string;
  readonly effectiveness: ReadonlyArray<{ readonly socialWorkerId: string; readonly score: number; readonly method: string; readonly eventId: string }>;
}

/** The attendance records of one training that credited the worker in the year. */
export interface LedgerTrainingRecords {
  readonly records: readonly LedgerTraining[];
}

/** A document of the worker-ledger collection: a session (shared by its supervisees), or one training's records in a worker's year. */
export type WorkerLedgerEntry = LedgerSession | LedgerTrainingRecords;

/**
 * One social worker's calendar year as the figures read it, assembled at query time from the
 * year's index (`worker-year`) and its entries (`worker-ledger`): every session that named the
 * worker in that year at some point, and every training record that credited them. A projection's
 * fold does not learn which document it is folding (a group session writes several at once), so
 * the documents do not name their worker: `ledgerFigures`, given the worker and the year, keeps the
 * sessions that still name them.
 */
export interface WorkerLedger {
  readonly sessions: readonly LedgerSession[];
  readonly trainings: readonly LedgerTraining[];
}

/** The worker's year: the id of its `worker-year` index, and the prefix of its entries' ids. */
export function workerLedgerId(socialWorkerId: string, year: number): string {
  return `${socialWorkerId}:${year}`;
}

/** A session's entry, one for all its supervisees and years: a session is the same fact in each of their ledgers. */
export const ledgerSessionId = (sessionId: string) => `session:${sessionId}`;
export const ledgerTrainingId = (socialWorkerId: string, year: number, trainingId: string) => `${workerLedgerId(socialWorkerId, year)}/t/${trainingId}`;

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export type LedgerEvent =
  | SupervisionSessionLogged
  | SupervisionSessionAttested
  | SupervisionSessionCorrected
  | SupervisionSessionVoided
  | TrainingAttendanceRecorded
  | TrainingEffectivenessAssessed;

export const LEDGER_EVENT_TYPES = [
  'SupervisionSessionLogged',
  'SupervisionSessionAttested',
  'SupervisionSessionCorrected',
  'SupervisionSessionVoided',
  'TrainingAttendanceRecorded',
  'TrainingEffectivenessAssessed',
] as const;

/** The workers and years an event touches, each once. */
export function workerYearsOf(event: LedgerEvent): Array<{ socialWorkerId: string; year: number }> {
  const of = (workerIds: readonly string[], heldOn: CalendarDate) => workerIds.map((socialWorkerId) => ({ socialWorkerId, year: yearOf(heldOn) }));
  const touched = (() => {
    switch (event.type) {
      case 'SupervisionSessionLogged':
        return of(event.data.superviseeIds, event.data.heldOn);
      case 'SupervisionSessionAttested':
        return of([event.data.socialWorkerId], event.data.heldOn);
      case 'SupervisionSessionCorrected': {
        const { before, after } = event.data;
        return [...of(before.superviseeIds, before.heldOn), ...of(after.superviseeIds, after.heldOn)];
      }
      case 'SupervisionSessionVoided':
        return of(event.data.session.superviseeIds, event.data.session.heldOn);
      case 'TrainingAttendanceRecorded':
        return of(event.data.socialWorkerIds, event.data.heldOn);
      case 'TrainingEffectivenessAssessed':
        return of([event.data.socialWorkerId], event.data.heldOn);
    }
  })();
  const seen = new Map(touched.map((t) => [workerLedgerId(t.socialWorkerId, t.year), t]));
  return [...seen.values()];
}

function entryIds(event: LedgerEvent): string[] {
  if (event.type === 'TrainingAttendanceRecorded' || event.type === 'TrainingEffectivenessAssessed') {
    return workerYearsOf(event).map(({ socialWorkerId, year }) => ledgerTrainingId(socialWorkerId, year, event.data.trainingId));
  }
  return [ledgerSessionId(event.data.sessionId)];
}

function evolveSession(session: LedgerSession | null, event: Exclude<LedgerEvent, TrainingAttendanceRecorded | TrainingEffectivenessAssessed>, eventId: string): LedgerSession | null {
  switch (event.type) {
    case 'SupervisionSessionLogged':
      return { ...event.data, attestations: [], eventIds: [eventId] };
    case 'SupervisionSessionAttested': {
      const { socialWorkerId } = event.data;
      if (!session || session.attestations.some((a) => a.socialWorkerId === socialWorkerId)) return session;
      return { ...session, attestations: [...session.attestations, { socialWorkerId, eventId }] };
    }
    case 'SupervisionSessionCorrected': {
      const { sessionId, after, attestedBy } = event.data;
      // An attestation the fold has not seen stands on the correction that states it.
      const attestations = attestedBy.map(
        (socialWorkerId) => session?.attestations.find((a) => a.socialWorkerId === socialWorkerId) ?? { socialWorkerId, eventId },
      );
      const eventIds = [...(session?.eventIds ?? []).filter((id) => id !== eventId), eventId];
      return { ...after, sessionId, attestations, eventIds };
    }
    case 'SupervisionSessionVoided':
      return null;
  }
}

function evolveTraining(training: LedgerTrainingRecords | null, event: TrainingAttendanceRecorded | TrainingEffectivenessAssessed, eventId: string): LedgerTrainingRecords | null {
  const records = training?.records ?? [];
  if (event.type === 'TrainingAttendanceRecorded') {
    const { trainingId, title, kind, heldOn, hoursCredited } = event.data;
    const record: LedgerTraining = { trainingId, title, kind, heldOn, hoursCredited, eventId, effectiveness: [] };
    return { records: [...records.filter((t) => t.eventId !== eventId), record] };
  }
  if (training === null) return null;
  // The worker's own document: each of its records credited them.
  const { socialWorkerId, score, method } = event.data;
  return {
    records: records.map((t) => ({ ...t, effectiveness: [...t.effectiveness.filter((e) => e.socialWorkerId !== socialWorkerId), { socialWorkerId, score, method, eventId }] })),
  };
}

/**
 * Read model 2's entries: one document per supervision session (`session:<id>`, every
 * supervisee's ledger shows the same one) and, per social worker and calendar year, one per
 * training (`<worker>:<year>/t/<training>`, holding only that worker's effectiveness scores), so an
 * event rewrites only the small documents of what it changes. The year's index (`worker-year`)
 * lists them and holds the compact figures compliance needs.
 */
export const workerLedgerProjection: Projection<WorkerLedgerEntry> = {
  name: 'worker-ledger',
  version: 3,
  collection: 'worker-ledgers',
  handles: LEDGER_EVENT_TYPES,
  documentIds: (event: ProjectedEvent) => entryIds(event as unknown as LedgerEvent),
  evolve(document, projected) {
    const event = projected as unknown as LedgerEvent;
    const eventId = projected.metadata.eventId;
    return event.type === 'TrainingAttendanceRecorded' || event.type === 'TrainingEffectivenessAssessed'
      ? evolveTraining(document as LedgerTrainingRecords | null, event, eventId)
      : evolveSession(document as LedgerSession | null, event, eventId);
  },
};
