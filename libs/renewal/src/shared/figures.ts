/**
 * How renewal figures are rounded and compared. A figure is rounded once, to what a report
 * shows (scores to two decimals, shares to two decimals of a percent), and the rounded figure
 * is the one judged, so a reader never sees "80.00" judged as below 80.
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
