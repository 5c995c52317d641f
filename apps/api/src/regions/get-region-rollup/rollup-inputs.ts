import { CalendarDate, daysBetween, minDate } from '@sws/kernel';
import { CountyNames, FiguresContract, FiguresSpan, regionCodes, RollupStation, StationFigures } from '@sws/reporting';

/** The contract that holds the station today, or else the last one that held it: whose staffing the rollup shows. */
function contractToJudge(contracts: readonly FiguresContract[], today: CalendarDate): FiguresContract | null {
  let latest: FiguresContract | null = null;
  for (const c of contracts) if (c.term.start <= today && c.term.start <= c.lastDay && (latest === null || c.term.start > latest.term.start)) latest = c;
  return latest;
}

/** The workers at the station today. */
export function presentWorkerIds(spans: readonly FiguresSpan[], today: CalendarDate): string[] {
  const present = new Set<string>();
  for (const a of spans) if (a.from <= today && (a.until === null || today < a.until)) present.add(a.socialWorkerId);
  return [...present];
}

/**
 * The share of days from `firstDay` to `lastDay` on which the station had at least the minimum
 * in force that day, its workers counted from each span's first day to the day before its
 * `until`: `staffingCompliance`'s share for one station that did not close, reckoned in day
 * offsets from `firstDay`, because the rollup computes it for every station of a province.
 */
export function stationStaffingShare(
  spans: readonly FiguresSpan[],
  minimums: FiguresContract['minimumsInForce'],
  firstDay: CalendarDate,
  lastDay: CalendarDate,
): number | null {
  const end = daysBetween(firstDay, lastDay) + 1;
  if (end <= 0) return null;
  const deltas = new Map<number, number>();
  const bump = (date: CalendarDate, delta: number) => {
    const day = date < firstDay ? 0 : daysBetween(firstDay, date);
    if (day < end) deltas.set(day, (deltas.get(day) ?? 0) + delta);
  };
  for (const span of spans) {
    if (span.until !== null && span.until <= firstDay) continue;
    bump(span.from, 1);
    if (span.until !== null) bump(span.until, -1);
  }
  // Each minimum from the day it took effect; before the first, the first holds.
  const schedule = minimums.map((m) => ({ day: m.from <= firstDay ? 0 : daysBetween(firstDay, m.from), minimum: m.requirements.minWorkersPerStation }));
  const changeDays = [...new Set([0, ...deltas.keys(), ...schedule.map((m) => m.day).filter((day) => day < end)])].sort((a, b) => a - b);
  let headcount = 0;
  let compliantDays = 0;
  for (let i = 0; i < changeDays.length; i++) {
    const day = changeDays[i];
    headcount += deltas.get(day) ?? 0;
    let minimum = schedule[0].minimum;
    for (const m of schedule) if (m.day <= day) minimum = m.minimum;
    if (headcount >= minimum) compliantDays += (changeDays[i + 1] ?? end) - day;
  }
  return compliantDays / end;
}

/**
 * What the region rollup needs of one station, from its compact figures and its county's names:
 * its latest third-party score, the workers there today and how many hold a certificate, and its
 * staffing compliance under its contract from the contract's first day up to today (as a
 * contract's is computed).
 */
export function rollupStation(stationId: string, station: StationFigures, names: CountyNames | null, today: CalendarDate): RollupStation {
  const present = presentWorkerIds(station.spans, today);
  const contract = contractToJudge(station.contracts, today);
  const compliance =
    contract === null
      ? null
      : stationStaffingShare(
          station.spans.filter((a) => a.contractId === contract.contractId),
          contract.minimumsInForce,
          contract.term.start,
          minDate(contract.lastDay, today),
        );
  const { province = '', city = '', county = '' } = names ?? {};
  return {
    stationId,
    region: { code: station.code, province, city, county },
    closed: station.closed,
    latestScore: station.latestScore,
    workers: present.length,
    certifiedWorkers: present.filter((id) => station.certified.includes(id)).length,
    staffingCompliance: compliance,
  };
}

/** The county of a station's figures, for finding its names. */
export const countyOfFigures = (station: StationFigures) => regionCodes(station.code).county;
