import { CalendarDate, minDate } from '@sws/kernel';
import { ContractDetail, headcountOn, lastDay, staffingCompliance } from '@sws/stations-contracts';

export const CONTRACT_STATUSES = ['upcoming', 'active', 'ended', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Where a contract stands on a day: terminated, not started yet, past its last day, or running. */
export function contractStatus(contract: Pick<ContractDetail, 'term' | 'terminated'>, today: CalendarDate): ContractStatus {
  const last = lastDay(contract.term, contract.terminated?.effectiveOn ?? null);
  return contract.terminated ? 'terminated' : today < contract.term.start ? 'upcoming' : today > last ? 'ended' : 'active';
}

/**
 * Where a contract stands today and its staffing so far: the share of its days, up to today,
 * on which every station met its minimum, and each station's headcount today.
 */
export function contractStaffing(contract: ContractDetail, today: CalendarDate) {
  const last = lastDay(contract.term, contract.terminated?.effectiveOn ?? null);
  const minimum = contract.requirements.minWorkersPerStation;
  const compliance = staffingCompliance({
    stationIds: contract.stationIds,
    spans: contract.assignments,
    minimum,
    firstDay: contract.term.start,
    lastDay: minDate(last, today),
  });
  return {
    today,
    lastDay: last,
    status: contractStatus(contract, today),
    staffing: {
      minimumPerStation: minimum,
      headcountToday: Object.fromEntries(contract.stationIds.map((stationId) => [stationId, headcountOn(contract.assignments, stationId, today)])),
      compliance,
    },
  };
}
