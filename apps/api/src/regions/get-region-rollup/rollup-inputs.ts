import { CalendarDate, minDate } from '@sws/kernel';
import { FiguresContract, FiguresSpan, RollupStation, StationFigures } from '@sws/reporting';
import { staffingCompliance } from '@sws/stations-contracts';

/** The contract that holds the station today, or else the last one that held it: whose staffing the rollup shows. */
function contractToJudge(contracts: readonly FiguresContract[], today: CalendarDate): FiguresContract | null {
  const started = contracts.filter((c) => c.term.start <= today && c.term.start <= c.lastDay);
  return started.reduce<FiguresContract | null>((latest, c) => (latest === null || c.term.start > latest.term.start ? c : latest), null);
}

/** The workers at the station today. */
export function presentWorkerIds(spans: readonly FiguresSpan[], today: CalendarDate): string[] {
  const present = spans.filter((a) => a.from <= today && (a.until === null || today < a.until));
  return [...new Set(present.map((a) => a.socialWorkerId))];
}

/**
 * What the region rollup needs of one station, from its compact figures: its latest third-party
 * score, the workers there today and how many hold a certificate, and its staffing compliance
 * under its contract from the contract's first day up to today (as a contract's is computed).
 */
export function rollupStation(station: StationFigures, today: CalendarDate): RollupStation {
  const certified = new Set(station.certified);
  const present = presentWorkerIds(station.spans, today);
  const contract = contractToJudge(station.contracts, today);
  const compliance =
    contract === null
      ? null
      : staffingCompliance({
          stationIds: [station.id],
          spans: station.spans.filter((a) => a.contractId === contract.contractId).map((a) => ({ ...a, stationId: station.id })),
          minimums: contract.minimumsInForce,
          firstDay: contract.term.start,
          lastDay: minDate(contract.lastDay, today),
        }).share;
  return {
    stationId: station.id,
    region: station.region,
    closed: station.closed,
    latestScore: station.latestScore,
    workers: present.length,
    certifiedWorkers: present.filter((id) => certified.has(id)).length,
    staffingCompliance: compliance,
  };
}
