import { addDays, CalendarDate, maxDate, minDate } from '@sws/kernel';

/**
 * What a contract asks from a day on: the award's requirements from the term's first day, each
 * amendment's from the day it took effect, until the next takes over.
 */
export interface RequirementsFrom<R> {
  readonly from: CalendarDate;
  readonly requirements: R;
  /** The award or the amendment they were stated in. */
  readonly eventId: string;
}

/** Oldest first; the first entry starts on the term's first day. */
export type RequirementSchedule<R> = ReadonlyArray<RequirementsFrom<R>>;

/** The schedule once requirements take effect from `entry.from`: they replace whatever was in force from that day on. */
export function withRequirementsFrom<R>(schedule: RequirementSchedule<R>, entry: RequirementsFrom<R>): RequirementsFrom<R>[] {
  return [...schedule.filter((e) => e.from < entry.from), entry];
}

/** The requirements in force on `date` (before the first entry: the first entry's). */
export function requirementsOn<R>(schedule: RequirementSchedule<R>, date: CalendarDate): R {
  const inForce = schedule.filter((e) => e.from <= date);
  return (inForce.length === 0 ? schedule[0] : inForce[inForce.length - 1]).requirements;
}

/** The days from `first` to `last` (inclusive) cut where the requirements change, each stretch with those in force. */
export function requirementStretches<R>(
  schedule: RequirementSchedule<R>,
  first: CalendarDate,
  last: CalendarDate,
): Array<{ first: CalendarDate; last: CalendarDate; requirements: R; eventId: string }> {
  return schedule.flatMap((entry, index) => {
    const next = schedule[index + 1];
    const from = index === 0 ? first : maxDate(first, entry.from);
    const to = next === undefined ? last : minDate(last, addDays(next.from, -1));
    return from <= to ? [{ first: from, last: to, requirements: entry.requirements, eventId: entry.eventId }] : [];
  });
}

/** A contract (read model) whose `requirements` are those in force on `date` rather than the latest. */
export function inForceOn<R, C extends { readonly requirements: R; readonly requirementsInForce: RequirementSchedule<R> }>(contract: C, date: CalendarDate): C {
  return { ...contract, requirements: requirementsOn(contract.requirementsInForce, date) };
}
