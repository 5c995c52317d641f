import { addDays, CalendarDate, daysBetween, maxDate, minDate } from '@sws/kernel';
import {
  DEFAULT_REQUIREMENTS,
  lastDay,
  Requirements,
  requirementStretches,
  RequirementSchedule,
  StationAssignment,
  Term,
} from '@sws/stations-contracts';

type HoursRequirements = Pick<Requirements, 'supervisionHoursPerWorkerYear' | 'trainingHoursPerWorkerYear'>;

/** What the ledger needs of a contract: its days and its hours per worker and year (ContractDetail fits). */
export interface ContractTerms {
  readonly id: string;
  readonly term: Term;
  readonly terminated: { readonly effectiveOn: CalendarDate } | null;
  readonly requirements: HoursRequirements;
  /** The hours from each day they took effect; absent: `requirements` for the whole term. */
  readonly requirementsInForce?: RequirementSchedule<HoursRequirements>;
}

/** A worker's time at a station under a contract, `until` exclusive (StationAssignment fits). */
export type ServicePeriod = Pick<StationAssignment, 'socialWorkerId' | 'stationId' | 'contractId' | 'from' | 'until'>;

export type RequirementKind = 'supervisionHoursPerWorkerYear' | 'trainingHoursPerWorkerYear';

export interface YearlyRequirement {
  /** Minutes the year asks of the worker, prorated by the days served under each contract; null when they served none. */
  readonly requiredMinutes: number | null;
  /** The same, counting only the days served up to the date asked about. */
  readonly requiredToDateMinutes: number | null;
  readonly daysInYear: number;
  readonly periods: ReadonlyArray<{
    readonly contractId: string;
    readonly stationId: string;
    readonly first: CalendarDate;
    readonly last: CalendarDate;
    readonly days: number;
    readonly daysToDate: number;
    readonly hoursPerYear: number;
    /** The contract was not given: the SPEC default applies. */
    readonly assumedDefault: boolean;
  }>;
}

export function yearBounds(year: number): { first: CalendarDate; last: CalendarDate; days: number } {
  const first = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  return { first, last: addDays(next, -1), days: daysBetween(first, next) };
}

const inclusiveDays = (first: CalendarDate, last: CalendarDate) => Math.max(0, daysBetween(first, last) + 1);

/**
 * SPEC: the requirement per worker and calendar year comes from the contract. A worker who
 * served part of the year owes that share of it: the sum over their periods of hours × days
 * served / days in the year, summed in integers and rounded up to a whole minute only once, so
 * that a full year under one contract asks exactly the contract's hours (24 h = 1440 minutes).
 * A period is cut where an amendment changed the hours, each part owing the hours then in force.
 * Periods that began after `asOf` are not yet facts and count for nothing.
 */
export function yearlyRequirement(input: {
  readonly kind: RequirementKind;
  readonly socialWorkerId: string;
  readonly year: number;
  readonly asOf: CalendarDate;
  readonly servicePeriods: readonly ServicePeriod[];
  readonly contracts: readonly ContractTerms[];
}): YearlyRequirement {
  const { kind, socialWorkerId, year, asOf } = input;
  const bounds = yearBounds(year);
  const periods = input.servicePeriods
    .filter((p) => p.socialWorkerId === socialWorkerId && p.from <= asOf)
    .flatMap((p) => {
      const contract = input.contracts.find((c) => c.id === p.contractId);
      const first = maxDate(maxDate(p.from, bounds.first), contract?.term.start ?? bounds.first);
      const contractLast = contract ? lastDay(contract.term, contract.terminated?.effectiveOn ?? null) : bounds.last;
      const last = minDate(minDate(p.until === null ? bounds.last : addDays(p.until, -1), bounds.last), contractLast);
      const schedule = contract?.requirementsInForce ?? [{ from: first, requirements: contract?.requirements ?? DEFAULT_REQUIREMENTS, eventId: '' }];
      return requirementStretches(schedule, first, last).map((stretch) => ({
        contractId: p.contractId,
        stationId: p.stationId,
        first: stretch.first,
        last: stretch.last,
        days: inclusiveDays(stretch.first, stretch.last),
        daysToDate: inclusiveDays(stretch.first, minDate(stretch.last, asOf)),
        hoursPerYear: stretch.requirements[kind],
        assumedDefault: contract === undefined,
      }));
    })
    .filter((p) => p.days > 0);
  if (periods.length === 0) return { requiredMinutes: null, requiredToDateMinutes: null, daysInYear: bounds.days, periods };
  const minuteDays = (days: (p: (typeof periods)[number]) => number) =>
    periods.reduce((sum, p) => sum + Math.round(p.hoursPerYear * 60) * days(p), 0);
  return {
    requiredMinutes: Math.ceil(minuteDays((p) => p.days) / bounds.days),
    requiredToDateMinutes: Math.ceil(minuteDays((p) => p.daysToDate) / bounds.days),
    daysInYear: bounds.days,
    periods,
  };
}
