import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import {
  SessionSnapshot,
  SupervisionSessionAttested,
  SupervisionSessionCorrected,
  SupervisionSessionLogged,
  SupervisionSessionVoided,
} from '@sws/supervision';
import { TrainingAttendanceRecorded, TrainingEffectivenessAssessed, TrainingKind } from '@sws/training';

/** A session that named the worker in the year, with everyone's attestations and the events behind it. */
export interface LedgerSession extends SessionSnapshot {
  readonly sessionId: string;
  readonly attestations: ReadonlyArray<{ readonly socialWorkerId: string; readonly eventId: string }>;
  /** Its logging and every correction since, oldest first. */
  readonly eventIds: readonly string[];
}

/** One attendance record of a training: the workers it credited and the hours. */
export interface LedgerTraining {
  readonly trainingId: string;
  readonly title: string;
  readonly kind: TrainingKind;
  readonly heldOn: CalendarDate;
  readonly hoursCredited: number;
  readonly socialWorkerIds: readonly string[];
  readonly eventId: string;
  readonly effectiveness: ReadonlyArray<{ readonly socialWorkerId: string; readonly score: number; readonly method: string; readonly eventId: string }>;
}

/**
 * One social worker's calendar year. A projection's fold does not learn which document it is
 * folding (a group session creates several at once), so the document does not name its worker:
 * it holds every session that named the worker in that year at some point, and `ledgerFigures`,
 * given the worker and the year, keeps those that still do.
 */
export interface WorkerLedger {
  readonly sessions: readonly LedgerSession[];
  readonly trainings: readonly LedgerTraining[];
}

export function workerLedgerId(socialWorkerId: string, year: number): string {
  return `${socialWorkerId}:${year}`;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

type Handled =
  | SupervisionSessionLogged
  | SupervisionSessionAttested
  | SupervisionSessionCorrected
  | SupervisionSessionVoided
  | TrainingAttendanceRecorded
  | TrainingEffectivenessAssessed;

const idsOf = (workerIds: readonly string[], heldOn: CalendarDate) => workerIds.map((id) => workerLedgerId(id, yearOf(heldOn)));

function routes(event: Handled): string[] {
  switch (event.type) {
    case 'SupervisionSessionLogged':
      return idsOf(event.data.superviseeIds, event.data.heldOn);
    case 'SupervisionSessionAttested':
      return idsOf([event.data.socialWorkerId], event.data.heldOn);
    case 'SupervisionSessionCorrected': {
      const { before, after } = event.data;
      return [...idsOf(before.superviseeIds, before.heldOn), ...idsOf(after.superviseeIds, after.heldOn)];
    }
    case 'SupervisionSessionVoided':
      return idsOf(event.data.session.superviseeIds, event.data.session.heldOn);
    case 'TrainingAttendanceRecorded':
      return idsOf(event.data.socialWorkerIds, event.data.heldOn);
    case 'TrainingEffectivenessAssessed':
      return idsOf([event.data.socialWorkerId], event.data.heldOn);
  }
}

function withSession(ledger: WorkerLedger, session: LedgerSession): WorkerLedger {
  const others = ledger.sessions.filter((s) => s.sessionId !== session.sessionId);
  return { ...ledger, sessions: [...others, session].sort((a, b) => (a.heldOn + a.startTime).localeCompare(b.heldOn + b.startTime)) };
}

function evolveLedger(ledger: WorkerLedger, event: Handled, eventId: string): WorkerLedger {
  const existing = (sessionId: string) => ledger.sessions.find((s) => s.sessionId === sessionId);
  switch (event.type) {
    case 'SupervisionSessionLogged':
      return withSession(ledger, { ...event.data, attestations: [], eventIds: [eventId] });
    case 'SupervisionSessionAttested': {
      const session = existing(event.data.sessionId);
      const { socialWorkerId } = event.data;
      if (!session || session.attestations.some((a) => a.socialWorkerId === socialWorkerId)) return ledger;
      return withSession(ledger, { ...session, attestations: [...session.attestations, { socialWorkerId, eventId }] });
    }
    case 'SupervisionSessionCorrected': {
      const { sessionId, after, attestedBy } = event.data;
      const previous = existing(sessionId);
      // An attestation the fold has not seen stands on the correction that states it.
      const attestations = attestedBy.map(
        (socialWorkerId) => previous?.attestations.find((a) => a.socialWorkerId === socialWorkerId) ?? { socialWorkerId, eventId },
      );
      const eventIds = [...(previous?.eventIds ?? []).filter((id) => id !== eventId), eventId];
      return withSession(ledger, { ...after, sessionId, attestations, eventIds });
    }
    case 'SupervisionSessionVoided':
      return { ...ledger, sessions: ledger.sessions.filter((s) => s.sessionId !== event.data.sessionId) };
    case 'TrainingAttendanceRecorded': {
      const { trainingId, title, kind, heldOn, hoursCredited, socialWorkerIds } = event.data;
      const others = ledger.trainings.filter((t) => t.eventId !== eventId);
      return { ...ledger, trainings: [...others, { trainingId, title, kind, heldOn, hoursCredited, socialWorkerIds, eventId, effectiveness: [] }] };
    }
    case 'TrainingEffectivenessAssessed': {
      const { trainingId, socialWorkerId, score, method } = event.data;
      return {
        ...ledger,
        trainings: ledger.trainings.map((t) =>
          t.trainingId === trainingId && t.socialWorkerIds.includes(socialWorkerId)
            ? { ...t, effectiveness: [...t.effectiveness.filter((e) => e.socialWorkerId !== socialWorkerId), { socialWorkerId, score, method, eventId }] }
            : t,
        ),
      };
    }
  }
}

/** Read model 2's facts: per social worker and calendar year, the supervision sessions and training credits. */
export const workerLedgerProjection: Projection<WorkerLedger> = {
  name: 'worker-ledger',
  version: 1,
  collection: 'worker-ledgers',
  handles: [
    'SupervisionSessionLogged',
    'SupervisionSessionAttested',
    'SupervisionSessionCorrected',
    'SupervisionSessionVoided',
    'TrainingAttendanceRecorded',
    'TrainingEffectivenessAssessed',
  ],
  documentIds: (event: ProjectedEvent) => [...new Set(routes(event as unknown as Handled))],
  evolve(document, projected) {
    return evolveLedger(document ?? { sessions: [], trainings: [] }, projected as unknown as Handled, projected.metadata.eventId);
  },
};
