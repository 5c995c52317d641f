import { CalendarDate, minDate } from '@sws/kernel';
import { ContractDetail, StationAssignment } from '@sws/stations-contracts';
import { Compliance, yearCompliance } from '../worker-ledger/ledger-figures';
import { ContractTerms, yearBounds } from '../worker-ledger/requirement';
import { yearOf } from '../worker-ledger/worker-ledger.projection';
import { WorkerYear, workerYearPartIds } from '../worker-ledger/worker-year.projection';
import { contractMonths, RatioFigure, stationOutput, StationOutput, TargetFigure, targetFigure } from './service-output-figures';
import { ServiceOutputEntry, serviceOutputYearId } from './service-output-year.projection';

export type PerformanceContract = Pick<ContractDetail, 'id' | 'stationIds' | 'term' | 'terminated' | 'requirements' | 'assignments'>;

/** One of the contract's workers: every assignment they held (social-worker-detail) and the index of their year (worker-year). */
export interface PerformanceWorker {
  readonly socialWorkerId: string;
  readonly assignments: readonly StationAssignment[];
  readonly year: WorkerYear | null;
}

export interface WorkforceCompliance {
  readonly workers: number;
  /** Workers whose attested (or credited) minutes reach the requirement prorated to the date asked about. */
  readonly meeting: number;
  /** meeting / workers; null when the contract has no worker that year. */
  readonly share: number | null;
  readonly perWorker: ReadonlyArray<
    Pick<Compliance, 'requiredMinutes' | 'requiredToDateMinutes' | 'actualMinutes' | 'met' | 'eventIds'> & {
      readonly socialWorkerId: string;
      readonly meeting: boolean;
    }
  >;
  readonly eventIds: readonly string[];
}

/** The contract's workers in the calendar year of `asOf`: assigned under it on some day of the year up to then. */
function workersInYear(contract: PerformanceContract, asOf: CalendarDate): string[] {
  const { first, last } = yearBounds(yearOf(asOf));
  const upTo = minDate(asOf, last);
  const ids = contract.assignments.filter((a) => a.from <= upTo && (a.until === null || a.until > first)).map((a) => a.socialWorkerId);
  return [...new Set(ids)];
}

/** What the app loads for `contractPerformance`: read-model document ids, all derived from the contract detail. */
export function performanceSources(contract: PerformanceContract, asOf: CalendarDate) {
  const year = yearOf(asOf);
  const socialWorkerIds = workersInYear(contract, asOf);
  return {
    year,
    /** Load their social-worker-detail documents, then the contracts their assignments name (`contractIdsForLedger`). */
    socialWorkerIds,
    /** Per worker, the ids of their year's `worker-year` index documents (assemble each year with `workerYearOf`). */
    ledgerIds: socialWorkerIds.map((id) => workerYearPartIds(id, year)),
    /** Per station, its year of service output (`service-output-year`; read the months with `serviceOutputEntries`). */
    serviceOutputYearIds: contract.stationIds.map((stationId) => serviceOutputYearId(stationId, year)),
  };
}

function workforce(rows: WorkforceCompliance['perWorker']): WorkforceCompliance {
  const counted = rows.filter((r) => r.requiredMinutes !== null);
  const meeting = counted.filter((r) => r.meeting).length;
  return {
    workers: counted.length,
    meeting,
    share: counted.length === 0 ? null : meeting / counted.length,
    perWorker: rows,
    eventIds: [...new Set(rows.flatMap((r) => r.eventIds))],
  };
}

function pooled(ratios: readonly RatioFigure[]): RatioFigure {
  const numerator = ratios.reduce((sum, r) => sum + r.numerator, 0);
  const denominator = ratios.reduce((sum, r) => sum + r.denominator, 0);
  return { numerator, denominator, share: denominator === 0 ? null : numerator / denominator, eventIds: ratios.flatMap((r) => r.eventIds) };
}

/**
 * Read model 3's supervision, training and service figures for a contract as of a date, composed
 * at query time from the contract detail, its workers' year indexes (worker-year) and its stations' service reports.
 * Hours requirements are per calendar year (SPEC), so the year is that of `asOf`.
 */
export function contractPerformance(input: {
  readonly contract: PerformanceContract;
  readonly asOf: CalendarDate;
  readonly workers: readonly PerformanceWorker[];
  /** Other contracts the workers served that year, for their requirements; this one is added. */
  readonly contracts?: readonly ContractTerms[];
  /** The months of its stations' service reports in the year (more do no harm: only the year's months of the contract count). */
  readonly serviceOutput: readonly ServiceOutputEntry[];
}) {
  const { contract, asOf } = input;
  const year = yearOf(asOf);
  const contracts = [contract, ...(input.contracts ?? []).filter((c) => c.id !== contract.id)];
  const byId = new Map(input.workers.map((w) => [w.socialWorkerId, w]));
  const ledgers = workersInYear(contract, asOf).map((socialWorkerId) => {
    const worker = byId.get(socialWorkerId);
    const servicePeriods = worker?.assignments ?? contract.assignments.filter((a) => a.socialWorkerId === socialWorkerId);
    return { socialWorkerId, compliance: yearCompliance(worker?.year ?? null, { socialWorkerId, year, asOf, servicePeriods, contracts }) };
  });
  const rows = (pick: (f: (typeof ledgers)[number]) => Compliance) =>
    ledgers.map((f) => {
      const { requiredMinutes, requiredToDateMinutes, actualMinutes, met, onTrack, eventIds } = pick(f);
      return { socialWorkerId: f.socialWorkerId, requiredMinutes, requiredToDateMinutes, actualMinutes, met, meeting: onTrack === true, eventIds };
    });
  const months = contractMonths(contract, year, asOf);
  const stations: StationOutput[] = contract.stationIds.map((id) => stationOutput(contract, id, input.serviceOutput, year, asOf, months));
  const { inTerm, ended } = months;
  const total = (key: keyof StationOutput['output']) => {
    const figures = stations.map((s) => s.output[key]);
    const sum = (pick: (f: TargetFigure) => number) => figures.reduce((total, f) => total + pick(f), 0);
    return targetFigure(sum((f) => f.annualTarget), sum((f) => f.actual), inTerm.length, ended.length);
  };
  return {
    contractId: contract.id,
    asOf,
    year,
    supervision: workforce(rows((f) => f.compliance.supervision)),
    training: workforce(rows((f) => f.compliance.training)),
    serviceOutput: {
      cases: total('cases'),
      groups: total('groups'),
      communityActivities: total('communityActivities'),
      monthsMissing: stations.flatMap((s) => s.monthsMissing.map((month) => ({ stationId: s.stationId, month }))),
    },
    administrativeShare: pooled(stations.map((s) => s.administrativeShare)),
    satisfaction: pooled(stations.map((s) => s.satisfaction)),
    stations,
  };
}

export type ContractPerformance = ReturnType<typeof contractPerformance>;
