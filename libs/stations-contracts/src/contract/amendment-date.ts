import { CalendarDate, Command, maxDate, refuse, today } from '@sws/kernel';

/**
 * The day an amendment takes effect. Procurement records a supplementary agreement that is in
 * force, often late (backfilled): so the date may lie in the past, and defaults to the day it is
 * recorded (China time). It may not lie ahead: a change agreed for a later date is recorded once
 * it takes effect, so that what the service shows as in force today is. A contract that has not
 * started yet takes an amendment from its first day (its default), since nothing ran under it.
 * The date lies inside the term as amended, and no earlier than the previous amendment's, so each
 * amendment's requirements hold from its date until the next one's.
 */
export function amendmentEffectiveOn(input: {
  readonly named: CalendarDate | undefined;
  readonly command: Pick<Command, 'metadata'>;
  /** The term as the amendment leaves it. */
  readonly term: { readonly start: CalendarDate; readonly end: CalendarDate };
  /** The previous amendment's effective date; null before the first. */
  readonly previous: CalendarDate | null;
}): CalendarDate {
  const { named, term, previous } = input;
  const now = today(input.command);
  const latest = maxDate(now, term.start);
  const effectiveOn = named ?? latest;
  if (effectiveOn < term.start || effectiveOn > term.end) {
    refuse(
      'OUTSIDE_CONTRACT_TERM',
      `effectiveOn ${effectiveOn} lies outside the term ${term.start} to ${term.end}` +
        (named === undefined ? ': name the day the amendment took effect' : ''),
      { field: 'effectiveOn', effectiveOn, term },
    );
  }
  if (effectiveOn > latest) {
    const limit = latest === now ? `today (${now})` : `the first day (${latest}) of a contract that has not started`;
    refuse('DATE_IN_FUTURE', `effectiveOn ${effectiveOn} lies after ${limit}: record an amendment once it takes effect`, {
      field: 'effectiveOn',
      date: effectiveOn,
      today: now,
    });
  }
  if (previous !== null && effectiveOn < previous) {
    refuse('EFFECTIVE_BEFORE_PREVIOUS', `effectiveOn ${effectiveOn} lies before the previous amendment's ${previous}`, {
      field: 'effectiveOn',
      effectiveOn,
      previousEffectiveOn: previous,
    });
  }
  return effectiveOn;
}
