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
}

/**
 * One social worker's calendar year as compliance counts it: its sessions and training records in
 * ledger order, each with just what the supervision and training compliance need. It is assembled
 * at query time (`workerYearOf`) from the small documents of the `worker-year` index, so contract
 * performance and eligibility read small documents per worker and the ledger query finds the
 * year's entries (`worker-ledger`) by id.
 */
export interface WorkerYear {
  readonly sessions: readonly YearSession[];
  readonly trainings: readonly YearTraining[];
}

/**
 * A document of the `worker-year` index, shaped like a year: the sessions of one share of a
 * worker's year (`<worker>:<year>/s<n>`, the share fixed by the session's id, so every event of a
 * session reaches the same document, as it reached the whole year's before), or the training
 * records of their year (`<worker>:<year>`). A session event rewrites only its share, a sixth of
 * the year, never the whole year.
 */
export type WorkerYearPart = WorkerYear;

/** How many documents a worker's year of sessions is spread over. */
export const SESSION_SHARES = 6;

/** The share of a year a session's figures are kept in: a hash of its id (FNV-1a), so it never moves. */
export function sessionShare(sessionId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sessionId.length; i++) hash = Math.imul(hash ^ sessionId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SESSION_SHARES;
}

/** The index document of the share of a worker's year that holds a session. */
export const workerYearShareId = (socialWorkerId: string, year: number, share: number) => `${workerLedgerId(socialWorkerId, year)}/s${share}`;

/** The ids of the index documents of a worker's year: its training records, then its session shares. */
export function workerYearPartIds(socialWorkerId: string, year: number): string[] {
  return [workerLedgerId(socialWorkerId, year), ...Array.from({ length: SESSION_SHARES }, (_, share) => workerYearShareId(socialWorkerId, year, share))];
}

const sessionOrder = (a: YearSession, b: YearSession) => (a.heldOn + a.startTime).localeCompare(b.heldOn + b.startTime);

/**
 * The worker's year from the index documents `workerYearPartIds` names (those not found are
 * absent from `parts`), its sessions in ledger order; null when none of them exists.
 */
export function workerYearOf(socialWorkerId: string, year: number, parts: ReadonlyMap<string, WorkerYearPart>): WorkerYear | null {
  const training = parts.get(workerLedgerId(socialWorkerId, year));
  let found = training !== undefined;
  const sessions: YearSession[] = [];
  for (let share = 0; share < SESSION_SHARES; share++) {
    const part = parts.get(workerYearShareId(socialWorkerId, year, share));
    if (part === undefined) continue;
    found = true;
    sessions.push(...part.sessions);
  }
  return found ? { sessions: sessions.sort(sessionOrder), trainings: training?.trainings ?? [] } : null;
}

/** The index documents a ledger event rewrites: the shares of the workers' years holding the session, or the years of the training records. */
function partIdsOf(event: LedgerEvent): string[] {
  const years = workerYearsOf(event);
  if (event.type === 'TrainingAttendanceRecorded' || event.type === 'TrainingEffectivenessAssessed') {
    return years.map((w) => workerLedgerId(w.socialWorkerId, w.year));
  }
  const share = sessionShare(event.data.sessionId);
  return years.map((w) => workerYearShareId(w.socialWorkerId, w.year, share));
}

function withSession(year: WorkerYear, session: YearSession): WorkerYear {
  const others = year.sessions.filter((s) => s.sessionId !== session.sessionId);
  return { ...year, sessions: [...others, session].sort(sessionOrder) };
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

/**
 * Read model 2's index: the compact figures of a social worker's sessions, in shares of each
 * calendar year, and of their training credits, per calendar year (`WorkerYearPart`). Version 2: sessions in shares of the year, where version 1 kept the whole year in one document.
 */
export const workerYearProjection: Projection<WorkerYearPart> = {
  name: 'worker-year',
  version: 2,
  collection: 'worker-years',
  handles: LEDGER_EVENT_TYPES.filter((type) => type !== 'TrainingEffectivenessAssessed'),
  documentIds: (event: ProjectedEvent) => partIdsOf(event as unknown as LedgerEvent),
  evolve(document, projected) {
    return evolveYear(document ?? { sessions: [], trainings: [] }, projected as unknown as LedgerEvent, projected.metadata.eventId);
  },
};
