import { addDays, CalendarDate, daysBetween } from '@sws/kernel';
import { requirementsOn, RequirementSchedule } from '../contract/requirements-in-force';

/** A worker at a station from a day (inclusive) until a day (exclusive; null while they stay). */
export interface StaffingSpan {
  readonly socialWorkerId: string;
  readonly stationId: string;
  readonly from: CalendarDate;
  readonly until: CalendarDate | null;
}

export function headcountOn(spans: readonly StaffingSpan[], stationId: string, date: CalendarDate): number {
  return spans.filter((s) => s.stationId === stationId && s.from <= date && (s.until === null || date < s.until)).length;
}

/** Each day a station's headcount changed, with the headcount from that day on. */
export function headcountHistory(spans: readonly StaffingSpan[], stationId: string): Array<{ from: CalendarDate; headcount: number }> {
  const deltas = new Map<CalendarDate, number>();
  for (const span of spans) {
    if (span.stationId !== stationId) continue;
    deltas.set(span.from, (deltas.get(span.from) ?? 0) + 1);
    if (span.until !== null) deltas.set(span.until, (deltas.get(span.until) ?? 0) - 1);
  }
  let headcount = 0;
  const history: Array<{ from: CalendarDate; headcount: number }> = [];
  for (const date of [...deltas.keys()].sort()) {
    const delta = deltas.get(date)!;
    if (delta === 0) continue;
    headcount += delta;
    history.push({ from: date, headcount });
  }
  return history;
}

/** What staffing asks of each station (a contract's requirements fit). */
export interface MinimumStaffing {
  readonly minWorkersPerStation: number;
}

export interface StaffingCompliance {
  readonly firstDay: CalendarDate;
  readonly lastDay: CalendarDate;
  /** The days counted: those on which at least one of the stations was open. */
  readonly days: number;
  readonly compliantDays: number;
  /** compliantDays / days, or null when no day has been counted yet. */
  readonly share: number | null;
  /** The stretches on which some open station was below the minimum in force (to inclusive). */
  readonly shortfalls: ReadonlyArray<{
    readonly from: CalendarDate;
    readonly to: CalendarDate;
    readonly minimum: number;
    readonly stations: ReadonlyArray<{ readonly stationId: string; readonly headcount: number }>;
  }>;
}

/**
 * SPEC "Staffing": the share of days from `firstDay` to `lastDay` (both inclusive) on which
 * every station open that day had at least the minimum in force that day. A station counts
 * until the day it closed (that day is its first closed one); a day on which none was open is
 * not counted. A sweep over the days headcounts, minimums or open stations change.
 */
export function staffingCompliance(input: {
  readonly stationIds: readonly string[];
  readonly spans: readonly StaffingSpan[];
  /** The minimum per station from each day it took effect (a contract's `requirementsInForce` fits). */
  readonly minimums: RequirementSchedule<MinimumStaffing>;
  /** The first closed day of each station that closed. */
  readonly closedFrom?: Readonly<Record<string, CalendarDate>>;
  readonly firstDay: CalendarDate;
  readonly lastDay: CalendarDate;
}): StaffingCompliance {
  const { stationIds, spans, minimums, firstDay, lastDay } = input;
  const closedFrom = input.closedFrom ?? {};
  const end = addDays(lastDay, 1);
  if (daysBetween(firstDay, end) <= 0) return { firstDay, lastDay, days: 0, compliantDays: 0, share: null, shortfalls: [] };

  const deltas = new Map<CalendarDate, Map<string, number>>();
  const bump = (date: CalendarDate, stationId: string, delta: number) => {
    const clamped = date < firstDay ? firstDay : date;
    if (clamped >= end) return;
    const byStation = deltas.get(clamped) ?? new Map<string, number>();
    byStation.set(stationId, (byStation.get(stationId) ?? 0) + delta);
    deltas.set(clamped, byStation);
  };
  for (const span of spans) {
    if (!stationIds.includes(span.stationId)) continue;
    if (span.until !== null && span.until <= firstDay) continue;
    bump(span.from, span.stationId, 1);
    if (span.until !== null) bump(span.until, span.stationId, -1);
  }
  const within = (date: CalendarDate | undefined): date is CalendarDate => date !== undefined && date > firstDay && date < end;
  const otherChanges = [...minimums.map((m) => m.from), ...stationIds.map((id) => closedFrom[id])].filter(within);
  const changeDays = [...new Set([firstDay, ...deltas.keys(), ...otherChanges])].sort();
  const headcounts = new Map(stationIds.map((id) => [id, 0]));
  let days = 0;
  let compliantDays = 0;
  const shortfalls: Array<StaffingCompliance['shortfalls'][number]> = [];
  changeDays.forEach((day, index) => {
    for (const [stationId, delta] of deltas.get(day) ?? []) headcounts.set(stationId, headcounts.get(stationId)! + delta);
    const open = stationIds.filter((id) => closedFrom[id] === undefined || day < closedFrom[id]);
    if (open.length === 0) return;
    const next = changeDays[index + 1] ?? end;
    const length = daysBetween(day, next);
    const minimum = requirementsOn(minimums, day).minWorkersPerStation;
    const below = open.filter((id) => headcounts.get(id)! < minimum);
    days += length;
    if (below.length === 0) {
      compliantDays += length;
    } else {
      shortfalls.push({
        from: day,
        to: addDays(next, -1),
        minimum,
        stations: below.map((stationId) => ({ stationId, headcount: headcounts.get(stationId)! })),
      });
    }
  });
  return { firstDay, lastDay, days, compliantDays, share: days === 0 ? null : compliantDays / days, shortfalls };
}
