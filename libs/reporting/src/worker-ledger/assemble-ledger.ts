import { LedgerSession, LedgerTrainingRecords, ledgerSessionId, ledgerTrainingId, WorkerLedger, WorkerLedgerEntry } from './worker-ledger.projection';
import { WorkerYear } from './worker-year.projection';

/** The ids of the `worker-ledger` entries a year's index lists: its sessions', then its trainings'. */
export function ledgerEntryIds(socialWorkerId: string, year: number, index: WorkerYear | null): string[] {
  if (index === null) return [];
  const sessions = index.sessions.map((s) => ledgerSessionId(s.sessionId));
  const trainings = [...new Set(index.trainings.map((t) => t.trainingId))].map((id) => ledgerTrainingId(socialWorkerId, year, id));
  return [...sessions, ...trainings];
}

/**
 * The worker's year in ledger order, from its index and the entries it lists. An entry the
 * index lists but the entries' read model does not hold yet (it reflects an earlier position) is left out.
 */
export function assembleLedger(
  socialWorkerId: string,
  year: number,
  index: WorkerYear | null,
  entries: ReadonlyMap<string, WorkerLedgerEntry>,
): WorkerLedger | null {
  if (index === null) return null;
  const sessions = index.sessions.flatMap((s) => {
    const entry = entries.get(ledgerSessionId(s.sessionId)) as LedgerSession | undefined;
    return entry === undefined ? [] : [entry];
  });
  const trainings = index.trainings.flatMap((t) => {
    const entry = entries.get(ledgerTrainingId(socialWorkerId, year, t.trainingId)) as LedgerTrainingRecords | undefined;
    return entry?.records.filter((r) => r.eventId === t.eventId) ?? [];
  });
  return { sessions, trainings };
}
