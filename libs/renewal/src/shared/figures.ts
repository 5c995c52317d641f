/**
 * How renewal figures are compared and shown. A threshold is judged on the exact figure: a mean
 * of scores or a share of days is kept as a fraction of integers (hundredths of a point,
 * ten-thousandths of a share) and compared without rounding, so 79.995 is below 80. What a
 * report shows is rounded half up to two decimals (of a point, of a percent), except that a
 * figure below a threshold is never rounded up onto it: 79.995 shows as 79.99, and the shown
 * figure never contradicts its judgement. (Thresholds have at most that precision.)
 */

/** Hundredths of a point; toPrecision first so that 84.995 (stored as 84.99499…) rounds up as written. */
export function toHundredths(score: number): number {
  return Math.round(Number((score * 100).toPrecision(12)));
}

export function roundScore(score: number): number {
  return toHundredths(score) / 100;
}

/** Ten-thousandths of a share (hundredths of a percent). */
export function toBasisPoints(share: number): number {
  return Math.round(Number((share * 10_000).toPrecision(12)));
}

export function roundShare(share: number): number {
  return toBasisPoints(share) / 10_000;
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

/** CNY amounts are compared in fen. */
export function toFen(amountCny: number): number {
  return Math.round(amountCny * 100);
}

/** Event ids, each once, in the order first met, so a judgement is the same every time it is computed. */
export function uniqueIds(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())];
}

/** A non-negative figure as an exact fraction, in units (hundredths of a point, or ten-thousandths of a share). */
export interface Exact {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function exact(numerator: number | bigint, denominator: number | bigint = 1): Exact {
  return { numerator: BigInt(numerator), denominator: BigInt(denominator) };
}

/** The mean of exact figures (at least one). */
export function meanOf(values: readonly Exact[]): Exact {
  const sum = values.reduce((total, v) => ({
    numerator: total.numerator * v.denominator + v.numerator * total.denominator,
    denominator: total.denominator * v.denominator,
  }));
  return { numerator: sum.numerator, denominator: sum.denominator * BigInt(values.length) };
}

/** Whether the exact figure reaches `units` (an integer count of the same units). */
export function reaches(value: Exact, units: number): boolean {
  return value.numerator >= BigInt(units) * value.denominator;
}

/** The figure as shown, in whole units: half up, but never up onto a threshold (in units) the exact figure lies below. */
export function shownUnits(value: Exact, thresholdUnits: readonly number[]): number {
  const floor = value.numerator / value.denominator;
  const halfUp = (2n * value.numerator + value.denominator) / (2n * value.denominator);
  const exactlyWhole = floor * value.denominator === value.numerator;
  const ontoThreshold = !exactlyWhole && halfUp !== floor && thresholdUnits.includes(Number(halfUp));
  return Number(ontoThreshold ? floor : halfUp);
}

/** A score (two decimals) as an exact figure in hundredths of a point. */
export const exactScore = (score: number): Exact => exact(toHundredths(score));

/** The score shown for an exact figure judged against `thresholds` (scores). */
export function shownScore(value: Exact, thresholds: readonly number[]): number {
  return shownUnits(value, thresholds.map(toHundredths)) / 100;
}

/** `counted / of` as an exact share, in ten-thousandths. */
export const exactShare = (counted: number, of: number): Exact => exact(BigInt(counted) * 10_000n, of);

/** The share shown for an exact share judged against `threshold`. */
export function shownShare(value: Exact, threshold: number): number {
  return shownUnits(value, [toBasisPoints(threshold)]) / 10_000;
}
