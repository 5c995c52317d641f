import { CalendarDate, minDate } from '@sws/kernel';
import { closedFrom, ContractDetail, headcountOn, lastDay, requirementsOn, StationClosure, staffingCompliance } from '@sws/stations-contracts';

export const CONTRACT_STATUSES = ['upcoming', 'active', 'ended', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Where a contract stands on a day: terminated, not started yet, past its last day, or running. */
export function contractStatus(contract: Pick<ContractDetail, 'term' | 'terminated'>, today: CalendarDate): ContractStatus {
  const last = lastDay(contract.term, contract.terminated?.effectiveOn ?? null);
  return contract.terminated ? 'terminated' : today < contract.term.start ? 'upcoming' : today > last ? 'ended' : 'active';
}

/**
 * Where a contract stands on a day and its staffing so far: the share of its days, up to that
 * day, on which every station open that day met the minimum in force that day, and each
 * station's headcount on the day. A station that closed counts only until its closure.
 */
export function contractStaffing(contract: ContractDetail, today: CalendarDate, closures: readonly StationClosure[]) {
  const last = lastDay(contract.term, contract.terminated?.effectiveOn ?? null);
  const compliance = staffingCompliance({
    stationIds: contract.stationIds,
    spans: contract.assignments,
    minimums: contract.requirementsInForce,
    closedFrom: closedFrom(closures),
    firstDay: contract.term.start,
    lastDay: minDate(last, today),
  });
  return {
    today,
    lastDay: last,
    status: contractStatus(contract, today),
    staffing: {
      minimumPerStation: requirementsOn(contract.requirementsInForce, minDate(last, today)).minWorkersPerStation,
      headcountToday: Object.fromEntries(contract.stationIds.map((stationId) => [stationId, headcountOn(contract.assignments, stationId, today)])),
      closedStations: closures,
      compliance,
    },
  };
}
