import { CalendarDate } from './calendar-date';

/**
 * What the choice of "the latest counting assessment" looks at. It lives in the kernel because
 * two contexts make the choice (the assessment library's scorecard, the renewal judgement) and
 * neither may import the other: one definition, used by both.
 */
export interface CountingCandidate {
  readonly assessmentId: string;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  /** The moment its finalization was recorded (ISO timestamp with an offset). */
  readonly finalizedAt: string;
}

/**
 * The order of counting assessments, latest last: the period that ends later; of two ending the
 * same day, the longer one (an annual assessment outranks December's monthly one); of two covering
 * the same days, the one finalized later; and, finalized in the same millisecond, the id that sorts
 * last, so the choice never depends on the order the candidates come in. Negative when `a` comes first.
 */
export function compareCounting(a: CountingCandidate, b: CountingCandidate): number {
  if (a.period.to !== b.period.to) return a.period.to < b.period.to ? -1 : 1;
  if (a.period.from !== b.period.from) return a.period.from > b.period.from ? -1 : 1;
  const finalized = Date.parse(a.finalizedAt) - Date.parse(b.finalizedAt);
  if (finalized !== 0) return finalized;
  return a.assessmentId === b.assessmentId ? 0 : a.assessmentId < b.assessmentId ? -1 : 1;
}

/** The latest of the candidates by `compareCounting`, or null when there is none. */
export function latestCounting<T extends CountingCandidate>(candidates: readonly T[]): T | null {
  return candidates.reduce<T | null>((latest, c) => (latest === null || compareCounting(c, latest) > 0 ? c : latest), null);
}
