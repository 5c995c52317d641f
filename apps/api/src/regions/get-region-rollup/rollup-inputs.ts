import { latestScore, StationScorecard } from '@sws/assessment';
import { CalendarDate, minDate } from '@sws/kernel';
import { RollupStation } from '@sws/reporting';
import { SocialWorkerDetail, StationContract, StationDetail, staffingCompliance } from '@sws/stations-contracts';

/** The contract that holds the station today, or else the last one that held it: whose staffing the rollup shows. */
function contractToJudge(station: StationDetail, today: CalendarDate): StationContract | null {
  const started = station.contracts.filter((c) => c.term.start <= today && c.term.start <= c.lastDay);
  return started.reduce<StationContract | null>((latest, c) => (latest === null || c.term.start > latest.term.start ? c : latest), null);
}

/** The workers at the station today. */
export function presentWorkerIds(station: StationDetail, today: CalendarDate): string[] {
  const present = station.assignments.filter((a) => a.from <= today && (a.until === null || today < a.until));
  return [...new Set(present.map((a) => a.socialWorkerId))];
}

/**
 * What the region rollup needs of one station, from its read models: its latest third-party
 * score, the workers there today and how many hold a certificate, and its staffing compliance
 * under its contract from the contract's first day up to today (as a contract's is computed).
 */
export function rollupStation(
  station: StationDetail,
  scorecard: StationScorecard | null,
  workers: ReadonlyMap<string, SocialWorkerDetail>,
  today: CalendarDate,
): RollupStation {
  const present = presentWorkerIds(station, today);
  const contract = contractToJudge(station, today);
  const compliance =
    contract === null
      ? null
      : staffingCompliance({
          stationIds: [station.id],
          spans: station.assignments.filter((a) => a.contractId === contract.contractId),
          minimums: contract.minimumsInForce,
          firstDay: contract.term.start,
          lastDay: minDate(contract.lastDay, today),
        }).share;
  const latest = latestScore(scorecard);
  return {
    stationId: station.id,
    region: station.region,
    closed: station.closed !== null,
    latestScore: latest === null ? null : { total: latest.total, grade: latest.grade },
    workers: present.length,
    certifiedWorkers: present.filter((id) => (workers.get(id)?.certification ?? 'none') !== 'none').length,
    staffingCompliance: compliance,
  };
}
