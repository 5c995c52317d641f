import { CalendarDate, minDate } from '@sws/kernel';
import { SocialWorkerDetail, StationAssignment } from '@sws/stations-contracts';
import { ledgerFigures, sessionsOf, trainingCreditsOf } from './ledger-figures';
import { ContractTerms, yearBounds } from './requirement';
import { WorkerLedger } from './worker-ledger.projection';

export type LedgerWorker = Pick<SocialWorkerDetail, 'id' | 'name' | 'certification' | 'certifications' | 'assignments'>;

/** The worker's assignments that touch the year: one ledger shows every station they served. */
export function assignmentsInYear(assignments: readonly StationAssignment[], year: number): StationAssignment[] {
  const { first, last } = yearBounds(year);
  return assignments.filter((a) => a.from <= last && (a.until === null || a.until > first));
}

/** The contracts whose requirements a worker's ledger for the year needs: the app loads their details. */
export function contractIdsForLedger(worker: Pick<SocialWorkerDetail, 'assignments'>, year: number): string[] {
  return [...new Set(assignmentsInYear(worker.assignments, year).map((a) => a.contractId))];
}

/**
 * `GET /social-workers/{id}/ledger?year=&asOf=`: the ledger document composed at query time with
 * the worker's certification and assignments (the social-worker-detail read model) and the
 * requirements of the contracts they served. A yearly document cannot learn of an assignment
 * made in an earlier year, so these come from the worker's own read model rather than being copied.
 */
export function workerLedgerView(input: {
  readonly socialWorkerId: string;
  readonly year: number;
  readonly asOf: CalendarDate;
  readonly ledger: WorkerLedger | null;
  readonly worker: LedgerWorker;
  readonly contracts: readonly ContractTerms[];
}) {
  const { socialWorkerId, year, asOf, ledger, worker, contracts } = input;
  const query = { socialWorkerId, year, asOf };
  const assignments = assignmentsInYear(worker.assignments, year).filter((a) => a.from <= asOf);
  const day = minDate(asOf, yearBounds(year).last);
  const current = assignments.find((a) => a.from <= day && (a.until === null || day < a.until)) ?? null;
  return {
    socialWorkerId,
    name: worker.name,
    year,
    asOf,
    certification: worker.certification,
    certifications: worker.certifications.filter((c) => c.on <= yearBounds(year).last),
    currentStation: current && { stationId: current.stationId, contractId: current.contractId, from: current.from },
    assignments,
    sessions: sessionsOf(ledger, query).map(({ attestations: _all, ...session }) => session),
    trainings: trainingCreditsOf(ledger, query),
    figures: ledgerFigures(ledger, { ...query, servicePeriods: assignments, contracts }),
  };
}

export type WorkerLedgerView = ReturnType<typeof workerLedgerView>;
